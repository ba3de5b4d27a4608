"""Queries over the store: deduplicated events, quotes, actors, articles, counts and the actor graph.

Every function takes a connection and returns plain dicts (JSON-ready); SQL is
built with SQLAlchemy Core, so values are always bound parameters.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    and_,
    case,
    column,
    false,
    func,
    literal_column,
    not_,
    or_,
    select,
    table,
    true,
    tuple_,
)
from sqlalchemy.sql.expression import ColumnClause

from . import schema as s
from .totals import QUAD_CLASSES, UNDATED

quotes_fts = table("quotes_fts", column("doc_id"), column("local_id"), column("rank"))


def matching_actor_ids(value: str) -> Select:
    """Actors a user means by `value`: exactly an actor id or a code (any case), never part of one."""
    a = s.actors
    return select(a.c.id).where(or_(a.c.id == value, a.c.code == value.upper()))


def name_matches(value: str) -> Any:
    """Names with a word starting with `value` ("tur" finds Turkey, never Agriculture)."""
    name, text = func.lower(s.actors.c.name), value.lower()
    return or_(name.startswith(text, autoescape=True), name.contains(" " + text, autoescape=True),
               name.contains("-" + text, autoescape=True))


@dataclass(frozen=True)
class ActorMatch:
    """The actors a filter value stands for, and, when it was read as a name, a note saying whom it found."""

    ids: tuple[str, ...]
    note: str | None = None


def resolve_actor(conn: Connection, value: str) -> ActorMatch:
    """A code or an actor id exactly; failing that, names containing `value` from a word start, widened to
    the actors coded to a matched state or organisation (so "Turkey" finds the people coded TUR)."""
    a = s.actors
    exact = conn.execute(matching_actor_ids(value)).scalars().all()
    if exact:
        return ActorMatch(tuple(exact))
    named = conn.execute(select(a.c.id, a.c.name, a.c.code, a.c.kind).where(name_matches(value))).all()
    codes = sorted({r.code for r in named if r.code and r.kind != "person"})
    ids = {r.id for r in named}
    coded = conn.execute(select(a.c.id, a.c.name).where(or_(a.c.code.in_(codes), a.c.country.in_(codes)),
                                                        a.c.id.not_in(ids))).all() if codes else []
    if not named:
        return ActorMatch((), f"No actor is named “{value}”.")
    names = ", ".join(sorted({r.name for r in named}))
    note = f"“{value}” read as a name: {names}"
    if coded:
        note += f"; with the actors coded {', '.join(codes)}: {', '.join(sorted({r.name for r in coded}))}"
    return ActorMatch(tuple(sorted(ids | {r.id for r in coded})), note + ".")


def placed_date(e: Any = s.events) -> Any:
    """Where an event sits in time: its own date, else the day it was first reported (kept at write time)."""
    return e.c.placed


@dataclass(frozen=True)
class EventFilter:
    """What the event lists, charts, graph and downloads filter on. Actor sides hold resolved actor ids."""

    actor: tuple[str, ...] | None = None
    source: tuple[str, ...] | None = None
    target: tuple[str, ...] | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None  # a place key ("Kharkiv, UKR", see places.py)
    exact_dates: bool = False  # only events dated to the day in their own sentence
    factual_only: bool = True

    def apply(self, query: Select, *, walk_newest: bool = False) -> Select:
        """`query` with these filters; with `walk_newest` an actor filter is checked on each event."""
        e = s.events
        for ids, side in ((self.actor, None), (self.source, "source"), (self.target, "target")):
            if ids is not None:
                query = query.where(_linked_to(ids, side, each_event=walk_newest))
        if self.type:
            query = query.where(e.c.type == self.type.upper())
        if self.place:
            query = query.where(e.c.place == self.place)
        placed = placed_date()
        if self.since:
            query = query.where(placed >= self.since)
        if self.until:  # the second bound says the same for every date in the store, and an index can seek to it
            query = query.where(func.substr(placed, 1, len(self.until)) <= self.until,
                                placed < period_after(self.until))
        if self.exact_dates:
            query = query.where(func.length(e.c.date) == 10, func.coalesce(e.c.granularity, "day") == "day")
        if self.factual_only:
            query = query.where(e.c.factual == 1)
        return query

    @property
    def by_actor(self) -> bool:
        return any(ids is not None for ids in (self.actor, self.source, self.target))


LAST_DAY = "9999-12-31"
AFTER_EVERY_DATE = "A"  # letters sort after digits


def period_after(until: str) -> str:
    """The first day, month or year after `until` (YYYY-MM-DD, YYYY-MM or YYYY): every date of any precision
    that falls in `until` or before it sorts before this one ("2024-03" and "2024-03-31" before "2024-04")."""
    if until >= LAST_DAY[:len(until)]:
        return AFTER_EVERY_DATE
    if len(until) == 4:
        return f"{int(until) + 1:04d}"
    if len(until) == 7:
        year, month = int(until[:4]), int(until[5:])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return (dt.date.fromisoformat(until) + dt.timedelta(days=1)).isoformat()


def event_filter(conn: Connection, *, actor: str | None = None, source: str | None = None,
                 target: str | None = None, notes: list[str] | None = None, **rest: Any) -> EventFilter:
    """An EventFilter from what a user typed: actor values resolved (notes on how, appended to `notes`)."""
    sides: dict[str, tuple[str, ...] | None] = {}
    for name, value in (("actor", actor), ("source", source), ("target", target)):
        match = resolve_actor(conn, value) if value else None
        sides[name] = match.ids if match else None
        if match and match.note and notes is not None:
            notes.append(match.note)
    return EventFilter(actor=sides["actor"], source=sides["source"], target=sides["target"], **rest)


def _linked_to(ids: tuple[str, ...], side: str | None, *, each_event: bool = False) -> Any:
    """Events with one of these actors (on `side`, or either): the set of their ids, or, with `each_event`,
    a check on each event for a query that walks the events newest first (see :func:`_walks_newest`)."""
    e, ea = s.events, s.event_actors
    linked = select(ea.c.event_id).where(ea.c.actor_id.in_(ids))
    if side:
        linked = linked.where(ea.c.side == side)
    return linked.where(ea.c.event_id == e.c.id).exists() if each_event else e.c.id.in_(linked)


# An actor in at least this many reports fills a page of its newest events after a short walk down the
# events in placed order (ix_events_factual_placed); a rarer one is quicker to look up by its links and sort.
_BUSY_ACTOR_REPORTS = 2000
SQLITE_MAX_INT = 2**63 - 1  # the largest integer a query may bind (SQLite's and PostgreSQL's bigint)


def _walks_newest(conn: Connection, where: EventFilter) -> bool:
    """Whether a page of events filtered by one actor is best found by walking the events newest first."""
    given = [(ids, side) for ids, side in ((where.actor, None), (where.source, "source"), (where.target, "target"))
             if ids is not None]
    if len(given) != 1:
        return False
    (ids, side), ea = given[0], s.event_actors
    links = select(ea.c.event_id).where(ea.c.actor_id.in_(ids))
    if side:
        links = links.where(ea.c.side == side)
    sample = links.limit(_BUSY_ACTOR_REPORTS).subquery()
    return conn.execute(select(func.count()).select_from(sample)).scalar_one() >= _BUSY_ACTOR_REPORTS


# How each list can be sorted: (expression, descending) keys, the last one unique, for keyset paging.
def event_order(sort: str) -> list[tuple[Any, bool]]:
    e = s.events
    newest = [(placed_date(), True), (e.c.id, True)]
    if sort == "type":
        return [(e.c.type, False), *newest]
    if sort == "intensity":  # most conflictual first; events without an intensity last
        return [(s.INTENSITY_OR_LAST, False), *newest]  # walked on ix_events_intensity
    return newest


def after_key(keys: list[tuple[Any, bool]], values: list[Any]) -> Any:
    """Rows strictly after `values` in the order `keys`: keyset paging, as deep pages cost as little as the first."""
    first, desc = keys[0]
    clauses = []
    for i, (expr, descending) in enumerate(keys):
        step = expr < values[i] if descending else expr > values[i]
        clauses.append(and_(*(k == v for (k, _), v in zip(keys[:i], values, strict=False)), step))
    bound = first <= values[0] if desc else first >= values[0]
    return and_(bound, or_(*clauses))


def event_page(conn: Connection, where: EventFilter, *, sort: str = "date", limit: int | None = 100,
               offset: int = 0, after: list[Any] | None = None) -> tuple[list[dict[str, Any]], list[Any] | None]:
    """A page of events and the key of its last row (to ask for the next page with `after`)."""
    keys = event_order(sort)
    e = s.events
    walk = sort == "date" and limit is not None and _walks_newest(conn, where)
    query = where.apply(select(e, *(k.label(f"_k{i}") for i, (k, _) in enumerate(keys))), walk_newest=walk)
    if after is not None:
        query = query.where(after_key(keys, after))
    query = query.order_by(*(k.desc() if d else k.asc() for k, d in keys)).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    rows = [dict(r) for r in conn.execute(query).mappings()]
    last = [rows[-1][f"_k{i}"] for i in range(len(keys))] if rows else None
    for row in rows:
        for i in range(len(keys)):
            row.pop(f"_k{i}")
    return _with_actors(conn, rows), last


def count_events(conn: Connection, where: EventFilter) -> int:
    return conn.execute(where.apply(select(func.count()).select_from(s.events))).scalar_one()


def events(conn: Connection, *, actor: str | None = None, source: str | None = None, target: str | None = None,
           type: str | None = None, since: str | None = None, until: str | None = None, limit: int | None = 100,
           offset: int = 0) -> list[dict[str, Any]]:
    """Events, dated ones newest first, then the most reported; every qualifier included (the order
    `newsgraph events` and the exports have always had; the web lists use :func:`event_page`)."""
    where = event_filter(conn, actor=actor, source=source, target=target, type=type, since=since, until=until,
                         factual_only=False)
    e = s.events
    walk = limit is not None and _walks_newest(conn, where)
    query = where.apply(select(e), walk_newest=walk)
    query = query.order_by(e.c.date.desc().nulls_last(), e.c.mention_count.desc(), e.c.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return _with_actors(conn, [dict(r) for r in conn.execute(query).mappings()])


def _with_actors(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add each event's source and target actors (codes, names, ids) and split its qualifiers."""
    ea, a = s.event_actors, s.actors
    ids = [r["id"] for r in rows]
    sides: dict[tuple[str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    if ids:
        query = (select(ea.c.event_id, ea.c.side, a.c.id, a.c.code, a.c.name, a.c.kind).distinct()
                 .join_from(ea, a, a.c.id == ea.c.actor_id).where(ea.c.event_id.in_(ids)).order_by(a.c.name))
        for r in conn.execute(query).mappings():
            sides[(r["event_id"], r["side"])][r["id"]] = {k: r[k] for k in ("id", "code", "name", "kind")}
    for row in rows:
        row["qualifiers"] = [q for q in (row["qualifiers"] or "").split(",") if q]
        row["placed"] = row["placed"] or None  # its date, else its first report's day
        row["factual"] = bool(row["factual"])
        for side in ("source", "target"):
            found = list(sides[(row["id"], side)].values())
            row[f"{side}_actors"] = found
            row[side] = sorted({x["code"] or x["name"] for x in found})
            row[f"{side}_names"] = sorted({x["name"] for x in found})
        for key in ("source_key", "target_key", "date_key", "scope"):
            row.pop(key, None)
    return rows


def event(conn: Connection, event_id: str) -> dict[str, Any] | None:
    """One event with every report of it: article, sentence, offsets, trigger and the rule that coded it."""
    rows = [dict(r) for r in conn.execute(select(s.events).where(s.events.c.id == event_id)).mappings()]
    if not rows:
        return None
    found = _with_actors(conn, rows)[0]
    found["mentions"] = mentions_of(conn, [event_id]).get(event_id, [])
    return found


def mentions_of(conn: Connection, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every report of each event, earliest published first, with its article's title, url and outlet."""
    em, a = s.event_mentions, s.articles
    query = (select(em, a.c.title, a.c.origin, a.c.url, a.c.published, a.c.outlet)
             .join_from(em, a, a.c.doc_id == em.c.doc_id).where(em.c.event_id.in_(event_ids))
             .order_by(a.c.published.nulls_last(), em.c.doc_id, em.c.start_char))
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in conn.execute(query).mappings():
        mention = dict(r)
        mention["qualifiers"] = [q for q in (mention["qualifiers"] or "").split(",") if q]
        found[mention["event_id"]].append(mention)
    return dict(found)


def fts_words(search: str) -> list[str]:
    return re.findall(r"\w+", search)


def quotes(conn: Connection, *, speaker: str | None = None, search: str | None = None, limit: int | None = 100,
           offset: int = 0) -> list[dict[str, Any]]:
    q, a, ac = s.quotes, s.articles, s.actors
    query = (select(q, a.c.title, a.c.published, a.c.origin, a.c.url, ac.c.code.label("speaker_code"),
                    ac.c.name.label("speaker_actor"))
             .join_from(q, a, a.c.doc_id == q.c.doc_id).outerjoin(ac, ac.c.id == q.c.speaker_id))
    published: Any = a.c.published
    if speaker:
        query = query.where(or_(q.c.speaker_id.in_(matching_actor_ids(speaker)),
                                func.lower(q.c.speaker_name).contains(speaker.lower(), autoescape=True)))
        # The name test reads every quote anyway: sort what matched rather than walk every article newest
        # first (which the planner picks once it has statistics, and which is slow for a rare speaker).
        published = a.c.published.concat("")
    order: list[Any] = [published.desc().nulls_last(), q.c.doc_id, q.c.start_char]
    if search is not None:
        words = fts_words(search)
        if not words:
            return []
        query, rank = _full_text(conn, query, words)
        order.insert(0, rank)
    query = query.order_by(*order).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [dict(r) for r in conn.execute(query).mappings()]


def _full_text(conn: Connection, query: Select, words: list[str]) -> tuple[Select, Any]:
    """Keep quotes containing every word (stemmed); returns the query and a best-first ordering."""
    q = s.quotes
    if conn.dialect.name == "postgresql":
        tsquery = func.plainto_tsquery("english", " ".join(words))
        tsv: ColumnClause[Any] = literal_column("quotes.tsv")
        return query.where(tsv.op("@@")(tsquery)), func.ts_rank(tsv, tsquery).desc()
    phrase = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    query = query.join(quotes_fts, and_(quotes_fts.c.doc_id == q.c.doc_id, quotes_fts.c.local_id == q.c.local_id))
    return query.where(literal_column("quotes_fts").op("MATCH")(phrase)), quotes_fts.c.rank


def actors(conn: Connection, *, search: str | None = None, kind: str | None = None, limit: int | None = 100,
           offset: int = 0) -> list[dict[str, Any]]:
    a = s.actors
    query = _with_counts(a)
    if search:
        query = query.where(or_(a.c.id.in_(matching_actor_ids(search)), name_matches(search)))
    if kind:
        query = query.where(a.c.kind == kind)
    query = query.order_by(literal_column("article_count").desc(), a.c.name, a.c.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [dict(r) for r in conn.execute(query).mappings()]


def _with_counts(*columns: Any) -> Select:
    """Actors with their counts, kept at write time in actor_totals (see totals.py)."""
    a, t = s.actors, s.actor_totals
    counts = (func.coalesce(t.c[name], 0).label(name)
              for name in ("article_count", "events_given", "events_received", "quote_count"))
    return select(*columns, *counts).select_from(a.outerjoin(t, t.c.actor_id == a.c.id))


def actor(conn: Connection, actor_id: str, *, limit: int = 50) -> dict[str, Any] | None:
    """One actor: counts, the names and roles it was reported under (with first and last date), its events
    given and received, and its quotes."""
    a, aa, art = s.actors, s.article_actors, s.articles
    row = conn.execute(_with_counts(a).where(a.c.id == actor_id)).mappings().first()
    if row is None:
        return None
    found = dict(row)
    seen = select(aa.c.name, aa.c.role, aa.c.sector, func.min(art.c.published).label("first_seen"),
                  func.max(art.c.published).label("last_seen"), func.count().label("article_count")) \
        .join_from(aa, art, art.c.doc_id == aa.c.doc_id).where(aa.c.actor_id == actor_id)
    roles = seen.group_by(aa.c.role, aa.c.sector, aa.c.name).order_by(literal_column("first_seen").nulls_last(),
                                                                         aa.c.role, aa.c.name)
    found["roles"] = [dict(r) for r in conn.execute(roles).mappings()]
    found["names"] = sorted({r["name"] for r in found["roles"]})
    found["events_given"] = events(conn, source=actor_id, limit=limit)
    found["events_received"] = events(conn, target=actor_id, limit=limit)
    q = s.quotes
    found["quotes"] = [dict(r) for r in conn.execute(
        select(q, art.c.title, art.c.published).join_from(q, art, art.c.doc_id == q.c.doc_id)
        .where(q.c.speaker_id == actor_id).order_by(art.c.published.desc().nulls_last(), q.c.doc_id, q.c.start_char)
        .limit(limit)).mappings()]
    return found


def articles(conn: Connection, *, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
    return article_page(conn, limit=limit, offset=offset)[0]


def article_page(conn: Connection, *, limit: int | None = 100, offset: int = 0,
                 after: list[Any] | None = None) -> tuple[list[dict[str, Any]], list[Any] | None]:
    """Articles newest first, and the key of the last one (for `after`: keyset paging)."""
    art, em, q, aa = s.articles, s.event_mentions, s.quotes, s.article_actors
    keys = [(s.PUBLISHED_OR_EMPTY, True), (art.c.doc_id, True)]  # read from ix_articles_newest
    query = select(
        art.c.doc_id, art.c.title, art.c.published, art.c.origin, art.c.url, art.c.outlet, art.c.source_id,
        art.c.pipeline_version, art.c.ingested_at, keys[0][0].label("_key"),
        select(func.count()).where(aa.c.doc_id == art.c.doc_id).scalar_subquery().label("actor_count"),
        select(func.count()).where(em.c.doc_id == art.c.doc_id).scalar_subquery().label("event_count"),
        select(func.count()).where(q.c.doc_id == art.c.doc_id).scalar_subquery().label("quote_count"),
    ).order_by(*(k.desc() for k, _ in keys)).offset(offset)
    if after is not None:
        query = query.where(after_key(keys, after))
    if limit is not None:
        query = query.limit(limit)
    rows = [dict(r) for r in conn.execute(query).mappings()]
    last = [rows[-1]["_key"], rows[-1]["doc_id"]] if rows else None
    for row in rows:
        del row["_key"]
    return rows, last


def count_articles(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(s.articles)).scalar_one()


def data_generation(conn: Connection) -> int:
    """How many writing transactions have changed the stored content: an answer computed under one count holds
    until the count moves."""
    return conn.execute(select(s.data_changes.c.generation)).scalar_one()


def article(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    """The full article record, plus `event_ids`: each of its events' id in the deduplicated events table."""
    record = conn.execute(select(s.articles.c.record).where(s.articles.c.doc_id == doc_id)).scalar()
    if record is None:
        return None
    found = json.loads(record)
    em = s.event_mentions
    found["event_ids"] = dict(conn.execute(select(em.c.local_id, em.c.event_id).where(em.c.doc_id == doc_id)).all())
    return found


def stats(conn: Connection) -> dict[str, Any]:
    e, art, t = s.events, s.articles, s.event_totals
    counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
              for t in (s.articles, s.actors, s.events, s.event_mentions, s.quotes, s.failures)}
    by_type: dict[str, int] = defaultdict(int)
    by_quad: dict[str, int] = defaultdict(int)
    for type_, quad, n in conn.execute(select(t.c.type, t.c.quad_class, func.sum(t.c.events))
                                       .group_by(t.c.type, t.c.quad_class)).all():
        by_type[type_] += int(n)
        by_quad["None" if quad == UNDATED else quad] += int(n)
    return {
        **counts,
        "events_by_type": _most_first(by_type),
        "events_by_quad_class": _most_first(by_quad),
        "articles_by_pipeline_version": _most_first(dict(conn.execute(
            select(art.c.pipeline_version, func.count()).group_by(art.c.pipeline_version)).all())),
        "first_event_date": conn.execute(select(func.min(e.c.date))).scalar(),
        "last_event_date": conn.execute(select(func.max(e.c.date))).scalar(),
        "first_published": conn.execute(select(func.min(art.c.published))).scalar(),
        "last_published": conn.execute(select(func.max(art.c.published))).scalar(),
    }


def _most_first(counts: dict[Any, int]) -> dict[str, int]:
    return {str(k): n for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))}


def graph(conn: Connection, *, where: EventFilter | None = None, actor: str | None = None, type: str | None = None,
          since: str | None = None, until: str | None = None, min_events: int = 1,
          limit: int = 200) -> dict[str, list[dict[str, Any]]]:
    """Who acts on whom: nodes are actors (by code), edges carry event and mention counts, the mean
    intensity and the mix of quad classes. `where` filters the events (else the other keywords do, every
    qualifier included).

    The database picks the biggest dyads (the web overview asks for a dozen of tens of thousands), so
    only events with several sources or targets, which add to more than one dyad, are split here.
    """
    if where is None:
        where = event_filter(conn, actor=actor, type=type, since=since, until=until, factual_only=False)
    filters = where
    plain = EventFilter(actor=where.actor)  # what the dyad totals count: factual events, one actor's or all
    keys = _dyad_totals_filter(conn, where.actor) if where == plain else None

    def dyad_rows(**options: Any) -> list[dict[str, Any]]:
        if keys is not None:
            return _dyad_total_rows(conn, keys, **options)
        # Picking the biggest dyads by a bare count first pays off when every event is scanned, not for one actor's.
        return _dyad_rows(conn, filters.apply, count_first=not filters.by_actor, **options)

    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for row in dyad_rows(multi=True):
        for src in filter(None, row["source_key"].split("+")):
            for tgt in filter(None, row["target_key"].split("+")):
                _add_to_edge(edges, row, src, tgt)
    # A single dyad can still make the cut with what the multi-actor events add to it: widen the cut by that.
    boost = max((edge["events"] for edge in edges.values()), default=0)
    singles = dyad_rows(multi=False, at_least=min_events, limit=limit)
    if boost and len(singles) == limit:
        singles = dyad_rows(multi=False, at_least=max(min_events, singles[-1]["events"] - boost))
    for row in singles:
        _add_to_edge(edges, row, row["source_key"], row["target_key"])
    kept = sorted((x for x in edges.values() if x["events"] >= min_events),
                  key=lambda x: (-x["events"], x["source"], x["target"]))[:limit]
    for edge in kept:
        n, total = edge.pop("_n"), edge.pop("_sum")
        edge["mean_intensity"] = total / n if n else None
    return {"nodes": _graph_nodes(conn, kept), "edges": kept}


# Beyond this many actors matched, looking their codes up in every dyad's keys costs more than the events scan.
_MAX_ACTORS_BY_KEY = 8


def _dyad_totals_filter(conn: Connection, actor_ids: tuple[str, ...] | None) -> Any:
    """Which rows of dyad_totals hold the events of these actors (all rows for None), or None when the totals
    cannot say: an event's keys hold its actors' codes, so the rows must be exactly those naming one of the
    matched actors' codes, which fails if an actor that was not matched carries one of those codes too."""
    if actor_ids is None:
        return true()
    a, t = s.actors, s.dyad_totals
    matched = dict(conn.execute(select(a.c.id, a.c.code).where(a.c.id.in_(actor_ids))).all())
    if len(matched) > _MAX_ACTORS_BY_KEY:
        return None
    codes = sorted({code or f"~{ident}" for ident, code in matched.items()})
    shared = select(func.count()).where(a.c.code.in_([c for c in codes if not c.startswith("~")]),
                                        a.c.id.not_in(list(matched)))
    if matched and conn.execute(shared).scalar_one():
        return None
    return or_(false(), *(or_(side == code, side.startswith(f"{code}+", autoescape=True),
                              side.endswith(f"+{code}", autoescape=True), side.contains(f"+{code}+", autoescape=True))
                          for code in codes for side in (t.c.source_key, t.c.target_key)))


def _dyad_total_rows(conn: Connection, keys: Any, *, multi: bool, at_least: int = 1,
                     limit: int | None = None) -> list[dict[str, Any]]:
    """As :func:`_dyad_rows` (without filters but the actor's), from the totals kept at write time."""
    t = s.dyad_totals
    several = or_(t.c.source_key.contains("+"), t.c.target_key.contains("+"))
    query = select(t).where(keys, several if multi else not_(several), t.c.source_key != "", t.c.target_key != "",
                            t.c.events >= at_least).order_by(t.c.events.desc(), t.c.source_key, t.c.target_key)
    if limit is not None:
        query = query.limit(limit)
    return [dict(r) for r in conn.execute(query).mappings()]


# Beyond this many dyads asked for, totalling every dyad at once is cheaper than looking each one up.
_MAX_DYADS_BY_LOOKUP = 2000


def _dyad_rows(conn: Connection, where: Any, *, multi: bool, at_least: int = 1, limit: int | None = None,
               count_first: bool = False) -> list[dict[str, Any]]:
    """Event counts and totals per (source_key, target_key), biggest first: keys naming several actors, or one each.

    With `count_first` and a small `limit` the dyads are picked by a bare count first and only those are
    totalled: over every event, the totals are what makes the scan slow."""
    e = s.events
    several = or_(e.c.source_key.contains("+"), e.c.target_key.contains("+"))
    events = func.count().label("events")
    keys = (e.c.source_key, e.c.target_key)

    def dyads(*columns: Any) -> Select:
        query = where(select(*keys, events, *columns))
        # "" is the side of a one-sided event: no dyad
        return query.where(several if multi else not_(several), e.c.source_key != "", e.c.target_key != "") \
            .group_by(*keys).having(events >= at_least)

    totals = dyads(func.sum(e.c.mention_count).label("mentions"), func.sum(e.c.intensity).label("intensity_sum"),
                   func.count(e.c.intensity).label("intensity_n"),
                   *(func.sum(case((e.c.quad_class == quad, 1), else_=0)).label(quad) for quad in QUAD_CLASSES))
    if count_first and not multi and limit is not None and limit <= _MAX_DYADS_BY_LOOKUP:
        top = conn.execute(dyads().order_by(events.desc(), *keys).limit(limit)).all()
        if not top:
            return []
        totals = totals.where(tuple_(*keys).in_([(src, tgt) for src, tgt, _ in top]))
    elif limit is not None:  # only the biggest dyads leave the database
        totals = totals.order_by(events.desc(), *keys).limit(limit)
    rows = [dict(r) for r in conn.execute(totals).mappings()]
    return sorted(rows, key=lambda r: (-r["events"], r["source_key"], r["target_key"]))[:limit]


def _add_to_edge(edges: dict[tuple[str, str], dict[str, Any]], row: dict[str, Any], src: str, tgt: str) -> None:
    edge = edges.setdefault((src, tgt), {"source": src, "target": tgt, "events": 0, "mentions": 0, "quad": {},
                                         "_sum": 0.0, "_n": 0})
    edge["events"] += row["events"]
    edge["mentions"] += row["mentions"] or 0
    edge["_sum"] += row["intensity_sum"] or 0.0
    edge["_n"] += row["intensity_n"]
    counts: dict[str | None, int] = {quad: row[quad] for quad in QUAD_CLASSES}
    counts[None] = row["events"] - sum(counts.values())  # events with no (or another) quad class
    for quad, n in counts.items():
        if n:
            edge["quad"][quad] = edge["quad"].get(quad, 0) + n


def _graph_nodes(conn: Connection, edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    nodes: dict[str, dict[str, Any]] = {}
    for edge in edges:
        for key, given in ((edge["source"], "events_given"), (edge["target"], "events_received")):
            node = nodes.setdefault(key, {"id": key, "events_given": 0, "events_received": 0})
            node[given] += edge["events"]
    a, t = s.actors, s.actor_totals
    codes = [k for k in nodes if not k.startswith("~")]
    ids = [k[1:] for k in nodes if k.startswith("~")]
    names: dict[str, tuple[str, str]] = {}
    query = select(a.c.code, a.c.id, a.c.name, a.c.kind).outerjoin(t, t.c.actor_id == a.c.id) \
        .where(or_(a.c.code.in_(codes), a.c.id.in_(ids)))
    # A code names the state (or organisation) that holds it, not a group or person coded to it.
    rank = case({"state": 0, "organisation": 1, "group": 2}, value=a.c.kind, else_=3)
    for r in conn.execute(query.order_by(rank, func.coalesce(t.c.article_count, 0).desc(), a.c.name)).mappings():
        key = r["code"] if r["code"] in nodes else f"~{r['id']}"
        names.setdefault(key, (r["name"], r["kind"]))
    for key, node in nodes.items():
        node["name"], node["kind"] = names.get(key, (key, None))
    return sorted(nodes.values(), key=lambda n: (-(n["events_given"] + n["events_received"]), n["id"]))
