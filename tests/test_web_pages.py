"""Server-rendered pages: they render, highlight the evidence, and never let article text become markup."""
from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient
from web_records import PORT_STRIKE, XSS_SCRIPT, hand_articles

from newsgraph.store import Store
from newsgraph.web import create_app
from newsgraph.web.highlight import Span, segment_text


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = Store.open(str(tmp_path_factory.mktemp("pages") / "pages.db"))
    store.add_articles(hand_articles())
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(store, token=""))


def every_page(store) -> list[str]:
    """Every page the UI has, for every stored article, event and actor."""
    urls = ["/", "/timeline", "/timeline?type=AID&since=2024-01-01", "/network", "/map", "/actors", "/quotes",
            "/quotes?search=thank", "/articles"]
    urls += [f"/articles/{a['doc_id']}" for a in store.articles()]
    urls += [f"/events/{e['id']}" for e in store.events()]
    urls += [f"/actors/{a['id']}" for a in store.actors()]
    return urls


def test_every_page_renders(client, store):
    for url in every_page(store):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
        assert "<script>" not in response.text, url  # scripts only by src, never inline


def test_hostile_text_comes_back_escaped_on_every_page(client, store):
    hostile_pages = 0
    for url in every_page(store):
        body = client.get(url).text
        assert XSS_SCRIPT not in body and "<img" not in body and "onerror=alert(1)>" not in body, url
        if html.escape(XSS_SCRIPT, quote=False) in body or "&lt;script&gt;" in body:
            hostile_pages += 1
    # The hostile title, text and quote are shown (escaped) on the overview lists, article, event, quotes, actor pages.
    assert hostile_pages >= 5


def test_event_page_highlights_the_sentence_in_every_report(client, store):
    strike = store.events(type="ASSAULT")[0]
    body = client.get(f"/events/{strike['id']}").text
    marks = re.findall(r'<mark class="hl-evidence"[^>]*>(.*?)</mark>(?=[^<]*</div>)', body, flags=re.DOTALL)
    assert [re.sub(r"<[^>]+>", "", m) for m in marks] == [PORT_STRIKE, PORT_STRIKE]  # one per outlet, in its article
    assert all('<mark class="hl-trigger" title="trigger">struck</mark>' in m for m in marks)
    assert "Port workers in Odesa counted the damage" in body and "No casualties were reported." in body


def test_article_page_links_actors_events_and_quotes(client, store):
    doc = next(a for a in store.articles() if a["title"] == "Drones hit Odesa port")
    body = client.get(f"/articles/{doc['doc_id']}").text
    strike = store.events(type="ASSAULT")[0]
    assert f'href="/events/{strike["id"]}"' in body
    assert re.search(r'<a class="hl-actor hl-event" href="/actors/\w+"[^>]*>Russian forces</a>', body)
    assert re.search(r'<mark class="hl-quote"[^>]*>We will rebuild every pier and every silo</mark>', body)


def test_actor_page_shows_roles_events_and_quotes(client, store):
    zelensky = store.actors(search="Zelensky")[0]
    body = client.get(f"/actors/{zelensky['id']}").text
    assert "We will rebuild every pier" in body
    russia = next(a for a in store.actors(search="RUS") if a["kind"] == "state")
    body = client.get(f"/actors/{russia['id']}").text
    assert body.count('class="type q-material_conflict"') == 1 and body.count('class="type q-verbal_conflict"') == 2


def test_graph_node_codes_lead_to_the_actor_page(client, store):
    response = client.get("/actors/ukr", follow_redirects=False)
    assert response.status_code == 307
    ukraine = next(a for a in store.actors(search="UKR") if a["kind"] == "state")
    assert response.headers["location"] == f"/actors/{ukraine['id']}"


def test_overview_shows_counts_chart_data_and_dyads(client):
    body = client.get("/").text
    assert re.search(r'class="quad-chart" data-series=\'\{[^\']*"material_conflict": \[', body)
    assert 'href="/actors/RUS"' in body and 'href="/timeline?source=RUS&amp;target=UKR"' in body
    assert '<script src="/static/vendor/chart.umd.min.js">' in body


def test_timeline_filters_and_pages(client):
    body = client.get("/timeline?actor=RUS").text
    shown = re.findall(r'<span class="type [^"]*"[^>]*>(\w+)</span>', body)
    assert sorted(shown) == ["ACCUSE", "ACCUSE", "ASSAULT"]
    assert client.get("/timeline?since=not-a-date").status_code == 400
    assert client.get("/timeline?offset=-4").status_code == 400


def test_network_page_points_at_the_graph_api(client):
    body = client.get("/network?actor=RUS&type=ASSAULT").text
    assert 'data-graph-url="/api/graph?actor=RUS&amp;type=ASSAULT&amp;limit=150&amp;min_events=1"' in body
    assert '<script src="/static/vendor/cytoscape.min.js">' in body


def test_missing_things_are_404_pages(client):
    for url in ("/events/nope", "/articles/nope", "/actors/nope"):
        response = client.get(url)
        assert response.status_code == 404 and "Not found" in response.text


@pytest.mark.parametrize(("name", "kind", "size"), [("cytoscape.min.js", "text/javascript", 100_000),
                                                    ("chart.umd.min.js", "text/javascript", 100_000),
                                                    ("topojson-client.min.js", "text/javascript", 5_000),
                                                    ("countries-110m.json", "application/json", 100_000)])
def test_front_end_libraries_are_served_locally(client, name, kind, size):
    response = client.get(f"/static/vendor/{name}")
    assert response.status_code == 200, "run `make install` (copies it from npm into newsgraph/web/static/vendor)"
    assert response.headers["content-type"].startswith(kind) and len(response.content) > size


def test_only_listed_vendor_files_are_served(client):
    assert client.get("/static/vendor/..%2Fpackage.json").status_code == 404
    assert client.get("/static/vendor/cytoscape.js").status_code == 404


# --- highlighting by segments ------------------------------------------------------------------------

def test_segments_cover_the_text_exactly_once():
    text = "Alpha met Beta in Gamma."
    spans = [Span(0, 23, "event"), Span(0, 5, "actor", href="/actors/a"), Span(10, 14, "actor"), Span(99, 120, "x")]
    segments = segment_text(text, spans)
    assert "".join(s.text for s in segments) == text
    assert [(s.text, s.kinds) for s in segments] == [
        ("Alpha", ("actor", "event")), (" met ", ("event",)), ("Beta", ("actor", "event")),
        (" in Gamma", ("event",)), (".", ()),
    ]
    assert segments[0].href == "/actors/a" and segments[0].css == "hl-actor hl-event"


def test_overlapping_spans_split_where_they_cross():
    segments = segment_text("one two three", [Span(0, 7, "quote"), Span(4, 13, "event")])
    assert [(s.text, s.kinds) for s in segments] == [("one ", ("quote",)), ("two", ("quote", "event")),
                                                     (" three", ("event",))]


def test_empty_form_fields_redirect_to_a_permalink_of_what_is_set(client):
    response = client.get("/timeline?actor=&source=RUS&target=&type=&since=&until=2024-12&sort=date&size=50",
                          follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/timeline?source=RUS&until=2024-12"
    body = client.get(response.headers["location"]).text
    assert 'value="RUS"' in body and 'class="chip"' in body and "Bad request" not in body


def test_an_offset_past_the_end_says_so(client):
    body = client.get("/articles?offset=99999").text
    assert "No rows this far: there are 4." in body and "99999" not in body.split("<main", 1)[1]


def test_articles_show_the_source_never_a_file_path(client, store):
    body = client.get("/articles").text.split("<main", 1)[1]
    assert not [a["origin"] for a in store.articles() if a["origin"] in body]
