"""Implicit participants: the other side of an act named only in an earlier sentence, or only by the story's scene.

"Two rivals signed a pact. Egypt welcomed the signing": the signing is the pact's act, told by its verb. These
helpers read such back-references without a word list of their own: a gerund names its verb's act by English
morphology, and the grammar's `act_nominals` give the nouns whose verb has another form ("closure" ... "close").
"""
from __future__ import annotations

from spacy.tokens import Token

from ...language.lemmas import lemma_candidates
from ...resources.grammar import Grammar

GERUND_ENDING = "ing"


def act_lemmas(noun: Token, grammar: Grammar) -> set[str]:
    """The verb lemmas whose act the noun may retell: its own lemma, the verb of an act nominal ("closure" ...
    "close"), and the stems of a gerund ("the signing" ... "signed", "the shelling" ... "shelled")."""
    lemma = noun.lemma_.lower()
    lemmas = {lemma, grammar.act_nominals.get(lemma, lemma)}
    if noun.pos_ == "NOUN" and noun.lower_.endswith(GERUND_ENDING):
        stem = noun.lower_[: -len(GERUND_ENDING)]
        lemmas.update(lemma_candidates(noun))
        if len(stem) > 2 and stem[-1] == stem[-2]:  # "ramming" ... "rammed": the doubled consonant undone
            lemmas.add(stem[:-1])
    return lemmas
