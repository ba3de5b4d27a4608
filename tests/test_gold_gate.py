"""The held-out gold gate: `newsgraph evaluate tests/fixtures/gold --min FLOORS` must exit 0.

``tests/fixtures/gold/`` holds articles written for this project and annotated by hand from the
PLOVER manual before any system output was looked at; no rule writer tuned on them, so they measure
how the pipeline does on unseen text. The figures show in the test summary; to see every miss and
extra, run ``newsgraph evaluate tests/fixtures/gold --show misses,extras``.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from newsgraph.cli import main
from newsgraph.evaluate import find_articles
from newsgraph.records import EVENT_TYPES

GOLD_DIR = FIXTURES / "gold"

# About 0.03 under the figures measured when pinned (shown beside them); raise a floor when the pipeline
# improves, never lower one to let a regression pass. Measured 2026-12-06 on the 149 articles now in
# tests/fixtures/gold (12 from before, 29 written for issue 11, then batches of 12 written in stops 18, 20, 21, 22,
# 23, 24, 25, 26 and 27, each before the system was run on it). At stop 27 the tenth batch came in (first run on the
# start code: P 0.727 R 0.339 F1 0.463, type recall 0.547; after the stop's fixes F1 0.490): with it the 149 stood
# at P 0.792 R 0.507 F1 0.618 before any change of this stop, and the stop's fixes took them to the figures below.
FLOORS = {
    "event_precision": 0.78,  # 0.814 on 149 (2026-12-06 stop 27; floor was 0.77)
    "event_recall": 0.52,  # 0.547 on 149 (2026-12-06 stop 27; floor was 0.50)
    "event_f1": 0.62,  # 0.654 on 149 (2026-12-06 stop 27; floor was 0.61)
    "event_date_accuracy": 0.87,  # 0.903 on 149 (2026-12-06 stop 27)
    "event_type_recall": 0.68,  # 0.711 on 149 (2026-12-06 stop 27; floor was 0.67)
    "quote_precision": 0.92,  # 0.933 on 149 (2026-12-06 stop 27: batch 10's quotes 0.789)
    "quote_recall": 0.96,  # 0.986 on 149 (2026-12-06 stop 27)
    "quote_f1": 0.94,  # 0.959 on 149 (2026-12-06 stop 27)
    "quote_attribution": 0.93,  # 0.958 on 149 (2026-12-06 stop 27)
    "actor_accuracy": 0.89,  # 0.917 on 149 (2026-12-06 stop 27)
    "boilerplate_removed": 0.93,  # 0.960 on 149 (2026-12-06 stop 27)
    "body_kept": 0.97,  # 1.000 on 149 (2026-12-06 stop 27)
}


def test_held_out_gold_set_meets_its_floors(nlp, record_figures):
    floors = ",".join(f"{name}={floor}" for name, floor in FLOORS.items())
    result = CliRunner().invoke(main, ["evaluate", str(GOLD_DIR), "--format", "json", "--min", floors])
    assert result.exit_code in (0, 1), result.output
    figures = json.loads(result.stdout)
    record_figures("held-out gold set (tests/fixtures/gold)", {k: v for k, v in figures.items()
                                                               if not isinstance(v, (dict, list))})
    assert figures["records"] == figures["articles"], f"some articles produced no record: {figures['failures']}"
    assert result.exit_code == 0, f"figures fell below their pinned floors:\n{result.stderr}"


@pytest.mark.parametrize("article", find_articles([GOLD_DIR]), ids=lambda p: p.stem)
def test_gold_file_matches_its_article(article):
    """Every gold quote and noise line is really in the article, so an edit to one cannot orphan the other."""
    gold = json.loads(article.with_name(article.stem + ".gold.json").read_text(encoding="utf-8"))
    text = article.read_text(encoding="utf-8")
    assert text.startswith("date "), "the first line must be `date YYYY-MM-DD`"
    assert [q["text"] for q in gold["quotes"] if q["text"] not in text] == []
    assert [b for b in gold["boilerplate"] if b not in text.splitlines()] == []


def test_gold_set_requires_every_plover_type_in_two_articles():
    required: dict[str, set[str]] = {t: set() for t in EVENT_TYPES}
    for article in find_articles([GOLD_DIR]):
        gold = json.loads(article.with_name(article.stem + ".gold.json").read_text(encoding="utf-8"))
        for event in gold["events"]:
            if event["required"]:
                required[event["type"]].add(article.stem)
    assert {t: len(a) for t, a in required.items() if len(a) < 2} == {}
