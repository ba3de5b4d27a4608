"""No behaviour lost in a refactor: the CLI's output on samples/ equals the snapshot taken before it.

The snapshot (`fixtures/snapshot/samples.json`) was captured with the code before the package was
laid out in pipeline order; `fixtures/snapshot/capture.py` says how. Text outputs must be equal; a
JSON record may gain fields but must keep every field it had, with the same value.
"""
from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import FIXTURES, load_script

SNAPSHOT_DIR = FIXTURES / "snapshot"


def _load_capture():
    return load_script(SNAPSHOT_DIR / "capture.py")


@pytest.fixture(scope="module")
def outputs() -> tuple[dict[str, Any], dict[str, Any]]:
    before = json.loads((SNAPSHOT_DIR / "samples.json").read_text(encoding="utf-8"))
    return before, _load_capture().capture()


def kept(old: Any, new: Any, where: str = "") -> list[str]:
    """Where `new` lost or changed something `old` had (added dictionary keys are allowed)."""
    if isinstance(old, dict) and isinstance(new, dict):
        return [p for key, value in old.items()
                for p in ([f"{where}.{key}: missing"] if key not in new else kept(value, new[key], f"{where}.{key}"))]
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return [f"{where}: {len(old)} items before, {len(new)} now"]
        return [p for i, (a, b) in enumerate(zip(old, new, strict=True)) for p in kept(a, b, f"{where}[{i}]")]
    return [] if old == new else [f"{where}: {old!r} before, {new!r} now"]


def parse_jsonl(text: str) -> list[Any]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.slow
def test_every_command_gives_the_output_it_gave_before(outputs) -> None:
    before, now = outputs
    assert set(now) == set(before)
    problems = []
    for command, old in before.items():
        new = now[command]
        if new["exit"] != old["exit"]:
            problems.append(f"{command}: exit {old['exit']} before, {new['exit']} now")
        if "jsonl" in command or "plover" in command:
            problems += [f"{command} {p}" for p in kept(parse_jsonl(old["stdout"]), parse_jsonl(new["stdout"]))]
        elif new["stdout"] != old["stdout"]:
            problems.append(f"{command}: stdout differs")
        if new["stderr"] != old["stderr"]:
            problems.append(f"{command}: stderr differs: {new['stderr'][:300]!r}")
    assert not problems, "\n".join(problems[:40])


def test_the_comparison_allows_new_fields_and_catches_lost_or_changed_ones() -> None:
    assert kept({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 2], "c": 3}) == []
    assert kept({"a": 1, "b": 2}, {"a": 1}) == [".b: missing"]
    assert kept({"a": [{"x": 1}]}, {"a": [{"x": 2}]}) == [".a[0].x: 1 before, 2 now"]
    assert kept([1, 2], [1]) == [": 2 items before, 1 now"]
