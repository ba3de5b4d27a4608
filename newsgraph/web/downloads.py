"""Downloads of exactly what a list shows: every matching row (or one page), streamed a batch at a time,
so a download of 100,000 events starts at once and holds one batch in memory."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from fastapi.responses import StreamingResponse

from ..io.export import COLUMNS, plover_record
from ..store import Store, read

if TYPE_CHECKING:
    from .api import EventFilters

BATCH = 1000
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json", "plover": "application/json"}
# What a list shows beside the stored columns: where an undated event was placed, and whether it is factual.
EVENT_COLUMNS = [name for name, _ in COLUMNS["events"]] + ["placed", "factual"]


def events_download(store: Store, filters: EventFilters, fmt: str, window: tuple[int, int] | None) -> StreamingResponse:
    """The filtered events as CSV, a JSON array or PLOVER records (which leave out non-factual events)."""
    batches = _event_batches(store, filters, window)
    if fmt == "plover":
        batches = (_as_plover(store, batch) for batch in batches)
    return _respond(batches, fmt, "events", EVENT_COLUMNS)


def table_download(store: Store, table: str, found: dict[str, Any], fmt: str,
                   window: tuple[int, int] | None) -> StreamingResponse:
    """Quotes or articles (with the list's filters in `found`) as CSV or a JSON array."""
    fetch = store.quotes if table == "quotes" else store.articles

    def batches() -> Iterator[list[dict[str, Any]]]:
        if window is not None:
            yield fetch(**found, limit=window[0], offset=window[1])
            return
        offset = 0
        while batch := fetch(**found, limit=BATCH, offset=offset):
            yield batch
            offset += len(batch)

    return _respond(batches(), fmt, table, [name for name, _ in COLUMNS[table]])


def _event_batches(store: Store, filters: EventFilters, window: tuple[int, int] | None,
                   ) -> Iterator[list[dict[str, Any]]]:
    after = None
    while True:
        with store.engine.connect() as conn:
            where = filters.resolve(conn)
            limit, offset = window if window is not None else (BATCH, 0)
            rows, after = read.event_page(conn, where, sort=filters.sort, limit=limit, offset=offset, after=after)
        if rows:
            yield rows
        if window is not None or len(rows) < BATCH:
            return


def _as_plover(store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    claims = [e for e in events if not e["qualifiers"]]
    reports = store.mentions_of([e["id"] for e in claims])
    return [plover_record(e, reports.get(e["id"], [])) for e in claims]


def _respond(batches: Iterable[list[dict[str, Any]]], fmt: str, name: str, columns: list[str]) -> StreamingResponse:
    body = _csv(batches, columns) if fmt == "csv" else _json_array(batches)
    filename = f"newsgraph-{name}{'-plover' if fmt == 'plover' else ''}.{'csv' if fmt == 'csv' else 'json'}"
    return StreamingResponse(body, media_type=MEDIA[fmt],
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _csv(batches: Iterable[list[dict[str, Any]]], columns: list[str]) -> Iterator[str]:
    """A header, then the rows; lists are joined with ';' as in `newsgraph export`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for batch in batches:
        for row in batch:
            writer.writerow({k: ";".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()})
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


def _json_array(batches: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    yield "["
    first = True
    for batch in batches:
        for row in batch:
            yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False, default=str)
            first = False
    yield "]\n"
