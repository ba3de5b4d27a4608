"""Two read-only queries only the pages need: events over time by quad class, and one evidence sentence
per listed event.

The store answers lists and totals; a chart needs counts per period, so this
grouped query lives beside the pages that draw it. It filters with the store's own
event filter, so the chart and the event list always agree.
"""
from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, literal_column, or_, select, union_all

from ..store import Store, read, schema
from ..store.places import gazetteer, state_names
from ..store.read import EventFilter, placed_date
from ..store.totals import QUAD_CLASSES

# Up to this many days between the first and last event, bars are days; beyond it, months.
MAX_DAILY_SPAN = 92


def quad_series(store: Store, where: EventFilter) -> dict[str, Any]:
    """{"period": "day"|"month", "labels": [...], "series": {quad_class: [count per label]}}.

    Undated events are placed by their first report's day, as the lists place them. Events dated only to a
    year (or a month, when bars are days) are left out: a bar would place them wrongly. The database counts
    per placed date (from an index, grouping on the column itself: a substr() per row costs twice as much).
    """
    e, placed = schema.events, placed_date()
    query = where.apply(select(placed, e.c.quad_class, func.count())).group_by(placed, e.c.quad_class)
    with store.engine.connect() as conn:
        rows = [(d, q, n) for d, q, n in conn.execute(query).all() if len(d) >= 7]
    days = [d for d, _, _ in rows if len(d) >= 10]
    daily = bool(days) and (_date(max(days)) - _date(min(days))).days <= MAX_DAILY_SPAN
    width = 10 if daily else 7
    counts: dict[str, dict[str, int]] = {q: {} for q in QUAD_CLASSES}
    for d, quad, n in rows:
        if len(d) >= width and quad in counts:
            counts[quad][d[:width]] = counts[quad].get(d[:width], 0) + n
    labels = _periods(sorted({p for c in counts.values() for p in c}), daily)
    return {"period": "day" if daily else "month", "labels": labels,
            "series": {q: [counts[q].get(p, 0) for p in labels] for q in QUAD_CLASSES}}


def count_events(store: Store, where: EventFilter) -> int:
    """How many events match (the lists' total)."""
    with store.engine.connect() as conn:
        return read.count_events(conn, where)


def _date(text: str) -> dt.date:
    """The first day of a placed date of any precision (2024, 2024-03 or 2024-03-08)."""
    return dt.date.fromisoformat(text[:10] + "-01-01"[len(text[:10]) - 4:] if len(text) < 10 else text[:10])


def _periods(present: list[str], daily: bool) -> list[str]:
    """Every period from the first to the last one present, so gaps show as empty bars."""
    if not present:
        return []
    first, last = _date(present[0]), _date(present[-1])
    if daily:
        return [(first + dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    months, (year, month) = [], (first.year, first.month)
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def evidence_sentences(store: Store, event_ids: list[str]) -> dict[str, str]:
    """The earliest stored report's sentence of each event, to show beside it in lists."""
    if not event_ids:
        return {}
    em = schema.event_mentions
    query = (select(em.c.event_id, em.c.sentence).where(em.c.event_id.in_(event_ids))
             .order_by(em.c.event_id, em.c.doc_id, em.c.start_char))
    found: dict[str, str] = {}
    with store.engine.connect() as conn:
        for event_id, sentence in conn.execute(query).all():
            found.setdefault(event_id, sentence)
    return found


def with_sentences(store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    sentences = evidence_sentences(store, [e["id"] for e in events])
    return [e | {"sentence": sentences.get(e["id"], "")} for e in events]


STATES_CSV = Path(__file__).resolve().parent.parent / "data" / "kb" / "states.csv"
ATLAS_NAMES_CSV = Path(__file__).resolve().parent / "atlas_names.csv"


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(line for line in path.read_text(encoding="utf-8").splitlines()
                               if not line.startswith("#")))


def fold(name: str) -> str:
    """A name as the map script compares it: no accents, lower case (map.js folds the atlas' names alike)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


@cache
def country_names() -> dict[str, str]:
    """Folded country name (the knowledge base's names and aliases, and the atlas' abbreviations) → code."""
    names = {}
    for row in _rows(STATES_CSV):
        for name in [row["name"], *row["aliases"].split("|")]:
            if name.strip():
                names[fold(name.strip())] = row["code"]
    names.update({fold(row["atlas_name"]): row["code"] for row in _rows(ATLAS_NAMES_CSV)})
    return names


def events_by_country(store: Store, where: EventFilter) -> list[dict[str, Any]]:
    """Matching events per state, most first: an event counts once for each state coded among its actors
    (a person or body coded to a state counts for it).

    The events are counted per dyad (the dyad totals hold the counts of factual events); the database sums
    those per source key and per target key, so a few hundred rows reach Python, and sends the dyads whose two
    sides may share a state ("USA+FRA" against "USA"), whose events are taken off once."""
    source: Any
    target: Any
    if where == EventFilter():
        t = schema.dyad_totals
        source, target, n = t.c.source_key, t.c.target_key, func.sum(t.c.events)
    else:
        e = schema.events
        # read once: a CTE used three times is materialised (SQLite, PostgreSQL)
        dyads = where.apply(select(e.c.source_key, e.c.target_key, func.count().label("n"))) \
            .group_by(e.c.source_key, e.c.target_key).cte("dyads")
        source, target, n = dyads.c.source_key, dyads.c.target_key, func.sum(dyads.c.n)
    no_side: Any = literal_column("''")  # spelt inline: a bound '' in a UNION has no type on PostgreSQL
    add: Any = literal_column("1")
    take_off: Any = literal_column("-1")
    may_share = or_(source == target, source.contains("+", autoescape=True), target.contains("+", autoescape=True))
    sums = union_all(select(add, source, no_side, n).group_by(source),
                     select(add, no_side, target, n).group_by(target),
                     select(take_off, source, target, n).where(may_share).group_by(source, target))
    states = state_names()
    counts: dict[str, int] = {}
    with store.engine.connect() as conn:
        for sign, src, tgt, total in conn.execute(sums):
            src_codes, tgt_codes = set(src.split("+")), set(tgt.split("+"))
            for code in ((src_codes & tgt_codes) if sign < 0 else (src_codes | tgt_codes)) & states.keys():
                counts[code] = counts.get(code, 0) + sign * total
    return sorted(({"code": code, "name": states[code], "events": n} for code, n in counts.items() if n),
                  key=lambda r: (-r["events"], r["name"]))


def events_by_place(store: Store, where: EventFilter) -> list[dict[str, Any]]:
    """Matching events per place they happened at (events.place), most first, with each place's position:
    the map's points. Counted from the (factual, place) index."""
    e = schema.events
    query = where.apply(select(e.c.place, func.count()).where(e.c.place.is_not(None))).group_by(e.c.place)
    places = gazetteer().by_key
    with store.engine.connect() as conn:
        counts = [(places[key], n) for key, n in conn.execute(query).all() if key in places]
    return sorted(({"key": p.key, "name": p.name, "code": p.code, "lat": p.lat, "lon": p.lon, "events": n}
                   for p, n in counts), key=lambda r: (-r["events"], r["name"]))
