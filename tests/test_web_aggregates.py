"""The map's counts per state and the cache of aggregates (web/cache.py): an answer is reused until a write
changes the stored content, whichever writer made it. Articles are written for these tests."""
from __future__ import annotations

import pytest
from store_helpers import db_url, report  # noqa: F401 - db_url is a fixture

from newsgraph.records import ReadFailure
from newsgraph.store import Store, read
from newsgraph.store.read import EventFilter
from newsgraph.web.cache import Aggregates
from newsgraph.web.queries import events_by_country

JOINT_STRIKE = "The United States and France struck Russia's bases after Russia shelled Ukraine."
SELF_CRITIQUE = "Turkey accused Turkey's own customs service of smuggling, and Greece welcomed the probe."
TALKS = "Germany held talks with Ukraine; the United States joined later."


def articles():
    return [
        report(JOINT_STRIKE, events=[{"type": "ASSAULT", "source": ["USA", "FRA"], "target": ["RUS"]},
                                     {"type": "ASSAULT", "source": ["RUS"], "target": ["UKR"]}]),
        # one state on both sides of one event: it counts once for that state
        report(SELF_CRITIQUE, events=[{"type": "ACCUSE", "source": ["TUR"], "target": ["TUR"]}]),
        report(TALKS, events=[{"type": "CONSULT", "source": ["DEU", "USA"], "target": ["UKR", "USA"]},
                              {"type": "CONSULT", "source": ["DEU"]}]),  # one-sided
    ]


def by_code(rows):
    return {r["code"]: r["events"] for r in rows}


def test_each_event_counts_once_for_each_state_among_its_actors(db_url):  # noqa: F811
    with Store.open(db_url) as store:
        store.add_articles(articles())
        from_totals = by_code(events_by_country(store, EventFilter()))
        assert from_totals == {"USA": 2, "FRA": 1, "RUS": 2, "UKR": 2, "TUR": 1, "DEU": 2}
        # the same count from the events table (every event here is factual, so the two must agree)
        assert by_code(events_by_country(store, EventFilter(factual_only=False))) == from_totals
        assert by_code(events_by_country(store, EventFilter(type="CONSULT"))) == {"DEU": 2, "USA": 1, "UKR": 1}


def test_an_aggregate_is_reused_until_a_write_changes_the_data(tmp_path):
    db = str(tmp_path / "cache.db")
    cache, computed = Aggregates(), []

    def stats(store):
        computed.append(1)
        return store.stats()["events"]

    with Store.open(db) as store:
        store.add_articles(articles()[:1])
        assert cache.get(store, "events", lambda: stats(store)) == 2
        assert cache.get(store, "events", lambda: stats(store)) == 2
        assert len(computed) == 1
        with Store.open(db) as other_writer:  # another process's ingest: same file, its own connections
            other_writer.add_articles(articles()[1:])
        assert cache.get(store, "events", lambda: stats(store)) == 5
        assert len(computed) == 2
        store.add_articles(articles()[1:])  # stored already: nothing new, yet a write was made
        store.record_failures([ReadFailure(origin="feeds/broken.xml", reason="not a feed")])
        with store.engine.connect() as conn:
            generation = read.data_generation(conn)
        assert cache.get(store, "events", lambda: stats(store)) == 5
        assert len(computed) == 3
        with store.engine.connect() as conn:
            assert read.data_generation(conn) == generation  # reading counts no change


def test_the_cache_keeps_only_the_most_recently_used_answers(tmp_path):
    cache = Aggregates(max_entries=2)
    with Store.open(str(tmp_path / "lru.db")) as store:
        for key in ("a", "b", "a", "c"):  # "b" is the least recently used when "c" comes
            cache.get(store, key, lambda k=key: k.upper())
        assert cache.get(store, "a", lambda: pytest.fail("a was dropped")) == "A"
        assert cache.get(store, "b", lambda: "recomputed") == "recomputed"


def test_pages_and_api_show_what_another_process_stored_since(tmp_path):
    """The app's cached totals, map counts and actor summaries follow a write made by another Store."""
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    db = str(tmp_path / "served.db")
    with Store.open(db) as store:
        store.add_articles(articles()[:1])
        client = TestClient(create_app(store, token=""))
        assert client.get("/api/stats").json()["events"] == 2
        assert "Turkey" not in client.get("/map").text
        with Store.open(db) as ingest:
            ingest.add_articles(articles()[1:])
        assert client.get("/api/stats").json()["events"] == 5
        assert ">Turkey</a>" in client.get("/map").text


@pytest.mark.parametrize(("until", "after"), [
    ("2024", "2025"), ("2024-03", "2024-04"), ("2024-12", "2025-01"), ("2024-02-29", "2024-03-01"),
    ("2024-12-31", "2025-01-01"), ("9999-12-31", "A"), ("9999", "A"),
])
def test_the_bound_after_an_until_date_follows_every_date_it_covers(until, after):
    from newsgraph.store.read import period_after

    assert period_after(until) == after
    covered = [d for d in ("2024", "2024-03", "2024-03-31", "2024-12-31", "9999-12-31") if d[:len(until)] <= until]
    assert all(d < after for d in covered)
