"""The date vocabulary (month and weekday names, relative words, tense cues): ``data/dates.yaml``.

Users layer their own files of the same keys over it with ``load_date_lexicon(extra)`` or ``$NEWSGRAPH_DATES``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .files import DATA_DIR, DataFile, layered_yaml

LEXICON_PATH = DATA_DIR / "dates.yaml"


@dataclass(frozen=True, eq=False)
class DateLexicon:
    """The words the matcher knows; loaded from ``data/dates.yaml`` plus any user files."""

    entries: dict[str, Any]
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def words(self, key: str) -> frozenset[str]:
        """The list under `key` as a set (built once: the matcher asks for it at every token)."""
        if key not in self._words:
            self._words[key] = frozenset(self.entries.get(key) or ())
        return self._words[key]

    def table(self, key: str) -> dict[str, Any]:
        return self.entries.get(key) or {}


def build_date_lexicon(files: tuple[Path, ...]) -> DateLexicon:
    return DateLexicon(layered_yaml(files))


DATES = DataFile("date vocabulary", "NEWSGRAPH_DATES", lambda: [LEXICON_PATH], build_date_lexicon)
load_date_lexicon = DATES.load
