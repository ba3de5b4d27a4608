"""Held-out probes for implicit participants, scored like tests/test_event_probes.py.

tests/fixtures/implicit_probes.yaml was written and committed before the coder ran on it (stop 21): reactions to
an act told a sentence or two before and named by a generic noun, an owner in the noun phrase, a second reacting
party, a reacting party given by a pronoun, visitors meeting their hosts, hosts receiving visitors, protests
against a visit, and negatives (two candidate acts of different doers, a generic noun with no act told, a move
that is the speaker's own, a visit that did not happen). First run: recall 20 of 36, precision 0.724, three
negatives with a claim; reached 30 of 36, precision 0.838, one negative with a claim (a CONSULT). Floors sit a
little under the reached figures.
"""
from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES
from test_event_probes import assert_meets_floors, batch_outcomes, event_dyads

BATCH = yaml.safe_load((FIXTURES / "implicit_probes.yaml").read_text(encoding="utf-8"))
CLAIMED_TYPES = {"ACCUSE", "SUPPORT", "CONSULT", "PROTEST"}  # what the negatives must not be read as
REACTIONS = {"ACCUSE", "SUPPORT"}
RECALL_FLOOR = 0.80
PRECISION_FLOOR = 0.80


def test_implicit_batch_recall_and_precision(extract_text):
    outcomes = batch_outcomes(extract_text, BATCH, CLAIMED_TYPES)
    assert_meets_floors(outcomes, BATCH, recall_floor=RECALL_FLOOR, precision_floor=PRECISION_FLOOR)


@pytest.mark.parametrize("text", BATCH["negatives"])
def test_no_reaction_is_aimed_where_the_article_names_no_single_act(extract_text, text):
    article = extract_text(text, published=BATCH["published"])
    aimed = [d for d, _ in event_dyads(article, claims=True) if d[1] in REACTIONS]
    assert not aimed, aimed
