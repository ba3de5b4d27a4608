"""Who is meant, stop 22: names cut at paragraph breaks, short names defined in brackets, descriptions of a body
named only by a part, ages, nationality-led nouns; short passages of our own writing in the shape of wire copy."""
from __future__ import annotations

import pytest
from test_actor_references import holder, resolved

from newsgraph.stages.actors.resolver import resolve_phrase


def test_a_paragraph_ending_in_a_platform_name_does_not_swallow_the_next_speakers_body(nlp, kb):
    table = resolved(nlp, kb, "The minister said the vote had been fair, as he wrote on X.\n\nWhite House deputy press "
                              "secretary Olivia Dalton called the result a sign of a healthy democracy.",
                     date="2023-11-02")
    assert holder(table, "Olivia Dalton").code == "USA"
    assert not any("\n" in m.text for a in table.actors for m in a.mentions)


def test_a_paragraph_ending_in_a_platform_name_leaves_the_next_paragraphs_body_whole(nlp, kb):
    table = resolved(nlp, kb, "The opposition leader accused the army of fraud in a post on X.\n\nElection "
                              "Commission chairman Sikandar Sultan Raja said the count had been fair.",
                     date="2024-02-10")
    # Since paragraph breaks are sentence boundaries (stages/parse.py), spaCy's tagger ends its "X." name at the
    # break and tags no name over "Election Commission" at all (it did when the name ran on across the break):
    # the body is lost in this shape, a known cost of the boundary; the chairman and the cut still hold.
    assert holder(table, "Sikandar Sultan Raja") is not None
    assert not any("\n" in m.text for a in table.actors for m in a.mentions)


def test_a_short_name_with_a_hyphen_given_in_brackets_codes_the_movement_and_its_later_mentions(nlp, kb):
    table = resolved(nlp, kb, "HARARE (Reuters) - Zimbabwe's Movement for Democratic Change-Tsvangirai (MDC-T) said "
                              "police had arrested two of its lawmakers on Friday. The MDC-T called the arrests "
                              "illegal, and the party said it would challenge them in court.", date="2019-05-10")
    movement = holder(table, "Zimbabwe's Movement for Democratic Change-Tsvangirai")
    assert movement.code == "MDC-T"
    assert holder(table, "the party") is movement
    assert [m.text for m in movement.mentions].count("MDC-T") == 2


def test_a_kb_name_run_on_past_a_hyphen_is_another_body_named_by_its_short_name(nlp, kb):
    table = resolved(nlp, kb, "The Sudan People's Liberation Movement-North (SPLM-N) said its fighters had repelled "
                              "an army attack in South Kordofan. Yasir Arman, the movement's deputy leader, said the "
                              "SPLM-N would not sign the deal. The movement asked the African Union to mediate.",
                     date="2019-05-10")
    movement = holder(table, "Sudan People's Liberation Movement-North")
    assert movement.code == "SPLM-N"
    assert holder(table, "The movement") is movement
    assert holder(table, "Yasir Arman").code == "SPLM-N"


def test_the_party_is_left_open_when_two_parties_were_named(nlp, kb):
    table = resolved(nlp, kb, "The Pakistan Tehreek-e-Insaf (PTI) and the Jamiat Ulema-e-Islam (JUI-F) both rejected "
                              "the election result. The party said it would take to the streets.", date="2024-02-12")
    assert holder(table, "The party") is None


def test_a_name_the_tagger_took_for_a_title_after_a_quote_is_the_speaker_named_by_his_party_office(nlp, kb):
    table = resolved(nlp, kb, "\"We will not go back to the talks,\" Oyet Nathaniel Pierino, the party's deputy "
                              "chairman, told reporters in Juba.", date="2024-11-12")
    assert holder(table, "Oyet Nathaniel Pierino").kind == "person"
    table = resolved(nlp, kb, "\"The army fired first,\" Puot Kang Chol, the movement's deputy chairman, told "
                              "reporters in Nasir.", date="2024-11-12")
    assert holder(table, "Puot Kang Chol").kind == "person"


def test_the_n_year_old_leader_is_the_one_person_whose_age_was_given(nlp, kb):
    table = resolved(nlp, kb, "Palestinian President Mahmoud Abbas, 87, met Egyptian President Abdel Fattah al-Sisi in "
                              "Cairo on Monday. The 87-year-old leader told reporters that the talks had gone well.",
                     date="2023-01-30")
    assert holder(table, "The 87-year-old leader").name == "Mahmoud Abbas"
    table = resolved(nlp, kb, "Brazil's President Luiz Inacio Lula da Silva (77) spoke with Argentina's Alberto "
                              "Fernandez by phone. \"We will build a common currency,\" the 77-year-old president "
                              "said.",
                     date="2023-01-23")
    assert holder(table, "the 77-year-old president").name == "Luiz Inacio Lula da Silva"


def test_the_n_year_old_is_nobody_when_no_one_of_that_age_was_named(nlp, kb):
    table = resolved(nlp, kb, "Kenyan President William Ruto, 56, hosted Somali President Hassan Sheikh Mohamud. The "
                              "67-year-old leader thanked Kenya for its troops.", date="2023-05-10")
    assert holder(table, "The 67-year-old leader") is None


def test_the_company_is_no_party_or_movement_named_before(nlp, kb):
    table = resolved(nlp, kb, "The M23 rebels seized the mining town of Rubaya. The company that runs the mine said "
                              "it had halted work.", date="2024-05-02")
    assert holder(table, "The company") is None


@pytest.mark.parametrize(("name", "date", "code"), [
    ("Valdis Dombrovskis", "2012-06-01", "LVA"),  # Latvia's prime minister
    ("Valdis Dombrovskis", "2020-10-01", "EU"),  # the Commission's executive vice-president, trade
    ("Valdis Dombrovskis", "2025-02-01", "EU"),  # commissioner for the economy
    ("Johannes Hahn", "2008-05-01", "AUT"),  # Austria's science minister
    ("Johannes Hahn", "2016-09-01", "EU"),  # the Commission's enlargement commissioner
    ("Johannes Hahn", "2022-04-01", "EU"),  # commissioner for the budget
    ("the French president", "2016-05-01", "FRA"),
    ("the French president", "2023-05-01", "FRA"),
])
def test_an_office_holder_named_is_coded_for_the_date_across_role_changes(kb, name, date, code):
    actor = resolve_phrase(name, kb=kb, date=date)
    assert actor is not None and actor.code == code


def _sides(article, event_type: str) -> list[tuple[set[str], set[str]]]:
    codes = {a.id: a.code for a in article.actors}
    return [({codes[s] for s in e.source}, {codes[t] for t in e.target})
            for e in article.events if e.type == event_type]


@pytest.mark.parametrize(("text", "date", "event_type", "sources", "target"), [
    ("Guinea, Mali and Burkina Faso condemned the new sanctions on Friday. Their governments accused France of "
     "plotting against them.", "2023-09-16", "ACCUSE", {"GIN", "MLI", "BFA"}, "FRA"),
    ("Kenya, Uganda and Tanzania opened the new rail line on Tuesday. On Wednesday their leaders urged Ethiopia to "
     "join the project.", "2024-06-20", "REQUEST", {"KEN", "UGA", "TZA"}, "ETH"),
    ("China and Russia vetoed the resolution on Friday. The two powers accused the United States of pushing the "
     "council towards war.", "2024-03-23", "ACCUSE", {"CHN", "RUS"}, "USA"),
    ("France, Germany and Britain said Iran had enriched uranium far beyond the agreed limits. On Friday the three "
     "European powers urged Tehran to let the inspectors back in.", "2025-06-13", "REQUEST", {"FRA", "DEU", "GBR"},
     "IRN"),
])
def test_their_governments_and_the_powers_counted_stand_for_each_state_named_together(
        extract_text, text, date, event_type, sources, target):
    article = extract_text(text, published=date)
    assert (sources, {target}) in _sides(article, event_type)


def test_the_bloc_accused_of_an_act_is_the_bloc_named_before(nlp, kb):
    table = resolved(nlp, kb, "The Economic Community of West African States (ECOWAS) closed its borders with Niger "
                              "in August. On Friday the junta accused the bloc of starving its people.",
                     date="2023-11-10")
    assert holder(table, "the bloc").code == "ECOWAS"


def test_a_list_of_states_the_tagger_took_for_one_organisation_is_each_state(nlp, kb):
    table = resolved(nlp, kb, "Mali, Burkina Faso and Niger signed a defence pact in Bamako on Saturday.",
                     date="2023-09-17")
    assert holder(table, "Mali").code == "MLI"
    assert holder(table, "Burkina Faso").code == "BFA"
    assert holder(table, "Mali, Burkina Faso") is None


@pytest.mark.parametrize(("text", "description", "code"), [
    ("Myanmar's military seized power early on Monday. The authorities cut the internet across the country.",
     "The authorities", "MMR"),
    ("Rwandan President Paul Kagame met Congo's Felix Tshisekedi in Luanda on Saturday. The government said troops "
     "in Goma were on high alert.", "The government", "COD"),
    ("U.S. Secretary of State Antony Blinken met Pakistan's army chief on Sunday. The authorities detained dozens of "
     "protesters in Lahore ahead of his visit.", "The authorities", "PAK"),
])
def test_the_authorities_or_the_government_are_the_one_state_in_focus(nlp, kb, text, description, code):
    assert holder(resolved(nlp, kb, text, date="2024-01-29"), description).code == code


def test_the_government_is_nobody_when_two_states_officials_were_named_and_no_place_tells(nlp, kb):
    table = resolved(nlp, kb, "Rwandan President Paul Kagame met Congo's Felix Tshisekedi in Luanda on Saturday. The "
                              "government said the talks had gone well.", date="2024-01-29")
    assert holder(table, "The government") is None


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Serbian President Aleksandar Vucic said on Sunday that Belgrade would not recognise the vote. \"We will never "
     "accept it,\" the president told reporters.\n\nKosovo's foreign ministry called the remarks provocative. "
     "Spokeswoman Arta Berisha said Pristina would raise them at the talks in Brussels.", "Arta Berisha", "XKX"),
    ("Venezuelan President Nicolas Maduro said his country would defend its claim to the region. \"Essequibo is "
     "ours,\" the president said on television.\n\nGuyana's foreign ministry said the claim had no basis in law. "
     "Spokesman Devon Ramdass said Georgetown would take the dispute to the World Court.", "Devon Ramdass", "GUY"),
])
def test_a_spokesman_serves_the_state_his_own_paragraph_is_about_not_the_one_before(nlp, kb, text, name, code):
    assert holder(resolved(nlp, kb, text, date="2024-02-04"), name).code == code


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Algeria called for an emergency session. Its deputy U.N. ambassador, Nacim Gaouaoui, told the council the "
     "strikes were a crime.", "Nacim Gaouaoui", "DZA"),
    ("Guyana brought the complaint. Its U.N. envoy, Carolyn Rodrigues-Birkett, said Venezuela had massed troops near "
     "the border.", "Carolyn Rodrigues-Birkett", "GUY"),
])
def test_its_un_ambassador_serves_the_state_its_stands_for(nlp, kb, text, name, code):
    assert holder(resolved(nlp, kb, text, date="2024-02-04"), name).code == code


@pytest.mark.parametrize(("text", "name", "wrong"), [
    ("Berlin was alarmed by the arrests. German Foreign Minister Annalena Baerbock spoke with Deputy Foreign Minister "
     "Roman Vassilenko by phone on Monday and urged restraint.", "Roman Vassilenko", "DEU"),
    ("London sent a team to the talks. Foreign Secretary David Lammy met Deputy Defence Minister Ivan Havryliuk on "
     "Tuesday to discuss air defence.", "Ivan Havryliuk", "GBR"),
])
def test_the_minister_a_visitor_speaks_with_is_not_of_the_visitors_state(nlp, kb, text, name, wrong):
    assert holder(resolved(nlp, kb, text, date="2024-09-10"), name).code != wrong


@pytest.mark.parametrize(("text", "mention", "code"), [
    # "his spokesman": an unnamed office holder known by whom the pronoun stands for, once pronouns have actors
    ("Chancellor Olaf Scholz spoke to Xi Jinping by telephone on Tuesday, his spokesman said.", "spokesman", "DEU"),
    ("NATO Secretary General Mark Rutte condemned the drone incursion into Polish airspace, his spokeswoman said.",
     "spokeswoman", "NATO"),
    # "the mission": the one peacekeeping mission named before (class:mission), and so its unnamed spokesman
    ("KFOR sent extra patrols to the north of Kosovo after the clashes. A spokesman for the mission said the "
     "roads had been reopened.", "spokesman", "NATO"),
])
def test_an_unnamed_spokesman_serves_whom_his_title_points_at(nlp, kb, text, mention, code):
    assert holder(resolved(nlp, kb, text, date="2024-05-02"), mention).code == code


def test_she_after_her_spokesman_is_whom_her_stands_for(nlp, kb):
    table = resolved(nlp, kb, "Jacinda Ardern cancelled her trip to Europe. Her spokesman said she would stay in "
                              "Wellington.", date="2020-03-02")
    assert holder(table, "she") is holder(table, "Jacinda Ardern")
    assert holder(table, "spokesman").code == "NZL"


def test_the_missions_head_is_the_uns_when_the_un_mission_was_named(nlp, kb):
    table = resolved(nlp, kb, "The U.N. mission in Lebanon, UNIFIL, said two of its posts had been hit by tank fire. "
                              "The mission's head, Aroldo Lazaro, said peacekeepers would stay.", date="2024-10-11")
    assert holder(table, "Aroldo Lazaro").code == "UN"


@pytest.mark.parametrize("text", [
    # negatives: a mission no KB row calls a mission, and a spokesman for a body no pass made an actor
    "Prime Minister Viktor Orban flew to Beijing on what he called a peace mission. A spokesman for the mission said "
    "the talks had been useful.",
    "Gaza's health ministry said the hospital was running out of fuel. A spokesman for the hospital said generators "
    "would stop within hours.",
])
def test_a_spokesman_for_what_no_actor_stands_for_is_not_coded_by_it(nlp, kb, text):
    spokesman = holder(resolved(nlp, kb, text, date="2024-07-09"), "spokesman")
    assert spokesman is None or spokesman.code is None


def test_its_foreign_ministry_acting_is_a_body_of_the_state_its_stands_for(nlp, kb):
    table = resolved(nlp, kb, "Ethiopia rejected the statement within hours. Its foreign ministry said Cairo was "
                              "trying to keep a colonial-era share of the river.", date="2023-12-20")
    ministry = holder(table, "foreign ministry")
    assert (ministry.kind, ministry.code) == ("organisation", "ETH")
    assert holder(table, "Its") is holder(table, "Ethiopia")  # the pronoun stays the state's


def test_its_body_as_an_object_or_a_group_is_left_as_before(nlp, kb):
    # negatives: a body that does not act is no actor of its own; "its troops" keeps its words
    table = resolved(nlp, kb, "Kenya moved its troops to the border and closed its foreign ministry annex in Juba.",
                     date="2023-12-20")
    assert holder(table, "foreign ministry") is None
    assert holder(table, "troops") is None


def test_the_blocs_secretary_general_serves_the_one_bloc_named_before(nlp, kb):
    table = resolved(nlp, kb, "Myanmar's junta skipped the summit in Jakarta. ASEAN said its peace plan still stood. "
                              "The bloc's secretary-general, Kao Kim Hourn, said the door remained open.",
                     date="2023-09-06")
    assert holder(table, "Kao Kim Hourn").code == "ASEAN"


def test_the_blocs_chief_is_not_guessed_between_two_blocs(nlp, kb):
    # negative: "the bloc" could be either organisation named before
    table = resolved(nlp, kb, "ECOWAS and the African Union both condemned the coup in Niamey. The bloc's "
                              "commissioner for security, Abdel-Fatau Musah, said troops were on standby.",
                     date="2023-08-10")
    assert holder(table, "Abdel-Fatau Musah").code is None


@pytest.mark.parametrize(("text", "mention", "code"), [
    # one unnamed former office holder speaks for no state: the demonym is a nationality
    ("Ecuador stormed the Mexican embassy in Quito. A former Mexican ambassador said the raid broke every rule.",
     "former Mexican ambassador", None),
    # negative: a serving official keeps the state
    ("Ecuador stormed the Mexican embassy in Quito. A senior Mexican diplomat said the raid broke every rule.",
     "senior Mexican diplomat", "MEX"),
])
def test_an_unnamed_former_official_is_coded_by_no_state(nlp, kb, text, mention, code):
    assert holder(resolved(nlp, kb, text, date="2024-04-07"), mention).code == code


@pytest.mark.parametrize(("text", "name", "code"), [
    # a named person set off as "a former <demonym> <office>" speaks for no state now: the demonym is a nationality
    ("India expelled a senior Canadian diplomat on Tuesday. Kanwal Sibal, a former Indian foreign secretary, said "
     "Ottawa had gone too far.", "Kanwal Sibal", None),
    ("Talks on reviving the nuclear deal resumed in Vienna. Hossein Mousavian, a former Iranian diplomat who now "
     "teaches at Princeton, said the deal could still be saved.", "Hossein Mousavian", None),
    # negatives: a serving official keeps the state, and so does a former one named after his title
    ("Talks on reviving the nuclear deal resumed in Vienna. Kazem Gharibabadi, a senior Iranian diplomat, said "
     "Tehran wanted guarantees.", "Kazem Gharibabadi", "IRN"),
    ("North Korea walked out of the working-level talks in Stockholm. Christopher Hill, a former U.S. envoy to the "
     "six-party talks, said Pyongyang had never meant to stay.", "Christopher Hill", "USA"),
    ("Talks on reviving the nuclear deal resumed in Vienna. Former Iranian diplomat Hossein Mousavian said the deal "
     "could still be saved.", "Hossein Mousavian", "IRN"),
])
def test_a_named_former_official_in_an_indefinite_apposition_is_coded_by_no_state(nlp, kb, text, name, code):
    assert holder(resolved(nlp, kb, text, date="2022-04-11"), name).code == code


@pytest.mark.parametrize(("text", "name", "code", "date"), [
    # "Ambassador X" with no state is the holder of the title the story described before, with its state
    ("Niger's military rulers on Friday gave France's ambassador 48 hours to leave the country. The foreign ministry "
     "said Ambassador Sylvain Itté had ignored an invitation to a meeting.", "Sylvain Itté", "FRA", "2023-08-26"),
    ("Mexico on Thursday declared North Korea's ambassador persona non grata and gave him 72 hours to leave.\n\n"
     "The foreign ministry said Ambassador Kim Hyong Gil had been told in person.", "Kim Hyong Gil", "PRK",
     "2017-09-08"),
])
def test_a_bare_title_is_the_one_described_before(nlp, kb, text, name, code, date):
    person = holder(resolved(nlp, kb, text, date=date), name)
    assert person.code == code
    assert person.evidence["rule"].startswith("the one holder of the title described before")


def test_a_bare_title_described_before_for_two_states_decides_nothing(nlp, kb):
    table = resolved(nlp, kb, "Moscow summoned Britain's ambassador and Germany's ambassador on Monday over arms "
                              "deliveries to Ukraine. Ambassador Alexander Lambsdorff told reporters the meeting was "
                              "short.", date="2023-01-30")
    assert not holder(table, "Alexander Lambsdorff").evidence.get("rule", "").startswith("the one holder")
