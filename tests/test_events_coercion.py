"""COERCE as outlets write it: ships boarded, people held in a state's territory, people expelled.

Hand-built actor tables as in test_events.py; every sentence written for these tests.
"""
from __future__ import annotations

import pytest
from test_events import run


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
