"""The one quotation pairer every stage reads (newsgraph.language.quotation): no model needed, a tokenizer is."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.language.quotation import quotation


@pytest.fixture(scope="module")
def tokenizer() -> spacy.language.Language:
    return spacy.blank("en")


def quoted_words(doc: Doc) -> list[str]:
    return [t.text for t in doc if quotation(doc).inside(t)]


def quoted_texts(doc: Doc) -> list[str]:
    return [doc.text[s:e] for s, e in quotation(doc).ranges]


def test_straight_marks(tokenizer):
    doc = tokenizer('The mayor said "the bridge opens in June" at a briefing.')
    assert quoted_texts(doc) == ["the bridge opens in June"]
    assert quoted_words(doc) == ["the", "bridge", "opens", "in", "June"]


def test_curly_marks(tokenizer):
    doc = tokenizer("\u201cWe are ready,\u201d the coach told reporters after the \u2018long\u2019 session.")
    assert quoted_texts(doc) == ["We are ready,", "long"]
    assert "coach" not in quoted_words(doc)


def test_a_quote_split_by_its_tag(tokenizer):
    doc = tokenizer('"The harvest was poor," said the farmer, "and prices keep falling."')
    assert quoted_texts(doc) == ["The harvest was poor,", "and prices keep falling."]
    assert not {"said", "the", "farmer"} & set(quoted_words(doc))


def test_a_quote_reopened_in_the_next_paragraph_ends_at_its_closing_mark(tokenizer):
    doc = tokenizer('"The river rose overnight and we left our homes.\n\n'
                    '"Nobody came to help us," said the villager. Rescue boats arrived on Tuesday.')
    quoted = quotation(doc)
    assert len(quoted.spans) == 1 and len(quoted.spans[0].parts) == 2  # one quote over two paragraphs
    assert quoted_texts(doc) == ["The river rose overnight and we left our homes.", "Nobody came to help us,"]
    assert not {"said", "villager", "Rescue", "boats", "arrived", "Tuesday"} & set(quoted_words(doc))


@pytest.mark.parametrize("text", [
    'The council called the plan "unworkable and adjourned.\n\nMembers vote next week.',
    "The rebels' leader owns a 12\" screen. Members vote next week.",
])
def test_an_unbalanced_mark_quotes_nothing_after_it(tokenizer, text):
    doc = tokenizer(text)
    assert quoted_words(doc) == []


def test_paired_once_per_doc(tokenizer):
    doc = tokenizer('"Yes," she said.')
    assert quotation(doc) is quotation(doc)
    assert quotation(doc).inside_mask == (False, True, True, False, False, False, False)
