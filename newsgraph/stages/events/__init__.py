"""Stage 5: events — PLOVER event coding.

The types and patterns are data (:mod:`newsgraph.resources.lexicon`); ``matching`` matches a
pattern at a trigger, ``arguments`` finds the source and target around it, and ``coder`` puts them together
(its `code_events` is the stage's entry point).
"""
from .coder import code_events

__all__ = ["code_events"]
