"""The JSON API: thin routes over the store's query functions, with bounded pages."""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
import re
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy import Connection

from ..records import EVENT_TYPES
from ..store import Store, read
from ..store.places import gazetteer
from ..store.read import SQLITE_MAX_INT, EventFilter
from . import downloads
from .cache import Aggregates
from .ingest import ArticleIn, extract_and_store
from .security import require_token

MAX_LIMIT = 500
MAX_GRAPH_EDGES = 1000

router = APIRouter(prefix="/api", tags=["api"])


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_aggregates(request: Request) -> Aggregates:
    return request.app.state.aggregates


StoreDep = Annotated[Store, Depends(get_store)]
AggregatesDep = Annotated[Aggregates, Depends(get_aggregates)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
After = Annotated[str | None, Query(max_length=400, description="`next_after` of the previous page (keyset paging).")]
ActorText = Annotated[str | None, Query(max_length=200, description="A code (TUR) or actor id exactly, else a name.")]
EventType = Annotated[str | None, Query(description="A PLOVER event type, e.g. ACCUSE.")]
PlaceText = Annotated[str | None, Query(max_length=200, description="Where it happened: a place's name or key "
                                                                    "(\"Kharkiv, UKR\", as the map names it).")]
DateText = Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive.")]
Format = Annotated[Literal["json", "csv"], Query(description="`csv` answers text/csv.")]
SORTS = ("date", "type", "intensity")
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class BadFilter(ValueError):
    """A filter value that cannot be read (rendered as a 400 page, or a 422 in the API)."""


class EventFilters(BaseModel):
    """The event filters every list, chart, graph and download shares; empty means unset."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    type: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    exact: bool = False  # only events dated to the day by their own sentence
    nonfactual: bool = False  # include negated, hypothetical, future and conditional events
    sort: str = "date"

    def resolve(self, conn: Connection, notes: list[str] | None = None) -> EventFilter:
        return read.event_filter(conn, actor=self.actor, source=self.source, target=self.target, notes=notes,
                                 type=self.type, place=place_key(self.place), since=self.since, until=self.until,
                                 exact_dates=self.exact,
                                 factual_only=not self.nonfactual)

    def params(self) -> dict[str, str]:
        """The filters that are set, as query parameters (for permalinks, downloads and the graph call)."""
        values = self.model_dump(exclude_defaults=True)
        return {k: ("1" if v is True else str(v)) for k, v in values.items() if v not in (None, "")}

    def key(self) -> tuple[tuple[str, str], ...]:
        """The filters as a cache key (see cache.Aggregates)."""
        return tuple(self.params().items())


def _date_text(value: str | None, name: str) -> str | None:
    """An empty field is no bound; a year or a month bounds by that period."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if not _PARTIAL_DATE.fullmatch(value) or not _real_date(value):
        raise bad_parameter(name, f"{value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY, or leave it empty")
    return value


def _real_date(value: str) -> bool:
    try:
        dt.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        return False
    return True


def bad_parameter(name: str, message: str) -> RequestValidationError:
    """A refusal the app answers as the API's 422 or a page's 400, like any invalid parameter."""
    return RequestValidationError([{"loc": ("query", name), "msg": message, "type": "value_error"}])


def place_key(value: str | None) -> str | None:
    """A place as the store names it ("Kharkiv, UKR"), from that key or a place's name as typed ("kharkiv")."""
    if not value:
        return None
    found = gazetteer().by_key.get(value) or gazetteer().lookup(value)
    return found.key if found else value


def event_filters(actor: ActorText = None, source: ActorText = None, target: ActorText = None,
                  type: EventType = None, place: PlaceText = None, since: DateText = None, until: DateText = None,
                  exact: Annotated[bool, Query(description="Only events dated to the day.")] = False,
                  nonfactual: Annotated[bool, Query(description="Include negated, hypothetical, future "
                                                                "and conditional events.")] = False,
                  sort: Annotated[str, Query(description="date (newest first), type or intensity "
                                                         "(most conflictual first).")] = "date") -> EventFilters:
    """Read the filters as typed in a form: every field may be empty."""
    if type and type.upper() not in EVENT_TYPES:
        raise bad_parameter("type", f"unknown event type {type!r}; use one of {', '.join(EVENT_TYPES)}")
    if sort not in SORTS:
        raise bad_parameter("sort", f"use one of {', '.join(SORTS)}")
    return EventFilters(actor=(actor or "").strip() or None, source=(source or "").strip() or None,
                        target=(target or "").strip() or None, type=type.upper() if type else None,
                        place=(place or "").strip() or None,
                        since=_date_text(since, "since"), until=_date_text(until, "until"), exact=exact,
                        nonfactual=nonfactual, sort=sort)


Filters = Annotated[EventFilters, Depends(event_filters)]


def encode_key(key: list[Any] | None) -> str | None:
    """The last row's sort key as an opaque token for `after`."""
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode() if key is not None else None


def decode_key(token: str | None) -> list[Any] | None:
    if not token:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(token.encode()))
    except ValueError as exc:
        raise bad_parameter("after", "not a token from `next_after`; start from the first page") from exc
    if not isinstance(key, list):
        raise bad_parameter("after", "not a token from `next_after`; start from the first page")
    return key


def page(items: list[dict[str, Any]], limit: int, offset: int, last: list[Any] | None = None) -> dict[str, Any]:
    """A page of results with what the client needs to ask for the next one."""
    more = len(items) == limit
    return {"items": items, "limit": limit, "offset": offset, "next_offset": offset + limit if more else None,
            "next_after": encode_key(last) if more else None}


@router.get("/events", summary="Deduplicated events, newest first; `format=csv`, `all=true` for every row",
            response_model=None)
def list_events(store: StoreDep, filters: Filters, limit: Limit = 50, offset: Offset = 0, after: After = None,
                format: Annotated[Literal["json", "csv", "plover"], Query()] = "json",
                all: Annotated[bool, Query(description="Every matching row, streamed.")] = False,
                ) -> dict[str, Any] | Response:
    if all or format != "json":
        return downloads.events_download(store, filters, format, None if all else (limit, offset))
    with store.engine.connect() as conn:
        rows, last = read.event_page(conn, filters.resolve(conn), sort=filters.sort, limit=limit, offset=offset,
                                     after=decode_key(after))
    return page(rows, limit, offset, last)


@router.get("/events/{event_id}", summary="One event with every report of it")
def get_event(store: StoreDep, event_id: str) -> dict[str, Any]:
    return found(store.event(event_id), f"no event {event_id!r}")


@router.get("/actors", summary="Canonical actors, most reported first")
def list_actors(store: StoreDep, search: ActorText = None,
                kind: Annotated[str | None, Query(pattern="^(person|state|organisation|group)?$")] = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(store.actors(search=search or None, kind=kind or None, limit=limit, offset=offset), limit, offset)


@router.get("/actors/{actor_id}", summary="One actor: names, roles over time, events given and received, quotes")
def get_actor(store: StoreDep, aggregates: AggregatesDep, actor_id: str) -> dict[str, Any]:
    return found(aggregates.get(store, ("actor", actor_id), lambda: store.actor(actor_id)), f"no actor {actor_id!r}")


@router.get("/quotes", summary="Quotes, newest first, or best match first with `search`", response_model=None)
def list_quotes(store: StoreDep, speaker: ActorText = None,
                search: Annotated[str | None, Query(max_length=200, description="Words that must all occur.")] = None,
                limit: Limit = 50, offset: Offset = 0, format: Format = "json",
                all: Annotated[bool, Query(description="Every matching row, streamed.")] = False,
                ) -> dict[str, Any] | Response:
    found = {"speaker": speaker or None, "search": search or None}
    if all or format != "json":
        return downloads.table_download(store, "quotes", found, format, None if all else (limit, offset))
    return page(store.quotes(speaker=found["speaker"], search=found["search"], limit=limit, offset=offset),
                limit, offset)


@router.get("/articles", summary="Stored articles, newest first", response_model=None)
def list_articles(store: StoreDep, limit: Limit = 50, offset: Offset = 0, after: After = None,
                  format: Format = "json",
                  all: Annotated[bool, Query(description="Every row, streamed.")] = False) -> dict[str, Any] | Response:
    if all or format != "json":
        return downloads.table_download(store, "articles", {}, format, None if all else (limit, offset))
    with store.engine.connect() as conn:
        rows, last = read.article_page(conn, limit=limit, offset=offset, after=decode_key(after))
    return page(rows, limit, offset, last)


@router.get("/articles/{doc_id}", summary="One article record: text, actors, events and quotes")
def get_article(store: StoreDep, doc_id: str) -> dict[str, Any]:
    return found(store.article(doc_id), f"no article {doc_id!r}")


@router.get("/stats", summary="Counts, events by type and quad class, date ranges")
def get_stats(store: StoreDep, aggregates: AggregatesDep) -> dict[str, Any]:
    return aggregates.get(store, "stats", store.stats)


@router.get("/graph", summary="Who acts on whom: actors as nodes, dyads as edges")
def get_graph(store: StoreDep, aggregates: AggregatesDep, filters: Filters,
              min_events: Annotated[int, Query(ge=1, le=SQLITE_MAX_INT)] = 1,
              limit: Annotated[int, Query(ge=1, le=MAX_GRAPH_EDGES, description="Most edges returned.")] = 200,
              ) -> dict[str, Any]:
    return aggregates.get(store, ("graph", filters.key(), min_events, limit),
                          lambda: graph_view(store, filters, min_events=min_events, limit=limit))


def graph_view(store: Store, filters: EventFilters, *, min_events: int = 1, limit: int = 200) -> dict[str, Any]:
    """The store's graph, with what a drawing needs: a link per node and a cooperation score per edge.
    Source and target filters do not apply: a dyad is what the graph draws."""
    with store.engine.connect() as conn:
        where = dataclasses.replace(filters.resolve(conn), source=None, target=None)
        graph = read.graph(conn, where=where, min_events=min_events, limit=limit)
    for node in graph["nodes"]:
        node["href"] = actor_href(node["id"])
        node["label"] = node_label(node)
        node["events"] = node["events_given"] + node["events_received"]
    for edge in graph["edges"]:
        edge["weight"] = edge["events"]
        edge["score"] = cooperation_score(edge["quad"])
    return graph


def node_label(node: dict[str, Any]) -> str:
    """The name with its code: "Turkey (TUR)"; an actor without a code by its name alone."""
    name = node.get("name") or ""
    if node["id"].startswith("~"):
        return name or node["id"]
    return node["id"] if not name or name.upper() == node["id"] else f"{name} ({node['id']})"


def cooperation_score(quad: dict[str, int]) -> float:
    """+1 when every event of a dyad is cooperation, -1 when every one is conflict (material counts double)."""
    weights = {"verbal_coop": 1, "material_coop": 2, "verbal_conflict": -1, "material_conflict": -2}
    total = sum(abs(weights.get(k, 0)) * n for k, n in quad.items())
    return round(sum(weights.get(k, 0) * n for k, n in quad.items()) / total, 3) if total else 0.0


def actor_href(key: str) -> str:
    """The page of a graph node: nodes are keyed by code, or by "~" and the actor id when there is no code."""
    return "/actors/" + quote(key.removeprefix("~"), safe="")


def found(item: dict[str, Any] | None, message: str) -> dict[str, Any]:
    if item is None:
        raise HTTPException(404, message)
    return item


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Extract and store one article (needs NEWSGRAPH_TOKEN and the bearer token)")
def post_article(store: StoreDep, article: ArticleIn) -> dict[str, Any]:
    return extract_and_store(store, article)
