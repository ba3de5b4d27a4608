"""The learned event scorer: the rules propose, the model decides.

Each candidate the rules propose (a trigger, a type, source and target actors) is read by a small
model on frozen sentence-encoder vectors (:mod:`.encoder`): a type classifier with a NONE class on
the trigger's vector, its dependents' and the sentence's mean, and a role classifier (source, target or neither) on the
trigger's and an argument mention's vectors. :meth:`EventScorer.judge` keeps, retypes or drops each
candidate and says so in a :class:`Verdict`, whose probability the event carries as its evidence; a verb
the rules left alone but whose parse names actors on both sides is added when the model is confident.

Both classifiers are logistic regressions trained by ``make train`` (``scripts/train_event_scorer.py``)
and shipped as arrays in ``data/model/event-scorer.npz``; here they are a dot product and a softmax.
The thresholds of the decisions are in the same file, chosen on the training data's held-out split.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from ...records import ActorTable
from ...resources.files import DATA_DIR
from .encoder import DIMENSIONS, SentenceEncoder, TokenVectors, shared_encoder

WEIGHTS_FILE = DATA_DIR / "model" / "event-scorer.npz"
NONE = "NONE"
ROLES = ("NONE", "source", "target")
# The decision thresholds, in the weights file's order: drop a rule's event, retype it, drop it for its actors;
# add an event the rules did not propose, and how well its sides must fit.
THRESHOLDS = ("drop", "retype", "arguments", "add", "add_sides")


class WeightsError(ValueError):
    """The weights file is damaged or not one `make train` wrote: rerun `make train`."""


@dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic regression over standardised features: classes, weights, bias, mean, scale."""

    classes: tuple[str, ...]
    weights: np.ndarray  # (classes, features)
    bias: np.ndarray  # (classes,)
    mean: np.ndarray  # (features,)
    scale: np.ndarray  # (features,)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Class probabilities of each row of `features` (rows, features) -> (rows, classes)."""
        logits = ((features - self.mean) / self.scale) @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))


def type_features(vectors: TokenVectors, trigger: Token) -> np.ndarray:
    """What the type classifier reads: the trigger's vector, its dependents' mean (what was imposed, on whom, the
    "to" clause) and the sentence's mean."""
    start = trigger.sent.start_char
    dependents = [vectors.span(c.idx - start, c.idx - start + len(c.text)) for c in trigger.children
                  if not c.is_punct]
    around = np.mean(dependents, axis=0) if dependents else np.zeros(DIMENSIONS, dtype=np.float32)
    return np.concatenate([vectors.span(*_relative(trigger, trigger.sent)), around, vectors.mean()])


def role_features(vectors: TokenVectors, trigger: tuple[int, int], argument: tuple[int, int]) -> np.ndarray:
    """What the role classifier reads: the trigger, the argument, their product, and which comes first."""
    at_trigger, at_argument = vectors.span(*trigger), vectors.span(*argument)
    before = np.asarray([1.0 if argument[0] < trigger[0] else -1.0], dtype=np.float32)
    return np.concatenate([at_trigger, at_argument, at_trigger * at_argument, before])


TYPE_FEATURES = 3 * DIMENSIONS
ROLE_FEATURES = 3 * DIMENSIONS + 1


@dataclass(frozen=True)
class Proposal:
    """A candidate: trigger token, type, and the ids of its source and target actors. `ruled`: the rules proposed
    it; else only the parse offers it (a verb with actors on both sides) and it has no type until the model says."""

    trigger: Token
    etype: str
    sources: list[str]
    targets: list[str]
    ruled: bool = True


@dataclass(frozen=True)
class Verdict:
    """The model's decision on a proposal: the type to keep (None: drop it), with its probability."""

    etype: str | None
    probability: float
    note: str  # why, for explain: "kept", "retyped from X", "dropped: ..."


@dataclass(frozen=True, eq=False)
class EventScorer:
    """The two classifiers and the decision thresholds of one weights file (its `digest` names the model)."""

    types: LinearModel
    roles: LinearModel
    thresholds: dict[str, float]
    digest: str

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> EventScorer:
        """Read a weights file written by :func:`save_weights`, checking its digest."""
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        digest = str(arrays.pop("digest"))
        if digest != weights_digest(arrays):
            raise WeightsError(f"{path}: the arrays do not match their digest; rerun `make train`")
        thresholds = dict(zip(THRESHOLDS, arrays["thresholds"].tolist(), strict=True))
        return cls(types=_linear(arrays, "type"), roles=_linear(arrays, "role"), thresholds=thresholds,
                   digest=digest)

    @property
    def version(self) -> str:
        """The model's part of a record's pipeline version: short enough for the store's column."""
        return f"model:{self.digest[:8]}"

    def judge(self, doc: Doc, proposals: list[tuple[Span, list[Proposal]]], actors: ActorTable,
              encoder: SentenceEncoder | None = None) -> list[list[Verdict]]:
        """A verdict for every proposal of every sentence; the sentences are encoded together, once."""
        return [[decide(a, self.thresholds) for a in sentence]
                for sentence in self.assess(doc, proposals, actors, encoder)]

    def assess(self, doc: Doc, proposals: list[tuple[Span, list[Proposal]]], actors: ActorTable,
               encoder: SentenceEncoder | None = None) -> list[list[Assessment]]:
        """The model's reading of every proposal: type probabilities and how well the actors fit their roles."""
        busy = [sent for sent, props in proposals if props]
        encoded = iter((encoder or shared_encoder()).encode([sent.text for sent in busy]) if busy else [])
        out = []
        for sent, props in proposals:
            vectors = next(encoded) if props else None
            out.append([self.assess_one(p, sent, vectors, actors) for p in props] if vectors is not None else [])
        return out

    def assess_one(self, proposal: Proposal, sent: Span, vectors: TokenVectors, actors: ActorTable) -> Assessment:
        """The model's reading of one proposal, given its sentence's vectors."""
        trigger = _relative(proposal.trigger, sent)
        if not vectors.span(*trigger).any():
            return Assessment(proposal.etype, {}, None, proposal.ruled)
        probs = self.types.probabilities(type_features(vectors, proposal.trigger)[None])[0]
        return Assessment(proposal.etype, dict(zip(self.types.classes, probs.tolist(), strict=True)),
                          self._argument_fit(proposal, sent, vectors, actors, trigger), proposal.ruled)

    def _argument_fit(self, proposal: Proposal, sent: Span, vectors: TokenVectors, actors: ActorTable,
                      trigger: tuple[int, int]) -> float | None:
        """The lowest probability, over the proposal's named sides, that a side's nearest mention plays its role."""
        scores = []
        for role, ids in (("source", proposal.sources), ("target", proposal.targets)):
            for actor_id in ids:
                mention = _nearest_mention(actor_id, sent, proposal.trigger, actors)
                if mention is None:
                    continue  # an actor the sentence does not name (a pronoun's antecedent, a place's state)
                probs = self.roles.probabilities(role_features(vectors, trigger, mention)[None])[0]
                scores.append(float(probs[self.roles.classes.index(role)]))
        return min(scores) if scores else None


@dataclass(frozen=True)
class Assessment:
    """What the model reads at one proposal: its rule type, the type probabilities (empty when the trigger is past
    the encoder's reach), the argument fit (None when no side is named in the sentence), and whether the rules
    proposed it."""

    etype: str
    probabilities: dict[str, float]
    argument_fit: float | None
    ruled: bool = True


def decide(assessment: Assessment, thresholds: dict[str, float]) -> Verdict:
    """Drop a proposal the model reads as no event or whose actors do not fit; retype one it reads as another
    type with confidence; else keep the rules' reading."""
    probs, rule_type = assessment.probabilities, assessment.etype
    if not assessment.ruled:
        return _addition(assessment, thresholds)
    if not probs:
        return Verdict(rule_type, 0.0, "kept: the trigger is past the encoder's reach")
    rule = round(probs.get(rule_type, 0.0), 3)
    best = max((c for c in probs if c != NONE), key=probs.__getitem__)
    if probs[NONE] >= thresholds["drop"] and probs[NONE] > probs.get(rule_type, 0.0):
        return Verdict(None, rule, f"dropped: no event (NONE {probs[NONE]:.2f})")
    fit = assessment.argument_fit
    if fit is not None and fit < thresholds["arguments"]:
        return Verdict(None, rule, f"dropped: the actors do not fit their roles ({fit:.2f})")
    if best != rule_type and probs[best] >= thresholds["retype"]:
        return Verdict(best, round(probs[best], 3), f"retyped from {rule_type}")
    return Verdict(rule_type, rule, "kept")


def _addition(assessment: Assessment, thresholds: dict[str, float]) -> Verdict:
    """An event the rules did not propose: only when the model is confident of its type and of both sides."""
    probs, fit = assessment.probabilities, assessment.argument_fit
    if not probs or fit is None:
        return Verdict(None, 0.0, "not added: nothing to read")
    best = max((c for c in probs if c != NONE), key=probs.__getitem__)
    if probs[best] < thresholds["add"] or fit < thresholds["add_sides"]:
        return Verdict(None, round(probs[best], 3), f"not added: {best} {probs[best]:.2f}, sides {fit:.2f}")
    return Verdict(best, round(probs[best], 3), f"added: {best} {probs[best]:.2f}, sides {fit:.2f}")


def _relative(token: Token, sent: Span) -> tuple[int, int]:
    start = token.idx - sent.start_char
    return start, start + len(token.text)


def _nearest_mention(actor_id: str, sent: Span, trigger: Token, actors: ActorTable) -> tuple[int, int] | None:
    """The actor's mention in the sentence closest to the trigger, relative to the sentence."""
    spans = [(s, e) for s, e, a in actors.mentions_in(sent.start_char, sent.end_char) if a == actor_id]
    if not spans:
        return None
    start, end = min(spans, key=lambda span: abs(span[0] - trigger.idx))
    return start - sent.start_char, end - sent.start_char


def _linear(arrays: dict[str, np.ndarray], prefix: str) -> LinearModel:
    try:
        return LinearModel(classes=tuple(str(c) for c in arrays[f"{prefix}_classes"]),
                           weights=arrays[f"{prefix}_weights"], bias=arrays[f"{prefix}_bias"],
                           mean=arrays[f"{prefix}_mean"], scale=arrays[f"{prefix}_scale"])
    except KeyError as missing:
        raise WeightsError(f"the weights file lacks {missing}; rerun `make train`") from None


def weights_digest(arrays: dict[str, Any]) -> str:
    """sha256 over the arrays' names, shapes, types and bytes: the same weights give the same digest."""
    digest = hashlib.sha256()
    for name in sorted(arrays):
        array = np.ascontiguousarray(arrays[name])
        digest.update(f"{name}:{array.dtype.str}:{array.shape}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


def save_weights(path: Path, types: LinearModel, roles: LinearModel, thresholds: dict[str, float]) -> str:
    """Write a weights file the scorer loads, with its digest; returns the digest."""
    arrays: dict[str, np.ndarray] = {"thresholds": np.asarray([thresholds[k] for k in THRESHOLDS], dtype=np.float64)}
    for prefix, model in (("type", types), ("role", roles)):
        arrays[f"{prefix}_classes"] = np.asarray(model.classes)
        arrays[f"{prefix}_weights"] = model.weights.astype(np.float32)
        arrays[f"{prefix}_bias"] = model.bias.astype(np.float32)
        arrays[f"{prefix}_mean"] = model.mean.astype(np.float32)
        arrays[f"{prefix}_scale"] = model.scale.astype(np.float32)
    digest = weights_digest(arrays)
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays["digest"] = np.asarray(digest)
    np.savez_compressed(path, allow_pickle=False, **arrays)
    return digest
