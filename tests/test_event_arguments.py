"""Arguments across clause and phrase boundaries, and PLOVER's conventions for intents, conditions, refusals and
demands (issue 12).

Hand-built actor tables as in test_events.py; every sentence was written for these tests.
"""
from __future__ import annotations

import pytest
from test_events import find, run

from newsgraph.stages.events.coder import Trace


@pytest.mark.parametrize("text, spec, source, target", [
    ("Germany called on Tuesday for Russia to withdraw its troops.", {"Germany": "DEU", "Russia": "RUS"}, "DEU", "RUS"),
    ("France called on Monday for Iran to release the detained aid workers.", {"France": "FRA", "Iran": "IRN"},
     "FRA", "IRN"),
])
def test_a_time_phrase_is_no_participant_and_the_for_clause_names_the_target(nlp, text, spec, source, target):
    results = run(nlp, text, spec)
    event = find(results, "REQUEST", {source}, {target})
    assert event.is_claim


@pytest.mark.parametrize("text, spec, source, target", [
    ("WASHINGTON (AP) — Iran's foreign minister condemned Israel's strike on Syria.",
     {"WASHINGTON": "USA", "Iran": "IRN", "Israel": "ISR", "Syria": "SYR"}, "IRN", "ISR"),
    ("NAIROBI, Kenya (Reuters) — Protesters in Uganda's capital attacked the embassies of Britain and France.",
     {"NAIROBI": "KEN", "Kenya": "KEN", "Uganda": "UGA", "Britain": "GBR", "France": "FRA"}, "UGA", "GBR"),
])
def test_a_dateline_is_never_the_subject(nlp, text, spec, source, target):
    results = run(nlp, text, spec)
    assert all("USA" not in s and "KEN" not in s for _, s, _ in results)
    assert any(source in s and target in t for _, s, t in results)


@pytest.mark.parametrize("text, spec, source, target", [
    ("Erdogan told reporters after meeting Putin that the talks were useful.",
     {"Erdogan": "TUR/person", "Putin": "RUS/person"}, "TUR", "RUS"),
    ("Macron told journalists after meeting Zelensky in Paris that Europe would stand firm.",
     {"Macron": "FRA/person", "Zelensky": "UKR/person"}, "FRA", "UKR"),
])
def test_a_time_clause_is_done_by_the_subject_not_the_object(nlp, text, spec, source, target):
    event = find(run(nlp, text, spec), "CONSULT", {source}, {target})
    assert event.is_claim


@pytest.mark.parametrize("text, spec, source, target", [
    ("Hungary is opposed to new EU sanctions on Russia.", {"Hungary": "HUN", "EU": "EU/organisation",
                                                           "Russia": "RUS"}, "HUN", "EU"),
    ("Poland is opposed to the EU migration pact.", {"Poland": "POL", "EU": "EU/organisation"}, "POL", "EU"),
])
def test_being_opposed_to_is_the_subjects_rejection(nlp, text, spec, source, target):
    find(run(nlp, text, spec), "REJECT", {source}, {target})


def test_the_trace_says_where_a_target_came_from(nlp):
    trace = Trace()
    run(nlp, "Germany called on Tuesday for Russia to withdraw its troops.", {"Germany": "DEU", "Russia": "RUS"},
        trace=trace)
    cand = next(c for c in trace.candidates if c.etype == "REQUEST")
    assert cand.target_how == "'for ... to' clause"


@pytest.mark.parametrize("text, spec, etype, source, target", [
    ("Israeli troops fired on positions of Hezbollah's forces in southern Lebanon.",
     {"Israeli": "ISR", "Hezbollah": "HEZBOLLAH/group", "Lebanon": "LBN"}, "ASSAULT", "ISR", "HEZBOLLAH"),
    ("Jordanian protesters gathered at the gate of Israel's embassy.", {"Israel": "ISR", "Jordanian": "JOR"},
     "PROTEST", "JOR", "ISR"),
    ("Protesters stormed the gate of the French embassy in Niamey.", {"French": "FRA", "Niamey": "NER"},
     "PROTEST", "NER", "FRA"),
])
def test_a_target_inside_a_nested_phrase_is_the_owner(nlp, text, spec, etype, source, target):
    find(run(nlp, text, spec), etype, {source}, {target})
