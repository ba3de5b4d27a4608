"""Acts told once and extended to another side (events/copies.py): "did the same", "followed suit", "also expelled".
Sentences written for these tests.
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_events import find, run

from newsgraph.cli import main

EXPULSIONS = {"Germany": "DEU", "Russian": "RUS", "France": "FRA", "Italy": "ITA", "Hungary": "HUN",
              "Britain": "GBR", "Poland": "POL", "Canada": "CAN", "Ukraine": "UKR", "Lithuania": "LTU"}


def copies(results) -> list[tuple[str, frozenset[str], frozenset[str], list[str]]]:
    return [(e.type, s, t, e.qualifiers) for e, s, t in results if e.pattern == "copy:same-act"]


def test_did_the_same_in_the_same_sentence_copies_the_expulsion(nlp):
    text = "Germany expelled 40 Russian diplomats on Monday over the killings in Bucha, and France did the same."
    event = find(run(nlp, text, EXPULSIONS), "SANCTION", {"FRA"}, {"RUS"})
    assert event.mode == "expel" and not event.qualifiers


def test_followed_suit_copies_an_act_of_the_sentence_before(nlp):
    text = ("Spain recognised Palestine as a state on May 28, 2024. "
            "Slovenia followed suit a week later after a vote in its parliament.")
    results = run(nlp, text, {"Spain": "ESP", "Palestine": "PSE", "Slovenia": "SVN"})
    find(results, "SUPPORT", {"SVN"}, {"PSE"})


def test_did_likewise_and_took_the_same_step_copy_the_latest_act(nlp):
    text = ("Saudi Arabia cut diplomatic ties with Qatar in June 2017. Bahrain did likewise within hours, "
            "and Egypt took the same step later that day.")
    results = run(nlp, text, {"Saudi Arabia": "SAU", "Qatar": "QAT", "Bahrain": "BHR", "Egypt": "EGY"})
    find(results, "SANCTION", {"BHR"}, {"QAT"})
    find(results, "SANCTION", {"EGY"}, {"QAT"})


@pytest.mark.parametrize(("second", "side", "qualifier"), [
    ("Hungary did not do the same.", "HUN", "negated"),
    ("Italy may follow suit.", "ITA", "hypothetical"),
])
def test_a_copy_refused_or_only_foreseen_is_no_fact(nlp, second, side, qualifier):
    text = f"Germany expelled 40 Russian diplomats on Monday. {second}"
    assert [(s, q) for _, s, _, q in copies(run(nlp, text, EXPULSIONS))] == [({side}, [qualifier])]


def test_no_copy_for_the_side_the_act_was_aimed_at(nlp):
    text = "Britain expelled 23 Russian diplomats in March 2018. Russia did the same a few days later."
    assert not copies(run(nlp, text, {**EXPULSIONS, "Russia": "RUS"}))


def test_no_copy_of_an_act_told_three_sentences_before(nlp):
    text = ("Germany expelled 40 Russian diplomats on Monday. The diplomats had two weeks to leave. "
            "Officials gave no names. Prosecutors said the investigation was continuing. France did the same.")
    assert not copies(run(nlp, text, EXPULSIONS))


def test_no_copy_of_a_view_or_of_a_foreseen_act(nlp):
    text = ("Italy took the same view of the talks. Germany may expel Russian diplomats. France did the same.")
    assert not copies(run(nlp, text, EXPULSIONS))


def test_each_expelled_diplomats_shares_the_target_of_the_same_act_before(nlp):
    text = ("Britain expelled 23 Russian diplomats over the poisoning in Salisbury. "
            "Germany, France and Poland each expelled four diplomats on March 26.")
    find(run(nlp, text, EXPULSIONS), "SANCTION", {"DEU", "FRA", "POL"}, {"RUS"})


def test_also_expelled_diplomats_shares_the_target_of_the_same_act_before(nlp):
    text = "Germany expelled 40 Russian diplomats on Monday. Italy also expelled 30 diplomats on Tuesday."
    find(run(nlp, text, EXPULSIONS), "SANCTION", {"ITA"}, {"RUS"})


def test_no_target_shared_with_another_act_noun_or_without_an_added_side(nlp):
    text = ("Germany expelled 40 Russian diplomats on Monday. Italy also expelled two journalists. "
            "Poland expelled four diplomats.")
    results = run(nlp, text, EXPULSIONS)
    assert [set(s) for e, s, t in results if e.type == "SANCTION"] == [{"DEU"}]


def test_the_latest_to_expel_is_the_copulas_subject(nlp):
    text = "Lithuania expelled three Russian diplomats. Ukraine became the latest to expel Russian diplomats."
    find(run(nlp, text, EXPULSIONS), "SANCTION", {"UKR"}, {"RUS"})


def test_explain_says_which_event_a_copy_repeats(nlp):
    sentence = "Germany expelled 40 Russian diplomats on Monday, and France did the same."
    result = CliRunner().invoke(main, ["explain", sentence, "--published", "2022-04-06"])
    assert result.exit_code == 0, result.output
    assert "copy:same-act" in result.output and "copied act: 'did same' repeats ev1 ('expelled diplomats')" \
        in result.output


def test_a_copy_whose_act_its_sentence_tells_is_one_event(nlp):
    text = ("Britain expelled 23 Russian diplomats on March 14. "
            "France followed suit on Monday, expelling four Russian diplomats of its own.")
    results = run(nlp, text, EXPULSIONS)
    assert [set(s) for e, s, t in results if e.type == "SANCTION"] == [{"GBR"}, {"FRA"}]
    assert not copies(results)


def test_explain_says_whose_target_an_added_side_shares(nlp):
    sentence = ("Britain expelled 23 Russian diplomats over the poisoning. "
                "Germany, France and Poland each expelled four diplomats.")
    result = CliRunner().invoke(main, ["explain", sentence, "--published", "2018-03-28"])
    assert result.exit_code == 0, result.output
    assert "copied target: 'expelled' done again by another side, as in ev1 -> event ev2" in result.output


def test_the_first_country_to_send_police_is_the_copulas_subject_but_a_clause_without_object_is_not(nlp):
    text = "Kenya was the first country to send police officers to Haiti. Moldova is the neighbour to support."
    results = run(nlp, text, {"Kenya": "KEN", "Haiti": "HTI", "Moldova": "MDA"})
    find(results, "MOBILIZE", {"KEN"}, {"HTI"})
    assert not [e for e, s, t in results if "MDA" in s]
