"""Hand-made article records for the store, ingest and export tests (no model needed)."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from newsgraph.records import Actor, Article, Event, Mention, Quote, content_hash

NAMES = {"TUR": "Turkey", "GRC": "Greece", "USA": "United States", "RUS": "Russia", "UKR": "Ukraine",
         "FRA": "France", "DEU": "Germany"}
QUAD = {"ACCUSE": ("verbal_conflict", -3.0), "CONSULT": ("verbal_coop", 2.5), "ASSAULT": ("material_conflict", -9.0),
        "AID": ("material_coop", 6.0), "THREATEN": ("verbal_conflict", -6.0)}


def report(text: str, *, events: list[dict] = (), quotes: list[dict] = (), people: list[dict] = (),
           published: str | None = "2024-03-05", origin: str | None = None, url: str | None = None) -> Article:
    """An article whose states are found by name in `text`; events name their sides by code."""
    actors: dict[str, Actor] = {}
    for code, name in NAMES.items():
        at = text.find(name)
        if at >= 0:
            actors[code] = Actor(id=f"a{len(actors) + 1}", name=name, kind="state", code=code,
                                 mentions=[Mention(at, at + len(name), name)])
    for person in people:
        at = text.find(person["name"].split()[-1])
        actors[person["name"]] = Actor(id=f"p{len(actors) + 1}", name=person["name"], kind="person",
                                       code=person.get("code"), role=person.get("role"),
                                       mentions=[Mention(at, at + 5, text[at:at + 5])] if at >= 0 else [])
    coded = []
    for n, spec in enumerate(events, start=1):
        quad, intensity = QUAD[spec["type"]]
        coded.append(Event(
            id=spec.get("id", f"e{n}"), type=spec["type"], source=[actors[c].id for c in spec["source"]],
            target=[actors[c].id for c in spec.get("target", [])], sentence=text, start=0, end=len(text),
            trigger=spec.get("trigger", "said"), pattern=spec.get("pattern", "test"), mode=spec.get("mode"),
            quad_class=quad, intensity=spec.get("intensity", intensity), date=spec.get("date", published),
            granularity=spec.get("granularity", "day" if spec.get("date", published) else None),
            qualifiers=spec.get("qualifiers", []),
        ))
    said = []
    for n, spec in enumerate(quotes, start=1):
        start = text.find(spec["text"])
        speaker = actors.get(spec.get("speaker", ""))
        said.append(Quote(id=f"q{n}", text=spec["text"], kind="direct", start=start, end=start + len(spec["text"]),
                          sentence_start=0, sentence_end=len(text), speaker=speaker.id if speaker else None,
                          speaker_name=speaker.name if speaker else spec.get("speaker"), cue="said"))
    doc_id = content_hash(text)
    return Article(doc_id=doc_id, origin=origin or f"{doc_id}.txt", title=text.split(".")[0], published=published,
                   text=text, actors=list(actors.values()), events=coded, quotes=said, url=url)


def pg_url() -> str | None:
    return os.environ.get("NEWSGRAPH_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A fresh empty database on each backend (PostgreSQL: a schema of its own, dropped afterwards)."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    base = pg_url()
    if not base:
        pytest.skip("set NEWSGRAPH_TEST_PG_URL to run the store tests on PostgreSQL")
    import sqlalchemy

    schema = f"ng_{uuid.uuid4().hex[:12]}"
    engine = sqlalchemy.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text(f"CREATE SCHEMA {schema}"))
    try:
        sep = "&" if "?" in base else "?"
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(sqlalchemy.text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


def table_contents(url: str, *, skip_columns: frozenset[str] = frozenset({"ingested_at", "seen_at", "applied_at"})
                   ) -> dict[str, list[tuple]]:
    """Every content table's rows, sorted, without the columns that record when things happened."""
    from sqlalchemy import select

    from newsgraph.store import Store, schema

    with Store.open(url) as store, store.engine.connect() as conn:
        out = {}
        for table in schema.CONTENT_TABLES:
            cols = [c for c in table.c if c.name not in skip_columns]
            rows = [tuple(r) for r in conn.execute(select(*cols)).all()]
            out[table.name] = sorted(rows, key=lambda row: ["" if v is None else str(v) for v in row])
        return out


def totals_from_base_tables(url: str) -> dict[str, dict]:
    """What every total kept at write time (newsgraph/store/totals.py) should hold, counted here in Python
    from the base tables' rows, next to what the totals tables hold."""
    from collections import Counter, defaultdict

    from sqlalchemy import select

    from newsgraph.store import Store, schema

    quads = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
    with Store.open(url) as store, store.engine.connect() as conn:
        def rows(table):
            return [r._mapping for r in conn.execute(select(table)).all()]

        given, received = defaultdict(set), defaultdict(set)
        for r in rows(schema.event_actors):
            (given if r["side"] == "source" else received)[r["actor_id"]].add(r["event_id"])
        articles = Counter(r["actor_id"] for r in rows(schema.article_actors))
        quotes = Counter(r["speaker_id"] for r in rows(schema.quotes))
        actors = {a["id"]: (articles[a["id"]], len(given[a["id"]]), len(received[a["id"]]), quotes[a["id"]])
                  for a in rows(schema.actors)}
        dyads: dict[tuple, list] = {}
        days: Counter = Counter()
        for e in rows(schema.events):
            days[(e["date"] or "", e["type"], e["quad_class"] or "")] += 1
            if not e["factual"]:  # the dyad totals count factual events (0007)
                continue
            total = dyads.setdefault((e["source_key"], e["target_key"]), [0, 0, 0.0, 0, *(0 for _ in quads)])
            total[0] += 1
            total[1] += e["mention_count"]
            if e["intensity"] is not None:
                total[2] += e["intensity"]
                total[3] += 1
            if e["quad_class"] in quads:
                total[4 + quads.index(e["quad_class"])] += 1
        stored_dyads = {(r["source_key"], r["target_key"]): [r["events"], r["mentions"], r["intensity_sum"] or 0.0,
                                                             r["intensity_n"], *(r[q] for q in quads)]
                        for r in rows(schema.dyad_totals)}
        return {
            "actors": {"expected": actors, "stored": {
                r["actor_id"]: (r["article_count"], r["events_given"], r["events_received"], r["quote_count"])
                for r in rows(schema.actor_totals)}},
            "dyads": {"expected": dyads, "stored": stored_dyads},
            "days": {"expected": dict(days), "stored": {(r["date"], r["type"], r["quad_class"]): r["events"]
                                                       for r in rows(schema.event_totals)}},
        }


def assert_totals_match_base_tables(url: str) -> None:
    import pytest

    found = totals_from_base_tables(url)
    assert found["actors"]["stored"] == found["actors"]["expected"]
    assert found["days"]["stored"] == found["days"]["expected"]
    assert found["dyads"]["stored"] == {k: pytest.approx(v) for k, v in found["dyads"]["expected"].items()}
