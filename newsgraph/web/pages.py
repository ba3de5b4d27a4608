"""Server-rendered pages. Templates autoescape everything; article text is highlighted by segments."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from ..records import EVENT_TYPES, Article
from ..store import Store, read
from ..store.keys import actor_id as canonical_actor_id
from .api import (
    MAX_GRAPH_EDGES,
    After,
    AggregatesDep,
    EventFilters,
    Offset,
    decode_key,
    encode_key,
    event_filters,
    get_store,
    graph_view,
)
from .highlight import Span, segment_text
from .queries import count_events, country_names, events_by_country, events_by_place, quad_series, with_sentences

PAGE_SIZE = 50
PAGE_SIZES = (25, 50, 100, 200)
MAX_REPORTS = 50  # reports shown on an event page, each with its whole article
MAP_PLACES_LISTED = 50  # places in the table under the map (the map draws every one)
FILTER_LABELS = {"actor": "Actor", "source": "Source", "target": "Target", "type": "Type", "place": "Place",
                 "since": "Since",
                 "until": "Until", "exact": "Only exactly dated", "nonfactual": "Including non-factual",
                 "sort": "Sorted by"}

templates = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=True,  # every template, whatever its extension: article text and titles are hostile input
    undefined=jinja2.StrictUndefined,
))
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
StoreDep = Annotated[Store, Depends(get_store)]
Filters = Annotated[EventFilters, Depends(event_filters)]
PageSize = Annotated[int, Query(ge=1, le=max(PAGE_SIZES), description="Rows per page.")]


class PageNotFound(LookupError):
    """A page names an event, actor or article the database does not hold (rendered as a 404 page)."""


def render(request: Request, name: str, nav: str | None = None, *, status_code: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, {"nav": nav, **context}, status_code=status_code)


def render_error(request: Request, status: str, message: str, status_code: int) -> Response:
    """The one way these pages answer an error, so every error page looks and behaves alike."""
    return render(request, "error.html", status=status, message=message, status_code=status_code)


def pager(request: Request, *, offset: int, shown: int, size: int, total: int | None = None,
          next_after: str | None = None) -> dict[str, Any]:
    """Where this page sits ("51–100 of 1,234") and links to the first, previous and next pages, keeping the
    other query parameters. The next page is asked for by its key (`after`), so deep pages stay quick."""
    def url(**changes: Any) -> str:
        params = {k: v for k, v in request.query_params.items() if k not in ("offset", "after", "start") and v}
        params.update({k: str(v) for k, v in changes.items() if v})
        return f"{request.url.path}?{urlencode(params)}" if params else request.url.path

    more = shown == size and (total is None or offset + shown < total)
    return {"first": offset + 1 if shown else 0, "last": offset + shown, "total": total, "size": size,
            "sizes": PAGE_SIZES, "beyond": not shown and offset > 0,
            "first_url": url() if offset else None,
            "prev_url": url(offset=max(0, offset - size)) if offset else None,
            "next_url": (url(after=next_after, start=offset + size) if next_after else url(offset=offset + size))
            if more else None}


def permalink(request: Request, **defaults: Any) -> Response | None:
    """A form sends every field, empty or not: redirect to the address of only what is set, a short
    permalink that the form refills from. None when the address is that already."""
    given = request.query_params.multi_items()
    kept = [(k, v.strip()) for k, v in given if v.strip() and str(defaults.get(k, "")) != v.strip()]
    if kept == given:
        return None
    return RedirectResponse(f"{request.url.path}?{urlencode(kept)}" if kept else request.url.path, status_code=303)


def filter_summary(request: Request, filters: EventFilters) -> list[dict[str, str]]:
    """The filters in force, each with a link to the same view without it."""
    params = filters.params()
    out = []
    for name, value in params.items():
        if name == "sort":
            continue
        rest = {k: v for k, v in request.query_params.items() if k != name and k not in ("after", "start") and v}
        out.append({"label": FILTER_LABELS[name], "value": "" if value == "1" else value,
                    "remove": f"{request.url.path}?{urlencode(rest)}" if rest else request.url.path})
    return out


@router.get("/")
def overview(request: Request, store: StoreDep, aggregates: AggregatesDep) -> Response:
    stats = aggregates.get(store, "stats", store.stats)
    counts = [("articles", stats["articles"]), ("events", stats["events"]), ("reports", stats["event_mentions"]),
              ("actors", stats["actors"]), ("quotes", stats["quotes"])]
    dyads = aggregates.get(store, ("overview dyads",), lambda: graph_view(store, EventFilters(), limit=12))
    names = {n["id"]: n for n in dyads["nodes"]}
    with store.engine.connect() as conn:
        where = EventFilters().resolve(conn)
    series = aggregates.get(store, ("quad series", where), lambda: quad_series(store, where))
    return render(request, "overview.html", "Overview", counts=counts, series=series,
                  dyads=[_dyad(edge, names) for edge in dyads["edges"]], types=list(stats["events_by_type"].items()))


def _dyad(edge: dict[str, Any], nodes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    def side(key: str) -> dict[str, Any]:
        node = nodes.get(key, {})
        return {"id": node.get("href", "").removeprefix("/actors/") or key, "code": None if key.startswith("~")
                else key, "name": node.get("name") or key}

    quad = edge["quad"]
    return {"source": side(edge["source"]), "target": side(edge["target"]), "events": edge["events"],
            "cooperation": quad.get("verbal_coop", 0) + quad.get("material_coop", 0),
            "conflict": quad.get("verbal_conflict", 0) + quad.get("material_conflict", 0)}


@router.get("/timeline")
def timeline(request: Request, store: StoreDep, aggregates: AggregatesDep, filters: Filters, offset: Offset = 0,
             after: After = None, start: Offset = 0, size: PageSize = PAGE_SIZE) -> Response:
    if redirect := permalink(request, sort="date", size=PAGE_SIZE):
        return redirect
    notes: list[str] = []
    with store.engine.connect() as conn:
        where = filters.resolve(conn, notes)
        key = decode_key(after)
        rows, last = read.event_page(conn, where, sort=filters.sort, limit=size, offset=0 if key else offset,
                                     after=key)
    total = aggregates.get(store, ("count", where), lambda: count_events(store, where))
    series = aggregates.get(store, ("quad series", where), lambda: quad_series(store, where))
    events = with_sentences(store, rows)
    params = filters.params()
    return render(request, "timeline.html", "Timeline", filters=filters, events=events, event_types=EVENT_TYPES,
                  notes=notes, active=filter_summary(request, filters), series=series,
                  page=pager(request, offset=start if key else offset, shown=len(events), size=size, total=total,
                             next_after=encode_key(last)),
                  downloads=download_links("/api/events", params, plover=True))


def download_links(path: str, params: dict[str, str], *, plover: bool = False) -> list[dict[str, str]]:
    """Links that download every row the list shows, in each format."""
    formats = [("CSV", "csv"), ("JSON", "json")] + ([("PLOVER JSON", "plover")] if plover else [])
    return [{"label": label, "href": f"{path}?{urlencode(params | {'format': fmt, 'all': 'true'})}"}
            for label, fmt in formats]


@router.get("/network")
def network(request: Request, filters: Filters,
            limit: Annotated[int, Query(ge=1, le=MAX_GRAPH_EDGES)] = 150,
            min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> Response:
    if redirect := permalink(request, limit=150, min_events=1):
        return redirect
    params = filters.params() | {"limit": str(limit), "min_events": str(min_events)}
    return render(request, "network.html", "Network", filters=filters, limit=limit, min_events=min_events,
                  active=filter_summary(request, filters), event_types=EVENT_TYPES, max_edges=MAX_GRAPH_EDGES,
                  graph_url=f"/api/graph?{urlencode(params)}", events_url=f"/api/events?{urlencode(filters.params())}")


@router.get("/map")
def map_page(request: Request, store: StoreDep, aggregates: AggregatesDep, filters: Filters) -> Response:
    """Events by country on a world map, and located events as points; a country links to its events on the
    timeline, a point lists the events there."""
    if redirect := permalink(request, sort="date"):
        return redirect
    with store.engine.connect() as conn:
        where = filters.resolve(conn)
    params = filters.params()
    countries = [row | {"href": f"/timeline?{urlencode(params | {'actor': row['code']})}"}
                 for row in aggregates.get(store, ("countries", where), lambda: events_by_country(store, where))]
    places = aggregates.get(store, ("places", where), lambda: events_by_place(store, where))
    busiest_places = [row | {"href": f"/timeline?{urlencode(params | {'place': row['key']})}"}
                      for row in places[:MAP_PLACES_LISTED]]
    return render(request, "map.html", "Map", filters=filters, active=filter_summary(request, filters),
                  event_types=EVENT_TYPES, countries=countries, places=places, busiest_places=busiest_places,
                  names=country_names(),
                  events_url=f"/api/events?{urlencode(params)}")


@router.get("/actors")
def actors_page(request: Request, store: StoreDep,
                search: Annotated[str | None, Query(max_length=200)] = None,
                kind: Annotated[str | None, Query(pattern="^(person|state|organisation|group)?$")] = None,
                offset: Offset = 0, size: PageSize = PAGE_SIZE) -> Response:
    """The actor directory: every actor with its counts, searchable by code or name."""
    if redirect := permalink(request, size=PAGE_SIZE):
        return redirect
    found = store.actors(search=(search or "").strip() or None, kind=kind or None, limit=size, offset=offset)
    return render(request, "actors.html", "Actors", actors=found, filters={"search": search or "", "kind": kind or ""},
                  page=pager(request, offset=offset, shown=len(found), size=size))


@router.get("/actors/{key}")
def actor_page(request: Request, store: StoreDep, aggregates: AggregatesDep, key: str) -> Response:
    actor = aggregates.get(store, ("actor", key), lambda: store.actor(key))
    if actor is None:
        # Graph nodes and dyads name states and organisations by code: send those to the actor's own page.
        same_code = [a for a in store.actors(search=key, limit=50) if (a["code"] or "").upper() == key.upper()]
        same_code.sort(key=lambda a: (a["kind"] == "person", -a["article_count"]))
        if not same_code:
            raise PageNotFound(f"No actor {key!r} is stored.")
        return RedirectResponse(f"/actors/{quote(same_code[0]['id'], safe='')}", status_code=307)
    roles = [{"role": r["role"], "start": r["first_seen"], "end": r["last_seen"],
              "evidence": f"as {r['name']} in {r['article_count']} article(s)"} for r in actor["roles"] if r["role"]]
    aliases = [n for n in actor["names"] if n != actor["name"]]
    return render(request, "actor.html", "Actors", actor=actor, roles=roles, aliases=aliases,
                  given=with_sentences(store, actor["events_given"]),
                  received=with_sentences(store, actor["events_received"]), quotes=actor["quotes"],
                  downloads=download_links("/api/events", {"actor": actor["id"], "nonfactual": "1"}, plover=True))


@router.get("/events/{event_id}")
def event_page(request: Request, store: StoreDep, event_id: str) -> Response:
    event = store.event(event_id)
    if event is None:
        raise PageNotFound(f"No event {event_id!r} is stored.")
    texts: dict[str, str] = {}
    reports = []
    for mention in event["mentions"][:MAX_REPORTS]:
        if mention["doc_id"] not in texts:
            record = store.article(mention["doc_id"]) or {}
            texts[mention["doc_id"]] = record.get("text", "")
        reports.append(mention | evidence_in_article(texts[mention["doc_id"]], mention))
    return render(request, "event.html", event=event | {"articles": event["article_count"],
                                                         "first_seen": event["first_reported"],
                                                         "last_seen": event["last_reported"]}, reports=reports)


def evidence_in_article(text: str, mention: dict[str, Any]) -> dict[str, Any]:
    """The article around one report: text before, the sentence (its trigger marked) and text after."""
    start, end = mention["start_char"], mention["end_char"]
    sentence = text[start:end]
    trigger = mention.get("trigger") or ""
    at = sentence.find(trigger) if trigger else -1
    spans = [Span(at, at + len(trigger), "trigger", label="trigger")] if at >= 0 else []
    return {"before": text[:start], "sentence": segment_text(sentence, spans), "after": text[end:]}


@router.get("/quotes")
def quotes_page(request: Request, store: StoreDep,
                search: Annotated[str | None, Query(max_length=200)] = None,
                speaker: Annotated[str | None, Query(max_length=200)] = None, offset: Offset = 0,
                size: PageSize = PAGE_SIZE) -> Response:
    if redirect := permalink(request, size=PAGE_SIZE):
        return redirect
    found_by = {"search": (search or "").strip() or None, "speaker": (speaker or "").strip() or None}
    found = store.quotes(search=found_by["search"], speaker=found_by["speaker"], limit=size, offset=offset)
    params = {k: v for k, v in found_by.items() if v}
    return render(request, "quotes.html", "Quotes", quotes=found, filters={"search": search, "speaker": speaker},
                  page=pager(request, offset=offset, shown=len(found), size=size),
                  downloads=download_links("/api/quotes", params))


@router.get("/articles")
def articles_page(request: Request, store: StoreDep, offset: Offset = 0, after: After = None, start: Offset = 0,
                  size: PageSize = PAGE_SIZE) -> Response:
    key = decode_key(after)
    with store.engine.connect() as conn:
        found, last = read.article_page(conn, limit=size, offset=0 if key else offset, after=key)
        total = read.count_articles(conn)
    return render(request, "articles.html", "Articles", articles=found,
                  page=pager(request, offset=start if key else offset, shown=len(found), size=size, total=total,
                             next_after=encode_key(last)),
                  downloads=download_links("/api/articles", {}))


@router.get("/articles/{doc_id}")
def article_page(request: Request, store: StoreDep, doc_id: str) -> Response:
    found = store.article(doc_id)
    if found is None:
        raise PageNotFound(f"No article {doc_id!r} is stored.")
    view = ArticleView(Article.from_dict(found), found.get("event_ids") or {})
    return render(request, "article.html", article=view.article, segments=view.segments(), actors=view.actors(),
                  events=view.events(), quotes=view.quotes())


class ArticleView:
    """One stored article as its page shows it: local actor ids turned into canonical ids and links."""

    def __init__(self, article: Article, event_ids: dict[str, str]) -> None:
        self.article = article
        self.event_ids = event_ids
        self.ids = {a.id: canonical_actor_id(a) for a in article.actors}
        self.by_local = {a.id: a for a in article.actors}

    def _actor_ref(self, local_id: str) -> dict[str, Any] | None:
        actor = self.by_local.get(local_id)
        return {"id": self.ids[local_id], "code": actor.code, "name": actor.name} if actor else None

    def segments(self) -> list[Any]:
        spans = [Span(e.start, e.end, "event", label=f"{e.type}: “{e.trigger}”",
                      href=self._event_href(e.id)) for e in self.article.events]
        spans += [Span(q.start, q.end, "quote", label=f"quote · {q.speaker_name or 'unattributed'}")
                  for q in self.article.quotes]
        spans += [Span(m.start, m.end, "actor", label=f"{a.name} ({a.code or a.kind})",
                       href=f"/actors/{self.ids[a.id]}")
                  for a in self.article.actors for m in a.mentions]
        return segment_text(self.article.text, spans)

    def _event_href(self, local_id: str) -> str | None:
        stored = self.event_ids.get(local_id)
        return f"/events/{quote(stored, safe='')}" if stored else None

    def actors(self) -> list[dict[str, Any]]:
        return [{"name": a.name, "code": a.code, "kind": a.kind, "role": a.role, "href": f"/actors/{self.ids[a.id]}"}
                for a in self.article.actors]

    def events(self) -> list[dict[str, Any]]:
        def refs(ids: list[str]) -> list[dict[str, Any]]:
            return [r for r in map(self._actor_ref, ids) if r]

        return [{"type": e.type, "mode": e.mode, "quad_class": e.quad_class, "date": e.date, "trigger": e.trigger,
                 "granularity": e.granularity, "qualifiers": e.qualifiers, "first_reported": self.article.published,
                 "source_actors": refs(e.source), "target_actors": refs(e.target), "href": self._event_href(e.id)}
                for e in self.article.events]

    def quotes(self) -> list[dict[str, Any]]:
        return [{"text": q.text, "kind": q.kind, "cue": q.cue, "speaker_name": q.speaker_name,
                 "speaker_id": self.ids.get(q.speaker or ""), "doc_id": None, "title": None, "published": None}
                for q in self.article.quotes]
