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
