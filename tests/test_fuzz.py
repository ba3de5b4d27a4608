"""Hostile input, generated: any bytes or text through the readers, the cleaner and every stage gives a record
or a recorded failure, with offsets inside the text, and never raises."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.pipeline import extract
from newsgraph.records import Article, RawArticle, ReadFailure
from newsgraph.resources import Resources
from newsgraph.sources.readers import READERS, read_bytes
from newsgraph.stages.clean import clean_article

# Pieces a news text is made of, and pieces that have broken text tools: quotes of every kind left open,
# dates at the ends of the calendar, abbreviations, control and direction characters, long runs.
FRAGMENTS = [
    "Turkey accused Greece on Monday of violating its airspace. ", '"We will respond," Erdogan said. ',
    "“Unclosed quote ", "”", "'", '"', "«", "»", "\n", "\n\n", "Mr. ", "U.S. ", "on 9999-12-31 ", "0000-00-00 ",
    "February 30, 2024 ", "three days after the vote ", "he said. ", "They said it would. ", "the Israeli leader ",
    "both leaders ", "\u200f", "\u2028", "\x00", "😀", "—", "Russia's ", "NATO ", "(", ")", "a" * 300, " " * 50,
]
news_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=25).map("".join)
any_text = st.one_of(news_like, st.text(max_size=400))


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources.load()


@given(data=st.binary(max_size=3000), reader=st.sampled_from([*sorted(READERS), None]))
def test_readers_turn_any_bytes_into_articles_or_failures(data: bytes, reader: str | None) -> None:
    for item in read_bytes(data, origin="fuzz.bin", format_in=reader, published="2024-03-05"):
        assert isinstance(item, RawArticle | ReadFailure)
        if isinstance(item, RawArticle):
            assert isinstance(item.text, str)


@given(text=any_text, reader=st.sampled_from(sorted(READERS)))
def test_readers_turn_any_text_into_articles_or_failures(text: str, reader: str) -> None:
    for item in read_bytes(text.encode("utf-8", "surrogatepass"), origin="fuzz", format_in=reader):
        assert isinstance(item, RawArticle | ReadFailure)


@given(text=any_text)
def test_cleaner_only_drops_whole_lines(resources: Resources, text: str) -> None:
    clean = clean_article(RawArticle(origin="fuzz", text=text), rules=resources.boilerplate)
    lines = set(text.splitlines()) | {line.strip() for line in text.splitlines()}
    assert all(line in lines for line in clean.text.splitlines() if line.strip())


@given(text=any_text, published=st.one_of(st.none(), st.sampled_from(["2024-03-05", "9999-12-31", "0001-01-01",
                                                                      "not a date"])))
def test_every_stage_gives_a_record_with_valid_offsets_or_a_failure(resources: Resources, text: str,
                                                                    published: str | None) -> None:
    failures: list[ReadFailure] = []
    raw = RawArticle(origin="fuzz", text=text, published=published)
    records = list(extract([raw], resources=resources, on_failure=failures.append))
    assert len(records) + len(failures) == 1
    if records:
        assert_offsets_valid(records[0])


def assert_offsets_valid(article: Article) -> None:
    text = article.text
    for actor in article.actors:
        for m in actor.mentions:
            assert 0 <= m.start <= m.end <= len(text)
    for event in article.events:
        assert 0 <= event.start <= event.end <= len(text) and text[event.start:event.end] == event.sentence
    for quote in article.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert 0 <= quote.sentence_start <= quote.sentence_end <= len(text)
