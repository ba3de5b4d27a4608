"""The extraction pipeline: read → clean → parse → actors → dates → events → quotes.

Cleaning works on raw text lines, so it runs before spaCy; the rest are the spaCy components of
:mod:`newsgraph.components`, run with ``nlp.pipe`` exactly as a spaCy user would run them, and the
article record is built from the Doc's extensions.
"""
from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from .components import STAGES, add_stages, stages_of
from .records import PIPELINE_VERSION, Article, RawArticle, ReadFailure, content_hash
from .resources import Resources
from .stages.clean import CleanText, clean_article
from .stages.lookups import text_length
from .stages.parse import get_nlp

log = logging.getLogger(__name__)


@lru_cache(maxsize=2)
def pipeline_for(resources: Resources) -> Language:
    """The English model's components (shared, not copied) followed by newsgraph's, using `resources`."""
    base = get_nlp()
    # A Language of the model's own class on its vocab and tokenizer: spacy.blank would build a tokenizer of its
    # own first (some 4,000 special cases, a tenth of a second of every run) only to have it replaced.
    nlp = type(base)(vocab=base.vocab, create_tokenizer=lambda _: base.tokenizer)
    for name in base.pipe_names:
        nlp.add_pipe(name, source=base)
    add_stages(nlp, resources)
    resources.kb.matcher(nlp.vocab)  # the phrase indexes built now, so that they are frozen with the rest
    resources.kb.role_matcher(nlp.vocab)
    # The model, the resources and their indexes live as long as the process: out of the collector's sight, no
    # full collection walks them again while articles are extracted (~0.15 s each, one per 100 articles or so).
    gc.freeze()
    return nlp


SECTION_CHARS = 100_000
"""Longer cleaned texts are parsed by spaCy in sections of at most this many characters, cut at paragraph
breaks, and joined into one Doc before newsgraph's stages run: the parse of a paragraph never depends on
text that far away, spaCy's ``max_length`` (1,000,000) is never reached, and its memory stays bounded."""

MAX_ARTICLE_CHARS = 5_000_000
"""A cleaned text longer than this is recorded as failed, not extracted: about 1,000 pages, far beyond any
article, and around ten minutes of one core."""


class ArticleTooLongError(ValueError):
    """A cleaned text over MAX_ARTICLE_CHARS: split the input into several articles."""


def extract(
    raws: Iterable[RawArticle],
    *,
    batch_size: int = 32,
    resources: Resources | None = None,
    on_failure: Callable[[ReadFailure], None] | None = None,
    model: bool | None = None,
) -> Iterator[Article]:
    """Turn raw articles into article records, parsing them in batches.

    With `on_failure`, an article whose extraction raises is reported there and
    skipped, so one bad article never stops a corpus; without it the error propagates.
    `model`: run the learned event scorer (None: $NEWSGRAPH_MODEL, else off), when `resources` are not given.
    """
    resources = resources or Resources.load(model=model)
    nlp = pipeline_for(resources)
    version = resources.pipeline_version
    sections = _sections(nlp, raws, resources, on_failure)
    parsed = (doc for batch in _batches(sections, batch_size, SECTION_CHARS)
              for doc in nlp.pipe(batch, batch_size=len(batch), disable=list(STAGES)))
    for doc in _pipe(nlp, _joined(parsed), batch_size, on_failure):
        raw, clean = doc.user_data["newsgraph_input"]
        try:
            record = build_record(raw, clean, doc, version=version)
        except Exception as exc:
            if on_failure is None:
                raise
            _report(on_failure, raw, exc)
            continue
        yield record


def split_sections(text: str, size: int) -> list[str]:
    """`text` in consecutive pieces of at most `size` characters that join back to it exactly, each ending
    after the last paragraph break of its second half (else a line break, a sentence end, a space; a text
    with none of them is cut mid-word)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = next((found + len(sep) for sep in ("\n\n", "\n", ". ", " ")
                    if (found := window.rfind(sep, size // 2)) >= 0), size)
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _sections(nlp: Language, raws: Iterable[RawArticle], resources: Resources,
              on_failure: Callable[[ReadFailure], None] | None) -> Iterator[Doc]:
    """Each article's cleaned text as unparsed section Docs; the first carries the article and the count."""
    for raw in raws:
        try:
            clean = clean_article(raw, rules=resources.boilerplate)
            if len(clean.text) > MAX_ARTICLE_CHARS:
                raise ArticleTooLongError(f"the cleaned text has {len(clean.text):,} characters, over the maximum "
                                          f"of {MAX_ARTICLE_CHARS:,}: split it into several articles")
        except Exception as exc:
            if on_failure is None:
                raise
            _report(on_failure, raw, exc)
            continue
        pieces = split_sections(clean.text, SECTION_CHARS)
        for number, piece in enumerate(pieces):
            doc = nlp.make_doc(piece)
            if number == 0:
                doc.user_data["newsgraph_input"] = (raw, clean, len(pieces))
            yield doc


def _batches(docs: Iterable[Doc], size: int, chars: int) -> Iterator[list[Doc]]:
    """Docs in batches of at most `size` docs and, past the first doc, `chars` characters: spaCy's memory
    grows with a batch's text, and the sections of one long article must not make one huge batch."""
    batch: list[Doc] = []
    total = 0
    for doc in docs:
        length = text_length(doc)
        if batch and (len(batch) == size or total + length > chars):
            yield batch
            batch, total = [], 0
        batch.append(doc)
        total += length
    if batch:
        yield batch


def _joined(parsed: Iterable[Doc]) -> Iterator[Doc]:
    """The parsed sections of each article joined into one Doc (offsets shifted by spaCy's Doc.from_docs)."""
    group: list[Doc] = []
    for doc in parsed:
        group.append(doc)
        raw, clean, count = group[0].user_data["newsgraph_input"]
        if len(group) < count:
            continue
        joined = group[0] if count == 1 else Doc.from_docs(  # type: ignore[call-arg]  # the stub lacks `exclude`
            group, ensure_whitespace=False, exclude=["user_data"])
        joined.user_data["newsgraph_input"] = (raw, clean)
        joined._.published = raw.published
        group = []
        yield joined


def _pipe(nlp: Language, docs: Iterable[Doc], batch_size: int, on_failure: Callable[[ReadFailure], None] | None
          ) -> Iterator[Doc]:
    """newsgraph's stages over parsed Docs; with `on_failure`, a stage that raises on a doc costs that doc only."""
    parser = [name for name in nlp.pipe_names if name not in STAGES]
    if on_failure is None:
        yield from nlp.pipe(docs, batch_size=batch_size, disable=parser)
        return

    def handle(name: str, proc: Any, failed: list[Doc], exc: Exception) -> None:
        for doc in failed:
            _report(on_failure, doc.user_data["newsgraph_input"][0], exc)

    for stage in stages_of(nlp):
        stage.set_error_handler(handle)
    try:
        yield from nlp.pipe(docs, batch_size=batch_size, disable=parser)
    finally:
        for stage in stages_of(nlp):
            stage.set_error_handler(raise_error)


def _report(on_failure: Callable[[ReadFailure], None], raw: RawArticle, exc: Exception) -> None:
    log.exception("extraction failed for %s", raw.origin)
    on_failure(ReadFailure(origin=raw.origin, reason=f"extraction failed: {type(exc).__name__}: {exc}"))


def build_record(raw: RawArticle, clean: CleanText, doc: Doc, *, version: str = PIPELINE_VERSION) -> Article:
    """The article record, from the cleaned text and the Doc's extensions; `version`: its pipeline_version."""
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
        pipeline_version=version,
    )


def extract_text(text: str, *, published: str | None = None, title: str | None = None, origin: str = "<text>",
                 resources: Resources | None = None, model: bool | None = None) -> Article:
    """Extract one article given as a string (the Python twin of `newsgraph extract -`)."""
    raw = RawArticle(origin=origin, text=text, title=title, published=published)
    return next(extract([raw], resources=resources, model=model))
