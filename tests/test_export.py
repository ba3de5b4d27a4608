"""Exports of a store: JSONL, CSV, Parquet and PLOVER JSON, through the library and the CLI."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from store_helpers import report

from newsgraph.cli import main
from newsgraph.io.export import COLUMNS, ExportError, export
from newsgraph.store import Store

ACCUSE = {"type": "ACCUSE", "source": ["TUR"], "target": ["GRC"], "date": "2024-03-04"}


@pytest.fixture
def store(tmp_path):
    with Store.open(str(tmp_path / "x.db")) as opened:
        opened.add_articles([
            report("Turkey accused Greece of violating its airspace.", events=[ACCUSE], url="https://a.example/1",
                   quotes=[{"text": "violating its airspace", "speaker": "TUR"}]),
            report("Greece was accused by Turkey of provocations.", events=[ACCUSE], url="https://b.example/2"),
            report("Russia did not attack Ukraine, officials said.", published="2024-03-07", events=[
                {"type": "ASSAULT", "source": ["RUS"], "target": ["UKR"], "qualifiers": ["negated"]}]),
            report("Russia struck Ukraine with drones.", published="2024-03-08", events=[
                {"type": "ASSAULT", "source": ["RUS"], "target": ["UKR"], "mode": "aerial"}]),
        ])
        yield opened


def test_jsonl_events_carry_every_report(store):
    out = io.StringIO()
    assert export(store, "jsonl", out) == 3
    events = [json.loads(line) for line in out.getvalue().splitlines()]
    accuse = next(e for e in events if e["type"] == "ACCUSE")
    assert accuse["mention_count"] == 2 and len(accuse["mentions"]) == 2 and accuse["source_count"] == 2
    assert {m["url"] for m in accuse["mentions"]} == {"https://a.example/1", "https://b.example/2"}


def test_jsonl_articles_are_full_records(store):
    out = io.StringIO()
    assert export(store, "jsonl", out, table="articles") == 4
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert all({"text", "actors", "events", "quotes", "event_ids"} <= set(r) for r in records)


def test_csv_has_the_flat_columns(store):
    out = io.StringIO()
    export(store, "csv", out, type="ASSAULT")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == [name for name, _ in COLUMNS["events"]]
    assert [(r["date"], r["source"], r["qualifiers"], r["mode"]) for r in rows] == [
        ("2024-03-08", "RUS", "", "aerial"), ("2024-03-07", "RUS", "negated", "")]


@pytest.mark.parametrize("table", ["events", "quotes", "actors", "articles"])
def test_parquet_round_trip(store, tmp_path, table):
    path = tmp_path / f"{table}.parquet"
    with open(path, "wb") as out:
        written = export(store, "parquet", out, table=table)
    read = pq.read_table(path)
    assert read.num_rows == written > 0 and read.column_names == [name for name, _ in COLUMNS[table]]
    if table == "events":
        assert sorted(read.column("source").to_pylist()) == [["RUS"], ["RUS"], ["TUR"]]


def test_plover_records(store):
    out = io.StringIO()
    assert export(store, "plover", out) == 2  # the denied attack is not an event
    records = {r["event"][0]: r for r in map(json.loads, out.getvalue().splitlines())}
    accuse, assault = records["ACCUSE"], records["ASSAULT"]
    assert accuse["date"] == "2024-03-04" and accuse["quad_code"] == 3 and assault["quad_code"] == 4
    assert [a["code"] for a in accuse["actor"]] == ["TUR"] and [a["code"] for a in accuse["recipient"]] == ["GRC"]
    assert accuse["actor"][0]["entity_text"] == "Turkey" and accuse["event_scale"] == -3.0
    assert len(accuse["event_text"]) == 2 and len(accuse["cite_info"]) == 2
    assert assault["mode"] == ["aerial"] and accuse["mode"] == [] and accuse["context"] is None
    assert {"id", "date", "actor", "recipient", "event", "mode", "context", "event_text", "quad_code"} <= set(accuse)


def test_bad_requests_are_explained(store):
    with pytest.raises(ExportError, match="events only"):
        export(store, "plover", io.StringIO(), table="quotes")
    with pytest.raises(ExportError, match="events table only"):
        export(store, "csv", io.StringIO(), table="actors", actor="TUR")
    with pytest.raises(ExportError, match="unknown export format"):
        export(store, "xml", io.StringIO())


def test_export_cli(store, tmp_path):
    db = str(store.engine.url.database)
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--db", db, "--format", "plover", "--actor", "TUR"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["event"] for line in result.stdout.splitlines()] == [["ACCUSE"]]
    out = tmp_path / "q.parquet"
    result = runner.invoke(main, ["export", "--db", db, "--format", "parquet", "--table", "quotes", "-o", str(out)])
    assert result.exit_code == 0 and pq.read_table(out).num_rows == 1
    result = runner.invoke(main, ["export", "--db", db, "--format", "parquet"])
    assert result.exit_code == 2 and "--output" in result.output
