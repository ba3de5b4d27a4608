"""Classes of cooperative phrasing found with the stop 22 article-shaped batch (tests/fixtures/
cooperation_article_probes.yaml), each with sentences of our own writing, none from the batch or ../shared.

* What several coded sides do "jointly" or as a "joint" act is COOPERATE among them, beside the act's own type.
* COOPERATE between bodies of one state is no event (PLOVER's mutual cooperation is between sides).
* An act told in a report, claim or allegation that its doer denies or rejects is negated.
* Forces promised "to help" where they go are promised aid (AGREE, mode aid), not a threat.
* A pact or talks "between A and B" told in the passive ("was signed", "were held") are A's and B's act.
* Aid told by its arrival went where it arrived, from whoever its phrase says sent it.
* An agreement another side reports, naming no partner, is made with the side that reports it.
* Support said to continue ("will continue to support") is held now: a SUPPORT, not a future act.
"""
from __future__ import annotations

import pytest
from test_event_probes import event_dyads

PUBLISHED = "2025-06-12"


def claims(extract_text, text: str) -> set[tuple[str, str, str | None]]:
    return {d for d, _ in event_dyads(extract_text(text, published=PUBLISHED), claims=True)}


def events_of(extract_text, text: str, etype: str):
    return [e for e in extract_text(text, published=PUBLISHED).events if e.type == etype]


@pytest.mark.parametrize(("text", "sides", "also"), [
    ("Iraqi and American troops carried out a joint raid on an Islamic State hideout near Mosul on Tuesday.",
     {"IRQ", "USA"}, "ASSAULT"),
    ("French and Nigerien soldiers began three weeks of joint training near Niamey on Monday, the army said.",
     {"FRA", "NER"}, None),
    ("Turkish and Russian troops jointly patrolled the town of Kobani on Friday, residents said.",
     {"TUR", "RUS"}, None),
])
def test_what_several_sides_do_jointly_is_their_cooperation(extract_text, text, sides, also):
    found = claims(extract_text, text)
    cooperating = {code for s, t, o in found if t == "COOPERATE" for code in (s, o)}
    assert sides <= cooperating, found
    assert also is None or any(t == also for _, t, _ in found), found


@pytest.mark.parametrize("text", [
    "The Saudi and U.S. mediators said in a joint statement on Thursday that the talks would resume next week.",
    "Iraqi and Kurdish forces launched an attack on a joint base of the militants near Kirkuk on Sunday.",
    "The Egyptian and Jordanian ministers held a joint news conference in Amman after their meeting.",
])
def test_words_said_together_or_a_joint_thing_attacked_are_no_cooperation(extract_text, text):
    assert not [d for d in claims(extract_text, text) if d[1] == "COOPERATE"]


@pytest.mark.parametrize("text", [
    "Brazil's federal police worked alongside the army to clear illegal gold miners from the Amazon on Friday.",
    "Mexican marines and the national guard carried out a joint operation against cartel gunmen in Sinaloa.",
])
def test_one_states_bodies_working_together_are_no_cooperation_between_sides(extract_text, text):
    assert not events_of(extract_text, text, "COOPERATE")


def test_a_state_working_alongside_anothers_police_cooperates_with_it(extract_text):
    found = claims(extract_text, "Kenyan officers have worked alongside Haiti's national police since June.")
    assert ("KEN", "COOPERATE", "HTI") in found


@pytest.mark.parametrize("text", [
    "Egypt denied reports that it had supplied rockets to Ukraine, calling them baseless.",
    "Iran rejected claims that it had sent drones to Russia for use in the war.",
    "Turkey dismissed allegations that it had shipped weapons to the rebels in Libya.",
])
def test_an_act_told_in_a_report_its_doer_denies_is_negated(extract_text, text):
    aid = events_of(extract_text, text, "AID")
    assert aid and all("negated" in e.qualifiers for e in aid)


def test_an_act_told_in_a_report_confirmed_stays_a_claim(extract_text):
    found = claims(extract_text, "Russia confirmed reports that it had sent drones to Iran.")
    assert ("RUS", "AID", "IRN") in found


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Rwanda promised to deploy troops to Mozambique to help the army retake the northern province.", "RWA", "MOZ"),
    ("Benin's president pledged on Monday to send 2,000 soldiers to Haiti to assist the police against gangs.",
     "BEN", "HTI"),
])
def test_forces_promised_in_help_are_promised_aid(extract_text, text, source, target):
    agree = [e for e in events_of(extract_text, text, "AGREE") if e.mode == "aid"]
    assert agree and (source, "AGREE", target) in claims(extract_text, text)
    assert not events_of(extract_text, text, "THREATEN")


def test_forces_vowed_against_another_side_stay_a_threat(extract_text):
    found = claims(extract_text, "Russia vowed to send more troops to Belarus to deter Poland.")
    assert not [d for d in found if d[1] == "AGREE"]


@pytest.mark.parametrize(("text", "etype", "sides"), [
    ("A defence pact between Japan and the Philippines was signed in Manila on Monday.", "AGREE", {"JPN", "PHL"}),
    ("An agreement between Ethiopia and Somalia was reached in Ankara after hours of talks.", "AGREE", {"ETH", "SOM"}),
    ("Talks between Serbia and Kosovo were held in Brussels on Monday under EU auspices.", "CONSULT", {"SRB", "XKX"}),
])
def test_a_joint_act_told_in_the_passive_is_done_by_the_parties_its_subject_names(extract_text, text, etype, sides):
    found = claims(extract_text, text)
    assert {code for s, t, o in found if t == etype for code in (s, o)} >= sides, found



@pytest.mark.parametrize(("text", "giver", "recipient"), [
    ("A convoy of aid trucks sent by Jordan crossed into Gaza on Sunday, the Jordanian army said.", "JOR", "PSE"),
    ("A plane carrying Qatari aid landed in Kabul on Thursday, the first since the earthquake.", "QAT", "AFG"),
    ("Turkish relief supplies arrived in Syria on Tuesday, two days after the floods.", "TUR", "SYR"),
])
def test_aid_told_by_its_arrival_went_where_it_arrived(extract_text, text, giver, recipient):
    assert (giver, "AID", recipient) in claims(extract_text, text)


def test_aid_arriving_from_nobody_named_is_no_event(extract_text):
    found = claims(extract_text, "Forty aid trucks crossed into Gaza on Sunday, the U.N. said.")
    assert not [d for d in found if d[1] == "AID"], found


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Ukraine's defence ministry said on Friday that Russia had agreed to a new exchange of prisoners of war.",
     "RUS", "UKR"),
    ("The White House said Israel had agreed to daily four-hour pauses in fighting in northern Gaza.", "ISR", "USA"),
])
def test_an_agreement_another_side_reports_is_made_with_the_reporter(extract_text, text, source, target):
    assert (source, "AGREE", target) in claims(extract_text, text)


@pytest.mark.parametrize("text", [
    "Iran's foreign ministry said on Sunday that it had agreed to resume the talks in Oman.",
    "Analysts in Tehran said Iran had agreed to the terms only under pressure.",
    "Armenia's prime minister said Azerbaijan had committed a grave violation and that his country would respond.",
])
def test_an_agreement_its_own_side_or_nobody_coded_reports_gains_no_partner(extract_text, text):
    assert not [d for d in claims(extract_text, text) if d[1] == "AGREE"]


def test_an_agreed_act_that_names_its_own_partner_is_told_once(extract_text):
    text = "Kenyan officials said Ethiopia had agreed to free Kenyan truck drivers held at the border since May."
    agree = events_of(extract_text, text, "AGREE")
    assert len(agree) == 1 and ("ETH", "AGREE", "KEN") in claims(extract_text, text)


def test_sides_that_signed_together_are_not_reported_into_an_agreement_with_the_reporter(extract_text):
    found = claims(extract_text, "Russian and North Korean leaders signed a defence treaty last week, the U.S. "
                                 "envoy told reporters in New York.")
    assert not [d for d in found if d[1] == "AGREE" and "USA" in d], found


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Washington would keep backing Israel in its war against Hamas, the State Department said on Monday.",
     "USA", "ISR"),
    ("Turkey will continue to support Azerbaijan, President Erdogan said during a visit to Baku.", "TUR", "AZE"),
])
def test_support_said_to_continue_is_held_now(extract_text, text, source, target):
    assert (source, "SUPPORT", target) in claims(extract_text, text)


def test_ties_said_to_keep_growing_are_still_to_come(extract_text):
    found = claims(extract_text, "Washington would continue to expand its ties with Vietnam, a State Department "
                                 "spokesperson said on Monday.")
    assert not [d for d in found if d[1] == "SUPPORT"], found


def test_an_attack_said_to_continue_stays_a_future_act(extract_text):
    found = claims(extract_text, "Israel will continue to strike Hezbollah in southern Lebanon, the army said.")
    assert not [d for d in found if d[1] == "ASSAULT"], found
