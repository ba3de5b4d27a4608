"""Consultations told in article shape: the parties of talks a third side hosts or mediates consult each other too, a
go-between who shuttles or carries messages consults both sides, and a meeting told in an "after" phrase of a past
act happened. Sentences written for these tests, not taken from any corpus.
"""
from __future__ import annotations

import pytest

PUBLISHED = "2025-06-13"  # a Friday


def consultations(extract_text, text: str) -> set[frozenset[str | None]]:
    """The pairs of codes the article's CONSULT claims join, in either direction."""
    article = extract_text(text, published=PUBLISHED)
    code = {a.id: a.code for a in article.actors}
    out = set()
    for e in article.events:
        if e.type == "CONSULT" and e.is_claim:
            sides = [code[s] for s in e.source]
            out |= {frozenset((s, code[t])) for s in sides for t in e.target}
            out |= {frozenset((s, t)) for s in sides for t in sides if s != t}
    return out


@pytest.mark.parametrize(("text", "host", "parties"), [
    ("Qatar hosted indirect talks between Israel and Hamas in Doha on Thursday, a diplomat said.",
     "QAT", ("ISR", "HAMAS")),
    ("Saudi Arabia hosted a meeting between Russian and Ukrainian officials in Jeddah on Tuesday.",
     "SAU", ("RUS", "UKR")),
    ("Turkey brokered talks between Somalia and Ethiopia in Ankara on Wednesday.", "TUR", ("SOM", "ETH")),
])
def test_the_parties_of_hosted_talks_consult_each_other_and_the_host(extract_text, text, host, parties):
    found = consultations(extract_text, text)
    assert {frozenset(parties), frozenset((host, parties[0])), frozenset((host, parties[1]))} <= found


def test_a_mediation_alone_is_no_meeting_of_the_parties(extract_text):
    text = "Qatar's mediation between Rwanda and Congo produced a draft text."
    assert frozenset(("RWA", "COD")) not in consultations(extract_text, text)


@pytest.mark.parametrize(("text", "go_between", "sides"), [
    ("Iranian and American negotiators met in Muscat on Saturday without sitting in the same room. Oman's "
     "foreign minister shuttled between the two delegations.", "OMN", ("IRN", "USA")),
    ("Egypt carried messages between Israel and Hamas through the night, two officials said.", "EGY",
     ("ISR", "HAMAS")),
    ("Fighting flared between Kyrgyz and Tajik border guards this week. A Russian envoy shuttled between Bishkek "
     "and Dushanbe on Monday.", "RUS", ("KGZ", "TJK")),
])
def test_a_go_between_consults_both_sides(extract_text, text, go_between, sides):
    found = consultations(extract_text, text)
    assert {frozenset((go_between, sides[0])), frozenset((go_between, sides[1]))} <= found


@pytest.mark.parametrize(("text", "pair"), [
    ("Xi Jinping and Narendra Modi agreed to resume direct flights after their meeting in Tianjin on Sunday.",
     ("CHN", "IND")),
    ("Kenya and Uganda agreed to reopen the border after talks in Nairobi on Tuesday.", ("KEN", "UGA")),
])
def test_a_meeting_in_an_after_phrase_of_a_past_act_happened(extract_text, text, pair):
    assert frozenset(pair) in consultations(extract_text, text)


def test_a_meeting_in_an_after_phrase_of_a_future_act_is_not_claimed(extract_text):
    text = "Kenya and Uganda will reopen the border after talks in Nairobi next Tuesday."
    assert frozenset(("KEN", "UGA")) not in consultations(extract_text, text)


@pytest.mark.parametrize(("text", "pair"), [
    ("Speaking after a meeting with Xi Jinping in Beijing, Lula said Brazil would expand trade with China.",
     ("BRA", "CHN")),
    ("Speaking after talks with Keir Starmer in London, Zelensky said Ukraine needed more air defence.",
     ("UKR", "GBR")),
])
def test_a_meeting_inside_a_speaking_participle_is_the_speaker_s(extract_text, text, pair):
    assert frozenset(pair) in consultations(extract_text, text)


def test_a_mediator_s_role_in_the_present_perfect_is_no_meeting_of_the_parties(extract_text):
    text = "The EU has mediated talks between Serbia and Kosovo for more than a decade."
    assert frozenset(("SRB", "XKX")) not in consultations(extract_text, text)
