"""Held-out REQUEST and CONSULT probes in article shape, scored like tests/test_event_probes.py.

tests/fixtures/request_article_probes.yaml was written and committed before the coder ran on it (stop 22):
requests told in a participle, a clause, a deadline, a nominal, reported speech, a quote, a passive or a message,
aimed at a target named before by a description, a pronoun or a counted group; consultations told by mediation,
calls, visits with implicit hosts and meeting nouns; negatives that must claim no REQUEST or CONSULT.
"""
from __future__ import annotations

import yaml
from conftest import FIXTURES
from test_event_probes import assert_meets_floors, batch_outcomes

BATCH = yaml.safe_load((FIXTURES / "request_article_probes.yaml").read_text(encoding="utf-8"))
CLAIMED_TYPES = {"REQUEST", "CONSULT"}  # what the negatives must not be read as
RECALL_FLOOR = 0.0
PRECISION_FLOOR = 0.0


def test_request_article_batch_recall_and_precision(extract_text):
    outcomes = batch_outcomes(extract_text, BATCH, CLAIMED_TYPES)
    assert_meets_floors(outcomes, BATCH, recall_floor=RECALL_FLOOR, precision_floor=PRECISION_FLOOR)
