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
from ..store import Store
from ..store.keys import actor_id as canonical_actor_id
from .api import MAX_GRAPH_EDGES, EventFilters, Offset, event_filters, get_store, graph_view
from .highlight import Span, segment_text
from .queries import quad_series, with_sentences

PAGE_SIZE = 50
MAX_REPORTS = 50  # reports shown on an event page, each with its whole article

templates = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=True,  # every template, whatever its extension: article text and titles are hostile input
    undefined=jinja2.StrictUndefined,
))
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
StoreDep = Annotated[Store, Depends(get_store)]
Filters = Annotated[EventFilters, Depends(event_filters)]


class PageNotFound(LookupError):
    """A page names an event, actor or article the database does not hold (rendered as a 404 page)."""


def render(request: Request, name: str, nav: str | None = None, *, status_code: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, {"nav": nav, **context}, status_code=status_code)


def pager(request: Request, offset: int, shown: int, size: int = PAGE_SIZE) -> dict[str, Any]:
    """Links to the previous and next page, keeping the other query parameters."""
    def url(new_offset: int) -> str:
        params = {k: v for k, v in request.query_params.items() if k != "offset" and v}
        if new_offset:
            params["offset"] = str(new_offset)
        return f"{request.url.path}?{urlencode(params)}" if params else request.url.path

    return {"first": offset + 1 if shown else 0, "last": offset + shown,
            "prev_url": url(max(0, offset - size)) if offset else None,
            "next_url": url(offset + size) if shown == size else None}


@router.get("/")
def overview(request: Request, store: StoreDep) -> Response:
    stats = store.stats()
    counts = [("articles", stats["articles"]), ("events", stats["events"]), ("reports", stats["event_mentions"]),
              ("actors", stats["actors"]), ("quotes", stats["quotes"])]
    dyads = graph_view(store, EventFilters(), limit=12)
    names = {n["id"]: n for n in dyads["nodes"]}
    return render(request, "overview.html", "Overview", counts=counts,
                  series=quad_series(store, dict.fromkeys(EventFilters.model_fields)),
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
def timeline(request: Request, store: StoreDep, filters: Filters, offset: Offset = 0) -> Response:
    events = with_sentences(store, store.events(**filters.as_kwargs(), limit=PAGE_SIZE, offset=offset))
    return render(request, "timeline.html", "Timeline", filters=filters, events=events, event_types=EVENT_TYPES,
                  series=quad_series(store, filters.as_kwargs()), page=pager(request, offset, len(events)))


@router.get("/network")
def network(request: Request, filters: Filters,
            limit: Annotated[int, Query(ge=1, le=MAX_GRAPH_EDGES)] = 150) -> Response:
    params = {k: v for k, v in filters.as_kwargs().items() if v} | {"limit": limit}
    return render(request, "network.html", "Network", filters=filters.model_dump() | {"limit": limit},
                  event_types=EVENT_TYPES, max_edges=MAX_GRAPH_EDGES, graph_url=f"/api/graph?{urlencode(params)}")


@router.get("/actors/{key}")
def actor_page(request: Request, store: StoreDep, key: str) -> Response:
    actor = store.actor(key)
    if actor is None:
        # Graph nodes and dyads name states and organisations by code: send those to the actor's own page.
        same_code = [a for a in store.actors(search=key, limit=20) if (a["code"] or "").upper() == key.upper()]
        same_code.sort(key=lambda a: (a["kind"] == "person", -a["article_count"]))
        if not same_code:
            raise PageNotFound(f"No actor {key!r} is stored.")
        return RedirectResponse(f"/actors/{quote(same_code[0]['id'], safe='')}", status_code=307)
    roles = [{"role": r["role"], "start": r["first_seen"], "end": r["last_seen"],
              "evidence": f"as {r['name']} in {r['article_count']} article(s)"} for r in actor["roles"] if r["role"]]
    aliases = [n for n in actor["names"] if n != actor["name"]]
    return render(request, "actor.html", actor=actor, roles=roles, aliases=aliases,
                  given=with_sentences(store, actor["events_given"]),
                  received=with_sentences(store, actor["events_received"]), quotes=actor["quotes"])


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
                speaker: Annotated[str | None, Query(max_length=200)] = None, offset: Offset = 0) -> Response:
    found = store.quotes(search=search or None, speaker=speaker or None, limit=PAGE_SIZE, offset=offset)
    return render(request, "quotes.html", "Quotes", quotes=found, filters={"search": search, "speaker": speaker},
                  page=pager(request, offset, len(found)))


@router.get("/articles")
def articles_page(request: Request, store: StoreDep, offset: Offset = 0) -> Response:
    found = store.articles(limit=PAGE_SIZE, offset=offset)
    return render(request, "articles.html", "Articles", articles=found, page=pager(request, offset, len(found)))


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
                 "source_actors": refs(e.source), "target_actors": refs(e.target), "href": self._event_href(e.id)}
                for e in self.article.events]

    def quotes(self) -> list[dict[str, Any]]:
        return [{"text": q.text, "kind": q.kind, "cue": q.cue, "speaker_name": q.speaker_name,
                 "speaker_id": self.ids.get(q.speaker or ""), "doc_id": None, "title": None, "published": None}
                for q in self.article.quotes]
