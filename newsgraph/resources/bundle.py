"""Every resource the stages need, loaded together once and handed to them (and pickled once for Spark)."""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import PIPELINE_VERSION
from .boilerplate import BOILERPLATE, CleanRules
from .dates import DATES, DateLexicon
from .files import DataFile, stamps
from .gendered_titles import GENDERED_TITLES
from .grammar import GRAMMAR, Grammar
from .kb import KB, KnowledgeBase
from .lexicon import LEXICON, Lexicon
from .speech_verbs import SPEECH_VERBS, SpeechLexicon

if TYPE_CHECKING:
    from ..stages.events.completion import SideCompleter
    from ..stages.events.scorer import EventScorer

Paths = Iterable[str | Path]
# In the order of Resources' fields.
SPECS: tuple[DataFile[Any], ...] = (KB, LEXICON, GRAMMAR, DATES, BOILERPLATE, SPEECH_VERBS, GENDERED_TITLES)
MODEL_VARIABLE = "NEWSGRAPH_MODEL"  # "on" or "off": whether the learned event scorer runs (read at each load)
MODEL_BY_DEFAULT = False  # off until it earns its cost on unseen news (the figures are in data/model/model-card.md)
COMPLETION_VARIABLE = "NEWSGRAPH_COMPLETION"  # "on" or "off": whether the learned judge fills empty sides


@dataclass(frozen=True, eq=False)
class Resources:
    """The loaded data of every stage; compared and hashed by identity, so a pipeline can be kept per bundle."""

    kb: KnowledgeBase
    lexicon: Lexicon
    grammar: Grammar
    dates: DateLexicon
    boilerplate: CleanRules
    speech_verbs: SpeechLexicon
    gendered_titles: dict[str, str]  # title ("ms", "king") -> "f" or "m"
    scorer: EventScorer | None = None  # the learned event scorer's weights, when it runs
    completer: SideCompleter | None = None  # the learned judge of filled sides, unless switched off

    @property
    def pipeline_version(self) -> str:
        """The version records extracted with this bundle carry: the code's, then the scorer's digest or "rules"."""
        return f"{PIPELINE_VERSION}+{self.scorer.version if self.scorer is not None else 'rules'}"

    @classmethod
    def load(cls, *, kb: Paths = (), patterns: Paths = (), grammar: Paths = (), dates: Paths = (),
             boilerplate: Paths = (), speech_verbs: Paths = (), gendered_titles: Paths = (),
             model: bool | None = None, completion: bool | None = None) -> Resources:
        """The shipped files with the user's on top (these paths, then the environment variables, read now).

        `model`: run the learned event scorer; None takes $NEWSGRAPH_MODEL ("on"/"off"), else the default.
        `completion`: let the learned judge fill a side the rules left empty; None takes $NEWSGRAPH_COMPLETION
        ("on"/"off"), else on (off for a caller that measures the rules without it, as its training does)."""
        file_sets = tuple(spec.files(paths) for spec, paths in
                          zip(SPECS, (kb, patterns, grammar, dates, boilerplate, speech_verbs, gendered_titles),
                              strict=True))
        return _bundle(file_sets, tuple(stamps(files) for files in file_sets),
                       model_wanted() if model is None else model,
                       _switch(COMPLETION_VARIABLE, True) if completion is None else completion)


def model_wanted() -> bool:
    """Whether the learned event scorer runs when no caller says: $NEWSGRAPH_MODEL, else MODEL_BY_DEFAULT."""
    return _switch(MODEL_VARIABLE, MODEL_BY_DEFAULT)


def _switch(variable: str, default: bool) -> bool:
    """An on/off environment variable, else `default`."""
    value = os.environ.get(variable, "").strip().lower()
    if value in ("on", "off"):
        return value == "on"
    if value:
        raise ValueError(f"${variable} is {value!r}: write on or off")
    return default


@lru_cache(maxsize=4)
def _bundle(file_sets: tuple[tuple[Path, ...], ...], _stamps: tuple[tuple[int, ...], ...], model: bool,
            completion: bool) -> Resources:
    """The same bundle while no file changes, so the pipeline built for it is reused too."""
    from ..stages.events.completion import SideCompleter
    scorer = None
    if model:
        from ..stages.events.scorer import EventScorer
        scorer = EventScorer.load()
    loaded = [spec.load_files(files) for spec, files in zip(SPECS, file_sets, strict=True)]
    return replace(Resources(*loaded), scorer=scorer, completer=SideCompleter.load() if completion else None)
