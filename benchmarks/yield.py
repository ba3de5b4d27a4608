"""Event yield: events per 1,000 characters on unseen VOA stories against the shared devset, in one run.

    .venv/bin/python benchmarks/yield.py [--corpus FILE] [--devset DIR] [--gold DIR ...]

A coder tuned to its gold articles finds many more events there than on other news of the same kind;
issue 12 asks for the rate on the VOA stories that are in no gold set to be within 20% of the devset's.
The unseen stories are the lines of ``voa_stories.jsonl`` whose text is in none of the gold sets' articles
(a story counts as gold when the start of its text occurs in a gold article's text, whatever the file's
name). Both sets go through the same pipeline (``newsgraph.pipeline.extract``) in this one process.
Characters are those of the clean text the events point into. Never part of `make test`: it takes minutes.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsgraph.pipeline import extract
from newsgraph.records import RawArticle
from newsgraph.sources.readers import read_inputs

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "voa" / "voa_stories.jsonl"
DEFAULT_DEVSET = SHARED / "devset"
DEFAULT_GOLD = [REPO / "tests" / "fixtures" / "gold"]
PREFIX_CHARS = 150  # enough of a story's opening to tell it apart from every other story
TARGET = 0.2  # the unseen rate within 20% of the devset's


@dataclass
class Rate:
    articles: int = 0
    chars: int = 0
    events: int = 0
    claims: int = 0

    def per_1000(self, count: int) -> float:
        return 1000 * count / self.chars if self.chars else 0.0


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def gold_texts(folders: list[Path]) -> list[str]:
    """The folded text of every article that has a gold file beside it."""
    return [folded(p.read_text(encoding="utf-8")) for folder in folders if folder.is_dir()
            for p in sorted(folder.glob("*.txt")) if p.with_name(p.stem + ".gold.json").exists()]


def unseen_stories(corpus: Path, gold: list[str]) -> tuple[list[RawArticle], int]:
    """The corpus stories no gold article contains, and how many were left out because one does."""
    raws, in_gold = [], 0
    for line in corpus.read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        opening = folded(story["text"])[:PREFIX_CHARS]
        if any(opening in text for text in gold):
            in_gold += 1
            continue
        raws.append(RawArticle(text=story["text"], title=story.get("title"), published=story.get("published"),
                               origin=story.get("url") or story["id"]))
    return raws, in_gold


def devset_articles(devset: Path) -> list[RawArticle]:
    paths = [str(p) for p in sorted(devset.glob("*.txt")) if p.with_name(p.stem + ".gold.json").exists()]
    return [r for r in read_inputs(paths) if isinstance(r, RawArticle)]


def measure(raws: list[RawArticle]) -> Rate:
    rate = Rate()
    for article in extract(raws):
        rate.articles += 1
        rate.chars += len(article.text)
        rate.events += len(article.events)
        rate.claims += sum(1 for e in article.events if e.is_claim)
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--gold", type=Path, nargs="*", default=DEFAULT_GOLD, help="other gold folders to leave out")
    args = parser.parse_args()
    unseen, in_gold = unseen_stories(args.corpus, gold_texts([args.devset, *args.gold]))
    rates = {"devset": measure(devset_articles(args.devset)), "unseen VOA": measure(unseen)}
    print(f"VOA stories in a gold set, left out: {in_gold}")
    print(f"{'set':12} {'articles':>8} {'chars':>9} {'events':>7} {'per 1k':>7} {'claims':>7} {'per 1k':>7}")
    for name, r in rates.items():
        print(f"{name:12} {r.articles:8} {r.chars:9} {r.events:7} {r.per_1000(r.events):7.3f} "
              f"{r.claims:7} {r.per_1000(r.claims):7.3f}")
    dev, new = rates["devset"], rates["unseen VOA"]
    ratio = new.per_1000(new.events) / dev.per_1000(dev.events) if dev.events else 0.0
    claims = new.per_1000(new.claims) / dev.per_1000(dev.claims) if dev.claims else 0.0
    verdict = "within" if abs(1 - ratio) <= TARGET else "outside"
    print(f"ratio unseen/devset: events {ratio:.3f}, claims {claims:.3f} ({verdict} the {TARGET:.0%} target)")


if __name__ == "__main__":
    main()
