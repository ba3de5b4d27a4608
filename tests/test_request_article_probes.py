"""Held-out REQUEST and CONSULT probes in article shape, scored like tests/test_event_probes.py.

tests/fixtures/request_article_probes.yaml was written and committed before the coder ran on it (stop 22):
requests told in a participle, a clause, a deadline, a nominal, reported speech, a quote, a passive or a message,
aimed at a target named before by a description, a pronoun or a counted group; consultations told by mediation,
calls, visits with implicit hosts and meeting nouns; negatives that must claim no REQUEST or CONSULT between two
sides. First run: recall 27 of 41 (REQUEST 16 of 27, CONSULT 11 of 14), precision 0.833; reached 39 of 41,
precision 0.917 (the misses: a target lost by the actor stage, a plural pronoun linked to a city). Floors sit a
little under the reached figures.
"""
from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES
from test_event_probes import assert_meets_floors, batch_outcomes, event_dyads

BATCH = yaml.safe_load((FIXTURES / "request_article_probes.yaml").read_text(encoding="utf-8"))
CLAIMED_TYPES = {"REQUEST", "CONSULT"}  # what the negatives must not be read as
# Stop 25: side completion (stages/events/completion.py) lowered precision 0.936 -> 0.860 and recall 0.951 -> 0.927
# here (its completed air strikes change which sides "all parties" counts in a later sentence); kept for its gains on
# every held-out article set, the loss named in the stop's note.
RECALL_FLOOR = 0.90
PRECISION_FLOOR = 0.83


def test_request_article_batch_recall_and_precision(extract_text):
    outcomes = batch_outcomes(extract_text, BATCH, CLAIMED_TYPES)
    assert_meets_floors(outcomes, BATCH, recall_floor=RECALL_FLOOR, precision_floor=PRECISION_FLOOR)


@pytest.mark.parametrize("text", BATCH["negatives"])
def test_no_request_or_meeting_between_sides_is_read_into_a_negative(extract_text, text):
    article = extract_text(text, published=BATCH["published"])
    claimed = [d for d, _ in event_dyads(article, claims=True) if d[1] in CLAIMED_TYPES and d[0] != d[2]]
    assert not claimed, claimed
