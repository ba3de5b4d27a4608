"""Held-out probes for AGREE, COOPERATE, AID and SUPPORT in article shape, scored like tests/test_event_probes.py.

tests/fixtures/cooperation_article_probes.yaml was written and committed before the coder ran on it (stop 22):
the act in a reported clause, a participle, a relative clause, a nominal or a passive; the sides given by a
counted group, a description, a pronoun or the sentence before; and negatives (aid considered, expected, refused
or denied, one state's agencies working together, "agreed" about a fact, "support" of an economy, talks without
a deal). First run: recall 24 of 41 (0.585), precision 0.844, two negatives with a claim (one state's police and
army "worked alongside", rockets supplied in a denied report); reached 34 of 41 (0.829), precision 0.952, no
negative with a claim. Floors sit a little under the reached figures.
"""
from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES
from test_event_probes import assert_meets_floors, batch_outcomes, event_dyads

BATCH = yaml.safe_load((FIXTURES / "cooperation_article_probes.yaml").read_text(encoding="utf-8"))
CLAIMED_TYPES = {"AGREE", "COOPERATE", "AID", "SUPPORT"}  # what the negatives must not be read as
RECALL_FLOOR = 0.80
PRECISION_FLOOR = 0.92


def test_cooperation_article_batch_recall_and_precision(extract_text):
    outcomes = batch_outcomes(extract_text, BATCH, CLAIMED_TYPES)
    assert_meets_floors(outcomes, BATCH, recall_floor=RECALL_FLOOR, precision_floor=PRECISION_FLOOR)


@pytest.mark.parametrize("text", BATCH["negatives"])
def test_no_cooperation_is_claimed_where_none_happened(extract_text, text):
    article = extract_text(text, published=BATCH["published"])
    claimed = [d for d, _ in event_dyads(article, claims=True) if d[1] in CLAIMED_TYPES]
    assert not claimed, claimed
