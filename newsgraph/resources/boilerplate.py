"""The cleaner's noise signals: phrase lists, line patterns and thresholds from ``data/boilerplate.yaml``.

Users layer their own files over it with ``load_rules(extra)`` or ``$NEWSGRAPH_BOILERPLATE``: lists
are added to, thresholds replaced.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import DATA_DIR, DataFile, ResourceError, layer, read_yaml

DEFAULT_RULES_PATH = DATA_DIR / "boilerplate.yaml"


@dataclass(frozen=True)
class LinePattern:
    reason: str
    regex: re.Pattern[str]
    max_words: int | None = None


@dataclass(frozen=True)
class CleanRules:
    """The noise signals, loaded from ``boilerplate.yaml`` and any user files layered over it."""

    labels: frozenset[str]
    patterns: tuple[LinePattern, ...]
    share_words: frozenset[str]
    timestamp_words: frozenset[str]
    minor_words: frozenset[str]
    promo: tuple[re.Pattern[str], ...]
    promo_verbs: re.Pattern[str]
    thresholds: dict[str, float]

    def threshold(self, name: str) -> float:
        return self.thresholds[name]


def build_rules(files: tuple[Path, ...]) -> CleanRules:
    merged: dict[str, Any] = {}
    for path in files:
        layer(merged, read_rules_file(path), path)
    promo = merged.get("promo", {})
    return CleanRules(
        labels=frozenset(normalise(label).rstrip(":").strip() for label in merged.get("labels", [])),
        patterns=tuple(
            LinePattern(p["reason"], re.compile(p["regex"], re.IGNORECASE), p.get("max_words"))
            for p in merged.get("patterns", [])
        ),
        share_words=frozenset(str(w).lower() for w in merged.get("share_words", [])),
        timestamp_words=frozenset(str(w).lower() for w in merged.get("timestamp_words", [])),
        minor_words=frozenset(str(w).lower() for w in merged.get("minor_words", [])),
        promo=promo_patterns(promo.get("roles", []), promo.get("verbs", []), promo.get("objects", [])),
        promo_verbs=re.compile(r"\b({})\b".format("|".join(re.escape(v) for v in promo.get("verbs", []))),
                               re.IGNORECASE),
        thresholds=dict(merged.get("thresholds", {})),
    )


def read_rules_file(path: Path) -> dict[str, Any]:
    """One rules file, checked: its patterns each have a reason and a valid regex."""
    data = read_yaml(path)
    for number, entry in enumerate(data.get("patterns") or [], start=1):
        if not isinstance(entry, dict) or not {"reason", "regex"} <= entry.keys():
            raise ResourceError(f"{path}: pattern {number} needs both 'reason' and 'regex'")
        try:
            re.compile(entry["regex"])
        except re.error as err:
            raise ResourceError(f"{path}: pattern {number} ({entry['reason']}): bad regex: {err}") from None
    return data


def promo_patterns(roles: list[str], verbs: list[str], objects: list[str]) -> tuple[re.Pattern[str], ...]:
    """Promos for a staff member's piece: "<Name>, <Outlet>'s <role>, <verb> ..." (or "<role> for <Outlet>"),
    "<Outlet> <role> <Name> <verb> ... <object>", "<Outlet>'s <Name> <verb> ... <object>"
    (verbs like "shares", "discusses"; never "says")."""
    role = "|".join(re.escape(r) for r in roles)
    verb = "|".join(re.escape(v) for v in verbs)
    obj = "|".join(re.escape(o) for o in objects)
    name = r"(?-i:[A-Z])[\w'’.-]+(\s+(?-i:[A-Z])[\w'’.-]+){0,3}"
    possessive = rf",\s+[^,]{{0,60}}['’]s\b[^,]{{0,40}}\b({role})\b[^,]{{0,20}},\s+({verb})\b"
    role_for_outlet = rf",\s+[^,]{{0,40}}\b({role})\s+(for|at|of|with)\s+(the\s+)?(?-i:[A-Z])[^,]{{0,60}},\s+({verb})\b"
    prefixed = rf"\b({role})\s+{name}\s+({verb})\b.{{0,160}}\b({obj})\b"
    possessive_name = rf"['’]s\s+{name}\s+({verb})\b.{{0,160}}\b({obj})\b"
    return tuple(re.compile(p, re.IGNORECASE) for p in (possessive, role_for_outlet, prefixed, possessive_name))


def flatten_quotes(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')


def normalise(text: str) -> str:
    """Case-, quote- and whitespace-insensitive form of a line, for comparing lines."""
    return " ".join(flatten_quotes(text).split()).casefold()


BOILERPLATE = DataFile("boilerplate rules", "NEWSGRAPH_BOILERPLATE", lambda: [DEFAULT_RULES_PATH], build_rules)
load_rules = BOILERPLATE.load
