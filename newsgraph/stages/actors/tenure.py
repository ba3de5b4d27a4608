"""Offices by the event's date: a KB office holder acts with the office held when the event happened.

The resolver codes every actor for the article's date. An event the text dates elsewhere ("In 2009,
Mubarak met ...") may fall in another tenure: then the event's side is a dated copy of the person, coded
for the office valid on the event's date, holding the person's mentions in the event's sentence, with
evidence naming the actor it copies and the date it was coded for.
"""
from __future__ import annotations

import calendar
import datetime as dt

from ...records import Actor, ActorTable, Event
from ...resources.kb import KnowledgeBase, PhraseHit, pick
from .descriptions import Description
from .people import kb_person_actor


def code_on_event_dates(table: ActorTable, events: list[Event], *, kb: KnowledgeBase) -> None:
    """Point each event side at the office its KB person held on the event's date, where that differs."""
    copies: dict[tuple[str, str], str] = {}  # (actor id, KB row) → the dated copy's id
    for event in events:
        if not event.date:
            continue
        for side in (event.source, event.target):
            for n, actor_id in enumerate(side):
                actor = table.get(actor_id)
                hit = _tenure_on(actor, event, kb) if actor is not None else None
                if actor is None or hit is None:
                    continue
                key = (actor.id, f"{hit.entry.source}@{hit.entry.valid_on(event.date)}")
                if key not in copies:
                    copies[key] = _add_dated_copy(table, actor, hit, event).id
                side[n] = copies[key]


def _tenure_on(actor: Actor, event: Event, kb: KnowledgeBase) -> PhraseHit | None:
    """The KB row of a person actor valid through the event's period (its day, or the whole week, month or
    year the text gives), when it codes them otherwise than the article's date does."""
    name = actor.evidence.get("kb_name")
    if actor.kind != "person" or actor.evidence.get("source") != "kb" or not name or not event.date:
        return None
    rows = [h for h in kb.lookup(name) if h.entry.kind == "person" and h.entry.name == name]
    first, last = pick(rows, event.date), pick(rows, _period_end(event.date, event.granularity))
    if first is None or last is None:
        return None
    coded = [kb_person_actor(day, hit, Description()) for day, hit in ((event.date, first),
                                                                   (_period_end(event.date, event.granularity), last))]
    if len({(a.code, a.sector, a.role) for a in coded}) > 1:
        return None  # "in 2009": an office that began or ended within the year says nothing sure
    return first if (coded[0].code, coded[0].sector) != (actor.code, actor.sector) else None


def _period_end(date: str, granularity: str | None) -> str:
    """The last day of the period an event's date stands for."""
    day = dt.date.fromisoformat(date[:10])
    if granularity == "year":
        return f"{day.year}-12-31"
    if granularity == "month":
        return f"{day.year}-{day.month:02d}-{calendar.monthrange(day.year, day.month)[1]:02d}"
    if granularity == "week":
        return (day + dt.timedelta(days=6)).isoformat()
    return day.isoformat()


def _add_dated_copy(table: ActorTable, actor: Actor, hit: PhraseHit, event: Event) -> Actor:
    assert event.date is not None
    dated = kb_person_actor(event.date, hit, Description())
    number = len(table.actors) + 1
    while table.get(f"a{number}") is not None:
        number += 1
    dated.id, dated.name = f"a{number}", actor.name
    dated.mentions = [m for m in actor.mentions if event.start <= m.start and m.end <= event.end]
    dated.evidence |= {"rule": "office held on the event's date", "date": event.date, "same_person_as": actor.id}
    table.add(dated)
    return dated
