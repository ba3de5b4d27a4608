"""Lookups that would otherwise scan a whole document on every call, making a stage quadratic in its length.

Two traps sit in spaCy's API: ``Doc.text`` joins every token anew on each access (:func:`doc_text` keeps it),
and a scan over every quoted range per token grows with the article. Token.sent needs no help: in spaCy 3.8 it
walks only the token's own sentence.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc


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
