"""Requests told in article shape: a passive's "to" clause after its "by" phrase, a counted target that two
requesters address, "the warring sides", a request noun whose "for" object is its clause's subject, and a call
whose "to" clause is what is asked (not a phone call). Sentences written for these tests, not taken from any corpus.
"""
from __future__ import annotations

import pytest

PUBLISHED = "2025-06-12"


def claims(extract_text, text: str) -> set[tuple[str | None, str, str | None]]:
    """(source, type, target) codes of the article's claims, one per source and target."""
    article = extract_text(text, published=PUBLISHED)
    code = {a.id: a.code for a in article.actors}
    return {(code[s], e.type, code[t] if t else None) for e in article.events if e.is_claim
            for s in e.source for t in (e.target or [None])}


@pytest.mark.parametrize(("text", "wanted"), [
    ("Kosovo was asked by the European Union on Friday to pull its special police out of the north.",
     ("EU", "REQUEST", "XKX")),
    ("Iran was told by the IAEA on Monday to give inspectors access to the Fordow site.",
     ("IAEA", "REQUEST", "IRN")),
    ("Qatar, which had been asked by Washington to expel the group's leaders, said it would review its role.",
     ("USA", "REQUEST", "QAT")),
])
def test_a_passive_request_s_to_clause_after_its_by_phrase_is_still_what_is_asked(extract_text, text, wanted):
    assert wanted in claims(extract_text, text)


def test_a_by_phrase_before_a_purpose_clause_makes_no_request(extract_text):
    text = "Troops were sent by Russia on Monday to attack Ukraine's east."
    assert not {c for c in claims(extract_text, text) if c[1] == "REQUEST"}


@pytest.mark.parametrize(("text", "asker", "sides"), [
    ("Sudan's army walked out of talks with the Rapid Support Forces on Wednesday. Hours later, Riyadh and "
     "Washington urged both sides to return to the table.", "SAU", {"SDN", "RSF"}),
    ("Armenian and Azerbaijani troops exchanged fire along the border on Sunday. France and Germany called on "
     "both sides to pull back their forces.", "FRA", {"ARM", "AZE"}),
])
def test_a_counted_target_of_two_askers_is_the_sides_named_before_them(extract_text, text, asker, sides):
    asked = {c[2] for c in claims(extract_text, text) if c[:2] == (asker, "REQUEST")}
    assert sides <= asked


@pytest.mark.parametrize(("text", "asker", "sides"), [
    ("Fighting between Sudan's army and the Rapid Support Forces entered its third week on Saturday. The African "
     "Union called on the warring sides to agree a lasting truce.", "AU", {"SDN", "RSF"}),
    ("Clashes between Ethiopian troops and Eritrean forces spread along the border on Monday. Kenya urged the "
     "warring parties to stop the fighting at once.", "KEN", {"ETH", "ERI"}),
])
def test_the_warring_sides_are_the_sides_of_the_fight_told_before(extract_text, text, asker, sides):
    asked = {c[2] for c in claims(extract_text, text) if c[:2] == (asker, "REQUEST")}
    assert sides <= asked


def test_warring_sides_with_no_sides_named_ask_nobody(extract_text):
    text = "The pope called on the warring sides to lay down their arms."
    assert not {c for c in claims(extract_text, text) if c[1] == "REQUEST" and c[2] is not None}


@pytest.mark.parametrize(("text", "wanted"), [
    ("Turkey repeated its call for Sweden to extradite dozens of people it accuses of terrorism.",
     ("TUR", "REQUEST", "SWE")),
    ("Poland renewed its demand for Germany to pay reparations for the wartime occupation.",
     ("POL", "REQUEST", "DEU")),
])
def test_a_request_noun_s_for_object_is_its_clause_s_subject(extract_text, text, wanted):
    assert wanted in claims(extract_text, text)


@pytest.mark.parametrize(("text", "wanted"), [
    ("Ugandan President Yoweri Museveni faced calls from the United States on Thursday to repeal the law.",
     ("USA", "REQUEST", "UGA")),
    ("Israel's prime minister faced calls from France and Britain to let aid trucks into Gaza.",
     ("FRA", "REQUEST", "ISR")),
])
def test_calls_told_with_what_they_ask_are_requests_not_phone_calls(extract_text, text, wanted):
    found = claims(extract_text, text)
    assert wanted in found
    assert not {c for c in found if c[1] == "CONSULT"}


@pytest.mark.parametrize("text", [
    "Joe Biden had a call with Benjamin Netanyahu on Monday to discuss the hostage deal.",
    "In a call on Monday to discuss the grain corridor, Erdogan told Putin the deal should be extended.",
])
def test_a_call_held_to_discuss_something_stays_a_phone_call(extract_text, text):
    found = claims(extract_text, text)
    assert {c for c in found if c[1] == "CONSULT"}


@pytest.mark.parametrize(("text", "wanted"), [
    ("The Organization of American States adopted a resolution on Wednesday that urged Venezuela's electoral "
     "authorities to publish the tallies.", ("OAS", "REQUEST", "VEN")),
    ("The U.N. General Assembly passed a resolution which demanded that Russia withdraw its troops.",
     ("UN", "REQUEST", "RUS")),
    ("The Arab League issued a statement that condemned Israel's strikes on Lebanon.", ("LAS", "ACCUSE", "ISR")),
])
def test_a_text_a_side_issued_acts_for_it_in_its_relative_clause(extract_text, text, wanted):
    assert wanted in claims(extract_text, text)


@pytest.mark.parametrize(("text", "wanted"), [
    ("Donald Trump said he had told Benjamin Netanyahu there would be no more strikes on Iran and that the "
     "Israeli jets must turn around.", ("USA", "REQUEST", "ISR")),
    ("Germany said the talks had failed and that Russia must withdraw its troops from Ukraine.",
     ("DEU", "REQUEST", "RUS")),
    ("Kenya said it had paid its share and that Uganda should pay the rest.", ("KEN", "REQUEST", "UGA")),
])
def test_a_demand_coordinated_with_a_reported_clause_is_reported_too(extract_text, text, wanted):
    assert wanted in claims(extract_text, text)


def test_a_demand_coordinated_with_the_narrator_s_own_clause_is_no_one_s_request(extract_text):
    text = "Britain condemned the seizure, and Iran must now release the sailors, the paper wrote."
    assert ("GBR", "REQUEST", "IRN") not in claims(extract_text, text)


@pytest.mark.parametrize(("text", "asker", "sides"), [
    ("Israeli air strikes and Hezbollah rocket fire continued across the border on Tuesday. The U.N. mission "
     "urged all parties to stop firing.", "UN", {"ISR", "HEZBOLLAH"}),
    ("Indian shelling and Pakistani drone attacks went on through the night. Saudi Arabia called on all sides to "
     "return to the ceasefire line.", "SAU", {"IND", "PAK"}),
])
def test_all_parties_are_the_sides_whose_acts_were_told_together(extract_text, text, asker, sides):
    asked = {c[2] for c in claims(extract_text, text) if c[:2] == (asker, "REQUEST")}
    assert sides <= asked


def test_all_countries_are_not_the_states_named_before(extract_text):
    text = ("Chinese and Russian warships held drills in the Sea of Japan. The United States urged all countries to "
            "respect freedom of navigation.")
    assert not {c for c in claims(extract_text, text) if c[:2] == ("USA", "REQUEST") and c[2] in ("CHN", "RUS")}
