"""Replies told in the sentence after what they answer (events/responses.py): the side answered is named only before.
Sentences written for these tests.
"""
from __future__ import annotations

from test_events import find, run


def typed(results, etype: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    return [(s, t) for e, s, t in results if e.type == etype]


def test_a_bare_refusal_answers_the_demand_told_before(nlp):
    text = ("The European Union urged Serbia on Monday to align its visa rules with the bloc's. "
            "Belgrade refused, saying the choice was its own.")
    results = run(nlp, text, {"European Union": "EU/organisation", "Serbia": "SRB", "Belgrade": "SRB"})
    find(results, "REJECT", {"SRB"}, {"EU"})


def test_hitting_back_answers_the_accusation_told_before(nlp):
    text = ("Ecuador's president accused Mexico on Friday of meddling in the country's elections. "
            "Mexico hit back the next day, calling the charge absurd.")
    results = run(nlp, text, {"Ecuador": "ECU", "Mexico": "MEX"})
    find(results, "ACCUSE", {"MEX"}, {"ECU"})


def test_the_manner_of_a_response_is_aimed_at_the_subject_before(nlp):
    text = ("Lebanon asked its neighbours for fuel on Tuesday after the country's power grid collapsed. "
            "Iraq answered within a day, sending 50,000 tonnes of fuel oil in aid.")
    results = run(nlp, text, {"Lebanon": "LBN", "Iraq": "IRQ"})
    find(results, "AID", {"IRQ"}, {"LBN"})
    assert not typed(results, "THREATEN"), "'answered' itself tells no act"


def test_a_warning_given_in_response_is_the_responders_threat(nlp):
    text = ("Greece extended its territorial waters in the Ionian Sea on Monday. "
            "Turkey responded with a warning that it would never accept a similar step in the Aegean.")
    results = run(nlp, text, {"Greece": "GRC", "Turkey": "TUR"})
    find(results, "THREATEN", {"TUR"}, {"GRC"})


def test_an_accepted_offer_is_the_offerers(nlp):
    text = ("Norway offered on Monday to host talks between Colombia's government and the rebels. "
            "Bogota accepted the offer two days later.")
    results = run(nlp, text, {"Norway": "NOR", "Colombia": "COL", "Bogota": "COL"})
    find(results, "AGREE", {"COL"}, {"NOR"})


def test_a_refused_deal_answers_the_side_that_pressed_for_it(nlp):
    text = ("Washington pressed Panama on Tuesday to sign a deal handing its ports to American firms. "
            "Panama's foreign minister said on Wednesday that Panama would never accept such a deal.")
    results = run(nlp, text, {"Washington": "USA", "Panama": "PAN"})
    find(results, "REJECT", {"PAN"}, {"USA"})


def test_rejected_claims_answer_whoever_made_them_about_the_rejecter(nlp):
    text = ("Guyana's foreign minister said on Tuesday that Venezuelan soldiers had crossed the border and fired on "
            "a patrol. Caracas dismissed the claims as lies.")
    results = run(nlp, text, {"Guyana": "GUY", "Venezuelan": "VEN", "Caracas": "VEN"})
    find(results, "REJECT", {"VEN"}, {"GUY"})


def test_claims_that_never_named_the_rejecter_answer_nobody(nlp):
    text = ("Nigeria's army said on Monday it had killed 40 militants in Borno state. "
            "Chad's government rejected the claims.")
    results = run(nlp, text, {"Nigeria": "NGA", "Chad": "TCD"})
    assert ({"TCD"}, {"NGA"}) not in [(set(s), set(t)) for s, t in typed(results, "REJECT")]


def test_an_act_with_a_subject_of_its_own_is_no_manner_of_the_response(nlp):
    text = ("Hungary accused Ukraine on Monday of curbing the rights of its Hungarian minority. "
            "Kyiv hit back on Tuesday, and Poland recalled its ambassador.")
    results = run(nlp, text, {"Hungary": "HUN", "Hungarian": "HUN", "Ukraine": "UKR", "Kyiv": "UKR",
                              "Poland": "POL"})
    find(results, "ACCUSE", {"UKR"}, {"HUN"})
    assert not [t for e, s, t in results if "POL" in s and "HUN" in t]


def test_a_withdrawal_naming_nobody_yields_to_the_order_told_before(nlp):
    text = ("Niger's junta ordered the American troops in the country to leave by September. "
            "Washington withdrew its last soldiers from the Agadez drone base on Monday.")
    results = run(nlp, text, {"Niger": "NER", "American": "USA", "Washington": "USA"})
    find(results, "RETREAT", {"USA"}, {"NER"})


def test_a_withdrawal_after_a_friendly_visit_yields_to_nobody(nlp):
    text = ("Chinese President Xi Jinping visited Hanoi on Monday. "
            "Vietnam withdrew its troops from a disputed reef on Thursday.")
    results = run(nlp, text, {"Xi Jinping": "CHN/person", "Chinese": "CHN", "Hanoi": "VNM", "Vietnam": "VNM"})
    assert not typed(results, "RETREAT")


def test_a_visit_just_before_is_no_act_to_hit_back_at(nlp):
    text = ("Pakistan accused the Taliban on Monday of sheltering militants. Qatar's foreign minister flew to Kabul "
            "on Tuesday and met the Taliban's leaders, his office said. The Taliban hit back on Wednesday.")
    results = run(nlp, text, {"Pakistan": "PAK", "Taliban": "TAL/group", "Qatar": "QAT", "Kabul": "AFG"})
    assert not [t for s, t in typed(results, "ACCUSE") if "QAT" in t]


def test_a_deployment_told_as_the_response_is_aimed_at_the_side_answered(nlp):
    text = ("Iran seized a British-flagged tanker in the Strait of Hormuz on Friday. "
            "Britain responded by sending a second warship to the Gulf.")
    results = run(nlp, text, {"Iran": "IRN", "British": "GBR", "Britain": "GBR"})
    find(results, "MOBILIZE", {"GBR"}, {"IRN"})


def test_joint_drills_told_as_a_response_stay_between_their_partners(nlp):
    text = ("North Korea fired a ballistic missile over Japan on Tuesday. "
            "Tokyo and Seoul responded with joint air drills.")
    results = run(nlp, text, {"North Korea": "PRK", "Japan": "JPN", "Tokyo": "JPN", "Seoul": "KOR"})
    assert not [t for s, t in typed(results, "COOPERATE") if "PRK" in t]


def test_a_denial_answers_whoever_told_the_deed_of_the_denier(nlp):
    text = ("Estonia said on Thursday that Russian agents had set fire to a warehouse in Tallinn. "
            "Moscow denied any involvement.")
    results = run(nlp, text, {"Estonia": "EST", "Russian": "RUS", "Moscow": "RUS", "Tallinn": "EST"})
    find(results, "REJECT", {"RUS"}, {"EST"})


def test_claims_called_a_provocation_are_their_tellers(nlp):
    text = ("Ukraine's president said Belarus was preparing to join the war. "
            "Minsk called the claims a provocation.")
    results = run(nlp, text, {"Ukraine": "UKR", "Belarus": "BLR", "Minsk": "BLR"})
    find(results, "ACCUSE", {"BLR"}, {"UKR"})


def test_a_bare_agreement_answers_the_request_told_before(nlp):
    text = ("The United States asked Japan on Monday to double its defence spending. Tokyo agreed on Friday.")
    results = run(nlp, text, {"United States": "USA", "Japan": "JPN", "Tokyo": "JPN"})
    find(results, "AGREE", {"JPN"}, {"USA"})


def test_a_truce_kept_answers_nobody(nlp):
    text = ("Turkey's president praised the accord on Thursday. "
            "Armenia's foreign minister said Armenia would respect the truce.")
    results = run(nlp, text, {"Turkey": "TUR", "Armenia": "ARM"})
    assert not [t for _, _, t in results if "TUR" in t]


def test_a_sayer_telling_of_the_replier_is_the_side_answered(nlp):
    text = ("Nigeria's president said on Monday that Niger's junta was starving its own people. "
            "Niamey answered by closing the border.")
    results = run(nlp, text, {"Nigeria": "NGA", "Niger": "NER", "Niamey": "NER"})
    find(results, "SANCTION", {"NER"}, {"NGA"})


def test_a_sayer_telling_of_neither_side_is_not_answered(nlp):
    text = ("The talks ended without a deal on Monday, Qatar's foreign ministry said. "
            "Israel responded by calling up 10,000 reservists.")
    results = run(nlp, text, {"Qatar": "QAT", "Israel": "ISR"})
    assert not [t for _, _, t in results if "QAT" in t]


def test_one_hits_back_at_a_sayer_whatever_it_said(nlp):
    text = ("Colombia's president said on Sunday that the deportation flights were an insult to migrants. "
            "Washington hit back within hours, halting the issuing of visas at its embassy in Bogota.")
    results = run(nlp, text, {"Colombia": "COL", "Washington": "USA", "Bogota": "COL"})
    assert [t for e, s, t in results if s == frozenset({"USA"}) and "COL" in t]
