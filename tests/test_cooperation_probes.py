"""Held-out probes for the cooperative types: tests/fixtures/cooperation_probes.yaml, scored as event_probes.yaml is.

The batch was written before the coder ran on it (first run: recall 34 of 43, precision 0.89). Floors sit a little
under the figures reached, so a change that loses a phrasing class shows here.
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

PROBES = yaml.safe_load((FIXTURES / "cooperation_probes.yaml").read_text(encoding="utf-8"))

# Reached 2026-12-05: recall 0.91 overall (39 of 43), precision 1.00.
RECALL_FLOORS: dict[str, float] = {
    "CONSULT": 0.9, "SUPPORT": 0.95, "AGREE": 0.95, "AID": 0.95, "CONCEDE": 0.35, "COOPERATE": 0.95,
}
PRECISION_FLOOR = 0.95


@pytest.fixture(scope="module")
def outcomes(extract_text) -> list[Outcome]:
    return batch_outcomes(extract_text, PROBES)


def test_the_batch_covers_the_cooperative_types():
    assert set(PROBES["probes"]) == set(RECALL_FLOORS)
    assert sum(len(items) for items in PROBES["probes"].values()) >= 30
    assert len(PROBES["negatives"]) >= 6


def test_cooperation_probe_recall_and_precision(outcomes):
    assert_meets_floors(outcomes, PROBES, type_floors=RECALL_FLOORS, precision_floor=PRECISION_FLOOR)


def test_cooperation_negatives_yield_no_event(extract_text):
    noisy = noisy_negatives(extract_text, PROBES)
    assert not noisy, noisy
