"""Lookups that would otherwise scan a whole document on every call, making a stage quadratic in its length.

Two traps sit in spaCy's API: ``Doc.text`` joins every token anew on each access (:func:`doc_text` keeps it),
and a scan over every quoted range per token grows with the article. Token.sent needs no help: in spaCy 3.8 it
walks only the token's own sentence.
"""
from __future__ import annotations

import bisect
from collections.abc import Collection, Iterator

from spacy.tokens import Doc, Span, Token


def range_around(ranges: list[tuple[int, int]], offset: int, *, inclusive: bool = False) -> tuple[int, int] | None:
    """The range of `ranges` (sorted, not overlapping) that holds `offset` strictly inside, or with its ends
    if `inclusive`; found by bisection, not by a scan."""
    i = bisect.bisect_right(ranges, (offset, offset)) - 1
    for start, end in ranges[max(0, i - 1): i + 2]:
        if (start <= offset <= end) if inclusive else (start < offset < end):
            return start, end
    return None


def text_length(doc: Doc) -> int:
    """``len(doc.text)`` without building the text."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


DOC_TEXT_KEY = "newsgraph.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc and kept in ``doc.user_data``: the quotes, the dates and the quotation
    marks all read it, and each access would make a Token object per word again."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if not isinstance(text, str):
        strings = doc.vocab.strings  # joined off the ORTH and SPACY arrays: no Token object per word either
        text = doc.user_data[DOC_TEXT_KEY] = "".join(strings[orth] + " " if space else strings[orth]
                                                     for orth, space in doc.to_array(["ORTH", "SPACY"]).tolist())
    return text


TOKEN_TEXTS_KEY = "newsgraph.token_texts"
LOWER_WORDS_KEY = "newsgraph.lower_words"


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, read once per Doc off its ORTH ids and kept in ``doc.user_data``: whole-document
    scans test a word before they need its Token, and ``for tok in doc`` makes a Token object per word."""
    return _strings_of(doc, "ORTH", TOKEN_TEXTS_KEY)


def lower_words(doc: Doc) -> list[str]:
    """Every token's ``lower_``, read and kept like :func:`token_texts`."""
    return _strings_of(doc, "LOWER", LOWER_WORDS_KEY)


def _strings_of(doc: Doc, attr: str, key: str) -> list[str]:
    words = doc.user_data.get(key)
    if not isinstance(words, list) or len(words) != len(doc):
        strings = doc.vocab.strings
        words = doc.user_data[key] = [strings[i] for i in doc.to_array(attr).tolist()]
    return words


LOWER_LEMMAS_KEY = "newsgraph.lower_lemmas"


def lower_lemmas(doc: Doc) -> list[str]:
    """Every token's ``lemma_.lower()``, read and kept like :func:`token_texts`."""
    lemmas = doc.user_data.get(LOWER_LEMMAS_KEY)
    if not isinstance(lemmas, list) or len(lemmas) != len(doc):
        strings = doc.vocab.strings
        lemmas = doc.user_data[LOWER_LEMMAS_KEY] = [strings[i].lower() for i in doc.to_array("LEMMA").tolist()]
    return lemmas


LEMMA_PLACES_KEY = "newsgraph.lemma_places"
CONTENT_TAGS = frozenset({"VERB", "NOUN"})


def lemma_places(doc: Doc) -> dict[str, list[int]]:
    """Where each verb or noun lemma (lower case) stands in the Doc, in text order, indexed once per Doc: a look
    back for an earlier telling of a word reads its own places, not every token before it."""
    places = doc.user_data.get(LEMMA_PLACES_KEY)
    if not isinstance(places, dict):
        places = doc.user_data[LEMMA_PLACES_KEY] = {}
        for i, (lemma, pos) in enumerate(zip(lower_lemmas(doc), pos_tags(doc), strict=True)):
            if pos in CONTENT_TAGS:
                places.setdefault(lemma, []).append(i)
    return places


def places_before(places: list[int], end: int) -> Iterator[int]:
    """The places of `places` (sorted) before `end`, the latest first, found by bisection."""
    for j in range(bisect.bisect_left(places, end) - 1, -1, -1):
        yield places[j]


POS_TAGS_KEY = "newsgraph.pos_tags"


def pos_tags(doc: Doc) -> list[str]:
    """Every token's ``pos_``, read and kept like :func:`token_texts`."""
    return _strings_of(doc, "POS", POS_TAGS_KEY)


FINE_TAGS_KEY = "newsgraph.fine_tags"


def fine_tags(doc: Doc) -> list[str]:
    """Every token's ``tag_``, read and kept like :func:`token_texts`."""
    return _strings_of(doc, "TAG", FINE_TAGS_KEY)


DEPENDENCIES_KEY = "newsgraph.dependencies"


def dependencies(doc: Doc) -> list[str]:
    """Every token's ``dep_``, read and kept like :func:`token_texts`."""
    return _strings_of(doc, "DEP", DEPENDENCIES_KEY)


def tokens_tagged(span: Span, tags: frozenset[str], deps: frozenset[str] = frozenset()) -> Iterator[Token]:
    """The tokens of `span` whose ``pos_`` is one of `tags` (or whose ``dep_`` is one of `deps`), in order: a
    per-sentence scan for verbs makes no Token object for the other words."""
    doc = span.doc
    tagged, labels = pos_tags(doc), dependencies(doc) if deps else []
    return (doc[i] for i in range(span.start, span.end) if tagged[i] in tags or (deps and labels[i] in deps))


def tokens_spelled(span: Span, words: Collection[str]) -> Iterator[Token]:
    """The tokens of `span` whose ``lower_`` is one of `words`, in order: a per-sentence scan for the words of a
    list makes no Token object for the other words."""
    doc = span.doc
    lower = lower_words(doc)
    return (doc[i] for i in range(span.start, span.end) if lower[i] in words)
