"""Feed and page URLs: only http(s), only public addresses unless allowed, checked redirects, timeouts and
size caps. httpx.MockTransport stands in for the network."""
from __future__ import annotations

import httpx
import pytest

from newsgraph.records import RawArticle, ReadFailure
from newsgraph.sources.fetch import (
    BlockedURLError,
    FetchError,
    FetchPolicy,
    check_url,
    fetch,
    is_url,
    make_client,
    read_url,
)

PUBLIC = {"news.example.com": ["93.184.216.34"], "feeds.example.org": ["2606:2800:220:1:248:1893:25c8:1946"],
          "intranet.example.com": ["10.1.2.3"], "sneaky.example.com": ["93.184.216.35", "127.0.0.1"]}

FEED = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>World desk</title>
<item><title>Ministers meet in Vienna</title><link>https://news.example.com/vienna</link>
<pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>
<description>Foreign ministers of Iran and France met in Vienna on Tuesday to discuss the nuclear talks.</description>
</item>
<item><title>Aid convoy reaches city</title><link>https://news.example.com/aid</link>
<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate>
<description>A United Nations aid convoy reached the city on Wednesday after days of delay.</description></item>
</channel></rss>"""


def resolve(host: str) -> list[str]:
    return PUBLIC[host]


def client_for(handler) -> httpx.Client:
    return make_client(transport=httpx.MockTransport(handler))


def serve(routes: dict[str, httpx.Response]):
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        return routes[str(request.url)]

    return handler, requested


@pytest.mark.parametrize("source, expected", [
    ("https://news.example.com/feed", True), ("ftp://news.example.com/feed", True), ("feeds/world.rss", False),
    ("C:\\feeds\\world.rss", False), ("-", False),
])
def test_is_url(source, expected):
    assert is_url(source) is expected


@pytest.mark.parametrize("url", [
    "ftp://news.example.com/feed.rss", "file:///etc/passwd", "http://127.0.0.1/feed", "http://localhost.test:80/",
    "http://[::1]/feed", "http://169.254.169.254/latest/meta-data", "http://192.168.0.10/rss",
    "https://intranet.example.com/rss", "https://sneaky.example.com/rss", "http:///no-host",
])
def test_refused_urls(url):
    with pytest.raises(BlockedURLError):
        check_url(url, allow_private=False, resolve=lambda host: {"localhost.test": ["127.0.0.1"]}.get(host)
                  or resolve(host))


def test_private_addresses_are_allowed_on_request():
    check_url("http://127.0.0.1:8080/feed", allow_private=True, resolve=resolve)
    check_url("https://intranet.example.com/rss", allow_private=True, resolve=resolve)
    with pytest.raises(BlockedURLError):
        check_url("file:///etc/passwd", allow_private=True, resolve=resolve)


def test_a_feed_url_becomes_one_article_per_entry():
    handler, requested = serve({"https://news.example.com/feed": httpx.Response(
        200, content=FEED, headers={"content-type": "application/rss+xml"})})
    items = list(read_url("https://news.example.com/feed", client=client_for(handler), resolve=resolve))
    assert all(isinstance(x, RawArticle) for x in items) and len(items) == 2
    assert items[0].url == "https://news.example.com/vienna" and items[0].published == "2024-03-05"
    assert "Vienna" in items[0].text and requested == ["https://news.example.com/feed"]


def test_redirects_are_followed_and_checked_at_every_hop():
    handler, requested = serve({
        "https://news.example.com/feed": httpx.Response(301, headers={"location": "/rss/world"}),
        "https://news.example.com/rss/world": httpx.Response(200, content=FEED),
        "https://news.example.com/evil": httpx.Response(302, headers={"location": "http://10.0.0.7/admin"}),
    })
    client = client_for(handler)
    body, _ = fetch("https://news.example.com/feed", client=client, resolve=resolve)
    assert body == FEED and requested[-1] == "https://news.example.com/rss/world"
    with pytest.raises(BlockedURLError, match=r"10\.0\.0\.7"):
        fetch("https://news.example.com/evil", client=client, resolve=resolve)
    assert "http://10.0.0.7/admin" not in requested


def test_redirect_loops_stop():
    handler, _ = serve({"https://news.example.com/a": httpx.Response(302, headers={"location": "/a"})})
    with pytest.raises(FetchError, match="redirects"):
        fetch("https://news.example.com/a", client=client_for(handler), resolve=resolve)


def test_size_cap_declared_and_streamed():
    policy = FetchPolicy(max_bytes=100)
    declared, _ = serve({"https://news.example.com/big": httpx.Response(
        200, content=b"x" * 50, headers={"content-length": "5000"})})
    with pytest.raises(FetchError, match="limit"):
        fetch("https://news.example.com/big", client=client_for(declared), policy=policy, resolve=resolve)

    def streamed(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=httpx.ByteStream(b"y" * 500))  # no content-length

    with pytest.raises(FetchError, match="limit"):
        fetch("https://news.example.com/big", client=client_for(streamed), policy=policy, resolve=resolve)


def test_fetch_problems_become_failures_not_errors():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/slow":
            raise httpx.ReadTimeout("timed out", request=request)
        return httpx.Response(404)

    client = client_for(handler)
    for path, reason in (("/slow", "ReadTimeout"), ("/gone", "HTTP 404")):
        [failure] = read_url(f"https://news.example.com{path}", client=client, resolve=resolve)
        assert isinstance(failure, ReadFailure) and reason in failure.reason
    [blocked] = read_url("http://127.0.0.1/feed", client=client, resolve=resolve)
    assert isinstance(blocked, ReadFailure) and "--allow-private" in blocked.reason


def test_the_time_left_of_the_deadline_is_passed_to_every_request():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return httpx.Response(200, content=FEED)

    fetch("https://news.example.com/feed", client=client_for(handler), policy=FetchPolicy(timeout=3.5),
          resolve=resolve)
    assert len(seen) == 1 and all(3.0 < left <= 3.5 for left in seen[0].values())


def test_ingesting_a_feed_url_stores_its_entries_and_refuses_private_ones(tmp_path):
    from newsgraph.run.ingest import IngestOptions, ingest
    from newsgraph.store import Store

    handler, requested = serve({
        "https://93.184.216.34/world.rss": httpx.Response(200, content=FEED,
                                                          headers={"content-type": "application/rss+xml"}),
        "http://127.0.0.1:8080/local.rss": httpx.Response(200, content=FEED.replace(b"Vienna", b"Geneva")),
    })
    sources = ["https://93.184.216.34/world.rss", "http://127.0.0.1:8080/local.rss"]
    with Store.open(str(tmp_path / "feeds.db")) as store:
        unfollowed = IngestOptions(follow_links=False)  # addresses are the point here; test_follow_links follows
        summary = ingest(sources, store, options=unfollowed, client=client_for(handler))
        assert (summary.new, summary.failed) == (2, 1) and "--allow-private" in summary.failures[0][1]
        assert requested == ["https://93.184.216.34/world.rss"]
        assert {a["url"] for a in store.articles()} == {"https://news.example.com/vienna",
                                                        "https://news.example.com/aid"}
        allowed = IngestOptions(fetch=FetchPolicy(allow_private=True), follow_links=False)
        again = ingest(sources, store, options=allowed, client=client_for(handler))
        assert (again.new, again.duplicate, again.failed) == (1, 3, 0)  # Geneva is new; Vienna and aid are not
        assert store.failures() == []  # the feed that failed has been stored since
