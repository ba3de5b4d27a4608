"""Words that introduce speech (reporting and verdict verbs, speech nouns, "according to"): ``data/speech_verbs.yaml``.

Users layer their own files of the same layout over it with ``load_speech_lexicon(extra)`` or
``$NEWSGRAPH_SPEECH_VERBS``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from spacy.tokens import Doc, Token

from ..stages.lookups import fine_tags, lower_lemmas, lower_words, pos_tags
from .files import DATA_DIR, DataFile, ResourceError, layered_yaml

SPEECH_VERBS_FILE = DATA_DIR / "speech_verbs.yaml"
REPORTING_FLAGS_KEY = "newsgraph.reporting_flags"


@dataclass(frozen=True)
class SpeechLexicon:
    """Words that introduce speech; loaded from ``data/speech_verbs.yaml`` and user files."""

    reporting: frozenset[str]  # lemmas and inflected forms of reporting verbs: the one list every stage reads
    phrasal: dict[str, frozenset[str]]  # verb lemma -> particles ("point" -> {"out"})
    verdict: frozenset[str]  # lemmas and forms of verdict verbs (call, describe, hail)
    nouns: frozenset[str]  # things a speaker issues (statement, post, report)
    offices: frozenset[str]  # who speaks for their possessor ("Netanyahu's office said")
    indirect: frozenset[str]  # the reporting lemmas whose complement clause is reported speech
    source_phrases: tuple[tuple[str, ...], ...]  # ("according", "to")
    echo_nouns: frozenset[str] = frozenset()  # '"..." That was the warning from X': what names the speaker after
    occasions: frozenset[str] = frozenset()  # whom or where a speaker speaks to ("told reporters", "a news conference")

    def is_reporting(self, tok: Token) -> bool:
        """A verb that reports speech ("said", "pointed out"). Rules of every stage ask it of the same words, so a
        Doc's answers are worked out once, for all its words (:meth:`reporting_flags`)."""
        return self.reporting_flags(tok.doc)[tok.i]

    def reporting_flags(self, doc: Doc) -> list[bool]:
        """Whether each token of `doc` is a reporting verb, read off the Doc's kept word arrays and kept in
        ``doc.user_data`` (under this lexicon's identity: another lexicon may answer otherwise)."""
        key = f"{REPORTING_FLAGS_KEY}:{id(self)}"
        flags = doc.user_data.get(key)
        if not isinstance(flags, list) or len(flags) != len(doc):
            pos, tags, lower, lemmas = pos_tags(doc), fine_tags(doc), lower_words(doc), lower_lemmas(doc)
            flags = doc.user_data[key] = [
                (pos[i] == "VERB" or tags[i].startswith("VB"))  # not "State" in "the State Department", "post" the noun
                and (lower[i] in self.reporting or lemmas[i] in self.reporting or self._phrasal_at(doc, i, lemmas[i]))
                for i in range(len(doc))]
        return flags

    def _phrasal_at(self, doc: Doc, i: int, lemma: str) -> bool:
        """"pointed out": a verb that reports with its particle only."""
        particles = self.phrasal.get(lemma, frozenset())
        return bool(particles) and any(c.dep_ == "prt" and c.lower_ in particles for c in doc[i].children)

    def is_verdict(self, tok: Token) -> bool:
        return tok.pos_ == "VERB" and (tok.lower_ in self.verdict or tok.lemma_.lower() in self.verdict)

    @cached_property
    def source_phrase_openers(self) -> frozenset[str]:
        """The first words of the source phrases ("according"): a word that is none of them starts none."""
        return frozenset(phrase[0] for phrase in self.source_phrases if phrase)

    def source_phrase_at(self, tok: Token) -> tuple[str, ...] | None:
        """The source phrase ("according to") that starts at `tok`, if any."""
        doc = tok.doc
        first = tok.lower_
        for phrase in self.source_phrases:
            if phrase and phrase[0] != first:  # asked of every token: most start no phrase, so no slice of the doc
                continue
            end = tok.i + len(phrase)
            if end <= len(doc) and tuple(t.lower_ for t in doc[tok.i:end]) == phrase:
                return phrase
        return None


def build_speech_lexicon(files: tuple[Path, ...]) -> SpeechLexicon:
    data = layered_yaml(files)
    phrasal = data.get("phrasal_verbs") or {}
    reporting = frozenset(_verb_forms(data.get("reporting_verbs"), files))
    indirect = frozenset(str(n).lower() for n in data.get("indirect_speech_verbs") or [])
    if indirect - reporting:  # one list of reporting verbs: the indirect ones are some of them
        raise ResourceError(f"{files[-1]}: indirect_speech_verbs {', '.join(sorted(indirect - reporting))} "
                            "are not under reporting_verbs; add them there too")
    return SpeechLexicon(
        reporting=reporting,
        phrasal={str(verb).lower(): frozenset(str(p).lower() for p in particles or [])
                 for verb, particles in phrasal.items()},
        verdict=frozenset(_verb_forms(data.get("verdict_verbs"), files)),
        nouns=frozenset(str(n).lower() for n in data.get("speech_nouns") or []),
        offices=frozenset(str(n).lower() for n in data.get("speaking_offices") or []),
        indirect=indirect,
        source_phrases=tuple(sorted({tuple(str(p).lower().split()) for p in data.get("source_phrases") or []},
                                    key=len, reverse=True)),
        echo_nouns=frozenset(str(n).lower() for n in data.get("echo_nouns") or []),
        occasions=frozenset(str(n).lower() for n in data.get("speaking_occasions") or []),
    )


def _verb_forms(section: object, files: tuple[Path, ...]) -> set[str]:
    if section is None:
        return set()
    if not isinstance(section, dict):
        raise ResourceError(f"{files[-1]}: verb sections map a lemma to its forms, e.g. `say: [says, said, saying]`")
    forms = {str(lemma).lower() for lemma in section}
    for values in section.values():
        forms |= {str(v).lower() for v in values or []}
    return forms


SPEECH_VERBS = DataFile("speech-verb", "NEWSGRAPH_SPEECH_VERBS", lambda: [SPEECH_VERBS_FILE], build_speech_lexicon)
load_speech_lexicon = SPEECH_VERBS.load
