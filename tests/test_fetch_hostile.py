"""Hostile servers: one that drips its body a byte at a time, and DNS that answers differently when asked
again (rebinding); and a feed followed to its pages over real connections. A real server on 127.0.0.1 stands
in for the network; no other address is used."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from newsgraph.records import RawArticle
from newsgraph.run.ingest import IngestOptions, read_sources
from newsgraph.sources.fetch import FetchError, FetchPolicy, fetch, make_client

PAGE = b"<html><body><p>Ministers met in Vienna on Tuesday.</p></body></html>"
ROBOTS = b"User-agent: newsgraph\nDisallow: /private/\n"
FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title>"
        "<item><title>Open</title><link>http://127.0.0.1:{port}/news/1</link><description>Summary one.</description>"
        "</item><item><title>Closed</title><link>http://127.0.0.1:{port}/private/2</link>"
        "<description>Summary two.</description></item></channel></rss>")


@pytest.fixture
def server() -> Iterator[tuple[int, dict[str, bool]]]:
    """A loopback HTTP server; path /drip sends one byte every 0.1 s for a minute, /robots.txt and /feed.rss
    their texts, others the page at once."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    state = {"stop": False}
    port = listener.getsockname()[1]

    def answer(conn: socket.socket) -> None:
        with conn:
            request = conn.recv(4096)
            if b"GET /drip" in request:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 600\r\n\r\n")
                for _ in range(600):
                    if state["stop"]:
                        return
                    try:
                        conn.sendall(b"x")
                    except OSError:
                        return
                    time.sleep(0.1)
            else:
                kind, body = {b"GET /robots.txt ": (b"text/plain", ROBOTS),
                              b"GET /feed.rss ": (b"application/rss+xml", FEED.format(port=port).encode())
                              }.get(request[:request.find(b" HTTP/") + 1], (b"text/html", PAGE))
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nConnection: close\r\n"
                             b"Content-Length: %d\r\n\r\n%s" % (kind, len(body), body))

    def accept() -> None:
        while not state["stop"]:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1], state
    state["stop"] = True
    listener.close()


def test_a_dripping_server_is_cut_off_at_the_deadline(server):
    port, _ = server
    policy = FetchPolicy(allow_private=True, timeout=1.0)
    started = time.monotonic()
    with make_client(policy) as client, pytest.raises(FetchError, match="within 1 s"):
        fetch(f"http://127.0.0.1:{port}/drip", client=client, policy=policy)
    assert time.monotonic() - started < 3.0


def test_the_client_connects_to_the_address_it_checked_not_to_a_new_lookup(server):
    port, _ = server
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])  # public when checked, loopback when asked again

    def rebinding(host: str) -> list[str]:
        return next(answers)

    policy = FetchPolicy(timeout=5.0)
    with make_client(policy, resolve=rebinding) as client, pytest.raises(FetchError, match="private, loopback"):
        fetch(f"http://rebind.test:{port}/", client=client, policy=policy, resolve=rebinding)


def test_the_client_connects_to_the_resolved_address(server):
    port, _ = server

    def local(host: str) -> list[str]:
        return {"rebind.test": ["127.0.0.1"]}[host]  # no DNS knows this name: only our lookup can connect

    policy = FetchPolicy(allow_private=True, timeout=5.0)
    with make_client(policy, resolve=local) as client:
        body, kind = fetch(f"http://rebind.test:{port}/", client=client, policy=policy, resolve=local)
    assert body == PAGE and kind == "text/html"


def test_a_feed_is_followed_to_its_pages_over_real_connections(server):
    port, _ = server
    options = IngestOptions(fetch=FetchPolicy(allow_private=True, timeout=5.0), host_delay=0)
    opened, closed = read_sources([f"http://127.0.0.1:{port}/feed.rss"], options=options)
    assert isinstance(opened, RawArticle) and opened.text == "Ministers met in Vienna on Tuesday."
    assert isinstance(closed, RawArticle) and closed.text == "Summary two."
    assert "robots.txt" in closed.warnings[-1] and "disallows" in closed.warnings[-1]


def test_followed_links_to_loopback_are_refused_unless_allowed(server, tmp_path):
    port, _ = server
    path = tmp_path / "desk.rss"
    path.write_text(FEED.format(port=port), "utf-8")
    opened, closed = read_sources([str(path)], options=IngestOptions(follow_links=True, host_delay=0))
    assert isinstance(opened, RawArticle) and opened.text == "Summary one." and "--allow-private" in opened.warnings[-1]
    assert isinstance(closed, RawArticle) and closed.text == "Summary two."
