"""Criticism carried by what a side says about another side or its act, not by a verb of accusing: dismay at an
act ("was appalled by"), blame said to lie with a side, a side said to use something as a weapon or to behave
like a bully, a pronoun judged "of" an act, a counted group of tellers, a "by" phrase the parser hung on the
naming verb, and a note of protest handed over; and what none of these is (sorrow at a disaster, a third party's
dismay, a standing worry, one's own act, a plan, blame for no wrong, a neutral role).

Hand-built actor tables as in test_events.py; sentences written for these tests.
"""
from __future__ import annotations

import pytest
from test_events import find, run


def _accusations(results) -> list[tuple[frozenset[str], frozenset[str]]]:
    return [(s, t) for e, s, t in results if e.type == "ACCUSE" and e.is_claim]


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Egypt's foreign minister said he was appalled by Israel's bombing of a school in Gaza City.",
     {"Egypt": "EGY", "Israel": "ISR"}, "EGY", "ISR"),
    ("Lula said Brazil was alarmed at Venezuela's arrest of opposition figures on the eve of the vote.",
     {"Lula": "BRA/person", "Brazil": "BRA", "Venezuela": "VEN"}, "BRA", "VEN"),
    ("Seoul said it was deeply disturbed by the killing of a tourist in a shooting by North Korean soldiers.",
     {"Seoul": "KOR", "North Korean": "PRK"}, "KOR", "PRK"),
    ("Ghana's interior minister said the government was outraged by the way British police had treated the "
     "visiting delegation.", {"Ghana": "GHA", "British police": "GBR/organisation"}, "GHA", "GBR"),
    ("The State Department said it was deeply concerned by China's live-fire drills around Taiwan.",
     {"State Department": "USA/organisation", "China": "CHN", "Taiwan": "TWN"}, "USA", "CHN"),
])
def test_dismay_at_another_sides_act_disapproves_of_that_side(nlp, text, actors, source, target):
    event = find(run(nlp, text, actors), "ACCUSE", {source}, {target})
    assert event.mode == "disapprove"


@pytest.mark.parametrize(("text", "actors"), [
    ("Turkey's president said he was horrified by the scale of the earthquake damage in Syria.",
     {"Turkey": "TUR", "Syria": "SYR"}),
    ("Several analysts said they were alarmed by the Russian strike on Kharkiv's power plant.",
     {"Kharkiv": "UKR", "Russian": "RUS"}),
    ("Poland's president said he would be appalled if Russia's troops crossed into Lithuania.",
     {"Poland": "POL", "Russia": "RUS", "Lithuania": "LTU"}),
    ("Italy's coach said the team was shocked by its own mistakes in the defeat to France.",
     {"Italy": "ITA", "France": "FRA"}),
    ("Japan and India are alarmed by China's military build-up in the Indian Ocean.",
     {"Japan": "JPN", "India": "IND", "China": "CHN"}),
    ("Seoul remains concerned about Pyongyang's missile programme, officials in the capital say privately.",
     {"Seoul": "KOR", "Pyongyang": "PRK"}),
])
def test_no_dismay_accuses_without_a_coded_feeler_and_another_sides_act(nlp, text, actors):
    assert not _accusations(run(nlp, text, actors))


def test_dismay_at_a_report_is_aimed_at_what_it_tells_not_at_its_author(nlp):
    text = "\"We are seriously concerned about the latest IAEA report on Iran's stockpile,\" Britain's envoy said."
    results = run(nlp, text, {"IAEA": "IAEA/organisation", "Iran": "IRN", "Britain": "GBR"})
    assert (frozenset({"GBR"}), frozenset({"IAEA"})) not in _accusations(results)
    find(results, "ACCUSE", {"GBR"}, {"IRN"})


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Kyiv said responsibility for the deaths of the prisoners rests entirely with Moscow.",
     {"Kyiv": "UKR", "Moscow": "RUS"}, "UKR", "RUS"),
    ("The blame for the collapse of the truce lies with Hamas, Israel's defence minister said.",
     {"Hamas": "HAMAS", "Israel": "ISR"}, "ISR", "HAMAS"),
    ("Islamabad said responsibility for a wave of bombings in Quetta lay with Kabul.",
     {"Islamabad": "PAK", "Quetta": "PAK", "Kabul": "AFG"}, "PAK", "AFG"),
])
def test_blame_said_to_lie_with_a_side_accuses_it(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


def test_responsibility_for_no_wrong_blames_nobody(nlp):
    text = "Kenya's interior minister said responsibility for security at the summit lay with the Nairobi police."
    assert not _accusations(run(nlp, text, {"Kenya": "KEN", "Nairobi police": "KEN/organisation"}))


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Kyiv said Moscow was using food as a weapon against the world's poorest countries.",
     {"Kyiv": "UKR", "Moscow": "RUS"}, "UKR", "RUS"),
    ("The Israeli army said Hamas was using hospitals as shields for its fighters.",
     {"Israeli": "ISR", "Hamas": "HAMAS"}, "ISR", "HAMAS"),
    ("Lithuania said Minsk was using migrants as an instrument of blackmail against the EU.",
     {"Lithuania": "LTU", "Minsk": "BLR", "EU": "EU/organisation"}, "LTU", "BLR"),
    ("Vietnam's foreign ministry said Beijing was acting like a bully in the Gulf of Tonkin.",
     {"Vietnam": "VNM", "Beijing": "CHN"}, "VNM", "CHN"),
    ("Iran said Washington had behaved as an aggressor throughout the talks.",
     {"Iran": "IRN", "Washington": "USA"}, "IRN", "USA"),
])
def test_a_side_said_to_misuse_or_to_behave_as_a_wrongdoer_is_accused(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


@pytest.mark.parametrize(("text", "actors"), [
    ("Ankara said Baku was using the summit as a platform for dialogue with Yerevan.",
     {"Ankara": "TUR", "Baku": "AZE", "Yerevan": "ARM"}),
    ("Oman said Qatar had acted as a neutral mediator between the two sides.", {"Oman": "OMN", "Qatar": "QAT"}),
])
def test_a_neutral_use_or_role_accuses_nobody(nlp, text, actors):
    assert not _accusations(run(nlp, text, actors))


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("\"It is a cowardly act,\" Pakistan's foreign office said of the Indian strike on Muridke.",
     {"Pakistan": "PAK", "Indian": "IND"}, "PAK", "IND"),
    ("\"This is an act of piracy,\" Iran's foreign ministry said of Britain's seizure of the tanker.",
     {"Iran": "IRN", "Britain": "GBR"}, "IRN", "GBR"),
])
def test_a_pronoun_judged_of_an_act_accuses_its_doer(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


def test_a_pronoun_praised_of_an_act_accuses_nobody(nlp):
    text = "\"This is a historic day,\" Kenya's president said of the port deal with Ethiopia."
    assert not _accusations(run(nlp, text, {"Kenya": "KEN", "Ethiopia": "ETH"}))


@pytest.mark.parametrize(("text", "actors", "sources", "target"), [
    ("Jordan and Egypt held talks in Amman. The two governments said Israel's annexation plan was illegal.",
     {"Jordan": "JOR", "Egypt": "EGY", "Amman": "JOR", "Israel": "ISR"}, {"JOR", "EGY"}, "ISR"),
    ("Macron met Merz in Paris on Monday. The two leaders said Russia's drone incursions were a reckless "
     "provocation.", {"Macron": "FRA/person", "Merz": "DEU/person", "Paris": "FRA", "Russia": "RUS"},
     {"FRA", "DEU"}, "RUS"),
])
def test_a_counted_group_of_tellers_accuses_for_each_side(nlp, text, actors, sources, target):
    results = run(nlp, text, actors)
    for source in sources:
        assert (frozenset({source}), frozenset({target})) in _accusations(results) or any(
            source in s and t == frozenset({target}) for s, t in _accusations(results)), results


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Tehran called the seizure of an Iranian tanker by British marines an act of piracy.",
     {"Tehran": "IRN", "Iranian": "IRN", "British marines": "GBR/organisation"}, "IRN", "GBR"),
    ("Beijing called the detention of Chinese fishermen by Palauan police a gross provocation.",
     {"Beijing": "CHN", "Chinese": "CHN", "Palauan police": "PLW/organisation"}, "CHN", "PLW"),
])
def test_a_by_phrase_hung_on_the_naming_verb_names_the_acts_doer(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Greece handed a note of protest to Turkey's ambassador after the overflights.",
     {"Greece": "GRC", "Turkey": "TUR"}, "GRC", "TUR"),
    ("Japan delivered a protest note to the Chinese embassy over the incursion.",
     {"Japan": "JPN", "Chinese embassy": "CHN/organisation"}, "JPN", "CHN"),
])
def test_a_note_of_protest_handed_over_disapproves(nlp, text, actors, source, target):
    event = find(run(nlp, text, actors), "ACCUSE", {source}, {target})
    assert event.mode == "disapprove"


def test_a_letter_handed_over_protests_nothing(nlp):
    text = "The envoy handed a letter from the president to Kenya's foreign minister."
    assert not _accusations(run(nlp, text, {"Kenya": "KEN"}))


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Seoul said Pyongyang was endangering the truce by flying drones over the border.",
     {"Seoul": "KOR", "Pyongyang": "PRK"}, "KOR", "PRK"),
    ("Ankara said Athens was imperiling the talks by arming the islands.", {"Ankara": "TUR", "Athens": "GRC"},
     "TUR", "GRC"),
    ("Baku said Yerevan was lying about the shelling of its positions.", {"Baku": "AZE", "Yerevan": "ARM"},
     "AZE", "ARM"),
    ("The Kremlin said Kyiv had lied to its Western backers about its losses.",
     {"Kremlin": "RUS/organisation", "Kyiv": "UKR"}, "RUS", "UKR"),
    ("Beijing said Washington was wrong to impose new curbs on chip exports.", {"Beijing": "CHN", "Washington": "USA"},
     "CHN", "USA"),
    ("Ottawa said the United States was wrong to quit the climate accord.",
     {"Ottawa": "CAN", "United States": "USA"}, "CAN", "USA"),
])
def test_a_side_said_to_endanger_lie_or_be_wrong_is_accused(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


@pytest.mark.parametrize(("text", "actors"), [
    ("Ankara said Armenia lies between Turkey and Azerbaijan on the old trade routes.",
     {"Ankara": "TUR", "Armenia": "ARM", "Turkey": "TUR", "Azerbaijan": "AZE"}),
    ("The IMF said its forecasts for Argentina had been wrong.", {"IMF": "IMF/organisation", "Argentina": "ARG"}),
])
def test_a_place_or_an_own_error_accuses_nobody(nlp, text, actors):
    assert not _accusations(run(nlp, text, actors))


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Russian missiles struck a children's hospital in Kyiv on Monday. Germany's chancellor said he was appalled by "
     "the strike.", {"Russian": "RUS", "Kyiv": "UKR", "Germany": "DEU"}, "DEU", "RUS"),
    ("Israeli troops raided the Jenin camp overnight. Jordan's foreign minister was outraged at the raid, his office "
     "said.", {"Israeli": "ISR", "Jenin": "PSE", "Jordan": "JOR"}, "JOR", "ISR"),
])
def test_dismay_at_an_act_told_before_is_aimed_at_its_doer(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


def test_dismay_at_a_disaster_told_before_is_aimed_at_nobody(nlp):
    text = "Heavy floods hit Pakistan's Sindh province. India's prime minister said he was shocked by the floods."
    assert not _accusations(run(nlp, text, {"Pakistan": "PAK", "India": "IND"}))


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("The IAEA said Iran was not complying with its safeguards obligations.",
     {"IAEA": "IAEA/organisation", "Iran": "IRN"}, "IAEA", "IRN"),
    ("Washington said Moscow had failed to honour its commitments under the treaty.",
     {"Washington": "USA", "Moscow": "RUS"}, "USA", "RUS"),
    ("Kyiv said Russia had not kept its word on the prisoner exchange.", {"Kyiv": "UKR", "Russia": "RUS"},
     "UKR", "RUS"),
    ("Cairo said Addis Ababa had ignored the 2015 agreement on filling the dam.",
     {"Cairo": "EGY", "Addis Ababa": "ETH"}, "EGY", "ETH"),
])
def test_a_side_said_not_to_keep_a_norm_is_accused(nlp, text, actors, source, target):
    event = find(run(nlp, text, actors), "ACCUSE", {source}, {target})
    assert event.mode == "allege"


@pytest.mark.parametrize(("text", "actors"), [
    ("Germany said it had not met its NATO spending commitment.", {"Germany": "DEU", "NATO": "NATO/organisation"}),
    ("Berlin said Warsaw would not respect the ruling if the court ruled against it.",
     {"Berlin": "DEU", "Warsaw": "POL"}),
    ("Kyiv said Russia had not violated the truce overnight.", {"Kyiv": "UKR", "Russia": "RUS"}),
])
def test_an_own_lapse_a_foreseen_one_or_a_denied_wrong_accuses_nobody(nlp, text, actors):
    assert not _accusations(run(nlp, text, actors))


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Berlin voiced incomprehension at Beijing's sanctions on two German lawmakers.",
     {"Berlin": "DEU", "Beijing": "CHN"}, "DEU", "CHN"),
    ("Oslo expressed shock at Moscow's expulsion of three Norwegian diplomats.", {"Oslo": "NOR", "Moscow": "RUS"},
     "NOR", "RUS"),
])
def test_voiced_shock_or_incomprehension_disapproves(nlp, text, actors, source, target):
    event = find(run(nlp, text, actors), "ACCUSE", {source}, {target})
    assert event.mode == "disapprove"


@pytest.mark.parametrize(("text", "actors", "etype", "source", "target"), [
    ("Abuja was appalled by the attacks and summoned South Africa's high commissioner.",
     {"Abuja": "NGA", "South Africa": "ZAF"}, "ACCUSE", "NGA", "ZAF"),
    ("Georgia was attacked by Russian troops and appealed to the UN for help.",
     {"Georgia": "GEO", "Russian": "RUS", "UN": "UN/organisation"}, "REQUEST", "GEO", "UN"),
])
def test_an_active_verb_joined_to_a_passive_one_shares_its_subject(nlp, text, actors, etype, source, target):
    find(run(nlp, text, actors), etype, {source}, {target})


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Egypt called the Israeli raids on the camps near Khan Younis in southern Gaza unacceptable.",
     {"Egypt": "EGY", "Israeli": "ISR", "Gaza": "PSE"}, "EGY", "ISR"),
    ("Jordan's foreign minister called the Israeli strikes on tents sheltering families in Rafah outrageous, "
     "saying they broke international law.", {"Jordan": "JOR", "Israeli": "ISR", "Rafah": "PSE"}, "JOR", "ISR"),
])
def test_an_adjective_ending_a_long_object_is_what_the_verb_calls_it(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


def test_a_praising_adjective_ending_a_long_object_accuses_nobody(nlp):
    text = "Kenya called the talks with Somalia's leaders in Nairobi on the border useful."
    assert not _accusations(run(nlp, text, {"Kenya": "KEN", "Somalia": "SOM", "Nairobi": "KEN"}))


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Bamako said Algeria was sheltering terrorist groups in the border region.", {"Bamako": "MLI", "Algeria": "DZA"},
     "MLI", "DZA"),
    ("Islamabad said New Delhi was funding militants in Balochistan.",
     {"Islamabad": "PAK", "New Delhi": "IND", "Balochistan": "PAK"}, "PAK", "IND"),
])
def test_a_side_said_to_shelter_or_fund_terror_is_accused(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


@pytest.mark.parametrize(("text", "actors"), [
    ("Nairobi said Washington was funding anti-terrorism units in Somalia.",
     {"Nairobi": "KEN", "Washington": "USA", "Somalia": "SOM"}),
    ("Washington said Tehran was arming the Houthis in Yemen.", {"Washington": "USA", "Tehran": "IRN"}),
])
def test_funding_the_fight_on_terror_or_arming_a_named_group_accuses_nobody(nlp, text, actors):
    assert not _accusations(run(nlp, text, actors))


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    # a wrong told in a verb coordinated with the told clause, sharing its subject
    ("Beijing said on Friday that Tokyo's decision to release the water was \"unacceptable\" and violated "
     "international law.", {"Beijing": "CHN", "Tokyo": "JPN"}, "CHN", "JPN"),
    ("Addis Ababa said Cairo's statement was unhelpful and undermined the talks.",
     {"Addis Ababa": "ETH", "Cairo": "EGY"}, "ETH", "EGY"),
])
def test_a_wrong_coordinated_with_a_told_clause_accuses_its_subject(nlp, text, actors, source, target):
    event = find(run(nlp, text, actors), "ACCUSE", {source}, {target})
    assert event.mode == "allege"


@pytest.mark.parametrize(("text", "actors"), [
    # a foreseen wrong, and a wrong denied of one's own side, accuse nobody
    ("Moscow said Washington's pact with Canberra was a worry and would undermine the region's stability.",
     {"Moscow": "RUS", "Washington": "USA", "Canberra": "AUS"}),
    ("Ankara said Turkey's drills were routine and violated no rule.", {"Ankara": "TUR", "Turkey": "TUR"}),
])
def test_no_coordinated_wrong_accuses_when_foreseen_or_of_ones_own_side(nlp, text, actors):
    assert not _accusations(run(nlp, text, actors))


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    # a told wrong that is the result of a condemned act names its doers in that act's "by" phrase
    ("Lavrov said the expulsions were the result of blackmail by Washington.",
     {"Lavrov": "RUS/person", "Washington": "USA"}, "RUS", "USA"),
    ("Tehran said the blackout was the consequence of sabotage by Israel.", {"Tehran": "IRN", "Israel": "ISR"},
     "IRN", "ISR"),
])
def test_a_result_of_a_wrong_accuses_the_wrongs_doer(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


def test_a_result_of_no_wrong_accuses_nobody(nlp):
    text = "Cairo said the price rises were the result of the war in Ukraine."
    assert not _accusations(run(nlp, text, {"Cairo": "EGY", "Ukraine": "UKR"}))
