"""Records must not depend on the process: Spark workers and local workers each have their own hash seed."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import DEVSET, FIXTURES, REPO

NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")


def extract_with_seed(seed: str, paths: list[str]) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    done = subprocess.run([NEWSGRAPH, "extract", "--format", "jsonl", *paths], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=600, check=False)
    # the batch corpus has one broken line on purpose: it is reported, the rest printed, and the exit status is 1
    assert done.returncode == 1 and "1 of " in done.stderr, done.stderr
    return done.stdout


def test_same_records_whatever_the_hash_seed():
    paths = [str(FIXTURES / "batch" / "corpus.jsonl"), *sorted(str(p) for p in (REPO / "samples").glob("*.txt"))]
    if DEVSET.exists():
        paths += sorted(str(p) for p in DEVSET.glob("*.txt"))
    first = extract_with_seed("1", paths)
    assert first.count("\n") >= 20
    for seed in ("2", "3"):
        assert extract_with_seed(seed, paths) == first
