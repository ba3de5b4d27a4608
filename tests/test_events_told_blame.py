"""Blame and refusal as articles tell them: a judgement in a told clause ("said the raid was an act of piracy",
"said the tests posed a threat"), a wrong borne ("bore responsibility for the violence"), a deplored clause
("regretted that Belgium had sided with ..."), a claim retold and denied beside a told clause ("..., a claim
Bangkok denied"), and the negatives that look like them.

Hand-built actor tables as in test_events.py; sentences written for these tests.
"""
from __future__ import annotations

import pytest
from test_events import find, run


def _claimed(results, etype: str) -> set[tuple[frozenset[str], frozenset[str]]]:
    return {(s, t) for e, s, t in results if e.type == etype and e.is_claim}


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Tokyo said Beijing's seizure of the trawler was an act of blackmail.", {"Tokyo": "JPN", "Beijing": "CHN"},
     "JPN", "CHN"),
    ("Vilnius said the balloon flights from Belarus were acts of hybrid aggression by Minsk.",
     {"Vilnius": "LTU", "Belarus": "BLR", "Minsk": "BLR"}, "LTU", "BLR"),
    ("Manila said China's blockade of the shoal amounted to coercion.", {"Manila": "PHL", "China": "CHN"},
     "PHL", "CHN"),
    ("Seoul said Pyongyang's missile tests posed a threat to the whole region.", {"Seoul": "KOR", "Pyongyang": "PRK"},
     "KOR", "PRK"),
    ("Baku said Armenia's arms purchases from France constituted a dangerous provocation.",
     {"Baku": "AZE", "Armenia": "ARM", "France": "FRA"}, "AZE", "ARM"),
    ("Bogota said Caracas's closure of the border crossings was a reckless escalation.",
     {"Bogota": "COL", "Caracas": "VEN"}, "COL", "VEN"),
])
def test_a_told_act_judged_in_condemning_words_accuses_its_doer(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Georgetown said Venezuela's referendum on the border region was a threat to peace.",
     {"Georgetown": "GUY", "Venezuela": "VEN"}, "GUY", "VEN"),
    ("Madrid said Morocco's conduct at the border fence was unacceptable.", {"Madrid": "ESP", "Morocco": "MAR"},
     "ESP", "MAR"),
])
def test_a_thing_a_side_owns_judged_in_condemning_words_accuses_the_owner(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


@pytest.mark.parametrize(("text", "actors"), [
    ("Nairobi said Uganda's new rail link was an act of friendship.", {"Nairobi": "KEN", "Uganda": "UGA"}),
    ("Ottawa said the talks with Washington posed a difficult challenge.", {"Ottawa": "CAN", "Washington": "USA"}),
    ("Brasilia said Argentina's economy was in a dangerous state.", {"Brasilia": "BRA", "Argentina": "ARG"}),
    ("Delhi said its own decision to halt the exports was a mistake.", {"Delhi": "IND", "its": "IND"}),
])
def test_praise_neutral_or_own_judgements_accuse_nobody(nlp, text, actors):
    assert not _claimed(run(nlp, text, actors), "ACCUSE")


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Brussels said Minsk bore full responsibility for the violence at the border.",
     {"Brussels": "EU/organisation", "Minsk": "BLR"}, "EU", "BLR"),
    ("Kinshasa said Kigali carried the blame for the massacre in the east.", {"Kinshasa": "COD", "Kigali": "RWA"},
     "COD", "RWA"),
])
def test_a_side_said_to_bear_responsibility_for_a_wrong_is_accused(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "ACCUSE", {source}, {target}).mode == "allege"


def test_bearing_responsibility_for_no_wrong_accuses_nobody(nlp):
    results = run(nlp, "Berlin said Paris bore responsibility for the summit's security.",
                  {"Berlin": "DEU", "Paris": "FRA"})
    assert not _claimed(results, "ACCUSE")


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Seoul regretted that Tokyo had again laid claim to the islets in its defence paper.",
     {"Seoul": "KOR", "Tokyo": "JPN", "its": "JPN"}, "KOR", "JPN"),
    ("Rabat deplored that Algeria had hosted the rebel leader in a hospital.", {"Rabat": "MAR", "Algeria": "DZA"},
     "MAR", "DZA"),
    ("Kigali's foreign ministry said it regretted that Brussels had sided with Kinshasa.",
     {"Kigali": "RWA", "it": "RWA", "Brussels": "BEL", "Kinshasa": "COD"}, "RWA", "BEL"),
])
def test_deploring_what_another_side_did_accuses_it(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "ACCUSE", {source}, {target}).mode == "disapprove"


@pytest.mark.parametrize(("text", "actors"), [
    ("Lima regretted that the talks had failed to produce a deal.", {"Lima": "PER"}),
    ("Quito regretted that it could not attend the summit.", {"Quito": "ECU", "it": "ECU"}),
])
def test_deploring_an_unowned_or_own_outcome_accuses_nobody(nlp, text, actors):
    assert not _claimed(run(nlp, text, actors), "ACCUSE")


@pytest.mark.parametrize(("text", "actors", "denier", "teller"), [
    ("Algiers said Moroccan drones had struck a convoy in the desert, a charge that Rabat disputed.",
     {"Algiers": "DZA", "Moroccan": "MAR", "Rabat": "MAR"}, "MAR", "DZA"),
    ("Kyiv said Russian troops had executed prisoners near the river, an allegation Moscow rejected.",
     {"Kyiv": "UKR", "Russian": "RUS", "Moscow": "RUS"}, "RUS", "UKR"),
    ("Phnom Penh said Thai soldiers had laid new mines along the border, a claim Bangkok denied.",
     {"Phnom Penh": "KHM", "Thai": "THA", "Bangkok": "THA"}, "THA", "KHM"),
])
def test_a_telling_denied_beside_it_is_rejected_and_accuses(nlp, text, actors, denier, teller):
    results = run(nlp, text, actors)
    find(results, "REJECT", {denier}, {teller})
    find(results, "ACCUSE", {teller}, {denier})


def test_a_telling_not_denied_accuses_nobody(nlp):
    results = run(nlp, "Bogota said Venezuela had moved troops to the border, a claim Caracas did not deny.",
                  {"Bogota": "COL", "Venezuela": "VEN", "Caracas": "VEN"})
    assert not _claimed(results, "ACCUSE")
    assert not _claimed(results, "REJECT")


def test_a_telling_confirmed_beside_it_is_no_rejection(nlp):
    results = run(nlp, "Nairobi said Somalia had agreed to reopen the border, a claim Mogadishu later confirmed.",
                  {"Nairobi": "KEN", "Somalia": "SOM", "Mogadishu": "SOM"})
    assert not _claimed(results, "REJECT")
    assert not _claimed(results, "ACCUSE")


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Tbilisi's opposition branded Moscow's referendum in Abkhazia a sham.",
     {"Tbilisi": "GEO", "Moscow": "RUS", "Abkhazia": "GEO"}, "GEO", "RUS"),
    ("Kyiv called the Kremlin's offer of a holiday truce a cynical stunt.", {"Kyiv": "UKR", "Kremlin": "RUS"},
     "UKR", "RUS"),
    ("Juba said Khartoum's arrest of the rebel negotiators had abrogated the peace deal.",
     {"Juba": "SSD", "Khartoum": "SDN"}, "SSD", "SDN"),
])
def test_words_of_blame_in_the_complement_accuse(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Tokyo's decision to release the treated water prompted protests from Beijing.",
     {"Tokyo": "JPN", "Beijing": "CHN"}, "CHN", "JPN"),
    ("Israel's strike on the port of Hodeidah sparked condemnation from Iran.",
     {"Israel": "ISR", "Hodeidah": "YEM", "Iran": "IRN"}, "IRN", "ISR"),
])
def test_an_act_that_prompts_condemnation_is_its_doers(nlp, text, actors, source, target):
    results = run(nlp, text, actors)
    find(results, "ACCUSE", {source}, {target})
    assert (frozenset({source}), frozenset({"YEM"})) not in _claimed(results, "ACCUSE")


def test_an_act_said_to_amount_to_terrorism_accuses_its_doer(nlp):
    results = run(nlp, "Warsaw said Moscow's sabotage of the rail lines amounted to state terrorism.",
                  {"Warsaw": "POL", "Moscow": "RUS"})
    find(results, "ACCUSE", {"POL"}, {"RUS"})


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Niamey said it would not comply with the ECOWAS order to restore the president.",
     {"Niamey": "NER", "it": "NER", "ECOWAS": "ECOWAS/organisation"}, "NER", "ECOWAS"),
    ("Bamako refused to comply with the Security Council's demand.",
     {"Bamako": "MLI", "Security Council": "UN/organisation"}, "MLI", "UN"),
])
def test_refusing_to_comply_with_an_order_rejects_its_issuer(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "REJECT", {source}, {target}).is_claim


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Accra said the incursion by Burkinabe troops into the Upper West region was unacceptable.",
     {"Accra": "GHA", "Burkinabe": "BFA"}, "GHA", "BFA"),
    ("Baghdad said the strikes by Turkey on the Sinjar district were a violation of its sovereignty.",
     {"Baghdad": "IRQ", "Turkey": "TUR", "Sinjar": "IRQ", "its": "IRQ"}, "IRQ", "TUR"),
])
def test_an_act_judged_in_condemning_words_accuses_the_doer_its_by_phrase_names(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Kyiv described Russia's strike on the children's hospital as an act of terrorism.",
     {"Kyiv": "UKR", "Russia": "RUS"}, "UKR", "RUS"),
    ("Manila described the Chinese coast guard's use of water cannon near the shoal as a brazen act of aggression.",
     {"Manila": "PHL", "Chinese coast guard": "CHN/organisation"}, "PHL", "CHN"),
    ("Seoul called Pyongyang's latest missile test a blatant provocation.", {"Seoul": "KOR", "Pyongyang": "PRK"},
     "KOR", "PRK"),
])
def test_naming_anothers_act_in_condemning_words_accuses_it(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "ACCUSE", {source}, {target}).mode == "disapprove"


@pytest.mark.parametrize(("text", "actors"), [
    ("Nairobi described Uganda's new rail link as an act of friendship.", {"Nairobi": "KEN", "Uganda": "UGA"}),
    ("Kyiv called its own counteroffensive an act of liberation.", {"Kyiv": "UKR", "its": "UKR"}),
    ("Lisbon described Spain's offer of firefighting planes as a generous act.", {"Lisbon": "PRT", "Spain": "ESP"}),
])
def test_naming_an_act_in_kind_or_own_words_accuses_nobody(nlp, text, actors):
    assert not _claimed(run(nlp, text, actors), "ACCUSE")


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Beijing will never tolerate Taiwan's independence, the defence ministry said.",
     {"Beijing": "CHN", "Taiwan": "TWN"}, "CHN", "TWN"),
    ("Moscow said it would not allow NATO's expansion to the east.",
     {"Moscow": "RUS", "it": "RUS", "NATO": "NATO/organisation"}, "RUS", "NATO"),
    ("Jerusalem said it would not accept a Turkish deployment in Gaza.",
     {"Jerusalem": "ISR", "it": "ISR", "Turkish": "TUR"}, "ISR", "TUR"),
])
def test_refusing_to_accept_another_sides_act_rejects_it(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "REJECT", {source}, {target}).is_claim


@pytest.mark.parametrize(("text", "actors"), [
    ("Kyiv will not accept the loss of its territory.", {"Kyiv": "UKR", "its": "UKR"}),
    ("Cairo said it would not accept Addis Ababa's plan if the dam were filled in a drought.",
     {"Cairo": "EGY", "it": "EGY", "Addis Ababa": "ETH"}),
    ("Ankara accepted Athens's proposal for new talks.", {"Ankara": "TUR", "Athens": "GRC"}),
])
def test_an_own_conditional_or_accepted_act_is_no_refusal(nlp, text, actors):
    assert not _claimed(run(nlp, text, actors), "REJECT")
