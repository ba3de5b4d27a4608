"""The PLOVER event lexicon: types, modes and predicate patterns, loaded from data files.

The built-in files live in ``newsgraph/data/plover/``; users add their own pattern files
(same format) through ``load_lexicon(extra=...)`` or ``$NEWSGRAPH_PLOVER_PATTERNS``. Their
patterns are appended, and a user's pattern wins a tie with a shipped one. The pattern language
is described in ``data/plover/README.md``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .files import DATA_DIR, DataFile, ResourceError, is_shipped, read_yaml

PLOVER_DIR = DATA_DIR / "plover"
DIRECT_OBJECT = ""  # the "preposition" of a target slot written as a bare T
TARGET_SLOT = re.compile(r"^T(!)?(?:@([a-z|]+))?$")
POSSESSOR = "poss"  # a noun's possessor as its target: "poss T" in "Berisha's arrest"
# Words that, right before T, are the verb's particle and leave T the direct object: "hunt down T".
PARTICLES = frozenset({"down", "up", "out", "off", "away", "back", "over", "aside"})


@dataclass(frozen=True)
class EventType:
    """One PLOVER type with its quad class, base intensity and per-mode intensities."""

    name: str
    quad_class: str
    intensity: float
    modes: dict[str, float]
    requires_target: bool
    symmetric: bool
    place_is_source: bool = False  # protesters are often named only by where they gather
    place_is_target: bool = False  # an attack "in Pakistan" with no named victim hits Pakistan
    located_source: bool = False  # "hundreds of people rallied in Istanbul": the crowd is of the place's state
    located_target: bool = False  # "attacked a train near Sibi": the place's state is hit
    noun_modifier_source: bool = True  # "Israeli airstrikes" names who struck; "the Iran deal" is not Iran's
    joint: bool = False  # several sources and no target is a complete event ("A and B clashed")
    coded_targets_only: bool = False  # targets without a code are dropped
    parties_only: bool = False  # a target phrase must name a party, not a party's thing ("Brown's speech")

    def intensity_of(self, mode: str | None) -> float:
        return self.modes.get(mode, self.intensity) if mode else self.intensity


@dataclass(frozen=True)
class Pattern:
    """A predicate (verb or event noun) with the words it needs and where its target sits.

    ``words`` are required dependents, each a set of alternative lemmas; ``forbidden`` must
    not occur; ``target_preps`` lists the prepositions that introduce the target
    (``""`` is the direct object).
    """

    id: str
    kind: str  # verb | noun
    type: str
    mode: str | None
    lemmas: frozenset[str]
    words: tuple[frozenset[str], ...] = ()
    forbidden: frozenset[str] = frozenset()
    target_preps: tuple[str, ...] = ()
    text: str = ""
    target_required: bool = False  # written "T!": without a target the pattern does not apply
    target_kinds: frozenset[str] = frozenset()  # written "T@organisation": only such targets fit
    user: bool = False  # from a user's file: wins a tie with a shipped pattern

    @property
    def specificity(self) -> int:
        return 2 * len(self.words) + (1 if self.target_preps else 0)

    @property
    def rank(self) -> tuple[int, bool]:
        """How patterns matching at one trigger are ordered: the more specific, then the user's."""
        return self.specificity, self.user


@dataclass
class Lexicon:
    types: dict[str, EventType]
    patterns: list[Pattern] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index: dict[tuple[str, str], list[Pattern]] = {}
        for p in self.patterns:
            for lemma in p.lemmas:
                self._index.setdefault((p.kind, lemma), []).append(p)

    def for_lemma(self, kind: str, lemma: str) -> list[Pattern]:
        return self._index.get((kind, lemma.lower()), [])

    def knows(self, kind: str, lemma: str) -> bool:
        return (kind, lemma.lower()) in self._index


def _alternatives(word: str) -> frozenset[str]:
    return frozenset(w.lower().replace("_", " ") for w in word.split("|") if w)


def parse_pattern(text: str, *, kind: str, type_: str, mode: str | None, where: str) -> Pattern:
    """Turn ``"throw support behind T"`` into a :class:`Pattern`.

    Verb patterns start with the verb lemma; noun patterns mark the head noun with ``*``
    (or start with it). A word right before ``T`` is the target's preposition, unless it is a
    particle ("hunt down T"), which leaves ``T`` the direct object.
    """
    parts = text.split()
    if not parts:
        raise ResourceError(f"{where}: empty pattern under {type_}/{mode or '-'}")
    head_i = next((i for i, w in enumerate(parts) if w.startswith("*")), 0) if kind == "noun" else 0
    lemmas = _alternatives(parts[head_i].lstrip("*"))
    words: list[frozenset[str]] = []
    forbidden: set[str] = set()
    preps: list[str] = []
    rest = parts[:head_i] + parts[head_i + 1:]
    slot = next((TARGET_SLOT.match(w) for w in rest if TARGET_SLOT.match(w)), None)
    rest = ["T" if TARGET_SLOT.match(w) else w for w in rest]
    i = 0
    while i < len(rest):
        word, following = rest[i], rest[i + 1] if i + 1 < len(rest) else None
        if word == "T":
            preps.append(DIRECT_OBJECT)
        elif following == "T" and not (kind == "verb" and _alternatives(word) <= PARTICLES):
            preps.extend(_alternatives(word))
            i += 1
        elif word.startswith("!"):
            forbidden |= _alternatives(word[1:])
        else:
            words.append(_alternatives(word))
        i += 1
    short = " ".join(w.lstrip("*").split("@")[0].rstrip("!").split("|")[0] for w in parts)
    slug = re.sub(r"[^a-z0-9+!]+", "-", short.lower()).strip("-")
    pid = f"{type_.lower()}{'.' + mode if mode else ''}:{slug}"
    return Pattern(id=pid, kind=kind, type=type_, mode=mode, lemmas=lemmas, words=tuple(words),
                   forbidden=frozenset(forbidden), target_preps=tuple(dict.fromkeys(preps)), text=text,
                   target_required=bool(slot and slot.group(1)),
                   target_kinds=_alternatives(slot.group(2) or "") if slot else frozenset())


def load_types(path: Path = PLOVER_DIR / "types.yaml") -> dict[str, EventType]:
    data = read_yaml(path)
    out: dict[str, EventType] = {}
    for name, spec in data.items():
        out[name] = EventType(
            name=name, quad_class=spec["quad_class"], intensity=float(spec["intensity"]),
            modes={m: float(v) for m, v in (spec.get("modes") or {}).items()},
            requires_target=bool(spec.get("requires_target", True)), symmetric=bool(spec.get("symmetric", False)),
            place_is_source=bool(spec.get("place_is_source", False)),
            place_is_target=bool(spec.get("place_is_target", False)),
            located_source=bool(spec.get("located_source", False)),
            located_target=bool(spec.get("located_target", False)),
            noun_modifier_source=bool(spec.get("noun_modifier_source", True)),
            joint=bool(spec.get("joint", spec.get("symmetric", False))),
            coded_targets_only=bool(spec.get("coded_targets_only", False)),
            parties_only=bool(spec.get("parties_only", False)),
        )
    return out


def load_patterns(path: Path, types: dict[str, EventType]) -> list[Pattern]:
    """Read one pattern file: ``{verbs|nouns: {TYPE: {mode or '-': [pattern, ...]}}}``."""
    data = read_yaml(path)
    out: list[Pattern] = []
    for section, kind in (("verbs", "verb"), ("nouns", "noun")):
        for type_, by_mode in (data.get(section) or {}).items():
            if type_ not in types:
                raise ResourceError(f"{path}: unknown PLOVER type {type_!r}; use one of {', '.join(types)}")
            for mode, texts in (by_mode or {}).items():
                mode_name = None if mode in ("-", None) else str(mode)
                if mode_name and mode_name not in types[type_].modes:
                    raise ResourceError(f"{path}: {type_} has no mode {mode_name!r}; add it to types.yaml first")
                out.extend(parse_pattern(t, kind=kind, type_=type_, mode=mode_name, where=str(path))
                           for t in texts or [])
    return out


def build_lexicon(files: tuple[Path, ...]) -> Lexicon:
    types = load_types()
    patterns = [replace(p, user=not is_shipped(path)) for path in files for p in load_patterns(path, types)]
    return Lexicon(types=types, patterns=patterns)


LEXICON = DataFile("PLOVER pattern", "NEWSGRAPH_PLOVER_PATTERNS",
                   lambda: sorted(PLOVER_DIR.glob("patterns*.yaml")), build_lexicon)
load_lexicon = LEXICON.load
