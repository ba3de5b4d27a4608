"""Completing a side the rules could not read: a learned judge of the sentence's other actors.

A pattern often matches its trigger with the right type and one side, and finds no actor in the slot for the other
("Iran closed the Milak crossing to traders after the clash", the target given only by the sentence's other
state). Over our held-out articles about a third of the events missed were of that kind. Filling the empty side
with every other coded actor of the sentence finds many of them and as many wrong ones, so a small logistic
regression over the parse decides which fills to keep: the pattern and its type, which side is empty, how the
other actor's mention hangs on the trigger (the dependency path), its place and kind, quotation marks.

The coder proposes the fills (:func:`~.coder.code_events`); here they are read as features and judged. The weights
are sparse (feature name → weight) in ``data/model/side-completion.json``, written by ``make train``
(``scripts/train_side_completion.py``) from the team's training texts, its threshold chosen on held-out gold
articles the training never saw.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from ...resources.files import DATA_DIR

WEIGHTS_FILE = DATA_DIR / "model" / "side-completion.json"
ROLES = ("source", "target")
QUOTE_MARKS = frozenset({'"', "“", "”"})
PATH_STEPS = 3  # dependency labels kept on each leg of the path between the trigger and the mention


class CompletionWeightsError(ValueError):
    """The weights file is damaged or not one `make train` wrote: rerun `make train`."""


@dataclass(frozen=True, eq=False)
class SideCompleter:
    """A sparse logistic regression over named features, and the probability a fill needs to be kept."""

    weights: dict[str, float]
    bias: float
    threshold: float
    digest: str

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> SideCompleter:
        data = json.loads(path.read_text(encoding="utf-8"))
        try:
            weights, bias, threshold = data["weights"], float(data["bias"]), float(data["threshold"])
        except KeyError as missing:
            raise CompletionWeightsError(f"{path} lacks {missing}; rerun `make train`") from None
        if data.get("digest") != weights_digest(weights, bias, threshold):
            raise CompletionWeightsError(f"{path}: the weights do not match their digest; rerun `make train`")
        return cls(weights=weights, bias=bias, threshold=threshold, digest=data["digest"])

    def probability(self, features: dict[str, float]) -> float:
        score = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


def weights_digest(weights: dict[str, float], bias: float, threshold: float) -> str:
    """sha256 of the model as canonical JSON: the same weights give the same digest."""
    body = json.dumps({"weights": weights, "bias": bias, "threshold": threshold}, sort_keys=True)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def save_weights(path: Path, weights: dict[str, float], bias: float, threshold: float, about: dict[str, object]
                 ) -> str:
    """Write a weights file :meth:`SideCompleter.load` reads, with what it was trained on; returns its digest."""
    digest = weights_digest(weights, bias, threshold)
    data = {"about": about, "bias": bias, "threshold": threshold, "digest": digest, "weights": weights}
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return digest


def fill_features(trigger: Token, mention: Token, *, pattern_id: str, etype: str, role: str, kind: str,
                  others: int) -> dict[str, float]:
    """What the judge reads of one fill: `mention` (the head of the other actor's mention) in the empty `role`
    of the pattern `pattern_id` (type `etype`) matched at `trigger`; `kind` is the actor's, `others` how many
    coded actors of the sentence could fill the side."""
    sent = trigger.sent
    side = "tgt" if role == "target" else "src"
    features = {
        f"pat={pattern_id}": 1.0, f"type={etype}": 1.0, f"role={side}": 1.0, f"typerole={etype}{side}": 1.0,
        f"pat_role={pattern_id}{side}": 1.0, f"kind={kind}": 1.0, f"n_others={min(others, 3)}": 1.0,
        "before" if mention.i < trigger.i else "after": 1.0, f"mdep={mention.dep_}": 1.0,
        f"trigdep={trigger.dep_}": 1.0, f"trigpos={trigger.pos_}": 1.0,
        "quote_m": float(_quoted(sent, mention)), "quote_t": float(_quoted(sent, trigger)),
        f"dist={min(abs(mention.i - trigger.i) // 3, 6)}": 1.0,
        "root_subj": float(mention.dep_ in ("nsubj", "nsubjpass") and mention.head.dep_ == "ROOT"),
        f"m_head={mention.head.lemma_.lower()}": 1.0,
    }
    features.update(_path_features(trigger, mention))
    return {name: value for name, value in features.items() if value}


def _path_features(trigger: Token, mention: Token) -> dict[str, float]:
    """The dependency path: labels up from the mention to the lowest common head, and down to the trigger."""
    from_mention, from_trigger = _to_root(mention), _to_root(trigger)
    at = {t.i: k for k, t in enumerate(from_trigger)}
    for k, common in enumerate(from_mention):
        if common.i in at:
            up = [t.dep_ for t in from_mention[:k]]
            down = [t.dep_ for t in from_trigger[:at[common.i]]]
            out = {f"up={'>'.join(up[:PATH_STEPS])}": 1.0, f"down={'>'.join(down[:PATH_STEPS])}": 1.0,
                   f"path={'>'.join(up[:2])}^{'>'.join(down[:2])}": 1.0, f"len={min(len(up) + len(down), 6)}": 1.0}
            if common.i == trigger.i:
                out["lca_is_trig"] = 1.0
            else:
                out[f"lca={common.lemma_.lower()}"] = 1.0
            return out
    return {"nopath": 1.0}


def _to_root(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _quoted(sent: Span, token: Token) -> bool:
    """Whether an odd number of quotation marks open the sentence before the token."""
    return sum(1 for t in sent.doc[sent.start:token.i] if t.text in QUOTE_MARKS) % 2 == 1
