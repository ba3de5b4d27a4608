"""COERCE as outlets write it: ships boarded, people held in a state's territory, people expelled.

Hand-built actor tables as in test_events.py; every sentence written for these tests.
"""
from __future__ import annotations

import pytest
from test_events import find, run


def coercions(results):
    """(sources, targets, mode) of each COERCE."""
    return [(set(s), set(t), e.mode) for e, s, t in results if e.type == "COERCE"]


@pytest.mark.parametrize("text, spec", [
    ("The Turkish foreign minister boarded a ship bound for Cyprus on Friday.", {"Turkish": "TUR", "Cyprus": "CYP"}),
    ("Hundreds of Sudanese refugees boarded a ferry to Jeddah, Saudi officials said.",
     {"Sudanese": "SDN", "Saudi": "SAU"}),
])
def test_boarding_a_ship_to_travel_coerces_nobody(nlp, text, spec):
    assert not coercions(run(nlp, text, spec))


@pytest.mark.parametrize("text, spec, source, target", [
    ("Two Chinese nationals were arrested in the Philippines on suspicion of spying near a naval base.",
     {"Chinese": "CHN", "Philippines": "PHL"}, {"PHL"}, {"CHN"}),
    ("A French cyclist was detained in Iran in May and later accused of espionage.",
     {"French": "FRA", "Iran": "IRN"}, {"IRN"}, {"FRA"}),
    ("Three Ukrainian sailors have been jailed in Russia since the ship was stopped, their lawyer said.",
     {"Ukrainian": "UKR", "Russia": "RUS"}, {"RUS"}, {"UKR"}),
])
def test_people_held_in_a_state_with_no_one_named_are_held_by_that_state(nlp, text, spec, source, target):
    assert (source, target) in [(s, t) for s, t, _ in coercions(run(nlp, text, spec))]


def test_an_arrest_by_a_named_side_abroad_stays_that_sides(nlp):
    found = coercions(run(nlp, "Israeli forces arrested five Palestinians in the West Bank overnight.",
                          {"Israeli": "ISR", "Palestinians": "PSE", "West Bank": "PSE"}))
    assert [(s, t) for s, t, _ in found] == [({"ISR"}, {"PSE"})]


@pytest.mark.parametrize("text, spec, etype, source, target", [
    ("Beijing's detention of two Canadians plunged relations between the countries into crisis.",
     {"Beijing": "CHN", "Canadians": "CAN"}, "COERCE", {"CHN"}, {"CAN"}),
    ("Algeria's deportation of hundreds of Malian migrants drew a protest from Bamako.",
     {"Algeria": "DZA", "Malian": "MLI", "Bamako": "MLI"}, "COERCE", {"DZA"}, {"MLI"}),
    ("Israel's killing of a senior Hezbollah commander in Beirut raised fears of a wider war.",
     {"Israel": "ISR", "Hezbollah": "HEZBOLLAH/group", "Beirut": "LBN"}, "ASSAULT", {"ISR"}, {"HEZBOLLAH"}),
])
def test_an_act_nouns_possessor_is_its_doer_when_its_of_phrase_names_the_victims(nlp, text, spec, etype, source,
                                                                                  target):
    find(run(nlp, text, spec), etype, source, target)


def test_an_act_nouns_possessor_alone_is_whom_it_befell(nlp):
    find(run(nlp, "The arrest of Istanbul's mayor followed Armenia's detention of a Turkish reporter.",
             {"Armenia": "ARM", "Turkish": "TUR"}), "COERCE", {"ARM"}, {"TUR"})
    find(run(nlp, "Kyiv condemned the Ukrainian sailors' arrest by Russian border guards in the Kerch Strait.",
             {"Kyiv": "UKR", "Ukrainian": "UKR", "Russian": "RUS"}), "COERCE", {"RUS"}, {"UKR"})


def test_someone_of_no_side_held_in_a_state_is_no_coded_coercion(nlp):
    results = run(nlp, "Li Wen has been held in solitary confinement in Hong Kong for four years.",
                  {"Hong Kong": "HKG", "Li Wen": "-/person"})
    assert not coercions(results)
