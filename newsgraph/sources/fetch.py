"""Fetching feeds and pages by URL, safely: http/https only, public addresses only, timeouts and a size cap.

A URL naming a private, loopback, link-local or otherwise non-public address is
refused (a feed list must not become a way to probe the local network), unless
the user allows it. Redirects are followed by hand so every hop is checked.
"""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from ..records import RawArticle, ReadFailure
from .readers import read_bytes

Resolver = Callable[[str], list[str]]
USER_AGENT = "newsgraph/0.1 (+https://github.com/newsgraph)"


class FetchError(Exception):
    """A URL could not be fetched; the message says why."""


class BlockedURLError(FetchError):
    """A URL is refused before any request is made (scheme or address not allowed)."""


@dataclass(frozen=True)
class FetchPolicy:
    allow_private: bool = False
    timeout: float = 20.0  # seconds, for connecting and for each read
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
    addresses = [host] if _is_ip_literal(host) else resolve(host)
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            raise BlockedURLError(f"refusing {url!r}: {host} is a private, loopback or reserved address "
                                  f"({ip}); pass --allow-private to fetch it")


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def fetch(url: str, *, client: httpx.Client, policy: FetchPolicy = FetchPolicy(),
          resolve: Resolver = resolve_host) -> tuple[bytes, str]:
    """The body and content type at `url`, following checked redirects; raises FetchError."""
    for _ in range(policy.max_redirects + 1):
        check_url(url, allow_private=policy.allow_private, resolve=resolve)
        try:
            with client.stream("GET", url, timeout=policy.timeout, follow_redirects=False) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
                return _body(response, url, policy.max_bytes), response.headers.get("content-type", "")
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc
    raise FetchError(f"{url}: more than {policy.max_redirects} redirects")


def _body(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: {declared} bytes is over the {max_bytes}-byte limit")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: body is over the {max_bytes}-byte limit")
        chunks.append(chunk)
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
             published: str | None = None, resolve: Resolver = resolve_host) -> Iterator[RawArticle | ReadFailure]:
    """Articles at a URL (every entry of a feed, or the one page); a fetch problem is one failure.
    The reader is `format_in`, else the one the content type names, else a guess from the content."""
    try:
        content, content_type = fetch(url, client=client, policy=policy, resolve=resolve)
    except FetchError as exc:
        yield ReadFailure(url, str(exc))
        return
    yield from read_bytes(content, origin=url, format_in=format_in or format_of(content_type), published=published)


def make_client(policy: FetchPolicy = FetchPolicy(), *, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """The HTTP client for fetching sources (pass a transport, e.g. httpx.MockTransport, in tests)."""
    return httpx.Client(timeout=policy.timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT},
                        transport=transport)
