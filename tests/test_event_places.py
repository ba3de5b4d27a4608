"""Where each report happened (newsgraph/store/places.py): the located place, a place the sentence names, or the
dateline city; stored per report and event, filtered on, backfilled by migration 0008, and drawn as the map's
points. Sentences are written for these tests. SQLite and (with NEWSGRAPH_TEST_PG_URL) PostgreSQL."""
from __future__ import annotations

import csv

import pytest
from sqlalchemy import delete, select, update
from store_helpers import db_url, report  # noqa: F401 - db_url is a fixture

from newsgraph.records import Event
from newsgraph.resources.kb import KB_DIR, read_kb_file
from newsgraph.store import Store, schema
from newsgraph.store.places import COORDINATES_CSV, gazetteer
from newsgraph.store.read import EventFilter
from newsgraph.web.queries import events_by_place

SHELLING = "Russia shelled Kharkiv's northern districts on Tuesday, Ukraine said."
TALKS_IN_CAPITAL = "Foreign ministers of Turkey and Greece met in Ankara to discuss the Aegean."
CAPITAL_AS_STATE = "Ankara accused Athens of stalling the talks."
NO_PLACE = "Turkey accused Greece of stalling, and then the two held talks, a spokesman said."
DATELINED = f"ODESA, Ukraine (Harbour Wire) — {NO_PLACE} Port traffic resumed."
SHELLED_AGAIN = "Russia shelled the port again, Ukraine said."


def event(sentence: str, located: str | None = None) -> Event:
    return Event(id="e1", type="CONSULT", source=[], target=[], sentence=sentence, start=0, end=len(sentence),
                 trigger="met", pattern="test", located=located)


@pytest.mark.parametrize(("sentence", "place"), [
    (SHELLING, "Kharkiv, UKR"),  # a place of places.csv, possessive and all
    (TALKS_IN_CAPITAL, "Ankara, TUR"),  # a capital after a locative word is where they met
    (CAPITAL_AS_STATE, None),  # a capital as the subject stands for its state
    (NO_PLACE, None),
])
def test_a_sentence_names_its_place(sentence, place):
    found = gazetteer().in_sentence(sentence)
    assert (found.key if found else None) == place


@pytest.mark.parametrize(("opening", "place"), [
    ("ODESA, Ukraine (Harbour Wire) — Port traffic resumed.", "Odesa, UKR"),
    ("Ceasefire holds\n\nKYIV (Capital News) -- Air raid sirens were silent overnight.", "Kyiv, UKR"),
    ("WASHINGTON — The Senate passed the aid bill.", "Washington, USA"),
    ("Turkey and Greece met — and agreed.", None),  # a sentence with a dash is no dateline
])
def test_a_dateline_names_the_city_a_story_was_filed_from(opening, place):
    found = gazetteer().dateline(opening)
    assert (found.key if found else None) == place


def test_a_report_is_placed_by_its_located_place_then_its_sentence_then_the_dateline():
    g = gazetteer()
    odesa = g.dateline(DATELINED)
    assert g.of_report(event(SHELLING, located="Irpin"), odesa).basis == "located"
    assert g.of_report(event(SHELLING, located="Irpin"), odesa).place.name == "Irpin"
    assert (g.of_report(event(SHELLING), odesa).place.name, g.of_report(event(SHELLING), odesa).basis) == \
        ("Kharkiv", "sentence")
    assert (g.of_report(event(NO_PLACE), odesa).place.name, g.of_report(event(NO_PLACE), odesa).basis) == \
        ("Odesa", "dateline")
    assert g.of_report(event(NO_PLACE), None) is None


def test_every_located_place_is_a_knowledge_base_place_or_a_capital_inside_the_map():
    places, _ = read_kb_file(KB_DIR / "places.csv")
    states, _ = read_kb_file(KB_DIR / "states.csv")
    known = {(p.name, p.code) for p in places}
    capitals = {(a.removeprefix("metonym:"), s.code) for s in states for a in s.aliases if a.startswith("metonym:")}
    rows = list(csv.DictReader(line for line in COORDINATES_CSV.read_text(encoding="utf-8").splitlines()
                               if not line.startswith("#")))
    assert len(rows) > 2000
    for row in rows:
        assert (row["name"], row["code"]) in (capitals if row["kind"] == "capital" else known), row
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
    assert "GeoNames" in COORDINATES_CSV.read_text(encoding="utf-8").split("\nname,")[0]  # CC BY: attribution


def stored_places(store: Store) -> list[tuple[str, str | None]]:
    with store.engine.connect() as conn:
        return sorted(conn.execute(select(schema.events.c.type, schema.events.c.place)).all())


def test_events_keep_their_place_and_are_filtered_and_counted_by_it(db_url):  # noqa: F811
    shelled = report(SHELLING, events=[{"type": "ASSAULT", "source": ["RUS"], "target": ["UKR"]}])
    datelined = report(DATELINED, events=[{"type": "ACCUSE", "source": ["TUR"], "target": ["GRC"]}])
    nowhere = report(NO_PLACE, events=[{"type": "CONSULT", "source": ["TUR"], "target": ["GRC"]}])
    for article in (shelled, datelined):  # each report's sentence is what the event was coded from
        article.events[0].sentence = SHELLING if article is shelled else NO_PLACE
    with Store.open(db_url) as store:
        store.add_articles([shelled, datelined, nowhere])
        assert stored_places(store) == [("ACCUSE", "Odesa, UKR"), ("ASSAULT", "Kharkiv, UKR"), ("CONSULT", None)]
        [agreed] = store.events(type="ACCUSE")
        assert [(m["place"], m["place_basis"]) for m in store.event(agreed["id"])["mentions"]] == \
            [("Odesa, UKR", "dateline")]
        points = events_by_place(store, EventFilter())
        assert [(p["key"], p["events"]) for p in points] == [("Kharkiv, UKR", 1), ("Odesa, UKR", 1)]
        assert points[0]["lat"] == pytest.approx(50.0, abs=0.5) and points[0]["lon"] == pytest.approx(36.2, abs=0.5)
        assert events_by_place(store, EventFilter(type="ASSAULT")) == points[:1]
        with store.engine.connect() as conn:
            odesa = conn.execute(EventFilter(place="Odesa, UKR").apply(select(schema.events.c.type))).scalars().all()
        assert odesa == ["ACCUSE"]


def test_a_sentence_place_outranks_another_reports_dateline(db_url):  # noqa: F811
    filed = report(f"ODESA (Harbour Wire) — {SHELLED_AGAIN}",
                   events=[{"type": "ASSAULT", "source": ["RUS"], "target": ["UKR"]}], published="2024-03-05")
    filed.events[0].sentence = SHELLED_AGAIN
    named = report(SHELLING, events=[{"type": "ASSAULT", "source": ["RUS"], "target": ["UKR"]}],
                   published="2024-03-05")
    with Store.open(db_url) as store:
        store.add_articles([filed, named])  # two reports of one event
        assert stored_places(store) == [("ASSAULT", "Kharkiv, UKR")]


def test_a_database_from_before_0008_gets_its_events_placed(db_url):  # noqa: F811
    shelled = report(SHELLING, events=[{"type": "ASSAULT", "source": ["RUS"], "target": ["UKR"]}])
    with Store.open(db_url) as store:
        store.add_articles([shelled])
        with store.engine.begin() as conn:  # as written before 0008: no places, no record of the migration
            conn.execute(update(schema.event_mentions).values(place=None, place_basis=None))
            conn.execute(update(schema.events).values(place=None))
            conn.execute(delete(schema.migrations).where(schema.migrations.c.name == "0008_event_places"))
    with Store.open(db_url) as store:
        assert stored_places(store) == [("ASSAULT", "Kharkiv, UKR")]


def test_the_api_filters_by_a_place_named_as_typed_and_the_map_page_credits_geonames(tmp_path):
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    shelled = report(SHELLING, events=[{"type": "ASSAULT", "source": ["RUS"], "target": ["UKR"]}])
    with Store.open(str(tmp_path / "api.db")) as store:
        store.add_articles([shelled, report(NO_PLACE, events=[{"type": "CONSULT", "source": ["TUR"]}])])
        client = TestClient(create_app(store, token=""))
        for typed in ("Kharkiv, UKR", "kharkiv", "Kharkiv"):
            assert [e["type"] for e in client.get("/api/events", params={"place": typed}).json()["items"]] == \
                ["ASSAULT"]
        assert client.get("/api/events", params={"place": "Atlantis"}).json()["items"] == []
        page = client.get("/map").text
        assert '"key": "Kharkiv, UKR"' in page and "GeoNames" in page
