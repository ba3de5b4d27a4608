"""Held-out probes for ASSAULT, MOBILIZE, PROTEST and SANCTION in article shape, scored like
tests/test_event_probes.py.

tests/fixtures/material_article_probes.yaml was written and committed before the coder ran on it (stop 22):
attacks on a place or an object of the other side, casualties in the passive, attacks blamed on a group;
build-ups toward, near or around another side; crowds acting against another state at its mission or against
its leader's visit; reductions of relations in participles, relative clauses, nominals and the passive; and
negatives (an accident, domestic crime, a denied strike, a reported plan, a hypothetical, a debated or eased
sanction, a diplomatic protest, a figurative attack, a sports look-alike). First run: recall 26 of 42 (0.619),
precision 0.703, one negative with a claim (a team that "stormed to a victory"); reached 32 of 42 (0.762),
precision 0.780, no negative with a claim. Floors sit a little under the reached figures.
"""
from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES
from test_event_probes import assert_meets_floors, batch_outcomes, event_dyads

BATCH = yaml.safe_load((FIXTURES / "material_article_probes.yaml").read_text(encoding="utf-8"))
CLAIMED_TYPES = {"ASSAULT", "MOBILIZE", "PROTEST", "SANCTION"}  # what the negatives must not be read as
# Stop 25: side completion (stages/events/completion.py) raised recall 0.762 -> 0.833 at precision 0.780 -> 0.745;
# the floors followed (recall up, precision down by the trade, not by a fall).
RECALL_FLOOR = 0.80
PRECISION_FLOOR = 0.72


def test_material_article_batch_recall_and_precision(extract_text):
    outcomes = batch_outcomes(extract_text, BATCH, CLAIMED_TYPES)
    assert_meets_floors(outcomes, BATCH, recall_floor=RECALL_FLOOR, precision_floor=PRECISION_FLOOR)


@pytest.mark.parametrize("text", BATCH["negatives"])
def test_no_material_conflict_is_claimed_where_none_happened(extract_text, text):
    article = extract_text(text, published=BATCH["published"])
    claimed = [d for d, _ in event_dyads(article, claims=True) if d[1] in CLAIMED_TYPES]
    assert not claimed, claimed
