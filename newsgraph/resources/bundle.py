"""Every resource the stages need, loaded together once and handed to them (and pickled once for Spark)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .boilerplate import BOILERPLATE, CleanRules
from .dates import DATES, DateLexicon
from .files import DataFile, stamps
from .grammar import GRAMMAR, Grammar
from .kb import KB, KnowledgeBase
from .lexicon import LEXICON, Lexicon
from .speech_verbs import SPEECH_VERBS, SpeechLexicon

Paths = Iterable[str | Path]
# In the order of Resources' fields.
SPECS: tuple[DataFile[Any], ...] = (KB, LEXICON, GRAMMAR, DATES, BOILERPLATE, SPEECH_VERBS)


@dataclass(frozen=True, eq=False)
class Resources:
    """The loaded data of every stage; compared and hashed by identity, so a pipeline can be kept per bundle."""

    kb: KnowledgeBase
    lexicon: Lexicon
    grammar: Grammar
    dates: DateLexicon
    boilerplate: CleanRules
    speech_verbs: SpeechLexicon

    @classmethod
    def load(cls, *, kb: Paths = (), patterns: Paths = (), grammar: Paths = (), dates: Paths = (),
             boilerplate: Paths = (), speech_verbs: Paths = ()) -> Resources:
        """The shipped files with the user's on top (these paths, then the environment variables, read now)."""
        file_sets = tuple(spec.files(paths) for spec, paths in
                          zip(SPECS, (kb, patterns, grammar, dates, boilerplate, speech_verbs), strict=True))
        return _bundle(file_sets, tuple(stamps(files) for files in file_sets))


@lru_cache(maxsize=4)
def _bundle(file_sets: tuple[tuple[Path, ...], ...], _stamps: tuple[tuple[int, ...], ...]) -> Resources:
    """The same bundle while no file changes, so the pipeline built for it is reused too."""
    return Resources(*(spec.load_files(files) for spec, files in zip(SPECS, file_sets, strict=True)))
