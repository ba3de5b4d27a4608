"""Every hand-written event pattern is justified by at least two sentences of our own that it codes.

tests/fixtures/pattern_sentences.yaml maps each pattern id of data/plover/patterns-verbs.yaml and
patterns-nouns.yaml to sentences written for newsgraph (none taken from ../shared), each as
``[source code, target code or null, text]``. A sentence counts for its pattern when the coder yields
an event with that pattern id, the pattern's type, the source code among its sources and (unless null)
the target code among its targets, or among the sources of a joint event. A pattern without two such
sentences does not belong in the shipped files.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from conftest import DEVSET, FIXTURES

from newsgraph.records import Article, RawArticle
from newsgraph.resources.lexicon import PLOVER_DIR, parse_pattern

SENTENCES = yaml.safe_load((FIXTURES / "pattern_sentences.yaml").read_text(encoding="utf-8"))
HAND_WRITTEN = (PLOVER_DIR / "patterns-verbs.yaml", PLOVER_DIR / "patterns-nouns.yaml")
Case = tuple[str, str, "str | None", str]  # pattern id, source, target, text


def shipped_ids() -> set[str]:
    """The ids of the patterns in the two hand-written files."""
    ids = set()
    for path, kind in zip(HAND_WRITTEN, ("verb", "noun"), strict=True):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        classes = {name: frozenset(words) for name, words in (data.get("classes") or {}).items()}
        for type_, modes in data[f"{kind}s"].items():
            for mode, texts in modes.items():
                ids |= {parse_pattern(t, kind=kind, type_=type_, mode=None if mode == "-" else mode, where=path.name,
                                      classes=classes).id for t in texts}
    return ids


def cases() -> list[Case]:
    return [(pid, src, tgt, text) for pid, items in SENTENCES["patterns"].items() for src, tgt, text in items]


def codes_it(article: Article, pid: str, src: str, tgt: str | None) -> bool:
    """Whether the article holds an event by pattern `pid` with source `src` and target `tgt`."""
    code_of = {a.id: a.code for a in article.actors}
    for event in article.events:
        if event.pattern != pid or event.type.lower() != pid.split(":")[0].split(".")[0]:
            continue
        sources = {code_of.get(x) for x in event.source}
        targets = {code_of.get(x) for x in event.target}
        if src in sources and (tgt is None or tgt in targets or (not targets and tgt in sources)):
            return True
    return False


@pytest.fixture(scope="module")
def coded() -> dict[str, list[str]]:
    """Pattern id → the texts of its sentences that the coder codes as written."""
    from newsgraph.pipeline import extract

    all_cases = cases()
    raws = [RawArticle(origin=f"s{i}", text=text, published=SENTENCES["published"])
            for i, (_, _, _, text) in enumerate(all_cases)]
    out: dict[str, list[str]] = defaultdict(list)
    for (pid, src, tgt, text), article in zip(all_cases, extract(raws), strict=True):
        if codes_it(article, pid, src, tgt):
            out[pid].append(text)
    return out


def test_sentences_name_shipped_patterns():
    unknown = set(SENTENCES["patterns"]) - shipped_ids()
    assert not unknown, f"sentences for patterns the files do not hold: {sorted(unknown)}"


def test_no_sentence_twice_for_one_pattern():
    repeated = {pid: items for pid, items in SENTENCES["patterns"].items()
                if len({text for _, _, text in items}) < len(items)}
    assert not repeated, repeated


def test_every_pattern_has_two_sentences_it_codes(coded):
    short = {pid: len(coded.get(pid, [])) for pid in sorted(shipped_ids()) if len(coded.get(pid, [])) < 2}
    failing = [(pid, text) for pid, src, tgt, text in cases() if text not in coded.get(pid, [])]
    assert not short, f"{len(short)} patterns without two coded sentences: {short}\nnot coded: {failing}"


def _shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.skipif(not DEVSET.is_dir(), reason="needs ../shared/devset")
def test_sentences_are_not_taken_from_the_devset():
    devset = set().union(*(_shingles(p.read_text(encoding="utf-8")) for p in Path(DEVSET).glob("*.txt")))
    copied = [text for _, _, _, text in cases()
              if (grams := _shingles(text)) and len(grams & devset) >= 0.5 * len(grams)]
    assert not copied, copied
