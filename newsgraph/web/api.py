"""The JSON API: thin routes over the store's query functions, with bounded pages."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel

from ..records import EVENT_TYPES
from ..store import Store
from ..store.read import SQLITE_MAX_INT
from .ingest import ArticleIn, extract_and_store
from .security import require_token

MAX_LIMIT = 500
MAX_GRAPH_EDGES = 1000

router = APIRouter(prefix="/api", tags=["api"])


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
ActorText = Annotated[str | None, Query(max_length=200, description="A code (TUR), an actor id or part of a name.")]
EventType = Annotated[str | None, Query(description="A PLOVER event type, e.g. ACCUSE.")]
Day = Annotated[dt.date | None, Query(description="An ISO date, inclusive.")]


class EventFilters(BaseModel):
    """The filters of `newsgraph events`, shared by the events, graph and timeline routes."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None

    def as_kwargs(self) -> dict[str, Any]:
        return self.model_dump()


def event_filters(actor: ActorText = None, source: ActorText = None, target: ActorText = None,
                  type: EventType = None, since: Day = None, until: Day = None) -> EventFilters:
    if type and type.upper() not in EVENT_TYPES:
        raise HTTPException(422, f"unknown event type {type!r}; use one of {', '.join(EVENT_TYPES)}")
    return EventFilters(actor=actor or None, source=source or None, target=target or None,
                        type=type.upper() if type else None,
                        since=since.isoformat() if since else None, until=until.isoformat() if until else None)


Filters = Annotated[EventFilters, Depends(event_filters)]


def page(items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """A page of results with what the client needs to ask for the next one."""
    return {"items": items, "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(items) == limit else None}


@router.get("/events", summary="Deduplicated events, newest first")
def list_events(store: StoreDep, filters: Filters, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(store.events(**filters.as_kwargs(), limit=limit, offset=offset), limit, offset)


@router.get("/events/{event_id}", summary="One event with every report of it")
def get_event(store: StoreDep, event_id: str) -> dict[str, Any]:
    return found(store.event(event_id), f"no event {event_id!r}")


@router.get("/actors", summary="Canonical actors, most reported first")
def list_actors(store: StoreDep, search: ActorText = None,
                kind: Annotated[str | None, Query(pattern="^(person|state|organisation|group)$")] = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(store.actors(search=search or None, kind=kind, limit=limit, offset=offset), limit, offset)


@router.get("/actors/{actor_id}", summary="One actor: names, roles over time, events given and received, quotes")
def get_actor(store: StoreDep, actor_id: str) -> dict[str, Any]:
    return found(store.actor(actor_id), f"no actor {actor_id!r}")


@router.get("/quotes", summary="Quotes, newest first, or best match first with `search`")
def list_quotes(store: StoreDep, speaker: ActorText = None,
                search: Annotated[str | None, Query(max_length=200, description="Words that must all occur.")] = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows = store.quotes(speaker=speaker or None, search=search or None, limit=limit, offset=offset)
    return page(rows, limit, offset)


@router.get("/articles", summary="Stored articles, newest first")
def list_articles(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(store.articles(limit=limit, offset=offset), limit, offset)


@router.get("/articles/{doc_id}", summary="One article record: text, actors, events and quotes")
def get_article(store: StoreDep, doc_id: str) -> dict[str, Any]:
    return found(store.article(doc_id), f"no article {doc_id!r}")


@router.get("/stats", summary="Counts, events by type and quad class, date ranges")
def get_stats(store: StoreDep) -> dict[str, Any]:
    return store.stats()


@router.get("/graph", summary="Who acts on whom: actors as nodes, dyads as edges")
def get_graph(store: StoreDep, filters: Filters,
              min_events: Annotated[int, Query(ge=1, le=SQLITE_MAX_INT)] = 1,
              limit: Annotated[int, Query(ge=1, le=MAX_GRAPH_EDGES, description="Most edges returned.")] = 200,
              ) -> dict[str, Any]:
    return graph_view(store, filters, min_events=min_events, limit=limit)


def graph_view(store: Store, filters: EventFilters, *, min_events: int = 1, limit: int = 200) -> dict[str, Any]:
    """The store's graph, with what a drawing needs: a link per node and a cooperation score per edge."""
    graph = store.graph(actor=filters.actor, type=filters.type, since=filters.since, until=filters.until,
                        min_events=min_events, limit=limit)
    for node in graph["nodes"]:
        node["href"] = actor_href(node["id"])
        node["label"] = node_label(node)
        node["events"] = node["events_given"] + node["events_received"]
    for edge in graph["edges"]:
        edge["weight"] = edge["events"]
        edge["score"] = cooperation_score(edge["quad"])
    return graph


def node_label(node: dict[str, Any]) -> str:
    """The code on top (what analysts scan for), the name the store knows below it."""
    name = node.get("name") or ""
    if node["id"].startswith("~"):
        return name or node["id"]
    return node["id"] if not name or name.upper() == node["id"] else f"{node['id']}\n{name}"


def cooperation_score(quad: dict[str, int]) -> float:
    """+1 when every event of a dyad is cooperation, -1 when every one is conflict (material counts double)."""
    weights = {"verbal_coop": 1, "material_coop": 2, "verbal_conflict": -1, "material_conflict": -2}
    total = sum(abs(weights.get(k, 0)) * n for k, n in quad.items())
    return round(sum(weights.get(k, 0) * n for k, n in quad.items()) / total, 3) if total else 0.0


def actor_href(key: str) -> str:
    """The page of a graph node: nodes are keyed by code, or by "~" and the actor id when there is no code."""
    from urllib.parse import quote

    return "/actors/" + quote(key.removeprefix("~"), safe="")


def found(item: dict[str, Any] | None, message: str) -> dict[str, Any]:
    if item is None:
        raise HTTPException(404, message)
    return item


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Extract and store one article (needs NEWSGRAPH_TOKEN and the bearer token)")
def post_article(store: StoreDep, article: ArticleIn) -> dict[str, Any]:
    return extract_and_store(store, article)
