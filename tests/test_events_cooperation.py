"""PLOVER's cooperative types beyond single patterns: announced and pledged help is AGREE, a promised concession
is CONCEDE, drills held together are COOPERATE, eased sanctions are CONCEDE.

Hand-built actor tables as in test_events.py; sentences written for these tests.
"""
from __future__ import annotations

import pytest
from test_events import find, make_table, run

from newsgraph.resources import Resources
from newsgraph.stages.dates import resolve_dates
from newsgraph.stages.events.coder import Trace, code_events

ANNOUNCED = [
    # (sentence, actors, sources, targets, AGREE's mode)
    ("Kenya said it would provide $50 million in assistance to Somalia.",
     {"Kenya": "KEN", "it": "KEN", "Somalia": "SOM"}, {"KEN"}, {"SOM"}, "aid"),
    ("Chancellor Merz said Germany would deliver four more air defence systems to Ukraine.",
     {"Chancellor Merz": "DEU/person", "Germany": "DEU", "Ukraine": "UKR"}, {"DEU"}, {"UKR"}, "aid"),
    ("President Macron said on Monday that he would invite Lula to Paris in the autumn.",
     {"President Macron": "FRA/person", "he": "FRA/person", "Lula": "BRA/person"}, {"FRA"}, {"BRA"}, None),
    ("Norway's foreign minister said Oslo will work with Colombia on the demining programme.",
     {"Norway": "NOR", "Oslo": "NOR", "Colombia": "COL"}, {"NOR"}, {"COL"}, "cooperate"),
]


@pytest.mark.parametrize(("text", "spec", "sources", "targets", "mode"), ANNOUNCED)
def test_a_sides_announced_cooperative_act_is_its_agreement(nlp, text, spec, sources, targets, mode):
    results = run(nlp, text, spec)
    agree = find(results, "AGREE", sources, targets)
    assert agree.is_claim and agree.mode == mode
    assert not [e for e, _, _ in results if e.type != "AGREE" and e.is_claim]


STATED = [
    # (sentence, actors, sources, targets, AGREE's mode): the subject's shape and the modal do not matter
    ("Egypt and Turkey will restore full diplomatic ties.", {"Egypt": "EGY", "Turkey": "TUR"}, {"EGY"}, {"TUR"},
     "support"),
    ("Chile and Peru are to hold talks in Lima on the maritime border.", {"Chile": "CHL", "Peru": "PER"},
     {"CHL", "PER"}, set(), "meet"),
    ("Norway plans to send $20 million in humanitarian assistance to Sudan.", {"Norway": "NOR", "Sudan": "SDN"},
     {"NOR"}, {"SDN"}, "aid"),
    ("Malaysia would resume diplomatic relations with North Korea, Kuala Lumpur said.",
     {"Malaysia": "MYS", "North Korea": "PRK", "Kuala Lumpur": "MYS"}, {"MYS"}, {"PRK"}, "support"),
    ("Bahrain, Egypt and the UAE broke off ties with Qatar in 2017. All three states are to restore diplomatic "
     "relations with Qatar.", {"Bahrain": "BHR", "Egypt": "EGY", "the UAE": "ARE",
                                                     "Qatar": "QAT"}, {"BHR", "EGY", "ARE"}, {"QAT"}, "support"),
]


@pytest.mark.parametrize(("text", "spec", "sources", "targets", "mode"), STATED)
def test_a_stated_future_cooperative_act_is_an_agreement(nlp, text, spec, sources, targets, mode):
    trace = Trace()
    results = run(nlp, text, spec, trace=trace)
    agree = find(results, "AGREE", sources, targets)
    assert agree.is_claim and agree.mode == mode
    # explain names the convention: a stated act, or a plan ("intent:")
    assert any(c.etype == "AGREE" and c.rule.startswith(("stated:", "intent:")) for c in trace.candidates)
    assert not [e for e, _, _ in results if e.type in ("SUPPORT", "CONSULT", "AID") and e.is_claim]


@pytest.mark.parametrize(("text", "spec"), [
    ("The United States hopes China will resume military talks with Washington.",
     {"The United States": "USA", "China": "CHN", "Washington": "USA"}),
    ("Vietnam will not restore direct flights to Cambodia this year.", {"Vietnam": "VNM", "Cambodia": "KHM"}),
    # whoever says so unnamed may foretell anyone's act
    ("Analysts said Serbia would restore ties with Montenegro.", {"Serbia": "SRB", "Montenegro": "MNE"}),
    # a question states no intent
    ("Reporters asked whether Japan will send aid to Tonga.", {"Japan": "JPN", "Tonga": "TON"}),
])
def test_a_wished_or_refused_future_act_is_no_agreement(nlp, text, spec):
    assert not [e for e, _, _ in run(nlp, text, spec) if e.type == "AGREE" and e.is_claim]


def test_a_stated_meeting_is_agreed_now_whatever_day_the_meeting_falls_on(nlp):
    text = "Kenya and Ethiopia will hold talks on the dam next Tuesday."
    doc, resources = nlp(text), Resources.load()
    dates = resolve_dates(doc, published="2025-06-12", lexicon=resources.dates, grammar=resources.grammar,
                          speech_verbs=resources.speech_verbs)
    events = code_events(doc, actors=make_table(text, {"Kenya": "KEN", "Ethiopia": "ETH"}), dates=dates,
                         published="2025-06-12", lexicon=resources.lexicon, grammar=resources.grammar,
                         speech_verbs=resources.speech_verbs)
    agree = next(e for e in events if e.type == "AGREE")
    assert agree.is_claim and agree.date is None  # the day ahead is the meeting's, not the statement's


def test_another_sides_act_foretold_is_no_agreement(nlp):
    results = run(nlp, "Britain said Iran would send drones to Russia.",
                  {"Britain": "GBR", "Iran": "IRN", "Russia": "RUS"})
    assert not [e for e, _, _ in results if e.type == "AGREE"]
    assert all(not e.is_claim for e, _, _ in results if e.type == "AID")


def test_an_announced_refusal_is_no_agreement(nlp):
    results = run(nlp, "Kenya said it would not send aid to Somalia.", {"Kenya": "KEN", "it": "KEN", "Somalia": "SOM"})
    assert not [e for e, _, _ in results if e.type == "AGREE"]


@pytest.mark.parametrize(("text", "spec", "target"), [
    ("Thailand pledged $5 million in aid to Myanmar.", {"Thailand": "THA", "Myanmar": "MMR"}, "MMR"),
    ("Canada offered asylum to the Afghan interpreters on Tuesday.", {"Canada": "CAN", "Afghan": "AFG"}, "AFG"),
])
def test_pledged_aid_is_an_agreement_to_aid(nlp, text, spec, target):
    results = run(nlp, text, spec)
    assert find(results, "AGREE", {spec[next(iter(spec))]}, {target}).mode == "aid"
    assert not [e for e, _, _ in results if e.type == "AID"]


@pytest.mark.parametrize(("text", "spec", "giver", "recipient"), [
    ("A New Zealand navy ship docked in Nuku'alofa on Sunday carrying drinking water and generators.",
     {"New Zealand": "NZL", "Nuku'alofa": "TON"}, "NZL", "TON"),
    ("Two Chinese military planes arrived in Kathmandu bringing tents and medicines.",
     {"Chinese": "CHN", "Kathmandu": "NPL"}, "CHN", "NPL"),
    ("A Qatari plane loaded with food and blankets landed in Beirut on Monday.",
     {"Qatari": "QAT", "Beirut": "LBN"}, "QAT", "LBN"),
])
def test_relief_its_carrier_brings_is_aid_from_the_carriers_owner(nlp, text, spec, giver, recipient):
    trace = Trace()
    assert find(run(nlp, text, spec, trace=trace), "AID", {giver}, {recipient}).is_claim
    assert any(c.etype == "AID" and c.rule.startswith("relief carried") for c in trace.candidates)  # explain


@pytest.mark.parametrize(("text", "spec"), [
    ("A Russian frigate arrived in Havana carrying marines.", {"Russian": "RUS", "Havana": "CUB"}),
    ("A Chinese freighter carrying cargo docked in Colombo on Monday.", {"Chinese": "CHN", "Colombo": "LKA"}),
])
def test_a_carrier_bringing_troops_or_cargo_brings_no_aid(nlp, text, spec):
    assert not [e for e, _, _ in run(nlp, text, spec) if e.type == "AID"]


def test_delivered_aid_stays_aid(nlp):
    results = run(nlp, "The United Arab Emirates delivered medical supplies to Lebanon.",
                  {"The United Arab Emirates": "ARE", "Lebanon": "LBN"})
    find(results, "AID", {"ARE"}, {"LBN"})


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Britain agreed to ease sanctions on Syria's central bank.", {"Britain": "GBR", "Syria": "SYR"}, "GBR", "SYR"),
    ("The European Union promised to suspend its sanctions on Belarus's potash exports.",
     {"The European Union": "EU/organisation", "Belarus": "BLR"}, "EU", "BLR"),
])
def test_a_promised_concession_is_a_concession_not_an_agreement(nlp, text, spec, source, target):
    results = run(nlp, text, spec)
    assert find(results, "CONCEDE", {source}, {target}).is_claim
    assert not [e for e, _, _ in results if e.type == "AGREE" and e.is_claim]


def test_refusing_to_lift_sanctions_is_a_rejection(nlp):
    results = run(nlp, "Japan refused to lift sanctions on Russia.", {"Japan": "JPN", "Russia": "RUS"})
    find(results, "REJECT", {"JPN"}, {"RUS"})
    assert not [e for e, _, _ in results if e.type == "CONCEDE" and e.is_claim]


@pytest.mark.parametrize(("text", "spec", "sources"), [
    ("Warships from India, Japan and Australia began a naval exercise in the Bay of Bengal on Monday.",
     {"India": "IND", "Japan": "JPN", "Australia": "AUS"}, {"IND", "JPN", "AUS"}),
    ("Egypt and Saudi Arabia held air force drills near the Red Sea coast.",
     {"Egypt": "EGY", "Saudi Arabia": "SAU"}, {"EGY", "SAU"}),
])
def test_a_drill_held_by_several_sides_is_their_cooperation(nlp, text, spec, sources):
    results = run(nlp, text, spec)
    find(results, "COOPERATE", sources, set())
    assert not [e for e, _, _ in results if e.type == "MOBILIZE"]


def test_a_drill_held_alone_stays_a_mobilisation(nlp):
    results = run(nlp, "Russia held naval drills near Japan.", {"Russia": "RUS", "Japan": "JPN"})
    find(results, "MOBILIZE", {"RUS"}, {"JPN"})
    assert not [e for e, _, _ in results if e.type == "COOPERATE"]


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Indonesia's navy took part in war games with Australia in the Timor Sea.",
     {"Indonesia": "IDN", "Australia": "AUS"}, "IDN", "AUS"),
    ("The Philippine air force carried out flight exercises with Japan's military over Luzon.",
     {"Philippine": "PHL", "Japan": "JPN"}, "PHL", "JPN"),
    ("Polish troops began joint training with the Lithuanian army near Suwalki.",
     {"Polish": "POL", "Lithuanian": "LTU"}, "POL", "LTU"),
])
def test_a_drill_with_a_partner_is_cooperation(nlp, text, spec, source, target):
    find(run(nlp, text, spec), "COOPERATE", {source}, {target})


def test_talks_on_a_possible_exercise_are_no_cooperation(nlp):
    results = run(nlp, "Vietnam and Laos held talks on a possible exercise next year.",
                  {"Vietnam": "VNM", "Laos": "LAO"})
    assert not [e for e, _, _ in results if e.type in ("COOPERATE", "MOBILIZE")]
    find(results, "CONSULT", {"VNM", "LAO"}, set())


def test_lifting_sanctions_is_a_concession(nlp):
    results = run(nlp, "The United States lifted sanctions on Syria on Friday.",
                  {"The United States": "USA", "Syria": "SYR"})
    find(results, "CONCEDE", {"USA"}, {"SYR"})
    assert not [e for e, _, _ in results if e.type == "RETREAT"]


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Qatar's envoy landed in Sudan with a shipment of medicine and tents.", {"Qatar": "QAT", "Sudan": "SDN"},
     "QAT", "SDN"),
    ("Turkey's interior minister arrived in Syria with a planeload of blankets and food.",
     {"Turkey": "TUR", "Syria": "SYR"}, "TUR", "SYR"),
])
def test_arriving_with_relief_is_aid_to_the_place(nlp, text, spec, source, target):
    find(run(nlp, text, spec), "AID", {source}, {target})


def test_arriving_with_a_delegation_is_no_aid(nlp):
    results = run(nlp, "Qatar's envoy arrived in Sudan with a delegation of bankers.", {"Qatar": "QAT", "Sudan": "SDN"})
    assert not [e for e, _, _ in results if e.type == "AID"]


def test_several_sides_drilling_with_a_partner_keep_the_partner_as_target(nlp):
    text = "Kenya and Uganda carried out border exercises with Tanzania's army on Monday."
    results = run(nlp, text, {"Kenya": "KEN", "Uganda": "UGA", "Tanzania": "TZA"})
    find(results, "COOPERATE", {"KEN", "UGA"}, {"TZA"})


@pytest.mark.parametrize("text", [
    "Ghana and Togo met in Accra on Monday. The two countries signed an agreement on cross-border trade.",
    "India and Pakistan held talks in Dubai on Friday. The two governments then signed a water-sharing accord.",
])
def test_counted_sides_signing_are_the_parties_of_the_latest_joint_act(nlp, text):
    spec = {"Ghana": "GHA", "Togo": "TGO", "India": "IND", "Pakistan": "PAK"}
    results = run(nlp, text, {k: v for k, v in spec.items() if k in text})
    sides = {v for k, v in spec.items() if k in text}
    find(results, "AGREE", sides, set())


def test_counted_sides_of_another_number_are_not_the_latest_parties(nlp):
    text = "Kenya met Uganda's president on Monday. The three countries signed a trade deal on Tuesday."
    results = run(nlp, text, {"Kenya": "KEN", "Uganda": "UGA"})
    assert not [e for e, _, _ in results if e.type == "AGREE"]


def test_handing_weapons_to_others_is_no_disarmament(nlp):
    results = run(nlp, "Russia handed weapons to the separatists in Donetsk.", {"Russia": "RUS", "Donetsk": "UKR"})
    assert not [e for e, _, _ in results if e.type == "RETREAT"]


def test_counted_sides_are_the_parties_of_an_act_told_as_done_not_of_a_hypothetical_one(nlp):
    text = ("Kenya and Somalia signed a border deal in March. If Ethiopia attacked Eritrea, the whole region would "
            "suffer. But the two governments are now talking every week.")
    results = run(nlp, text, {"Kenya": "KEN", "Somalia": "SOM", "Ethiopia": "ETH", "Eritrea": "ERI"})
    find(results, "CONSULT", {"KEN", "SOM"}, set())
    assert not [e for e, s, t in results if e.type == "CONSULT" and "ETH" in s | t]


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Denmark's foreign minister said Copenhagen was open to talks with the United States.",
     {"Denmark": "DNK", "Copenhagen": "DNK", "the United States": "USA"}, "DNK", "USA"),
    ("Seoul remained committed to dialogue with Pyongyang, the ministry said.",
     {"Seoul": "KOR", "Pyongyang": "PRK"}, "KOR", "PRK"),
    ("Vietnam is ready for negotiations with China on the maritime border.", {"Vietnam": "VNM", "China": "CHN"},
     "VNM", "CHN"),
])
def test_stated_readiness_for_talks_is_an_agreement_to_meet(nlp, text, spec, source, target):
    results = run(nlp, text, spec)
    agree = find(results, "AGREE", {source}, {target})
    assert agree.is_claim and agree.mode == "meet"
    assert not [e for e, _, _ in results if e.type == "CONSULT" and e.is_claim]


def test_readiness_denied_is_no_agreement(nlp):
    results = run(nlp, "Kenya is not open to talks with Somalia, the president said.",
                  {"Kenya": "KEN", "Somalia": "SOM"})
    assert not [e for e, _, _ in results if e.type == "AGREE" and e.is_claim]


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("ELN fighters handed over their weapons to Colombia's army in Arauca.", {"ELN": "ELN/group", "Colombia": "COL"},
     "ELN", "COL"),
    ("FARC rebels handed their guns to Colombia's army in Cali.", {"FARC": "FARC/group", "Colombia": "COL"},
     "FARC", "COL"),
])
def test_fighters_handing_over_their_weapons_disarm(nlp, text, spec, source, target):
    assert find(run(nlp, text, spec), "RETREAT", {source}, {target}).mode == "disarm"


@pytest.mark.parametrize(("text", "spec", "source", "target", "mode"), [
    ("South Korea said it would resume talks with North Korea.",
     {"South Korea": "KOR", "it": "KOR", "North Korea": "PRK"}, "KOR", "PRK", "meet"),
    ("Qatar's foreign minister said Qatar would hold talks with Iran in Doha next week.",
     {"Qatar": "QAT", "Iran": "IRN"}, "QAT", "IRN", "meet"),
])
def test_a_sides_announced_talks_are_its_agreement_to_meet(nlp, text, spec, source, target, mode):
    assert find(run(nlp, text, spec), "AGREE", {source}, {target}).mode == mode


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Russia agreed to a ceasefire with Ukraine on Easter Sunday.", {"Russia": "RUS", "Ukraine": "UKR"}, "RUS", "UKR"),
    ("Pakistan agreed on a prisoner exchange with India after the clashes.", {"Pakistan": "PAK", "India": "IND"},
     "PAK", "IND"),
])
def test_agreeing_to_a_ceasefire_with_a_party_is_an_agreement_with_it(nlp, text, spec, source, target):
    assert find(run(nlp, text, spec), "AGREE", {source}, {target}).is_claim


def test_refusing_to_agree_to_a_ceasefire_is_a_rejection(nlp):
    results = run(nlp, "Russia refused to agree to a ceasefire with Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"})
    find(results, "REJECT", {"RUS"}, {"UKR"})
    assert not [e for e, _, _ in results if e.type == "AGREE" and e.is_claim]


def test_readiness_urged_on_another_is_no_agreement(nlp):
    text = "Macron urged Iran's leaders to free the detainees, halt enrichment and be ready for talks with Britain."
    results = run(nlp, text, {"Macron": "FRA/person", "Iran": "IRN", "Britain": "GBR"})
    assert not [e for e, _, _ in results if e.type == "AGREE" and e.is_claim]


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Israel moved its forces back from the Lebanese border.", {"Israel": "ISR", "Lebanese": "LBN"}, "ISR", "LBN"),
    ("Armenia pulled its troops back from Azerbaijan's border villages.", {"Armenia": "ARM", "Azerbaijan": "AZE"},
     "ARM", "AZE"),
])
def test_pulling_forces_back_from_a_place_is_a_withdrawal(nlp, text, spec, source, target):
    assert find(run(nlp, text, spec), "RETREAT", {source}, {target}).mode == "withdraw"


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Turkey lifted its veto on Sweden's bid to join the alliance.", {"Turkey": "TUR", "Sweden": "SWE"}, "TUR", "SWE"),
    ("Hungary dropped its objection to Ukraine's membership talks.", {"Hungary": "HUN", "Ukraine": "UKR"},
     "HUN", "UKR"),
])
def test_dropping_an_objection_is_a_concession(nlp, text, spec, source, target):
    find(run(nlp, text, spec), "CONCEDE", {source}, {target})


def test_a_joint_statement_is_no_material_cooperation(nlp):
    results = run(nlp, "Britain, France and Germany warned in a joint statement that the deal was at risk.",
                  {"Britain": "GBR", "France": "FRA", "Germany": "DEU"})
    assert not [e for e, _, _ in results if e.type == "COOPERATE"]


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Russia promised not to attack Ukraine's ports during the grain talks.", {"Russia": "RUS", "Ukraine": "UKR"},
     "RUS", "UKR"),
    ("Hamas pledged not to strike Israel while the truce holds.", {"Hamas": "HAMAS/group", "Israel": "ISR"},
     "HAMAS", "ISR"),
])
def test_a_promise_not_to_attack_is_an_agreement_not_a_threat(nlp, text, spec, source, target):
    results = run(nlp, text, spec)
    assert find(results, "AGREE", {source}, {target}).is_claim
    assert not [e for e, _, _ in results if e.type == "THREATEN"]


def test_pledging_support_is_support_itself(nlp):
    results = run(nlp, "Chile and Peru pledged their full support for the tribunal.",
                  {"Chile": "CHL", "Peru": "PER", "the tribunal": "ICJ/organisation"})
    assert [e for e, _, _ in results if e.type == "SUPPORT" and e.is_claim]
    assert not [e for e, _, _ in results if e.type == "AGREE"]


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Colombia transferred three suspects to Spain to face charges.", {"Colombia": "COL", "Spain": "ESP"},
     "COL", "ESP"),
    ("Peru returned the fugitive to Brazil.", {"Peru": "PER", "Brazil": "BRA"}, "PER", "BRA"),
])
def test_sending_suspects_to_another_state_is_judicial_cooperation(nlp, text, spec, source, target):
    find(run(nlp, text, spec), "COOPERATE", {source}, {target})


def test_deporting_migrants_is_no_judicial_cooperation(nlp):
    results = run(nlp, "The United States deported 200 migrants to Guatemala.",
                  {"The United States": "USA", "Guatemala": "GTM"})
    assert not [e for e, _, _ in results if e.type == "COOPERATE"]


def test_counted_sides_are_the_latest_sides_that_acted_together(nlp):
    text = ("Russia and Ukraine swapped 90 prisoners each on Saturday. Kyiv said it was working with the Red Cross "
            "to trace the missing. The two sides also returned the bodies of fallen soldiers.")
    results = run(nlp, text, {"Russia": "RUS", "Ukraine": "UKR", "Kyiv": "UKR", "the Red Cross": "ICRC/organisation"})
    assert find(results, "RETREAT", {"RUS", "UKR"}, set()).mode == "release"
    assert not [e for e, s, _ in results if e.type == "RETREAT" and "ICRC" in s]


@pytest.mark.parametrize(("text", "spec", "visitor", "host"), [
    ("Narendra Modi will visit Buenos Aires in July, Argentina's foreign ministry announced.",
     {"Narendra Modi": "IND/person", "Buenos Aires": "ARG", "Argentina": "ARG"}, "IND", "ARG"),
    ("Officials in Canberra said the Indonesian president would travel to Australia next month.",
     {"Canberra": "AUS", "Indonesian": "IND", "Australia": "AUS"}, "IND", "AUS"),
])
def test_a_meeting_its_host_announces_is_the_hosts_agreement(nlp, text, spec, visitor, host):
    results = run(nlp, text, spec)
    assert find(results, "AGREE", {visitor}, {host}).is_claim
    assert not [e for e, _, _ in results if e.type == "CONSULT" and e.is_claim]


def test_a_meeting_a_third_side_foretells_stays_a_future_meeting(nlp):
    results = run(nlp, "Britain said Modi would visit Buenos Aires in July.",
                  {"Britain": "GBR", "Modi": "IND/person", "Buenos Aires": "ARG"})
    assert not [e for e, _, _ in results if e.type == "AGREE"]
    assert not find(results, "CONSULT", {"IND"}, {"ARG"}).is_claim


@pytest.mark.parametrize(("text", "spec", "seat"), [
    ("Sara Duterte said she would travel to The Hague to see her father in detention.",
     {"Sara Duterte": "PHL/person", "she": "PHL/person", "The Hague": "NLD"}, "NLD"),
    ("Iran's foreign minister flew to Geneva on Friday.", {"Iran": "IRN", "Geneva": "CHE"}, "CHE"),
])
def test_a_trip_to_a_seat_of_international_courts_is_no_visit_to_its_state(nlp, text, spec, seat):
    results = run(nlp, text, spec)
    assert not [e for e, _, t in results if seat in t], [(e.type, t) for e, _, t in results]


def test_a_trip_to_the_same_states_capital_is_a_visit(nlp):
    results = run(nlp, "Sara Duterte said she would travel to Amsterdam next week.",
                  {"Sara Duterte": "PHL/person", "she": "PHL/person", "Amsterdam": "NLD"})
    assert find(results, "AGREE", {"PHL"}, {"NLD"}).mode == "meet"


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Erdogan flew to Baku on Tuesday, his office said.", {"Erdogan": "TUR/person", "Baku": "AZE"}, "TUR", "AZE"),
    ("South Africa's president flew to Kenya on Sunday.", {"South Africa": "ZAF", "Kenya": "KEN"}, "ZAF", "KEN"),
])
def test_a_leader_who_flew_to_a_state_visited_it(nlp, text, spec, source, target):
    results = run(nlp, text, spec)
    assert find(results, "CONSULT", {source}, {target}).mode == "visit"
    assert not [e for e, _, _ in results if e.type == "AGREE"]


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Sudan's army accepted Saudi Arabia's invitation to talks in Jeddah.",
     {"Sudan": "SDN", "Saudi Arabia": "SAU"}, "SDN", "SAU"),
    ("Azerbaijan accepted an American proposal to hold the signing in Washington.",
     {"Azerbaijan": "AZE", "American": "USA"}, "AZE", "USA"),
])
def test_accepting_a_sides_offer_is_an_agreement_with_it(nlp, text, spec, source, target):
    assert find(run(nlp, text, spec), "AGREE", {source}, {target}).is_claim


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Norway handed Ukraine two more air defence systems.", {"Norway": "NOR", "Ukraine": "UKR"}, "NOR", "UKR"),
    ("Egypt rushed food and medicine to Libya after the floods in Derna.", {"Egypt": "EGY", "Libya": "LBY"},
     "EGY", "LBY"),
])
def test_weapons_handed_over_and_relief_rushed_are_aid(nlp, text, spec, source, target):
    assert find(run(nlp, text, spec), "AID", {source}, {target}).is_claim


@pytest.mark.parametrize(("text", "spec", "giver", "recipient"), [
    ("Moldova received 60 million euros in budget support from the European Union.",
     {"Moldova": "MDA", "the European Union": "EU/organisation"}, "EU", "MDA"),
    ("Jordan has received three Black Hawk helicopters and ammunition from the United States.",
     {"Jordan": "JOR", "the United States": "USA"}, "USA", "JOR"),
])
def test_aid_told_by_its_recipient_is_the_givers(nlp, text, spec, giver, recipient):
    assert find(run(nlp, text, spec), "AID", {giver}, {recipient}).is_claim


def test_a_delegation_received_is_a_meeting_not_aid(nlp):
    results = run(nlp, "Kenya received a trade delegation from China.", {"Kenya": "KEN", "China": "CHN"})
    assert not [e for e, _, _ in results if e.type == "AID"]


@pytest.mark.parametrize(("text", "spec"), [
    ("France evacuated hundreds of its citizens from Sudan on Sunday.",
     {"France": "FRA", "its": "FRA", "Sudan": "SDN"}),
    ("South Korean military planes airlifted 97 South Korean nationals out of Lebanon.",
     {"South Korean": "KOR", "Lebanon": "LBN"}),
])
def test_evacuating_ones_own_people_is_no_aid_to_the_place_they_left(nlp, text, spec):
    assert not [e for e, _, _ in run(nlp, text, spec) if e.type == "AID"]


def test_evacuating_another_sides_people_is_aid_to_it(nlp):
    results = run(nlp, "India evacuated 200 Nepalese students from Israel.",
                  {"India": "IND", "Nepalese": "NPL", "Israel": "ISR"})
    find(results, "AID", {"IND"}, {"NPL"})


def test_aid_to_a_company_is_no_aid_between_sides(nlp):
    results = run(nlp, "Germany approved 10 billion euros in subsidies for Intel's chip plant.",
                  {"Germany": "DEU", "Intel": "-/organisation"})
    assert not [e for e, _, _ in results if e.type == "AID"]


@pytest.mark.parametrize(("text", "spec", "host", "guest"), [
    ("Prime Minister Carney welcomed President Sheinbaum to Ottawa on Thursday.",
     {"Carney": "CAN/person", "Sheinbaum": "MEX/person", "Ottawa": "CAN"}, "CAN", "MEX"),
    ("King Charles greeted Emmanuel Macron at Windsor Castle.",
     {"King Charles": "GBR/person", "Emmanuel Macron": "FRA/person"}, "GBR", "FRA"),
])
def test_a_guest_welcomed_to_a_place_is_a_meeting(nlp, text, spec, host, guest):
    results = run(nlp, text, spec)
    find(results, "CONSULT", {host}, {guest})
    assert not [e for e, _, _ in results if e.type == "SUPPORT"]


def test_remarks_welcomed_at_a_summit_are_support_not_a_meeting(nlp):
    results = run(nlp, "Biden welcomed Xi's remarks at the summit.", {"Biden": "USA/person", "Xi": "CHN/person"})
    find(results, "SUPPORT", {"USA"}, {"CHN"})
    assert not [e for e, _, _ in results if e.type == "CONSULT"]


def test_a_deal_between_others_hailed_backs_its_parties(nlp):
    results = run(nlp, "The Arab League praised the truce between Hamas and Israel.",
                  {"The Arab League": "ARL/organisation", "Hamas": "HAMAS/group", "Israel": "ISR"})
    find(results, "SUPPORT", {"ARL"}, {"HAMAS", "ISR"})


@pytest.mark.parametrize(("text", "spec", "sides"), [
    ("Lula met Sheinbaum in Mexico City on Monday. The two leaders signed a biofuels agreement.",
     {"Lula": "BRA/person", "Sheinbaum": "MEX/person"}, {"BRA", "MEX"}),
    ("Japan's foreign minister held talks with her Indian counterpart in Tokyo. The two countries later signed a "
     "pact on rare earths.", {"Japan": "JPN", "Indian": "IND"}, {"JPN", "IND"}),
])
def test_sides_counted_after_their_meeting_are_its_parties(nlp, text, spec, sides):
    find(run(nlp, text, spec), "AGREE", sides, set())



@pytest.mark.parametrize("text", [
    "Following talks with Ramaphosa in Pretoria, Lula said the two countries would expand trade.",
    "After talks with Ramaphosa in Pretoria, Lula told reporters that trade would grow.",
])
def test_talks_that_open_a_sentence_were_held_by_its_subject(nlp, text):
    results = run(nlp, text, {"Ramaphosa": "ZAF/person", "Lula": "BRA/person"})
    find(results, "CONSULT", {"BRA"}, {"ZAF"})


@pytest.mark.parametrize(("text", "spec", "host", "guest"), [
    ("Indonesia invited Australia's prime minister to visit Jakarta in the new year.",
     {"Indonesia": "IDN", "Australia": "AUS", "Jakarta": "IDN"}, "IDN", "AUS"),
    ("Egypt invited Sudan's army chief to take part in the talks in Cairo.",
     {"Egypt": "EGY", "Sudan": "SDN", "Cairo": "EGY"}, "EGY", "SDN"),
])
def test_an_invitation_to_visit_or_take_part_is_an_offer_to_host(nlp, text, spec, host, guest):
    results = run(nlp, text, spec)
    assert find(results, "AGREE", {host}, {guest}).is_claim
    assert not [e for e, _, _ in results if e.type == "REQUEST"]


def test_an_invitation_to_do_something_else_stays_a_request(nlp):
    results = run(nlp, "Kenya invited Somalia to submit its proposals.", {"Kenya": "KEN", "Somalia": "SOM"})
    find(results, "REQUEST", {"KEN"}, {"SOM"})


def test_a_deal_two_sides_agree_to_is_not_agreed_with_its_broker(nlp):
    results = run(nlp, "Congo and Rwanda agreed to a peace framework mediated by Qatar.",
                  {"Congo": "COD", "Rwanda": "RWA", "Qatar": "QAT"})
    find(results, "AGREE", {"COD", "RWA"}, set())
    assert not [e for e, _, t in results if "QAT" in t]


def test_one_side_agreeing_to_a_brokers_plan_agrees_with_the_broker(nlp):
    results = run(nlp, "Armenia agreed to a peace plan brokered by the United States.",
                  {"Armenia": "ARM", "the United States": "USA"})
    find(results, "AGREE", {"ARM"}, {"USA"})


@pytest.mark.parametrize(("text", "spec", "source", "target", "mode"), [
    ("Ramaphosa received a phone call from Lula on Tuesday.",
     {"Ramaphosa": "ZAF/person", "Lula": "BRA/person"}, "ZAF", "BRA", "phone"),
    ("The Japanese prime minister hosted a working lunch for the Philippine president.",
     {"Japanese": "JPN", "Philippine": "PHL"}, "JPN", "PHL", None),
    ("Kenya's foreign minister is on a two-day visit to Ethiopia.", {"Kenya": "KEN", "Ethiopia": "ETH"}, "KEN", "ETH",
     "visit"),
    ("Poland's president is in Kyiv for talks with Zelensky.",
     {"Poland": "POL", "Kyiv": "UKR", "Zelensky": "UKR/person"}, "POL", "UKR", None),
])
def test_calls_meals_and_stays_are_meetings(nlp, text, spec, source, target, mode):
    assert find(run(nlp, text, spec), "CONSULT", {source}, {target}).mode == mode


def test_a_topic_on_the_agenda_is_no_meeting(nlp):
    results = run(nlp, "The pipeline is on the agenda for talks with Iran.", {"Iran": "IRN"})
    assert not results


@pytest.mark.parametrize(("text", "spec", "source", "target", "etype"), [
    ("Sheinbaum called Carney to express her support after the tariff announcement.",
     {"Sheinbaum": "MEX/person", "Carney": "CAN/person"}, "MEX", "CAN", "SUPPORT"),
    ("Ruto phoned Museveni to congratulate him on his re-election.",
     {"Ruto": "KEN/person", "Museveni": "UGA/person", "him": "UGA/person"}, "KEN", "UGA", "SUPPORT"),
])
def test_an_act_a_contact_was_made_for_is_aimed_at_the_contacted(nlp, text, spec, source, target, etype):
    assert find(run(nlp, text, spec), etype, {source}, {target}).is_claim


def test_an_act_a_contact_will_be_made_for_is_foretold_too(nlp):
    results = run(nlp, "Ruto will phone Museveni to congratulate him.",
                  {"Ruto": "KEN/person", "Museveni": "UGA/person", "him": "UGA/person"})
    assert "future" in find(results, "SUPPORT", {"KEN"}, {"UGA"}).qualifiers


def test_an_act_urged_on_someone_is_not_a_contacts_purpose(nlp):
    results = run(nlp, "Trump urged Putin to meet Zelensky.",
                  {"Trump": "USA/person", "Putin": "RUS/person", "Zelensky": "UKR/person"})
    assert not [e for e, s, _ in results if e.type == "CONSULT" and "USA" in s]


def test_a_place_visited_in_a_state_is_a_visit_to_it(nlp):
    results = run(nlp, "Japan's prime minister toured a flood-hit town in Vietnam on Sunday.",
                  {"Japan": "JPN", "Vietnam": "VNM"})
    assert find(results, "CONSULT", {"JPN"}, {"VNM"}).mode == "visit"


def test_a_side_that_worked_with_an_agency_is_not_counted_with_it(nlp):
    text = ("Russia and Ukraine swapped 90 prisoners each on Saturday. Ukraine's ombudsman worked with the Red Cross "
            "on the exchange. The two sides also returned the bodies of fallen soldiers.")
    results = run(nlp, text, {"Russia": "RUS", "Ukraine": "UKR", "the Red Cross": "ICRC/organisation"})
    assert not [e for e, s, _ in results if e.type == "RETREAT" and "ICRC" in s]


@pytest.mark.parametrize("text", [
    "The signing of a fisheries accord between Norway and Iceland took place in Reykjavik on Tuesday.",
    "Ministers from both sides watched the signing of a new extradition treaty between Norway and Iceland in Oslo.",
])
def test_the_signing_of_a_pact_between_parties_is_their_agreement(nlp, text):
    trace = Trace()
    event = find(run(nlp, text, {"Norway": "NOR", "Iceland": "ISL"}, trace=trace), "AGREE", {"NOR", "ISL"}, set())
    assert event.is_claim
    assert any(c.etype == "AGREE" and c.rule.startswith("signing") for c in trace.candidates)  # explain shows it


def test_a_pact_between_parties_that_nobody_signs_is_no_agreement(nlp):
    text = "A fisheries accord between Norway and Iceland has been under discussion for a decade."
    assert not [e for e, _, _ in run(nlp, text, {"Norway": "NOR", "Iceland": "ISL"}) if e.type == "AGREE"]


@pytest.mark.parametrize(("text", "qualifier"), [
    ("Officials said the signing of a fisheries accord between Norway and Iceland had been postponed.", "negated"),
    ("The signing of a fisheries accord between Norway and Iceland is expected in the spring.", "future"),
    ("The signing of a fisheries accord between Norway and Iceland could come before the summer.", "hypothetical"),
    # a phrasal governor: the parser's lemma is "call", the grammar's entry "call off"
    ("The signing of a fisheries accord between Norway and Iceland was called off on Monday.", "negated"),
])
def test_a_signing_postponed_or_foreseen_is_no_fact(nlp, text, qualifier):
    agree = [e for e, _, _ in run(nlp, text, {"Norway": "NOR", "Iceland": "ISL"}) if e.type == "AGREE"]
    assert agree and all(not e.is_claim and qualifier in e.qualifiers for e in agree)


@pytest.mark.parametrize("text", [
    "Chile and Peru held talks in Lima on Friday. The fisheries ministers of the two countries then signed an accord.",
    "Chile hosted Peru's president on Friday. Later the trade ministers of both countries signed a customs pact.",
])
def test_unnamed_officials_of_counted_sides_sign_for_those_sides(nlp, text):
    find(run(nlp, text, {"Chile": "CHL", "Peru": "PER"}), "AGREE", {"CHL", "PER"}, set())


def test_officials_of_a_count_that_fits_no_sides_named_sign_for_nobody(nlp):
    text = "Chile and Peru held talks in Lima on Friday. The fisheries ministers of the three countries signed a pact."
    assert not [e for e, _, _ in run(nlp, text, {"Chile": "CHL", "Peru": "PER"}) if e.type == "AGREE"]


def test_a_name_put_to_a_letter_is_no_agreement(nlp):
    text = "The Chilean minister put his name to a letter criticising the government of Peru."
    assert not [e for e, _, _ in run(nlp, text, {"Chilean": "CHL", "Peru": "PER"}) if e.type == "AGREE"]


@pytest.mark.parametrize("text", [
    "Chile hailed the fisheries accord that Peru and Ecuador signed in Quito on Friday.",
    "Chile hailed the declaration that Peru and Ecuador put their names to on Friday.",
])
def test_a_pact_told_before_its_relative_clause_is_the_clauses_object(nlp, text):
    find(run(nlp, text, {"Chile": "CHL", "Peru": "PER", "Ecuador": "ECU"}), "AGREE", {"PER", "ECU"}, set())


def test_a_deal_struck_in_a_relative_clause_is_no_assault(nlp):
    text = "Chile hailed the trade deal that Peru and Ecuador struck on Friday."
    results = run(nlp, text, {"Chile": "CHL", "Peru": "PER", "Ecuador": "ECU"})
    assert not [e for e, _, _ in results if e.type == "ASSAULT"]
    find(results, "AGREE", {"PER", "ECU"}, set())


def test_a_claim_a_relative_clause_hangs_on_is_no_pact(nlp):
    text = "Chile denied the claim that Peru struck first."
    assert not [e for e, _, _ in run(nlp, text, {"Chile": "CHL", "Peru": "PER"}) if e.type in ("AGREE", "ASSAULT")]
