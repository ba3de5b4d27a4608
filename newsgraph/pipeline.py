"""The extraction pipeline: read → clean → parse → actors → dates → events → quotes.

Cleaning works on raw text lines, so it runs before spaCy; the rest are the spaCy components of
:mod:`newsgraph.components`, run with ``nlp.pipe`` exactly as a spaCy user would run them, and the
article record is built from the Doc's extensions.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from .components import STAGES, add_stages, stages_of
from .records import Article, RawArticle, ReadFailure, content_hash
from .resources import Resources
from .stages.clean import CleanText, clean_article
from .stages.parse import get_nlp

log = logging.getLogger(__name__)


@lru_cache(maxsize=2)
def pipeline_for(resources: Resources) -> Language:
    """The English model's components (shared, not copied) followed by newsgraph's, using `resources`."""
    base = get_nlp()
    nlp = spacy.blank("en", vocab=base.vocab)
    nlp.tokenizer = base.tokenizer
    for name in base.pipe_names:
        nlp.add_pipe(name, source=base)
    return add_stages(nlp, resources)


def extract(
    raws: Iterable[RawArticle],
    *,
    batch_size: int = 32,
    resources: Resources | None = None,
    on_failure: Callable[[ReadFailure], None] | None = None,
) -> Iterator[Article]:
    """Turn raw articles into article records, parsing them in batches.

    With `on_failure`, an article whose extraction raises is reported there and
    skipped, so one bad article never stops a corpus; without it the error propagates.
    """
    resources = resources or Resources.load()
    nlp = pipeline_for(resources)
    docs = (_doc(nlp, raw, clean_article(raw, rules=resources.boilerplate)) for raw in raws)
    for doc in _pipe(nlp, docs, batch_size, on_failure):
        raw, clean = doc.user_data["newsgraph_input"]
        try:
            record = build_record(raw, clean, doc)
        except Exception as exc:
            if on_failure is None:
                raise
            _report(on_failure, raw, exc)
            continue
        yield record


def _doc(nlp: Language, raw: RawArticle, clean: CleanText) -> Doc:
    doc = nlp.make_doc(clean.text)
    doc._.published = raw.published
    doc.user_data["newsgraph_input"] = (raw, clean)
    return doc


def _pipe(nlp: Language, docs: Iterable[Doc], batch_size: int, on_failure: Callable[[ReadFailure], None] | None
          ) -> Iterator[Doc]:
    """nlp.pipe; with `on_failure`, a newsgraph stage that raises on a doc costs that doc only."""
    if on_failure is None:
        yield from nlp.pipe(docs, batch_size=batch_size)
        return

    def handle(name: str, proc: Any, failed: list[Doc], exc: Exception) -> None:
        if name not in STAGES:
            raise exc
        for doc in failed:
            _report(on_failure, doc.user_data["newsgraph_input"][0], exc)

    for stage in stages_of(nlp):
        stage.set_error_handler(handle)
    try:
        yield from nlp.pipe(docs, batch_size=batch_size)
    finally:
        for stage in stages_of(nlp):
            stage.set_error_handler(raise_error)


def _report(on_failure: Callable[[ReadFailure], None], raw: RawArticle, exc: Exception) -> None:
    log.exception("extraction failed for %s", raw.origin)
    on_failure(ReadFailure(origin=raw.origin, reason=f"extraction failed: {type(exc).__name__}: {exc}"))


def build_record(raw: RawArticle, clean: CleanText, doc: Doc) -> Article:
    """The article record, from the cleaned text and the Doc's extensions."""
    return Article(
        doc_id=content_hash(clean.text),
        origin=raw.origin,
        title=clean.title,
        published=raw.published,
        text=clean.text,
        removed=clean.removed,
        actors=doc._.actors.actors,
        events=doc._.events,
        quotes=doc._.quotes,
        url=raw.url,
        source_id=raw.source_id,
        warnings=list(raw.warnings),
    )


def extract_text(text: str, *, published: str | None = None, title: str | None = None, origin: str = "<text>",
                 resources: Resources | None = None) -> Article:
    """Extract one article given as a string (the Python twin of `newsgraph extract -`)."""
    raw = RawArticle(origin=origin, text=text, title=title, published=published)
    return next(extract([raw], resources=resources))
