"""Blame, denials and refusals told the ways outlets write them: a denial answering the sentence before with a
pronoun, a claim or offer owned by its possessor, "said it would not accept", "was to blame", and what none of
these is (a sports "denied X a victory", a report's content, "respects X's sovereignty").

Hand-built actor tables as in test_events.py; sentences written for these tests.
"""
from __future__ import annotations

import pytest
from test_events import find, run

from newsgraph.stages.events.coder import Trace


def _typed(results, etype: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    return [(s, t) for e, s, t in results if e.type == etype and e.is_claim]


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("The Taliban accused Pakistan of bombing civilians in Khost. Islamabad denied it.",
     {"Taliban": "AFG", "Pakistan": "PAK", "Islamabad": "PAK"}, "PAK", "AFG"),
    ("Seoul accused Pyongyang of jamming GPS signals near the border. North Korea rejected that on Friday.",
     {"Seoul": "KOR", "Pyongyang": "PRK", "North Korea": "PRK"}, "PRK", "KOR"),
])
def test_a_denial_by_pronoun_answers_the_accusation_just_told(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "REJECT", {source}, {target})


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Ukraine accused Russia of shelling the Zaporizhzhia plant. Moscow denied involvement.",
     {"Ukraine": "UKR", "Russia": "RUS", "Moscow": "RUS"}, "RUS", "UKR"),
    ("Kyiv blamed Moscow for the strike on the hospital. The Kremlin denied responsibility.",
     {"Kyiv": "UKR", "Moscow": "RUS", "Kremlin": "RUS"}, "RUS", "UKR"),
    ("Israel accused Hamas of violating the truce, a charge Hamas denied.", {"Israel": "ISR", "Hamas": "HAMAS"},
     "HAMAS", "ISR"),
    ("Manila accused Beijing of ramming its supply boat, an allegation which China rejected.",
     {"Manila": "PHL", "Beijing": "CHN", "China": "CHN"}, "CHN", "PHL"),
])
def test_denying_involvement_or_a_charge_answers_the_accuser(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "REJECT", {source}, {target})


def test_denying_involvement_answers_no_one_who_accused_someone_else(nlp):
    text = "Ukraine accused Russia of shelling the plant. Belarus denied involvement."
    results = run(nlp, text, {"Ukraine": "UKR", "Russia": "RUS", "Belarus": "BLR"})
    assert not _typed(results, "REJECT")


def test_a_pronoun_denial_does_not_reach_past_the_sentence_before(nlp):
    text = ("Egypt accused Ethiopia of filling the dam without a deal. Talks resumed in Cairo a month later. "
            "The rains came early this year. Ethiopia denied it.")
    results = run(nlp, text, {"Egypt": "EGY", "Ethiopia": "ETH", "Cairo": "EGY"})
    assert not _typed(results, "REJECT")


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Japan's proposal for a summit was rebuffed by North Korea.", {"Japan": "JPN", "North Korea": "PRK"},
     "PRK", "JPN"),
    ("Greenland's premier turned down an offer from Washington to buy the island.",
     {"Greenland": "GRL", "Washington": "USA"}, "GRL", "USA"),
    ("Azerbaijan rejected France's criticism of its elections as groundless.",
     {"Azerbaijan": "AZE", "France": "FRA", "its": "AZE/state"}, "AZE", "FRA"),
])
def test_a_rejected_claim_or_offer_belongs_to_its_possessor_or_giver(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "REJECT", {source}, {target})


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Tehran said it would not accept Washington's conditions for new talks.",
     {"Tehran": "IRN", "it": "IRN", "Washington": "USA"}, "IRN", "USA"),
    ("Cairo said it would not accept Ethiopia's demands over the dam.",
     {"Cairo": "EGY", "it": "EGY", "Ethiopia": "ETH"}, "EGY", "ETH"),
])
def test_said_it_would_not_accept_is_a_rejection(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "REJECT", {source}, {target}).is_claim


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    # what another side imposes, refused: its giver is the participle's agent or the possessor
    ("Caracas said it would not accept the sanctions imposed by the United States.",
     {"Caracas": "VEN", "it": "VEN", "the United States": "USA"}, "VEN", "USA"),
    ("Niger's junta will not accept the ultimatum issued by ECOWAS.",
     {"Niger": "NER", "ECOWAS": "ECOWAS/organisation"}, "NER", "ECOWAS"),
    ("Havana will not accept Washington's embargo.", {"Havana": "CUB", "Washington": "USA"}, "CUB", "USA"),
])
def test_refusing_what_another_side_imposed_rejects_that_side(nlp, text, actors, source, target):
    trace = Trace()
    assert find(run(nlp, text, actors, trace=trace), "REJECT", {source}, {target}).is_claim
    assert any(c.etype == "REJECT" and c.rule.startswith("refusal") for c in trace.candidates)  # explain shows it


def test_restrictions_nobody_imposed_are_no_concession(nlp):
    results = run(nlp, "Importers said they would not accept the new restrictions.", {})
    assert not _typed(results, "REJECT") and not _typed(results, "CONCEDE")


def test_would_not_accept_on_a_condition_stays_hypothetical(nlp):
    text = "Tokyo said it would not accept Beijing's terms if the islands were included."
    results = run(nlp, text, {"Tokyo": "JPN", "it": "JPN", "Beijing": "CHN"})
    assert not _typed(results, "REJECT")


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Sudan's army shelled a market on Sunday. The Rapid Support Forces said the army was to blame for the deaths.",
     {"Sudan's army": "SDN", "the army": "SDN", "Rapid Support Forces": "RSF"}, "RSF", "SDN"),
    ("Kyiv said Moscow was to blame for the blackout.", {"Kyiv": "UKR", "Moscow": "RUS"}, "UKR", "RUS"),
])
def test_said_x_was_to_blame_accuses_x(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "ACCUSE", {source}, {target}).mode == "allege"


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Beijing pinned the blame on Washington.", {"Beijing": "CHN", "Washington": "USA"}, "CHN", "USA"),
    ("Moscow laid the responsibility on Kyiv for the dam collapse.", {"Moscow": "RUS", "Kyiv": "UKR"}, "RUS", "UKR"),
])
def test_laying_the_blame_on_x_accuses_x(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Berlin said Hungary's veto of the aid package was regrettable.", {"Berlin": "DEU", "Hungary": "HUN"},
     "DEU", "HUN"),
    ("Washington said China's export curbs on gallium were counterproductive.", {"Washington": "USA", "China": "CHN"},
     "USA", "CHN"),
    ("Seoul called Tokyo's decision a mistake.", {"Seoul": "KOR", "Tokyo": "JPN"}, "KOR", "JPN"),
])
def test_judging_a_sides_act_a_mistake_or_regrettable_accuses_it(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "ACCUSE", {source}, {target}).mode == "disapprove"


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Islamabad said India's claims were baseless.", {"Islamabad": "PAK", "India": "IND"}, "PAK", "IND"),
    ("The Kremlin says the allegations by London are a fabrication.", {"Kremlin": "RUS", "London": "GBR"},
     "RUS", "GBR"),
    ("Beijing's foreign ministry said the U.S. report was pure fiction.", {"Beijing": "CHN", "U.S.": "USA"},
     "CHN", "USA"),
])
def test_saying_a_sides_claim_is_false_rejects_that_side(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "REJECT", {source}, {target})


@pytest.mark.parametrize(("text", "actors"), [
    # what is called false is no side's claim
    ("Tehran said the rumours of a new deal were false.", {"Tehran": "IRN"}),
    # a side calling its own earlier statement wrong rejects nobody else
    ("Ankara said its earlier statement on the border was false.", {"Ankara": "TUR", "its": "TUR/state"}),
    # a judgement the speaker does not tell as fact
    ("Seoul said Tokyo's claims might be baseless.", {"Seoul": "KOR", "Tokyo": "JPN"}),
])
def test_no_reported_denial_without_another_sides_claim_told_false(nlp, text, actors):
    assert not _typed(run(nlp, text, actors), "REJECT")


@pytest.mark.parametrize(("text", "actors"), [
    # a report's own clause says where production goes, not whose report it is
    ("Apple rejected reports that it would move all iPhone production to India.",
     {"Apple": "-/organisation", "it": "-/organisation", "India": "IND"}),
    # denying someone a victory refuses them nothing a state asks
    ("The Indian batsman denied Australia a late victory in Perth.", {"Indian": "IND", "Australia": "AUS"}),
    # respecting a sovereignty is abiding by it, not praise
    ("Vietnam said it respects China's sovereignty.", {"Vietnam": "VNM", "it": "VNM", "China": "CHN"}),
])
def test_no_rejection_or_praise_where_none_is_told(nlp, text, actors):
    results = run(nlp, text, actors)
    assert not [(e.type, set(s), set(t)) for e, s, t in results if t and e.type in ("REJECT", "SUPPORT")]


def test_denying_a_side_access_still_refuses_it(nlp):
    results = run(nlp, "Myanmar denied the UN envoy access to the detained leader.", {"Myanmar": "MMR", "UN": "UN"})
    assert find(results, "REJECT", {"MMR"}, {"UN"}).mode == "assist"


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Israel ignored the UN Security Council's calls for a ceasefire.", {"Israel": "ISR", "UN": "UN"}, "ISR", "UN"),
    ("Iran defied the IAEA's demands for access to the site.", {"Iran": "IRN", "IAEA": "IAEA"}, "IRN", "IAEA"),
    ("The Kremlin shot down Kyiv's proposal for an energy truce.", {"Kremlin": "RUS", "Kyiv": "UKR"}, "RUS", "UKR"),
])
def test_ignoring_defying_or_shooting_down_a_sides_demand_rejects_it(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "REJECT", {source}, {target})


@pytest.mark.parametrize(("text", "actors", "etype"), [
    ("Ukraine shot down 40 Russian drones overnight.", {"Ukraine": "UKR", "Russian": "RUS"}, "ASSAULT"),
    ("Germany ignored the warnings and sent tanks to Ukraine.", {"Germany": "DEU", "Ukraine": "UKR"}, "AID"),
])
def test_shooting_down_or_ignoring_what_is_no_claim_rejects_nobody(nlp, text, actors, etype):
    results = run(nlp, text, actors)
    assert not _typed(results, "REJECT") and _typed(results, etype)


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Beijing's accusations that Manila provoked the clash drew a response from Washington.",
     {"Beijing": "CHN", "Manila": "PHL", "Washington": "USA"}, "CHN", "PHL"),
    ("The talks collapsed amid allegations by Kyiv that Moscow had deported thousands of children.",
     {"Kyiv": "UKR", "Moscow": "RUS"}, "UKR", "RUS"),
])
def test_an_accusation_that_x_did_something_accuses_x(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "ACCUSE", {source}, {target}).mode == "allege"


def test_a_claim_about_ones_own_side_accuses_nobody(nlp):
    results = run(nlp, "Moscow's claims that its forces had taken the town were disputed.",
                  {"Moscow": "RUS", "its": "RUS/state"})
    assert not _typed(results, "ACCUSE")


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Kyiv said Moscow was responsible for carrying out the attack on the dam.", {"Kyiv": "UKR", "Moscow": "RUS"},
     "UKR", "RUS"),
    ("Manila said Beijing had provoked the clash near the shoal.", {"Manila": "PHL", "Beijing": "CHN"}, "PHL", "CHN"),
    ("Berlin said Moscow was weaponising gas supplies.", {"Berlin": "DEU", "Moscow": "RUS"}, "DEU", "RUS"),
    ("Washington said Tehran was undermining the truce in Gaza.", {"Washington": "USA", "Tehran": "IRN"},
     "USA", "IRN"),
])
def test_a_told_wrong_or_blame_for_a_wrongful_deed_accuses_its_doer(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "ACCUSE", {source}, {target}).mode == "allege"


@pytest.mark.parametrize(("text", "actors"), [
    ("Nairobi said Kampala was responsible for protecting the shared border.", {"Nairobi": "KEN", "Kampala": "UGA"}),
    ("Paris said Berlin would undermine nothing in the talks.", {"Paris": "FRA", "Berlin": "DEU"}),
])
def test_a_duty_or_a_foreseen_act_accuses_nobody(nlp, text, actors):
    assert not _typed(run(nlp, text, actors), "ACCUSE")


def test_barring_a_side_from_entering_rejects_it(nlp):
    results = run(nlp, "Israel barred two U.S. congresswomen from entering the country.",
                  {"Israel": "ISR", "U.S.": "USA"})
    assert find(results, "REJECT", {"ISR"}, {"USA"}).mode == "assist"
    assert not _typed(results, "SANCTION")


def test_barring_a_side_from_a_market_stays_a_sanction(nlp):
    results = run(nlp, "Washington barred Chinese telecom firms from its market.",
                  {"Washington": "USA", "Chinese": "CHN"})
    assert _typed(results, "SANCTION") and not _typed(results, "REJECT")


@pytest.mark.parametrize(("text", "actors", "etype", "source", "target"), [
    ("In a sharp rebuke to Beijing, Manila published video of the collision.", {"Beijing": "CHN", "Manila": "PHL"},
     "ACCUSE", "PHL", "CHN"),
    ("South Africa's genocide case against Israel opened in The Hague.", {"South Africa": "ZAF", "Israel": "ISR"},
     "ACCUSE", "ZAF", "ISR"),
    ("Ukraine's refusal to cede territory to Russia has stalled the talks.", {"Ukraine": "UKR", "Russia": "RUS"},
     "REJECT", "UKR", "RUS"),
    ("Serbia's failure to reach a deal with Kosovo angered Brussels.", {"Serbia": "SRB", "Kosovo": "XKX"},
     "REJECT", "SRB", "XKX"),
])
def test_rebukes_cases_and_refusals_told_as_nouns(nlp, text, actors, etype, source, target):
    find(run(nlp, text, actors), etype, {source}, {target})


def test_a_claim_that_tells_no_wrong_accuses_nobody(nlp):
    results = run(nlp, "Trump repeated his claim that China operates the Panama Canal.",
                  {"Trump": "USA", "China": "CHN"})
    assert not _typed(results, "ACCUSE")


def test_a_claim_that_tells_a_wrong_accuses_its_doer(nlp):
    results = run(nlp, "Seoul's claims that Pyongyang had violated the military pact drew a sharp response.",
                  {"Seoul": "KOR", "Pyongyang": "PRK"})
    find(results, "ACCUSE", {"KOR"}, {"PRK"})



@pytest.mark.parametrize(("text", "actors"), [
    ("India and Pakistan traded accusations on Monday over the shelling of villages near the Line of Control.",
     {"India": "IND", "Pakistan": "PAK"}),
    ("Armenia and Azerbaijan traded blame for the overnight clashes on their border.",
     {"Armenia": "ARM", "Azerbaijan": "AZE"}),
    ("Thailand and Cambodia exchanged insults after the border talks collapsed.",
     {"Thailand": "THA", "Cambodia": "KHM"}),
])
def test_sides_trading_accusations_accuse_each_other_and_trade_nothing(nlp, text, actors):
    results = run(nlp, text, actors)
    first, second = actors.values()
    find(results, "ACCUSE", {first}, {second})
    find(results, "ACCUSE", {second}, {first})
    assert not _typed(results, "COOPERATE")


def test_trade_with_a_named_partner_is_still_cooperation(nlp):
    results = run(nlp, "Vietnam trades with Cambodia across a dozen border crossings.",
                  {"Vietnam": "VNM", "Cambodia": "KHM"})
    find(results, "COOPERATE", {"VNM"}, {"KHM"})


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    # the accused doer is no side; the backer its "of" clause names is accused
    ("Ortega accused the students of having been paid by Washington to topple his government.",
     {"Ortega": "NIC/person", "Washington": "USA"}, "NIC", "USA"),
    ("Maduro accused the opposition of plotting a coup with the help of the United States.",
     {"Maduro": "VEN/person", "United States": "USA"}, "VEN", "USA"),
    ("Minsk accused the protesters of acting with Poland's backing.", {"Minsk": "BLR", "Poland": "POL"}, "BLR", "POL"),
    ("Maduro, speaking on Tuesday, accused the opposition of staging a coup attempt with the help of the United "
     "States.", {"Maduro": "VEN/person", "United States": "USA"}, "VEN", "USA"),
])
def test_an_accusation_names_the_backer_of_an_uncoded_doer(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "ACCUSE", {source}, {target})


@pytest.mark.parametrize(("text", "actors"), [
    # the agent of a passive gerund that is no backing acted against the accused; a tool is no backer
    ("Seoul accused the smugglers of having been caught by Chinese police.",
     {"Seoul": "KOR", "Chinese police": "CHN/organisation"}),
    ("Kyiv accused the gunmen of shelling the plant with the help of drones bought in Iran.",
     {"Kyiv": "UKR", "Iran": "IRN"}),
])
def test_no_backer_is_accused_without_backing(nlp, text, actors):
    assert not _typed(run(nlp, text, actors), "ACCUSE")
