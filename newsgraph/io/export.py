"""Exporting a store: events, quotes, actors or articles as JSONL, CSV or Parquet, and events as PLOVER JSON.

Exporters register under a name with :func:`register_exporter` (the built-in ones
use the same decorator a plugin would). Rows are read a page at a time, so an
export's memory does not grow with the database.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from typing import IO, Any

from ..extras import needs_extra
from ..record_schema import columns
from ..records import PIPELINE_VERSION, Actor, Article, Event, Quote
from ..store import Store

PAGE = 1000
TABLES = ("events", "quotes", "actors", "articles")
# PLOVER's quad codes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
QUAD_CODES = {"verbal_coop": 1, "material_coop": 2, "verbal_conflict": 3, "material_conflict": 4}

# Column types by name (see record_schema.column_type), so CSV and JSONL exports need no pyarrow.
_str, _int, _strs = "string", "int64", "list<string>"
# The flat columns of each table in CSV and Parquet; list columns are ";"-joined in CSV. Columns holding a
# record's field take their name and type from the record (record_schema.columns); the others are the
# store's: canonical ids, actor names and counts over the deduplicated events.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "events": [
        ("id", _str), *columns(Event, "date", "granularity", "type", "mode", "quad_class", "intensity", "source",
                               "target"),
        ("source_names", _strs), ("target_names", _strs), *columns(Event, "qualifiers"), ("mention_count", _int),
        ("article_count", _int), ("source_count", _int), ("first_reported", _str), ("last_reported", _str),
    ],
    "quotes": [
        *columns(Article, "doc_id"), *columns(Quote, "id", "text", "kind", "speaker_name"), ("speaker_code", _str),
        *columns(Quote, "speaker", "cue", "start", "end", "sentence_start", "sentence_end"),
        *columns(Article, "published", "title", "origin", "url"),
    ],
    "actors": [
        ("id", _str), *columns(Actor, "code", "name", "kind", "country", "sector"),
        ("article_count", _int), ("events_given", _int), ("events_received", _int), ("quote_count", _int),
    ],
    "articles": [
        *columns(Article, "doc_id", "title", "published", "origin", "url"), ("outlet", _str),
        *columns(Article, "source_id", "pipeline_version"), ("actor_count", _int), ("event_count", _int),
        ("quote_count", _int),
    ],
}

Exporter = Callable[..., int]
EXPORTERS: dict[str, tuple[Exporter, bool]] = {}


class ExportError(ValueError):
    """An export cannot be written as asked; the message says what to change."""


def register_exporter(name: str, *, binary: bool = False) -> Callable[[Exporter], Exporter]:
    """Register ``func(store, out, *, table, filters) -> rows written`` as the format `name`;
    `binary` exporters need a file opened in binary mode."""

    def decorate(func: Exporter) -> Exporter:
        EXPORTERS[name] = (func, binary)
        return func

    return decorate


def is_binary(fmt: str) -> bool:
    return EXPORTERS[fmt][1]


def export(store: Store, fmt: str, out: IO[Any], *, table: str = "events", **filters: Any) -> int:
    """Write `table` of `store` to `out` in format `fmt`; `filters` are those of :meth:`Store.events`."""
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(sorted(EXPORTERS))}")
    if table not in TABLES:
        raise ExportError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if filters and table != "events":
        raise ExportError("event filters (--actor, --since, ...) apply to the events table only")
    return EXPORTERS[fmt][0](store, out, table=table, filters=filters)


def pages(store: Store, table: str, filters: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
    """The rows of a table, a page at a time, in the store's order."""
    fetch: Callable[..., list[dict[str, Any]]] = {
        "events": lambda **kw: store.events(**filters, **kw),
        "quotes": store.quotes, "actors": store.actors, "articles": store.articles,
    }[table]
    offset = 0
    while page := fetch(limit=PAGE, offset=offset):
        yield page
        offset += len(page)


def flat_row(row: dict[str, Any], table: str) -> dict[str, Any]:
    return {name: row.get(name) for name, _ in COLUMNS[table]}


@register_exporter("jsonl")
def export_jsonl(store: Store, out: IO[str], *, table: str, filters: dict[str, Any]) -> int:
    """One JSON object per line: events with every report (`mentions`), articles as full records."""
    written = 0
    for page in pages(store, table, filters):
        if table == "events":
            reports = store.mentions_of([e["id"] for e in page])
            page = [{**e, "mentions": reports.get(e["id"], [])} for e in page]
        elif table == "articles":
            page = [store.article(a["doc_id"]) or a for a in page]
        for row in page:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        written += len(page)
    return written


@register_exporter("csv")
def export_csv(store: Store, out: IO[str], *, table: str, filters: dict[str, Any]) -> int:
    """The table's flat columns (see COLUMNS), lists joined with ';'."""
    writer = csv.DictWriter(out, fieldnames=[name for name, _ in COLUMNS[table]], lineterminator="\n")
    writer.writeheader()
    written = 0
    for page in pages(store, table, filters):
        for row in page:
            flat = flat_row(row, table)
            writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in flat.items()})
        written += len(page)
    return written


@register_exporter("parquet", binary=True)
def export_parquet(store: Store, out: IO[bytes], *, table: str, filters: dict[str, Any]) -> int:
    """The table's flat columns (see COLUMNS) as one Parquet file, written a row group per page."""
    with needs_extra("parquet", "newsgraph export --format parquet"):
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .tables import arrow_schema

    schema = arrow_schema(COLUMNS[table])
    written = 0
    with pq.ParquetWriter(out, schema) as writer:
        for page in pages(store, table, filters):
            writer.write_table(pa.Table.from_pylist([flat_row(r, table) for r in page], schema=schema))
            written += len(page)
    return written


@register_exporter("plover")
def export_plover(store: Store, out: IO[str], *, table: str, filters: dict[str, Any]) -> int:
    """Events as PLOVER JSON records, one per line. Reports that deny or only foresee an event
    (negated, hypothetical, future, conditional) are not events in PLOVER's sense and are left out."""
    if table != "events":
        raise ExportError("the plover format holds events only; drop --table or use --table events")
    written = 0
    for page in pages(store, table, filters):
        claims = [e for e in page if not e["qualifiers"]]
        reports = store.mentions_of([e["id"] for e in claims])
        for event in claims:
            out.write(json.dumps(plover_record(event, reports.get(event["id"], [])), ensure_ascii=False) + "\n")
        written += len(claims)
    return written


def plover_record(event: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """One deduplicated event in PLOVER's JSON field names; newsgraph's own extras follow them."""
    return {
        "id": event["id"],
        "has_event": True,
        "date": event["date"][:10] if event["date"] else None,
        "actor": [_plover_entity(a) for a in event["source_actors"]],
        "recipient": [_plover_entity(a) for a in event["target_actors"]],
        "event": [event["type"]],
        "mode": [event["mode"]] if event["mode"] else [],
        "context": None,
        "event_text": list(dict.fromkeys(m["sentence"].strip() for m in mentions)),
        "quad_code": QUAD_CODES.get(event["quad_class"] or ""),
        "event_scale": event["intensity"],
        "coder": f"newsgraph {PIPELINE_VERSION}",
        # newsgraph's extras: how precise the date is, and how widely the event was reported
        "date_granularity": event["granularity"],
        "mention_count": event["mention_count"],
        "source_count": event["source_count"],
        "first_reported": event["first_reported"],
        "last_reported": event["last_reported"],
        "cite_info": [{"doc_id": m["doc_id"], "url": m["url"], "title": m["title"], "published": m["published"],
                       "start": m["start_char"], "end": m["end_char"]} for m in mentions],
    }


def _plover_entity(actor: dict[str, Any]) -> dict[str, Any]:
    return {"code": actor["code"], "entity_text": actor["name"], "identifier_id": actor["id"]}
