"""Who is meant, stop 22: names cut at paragraph breaks, short names defined in brackets, descriptions of a body
named only by a part, ages, nationality-led nouns; short passages of our own writing in the shape of wire copy."""
from __future__ import annotations

from newsgraph.records import ActorTable
from newsgraph.stages.actors.resolver import resolve_actors


def resolved(nlp, kb, text: str, date: str = "2025-03-01") -> ActorTable:
    return resolve_actors(nlp(text), kb=kb, published=date)


def holder(table: ActorTable, text: str):
    """The actor holding a mention written exactly so (None when no actor does)."""
    return next((a for a in table.actors if any(m.text == text for m in a.mentions)), None)


def test_a_paragraph_ending_in_a_platform_name_does_not_swallow_the_next_speakers_body(nlp, kb):
    table = resolved(nlp, kb, "The minister said the vote had been fair, as he wrote on X.\n\nWhite House deputy press "
                              "secretary Olivia Dalton called the result a sign of a healthy democracy.",
                     date="2023-11-02")
    assert holder(table, "Olivia Dalton").code == "USA"
    assert not any("\n" in m.text for a in table.actors for m in a.mentions)


def test_a_paragraph_ending_in_a_platform_name_leaves_the_next_paragraphs_body_whole(nlp, kb):
    table = resolved(nlp, kb, "The opposition leader accused the army of fraud in a post on X.\n\nElection "
                              "Commission chairman Sikandar Sultan Raja said the count had been fair.",
                     date="2024-02-10")
    assert holder(table, "Election Commission") is not None
    assert not any("\n" in m.text for a in table.actors for m in a.mentions)
