"""Held-out ACCUSE probes in article shape (tests/fixtures/evaluative_accusation_probes.yaml): criticism carried by
what a speaker says about another side or its act (a reported evaluation, a feeling aimed at an act, a diplomatic
protest, a condemning quote), the sides named before, by a pronoun, a description or a counted group.

Scored as tests/test_event_probes.py scores its probes; negatives must yield no ACCUSE claim.
"""
from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES
from test_event_probes import Outcome, assert_meets_floors, batch_outcomes, event_dyads

PROBES = yaml.safe_load((FIXTURES / "evaluative_accusation_probes.yaml").read_text(encoding="utf-8"))
ACCUSING = {"ACCUSE"}

# First run, before this stop's rules (2026-12-05): recall 0.382 (13/34), precision 0.929, one negative with a
# hypothetical ACCUSE (no claim). After the dismay, resting-blame, misuse, manner, "said of", counted-teller,
# misplaced-"by", protest-note, deceit/endangering, "deeply concerned", trailing-adjective and sheltering-terror
# rules: recall 0.824 (28/34), precision 0.966, no negative with a claim. Floors sit a little under.
RECALL_FLOOR = 0.79
PRECISION_FLOOR = 0.94


@pytest.fixture(scope="module")
def outcomes(extract_text) -> list[Outcome]:
    return batch_outcomes(extract_text, PROBES, ACCUSING)


def test_evaluative_accusation_recall_and_precision(outcomes):
    assert_meets_floors(outcomes, PROBES, recall_floor=RECALL_FLOOR, precision_floor=PRECISION_FLOOR)


@pytest.mark.parametrize("text", PROBES["negatives"])
def test_evaluative_negatives_claim_no_accusation(extract_text, text):
    """A plan or condition ("would summon ... if") may be kept as a hypothetical event; no negative may claim one."""
    article = extract_text(text, published=PROBES["published"])
    claimed = [d for d, _ in event_dyads(article, claims=True) if d[1] in ACCUSING]
    assert not claimed, claimed
