"""Held-out ACCUSE and REJECT probes (tests/fixtures/accusation_probes.yaml): blame, criticism, allegations,
denials and refusals in the many phrasings outlets use, some with a side named only in the sentence before.

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

PROBES = yaml.safe_load((FIXTURES / "accusation_probes.yaml").read_text(encoding="utf-8"))
VERBAL_CONFLICT = {"ACCUSE", "REJECT"}

# First run, before this stop's rules (2026-12-05): ACCUSE 0.80 (24/30), REJECT 0.64 (14/22), precision 0.860 as
# first scored (0.949 with the `also` dyads added after it and other types on negatives not counted), 1 of 10
# negatives coded REJECT. Reached after them: ACCUSE 0.83 (25/30), REJECT 0.86 (19/22), precision 0.977, none.
RECALL_FLOORS = {"ACCUSE": 0.80, "REJECT": 0.80}
PRECISION_FLOOR = 0.93


@pytest.fixture(scope="module")
def outcomes(extract_text) -> list[Outcome]:
    return batch_outcomes(extract_text, PROBES, VERBAL_CONFLICT)


def test_accusation_probe_recall_and_precision(outcomes):
    assert_meets_floors(outcomes, PROBES, type_floors=RECALL_FLOORS, precision_floor=PRECISION_FLOOR)


def test_accusation_negatives_yield_no_verbal_conflict(extract_text):
    noisy = noisy_negatives(extract_text, PROBES, VERBAL_CONFLICT)
    assert not noisy, noisy
