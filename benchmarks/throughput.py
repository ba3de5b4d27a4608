"""Throughput and memory of `newsgraph ingest` against bare spaCy, in one run, on one corpus.

    .venv/bin/python benchmarks/throughput.py [--corpus DIR] [--workers N] [--limit N] [--only throughput|memory]
                                              [--memory-limit N]

(a) bare spaCy: the model as shipped (without newsgraph's paragraph breaks), `nlp.pipe` over the same
    texts with the same number of processes; (b) `newsgraph ingest` into a fresh SQLite database. Both
    are timed as whole processes (start-up and model loading included in each). Then the
    same corpus is ingested again (it must be all duplicates), and a copy of the corpus
    repeated ten times, each copy's texts varied so their hashes differ, is ingested into
    another fresh database to compare peak memory. Peak memory is the largest sum of
    proportional set sizes (PSS) over the process and all its workers, sampled every second.

Targets: ratio b/a >= 0.8; peak memory for ten times the corpus within 20% of once.
Never part of `make test`: it takes many minutes.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bbc-news-2225"
# Reading a process's PSS makes the kernel walk its page tables (~10 ms for a loaded spaCy worker): sample
# seldom enough that the sampler does not slow what it measures.
SAMPLE_EVERY = 1.0  # seconds
NEWSGRAPH = [sys.executable, "-c", "from newsgraph.cli import main; main()"]
BARE_SPACY = """
import sys, time
import spacy
from newsgraph.stages.parse import MODEL_PACKAGE
from newsgraph.sources.readers import read_inputs
from newsgraph.records import RawArticle
texts = [r.text for r in read_inputs([sys.argv[1]]) if isinstance(r, RawArticle)]
nlp = spacy.load(MODEL_PACKAGE)  # the model as shipped: newsgraph's paragraph breaks count against it
count = sum(1 for _ in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=16))
print(count)
"""


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system time of the process and all its workers
    peak_bytes: int
    stdout: str
    stderr: str


def tree_pids(root: int) -> list[int]:
    """`root` and every process descended from it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def memory_of(pid: int) -> int:
    """Proportional set size of a process in bytes (shared pages split between their sharers)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    match = re.search(r"^Pss:\s+(\d+) kB", text, re.MULTILINE)
    return int(match[1]) * 1024 if match else 0


def run_sampled(command: list[str]) -> Run:
    """Run a command to the end, timing it and sampling the memory of its process tree."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        peak = 0
        while process.poll() is None:
            peak = max(peak, sum(memory_of(pid) for pid in tree_pids(process.pid)))
            try:
                process.wait(timeout=SAMPLE_EVERY)  # returns the moment it ends, so the timing stays exact
            except subprocess.TimeoutExpired:
                continue
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        out.seek(0)
        err.seek(0)
        run = Run(seconds, cpu, peak, out.read(), err.read())
    if process.returncode not in (0, 1):  # 1: some inputs failed, which the summary lists
        raise SystemExit(f"{' '.join(command[:6])} ... exited {process.returncode}:\n{run.stderr[-3000:]}")
    return run


def corpus_copy(corpus: Path, target: Path, *, copies: int, limit: int | None) -> Path:
    """The corpus `copies` times, copy k's texts varied by a closing line so every hash differs."""
    files = sorted(corpus.rglob("*.txt"))[:limit]
    for k in range(copies):
        for f in files:
            dest = target / f"copy{k:02d}" / f.relative_to(corpus)
            dest.parent.mkdir(parents=True, exist_ok=True)
            data = f.read_bytes()
            dest.write_bytes(data if k == 0 else data.rstrip() + f"\n\n(Edition {k}.)\n".encode())
    return target


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def ingest_command(workers: int) -> list[str]:
    return [*NEWSGRAPH, "ingest", "--workers", str(workers), "-q"]


def last_line(run: Run) -> str:
    return run.stderr.strip().splitlines()[-1]


def throughput(args: argparse.Namespace, work: Path) -> Run:
    """(a) against (b), then the same corpus again (all duplicates); returns the first ingest's run."""
    once = corpus_copy(args.corpus, work / "once", copies=1, limit=args.limit)
    bare = run_sampled([sys.executable, "-c", BARE_SPACY, str(once), str(args.workers)])
    articles = int(bare.stdout.split()[-1])
    db = str(work / "once.db")
    first = run_sampled([*ingest_command(args.workers), str(once), "--db", db])
    again = run_sampled([*ingest_command(args.workers), str(once), "--db", db])
    print(f"corpus: {args.corpus} ({articles} articles parsed), {args.workers} processes")
    for name, run in (("(a) bare spaCy nlp.pipe", bare), ("(b) newsgraph ingest", first)):
        print(f"{name:24s} {articles / run.seconds:7.2f} articles/s  ({run.seconds:.1f} s wall, "
              f"{run.cpu_seconds:.1f} s CPU, peak {mb(run.peak_bytes)})")
    print(f"ratio b/a: {bare.seconds / first.seconds:.2f} by wall time, {bare.cpu_seconds / first.cpu_seconds:.2f} "
          "by CPU time (target >= 0.80; on a shared machine the CPU-time ratio is the steadier one)")
    new = int(re.search(r"new (\d+)", last_line(first))[1])
    print(f"CPU per article parsed: (a) {1000 * bare.cpu_seconds / articles:.0f} ms, (b) "
          f"{1000 * first.cpu_seconds / max(new, 1):.0f} ms per new article (duplicates are skipped before the "
          f"parse), ratio {(bare.cpu_seconds / articles) / (first.cpu_seconds / max(new, 1)):.2f}")
    print(f"first ingest:  {last_line(first)}")
    print(f"second ingest: {last_line(again)}  ({again.seconds:.1f} s)")
    return first


def memory(args: argparse.Namespace, work: Path, once: Run | None) -> None:
    """Peak memory ingesting the corpus (or its first --memory-limit articles) once and ten times."""
    if once is None or args.memory_limit:
        subset = corpus_copy(args.corpus, work / "mem-once", copies=1, limit=args.memory_limit or args.limit)
        once = run_sampled([*ingest_command(args.workers), str(subset), "--db", str(work / "mem-once.db")])
    ten = corpus_copy(args.corpus, work / "mem-ten", copies=10, limit=args.memory_limit or args.limit)
    tenfold = run_sampled([*ingest_command(args.workers), str(ten), "--db", str(work / "mem-ten.db")])
    print(f"once:      {last_line(once)}  ({once.seconds:.1f} s, peak {mb(once.peak_bytes)})")
    print(f"ten times: {last_line(tenfold)}  ({tenfold.seconds:.1f} s, peak {mb(tenfold.peak_bytes)})")
    print(f"peak memory ten times / once: {tenfold.peak_bytes / once.peak_bytes - 1:+.0%} (target within 20%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N articles (a quick look).")
    parser.add_argument("--only", choices=["throughput", "memory"], default=None, help="Run one half only.")
    parser.add_argument("--memory-limit", type=int, default=None,
                        help="Compare memory on the first N articles once and ten times (default: the whole corpus).")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ng-throughput-"))
    try:
        first = throughput(args, work) if args.only != "memory" else None
        if args.only != "throughput":
            memory(args, work, first)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
