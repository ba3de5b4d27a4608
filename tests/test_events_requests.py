"""Requests that name no addressee: what only a fight's sides can give is asked of the sides of the latest fight;
and requests whose addressee is inside what is asked: the doer of the act, the subject of a request noun's clause.

Hand-built actor tables as in test_events.py; sentences written for these tests.
"""
from __future__ import annotations

import pytest
from test_events import find, run


def test_calling_for_a_ceasefire_asks_the_sides_of_the_latest_fight(nlp):
    text = ("Sudanese army jets bombed RSF positions outside Khartoum on Sunday. "
            "Kenya called for an immediate ceasefire on Monday.")
    results = run(nlp, text, {"Sudanese": "SDN", "RSF": "RSF/group", "Kenya": "KEN"})
    request = find(results, "REQUEST", {"KEN"}, {"SDN", "RSF"})
    assert request.mode == "yield"


def test_urging_restraint_asks_both_sides(nlp):
    text = ("Indian troops fired on Pakistani border posts in Kashmir overnight. "
            "The United Nations urged restraint.")
    results = run(nlp, text, {"Indian": "IND", "Pakistani": "PAK", "Kashmir": "IND",
                              "United Nations": "UN/organisation"})
    find(results, "REQUEST", {"UN"}, {"IND", "PAK"})


def test_calling_for_talks_asks_the_fighting_sides_to_meet(nlp):
    text = ("Armenian and Azerbaijani forces clashed along the border on Tuesday. "
            "France called for talks to end the violence.")
    results = run(nlp, text, {"Armenian": "ARM", "Azerbaijani": "AZE", "France": "FRA"})
    request = find(results, "REQUEST", {"FRA"}, {"ARM", "AZE"})
    assert request.mode == "meet"


def test_a_fight_told_in_the_same_sentence_gives_the_sides(nlp):
    text = "Nigeria urged restraint on Wednesday after Chadian jets bombed Cameroonian border posts."
    results = run(nlp, text, {"Nigeria": "NGA", "Chadian": "TCD", "Cameroonian": "CMR"})
    find(results, "REQUEST", {"NGA"}, {"TCD", "CMR"})


def test_the_latest_fight_gives_the_sides_not_an_earlier_one(nlp):
    text = ("Ethiopian troops clashed with Eritrean forces near Badme in March. "
            "In May, Sudanese jets bombed South Sudanese villages along the border. "
            "Egypt called for a ceasefire on Monday.")
    results = run(nlp, text, {"Ethiopian": "ETH", "Eritrean": "ERI", "Sudanese": "SDN",
                              "South Sudanese": "SSD", "Egypt": "EGY"})
    find(results, "REQUEST", {"EGY"}, {"SDN", "SSD"})


def test_a_truce_between_two_sides_is_asked_of_them(nlp):
    results = run(nlp, "Qatar called for a truce between Israel and Hezbollah on Sunday.",
                  {"Qatar": "QAT", "Israel": "ISR", "Hezbollah": "HEZ/group"})
    find(results, "REQUEST", {"QAT"}, {"ISR", "HEZ"})


def test_a_side_asking_for_a_truce_with_its_enemy_is_left_to_the_patterns(nlp):
    results = run(nlp, "Israel called for a truce between Israel and Hezbollah.",
                  {"Israel": "ISR", "Hezbollah": "HEZ/group"})
    assert not [e for e, _, t in results if e.type == "REQUEST" and "ISR" in t]


def test_calling_for_an_end_to_the_fighting_asks_the_sides(nlp):
    text = ("Congolese troops and M23 rebels clashed near Goma on Saturday. "
            "Angola called for an end to the fighting.")
    results = run(nlp, text, {"Congolese": "COD", "M23 rebels": "M23/group", "Angola": "AGO"})
    request = find(results, "REQUEST", {"AGO"}, {"COD", "M23"})
    assert request.mode == "yield"


def test_urging_a_halt_to_the_shelling_asks_the_sides(nlp):
    text = ("Azerbaijani artillery shelled Armenian villages on Thursday. "
            "Iran urged a halt to the shelling.")
    results = run(nlp, text, {"Azerbaijani": "AZE", "Armenian": "ARM", "Iran": "IRN"})
    find(results, "REQUEST", {"IRN"}, {"AZE", "ARM"})


def test_an_end_to_a_policy_is_not_asked_of_the_fighting_sides(nlp):
    text = ("Azerbaijani artillery shelled Armenian villages on Thursday. "
            "Iran called for an end to the tariffs on its exports.")
    results = run(nlp, text, {"Azerbaijani": "AZE", "Armenian": "ARM", "Iran": "IRN"})
    assert not [e for e, _, t in results if e.type == "REQUEST" and t & {"AZE", "ARM"}]


def test_a_side_calling_for_calm_asks_nobody(nlp):
    text = ("Thai soldiers shelled Cambodian villages near the border on Friday. "
            "Thailand called for calm on Saturday.")
    results = run(nlp, text, {"Thai": "THA", "Cambodian": "KHM", "Thailand": "THA"})
    assert not [e for e, _, _ in results if e.type == "REQUEST"]


def test_calling_for_calm_with_no_fight_told_asks_nobody(nlp):
    results = run(nlp, "Ghana's president called for calm ahead of Sunday's election.",
                  {"Ghana's president": "GHA/person"})
    assert not [e for e, _, _ in results if e.type == "REQUEST"]


def test_urging_its_citizens_to_leave_is_not_asked_of_the_fighting_sides(nlp):
    text = ("Russian missiles hit an apartment block in Kyiv on Thursday. "
            "Germany urged its citizens to leave the country.")
    results = run(nlp, text, {"Russian": "RUS", "Kyiv": "UKR", "Germany": "DEU"})
    assert not [e for e, _, t in results if e.type == "REQUEST" and t & {"RUS", "UKR"}]


def test_demanding_the_release_of_seized_sailors_asks_the_captors(nlp):
    text = ("Houthi rebels seized the crew of a Greek tanker in the Red Sea on Monday. "
            "Greece demanded the release of the sailors.")
    results = run(nlp, text, {"Houthi rebels": "HOUTHIS/group", "Greek": "GRC", "Greece": "GRC"})
    request = find(results, "REQUEST", {"GRC"}, {"HOUTHIS"})
    assert request.mode == "yield"


def test_appealing_for_the_release_of_detained_soldiers_asks_the_detainer(nlp):
    text = ("Venezuelan police detained three Colombian soldiers near the border on Monday. "
            "Brazil appealed for the release of the soldiers.")
    results = run(nlp, text, {"Venezuelan police": "VEN/organisation", "Colombian": "COL", "Brazil": "BRA"})
    find(results, "REQUEST", {"BRA"}, {"VEN"})


def test_the_release_of_a_report_asks_no_captor(nlp):
    text = ("Venezuelan police detained three Colombian soldiers near the border on Monday. "
            "Brazil called for the release of the report on the border incident.")
    results = run(nlp, text, {"Venezuelan police": "VEN/organisation", "Colombian": "COL", "Brazil": "BRA"})
    assert not [e for e, _, _ in results if e.type == "REQUEST"]


def test_the_captor_calling_for_a_release_asks_nobody(nlp):
    text = ("Venezuelan police detained three Colombian soldiers near the border on Monday. "
            "Venezuela's police chief called for the release of the soldiers after questioning.")
    results = run(nlp, text, {"Venezuelan police": "VEN/organisation", "Colombian": "COL",
                              "Venezuela's police chief": "VEN/organisation"})
    assert not [e for e, _, _ in results if e.type == "REQUEST"]


# -- the addressee inside what is asked (events/requests.py) ------------------------------------------------

def test_a_withdrawal_is_asked_of_who_withdraws_not_of_the_place_left(nlp):
    results = run(nlp, "Lithuania demanded Russia's withdrawal from the occupied regions of Georgia.",
                  {"Lithuania": "LTU", "Russia": "RUS", "Georgia": "GEO"})
    find(results, "REQUEST", {"LTU"}, {"RUS"})
    assert not [e for e, _, t in results if e.type == "REQUEST" and "GEO" in t]


def test_a_halt_to_strikes_is_asked_of_the_striker_not_the_struck(nlp):
    results = run(nlp, "Jordan urged an immediate halt to Israeli strikes on Lebanon.",
                  {"Jordan": "JOR", "Israeli": "ISR", "Lebanon": "LBN"})
    find(results, "REQUEST", {"JOR"}, {"ISR"})


def test_a_release_is_not_asked_of_the_one_held(nlp):
    results = run(nlp, "Press freedom groups called for Evan Gershkovich's release on Monday.",
                  {"Evan Gershkovich": "USA/person"})
    assert not [e for e, _, t in results if e.type == "REQUEST" and t]


def test_help_is_asked_of_whose_help_it_is(nlp):
    results = run(nlp, "Chad sought Sudan's cooperation in policing the long desert border.",
                  {"Chad": "TCD", "Sudan": "SDN"})
    find(results, "REQUEST", {"TCD"}, {"SDN"})


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Kenya's call for Ethiopia to respect Somalia's sovereignty was welcomed in Mogadishu.",
     {"Kenya": "KEN", "Ethiopia": "ETH", "Somalia": "SOM", "Mogadishu": "SOM"}, "KEN", "ETH"),
    ("The United Nations renewed its calls for Myanmar to free the detained leader.",
     {"United Nations": "UN/organisation", "Myanmar": "MMR"}, "UN", "MMR"),
    ("Serbia's demand that Kosovo withdraw its special police went unheeded.",
     {"Serbia": "SRB", "Kosovo": "XKX"}, "SRB", "XKX"),
])
def test_a_request_noun_asks_the_subject_of_its_own_clause(nlp, text, spec, source, target):
    find(run(nlp, text, spec), "REQUEST", {source}, {target})


def test_a_call_naming_nobody_to_act_asks_nobody(nlp):
    results = run(nlp, "NATO's call for higher defence spending was echoed by Poland.",
                  {"NATO": "NATO/organisation", "Poland": "POL"})
    assert not [e for e, _, t in results if e.type == "REQUEST" and t]


def test_a_demand_told_before_its_speaker_is_a_request(nlp):
    results = run(nlp, "Eritrea must withdraw its troops from Tigray, Ethiopia's prime minister said.",
                  {"Eritrea": "ERI", "Tigray": "ETH", "Ethiopia's prime minister": "ETH/person"})
    find(results, "REQUEST", {"ETH"}, {"ERI"})


def test_a_deadline_given_with_aid_is_no_ultimatum(nlp):
    results = run(nlp, "The EU gave Ukraine aid until 2027 to cover its budget gap.",
                  {"EU": "EU/organisation", "Ukraine": "UKR"})
    assert not [e for e, _, _ in results if e.type == "REQUEST"]


# -- a reported must/should, whatever the act --------------------------------------------------------------

@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Algeria's foreign ministry said Rabat should open a dialogue on the Western Sahara question.",
     {"Algeria's foreign ministry": "DZA/organisation", "Rabat": "MAR"}, "DZA", "MAR"),
    ('"Belgrade must rein in the nationalist militias," the Kosovo prime minister said.',
     {"Belgrade": "SRB", "the Kosovo prime minister": "XKX/person"}, "XKX", "SRB"),
    ("Australia's trade minister said China must stop blocking Australian wine at the border.",
     {"Australia's trade minister": "AUS/person", "China": "CHN", "Australian": "AUS"}, "AUS", "CHN"),
])
def test_a_reported_must_is_a_request_whatever_the_act(nlp, text, spec, source, target):
    request = find(run(nlp, text, spec), "REQUEST", {source}, {target})
    assert request.pattern == "request:reported-demand"


@pytest.mark.parametrize("text", [
    "Japan should see growth of about one percent next year, the Asian Development Bank said.",
    '"Moscow must be punished for this crime," the Lithuanian president said.',
    "North Korea must have planned the launch for months, South Korea's military said.",
    '"We must defend every metre of our land," the Estonian prime minister said of Russia.',
])
def test_a_must_that_asks_nothing_of_its_subject_is_no_request(nlp, text):
    spec = {"Japan": "JPN", "Asian Development Bank": "ADB/organisation", "Moscow": "RUS",
            "the Lithuanian president": "LTU/person", "North Korea": "PRK",
            "South Korea's military": "KOR/organisation", "the Estonian prime minister": "EST/person", "Russia": "RUS"}
    assert not [e for e, _, _ in run(nlp, text, {k: v for k, v in spec.items() if k in text}) if e.type == "REQUEST"]


# -- a request told with a verb that addresses someone ------------------------------------------------------

@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Poland summoned the Belarusian charge d'affaires and demanded an explanation for the airspace violation.",
     {"Poland": "POL", "Belarusian": "BLR"}, "POL", "BLR"),
    ("Algeria summoned the French ambassador to demand an apology for the remarks.",
     {"Algeria": "DZA", "French": "FRA"}, "DZA", "FRA"),
    ("Modi phoned Putin on Monday and asked for help in bringing home Indians fighting for Russia.",
     {"Modi": "IND/person", "Putin": "RUS/person", "Indians": "IND/person", "Russia": "RUS"}, "IND", "RUS"),
    ("South Korea lodged a protest with Japan and demanded the removal of the island claim from the textbooks.",
     {"South Korea": "KOR", "Japan": "JPN"}, "KOR", "JPN"),
    ("In a letter to the European Commission, Poland asked for an exemption from the grain rules.",
     {"European Commission": "EU/organisation", "Poland": "POL"}, "POL", "EU"),
    ("In a phone call with Erdogan on Friday, Scholz asked for help in reviving the grain deal.",
     {"Erdogan": "TUR/person", "Scholz": "DEU/person"}, "DEU", "TUR"),
])
def test_a_request_told_with_an_addressing_verb_or_in_a_message_asks_its_addressee(nlp, text, spec, source, target):
    find(run(nlp, text, spec), "REQUEST", {source}, {target})


def test_a_request_naming_its_own_addressee_keeps_it(nlp):
    results = run(nlp, "Britain summoned Iran's ambassador and urged Tehran's allies in Yemen to free the crew.",
                  {"Britain": "GBR", "Iran": "IRN", "Tehran": "IRN", "Yemen": "YEM"})
    assert not [e for e, s, _ in results if e.type == "REQUEST" and "IRN" in s]


@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    ("Serbia, pressed by the European Union, agreed to recognise Kosovo's identity cards.",
     {"Serbia": "SRB", "European Union": "EU/organisation", "Kosovo": "XKX"}, "EU", "SRB"),
    ("The Taliban, urged by Qatar, allowed the last foreign nationals to leave Kabul.",
     {"Taliban": "AFG", "Qatar": "QAT", "Kabul": "AFG"}, "QAT", "AFG"),
])
def test_a_request_participle_asks_the_noun_it_describes(nlp, text, spec, source, target):
    find(run(nlp, text, spec), "REQUEST", {source}, {target})


def test_a_passive_for_clause_asks_whoever_is_to_act(nlp):
    results = run(nlp, "Moscow called for Ukrainian units to be pulled back from the border villages.",
                  {"Moscow": "RUS", "Ukrainian": "UKR"})
    find(results, "REQUEST", {"RUS"}, {"UKR"})


def test_a_passive_for_clause_about_a_thing_asks_nobody(nlp):
    results = run(nlp, "Italy called for the sanctions on Syria to be lifted.", {"Italy": "ITA", "Syria": "SYR"})
    assert not [e for e, _, t in results if e.type == "REQUEST" and t]


def test_a_passive_for_clause_with_a_pronoun_asks_nobody(nlp):
    text = "Washington imposed new tariffs on Mexico. Mexico called for them to be withdrawn at once."
    results = run(nlp, text, {"Washington": "USA", "Mexico": "MEX", "them": "USA"})
    assert not [e for e, _, t in results if e.type == "REQUEST" and t]


@pytest.mark.parametrize(("text", "asked"), [
    ("Armenia insisted that Azerbaijan return the prisoners of war.", True),
    ("Armenia demanded that Azerbaijan stops shelling the border villages.", True),
    ("Armenia insisted that Azerbaijan had broken the ceasefire first.", False),
    ("Armenia insisted that Azerbaijan was to blame for the clashes.", False),
])
def test_a_that_clause_in_the_past_tells_rather_than_asks(nlp, text, asked):
    results = run(nlp, text, {"Armenia": "ARM", "Azerbaijan": "AZE"})
    requests = [e for e, s, t in results if e.type == "REQUEST" and s == {"ARM"} and t == {"AZE"}]
    assert bool(requests) is asked


def test_a_demand_told_to_someone_with_a_pronoun_asks_the_one_told(nlp):
    results = run(nlp, "The European Union told Georgia it must scrap the media law to keep its candidate status.",
                  {"European Union": "EU/organisation", "Georgia": "GEO", "it": "EU/organisation"})
    find(results, "REQUEST", {"EU"}, {"GEO"})


def test_a_reiterated_request_asks_the_subject_of_its_clause(nlp):
    results = run(nlp, "Seoul reiterated its request that Tokyo return the looted Buddhist statue.",
                  {"Seoul": "KOR", "Tokyo": "JPN"})
    find(results, "REQUEST", {"KOR"}, {"JPN"})


def test_the_act_a_demand_noun_asks_for_is_not_told_as_done(nlp):
    results = run(nlp, "Tokyo repeated its demand that Seoul lift the ban on Japanese seafood imports.",
                  {"Tokyo": "JPN", "Seoul": "KOR", "Japanese": "JPN"})
    find(results, "REQUEST", {"JPN"}, {"KOR"})
    lifted = find(results, "CONCEDE", {"KOR"}, {"JPN"})
    assert "hypothetical" in lifted.qualifiers


def test_urging_both_governments_asks_the_two_states_named_before(nlp):
    text = ("Fishing rights in the waters between Ecuador and Peru have been disputed for decades. "
            "Brazil urged both governments to settle the quarrel through dialogue.")
    results = run(nlp, text, {"Ecuador": "ECU", "Peru": "PER", "Brazil": "BRA"})
    find(results, "REQUEST", {"BRA"}, {"ECU", "PER"})


def test_calling_on_the_two_countries_asks_the_states_named_in_the_sentence(nlp):
    text = ("After Guyana accused Venezuela of massing troops near the Essequibo region, "
            "Washington called on the two countries to respect the 1899 border award.")
    results = run(nlp, text, {"Guyana": "GUY", "Venezuela": "VEN", "Washington": "USA"})
    find(results, "REQUEST", {"USA"}, {"GUY", "VEN"})


def test_the_two_leaders_are_the_two_people_named_before(nlp):
    text = ("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed exchanged barbed remarks "
            "over port access this week. The African Union appealed to the two leaders to keep talking.")
    results = run(nlp, text, {"William Ruto": "KEN/person", "Abiy Ahmed": "ETH/person",
                              "African Union": "AU/organisation"})
    find(results, "REQUEST", {"AU"}, {"KEN", "ETH"})


def test_both_countries_with_three_states_named_before_asks_nobody(nlp):
    text = ("Kenya, Uganda and Tanzania disagreed on Monday over the new customs rules. "
            "The European Union urged both countries to drop the tariffs.")
    results = run(nlp, text, {"Kenya": "KEN", "Uganda": "UGA", "Tanzania": "TZA",
                              "European Union": "EU/organisation"})
    assert not [e for e in results if e.type == "REQUEST" and e.target]


# -- a request coordinated with the clause its teller reports -------------------------------------------------

@pytest.mark.parametrize(("text", "spec", "source", "target"), [
    # the parser hangs "urged" on the reported clause's "remained"; the teller asks
    ("Norway's foreign ministry said dozens of aid workers remained in detention and urged Ethiopia to free them.",
     {"Norway's foreign ministry": "NOR/organisation", "Ethiopia": "ETH"}, "NOR", "ETH"),
    ("The Dutch government said it was alarmed by the shelling and called on Russia to let the inspectors in.",
     {"The Dutch government": "NLD/organisation", "it": "NLD/organisation", "Russia": "RUS"}, "NLD", "RUS"),
    ("Relief agencies say hundreds of lorries have waited at the crossing for weeks, and have urged Egypt to open it.",
     {"Relief agencies": "NGO/organisation", "Egypt": "EGY"}, "NGO", "EGY"),
])
def test_a_request_coordinated_with_a_reported_clause_is_its_tellers(nlp, text, spec, source, target):
    request = find(run(nlp, text, spec), "REQUEST", {source}, {target})
    assert "negated" not in request.qualifiers and "hypothetical" not in request.qualifiers


def test_a_request_coordinated_with_a_negated_reported_clause_is_told_as_done(nlp):
    text = ("The German chancellor told reporters that Berlin would not send more tanks and pressed Ukraine's allies "
            "to share the burden.")
    results = run(nlp, text, {"The German chancellor": "DEU/person", "Berlin": "DEU", "Ukraine": "UKR"})
    request = find(results, "REQUEST", {"DEU"}, {"UKR"})
    assert not {"negated", "hypothetical"} & set(request.qualifiers)


def test_a_request_sharing_the_reported_perfect_stays_with_the_reported_subject(nlp):
    # "had rejected ... and demanded": the demand may be Hamas's, told by Egypt; Egypt is not made its source
    text = "Egypt said Hamas had rejected the proposal and demanded a full Israeli withdrawal from Gaza."
    results = run(nlp, text, {"Egypt": "EGY", "Hamas": "HAMAS/group", "Israeli": "ISR", "Gaza": "PSE"})
    assert not [e for e, s, _ in results if e.type == "REQUEST" and "EGY" in s]


def test_a_coded_subject_of_the_reported_clause_keeps_the_request(nlp):
    # the parser hangs "expected" on "respected": Islamabad, which the spokeswoman speaks for, still asks
    text = ("A ministry spokeswoman said Islamabad respected Iran's sovereignty but expected Tehran to rein in the "
            "militants.")
    results = run(nlp, text, {"Islamabad": "PAK", "Iran": "IRN", "Tehran": "IRN"})
    find(results, "REQUEST", {"PAK"}, {"IRN"})


# -- a command to a body no code names ---------------------------------------------------------------------------

def test_a_command_to_an_uncoded_firm_is_no_request(nlp):
    text = "A Brazilian court ordered Meta Platforms to suspend the messaging feature within five days."
    results = run(nlp, text, {"Brazilian court": "BRA/organisation", "Meta Platforms": "-/organisation"})
    assert not [e for e, _, _ in results if e.type == "REQUEST"]


def test_a_command_to_a_coded_side_is_still_a_request(nlp):
    text = "Israel ordered UNRWA to vacate its compound in East Jerusalem within thirty days."
    results = run(nlp, text, {"Israel": "ISR", "UNRWA": "UNRWA/organisation", "East Jerusalem": "PSE"})
    find(results, "REQUEST", {"ISR"}, {"UNRWA"})
