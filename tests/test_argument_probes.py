"""Held-out probes for event arguments: per argument case, recall of the dyad a reader would code, and precision.

tests/fixtures/argument_probes.yaml holds, per way a side is given outside the trigger's own clause (an embedded
clause, a nested phrase, a place, the sentence before, a coordination, a quote's speaker, ...), sentences of any
event type with their dyad. Scored exactly as tests/test_event_probes.py scores its probes.
"""
from __future__ import annotations

from collections import Counter

import pytest
import yaml
from conftest import FIXTURES
from test_event_probes import Outcome, event_dyads, precision, run_probe

PROBES = yaml.safe_load((FIXTURES / "argument_probes.yaml").read_text(encoding="utf-8"))
# First run, before any fix of stop 20: recall 0.717 (33 of 46), precision 0.949. Reached 2026-12-05 at the end of
# stop 20: recall 0.804 (37 of 46), precision 0.953; floors sit 0.05 under.
RECALL_FLOOR = 0.75
PRECISION_FLOOR = 0.90


@pytest.fixture(scope="module")
def outcomes(extract_text) -> list[Outcome]:
    results = [run_probe(extract_text, case, p) for case, items in PROBES["probes"].items() for p in items]
    for text in PROBES["negatives"]:
        article = extract_text(text, published=PROBES["published"])
        results.append(Outcome("NONE", False, {d for d, _ in event_dyads(article, claims=True)}, None))
    return results


def test_argument_probe_recall_and_precision(outcomes):
    hit, total = Counter(), Counter()
    for o in outcomes:
        if o.etype != "NONE":
            total[o.etype] += 1
            hit[o.etype] += o.found
    for case in total:
        print(f"{case:<32} {hit[case]}/{total[case]}")
    recall = sum(hit.values()) / sum(total.values())
    prec = precision(outcomes)
    print(f"overall recall {recall:.3f}  precision {prec:.3f}")
    assert recall >= RECALL_FLOOR and prec >= PRECISION_FLOOR


def test_argument_negatives_yield_no_event(extract_text):
    noisy = {}
    for text in PROBES["negatives"]:
        article = extract_text(text, published=PROBES["published"])
        if article.events:
            noisy[text] = [(e.type, e.trigger) for e in article.events]
    assert not noisy, noisy
