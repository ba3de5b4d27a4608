"""Count how often each lexicon pattern, KB row, alias, boilerplate rule and date word fires, per article set.

The sets: (a) the nine devset articles the rules were first tuned on, (b) the other devset articles,
(c) VOA stories not in the devset plus BBC politics stories, (d) tests/fixtures/gold and samples/.
Run from the repository root:

    PYTHONPATH=. python scripts/pattern_usage.py --shared ../shared --out usage.json

The JSON holds, per kind and item, the count in each set; the printed summary gives events per
1,000 characters per set and the items that fire only in set (a).
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.pipeline import extract
from newsgraph.records import Article, RawArticle
from newsgraph.resources import Resources
from newsgraph.resources.boilerplate import CleanRules, flatten_quotes, normalise
from newsgraph.resources.dates import LEXICON_PATH
from newsgraph.resources.files import read_yaml
from newsgraph.sources.readers import read_inputs

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL_NINE = ("eu-nato-briefing-2025-03-08", *(f"voa-0{i}-" for i in range(1, 9)))
SETS = ("a_original9", "b_devset_other", "c_corpus", "d_gold_samples")
KINDS = ("pattern", "kb_row", "alias", "boilerplate", "date_word")


def _key(text: str) -> str:
    """A text's first 300 letters, folded: to tell a corpus story already in the devset."""
    return re.sub(r"[^a-z]", "", text.lower())[:300]


def _read(paths: Iterable[Path]) -> Iterator[RawArticle]:
    for result in read_inputs([str(p) for p in paths]):
        if isinstance(result, RawArticle):
            yield result


def article_sets(shared: Path, bbc_limit: int) -> dict[str, list[RawArticle]]:
    """The raw articles of the four sets."""
    devset = sorted((shared / "devset").glob("*.txt"))
    nine = [p for p in devset if p.name.startswith(ORIGINAL_NINE)]
    dev_raws = list(_read(devset))
    seen = {_key(r.text) for r in dev_raws} | {_key(r.title or "") for r in dev_raws}
    voa = []
    for line in (shared / "corpus" / "voa" / "voa_stories.jsonl").read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        if _key(story["text"]) in seen or _key(story["title"]) in seen:
            continue
        voa.append(RawArticle(origin=f"voa:{story['id']}", text=story["text"], title=story["title"],
                              published=story.get("published", "")[:10] or None))
    bbc = sorted((shared / "corpus" / "bbc-news-2225" / "politics").glob("*.txt"))[:bbc_limit]
    gold = sorted((ROOT / "tests" / "fixtures" / "gold").glob("*.txt"))
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".html", ".rss"))
    nine_names = {str(p) for p in nine}
    return {
        "a_original9": [r for r in dev_raws if r.origin in nine_names],
        "b_devset_other": [r for r in dev_raws if r.origin not in nine_names],
        "c_corpus": voa + list(_read(bbc)),
        "d_gold_samples": list(_read(gold)) + list(_read(samples)),
    }


def boilerplate_rule(text: str, rules: CleanRules) -> str:
    """Which rule removed a line: the label, the regex (by position and reason), a promo phrase, else its shape."""
    norm = normalise(text)
    if norm.rstrip(":").strip() in rules.labels:
        return f"label:{norm.rstrip(':').strip()}"
    flat = flatten_quotes(" ".join(text.split()))
    for i, pattern in enumerate(rules.patterns, start=1):
        if pattern.regex.fullmatch(flat):
            return f"regex{i}:{pattern.reason}"
    if rules.promo_verbs.search(flat) and any(p.search(flat) for p in rules.promo):
        return "promo phrase"
    return "shape"


def date_vocabulary() -> set[str]:
    """Every word listed in dates.yaml (map keys and list items)."""
    words: set[str] = set()
    for value in read_yaml(LEXICON_PATH).values():
        items = value.keys() if isinstance(value, dict) else value
        words |= {str(w).lower() for w in items}
    return words


def count_article(article: Article, rules: CleanRules, date_words: set[str], out: dict[str, Counter[str]]) -> None:
    """Add one article's firings to the counters in `out`."""
    for event in article.events:
        out["pattern"][event.pattern] += 1
        if event.date_text:
            before = article.text[max(0, event.start):article.text.find(event.date_text, event.start)]
            near = before.split()[-3:] + event.date_text.split()
            for word in {w.lower().rstrip(".,") for w in near} & date_words:
                out["date_word"][word] += 1
    for actor in article.actors:
        entry = actor.evidence.get("entry")
        if not entry:
            continue
        out["kb_row"][f"{entry} {actor.evidence.get('kb_name')}"] += 1
        for mention in actor.mentions:
            if mention.via in ("alias", "metonym", "demonym"):
                out["alias"][f"{entry} {mention.via}:{mention.text}"] += 1
    for removed in article.removed:
        out["boilerplate"][boilerplate_rule(removed.text, rules)] += 1


def measure(sets: dict[str, list[RawArticle]]) -> dict[str, object]:
    """Run the pipeline over every set and gather the counts and events per 1,000 characters."""
    resources = Resources.load()
    date_words = date_vocabulary()
    counts: dict[str, dict[str, Counter[str]]] = {}
    rates: dict[str, dict[str, float]] = {}
    for name, raws in sets.items():
        counts[name] = {kind: Counter() for kind in KINDS}
        chars = events = 0
        for article in extract(raws, resources=resources, on_failure=lambda _f: None):
            count_article(article, resources.boilerplate, date_words, counts[name])
            chars += len(article.text)
            events += len(article.events)
        rates[name] = {"articles": len(raws), "chars": chars, "events": events,
                       "events_per_1000_chars": round(1000 * events / chars, 3) if chars else 0.0}
    items: dict[str, dict[str, dict[str, int]]] = {}
    for kind in KINDS:
        keys = sorted({k for name in sets for k in counts[name][kind]})
        items[kind] = {k: {name: counts[name][kind][k] for name in sets} for k in keys}
    return {"sets": rates, "items": items}


def only_in_original(report: dict[str, object]) -> dict[str, list[str]]:
    """Items that fire in set (a) and in no other set."""
    items = report["items"]
    assert isinstance(items, dict)
    return {kind: [k for k, by_set in items[kind].items()
                   if by_set["a_original9"] and not any(by_set[s] for s in SETS[1:])] for kind in KINDS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--bbc-limit", type=int, default=1000, help="at most this many BBC politics stories")
    parser.add_argument("--out", type=Path, help="write the full counts here as JSON")
    args = parser.parse_args()
    report = measure(article_sets(args.shared, args.bbc_limit))
    report["only_in_original9"] = only_in_original(report)
    if args.out:
        args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    for name, rate in report["sets"].items():  # type: ignore[union-attr]
        print(f"{name:16} {rate['articles']:4} articles {rate['events']:5} events "
              f"{rate['events_per_1000_chars']:.3f} per 1,000 chars")
    for kind, keys in report["only_in_original9"].items():  # type: ignore[union-attr]
        fired = sum(1 for by_set in report["items"][kind].values() if by_set["a_original9"])  # type: ignore[index]
        print(f"{kind}: {fired} fire on (a), {len(keys)} only there")
        for key in keys:
            print(f"  {key}")


if __name__ == "__main__":
    main()
