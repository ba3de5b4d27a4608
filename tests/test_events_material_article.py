"""Material conflict as articles tell it (stop 22): a weapon that acts is its launcher's, a build-up of arms is no
crowd, a clause named by a later "a move X called ..." is still a fact, the thing a free relative names is what
was hit, a deed told "in an attack X blamed on Y" is Y's, a relative clause doing a noun's act names its sides,
and a crowd with no place of its own gathers where the sentence before set the story. Sentences are written for
these tests (not taken from ../shared or any gold set); the whole pipeline runs."""
from __future__ import annotations

import pytest

from newsgraph.records import NOT_FACT_QUALIFIERS

PUBLISHED = "2025-10-20"


def dyads(extract_text, text: str, *, claims: bool = True) -> set[tuple[str | None, str, str | None]]:
    """(source code, type, target code) of the article's events; with `claims`, only unqualified ones."""
    article = extract_text(text, published=PUBLISHED)
    code = {a.id: a.code for a in article.actors}
    return {(code[s], e.type, code[t] if t else None) for e in article.events for s in e.source
            for t in (e.target or [None]) if not (claims and NOT_FACT_QUALIFIERS & set(e.qualifiers))}


@pytest.mark.parametrize(("text", "source"), [
    ("A drone launched from Ukraine hit an oil depot in Russia's Bryansk region overnight, the governor said.", "UKR"),
    ("Missiles fired by the Houthis struck a Greek-owned tanker in the Red Sea on Tuesday.", "HOUTHIS"),
    # the parser reads "fired" as the drones' own verb
    ("Two drones fired from Lebanon hit a house in northern Israel, the military said.", "LBN"),
])
def test_a_weapon_that_acts_is_its_launchers(extract_text, text, source):
    found = dyads(extract_text, text)
    assert any(s == source and t == "ASSAULT" for s, t, _ in found), found


@pytest.mark.parametrize(("text", "dyad"), [
    ("Belarus has massed artillery near its border with Lithuania, Vilnius said on Monday.",
     ("BLR", "MOBILIZE", "LTU")),
    ("Beijing sent navy and coast guard ships toward the Philippines on Friday.", ("CHN", "MOBILIZE", "PHL")),
])
def test_arms_massed_or_sent_toward_a_side_are_a_build_up(extract_text, text, dyad):
    found = dyads(extract_text, text)
    assert dyad in found and not any(t == "PROTEST" for _, t, _ in found), found


def test_a_crowd_that_masses_outside_a_mission_still_protests(extract_text):
    found = dyads(extract_text, "Hundreds of protesters massed outside the Chinese embassy in Manila on Sunday.")
    assert ("PHL", "PROTEST", "CHN") in found, found


@pytest.mark.parametrize(("text", "dyad"), [
    ("Beijing suspended imports of Japanese seafood on Thursday, a step Tokyo called unjustified.",
     ("CHN", "SANCTION", "JPN")),
    ("Moscow expelled two Latvian diplomats, a decision Riga called a provocation.", ("RUS", "SANCTION", "LVA")),
])
def test_an_act_named_by_a_later_move_clause_is_still_a_fact(extract_text, text, dyad):
    found = dyads(extract_text, text)
    assert dyad in found, found


@pytest.mark.parametrize(("text", "dyad"), [
    ("Turkish drones hit what Ankara called PKK positions overnight, the defence ministry said.",
     ("TUR", "ASSAULT", "PKK")),
    ("Israeli jets struck what the army called Hezbollah weapons depots on Tuesday.", ("ISR", "ASSAULT", "HEZBOLLAH")),
])
def test_what_a_side_called_its_target_is_what_it_hit(extract_text, text, dyad):
    found = dyads(extract_text, text)
    assert dyad in found, found


@pytest.mark.parametrize(("text", "dyad"), [
    ("Israel's president arrived in London on Monday for two days of talks. Hundreds of demonstrators marched "
     "against the visit.", ("GBR", "PROTEST")),
    ("Chinese Premier Li Qiang landed in Wellington on Thursday. Dozens of protesters gathered outside his hotel.",
     ("NZL", "PROTEST")),
])
def test_a_crowd_gathers_where_the_sentence_before_set_the_story(extract_text, text, dyad):
    found = dyads(extract_text, text)
    assert any((s, t) == dyad for s, t, _ in found), found


def test_troops_with_no_crowd_are_not_placed_from_the_sentence_before(extract_text):
    found = dyads(extract_text, "The president flew to Nairobi on Monday. Extra police units were deployed "
                                "overnight, officials said.")
    assert not any(s == "KEN" and t == "MOBILIZE" for s, t, _ in found), found


@pytest.mark.parametrize("text", [
    "Argentina stormed to a 3-0 win over Peru in Buenos Aires on Tuesday.",
    "The Greek delegation stormed out of the talks in Brussels after two hours.",
])
def test_storming_to_a_win_or_out_of_a_room_is_no_assault(extract_text, text):
    assert not any(t == "ASSAULT" for _, t, _ in dyads(extract_text, text))


@pytest.mark.parametrize(("text", "dyad"), [
    ("A suicide bomber drove a truck into a convoy near Karachi airport, killing two Chinese engineers, in an attack "
     "Islamabad blamed on the Baloch Liberation Army.", ("BLA", "ASSAULT", "CHN")),
    ("An explosive-laden boat rammed a tanker off the coast of Yemen, wounding two Indian sailors, in an attack the "
     "U.S. military blamed on the Houthis.", ("HOUTHIS", "ASSAULT", "IND")),
])
def test_a_deed_inside_an_attack_blamed_on_a_side_is_that_sides(extract_text, text, dyad):
    found = dyads(extract_text, text)
    assert dyad in found, found


@pytest.mark.parametrize(("text", "dyad"), [
    ("The embargo Beijing placed on Lithuanian goods lasted two years.", ("CHN", "SANCTION", "LTU")),
    ("The tariffs Washington imposed on Canadian steel took effect on Friday.", ("USA", "SANCTION", "CAN")),
])
def test_a_relative_clause_that_does_the_act_names_its_sides(extract_text, text, dyad):
    found = dyads(extract_text, text)
    assert dyad in found, found


def test_ships_sent_with_relief_to_a_country_are_no_build_up(extract_text):
    found = dyads(extract_text, "Japan sent ships carrying relief supplies to Myanmar after the earthquake.")
    assert not any(t == "MOBILIZE" for _, t, _ in found), found
