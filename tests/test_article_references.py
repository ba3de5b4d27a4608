"""Held-out short articles for who is meant: datelines, acronyms, descriptions, groups of states and event dates.

tests/fixtures/article_references.yaml holds articles of our own writing; people, mentions and quotes are checked
as in test_article_speakers.py, and `dates` asks that an event coded in a sentence carry the date a reader gives it.
The floors sit a little under the reached shares.
"""
from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES
from test_actor_probes import mention_ok, person_ok, quote_ok
from test_article_speakers import article_outcomes, assert_share_meets_floor

from newsgraph.records import Article

ARTICLES = yaml.safe_load((FIXTURES / "article_references.yaml").read_text(encoding="utf-8"))["articles"]


def date_ok(article: Article, expected: dict) -> bool:
    """Some event coded in the sentence holding the fragment carries the expected date."""
    return any(expected["sentence"] in event.sentence and event.date == expected["date"]
               for event in article.events)


def description_ok(article: Article, expected: dict) -> bool:
    """As mention_ok, with or without a leading "the": the actor stages keep the article of a description ("the
    bloc") and drop it before a name or a nationality ("Philippine military" in "the Philippine military")."""
    bare = _without_article(expected["text"])
    return any(mention_ok(article, {**expected, "text": form})
               for form in {expected["text"], bare, f"the {bare}", f"The {bare}"})


def _without_article(text: str) -> str:
    return text.split(" ", 1)[1] if text.split(" ", 1)[0] in ("the", "The") else text


CHECKS = {"people": person_ok, "mentions": description_ok, "quotes": quote_ok, "dates": date_ok}
# First run (stop 22, before any fix for it): people 40 of 46 (0.87), mentions 15 of 33 (0.45; 18 with the
# description check's "the" tolerance, added after), quotes 28 of 30 (0.93), dates 9 of 15 (0.60; all six misses
# are events not coded, none a wrong date). Reached: people 44 of 46 (0.96), mentions 23 of 33 (0.70), quotes 29
# of 30 (0.97), dates 9 of 15. Left open: several states under one description ("their governments", "the three
# European powers" are read by the events stage, not as one mention), "Chinese coast guard personnel", "Chinese
# carmakers", "China's top diplomat" as a mention, a U.N. mission's head. The floors sit a little under.
FLOORS = {"people": 0.91, "mentions": 0.65, "quotes": 0.93, "dates": 0.55}


@pytest.fixture(scope="module")
def outcomes() -> list[tuple[str, str, str, bool]]:
    from newsgraph import extract_text

    return article_outcomes(extract_text, ARTICLES, CHECKS)


def test_articles_are_well_formed():
    ids = [a["id"] for a in ARTICLES]
    assert len(ids) == len(set(ids))
    for entry in ARTICLES:
        assert 120 <= len(entry["text"].split()) <= 250, entry["id"]
        for quote in entry["quotes"]:
            assert quote["text"] in entry["text"], (entry["id"], quote["text"])
        for expected in entry.get("dates") or []:
            assert expected["sentence"] in entry["text"], (entry["id"], expected["sentence"])


@pytest.mark.parametrize("key", sorted(CHECKS))
def test_article_checks_hold_their_floor(outcomes, key):
    assert_share_meets_floor(outcomes, key, FLOORS[key])
