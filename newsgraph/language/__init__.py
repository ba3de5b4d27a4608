"""Facts about English text that several stages read: quotation, reporting verbs, modality, lemmas.

Not a stage: each stage asks these once per Doc or per token, so they agree on what is quoted,
what reports speech, what is not (yet) a fact, and which lemma a mis-lemmatised word has.
"""
from __future__ import annotations

from .quotation import Quotation, QuotedSpan, find_quoted_spans, quotation

__all__ = ["Quotation", "QuotedSpan", "find_quoted_spans", "quotation"]
