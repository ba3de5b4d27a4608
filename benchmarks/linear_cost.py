"""Extraction time per 100 KB of article, from 10 KB to 2 MB: it must stay flat.

    .venv/bin/python benchmarks/linear_cost.py [--sizes 10000,100000,...] [--repeat N]

Each size is one article of varied synthetic news paragraphs (benchmarks/news_text.py), extracted whole
by `newsgraph.extract_text` in this process after a warm-up, so the model's loading is not counted.
Times are CPU seconds of this process (steadier than wall time on a shared machine); the best of
`--repeat` runs is kept. Target: the time per 100 KB at 2 MB within 1.5 times that at 10 KB.
Never part of `make test`: it takes several minutes (tests/test_long_articles.py has a cheaper check).
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.news_text import news_text
from newsgraph.pipeline import extract_text

SIZES = (10_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000)
TARGET = 1.5


def seconds_per_100kb(chars: int, repeat: int) -> float:
    text = news_text(chars)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        extract_text(text)
        best = min(best, time.process_time() - start)
    return best / (len(text) / 100_000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="Article sizes in characters.")
    parser.add_argument("--repeat", type=int, default=1, help="Runs per size; the fastest counts.")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    extract_text(news_text(5_000))
    figures = {}
    print(f"{'chars':>10} {'s/100KB':>8} {'peak RSS MB':>12}")
    for chars in sizes:
        figures[chars] = seconds_per_100kb(chars, args.repeat if chars <= 200_000 else 1)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{chars:>10,} {figures[chars]:>8.2f} {peak:>12.0f}", flush=True)
    ratio = figures[sizes[-1]] / figures[sizes[0]]
    print(f"ratio {sizes[-1]:,} / {sizes[0]:,}: {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
