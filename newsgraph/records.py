"""Typed records shared by every stage, the CLI, the store and the API.

One article in, one :class:`Article` out. The JSON form of these records is
described by ``schema/article.schema.json``, which :mod:`newsgraph.record_schema`
generates from these dataclasses, as it does the Parquet tables' and the store's
columns: a field added here reaches every output. ``to_dict``/``from_dict`` are the
only (de)serialisers, so the CLI, exporters, store and Spark job agree.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import types
import typing
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass
from functools import cache, lru_cache
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
QUAD_CLASSES = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
GRANULARITIES = ("day", "week", "month", "year")


def described(description: str = "", *, default: Any = MISSING, default_factory: Any = MISSING,
              column: str | None = None, optional: bool = False, **constraints: Any) -> Any:
    """A record field with what the generated JSON Schema says of it.

    `constraints` are JSON Schema keywords (enum, format, minimum, ...); `column` is the field's name in the
    store when it differs (SQL keywords are avoided, and ``id`` is kept for canonical ids); `optional` marks a
    field that records written by earlier versions may lack (it is left out of ``required``).
    """
    meta = {"description": description, "constraints": constraints, "column": column, "optional": optional}
    return field(default=default, default_factory=default_factory, metadata=meta)


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

    start: int = described(column="start_char", minimum=0)
    end: int = described(column="end_char", minimum=0)
    text: str = described()
    via: str = described("name, alias, demonym, metonym, title, pronoun or nominal", default="name", optional=True)


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
    id: str = described("Id inside the article (a1, a2, ...).", column="local_id")
    name: str = described()
    kind: str = described(enum=ACTOR_KINDS)
    code: str | None = described("ISO 3166-1 alpha-3 for states, short codes for organisations and groups; null "
                                 "when unknown.", default=None)
    sector: str | None = described("PLOVER sector code (GOV, MIL, COP, JUD, LEG, REB, OPP, ELI, ...).", default=None)
    role: str | None = described(default=None)
    country: str | None = described(default=None)
    mentions: list[Mention] = described(default_factory=list)
    evidence: dict[str, Any] = described("How the code and role were decided: source kb, text or unresolved, and "
                                         "the rule.", default_factory=dict)


@dataclass
class Event:
    id: str = described("Id inside the article (e1, e2, ...).", column="local_id")
    type: str = described(enum=EVENT_TYPES)
    source: list[str] = described("Actor ids.")
    target: list[str] = described("Actor ids; empty for joint events of several sources.")
    sentence: str = described()
    start: int = described("Character offset of the sentence in the article text.", column="start_char", minimum=0)
    end: int = described(column="end_char", minimum=0)
    trigger: str = described()
    pattern: str = described("Id of the lexicon pattern that fired.")
    mode: str | None = described(default=None, optional=True)
    quad_class: str | None = described(default=None, optional=True, enum=QUAD_CLASSES)
    intensity: float | None = described(default=None, optional=True, minimum=-10, maximum=10)
    date: str | None = described(default=None, format="date")
    date_text: str | None = described(default=None)
    granularity: str | None = described(default=None, enum=GRANULARITIES)
    confidence: float = described(default=0.5, minimum=0, maximum=1)
    qualifiers: list[str] = described("negated, future, hypothetical, conditional, historical, ...",
                                      default_factory=list)
    located: str | None = described("The place whose state stood in for a side the sentence leaves unnamed "
                                    "(\"protesters in Istanbul\"; a lower confidence); null otherwise.",
                                    default=None, optional=True)
    model_probability: float | None = described("The learned event scorer's probability of this type at the "
                                                "trigger; null when the events were coded without the model.",
                                                default=None, optional=True, minimum=0, maximum=1)

    @property
    def is_claim(self) -> bool:
        return not (set(self.qualifiers) & NOT_FACT_QUALIFIERS)


@dataclass
class Quote:
    id: str = described("Id inside the article (q1, q2, ...).", column="local_id")
    text: str = described(minLength=1)
    kind: str = described(enum=QUOTE_KINDS)
    start: int = described("Character offset of the quoted text in the article text.", column="start_char",
                           minimum=0)
    end: int = described(column="end_char", minimum=0)
    sentence_start: int = described(minimum=0)
    sentence_end: int = described(minimum=0)
    speaker: str | None = described("Actor id.", default=None, column="speaker_id")
    speaker_name: str | None = described(default=None)
    cue: str | None = described("The reporting verb or phrase.", default=None)


@dataclass
class Article:
    doc_id: str = described("Stable hash of the clean text (whitespace and case folded).")
    origin: str = described("The path or URL as given.")
    title: str | None = described()
    published: str | None = described(format="date")
    text: str = described("Clean body text; every offset below points into it.")
    removed: list[Removed] = described(default_factory=list)
    actors: list[Actor] = described(default_factory=list)
    events: list[Event] = described(default_factory=list)
    quotes: list[Quote] = described(default_factory=list)
    url: str | None = described(default=None, optional=True)
    source_id: str | None = described("The article's id in its corpus, when it had one.", default=None,
                                      optional=True)
    warnings: list[str] = described(default_factory=list, optional=True)
    pipeline_version: str = described(default=PIPELINE_VERSION)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        """One line of `newsgraph extract`'s JSONL."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        article: Article = record_from_dict(cls, data)
        return article


@cache
def field_types(cls: type) -> dict[str, Any]:
    """Each field's type, resolved (the annotations are strings under ``from __future__ import annotations``)."""
    return typing.get_type_hints(cls)


def unwrap_optional(tp: Any) -> tuple[Any, bool]:
    """(`T`, True) for ``T | None``, else (`tp`, False)."""
    args = typing.get_args(tp)
    if isinstance(tp, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0], True
    return tp, False


def is_record_type(tp: Any) -> bool:
    """Whether a field's type is a record (a dataclass) rather than a value."""
    return isinstance(tp, type) and is_dataclass(tp)


def record_from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Build record `cls` (and the records nested in it) from its JSON form; unknown keys are ignored, so
    records from later versions load, and missing ones take the field's default."""
    hints = field_types(cls)
    kw = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value, tp = data[f.name], unwrap_optional(hints[f.name])[0]
        if typing.get_origin(tp) is list:
            item = typing.get_args(tp)[0]
            value = [record_from_dict(item, v) if is_record_type(item) else v for v in value or []]
        elif is_record_type(tp) and value is not None:
            value = record_from_dict(tp, value)
        kw[f.name] = value
    return cls(**kw)


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
        self._position = {a.id: n for n, a in enumerate(self.actors)}
        self._ids_at: dict[tuple[int, int], set[str]] = {}
        for start, end, aid in spans:
            self._ids_at.setdefault((start, end), set()).add(aid)

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
        for s, e, aid in self._overlapping(start, end):
            overlap = min(e, end) - max(s, start)
            if (overlap, e - s) > (best_len, 0):
                best, best_len = aid, overlap
        return self._by_id.get(best) if best else None

    def _overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """Mention spans overlapping [start, end), found from the sorted starts (a mention beginning more than
        eight mentions before `start` is not looked for)."""
        spans = self._spans
        for k in range(max(0, bisect.bisect_left(self._starts, start) - 8), len(spans)):  # no slice: it copies the tail
            s, e, aid = spans[k]
            if s >= end:
                break
            if min(e, end) > max(s, start):
                yield s, e, aid

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
        # through the index, not every mention of every actor: this runs once per noun phrase of the article
        spans = {(s, e) for s, e, aid in self._overlapping(start, end) if aid == best.id}
        others = {aid for span in spans for aid in self._ids_at[span]} - {best.id}
        return [best] + [self._by_id[aid] for aid in sorted(others, key=self._position.__getitem__)]

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
