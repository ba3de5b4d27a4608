"""Spark scaling: articles/s of `newsgraph batch` on local[1] and local[2], beside plain `newsgraph ingest`.

All runs happen in one invocation, side by side, on the same corpus (this machine is
shared and noisy: compare the ratios, not the absolute rates).

    .venv/bin/python benchmarks/spark_scaling.py [--corpus DIR] [--limit N]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bbc-news-2225"


def subset(corpus: Path, limit: int | None, workdir: Path) -> Path:
    """The corpus, or its first `limit` files linked into a folder of their own."""
    if not limit:
        return corpus
    files = sorted(corpus.rglob("*.txt"))[:limit]
    target = workdir / "corpus"
    for i, f in enumerate(files):
        (target / f.parent.name).mkdir(parents=True, exist_ok=True)
        os.symlink(f, target / f.parent.name / f"{i:05d}-{f.name}")
    return target


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Seconds a command takes; exit code 1 is allowed (ingest reports the corpus's unreadable file that way)."""
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=False)
    if done.returncode > 1:
        raise SystemExit(f"{argv[1]} failed with exit code {done.returncode}")
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument("--only", choices=["spark", "ingest"], default=None, help="run only these engines")
    args = ap.parse_args()
    exe = str(Path(sys.executable).parent / "newsgraph")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = subset(args.corpus, args.limit, work)
        n = sum(1 for _ in corpus.rglob("*.txt"))
        runs = {
            "spark local[1]": [exe, "batch", str(corpus), str(work / "s1"),
                               "--engine", "spark", "--master", "local[1]"],
            "spark local[2]": [exe, "batch", str(corpus), str(work / "s2"),
                               "--engine", "spark", "--master", "local[2]"],
            "ingest 1 worker": [exe, "ingest", str(corpus), "--db", str(work / "i1.db"), "--workers", "1"],
            "ingest 2 workers": [exe, "ingest", str(corpus), "--db", str(work / "i2.db"), "--workers", "2"],
        }
        if args.only:
            runs = {name: argv for name, argv in runs.items() if name.startswith(args.only)}
        rates = {}
        for name, argv in runs.items():
            seconds = timed(argv, env)
            rates[name] = n / seconds
            print(f"{name:18s} {n} articles in {seconds:7.1f}s  {rates[name]:7.1f} articles/s", flush=True)
        shutil.rmtree(work / "s1", ignore_errors=True)
    for label, a, b in (("scaling local[2]/local[1]", "spark local[2]", "spark local[1]"),
                        ("spark local[1] / ingest 1 worker", "spark local[1]", "ingest 1 worker"),
                        ("spark local[2] / ingest 2 workers", "spark local[2]", "ingest 2 workers")):
        if a in rates and b in rates:
            print(f"{label:36s} {rates[a] / rates[b]:.2f}")


if __name__ == "__main__":
    main()
