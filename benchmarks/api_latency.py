"""Latency of the JSON API on a large database: p50/p95 per call; the goal is p95 < 100 ms.

    .venv/bin/python benchmarks/api_latency.py [--db /tmp/newsgraph-bench.db] [--events 100000] [--requests 40]

The database is built once (reused while it holds enough events): synthetic articles,
each reporting several events between states from the knowledge base plus a quote,
stored through ``Store.add_articles`` like any ingest. Then ``newsgraph serve``'s app
runs under uvicorn on a free loopback port and every call is timed over HTTP, after a
warm-up request. Requests are bounded in number; the server stops by itself.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import socket
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import uvicorn

from newsgraph.records import Actor, Article, Event, Mention, Quote, content_hash
from newsgraph.store import Store, read
from newsgraph.store.places import gazetteer
from newsgraph.web import create_app

STATES_CSV = Path(__file__).resolve().parent.parent / "newsgraph" / "data" / "kb" / "states.csv"
# (type, quad class, intensity, how a sentence says it) — enough variety for realistic selectivity.
EVENT_KINDS = [
    ("AGREE", "verbal_coop", 3.0, "agreed with"), ("CONSULT", "verbal_coop", 1.0, "held talks with"),
    ("SUPPORT", "verbal_coop", 3.5, "backed"), ("COOPERATE", "material_coop", 5.0, "signed a pact with"),
    ("AID", "material_coop", 6.0, "sent aid to"), ("REQUEST", "verbal_coop", 1.5, "asked"),
    ("ACCUSE", "verbal_conflict", -4.0, "accused"), ("REJECT", "verbal_conflict", -4.5, "rejected a proposal from"),
    ("THREATEN", "verbal_conflict", -6.0, "threatened"), ("PROTEST", "verbal_conflict", -5.0, "protested to"),
    ("SANCTION", "material_conflict", -7.0, "imposed sanctions on"), ("MOBILIZE", "material_conflict", -7.5,
                                                                       "massed troops near"),
    ("COERCE", "material_conflict", -8.0, "seized ships from"), ("ASSAULT", "material_conflict", -9.0, "attacked"),
]
QUOTE_WORDS = ("talks", "ceasefire", "sanctions", "border", "security", "trade", "aid", "troops", "peace",
               "election", "pipeline", "grain", "refugees", "treaty", "summit", "drones", "oil", "prices")
EVENTS_PER_ARTICLE = 8
# Share of articles opening with a dateline, and of sentences naming a place in the target's state: the map's
# points, counted per place, need realistic numbers of places and located events.
DATELINED, NEAR_A_PLACE = 0.4, 0.2


def states() -> list[tuple[str, str]]:
    """(code, name) of the states in the knowledge base."""
    lines = [line for line in STATES_CSV.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return [(row["code"], row["name"]) for row in csv.DictReader(lines) if row["code"] and row["name"]]


def synthetic_articles(n_articles: int, seed: int = 7) -> Iterator[Article]:
    """Articles of EVENTS_PER_ARTICLE one-sentence events each; popular states are picked more often."""
    rng = random.Random(seed)
    pool = states()
    places: dict[str, list[str]] = {}
    for place in gazetteer().by_key.values():
        places.setdefault(place.code, []).append(place.name)
    capitals = sorted(p.name for p in gazetteer().by_key.values() if p.kind == "capital")
    weights = [1 / (i + 1) ** 0.8 for i in range(len(pool))]
    start = dt.date(2021, 1, 1)
    for n in range(n_articles):
        published = start + dt.timedelta(days=rng.randrange(5 * 365))
        sentences, actors, events = [], {}, []
        if rng.random() < DATELINED:
            sentences.append(f"{rng.choice(capitals).upper()} (Bench Wire) —")
        for i in range(EVENTS_PER_ARTICLE):
            (src_code, src), (tgt_code, tgt) = rng.choices(pool, weights, k=2)
            if src_code == tgt_code:
                continue
            etype, quad, intensity, verb = rng.choice(EVENT_KINDS)
            offset = sum(len(s) + 1 for s in sentences)
            day = published - dt.timedelta(days=rng.randrange(3))
            near = places.get(tgt_code) and rng.random() < NEAR_A_PLACE
            where = f" near {rng.choice(places[tgt_code])}" if near else ""
            sentence = f"{src} {verb} {tgt}{where} on {day:%d %B %Y} (report {n}-{i})."
            sentences.append(sentence)
            ids = [_actor(actors, code, name, offset + sentence.index(name)) for code, name in
                   ((src_code, src), (tgt_code, tgt))]
            date, granularity = dated(rng, day)
            events.append(Event(id=f"e{i}", type=etype, source=[ids[0]], target=[ids[1]], sentence=sentence,
                                start=offset, end=offset + len(sentence), trigger=verb.split()[0],
                                pattern="benchmark", quad_class=quad, intensity=intensity, date=date,
                                granularity=granularity, confidence=0.8, qualifiers=qualified(rng)))
        said = " ".join(rng.sample(QUOTE_WORDS, 6))
        quote_at = sum(len(s) + 1 for s in sentences) + 1
        sentences.append(f"\"We discussed {said},\" the minister said.")
        text = " ".join(sentences)
        quote = Quote(id="q1", text=f"We discussed {said}", kind="direct", start=quote_at,
                      end=quote_at + len(f"We discussed {said}"), sentence_start=quote_at - 1, sentence_end=len(text),
                      speaker=next(iter(actors.values())).id if actors else None, cue="said")
        yield Article(doc_id=content_hash(text), origin=f"bench/{n}.txt", title=f"Benchmark report {n}",
                      published=published.isoformat(), text=text, actors=list(actors.values()), events=events,
                      quotes=[quote], source_id=f"outlet{n % 40}")


def dated(rng: random.Random, day: dt.date) -> tuple[str | None, str | None]:
    """As in real news: about 65% of events carry no date of their own, a few only a month."""
    roll = rng.random()
    if roll < 0.65:
        return None, None
    return (day.isoformat()[:7], "month") if roll < 0.72 else (day.isoformat(), "day")


def qualified(rng: random.Random) -> list[str]:
    """About a quarter of events are said not to have happened (yet): future, hypothetical, negated."""
    return [rng.choice(("future", "hypothetical", "negated", "conditional"))] if rng.random() < 0.26 else []


def _actor(actors: dict[str, Actor], code: str, name: str, at: int) -> str:
    actor = actors.get(code)
    if actor is None:
        actor = actors[code] = Actor(id=f"a{len(actors) + 1}", name=name, kind="state", code=code)
    actor.mentions.append(Mention(at, at + len(name), name))
    return actor.id


def build(db: Path, events: int) -> Store:
    """Open the benchmark database, filling it first if it holds fewer than `events` events."""
    store = Store.open(str(db))
    have = store.stats()["events"]
    if have >= events:
        print(f"reusing {db}: {have:,} events")
        return store
    n_articles = int(events / (EVENTS_PER_ARTICLE * 0.93)) + 1  # a few same-state pairs are skipped
    began = time.perf_counter()
    summary = store.add_articles(synthetic_articles(n_articles), chunk_size=500)
    analyze(store)
    stats = store.stats()
    print(f"built {db} in {time.perf_counter() - began:.0f} s: {summary.line()}; "
          f"{stats['events']:,} events, {stats['event_mentions']:,} reports, {stats['quotes']:,} quotes")
    return store


def analyze(store: Store) -> None:
    """Refresh the query planner's statistics, as a bulk load should end (SQLite has none until asked)."""
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(store: Store) -> tuple[uvicorn.Server, str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store, token=""), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def calls(store: Store) -> list[tuple[str, str]]:
    """(name, path) of the calls to time, with ids and values taken from the database."""
    busiest = store.actors(limit=1)[0]
    quiet = store.actors(limit=1, offset=60)[0]
    event = store.events(limit=1, offset=500)[0]
    doc = store.articles(limit=1, offset=1000)[0]["doc_id"]
    return [
        ("events (newest 50)", "/api/events"),
        ("events offset 5000", "/api/events?offset=5000"),
        ("events deep keyset", f"/api/events?after={deep_key(store)}"),
        ("events incl. non-factual", "/api/events?nonfactual=1&sort=intensity"),
        ("events actor=busiest", f"/api/events?actor={busiest['code']}"),
        ("events actor=quiet", f"/api/events?actor={quiet['code']}"),
        ("events source+target", f"/api/events?source={busiest['code']}&target={quiet['code']}"),
        ("events type", "/api/events?type=SANCTION"),
        ("events since/until", "/api/events?since=2023-03-01&until=2023-03-31"),
        ("events actor name", "/api/events?actor=united"),
        ("event by id", f"/api/events/{event['id']}"),
        ("actors", "/api/actors"),
        ("actor by id", f"/api/actors/{busiest['id']}"),
        ("quotes", "/api/quotes"),
        ("quotes search", "/api/quotes?search=ceasefire%20border"),
        ("quotes speaker", f"/api/quotes?speaker={quiet['code']}"),
        ("articles", "/api/articles"),
        ("article by id", f"/api/articles/{doc}"),
        ("stats", "/api/stats"),
        ("graph (200 dyads)", "/api/graph"),
        ("graph (1,000 dyads)", "/api/graph?limit=1000"),
        ("graph actor", f"/api/graph?actor={busiest['code']}"),
        # the pages most visited, for reference (server-rendered: several queries each)
        ("page /", "/"),
        ("page /timeline", "/timeline"),
        ("page /timeline filtered", f"/timeline?actor={busiest['name'].split()[0]}&since=2023"),
        ("page /network", "/network"),
        ("page /map", "/map"),
        ("page /map filtered", f"/map?actor={busiest['code']}&type=ASSAULT"),
        ("events place", f"/api/events?place={busy_place(store)}"),
        ("page /actors", "/actors?search=un"),
        ("page /quotes", "/quotes"),
        ("page /articles deep", f"/articles?after={deep_article_key(store)}&start=10000"),
        ("page /events/{id}", f"/events/{event['id']}"),
        ("page /actors/{id}", f"/actors/{quiet['id']}"),
    ]


def busy_place(store: Store) -> str:
    """The place most events happened at (a dot on the map a user clicks)."""
    from newsgraph.web.queries import events_by_place

    return quote(events_by_place(store, read.EventFilter())[0]["key"])


def deep_key(store: Store) -> str:
    """The `after` token 10,000 events down the default list, as a user paging that far would hold."""
    from newsgraph.web.api import encode_key

    with store.engine.connect() as conn:
        return encode_key(read.event_page(conn, read.EventFilter(), limit=1, offset=10_000)[1]) or ""


def deep_article_key(store: Store) -> str:
    from newsgraph.web.api import encode_key

    with store.engine.connect() as conn:
        return encode_key(read.article_page(conn, limit=1, offset=10_000)[1]) or ""


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def measure(base: str, paths: list[tuple[str, str]], requests: int) -> list[tuple[str, float, float, float, float]]:
    """(name, first, p50, p95, median CPU ms) per call. CPU time is this process's (server and client threads): on
    a busy machine wall-clock time also counts waiting for a core, CPU time does not. The first request warms up;
    its time is what a view costs before its aggregates are cached (after a write, say)."""
    rows = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, path in paths:
            began = time.perf_counter()
            client.get(path).raise_for_status()
            first = (time.perf_counter() - began) * 1000
            times, cpu = [], []
            for _ in range(requests):
                began, began_cpu = time.perf_counter(), time.process_time()
                client.get(path).raise_for_status()
                times.append((time.perf_counter() - began) * 1000)
                cpu.append((time.process_time() - began_cpu) * 1000)
            rows.append((name, first, percentile(times, 50), percentile(times, 95), statistics.median(cpu)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-bench.db"))
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40, help="timed requests per call")
    parser.add_argument("--goal-ms", type=float, default=100.0)
    args = parser.parse_args(argv)
    store = build(args.db, args.events)
    server, base = serve(store)
    try:
        rows = measure(base, calls(store), args.requests)
    finally:
        server.should_exit = True
    print(f"\n{'call':26s} {'first ms':>8s} {'p50 ms':>8s} {'p95 ms':>8s} {'cpu ms':>8s}")
    for name, first, p50, p95, cpu in rows:
        flag = "" if p95 < args.goal_ms else f"  over {args.goal_ms:.0f} ms"
        print(f"{name:26s} {first:8.1f} {p50:8.1f} {p95:8.1f} {cpu:8.1f}{flag}")
    worst = max(row[3] for row in rows)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nworst p95 {worst:.1f} ms (goal < {args.goal_ms:.0f} ms) on {store.stats()['events']:,} events; "
          f"load average {load:.1f} on {os.cpu_count()} cores")
    return 0 if worst < args.goal_ms else 1


if __name__ == "__main__":
    sys.exit(main())
