"""Typed records shared by every stage, the CLI, the store and the API.

One article in, one :class:`Article` out. The JSON form of these records is
described by ``schema/article.schema.json``; ``to_dict``/``from_dict`` are the
only (de)serialisers, so the CLI, exporters, store and Spark job agree.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from importlib import resources
from typing import Any

PIPELINE_VERSION = "0.1.0"

ACTOR_KINDS = ("person", "state", "organisation", "group")
QUOTE_KINDS = ("direct", "partial", "indirect")
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# Qualifiers that say an event is not a claim that something happened (PLOVER's auxiliary modes).
NOT_FACT_QUALIFIERS = frozenset({"negated", "hypothetical", "future", "conditional"})


@dataclass
class RawArticle:
    """What a reader yields: the text as found, before cleaning."""

    origin: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source_id: str | None = None
    reader: str = "text"
    # Lines the reader already knows are not body text (e.g. a date line); kept for `removed`.
    preamble: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class ReadFailure:
    """An input that could not be read; the run goes on without it."""

    origin: str
    reason: str
    line: int | None = None

    def message(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line else self.origin
        return f"{where}: {self.reason}"


@dataclass
class Removed:
    """A piece of scraped noise taken out of the body, with why."""

    text: str
    reason: str


@dataclass
class Mention:
    """Where an actor is named (or referred to) in the clean text."""

    start: int
    end: int
    text: str
    via: str = "name"  # name | alias | demonym | metonym | title | pronoun | nominal


@dataclass
class Location:
    """A place the text names (a city, province or site): where things happen, never who acts."""

    start: int
    end: int
    text: str
    name: str  # the gazetteer's name ("Erbil" for "Irbil")
    kind: str  # city | region | place
    code: str  # ISO 3166-1 alpha-3 of the state the place lies in
    country: str | None = None  # that state's name


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # person | state | organisation | group
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    # How the code and role were decided: {"source": "kb"|"text"|"unresolved", "rule": ..., ...}
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass
class Event:
    id: str
    type: str
    source: list[str]
    target: list[str]
    sentence: str
    start: int  # character offsets of the sentence in the article text
    end: int
    trigger: str
    pattern: str
    mode: str | None = None
    quad_class: str | None = None  # verbal_coop | material_coop | verbal_conflict | material_conflict
    intensity: float | None = None
    date: str | None = None
    date_text: str | None = None
    granularity: str | None = None  # day | week | month | year
    confidence: float = 0.5
    qualifiers: list[str] = field(default_factory=list)
    # The place whose state stood in for a side the sentence leaves unnamed ("protesters in Istanbul").
    located: str | None = None

    @property
    def is_claim(self) -> bool:
        return not (set(self.qualifiers) & NOT_FACT_QUALIFIERS)


@dataclass
class Quote:
    id: str
    text: str
    kind: str  # direct | partial | indirect
    start: int  # character offsets of the quoted text in the article text
    end: int
    sentence_start: int
    sentence_end: int
    speaker: str | None = None  # actor id
    speaker_name: str | None = None
    cue: str | None = None  # the reporting verb or phrase


@dataclass
class Article:
    doc_id: str
    origin: str
    title: str | None
    published: str | None
    text: str
    removed: list[Removed] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    url: str | None = None
    source_id: str | None = None
    warnings: list[str] = field(default_factory=list)
    pipeline_version: str = PIPELINE_VERSION

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in data.items() if k in known}
        kw["removed"] = [Removed(**r) for r in data.get("removed") or []]
        kw["actors"] = [_actor_from_dict(a) for a in data.get("actors") or []]
        kw["events"] = [_from_dict(Event, e) for e in data.get("events") or []]
        kw["quotes"] = [_from_dict(Quote, q) for q in data.get("quotes") or []]
        return cls(**kw)


def _from_dict(cls: Any, data: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in known})


def _actor_from_dict(data: dict[str, Any]) -> Actor:
    actor = _from_dict(Actor, data)
    actor.mentions = [_from_dict(Mention, m) for m in data.get("mentions") or []]
    return actor


@lru_cache(maxsize=1)
def article_schema() -> dict[str, Any]:
    """The JSON Schema every article record follows (shipped in the package)."""
    return json.loads(resources.files("newsgraph").joinpath("schema/article.schema.json").read_text("utf-8"))


def validate_record(record: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError if `record` does not follow the article schema."""
    import jsonschema

    jsonschema.validate(record, article_schema(), format_checker=jsonschema.FormatChecker())


def content_hash(text: str) -> str:
    """Stable id of an article body: same words, same id, whatever the whitespace or quote style."""
    norm = unicodedata.normalize("NFKC", text)
    norm = " ".join(norm.split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:20]


@dataclass
class ActorTable:
    """The actors of one article and every span that refers to them.

    The resolver fills it; event coding and quote attribution read it, so "who is this
    span" has one answer across the pipeline. ``locations`` are the places named (never
    actors); event coding may add a state that only a place named (:meth:`state_of`).
    """

    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._reindex()

    def _reindex(self) -> None:
        spans = sorted((m.start, m.end, a.id) for a in self.actors for m in a.mentions)
        self._starts = [s[0] for s in spans]
        self._spans = spans
        self._by_id = {a.id: a for a in self.actors}

    def add(self, actor: Actor) -> None:
        self.actors.append(actor)
        self._reindex()

    def add_mention(self, actor_id: str, mention: Mention) -> None:
        self._by_id[actor_id].mentions.append(mention)
        self._reindex()

    def get(self, actor_id: str) -> Actor | None:
        return self._by_id.get(actor_id)

    def mentions_in(self, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """Mention spans (start, end, actor id) that lie inside [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        while i < len(self._spans) and self._spans[i][0] < end:
            if self._spans[i][1] <= end:
                yield self._spans[i]
            i += 1

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor whose mention overlaps [start, end) most (the longest mention wins ties)."""
        best, best_len = None, 0
        i = max(0, bisect.bisect_left(self._starts, start) - 8)
        for s, e, aid in self._spans[i:]:
            if s >= end:
                break
            overlap = min(e, end) - max(s, start)
            if overlap > 0 and (overlap, e - s) > (best_len, 0):
                best, best_len = aid, overlap
        return self._by_id.get(best) if best else None

    def location_in(self, start: int, end: int) -> Location | None:
        """The first place named inside [start, end)."""
        return next((loc for loc in self.locations if start <= loc.start and loc.end <= end), None)

    def state_of(self, location: Location) -> Actor:
        """The state a place lies in: the article's actor for it, or a new one evidenced by the place."""
        for actor in self.actors:
            if actor.kind == "state" and actor.code == location.code:
                return actor
        number = len(self.actors) + 1
        while f"a{number}" in self._by_id:
            number += 1
        actor = Actor(id=f"a{number}", name=location.country or location.code, kind="state",
                      code=location.code, country=location.code,
                      evidence={"source": "kb", "rule": "state of a place the text names", "place": location.name})
        self.add(actor)
        return actor

    def all_at(self, start: int, end: int) -> list[Actor]:
        """Every actor sharing the mention `actor_at` finds ("both leaders" refers to two people)."""
        best = self.actor_at(start, end)
        if best is None:
            return []
        spans = {(m.start, m.end) for m in best.mentions if min(m.end, end) > max(m.start, start)}
        return [best] + [a for a in self.actors if a is not best
                         and any((m.start, m.end) in spans for m in a.mentions)]

    def last_before(self, offset: int, kinds: Iterable[str] = ACTOR_KINDS) -> Actor | None:
        """The actor mentioned most recently before `offset` whose kind is in `kinds`."""
        wanted = set(kinds)
        i = bisect.bisect_left(self._starts, offset) - 1
        while i >= 0:
            actor = self._by_id[self._spans[i][2]]
            if actor.kind in wanted and self._spans[i][1] <= offset:
                return actor
            i -= 1
        return None
