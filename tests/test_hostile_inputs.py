"""Hostile inputs (tests/fixtures/hostile): each costs its own input at most, never the run.

`extract` and `ingest` run as the user runs them, over every hostile file mixed with good articles: no
traceback, every good input read (and stored), every bad one named, in bounded time.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "hostile"))
from make_hostile import write_hostile

REPO = Path(__file__).resolve().parent.parent
TIME_LIMIT = 240  # seconds for a whole run, the spaCy model's loading included


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    directory = tmp_path_factory.mktemp("hostile")
    return directory, write_hostile(directory)


def run_cli(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], capture_output=True, text=True, check=False,
                            env=env, timeout=TIME_LIMIT * 2, errors="surrogateescape")
    return result, time.monotonic() - started


def names_with(expected: dict[str, str], *outcomes: str) -> list[str]:
    return [name for name, outcome in expected.items() if outcome in outcomes]


def assert_clean_stderr(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert "\x1b" not in stderr and "\x07" not in stderr  # file names' control characters printed escaped


def test_extract_reads_every_good_input_and_names_every_bad_one(hostile):
    directory, expected = hostile
    result, elapsed = run_cli("extract", str(directory), "--format", "jsonl")
    assert_clean_stderr(result.stderr)
    assert elapsed < TIME_LIMIT
    origins = [json.loads(line)["origin"] for line in result.stdout.splitlines()]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    for name in names_with(expected, "read", "partial"):
        assert any(Path(o.split(":")[0].split("#")[0]).name == name for o in origins), (name, origins)
    shown = [line.encode().decode("unicode_escape", errors="ignore") for line in errors]
    for name in names_with(expected, "fail", "partial"):
        assert any(f"/{name}" in line for line in shown), (name, errors)
    assert len(origins) == len(names_with(expected, "read")) + 2 + 2  # the partial files' good records


def test_ingest_stores_every_good_input_and_records_every_bad_one(hostile, tmp_path):
    directory, expected = hostile
    db = tmp_path / "hostile.db"
    result, elapsed = run_cli("ingest", str(directory), "--db", str(db), "--workers", "1", "--quiet")
    assert_clean_stderr(result.stderr)
    assert result.returncode == 1 and elapsed < TIME_LIMIT
    with Store.open(str(db), create=False) as store:
        stored = {Path(a["origin"].split(":")[0].split("#")[0]).name for a in store.articles(limit=None)}
        failed = {Path(f["origin"]).name for f in store.failures()}
    assert set(names_with(expected, "read", "partial")) <= stored
    assert set(names_with(expected, "fail", "partial")) <= failed
