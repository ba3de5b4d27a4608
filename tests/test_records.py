"""The record format: round trips, the shipped JSON Schema, ids and the actor table."""
from __future__ import annotations

import jsonschema
import pytest

from newsgraph.records import (
    Actor,
    ActorTable,
    Article,
    Event,
    Mention,
    Quote,
    Removed,
    content_hash,
    validate_record,
)


def sample_article() -> Article:
    kyiv = Actor(id="a1", name="Ukraine", kind="state", code="UKR", mentions=[Mention(0, 4, "Kyiv", "metonym")],
                 evidence={"source": "kb"})
    pm = Actor(id="a2", name="Keir Starmer", kind="person", code="GBR", sector="GOV", role="Prime Minister",
               country="GBR", mentions=[Mention(30, 42, "Keir Starmer"), Mention(60, 62, "He", "pronoun")],
               evidence={"source": "kb"})
    event = Event(id="e1", type="SUPPORT", source=["a2"], target=["a1"], sentence="x", start=0, end=58,
                  trigger="backed", pattern="support.back", date="2025-03-07", date_text="on Friday",
                  granularity="day", confidence=0.8, qualifiers=[], quad_class="verbal_coop", intensity=3.0)
    quote = Quote(id="q1", text="We stand with Ukraine", kind="direct", start=64, end=85, sentence_start=60,
                  sentence_end=90, speaker="a2", speaker_name="Keir Starmer", cue="said")
    return Article(doc_id=content_hash("body"), origin="x.txt", title="T", published="2025-03-08", text="body",
                   removed=[Removed("Read more", "phrase")], actors=[kyiv, pm], events=[event], quotes=[quote])


def test_round_trip_keeps_every_field():
    article = sample_article()
    assert Article.from_dict(article.to_dict()) == article


def test_record_follows_the_schema():
    validate_record(sample_article().to_dict())


def test_schema_rejects_an_unknown_event_type():
    record = sample_article().to_dict()
    record["events"][0]["type"] = "CHAT"
    with pytest.raises(jsonschema.ValidationError):
        validate_record(record)


def test_content_hash_ignores_whitespace_and_case_but_not_words():
    assert content_hash("Talks  began\nin Geneva.") == content_hash("talks began in Geneva.")
    assert content_hash("Talks began in Geneva.") != content_hash("Talks ended in Geneva.")


def test_actor_table_lookups():
    table = ActorTable(sample_article().actors)
    assert table.actor_at(30, 42).code == "GBR"
    assert table.actor_at(0, 2).code == "UKR"
    assert table.actor_at(43, 50) is None
    assert table.last_before(59, kinds={"person"}).name == "Keir Starmer"
    assert table.last_before(20, kinds={"person"}) is None
    assert [aid for _, _, aid in table.mentions_in(0, 100)] == ["a1", "a2", "a2"]
    table.add_mention("a1", Mention(70, 77, "Ukraine"))
    assert table.actor_at(70, 77).id == "a1"


def test_event_claim_flag():
    event = sample_article().events[0]
    assert event.is_claim
    event.qualifiers = ["negated"]
    assert not event.is_claim


def test_extracted_samples_follow_the_schema(extract_text):
    from conftest import REPO

    with_events = 0
    paths = sorted((REPO / "samples").glob("*.txt"))
    for path in paths:
        lines = path.read_text("utf-8").splitlines()
        published = lines[0].split()[1]
        article = extract_text("\n".join(lines[2:]), published=published, title=lines[1], origin=str(path))
        assert article.actors, path.name
        with_events += bool(article.events)
        validate_record(article.to_dict())
        assert Article.from_dict(article.to_dict()) == article
        for event in article.events:
            assert article.text[event.start:event.end] == event.sentence
            assert {*event.source, *event.target} <= {a.id for a in article.actors}
        for quote in article.quotes:
            assert article.text[quote.start:quote.end] == quote.text
    # The demo samples are there to show events: nearly every one must yield some (a few report only words).
    assert with_events >= 0.8 * len(paths), f"{with_events} of {len(paths)} samples yield events"
