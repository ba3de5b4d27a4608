"""Article records as flat tables (articles, actors, events, quotes, failures) and back.

Parquet output of `newsgraph batch`, its loading by `newsgraph load`, and the
Parquet export all use this one mapping, so a record survives the round trip
unchanged.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict
from typing import Any

from ..extras import needs_extra
from ..record_schema import flat_columns, flat_row, from_flat_row
from ..records import Actor, Article, Event, Quote, ReadFailure

with needs_extra("parquet", "Parquet tables (newsgraph batch, newsgraph load, export --format parquet)"):
    import pyarrow as pa

TABLES = ("articles", "actors", "events", "quotes", "failures")
# The Article fields that are tables of their own, one row per item; other nested fields are JSON text.
CHILD_TABLES: dict[str, type] = {"actors": Actor, "events": Event, "quotes": Quote}

_SCALARS = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}


def arrow_type(column_type: str) -> pa.DataType:
    """The Arrow type of a flat column type named by record_schema ("string", "list<string>" ...)."""
    if column_type.startswith("list<"):
        return pa.list_(_SCALARS[column_type[5:-1]])
    return _SCALARS[column_type]


def arrow_schema(columns: Iterable[tuple[str, str]]) -> pa.Schema:
    return pa.schema([(name, arrow_type(kind)) for name, kind in columns])


# Columns come from the records (see record_schema); the table layout adds the article key, the item's
# position in its list (seq), the article's in its input file (position) and the events' month partition.
SCHEMAS: dict[str, pa.Schema] = {
    "articles": arrow_schema([*flat_columns(Article, skip=CHILD_TABLES), ("position", "int64")]),
    **{name: arrow_schema([("doc_id", "string"), *flat_columns(cls), ("seq", "int64"),
                           *([("month", "string")] if name == "events" else [])])
       for name, cls in CHILD_TABLES.items()},
    "failures": arrow_schema(flat_columns(ReadFailure)),
}

# Events with no resolved date go to this month partition.
UNDATED_MONTH = "undated"


def article_rows(article: Article, position: int = 0) -> dict[str, list[dict[str, Any]]]:
    """One article as rows of each table; `position` keeps the input order for readers of the output."""
    doc_id = article.doc_id
    rows: dict[str, list[dict[str, Any]]] = {"articles": [{**flat_row(article, skip=CHILD_TABLES),
                                                          "position": position}], "failures": []}
    for name in CHILD_TABLES:
        rows[name] = [dict(flat_row(item), doc_id=doc_id, seq=seq) for seq, item in enumerate(getattr(article, name))]
    for row in rows["events"]:
        row["month"] = (row["date"] or UNDATED_MONTH)[:7]
    return rows


def failure_row(failure: ReadFailure) -> dict[str, Any]:
    return asdict(failure)


def rows_to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    schema = SCHEMAS[name]
    return pa.Table.from_pylist([{f: row.get(f) for f in schema.names} for row in rows], schema=schema)


def articles_from_tables(tables: Mapping[str, Iterable[dict[str, Any]]]) -> Iterator[Article]:
    """Reassemble article records from table rows (the inverse of `article_rows`), in input order."""
    parts: dict[str, dict[str, list[dict[str, Any]]]] = {name: {} for name in CHILD_TABLES}
    for name, by_doc in parts.items():
        for row in tables.get(name, ()):
            by_doc.setdefault(row["doc_id"], []).append(row)
    heads = sorted(tables.get("articles", ()), key=lambda r: (r["origin"].rpartition(":")[0] or r["origin"],
                                                             r.get("position") or 0))
    for head in heads:
        record = from_flat_row(Article, head)
        for name, cls in CHILD_TABLES.items():
            record[name] = [from_flat_row(cls, row) for row in _in_order(parts[name].get(head["doc_id"], []))]
        yield Article.from_dict(record)


def _in_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of one article in the order the record listed them."""
    return sorted(rows, key=lambda r: r["seq"])
