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
# improves, never lower one to let a regression pass. Measured 2026-12-05 on the 101 articles now in
# tests/fixtures/gold (12 from before, 29 written for issue 11, then batches of 12 written in stops 18, 20, 21, 22
# and 23, each before the system was run on it). One floor is lower than at stop 22, because the set grew, not
# because anything fell: dates, 0.914 on the 89 articles of stop 22 (0.915 when pinned), 0.750 on the sixth batch
# (30 of 40), 0.897 on all 101. Event types were raised; the others stay.
FLOORS = {
    "event_precision": 0.80,  # 0.807 on 101 (2026-12-05 stop 23)
    "event_recall": 0.48,  # 0.511 on 101 (2026-12-05 stop 23)
    "event_f1": 0.60,  # 0.626 on 101 (2026-12-05 stop 23)
    "event_date_accuracy": 0.87,  # 0.897 on 101 (2026-12-05 stop 23; floor was 0.90 on 89, see above)
    "event_type_recall": 0.68,  # 0.709 on 101 (2026-12-05 stop 23; floor was 0.64)
    "quote_precision": 0.94,  # 0.972 on 101 (2026-12-05 stop 23)
    "quote_recall": 0.96,  # 0.990 on 101 (2026-12-05 stop 23)
    "quote_f1": 0.95,  # 0.981 on 101 (2026-12-05 stop 23)
    "quote_attribution": 0.92,  # 0.943 on 101 (2026-12-05 stop 23)
    "actor_accuracy": 0.89,  # 0.909 on 101 (2026-12-05 stop 23)
    "boilerplate_removed": 0.93,  # 0.949 on 101 (2026-12-05 stop 23)
    "body_kept": 0.97,  # 1.000 on 101 (2026-12-05 stop 23)
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
