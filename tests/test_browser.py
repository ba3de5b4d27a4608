"""The UI in a real browser: `newsgraph serve` on a free loopback port, driven by Playwright with Debian's Chromium.

The tests act as a user: they type into the forms and submit them, click downloads, edges and countries, at a
desktop and a phone viewport, and run axe-core (from npm, see frontend/package.json) on every page.
Screenshots of each page go to the test's temporary folder (printed with -s).
"""
from __future__ import annotations

import csv
import io
import itertools
import os
import re
import selectors
import subprocess
import sys
import time
from pathlib import Path

import pytest
from web_records import PORT_STRIKE, Draft, hand_articles

from newsgraph.records import Article

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]
sync_api = pytest.importorskip("playwright.sync_api")


def start_server(db: Path, timeout: float = 90.0) -> tuple[subprocess.Popen, str]:
    """Run `newsgraph serve --port 0` and read the address it prints."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_TOKEN"}
    proc = subprocess.Popen([str(Path(sys.executable).parent / "newsgraph"), "serve", "--db", str(db), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    deadline, seen = time.monotonic() + timeout, ""
    while time.monotonic() < deadline and proc.poll() is None:
        if selector.select(timeout=1):
            line = proc.stdout.readline()
            seen += line
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if found:
                return proc, found.group(0)
    proc.kill()
    raise AssertionError(f"newsgraph serve printed no address within {timeout}s:\n{seen}")


AXE_PATHS = [Path(os.environ.get("NEWSGRAPH_AXE", "/nonexistent")),
             Path(__file__).resolve().parent.parent / "build/frontend/node_modules/axe-core/axe.min.js"]
ERDOGAN_ACCUSES = "President Recep Tayyip Erdogan accused Greece of provoking tension in the Aegean."
TURKEY_MIGHT_AID = "Turkey could send aid to Sudan if the fighting stops."


def qualified_article() -> Article:
    """Events as real news has them: undated, hypothetical, dated to a month; and actors whose names or codes
    share letters ("tur" in Turkcell and Agriculture) that an exact filter must keep apart."""
    article = Draft(
        title="Erdogan accuses Greece; FAO sends aid to Sudan", published="2024-07-01", source_id="third-outlet",
        text=(f"{ERDOGAN_ACCUSES} {TURKEY_MIGHT_AID} The Food and Agriculture Organization sent aid to Sudan. "
              "Turkcell agreed with Greece on roaming fees. Back in March, Turkey held talks with Greece."),
        actors={"a1": ("TUR", "person", "Recep Tayyip Erdogan"), "a2": ("GRC", "state", "Greece"),
                "a3": ("TUR", "state", "Turkey"), "a4": ("SDN", "state", "Sudan"),
                "a5": ("FAO", "organisation", "Food and Agriculture Organization"),
                "a6": (None, "organisation", "Turkcell")},
        events=[("a1", "ACCUSE", "a2", ERDOGAN_ACCUSES, "accused"),
                ("a3", "AID", "a4", TURKEY_MIGHT_AID, "send aid"),
                ("a5", "AID", "a4", "The Food and Agriculture Organization sent aid to Sudan.", "sent aid"),
                ("a6", "AGREE", "a2", "Turkcell agreed with Greece on roaming fees.", "agreed"),
                ("a3", "CONSULT", "a2", "Back in March, Turkey held talks with Greece.", "held talks")],
    ).build()
    undated, maybe, _, _, month = article.events
    undated.date = undated.granularity = None
    maybe.qualifiers = ["hypothetical"]
    month.date, month.granularity = "2024-03", "month"
    return article


KHARKIV_RETREAT = "Ukrainian forces withdrew from two villages east of the city overnight, the army said."


def dateline_article() -> Article:
    """A story filed from a city its sentences do not name again: the dateline places its event on the map.
    The event has no target, so the network's dyads stay as the other tests expect them."""
    return Draft(
        title="Army pulls back from two villages", published="2024-08-14", source_id="city-desk",
        text=f"KHARKIV, Ukraine (City Desk) — {KHARKIV_RETREAT} Shelling continued into the morning.",
        actors={"a1": ("UKR", "group", "Ukrainian forces")},
        events=[("a1", "RETREAT", "", KHARKIV_RETREAT, "withdrew")],
    ).build()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from newsgraph.store import Store

    db = tmp_path_factory.mktemp("browser") / "ui.db"
    with Store.open(str(db)) as store:
        store.add_articles([*hand_articles(), qualified_article(), dateline_article()])
        strike_id = store.events(type="ASSAULT")[0]["id"]
    proc, url = start_server(db)
    yield url, strike_id
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    """A fresh page that records console errors (CSP violations show up there) and uncaught exceptions."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda msg: page.problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: page.problems.append(str(err)))
    yield page
    context.close()


def test_overview_draws_the_quad_class_chart(server, page, tmp_path):
    url, _ = server
    page.goto(url)
    page.wait_for_function("() => window.Chart && Chart.getChart(document.querySelector('canvas.quad-chart'))")
    bars = page.evaluate("() => Chart.getChart(document.querySelector('canvas.quad-chart')).data.datasets"
                         ".map(d => d.data.reduce((a, b) => a + b, 0))")
    assert sum(bars) == 11  # every factual event once, the undated one on its report's day
    page.click("details.series-table summary")  # the same numbers as a table
    cells = page.locator("details.series-table td.num").all_inner_texts()
    assert sum(map(int, cells)) == sum(bars)
    assert page.locator("table a[href='/actors/RUS']").count() >= 1
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
    assert page.problems == []


def test_network_draws_named_nodes_coloured_by_quad_class(server, page, tmp_path):
    url, _ = server
    page.goto(url + "network")
    page.wait_for_function("() => window.newsgraphNetwork && window.newsgraphNetwork.nodes().length > 0")
    graph = page.evaluate("() => fetch(document.getElementById('network').dataset.graphUrl).then(r => r.json())")
    nodes, edges = page.evaluate("() => [newsgraphNetwork.nodes().length, newsgraphNetwork.edges().length]")
    assert (nodes, edges) == (len(graph["nodes"]), len(graph["edges"])) and edges >= 6
    labels = page.evaluate("() => newsgraphNetwork.nodes().map(n => n.data('label'))")
    assert "Russia (RUS)" in labels  # a state's code shown with the state's name, not "Russian forces" of a report
    colours = page.evaluate("() => Object.fromEntries(newsgraphNetwork.edges().map("
                            "e => [e.source().id() + '>' + e.target().id(), e.data('colour')]))")
    assert colours["RUS>UKR"] != colours["TUR>GRC"]
    page.screenshot(path=str(tmp_path / "network.png"))
    x, y = page.evaluate("() => { const p = newsgraphNetwork.getElementById('RUS').renderedPosition();"
                         " const box = document.getElementById('network').getBoundingClientRect();"
                         " return [box.left + p.x, box.top + p.y]; }")
    page.mouse.click(x, y)
    page.wait_for_selector("#net-detail ul.event-list li")
    assert "Russia (RUS)" in page.inner_text("#net-detail h2")
    assert page.problems == []


def test_event_page_highlights_the_sentence(server, page, tmp_path):
    url, strike_id = server
    page.goto(f"{url}events/{strike_id}")
    marks = page.locator("mark.hl-evidence")
    assert marks.count() == 2
    assert [marks.nth(i).inner_text() for i in range(2)] == [PORT_STRIKE, PORT_STRIKE]
    background = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # the stylesheet loaded under the CSP
    page.screenshot(path=str(tmp_path / "event.png"), full_page=True)
    assert page.problems == []


def test_hostile_article_stays_text(server, page, tmp_path):
    url, _ = server
    page.goto(url + "articles")
    page.click("text=Hostile")
    assert page.locator("main img").count() == 0
    assert page.evaluate("() => document.querySelectorAll('main script').length") == 0
    assert '<script>alert("xss")</script>' in page.inner_text(".article-text")
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert page.problems == []


def submit(page, form: str, fields: dict[str, str]) -> None:
    """Type each value into the form's field (clearing the others named) and press its submit button."""
    for name, value in fields.items():
        page.fill(f"{form} [name={name}]", value)
    with page.expect_navigation():
        page.click(f"{form} button[type=submit]")


@pytest.mark.parametrize("path", ["timeline", "network"])
def test_filter_forms_take_every_combination_of_empty_fields(server, page, path):
    url, _ = server
    values = {"actor": "RUS", "since": "2024-01-01", "until": "2024-12-31"}
    for kept in itertools.product((False, True), repeat=len(values)):
        page.goto(url + path)
        typed = {name: value if keep else "" for (name, value), keep in zip(values.items(), kept, strict=True)}
        submit(page, "form.filters", typed)
        assert "Bad request" not in page.inner_text("main"), typed
        for name, value in typed.items():  # the URL is a permalink that refills the form
            assert page.input_value(f"form.filters [name={name}]") == value
            assert (f"{name}={value}" in page.url) == bool(value)
        chips = page.locator(".active-filters .chip")
        assert chips.count() == sum(kept)
    page.click(".active-filters a:has-text('reset all')")
    assert page.url.rstrip("/").endswith(path) and page.locator(".active-filters").count() == 0
    page.goto(url + path)
    page.select_option("form.filters [name=type]", "ASSAULT")
    submit(page, "form.filters", {"since": "2024-05"})  # a month is a date too
    assert "type=ASSAULT" in page.url and "Bad request" not in page.inner_text("main")
    assert page.problems == []


def test_undated_events_are_placed_and_non_factual_ones_need_the_toggle(server, page):
    url, _ = server
    page.goto(url + "timeline")
    submit(page, "form.filters", {"actor": "Sudan"})
    rows = page.locator("table.events tbody tr")
    assert "could send aid" not in page.inner_text("table.events")  # hypothetical: left out by default
    assert rows.count() == 1
    page.check("form.filters [name=nonfactual]")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert rows.count() == 2
    assert page.locator("table.events .tag", has_text="hypothetical").count() == 1
    page.goto(url + "timeline")
    submit(page, "form.filters", {"actor": "Greece"})
    text = page.inner_text("table.events")
    assert "reported 2024-07-01" in text  # Erdogan's undated accusation, placed by its report
    assert "2024-03" in page.locator("table.events td.date").all_inner_texts()  # to the month, as reported
    page.check("form.filters [name=exact]")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "reported 2024-07-01" not in page.inner_text("main") and "exact=1" in page.url
    assert page.problems == []


def test_actor_filter_is_exact_and_a_name_finds_the_people_coded_to_a_state(server, page):
    url, _ = server
    page.goto(url + "timeline")
    submit(page, "form.filters", {"actor": "TUR"})
    table = page.inner_text("table.events")
    assert "Recep Tayyip Erdogan" in table and "Food and Agriculture" not in table and "Turkcell" not in table
    submit(page, "form.filters", {"actor": "Turkey"})
    assert "Recep Tayyip Erdogan" in page.inner_text(".note")  # says whom the name brought in
    assert "Recep Tayyip Erdogan" in page.inner_text("table.events")
    page.click("nav >> text=Actors")
    submit(page, "form.filters", {"search": "tur"})
    names = page.locator("table.actors tbody td:first-child").all_inner_texts()
    assert "Turkey" in names and "Turkcell" in names and "Food and Agriculture Organization" not in names
    page.click("table.actors a:text-is('Turkey')")
    assert "TUR" in page.inner_text("h1")
    assert page.problems == []


def read_download(page, link: str) -> str:
    with page.expect_download() as info:
        page.click(link)
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_downloads_hold_exactly_what_the_list_shows(server, page):
    url, _ = server
    page.goto(url + "timeline")
    submit(page, "form.filters", {"actor": "Greece"})
    shown = page.locator("table.events tbody tr").count()
    total = int(re.search(r"of ([\d,]+)", page.inner_text(".pager")).group(1).replace(",", ""))
    rows = list(csv.DictReader(io.StringIO(read_download(page, ".downloads a:text-is('CSV')"))))
    assert len(rows) == shown == total
    assert {r["id"] for r in rows} == {href.rsplit("/", 1)[1] for href in page.locator(
        "table.events a[href^='/events/']").evaluate_all("links => links.map(a => a.getAttribute('href'))")}
    assert any(r["placed"] == "2024-07-01" and not r["date"] for r in rows)
    for path, link in (("quotes", "CSV"), ("articles", "CSV"), ("articles", "JSON")):
        page.goto(url + path)
        body = read_download(page, f".downloads a:text-is('{link}')")
        assert body.strip() and ("text" in body.splitlines()[0] or "doc_id" in body)
    page.goto(url + "actors")
    page.click("table.actors a:text-is('Greece')")
    plover = read_download(page, ".downloads a:text-is('PLOVER JSON')")
    assert '"recipient"' in plover and "hypothetical" not in plover
    assert page.problems == []


# A point on the straight edge between two nodes that no node covers: where a user would click it.
EDGE_POINT = """([source, target]) => {
  const cy = newsgraphNetwork, a = cy.getElementById(source).renderedPosition(),
        b = cy.getElementById(target).renderedPosition(), box = cy.container().getBoundingClientRect();
  for (let t = 0.5; t > 0.05; t -= 0.05) {
    for (const u of [t, 1 - t]) {
      const p = {x: a.x + u * (b.x - a.x), y: a.y + u * (b.y - a.y)};
      const covered = cy.nodes().some(n => { const bb = n.renderedBoundingBox({includeLabels: false});
        return p.x >= bb.x1 - 3 && p.x <= bb.x2 + 3 && p.y >= bb.y1 - 3 && p.y <= bb.y2 + 3; });
      if (!covered) return [box.left + p.x, box.top + p.y];
    }
  }
  throw new Error("every point of the edge is under a node");
}"""


def test_network_edges_and_nodes_list_their_events(server, page, tmp_path):
    url, _ = server
    page.goto(url + "network")
    page.wait_for_function("() => window.newsgraphNetwork && window.newsgraphNetwork.edges().length > 0")
    x, y = page.evaluate(EDGE_POINT, ["RUS", "UKR"])
    page.mouse.click(x, y)
    page.wait_for_selector("#net-detail ul.event-list li")
    heading = page.inner_text("#net-detail h2")  # the dyad either way: both edges of a pair lie on one line
    assert re.match(r"(Russia \(RUS\) → Ukraine \(UKR\)|Ukraine \(UKR\) → Russia \(RUS\)) — \d+", heading)
    page.click("#net-fit")
    page.focus("#net-dyads button")  # the same dyads, reachable by keyboard
    page.keyboard.press("Enter")
    page.wait_for_selector("#net-detail ul.event-list li")
    page.screenshot(path=str(tmp_path / "network-detail.png"), full_page=True)
    assert page.problems == []


PAGES = ["", "timeline", "network", "map", "actors", "quotes", "articles", "timeline?nonfactual=1&actor=Turkey"]


# Controls that stand alone (not links inside a sentence or a table cell, which WCAG 2.5.8 exempts) and are
# smaller than 24 by 24 px.
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'button, input, select, summary, header a, nav a, .chip a, a.button, .skip')]
  .filter(el => el.offsetParent !== null || el.matches('.skip'))
  .map(el => [el.outerHTML.slice(0, 60), el.getBoundingClientRect()])
  .filter(([, r]) => r.width > 0 && (r.width < 24 || r.height < 24))
  .map(([html, r]) => html + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))"""


@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)], ids=["desktop", "phone"])
def test_no_page_scrolls_sideways_and_controls_are_big_enough(server, browser, viewport, tmp_path):
    url, strike_id = server
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.goto(url + "articles")
    first_article = page.locator("table a[href^='/articles/']").first.get_attribute("href")
    for path in [*PAGES, f"events/{strike_id}", first_article.lstrip("/"), "actors/RUS"]:
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        wide = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert wide <= 0, f"/{path} is {wide}px wider than a {viewport[0]}px screen"
        small = page.evaluate(SMALL_TARGETS)
        assert small == [], f"/{path}: tap targets under 24 px: {small[:5]}"
        page.screenshot(path=str(tmp_path / f"{path.replace('/', '_') or 'overview'}.png"), full_page=True)
    context.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    found = next((p for p in AXE_PATHS if p.is_file()), None)
    if found is None:
        pytest.skip("needs axe-core: `make install` (npm ci in build/frontend) or NEWSGRAPH_AXE=.../axe.min.js")
    return found.read_text(encoding="utf-8")


@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)], ids=["desktop", "phone"])
def test_axe_finds_no_serious_violations(server, browser, axe_source, viewport):
    url, strike_id = server
    # axe is injected by the test, not served: the context lets it past the page's Content-Security-Policy
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, bypass_csp=True)
    page = context.new_page()
    problems = []
    for path in [*PAGES, f"events/{strike_id}", "actors/RUS"]:
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        page.add_script_tag(content=axe_source)
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        problems += [f"/{path}: {v['id']} ({v['impact']}) {v['nodes'][0]['target']}" for v in result["violations"]
                     if v["impact"] in ("serious", "critical")]
    context.close()
    assert problems == []


def test_map_shades_countries_and_a_click_filters_the_timeline(server, page, tmp_path):
    url, _ = server
    page.goto(url + "map")
    page.wait_for_selector("#world-map[data-drawn]")
    shaded = set(page.locator("#world-map a").evaluate_all("links => links.map(a => a.getAttribute('aria-label'))"))
    assert len(shaded) == page.locator("table.countries tbody tr").count() >= 5  # France's territories share its link
    page.screenshot(path=str(tmp_path / "map.png"), full_page=True)
    with page.expect_navigation():
        page.click("#world-map path[data-name='Sudan']")
    assert "actor=SDN" in page.url
    assert "Food and Agriculture Organization" in page.inner_text("table.events")
    assert page.problems == []


def test_map_points_list_the_events_at_their_place(server, page, tmp_path):
    url, _ = server
    page.goto(url + "map")
    page.wait_for_selector("#world-map[data-drawn]")
    dots = page.locator("#world-map circle.place")
    assert sorted(dots.evaluate_all("ds => ds.map(d => d.dataset.place)")) == ["Kharkiv, UKR", "Odesa, UKR"]
    assert page.locator("table.places tbody tr").count() == 2
    page.click("#world-map circle.place[data-place='Kharkiv, UKR']")  # placed by the story's dateline
    page.wait_for_selector("#place-detail ul.event-list li")
    assert page.inner_text("#place-detail h2").startswith("Kharkiv (UKR) — 1 event(s)")
    assert "RETREAT" in page.inner_text("#place-detail ul.event-list")
    page.screenshot(path=str(tmp_path / "map-points.png"), full_page=True)
    page.focus("#world-map circle.place[data-place='Odesa, UKR']")  # named in the sentence; by keyboard
    page.keyboard.press("Enter")
    page.wait_for_function("() => (document.querySelector('#place-detail h2')?.textContent || '').startsWith('Odesa')")
    assert "ASSAULT" in page.inner_text("#place-detail ul.event-list")
    with page.expect_navigation():
        page.click("#place-detail a:text('Open these events on the timeline')")
    assert "place=Odesa" in page.url
    assert "Place: Odesa, UKR" in page.inner_text(".active-filters")
    assert page.locator("table.events tbody tr").count() == 1
    assert page.problems == []
