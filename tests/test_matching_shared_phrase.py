"""Patterns tried at one trigger share one reading of its phrase (`match_patterns`): the result must be what
trying each pattern on its own, walking the parse afresh, gives. The oracle below is that walk, written plainly.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Token

from newsgraph.language.lemmas import lemma_candidates
from newsgraph.resources.lexicon import load_lexicon
from newsgraph.stages.events.arguments import frame
from newsgraph.stages.events.matching import (
    clause_dep,
    match_patterns,
    multiword_prep,
    relative_object,
    trigger_kind,
)

# Sentences of our own writing: particles, "to" clauses, passives, forbidden words, "in front of".
SENTENCES = [
    "The rebels pledged to hold talks with the government in Nairobi next month.",
    "Sanctions were imposed on the oil company by the European Union on Friday.",
    "Police cracked down on protesters who gathered in front of the parliament.",
    "The president called on both sides to lay down their weapons and return to talks.",
    "The minister refused to meet the delegation, calling its demands baseless.",
    "Troops pulled out of the town after a week of shelling.",
    "The council urged member states to send humanitarian aid to the flooded region.",
    "Officials said the ceasefire would be extended if the prisoners were released.",
    "The accord that the two rebel groups signed in Doha collapsed within a week.",
    "Observers praised the charter that the delegates put their names to in Geneva.",
]


PACTS = load_lexicon().classes["pact"]


def _oracle(pattern, trigger: Token) -> tuple[list[str], list[int]]:
    """A pattern's missing words and consumed tokens, read off the parse for this pattern alone."""
    relative = relative_object(trigger, PACTS)
    words = frame(trigger) + [c for c in trigger.children if c.dep_ == "nsubjpass"] + relative
    clauses = [c for c in trigger.children if clause_dep(c) == "xcomp"] \
        if any("+xcomp" in alternatives for alternatives in pattern.words) else []
    heads = [trigger, *clauses]
    words += [w for clause in clauses for w in (clause, *frame(clause, depth=2))]
    attach = {h.i for h in heads} | {c.i for h in heads for c in h.children
                                     if c.dep_ in ("dobj", "dative", "oprd", "attr", "nsubjpass")}

    def attached(tok: Token) -> bool:
        if tok.pos_ not in ("ADP", "PART") or tok.dep_ == "pobj":
            return True
        nested_of = tok.lower_ == "of" and tok.head.dep_ == "pobj" and tok.head.head.head.i in attach
        return tok.head.i in attach or nested_of

    missing: list[str] = []
    consumed: list[int] = []
    for alternatives in pattern.words:
        if all(w.startswith("+") for w in alternatives):
            hits = [c for c in trigger.children if "+" + clause_dep(c) in alternatives]
        else:
            hits = [t for t in words if (t.lemma_.lower() in alternatives or t.lower_ in alternatives
                                         or multiword_prep(t) & alternatives) and attached(t)
                    and (t not in relative or alternatives >= PACTS)]
        if hits:
            consumed.append(hits[0].i)
        else:
            missing.append("|".join(sorted(alternatives)))
    missing += [f"no '{t.text}'" for t in words
                if t.lemma_.lower() in pattern.forbidden or t.lower_ in pattern.forbidden]
    missing += [f"no {c.dep_} '{c.text}'" for c in trigger.children if "+" + c.dep_ in pattern.forbidden]
    return missing, consumed


@pytest.mark.parametrize("sentence", SENTENCES)
def test_shared_phrase_matches_each_pattern_as_alone(nlp, sentence: str) -> None:
    lexicon = load_lexicon()
    tried = 0
    for tok in nlp(sentence):
        kind = trigger_kind(tok)
        if kind is None:
            continue
        # every pattern of every lemma candidate, clause-needing and not mixed, so the shared phrase is reused
        patterns = [p for lemma in lemma_candidates(tok) for p in lexicon.for_lemma(kind, lemma)]
        for pattern, match in zip(patterns, match_patterns(patterns, tok, relative_objects=PACTS), strict=True):
            assert (match.missing, [t.i for t in match.consumed]) == _oracle(pattern, tok), (tok.text, pattern.id)
            tried += 1
    assert tried > 0
