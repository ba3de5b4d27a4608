"""The shared devset as a regression gate for event coding: pinned floors, read in place.

Runs the whole pipeline in-process on ../shared/devset/*.txt and scores the records with the
devset's own scorer (imported from its file); skips cleanly when the devset is not there.
"""
from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import DEVSET

# Measured 2026-11-29: event F1 0.778 (P 0.840, R 0.724), event date accuracy 0.947 (18/19). Floors sit a little below
# so parser or resolver noise does not flap the gate, but a real regression fails it.
EVENT_F1_FLOOR = 0.74
EVENT_PRECISION_FLOOR = 0.78
EVENT_DATE_FLOOR = 0.88


@pytest.fixture(scope="module")
def devset_totals(nlp):
    scorer_path = DEVSET / "score.py"
    if not scorer_path.exists():
        pytest.skip("the shared devset is not available")
    spec = importlib.util.spec_from_file_location("devset_score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    from newsgraph.pipeline import extract
    from newsgraph.sources.readers import read_inputs
    from newsgraph.records import ReadFailure

    files = scorer.find_articles([str(DEVSET)])
    raws = [r for r in read_inputs([str(f) for f in files], format_in=None, published=None)
            if not isinstance(r, ReadFailure)]
    records = {a.origin.rsplit("/", 1)[-1]: a.to_dict() for a in extract(raws)}
    totals: dict[str, int] = {}
    for f in files:
        gold = json.loads(scorer.gold_of(f).read_text(encoding="utf-8"))
        result = scorer.score_article(gold, records.get(f.name), f.read_text(encoding="utf-8"))
        for key, value in result.items():
            if isinstance(value, int):
                totals[key] = totals.get(key, 0) + value
    return totals


def test_event_f1_floor(devset_totals):
    t = devset_totals
    precision = t["ev_tp"] / max(1, t["ev_tp"] + t["ev_fp"])
    recall = t["ev_tp"] / max(1, t["ev_tp"] + t["ev_fn"])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert precision >= EVENT_PRECISION_FLOOR, f"precision {precision:.3f}"
    assert f1 >= EVENT_F1_FLOOR, f"event F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f})"


def test_event_date_floor(devset_totals):
    t = devset_totals
    accuracy = t["date_ok"] / max(1, t["date_n"])
    assert accuracy >= EVENT_DATE_FLOOR, f"event date accuracy {accuracy:.3f} ({t['date_ok']}/{t['date_n']})"
