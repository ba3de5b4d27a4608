"""Writing article records: one transaction per chunk, deduplicated events recounted inside it.

Every row is keyed by content (doc_id, per-article ids, hashes), so writing the
same chunk again changes nothing and a chunk lost to a crash is simply written
again by the next run.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, Table, delete, distinct, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from ..record_schema import store_row
from ..records import Article, RawArticle, ReadFailure, content_hash
from . import schema as s
from . import totals
from .keys import actor_id, actor_key, event_identity, short_hash
from .places import event_place, gazetteer, state_names

# Bound parameters per IN (...) list; SQLite allows 32,766 per statement, PostgreSQL 65,535.
IN_BATCH = 500
# Any constant: the PostgreSQL advisory lock that makes concurrent writers (an ingest, the API's POST) take turns.
_PG_WRITE_LOCK = 5_502_072


@dataclass
class ArticleRows:
    """One article as rows of every content table: what :func:`rows_of` prepares (in a worker process,
    when ingesting in parallel) and :func:`write_rows` inserts."""

    doc_id: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    event_ids: set[str] = field(default_factory=set)


def outlet_of(article: Article) -> str:
    """Who told it: the URL's host, else the origin (each file or corpus line its own reporter)."""
    if article.url:
        host = (urlsplit(article.url).hostname or "").removeprefix("www.")
        if host:
            return host
    return article.origin


def record_json(article: Article) -> str:
    """The record as JSON, as `json.dumps(article.to_dict())` writes it, without asdict's deep copies
    (records are plain dataclasses of lists, strings and numbers)."""
    return json.dumps(article, default=vars, ensure_ascii=False)


def raw_json(raw: RawArticle, article: Article) -> str:
    """The input as read, for --reprocess; its text is left out when it is the record's text already."""
    fields = dict(vars(raw), text=None if raw.text == article.text else raw.text)
    return json.dumps(fields, ensure_ascii=False)


def rows_of(article: Article, raw: RawArticle | None = None) -> ArticleRows:
    """Rows for an article; `raw` (the input as read) is kept so --reprocess can start again from it."""
    raw = raw or RawArticle(origin=article.origin, text=article.text, title=article.title,
                            published=article.published, url=article.url, source_id=article.source_id)
    doc_id = article.doc_id
    out = ArticleRows(doc_id, rows={t.name: [] for t in s.CONTENT_TABLES})
    rows = out.rows
    rows["articles"].append({
        **_row_of(article), "raw_hash": content_hash(raw.text), "outlet": outlet_of(article),
        "raw": raw_json(raw, article), "record": record_json(article),
    })
    by_local = {a.id: a for a in article.actors}
    canonical = {a.id: actor_id(a) for a in article.actors}
    for actor in article.actors:
        code = (actor.code or "").upper() or None
        # one actor per state code, however the first article to name it put it ("leaders of India", "its drones")
        state = state_names().get(code or "") if actor.kind != "person" else None
        rows["actors"].append({"id": canonical[actor.id], "key": actor_key(actor),
                               "kind": "state" if state else actor.kind, "code": code, "name": state or actor.name,
                               "country": actor.country, "sector": actor.sector})
        rows["article_actors"].append({**_row_of(actor), "doc_id": doc_id, "actor_id": canonical[actor.id]})
        spans = {(m.start, m.end): m for m in actor.mentions}
        rows["mentions"].extend({**_row_of(m), "doc_id": doc_id, "local_id": actor.id} for m in spans.values())
    places = gazetteer().of_article(article)
    for event in article.events:
        ident = event_identity(event, by_local, doc_id)
        out.event_ids.add(ident["id"])
        rows["events"].append({**ident, "type": event.type, "mode": event.mode, "quad_class": event.quad_class,
                               "intensity": event.intensity, "date": event.date, "granularity": event.granularity,
                               "mention_count": 0, "article_count": 0, "source_count": 0})
        where = places.get(event.id)
        rows["event_mentions"].append({**_row_of(event), "doc_id": doc_id, "event_id": ident["id"],
                                       "place": where.place.key if where else None,
                                       "place_basis": where.basis if where else None})
        for side, ids in (("source", event.source), ("target", event.target)):
            rows["event_actors"].extend({"doc_id": doc_id, "local_id": event.id, "side": side,
                                         "actor_id": canonical[a], "event_id": ident["id"]}
                                        for a in dict.fromkeys(ids) if a in canonical)
    for quote in article.quotes:
        rows["quotes"].append({**_row_of(quote), "doc_id": doc_id, "speaker_id": canonical.get(quote.speaker or "")})
    return out


def _row_of(record: Any) -> dict[str, Any]:
    """A record's own columns in its store table (see schema.RECORD_TABLES), so a field added to the record is
    written without touching this module (tests/test_roundtrip.py checks the table has a column for it)."""
    return store_row(record, skip=s.HELD_ELSEWHERE[type(record)])


def insert_ignoring_conflicts(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows, skipping any whose key is already there (the first writer's row wins)."""
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).on_conflict_do_nothing(), list(rows))


def existing(conn: Connection, column: Any, values: Iterable[str]) -> set[str]:
    """The values already present in `column`."""
    found: set[str] = set()
    wanted = sorted(set(values))
    for i in range(0, len(wanted), IN_BATCH):
        found.update(conn.execute(select(column).where(column.in_(wanted[i:i + IN_BATCH]))).scalars())
    return found


def write_rows(conn: Connection, items: Sequence[ArticleRows]) -> list[bool]:
    """Store articles not stored yet (inside the caller's transaction); True per item that was new."""
    take_write_turn(conn)
    stored = existing(conn, s.articles.c.doc_id, (item.doc_id for item in items))
    now = _now()
    merged: dict[str, list[dict[str, Any]]] = {t.name: [] for t in s.CONTENT_TABLES}
    touched: set[str] = set()
    is_new: list[bool] = []
    for item in items:
        is_new.append(item.doc_id not in stored)
        if not is_new[-1]:
            continue
        stored.add(item.doc_id)
        touched |= item.event_ids
        for name, rows in item.rows.items():
            merged[name].extend(rows)
    for row in merged["articles"]:
        row["ingested_at"] = now
    for table in s.CONTENT_TABLES:
        rows = merged[table.name]
        if table in (s.actors, s.events):
            insert_ignoring_conflicts(conn, table, _first_per_key(rows, "key" if table is s.actors else "id"))
        elif rows:
            conn.execute(insert(table), rows)
    recount_events(conn, touched)
    totals.refresh_actors(conn, {row["actor_id"] for row in merged["article_actors"]})
    _forget_failures(conn, [row["origin"] for row in merged["articles"]])
    return is_new


def take_write_turn(conn: Connection) -> None:
    """Wait for any other writing transaction to end. SQLite writers already take turns (BEGIN IMMEDIATE);
    on PostgreSQL two writers recounting one event or total from their own snapshots would miss each
    other's rows, or both insert the same total."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_WRITE_LOCK})
    mark_changed(conn)


def mark_changed(conn: Connection) -> None:
    """Count one more change of the stored content (schema.data_changes): what a reader cached under the
    previous count is stale from the moment this transaction commits."""
    conn.execute(update(s.data_changes).values(generation=s.data_changes.c.generation + 1))


def _forget_failures(conn: Connection, origins: list[str]) -> None:
    """An input that has now been stored no longer counts as failing (say, a feed that was down: its
    entries' origins are the feed's URL and #entry)."""
    inputs = sorted({o for origin in origins for o in (origin, origin.split("#", 1)[0])})
    for i in range(0, len(inputs), IN_BATCH):
        conn.execute(delete(s.failures).where(s.failures.c.origin.in_(inputs[i:i + IN_BATCH])))


def _first_per_key(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    return list({row[key]: row for row in reversed(rows)}.values())[::-1]


def recount_events(conn: Connection, event_ids: Iterable[str]) -> None:
    """Recompute each event's counts, report dates, mode and mean intensity from its mentions;
    drop events no mention points to any more; recount the dyad and date totals they were and are under."""
    ids = sorted(set(event_ids))
    dyads, dates = totals.event_buckets(conn, ids)
    em, a, e = s.event_mentions, s.articles, s.events
    mine = em.c.event_id == e.c.id
    via_articles = em.join(a, a.c.doc_id == em.c.doc_id)
    values = {
        "mention_count": select(func.count()).where(mine).scalar_subquery(),
        "article_count": select(func.count(distinct(em.c.doc_id))).where(mine).scalar_subquery(),
        "source_count": select(func.count(distinct(a.c.outlet))).select_from(via_articles).where(mine)
        .scalar_subquery(),
        "first_reported": select(func.min(a.c.published)).select_from(via_articles).where(mine).scalar_subquery(),
        "last_reported": select(func.max(a.c.published)).select_from(via_articles).where(mine).scalar_subquery(),
        "intensity": select(func.avg(em.c.intensity)).where(mine).scalar_subquery(),
        "date": select(func.min(em.c.date)).where(mine).scalar_subquery(),
        "place": event_place(),
        "mode": select(em.c.mode).where(mine, em.c.mode.is_not(None)).group_by(em.c.mode)
        .order_by(func.count().desc(), em.c.mode).limit(1).scalar_subquery(),
    }
    for i in range(0, len(ids), IN_BATCH):
        batch = ids[i:i + IN_BATCH]
        conn.execute(update(e).where(e.c.id.in_(batch)).values(values))
        conn.execute(update(e).where(e.c.id.in_(batch)).values(totals.placement_values()))
        conn.execute(delete(e).where(e.c.id.in_(batch), e.c.mention_count == 0))
    dyads_now, dates_now = totals.event_buckets(conn, ids)
    totals.refresh_dyads(conn, dyads | dyads_now)
    totals.refresh_dates(conn, dates | dates_now)


def delete_articles(conn: Connection, doc_ids: Sequence[str]) -> set[str]:
    """Remove articles and everything extracted from them (recounting their actors' totals); returns the
    events they were evidence for, to recount with :func:`recount_events`."""
    take_write_turn(conn)
    touched: set[str] = set()
    actor_ids: set[str] = set()
    for i in range(0, len(doc_ids), IN_BATCH):
        batch = list(doc_ids[i:i + IN_BATCH])
        touched.update(conn.execute(select(s.event_mentions.c.event_id)
                                    .where(s.event_mentions.c.doc_id.in_(batch))).scalars())
        actor_ids.update(conn.execute(select(s.article_actors.c.actor_id)
                                      .where(s.article_actors.c.doc_id.in_(batch))).scalars())
        for table in (s.event_actors, s.event_mentions, s.quotes, s.mentions, s.article_actors, s.articles):
            conn.execute(delete(table).where(table.c.doc_id.in_(batch)))
    totals.refresh_actors(conn, actor_ids)
    return touched


def record_failures(conn: Connection, failures: Iterable[tuple[str, ReadFailure]]) -> None:
    """Keep one row per failing input (stage, origin, line), updated with the latest reason."""
    now = _now()
    rows = {}
    for stage, failure in failures:
        ident = short_hash(stage, failure.origin, str(failure.line or ""))
        rows[ident] = {"id": ident, "stage": stage, "origin": failure.origin, "line": failure.line,
                       "reason": failure.reason, "seen_at": now}
    if not rows:
        return
    mark_changed(conn)
    conn.execute(delete(s.failures).where(s.failures.c.id.in_(list(rows))))
    conn.execute(insert(s.failures), list(rows.values()))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
