"""Ingest: read sources, skip what is stored, extract in worker processes, store in chunks.

    summary = ingest(["corpus/", "https://example.org/feed.rss"], Store.open("news.db"),
                     options=IngestOptions(workers=2))

Sources are files, directories, globs, ``-`` and feed or page URLs. Every input
ends up counted once: new, duplicate (its content is stored already) or failed
(with its reason in the ``failures`` table). Each chunk is one transaction, so a
run killed at any moment loses at most the chunk in flight, and the next run
stores it.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

import httpx
from tqdm import tqdm

from ..records import RawArticle, ReadFailure, content_hash
from ..resources import Resources
from ..sources.fetch import FetchHistory, FetchPolicy, Follower, RateLimiter, is_url, make_client, read_url
from ..sources.readers import read_inputs
from ..store import IngestSummary, Store
from ..store.write import rows_of
from .parallel import ARTICLE_TIME_LIMIT, Extracted, extract_parallel

SCREEN_CHUNK = 64  # inputs checked against the store per query
STORE_CHUNK = 100  # articles per transaction


@dataclass
class IngestOptions:
    workers: int = 1
    format_in: str | None = None
    published: str | None = None
    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    progress: bool = False
    store_chunk: int = STORE_CHUNK
    time_limit: float = ARTICLE_TIME_LIMIT  # seconds per article in a worker (workers > 1)
    follow_links: bool | None = None  # feed entries to their pages: None follows those of feed URLs only
    host_delay: float = 1.0  # seconds between requests to the same host


def read_sources(sources: Sequence[str], *, options: IngestOptions, client: httpx.Client | None = None,
                 history: FetchHistory | None = None) -> Iterator[RawArticle | ReadFailure]:
    """Everything behind the sources, in order: URLs are fetched (see :mod:`newsgraph.sources.fetch`), paths read;
    feed entries are followed to their article pages as `options.follow_links` says (default: for feed URLs).
    With the `history` of earlier rounds, an unchanged feed gives nothing and entries already followed are
    passed over."""
    owned = None
    limiter = RateLimiter(options.host_delay)  # one for the run, so every request to a host is spaced
    follower = None
    try:
        for source in sources:
            from_url = is_url(source)
            follow = from_url if options.follow_links is None else options.follow_links
            if client is None and (from_url or follow):
                client = owned = make_client(options.fetch)
            items: Iterable[RawArticle | ReadFailure]
            if from_url:
                assert client is not None
                items = read_url(source, client=client, policy=options.fetch, format_in=options.format_in,
                                 published=options.published, limiter=limiter, history=history)
            else:
                items = read_inputs([source], format_in=options.format_in, published=options.published)
            if follow:
                assert client is not None
                follower = follower or Follower(client, policy=options.fetch, limiter=limiter, history=history)
                items = _followed(items, follower)
            yield from items
    finally:
        if owned is not None:
            owned.close()


def _followed(items: Iterable[RawArticle | ReadFailure], follower: Follower) -> Iterator[RawArticle | ReadFailure]:
    for item in items:
        if not (isinstance(item, RawArticle) and item.reader == "feed"):
            yield item
        elif follower.is_new(item):
            yield follower.follow(item)


def ingest(sources: Sequence[str], store: Store, *, options: IngestOptions | None = None,
           client: httpx.Client | None = None, history: FetchHistory | None = None) -> IngestSummary:
    """Read, extract and store everything behind `sources`; see the module docstring. Pass the same `history`
    to each round of a watch so that a round fetches only what is new."""
    options = options or IngestOptions()
    return ingest_raws(read_sources(sources, options=options, client=client, history=history), store,
                       options=options)


def ingest_raws(items: Iterable[RawArticle | ReadFailure], store: Store, *, options: IngestOptions | None = None
                ) -> IngestSummary:
    """Ingest inputs already read (a generator is fine: nothing is held beyond a few chunks)."""
    options = options or IngestOptions()
    summary = IngestSummary()
    with _progress(options, "ingest") as bar:
        fresh = _screen(items, store, summary, bar)
        outcomes = extract_parallel(fresh, workers=options.workers, prepare=rows_of, time_limit=options.time_limit)
        _store(outcomes, store, summary, bar, options.store_chunk)
    if summary.new:
        store.refresh_planner_statistics()
    return summary


def _screen(items: Iterable[RawArticle | ReadFailure], store: Store, summary: IngestSummary, bar: tqdm
            ) -> Iterator[RawArticle]:
    """Pass on the inputs not stored yet; count and record read failures and duplicates on the way."""
    iterator = iter(items)
    while chunk := list(islice(iterator, SCREEN_CHUNK)):
        failures = [x for x in chunk if isinstance(x, ReadFailure)]
        raws = [x for x in chunk if isinstance(x, RawArticle)]
        _fail(store, summary, failures, stage="read")
        digests = [content_hash(raw.text) for raw in raws]
        known = store.known_raw_hashes(digests)
        summary.read += len(chunk)
        fresh = []
        for raw, digest in zip(raws, digests, strict=True):
            if digest not in known:
                known.add(digest)  # the same text twice in one run is a duplicate too
                fresh.append(raw)
        summary.duplicate += len(raws) - len(fresh)
        bar.update(len(chunk) - len(fresh))
        _show(bar, summary)
        yield from fresh


def _store(outcomes: Iterable[Extracted], store: Store, summary: IngestSummary, bar: tqdm, chunk_size: int) -> None:
    iterator = iter(outcomes)
    while chunk := list(islice(iterator, chunk_size)):
        _fail(store, summary, [x.failure for x in chunk if x.failure], stage="extract")
        done = [x.prepared for x in chunk if x.prepared is not None]
        stored = store.add_rows(done, chunk_size=len(done) or 1)
        summary.new += stored.new
        summary.duplicate += stored.duplicate  # same clean text as a stored article, though read differently
        bar.update(len(chunk))
        _show(bar, summary)


def _fail(store: Store, summary: IngestSummary, failures: list[ReadFailure], *, stage: str) -> None:
    if failures:
        store.record_failures(failures, stage=stage)
        summary.failed += len(failures)
        summary.failures.extend((f"{f.origin}:{f.line}" if f.line else f.origin, f.reason) for f in failures)


def reprocess(store: Store, *, options: IngestOptions | None = None) -> IngestSummary:
    """Re-extract every stored article whose record came from another pipeline version."""
    options = options or IngestOptions()
    summary = IngestSummary()
    old_ids: dict[tuple[str, str], str] = {}  # the inputs in flight → their stored doc_id
    version = Resources.load().pipeline_version  # what the workers will write (they load the same bundle)

    def stale_raws() -> Iterator[RawArticle]:
        for doc_id, raw in store.stale_articles(version):
            old_ids[(raw.origin, content_hash(raw.text))] = doc_id
            yield raw

    with _progress(options, "reprocess") as bar:
        outcomes = iter(extract_parallel(stale_raws(), workers=options.workers, prepare=rows_of,
                                         time_limit=options.time_limit))
        while chunk := list(islice(outcomes, options.store_chunk)):
            _fail(store, summary, [x.failure for x in chunk if x.failure], stage="extract")
            was = [old_ids.pop((x.origin, x.text_hash)) for x in chunk]
            store.replace_articles([(old, x.prepared, None) for old, x in zip(was, chunk, strict=True) if x.prepared])
            summary.read += len(chunk)
            summary.reprocessed += sum(1 for x in chunk if x.prepared)
            bar.update(len(chunk))
    if summary.reprocessed:
        store.refresh_planner_statistics()
    return summary


def watch(run: Callable[[], IngestSummary], *, minutes: float, report: Callable[[IngestSummary], None],
          rounds: int | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
    """Run an ingest every `minutes` (forever, or `rounds` times); only new content is stored each time."""
    done = 0
    while rounds is None or done < rounds:
        report(run())
        done += 1
        if rounds is None or done < rounds:
            sleep(minutes * 60)


def _progress(options: IngestOptions, what: str) -> tqdm:
    return tqdm(desc=what, unit=" articles", disable=not options.progress, dynamic_ncols=True, leave=True,
                smoothing=0.1)


def _show(bar: tqdm, summary: IngestSummary) -> None:
    bar.set_postfix(new=summary.new, duplicate=summary.duplicate, failed=summary.failed, refresh=False)
