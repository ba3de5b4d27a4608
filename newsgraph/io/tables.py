"""Article records as flat tables (articles, actors, events, quotes, failures) and back.

Parquet output of `newsgraph batch`, its loading by `newsgraph load`, and the
Parquet export all use this one mapping, so a record survives the round trip
unchanged.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from ..extras import needs_extra
from ..records import Actor, Article, Event, Mention, Quote, ReadFailure, Removed

with needs_extra("parquet", "Parquet tables (newsgraph batch, newsgraph load)"):
    import pyarrow as pa

TABLES = ("articles", "actors", "events", "quotes", "failures")

_str = pa.string()
_int = pa.int64()
_strs = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("doc_id", _str), ("origin", _str), ("title", _str), ("published", _str), ("text", _str),
        ("removed", _str), ("url", _str), ("source_id", _str), ("warnings", _strs), ("pipeline_version", _str),
        ("position", _int),
    ]),
    "actors": pa.schema([
        ("doc_id", _str), ("id", _str), ("name", _str), ("kind", _str), ("code", _str), ("sector", _str),
        ("role", _str), ("country", _str), ("mentions", _str), ("evidence", _str), ("seq", _int),
    ]),
    "events": pa.schema([
        ("doc_id", _str), ("id", _str), ("type", _str), ("mode", _str), ("quad_class", _str),
        ("intensity", pa.float64()), ("source", _strs), ("target", _strs), ("date", _str), ("date_text", _str),
        ("granularity", _str), ("sentence", _str), ("start", _int), ("end", _int), ("trigger", _str),
        ("pattern", _str), ("confidence", pa.float64()), ("qualifiers", _strs), ("month", _str), ("seq", _int),
    ]),
    "quotes": pa.schema([
        ("doc_id", _str), ("id", _str), ("text", _str), ("kind", _str), ("start", _int), ("end", _int),
        ("sentence_start", _int), ("sentence_end", _int), ("speaker", _str), ("speaker_name", _str), ("cue", _str), ("seq", _int),
    ]),
    "failures": pa.schema([("origin", _str), ("reason", _str), ("line", _int)]),
}

# Events with no resolved date go to this month partition.
UNDATED_MONTH = "undated"


def article_rows(article: Article, position: int = 0) -> dict[str, list[dict[str, Any]]]:
    """One article as rows of each table; `position` keeps the input order for readers of the output."""
    record = article.to_dict()
    doc_id = article.doc_id
    head = {k: record[k] for k in ("doc_id", "origin", "title", "published", "text", "url", "source_id",
                                   "warnings", "pipeline_version")}
    head["removed"] = json.dumps(record["removed"], ensure_ascii=False)
    head["position"] = position
    actors = []
    for seq, actor in enumerate(record["actors"]):
        row = dict(actor, doc_id=doc_id, seq=seq)
        row["mentions"] = json.dumps(actor["mentions"], ensure_ascii=False)
        row["evidence"] = json.dumps(actor["evidence"], ensure_ascii=False)
        actors.append(row)
    events = [dict(e, doc_id=doc_id, seq=seq, month=(e["date"] or UNDATED_MONTH)[:7])
              for seq, e in enumerate(record["events"])]
    quotes = [dict(q, doc_id=doc_id, seq=seq) for seq, q in enumerate(record["quotes"])]
    return {"articles": [head], "actors": actors, "events": events, "quotes": quotes, "failures": []}


def failure_row(failure: ReadFailure) -> dict[str, Any]:
    return asdict(failure)


def rows_to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    schema = SCHEMAS[name]
    return pa.Table.from_pylist([{f: row.get(f) for f in schema.names} for row in rows], schema=schema)


def articles_from_tables(tables: dict[str, Iterable[dict[str, Any]]]) -> Iterator[Article]:
    """Reassemble article records from table rows (the inverse of `article_rows`), in input order."""
    parts: dict[str, dict[str, list[dict[str, Any]]]] = {"actors": {}, "events": {}, "quotes": {}}
    for name, by_doc in parts.items():
        for row in tables.get(name, ()):
            by_doc.setdefault(row["doc_id"], []).append(row)
    heads = sorted(tables.get("articles", ()), key=lambda r: (r["origin"].rpartition(":")[0] or r["origin"],
                                                             r.get("position") or 0))
    for head in heads:
        doc_id = head["doc_id"]
        yield Article(
            doc_id=doc_id, origin=head["origin"], title=head["title"], published=head["published"],
            text=head["text"], removed=[Removed(**r) for r in json.loads(head["removed"] or "[]")],
            actors=[_actor(r) for r in _in_order(parts["actors"].get(doc_id, []))],
            events=[_event(r) for r in _in_order(parts["events"].get(doc_id, []))],
            quotes=[_quote(r) for r in _in_order(parts["quotes"].get(doc_id, []))],
            url=head["url"], source_id=head["source_id"], warnings=list(head["warnings"] or []),
            pipeline_version=head["pipeline_version"],
        )


def _in_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of one article in the order the record listed them."""
    return sorted(rows, key=lambda r: r["seq"])


def _pick(cls: type, row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in cls.__dataclass_fields__ if k in row}


def _actor(row: dict[str, Any]) -> Actor:
    actor = Actor(**_pick(Actor, {**row, "mentions": [], "evidence": json.loads(row["evidence"] or "{}")}))
    actor.mentions = [Mention(**m) for m in json.loads(row["mentions"] or "[]")]
    return actor


def _event(row: dict[str, Any]) -> Event:
    fields = _pick(Event, row)
    for key in ("source", "target", "qualifiers"):
        fields[key] = list(fields.get(key) or [])
    return Event(**fields)


def _quote(row: dict[str, Any]) -> Quote:
    return Quote(**_pick(Quote, row))
