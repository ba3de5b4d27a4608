"""`newsgraph ingest` end to end with the real pipeline: counts, idempotence, failures, re-extraction,
workers, watching, and recovery from kill -9."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import update
from store_helpers import assert_totals_match_base_tables, db_url, table_contents  # noqa: F401 - db_url is a fixture

from newsgraph.cli import main
from newsgraph.records import RawArticle
from newsgraph.run.ingest import IngestOptions, ingest, ingest_raws, reprocess, watch
from newsgraph.store import Store, schema

STATES = [("France", "Paris"), ("Germany", "Berlin"), ("Japan", "Tokyo"), ("Brazil", "Brasilia"),
          ("Kenya", "Nairobi"), ("Canada", "Ottawa"), ("India", "New Delhi")]
TEMPLATES = [
    ("{a} and {b} held talks in {city} on Tuesday about trade and security. Officials from {a} said the "
     "meeting was useful and that a second round would follow next month."),
    ("{a} accused {b} on Monday of interfering in its elections. \"This is unacceptable,\" the foreign "
     "minister of {a} told reporters in {city}."),
    ("The government of {a} agreed on Wednesday to send food and medical aid to {b} after floods hit the "
     "region around {city}."),
    "{a} recalled its ambassador from {b} on Friday after a dispute over fishing rights near {city}.",
]


def write_corpus(directory: Path, count: int, *, month: int = 3) -> list[Path]:
    """`count` short news articles, each its own file with a date line."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        (a, _), (b, city) = STATES[n % len(STATES)], STATES[(n // len(STATES) + n + 1) % len(STATES)]
        if a == b:
            b, city = STATES[(n + 3) % len(STATES)]
        body = TEMPLATES[n % len(TEMPLATES)].format(a=a, b=b, city=city)
        path = directory / f"story-{n:03d}.txt"
        path.write_text(f"date 2024-{month:02d}-{1 + n % 27:02d}\n{a} and {b}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root, 12)
    (root / "empty.txt").write_bytes(b"")
    (root / "scan.txt").write_bytes(b"%PDF-1.4 binary")
    return root


def test_ingest_counts_and_is_idempotent(corpus, tmp_path):
    with Store.open(str(tmp_path / "i.db")) as store:
        first = ingest([str(corpus)], store)
        assert (first.read, first.new, first.duplicate, first.failed) == (14, 12, 0, 2)
        before = table_contents(str(tmp_path / "i.db"))
        second = ingest([str(corpus)], store)
        assert (second.read, second.new, second.duplicate, second.failed) == (14, 0, 12, 2)
        assert table_contents(str(tmp_path / "i.db")) == before
        assert sorted(Path(f["origin"]).name for f in store.failures()) == ["empty.txt", "scan.txt"]
        assert store.stats()["articles"] == 12 and store.stats()["events"] > 0


def test_same_text_twice_in_one_run_is_one_article(tmp_path):
    raw = RawArticle(origin="a", text="France and Germany held talks in Berlin on Tuesday.", published="2024-03-05")
    twin = RawArticle(origin="b", text="France and  Germany held talks in Berlin on Tuesday.", published="2024-03-05")
    with Store.open(str(tmp_path / "t.db")) as store:
        summary = ingest_raws([raw, twin], store)
    assert (summary.new, summary.duplicate) == (1, 1)


def test_cli_reports_failures_and_exit_code(corpus, tmp_path):
    db = str(tmp_path / "c.db")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", db, "--workers", "1"])
    assert result.exit_code == 1
    assert "read 14, new 12, duplicate 0, failed 2" in result.stderr
    assert "empty.txt" in result.stderr and "scan.txt" in result.stderr
    good = CliRunner().invoke(main, ["ingest", str(corpus / "story-001.txt"), "--db", db, "-q"])
    assert good.exit_code == 0 and "duplicate 1" in good.stderr
    assert CliRunner().invoke(main, ["ingest", "--db", db]).exit_code == 2


def test_workers_store_what_one_process_stores(corpus, tmp_path):
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    for url, workers in ((one, 1), (two, 2)):
        with Store.open(url) as store:
            ingest([str(corpus)], store, options=IngestOptions(workers=workers))
    assert table_contents(one) == table_contents(two)


def test_reprocess_re_extracts_articles_of_older_versions(corpus, tmp_path):
    url = str(tmp_path / "r.db")
    with Store.open(url) as store:
        ingest([str(corpus)], store)
        before = table_contents(url)
        with store.engine.begin() as conn:
            conn.execute(update(schema.articles).where(schema.articles.c.origin.like("%story-00%"))
                         .values(pipeline_version="0.0.1"))
        summary = reprocess(store)
        assert (summary.reprocessed, summary.failed) == (10, 0)
        assert reprocess(store).reprocessed == 0
    assert table_contents(url) == before
    assert_totals_match_base_tables(url)


def test_watch_ingests_only_what_is_new(corpus, tmp_path):
    feed_dir = tmp_path / "drop"
    write_corpus(feed_dir, 2)
    reports, naps = [], []
    with Store.open(str(tmp_path / "w.db")) as store:

        def run():
            if len(reports) == 1:
                write_corpus(feed_dir, 3)  # one more story arrives between polls
            return ingest([str(feed_dir)], store)

        watch(run, minutes=0.5, report=reports.append, rounds=2, sleep=naps.append)
    assert [(r.new, r.duplicate) for r in reports] == [(2, 0), (1, 2)] and naps == [30.0]


def _count_articles(url: str) -> int:
    from sqlalchemy import create_engine, func, select
    from sqlalchemy.exc import DBAPIError

    from newsgraph.store.engine import database_url

    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()
    except DBAPIError:  # not created yet, or locked for a moment
        return 0
    finally:
        engine.dispose()


def test_kill_9_then_rerun_gives_the_uninterrupted_result(tmp_path, db_url):  # noqa: F811 - a fixture
    corpus = tmp_path / "kill-corpus"
    write_corpus(corpus, 40, month=4)
    clean = str(tmp_path / "clean.db")
    with Store.open(clean) as store:
        ingest([str(corpus)], store)
    command = [sys.executable, "-c", "from newsgraph.cli import main; main()", "ingest", str(corpus),
               "--workers", "2", "--commit-every", "3", "-q", "--db", db_url]

    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while _count_articles(db_url) < 4 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    stored = _count_articles(db_url)
    assert 0 < stored < 40, "the run should be killed part-way; make the corpus bigger if this fails"
    rerun = subprocess.run(command, check=False, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"new {40 - stored}, duplicate {stored}" in rerun.stderr
    assert table_contents(db_url) == table_contents(clean)  # and on PostgreSQL, the same rows as on SQLite
    assert_totals_match_base_tables(db_url)
