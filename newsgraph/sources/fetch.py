"""Fetching feeds and pages by URL, safely: http/https only, public addresses only, a deadline and a size cap.

A URL naming a private, loopback, link-local or otherwise non-public address is
refused (a feed list must not become a way to probe the local network), unless
the user allows it. Redirects are followed by hand so every hop is checked, and the
client made by :func:`make_client` connects only to an address it has just checked
itself (DNS rebinding: a second lookup by the HTTP library could answer differently).
``FetchPolicy.timeout`` bounds the whole fetch, so a server that drips a byte at a
time cannot stall a run or ``--watch``.

:class:`Follower` takes feed entries to their article pages through the same fetcher,
politely: robots.txt is obeyed and requests to one host are spaced by a
:class:`RateLimiter`; an entry whose page cannot be had keeps its summary, with a
warning saying why.

A :class:`FetchHistory` carried from one round of ``ingest --watch`` to the next makes each round fetch
only what changed: an article page is followed once, and a feed is asked for with the ETag and
Last-Modified its server last sent, so an unchanged feed costs a ``304 Not Modified`` and no reading.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from ..records import RawArticle, ReadFailure
from .readers import read_bytes

Resolver = Callable[[str], list[str]]
USER_AGENT = "newsgraph/0.1 (+https://github.com/newsgraph)"
ROBOTS_AGENT = "newsgraph"  # the name robots.txt rules address


class FetchError(Exception):
    """A URL could not be fetched; the message says why."""


class BlockedURLError(FetchError):
    """A URL is refused before any request is made (scheme or address not allowed)."""


class HTTPStatusError(FetchError):
    """The server answered with an error status (kept, since robots.txt rules depend on it)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class NotModified(FetchError):
    """The server says the resource is unchanged since an earlier round fetched it (HTTP 304)."""


MAX_FOLLOWED_REMEMBERED = 100_000  # links a watch remembers; a feed has long dropped the oldest of them
VALIDATORS = {"etag": "If-None-Match", "last-modified": "If-Modified-Since"}  # response -> conditional request


@dataclass
class FetchHistory:
    """What earlier rounds of a watch fetched: the article links followed (the oldest forgotten past
    :data:`MAX_FOLLOWED_REMEMBERED`), and per URL the conditional request headers its last answer allows."""

    followed: OrderedDict[str, None] = field(default_factory=OrderedDict)
    conditions: dict[str, dict[str, str]] = field(default_factory=dict)

    def was_followed(self, link: str | None) -> bool:
        return link is not None and link in self.followed

    def note_followed(self, link: str) -> None:
        self.followed[link] = None
        self.followed.move_to_end(link)
        while len(self.followed) > MAX_FOLLOWED_REMEMBERED:
            self.followed.popitem(last=False)

    def note_validators(self, url: str, headers: httpx.Headers) -> None:
        conditions = {request: headers[name] for name, request in VALIDATORS.items() if name in headers}
        if conditions:
            self.conditions[url] = conditions
        else:
            self.conditions.pop(url, None)


class RateLimiter:
    """Spaces requests to the same host by `delay` seconds, so following a feed does not hammer its site.
    The clock and sleep are injectable so tests can measure the delay without waiting."""

    def __init__(self, delay: float = 1.0, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.delay = delay
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}  # host -> when its last request started

    def wait(self, host: str) -> float:
        """Sleep until `host` may be asked again and note this request; the seconds slept."""
        now = self.clock()
        last = self._last.get(host)
        pause = max(0.0, last + self.delay - now) if last is not None else 0.0
        if pause:
            self.sleep(pause)
        self._last[host] = now + pause
        return pause


@dataclass(frozen=True)
class FetchPolicy:
    allow_private: bool = False
    timeout: float = 20.0  # seconds for the whole fetch of one URL: connecting, redirects and the body
    max_bytes: int = 10_000_000
    max_redirects: int = 5


def is_url(source: str) -> bool:
    """Whether a source argument is a URL rather than a path (any scheme, so a bad one is refused, not
    looked for on disk)."""
    scheme = urlsplit(source).scheme
    return "://" in source and len(scheme) > 1


def resolve_host(host: str) -> list[str]:
    """Every address a host name resolves to."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror or exc}") from exc
    return sorted({str(info[4][0]) for info in infos})


def check_url(url: str, *, allow_private: bool, resolve: Resolver = resolve_host) -> None:
    """Raise BlockedURLError unless `url` is http(s) and (unless `allow_private`) every address of its
    host is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise BlockedURLError(f"refusing {url!r}: only http:// and https:// URLs can be fetched")
    host = parts.hostname
    if not host:
        raise BlockedURLError(f"refusing {url!r}: the URL names no host")
    if allow_private:
        return
    check_addresses(host, resolve, what=repr(url))


def check_addresses(host: str, resolve: Resolver, *, what: str) -> list[str]:
    """Every address of `host`, all of them public; else BlockedURLError naming `what` was refused."""
    addresses = [host] if _is_ip_literal(host) else resolve(host)
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            raise BlockedURLError(f"refusing {what}: {host} is a private, loopback or reserved address "
                                  f"({ip}); pass --allow-private to fetch it")
    return addresses


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def fetch(url: str, *, client: httpx.Client, policy: FetchPolicy = FetchPolicy(),
          resolve: Resolver = resolve_host, limiter: RateLimiter | None = None,
          history: FetchHistory | None = None) -> tuple[bytes, str]:
    """The body and content type at `url`, following checked redirects, within `policy.timeout` in all
    (time spent waiting on `limiter` is not counted); raises FetchError. With a `history`, the request is
    conditional on what the last answer for `url` allowed (NotModified if unchanged), and this answer's
    validators are noted there."""
    deadline = time.monotonic() + policy.timeout
    asked = url
    conditions = history.conditions.get(asked, {}) if history is not None else {}
    for _ in range(policy.max_redirects + 1):
        check_url(url, allow_private=policy.allow_private, resolve=resolve)
        if limiter is not None:
            deadline += limiter.wait(urlsplit(url).hostname or "")
        try:
            with client.stream("GET", url, headers=conditions, timeout=_left(deadline, url, policy),
                               follow_redirects=False) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                if response.status_code == 304 and conditions:
                    raise NotModified(f"{url}: not modified since it was last fetched")
                if response.status_code >= 400:
                    raise HTTPStatusError(f"{url}: HTTP {response.status_code} {response.reason_phrase}",
                                          response.status_code)
                body = _body(response, url, policy, deadline)
                if history is not None:
                    history.note_validators(asked, response.headers)
                return body, response.headers.get("content-type", "")
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc
    raise FetchError(f"{url}: more than {policy.max_redirects} redirects")


def _left(deadline: float, url: str, policy: FetchPolicy) -> float:
    """Seconds left before the fetch's deadline; FetchError once it has passed."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(f"{url}: not fetched within {policy.timeout:g} s (--timeout bounds the whole fetch)")
    return left


def _body(response: httpx.Response, url: str, policy: FetchPolicy, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"{url}: {declared} bytes is over the {policy.max_bytes}-byte limit")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError(f"{url}: body is over the {policy.max_bytes}-byte limit")
        chunks.append(chunk)
        _left(deadline, url, policy)  # each read is bounded by the timeout given to the request, the sum here
    return b"".join(chunks)


def format_of(content_type: str) -> str | None:
    """The reader a content type asks for, if it says clearly (else the readers sniff the bytes)."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if kind in ("text/html", "application/xhtml+xml"):
        return "html"
    return None


def read_url(url: str, *, client: httpx.Client, policy: FetchPolicy = FetchPolicy(), format_in: str | None = None,
             published: str | None = None, resolve: Resolver = resolve_host, limiter: RateLimiter | None = None,
             history: FetchHistory | None = None) -> Iterator[RawArticle | ReadFailure]:
    """Articles at a URL (every entry of a feed, or the one page); a fetch problem is one failure, and
    nothing at all if `history` shows the server has nothing new.
    The reader is `format_in`, else the one the content type names, else a guess from the content."""
    try:
        content, content_type = fetch(url, client=client, policy=policy, resolve=resolve, limiter=limiter,
                                      history=history)
    except NotModified:
        return
    except FetchError as exc:
        yield ReadFailure(url, str(exc))
        return
    yield from read_bytes(content, origin=url, format_in=format_in or format_of(content_type), published=published)


class Follower:
    """Replaces a feed entry's summary with the text of the article page it links to, fetched like any URL
    (same address checks, caps and deadline), obeying robots.txt and spacing requests per host; each link
    it follows is noted in `history`, so :meth:`is_new` can pass over entries an earlier round handled."""

    def __init__(self, client: httpx.Client, *, policy: FetchPolicy = FetchPolicy(), limiter: RateLimiter | None = None,
                 resolve: Resolver = resolve_host, history: FetchHistory | None = None) -> None:
        self.client = client
        self.policy = policy
        self.limiter = limiter or RateLimiter()
        self.resolve = resolve
        self.history = history if history is not None else FetchHistory()
        self._robots: dict[str, RobotFileParser | str] = {}  # scheme://host -> its rules, or why none could be had

    def is_new(self, entry: RawArticle) -> bool:
        """Whether the entry's link is yet to be followed: an earlier round stored its page or, failing
        that, its summary."""
        return not self.history.was_followed(entry.url)

    def follow(self, entry: RawArticle) -> RawArticle:
        """The article page read as HTML, keeping the entry's title and date where the page has none;
        the entry itself, with a warning saying why, if the page cannot be had."""
        link = entry.url
        if not link:
            return self._summary(entry, "the entry has no link")
        self.history.note_followed(link)
        try:
            check_url(link, allow_private=self.policy.allow_private, resolve=self.resolve)
            if not self._rules(link).can_fetch(ROBOTS_AGENT, link):
                return self._summary(entry, f"robots.txt of {_site(link)} disallows {link}")
            content, _ = fetch(link, client=self.client, policy=self.policy, resolve=self.resolve,
                               limiter=self.limiter)
        except FetchError as exc:
            return self._summary(entry, str(exc))
        page = next(iter(read_bytes(content, origin=link, format_in="html", published=entry.published)), None)
        if not isinstance(page, RawArticle):
            return self._summary(entry, page.reason if page else "the page has no body text")
        return replace(page, origin=entry.origin, url=link, source_id=entry.source_id,
                       title=page.title or entry.title)

    def _rules(self, link: str) -> RobotFileParser:
        """The robots.txt rules of the link's site, fetched once per site; FetchError if it could not be read."""
        site = _site(link)
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        rules = self._robots[site]
        if isinstance(rules, str):
            raise FetchError(rules)
        return rules

    def _read_robots(self, site: str) -> RobotFileParser | str:
        """As RFC 9309 says: a missing robots.txt (any 4xx) allows everything; one that cannot be reached
        (5xx, network, refused) allows nothing."""
        rules = RobotFileParser(f"{site}/robots.txt")
        try:
            body, _ = fetch(f"{site}/robots.txt", client=self.client, policy=self.policy, resolve=self.resolve,
                            limiter=self.limiter)
        except FetchError as exc:
            if isinstance(exc, HTTPStatusError) and 400 <= exc.status < 500:
                rules.parse([])
                return rules
            return f"robots.txt of {site} could not be read ({exc}); its pages are not fetched"
        rules.parse(body.decode("utf-8", "replace").splitlines())
        return rules

    @staticmethod
    def _summary(entry: RawArticle, why: str) -> RawArticle:
        entry.warnings.append(f"article page not used, the feed summary is stored instead: {why}")
        return entry


def _site(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def make_client(policy: FetchPolicy = FetchPolicy(), *, transport: httpx.BaseTransport | None = None,
                resolve: Resolver = resolve_host) -> httpx.Client:
    """The HTTP client for fetching sources (pass a transport, e.g. httpx.MockTransport, in tests); by default
    it connects only to addresses it checks at connect time (see :class:`CheckedTransport`)."""
    return httpx.Client(timeout=policy.timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT},
                        transport=transport or CheckedTransport(allow_private=policy.allow_private, resolve=resolve))


class CheckedBackend(httpcore.SyncBackend):
    """Opens TCP connections to an address resolved and checked here, not by a second lookup in the
    socket layer: the address checked is the address connected to. TLS still verifies the host name."""

    def __init__(self, *, allow_private: bool, resolve: Resolver) -> None:
        self.allow_private = allow_private
        self.resolve = resolve

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        try:
            if self.allow_private:
                addresses = [host] if _is_ip_literal(host) else self.resolve(host)
            else:
                addresses = check_addresses(host, self.resolve, what=f"a connection to {host}")
        except FetchError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        return super().connect_tcp(addresses[0], port, timeout, local_address, socket_options)


class CheckedTransport(httpx.HTTPTransport):
    """httpx's transport with :class:`CheckedBackend` under its connection pool."""

    def __init__(self, *, allow_private: bool, resolve: Resolver) -> None:
        super().__init__()
        # httpx.HTTPTransport takes no network backend, so its pool is rebuilt with ours (same defaults).
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), max_connections=100, max_keepalive_connections=20,
            keepalive_expiry=5.0, network_backend=CheckedBackend(allow_private=allow_private, resolve=resolve))
