"""The extraction pipeline: read → clean → parse → actors → dates → events → quotes.

Each stage is one module with one entry point; this module only wires them in
order and batches the spaCy parse with ``nlp.pipe``.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from .stages.actors import resolve_actors
from .stages.clean import clean_article
from .stages.dates import resolve_dates
from .stages.events import code_events
from .resources.kb import KnowledgeBase, load_kb
from .stages.parse import get_nlp
from .stages.quotes import extract_quotes
from .records import Article, RawArticle, ReadFailure, content_hash

log = logging.getLogger(__name__)


def extract(
    raws: Iterable[RawArticle],
    *,
    batch_size: int = 32,
    kb: KnowledgeBase | None = None,
    on_failure: Callable[[ReadFailure], None] | None = None,
) -> Iterator[Article]:
    """Turn raw articles into article records, parsing them in batches.

    With `on_failure`, an article whose extraction raises is reported there and
    skipped, so one bad article never stops a corpus; without it the error propagates.
    """
    nlp = get_nlp()
    kb = kb or load_kb()
    cleaned = ((raw, clean_article(raw)) for raw in raws)
    pairs = ((c.text, (raw, c)) for raw, c in cleaned)
    for doc, (raw, clean) in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        try:
            record = build_record(raw, clean.text, clean.removed, doc, kb=kb, title=clean.title)
        except Exception as exc:
            if on_failure is None:
                raise
            log.exception("extraction failed for %s", raw.origin)
            on_failure(ReadFailure(origin=raw.origin, reason=f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        yield record


def build_record(raw: RawArticle, text: str, removed: list, doc: Doc, *, kb: KnowledgeBase, title: str | None) -> Article:
    """Run the stages after the parse on one document."""
    actors = resolve_actors(doc, kb=kb, published=raw.published)
    dates = resolve_dates(doc, published=raw.published)
    events = code_events(doc, actors=actors, dates=dates, published=raw.published)
    quotes = extract_quotes(doc, actors=actors)
    return Article(
        doc_id=content_hash(text),
        origin=raw.origin,
        title=title,
        published=raw.published,
        text=text,
        removed=removed,
        actors=actors.actors,
        events=events,
        quotes=quotes,
        url=raw.url,
        source_id=raw.source_id,
        warnings=list(raw.warnings),
    )


def extract_text(text: str, *, published: str | None = None, title: str | None = None, origin: str = "<text>") -> Article:
    """Extract one article given as a string (the Python twin of `newsgraph extract -`)."""
    raw = RawArticle(origin=origin, text=text, title=title, published=published)
    return next(extract([raw]))
