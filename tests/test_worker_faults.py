"""One article costs only itself in worker processes: a worker killed mid-ingest, or an article over its time
limit, leaves every other article extracted and stored (newsgraph.run.parallel)."""
from __future__ import annotations

import os
import signal
import time

from newsgraph.records import Article, RawArticle
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
        assert "worker extracting it died" in summary.failures[0][1]
        assert store.stats()["articles"] == 39


def test_an_article_over_its_time_limit_fails_alone():
    outcomes = list(extract_parallel(articles(6, {2: "slow"}), workers=2, chunk_size=1, prepare=sleeping_rows_of,
                                     time_limit=5.0))
    assert [o.origin for o in outcomes] == ["story-0", "story-1", "slow", "story-3", "story-4", "story-5"]
    failed = [o for o in outcomes if o.failure]
    assert [o.origin for o in failed] == ["slow"] and "longer than the limit of 5 s" in failed[0].failure.reason
    assert all(o.prepared for o in outcomes if not o.failure)
