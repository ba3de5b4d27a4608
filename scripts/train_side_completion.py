"""Train the judge of filled sides (newsgraph/stages/events/completion.py): part of `make train`.

The rules run over the article-shaped training texts (training/articles.jsonl, train split: the team's gold
articles and probes) exactly as over an article; every candidate left with one side empty is offered the
sentence's other coded actors (the coder's own fills), and each fill is labelled by the text's gold: kept when the
dyad it makes is a gold one. A logistic regression over the fills' parse features is fitted on them.

Its threshold is chosen on held-out gold articles the training never saw (training/tuning-articles.txt names
them), by the event F1 the pipeline's event stage reaches there with the judge at each threshold, scored by
`newsgraph evaluate`'s rules: the best F1 whose precision is at most 0.05 under the rules' own, if it gains 0.005;
else the judge stays off (threshold above 1). The weights and what they were trained and tuned on go to
newsgraph/data/model/side-completion.json. Deterministic: the same data give the same file.

    python scripts/train_side_completion.py [--articles training/articles.jsonl]
"""
from __future__ import annotations

import argparse
import copy
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.evaluate.gold import load_gold
from newsgraph.evaluate.results import ArticleResult, Counts, Figures
from newsgraph.evaluate.scoring import Dyad, dyad_matches, gold_dyads, normalise_code, pairs_of, score_events
from newsgraph.extras import needs_extra
from newsgraph.records import Article, ReadFailure
from newsgraph.resources import Resources
from newsgraph.sources.readers import read_inputs
from newsgraph.stages.actors import code_on_event_dates, resolve_actors
from newsgraph.stages.clean import clean_article
from newsgraph.stages.dates import resolve_dates
from newsgraph.stages.events.coder import Fill, Trace, code_events
from newsgraph.stages.events.completion import WEIGHTS_FILE, SideCompleter, save_weights, weights_digest
from newsgraph.stages.parse import get_nlp

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "training" / "articles.jsonl"
TUNING = REPO / "training" / "tuning-articles.txt"
GOLD_DIR = REPO / "tests" / "fixtures" / "gold"
REGULARISATION = 0.3  # scikit-learn's C: weaker weights for features few fills carry
THRESHOLDS = [round(0.95 - 0.05 * k, 2) for k in range(14)]  # 0.95 down to 0.30
PRECISION_GIVEN_UP = 0.05
F1_GAIN_NEEDED = 0.005
OFF = 1.01


@dataclass
class Text:
    """One text parsed as the pipeline parses it, with its actors, dates and gold events."""

    doc: Any
    actors: Any
    dates: Any
    published: str | None
    gold: dict[str, Any]
    name: str


def parse(items: list[tuple[str, str | None, dict[str, Any], str]], resources: Resources) -> list[Text]:
    """(text, published, gold, name) → parsed texts with the actors and dates the pipeline's stages give."""
    out = []
    for (_, published, gold, name), doc in zip(items, get_nlp().pipe(t for t, _, _, _ in items), strict=True):
        doc._.published = published
        actors = resolve_actors(doc, kb=resources.kb, published=published, speech_verbs=resources.speech_verbs,
                                gendered_titles=resources.gendered_titles, lexicon=resources.lexicon,
                                grammar=resources.grammar)
        dates = resolve_dates(doc, published=published, lexicon=resources.dates, grammar=resources.grammar,
                              speech_verbs=resources.speech_verbs)
        out.append(Text(doc, actors, dates, published, gold, name))
    return out


def training_texts(path: Path) -> list[tuple[str, str | None, dict[str, Any], str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["text"], r.get("published"), {"events": r["events"]}, r["id"])
            for r in sorted(rows, key=lambda r: r["id"]) if r["split"] == "train"]


def tuning_texts(path: Path, resources: Resources) -> list[tuple[str, str | None, dict[str, Any], str]]:
    """The held-out gold articles named in `path`, read and cleaned as `newsgraph evaluate` reads them."""
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    files = [str(GOLD_DIR / f"{name}.txt") for name in names]
    out = []
    for raw, name in zip(read_inputs(files), names, strict=True):
        if isinstance(raw, ReadFailure):
            raise SystemExit(raw.message())
        clean = clean_article(raw, rules=resources.boilerplate)
        out.append((clean.text, raw.published, load_gold(GOLD_DIR / f"{name}.gold.json"), name))
    return out


def run(text: Text, resources: Resources, completer: SideCompleter | None, trace: Trace | None = None
        ) -> tuple[Any, list[Any]]:
    """The event stage on a copy of the text's actors, as the pipeline runs it."""
    actors = copy.deepcopy(text.actors)
    events = code_events(text.doc, actors=actors, dates=text.dates, published=text.published,
                         lexicon=resources.lexicon, grammar=resources.grammar, speech_verbs=resources.speech_verbs,
                         trace=trace, completer=completer)
    code_on_event_dates(actors, events, kb=resources.kb)
    return actors, events


def fills_of(text: Text, resources: Resources) -> list[Fill]:
    trace = Trace()
    run(text, resources, None, trace)
    return trace.fills


def label(fill: Fill, golds: list[Dyad]) -> int:
    """1 when the dyad the fill makes is one of the gold's (required or not)."""
    cand = fill.candidate
    etype = cand.etype or cand.match.pattern.type
    code = normalise_code(fill.actor.code)
    if fill.role == "target":
        sources, targets = [normalise_code(a.code) for a in cand.sources], [code]
    else:
        sources, targets = [code], [normalise_code(a.code) for a in cand.targets]
    made = [Dyad(s, etype, t) for s, t in pairs_of(sources, etype, targets)]
    return int(any(dyad_matches(g, d) for g in golds for d in made))


def fit(features: list[dict[str, float]], labels: list[int]) -> tuple[dict[str, float], float]:
    with needs_extra("train", "scikit-learn"):
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=REGULARISATION, max_iter=3000).fit(vectorizer.fit_transform(features), labels)
    weights = {name: round(float(w), 6) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0],
                                                            strict=True) if round(float(w), 6)}
    return weights, round(float(model.intercept_[0]), 6)


def counts(texts: list[Text], resources: Resources, completer: SideCompleter | None) -> Counts:
    total = Counts()
    for text in texts:
        actors, events = run(text, resources, completer)
        record = Article(doc_id="", origin=text.name, title=None, published=text.published, text=text.doc.text,
                         actors=actors.actors, events=events)
        result = ArticleResult(article=text.name, has_record=True, counts=Counts())
        score_events(text.gold, record, result)
        total = total + result.counts
    return total


def figures(c: Counts) -> dict[str, float | int]:
    f = Figures.from_counts(c, articles=0, records=0)
    return {"precision": round(f.event_precision or 0.0, 4), "recall": round(f.event_recall or 0.0, 4),
            "f1": round(f.event_f1, 4), "tp": c.event_tp, "fp": c.event_fp, "fn": c.event_fn}


def choose_threshold(texts: list[Text], resources: Resources, weights: dict[str, float], bias: float
                     ) -> tuple[float, dict[str, Any]]:
    rules = figures(counts(texts, resources, None))
    tried = {}
    for threshold in THRESHOLDS:
        judge = SideCompleter(weights, bias, threshold, weights_digest(weights, bias, threshold))
        tried[threshold] = figures(counts(texts, resources, judge))
    floor = float(rules["precision"]) - PRECISION_GIVEN_UP
    allowed = {t: f for t, f in tried.items() if float(f["precision"]) >= floor}
    best = max(allowed, key=lambda t: (allowed[t]["f1"], t), default=None)
    if best is None or float(allowed[best]["f1"]) < float(rules["f1"]) + F1_GAIN_NEEDED:
        return OFF, {"rules": rules, "tried": tried}
    return best, {"rules": rules, "chosen": tried[best], "tried": tried}


def _shown(path: Path) -> str:
    """A path as the weights file records it: from the repository's root when inside it."""
    resolved = path.resolve()
    return str(resolved.relative_to(REPO)) if resolved.is_relative_to(REPO) else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES, help="the article-shaped training data (JSONL)")
    parser.add_argument("--tuning", type=Path, default=TUNING, help="the held-out gold articles for the threshold")
    parser.add_argument("--weights", type=Path, default=WEIGHTS_FILE, help="where the weights go")
    args = parser.parse_args(argv)
    resources = Resources.load(model=False, completion=False)
    train = parse(training_texts(args.articles), resources)
    rows = [(fill.features, label(fill, gold_dyads(text.gold))) for text in train for fill in fills_of(text, resources)]
    weights, bias = fit([f for f, _ in rows], [y for _, y in rows])
    threshold, tuning = choose_threshold(parse(tuning_texts(args.tuning, resources), resources), resources,
                                         weights, bias)
    about = {"trained_on": f"{_shown(args.articles)} (train split): {len(train)} texts, {len(rows)} fills, "
                           f"{sum(y for _, y in rows)} of them gold dyads",
             "tuned_on": f"{_shown(args.tuning)}: the event stage's figures at each threshold",
             "tuning": tuning}
    digest = save_weights(args.weights, weights, bias, threshold, about)
    json.dump({"threshold": threshold, "digest": digest, **about}, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
