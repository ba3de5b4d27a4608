"""One article costs only itself in worker processes: a worker killed mid-ingest, or an article over its time
limit, leaves every other article extracted and stored (newsgraph.run.parallel)."""
from __future__ import annotations

import ctypes
import json
import os
import signal
import time

from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.records import Article, RawArticle
from newsgraph.run import parallel
from newsgraph.run.ingest import IngestOptions, ingest_raws
from newsgraph.run.parallel import extract_parallel
from newsgraph.store import Store
from newsgraph.store.write import rows_of


def killing_rows_of(article: Article, raw: RawArticle) -> object:
    """The test hook: the worker handling the marked article kills itself, as the OOM killer would."""
    if raw.origin == "doomed":
        os.kill(os.getpid(), signal.SIGKILL)
    return rows_of(article, raw)


def sleeping_rows_of(article: Article, raw: RawArticle) -> object:
    """The test hook: the marked article takes far longer than its time limit."""
    if raw.origin == "slow":
        time.sleep(120)
    return rows_of(article, raw)


def stuck_rows_of(article: Article, raw: RawArticle) -> object:
    """The test hook: the marked article never finishes, deaf to signals as a loop in C code is."""
    if raw.origin == "stuck":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGINT, signal.SIGTERM})
        while True:
            time.sleep(1)
    return rows_of(article, raw)


def crashing_rows_of(article: Article, raw: RawArticle) -> object:
    """The test hook: the marked article makes its worker read address 0, a real segmentation fault."""
    if raw.origin == "segfault":
        ctypes.string_at(0)
    return rows_of(article, raw)


def articles(count: int, marked: dict[int, str]) -> list[RawArticle]:
    return [RawArticle(origin=marked.get(n, f"story-{n}"), published="2024-03-05",
                       text=f"France and Germany held talks in Berlin on Tuesday, round {n}. Officials said "
                            f"the {n} hours of talks were useful.") for n in range(count)]


def test_a_killed_worker_costs_exactly_its_article(tmp_path, monkeypatch):
    monkeypatch.setattr("newsgraph.run.ingest.rows_of", killing_rows_of)
    with Store.open(str(tmp_path / "k.db")) as store:
        summary = ingest_raws(articles(40, {21: "doomed"}), store, options=IngestOptions(workers=2))
        assert (summary.read, summary.new, summary.failed) == (40, 39, 1)
        assert [origin for origin, _ in summary.failures] == ["doomed"]
        assert "worker extracting it died (killed by SIGKILL" in summary.failures[0][1]
        assert store.stats()["articles"] == 39


def test_an_article_over_its_time_limit_fails_alone():
    outcomes = list(extract_parallel(articles(6, {2: "slow"}), workers=2, chunk_size=1, prepare=sleeping_rows_of,
                                     time_limit=5.0))
    assert [o.origin for o in outcomes] == ["story-0", "story-1", "slow", "story-3", "story-4", "story-5"]
    failed = [o for o in outcomes if o.failure]
    assert [o.origin for o in failed] == ["slow"] and "longer than the limit of 5 s" in failed[0].failure.reason
    assert all(o.prepared for o in outcomes if not o.failure)


def test_a_segfault_costs_its_article_and_the_pool_goes_on():
    outcomes = list(extract_parallel(articles(12, {3: "segfault", 9: "segfault"}), workers=2, chunk_size=4,
                                     prepare=crashing_rows_of))
    assert [o.origin for o in outcomes] == [o.origin for o in articles(12, {3: "segfault", 9: "segfault"})]
    failed = [o for o in outcomes if o.failure]
    assert [o.origin for o in failed] == ["segfault", "segfault"]
    assert all("killed by SIGSEGV" in o.failure.reason for o in failed)
    assert sum(1 for o in outcomes if o.prepared) == 10


def test_the_parent_stops_a_worker_that_signals_cannot_reach(tmp_path, monkeypatch):
    monkeypatch.setattr("newsgraph.run.ingest.rows_of", stuck_rows_of)
    started = time.monotonic()
    with Store.open(str(tmp_path / "t.db")) as store:
        summary = ingest_raws(articles(4, {2: "stuck"}), store, options=IngestOptions(workers=2, time_limit=10.0))
        assert (summary.read, summary.new, summary.failed) == (4, 3, 1)
        assert summary.failures[0][0] == "stuck"
        assert "longer than the limit of 10 s; its worker was stopped" in summary.failures[0][1]
    assert time.monotonic() - started < 300


def test_extract_with_workers_prints_the_others_and_names_the_one_that_killed_its_worker(tmp_path, monkeypatch):
    extract_chunk = parallel.extract_chunk

    def killing_extract_chunk(raws, prepare=None, resources=None):
        if any(raw.origin.endswith("doomed.txt") for raw in raws):
            os.kill(os.getpid(), signal.SIGKILL)
        return extract_chunk(raws, prepare, resources)

    for n, name in enumerate(["a.txt", "doomed.txt", "c.txt", "d.txt"]):
        (tmp_path / name).write_text(f"date 2024-03-05\nFrance and Germany held talks in Berlin on Tuesday, "
                                     f"round {n}.\n")
    monkeypatch.setattr(parallel, "extract_chunk", killing_extract_chunk)
    result = CliRunner().invoke(main, ["extract", "--workers", "2", str(tmp_path)])
    assert result.exit_code == 1
    assert [json.loads(line)["origin"].rsplit("/", 1)[1] for line in result.stdout.splitlines()] == [
        "a.txt", "c.txt", "d.txt"]
    assert "doomed.txt" in result.stderr and "killed by SIGKILL" in result.stderr
    assert "1 of 4 inputs failed" in result.stderr
