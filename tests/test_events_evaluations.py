"""Evaluations, refusals and sanctions told in ways any outlet writes: what a reaction names through a free
relative, a wrong told as "an act of war", a side that "is opposed to" something, and their negative cases.

Hand-built actor tables as in test_events.py; sentences written for these tests.
"""
from __future__ import annotations

import pytest
from test_events import find, run


def _types(results) -> set[tuple[str, frozenset[str], frozenset[str]]]:
    return {(e.type, s, t) for e, s, t in results if e.is_claim}


@pytest.mark.parametrize(("text", "actors", "target"), [
    ("Armenia condemned what it called Azerbaijan's provocation at the border.",
     {"Armenia": "ARM", "it": "ARM", "Azerbaijan": "AZE"}, "AZE"),
    ("Manila denounced what it described as China's dangerous manoeuvres near the shoal.",
     {"Manila": "PHL", "it": "PHL", "China": "CHN"}, "CHN"),
])
def test_condemning_what_it_called_x_accuses_the_one_it_names(nlp, text, actors, target):
    event = find(run(nlp, text, actors), "ACCUSE", {actors[text.split()[0]]}, {target})
    assert event.mode == "disapprove"


def test_condemning_what_it_called_an_unowned_act_accuses_nobody(nlp):
    results = run(nlp, "Armenia condemned what it called an irresponsible action.", {"Armenia": "ARM", "it": "ARM"})
    assert not [e for e, _, _ in results if e.type == "ACCUSE"]


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Kyiv said Moscow had committed an act of war.", {"Kyiv": "UKR", "Moscow": "RUS"}, "UKR", "RUS"),
    ("Islamabad said the Indian missile strikes were an act of war.", {"Islamabad": "PAK", "Indian": "IND"},
     "PAK", "IND"),
    ("Seoul said the North's drone flights were acts of provocation.", {"Seoul": "KOR", "North": "PRK"},
     "KOR", "PRK"),
])
def test_an_act_of_war_told_as_done_accuses_its_doer(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "ACCUSE", {source}, {target}).mode == "allege"


@pytest.mark.parametrize("text", [
    "Tehran said Israel had denied committing an act of war.",
    "Tehran said Israel could commit an act of war.",
    "Tehran said Israel had committed an act of kindness.",
])
def test_a_denied_foreseen_or_harmless_act_accuses_nobody(nlp, text):
    results = run(nlp, text, {"Tehran": "IRN", "Israel": "ISR"})
    assert ("ACCUSE", frozenset({"IRN"}), frozenset({"ISR"})) not in _types(results)


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Poland is opposed to Ukraine's grain imports.", {"Poland": "POL", "Ukraine": "UKR"}, "POL", "UKR"),
    ("Hungary was opposed to Sweden's bid to join the alliance.", {"Hungary": "HUN", "Sweden": "SWE"},
     "HUN", "SWE"),
])
def test_a_side_opposed_to_something_rejects_its_owner(nlp, text, actors, source, target):
    find(run(nlp, text, actors), "REJECT", {source}, {target})


def test_a_side_opposed_by_another_is_not_the_one_rejecting(nlp):
    results = run(nlp, "Ukraine's grain imports are opposed by Poland.", {"Poland": "POL", "Ukraine": "UKR"})
    assert ("REJECT", frozenset({"UKR"}), frozenset({"POL"})) not in _types(results)


@pytest.mark.parametrize(("text", "actors", "etype", "source", "targets"), [
    ("Peru recalled its envoys to Mexico and Bolivia after the remarks.",
     {"Peru": "PER", "Mexico": "MEX", "Bolivia": "BOL"}, "SANCTION", "PER", {"MEX", "BOL"}),
    ("Ghana shut its borders to Togo and Benin.", {"Ghana": "GHA", "Togo": "TGO", "Benin": "BEN"},
     "SANCTION", "GHA", {"TGO", "BEN"}),
    ("Georgia dismissed the criticism from Paris and Berlin.", {"Georgia": "GEO", "Paris": "FRA", "Berlin": "DEU"},
     "REJECT", "GEO", {"FRA", "DEU"}),
])
def test_coordinated_targets_each_get_the_act(nlp, text, actors, etype, source, targets):
    results = run(nlp, text, actors)
    assert find(results, etype, {source}, targets)


@pytest.mark.parametrize(("text", "actors"), [
    ("The band added Spain to its tour list.", {"Spain": "ESP"}),
    ("The hotel welcomed guests from Spain.", {"Spain": "ESP"}),
    ("Norway did not convey any concerns to Russia.", {"Norway": "NOR", "Russia": "RUS"}),
])
def test_look_alikes_are_no_events(nlp, text, actors):
    results = run(nlp, text, actors)
    assert not [e for e, _, _ in results if e.is_claim and e.type in ("SANCTION", "SUPPORT", "ACCUSE")]


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Seoul says Pyongyang's missile launches are a threat to the region.", {"Seoul": "KOR", "Pyongyang": "PRK"},
     "KOR", "PRK"),
    ("Venezuela said the court's ruling was outrageous.", {"Venezuela": "VEN", "court": "ICJ/organisation"},
     "VEN", "ICJ"),
    ('"Beijing\'s blockade of the shoal was reckless," the Philippine foreign minister said.',
     {"Beijing": "CHN", "Philippine": "PHL"}, "PHL", "CHN"),
])
def test_a_side_judging_anothers_act_in_condemning_words_accuses_it(nlp, text, actors, source, target):
    event = find(run(nlp, text, actors), "ACCUSE", {source}, {target})
    assert event.mode == "disapprove" and event.pattern == "accuse:reported-evaluation"


@pytest.mark.parametrize(("text", "actors"), [
    ("Moscow said its response was legal and not a provocation.", {"Moscow": "RUS"}),
    ("Berlin said Russia's drills were not a threat.", {"Berlin": "DEU", "Russia": "RUS"}),
    ("Tokyo said Russia's strikes could be dangerous.", {"Tokyo": "JPN", "Russia": "RUS"}),
    ("Tokyo said the strikes on Syria were unacceptable.", {"Tokyo": "JPN", "Syria": "SYR"}),
    ("Oslo said Sweden's plan was sensible.", {"Oslo": "NOR", "Sweden": "SWE"}),
])
def test_own_denied_foreseen_or_victims_judgements_accuse_nobody(nlp, text, actors):
    results = run(nlp, text, actors)
    assert not [e for e, _, _ in results if e.is_claim and e.pattern == "accuse:reported-evaluation"]


def test_a_judged_act_naming_nobody_is_aimed_at_its_doer(nlp):
    text = ("Russian warships held live-fire drills near Latvia's coast on Monday. "
            "Riga said the drills were reckless.")
    results = run(nlp, text, {"Russian": "RUS", "Latvia": "LVA", "Riga": "LVA"})
    assert find(results, "ACCUSE", {"LVA"}, {"RUS"}).pattern == "accuse:reported-evaluation"


@pytest.mark.parametrize(("text", "actors", "etype", "source", "targets"), [
    ("Ethiopia and Kenya signed a water deal on Monday. Egypt welcomed it on Tuesday.",
     {"Ethiopia": "ETH", "Kenya": "KEN", "Egypt": "EGY"}, "SUPPORT", "EGY", {"ETH", "KEN"}),
    ("Russian missiles struck Kyiv overnight. Poland condemned it in the strongest terms.",
     {"Russian": "RUS", "Kyiv": "UKR", "Poland": "POL"}, "ACCUSE", "POL", {"RUS"}),
])
def test_a_reaction_to_it_answers_the_act_just_told(nlp, text, actors, etype, source, targets):
    find(run(nlp, text, actors), etype, {source}, targets)


def test_a_reaction_to_it_does_not_reach_back_past_the_sentence_before(nlp):
    text = ("Ethiopia and Kenya signed a water deal on Monday. The rains came late. Food prices rose. "
            "Egypt welcomed it on Tuesday.")
    results = run(nlp, text, {"Ethiopia": "ETH", "Kenya": "KEN", "Egypt": "EGY"})
    assert not [e for e, s, _ in results if e.type == "SUPPORT" and s == {"EGY"}]


@pytest.mark.parametrize(("text", "actors", "etype", "source", "target"), [
    ("The Arab League passed a resolution condemning Israel's raid on the camp.",
     {"Arab League": "ARL/organisation", "Israel": "ISR"}, "ACCUSE", "ARL", "ISR"),
    ("The G7 adopted a declaration urging China to curb its steel exports.",
     {"G7": "G7/organisation", "China": "CHN"}, "REQUEST", "G7", "CHN"),
    ("Thirty countries led by Ireland signed a letter supporting the court.",
     {"Ireland": "IRL", "court": "ICC/organisation"}, "SUPPORT", "IRL", "ICC"),
])
def test_a_text_a_side_issues_does_what_its_participle_says(nlp, text, actors, etype, source, target):
    find(run(nlp, text, actors), etype, {source}, {target})


def test_a_text_someone_only_reads_out_is_not_theirs(nlp):
    results = run(nlp, "A reporter read out a statement condemning Israel.", {"Israel": "ISR"})
    assert not [e for e, _, _ in results if e.type == "ACCUSE"]


def test_welcoming_the_agreement_answers_the_agreement_not_an_earlier_welcome(nlp):
    text = ("Armenia and Azerbaijan signed a peace agreement in Washington on Friday. "
            "France praised the agreement as historic. "
            "Germany welcomed the agreement on Saturday.")
    results = run(nlp, text, {"Armenia": "ARM", "Azerbaijan": "AZE", "France": "FRA", "Germany": "DEU"})
    find(results, "SUPPORT", {"FRA"}, {"ARM", "AZE"})
    find(results, "SUPPORT", {"DEU"}, {"ARM", "AZE"})


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Kyiv alleged that Moscow had deported thousands of children.", {"Kyiv": "UKR", "Moscow": "RUS"}, "UKR", "RUS"),
    ("Caracas charged that Washington was plotting a coup.", {"Caracas": "VEN", "Washington": "USA"}, "VEN", "USA"),
    ("Kyiv alleged that civilians had been killed by Russian troops.", {"Kyiv": "UKR", "Russian": "RUS"},
     "UKR", "RUS"),
    ("Baghdad said Iran was meddling in its internal affairs.", {"Baghdad": "IRQ", "Iran": "IRN"}, "IRQ", "IRN"),
    ("Ottawa said New Delhi had spied on Sikh activists.", {"Ottawa": "CAN", "New Delhi": "IND"}, "CAN", "IND"),
])
def test_an_alleged_act_or_a_wrong_told_as_done_accuses_its_doer(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "ACCUSE", {source}, {target}).pattern == "accuse:reported-wrong"


@pytest.mark.parametrize("text", [
    "Kyiv denied that Moscow had deported children.",
    "Kyiv said Moscow would not interfere in the talks.",
    "Kyiv alleged that it had been attacked by unknown gunmen.",
])
def test_a_denied_or_foreseen_or_unattributed_act_accuses_nobody(nlp, text):
    results = run(nlp, text, {"Kyiv": "UKR", "Moscow": "RUS", "it": "UKR"})
    assert not [e for e, _, _ in results if e.type == "ACCUSE" and e.is_claim]


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Caracas does not recognize the jurisdiction of the International Court of Justice.",
     {"Caracas": "VEN", "International Court of Justice": "ICJ/organisation"}, "VEN", "ICJ"),
    ("Japan has not recognized the military government in Niger.", {"Japan": "JPN", "Niger": "NER"}, "JPN", "NER"),
])
def test_a_denied_stance_is_a_refusal(nlp, text, actors, source, target):
    event = find(run(nlp, text, actors), "REJECT", {source}, {target})
    assert "negated" not in event.qualifiers


@pytest.mark.parametrize("text", [
    "Kenya may not recognize the new government in Niger.",
    "Kenya recognized the new government in Niger.",
])
def test_a_possible_or_granted_stance_is_no_refusal(nlp, text):
    results = run(nlp, text, {"Kenya": "KEN", "Niger": "NER"})
    assert not [e for e, _, _ in results if e.type == "REJECT"]


@pytest.mark.parametrize(("text", "actors", "source", "target"), [
    ("Britain said Israel had the right to defend itself.", {"Britain": "GBR", "Israel": "ISR"}, "GBR", "ISR"),
    ("Berlin says Kyiv has every right to strike targets inside Russia.",
     {"Berlin": "DEU", "Kyiv": "UKR", "Russia": "RUS"}, "DEU", "UKR"),
])
def test_granting_another_side_a_right_supports_it(nlp, text, actors, source, target):
    assert find(run(nlp, text, actors), "SUPPORT", {source}, {target}).pattern == "support:reported-right"


@pytest.mark.parametrize("text", [
    "Kyiv said it had the right to respond.",
    "London said Israel did not have the right to annex the West Bank.",
    "London said Israel had a plan to defend itself.",
])
def test_an_own_denied_or_other_possession_supports_nobody(nlp, text):
    results = run(nlp, text, {"Kyiv": "UKR", "it": "UKR", "London": "GBR", "Israel": "ISR"})
    assert not [e for e, _, _ in results if e.pattern == "support:reported-right" and e.is_claim]


def test_rejecting_the_statement_answers_an_accusation_earlier_in_the_same_sentence(nlp):
    text = ("India conveyed its concern to Bangladesh over the monk's detention, and Dhaka rejected the statement "
            "the same evening.")
    results = run(nlp, text, {"India": "IND", "Bangladesh": "BGD", "Dhaka": "BGD"})
    find(results, "REJECT", {"BGD"}, {"IND"})


def test_a_reply_does_not_answer_an_accusation_told_after_it(nlp):
    text = "Dhaka rejected the statement, hours before India conveyed its concern to Bangladesh."
    results = run(nlp, text, {"India": "IND", "Bangladesh": "BGD", "Dhaka": "BGD"})
    assert not [e for e, _, _ in results if e.type == "REJECT"]


def test_an_envoy_posted_in_the_summoners_capital_is_his_own_countrys(nlp):
    text = "Kenya summoned Uganda's high commissioner in Nairobi, Joseph Ocwet, on Tuesday."
    results = run(nlp, text, {"Kenya": "KEN", "Uganda": "UGA", "Nairobi": "KEN", "Joseph Ocwet": "UGA/person"})
    find(results, "ACCUSE", {"KEN"}, {"UGA"})


def test_condemning_the_strikes_answers_the_striker_not_the_latest_act_of_force(nlp):
    text = ("Israeli jets struck two sites in Iran on Friday. Iranian missiles then hit a base in Israel. "
            "Egypt condemned the strikes.")
    results = run(nlp, text, {"Israeli": "ISR", "Iran": "IRN", "Iranian": "IRN", "Israel": "ISR", "Egypt": "EGY"})
    find(results, "ACCUSE", {"EGY"}, {"ISR"})


def test_a_pronoun_does_not_retell_a_reaction(nlp):
    text = ("Russian drones crossed into Estonia overnight. Finland said the flights were reckless. "
            "Latvia called it a provocation.")
    results = run(nlp, text, {"Russian": "RUS", "Estonia": "EST", "Finland": "FIN", "Latvia": "LVA"})
    assert ("ACCUSE", frozenset({"LVA"}), frozenset({"FIN"})) not in _types(results)


def test_a_statement_of_support_is_its_signers_support(nlp):
    text = "Forty countries, led by Ireland and Chile, signed a joint statement of support for the tribunal."
    results = run(nlp, text, {"Ireland": "IRL", "Chile": "CHL", "tribunal": "ICJ/organisation"})
    find(results, "SUPPORT", {"IRL", "CHL"}, {"ICJ"})


def test_blaming_it_on_what_one_called_x_accuses_x(nlp):
    text = "Moscow blamed the crisis on what it called NATO's aggressive policy in the region."
    results = run(nlp, text, {"Moscow": "RUS", "it": "RUS", "NATO": "NATO/organisation"})
    assert find(results, "ACCUSE", {"RUS"}, {"NATO"}).mode == "allege"


def test_denying_doing_something_rejects_nobody_it_names(nlp):
    results = run(nlp, "Kigali denies backing the rebels but says it must protect itself.",
                  {"Kigali": "RWA", "rebels": "M23/group", "it": "RWA"})
    assert ("REJECT", frozenset({"RWA"}), frozenset({"M23"})) not in _types(results)
