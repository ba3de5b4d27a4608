"""Requests that name no addressee: what only a fight's sides can give is asked of the sides of the latest fight.

Hand-built actor tables as in test_events.py; sentences written for these tests.
"""
from __future__ import annotations

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
