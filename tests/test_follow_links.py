"""Feed entries followed to their article pages: the same safe fetcher, robots.txt obeyed, a delay per host,
and the summary kept (with a warning) whenever the page cannot be had. httpx.MockTransport is the network."""
from __future__ import annotations

import httpx
import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.records import RawArticle, ReadFailure
from newsgraph.run.ingest import IngestOptions, read_sources
from newsgraph.sources.fetch import FetchHistory, Follower, RateLimiter, make_client

HOSTS = {"news.example.com": ["93.184.216.34"], "other.example.org": ["93.184.216.35"],
         "intranet.example.com": ["10.1.2.3"]}
PAGE = (b"<html><head><title>Vienna talks resume</title></head><body><article>"
        b"<p>Foreign ministers of Iran and France met in Vienna on Tuesday and agreed to resume the talks "
        b"on the nuclear programme, officials said after the meeting.</p>"
        b"<p>The ministers will meet again in Geneva next month to sign a framework agreement.</p>"
        b"</article></body></html>")
UNTITLED = PAGE.replace(b"<title>Vienna talks resume</title>", b"")


def feed(*links: str) -> bytes:
    items = "".join(f"<item><title>Entry {n}</title><link>{link}</link>"
                    f"<pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>"
                    f"<description>Summary {n}: ministers met in Vienna.</description></item>"
                    for n, link in enumerate(links, start=1))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>{items}</channel></rss>'.encode()


def resolve(host: str) -> list[str]:
    return HOSTS[host]


class Site:
    """A fake web: routes by URL, 404 for anything else, and a log of what was asked."""

    def __init__(self, routes: dict[str, httpx.Response]) -> None:
        self.routes = routes
        self.requested: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requested.append(str(request.url))
        return self.routes.get(str(request.url), httpx.Response(404))

    def client(self) -> httpx.Client:
        return make_client(transport=httpx.MockTransport(self))


def entry(link: str | None, n: int = 1) -> RawArticle:
    return RawArticle(origin=f"feed.rss#{n}", text=f"Summary {n}: ministers met in Vienna.", title=f"Entry {n}",
                      published="2024-03-05", url=link, reader="feed")


def follower(site: Site, limiter: RateLimiter | None = None) -> Follower:
    return Follower(site.client(), limiter=limiter or RateLimiter(0), resolve=resolve)


def test_an_entry_is_followed_to_its_page():
    site = Site({"https://news.example.com/vienna": httpx.Response(200, content=PAGE,
                                                                   headers={"content-type": "text/html"}),
                 "https://news.example.com/untitled": httpx.Response(200, content=UNTITLED)})
    follow = follower(site)
    article = follow.follow(entry("https://news.example.com/vienna"))
    assert "agreed to resume the talks" in article.text and "Summary" not in article.text
    assert (article.title, article.published, article.origin) == ("Vienna talks resume", "2024-03-05", "feed.rss#1")
    assert article.url == "https://news.example.com/vienna" and article.reader == "html"
    untitled = follow.follow(entry("https://news.example.com/untitled", 2))
    assert untitled.title == "Entry 2" and "Geneva" in untitled.text  # the entry's title when the page has none
    assert site.requested == ["https://news.example.com/robots.txt", "https://news.example.com/vienna",
                              "https://news.example.com/untitled"]  # robots.txt once per site (404: all allowed)


def test_robots_txt_disallowing_a_path_keeps_the_summary():
    robots = b"User-agent: *\nAllow: /\n\nUser-agent: newsgraph\nDisallow: /private/\n"
    site = Site({"https://news.example.com/robots.txt": httpx.Response(200, content=robots),
                 "https://news.example.com/open": httpx.Response(200, content=PAGE)})
    follow = follower(site)
    kept = follow.follow(entry("https://news.example.com/private/vienna"))
    assert kept.text.startswith("Summary 1") and kept.reader == "feed"
    assert "robots.txt of https://news.example.com disallows" in kept.warnings[-1]
    assert "Geneva" in follow.follow(entry("https://news.example.com/open", 2)).text
    assert "https://news.example.com/private/vienna" not in site.requested
    assert site.requested.count("https://news.example.com/robots.txt") == 1


@pytest.mark.parametrize("robots_status, allowed", [(403, True), (503, False)])
def test_robots_txt_missing_allows_but_unreachable_forbids(robots_status, allowed):
    site = Site({"https://news.example.com/robots.txt": httpx.Response(robots_status),
                 "https://news.example.com/vienna": httpx.Response(200, content=PAGE)})
    article = follower(site).follow(entry("https://news.example.com/vienna"))
    assert ("Geneva" in article.text) is allowed
    if not allowed:
        assert "robots.txt of https://news.example.com could not be read" in article.warnings[-1]


@pytest.mark.parametrize("route, why", [
    (httpx.Response(500), "HTTP 500"),
    (httpx.Response(200, content=b"<html><body></body></html>"), "no body text"),
    (httpx.Response(200, content=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20), "binary"),
])
def test_a_page_that_fails_keeps_the_summary(route, why):
    site = Site({"https://news.example.com/vienna": route})
    article = follower(site).follow(entry("https://news.example.com/vienna"))
    assert article.text.startswith("Summary 1") and article.title == "Entry 1"
    assert "feed summary is stored instead" in article.warnings[-1] and why in article.warnings[-1]


def test_a_link_to_a_private_address_is_refused_like_any_url():
    site = Site({})
    follow = follower(site)
    for link in ("http://10.0.0.7/admin", "https://intranet.example.com/news", "file:///etc/passwd"):
        article = follow.follow(entry(link))
        assert article.text.startswith("Summary 1") and "refusing" in article.warnings[-1]
    assert site.requested == []
    assert "no link" in follow.follow(entry(None)).warnings[-1]


def test_the_delay_is_kept_per_host():
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(1.0, clock=lambda: now[0], sleep=sleep)
    assert limiter.wait("a.example") == 0 and limiter.wait("b.example") == 0  # first request to each host
    now[0] += 0.25
    assert limiter.wait("a.example") == pytest.approx(0.75)
    assert limiter.wait("b.example") == 0  # b was asked 1 s ago by now
    now[0] += 5
    assert limiter.wait("a.example") == 0
    assert slept == [pytest.approx(0.75)]


def test_following_spaces_the_requests_to_each_host():
    now = [0.0]
    asked: list[tuple[float, str]] = []

    def sleep(seconds: float) -> None:
        now[0] += seconds

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append((now[0], request.url.host))
        return httpx.Response(200, content=PAGE)

    follow = Follower(make_client(transport=httpx.MockTransport(handler)), resolve=resolve,
                      limiter=RateLimiter(2.0, clock=lambda: now[0], sleep=sleep))
    for n, link in enumerate(["https://news.example.com/a", "https://other.example.org/b",
                              "https://news.example.com/c"], start=1):
        assert "Geneva" in follow.follow(entry(link, n)).text
    times = {host: [t for t, h in asked if h == host] for host in ("news.example.com", "other.example.org")}
    # robots.txt then the page for each host, 2 s apart; a new host never waits, and /c waits no more than it must
    assert times == {"news.example.com": [0.0, 2.0, 4.0], "other.example.org": [2.0, 4.0]}


def test_feed_urls_are_followed_by_default_and_files_on_request(tmp_path):
    origin = "https://93.184.216.34"
    site = Site({f"{origin}/world.rss": httpx.Response(200, content=feed(f"{origin}/vienna", f"{origin}/gone"),
                                                       headers={"content-type": "application/rss+xml"}),
                 f"{origin}/vienna": httpx.Response(200, content=PAGE)})
    client = site.client()
    first, second = read_sources([f"{origin}/world.rss"], options=IngestOptions(host_delay=0), client=client)
    assert isinstance(first, RawArticle) and "Geneva" in first.text and first.origin == f"{origin}/world.rss#1"
    assert isinstance(second, RawArticle) and second.text.startswith("Summary 2") and "HTTP 404" in second.warnings[-1]

    unfollowed = list(read_sources([f"{origin}/world.rss"], options=IngestOptions(follow_links=False), client=client))
    assert [x.text.split(":")[0] for x in unfollowed if isinstance(x, RawArticle)] == ["Summary 1", "Summary 2"]

    path = tmp_path / "world.rss"
    path.write_bytes(feed(f"{origin}/vienna"))
    site.requested.clear()
    [from_file] = read_sources([str(path)], options=IngestOptions(), client=client)
    assert isinstance(from_file, RawArticle) and from_file.text.startswith("Summary 1") and site.requested == []
    [followed] = read_sources([str(path)], options=IngestOptions(follow_links=True, host_delay=0), client=client)
    assert isinstance(followed, RawArticle) and "Geneva" in followed.text


class ConditionalSite:
    """A feed whose server sends an ETag and answers 304 to a request that carries it; pages by URL."""

    def __init__(self, origin: str, links: list[str], *, etag: str | None) -> None:
        self.origin, self.links, self.etag = origin, links, etag
        self.requested: list[tuple[str, str | None]] = []  # URL and the If-None-Match it came with

    def __call__(self, request: httpx.Request) -> httpx.Response:
        url, condition = str(request.url), request.headers.get("if-none-match")
        self.requested.append((url, condition))
        if url != f"{self.origin}/world.rss":
            return httpx.Response(200, content=PAGE)
        if self.etag and condition == self.etag:
            return httpx.Response(304)
        headers = {"content-type": "application/rss+xml", **({"etag": self.etag} if self.etag else {})}
        return httpx.Response(200, content=feed(*self.links), headers=headers)

    def pages_asked(self) -> list[str]:
        return [url for url, _ in self.requested if not url.endswith(("/world.rss", "/robots.txt"))]


def watch_round(site: ConditionalSite, history: FetchHistory) -> list[RawArticle | ReadFailure]:
    client = make_client(transport=httpx.MockTransport(site))
    return list(read_sources([f"{site.origin}/world.rss"], options=IngestOptions(host_delay=0), client=client,
                             history=history))


def test_a_watch_follows_each_link_once_and_then_only_new_ones():
    origin = "https://93.184.216.34"
    site = ConditionalSite(origin, [f"{origin}/vienna", f"{origin}/geneva"], etag=None)
    history = FetchHistory()
    assert len(watch_round(site, history)) == 2
    assert site.pages_asked() == [f"{origin}/vienna", f"{origin}/geneva"]

    site.links.insert(0, f"{origin}/oslo")  # the feed gains an entry: only its page is fetched
    site.requested.clear()
    [new] = watch_round(site, history)
    assert isinstance(new, RawArticle) and new.url == f"{origin}/oslo" and "Geneva" in new.text
    assert site.pages_asked() == [f"{origin}/oslo"]


def test_an_unchanged_feed_costs_a_304_and_nothing_is_read():
    origin = "https://93.184.216.34"
    site = ConditionalSite(origin, [f"{origin}/vienna"], etag='"v1"')
    history = FetchHistory()
    assert len(watch_round(site, history)) == 1
    site.requested.clear()
    assert watch_round(site, history) == []
    assert site.requested == [(f"{origin}/world.rss", '"v1"')]

    site.etag, site.links = '"v2"', [f"{origin}/vienna", f"{origin}/oslo"]  # changed: read, and its new page
    site.requested.clear()
    [new] = watch_round(site, history)
    assert new.url == f"{origin}/oslo" and site.pages_asked() == [f"{origin}/oslo"]


def test_without_a_history_each_run_follows_again():
    origin = "https://93.184.216.34"
    site = ConditionalSite(origin, [f"{origin}/vienna"], etag='"v1"')
    client = make_client(transport=httpx.MockTransport(site))
    for _ in range(2):
        [entry_read] = read_sources([f"{origin}/world.rss"], options=IngestOptions(host_delay=0), client=client)
        assert "Geneva" in entry_read.text
    assert [condition for _, condition in site.requested] == [None] * len(site.requested)
    assert site.pages_asked() == [f"{origin}/vienna"] * 2


def test_the_options_are_documented():
    help_text = " ".join(CliRunner().invoke(main, ["ingest", "--help"]).output.split())
    assert "--follow-links / --no-follow-links" in help_text and "--host-delay" in help_text
    assert "on for feed URLs, off for feed files" in help_text
