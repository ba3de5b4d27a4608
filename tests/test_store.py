"""The store on SQLite and (with NEWSGRAPH_TEST_PG_URL) PostgreSQL: round trips, dedup, filters, search,
migrations, failures and re-extraction. Records are hand-made, so no model is needed."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, inspect, select, text, update
from store_helpers import db_url, report  # noqa: F401 - db_url is a fixture

from newsgraph.records import Actor, Mention, ReadFailure
from newsgraph.store import Store, schema
from newsgraph.store.keys import date_key
from newsgraph.store.migrations import MIGRATIONS, applied_migrations, migrate

ACCUSATION = "Turkey accused Greece of violating its airspace over the Aegean on Monday."
ACCUSATION_AGAIN = "Greece was accused by Turkey on Monday of sending jets into Turkish airspace."
ACCUSE = {"type": "ACCUSE", "source": ["TUR"], "target": ["GRC"], "date": "2024-03-04"}


@pytest.fixture
def store(db_url):  # noqa: F811 - the fixture imported above
    with Store.open(db_url) as opened:
        yield opened


def test_article_round_trip(store):
    article = report(ACCUSATION, events=[ACCUSE], quotes=[{"text": "violating its airspace", "speaker": "TUR"}])
    summary = store.add_articles([article])
    assert (summary.read, summary.new, summary.duplicate) == (1, 1, 0)
    record = store.article(article.doc_id)
    event_ids = record.pop("event_ids")
    assert record == article.to_dict()
    assert set(event_ids) == {"e1"} and store.event(event_ids["e1"])["mentions"][0]["doc_id"] == article.doc_id
    assert store.article("no-such-id") is None and store.event("no-such-id") is None


def test_storing_again_is_a_no_op(store):
    article = report(ACCUSATION, events=[ACCUSE])
    store.add_articles([article])
    before = store.stats()
    summary = store.add_articles([article, article])
    assert (summary.new, summary.duplicate) == (0, 2)
    assert store.stats() == before


def test_reports_of_one_event_from_two_outlets_are_one_event(store):
    first = report(ACCUSATION, events=[ACCUSE], url="https://www.example-news.com/a", published="2024-03-04")
    second = report(ACCUSATION_AGAIN, events=[ACCUSE], url="https://wire.example.org/b", published="2024-03-06")
    store.add_articles([first, second])
    [event] = store.events()
    assert (event["mention_count"], event["article_count"], event["source_count"]) == (2, 2, 2)
    assert (event["first_reported"], event["last_reported"]) == ("2024-03-04", "2024-03-06")
    assert event["source"] == ["TUR"] and event["target"] == ["GRC"] and event["source_names"] == ["Turkey"]
    mentions = store.event(event["id"])["mentions"]
    assert [m["doc_id"] for m in mentions] == [first.doc_id, second.doc_id]
    assert mentions[1]["sentence"] == ACCUSATION_AGAIN and mentions[0]["outlet"] == "example-news.com"


def test_same_outlet_twice_is_one_source(store):
    store.add_articles([report(ACCUSATION, events=[ACCUSE], url="https://example.com/1"),
                        report(ACCUSATION_AGAIN, events=[ACCUSE], url="https://example.com/2")])
    [event] = store.events()
    assert (event["mention_count"], event["article_count"], event["source_count"]) == (2, 2, 1)


def test_one_fact_told_twice_in_an_article_is_one_event(store):
    store.add_articles([report(ACCUSATION, events=[ACCUSE, dict(ACCUSE, trigger="violating")])])
    [event] = store.events()
    assert (event["mention_count"], event["article_count"]) == (2, 1)


@pytest.mark.parametrize("other, same", [
    ({"date": "2024-03-05"}, False),  # another day
    ({"type": "THREATEN"}, False),
    ({"source": ["GRC"], "target": ["TUR"]}, False),  # the other direction
    ({"qualifiers": ["negated"]}, False),  # a denial is not the same claim
    ({"qualifiers": ["attributed"]}, True),  # a qualifier that keeps it a claim
    ({"mode": "formal"}, True),
])
def test_what_makes_reports_one_event(store, other, same):
    store.add_articles([report(ACCUSATION, events=[ACCUSE]), report(ACCUSATION_AGAIN, events=[dict(ACCUSE, **other)])])
    assert len(store.events()) == (1 if same else 2)


def test_dates_merge_within_their_granularity(store):
    march = {"date": "2024-03-01", "granularity": "month"}
    store.add_articles([report(ACCUSATION, events=[dict(ACCUSE, **march)]),
                        report(ACCUSATION_AGAIN, events=[dict(ACCUSE, **march)])])
    [event] = store.events()
    assert event["mention_count"] == 2 and event["granularity"] == "month"


@pytest.mark.parametrize("date, granularity, key", [
    ("2024-03-04", "day", "2024-03-04"), ("2024-03-04", "month", "2024-03"), ("2024-03-04", "year", "2024"),
    ("2024-03-04", "week", "2024-W10"), ("2024-03-10", "week", "2024-W10"), (None, None, None),
])
def test_date_key(date, granularity, key):
    assert date_key(date, granularity) == key


def test_undated_reports_merge_only_within_their_article(store):
    undated = dict(ACCUSE, date=None, granularity=None)
    store.add_articles([report(ACCUSATION, events=[undated, dict(undated, trigger="violating")], published=None),
                        report(ACCUSATION_AGAIN, events=[undated], published=None)])
    assert sorted(e["mention_count"] for e in store.events()) == [1, 2]


def test_meetings_have_no_direction(store):
    talks = "Greece and Turkey held talks in Athens."
    store.add_articles([
        report(talks, events=[{"type": "CONSULT", "source": ["GRC"], "target": ["TUR"]}]),
        report("Turkey met Greece for talks in Athens.", events=[{"type": "CONSULT", "source": ["TUR"],
                                                                   "target": ["GRC"]}]),
    ])
    assert [e["mention_count"] for e in store.events()] == [2]


def test_event_filters(store):
    store.add_articles([
        report(ACCUSATION, events=[ACCUSE]),
        report("Russia struck targets in Ukraine on Sunday.", published="2024-03-10",
               events=[{"type": "ASSAULT", "source": ["RUS"], "target": ["UKR"], "date": "2024-03-10"}]),
        report("The United States sent aid to Ukraine.", published="2024-02-01",
               events=[{"type": "AID", "source": ["USA"], "target": ["UKR"], "date": "2024-02-01"}]),
    ])

    def types(**filters):
        return [e["type"] for e in store.events(**filters)]

    assert types() == ["ASSAULT", "ACCUSE", "AID"]  # newest first
    assert types(actor="UKR") == ["ASSAULT", "AID"]
    assert types(actor="ukraine") == ["ASSAULT", "AID"]
    assert types(actor="United St") == ["AID"]
    assert types(target="UKR", source="RUS") == ["ASSAULT"]
    assert types(source="UKR") == []
    assert types(type="assault") == ["ASSAULT"]
    assert types(since="2024-03-04") == ["ASSAULT", "ACCUSE"]
    assert types(until="2024-03-04") == ["ACCUSE", "AID"]
    assert types(since="2024-03-01", until="2024-03-09") == ["ACCUSE"]
    assert types(limit=1, offset=1) == ["ACCUSE"]
    assert types(actor="50% off") == []  # LIKE wildcards are taken literally
    frame = store.events(as_frame=True)
    assert list(frame["type"]) == ["ASSAULT", "ACCUSE", "AID"]


def test_quote_search_and_speaker(store):
    store.add_articles([
        report("Turkey warned Greece. \"We are responding to every violation,\" Erdogan said.",
               people=[{"name": "Recep Tayyip Erdogan", "code": "TUR", "role": "president"}],
               quotes=[{"text": "We are responding to every violation,", "speaker": "Recep Tayyip Erdogan"}]),
        report("France backed talks. \"Dialogue is the only road,\" Macron said.",
               people=[{"name": "Emmanuel Macron", "code": "FRA", "role": "president"}],
               quotes=[{"text": "Dialogue is the only road,", "speaker": "Emmanuel Macron"}]),
    ])
    assert [q["speaker_name"] for q in store.quotes(search="violations respond")] == ["Recep Tayyip Erdogan"]
    assert [q["speaker_name"] for q in store.quotes(search="road")] == ["Emmanuel Macron"]
    assert store.quotes(search="airspace") == [] and store.quotes(search="\"*) OR (") == []
    assert [q["speaker_code"] for q in store.quotes(speaker="macron")] == ["FRA"]
    assert len(store.quotes()) == 2


def test_actors_are_canonical_with_roles_over_time(store):
    lavrov = [{"name": "Sergei Lavrov", "code": "RUS", "role": "foreign minister"}]
    store.add_articles([
        report("Russia and Lavrov rejected the plan.", people=lavrov, published="2023-05-01"),
        report("Lavrov spoke for Russia again.", people=lavrov, published="2024-01-09"),
        report("Russia, said Lavrov, will not attend.", published="2024-06-02",
               people=[dict(lavrov[0], role="envoy")]),
    ])
    russia = store.actors(search="RUS", kind="state")
    assert [(a["name"], a["article_count"]) for a in russia] == [("Russia", 3)]
    [person] = store.actors(kind="person")
    detail = store.actor(person["id"])
    roles = [(r["role"], r["first_seen"], r["last_seen"], r["article_count"]) for r in detail["roles"]]
    assert roles == [("foreign minister", "2023-05-01", "2024-01-09", 2), ("envoy", "2024-06-02", "2024-06-02", 1)]
    assert store.actor("nobody") is None


def test_a_state_code_is_named_as_the_state_whoever_named_it_first(store):
    """A group coded to a state ("the leaders of India" of a summit story) is that state in the store, so the actor
    list and the network say "India", not the words of whichever article came first."""
    text = "The leaders of India arrived in Johannesburg. Russia welcomed them."
    first = report(text, published="2023-08-22")
    first.actors.append(Actor(id="g1", name="leaders of India", kind="organisation", code="IND",
                              mentions=[Mention(4, 20, "leaders of India")]))
    store.add_articles([first, report("India and Russia signed a trade deal.", published="2023-09-01")])
    assert [(a["name"], a["kind"]) for a in store.actors(search="IND")] == [("India", "state")]


def test_actor_detail_events_and_graph(store):
    store.add_articles([report(ACCUSATION, events=[ACCUSE]),
                        report(ACCUSATION_AGAIN, events=[ACCUSE], url="https://other.example/x"),
                        report("Greece threatened Turkey with sanctions.", events=[
                            {"type": "THREATEN", "source": ["GRC"], "target": ["TUR"]}])])
    turkey = store.actors(search="TUR")[0]
    detail = store.actor(turkey["id"])
    assert [e["type"] for e in detail["events_given"]] == ["ACCUSE"]
    assert [e["type"] for e in detail["events_received"]] == ["THREATEN"]
    graph = store.graph()
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert edges[("TUR", "GRC")]["mentions"] == 2 and edges[("TUR", "GRC")]["quad"] == {"verbal_conflict": 1}
    assert edges[("GRC", "TUR")]["mean_intensity"] == -6.0
    assert {n["id"]: n["name"] for n in graph["nodes"]} == {"TUR": "Turkey", "GRC": "Greece"}
    assert store.graph(type="THREATEN")["edges"][0]["source"] == "GRC"


def test_stats_and_articles(store):
    store.add_articles([report(ACCUSATION, events=[ACCUSE]), report("Russia struck Ukraine.", published=None)])
    stats = store.stats()
    assert (stats["articles"], stats["events"], stats["event_mentions"]) == (2, 1, 1)
    assert stats["events_by_type"] == {"ACCUSE": 1} and stats["first_event_date"] == "2024-03-04"
    listed = store.articles()
    assert [a["event_count"] for a in listed] == [1, 0] and listed[0]["actor_count"] == 2


def test_failures_are_kept_once_per_input_and_cleared_when_it_is_stored(store):
    store.record_failures([ReadFailure("feed.rss", "HTTP 503")], stage="read")
    store.record_failures([ReadFailure("feed.rss", "timed out"), ReadFailure("b.txt", "empty file")])
    assert sorted((f["origin"], f["reason"]) for f in store.failures()) == [("b.txt", "empty file"),
                                                                             ("feed.rss", "timed out")]
    store.add_articles([report(ACCUSATION, origin="feed.rss")])
    assert [f["origin"] for f in store.failures()] == ["b.txt"]


def test_replacing_an_article_recounts_its_events(store):
    old = report(ACCUSATION, events=[ACCUSE])
    other = report(ACCUSATION_AGAIN, events=[ACCUSE])
    store.add_articles([old, other])
    fresh = report(ACCUSATION, events=[dict(ACCUSE, type="THREATEN")])
    fresh.pipeline_version = "9.9"
    store.replace_articles([(old.doc_id, fresh, None)])
    assert sorted((e["type"], e["mention_count"]) for e in store.events()) == [("ACCUSE", 1), ("THREATEN", 1)]
    store.replace_articles([(other.doc_id, report(ACCUSATION_AGAIN), None)])
    assert [e["type"] for e in store.events()] == ["THREATEN"]  # no report left: the event is gone
    assert store.article(old.doc_id)["pipeline_version"] == "9.9"


def test_stale_articles_are_those_of_other_pipeline_versions(store):
    store.add_articles([report(ACCUSATION), report(ACCUSATION_AGAIN)])
    with store.engine.begin() as conn:
        conn.execute(schema.articles.update().where(schema.articles.c.doc_id == report(ACCUSATION).doc_id)
                     .values(pipeline_version="0.0.1"))
    stale = list(store.stale_articles(page=1))
    assert [raw.text for _, raw in stale] == [ACCUSATION]


def test_migrations_are_recorded_and_run_once(db_url):  # noqa: F811
    with Store.open(db_url) as store:
        with store.engine.connect() as conn:
            assert applied_migrations(conn) == {name for name, _ in MIGRATIONS}
        assert migrate(store.engine) == []
        tables = set(inspect(store.engine).get_table_names())
        assert {t.name for t in schema.metadata.sorted_tables} <= tables


def test_a_failing_migration_changes_nothing(db_url):  # noqa: F811
    def broken(conn):
        conn.execute(text("CREATE TABLE half_done (x INTEGER)"))
        raise RuntimeError("migration bug")

    with Store.open(db_url) as store:
        with pytest.raises(RuntimeError):
            migrate(store.engine, [*MIGRATIONS, ("0099_broken", broken)])
        assert "half_done" not in inspect(store.engine).get_table_names()
        with store.engine.connect() as conn:
            assert "0099_broken" not in applied_migrations(conn)


def test_an_old_database_gets_the_missing_migrations(db_url):  # noqa: F811
    first = Store.open(db_url, migrate_schema=False)
    assert migrate(first.engine, MIGRATIONS[:1]) == [MIGRATIONS[0][0]]
    assert migrate(first.engine) == [name for name, _ in MIGRATIONS[1:]]
    first.close()
    with Store.open(db_url) as store:
        store.add_articles([report(ACCUSATION, quotes=[{"text": "violating its airspace"}])])
        assert len(store.quotes(search="airspace")) == 1


def test_a_database_from_before_0006_gets_event_located(db_url):  # noqa: F811
    first = Store.open(db_url, migrate_schema=False)
    migrate(first.engine, MIGRATIONS[:5])
    with first.engine.begin() as conn:  # the table as 0001 created it before events carried `located`
        conn.execute(text("ALTER TABLE event_mentions DROP COLUMN located"))
    assert migrate(first.engine, MIGRATIONS[:6]) == ["0006_event_located"]
    first.close()
    article = report(ACCUSATION, events=[ACCUSE])
    article.events[0].located = "Aegean"
    with Store.open(db_url) as store:
        store.add_articles([article])
        [event] = store.events()
        assert [m["located"] for m in store.event(event["id"])["mentions"]] == ["Aegean"]


def test_a_database_from_before_0007_gets_events_placed(db_url):  # noqa: F811
    undated = report(ACCUSATION, events=[ACCUSE])
    undated.events[0].date = None
    maybe = report(ACCUSATION + " Again.", events=[ACCUSE])
    maybe.events[0].qualifiers = ["hypothetical"]
    with Store.open(db_url) as store:
        store.add_articles([undated, maybe])
        with store.engine.begin() as conn:  # as written before 0007: nothing placed, no record of it
            conn.execute(update(schema.events).values(placed=None, factual=None))
            conn.execute(delete(schema.migrations).where(schema.migrations.c.name == "0007_event_placement"))
    with Store.open(db_url) as store, store.engine.connect() as conn:
        placed = conn.execute(select(schema.events.c.placed, schema.events.c.factual)).all()
    assert sorted(placed) == [("2024-03-04", 0), ("2024-03-05", 1)]  # its own date; else its report's day


def test_sqlite_runs_in_wal_mode(tmp_path):
    with Store.open(str(tmp_path / "w.db")) as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(select(schema.migrations.c.name)).scalars().all()


def test_database_urls(tmp_path, monkeypatch):
    from newsgraph.store.engine import DatabaseURLError, database_url

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSGRAPH_DB", raising=False)
    assert database_url(None) == f"sqlite:///{tmp_path / 'newsgraph.db'}"
    monkeypatch.setenv("NEWSGRAPH_DB", "other.db")
    assert database_url(None).endswith("/other.db")
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(DatabaseURLError, match="postgresql://"):
        database_url("mysql://u@h/db")
