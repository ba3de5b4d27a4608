"""newsgraph's stages as spaCy pipeline components, registered by name like spaCy's own.

    nlp = spacy.load("en_core_web_sm")
    for name in ("newsgraph_actors", "newsgraph_dates", "newsgraph_events", "newsgraph_quotes"):
        nlp.add_pipe(name)
    doc = nlp.make_doc(text)
    doc._.published = "2025-03-08"  # optional: relative dates and roles are read against it
    doc = nlp(doc)
    doc._.actors, doc._.dates, doc._.events, doc._.quotes

Each component reads the extensions of the ones before it. Its data come from the config's files
(layered over the shipped ones, see :mod:`newsgraph.resources`), loaded on first use, or are handed
over with ``initialize(resources=...)``, which is how :func:`newsgraph.extract` shares one bundle.
The factories are also declared under the ``spacy_factories`` entry point, so ``spacy.load`` finds
them without importing newsgraph first.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from .resources import Resources
from .stages.actors import code_on_event_dates, resolve_actors
from .stages.dates import resolve_dates
from .stages.events import code_events
from .stages.quotes import extract_quotes

STAGES = ("newsgraph_actors", "newsgraph_dates", "newsgraph_events", "newsgraph_quotes")
PARSE = ["token.dep", "token.pos", "token.lemma", "token.tag", "doc.sents", "doc.ents"]

for _name in ("published", "actors", "dates", "events", "quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class Stage:
    """One newsgraph stage on a parsed Doc; subclasses say what they read and set in `set_annotations`."""

    requires_extensions: tuple[str, ...] = ()

    def __init__(self, name: str, *, files: dict[str, list[str]]) -> None:
        self.name = name
        self.files: dict[str, Any] = dict(files)  # keyword arguments of Resources.load: the user's files of each kind
        self.resources: Resources | None = None
        self.error_handler: Callable[[str, Any, list[Doc], Exception], None] = raise_error

    def get_error_handler(self) -> Callable[[str, Any, list[Doc], Exception], None]:
        """What nlp.pipe calls when this stage raises on a doc (spaCy's Pipe API; default: re-raise)."""
        return self.error_handler

    def set_error_handler(self, handler: Callable[[str, Any, list[Doc], Exception], None]) -> None:
        self.error_handler = handler

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None,
                   resources: Resources | None = None) -> None:
        """Take `resources`, or load them from the config's files (and the environment, read now)."""
        self.resources = resources or Resources.load(**self.files)

    def __call__(self, doc: Doc) -> Doc:
        if self.resources is None:
            self.initialize()
        for ext in self.requires_extensions:
            if getattr(doc._, ext) is None:
                raise ValueError(f"{self.name} needs doc._.{ext}: add the component that sets it earlier in the "
                                 f"pipeline (order: {', '.join(STAGES)})")
        assert self.resources is not None
        self.set_annotations(doc, self.resources)
        return doc

    def set_annotations(self, doc: Doc, resources: Resources) -> None:
        raise NotImplementedError


class ActorStage(Stage):
    def set_annotations(self, doc: Doc, resources: Resources) -> None:
        doc._.actors = resolve_actors(doc, kb=resources.kb, published=doc._.published,
                                      speech_verbs=resources.speech_verbs, gendered_titles=resources.gendered_titles,
                                      lexicon=resources.lexicon, grammar=resources.grammar)


class DateStage(Stage):
    def set_annotations(self, doc: Doc, resources: Resources) -> None:
        doc._.dates = resolve_dates(doc, published=doc._.published, lexicon=resources.dates,
                                    grammar=resources.grammar, speech_verbs=resources.speech_verbs)


class EventStage(Stage):
    requires_extensions = ("actors", "dates")

    def set_annotations(self, doc: Doc, resources: Resources) -> None:
        doc._.events = code_events(doc, actors=doc._.actors, dates=doc._.dates, published=doc._.published,
                                   lexicon=resources.lexicon, grammar=resources.grammar,
                                   speech_verbs=resources.speech_verbs, scorer=resources.scorer,
                                   completer=resources.completer)
        code_on_event_dates(doc._.actors, doc._.events, kb=resources.kb)


class QuoteStage(Stage):
    requires_extensions = ("actors",)

    def set_annotations(self, doc: Doc, resources: Resources) -> None:
        doc._.quotes = extract_quotes(doc, actors=doc._.actors, lexicon=resources.speech_verbs)


@Language.factory("newsgraph_actors", default_config={"kb": []}, requires=PARSE, assigns=["doc._.actors"])
def make_actors(nlp: Language, name: str, kb: list[str]) -> ActorStage:
    """Actors resolved to codes; `kb`: your knowledge-base CSV files."""
    return ActorStage(name, files={"kb": kb})


@Language.factory("newsgraph_dates", default_config={"dates": [], "grammar": [], "speech_verbs": []},
                  requires=PARSE, assigns=["doc._.dates"])
def make_dates(nlp: Language, name: str, dates: list[str], grammar: list[str], speech_verbs: list[str]) -> DateStage:
    """Date expressions resolved against doc._.published; `dates`, `grammar` (modals, governing verbs) and
    `speech_verbs`: your files of each kind."""
    return DateStage(name, files={"dates": dates, "grammar": grammar, "speech_verbs": speech_verbs})


@Language.factory("newsgraph_events", default_config={"patterns": [], "grammar": [], "speech_verbs": []},
                  requires=[*PARSE, "doc._.actors", "doc._.dates"], assigns=["doc._.events"])
def make_events(nlp: Language, name: str, patterns: list[str], grammar: list[str],
                speech_verbs: list[str]) -> EventStage:
    """PLOVER events; `patterns`, `grammar` and `speech_verbs` (a quote's speaker): your files of each kind."""
    return EventStage(name, files={"patterns": patterns, "grammar": grammar, "speech_verbs": speech_verbs})


@Language.factory("newsgraph_quotes", default_config={"speech_verbs": []},
                  requires=[*PARSE, "doc._.actors"], assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str, speech_verbs: list[str]) -> QuoteStage:
    """Quotes with their speakers; `speech_verbs`: your speech-verb files."""
    return QuoteStage(name, files={"speech_verbs": speech_verbs})


def add_stages(nlp: Language, resources: Resources | None = None) -> Language:
    """Add all four components to `nlp` in order, sharing one resource bundle."""
    for name in STAGES:
        nlp.add_pipe(name)
    for stage in stages_of(nlp):
        stage.initialize(nlp=nlp, resources=resources)
    return nlp


def stages_of(nlp: Language) -> list[Stage]:
    """The four newsgraph components of `nlp`, in order."""
    return [cast(Stage, nlp.get_pipe(name)) for name in STAGES]
