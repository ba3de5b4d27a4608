"""No input answers 500: hostile bodies on POST /api/articles, parameters at and past every bound, the last
day of the calendar; and every status, a bug's 500 included, carries the security headers."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from web_records import hand_articles

from newsgraph.store import Store
from newsgraph.web import create_app
from newsgraph.web.security import SECURITY_HEADERS

TOKEN = "s3cret-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    store = Store.open(str(tmp_path_factory.mktemp("hostile") / "h.db"))
    store.add_articles(hand_articles())
    app = create_app(store, token=TOKEN)

    @app.get("/api/crash", include_in_schema=False)
    @app.get("/crash", include_in_schema=False)
    def crash() -> None:
        raise RuntimeError("a bug")

    yield app
    store.close()


@pytest.fixture(scope="module")
def client(app) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


def assert_secured(response) -> None:
    for name, value in SECURITY_HEADERS:
        assert response.headers.get(name.decode()) == value.decode(), (response.status_code, name)


@pytest.mark.parametrize("url", [
    "/api/events?until=9999-12-31", "/api/graph?until=9999-12-31", "/timeline?until=9999-12-31",
    "/api/events?since=9999-12-31&until=9999-12-31", "/api/events?since=0001-01-01",
    "/api/graph?min_events=9223372036854775807", "/api/events?offset=10000000",
])
def test_extreme_but_valid_parameters_answer(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert_secured(response)


@pytest.mark.parametrize("url", [
    "/api/graph?min_events=9223372036854775808", "/api/graph?min_events=99999999999999999999999999",
    "/api/events?limit=99999999999999999999", "/api/events?offset=-1", "/api/events?until=10000-01-01",
    "/api/events?since=2024-02-30", "/api/graph?limit=0", "/api/quotes?search=" + "x" * 5000,
])
def test_parameters_past_their_bounds_are_refused_not_crashed(client, url):
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert_secured(response)


@pytest.mark.parametrize(("url", "status", "html"), [
    ("/no/such/page", 404, True), ("/api/no/such/route", 404, False), ("/crash", 500, True), ("/api/crash", 500, False),
])
def test_every_status_has_its_page_and_the_security_headers(client, url, status, html):
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html" if html else "application/json")
    assert_secured(response)


def test_cli_takes_the_last_day_and_refuses_huge_limits(tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main

    db = str(tmp_path / "c.db")
    with Store.open(db) as store:
        store.add_articles(hand_articles())
    assert CliRunner().invoke(main, ["events", "--db", db, "--until", "9999-12-31"]).exit_code == 0
    refused = CliRunner().invoke(main, ["events", "--db", db, "--limit", "99999999999999999999"])
    assert refused.exit_code == 2 and "--limit" in refused.output


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                                     max_size=4), max_leaves=12)
article_bodies = st.fixed_dictionaries({}, optional={
    "published": st.one_of(st.sampled_from(["2024-03-05", "9999-12-31", "0001-01-01", "2024-02-30", ""]), json_values),
    "text": st.one_of(st.text(max_size=300), json_values), "html": st.one_of(st.text(max_size=300), json_values),
    "title": st.one_of(st.text(max_size=50), json_values), "url": st.one_of(st.text(max_size=50), json_values),
})


@given(body=st.one_of(article_bodies, json_values))
def test_hostile_article_bodies_never_answer_500(client, body):
    # json.dumps writes NaN and Infinity, which are not JSON either
    response = client.post("/api/articles", content=json.dumps(body),
                           headers=AUTH | {"content-type": "application/json"})
    assert response.status_code in (201, 422), (body, response.text)
    assert_secured(response)


@given(raw=st.binary(max_size=500))
def test_hostile_raw_bodies_never_answer_500(client, raw):
    response = client.post("/api/articles", content=raw, headers=AUTH | {"content-type": "application/json"})
    assert response.status_code in (201, 400, 422), (raw, response.text)  # 400: not UTF-8, not JSON
    assert_secured(response)


@pytest.mark.slow
def test_a_long_text_under_the_cap_is_extracted_not_a_500(client):
    from benchmarks.news_text import news_text

    text = news_text(1_100_000)
    response = client.post("/api/articles", content=json.dumps({"published": "2024-03-05", "text": text}),
                           headers=AUTH | {"content-type": "application/json"})
    assert response.status_code == 201, response.text[:500]
    assert response.json()["events"] > 1000
