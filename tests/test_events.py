"""Event coding on sentences written for these tests, with hand-built actor tables.

The actor tables are built here (not by the resolver) so these tests pin the event coder alone:
each surface string listed in a case becomes a mention of an actor with the given code.
"""
from __future__ import annotations

import re

import pytest

from newsgraph.records import EVENT_TYPES, Actor, ActorTable, Mention
from newsgraph.resources import ResourceError
from newsgraph.resources.grammar import load_grammar
from newsgraph.resources.lexicon import DIRECT_OBJECT, load_lexicon, parse_pattern
from newsgraph.resources.speech_verbs import load_speech_lexicon
from newsgraph.stages.events.coder import Trace, code_events

PRONOUNS = {"he", "she", "they", "it", "his", "her", "their", "its", "we", "our"}


def make_table(text: str, spec: dict[str, str]) -> ActorTable:
    """`spec` maps a surface string to "CODE" or "CODE/kind" ("-" for no code); one actor per code+kind."""
    actors: dict[str, Actor] = {}
    for surface, value in spec.items():
        code, _, kind = value.partition("/")
        kind = kind or ("person" if surface.lower() in PRONOUNS else "state")
        key = f"{code}/{kind}"
        if key not in actors:
            actors[key] = Actor(id=f"a{len(actors) + 1}", name=surface, kind=kind, code=None if code == "-" else code)
        via = "pronoun" if surface.lower() in PRONOUNS else "name"
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            actors[key].mentions.append(Mention(m.start(), m.end(), m.group(), via=via))
    return ActorTable(list(actors.values()))


def run(nlp, text: str, spec: dict[str, str], published: str = "2025-03-08", trace: Trace | None = None):
    doc = nlp(text)
    table = make_table(text, spec)
    events = code_events(doc, actors=table, dates=None, published=published, lexicon=load_lexicon(),
                         grammar=load_grammar(), speech_verbs=load_speech_lexicon(), trace=trace)
    codes = {a.id: a.code for a in table.actors}
    return [(e, frozenset(codes[i] for i in e.source), frozenset(codes[i] for i in e.target)) for e in events]


def find(results, etype: str, source: set[str], target: set[str]):
    hits = [e for e, s, t in results if e.type == etype and s == frozenset(source) and t == frozenset(target)]
    assert hits, f"no {etype} {source}->{target} in {[(e.type, set(s), set(t), e.qualifiers) for e, s, t in results]}"
    return hits[0]


# (sentence, actors, type, sources, targets, mode or None)
FACTS = [
    # AGREE
    ("Armenia and Azerbaijan agreed on Tuesday to reopen their shared border.",
     {"Armenia": "ARM", "Azerbaijan": "AZE"}, "AGREE", {"ARM", "AZE"}, set(), None),
    ("Kenya signed a defence pact with Somalia in Nairobi.",
     {"Kenya": "KEN", "Somalia": "SOM"}, "AGREE", {"KEN"}, {"SOM"}, None),
    ("Ghana reached a debt deal with the IMF after months of haggling.",
     {"Ghana": "GHA", "IMF": "IMF/organisation"}, "AGREE", {"GHA"}, {"IMF"}, None),
    # CONSULT
    ("Chancellor Scholz met with Polish President Duda in Berlin.",
     {"Scholz": "DEU/person", "Polish": "POL", "Duda": "POL/person"}, "CONSULT", {"DEU"}, {"POL"}, None),
    ("Japan's foreign minister held talks with her Chinese counterpart on fisheries.",
     {"Japan": "JPN", "Chinese": "CHN"}, "CONSULT", {"JPN"}, {"CHN"}, None),
    ("Lula spoke by phone with Argentina's president about trade.",
     {"Lula": "BRA/person", "Argentina": "ARG"}, "CONSULT", {"BRA"}, {"ARG"}, "phone"),
    ("Modi and Albanese spoke on Friday about critical minerals.",
     {"Modi": "IND/person", "Albanese": "AUS/person"}, "CONSULT", {"IND", "AUS"}, set(), None),
    ("The Swedish prime minister visited Finland to discuss border security.",
     {"Swedish": "SWE", "Finland": "FIN"}, "CONSULT", {"SWE"}, {"FIN"}, "visit"),
    ("Cyril Ramaphosa briefed Nigeria on the outcome of the summit.",
     {"Cyril Ramaphosa": "ZAF/person", "Nigeria": "NGA"}, "CONSULT", {"ZAF"}, {"NGA"}, None),
    # SUPPORT
    ("Brazil threw its support behind a proposal by Colombia for regional talks.",
     {"Brazil": "BRA", "its": "BRA", "Colombia": "COL"}, "SUPPORT", {"BRA"}, {"COL"}, None),
    ("The Danish premier hailed Estonia as a model of digital government.",
     {"Danish": "DNK", "Estonia": "EST"}, "SUPPORT", {"DNK"}, {"EST"}, None),
    ("Germany praised Moldova for its handling of the energy crisis.",
     {"Germany": "DEU", "Moldova": "MDA"}, "SUPPORT", {"DEU"}, {"MDA"}, None),
    # CONCEDE
    ("The Dutch king apologized to Indonesia for colonial-era violence.",
     {"Dutch": "NLD", "Indonesia": "IDN"}, "CONCEDE", {"NLD"}, {"IDN"}, None),
    ("Belarus pardoned several Lithuanian citizens held on spying charges.",
     {"Belarus": "BLR", "Lithuanian": "LTU"}, "CONCEDE", {"BLR"}, {"LTU"}, None),
    # COOPERATE
    ("Norway cooperates closely with Denmark on cyber defence.",
     {"Norway": "NOR", "Sweden": "SWE", "Denmark": "DNK"}, "COOPERATE", {"NOR"}, {"DNK"}, None),
    ("The Philippines held joint naval drills with Japan in the South China Sea.",
     {"The Philippines": "PHL", "Japan": "JPN"}, "COOPERATE", {"PHL"}, {"JPN"}, None),
    # AID
    ("Canada sent humanitarian aid to Sudan last month.",
     {"Canada": "CAN", "Sudan": "SDN"}, "AID", {"CAN"}, {"SDN"}, None),
    ("The World Bank approved a $500 million loan for Egypt.",
     {"The World Bank": "WB/organisation", "Egypt": "EGY"}, "AID", {"WB"}, {"EGY"}, None),
    ("Qatar distributed food parcels to displaced families in Lebanon.",
     {"Qatar": "QAT", "Lebanon": "LBN"}, "AID", {"QAT"}, {"LBN"}, None),
    # RETREAT
    ("Russia withdrew troops from the Belarusian border region.",
     {"Russia": "RUS", "Belarusian": "BLR"}, "RETREAT", {"RUS"}, {"BLR"}, "withdraw"),
    ("Venezuela released three Colombian soldiers on Sunday.",
     {"Venezuela": "VEN", "Colombian": "COL"}, "RETREAT", {"VEN"}, {"COL"}, "release"),
    # REQUEST
    ("Poland urged Germany to send more air defence systems.",
     {"Poland": "POL", "Germany": "DEU"}, "REQUEST", {"POL"}, {"DEU"}, None),
    ("Egypt called on Ethiopia to halt the filling of the dam.",
     {"Egypt": "EGY", "Ethiopia": "ETH"}, "REQUEST", {"EGY"}, {"ETH"}, None),
    ("Ukraine asked Germany for long-range missiles.",
     {"Ukraine": "UKR", "Germany": "DEU"}, "REQUEST", {"UKR"}, {"DEU"}, None),
    # ACCUSE
    ("Seoul accused Pyongyang of launching balloons across the border.",
     {"Seoul": "KOR", "Pyongyang": "PRK"}, "ACCUSE", {"KOR"}, {"PRK"}, "allege"),
    ("The Saudi foreign ministry condemned Israel over the raid.",
     {"Saudi": "SAU", "Israel": "ISR"}, "ACCUSE", {"SAU"}, {"ISR"}, "disapprove"),
    ("Lithuania summoned the Chinese ambassador after the cable incident.",
     {"Lithuania": "LTU", "Chinese": "CHN"}, "ACCUSE", {"LTU"}, {"CHN"}, "disapprove"),
    # REJECT
    ("Tehran rejected Washington's accusations as baseless propaganda.",
     {"Tehran": "IRN", "Washington": "USA"}, "REJECT", {"IRN"}, {"USA"}, None),
    ("Hungary vetoed Ukraine's request for new funds.",
     {"Hungary": "HUN", "Ukraine": "UKR"}, "REJECT", {"HUN"}, {"UKR"}, None),
    # THREATEN
    ("Beijing threatened Manila with unspecified countermeasures.",
     {"Beijing": "CHN", "Manila": "PHL"}, "THREATEN", {"CHN"}, {"PHL"}, None),
    ("Moscow warned Helsinki against joining the alliance.",
     {"Moscow": "RUS", "Helsinki": "FIN"}, "THREATEN", {"RUS"}, {"FIN"}, None),
    # PROTEST
    ("Thousands of Serbian students marched against the government in Belgrade.",
     {"Serbian": "SRB", "Belgrade": "SRB"}, "PROTEST", {"SRB"}, set(), "demo"),
    ("Greenpeace activists rallied outside the Norwegian embassy on Sunday.",
     {"Greenpeace": "GREENPEACE/organisation", "Norwegian": "NOR"}, "PROTEST", {"GREENPEACE"}, {"NOR"}, "demo"),
    # SANCTION
    ("The European Union imposed sanctions on Iran over drone deliveries.",
     {"The European Union": "EU/organisation", "Iran": "IRN"}, "SANCTION", {"EU"}, {"IRN"}, "discontinue"),
    ("Germany expelled four Russian diplomats on Wednesday.",
     {"Germany": "DEU", "Russian": "RUS"}, "SANCTION", {"DEU"}, {"RUS"}, "expel"),
    ("Niger cut ties with France after the coup.",
     {"Niger": "NER", "France": "FRA"}, "SANCTION", {"NER"}, {"FRA"}, "discontinue"),
    # the side ordered out, or ordered to shut its own mission, is the target of the order
    ("Ottawa ordered out Pakistan's high commissioner on Friday.",
     {"Ottawa": "CAN", "Pakistan": "PAK"}, "SANCTION", {"CAN"}, {"PAK"}, "expel"),
    ("Beijing ordered the United States to close its consulate in Chengdu.",
     {"Beijing": "CHN", "United States": "USA"}, "SANCTION", {"CHN"}, {"USA"}, "expel"),
    ("Algiers gave Morocco's envoy 48 hours to leave the country.",
     {"Algiers": "DZA", "Morocco": "MAR"}, "SANCTION", {"DZA"}, {"MAR"}, "expel"),
    # MOBILIZE
    ("India deployed additional troops along the border with China.",
     {"India": "IND", "China": "CHN"}, "MOBILIZE", {"IND"}, {"CHN"}, "troops"),
    ("Taiwan put its forces on high alert.",
     {"Taiwan": "TWN", "its": "TWN"}, "MOBILIZE", {"TWN"}, set(), "troops"),
    # COERCE
    ("Georgian police arrested two Russian journalists in Tbilisi.",
     {"Georgian": "GEO", "Russian": "RUS"}, "COERCE", {"GEO"}, {"RUS"}, "arrest"),
    ("Turkey detained a Swedish reporter at the airport.",
     {"Turkey": "TUR", "Swedish": "SWE"}, "COERCE", {"TUR"}, {"SWE"}, "arrest"),
    # ASSAULT
    ("Israel launched airstrikes on Hezbollah positions in southern Lebanon.",
     {"Israel": "ISR", "Hezbollah": "HEZBOLLAH/group", "Lebanon": "LBN"}, "ASSAULT", {"ISR"}, {"HEZBOLLAH"},
     "aerial"),
    ("Two Syrian soldiers were killed by Turkish forces in a drone strike.",
     {"Syrian": "SYR", "Turkish": "TUR"}, "ASSAULT", {"TUR"}, {"SYR"}, "drone"),
    ("Al-Shabab militants attacked an African Union base in Somalia.",
     {"Al-Shabab": "ALSHABAAB/group", "African Union": "AU/organisation"}, "ASSAULT", {"ALSHABAAB"}, {"AU"}, None),
]


@pytest.mark.parametrize("text,spec,etype,source,target,mode", FACTS, ids=[f"{c[2]}-{i}" for i, c in enumerate(FACTS)])
def test_fact_is_coded(nlp, text, spec, etype, source, target, mode):
    event = find(run(nlp, text, spec), etype, source, target)
    assert event.is_claim, event.qualifiers
    if mode:
        assert event.mode == mode
    assert event.quad_class and event.intensity is not None and event.pattern and event.trigger


def test_every_type_has_a_fact_case():
    assert {c[2] for c in FACTS} == set(EVENT_TYPES)


# (sentence, actors, type, qualifier)
QUALIFIED = [
    ("Scholz did not meet Duda during the summit.", {"Scholz": "DEU", "Duda": "POL"}, "CONSULT", "negated"),
    ("Scholz might meet Duda next week.", {"Scholz": "DEU", "Duda": "POL"}, "CONSULT", "hypothetical"),
    ("Scholz is scheduled to meet Duda in Warsaw.", {"Scholz": "DEU", "Duda": "POL"}, "CONSULT", "future"),
    ("The European Union may impose sanctions on Iran.", {"The European Union": "EU", "Iran": "IRN"}, "SANCTION",
     "hypothetical"),
    ("Canada has never sent aid to Sudan.", {"Canada": "CAN", "Sudan": "SDN"}, "AID", "negated"),
    ("Poland will urge Germany to send tanks.", {"Poland": "POL", "Germany": "DEU"}, "REQUEST", "future"),
    ("India plans to deploy troops along the border with China.", {"India": "IND", "China": "CHN"}, "MOBILIZE",
     "future"),
    ("If Russia attacks Moldova, the alliance would respond.", {"Russia": "RUS", "Moldova": "MDA"}, "ASSAULT",
     "conditional"),
    ("Turkey did not release the Swedish reporter.", {"Turkey": "TUR", "Swedish": "SWE"}, "RETREAT", "negated"),
    ("Tehran denied that its forces attacked a Greek tanker.",
     {"Tehran": "IRN", "its": "IRN", "Greek": "GRC"}, "ASSAULT", "negated"),
    ("Kenya could sign a defence pact with Somalia.", {"Kenya": "KEN", "Somalia": "SOM"}, "AGREE", "hypothetical"),
    ("Egypt and Ethiopia held no talks with Sudan this year.", {"Egypt": "EGY", "Ethiopia": "ETH", "Sudan": "SDN"},
     "CONSULT", "negated"),
]


# One negated and one future (or hypothetical) variant per type, so no type codes what did not happen (a
# cooperative act stated for the future is an AGREE that happened: test_events_cooperation.py, STATED).
VARIANTS = [
    ("Armenia and Azerbaijan did not agree on the border.", {"Armenia": "ARM", "Azerbaijan": "AZE"}, "AGREE",
     "negated"),
    ("Kenya may sign a defence pact with Somalia.", {"Kenya": "KEN", "Somalia": "SOM"}, "AGREE", "hypothetical"),
    ("Lula has not spoken by phone with Argentina's president.", {"Lula": "BRA", "Argentina": "ARG"}, "CONSULT",
     "negated"),
    ("Germany did not praise Moldova.", {"Germany": "DEU", "Moldova": "MDA"}, "SUPPORT", "negated"),
    ("Germany could support Moldova's bid.", {"Germany": "DEU", "Moldova": "MDA"}, "SUPPORT", "hypothetical"),
    ("The Dutch king did not apologize to Indonesia.", {"Dutch": "NLD", "Indonesia": "IDN"}, "CONCEDE", "negated"),
    ("The Dutch king may apologize to Indonesia.", {"Dutch": "NLD", "Indonesia": "IDN"}, "CONCEDE", "hypothetical"),
    ("Norway does not cooperate with Russia on fisheries.", {"Norway": "NOR", "Russia": "RUS"}, "COOPERATE",
     "negated"),
    ("Norway may cooperate with Denmark on cyber defence.", {"Norway": "NOR", "Denmark": "DNK"}, "COOPERATE",
     "hypothetical"),
    ("Canada might send humanitarian aid to Sudan.", {"Canada": "CAN", "Sudan": "SDN"}, "AID", "hypothetical"),
    ("Russia has not withdrawn troops from the Belarusian border.", {"Russia": "RUS", "Belarusian": "BLR"},
     "RETREAT", "negated"),
    ("Venezuela could release three Colombian soldiers.", {"Venezuela": "VEN", "Colombian": "COL"}, "RETREAT",
     "hypothetical"),
    ("Poland did not urge Germany to send tanks.", {"Poland": "POL", "Germany": "DEU"}, "REQUEST", "negated"),
    ("Seoul did not accuse Pyongyang of the hack.", {"Seoul": "KOR", "Pyongyang": "PRK"}, "ACCUSE", "negated"),
    ("Seoul is expected to condemn Pyongyang.", {"Seoul": "KOR", "Pyongyang": "PRK"}, "ACCUSE", "future"),
    ("Hungary never rejected Ukraine's request.", {"Hungary": "HUN", "Ukraine": "UKR"}, "REJECT", "negated"),
    ("Hungary could veto Ukraine's request.", {"Hungary": "HUN", "Ukraine": "UKR"}, "REJECT", "hypothetical"),
    ("Beijing has not threatened Manila.", {"Beijing": "CHN", "Manila": "PHL"}, "THREATEN", "negated"),
    ("Greenpeace activists will rally outside the Norwegian embassy.",
     {"Greenpeace": "GREENPEACE/organisation", "Norwegian": "NOR"}, "PROTEST", "future"),
    ("Germany did not expel Russian diplomats.", {"Germany": "DEU", "Russian": "RUS"}, "SANCTION", "negated"),
    ("India did not deploy troops along the border with China.", {"India": "IND", "China": "CHN"}, "MOBILIZE",
     "negated"),
    ("Turkey will not detain the Swedish reporter.", {"Turkey": "TUR", "Swedish": "SWE"}, "COERCE", "negated"),
    ("Georgian police might arrest Russian journalists.", {"Georgian": "GEO", "Russian": "RUS"}, "COERCE",
     "hypothetical"),
    ("Israel did not launch airstrikes on Hezbollah positions.", {"Israel": "ISR", "Hezbollah": "HEZBOLLAH"},
     "ASSAULT", "negated"),
    ("Israel would strike Hezbollah positions.", {"Israel": "ISR", "Hezbollah": "HEZBOLLAH"}, "ASSAULT",
     "hypothetical"),
]


def test_every_type_has_a_negated_or_future_variant():
    assert {c[2] for c in VARIANTS + QUALIFIED} == set(EVENT_TYPES)


@pytest.mark.parametrize("text,spec,etype,qualifier", QUALIFIED + VARIANTS,
                         ids=[f"{c[3]}-{c[2]}-{i}" for i, c in enumerate(QUALIFIED + VARIANTS)])
def test_qualified_event_is_not_a_claim(nlp, text, spec, etype, qualifier):
    events = [e for e, _, _ in run(nlp, text, spec) if e.type == etype]
    assert events, f"no {etype} event"
    assert all(qualifier in e.qualifiers and not e.is_claim for e in events), [e.qualifiers for e in events]


def test_threat_is_coded_but_threatened_act_is_not_a_claim(nlp):
    results = run(nlp, "Ankara threatened to launch strikes on Kurdish militias in Syria.",
                  {"Ankara": "TUR", "Kurdish militias": "YPG/group", "Syria": "SYR"})
    threat = find(results, "THREATEN", {"TUR"}, {"YPG"})
    assert threat.is_claim
    assert all(not e.is_claim for e, _, _ in results if e.type == "ASSAULT")


def test_passive_agent_is_the_source(nlp):
    results = run(nlp, "The convoy commander was shot by Houthi gunmen near Marib.",
                  {"convoy commander": "YEM/person", "Houthi": "HOUTHI/group"})
    assert find(results, "ASSAULT", {"HOUTHI"}, {"YEM"}).mode == "firearms"


def test_coordinated_subjects_make_one_joint_event(nlp):
    results = run(nlp, "Macron and Meloni met in Rome on Thursday.", {"Macron": "FRA/person", "Meloni": "ITA/person"})
    assert len([e for e, _, _ in results if e.type == "CONSULT"]) == 1
    find(results, "CONSULT", {"FRA", "ITA"}, set())


def test_leaders_of_states_are_the_targets(nlp):
    results = run(nlp, "The NATO chief held a video call with the presidents of Latvia, Lithuania and Estonia.",
                  {"NATO": "NATO/organisation", "Latvia": "LVA", "Lithuania": "LTU", "Estonia": "EST"})
    assert find(results, "CONSULT", {"NATO"}, {"LVA", "LTU", "EST"}).mode == "phone"


def test_members_listed_after_including_are_the_targets(nlp):
    results = run(nlp, "Kenya briefed several neighbours, including Uganda and Tanzania, on the talks.",
                  {"Kenya": "KEN", "Uganda": "UGA", "Tanzania": "TZA"})
    find(results, "CONSULT", {"KEN"}, {"UGA", "TZA"})


def test_possessor_is_the_source_of_an_event_noun(nlp):
    results = run(nlp, "Chile's sanctions on Nicaragua took effect on Monday.", {"Chile": "CHL", "Nicaragua": "NIC"})
    find(results, "SANCTION", {"CHL"}, {"NIC"})


def test_by_phrase_is_the_source_of_an_event_noun(nlp):
    results = run(nlp, "Fireworks marked a visit by the Greek premier to Cyprus.",
                  {"Greek": "GRC", "Cyprus": "CYP"})
    assert find(results, "CONSULT", {"GRC"}, {"CYP"}).mode == "visit"


def test_possessor_of_a_killing_is_the_victim_not_the_killer(nlp):
    results = run(nlp, "Police in Mogadishu confirmed the commander's killing.", {"commander": "ISIS/person"})
    assert not results


@pytest.mark.parametrize("text, spec, etype, source, target", [
    # the possessor does what the verb's subject would, the "of" phrase is the verb's object
    ("Lithuania's closure of two checkpoints on its border with Belarus took effect on Wednesday.",
     {"Lithuania": "LTU", "Belarus": "BLR"}, "SANCTION", {"LTU"}, {"BLR"}),
    # a "by" phrase, even after the "of" phrase
    ("The suspension of Niger by the African Union followed the July coup in Niamey.",
     {"Niger": "NER", "African Union": "AU/organisation"}, "SANCTION", {"AU"}, {"NER"}),
    ("The European Union's imposition of tariffs on Chinese electric cars angered Beijing.",
     {"European Union": "EU/organisation", "Chinese": "CHN"}, "SANCTION", {"EU"}, {"CHN"}),
    # a light verb's subject does it; the owner of the mission shut is the target
    ("Moscow answered by ordering the closure of Poland's consulate in Smolensk.",
     {"Moscow": "RUS", "Poland": "POL"}, "SANCTION", {"RUS"}, {"POL"}),
])
def test_an_act_nominal_reads_its_verbs_patterns(nlp, text, spec, etype, source, target):
    event = find(run(nlp, text, spec), etype, source, target)
    assert event.pattern.startswith("nominal:") and not event.qualifiers


@pytest.mark.parametrize("text, spec", [
    ("Vilnius called for the closure of every crossing on the border with Belarus.",
     {"Vilnius": "LTU", "Belarus": "BLR"}),
    ("Lithuanian farmers protested against the planned closure of the crossings on the border with Belarus.",
     {"Lithuanian": "LTU", "Belarus": "BLR"}),
    ("Renault's closure of its car plant in Moscow cost 2,000 jobs.", {"Renault": "FRA/organisation", "Moscow": "RUS"}),
])
def test_an_act_nominal_asked_for_or_of_no_side_is_no_event(nlp, text, spec):
    assert not [e for e, _, _ in run(nlp, text, spec) if e.type == "SANCTION" and not e.qualifiers]


@pytest.mark.parametrize("text, qualifier", [
    ("Lithuania's closure of two checkpoints on its border with Belarus was postponed.", "negated"),
    ("Lithuania's closure of two checkpoints on its border with Belarus is expected next week.", "future"),
    ("Lithuania's closure of two checkpoints on its border with Belarus was called off.", "negated"),
])
def test_an_act_nominal_put_off_or_ahead_is_no_fact(nlp, text, qualifier):
    event = find(run(nlp, text, {"Lithuania": "LTU", "Belarus": "BLR"}), "SANCTION", {"LTU"}, {"BLR"})
    assert qualifier in event.qualifiers


def test_a_side_shutting_its_own_mission_sanctions_the_host_not_itself(nlp):
    results = run(nlp, "France closed its embassy in Niamey in December 2023.",
                  {"France": "FRA", "its": "FRA", "Niamey": "NER"})
    find(results, "SANCTION", {"FRA"}, {"NER"})
    assert not [e for e, s, t in results if s == t]


@pytest.mark.parametrize("text, spec", [
    # with no "of" phrase the possessor is whom the act befell, as the verb's object would be
    ("Ismail Haniyeh's assassination in Tehran in July 2024 angered Iran.",
     {"Ismail Haniyeh": "HAMAS/person", "Tehran": "IRN", "Iran": "IRN"}),
    # a possessor naming no coded side leaves the act without a doer, not with the side that reacted to it
    ("The court's ruling against Israel was welcomed by South Africa.", {"Israel": "ISR", "South Africa": "ZAF"}),
])
def test_an_act_nominal_without_its_doer_is_no_event(nlp, text, spec):
    assert not [e for e, _, _ in run(nlp, text, spec) if e.pattern.startswith("nominal:")]


def test_the_possessor_of_a_nominal_with_a_by_phrase_is_its_object(nlp):
    results = run(nlp, "Niger's suspension by the African Union followed the coup.",
                  {"Niger": "NER", "African Union": "AU/organisation"})
    find(results, "SANCTION", {"AU"}, {"NER"})


def test_an_act_nominal_ordered_is_a_fact(nlp):
    text = "Lithuania's closure of two checkpoints on its border with Belarus was ordered by the cabinet."
    event = find(run(nlp, text, {"Lithuania": "LTU", "Belarus": "BLR"}), "SANCTION", {"LTU"}, {"BLR"})
    assert not event.qualifiers


def test_light_verb_subject_is_the_source_of_the_noun(nlp):
    results = run(nlp, "Vietnam held talks with Laos on the new railway.", {"Vietnam": "VNM", "Laos": "LAO"})
    find(results, "CONSULT", {"VNM"}, {"LAO"})


def test_participle_clause_inherits_the_subject(nlp):
    results = run(nlp, "Starmer spoke in Parliament on Monday, praising Ireland for its help.",
                  {"Starmer": "GBR/person", "Ireland": "IRL", "its": "IRL"})
    find(results, "SUPPORT", {"GBR"}, {"IRL"})


def test_one_event_per_fact(nlp):
    text = "Israeli jets carried out airstrikes on Hamas targets, striking Hamas command posts in an air raid."
    results = run(nlp, text, {"Israeli": "ISR", "Hamas": "HAMAS/group"})
    assaults = [e for e, s, t in results if e.type == "ASSAULT" and s == {"ISR"} and t == {"HAMAS"}]
    assert len(assaults) == 1


@pytest.mark.parametrize("text,spec", [
    ("Ankara ordered Turkish troops out of the border town.", {"Ankara": "TUR", "Turkish": "TUR"}),
    ("Seoul ordered its nationals out of the war zone.", {"Seoul": "KOR", "its": "KOR"}),
    ("A Kenyan court ordered the Chinese firm to close its factory in Mombasa.",
     {"Kenyan": "KEN", "Chinese": "CHN"}),
    ("Britain ordered its diplomats out of Kyiv as Russian troops massed.", {"Britain": "GBR", "Kyiv": "UKR"}),
])
def test_troops_nationals_or_a_factory_ordered_out_or_shut_are_no_expulsion(nlp, text, spec):
    assert not [e for e, _, _ in run(nlp, text, spec) if e.type == "SANCTION"]


def test_a_deadline_given_to_a_side_not_its_diplomats_stays_a_request(nlp):
    results = run(nlp, "Israel gave Hamas 24 hours to accept the truce.", {"Israel": "ISR", "Hamas": "HAMAS/group"})
    find(results, "REQUEST", {"ISR"}, {"HAMAS"})
    assert not [e for e, _, _ in results if e.type == "SANCTION"]


@pytest.mark.parametrize("text,spec", [
    ("Japan and India released a joint statement after the summit in Tokyo.", {"Japan": "JPN", "India": "IND"}),
    ("Kabul and Washington released a joint declaration on Saturday.", {"Kabul": "AFG", "Washington": "USA"}),
    ("The Kremlin released a statement on Monday.", {"Kremlin": "RUS"}),
])
def test_a_text_released_is_no_release_of_people(nlp, text, spec):
    assert not [e for e, _, _ in run(nlp, text, spec) if e.type == "RETREAT"]


def test_people_released_by_two_sides_stay_a_joint_release(nlp):
    results = run(nlp, "Armenia and Azerbaijan released dozens of prisoners of war on Sunday.",
                  {"Armenia": "ARM", "Azerbaijan": "AZE"})
    assert find(results, "RETREAT", {"ARM", "AZE"}, set()).mode == "release"


def test_pronoun_mentions_are_actors(nlp):
    results = run(nlp, "Ruto arrived late. He then met with Museveni in Kampala.",
                  {"Ruto": "KEN/person", "He": "KEN/person", "Museveni": "UGA/person"})
    find(results, "CONSULT", {"KEN"}, {"UGA"})


@pytest.mark.parametrize("text", [
    "The central bank raised interest rates by half a point on Tuesday.",
    "Heavy rain flooded several villages in the north of Brazil.",
    "Brazil's football team met expectations in the qualifier.",
    "Forecasters said the storm would flood the coast.",
])
def test_no_event_for_unrelated_sentences(nlp, text):
    assert run(nlp, text, {"Brazil": "BRA"}) == []


def test_event_without_actor_is_not_emitted(nlp):
    assert run(nlp, "Unknown gunmen attacked a bus on the highway.", {}) == []


def test_event_between_uncoded_companies_is_not_emitted(nlp):
    assert run(nlp, "Mitsubishi signed a supply agreement with Nissan.",
               {"Mitsubishi": "-/organisation", "Nissan": "-/organisation"}) == []


def test_event_carries_its_evidence(nlp):
    text = "Jordan condemned the settler attacks. Egypt held talks with Jordan on Monday."
    (event, _, _), = [r for r in run(nlp, text, {"Jordan": "JOR", "Egypt": "EGY"}) if r[0].type == "CONSULT"]
    assert text[event.start:event.end] == event.sentence == "Egypt held talks with Jordan on Monday."
    assert event.pattern.startswith("consult") and "held" in event.trigger
    assert 0 < event.confidence <= 1 and event.id.startswith("ev")


def test_quoted_speech_is_flagged_reported(nlp):
    text = '"We support Armenia in its search for peace," the French minister said.'
    results = run(nlp, text, {"We": "FRA", "French": "FRA", "Armenia": "ARM", "its": "ARM"})
    assert "reported" in find(results, "SUPPORT", {"FRA"}, {"ARM"}).qualifiers


def test_trace_lists_near_misses_and_drops(nlp):
    trace = Trace()
    run(nlp, "Serbia threw its weight behind the plan.", {"Serbia": "SRB", "its": "SRB"}, trace=trace)
    assert any(c.status.startswith("no target") for c in trace.candidates)


def test_parse_pattern_reads_words_targets_and_forbidden():
    p = parse_pattern("throw support|weight behind T !off", kind="verb", type_="SUPPORT", mode=None, where="t")
    assert p.lemmas == {"throw"} and p.words == (frozenset({"support", "weight"}),)
    assert p.target_preps == ("behind",) and p.forbidden == {"off"}
    q = parse_pattern("phone *call with|to T", kind="noun", type_="CONSULT", mode="phone", where="t")
    assert q.lemmas == {"call"} and q.words == (frozenset({"phone"}),) and set(q.target_preps) == {"with", "to"}
    assert parse_pattern("accuse T", kind="verb", type_="ACCUSE", mode=None, where="t").target_preps == (DIRECT_OBJECT,)


def test_lexicon_covers_every_type_with_verbs_and_nouns():
    lex = load_lexicon()
    for etype in EVENT_TYPES:
        kinds = {p.kind for p in lex.patterns if p.type == etype}
        assert kinds == {"verb", "noun"}, etype
    assert len(lex.patterns) > 400
    assert lex.types["ASSAULT"].intensity_of("aerial") == -9.5 and lex.types["CONSULT"].symmetric


def test_user_pattern_file_is_layered_after_the_shipped_ones(tmp_path, nlp):
    extra = tmp_path / "mine.yaml"
    extra.write_text("verbs:\n  SUPPORT:\n    '-':\n      - fete T\n", encoding="utf-8")
    lex = load_lexicon([extra])
    assert lex.patterns[-1].text == "fete T" and lex.patterns[-1].user and not lex.patterns[0].user
    doc = nlp("Ghana feted Togo at the ceremony.")
    table = make_table(doc.text, {"Ghana": "GHA", "Togo": "TGO"})
    assert [e.type for e in code_events(doc, actors=table, dates=None, published=None, lexicon=lex,
                                                     grammar=load_grammar(),
                                                     speech_verbs=load_speech_lexicon())] == ["SUPPORT"]


def test_bad_pattern_file_says_what_to_fix(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("verbs:\n  BEFRIEND:\n    '-': [befriend T]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown PLOVER type 'BEFRIEND'"):
        load_lexicon([bad])


def test_user_grammar_file_adds_words(tmp_path):
    mine = tmp_path / "grammar.yaml"
    mine.write_text("light_verbs: [brandish]\n", encoding="utf-8")
    grammar = load_grammar([mine])
    assert "brandish" in grammar.light_verbs and load_grammar().light_verbs < grammar.light_verbs


def test_unknown_grammar_key_says_what_to_fix(tmp_path):
    mine = tmp_path / "grammar.yaml"
    mine.write_text("light_verb: [brandish]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown grammar keys light_verb"):
        load_grammar([mine])
