"""`newsgraph explain` shows the parse, actors, matched and nearly matched patterns, and events."""
from __future__ import annotations

from click.testing import CliRunner

from newsgraph.cli import main


def test_explain_shows_parse_actors_patterns_and_events(nlp):
    sentence = "On Tuesday, Germany imposed sanctions on Iran over its drone exports."
    result = CliRunner().invoke(main, ["explain", sentence, "--published", "2025-03-14"])
    assert result.exit_code == 0, result.output
    out = result.output
    for section in ("parse:", "actors:", "patterns matched:", "near misses:", "events:"):
        assert section in out
    assert "imposed" in out and "nsubj" in out
    assert "SANCTION/discontinue" in out and "2025-03-11" in out


def test_explain_reports_a_near_miss_and_a_dropped_match(nlp):
    result = CliRunner().invoke(main, ["explain", "Germany threw a party behind the embassy.", "--published",
                                       "2025-03-14"])
    assert result.exit_code == 0, result.output
    assert "missing: backing|support|weight" in result.output
    assert "events:\n  (none)" in result.output


def test_explain_uses_a_user_pattern_file(nlp, tmp_path):
    patterns = tmp_path / "mine.yaml"
    patterns.write_text("verbs:\n  SUPPORT:\n    '-':\n      - fete T\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", "Germany feted France at the ceremony.", "--patterns",
                                       str(patterns)])
    assert result.exit_code == 0, result.output
    assert "support:fete-t" in result.output and "SUPPORT" in result.output.split("events:")[1]


def test_explain_help_has_an_example():
    result = CliRunner().invoke(main, ["explain", "--help"])
    assert result.exit_code == 0 and "newsgraph explain" in result.output


def test_explain_shows_where_a_target_came_from_and_which_convention_read_the_act(nlp):
    result = CliRunner().invoke(main, ["explain", "Spain called on Friday for Morocco to release the fishermen.",
                                       "--published", "2025-06-14"])
    assert result.exit_code == 0, result.output
    assert "via 'for ... to' clause" in result.output
    result = CliRunner().invoke(main, ["explain", "Norway offered to send emergency aid to Sudan.",
                                       "--published", "2025-06-14"])
    assert "read as AGREE/aid by intent: 'offered' to AID" in result.output


def test_explain_shows_which_pass_linked_a_mention_and_coded_an_actor(nlp):
    text = ("Ghana's Ministry of Trade raised tariffs on rice. Its spokeswoman, Abena Mensah, said the move "
            "was temporary. The ministry will review it in June.")
    out = CliRunner().invoke(main, ["explain", text, "--published", "2025-03-14"]).output
    assert "'Its' linked by the pronouns pass" in out
    assert "'The ministry' linked by the unnamed groups pass: the ministry: the latest compatible actor" in out
    assert "serves the actor named in the title: Ghana's Ministry of Trade (affiliations pass)" in out


def test_explain_shows_a_demand_taken_from_a_quotes_speaker(nlp):
    result = CliRunner().invoke(main, ["explain", "\"Hamas must free every hostage now,\" the Israeli prime minister "
                                       "said.", "--published", "2025-06-14"])
    assert result.exit_code == 0, result.output
    assert "via speaker of the quote: subject of 'said'" in result.output


def test_explain_shows_the_scene_an_occasion_was_nested_in(nlp):
    result = CliRunner().invoke(main, ["explain", "At a briefing after a meeting with Rubio, Wang Yi said China "
                                       "wanted stable ties.", "--published", "2025-06-14"])
    assert result.exit_code == 0, result.output
    assert "via subject of 'said' (scene inside 'briefing')" in result.output


def test_explain_shows_a_target_read_off_each_other(nlp):
    result = CliRunner().invoke(main, ["explain", "Thailand and Cambodia accused each other of opening fire first.",
                                       "--published", "2025-06-14"])
    assert result.exit_code == 0, result.output
    assert "'each other': the other subjects" in result.output
    assert "Thailand[THA] -> Cambodia[KHM]" in result.output and "Cambodia[KHM] -> Thailand[THA]" in result.output


def test_explain_shows_a_target_that_undergoes_the_act(nlp):
    result = CliRunner().invoke(main, ["explain", "Israel faced criticism from France over the strikes.",
                                       "--published", "2025-06-14"])
    assert result.exit_code == 0, result.output
    assert "source: France[FRA] via 'from' phrase; target: Israel[ISR] via subject of 'faced'" in result.output


def test_explain_shows_the_place_there_stands_for(nlp):
    result = CliRunner().invoke(main, ["explain", "A cyclone struck Mozambique last week. Japan sent emergency "
                                       "supplies there on Monday.", "--published", "2025-06-14"])
    assert result.exit_code == 0, result.output
    assert "'there': Mozambique, named in the sentence before" in result.output
