"""Held-out ACCUSE and REJECT probes in article shape (tests/fixtures/accusation_article_probes.yaml): blame and
refusal told through speech and evaluation in long wire sentences, with datelines, participles, appositions and a
side named in the sentence before.

Scored as tests/test_event_probes.py scores its probes; negatives must yield no ACCUSE or REJECT claim.
"""
from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES
from test_event_probes import (
    Outcome,
    assert_meets_floors,
    batch_outcomes,
    noisy_negatives,
)

PROBES = yaml.safe_load((FIXTURES / "accusation_article_probes.yaml").read_text(encoding="utf-8"))
VERBAL_CONFLICT = {"ACCUSE", "REJECT"}

# First run, before this stop's rules (2026-12-05): ACCUSE 0.52 (13/25), REJECT 0.33 (5/15), precision 0.750, no
# negative coded. Reached after them: ACCUSE 0.80 (20/25), REJECT 0.53 (8/15), precision 0.824 (every wrong claim
# left is of another type), no negative coded. Floors sit a little under.
RECALL_FLOORS = {"ACCUSE": 0.76, "REJECT": 0.50}
PRECISION_FLOOR = 0.80


@pytest.fixture(scope="module")
def outcomes(extract_text) -> list[Outcome]:
    return batch_outcomes(extract_text, PROBES, VERBAL_CONFLICT)


def test_article_shaped_accusation_recall_and_precision(outcomes):
    assert_meets_floors(outcomes, PROBES, type_floors=RECALL_FLOORS, precision_floor=PRECISION_FLOOR)


def test_article_shaped_negatives_yield_no_verbal_conflict(extract_text):
    noisy = noisy_negatives(extract_text, PROBES, VERBAL_CONFLICT)
    assert not noisy, noisy
