"""The gazetteer (data/kb/places.csv): places are locations, never actors, and stand in for a missing
side of an event only when they are the scene of that event's own clause."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.records import Actor, ActorTable, Article, Location, validate_record
from newsgraph.resources.kb import PLACE_KINDS, read_kb_file
from newsgraph.stages.actors.resolver import resolve_actors

DATE = "2024-05-01"


# ---------------------------------------------------------------- the gazetteer


def test_gazetteer_loads_with_states_codes(kb) -> None:
    places = kb.places()
    assert len(places) > 1000
    state_codes = {e.code for e in kb.states()}
    assert {p.kind for p in places} <= set(PLACE_KINDS)
    assert all(p.code in state_codes and p.country == p.code for p in places)
    found = {p.name: p.code for p in places}
    assert found["Istanbul"] == "TUR" and found["Quetta"] == "PAK" and found["Crimea"] == "UKR"
    assert [h.entry.name for h in kb.lookup("Irbil")] == ["Erbil"]


def test_no_place_name_is_also_a_state_organisation_group_or_person(kb) -> None:
    clashes = {key: sorted({h.entry.kind for h in hits}) for key, hits in kb.phrases.items()
               if len(hits) > 1 and any(h.entry.kind in PLACE_KINDS for h in hits)}
    assert clashes == {}


def test_names_shared_by_several_states_are_left_out(kb) -> None:
    for name in ("Punjab", "Kashmir", "Rafah", "Georgia", "Hyderabad", "Kabul", "Ankara"):
        assert not any(h.entry.kind in PLACE_KINDS for h in kb.lookup(name)), name


@pytest.mark.parametrize("text, message", [
    ("name,aliases,code,kind\nSibi,,PAK,town\n", "place kind"),
    ("name,aliases,code,kind\nSibi,,PK,city\n", "ISO 3166-1 alpha-3"),
])
def test_bad_place_rows_say_what_to_fix(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "places.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(match=message):
        read_kb_file(path)


# ---------------------------------------------------------------- places are not actors


def test_a_place_is_a_location_not_an_actor(nlp, kb) -> None:
    doc = nlp("Officials in Quetta said the highway to Gwadar was closed after the floods.")
    table = resolve_actors(doc, kb=kb, published=DATE)
    assert not any(m.text in ("Quetta", "Gwadar") for a in table.actors for m in a.mentions)
    assert [(loc.text, loc.code, loc.country) for loc in table.locations] == [
        ("Quetta", "PAK", "Pakistan"), ("Gwadar", "PAK", "Pakistan")]


def test_a_place_in_a_persons_title_lends_its_state(extract_text) -> None:
    article = extract_text("Kharkiv Governor Oleh Syniehubov said the city was calm. Mohammed Khan, the chief "
                           "minister of Balochistan, condemned the attack.", published=DATE)
    assert {a.name: a.code for a in article.actors} == {"Oleh Syniehubov": "UKR", "Mohammed Khan": "PAK"}


def test_a_place_in_an_organisations_name_neither_codes_nor_splits_it(extract_text) -> None:
    """Rebel and breakaway bodies carry a place's name without being that state's."""
    article = extract_text("The Tigray Defense Forces and officials of the Donetsk People's Republic said the "
                           "town had fallen.", published=DATE)
    assert {a.name: a.code for a in article.actors} == {"Tigray Defense Forces": None,
                                                        "Donetsk People's Republic": None}


def test_a_name_inside_a_place_is_not_a_short_mention(extract_text) -> None:
    article = extract_text("Nawaz Sharif flew to Mazar-i-Sharif on Monday.", published=DATE)
    (sharif,) = [a for a in article.actors if a.kind == "person"]
    assert [m.text for m in sharif.mentions] == ["Nawaz Sharif"]


def test_an_actor_table_finds_the_state_of_a_place() -> None:
    turkey = Actor(id="a1", name="Turkey", kind="state", code="TUR")
    table = ActorTable([turkey], locations=[Location(10, 18, "Istanbul", "Istanbul", "city", "TUR", "Turkey")])
    assert table.location_in(0, 30).name == "Istanbul" and table.location_in(0, 12) is None
    assert table.state_of(table.locations[0]) is turkey
    malawi = table.state_of(Location(0, 7, "Mulanje", "Mulanje", "city", "MWI", "Malawi"))
    assert (malawi.id, malawi.code, malawi.mentions, malawi.evidence["place"]) == ("a2", "MWI", [], "Mulanje")
    assert table.get("a2") is malawi


# ---------------------------------------------------------------- the located fallback


def _dyads(article: Article) -> list[tuple[str, list[str | None], list[str | None], str | None]]:
    code = {a.id: a.code for a in article.actors}
    return [(e.type, [code[i] for i in e.source], [code[i] for i in e.target], e.located)
            for e in article.events if e.is_claim]


def test_an_unnamed_crowd_protests_for_the_state_it_gathers_in(extract_text) -> None:
    article = extract_text("Hundreds of demonstrators protested outside the U.S. consulate in Lahore on Friday.",
                           published=DATE)
    assert _dyads(article) == [("PROTEST", ["PAK"], ["USA"], "Lahore")]
    pakistan = next(a for a in article.actors if a.code == "PAK")
    assert pakistan.mentions == [] and pakistan.evidence["place"] == "Lahore"
    validate_record(article.to_dict())
    assert Article.from_dict(article.to_dict()).events[0].located == "Lahore"


def test_a_named_crowd_keeps_its_own_state(extract_text) -> None:
    article = extract_text("Hundreds of Ugandan students rallied against the government in Mombasa.",
                           published=DATE)
    assert [(t, s) for t, s, _, _ in _dyads(article)] == [("PROTEST", ["UGA"])]
    assert all(e.located is None for e in article.events)


def test_a_place_in_another_clause_is_not_the_scene(extract_text) -> None:
    article = extract_text("Russian drones struck a warehouse overnight, officials in Odesa said.", published=DATE)
    assert _dyads(article) == []
    # the place makes no state actor; the officials there are Ukraine's (the unnamed-groups pass)
    assert [(a.kind, a.sector) for a in article.actors if a.code == "UKR"] == [("organisation", "GOV")]


def test_an_attack_on_a_place_hits_its_state_with_less_confidence(extract_text) -> None:
    located = extract_text("Russian forces shelled a hospital in Kharkiv on Monday.", published=DATE)
    named = extract_text("Russian forces shelled a hospital in Ukraine on Monday.", published=DATE)
    assert _dyads(located) == [("ASSAULT", ["RUS"], ["UKR"], "Kharkiv")]
    assert _dyads(named) == [("ASSAULT", ["RUS"], ["UKR"], None)]
    assert located.events[0].confidence < named.events[0].confidence


def test_a_named_target_wins_over_the_place(extract_text) -> None:
    article = extract_text("Israeli jets struck Hezbollah positions near Sidon on Tuesday.", published=DATE)
    assert _dyads(article) == [("ASSAULT", ["ISR"], ["HEZBOLLAH"], None)]


def test_an_act_in_the_actors_own_state_is_not_aimed_at_it(extract_text) -> None:
    article = extract_text("Pakistani troops raided a militant hideout near Quetta.", published=DATE)
    assert _dyads(article) == []


def test_two_sides_fighting_in_a_place_get_no_third_side(extract_text) -> None:
    article = extract_text("Israeli troops and Hezbollah fighters clashed near Khiam on Monday.", published=DATE)
    assert [(t, sorted(s), tg) for t, s, tg, _ in _dyads(article)] == [("ASSAULT", ["HEZBOLLAH", "ISR"], [])]


def test_aid_and_coercion_reach_the_state_of_the_place(extract_text) -> None:
    aid = extract_text("The World Food Programme delivered food aid to displaced families in Cabo Delgado.",
                       published=DATE)
    curfew = extract_text("Russian forces imposed a curfew in Kherson on Sunday.", published=DATE)
    assert _dyads(aid) == [("AID", ["WFP"], ["MOZ"], "Cabo Delgado")]
    assert _dyads(curfew) == [("COERCE", ["RUS"], ["UKR"], "Kherson")]


# ---------------------------------------------------------------- who a pronoun or a plural title means


def _mentions(article: Article) -> dict[str, list[str]]:
    return {a.name: [m.text for m in a.mentions] for a in article.actors if a.kind == "person"}


def test_an_object_pronoun_is_not_its_own_clauses_subject(extract_text) -> None:
    article = extract_text("US President Joe Biden called Israeli Prime Minister Benjamin Netanyahu on Monday and "
                           "urged him to agree to a ceasefire.", published=DATE)
    assert _mentions(article)["Benjamin Netanyahu"] == ["Benjamin Netanyahu", "him"]
    assert _dyads(article)[-1][:3] == ("REQUEST", ["USA"], ["ISR"])


def test_an_object_pronoun_skips_a_subject_pronoun_of_its_clause(extract_text) -> None:
    article = extract_text("Macron met Scholz in Berlin. He told him that Europe must act.", published=DATE)
    assert _mentions(article) == {"Emmanuel Macron": ["Macron", "He"], "Olaf Scholz": ["Scholz", "him"]}


def test_the_plural_title_means_the_last_two_holders(extract_text) -> None:
    article = extract_text("Spanish Prime Minister Pedro Sanchez met Irish Prime Minister Simon Harris in Madrid. "
                           "The prime ministers called on Israel to halt its offensive.", published=DATE)
    mentions = _mentions(article)
    assert "The prime ministers" in mentions["Pedro Sanchez"] and "The prime ministers" in mentions["Simon Harris"]
    request = [d for d in _dyads(article) if d[0] == "REQUEST"]
    assert request and sorted(request[0][1]) == ["ESP", "IRL"] and request[0][2] == ["ISR"]


def test_both_leaders_means_the_last_two_people_with_a_role(extract_text) -> None:
    article = extract_text("French President Emmanuel Macron hosted German Chancellor Olaf Scholz in Paris. "
                           "Both leaders urged Russia to withdraw its troops.", published=DATE)
    request = [d for d in _dyads(article) if d[0] == "REQUEST"]
    assert request and sorted(request[0][1]) == ["DEU", "FRA"]


def test_leaders_of_a_named_body_are_not_the_last_two_people(extract_text) -> None:
    article = extract_text("French President Emmanuel Macron hosted German Chancellor Olaf Scholz in Paris. "
                           "The leaders of the G7 urged Russia to withdraw its troops.", published=DATE)
    assert not any("The leaders" in m for ms in _mentions(article).values() for m in ms)
