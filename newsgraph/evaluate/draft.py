"""Draft gold files: the system's own output in the gold format, for a person to correct.

Writing gold from scratch is slow; correcting a draft is quicker. A draft carries
``"draft": true`` and ``evaluate`` refuses it until a person has checked it and removed the mark,
so the system is never scored against its own unchecked output.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..records import PIPELINE_VERSION, Actor, Article, Event, Quote
from .gold import ARTICLE_SUFFIXES, GoldError, gold_path_of
from .scoring import is_claim, normalise_code
from .system import run_system

UNKNOWN = "?"  # a side or speaker the system could not code; the schema rejects it as a code once undrafted
EVIDENCE_CHARS = 200
DRAFT_NOTE = ("Draft written by newsgraph {version} from its own output. Check it against the article: add what it "
              "missed, delete what it invented, fix codes and dates (a '?' code is a side the system could not "
              "code), set required=false for background, planned or arguable events, then delete the "
              '"draft": true line.')


def draft_gold(article: Article, *, doc: str) -> dict[str, Any]:
    """The gold file a record would be if it were right; ``doc`` is the article's file name."""
    codes = {a.id: normalise_code(a.code) or UNKNOWN for a in article.actors}
    names = {a.id: a.name for a in article.actors}
    events = {json.dumps(e, sort_keys=True): e for e in (draft_event(e, codes) for e in article.events)}
    return {
        "doc": doc,
        "published": article.published,
        "note": DRAFT_NOTE.format(version=PIPELINE_VERSION),
        "draft": True,
        # the reader's date line is not noise in the text: the gold's boilerplate is the lines cleaning dropped
        "boilerplate": [r.text for r in article.removed if r.reason != "date line"],
        "actors": [draft_actor(a) for a in article.actors],
        "events": list(events.values()),
        "quotes": [draft_quote(q, names) for q in article.quotes],
    }


def draft_actor(actor: Actor) -> dict[str, Any]:
    aliases = dict.fromkeys(m.text for m in actor.mentions if m.via in ("name", "alias") and m.text != actor.name)
    return {"name": actor.name, "aliases": list(aliases), "kind": actor.kind, "code": normalise_code(actor.code),
            "role": actor.role}


def draft_event(event: Event, codes: dict[str, str]) -> dict[str, Any]:
    """A gold event from a system event; events not told as facts become required=false."""
    evidence = " ".join(event.sentence.split())
    if len(evidence) > EVIDENCE_CHARS:
        evidence = evidence[: EVIDENCE_CHARS - 1] + "…"
    return {
        "source": [codes.get(x, UNKNOWN) for x in event.source],
        "type": event.type,
        "target": [codes.get(x, UNKNOWN) for x in event.target],
        "date": event.date if event.granularity == "day" else None,
        "required": is_claim(event.qualifiers),
        "evidence": evidence,
    }


def draft_quote(quote: Quote, names: dict[str, str]) -> dict[str, Any]:
    speaker = quote.speaker_name or names.get(quote.speaker or "") or UNKNOWN
    return {"speaker": speaker, "kind": quote.kind, "required": quote.kind != "indirect", "text": quote.text}


def write_drafts(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Write ``X.gold.json`` drafts beside the articles ``paths`` in one pipeline run: (written, failures).

    An existing gold file is only replaced when it is itself still a draft.
    """
    articles = [Path(p) for p in paths]
    for article in articles:
        if article.suffix not in ARTICLE_SUFFIXES or not article.is_file():
            raise GoldError(f"{article}: not an article file (.txt, .html) to draft gold for")
        gold = gold_path_of(article)
        if gold.exists() and not is_draft(gold):
            raise GoldError(f"{gold} exists and is not a draft; delete it first if you want a new draft")
    run = run_system(articles)
    written = []
    for article in articles:
        if (record := run.records.get(str(article))) is None:
            continue
        gold = gold_path_of(article)
        text = json.dumps(draft_gold(record, doc=article.name), ensure_ascii=False, indent=1)
        gold.write_text(text + "\n", encoding="utf-8")
        written.append(gold)
    return written, run.failures


def is_draft(gold_path: Path) -> bool:
    try:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("draft") is True
