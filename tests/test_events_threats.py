"""Threats said in words (stages/events/threats.py): consequences, acts that "will not go unanswered", retaliation.

Hand-built actor tables as in test_events.py; every sentence written for these tests.
"""
from __future__ import annotations

import pytest
from test_events import run

import newsgraph
from newsgraph.stages.events.coder import Trace


def threats(results):
    """(sources, targets, mode, qualifiers, pattern) of each THREATEN."""
    return [(set(s), set(t), e.mode, e.qualifiers, e.pattern) for e, s, t in results if e.type == "THREATEN"]


def claimed_threat(results, source: set[str], target: set[str]):
    hits = [e for e, s, t in results if e.type == "THREATEN" and s == frozenset(source) and t == frozenset(target)]
    assert hits, f"no THREATEN {source}->{target} in {threats(results)}"
    assert hits[0].is_claim, hits[0].qualifiers  # the threat was said: it happened
    return hits[0]


@pytest.mark.parametrize("text, spec, source, target", [
    ('"Azerbaijan will pay for every violation of the truce," Armenia\'s defence minister said.',
     {"Azerbaijan": "AZE", "Armenia": "ARM"}, {"ARM"}, {"AZE"}),
    ("Colombia's defence minister warned that Venezuela would pay a heavy price for any incursion.",
     {"Venezuela": "VEN", "Colombia": "COL"}, {"COL"}, {"VEN"}),
    ("The Greek prime minister said Turkey would face consequences if its survey ship entered Greek waters.",
     {"Turkey": "TUR", "Greek": "GRC"}, {"GRC"}, {"TUR"}),
    ("India warned that Pakistan would be in great danger if it sheltered the gunmen.",
     {"India": "IND", "Pakistan": "PAK"}, {"IND"}, {"PAK"}),
])
def test_a_consequence_promised_to_a_side_is_a_threat_against_it(nlp, text, spec, source, target):
    event = claimed_threat(run(nlp, text, spec), source, target)
    assert event.pattern in ("threaten:said-consequence", "threaten:warn-t")


@pytest.mark.parametrize("text, spec", [
    ("The IMF warned that Egypt would face a difficult year.", {"IMF": "IMF/organisation", "Egypt": "EGY"}),
    ("Poland's president said Ukraine would face a hard winter.", {"Poland": "POL", "Ukraine": "UKR"}),
    ("Germany said Austria would pay for the new border bridge.", {"Germany": "DEU", "Austria": "AUT"}),
    ("The EU warned that Serbia would not face sanctions this year.", {"EU": "EU/organisation", "Serbia": "SRB"}),
])
def test_hardship_foretold_is_no_threat(nlp, text, spec):
    assert not threats(run(nlp, text, spec))


def test_an_attack_that_will_not_go_unanswered_threatens_whoever_the_phrase_names(nlp):
    text = "Turkey's foreign minister said the Greek incursion would not go unanswered."
    event = claimed_threat(run(nlp, text, {"Turkey": "TUR", "Greek": "GRC"}), {"TUR"}, {"GRC"})
    assert event.pattern == "threaten:said-unanswered"


def test_an_unnamed_act_left_unanswered_threatens_the_one_who_did_it(nlp):
    text = ("Pakistani jets bombed Afghan border posts on Sunday. "
            '"The Islamic Emirate will not leave this act unanswered," the Afghan defence ministry said.')
    results = run(nlp, text, {"Pakistani": "PAK", "Afghan": "AFG", "Islamic Emirate": "AFG"})
    claimed_threat(results, {"AFG"}, {"PAK"})


def test_an_act_that_went_unanswered_is_no_threat(nlp):
    text = "Russia struck Ukrainian power plants on Monday. Kyiv said the attack went unanswered."
    assert not threats(run(nlp, text, {"Russia": "RUS", "Ukrainian": "UKR", "Kyiv": "UKR"}))


@pytest.mark.parametrize("text, spec, source, target, mode", [
    ("Canada imposed tariffs on Chinese steel on Monday. China said it would respond with tariffs on Canadian pork.",
     {"Canada": "CAN", "Chinese": "CHN", "China": "CHN", "it": "CHN", "Canadian": "CAN"}, {"CHN"}, {"CAN"},
     "restrict"),
    ("Azerbaijani troops shelled Armenian villages overnight. Yerevan vowed to strike back.",
     {"Azerbaijani": "AZE", "Armenian": "ARM", "Yerevan": "ARM"}, {"ARM"}, {"AZE"}, "violence"),
    ("Israel struck Hezbollah positions on Monday. "
     '"We will answer this at a time of our own choosing," Hezbollah\'s deputy leader said.',
     {"Israel": "ISR", "Hezbollah": "HEZBOLLAH/group"}, {"HEZBOLLAH"}, {"ISR"}, None),
    ("Lithuania said it would take countermeasures against Belarus.",
     {"Lithuania": "LTU", "it": "LTU", "Belarus": "BLR"}, {"LTU"}, {"BLR"}, None),
])
def test_a_promised_retaliation_threatens_the_side_it_answers(nlp, text, spec, source, target, mode):
    event = claimed_threat(run(nlp, text, spec), source, target)
    assert event.mode == mode


def test_a_retaliation_with_two_earlier_attackers_names_no_target(nlp):
    text = ("Russia shelled Kharkiv on Monday. Belarus seized a Ukrainian barge on Tuesday. "
            "Kyiv vowed to retaliate.")
    results = run(nlp, text, {"Russia": "RUS", "Kharkiv": "UKR", "Belarus": "BLR", "Ukrainian": "UKR",
                              "Kyiv": "UKR"})
    assert not [t for s, t, *_ in threats(results) if "UKR" in s]


@pytest.mark.parametrize("text, spec", [
    ("Canada said it would not retaliate against the United States.",
     {"Canada": "CAN", "it": "CAN", "United States": "USA"}),
    ("Analysts said China would retaliate against Canada.", {"China": "CHN", "Canada": "CAN"}),
    ("Germany said it would respond to the European Commission's letter next week.",
     {"Germany": "DEU", "it": "DEU", "European Commission": "EU/organisation"}),
    ("Canada imposed tariffs on Chinese steel on Monday. China responded with tariffs on Canadian pork.",
     {"Canada": "CAN", "Chinese": "CHN", "China": "CHN", "Canadian": "CAN"}),
])
def test_a_retaliation_refused_foretold_by_others_or_done_is_no_threat(nlp, text, spec):
    assert not [t for t in threats(run(nlp, text, spec)) if t[4].startswith("threaten:said")]


def test_explain_names_the_threat_rule(nlp):
    trace = Trace()
    text = "Turkey's foreign minister said the Greek incursion would not go unanswered."
    run(nlp, text, {"Turkey": "TUR", "Greek": "GRC"}, trace=trace)
    said = [c for c in trace.candidates if c.match.pattern.id == "threaten:said-unanswered"]
    assert said and said[0].rule == "unanswered said: 'go unanswered'"
    assert said[0].match.pattern.origin == "own:convention:threat-unanswered"


def test_a_threat_is_dated_when_it_was_said():
    article = newsgraph.extract_text("Turkey's foreign minister warned on Tuesday that the Greek incursion "
                                     "would not go unanswered.", published="2025-06-12")
    codes = {a.id: a.code for a in article.actors}
    threat = next(e for e in article.events if e.type == "THREATEN")
    assert ([codes[i] for i in threat.source], [codes[i] for i in threat.target]) == (["TUR"], ["GRC"])
    assert threat.date == "2025-06-10" and threat.is_claim
