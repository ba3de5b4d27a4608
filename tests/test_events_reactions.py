"""Reactions whose target the sentence leaves unsaid: the act reacted to was told before, by a word of its own, a
generic noun ("the decision", "the move") or only with its doer. Sentences written for these tests.
"""
from __future__ import annotations

import pytest
from test_events import find, run

from newsgraph.stages.events.coder import Trace


def reactions(results, etype: str) -> list[frozenset[str]]:
    return [t for e, _, t in results if e.type == etype]


def test_the_move_retells_the_latest_act_of_the_reactions_polarity(nlp):
    text = ("Slovenia recognised the State of Palestine on Tuesday. Israel recalled its ambassador from Ljubljana "
            "in protest. The Palestinian foreign ministry welcomed the move.")
    results = run(nlp, text, {"Slovenia": "SVN", "Palestine": "PSE", "Palestinian": "PSE", "Israel": "ISR",
                              "Ljubljana": "SVN"})
    find(results, "SUPPORT", {"PSE"}, {"SVN"})
    assert not [t for t in reactions(results, "SUPPORT") if "ISR" in t]


def test_the_decision_never_retells_a_judgement(nlp):
    text = ("Russia barred nine Estonian officials from entering the country on Monday. Estonia's president "
            "condemned the measure. Latvia criticised the decision in a statement the next day.")
    results = run(nlp, text, {"Russia": "RUS", "Estonian": "EST", "Estonia": "EST", "Latvia": "LVA"})
    find(results, "ACCUSE", {"LVA"}, {"RUS"})


def test_an_act_told_with_its_doer_only_is_answered(nlp):
    text = ("Nicaragua's police raided the offices of 1,500 charities on Thursday and froze their accounts. "
            "Costa Rica criticised the move on Friday.")
    results = run(nlp, text, {"Nicaragua": "NIC", "Costa Rica": "CRI"})
    find(results, "ACCUSE", {"CRI"}, {"NIC"})


def test_the_word_of_an_earlier_act_names_its_doer(nlp):
    text = ("Burkina Faso's junta signed a decree on Monday suspending two French radio stations. "
            "Reporters Without Borders condemned the decree.")
    trace = Trace()
    results = run(nlp, text, {"Burkina Faso": "BFA", "French": "FRA", "Reporters Without Borders": "RSF/organisation"},
                  trace=trace)
    find(results, "ACCUSE", {"RSF"}, {"BFA"})
    assert any("'signed'" in c.target_how or "'decree'" in c.target_how for c in trace.candidates
               if c.match.trigger.lower_ == "condemned")


def test_the_vote_names_the_voters(nlp):
    text = ("Peru's congress voted on Thursday to declare the Mexican president persona non grata. "
            "Mexico's foreign ministry condemned the vote.")
    results = run(nlp, text, {"Peru": "PER", "Mexican": "MEX", "Mexico": "MEX"})
    find(results, "ACCUSE", {"MEX"}, {"PER"})


def test_drills_retell_exercises(nlp):
    text = ("North Korea staged artillery exercises near the maritime border with South Korea on Friday. "
            "Seoul condemned the drills as a provocation.")
    results = run(nlp, text, {"North Korea": "PRK", "South Korea": "KOR", "Seoul": "KOR"})
    find(results, "ACCUSE", {"KOR"}, {"PRK"})


def test_acts_of_different_doers_told_together_leave_the_reaction_unaimed(nlp):
    text = ("Armenian forces shelled a village in Nakhchivan, and Azerbaijani troops fired on a post in Syunik. "
            "The OSCE condemned the attack on Sunday.")
    results = run(nlp, text, {"Armenian": "ARM", "Nakhchivan": "AZE", "Azerbaijani": "AZE", "Syunik": "ARM",
                              "OSCE": "OSCE/organisation"})
    assert not [t for t in reactions(results, "ACCUSE") if t]


def test_a_reactors_own_act_in_its_sentence_is_not_what_it_reacts_to(nlp):
    text = ("Chile expelled a Venezuelan diplomat on Monday. Venezuela recalled its ambassador from Santiago and "
            "condemned the decision.")
    results = run(nlp, text, {"Chile": "CHL", "Venezuelan": "VEN", "Venezuela": "VEN", "Santiago": "CHL"})
    find(results, "ACCUSE", {"VEN"}, {"CHL"})


def test_a_decision_with_no_act_told_is_aimed_at_nobody(nlp):
    text = "Brazil's agriculture minister criticised the decision on Tuesday, saying farmers would pay for it."
    results = run(nlp, text, {"Brazil": "BRA"})
    assert not [t for t in reactions(results, "ACCUSE") if t]


def test_the_ban_retells_the_act_that_barred(nlp):
    text = ("Tajikistan's parliament barred women from wearing the hijab in public on Thursday. "
            "Iran's foreign ministry criticised the ban.")
    results = run(nlp, text, {"Tajikistan": "TJK", "Iran": "IRN"})
    find(results, "ACCUSE", {"IRN"}, {"TJK"})


def test_a_noun_of_the_acts_verb_names_it(nlp):
    text = ("Finland closed its last border crossing with Russia on Wednesday. "
            "Moscow condemned the closure as a hostile step.")
    results = run(nlp, text, {"Finland": "FIN", "Russia": "RUS", "Moscow": "RUS"})
    find(results, "ACCUSE", {"RUS"}, {"FIN"})


@pytest.mark.parametrize(("text", "actors", "etype", "source", "target"), [
    ("Taiwan's president stopped over in Hawaii on Sunday on his way to the Pacific, a move condemned by Beijing "
     "as a provocation.", {"Taiwan": "TWN", "Beijing": "CHN"}, "ACCUSE", {"CHN"}, {"TWN"}),
    ("Israel closed the Kerem Shalom crossing into Gaza on Sunday, a step the United Nations condemned as "
     "collective punishment.", {"Israel": "ISR", "Gaza": "PSE", "United Nations": "UN/organisation"},
     "ACCUSE", {"UN"}, {"ISR"}),
    ("Hungary's parliament ratified Sweden's NATO membership on Monday, in a move hailed by Stockholm.",
     {"Hungary": "HUN", "Sweden": "SWE", "NATO": "NATO/organisation", "Stockholm": "SWE"},
     "SUPPORT", {"SWE"}, {"HUN"}),
    ("Germany approved the delivery of Taurus missiles to Ukraine on Thursday, a decision welcomed by Kyiv but "
     "denounced by Moscow.", {"Germany": "DEU", "Ukraine": "UKR", "Kyiv": "UKR", "Moscow": "RUS"},
     "ACCUSE", {"RUS"}, {"DEU"}),
])
def test_a_reaction_on_a_noun_summing_up_the_clause_is_aimed_at_its_subject(nlp, text, actors, etype, source,
                                                                             target):
    find(run(nlp, text, actors), etype, source, target)


def test_a_move_the_doer_defends_is_no_reaction(nlp):
    text = "Japan's prime minister visited the Yasukuni shrine on Tuesday, a move he defended as remembrance."
    results = run(nlp, text, {"Japan": "JPN", "he": "JPN/person"})
    assert not reactions(results, "SUPPORT")


def test_the_decision_of_a_joint_act_is_its_deciders(nlp):
    text = ("The European Union agreed on Tuesday to open accession talks with Ukraine and Moldova. "
            "In Kyiv, President Zelensky hailed the decision as a victory for all of Europe.")
    results = run(nlp, text, {"European Union": "EU/organisation", "Ukraine": "UKR", "Moldova": "MDA",
                              "Kyiv": "UKR", "President Zelensky": "UKR/person"})
    find(results, "SUPPORT", {"UKR"}, {"EU"})


def test_a_decision_noun_with_no_act_coded_retells_the_deed_of_the_sentence_before(nlp):
    text = ("China imposed export controls on gallium and germanium on Monday. "
            "The European Commission criticised the decision.")
    results = run(nlp, text, {"China": "CHN", "European Commission": "EU/organisation"})
    find(results, "ACCUSE", {"EU"}, {"CHN"})


@pytest.mark.parametrize("text", [
    # the sentence before tells what was said, not done
    "China's commerce ministry said on Monday that exports of gallium were falling. Japan criticised the decision.",
    # its subject names no side
    "Prices of rice rose sharply in Manila last month. The central bank criticised the move.",
])
def test_the_sentence_before_gives_no_doer_unless_a_side_did_something(nlp, text):
    results = run(nlp, text, {"China": "CHN", "Japan": "JPN", "Manila": "PHL"})
    assert not [t for t in reactions(results, "ACCUSE") if t]


def test_a_reported_judgement_answers_only_an_act_named_word_for_word(nlp):
    text = ("Lithuanian jets took part in the operation to down the balloons over Vilnius. "
            "The Belarusian foreign minister said the incursion was a provocation.")
    results = run(nlp, text, {"Lithuanian": "LTU", "Vilnius": "LTU", "Belarusian": "BLR"})
    assert not [t for t in reactions(results, "ACCUSE") if "LTU" in t]


@pytest.mark.parametrize(("text", "spec", "wanted"), [
    # an older coded act whose words are kin to "the move" is not what it answers: the deed just told is
    ("Canada sanctioned Nicaraguan officials in June. Nicaragua expelled the papal nuncio from Managua on "
     "Saturday. The Vatican condemned the move.",
     {"Canada": "CAN", "Nicaraguan": "NIC", "Nicaragua": "NIC", "Managua": "NIC", "Vatican": "VAT"},
     ("ACCUSE", {"VAT"}, {"NIC"})),
    ("Australia imposed tariffs on Chinese steel in 2021. Beijing blocked Australian barley at its ports in May "
     "2020. Canberra criticised the decision.",
     {"Australia": "AUS", "Chinese": "CHN", "Beijing": "CHN", "Australian": "AUS", "Canberra": "AUS"},
     ("ACCUSE", {"AUS"}, {"CHN"})),
])
def test_the_move_answers_the_deed_told_just_before_not_an_older_act(nlp, text, spec, wanted):
    etype, source, target = wanted
    results = run(nlp, text, spec)
    find(results, etype, source, target)
    assert not [t for e, s, t in results if e.type == etype and s == frozenset(source) and t != frozenset(target)]


def test_a_welcome_of_the_move_after_a_deed_of_conflict_is_aimed_at_nobody(nlp):
    text = ("Japan signed a trade pact with Vietnam in 2023. Russia seized the assets of two Western firms on "
            "Tuesday. Hungary welcomed the move.")
    results = run(nlp, text, {"Japan": "JPN", "Vietnam": "VNM", "Russia": "RUS", "Hungary": "HUN"})
    assert not [t for t in reactions(results, "SUPPORT") if t & {"JPN", "VNM"}]


def test_a_noun_the_older_act_was_told_with_still_answers_it(nlp):
    text = ("Canada sanctioned Nicaraguan officials in June. Nicaragua expelled the papal nuncio on Saturday. "
            "Managua condemned the sanctions.")
    results = run(nlp, text, {"Canada": "CAN", "Nicaraguan": "NIC", "Nicaragua": "NIC", "Managua": "NIC"})
    assert not [t for t in reactions(results, "ACCUSE") if t != frozenset({"CAN"})]


def test_deeds_of_two_sides_told_just_before_leave_the_move_to_nobody(nlp):
    text = ("Ethiopia recalled its envoy from Mogadishu on Monday, and Somalia expelled Ethiopia's ambassador. "
            "The African Union criticised the move.")
    results = run(nlp, text, {"Ethiopia": "ETH", "Mogadishu": "SOM", "Somalia": "SOM",
                              "African Union": "AU/organisation"})
    assert not [t for t in reactions(results, "ACCUSE") if t & {"ETH", "SOM"}]


def test_a_deed_not_done_is_no_deed_told_just_before(nlp):
    text = ("Washington sanctioned Venezuelan oil firms in April. Venezuela did not expel the US diplomats on "
            "Friday. Cuba condemned the decision.")
    results = run(nlp, text, {"Washington": "USA", "Venezuelan": "VEN", "Venezuela": "VEN", "US": "USA",
                              "Cuba": "CUB"})
    assert not [t for t in reactions(results, "ACCUSE") if "VEN" in t]


def test_explain_names_the_deed_told_just_before(nlp):
    from click.testing import CliRunner

    from newsgraph.cli import main
    text = ("Britain imposed sanctions on Iran on Tuesday. Belarus forced a passenger jet to land in Minsk on "
            "Sunday. Germany condemned the move on Monday.")
    result = CliRunner().invoke(main, ["explain", text, "--published", "2021-05-25"])
    assert result.exit_code == 0, result.output
    assert "the deed told just before" in result.output
    assert "Germany[DEU] via subject; target: Belarus[BLR]" in result.output


def test_a_reaction_told_just_before_is_no_deed_the_decision_answers(nlp):
    text = ("Armenia recognised Palestine as a state in June 2024. The Palestinian foreign ministry welcomed the "
            "step. Jordan also praised the decision.")
    results = run(nlp, text, {"Armenia": "ARM", "Palestine": "PSE", "Palestinian": "PSE", "Jordan": "JOR"})
    find(results, "SUPPORT", {"JOR"}, {"ARM"})


def test_a_condemned_pact_is_aimed_at_its_parties_not_at_the_latest_attack(nlp):
    text = ("Israel and Morocco signed a defence cooperation accord in Rabat on Wednesday. Israeli jets struck "
            "targets near Damascus the same night. Algeria condemned the accord on Thursday.")
    results = run(nlp, text, {"Israel": "ISR", "Israeli": "ISR", "Morocco": "MAR", "Rabat": "MAR",
                              "Damascus": "SYR", "Algeria": "DZA"})
    find(results, "ACCUSE", {"DZA"}, {"ISR", "MAR"})
    assert frozenset({"ISR"}) not in reactions(results, "ACCUSE")


def test_a_pacts_noun_retells_no_attack_when_no_pact_was_told(nlp):
    text = "Israeli jets struck targets near Damascus on Wednesday. Iran criticised the deal on Thursday."
    results = run(nlp, text, {"Israeli": "ISR", "Damascus": "SYR", "Iran": "IRN"})
    assert not [t for t in reactions(results, "ACCUSE") if "ISR" in t]


def test_a_welcomed_pact_is_still_aimed_at_its_parties(nlp):
    text = ("Russia and Ukraine signed a deal on grain exports in Istanbul on Friday. Russian missiles hit Odesa "
            "the next day. Britain welcomed the deal.")
    results = run(nlp, text, {"Russia": "RUS", "Russian": "RUS", "Ukraine": "UKR", "Odesa": "UKR",
                              "Britain": "GBR"})
    find(results, "SUPPORT", {"GBR"}, {"RUS", "UKR"})


def test_explain_names_the_pact_a_condemnation_answers(nlp):
    from click.testing import CliRunner

    from newsgraph.cli import main
    text = ("Israel and Morocco signed a defence cooperation accord in Rabat on Wednesday. Israeli jets struck "
            "targets near Damascus the same night. Algeria condemned the accord on Thursday.")
    result = CliRunner().invoke(main, ["explain", text, "--published", "2021-11-26"])
    assert result.exit_code == 0, result.output
    assert "reaction to earlier ev1 'signed accord'" in result.output


# ------------------------------------------------------------- a pronoun standing for an act


def test_a_told_pronoun_standing_for_an_act_accuses_its_doer(nlp):
    """"said it undermined ...": the pronoun is the attack the sentence names, whose doer is judged."""
    text = ("Russian missiles struck the port of Odesa on Saturday. Britain's foreign secretary condemned the attack, "
            "and Canada's foreign minister said it undermined the grain deal.")
    trace = Trace()
    results = run(nlp, text, {"Russian": "RUS", "Odesa": "UKR", "Britain": "GBR", "Canada": "CAN"}, trace=trace)
    find(results, "ACCUSE", {"CAN"}, {"RUS"})
    assert any(c.match.trigger.lower_ == "undermined" and "struck" in c.target_how for c in trace.candidates)


def test_a_named_pronoun_standing_for_an_act_accuses_its_doer(nlp):
    """"called them reckless": a naming verb's pronoun object is the launches named before it."""
    text = ("North Korea launched two ballistic missiles on Sunday. Japan's defence minister convened a meeting within "
            "hours of the launches and called them reckless.")
    results = run(nlp, text, {"North Korea": "PRK", "Japan": "JPN"})
    find(results, "ACCUSE", {"JPN"}, {"PRK"})


def test_a_pronoun_whose_nearest_noun_is_no_act_retells_nothing(nlp):
    text = ("Russian missiles struck Odesa on Saturday. Canada's foreign minister visited the port, saying it was "
            "vital to world food supplies.")
    results = run(nlp, text, {"Russian": "RUS", "Odesa": "UKR", "Canada": "CAN"})
    assert not [e for e, s, t in results if e.type == "ACCUSE" and "CAN" in s]


def test_a_named_pronoun_praises_the_parties_of_the_pact_told_before(nlp):
    """"called it historic": the pronoun is the treaty the sentence before told, whose parties are praised."""
    text = ("Kyrgyzstan and Tajikistan signed a border treaty in Bishkek on Thursday. Russia's foreign minister "
            "called it historic.")
    trace = Trace()
    results = run(nlp, text, {"Kyrgyzstan": "KGZ", "Tajikistan": "TJK", "Bishkek": "KGZ", "Russia": "RUS"},
                  trace=trace)
    find(results, "SUPPORT", {"RUS"}, {"KGZ", "TJK"})
    assert any("standing for the act 'treaty'" in c.target_how for c in trace.candidates)


def test_an_act_noun_names_its_doer_told_paragraphs_before(nlp):
    text = ("Niger's junta issued an order revoking the French ambassador's immunity in August 2023.\n\n"
            "Thousands of people rallied in Niamey in the days that followed.\n\n"
            "Many carried Russian flags, and some chanted slogans about the old colonial power.\n\n"
            "Traders said the border closures had doubled the price of rice.\n\n"
            "Paris criticised the order on Friday.")
    trace = Trace()
    results = run(nlp, text, {"Niger": "NER", "French": "FRA", "Niamey": "NER", "Russian": "RUS", "Paris": "FRA"},
                  trace=trace)
    find(results, "ACCUSE", {"FRA"}, {"NER"})
    assert any("'order', told before with its doer" in c.target_how for c in trace.candidates
               if c.match.trigger.lower_ == "criticised")


def test_an_act_told_far_before_by_two_sides_names_neither(nlp):
    text = ("Serbia issued an order on vehicle plates in 2022.\n\n"
            "Weeks later Kosovo issued an order of its own.\n\n"
            "Thousands of drivers queued at the crossings.\n\n"
            "Traders said the queues had doubled the price of fuel.\n\n"
            "Germany criticised the order on Friday.")
    results = run(nlp, text, {"Serbia": "SRB", "Kosovo": "XKX", "Serbian": "SRB", "Germany": "DEU"})
    assert not reactions(results, "ACCUSE")


def test_an_earlier_reaction_to_the_act_names_no_doer(nlp):
    text = ("Niger's junta issued an order revoking the French ambassador's immunity in August 2023.\n\n"
            "Berlin condemned the order the same day.\n\n"
            "Thousands of people rallied in Niamey in the days that followed.\n\n"
            "Traders said the border closures had doubled the price of rice.\n\n"
            "Rome criticised the order on Friday.")
    results = run(nlp, text, {"Niger": "NER", "French": "FRA", "Berlin": "DEU", "Niamey": "NER", "Rome": "ITA"})
    find(results, "ACCUSE", {"ITA"}, {"NER"})
    assert frozenset({"DEU"}) not in reactions(results, "ACCUSE")


def test_the_reactors_own_act_told_far_before_is_not_answered(nlp):
    text = ("Poland issued an order closing its last border crossing with Belarus in 2023.\n\n"
            "Thousands of lorries queued at the crossing.\n\n"
            "Drivers said they had waited for days.\n\n"
            "Traders said the queues had doubled the price of fuel.\n\n"
            "Warsaw defended the order on Friday.")
    results = run(nlp, text, {"Poland": "POL", "Belarus": "BLR", "Warsaw": "POL"})
    assert not [t for t in reactions(results, "SUPPORT") if t]


def test_what_a_reaction_calls_the_act_is_not_its_phrase(nlp):
    text = ("Iran's Revolutionary Guards seized a British-flagged tanker in the Strait of Hormuz in July 2019. "
            "France condemned the seizure as an attack on British shipping.")
    results = run(nlp, text, {"Iran": "IRN", "British": "GBR", "France": "FRA"})
    find(results, "ACCUSE", {"FRA"}, {"IRN"})


def test_a_disapproval_answers_no_act_of_the_reactors_own(nlp):
    text = ("Pakistan struck militant hideouts inside Iran on Thursday. Iranian guards struck back at a camp in "
            "Pakistan the same night. Iran's foreign ministry condemned the strike as a violation of its "
            "sovereignty.")
    results = run(nlp, text, {"Pakistan": "PAK", "Iran": "IRN", "Iranian": "IRN"})
    find(results, "ACCUSE", {"IRN"}, {"PAK"})


def test_a_threatened_harm_is_not_the_attack_condemned(nlp):
    text = ("The United States threatened Tehran with new sanctions on Monday. Iranian drones attacked a tanker "
            "off Oman on Thursday. Britain condemned the attack.")
    results = run(nlp, text, {"United States": "USA", "Tehran": "IRN", "Iranian": "IRN", "Oman": "OMN",
                              "Britain": "GBR"})
    find(results, "ACCUSE", {"GBR"}, {"IRN"})
    assert frozenset({"USA"}) not in reactions(results, "ACCUSE")


def test_a_reaction_just_before_names_no_doer_of_the_act(nlp):
    text = ("Niger's junta signed an order revoking the French ambassador's immunity in August 2023. Berlin "
            "condemned the order the same day. Rome criticised the order on Friday.")
    results = run(nlp, text, {"Niger": "NER", "French": "FRA", "Berlin": "DEU", "Rome": "ITA"})
    find(results, "ACCUSE", {"ITA"}, {"NER"})
    assert frozenset({"DEU"}) not in [t for e, s, t in results if e.type == "ACCUSE" and s == {"ITA"}]


def test_a_reaction_praised_later_is_not_the_act_praised(nlp):
    """The second reaction answers the act the first one answered, not the first reaction."""
    text = ("Chile and Peru recognised a Palestinian state on Monday. The Palestinian Authority welcomed the move, "
            "and its president called it a brave step. Hamas also praised the decision.")
    spec = {"Chile": "CHL", "Peru": "PER", "Palestinian": "PSE", "The Palestinian Authority": "PSE", "its": "PSE",
            "Hamas": "HAMAS/group"}
    results = run(nlp, text, spec)
    praise = [(s, t) for e, s, t in results if e.type == "SUPPORT" and s == {"HAMAS"}]
    assert praise and all("PSE" not in t for _, t in praise)
    assert any(t & {"CHL", "PER"} for _, t in praise)
