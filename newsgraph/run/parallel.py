"""The whole extraction pipeline in worker processes, the model loaded once per worker.

Input is streamed: at most a few chunks per worker are in flight, so memory does
not grow with the corpus, and results come back in input order, so a parallel
run stores exactly what a serial one does.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Any

from ..records import Article, RawArticle, ReadFailure, content_hash

CHUNK_SIZE = 16
CHUNKS_IN_FLIGHT_PER_WORKER = 3


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


def extract_chunk(raws: list[RawArticle], prepare: Prepare | None = None) -> list[Extracted]:
    """Extract a chunk in one `nlp.pipe` batch; if the batch fails as a whole, retry its articles one by one
    so only the article at fault fails."""
    from ..pipeline import extract

    failures: list[ReadFailure] = []
    try:
        articles = list(extract(raws, batch_size=len(raws), on_failure=failures.append))
        return _pair(raws, articles, failures, prepare)
    except Exception as exc:  # noqa: BLE001 - a stage's bug must cost one article, never the run
        if len(raws) == 1:
            reason = f"extraction failed: {type(exc).__name__}: {exc}"
            return [_outcome(raws[0], failure=ReadFailure(raws[0].origin, reason))]
        return [outcome for raw in raws for outcome in extract_chunk([raw], prepare)]


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
                     prepare: Prepare | None = None) -> Iterator[Extracted]:
    """Extract articles with `workers` processes (1: in this process), yielding outcomes in input order.

    `prepare(article, raw)`, a module-level function, runs in the worker on each record and its result
    comes back instead of the record (less to send back, and its work spread over the workers)."""
    iter_raws = iter(raws)
    chunks = iter(lambda: list(islice(iter_raws, chunk_size)), [])
    if workers <= 1:
        for chunk in chunks:
            yield from extract_chunk(chunk, prepare)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)) as pool:
        pending: deque[Future[list[Extracted]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(extract_chunk, chunk, prepare))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _start_worker(parent: int) -> None:
    """Load the model and resources once, and exit if the parent dies (kill -9 leaves no orphans)."""
    from ..pipeline import pipeline_for
    from ..resources import Resources

    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    pipeline_for(Resources.load())


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
