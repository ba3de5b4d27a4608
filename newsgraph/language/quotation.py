"""Quotation marks paired once per document, for every stage that asks "is this quoted?".

Straight and curly marks (and guillemets) are paired paragraph by paragraph in one pass. The
wire convention is kept: a paragraph that ends inside an open quote, followed by one that opens
with a quotation mark, continues the quote, and the sentence after its closing mark is not quoted.
A quote left open does not run past its paragraph. Single marks pair only outside double ones and
only as a quote (not an apostrophe). The result is cached on the Doc (:func:`quotation`), so actors,
events and quotes read the same pairs: character ranges and, per token, the quote it lies in.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..stages.lookups import doc_text

OPENING_DOUBLE = "“„«"
CLOSING_DOUBLE = "”»"
DOUBLE_MARKS = '"' + OPENING_DOUBLE + CLOSING_DOUBLE
SINGLE_MARKS = "'‘’‹›"
QUOTE_MARKS = frozenset(DOUBLE_MARKS + SINGLE_MARKS + "`")
# Characters that may sit right outside a quotation mark on either side.
LEFT_BOUNDARY = "([{—–-/:;" + DOUBLE_MARKS + SINGLE_MARKS
RIGHT_BOUNDARY = ".,;:!?)]}—–-…" + DOUBLE_MARKS + SINGLE_MARKS
SENTENCE_END = frozenset(".!?…")
# A single-mark quote longer than this is a run of apostrophes, not a quote.
MAX_SINGLE_QUOTE_CHARS = 300



@dataclass
class QuotedSpan:
    """Text between a pair of quotation marks; several parts when it runs over paragraphs."""

    parts: list[tuple[int, int]]  # (start, end) of the quoted text in each paragraph
    paragraph: int  # index of the paragraph where it opens

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _mark_role(text: str, i: int, lo: int, hi: int) -> str:
    """Whether the mark at `i` opens, closes, or could do either ("open" | "close" | "either" | "none")."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left_free = prev.isspace() or prev in LEFT_BOUNDARY
    right_free = nxt.isspace() or nxt in RIGHT_BOUNDARY
    if left_free and not right_free:
        return "open"
    if right_free and not left_free:
        return "close"
    if left_free and right_free:
        return "none"  # a mark standing alone between spaces
    ch = text[i]
    if ch in OPENING_DOUBLE or ch == "‘":
        return "open"
    if ch in CLOSING_DOUBLE:
        return "close"
    return "either" if ch == '"' else "none"  # a straight or curly single mark inside a word is an apostrophe


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Pair the quotation marks of `text`, paragraph by paragraph, in one pass."""
    spans: list[QuotedSpan] = []
    carried: QuotedSpan | None = None  # a quote left open at the end of the previous paragraph
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for index, (lo, hi) in enumerate(paragraphs):
        doubles, carried = _pair_doubles(text, lo, hi, index, carried)
        reopens = index + 1 < len(paragraphs) and _opens_with_double(text, *paragraphs[index + 1])
        if carried is not None and not reopens:
            if len(carried.parts) > 1:  # it ran over paragraphs but lost its last closing mark
                doubles.append(carried)
            carried = None
        spans.extend(doubles)
        spans.extend(_pair_singles(text, lo, hi, index, doubles + ([carried] if carried else [])))
    spans.sort(key=lambda s: s.start)
    return spans


def _opens_with_double(text: str, lo: int, hi: int) -> bool:
    first = text[lo:hi].lstrip()
    return bool(first) and first[0] in DOUBLE_MARKS and not first[1:2].isspace()


def _pair_doubles(
    text: str, lo: int, hi: int, index: int, carried: QuotedSpan | None
) -> tuple[list[QuotedSpan], QuotedSpan | None]:
    """Pair the double marks of one paragraph; return its quotes and the one left open, if any.

    An opening mark after a finished sentence inside an open quote (`... inquiry. "We want ...`)
    is the reopening convention of a paragraph break that the text lost: the quote goes on.
    """
    found: list[QuotedSpan] = []
    open_at: int | None = None
    chain = carried
    for n, m in enumerate(re.finditer(f"[{re.escape(DOUBLE_MARKS)}]", text[lo:hi])):
        i = lo + m.start()
        role = _mark_role(text, i, lo, hi)
        if open_at is None:
            if role in ("open", "either"):
                if n > 0 or text[lo:i].strip():
                    chain = None  # only a paragraph that opens with a mark continues the previous quote
                open_at = i
        elif role in ("close", "either"):
            found.append(_extend(chain, (open_at + 1, i), index))
            open_at, chain = None, None
        elif role == "open":
            inner = text[open_at + 1:i].rstrip()
            reopens = bool(inner) and inner[-1] in SENTENCE_END and _starts_like_a_sentence(inner)
            chain = _extend(chain, (open_at + 1, open_at + 1 + len(inner)), index) if reopens else None
            open_at = i
    if open_at is None or not _starts_like_a_sentence(text[open_at + 1:hi]):
        return found, None  # a phrase left open (`said "the talks are over.`) does not run on
    return found, _extend(chain, (open_at + 1, hi), index)


def _starts_like_a_sentence(text: str) -> bool:
    """Only a quote that opens with a capital (or a digit, a bracket) runs over a paragraph break."""
    first = text.lstrip()[:1]
    return bool(first) and not first.islower()


def _extend(chain: QuotedSpan | None, part: tuple[int, int], index: int) -> QuotedSpan:
    if chain is None:
        return QuotedSpan(parts=[part], paragraph=index)
    chain.parts.append(part)
    return chain


def _pair_singles(text: str, lo: int, hi: int, index: int, doubles: list[QuotedSpan]) -> Iterator[QuotedSpan]:
    """Single-mark quotes outside double ones (those inside are nested and stay part of the outer quote)."""
    inside = sorted((s - 1, e) for d in doubles for s, e in d.parts if lo <= s <= hi)
    next_inside = 0
    open_at: int | None = None
    for m in re.finditer(f"[{re.escape(SINGLE_MARKS)}]", text[lo:hi]):
        i = lo + m.start()
        while next_inside < len(inside) and inside[next_inside][1] < i:
            next_inside += 1
        if next_inside < len(inside) and inside[next_inside][0] <= i:
            continue
        role = _mark_role(text, i, lo, hi)
        if role == "open" and text[i + 1: i + 2].isalnum():
            open_at = i
        elif role == "close" and open_at is not None:
            if i - open_at <= MAX_SINGLE_QUOTE_CHARS:
                yield QuotedSpan(parts=[(open_at + 1, i)], paragraph=index)
            open_at = None


@dataclass(frozen=True)
class Quotation:
    """The quotes of one document and, for each token, the index of the quote it lies in (-1: none)."""

    spans: tuple[QuotedSpan, ...]
    quote_of_token: tuple[int, ...]

    @property
    def ranges(self) -> list[tuple[int, int]]:
        """Character ranges of quoted text (one per paragraph a quote runs over), marks excluded."""
        return [part for span in self.spans for part in span.parts]

    @property
    def inside_mask(self) -> tuple[bool, ...]:
        """For each token, whether it lies inside quotation marks."""
        return tuple(index != -1 for index in self.quote_of_token)

    def inside(self, tok: Token) -> bool:
        return self.quote_of_token[tok.i] != -1

    def span_of(self, tok: Token) -> QuotedSpan | None:
        index = self.quote_of_token[tok.i]
        return self.spans[index] if index != -1 else None

    def covers(self, offset: int) -> bool:
        """Whether a character offset lies in quoted text."""
        return any(s <= offset < e for s, e in self.ranges)


QUOTATION_KEY = "newsgraph.quotation"


def quotation(doc: Doc) -> Quotation:
    """The document's paired quotes, computed on first use and kept in ``doc.user_data``."""
    found = doc.user_data.get(QUOTATION_KEY)
    if not isinstance(found, Quotation):
        text = doc_text(doc)
        spans = tuple(s for s in find_quoted_spans(text) if _has_words(text, s))
        found = Quotation(spans=spans, quote_of_token=_index_tokens(doc, spans))
        doc.user_data[QUOTATION_KEY] = found
    return found


def _has_words(text: str, span: QuotedSpan) -> bool:
    return any(any(ch.isalnum() for ch in text[s:e]) for s, e in span.parts)


def _index_tokens(doc: Doc, spans: tuple[QuotedSpan, ...]) -> tuple[int, ...]:
    """Each token's quote: the words between a pair of marks (the marks themselves are outside)."""
    index = [-1] * len(doc)
    for n, span in enumerate(spans):
        for s, e in span.parts:
            part = doc.char_span(s, e, alignment_mode="expand")
            if part is None:
                continue
            for tok in part:
                if tok.text not in QUOTE_MARKS and index[tok.i] == -1:
                    index[tok.i] = n
    return tuple(index)
