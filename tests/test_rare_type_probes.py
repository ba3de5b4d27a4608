"""Held-out probes for the rarer types as articles tell them: tests/fixtures/rare_type_probes.yaml, scored as
event_probes.yaml is.

The batch was written and committed before the coder ran on it (stop 21). First run: recall 22 of 42 (0.524),
precision of all claims 0.781, no negative with a claim of these types; reached 28 of 42 (0.667), precision 0.842.
Floors sit a little under the figures reached, so a change that loses a phrasing class shows here.
"""
from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES
from test_event_probes import Outcome, assert_meets_floors, batch_outcomes, noisy_negatives

PROBES = yaml.safe_load((FIXTURES / "rare_type_probes.yaml").read_text(encoding="utf-8"))
TYPES = ("SUPPORT", "AGREE", "AID", "SANCTION", "RETREAT", "CONCEDE", "PROTEST", "COERCE")

RECALL_FLOOR = 0.64
PRECISION_FLOOR = 0.8


@pytest.fixture(scope="module")
def outcomes(extract_text) -> list[Outcome]:
    return batch_outcomes(extract_text, PROBES, TYPES)


def test_the_batch_covers_the_rarer_types():
    assert set(PROBES["probes"]) == set(TYPES)
    assert sum(len(items) for items in PROBES["probes"].values()) >= 30
    assert len(PROBES["negatives"]) >= 6


def test_rare_type_probe_recall_and_precision(outcomes):
    assert_meets_floors(outcomes, PROBES, recall_floor=RECALL_FLOOR, precision_floor=PRECISION_FLOOR)


def test_negatives_yield_none_of_these_types(extract_text):
    noisy = noisy_negatives(extract_text, PROBES, TYPES)
    assert not noisy, noisy
