"""The shared devset (../shared/devset, read in place, never copied) scored with pinned floors.

The held-out set of our own articles is gated by tests/test_gold_gate.py; this is the devset's
gate. Both score with `newsgraph.evaluate`, whose figures tests/test_evaluate.py proves equal to the
shared scorer's. The test is skipped, with its reason in the summary (`make test` runs pytest with
-rs), when ../shared is not present. To see every miss and extra, run
``newsgraph evaluate ../shared/devset --show misses,extras``.
"""
from __future__ import annotations

import pytest
from conftest import DEVSET

from newsgraph.evaluate import evaluate_paths

# About 0.03 under the figures measured when pinned (shown beside them); raise a floor when the pipeline
# improves, never lower one to let a regression pass. Measured 2026-12-05 on the 39 articles then in
# ../shared/devset (it grew from 9, so the floors were re-pinned). At stop 25 the precision floor was lowered
# (0.72 -> 0.68) for a trade, not a fall: the learned side completion (stages/events/completion.py, its threshold
# chosen on our gold batches 6 and 7, never on this set) adds 7 found dyads and 11 extras here, F1 0.563 -> 0.575,
# and raises F1 on every held-out set; recall and F1 floors were raised with it.
DEVSET_FLOORS = {
    "event_precision": 0.68,  # 0.701 (2026-12-06 stop 25; floor was 0.72 at 0.750, see above)
    "event_recall": 0.46,  # 0.487 (2026-12-06 stop 25; floor was 0.42)
    "event_f1": 0.55,  # 0.575 (2026-12-06 stop 25; floor was 0.53)
    "event_date_accuracy": 0.82,  # 0.846 (2026-12-05 stop 23: 44 of 52)
    "event_type_recall": 0.69,  # 0.725 (2026-12-05 stop 22; floor was 0.67)
    "quote_precision": 0.91,  # 0.947
    "quote_recall": 0.91,  # 0.940 (2026-12-05 stop 19; floor was 0.89)
    "quote_f1": 0.91,  # 0.944 (2026-12-05 stop 19; floor was 0.90)
    "quote_attribution": 0.88,  # 0.919 (2026-12-05 stop 19; floor was 0.87)
    "actor_accuracy": 0.88,  # 0.913 (2026-12-05 stop 19; floor was 0.86)
    "boilerplate_removed": 0.97,  # 1.000
    "body_kept": 0.97,  # 1.000 (2026-12-05 stop 18, after issues 12-16 merged; floor was 0.96)
}


@pytest.mark.skipif(not DEVSET.is_dir(), reason=f"the shared devset is not present at {DEVSET}")
def test_devset_figures(nlp, record_figures):
    report = evaluate_paths([DEVSET])
    figures = report.figures
    record_figures("shared devset (../shared/devset)", figures.as_dict())
    assert figures.records == figures.articles, f"some articles produced no record: {report.failures}"
    below = report.floors_not_met(DEVSET_FLOORS)
    assert not below, f"figures fell below their pinned floors: {below}"
