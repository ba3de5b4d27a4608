"""The whole extraction pipeline in worker processes, the model loaded once per worker.

Input is streamed: at most a few chunks per worker are in flight, so memory does
not grow with the corpus, and results come back in input order, so a parallel
run stores exactly what a serial one does.

One article never costs more than itself: in a worker, an article that takes longer than
its time limit fails with that reason, and a worker that dies (a segfault, the kernel's
out-of-memory killer, kill -9) is replaced; the chunks it may have been working on are then
extracted one article at a time, alone, so a second death names the article that causes it.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any

from ..records import Article, RawArticle, ReadFailure, content_hash

CHUNK_SIZE = 16
CHUNKS_IN_FLIGHT_PER_WORKER = 3
ARTICLE_TIME_LIMIT = 600.0  # seconds of wall clock per article in a worker: a 2 MB article takes about three minutes


class TimeLimitExceeded(BaseException):
    """Raised in a worker when its time is up; a BaseException, so no stage's error handling swallows it."""


# Work done on each record inside the worker, e.g. turning it into database rows.
Prepare = Callable[[Article, RawArticle], Any]


@dataclass
class Extracted:
    """One input's outcome: its record (or what `prepare` made of it), or why extraction failed."""

    origin: str
    text_hash: str  # content_hash of the input's text: with the origin, says which input this was
    article: Article | None = None
    prepared: Any = None
    failure: ReadFailure | None = None


def extract_chunk(raws: list[RawArticle], prepare: Prepare | None = None, time_limit: float | None = None
                  ) -> list[Extracted]:
    """Extract a chunk in one `nlp.pipe` batch, within `time_limit` seconds per article; if the batch fails
    as a whole, retry its articles one by one so only the article at fault fails."""
    from ..pipeline import extract

    failures: list[ReadFailure] = []
    try:
        with _deadline(time_limit * len(raws) if time_limit else None):
            articles = list(extract(raws, batch_size=len(raws), on_failure=failures.append))
            return _pair(raws, articles, failures, prepare)
    except (Exception, TimeLimitExceeded) as exc:  # noqa: BLE001 - a stage's bug must cost one article, never the run
        if len(raws) == 1:
            reason = (f"extraction took longer than the limit of {time_limit:g} s" if isinstance(exc, TimeLimitExceeded)
                      else f"extraction failed: {type(exc).__name__}: {exc}")
            return [_outcome(raws[0], failure=ReadFailure(raws[0].origin, reason))]
        return [outcome for raw in raws for outcome in extract_chunk([raw], prepare, time_limit)]


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise TimeLimitExceeded in the block after `seconds` (SIGALRM: a worker's main thread only)."""
    if seconds is None:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _outcome(raw: RawArticle, *, article: Article | None = None, prepare: Prepare | None = None,
             failure: ReadFailure | None = None) -> Extracted:
    outcome = Extracted(raw.origin, content_hash(raw.text), failure=failure)
    if article is not None and prepare is not None:
        outcome.prepared = prepare(article, raw)
    else:
        outcome.article = article
    return outcome


def _pair(raws: list[RawArticle], articles: list[Article], failures: list[ReadFailure], prepare: Prepare | None
          ) -> list[Extracted]:
    """Match outputs to inputs: `extract` keeps input order and leaves out the ones it reported as failed."""
    failed = {f.origin: f for f in failures}
    found = iter(articles)
    outcomes = []
    for raw in raws:
        failure = failed.pop(raw.origin, None)
        outcomes.append(_outcome(raw, failure=failure) if failure else
                        _outcome(raw, article=next(found), prepare=prepare))
    return outcomes


def extract_parallel(raws: Iterable[RawArticle], *, workers: int = 1, chunk_size: int = CHUNK_SIZE,
                     prepare: Prepare | None = None, time_limit: float = ARTICLE_TIME_LIMIT) -> Iterator[Extracted]:
    """Extract articles with `workers` processes (1: in this process, without a time limit), yielding outcomes
    in input order.

    `prepare(article, raw)`, a module-level function, runs in the worker on each record and its result
    comes back instead of the record (less to send back, and its work spread over the workers)."""
    iter_raws = iter(raws)
    chunks = iter(lambda: list(islice(iter_raws, chunk_size)), [])
    if workers <= 1:
        for chunk in chunks:
            yield from extract_chunk(chunk, prepare)
        return
    pool = _Workers(workers, prepare, time_limit)
    try:
        pending: deque[tuple[list[RawArticle], Future[list[Extracted]]]] = deque()
        for chunk in chunks:
            pending.append((chunk, pool.submit(chunk)))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from pool.finish(pending)
        while pending:
            yield from pool.finish(pending)
    finally:
        pool.close()


class _Workers:
    """A process pool that replaces itself when one of its workers dies."""

    def __init__(self, workers: int, prepare: Prepare | None, time_limit: float) -> None:
        self.workers, self.prepare, self.time_limit = workers, prepare, time_limit
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_start_worker, initargs=(os.getpid(),))

    def submit(self, chunk: list[RawArticle]) -> Future[list[Extracted]]:
        return self.pool.submit(extract_chunk, chunk, self.prepare, self.time_limit)

    def finish(self, pending: deque[tuple[list[RawArticle], Future[list[Extracted]]]]) -> list[Extracted]:
        """The outcomes of the first pending chunk; if the pool broke, of every pending chunk, whose
        articles are then extracted alone, since any of them may be the one whose worker died."""
        chunk, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            suspects = [chunk] + [c for c, _ in pending]
            pending.clear()
            self._replace()
            return [self._alone(raw) for c in suspects for raw in c]

    def _alone(self, raw: RawArticle) -> Extracted:
        try:
            return self.submit([raw]).result()[0]
        except BrokenProcessPool:
            self._replace()
            reason = "the worker extracting it died (killed by a signal, or out of memory)"
            return _outcome(raw, failure=ReadFailure(raw.origin, reason))

    def _replace(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._start()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(parent: int) -> None:
    """Load the model and resources once, and exit if the parent dies (kill -9 leaves no orphans)."""
    from ..pipeline import pipeline_for
    from ..resources import Resources

    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    resources = Resources.load()
    pipeline_for(resources)
    if resources.scorer is not None:  # the learned scorer's encoder, once per worker and outside any time limit
        from ..stages.events.encoder import shared_encoder
        shared_encoder()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
