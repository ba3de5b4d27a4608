"""What a naming verb calls another side's act, wherever the parser hung the complement, and whom an event noun
given with a bare second object is aimed at (newsgraph/stages/events/namings.py, matching.py).

Hand-built actor tables as in test_events.py; sentences written for these tests.
"""
from __future__ import annotations

import pytest
from test_events import find, run


def _claimed(results, etype: str) -> set[tuple[frozenset[str], frozenset[str]]]:
    return {(s, t) for e, s, t in results if e.type == etype and e.is_claim}


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    # the "as" phrase ends a long object and the parser hangs it inside
    ("Athens described Ankara's decision to send a survey ship escorted by two frigates into contested waters south "
     "of the island as a provocation.", {"Athens": "GRC", "Ankara": "TUR"}, "GRC", "TUR"),
    ("Seoul described Tokyo's plan to release water stored in tanks at the wrecked plant as a reckless gamble.",
     {"Seoul": "KOR", "Tokyo": "JPN"}, "KOR", "JPN"),
    # "called X Y" with a long X, Y taken for part of it
    ("Tbilisi called Moscow's decision to hand passports to residents of the breakaway region a blatant provocation.",
     {"Tbilisi": "GEO", "Moscow": "RUS"}, "GEO", "RUS"),
    # ... and a "by" phrase naming the doers that the parser hung on the verb as its agent
    ("Damascus called the attack on a passenger jet by Turkish forces an act of aggression.",
     {"Damascus": "SYR", "Turkish": "TUR"}, "SYR", "TUR"),
    ("Baku called Yerevan's purchase of French howitzers for its mountain brigades a direct threat to regional peace.",
     {"Baku": "AZE", "Yerevan": "ARM", "French": "FRA"}, "AZE", "ARM"),
])
def test_a_condemning_complement_hung_inside_a_long_object_accuses_its_owner(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "ACCUSE", {source}, {target}).mode == "disapprove"


@pytest.mark.parametrize(("text", "actors"), [
    # a condemning phrase after a preposition inside the object is not what the verb calls it
    ("Seoul described Pyongyang's talks on ending a dangerous standoff as routine.",
     {"Seoul": "KOR", "Pyongyang": "PRK"}),
    # a complement of praise, even with a condemning noun inside the object
    ("Dhaka described Delhi's offer to end a dangerous standoff at the border as a welcome step.",
     {"Dhaka": "BGD", "Delhi": "IND"}),
])
def test_a_condemning_word_that_is_not_the_complement_accuses_nobody(nlp, text, actors):
    assert not _claimed(run(nlp, text, actors), "ACCUSE")


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Nairobi described Kampala's decision to reopen the border crossing as a milestone for regional trade.",
     {"Nairobi": "KEN", "Kampala": "UGA"}, "KEN", "UGA"),
    ("Lisbon called Madrid's dispatch of firefighting planes to the Algarve an act of friendship.",
     {"Lisbon": "PRT", "Madrid": "ESP"}, "PRT", "ESP"),
    ("Seoul described Tokyo's decision to lift export curbs on chip materials as a welcome step.",
     {"Seoul": "KOR", "Tokyo": "JPN"}, "KOR", "JPN"),
    ("Chile's foreign minister described the Argentine senate's approval of the border treaty as a historic "
     "achievement.", {"Chile": "CHL", "Argentine senate": "ARG/organisation"}, "CHL", "ARG"),
])
def test_naming_anothers_act_in_words_of_praise_supports_it(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "SUPPORT", {source}, {target}).pattern == "support:named-praise"


@pytest.mark.parametrize(("text", "actors"), [
    ("Warsaw described its own decision to build the fence as a historic milestone.", {"Warsaw": "POL", "its": "POL"}),
    ("Tokyo called Seoul's withdrawal from the intelligence pact a historic mistake.",
     {"Tokyo": "JPN", "Seoul": "KOR"}),
    ("Analysts described Ghana's debt deal as a landmark for the region.", {"Ghana": "GHA"}),
])
def test_own_condemned_or_unattributed_praise_supports_nobody(nlp, text, actors):
    assert not _claimed(run(nlp, text, actors), "SUPPORT")


@pytest.mark.parametrize(("text", "actors", "etype", "source", "target"), [
    ("Japan offered South Korea a formal apology for the forced labour of Korean workers in its mines.",
     {"Japan": "JPN", "South Korea": "KOR", "Korean": "KOR", "its": "JPN"}, "CONCEDE", "JPN", "KOR"),
    ("Italy extended Libya a formal apology for the colonial occupation as its envoy handed back a looted statue.",
     {"Italy": "ITA", "Libya": "LBY", "its": "ITA"}, "CONCEDE", "ITA", "LBY"),
    ("Turkey gave Azerbaijan its full backing in the dispute over the mountain enclave.",
     {"Turkey": "TUR", "its": "TUR", "Azerbaijan": "AZE"}, "SUPPORT", "TUR", "AZE"),
])
def test_an_event_noun_given_with_a_bare_second_object_is_aimed_at_it(nlp, text, actors, etype, source, target):
    find(run(nlp, text, actors), etype, {source}, {target})


def test_a_bare_second_object_outranks_what_the_noun_is_for(nlp):
    text = "Germany offered Namibia an apology for the massacres of Herero people by colonial troops."
    results = run(nlp, text, {"Germany": "DEU", "Namibia": "NAM", "Herero": "HER/organisation"})
    assert _claimed(results, "CONCEDE") == {(frozenset({"DEU"}), frozenset({"NAM"}))}


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    # "what S called X": the free relative is the thing its complement names, owned by a possessor or a "by" phrase
    ("The envoy was summoned over what Manila called China's dangerous manoeuvres near the shoal.",
     {"Manila": "PHL", "China": "CHN"}, "PHL", "CHN"),
    ("The expulsion answered what Bamako called hostile remarks by French ministers.",
     {"Bamako": "MLI", "French ministers": "FRA/organisation"}, "MLI", "FRA"),
    ("The envoy was recalled after what Ankara described as a provocation by Athens.",
     {"Ankara": "TUR", "Athens": "GRC"}, "TUR", "GRC"),
])
def test_a_free_relative_named_in_condemning_words_accuses_its_owner(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "ACCUSE", {source}, {target}).mode == "disapprove"


@pytest.mark.parametrize(("text", "actors"), [
    # neutral words judge nobody; a condemned thing with no owner accuses nobody
    ("Jets struck what Israel called Hezbollah military targets in southern Lebanon.",
     {"Israel": "ISR", "Hezbollah": "HEZBOLLAH/organisation", "Lebanon": "LBN"}),
    ("Police are investigating what Seoul called a reckless attack on its power grid.", {"Seoul": "KOR"}),
])
def test_a_free_relative_without_condemnation_or_owner_accuses_nobody(nlp, text, actors):
    assert not _claimed(run(nlp, text, actors), "ACCUSE")


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    # a breach condemns as a violation does
    ("Nairobi on Monday called Somalia's decision a breach of the regional charter.",
     {"Nairobi": "KEN", "Somalia": "SOM"}, "KEN", "SOM"),
    ("Rockets were fired after what Hezbollah called repeated Israeli breaches of the ceasefire.",
     {"Hezbollah": "HEZBOLLAH/organisation", "Israeli": "ISR"}, "HEZBOLLAH", "ISR"),
])
def test_naming_anothers_act_a_breach_accuses_it(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "ACCUSE", {source}, {target}).mode == "disapprove"


def test_a_breach_nobody_committed_accuses_nobody(nlp):
    assert not _claimed(run(nlp, "Oslo said the oil spill was a breach of safety rules.", {"Oslo": "NOR"}), "ACCUSE")
