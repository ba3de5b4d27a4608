"""The whole extraction pipeline in worker processes, the model loaded once per worker.

Input is streamed: at most a few chunks per worker are in flight, so memory does
not grow with the corpus, and results come back in input order, so a parallel
run stores exactly what a serial one does.

One article never costs more than itself, and the parent enforces it, since only the parent can stop a
worker stuck in C code (spaCy) or lost to a signal: a worker that dies (a segfault, the kernel's
out-of-memory killer, kill -9) or runs past its chunk's wall-clock limit (the per-article limit times the
chunk's size) is killed if need be and replaced, and the articles of its chunk are extracted again one at a
time, alone, so a second death or overrun names the article that causes it and records it as failed.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from ..records import Article, RawArticle, ReadFailure, content_hash
from ..resources import Resources

CHUNK_SIZE = 16
CHUNKS_IN_FLIGHT_PER_WORKER = 3
ARTICLE_TIME_LIMIT = 600.0  # seconds of wall clock per article in a worker: a 2 MB article takes about three minutes
READY = "ready"  # a worker's first message: its model is loaded, so time limits start counting from here
WARM_UP_TEXT = "Kenya thanked Norway for its help on Tuesday, officials said."


class WorkerStartError(RuntimeError):
    """A worker process died while loading the model: no article can be extracted, so the run stops."""


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


def extract_chunk(raws: list[RawArticle], prepare: Prepare | None = None, resources: Resources | None = None
                  ) -> list[Extracted]:
    """Extract a chunk in one `nlp.pipe` batch; if the batch fails as a whole, retry its articles one by
    one so only the article at fault fails."""
    from ..pipeline import extract

    failures: list[ReadFailure] = []
    try:
        articles = list(extract(raws, batch_size=len(raws), resources=resources, on_failure=failures.append))
        return _pair(raws, articles, failures, prepare)
    except Exception as exc:  # noqa: BLE001 - a stage's bug must cost one article, never the run
        if len(raws) == 1:
            reason = f"extraction failed: {type(exc).__name__}: {exc}"
            return [_outcome(raws[0], failure=ReadFailure(raws[0].origin, reason))]
        return [outcome for raw in raws for outcome in extract_chunk([raw], prepare, resources)]


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
                     prepare: Prepare | None = None, time_limit: float = ARTICLE_TIME_LIMIT,
                     resources: Resources | None = None, isolated: bool = False) -> Iterator[Extracted]:
    """Extract articles with `workers` processes (1: in this process, without a time limit, unless `isolated`
    asks for one worker process all the same), yielding outcomes in input order.

    `prepare(article, raw)`, a module-level function, runs in the worker on each record and its result
    comes back instead of the record (less to send back, and its work spread over the workers). `resources`
    (default: the shipped ones and the user's) are those of the pipeline this process has loaded, or will
    load; workers are forked from this process, so a model already loaded here is not loaded again."""
    iter_raws = iter(raws)
    chunks = iter(lambda: list(islice(iter_raws, chunk_size)), [])
    if workers <= 1 and not isolated:
        for chunk in chunks:
            yield from extract_chunk(chunk, prepare, resources)
        return
    pool = WorkerPool(max(workers, 1), prepare, time_limit, resources)
    try:
        for outcomes in pool.run(chunks):
            yield from outcomes
    finally:
        pool.close()


@dataclass
class _Job:
    """Articles sent to one worker: chunk `index` of the input, from its article `offset` on."""

    index: int
    offset: int
    raws: list[RawArticle]


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    job: _Job | None = None
    deadline: float = float("inf")


@dataclass
class WorkerPool:
    """Worker processes fed chunks through pipes, watched by the parent: see the module docstring."""

    size: int
    prepare: Prepare | None
    time_limit: float
    resources: Resources | None = None
    workers: list[_Worker] = field(default_factory=list)
    todo: deque[_Job] = field(default_factory=deque)
    results: dict[int, list[Extracted | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.workers = [self._start() for _ in range(self.size)]

    def run(self, chunks: Iterator[list[RawArticle]]) -> Iterator[list[Extracted]]:
        """The outcomes of each chunk, in input order, with at most a few chunks per worker in flight."""
        taken = done = 0
        exhausted = False
        while True:
            while not exhausted and taken - done < self.size * CHUNKS_IN_FLIGHT_PER_WORKER:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                self.results[taken] = [None] * len(chunk)
                self.todo.append(_Job(taken, 0, chunk))
                taken += 1
            while done in self.results and None not in self.results[done]:
                yield [outcome for outcome in self.results.pop(done) if outcome is not None]
                done += 1
            if exhausted and done == taken:
                return
            self._dispatch()
            self._await_events()

    def _dispatch(self) -> None:
        for worker in self.workers:
            if worker.ready and worker.job is None and self.todo:
                job = self.todo.popleft()
                worker.conn.send(job.raws)
                worker.job, worker.deadline = job, time.monotonic() + self.time_limit * len(job.raws)

    def _await_events(self) -> None:
        """Wait for a result, a worker's death or the next deadline, and act on what happened."""
        deadline = min(w.deadline for w in self.workers)
        timeout = None if deadline == float("inf") else max(0.0, deadline - time.monotonic())
        events = set(wait([w.conn for w in self.workers] + [w.process.sentinel for w in self.workers], timeout))
        for n, worker in enumerate(self.workers):
            if worker.conn in events:  # read before judging a death or deadline: the result may be there
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    self._lose(n, "died")
                    continue
                self._receive(worker, message)
            elif worker.process.sentinel in events:
                self._lose(n, "died")
            elif worker.job is not None and time.monotonic() >= worker.deadline:
                self._lose(n, "overran")

    def _receive(self, worker: _Worker, message: Any) -> None:
        if message == READY:
            worker.ready = True
            return
        job = worker.job
        assert job is not None, "a worker sends outcomes only for a job"
        self.results[job.index][job.offset: job.offset + len(job.raws)] = message
        worker.job, worker.deadline = None, float("inf")

    def _lose(self, n: int, cause: str) -> None:
        """Stop worker `n` for good, start another in its place, and settle or retry its job."""
        worker = self.workers[n]
        if not worker.ready and cause == "died":
            raise WorkerStartError(f"a worker process died while loading the model ({_exit_cause(worker)}); "
                                   "check the model install and the memory available")
        self._stop(worker)
        self.workers[n] = self._start()
        job = worker.job
        if job is None:
            return
        if len(job.raws) > 1:  # any of them may be at fault: each goes again, alone
            self.todo.extendleft(reversed([_Job(job.index, job.offset + i, [raw]) for i, raw in enumerate(job.raws)]))
            return
        reason = (f"extraction took longer than the limit of {self.time_limit:g} s; its worker was stopped"
                  if cause == "overran" else f"the worker extracting it died ({_exit_cause(worker)})")
        raw = job.raws[0]
        self.results[job.index][job.offset] = _outcome(raw, failure=ReadFailure(raw.origin, reason))

    def _start(self) -> _Worker:
        context = multiprocessing.get_context("fork")
        conn, child_conn = context.Pipe()
        process = context.Process(target=_serve, args=(child_conn, self.prepare, self.resources, os.getpid()),
                                  daemon=True, name="newsgraph-worker")
        process.start()
        child_conn.close()
        return _Worker(process, conn)

    @staticmethod
    def _stop(worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()

    def close(self) -> None:
        """Ask idle workers to exit, kill busy ones, and wait for all."""
        for worker in self.workers:
            if worker.job is None and worker.process.is_alive():
                with suppress(OSError):  # it died meanwhile; stopped below all the same
                    worker.conn.send(None)
        for worker in self.workers:
            worker.process.join(timeout=5.0 if worker.job is None else 0)
            self._stop(worker)


def _exit_cause(worker: _Worker) -> str:
    code = worker.process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        advice = ", perhaps by the out-of-memory killer" if name == "SIGKILL" else ""
        return f"killed by {name}{advice}"
    return f"exit status {code}"


def _serve(conn: Connection, prepare: Prepare | None, resources: Resources | None, parent: int) -> None:
    """A worker's life: load the model, say so, then extract each chunk received until told to stop."""
    _start_worker(parent, resources)
    conn.send(READY)
    try:
        while (raws := conn.recv()) is not None:
            conn.send(extract_chunk(raws, prepare, resources))
    except EOFError:
        return  # the parent is gone


def _start_worker(parent: int, resources: Resources | None) -> None:
    """Load the model and resources once, run them once (their first article costs seconds of lazy set-up,
    which must not count against an article's time limit), and exit if the parent dies (kill -9 leaves no
    orphans)."""
    from ..pipeline import extract, pipeline_for

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    resources = resources or Resources.load()
    pipeline_for(resources)
    if resources.scorer is not None:  # the learned scorer's encoder, once per worker and outside any time limit
        from ..stages.events.encoder import shared_encoder
        shared_encoder()
    list(extract([RawArticle("warm-up", WARM_UP_TEXT)], resources=resources))  # lazy set-up, before any clock


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
