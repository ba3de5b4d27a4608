"""Held-out probes for acts told outside a long sentence's main verb: clauses, participles, coordination.

tests/fixtures/clause_probes.yaml holds, per place an act sits in an article-shaped sentence (an "after" clause,
a participial or relative clause, an apposition, a second verb sharing the subject, behind a fronted phrase, a
reported clause, a second act of one type), texts with the dyad a reader would code. Scored exactly as
tests/test_event_probes.py scores its probes.
"""
from __future__ import annotations

from collections import Counter

import pytest
import yaml
from conftest import FIXTURES
from test_event_probes import Outcome, batch_outcomes, noisy_negatives, precision

PROBES = yaml.safe_load((FIXTURES / "clause_probes.yaml").read_text(encoding="utf-8"))
# First run, before any fix of stop 21: recall 0.706 (24 of 34), precision 0.788. Reached 2026-12-05: recall 0.853
# (29 of 34), precision 0.816; floors sit a little under.
RECALL_FLOOR = 0.82
PRECISION_FLOOR = 0.79


@pytest.fixture(scope="module")
def outcomes(extract_text) -> list[Outcome]:
    return batch_outcomes(extract_text, PROBES)


def test_clause_probe_recall_and_precision(outcomes):
    hit, total = Counter(), Counter()
    for o in outcomes:
        if o.etype != "NONE":
            total[o.etype] += 1
            hit[o.etype] += o.found
    for case in total:
        print(f"{case:<32} {hit[case]}/{total[case]}")
    missed = [p["text"] for items in PROBES["probes"].values() for p in items]
    found = [o.found for o in outcomes if o.etype != "NONE"]
    print("missed:", *(t for t, f in zip(missed, found, strict=True) if not f), sep="\n  ")
    recall = sum(hit.values()) / sum(total.values())
    prec = precision(outcomes)
    print(f"overall recall {recall:.3f}  precision {prec:.3f}")
    assert recall >= RECALL_FLOOR and prec >= PRECISION_FLOOR


def test_clause_negatives_yield_no_event(extract_text):
    noisy = noisy_negatives(extract_text, PROBES)
    assert not noisy, noisy
