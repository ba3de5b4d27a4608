"""Threats said in words (stages/events/threats.py): consequences, acts that "will not go unanswered", retaliation.

Hand-built actor tables as in test_events.py; every sentence written for these tests.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_events import find, run

import newsgraph
from newsgraph.cli import main
from newsgraph.resources.grammar import load_grammar
from newsgraph.resources.speech_verbs import load_speech_lexicon
from newsgraph.stages.events.threats import said_threats


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
     {"Azerbaijani": "AZE", "Armenian": "ARM", "Yerevan": "ARM"}, {"ARM"}, {"AZE"}, None),
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


def test_explain_names_the_threat_rule_and_the_act_answered(nlp):
    text = ("Canada imposed tariffs on Chinese steel on Monday. "
            "China said it would respond with tariffs on Canadian pork.")
    result = CliRunner().invoke(main, ["explain", text, "--published", "2025-06-12"])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "threaten:said-retaliation" in x)
    assert "by retaliation said: 'respond'" in line and "acted against it before: ev1 'imposed tariffs'" in line
    assert "THREATEN/restrict" in result.output.split("events:")[1]


def test_a_threat_is_dated_when_it_was_said():
    article = newsgraph.extract_text("Turkey's foreign minister warned on Tuesday that the Greek incursion "
                                     "would not go unanswered.", published="2025-06-12")
    codes = {a.id: a.code for a in article.actors}
    threat = next(e for e in article.events if e.type == "THREATEN")
    assert ([codes[i] for i in threat.source], [codes[i] for i in threat.target]) == (["TUR"], ["GRC"])
    assert threat.date == "2025-06-10" and threat.is_claim


@pytest.mark.parametrize("text, spec, source, target", [
    ('"Should the regime in Iran answer this with another attack, Israel will strike back," the Israeli army '
     "spokesman said.", {"Iran": "IRN", "Israel": "ISR", "Israeli": "ISR"}, {"ISR"}, {"IRN"}),
    ("Should Serbia send troops into Kosovo, Pristina would respond with force, the Kosovo prime minister said.",
     {"Serbia": "SRB", "Kosovo": "XKX", "Pristina": "XKX"}, {"XKX"}, {"SRB"}),
])
def test_an_inverted_should_is_a_condition(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


def test_a_bare_hyphen_parsed_as_a_clause_is_no_condition(nlp):
    """The parser may hang the hyphen of "Bhutan-Bangladesh" as an adverbial clause holding nothing else."""
    text = ("THIMPHU: A long-term deal for the sale of hydropower from Bhutan to Bangladesh over the next five years "
            "was signed here on Monday by the power secretaries of the two countries, in the presence of Foreign "
            "Minister Tandi Dorji and his counterpart Hasan Mahmud, who co-chaired the fourth meeting of the "
            "Bhutan-Bangladesh Joint Commission.")
    assert any(t.dep_ == "advcl" and t.is_punct for t in nlp(text))
    results = run(nlp, text, {"Bhutan": "BTN", "Bangladesh": "BGD", "Tandi Dorji": "BTN", "Hasan Mahmud": "BGD"})
    assert not threats(results)


def test_measures_promised_on_a_condition_threaten_the_side_it_names(nlp):
    text = "Unless Serbia withdraws its troops, Kosovo would take the necessary measures, its prime minister said."
    claimed_threat(run(nlp, text, {"Serbia": "SRB", "Kosovo": "XKX", "its": "XKX"}), {"XKX"}, {"SRB"})


def test_measures_with_no_condition_answer_nothing(nlp):
    text = ("Serbian police detained two Kosovo customs officers on Monday. "
            "Kosovo's prime minister said his government would take the necessary measures to protect farmers.")
    results = run(nlp, text, {"Serbian": "SRB", "Kosovo": "XKX", "his": "XKX"})
    assert not threats(results)


@pytest.mark.parametrize("text, spec, source, target, mode", [
    ("West African leaders warned that they did not rule out the use of force against Niger.",
     {"West African leaders": "ECOWAS/organisation", "they": "ECOWAS/organisation", "Niger": "NER"},
     {"ECOWAS"}, {"NER"}, "violence"),
    ("The Greek prime minister refused to rule out military action against Turkey.",
     {"Greek": "GRC", "Turkey": "TUR"}, {"GRC"}, {"TUR"}, "violence"),
])
def test_force_not_ruled_out_against_a_side_is_a_threat(nlp, text, spec, source, target, mode):
    event = claimed_threat(run(nlp, text, spec), source, target)
    assert event.mode == mode and event.pattern == "threaten:said-option"


@pytest.mark.parametrize("text, spec", [
    ("Japan did not rule out new talks with China.", {"Japan": "JPN", "China": "CHN"}),
    ("Hungary ruled out military action against Serbia.", {"Hungary": "HUN", "Serbia": "SRB"}),
])
def test_talks_not_ruled_out_and_force_ruled_out_are_no_threat(nlp, text, spec):
    assert not threats(run(nlp, text, spec))


@pytest.mark.parametrize("text, spec, source, target", [
    ("Ukraine's defence minister said Belarusian warplanes in its airspace would be legitimate targets.",
     {"Ukraine": "UKR", "Belarusian": "BLR"}, {"UKR"}, {"BLR"}),
    ("Israel's army chief warned that Hezbollah commanders would be fair game if the rocket fire continued.",
     {"Israel": "ISR", "Hezbollah": "HEZBOLLAH/group"}, {"ISR"}, {"HEZBOLLAH"}),
])
def test_a_side_marked_as_a_target_is_threatened(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec, source, target", [
    ("Ankara warned that Greek troops on the islands would be treated as an occupying enemy.",
     {"Ankara": "TUR", "Greek": "GRC"}, {"TUR"}, {"GRC"}),
    ("Moscow said on Thursday that Polish instructors in Ukraine would be considered legitimate military targets.",
     {"Moscow": "RUS", "Polish": "POL", "Ukraine": "UKR"}, {"RUS"}, {"POL"}),
    ("Iran's army chief said Qatar would be regarded as a party to the war if it let American bombers use its bases.",
     {"Iran": "IRN", "Qatar": "QAT", "American": "USA"}, {"IRN"}, {"QAT"}),
    ("Caracas warned that any attempt by Guyana to drill in the disputed waters would be considered an act of war.",
     {"Caracas": "VEN", "Guyana": "GUY"}, {"VEN"}, {"GUY"}),
    ("Beijing said a formal declaration of independence by Taipei would be an act of war.",
     {"Beijing": "CHN", "Taipei": "TWN"}, {"CHN"}, {"TWN"}),
    ("Moscow said it would treat Western arms convoys in Ukraine as legitimate targets.",
     {"Moscow": "RUS", "it": "RUS", "Western": "NATO/organisation", "Ukraine": "UKR"}, {"RUS"}, {"NATO"}),
    ("The Houthi leader warned that his movement would treat the American warships as invaders.",
     {"Houthi": "HOUTHIS/group", "American": "USA"}, {"HOUTHIS"}, {"USA"}),
    ("Tehran said it would treat the Emirati government as one that had declared war on Iran.",
     {"Tehran": "IRN", "it": "IRN", "Emirati": "ARE", "Iran": "IRN"}, {"IRN"}, {"ARE"}),
])
def test_a_side_or_act_treated_as_hostile_is_threatened(nlp, text, spec, source, target):
    event = claimed_threat(run(nlp, text, spec), source, target)
    assert event.pattern in ("threaten:said-consequence", "threaten:warn-t")


@pytest.mark.parametrize("text, spec", [
    ("Seoul said Japanese tourists would be treated as honoured guests during the festival.",
     {"Seoul": "KOR", "Japanese": "JPN"}),
    ("Brazil's president said Argentina was considered a close partner, not an enemy.",
     {"Brazil": "BRA", "Argentina": "ARG"}),
    ("Ottawa said the move by Washington had not been treated as an act of war.",
     {"Ottawa": "CAN", "Washington": "USA"}),
    ("New Delhi said it would treat the Nepali delegation as honoured guests.",
     {"New Delhi": "IND", "it": "IND", "Nepali": "NPL"}),
    ("Islamabad said it would treat India's independence day as a day of mourning.",
     {"Islamabad": "PAK", "it": "PAK", "India": "IND"}),
    ("The Malian junta treats the French ambassador as an enemy, the minister said.",
     {"Malian": "MLI", "French": "FRA"}),
])
def test_a_friendly_or_past_treatment_is_no_threat(nlp, text, spec):
    assert not threats(run(nlp, text, spec))


def test_a_legitimate_concern_is_no_target(nlp):
    text = "Japan's foreign minister said China's naval build-up would be a legitimate concern for the region."
    assert not threats(run(nlp, text, {"Japan": "JPN", "China": "CHN"}))


def test_sanctions_urged_on_a_condition_are_no_threat_by_those_urged(nlp):
    text = "Moldova's president urged the European Union to impose sanctions on Russia if the gas cuts continued."
    results = run(nlp, text, {"Moldova": "MDA", "European Union": "EU/organisation", "Russia": "RUS"})
    assert not [s for s, *_ in threats(results) if "EU" in s]


def test_a_sanction_promised_on_a_condition_is_a_threat(nlp):
    text = "The European Union would impose sanctions on Georgia if the foreign agents law took effect, Brussels said."
    results = run(nlp, text, {"European Union": "EU/organisation", "Georgia": "GEO", "Brussels": "EU/organisation"})
    claimed_threat(results, {"EU"}, {"GEO"})


@pytest.mark.parametrize("text, spec, source, target", [
    ("China's foreign ministry promised a strong response to the Philippines.",
     {"China": "CHN", "Philippines": "PHL"}, {"CHN"}, {"PHL"}),
    ("Israeli troops raided a Lebanese border village on Monday. Lebanon's president vowed a firm response.",
     {"Israeli": "ISR", "Lebanese": "LBN", "Lebanon": "LBN"}, {"LBN"}, {"ISR"}),
])
def test_a_vowed_response_is_a_threat(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


def test_a_response_promised_to_a_proposal_is_no_threat(nlp):
    text = "The European Union promised a response to Iran's proposal by Friday."
    assert not threats(run(nlp, text, {"European Union": "EU/organisation", "Iran": "IRN"}))


TARIFFS = "Canada imposed tariffs on Chinese steel on Monday. "
TARIFF_SIDES = {"Canada": "CAN", "Chinese": "CHN", "Beijing": "CHN", "Ottawa": "CAN"}


@pytest.mark.parametrize("text", [TARIFFS + "Beijing warned of retaliation.",
                                  TARIFFS + "Beijing warned of countermeasures against Ottawa."])
def test_a_warning_of_retaliation_is_the_warners_threat(nlp, text):
    claimed_threat(run(nlp, text, TARIFF_SIDES), {"CHN"}, {"CAN"})


@pytest.mark.parametrize("text", [TARIFFS + "Ottawa warned of Chinese retaliation.",
                                  TARIFFS + "Ottawa warned of retaliation by Beijing."])
def test_a_warning_of_someone_elses_retaliation_is_no_threat_by_the_warner(nlp, text):
    assert not [s for s, *_ in threats(run(nlp, text, TARIFF_SIDES)) if "CAN" in s]


def test_the_price_paid_for_a_wrong_takes_no_mode_from_the_wrong(nlp):
    text = "The Houthis said Israel would pay a heavy price for its strikes on Hodeidah."
    event = claimed_threat(run(nlp, text, {"Houthis": "HOUTHIS/group", "Israel": "ISR", "its": "ISR"}),
                           {"HOUTHIS"}, {"ISR"})
    assert event.mode is None


def test_a_warning_names_the_target_of_the_warners_own_promised_act(nlp):
    text = "Russia warned that it would take countermeasures against Finland."
    event = claimed_threat(run(nlp, text, {"Russia": "RUS", "it": "RUS", "Finland": "FIN"}), {"RUS"}, {"FIN"})
    assert event.mode is None  # "take countermeasures" is no taking of territory


def test_a_warning_about_another_sides_act_threatens_nobody(nlp):
    text = "The European Union warned that the Somali government's actions would divide the country."
    results = run(nlp, text, {"European Union": "EU/organisation", "Somali": "SOM", "the country": "SOM"})
    assert not threats(results)


@pytest.mark.parametrize("text, spec, source, target, mode", [
    ("Israel will not hesitate to strike Iran's nuclear sites, its defence minister said.",
     {"Israel": "ISR", "Iran": "IRN"}, {"ISR"}, {"IRN"}, "violence"),
    ("China said it would not hesitate to impose sanctions on Lithuania.",
     {"China": "CHN", "it": "CHN", "Lithuania": "LTU"}, {"CHN"}, {"LTU"}, "restrict"),
])
def test_a_hostile_act_promised_without_hesitation_is_a_threat(nlp, text, spec, source, target, mode):
    event = claimed_threat(run(nlp, text, spec), source, target)
    assert event.mode == mode and not [e for e, _, _ in run(nlp, text, spec) if e.type in ("ASSAULT", "SANCTION")]


@pytest.mark.parametrize("text, spec", [
    ("Japan would not hesitate to help the Philippines, its foreign minister said.",
     {"Japan": "JPN", "Philippines": "PHL"}),
    ("Israel hesitated to strike Iran's nuclear sites last year, its former defence minister said.",
     {"Israel": "ISR", "Iran": "IRN"}),
])
def test_help_without_hesitation_or_a_hesitation_is_no_threat(nlp, text, spec):
    assert not threats(run(nlp, text, spec))


@pytest.mark.parametrize("text, spec, source, target", [
    ("Any Russian attack on Poland would be met with a decisive response, Warsaw warned.",
     {"Russian": "RUS", "Poland": "POL", "Warsaw": "POL"}, {"POL"}, {"RUS"}),
    ("Pakistani jets bombed Afghan border posts on Sunday. Kabul said the attack would be met with force.",
     {"Pakistani": "PAK", "Afghan": "AFG", "Kabul": "AFG"}, {"AFG"}, {"PAK"}),
])
def test_an_act_to_be_met_with_force_threatens_its_doer(nlp, text, spec, source, target):
    event = claimed_threat(run(nlp, text, spec), source, target)
    assert event.pattern == "threaten:said-unanswered"


def test_a_proposal_met_with_scepticism_is_no_threat(nlp):
    text = "Britain's proposal will be met with scepticism in Brussels, EU diplomats said."
    assert not threats(run(nlp, text, {"Britain": "GBR", "EU": "EU/organisation", "Brussels": "EU/organisation"}))


def test_a_side_that_would_be_punished_is_threatened(nlp):
    text = "Iran's supreme leader warned that Israel would be severely punished."
    event = claimed_threat(run(nlp, text, {"Iran": "IRN", "Israel": "ISR"}), {"IRN"}, {"ISR"})
    assert event.pattern == "threaten:said-retaliation"


@pytest.mark.parametrize("text, spec, source, target, mode", [
    ("The White House threatened to impose steep tariffs on goods from South Korea.",
     {"White House": "USA/organisation", "South Korea": "KOR"}, {"USA"}, {"KOR"}, "restrict"),
    ("Ethiopia threatened to bomb rebel camps across the border in Eritrea.",
     {"Ethiopia": "ETH", "Eritrea": "ERI"}, {"ETH"}, {"ERI"}, "violence"),
])
def test_a_threat_to_act_is_aimed_where_the_act_is(nlp, text, spec, source, target, mode):
    event = claimed_threat(run(nlp, text, spec), source, target)
    assert event.mode == mode


@pytest.mark.parametrize("text, spec, source, target", [
    ("The African Union gave Sudan's generals two weeks to agree a truce or face suspension and sanctions.",
     {"African Union": "AU/organisation", "Sudan": "SDN"}, {"AU"}, {"SDN"}),
    ("Kosovo gave Serbia 72 hours to pull its police back from the bridge, warning of serious consequences.",
     {"Kosovo": "XKX", "Serbia": "SRB"}, {"XKX"}, {"SRB"}),
    ("The rebels gave Mali's junta three days to free their commander or face attacks on Bamako.",
     {"rebels": "REB/group", "Mali": "MLI", "Bamako": "MLI"}, {"REB"}, {"MLI"}),
])
def test_a_deadline_with_a_penalty_is_an_ultimatum(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


def test_a_deadline_without_a_penalty_is_only_a_request(nlp):
    results = run(nlp, "Germany gave Poland two weeks to answer its proposal on the border checks.",
                  {"Germany": "DEU", "Poland": "POL"})
    assert not threats(results)
    find(results, "REQUEST", {"DEU"}, {"POL"})


@pytest.mark.parametrize("text, spec, source, target", [
    ("Venezuela threatened to retaliate after Guyana granted oil licences in the disputed waters.",
     {"Venezuela": "VEN", "Guyana": "GUY"}, {"VEN"}, {"GUY"}),
    ("Russia vowed to hit back after Finland closed its border crossings.",
     {"Russia": "RUS", "Finland": "FIN", "its": "FIN"}, {"RUS"}, {"FIN"}),
])
def test_a_retaliation_answers_the_act_its_after_clause_tells(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec, source, target", [
    ("Tehran warned of retaliation on Wednesday after an American strike on its allies in Iraq.",
     {"Tehran": "IRN", "American": "USA", "Iraq": "IRQ"}, {"IRN"}, {"USA"}),
    ("Pyongyang vowed revenge following Seoul's leaflet launches across the border.",
     {"Pyongyang": "PRK", "Seoul": "KOR"}, {"PRK"}, {"KOR"}),
    ("Hamas vowed to hit back after the bombing of its offices by Israel.",
     {"Hamas": "HAMAS/group", "Israel": "ISR"}, {"HAMAS"}, {"ISR"}),
])
def test_a_retaliation_answers_the_doer_of_the_act_its_after_phrase_names(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec, source, target", [
    ("Iran threatened to close the Strait of Hormuz in response to new U.S. sanctions on its oil exports.",
     {"Iran": "IRN", "U.S.": "USA", "its": "IRN"}, {"IRN"}, {"USA"}),
    ("China threatened to halt rare earth exports after Japan's remarks on Taiwan.",
     {"China": "CHN", "Japan": "JPN", "Taiwan": "TWN"}, {"CHN"}, {"JPN"}),
    ("Moscow threatened to cut gas supplies in response to the seizure of its assets by the European Union.",
     {"Moscow": "RUS", "its": "RUS", "European Union": "EU"}, {"RUS"}, {"EU"}),
])
def test_a_threat_to_act_aims_at_the_doer_of_the_act_it_answers(nlp, text, spec, source, target):
    results = run(nlp, text, spec)
    claimed_threat(results, source, target)
    assert not [t for s, t, *_ in threats(results) if t - target]


def test_a_retaliation_after_an_act_on_a_side_does_not_threaten_the_side_struck(nlp):
    results = run(nlp, "Tehran warned of retaliation after the strike on the Syrian base.",
                  {"Tehran": "IRN", "Syrian": "SYR"})
    assert not [t for _, t, *_ in threats(results) if "SYR" in t]


@pytest.mark.parametrize("text, spec, source, target", [
    ("If Azerbaijan attacks Armenian territory, Armenia will respond decisively, its defence minister said.",
     {"Azerbaijan": "AZE", "Armenian": "ARM", "Armenia": "ARM", "its": "ARM"}, {"ARM"}, {"AZE"}),
    ("Should Venezuelan troops cross into the Essequibo, Guyana would respond forcefully, President Ali said.",
     {"Venezuelan": "VEN", "Guyana": "GUY", "Ali": "GUY/person"}, {"GUY"}, {"VEN"}),
])
def test_a_firm_response_on_a_condition_is_a_threat(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec, source, target", [
    ("The Kremlin said Moscow would respond to the deployment of U.S. missiles in Germany.",
     {"Kremlin": "RUS", "Moscow": "RUS", "U.S.": "USA", "Germany": "DEU"}, {"RUS"}, {"USA"}),
    ("Beijing said it would respond to the new American tariffs on its electric cars.",
     {"Beijing": "CHN", "it": "CHN", "its": "CHN", "American": "USA"}, {"CHN"}, {"USA"}),
])
def test_a_response_promised_to_a_hostile_deed_threatens_its_doer(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec", [
    ("Moscow said it would respond to the accusations by Britain within days.",
     {"Moscow": "RUS", "it": "RUS", "Britain": "GBR"}),
    ("New Delhi said it would respond to the report by Pakistan's foreign ministry next week.",
     {"New Delhi": "IND", "it": "IND", "Pakistan": "PAK"}),
])
def test_a_response_promised_to_words_is_no_threat(nlp, text, spec):
    assert not threats(run(nlp, text, spec))


@pytest.mark.parametrize("text, spec, source, target", [
    ("Beijing's warning that it would restrict rare earth exports to Japan came days after the election.",
     {"Beijing": "CHN", "it": "CHN", "Japan": "JPN"}, {"CHN"}, {"JPN"}),
    ("Israel's vow that it would strike Hezbollah positions in Lebanon raised fears of a wider war.",
     {"Israel": "ISR", "it": "ISR", "Hezbollah": "HEZBOLLAH/group", "Lebanon": "LBN"}, {"ISR"}, {"HEZBOLLAH"}),
])
def test_a_hostile_act_told_in_a_warning_nouns_clause_is_its_owners_threat(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


def test_a_warning_of_another_sides_act_is_no_threat_by_the_warner(nlp):
    text = "Washington's warning that Russia would strike Ukraine's power grid proved right."
    results = run(nlp, text, {"Washington": "USA", "Russia": "RUS", "Ukraine": "UKR"})
    assert not [s for s, *_ in threats(results) if "USA" in s]


def test_a_quick_response_to_a_letter_is_no_threat(nlp):
    text = "If the commission writes again, Hungary will respond swiftly, its government said."
    assert not threats(run(nlp, text, {"commission": "EU/organisation", "Hungary": "HUN", "its": "HUN"}))


@pytest.mark.parametrize("text, spec, source, target, mode", [
    ("North Korea said it was ready to use nuclear force against South Korea.",
     {"North Korea": "PRK", "South Korea": "KOR"}, {"PRK"}, {"KOR"}, "violence"),
    ("Russia is prepared to strike Kyiv's government buildings, the Kremlin said.",
     {"Russia": "RUS", "Kyiv": "UKR", "Kremlin": "RUS/organisation"}, {"RUS"}, {"UKR"}, "violence"),
    ("Canada vowed to impose retaliatory tariffs on American steel.",
     {"Canada": "CAN", "American": "USA"}, {"CAN"}, {"USA"}, "restrict"),
])
def test_a_stated_readiness_or_vow_to_harm_is_a_threat(nlp, text, spec, source, target, mode):
    results = run(nlp, text, spec)
    assert claimed_threat(results, source, target).mode == mode
    assert not [e for e, *_ in results if e.type == "AGREE"]  # a vow of harm is no agreement


@pytest.mark.parametrize("text, spec, source, target", [
    ("Pyongyang said its army was ready to fight to the last man if South Korean troops crossed the border.",
     {"Pyongyang": "PRK", "its": "PRK", "South Korean": "KOR"}, {"PRK"}, {"KOR"}),
    ("Ethiopia's army chief said his forces were prepared to fight if Eritrean units entered Tigray again.",
     {"Ethiopia": "ETH", "his": "ETH", "Eritrean": "ERI"}, {"ETH"}, {"ERI"}),
])
def test_a_readiness_to_fight_threatens_the_side_its_condition_names(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec, source, target", [
    ("If Manila lets the U.S. missile system stay on its soil, Beijing will take resolute countermeasures, a "
     "Chinese spokeswoman said.", {"Manila": "PHL", "U.S.": "USA", "Beijing": "CHN", "Chinese": "CHN"},
     {"CHN"}, {"PHL"}),
    ("If Athens lets French warships patrol the disputed zone, Ankara will retaliate, Turkey's defence minister said.",
     {"Athens": "GRC", "French": "FRA", "Ankara": "TUR", "Turkey": "TUR"}, {"TUR"}, {"GRC"}),
])
def test_a_fronted_condition_names_the_side_that_would_let_the_act_happen(nlp, text, spec, source, target):
    results = run(nlp, text, spec)
    claimed_threat(results, source, target)
    assert not [t for s, t, *_ in threats(results) if t - target]


@pytest.mark.parametrize("text, spec, source, target, not_target", [
    ("Hungary threatened to block the European Union's new sanctions against Russia unless Brussels released "
     "frozen funds.", {"Hungary": "HUN", "European Union": "EU", "Brussels": "EU", "Russia": "RUS"},
     {"HUN"}, {"EU"}, "RUS"),
    ("Slovakia threatened to cut power exports to Ukraine unless Kyiv resumed the transit of Russian gas.",
     {"Slovakia": "SVK", "Ukraine": "UKR", "Kyiv": "UKR", "Russian": "RUS"}, {"SVK"}, {"UKR"}, "RUS"),
])
def test_a_threat_to_act_unless_a_side_acts_threatens_that_side(nlp, text, spec, source, target, not_target):
    results = run(nlp, text, spec)
    claimed_threat(results, source, target)
    assert not [t for s, t, *_ in threats(results) if not_target in t]


@pytest.mark.parametrize("text, spec, source, target", [
    ("Azerbaijan's president accused Armenia on Monday of rearming. He warned that Baku would respond decisively to "
     "any provocation on the border.", {"Azerbaijan": "AZE", "He": "AZE", "Baku": "AZE", "Armenia": "ARM"},
     {"AZE"}, {"ARM"}),
    ("Serbia's president accused Kosovo of persecuting Serbs in the north. Belgrade would respond firmly to any new "
     "provocation, he said.", {"Serbia": "SRB", "he": "SRB", "Belgrade": "SRB", "Kosovo": "XKX"}, {"SRB"}, {"XKX"}),
])
def test_a_response_to_any_act_yet_to_come_aims_at_the_side_accused_before(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


def test_a_response_to_any_act_after_two_sides_were_accused_aims_at_nobody(nlp):
    text = ("Egypt accused Ethiopia of stalling and criticised Sudan for siding with Addis Ababa. Cairo warned it "
            "would respond decisively to any provocation.")
    results = run(nlp, text, {"Egypt": "EGY", "Cairo": "EGY", "Ethiopia": "ETH", "Addis Ababa": "ETH",
                              "Sudan": "SDN"})
    assert not threats(results)


@pytest.mark.parametrize("text", [
    "Venezuela's president refused to rule out an invasion of the disputed region on Sunday.",
    "Tehran warned of retaliation on Wednesday.",
])
def test_a_time_phrase_is_never_the_side_a_threat_is_aimed_at(nlp, text):
    found = said_threats(next(nlp(text).sents), load_grammar(), load_speech_lexicon())
    assert not [t.text for threat in found for t in threat.threatened if t.text in ("Sunday", "Wednesday")]


def test_a_readiness_to_talk_stays_an_agreement(nlp):
    results = run(nlp, "Iran said it was ready to hold talks with the United States.",
                  {"Iran": "IRN", "United States": "USA"})
    assert not threats(results)


@pytest.mark.parametrize("text, spec, source, target", [
    ("All options are on the table regarding North Korea, the Pentagon said.",
     {"North Korea": "PRK", "Pentagon": "USA/organisation"}, {"USA"}, {"PRK"}),
    ("Israel's prime minister said the military option remained on the table against Iran.",
     {"Israel": "ISR", "Iran": "IRN"}, {"ISR"}, {"IRN"}),
])
def test_options_kept_on_the_table_against_a_side_are_a_threat(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec", [
    ("The option of new talks with Iran is on the table, the State Department said.",
     {"Iran": "IRN", "State Department": "USA/organisation"}),
    ("All options are on the table, the Pentagon said.", {"Pentagon": "USA/organisation"}),
])
def test_options_for_talks_or_aimed_at_nobody_are_no_threat(nlp, text, spec):
    assert not threats(run(nlp, text, spec))


@pytest.mark.parametrize("text, spec", [
    ("The IMF warned Pakistan that rising food prices would deepen poverty.", {"IMF": "IMF/organisation",
                                                                               "Pakistan": "PAK"}),
    ("Brussels warned Italy that its debt would become unsustainable.", {"Brussels": "EU/organisation",
                                                                         "Italy": "ITA"}),
    ("Lawyers warned the Dutch government that the war in Gaza could be illegal under its own arms law.",
     {"Dutch": "NLD", "Gaza": "PSE"}),
])
def test_a_warning_of_what_things_will_do_is_no_threat(nlp, text, spec):
    assert not threats(run(nlp, text, spec))


@pytest.mark.parametrize("text, spec, source, target", [
    ("Beijing warned Canberra that it would take firm countermeasures.", {"Beijing": "CHN", "Canberra": "AUS",
                                                                         "it": "CHN"}, {"CHN"}, {"AUS"}),
    ("Washington warned Caracas that the consequences would be severe.", {"Washington": "USA", "Caracas": "VEN"},
     {"USA"}, {"VEN"}),
])
def test_a_warning_that_a_side_will_act_or_of_heavy_consequences_is_a_threat(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec, source, target, mode", [
    ("Ankara's threat of sanctions against Athens angered the Greek government.",
     {"Ankara": "TUR", "Athens": "GRC", "Greek": "GRC"}, {"TUR"}, {"GRC"}, "restrict"),
    ("Pyongyang's threats of strikes on Seoul were broadcast on state television.",
     {"Pyongyang": "PRK", "Seoul": "KOR"}, {"PRK"}, {"KOR"}, "violence"),
])
def test_a_threat_of_harm_is_aimed_at_the_harm_s_target(nlp, text, spec, source, target, mode):
    assert claimed_threat(run(nlp, text, spec), source, target).mode == mode


@pytest.mark.parametrize("text, spec, source, target", [
    ("India's army chief warned Pakistan that any misadventure would be met with a swift response.",
     {"India": "IND", "Pakistan": "PAK"}, {"IND"}, {"PAK"}),
    ("Athens warned Ankara that any incursion would not go unanswered.", {"Athens": "GRC", "Ankara": "TUR"},
     {"GRC"}, {"TUR"}),
])
def test_a_warning_whose_clause_threatens_stays_a_threat(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec, source, target", [
    ("Russia said it would respond to any deployment of American missiles in Germany.",
     {"Russia": "RUS", "it": "RUS", "American": "USA", "Germany": "DEU"}, {"RUS"}, {"USA"}),
    ("China said it would respond to any move by Manila to build on the shoal.",
     {"China": "CHN", "it": "CHN", "Manila": "PHL"}, {"CHN"}, {"PHL"}),
])
def test_a_response_promised_to_any_act_of_a_side_is_a_threat(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec", [
    ("Uganda said it would respond to any request by Kenya within a week.",
     {"Uganda": "UGA", "it": "UGA", "Kenya": "KEN"}),
    ("Tokyo said it would respond to any proposal by Seoul on the labour issue.",
     {"Tokyo": "JPN", "it": "JPN", "Seoul": "KOR"}),
])
def test_a_response_promised_to_any_request_is_no_threat(nlp, text, spec):
    assert not threats(run(nlp, text, spec))


@pytest.mark.parametrize("text, spec, source, target", [
    ('"We will make Hezbollah pay a heavy price," the Israeli defence minister said.',
     {"Hezbollah": "HEZBOLLAH/group", "Israeli": "ISR"}, {"ISR"}, {"HEZBOLLAH"}),
    ('"Russia will make Ukraine pay a price for this incursion," the Kremlin spokesman said.',
     {"Russia": "RUS", "Ukraine": "UKR", "Kremlin": "RUS"}, {"RUS"}, {"UKR"}),
])
def test_a_side_made_to_pay_a_price_is_threatened(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec, source, target", [
    ("Mexico is prepared to hit back at American tariffs with duties of its own, President Sheinbaum said.",
     {"Mexico": "MEX", "American": "USA", "Sheinbaum": "MEX/person"}, {"MEX"}, {"USA"}),
    ("China stands ready to strike back at Japan, the defence ministry said.",
     {"China": "CHN", "Japan": "JPN"}, {"CHN"}, {"JPN"}),
])
def test_a_side_ready_to_hit_back_threatens(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec, source, target", [
    ("Hezbollah will be crushed if it fires again, Israel's army chief said.",
     {"Hezbollah": "HEZBOLLAH/group", "Israel": "ISR"}, {"ISR"}, {"HEZBOLLAH"}),
    ("Iran's president said Israel would be wiped off the map if it attacked Tehran.",
     {"Iran": "IRN", "Israel": "ISR", "Tehran": "IRN"}, {"IRN"}, {"ISR"}),
])
def test_a_side_promised_destruction_is_threatened(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec", [
    ("The UN warned that Gaza's hospitals would be destroyed if fuel ran out.", {"UN": "UN/organisation",
                                                                                "Gaza": "PSE"}),
    ("The dam was destroyed by Russian shelling, Ukraine said.", {"Russian": "RUS", "Ukraine": "UKR"}),
])
def test_things_destroyed_or_destroyed_by_someone_named_are_no_threat(nlp, text, spec):
    assert not [t for t in threats(run(nlp, text, spec)) if t[4] == "threaten:said-consequence"]


@pytest.mark.parametrize("text, spec, source, target", [
    ("China told Lithuania to close the Taiwanese office or bear the consequences.",
     {"China": "CHN", "Lithuania": "LTU", "Taiwanese": "TWN"}, {"CHN"}, {"LTU"}),
    ("Washington told Caracas to stop detaining Americans or face new sanctions.",
     {"Washington": "USA", "Caracas": "VEN", "Americans": "USA"}, {"USA"}, {"VEN"}),
])
def test_a_penalty_on_the_act_asked_for_deeper_in_the_clause_is_an_ultimatum(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec, source, target", [
    ("Kim Jong Un said North Korea would not hesitate to use nuclear weapons against South Korea.",
     {"Kim Jong Un": "PRK/person", "North Korea": "PRK", "South Korea": "KOR"}, {"PRK"}, {"KOR"}),
    ("Iran said it would not hesitate to use force against Israel.", {"Iran": "IRN", "it": "IRN", "Israel": "ISR"},
     {"IRN"}, {"ISR"}),
])
def test_force_used_without_hesitation_is_a_threat(nlp, text, spec, source, target):
    assert claimed_threat(run(nlp, text, spec), source, target).mode == "violence"


def test_force_hesitated_over_is_no_threat(nlp):
    text = "Ghana said it would hesitate to use force against Togo."
    assert not threats(run(nlp, text, {"Ghana": "GHA", "it": "GHA", "Togo": "TGO"}))


@pytest.mark.parametrize("text, spec, source, target", [
    ("Iran's Revolutionary Guards said they would give a crushing answer to any Israeli attack.",
     {"Iran": "IRN", "they": "IRN", "Israeli": "ISR"}, {"IRN"}, {"ISR"}),
    ("China said it would deliver a firm response to any provocation by Manila.",
     {"China": "CHN", "it": "CHN", "Manila": "PHL"}, {"CHN"}, {"PHL"}),
])
def test_an_answer_given_to_any_hostile_act_is_a_threat(nlp, text, spec, source, target):
    claimed_threat(run(nlp, text, spec), source, target)


@pytest.mark.parametrize("text, spec", [
    ("Uganda said it would give a response to Kenya within days.", {"Uganda": "UGA", "it": "UGA", "Kenya": "KEN"}),
    ("Peru said it would give an answer to Chile's proposal next week.", {"Peru": "PER", "it": "PER", "Chile": "CHL"}),
])
def test_an_answer_given_to_a_side_or_a_proposal_is_no_threat(nlp, text, spec):
    assert not threats(run(nlp, text, spec))


def test_a_warning_that_a_response_will_follow_is_a_threat(nlp):
    text = "Iran's mission to the UN warned Israel that a far harsher response would follow any new attack."
    claimed_threat(run(nlp, text, {"Iran": "IRN", "Israel": "ISR"}), {"IRN"}, {"ISR"})


@pytest.mark.parametrize("text, spec, source, target", [
    ("Moscow warned that it would respond if Finland joined the alliance.",
     {"Moscow": "RUS", "it": "RUS", "Finland": "FIN"}, {"RUS"}, {"FIN"}),
    ("The Chinese envoy warned that Beijing would respond if Manila let the American launchers stay.",
     {"Manila": "PHL", "Beijing": "CHN", "Chinese": "CHN"}, {"CHN"}, {"PHL"}),
])
def test_a_bare_response_on_another_sides_act_threatens_that_side(nlp, text, spec, source, target):
    event = claimed_threat(run(nlp, text, spec), source, target)
    assert event.pattern == "threaten:said-retaliation"


@pytest.mark.parametrize("text, spec", [
    ("Hungary warned that it would respond if the commission sent a formal request.",
     {"Hungary": "HUN", "it": "HUN", "commission": "EU/organisation"}),
    ("Serbia warned that it would reply if it received a formal letter from Kosovo.",
     {"Serbia": "SRB", "it": "SRB", "Kosovo": "XKX"}),
    ("Poland said it would respond only after Germany replied.", {"Poland": "POL", "it": "POL", "Germany": "DEU"}),
    ("Austria said it would respond if Italy changed the route of the pipeline.",
     {"Austria": "AUT", "it": "AUT", "Italy": "ITA"}),
])
def test_a_response_to_a_letter_to_ones_own_act_or_unconditioned_is_no_threat(nlp, text, spec):
    assert not [t for t in threats(run(nlp, text, spec)) if t[4].startswith("threaten:said")]


@pytest.mark.parametrize("text, spec, source, target", [
    ("China warned that Lithuania must bear all the consequences of its decision on the Taiwanese office.",
     {"China": "CHN", "Lithuania": "LTU", "Taiwanese": "TWN"}, {"CHN"}, {"LTU"}),
    ("Egypt warned that Ethiopia would bear the responsibility for the consequences of filling the dam.",
     {"Egypt": "EGY", "Ethiopia": "ETH"}, {"EGY"}, {"ETH"}),
])
def test_consequences_bound_to_come_or_blamed_ahead_are_a_threat(nlp, text, spec, source, target):
    results = run(nlp, text, spec)
    claimed_threat(results, source, target)
    assert not [e for e, *_ in results if e.type == "REQUEST"]  # "must bear the consequences" asks nothing


@pytest.mark.parametrize("text, spec", [
    ("Germany said Poland must bear the cost of the new bridge.", {"Germany": "DEU", "Poland": "POL"}),
    ("France said Mali bore the responsibility for the attack on its soldiers.", {"France": "FRA", "Mali": "MLI"}),
])
def test_a_cost_borne_or_a_blame_for_a_past_act_is_no_threat(nlp, text, spec):
    assert not [t for t in threats(run(nlp, text, spec)) if t[4].startswith("threaten:said")]
