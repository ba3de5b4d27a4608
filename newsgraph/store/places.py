"""Where each report of an event happened, for the map's points: the place event coding found for it
(``Event.located``), else the first place its sentence names, else the article's dateline city.

Places are the knowledge base's (newsgraph/data/kb/places.csv, by name and alias) and the states' capitals,
as far as newsgraph/data/geo/coordinates.csv gives them a position (scripts/place_coordinates.py derives it
from GeoNames). A place of places.csv is a location wherever it is named; a capital only after a locative
word ("talks in Moscow", newsgraph/data/geo/locatives.txt) or in a dateline, since "Moscow warned" names the
state. The lookup reads plain text, so it runs where rows are written, with no parse.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import case, select

from ..records import Article, Event
from ..resources.files import DATA_DIR
from ..resources.kb import KB_DIR, fold, read_kb_file
from . import schema as s

COORDINATES_CSV = DATA_DIR / "geo" / "coordinates.csv"
LOCATIVES_TXT = DATA_DIR / "geo" / "locatives.txt"
WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
POSSESSIVE_RE = re.compile(r"['’]s?$")
# "KYIV, Ukraine (Reuters) — ..." or "GOMA — ...": a capitalised place, an optional region or country and
# agency, then a dash, opening a line near the top of the article.
DATELINE_RE = re.compile(r"^[ \t]*(?P<place>[A-Z][A-Z'’. -]{1,40}?)[ \t]*(?:,[^\n(—–-]{1,40})?[ \t]*"
                         r"(?:\([^)\n]{1,40}\)[ \t]*)?(?:—|–|--?)[ \t]", re.MULTILINE)
DATELINE_WITHIN = 400  # characters from the start of the text where a dateline may stand (after a title line)


@dataclass(frozen=True)
class Place:
    """A located place: its gazetteer name, its state's code, kind and position."""

    name: str
    code: str
    kind: str  # city | region | place | capital
    lat: float
    lon: float

    @property
    def key(self) -> str:
        """How the store and the filters name it: "Kharkiv, UKR"."""
        return f"{self.name}, {self.code}"


@dataclass(frozen=True)
class ReportPlace:
    """Where one report happened, and what said so."""

    place: Place
    basis: str  # located | sentence | dateline


class Gazetteer:
    """Place names (folded) → places with a position; capitals kept apart (they count only after a locative)."""

    def __init__(self, places: list[Place], aliases: dict[str, list[str]], locatives: frozenset[str]) -> None:
        self.by_key = {p.key: p for p in places}
        self.names: dict[str, Place] = {}
        self.capitals: dict[str, Place] = {}
        for place in places:
            target = self.capitals if place.kind == "capital" else self.names
            for name in [place.name, *aliases.get(place.key, [])]:
                target.setdefault(fold(name), place)
        self.locatives = locatives
        self.longest = max((len(n.split()) for n in [*self.names, *self.capitals]), default=0)

    def lookup(self, name: str) -> Place | None:
        """A place by one of its names (any case), capitals included."""
        key = fold(name)
        return self.names.get(key) or self.capitals.get(key)

    def in_sentence(self, sentence: str) -> Place | None:
        """The first place the sentence names: a longest capitalised run of words that is a place's name."""
        words = [POSSESSIVE_RE.sub("", m.group()).rstrip(".") for m in WORD_RE.finditer(sentence)]
        for i, word in enumerate(words):
            if not word or not word[0].isupper():
                continue
            after_locative = i > 0 and words[i - 1].lower() in self.locatives
            for n in range(min(self.longest, len(words) - i), 0, -1):
                name = fold(" ".join(words[i:i + n]))
                found = self.names.get(name) or (self.capitals.get(name) if after_locative else None)
                if found:
                    return found
        return None

    def dateline(self, text: str) -> Place | None:
        """The city a dateline opening the article names ("KYIV, Ukraine (AP) — ...")."""
        match = DATELINE_RE.search(text[:DATELINE_WITHIN])
        return self.lookup(match.group("place").strip()) if match else None

    def of_report(self, event: Event, dateline: Place | None) -> ReportPlace | None:
        """Where one report happened: its located place, a place its sentence names, or the dateline's."""
        if event.located and (found := self.lookup(event.located)):
            return ReportPlace(found, "located")
        if found := self.in_sentence(event.sentence):
            return ReportPlace(found, "sentence")
        return ReportPlace(dateline, "dateline") if dateline else None

    def of_article(self, article: Article) -> dict[str, ReportPlace]:
        """Each of the article's events (by local id) that has a place."""
        dateline = self.dateline(article.text)
        found = {e.id: self.of_report(e, dateline) for e in article.events}
        return {local_id: place for local_id, place in found.items() if place}


def _comment_free(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


@cache
def gazetteer() -> Gazetteer:
    """The shipped places with a position, their places.csv aliases, and the locative words."""
    places = [Place(r["name"], r["code"], r["kind"], float(r["lat"]), float(r["lon"]))
              for r in csv.DictReader(_comment_free(COORDINATES_CSV))]
    entries, _ = read_kb_file(KB_DIR / "places.csv")
    aliases = {f"{e.name}, {e.code}": list(e.aliases) for e in entries}
    locatives = frozenset(line.strip().lower() for line in _comment_free(LOCATIVES_TXT))
    return Gazetteer(places, aliases, locatives)


@cache
def state_names() -> dict[str, str]:
    """Each state code's name in the shipped KB: the store's name for a state however an article named it."""
    names: dict[str, str] = {}
    for entry in read_kb_file(KB_DIR / "states.csv")[0]:
        if entry.kind == "state" and entry.code:
            names.setdefault(entry.code, entry.name)
    return names


def event_place() -> Any:
    """events.place: the place of the event's earliest report that has one; a dateline's only when no report's
    own sentence places it (a dateline says where the story was filed, which is weaker evidence)."""
    em, e = s.event_mentions, s.events
    return (select(em.c.place).where(em.c.event_id == e.c.id, em.c.place.is_not(None))
            .order_by(case((em.c.place_basis == "dateline", 1), else_=0), em.c.doc_id, em.c.start_char)
            .limit(1).scalar_subquery())
