"""Every schema of the records, derived from the dataclasses in :mod:`newsgraph.records`.

The dataclasses are the one source: their type hints and field metadata (see
:func:`newsgraph.records.described`) give the JSON Schema shipped as
``schema/article.schema.json``, the Arrow types of the Parquet tables, the flat
rows those tables and the exports hold, and the store's column names. Adding a
field to a record adds it to all of them.

Regenerate the shipped JSON Schema after changing a record::

    newsgraph schema > newsgraph/schema/article.schema.json
"""
from __future__ import annotations

import json
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import Field, fields
from functools import cache
from typing import Any

from .records import Article, field_types, is_record_type, unwrap_optional

SCHEMA_ID = "newsgraph/article.schema.json"
SCHEMA_DESCRIPTION = ("One article after extraction: clean text, actors, events and quotes, each pointing back to "
                      "the text. Later versions add fields; they never remove or retype one.")

_JSON_TYPES: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}
# Flat-table column types by name, so the store and CSV need no pyarrow; io.tables maps them to Arrow types.
_COLUMN_TYPES: dict[Any, str] = {str: "string", int: "int64", float: "float64", bool: "bool"}


def record_fields(cls: type) -> tuple[Field[Any], ...]:
    return fields(cls)


def def_name(cls: type) -> str:
    """A record's name under ``$defs`` (``Event`` → ``event``)."""
    return cls.__name__.lower()


# --- JSON Schema -----------------------------------------------------------------------------------------------

def json_schema() -> dict[str, Any]:
    """The JSON Schema of an article record, with every nested record under ``$defs``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "newsgraph article record",
        "description": SCHEMA_DESCRIPTION,
        **_object_schema(Article),
        "$defs": {def_name(cls): _object_schema(cls) for cls in nested_records(Article)},
    }


def nested_records(cls: type) -> list[type]:
    """The record types inside `cls`, depth first, each once."""
    found: list[type] = []
    for f in record_fields(cls):
        inner = _item_type(field_types(cls)[f.name])
        if is_record_type(inner) and inner not in found:
            found += [inner, *(c for c in nested_records(inner) if c not in found)]
    return found


def _object_schema(cls: type) -> dict[str, Any]:
    hints = field_types(cls)
    return {
        "type": "object",
        "required": [f.name for f in record_fields(cls) if not f.metadata.get("optional")],
        "properties": {f.name: _property(hints[f.name], f) for f in record_fields(cls)},
    }


def _property(tp: Any, f: Field[Any]) -> dict[str, Any]:
    base, nullable = unwrap_optional(tp)
    prop = _json_type(base)
    constraints = dict(f.metadata.get("constraints", {}))
    if nullable:
        prop["type"] = [prop["type"], "null"]
        if "enum" in constraints:
            constraints["enum"] = [*constraints["enum"], None]
    if "enum" in constraints:
        constraints["enum"] = list(constraints["enum"])
    prop.update(constraints)
    if f.metadata.get("description"):
        prop["description"] = f.metadata["description"]
    return prop


def _json_type(tp: Any) -> dict[str, Any]:
    if is_record_type(tp):
        return {"$ref": f"#/$defs/{def_name(tp)}"}
    origin = typing.get_origin(tp)
    if origin is list:
        return {"type": "array", "items": _json_type(typing.get_args(tp)[0])}
    if tp is dict or origin is dict:
        return {"type": "object"}
    return {"type": _JSON_TYPES[tp]}


# --- flat tables (Parquet, CSV, the store) ----------------------------------------------------------------------

def _item_type(tp: Any) -> Any:
    base = unwrap_optional(tp)[0]
    return typing.get_args(base)[0] if typing.get_origin(base) is list else base


def is_json_text(cls: type, name: str) -> bool:
    """Whether a flat table holds the field as JSON text: nested records and free-form objects."""
    base = unwrap_optional(field_types(cls)[name])[0]
    return is_record_type(_item_type(base)) or base is dict or typing.get_origin(base) is dict


def column_type(cls: type, name: str) -> str:
    """The field's type in a flat table ("string", "int64", "list<string>" ...): scalars as themselves, lists of
    scalars as lists, the rest JSON text."""
    if is_json_text(cls, name):
        return "string"
    base = unwrap_optional(field_types(cls)[name])[0]
    if typing.get_origin(base) is list:
        return f"list<{_COLUMN_TYPES[typing.get_args(base)[0]]}>"
    return _COLUMN_TYPES[base]


def flat_columns(cls: type, *, skip: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(name, column type) of each field of `cls` but those in `skip`, in the record's order."""
    left_out = set(skip)
    return [(f.name, column_type(cls, f.name)) for f in record_fields(cls) if f.name not in left_out]


def columns(cls: type, *names: str) -> list[tuple[str, str]]:
    """(store column name, column type) of the named fields, in the order given: how exports name them."""
    by_name = {f.name: f for f in record_fields(cls)}
    return [(store_column(by_name[n]), column_type(cls, n)) for n in names]


def store_column(f: Field[Any]) -> str:
    """The field's column name in the store (``start`` → ``start_char``, ``id`` → ``local_id``)."""
    return f.metadata.get("column") or f.name


def store_row(record: Any, *, skip: Iterable[str] = ()) -> dict[str, Any]:
    """A record as a row of its store table: columns under their store names, lists of strings joined with ","
    (qualifiers and the like hold no commas), nested values as JSON text."""
    cls: type = type(record)
    return {column: encode(getattr(record, name)) for name, column, encode in _store_plan(cls, tuple(skip))}


@cache
def _store_plan(cls: type, skip: tuple[str, ...]) -> list[tuple[str, str, Callable[[Any], Any]]]:
    """(field, column, encoder) per stored field; worked out once per record type, as rows are many."""
    plan = []
    for f in record_fields(cls):
        if f.name in skip:
            continue
        encode: Callable[[Any], Any] = _same
        if is_json_text(cls, f.name):
            encode = _json_text
        elif typing.get_origin(unwrap_optional(field_types(cls)[f.name])[0]) is list:
            encode = ",".join
        plan.append((f.name, store_column(f), encode))
    return plan


def _same(value: Any) -> Any:
    return value


def _json_text(value: Any) -> str:
    return json.dumps(value, default=vars, ensure_ascii=False)  # records are plain dataclasses


def flat_row(record: Any, *, skip: Iterable[str] = ()) -> dict[str, Any]:
    """A record as one flat row (see :func:`flat_columns`); nested values become JSON text."""
    cls, left_out = type(record), set(skip)
    return {f.name: _flat_value(cls, f.name, getattr(record, f.name))
            for f in record_fields(cls) if f.name not in left_out}


def _flat_value(cls: type, name: str, value: Any) -> Any:
    if is_json_text(cls, name):
        return _json_text(value)
    return list(value) if isinstance(value, list) else value


def from_flat_row(cls: type, row: dict[str, Any]) -> dict[str, Any]:
    """The JSON form of a record from its flat row (the inverse of :func:`flat_row`, nested parts aside);
    a column the row lacks or holds null for a JSON field is left out, so the field takes its default."""
    found = {}
    for f in record_fields(cls):
        value = row.get(f.name)
        if is_json_text(cls, f.name):
            if value is None:
                continue
            value = json.loads(value)
        elif f.name not in row:
            continue
        found[f.name] = value
    return found


def leaf_fields(cls: type = Article) -> Iterator[tuple[type, Field[Any]]]:
    """(record type, field) of `cls` and of every record nested in it."""
    for owner in (cls, *nested_records(cls)):
        for f in record_fields(owner):
            yield owner, f
