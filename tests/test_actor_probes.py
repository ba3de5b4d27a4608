"""Held-out probes for who is meant: people, descriptions and quote speakers on paragraphs written for newsgraph.

tests/fixtures/actor_probes.yaml holds short wire-style paragraphs with what a reader would code. People and
speakers are compared as `newsgraph evaluate` compares them (`same_person`: the last words agree); a mention
must be held by an actor of the expected code. The floor sits a little under the reached share.
"""
from __future__ import annotations

from collections import Counter

import pytest
import yaml
from conftest import FIXTURES

from newsgraph.evaluate.scoring import same_person
from newsgraph.records import Article

PROBES = yaml.safe_load((FIXTURES / "actor_probes.yaml").read_text(encoding="utf-8"))
# First runs (stop 20, each batch before any fix for it): batch 1 50 of 59, batch 2 18 of 22, batch 3 5 of 6,
# batch 4 12 of 17, batch 5 13 of 14, batch 6 8 of 10 (106 of 128, 0.83); reached 124 of 128 (0.97). The floor
# sits about 0.05 under.
ACCURACY_FLOOR = 0.92


def person_ok(article: Article, expected: dict) -> bool:
    namesakes = [a for a in article.actors if same_person(expected["name"], [a.name])]
    return any(a.code == expected["code"] for a in namesakes)


def mention_ok(article: Article, expected: dict) -> bool:
    holders = [a for a in article.actors if any(m.text == expected["text"] for m in a.mentions)]
    if expected["code"] is None:
        return all(a.code is None for a in holders)
    return any(a.code == expected["code"] and expected.get("sector", a.sector) == a.sector for a in holders)


def quote_ok(article: Article, expected: dict) -> bool:
    names = {a.id: a.name for a in article.actors}
    return any(expected["text"] in q.text
               and same_person(expected["speaker"], [q.speaker_name or "", names.get(q.speaker or "", "")])
               for q in article.quotes)


CHECKS = {"people": person_ok, "mentions": mention_ok, "quotes": quote_ok}


def outcomes(extract_text) -> list[tuple[str, str, str, bool]]:
    """(probe id, class, what was checked, passed) for every expectation of every probe."""
    rows = []
    for probe in PROBES["probes"]:
        article = extract_text(probe["text"], published=PROBES["published"])
        for key, check in CHECKS.items():
            for expected in probe.get(key) or []:
                what = expected.get("name") or expected.get("text")
                rows.append((probe["id"], probe["class"], f"{key}: {what}", check(article, expected)))
    return rows


@pytest.fixture(scope="module")
def probe_outcomes() -> list[tuple[str, str, str, bool]]:
    from newsgraph import extract_text

    return outcomes(extract_text)


def test_probes_are_well_formed():
    ids = [p["id"] for p in PROBES["probes"]]
    assert len(ids) == len(set(ids))
    for probe in PROBES["probes"]:
        assert any(probe.get(key) for key in CHECKS), probe["id"]
        for person in probe.get("people") or []:
            assert set(person) == {"name", "code"}, probe["id"]


def test_actor_probes_hold_their_floor(probe_outcomes):
    passed = Counter(cls for _, cls, _, ok in probe_outcomes if ok)
    total = Counter(cls for _, cls, _, _ in probe_outcomes)
    failed = [f"{pid} {what}" for pid, _, what, ok in probe_outcomes if not ok]
    share = sum(passed.values()) / sum(total.values())
    assert share >= ACCURACY_FLOOR, f"{share:.2f} < {ACCURACY_FLOOR}: {failed}"
