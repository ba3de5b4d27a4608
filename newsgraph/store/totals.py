"""Totals kept at write time: events given and received per actor, factual events per dyad, events per day,
and where each event is placed in time (events.placed, events.factual).

The API's actor list, actor graph, charts and stats would otherwise count every
event on every request. Each total is recomputed from the base tables for exactly
the actors, dyads and dates a write touched, inside the transaction that changed
them, so a crashed or re-run write leaves them as right as the rows they count.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Select, case, delete, distinct, false, func, insert, or_, select, tuple_

from ..records import NOT_FACT_QUALIFIERS
from . import schema as s

QUAD_CLASSES = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
# Bound parameters per IN (...) list (a dyad takes two).
BATCH = 400
UNDATED = ""  # event_totals' date (and quad_class) for an event without one: primary keys cannot be null


def placement_values() -> dict[str, Any]:
    """events.placed (its date, else its first report's day, else "") and events.factual (0 when a qualifier
    says it did not or may not happen), from the event's own columns: set after its date and reports are."""
    e = s.events
    not_fact = or_(false(), *(e.c.qualifiers.contains(q) for q in sorted(NOT_FACT_QUALIFIERS)))
    return {"placed": func.coalesce(e.c.date, func.substr(e.c.first_reported, 1, 10), ""),
            "factual": case((not_fact, 0), else_=1)}


def actor_counts(a: Any = s.actors) -> list[Any]:
    """Per actor row `a`: articles naming it, distinct events it gave and received, quotes it spoke."""
    aa, ea, q = s.article_actors, s.event_actors, s.quotes
    return [
        select(func.count()).where(aa.c.actor_id == a.c.id).scalar_subquery().label("article_count"),
        select(func.count(distinct(ea.c.event_id))).where(ea.c.actor_id == a.c.id, ea.c.side == "source")
        .scalar_subquery().label("events_given"),
        select(func.count(distinct(ea.c.event_id))).where(ea.c.actor_id == a.c.id, ea.c.side == "target")
        .scalar_subquery().label("events_received"),
        select(func.count()).where(q.c.speaker_id == a.c.id).scalar_subquery().label("quote_count"),
    ]


def dyad_sums() -> Select:
    """Events, mentions, intensity and quad-class counts per (source_key, target_key) of the factual events
    (the graph leaves out what did not or may not happen unless asked, and then counts the events table)."""
    e = s.events
    return select(
        e.c.source_key, e.c.target_key, func.count().label("events"),
        func.coalesce(func.sum(e.c.mention_count), 0).label("mentions"),
        func.sum(e.c.intensity).label("intensity_sum"), func.count(e.c.intensity).label("intensity_n"),
        *(func.coalesce(func.sum(case((e.c.quad_class == quad, 1), else_=0)), 0).label(quad) for quad in QUAD_CLASSES),
    ).where(e.c.factual == 1).group_by(e.c.source_key, e.c.target_key)


def _date_sums() -> Select:
    e = s.events
    day, quad = func.coalesce(e.c.date, UNDATED), func.coalesce(e.c.quad_class, UNDATED)
    return select(day, e.c.type, quad, func.count()).group_by(day, e.c.type, quad)


def refresh_actors(conn: Connection, actor_ids: Iterable[str] | None = None) -> None:
    """Recount these actors' totals (every actor's with None)."""
    t, a = s.actor_totals, s.actors
    columns = [t.c.actor_id, t.c.article_count, t.c.events_given, t.c.events_received, t.c.quote_count]
    for batch in _batches(actor_ids):
        query = select(a.c.id, *actor_counts())
        if batch is None:
            conn.execute(delete(t))
        else:
            conn.execute(delete(t).where(t.c.actor_id.in_(batch)))
            query = query.where(a.c.id.in_(batch))
        conn.execute(insert(t).from_select(columns, query))


def refresh_dyads(conn: Connection, dyads: Iterable[tuple[str, str]] | None = None) -> None:
    """Recount these (source_key, target_key) dyads' totals (every dyad's with None)."""
    t, e = s.dyad_totals, s.events
    columns = [t.c[name] for name in ("source_key", "target_key", "events", "mentions", "intensity_sum",
                                      "intensity_n", *QUAD_CLASSES)]
    for batch in _batches(dyads):
        query = dyad_sums()
        if batch is None:
            conn.execute(delete(t))
        else:
            conn.execute(delete(t).where(tuple_(t.c.source_key, t.c.target_key).in_(batch)))
            query = query.where(tuple_(e.c.source_key, e.c.target_key).in_(batch))
        conn.execute(insert(t).from_select(columns, query))


def refresh_dates(conn: Connection, dates: Iterable[str] | None = None) -> None:
    """Recount the events of these stored dates (UNDATED for events without one; every date's with None)."""
    t, e = s.event_totals, s.events
    columns = [t.c.date, t.c.type, t.c.quad_class, t.c.events]
    for batch in _batches(dates):
        query = _date_sums()
        if batch is None:
            conn.execute(delete(t))
        else:
            conn.execute(delete(t).where(t.c.date.in_(batch)))
            days = [d for d in batch if d != UNDATED]
            query = query.where(or_(e.c.date.in_(days), e.c.date.is_(None)) if UNDATED in batch
                                else e.c.date.in_(days))
        conn.execute(insert(t).from_select(columns, query))


def rebuild(conn: Connection) -> None:
    """Every total from the base tables (the migration that adds them backfills an existing database)."""
    refresh_actors(conn)
    refresh_dyads(conn)
    refresh_dates(conn)


def event_buckets(conn: Connection, event_ids: list[str]) -> tuple[set[tuple[str, str]], set[str]]:
    """The dyads and dates these events are counted under now (an event's date can move on recount)."""
    e = s.events
    dyads: set[tuple[str, str]] = set()
    dates: set[str] = set()
    for batch in _batches(event_ids):
        query = select(e.c.source_key, e.c.target_key, e.c.date).where(e.c.id.in_(batch or []))
        for source, target, date in conn.execute(query).all():
            dyads.add((source, target))
            dates.add(date if date is not None else UNDATED)
    return dyads, dates


def _batches(values: Iterable[Any] | None) -> Iterable[list[Any] | None]:
    """None once (meaning: all), else the sorted values in lists of BATCH."""
    if values is None:
        yield None
        return
    ordered = sorted(set(values))
    for i in range(0, len(ordered), BATCH):
        yield ordered[i:i + BATCH]
