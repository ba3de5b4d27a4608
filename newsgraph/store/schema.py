"""The database tables, as SQLAlchemy Core metadata (the shape after every migration).

Keys are natural (content hashes and per-article ids), never sequences, so a run
that was killed and resumed leaves exactly the rows an uninterrupted run leaves.
Column names avoid SQL keywords (``start_char``, not ``start``) so raw SQL stays plain.
"""
from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    literal_column,
)

from ..records import Actor, Article, Event, Mention, Quote

metadata = MetaData()

migrations = Table(
    "migrations", metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", String(32), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("doc_id", String(40), primary_key=True),
    # content_hash of the text as read, so a re-read input is skipped before it is parsed
    Column("raw_hash", String(40), nullable=False, index=True),
    Column("origin", Text, nullable=False),
    # who published it (source id, URL host, or origin); counts distinct reporters of an event
    Column("outlet", Text, nullable=False),
    Column("url", Text),
    Column("source_id", Text),
    Column("title", Text),
    Column("published", String(32), index=True),
    Column("pipeline_version", String(20), nullable=False, index=True),
    Column("ingested_at", String(32), nullable=False),
    Column("raw", Text, nullable=False),  # the RawArticle as JSON, re-extracted by --reprocess
    Column("record", Text, nullable=False),  # the Article record as JSON
    # 0005: an actor's roles and quotes are dated by their articles' publication, read from this index alone.
    Index("ix_articles_doc_published", "doc_id", "published"),
)

# 0009: articles newest first (keyset pages of /articles), undated ones last on every backend. The literal is
# spelt inline: an index on an expression serves only a query that spells it the same, never a bound parameter.
PUBLISHED_OR_EMPTY = func.coalesce(articles.c.published, literal_column("''"))
Index("ix_articles_newest", PUBLISHED_OR_EMPTY, articles.c.doc_id)

actors = Table(
    "actors", metadata,
    Column("id", String(24), primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("code", String(40), index=True),
    Column("name", Text, nullable=False),
    Column("country", String(40)),
    Column("sector", String(40)),
)

article_actors = Table(
    "article_actors", metadata,
    Column("doc_id", String(40), primary_key=True),
    Column("local_id", String(40), primary_key=True),
    Column("actor_id", String(24), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("role", Text),
    Column("sector", String(40)),
    Column("evidence", Text),
    ForeignKeyConstraint(["doc_id"], ["articles.doc_id"]),
    ForeignKeyConstraint(["actor_id"], ["actors.id"]),
    # 0005: an actor's names and roles, grouped in index order and dated through ix_articles_doc_published.
    Index("ix_article_actors_roles", "actor_id", "role", "sector", "name", "doc_id"),
)

mentions = Table(
    "mentions", metadata,
    Column("doc_id", String(40), primary_key=True),
    Column("local_id", String(40), primary_key=True),
    Column("start_char", Integer, primary_key=True),
    Column("end_char", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("via", String(20)),
    ForeignKeyConstraint(["doc_id", "local_id"], ["article_actors.doc_id", "article_actors.local_id"]),
)

events = Table(
    "events", metadata,
    Column("id", String(24), primary_key=True),
    Column("type", String(20), nullable=False, index=True),
    Column("mode", String(40)),
    Column("quad_class", String(40)),
    Column("intensity", Float),
    Column("date", String(32), index=True),
    Column("granularity", String(10)),
    Column("date_key", String(40)),
    Column("source_key", Text, nullable=False),  # actor codes joined by "+" (see keys.actor_key_of_event)
    Column("target_key", Text, nullable=False),
    Column("qualifiers", Text, nullable=False),  # not-a-fact qualifiers joined by ",", part of the identity
    Column("scope", String(40)),  # doc_id when undated (merged only within its article), else null
    Column("mention_count", Integer, nullable=False),
    Column("article_count", Integer, nullable=False),
    Column("source_count", Integer, nullable=False),
    Column("first_reported", String(32)),
    Column("last_reported", String(32)),
    # 0007: where the lists and charts place the event (its date, else its first report's day; "" if neither),
    # and whether it is reported as having happened (1: no negated/hypothetical/future/conditional qualifier).
    Column("placed", String(32)),
    Column("factual", Integer),
    # 0008: where it happened ("Kharkiv, UKR", see places.py): its earliest report's place, a dateline's last.
    Column("place", Text),
    # 0003: the actor graph groups by dyad, and the web charts count by date and quad class, from indexes alone.
    Index("ix_events_dyad", "source_key", "target_key", "quad_class", "mention_count", "intensity"),
    Index("ix_events_date_quad", "date", "quad_class"),
    # 0007: the web lists page newest first by key, with or without non-factual events; the charts and the
    # graph of factual events count from these indexes alone.
    Index("ix_events_placed", "placed", "quad_class", "id"),
    Index("ix_events_factual_placed", "factual", "placed", "quad_class", "id"),
    Index("ix_events_factual_dyad", "factual", "source_key", "target_key", "quad_class", "mention_count",
          "intensity"),
    # 0008: the map counts located events per place from this index alone, and a place's newest events are
    # walked in its order.
    Index("ix_events_factual_place", "factual", "place", "placed", "id"),
    # 0009: a type's newest events (the timeline and API filtered by type) from the index, without a sort.
    Index("ix_events_type_placed", "type", "factual", "placed", "id"),
    # 0005 adds ix_events_newest (date DESC NULLS LAST, mention_count DESC, id), the order events are listed in;
    # SQLite cannot say NULLS LAST in an index (its DESC puts nulls last), so only the migration creates it.
)

# 0009: events most conflictual first (sort=intensity), those without an intensity last, newest first within a
# level: walked in index order. Spelt with the literal inline, as the query spells it (read.event_order).
INTENSITY_OR_LAST = func.coalesce(events.c.intensity, literal_column("99.0"))
Index("ix_events_intensity", INTENSITY_OR_LAST, events.c.placed.desc(), events.c.id.desc())

event_mentions = Table(
    "event_mentions", metadata,
    Column("doc_id", String(40), primary_key=True),
    Column("local_id", String(40), primary_key=True),
    Column("event_id", String(24), nullable=False, index=True),
    Column("sentence", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("trigger", Text),
    Column("pattern", Text),
    Column("mode", String(40)),
    Column("intensity", Float),
    Column("confidence", Float),
    Column("date", String(32)),
    Column("date_text", Text),
    Column("granularity", String(10)),
    Column("qualifiers", Text, nullable=False),
    Column("located", Text),  # 0006
    Column("place", Text),  # 0008: where this report happened (places.py), and how it was found:
    Column("place_basis", String(10)),  # located | sentence | dateline
    Column("model_probability", Float),  # 0010
    ForeignKeyConstraint(["doc_id"], ["articles.doc_id"]),
    ForeignKeyConstraint(["event_id"], ["events.id"]),
)

event_actors = Table(
    "event_actors", metadata,
    Column("doc_id", String(40), primary_key=True),
    Column("local_id", String(40), primary_key=True),  # the event's id inside its article
    Column("side", String(6), primary_key=True),  # source | target
    Column("actor_id", String(24), primary_key=True),
    Column("event_id", String(24), nullable=False, index=True),
    ForeignKeyConstraint(["doc_id", "local_id"], ["event_mentions.doc_id", "event_mentions.local_id"]),
    ForeignKeyConstraint(["actor_id"], ["actors.id"]),
    Index("ix_event_actors_actor_side", "actor_id", "side"),
    # 0003: an actor's events (filters, counts of events given and received) from the index alone.
    Index("ix_event_actors_actor_side_event", "actor_id", "side", "event_id"),
)

quotes = Table(
    "quotes", metadata,
    Column("doc_id", String(40), primary_key=True),
    Column("local_id", String(40), primary_key=True),
    Column("text", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("speaker_id", String(24), index=True),  # canonical actor id
    Column("speaker_name", Text),
    Column("cue", Text),
    ForeignKeyConstraint(["doc_id"], ["articles.doc_id"]),
)

failures = Table(
    "failures", metadata,
    Column("id", String(24), primary_key=True),  # hash of stage, origin and line: one row per failing input
    Column("stage", String(20), nullable=False),  # read | extract | fetch
    Column("origin", Text, nullable=False),
    Column("line", Integer),
    Column("reason", Text, nullable=False),
    Column("seen_at", String(32), nullable=False),
)

# 0004: totals kept at write time, in the transaction that changes what they count (see totals.py), so the
# API's lists, graph, charts and stats read a few hundred rows instead of counting every event per request.
actor_totals = Table(
    "actor_totals", metadata,
    Column("actor_id", String(24), primary_key=True),
    Column("article_count", Integer, nullable=False),
    Column("events_given", Integer, nullable=False),
    Column("events_received", Integer, nullable=False),
    Column("quote_count", Integer, nullable=False),
    sqlite_with_rowid=False,  # on SQLite, rows stored in key order: a scan in key order reads no other b-tree
)

dyad_totals = Table(  # one row per (source_key, target_key) of the factual events (0007), one-sided keys included
    "dyad_totals", metadata,
    Column("source_key", Text, primary_key=True),
    Column("target_key", Text, primary_key=True),
    Column("events", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("intensity_sum", Float),
    Column("intensity_n", Integer, nullable=False),
    Column("verbal_coop", Integer, nullable=False),
    Column("material_coop", Integer, nullable=False),
    Column("verbal_conflict", Integer, nullable=False),
    Column("material_conflict", Integer, nullable=False),
    Index("ix_dyad_totals_events", "events"),
    sqlite_with_rowid=False,
)

event_totals = Table(  # events per stored date, type and quad class ("" for an undated event or no quad class)
    "event_totals", metadata,
    Column("date", String(32), primary_key=True),
    Column("quad_class", String(40), primary_key=True),  # before type: the charts group by date and quad class
    Column("type", String(20), primary_key=True),
    Column("events", Integer, nullable=False),
    sqlite_with_rowid=False,
)

TOTALS_TABLES = (actor_totals, dyad_totals, event_totals)

# 0009: one row counting the writing transactions that changed stored content (write.mark_changed), so a reader
# can keep an aggregate until the next change (the web's cache) at the cost of reading one row.
data_changes = Table(
    "data_changes", metadata,
    Column("id", Integer, primary_key=True),
    Column("generation", Integer, nullable=False),
)

# Tables holding ingested content, in an order that respects foreign keys when inserting.
CONTENT_TABLES = (articles, actors, article_actors, mentions, events, event_mentions, event_actors, quotes, failures)

# Each record's table, one row per record, its fields under their store names (record_schema.store_column);
# HELD_ELSEWHERE lists the fields another table holds ("table.column", or a table of their own records).
# write.rows_of fills the rows from this, and tests/test_roundtrip.py checks every field of every record has a
# home, so a field added to a record cannot be left out of the store unnoticed (add a column and a migration).
RECORD_TABLES: dict[type, Table] = {
    Article: articles, Actor: article_actors, Mention: mentions, Event: event_mentions, Quote: quotes,
}
HELD_ELSEWHERE: dict[type, dict[str, str]] = {
    Article: {"text": "articles.record", "removed": "articles.record", "warnings": "articles.record",
              "actors": "article_actors", "events": "event_mentions", "quotes": "quotes"},
    Actor: {"kind": "actors.kind", "code": "actors.code", "country": "actors.country", "mentions": "mentions"},
    Mention: {},
    Event: {"type": "events.type", "quad_class": "events.quad_class", "source": "event_actors.actor_id",
            "target": "event_actors.actor_id"},
    Quote: {},
}
