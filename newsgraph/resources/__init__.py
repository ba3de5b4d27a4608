"""Data files the stages read: knowledge base, PLOVER lexicon and grammar, date words, boilerplate, speech verbs.

Every shipped data file lives under ``newsgraph/data`` (:data:`DATA_DIR`), and every kind is loaded
the same way (:class:`~newsgraph.resources.files.DataFile`), with one layering rule:

    The shipped files come first, then the user's files in the order given: the paths passed
    to the loader, then those in its environment variable (several joined with the OS path
    separator, read when the loader runs, never at import). Each file is layered onto what came
    before: lists are appended (KB rows, patterns, words), mappings are merged key by key, and a
    single value (a threshold, a role word's row) is replaced. A value of another type than the
    shipped one is an error.

A user pattern also wins a tie with a shipped one. The variables: ``NEWSGRAPH_KB`` (CSV),
``NEWSGRAPH_PLOVER_PATTERNS``, ``NEWSGRAPH_PLOVER_GRAMMAR``, ``NEWSGRAPH_DATES``,
``NEWSGRAPH_BOILERPLATE``, ``NEWSGRAPH_SPEECH_VERBS`` (YAML). A file that cannot be used raises
:class:`ResourceError` naming the file (and line or entry). Parsed files are kept while none changes.
"""
from __future__ import annotations

from .bundle import Resources
from .files import DATA_DIR, ResourceError

__all__ = ["DATA_DIR", "ResourceError", "Resources"]
