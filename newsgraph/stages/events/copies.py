"""Acts told once and extended to another side: "Germany expelled four Russian diplomats, and Canada did the same",
"Britain imposed sanctions on Iran. France followed suit", "Poland also expelled four diplomats".

These helpers only read the words that extend an act (``copying_predicates``, ``added_side_words``); which act is
extended, and to whom it was aimed, is the coder's: the latest act it coded before (`coder._copied_acts`).
"""
from __future__ import annotations

from spacy.tokens import Token

from ...resources.grammar import Grammar

COPY_OBJECT_DEPS = frozenset({"dobj"})
COPY_ADVERB_DEPS = frozenset({"advmod", "npadvmod"})
COPY_WORD_DEPS = COPY_OBJECT_DEPS | COPY_ADVERB_DEPS  # "did the same", "did likewise"
SUBJECT_MARK_DEPS = frozenset({"appos", "det", "advmod"})  # "Germany, each ...", "each of them"


def copying_word(verb: Token, grammar: Grammar) -> Token | None:
    """The word that makes the verb retell the act told before ("did the same", "followed suit", "did likewise",
    "took the same step"), or None. A modifier of the object counts only on a noun of a taken act
    (``decision_nouns``): "took the same view" tells an opinion, not an act."""
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in COPY_WORD_DEPS and f"{lemma} {child.lower_}" in grammar.copying_predicates:
            return child
        if child.dep_ in COPY_OBJECT_DEPS and child.lemma_.lower() in grammar.decision_nouns:
            word = next((m for m in child.children if m.dep_ == "amod"
                         and f"{lemma} {m.lower_}" in grammar.copying_predicates), None)
            if word is not None:
                return word
    return None


def added_side(verb: Token, grammar: Grammar) -> Token | None:
    """The word that adds the verb's subject to the doers of an act told before: "also", "too", "as well" on the
    verb, "each" beside its subject ("Germany, France and Poland each expelled ...")."""
    words = grammar.added_side_words
    for child in verb.children:
        if child.dep_ in COPY_ADVERB_DEPS and (child.lower_ in words or _phrase(child) in words):
            return child
        if child.dep_ in ("nsubj", "nsubjpass"):
            mark = next((m for m in child.children if m.dep_ in SUBJECT_MARK_DEPS and m.lower_ in words), None)
            if mark is not None:
                return mark
    return None


def _phrase(tok: Token) -> str:
    return " ".join(t.lower_ for t in tok.subtree)
