"""Totals kept at write time (actor_totals, dyad_totals, event_totals) equal a direct count over the base
tables after ingest, re-ingest, replacement and a migration's backfill, and the queries that read them answer
what the same queries over the events table answer. SQLite and (with NEWSGRAPH_TEST_PG_URL) PostgreSQL."""
from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import delete, text
from store_helpers import assert_totals_match_base_tables, db_url, report  # noqa: F401 - db_url is a fixture

from newsgraph.store import Store, read, schema
from newsgraph.store.read import EventFilter
from newsgraph.web.queries import quad_series

TUR_GRC = "Turkey accused Greece of violating its airspace over the Aegean on Monday."
TUR_GRC_AGAIN = "Greece was accused by Turkey on Monday of sending jets into Turkish airspace."
STRIKES = "The United States and France struck Russia's bases after Russia shelled Ukraine."
TALKS = "Turkey and Greece held talks; Russia and Ukraine met later that week."
WEEK_LATE = "Russia and Ukraine met in the week that began on Monday, officials said."
UNDATED = "Germany threatened Russia with sanctions, and Russia said Ukraine had talks with Germany."


def articles():
    accuse = {"type": "ACCUSE", "source": ["TUR"], "target": ["GRC"], "date": "2024-03-04"}
    return [
        report(TUR_GRC, events=[accuse], quotes=[{"text": "violating its airspace", "speaker": "TUR"}],
               url="https://a.example/1"),
        report(TUR_GRC_AGAIN, events=[dict(accuse, intensity=-5.0)], url="https://b.example/2"),
        report(STRIKES, events=[{"type": "ASSAULT", "source": ["USA", "FRA"], "target": ["RUS"], "date": "2024-03-09"},
                                {"type": "ASSAULT", "source": ["RUS"], "target": ["UKR"], "date": "2024-03-08"},
                                {"type": "ACCUSE", "source": ["RUS"], "date": "2024-03-08"}]),  # one-sided
        # one ISO week across two months: the event's date moves from May to April when the later report comes
        report(WEEK_LATE, events=[{"type": "CONSULT", "source": ["RUS"], "target": ["UKR"], "date": "2024-05-01",
                                   "granularity": "week"}], published="2024-05-03"),
        report(TALKS, events=[{"type": "CONSULT", "source": ["TUR"], "target": ["GRC"]},
                              {"type": "CONSULT", "source": ["UKR"], "target": ["RUS"], "date": "2024-04-29",
                               "granularity": "week"}], published="2024-04-30"),
        report(UNDATED, events=[{"type": "THREATEN", "source": ["DEU"], "target": ["RUS"]},
                                {"type": "CONSULT", "source": ["UKR"], "target": ["DEU"], "mode": "talks"}],
               published=None),
    ]


@pytest.fixture
def store(db_url):  # noqa: F811 - the fixture imported above
    with Store.open(db_url) as opened:
        yield opened


def assert_queries_agree_with_events_table(store, monkeypatch):
    """The graph, actors, stats and chart read from the totals equal what the events table gives."""
    calls = [{}, {"limit": 2}, {"actor": "RUS"}, {"actor": "turk"}, {"actor": "nobody"}, {"min_events": 2}]
    with store.engine.connect() as conn:
        calls = [{"where": read.event_filter(conn, actor=kw.pop("actor", None)), **kw} for kw in calls]
        fast = [read.graph(conn, **kw) for kw in calls]
        monkeypatch.setattr(read, "_dyad_totals_filter", lambda conn, actor: None)
        assert [read.graph(conn, **kw) for kw in calls] == fast
        monkeypatch.undo()
    for kind in (EventFilter(factual_only=False), EventFilter(type="consult", factual_only=False)):
        # every placed event is since "0"
        assert quad_series(store, kind) == quad_series(store, dataclasses.replace(kind, since="0"))
    placed = [e for e in store.events(type="CONSULT") if e["placed"] and len(e["placed"]) >= 7]
    assert sum(quad_series(store, EventFilter(factual_only=False))["series"]["verbal_coop"]) == len(placed)


def test_totals_follow_ingest_reingest_and_replacement(store, monkeypatch):
    store.add_articles(articles()[:4])
    assert_totals_match_base_tables(store_url(store))
    store.add_articles(articles())  # four duplicates, two new
    assert_totals_match_base_tables(store_url(store))
    assert_queries_agree_with_events_table(store, monkeypatch)
    assert ("FRA", "RUS") in {(e["source"], e["target"]) for e in store.graph()["edges"]}  # several sources split
    [moved] = [e for e in store.events(type="CONSULT") if e["granularity"] == "week"]
    assert moved["date"] == "2024-04-29" and moved["mention_count"] == 2
    [turkey] = store.actors(search="TUR")
    assert (turkey["article_count"], turkey["events_given"], turkey["events_received"], turkey["quote_count"]) \
        == (3, 2, 0, 1)

    first, _, strikes, _, talks, undated = articles()
    fresh = report(TUR_GRC, events=[{"type": "THREATEN", "source": ["GRC"], "target": ["TUR"]}])
    fresh.pipeline_version = "9.9"
    store.replace_articles([(first.doc_id, fresh, None), (talks.doc_id, report(TALKS), None),
                            (strikes.doc_id, report(STRIKES), None),
                            (undated.doc_id, report("Officials said nothing new on Tuesday."), None)])
    assert_totals_match_base_tables(store_url(store))
    assert_queries_agree_with_events_table(store, monkeypatch)
    assert store.stats()["events_by_type"] == {"CONSULT": 1, "THREATEN": 1, "ACCUSE": 1}
    assert store.actors(search="DEU")[0]["article_count"] == 0  # Germany's only article is gone


def test_stats_count_undated_events_and_missing_quad_classes(store):
    article = report(UNDATED, events=[{"type": "THREATEN", "source": ["DEU"], "target": ["RUS"]}], published=None)
    article.events[0].quad_class = None
    store.add_articles([article])
    assert store.stats()["events_by_quad_class"] == {"None": 1}
    assert_totals_match_base_tables(store_url(store))


def test_the_migration_backfills_a_database_written_before_it(db_url):  # noqa: F811
    with Store.open(db_url) as store:
        store.add_articles(articles())
        with store.engine.begin() as conn:  # as a database from before 0004: no totals, no record of it
            for table in schema.TOTALS_TABLES:
                conn.execute(text(f"DROP TABLE {table.name}"))
            conn.execute(delete(schema.migrations).where(schema.migrations.c.name == "0004_totals"))
    with Store.open(db_url) as store:
        assert_totals_match_base_tables(db_url)
        assert store.actors(search="RUS")[0]["events_received"] == 3


@pytest.mark.parametrize("sort", ["date", "type", "intensity"])
@pytest.mark.parametrize("filters", [{}, {"actor": "RUS"}, {"target": "russia"}, {"since": "2024-03-08"}])
def test_keyset_pages_are_the_offset_pages(store, filters, sort):
    store.add_articles(articles())
    with store.engine.connect() as conn:
        where = read.event_filter(conn, **filters, factual_only=False)
        whole = [e["id"] for e in read.event_page(conn, where, sort=sort, limit=None)[0]]
        walked, after = [], None
        while True:
            rows, after = read.event_page(conn, where, sort=sort, limit=2, after=after)
            walked += [e["id"] for e in rows]
            if len(rows) < 2:
                break
    assert walked == whole and whole


def store_url(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False)
