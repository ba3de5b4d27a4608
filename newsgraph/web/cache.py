"""Aggregates the pages and the API compute over many events (totals, chart series, map counts, the graph, an
actor's summary), kept until the stored content changes.

Every lookup reads the store's change count first (one row, see ``store.read.data_generation``); a new count
empties the cache, so an answer is never older than the last write that committed, whichever process wrote it.
Answers are shared between requests: callers must not change them (build new dicts instead).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from ..store import Store, read

T = TypeVar("T")
MAX_ENTRIES = 256  # distinct filter combinations kept; the least recently used goes first


class Aggregates:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._generation: int | None = None
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: Store, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer cached under `key` for the current content, else `compute()`'s, kept for next time."""
        with store.engine.connect() as conn:
            generation = read.data_generation(conn)
        with self._lock:
            if generation != self._generation:
                self._values.clear()
                self._generation = generation
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()
        with self._lock:
            if generation == self._generation:
                self._values[key] = value
                while len(self._values) > self.max_entries:
                    self._values.popitem(last=False)
        return value
