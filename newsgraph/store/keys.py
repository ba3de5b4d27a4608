"""Identities in the store: which actor rows are one canonical actor, which event reports are one event.

Pure functions of the records, so every run, worker and backend agrees on them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache
from typing import TypedDict

from ..records import NOT_FACT_QUALIFIERS, Actor, Event


def short_hash(*parts: str) -> str:
    """A 16-hex-digit id for a tuple of strings."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def normal_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def actor_key(actor: Actor) -> str:
    """What makes two actor records one actor: the code for coded states, organisations and groups;
    code and name for people (two ministers of one country are two people); kind and name otherwise."""
    code = (actor.code or "").upper()
    if actor.kind == "person":
        return f"person:{code}:{normal_name(actor.name)}"
    if code:
        return f"code:{code}"
    return f"name:{actor.kind}:{normal_name(actor.name)}"


def actor_id(actor: Actor) -> str:
    return short_hash(actor_key(actor))


def participant_code(actor: Actor) -> str:
    """How an actor takes part in an event's identity: its code, or its canonical id when it has none."""
    return (actor.code or "").upper() or f"~{actor_id(actor)}"


def date_key(date: str | None, granularity: str | None) -> str | None:
    """The period a date stands for at its granularity: reports inside one period are one event."""
    if not date:
        return None
    day = date[:10]
    if granularity == "year":
        return day[:4]
    if granularity == "month":
        return day[:7]
    if granularity == "week":
        try:
            year, week, _ = dt.date.fromisoformat(day).isocalendar()
        except ValueError:
            return day
        return f"{year}-W{week:02d}"
    return day


def not_fact_qualifiers(event: Event) -> str:
    """The qualifiers that make a report a different claim (a denial is not the same fact as a report)."""
    return ",".join(sorted(set(event.qualifiers) & NOT_FACT_QUALIFIERS))


@lru_cache(maxsize=1)
def symmetric_types() -> frozenset[str]:
    """Event types with no direction (A meets B is B meets A), from the PLOVER type table."""
    from ..resources.lexicon import load_types

    return frozenset(name for name, spec in load_types().items() if spec.symmetric)


class EventIdentity(TypedDict):
    """The identifying columns of an events row."""

    id: str
    source_key: str
    target_key: str
    date_key: str | None
    qualifiers: str
    scope: str | None


def event_identity(event: Event, actors: dict[str, Actor], doc_id: str) -> EventIdentity:
    """The columns that identify a deduplicated event, and its id.

    Same type, same source and target codes and same date period make one event
    across articles; for a type with no direction (CONSULT, AGREE, ...) only the set of
    parties counts. An undated report is merged only with reports in its own article.
    """
    source = "+".join(sorted({participant_code(actors[a]) for a in event.source if a in actors}))
    target = "+".join(sorted({participant_code(actors[a]) for a in event.target if a in actors}))
    period = date_key(event.date, event.granularity)
    scope = None if period else doc_id
    qualifiers = not_fact_qualifiers(event)
    parties = (source, target)
    if event.type in symmetric_types():
        parties = ("+".join(sorted(set(source.split("+")) | set(target.split("+")) - {""})), "")
    ident = short_hash(event.type, *parties, period or "", qualifiers, scope or "")
    return {"id": ident, "source_key": source, "target_key": target, "date_key": period, "qualifiers": qualifiers,
            "scope": scope}
