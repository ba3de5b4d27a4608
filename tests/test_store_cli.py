"""`newsgraph events|quotes|actors|stats` over a store of hand-made records, and `newsgraph.open_store`."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from store_helpers import report

import newsgraph
from newsgraph.cli import main

ERDOGAN = [{"name": "Recep Tayyip Erdogan", "code": "TUR", "role": "president"}]


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "q.db")
    with newsgraph.open_store(path) as store:
        store.add_articles([
            report("Turkey accused Greece of violating its airspace. \"We will answer every violation,\" Erdogan "
                   "said.", people=ERDOGAN, events=[{"type": "ACCUSE", "source": ["TUR"], "target": ["GRC"]}],
                   quotes=[{"text": "We will answer every violation,", "speaker": "Recep Tayyip Erdogan"}]),
            report("Russia struck Ukraine on Sunday.", published="2024-03-10",
                   events=[{"type": "ASSAULT", "source": ["RUS"], "target": ["UKR"]}]),
        ])
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_python_api_matches_the_cli(db):
    events = newsgraph.open_store(db).events(actor="TUR")
    assert [e["type"] for e in events] == ["ACCUSE"]
    lines = run("events", "--db", db, "--actor", "TUR", "--format", "jsonl").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [e["id"] for e in events]


def test_events_table_and_csv(db):
    table = run("events", "--db", db).splitlines()
    assert table[0].split()[:4] == ["date", "type", "source", "target"]
    assert table[1].split()[:4] == ["2024-03-10", "ASSAULT", "RUS", "UKR"]
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db, "--format", "csv", "--since", "2024-03-06"))))
    assert [(r["type"], r["mention_count"]) for r in rows] == [("ASSAULT", "1")]
    assert run("events", "--db", db, "--type", "AID", "--format", "jsonl") == ""


def test_bad_dates_are_refused(db):
    result = CliRunner().invoke(main, ["events", "--db", db, "--since", "last week"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_quotes_actors_stats(db):
    quotes = [json.loads(x) for x in run("quotes", "--db", db, "--search", "violations", "--format", "jsonl")
              .splitlines()]
    assert [q["speaker_name"] for q in quotes] == ["Recep Tayyip Erdogan"]
    assert "Erdogan" in run("quotes", "--db", db, "--speaker", "erdogan")
    actors = run("actors", "--db", db, "--kind", "state", "--format", "csv")
    assert {r["code"] for r in csv.DictReader(io.StringIO(actors))} == {"TUR", "GRC", "RUS", "UKR"}
    stats = json.loads(run("stats", "--db", db, "--format", "json"))
    assert (stats["articles"], stats["events"], stats["quotes"]) == (2, 2, 1)
    assert "events_by_type:" in run("stats", "--db", db)


@pytest.mark.parametrize("command", ["ingest", "events", "quotes", "actors", "stats", "export"])
def test_every_command_has_a_worked_example(command):
    help_text = run(command, "--help")
    assert "Example" in help_text and f"newsgraph {command}" in help_text
