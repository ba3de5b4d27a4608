"""Held-out THREATEN and COERCE probes in article shape, scored like tests/test_event_probes.py.

tests/fixtures/threat_coerce_article_probes.yaml was written and committed before the coder ran on it (stop 22):
warnings of consequences in reported speech, vowed responses, options kept open, generic targets, fronted "if"
and "unless" conditions, ultimatums, warnings as nouns; arrests of another side's people, ships boarded and
seized, an embassy raided, people expelled or deported, permits revoked, organisations banned; and negatives
(fears of third parties, conditional offers, "threatens stability", domestic policing, denials, plans,
look-alike words). Precision counts THREATEN and COERCE claims only (the snippets rightly code other types too);
a negative's domestic claim is not counted, as the devset scorer skips same-code dyads. First run: recall 19 of 43
(THREATEN 10 of 29, COERCE 9 of 14), precision 0.950; reached 32 of 43 (THREATEN 21, COERCE 11), precision 1.000.
Floors sit a little under the reached figures.
"""
from __future__ import annotations

from dataclasses import replace

import yaml
from conftest import FIXTURES
from test_event_probes import Outcome, assert_meets_floors, batch_outcomes

BATCH = yaml.safe_load((FIXTURES / "threat_coerce_article_probes.yaml").read_text(encoding="utf-8"))
SCORED_TYPES = {"THREATEN", "COERCE"}
RECALL_FLOOR = 0.72
PRECISION_FLOOR = 0.95


def scored_claims(outcome: Outcome) -> Outcome:
    """The outcome with its THREATEN and COERCE claims only, a negative's domestic ones left out."""
    return replace(outcome, claims={d for d in outcome.claims if d[1] in SCORED_TYPES
                                    and (outcome.etype != "NONE" or d[0] != d[2])})


def test_threat_coerce_batch_recall_and_precision(extract_text):
    outcomes = [scored_claims(o) for o in batch_outcomes(extract_text, BATCH, SCORED_TYPES)]
    assert_meets_floors(outcomes, BATCH, recall_floor=RECALL_FLOOR, precision_floor=PRECISION_FLOOR)
