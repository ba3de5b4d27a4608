"""The JSON API: every endpoint and filter, pagination bounds, the token rule, body limits and headers."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_records import PIPELINE_TEXTS, XSS_SCRIPT, hand_articles

from newsgraph.store import Store
from newsgraph.web import create_app

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = Store.open(str(tmp_path_factory.mktemp("api") / "api.db"))
    store.add_articles(hand_articles())
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(store, token=""))


def items(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["items"]


def event_key(event: dict) -> tuple:
    return (tuple(event["source"]), event["type"], tuple(event["target"]))


def test_events_are_deduplicated_across_outlets(client):
    events = items(client.get("/api/events"))
    assert sorted(map(event_key, events)) == [
        (("DEU", "FRA"), "ACCUSE", ("RUS",)), (("EU",), "AID", ("MDA",)), (("RUS",), "ASSAULT", ("UKR",)),
        (("TUR",), "AGREE", ("GRC",)), (("TUR",), "RETREAT", ()), (("UKR",), "ACCUSE", ("RUS",)),
    ]
    strike = next(e for e in events if e["type"] == "ASSAULT")
    assert strike["mention_count"] == 2 and strike["article_count"] == 2


@pytest.mark.parametrize(("query", "expected"), [
    ("actor=RUS", {"ASSAULT", "ACCUSE"}),
    ("actor=greece", {"AGREE"}),
    ("source=UKR", {"ACCUSE"}),
    ("target=UKR", {"ASSAULT"}),
    ("source=RUS&target=UKR", {"ASSAULT"}),
    ("type=agree", {"AGREE"}),
    ("since=2024-05-10", {"ASSAULT", "ACCUSE", "AID"}),
    ("until=2024-05-10", {"ASSAULT", "ACCUSE", "AGREE", "RETREAT"}),
    ("since=2024-05-11&until=2024-12-31", {"AID"}),
    ("actor=nobody-at-all", set()),
])
def test_event_filters(client, query, expected):
    assert {e["type"] for e in items(client.get(f"/api/events?{query}"))} == expected


def test_event_pagination(client):
    first = client.get("/api/events?limit=4").json()
    rest = client.get("/api/events?limit=4&offset=4").json()
    assert len(first["items"]) == 4 and first["next_offset"] == 4
    assert len(rest["items"]) == 2 and rest["next_offset"] is None
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in rest["items"]}


@pytest.mark.parametrize("query", ["limit=0", "limit=501", "offset=-1", "type=BOMB", "since=yesterday",
                                   "until=2024-13-01", "actor=" + "x" * 201])
def test_bad_parameters_are_refused(client, query):
    assert client.get(f"/api/events?{query}").status_code == 422


def test_event_with_every_report(client):
    strike = items(client.get("/api/events?type=ASSAULT"))[0]
    event = client.get(f"/api/events/{strike['id']}").json()
    assert len(event["mentions"]) == 2
    assert {m["trigger"] for m in event["mentions"]} == {"struck"}
    assert client.get("/api/events/no-such-event").status_code == 404


def test_actors_list_search_and_detail(client):
    actors = items(client.get("/api/actors?limit=100"))
    codes = {a["code"] for a in actors}
    assert {"TUR", "GRC", "RUS", "UKR", "EU", "MDA"} <= codes
    assert [a["code"] for a in items(client.get("/api/actors?search=GRC"))] == ["GRC"]
    assert {a["kind"] for a in items(client.get("/api/actors?kind=person"))} == {"person"}
    assert client.get("/api/actors?kind=alien").status_code == 422
    russia = next(a for a in actors if a["code"] == "RUS" and a["kind"] == "state")
    detail = client.get(f"/api/actors/{russia['id']}").json()
    assert {e["type"] for e in detail["events_given"]} == {"ASSAULT"}
    assert {e["type"] for e in detail["events_received"]} == {"ACCUSE"}
    assert client.get("/api/actors/nobody").status_code == 404


def test_quotes_by_speaker_and_words(client):
    assert [q["speaker_name"] for q in items(client.get("/api/quotes?speaker=zelensky"))] == ["Volodymyr Zelensky"]
    found = items(client.get("/api/quotes?search=rebuilding%20silos"))  # stemmed full-text search
    assert [q["speaker_name"] for q in found] == ["Volodymyr Zelensky"]
    assert items(client.get("/api/quotes?search=ceasefire")) == []
    assert len(items(client.get("/api/quotes"))) == 2


def test_articles_list_and_record(client):
    listed = items(client.get("/api/articles"))
    assert len(listed) == 4 and all(a["doc_id"] for a in listed)
    assert [a["published"] for a in listed] == sorted((a["published"] for a in listed), reverse=True)
    record = client.get(f"/api/articles/{listed[-1]['doc_id']}").json()
    assert record["title"] == "Turkey and Greece agree to resume Aegean talks"
    assert [e["type"] for e in record["events"]] == ["AGREE", "RETREAT"]
    assert client.get("/api/articles/0000").status_code == 404
    assert len(items(client.get("/api/articles?limit=2&offset=3"))) == 1


def test_stats(client):
    stats = client.get("/api/stats").json()
    assert (stats["articles"], stats["events"], stats["event_mentions"], stats["quotes"]) == (4, 6, 7, 2)
    assert stats["events_by_quad_class"]["material_conflict"] == 1


def test_graph_edges_carry_weight_and_cooperation_score(client):
    graph = client.get("/api/graph").json()
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert set(edges) == {("TUR", "GRC"), ("RUS", "UKR"), ("UKR", "RUS"), ("EU", "MDA"), ("FRA", "RUS"),
                          ("DEU", "RUS")}
    assert edges[("RUS", "UKR")]["score"] == -1.0 and edges[("TUR", "GRC")]["score"] == 1.0
    assert edges[("RUS", "UKR")]["weight"] == 1
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["RUS"]["href"] == "/actors/RUS" and nodes["RUS"]["events"] == 4
    # the biggest dyads first, ties by code; a dyad of a two-source event competes like any other
    top = client.get("/api/graph?limit=2").json()["edges"]
    assert [(e["source"], e["target"]) for e in top] == [("DEU", "RUS"), ("EU", "MDA")]
    only_conflict = client.get("/api/graph?type=ASSAULT").json()
    assert [(e["source"], e["target"]) for e in only_conflict["edges"]] == [("RUS", "UKR")]
    assert client.get("/api/graph?limit=100000").status_code == 422


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/actors", "/api/actors/{actor_id}", "/api/quotes", "/api/articles",
                 "/api/articles/{doc_id}", "/api/stats", "/api/graph"):
        assert path in paths
    assert "post" in paths["/api/articles"]
    assert not any(p.startswith("/timeline") for p in paths)


def test_security_headers_on_api_and_pages(client):
    for url in ("/api/stats", "/", "/api/events/none"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_api_returns_hostile_text_as_data(client):
    record = next(a for a in items(client.get("/api/articles")) if a["title"].startswith("Hostile"))
    assert XSS_SCRIPT in record["title"]
    assert client.get("/api/articles").headers["content-type"] == "application/json"


# --- POST /api/articles: the token rule ------------------------------------------------------------

ARTICLE = {"published": PIPELINE_TEXTS[0][0], "title": PIPELINE_TEXTS[0][1], "text": PIPELINE_TEXTS[0][2]}


def test_post_refused_without_server_token(client, monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_TOKEN", raising=False)
    assert client.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 403
    assert client.post("/api/articles", json=ARTICLE).status_code == 403


@pytest.fixture()
def writable(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_TOKEN", TOKEN)
    store = Store.open(str(tmp_path / "post.db"))
    yield store, TestClient(create_app(store))
    store.close()


@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401),
    ({"Authorization": "Basic dXNlcjpwYXNz"}, 401),
    ({"Authorization": "Bearer wrong-token"}, 403),
    ({"Authorization": f"Bearer {TOKEN}x"}, 403),
])
def test_post_refused_with_wrong_credentials(writable, headers, status):
    store, client = writable
    assert client.post("/api/articles", json=ARTICLE, headers=headers).status_code == status
    assert store.stats()["articles"] == 0


def test_post_extracts_and_stores_with_the_right_token(writable, nlp):
    store, client = writable
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = client.post("/api/articles", json=ARTICLE, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] is True and body["actors"] > 0
    record = client.get(f"/api/articles/{body['doc_id']}").json()
    assert record["published"] == ARTICLE["published"] and record["title"] == ARTICLE["title"]
    assert "Seoul" in record["text"]
    again = client.post("/api/articles", json=ARTICLE, headers=auth).json()
    assert again["duplicate"] is True and store.stats()["articles"] == 1


def test_post_html_article(writable, nlp):
    _store, client = writable
    published, title, text = PIPELINE_TEXTS[1]
    html = (f"<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>{title}</h1><p>{text}</p></article></body></html>")
    response = client.post("/api/articles", json={"published": published, "html": html},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
    record = client.get(f"/api/articles/{response.json()['doc_id']}").json()
    assert "Gaza Strip" in record["text"] and "<p>" not in record["text"]
    assert record["published"] == published


@pytest.mark.parametrize("body", [
    {"published": "2024-01-01"},
    {"published": "2024-01-01", "text": "x", "html": "<p>x</p>"},
    {"text": "No date given."},
    {"published": "someday", "text": "Text."},
])
def test_post_needs_one_body_and_a_date(writable, body):
    _, client = writable
    assert client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 422


def test_post_body_over_the_limit_is_refused(writable):
    store, client = writable
    huge = {"published": "2024-01-01", "text": "word " * 500_000}
    response = client.post("/api/articles", json=huge, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413
    assert store.stats()["articles"] == 0


def test_streamed_body_over_the_limit_is_refused(store):
    client = TestClient(create_app(store, token=TOKEN, max_body=1000))

    def chunks():
        for _ in range(10):
            yield b"x" * 200

    response = client.post("/api/articles", content=chunks(), headers={"Authorization": f"Bearer {TOKEN}",
                                                                        "Content-Type": "application/json"})
    assert response.status_code == 413


def test_empty_filters_are_no_filters(client):
    everything = client.get("/api/events?nonfactual=1").json()["items"]
    empty = client.get("/api/events?actor=&source=&target=&type=&since=&until=&nonfactual=1").json()["items"]
    assert empty == everything and everything


def test_actor_codes_match_exactly_and_names_by_word(client):
    assert client.get("/api/events?actor=USS").json()["items"] == []  # inside "RUS" and "Russian": no match
    assert client.get("/api/events?actor=rus").json()["items"]  # a code in any case
    assert client.get("/api/actors?search=russ").json()["items"]  # a name's word start


def test_keyset_pages_walk_every_event_once(client):
    seen, after = [], ""
    while True:
        page = client.get(f"/api/events?limit=2&after={after}").json()
        seen += [e["id"] for e in page["items"]]
        if page["next_after"] is None:
            break
        after = page["next_after"]
    assert seen == [e["id"] for e in client.get("/api/events?limit=500").json()["items"]]


@pytest.mark.parametrize("path", ["/api/events", "/api/quotes", "/api/articles"])
def test_csv_downloads_every_row(client, path):
    import csv
    import io

    response = client.get(f"{path}?format=csv&all=true")
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(client.get(f"{path}?limit=500").json()["items"]) > 0
