"""Crossed whole articles for who is meant and who said it: written by engineers who did not change the resolver.

At stop 24 five writers, each in the house style of other outlets and regions, wrote two wire-length articles each
(tests/fixtures/crossed/speakers.WRITER.yaml) with the people who act or speak, their quotes and descriptions whose
code a reader knows, committed before the system ran on them; one engineer who wrote none of them fixed actor
resolution and quote attribution against the files of writers w6-w9, and writer w10's file was held back to the end
of the stop and measured as unseen. Checked as tests/test_article_speakers.py checks its articles.
"""
from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES
from test_article_speakers import CHECKS, article_outcomes, assert_share_meets_floor, assert_well_formed

FILES = sorted((FIXTURES / "crossed").glob("speakers.*.yaml"))
ARTICLES = [entry for path in FILES for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["articles"]]
# First run -> end of stop 24, w6-w9 (eight articles): people 48 -> 52 of 57, quotes 59 -> 69 of 80, mentions 9 -> 10
# of 18; the held-out w10 (two articles): people 11 -> 11 of 14, quotes 15 -> 16 of 22, mentions 2 -> 2 of 5. All five
# at the end: people 63 of 71 (0.89), quotes 85 of 102 (0.83), mentions 12 of 23 (0.52).
FLOORS = {"people": 0.86, "mentions": 0.47, "quotes": 0.81}


@pytest.fixture(scope="module")
def outcomes(extract_text) -> list[tuple[str, str, str, bool]]:
    return article_outcomes(extract_text, ARTICLES)


def test_articles_are_well_formed():
    assert len(FILES) >= 4
    assert_well_formed(ARTICLES)


@pytest.mark.parametrize("key", sorted(CHECKS))
def test_crossed_article_checks_hold_their_floor(outcomes, key):
    assert_share_meets_floor(outcomes, key, FLOORS[key])
