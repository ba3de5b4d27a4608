"""Held-out probes for the material conflict types, scored like tests/test_event_probes.py.

tests/fixtures/event_probes_material.yaml was written and committed before the coder ran on it (stop 20):
attacks with the target given as a place or inside a phrase, nominal and passive strikes, hypothetical attacks
("any", "a potential"), arrests, expulsions, deployments, withdrawals and protests, and sentences that must
yield nothing. First run: recall 24 of 45, precision 0.676; reached 2026-12-05: recall 34 of 45, precision 0.842.
Floors sit a little under the reached figures.
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

BATCH = yaml.safe_load((FIXTURES / "event_probes_material.yaml").read_text(encoding="utf-8"))
RECALL_FLOOR = 0.72
PRECISION_FLOOR = 0.8


@pytest.fixture(scope="module")
def outcomes(extract_text) -> list[Outcome]:
    return batch_outcomes(extract_text, BATCH)


def test_material_batch_recall_and_precision(outcomes):
    assert_meets_floors(outcomes, BATCH, recall_floor=RECALL_FLOOR, precision_floor=PRECISION_FLOOR)


def test_material_negatives_yield_no_event(extract_text):
    noisy = noisy_negatives(extract_text, BATCH)
    assert not noisy, noisy
