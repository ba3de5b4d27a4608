"""Schema migrations: each runs in its own transaction and is recorded in the `migrations` table.

A migration is a named function of a connection. The list only grows: a change to
the schema is a new migration appended here (and reflected in ``schema.py``),
never an edit of one that has shipped.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from sqlalchemy import Connection, Engine, insert, inspect, select, text, update

from ..records import Article
from . import schema, totals
from .engine import DatabaseOpenError, check_not_foreign, writing
from .places import event_place, gazetteer
from .totals import placement_values

Migration = tuple[str, Callable[[Connection], None]]
# Any constant: the PostgreSQL advisory lock that makes concurrent openers migrate one at a time.
_PG_MIGRATION_LOCK = 5_502_071


def _create_tables(conn: Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t is not schema.migrations]
    schema.metadata.create_all(conn, tables=tables)


def _add_quote_search(conn: Connection) -> None:
    """Full-text search over quotes: an FTS5 table kept in step by triggers, or a tsvector column."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE quotes ADD COLUMN tsv tsvector "
                          "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED"))
        conn.execute(text("CREATE INDEX ix_quotes_tsv ON quotes USING gin (tsv)"))
        return
    conn.execute(text("CREATE VIRTUAL TABLE quotes_fts USING fts5("
                      "text, doc_id UNINDEXED, local_id UNINDEXED, tokenize='porter unicode61')"))
    conn.execute(text("CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
                      "INSERT INTO quotes_fts (text, doc_id, local_id) VALUES (new.text, new.doc_id, new.local_id); "
                      "END"))
    conn.execute(text("CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
                      "DELETE FROM quotes_fts WHERE doc_id = old.doc_id AND local_id = old.local_id; END"))


def _add_query_indexes(conn: Connection) -> None:
    """Indexes the API's latency benchmark showed it needs (benchmarks/api_latency.py, 100,000 events):
    actors with their event counts, the actor graph, and events over time by quad class. A database
    created after this migration has them from 0001 already (they are in schema.py), hence IF NOT EXISTS."""
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_dyad "
                      "ON events (source_key, target_key, quad_class, mention_count, intensity)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_event_actors_actor_side_event "
                      "ON event_actors (actor_id, side, event_id)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_date_quad ON events (date, quad_class)"))


def _add_totals(conn: Connection) -> None:
    """Totals kept at write time (actors, dyads, events per day) so the API stops counting every event per
    request; filled from the base tables here. A database created after this migration has the (empty)
    tables from 0001 already."""
    for table in schema.TOTALS_TABLES:
        table.create(conn, checkfirst=True)
    totals.rebuild(conn)


def _add_list_indexes(conn: Connection) -> None:
    """Indexes for pages of a busy actor's events (walked newest first until the page is full) and for its
    roles and quotes dated by publication. The two on articles and article_actors are in schema.py (hence
    IF NOT EXISTS); ix_events_newest is spelt per dialect: PostgreSQL's DESC puts nulls first unless told,
    SQLite's cannot be told (and puts them last)."""
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_doc_published ON articles (doc_id, published)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_article_actors_roles "
                      "ON article_actors (actor_id, role, sector, name, doc_id)"))
    nulls_last = " NULLS LAST" if conn.dialect.name == "postgresql" else ""
    conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_events_newest "
                      f"ON events (date DESC{nulls_last}, mention_count DESC, id)"))


def _add_event_located(conn: Connection) -> None:
    """Each report's `located` (the place whose state stood in for a side), which the record carried but the
    table lacked. A database created after this migration has the column from 0001 already."""
    if "located" not in {c["name"] for c in inspect(conn).get_columns("event_mentions")}:
        conn.execute(text("ALTER TABLE event_mentions ADD COLUMN located TEXT"))


def _add_event_placement(conn: Connection) -> None:
    """events.placed and events.factual (see schema.py), filled for the stored events, and their indexes;
    the dyad totals recounted over factual events.
    A database created after this migration has the columns and indexes from 0001 already."""
    if "placed" not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.execute(text("ALTER TABLE events ADD COLUMN placed VARCHAR(32)"))
        conn.execute(text("ALTER TABLE events ADD COLUMN factual INTEGER"))
    conn.execute(update(schema.events).values(placement_values()))
    totals.refresh_dyads(conn)  # the dyad totals count factual events from now on
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_placed ON events (placed, quad_class, id)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_factual_placed "
                      "ON events (factual, placed, quad_class, id)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_factual_dyad "
                      "ON events (factual, source_key, target_key, quad_class, mention_count, intensity)"))


def _add_event_places(conn: Connection) -> None:
    """Where each report and event happened (places.py), found for the stored articles, and the map's index.
    A database created after this migration has the columns and index from 0001 already."""
    if "place" not in {c["name"] for c in inspect(conn).get_columns("event_mentions")}:
        conn.execute(text("ALTER TABLE event_mentions ADD COLUMN place TEXT"))
        conn.execute(text("ALTER TABLE event_mentions ADD COLUMN place_basis VARCHAR(10)"))
    if "place" not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.execute(text("ALTER TABLE events ADD COLUMN place TEXT"))
    em = schema.event_mentions
    for (record,) in conn.execute(select(schema.articles.c.record)):
        article = Article.from_dict(json.loads(record))
        for local_id, found in gazetteer().of_article(article).items():
            conn.execute(update(em).where(em.c.doc_id == article.doc_id, em.c.local_id == local_id)
                         .values(place=found.place.key, place_basis=found.basis))
    conn.execute(update(schema.events).values(place=event_place()))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_factual_place ON events (factual, place, placed, id)"))


def _add_change_count(conn: Connection) -> None:
    """The change count (schema.data_changes, its one row) and the indexes of articles newest first, of a type's
    newest events and of events by intensity.
    A database created after this migration has the table and index from 0001 already."""
    schema.data_changes.create(conn, checkfirst=True)
    if conn.execute(select(schema.data_changes.c.id)).first() is None:
        conn.execute(insert(schema.data_changes).values(id=1, generation=0))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_newest ON articles (coalesce(published, ''), doc_id)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_type_placed ON events (type, factual, placed, id)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_intensity "
                      "ON events (coalesce(intensity, 99.0), placed DESC, id DESC)"))
def _add_event_model_probability(conn: Connection) -> None:
    """Each report's `model_probability` (the learned event scorer's, issue 16). A database created after this
    migration has the column from 0001 already."""
    if "model_probability" not in {c["name"] for c in inspect(conn).get_columns("event_mentions")}:
        conn.execute(text("ALTER TABLE event_mentions ADD COLUMN model_probability FLOAT"))


MIGRATIONS: list[Migration] = [
    ("0001_create_tables", _create_tables),
    ("0002_quote_search", _add_quote_search),
    ("0003_query_indexes", _add_query_indexes),  # added by the web/API work (issue 6)
    ("0004_totals", _add_totals),
    ("0005_list_indexes", _add_list_indexes),
    ("0006_event_located", _add_event_located),
    ("0007_event_placement", _add_event_placement),
    ("0008_event_places", _add_event_places),
    ("0009_change_count", _add_change_count),
    ("0010_event_model_probability", _add_event_model_probability),
]


def applied_migrations(conn: Connection) -> set[str]:
    return set(conn.execute(select(schema.migrations.c.name)).scalars())


def migrate(engine: Engine, migrations: list[Migration] | None = None) -> list[str]:
    """Apply the migrations the database lacks, in order; returns the names applied now."""
    steps = migrations if migrations is not None else MIGRATIONS
    if _up_to_date(engine, steps):  # the usual case: no write lock taken, so a read-only file opens too
        return []
    done: list[str] = []
    with writing(engine) as conn:
        _lock(conn)
        schema.migrations.create(conn, checkfirst=True)
    for name, step in steps:
        with writing(engine) as conn:
            _lock(conn)
            if name in applied_migrations(conn):
                continue
            step(conn)
            now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            conn.execute(insert(schema.migrations).values(name=name, applied_at=now))
            done.append(name)
    return done


def check_newsgraph_database(engine: Engine, *, create: bool) -> None:
    """Refuse another application's database (see :func:`engine.check_not_foreign`); with ``create`` false,
    refuse one that holds no newsgraph tables yet."""
    sqlite = engine.dialect.name == "sqlite"
    where = engine.url.database if sqlite else engine.url.render_as_string(hide_password=True)
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        columns = ({column["name"] for column in inspect(conn).get_columns(schema.migrations.name)}
                   if schema.migrations.name in tables else set())
    check_not_foreign(str(where), tables, columns)
    if not tables and not create:
        raise DatabaseOpenError(f"{where} holds no newsgraph data yet; run `newsgraph ingest` into it first")


def _up_to_date(engine: Engine, steps: list[Migration]) -> bool:
    with engine.connect() as conn:
        if not inspect(conn).has_table(schema.migrations.name):
            return False
        return {name for name, _ in steps} <= applied_migrations(conn)


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
