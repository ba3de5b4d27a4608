"""Data files the stages read: the knowledge base, the PLOVER lexicon and the word lists.

Every shipped data file lives under ``newsgraph/data``; :data:`DATA_DIR` is the one place
that says so, and each loader takes the user's own files on top of the shipped ones.
"""
from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
