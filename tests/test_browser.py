"""The UI in a real browser: `newsgraph serve` on a free loopback port, driven by Playwright with Debian's Chromium.

Screenshots of each page go to the test's temporary folder (printed with -s).
"""
from __future__ import annotations

import os
import re
import selectors
import subprocess
import sys
import time
from pathlib import Path

import pytest
from web_records import PORT_STRIKE, hand_articles

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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from newsgraph.store import Store

    db = tmp_path_factory.mktemp("browser") / "ui.db"
    with Store.open(str(db)) as store:
        store.add_articles(hand_articles())
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
    context = browser.new_context(viewport={"width": 1280, "height": 900})
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
    assert sum(bars) == 6  # every dated event, once
    assert page.locator("table a[href='/actors/RUS']").count() >= 1
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
    assert page.problems == []


def test_network_has_nodes_and_edges_and_clicks_through(server, page, tmp_path):
    url, _ = server
    page.goto(url + "network")
    page.wait_for_function("() => window.newsgraphNetwork && window.newsgraphNetwork.nodes().length > 0")
    nodes, edges = page.evaluate("() => [newsgraphNetwork.nodes().length, newsgraphNetwork.edges().length]")
    assert (nodes, edges) == (8, 6)
    colours = page.evaluate("() => Object.fromEntries(newsgraphNetwork.edges().map("
                            "e => [e.source().id() + '>' + e.target().id(), e.data('colour')]))")
    assert colours["RUS>UKR"] != colours["TUR>GRC"]
    page.screenshot(path=str(tmp_path / "network.png"))
    x, y = page.evaluate("() => { const p = newsgraphNetwork.getElementById('RUS').renderedPosition();"
                         " const box = document.getElementById('network').getBoundingClientRect();"
                         " return [box.left + p.x, box.top + p.y]; }")
    with page.expect_navigation():
        page.mouse.click(x, y)
    assert re.search(r"/actors/\w+$", page.url)
    assert "Russian forces" in page.inner_text("main")
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
