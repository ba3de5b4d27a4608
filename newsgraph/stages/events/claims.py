"""Whose an act told without its doer is: the side that claims it, or is blamed for it, close by.

"Seven soldiers were killed when their patrol was ambushed. The Islamic State claimed the attack." and "Three
villagers were detained on Sunday, the ministry said, blaming Russian forces": a passive act with no agent is done
by the side that its own sentence or the next one says claimed it or is to blame (``attribution_verbs``).
"""
from __future__ import annotations

from spacy.tokens import Token

from ...records import Actor, ActorTable
from ...resources.grammar import Grammar
from ...resources.lexicon import Lexicon
from ...resources.speech_verbs import SpeechLexicon
from .arguments import is_passive, subject_tokens, token_actors

# The act's own sentence and the next: a claim or a blame is told right after the act it is about.
CLAIM_SENTENCES = 2
BLAMED_PREPS = frozenset({"on", "to"})  # "blamed the raid on X", "attributed the blast to X"


def claimed_doers(verb: Token, etype: str, *, actors: ActorTable, grammar: Grammar, lexicon: Lexicon,
                  speech: SpeechLexicon) -> tuple[list[Actor], str] | None:
    """The side a passive act with no "by" phrase is claimed by or blamed on, and how it was found; None when the
    act has its agent or nothing near names one."""
    if not is_passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return None
    doc, end = verb.doc, verb.sent.end
    for _ in range(CLAIM_SENTENCES - 1):
        end = doc[end].sent.end if end < len(doc) else end
    for tok in doc[verb.sent.start:end]:
        if tok.i == verb.i or tok.pos_ != "VERB" or tok.lemma_.lower() not in grammar.attribution_verbs \
                or is_passive(tok):
            continue
        found = [a for t in _doer_tokens(tok, etype, grammar, lexicon)
                 for a in token_actors(t, actors, grammar, speech, as_source=True)]
        if found:
            return found, f"named by '{tok.text}'"
    return None


def _doer_tokens(verb: Token, etype: str, grammar: Grammar, lexicon: Lexicon) -> list[Token]:
    """Who an active claiming or blaming verb names as the doer: its "on"/"to" side ("blamed the raid on X"), its
    subject when its object is the act ("X claimed the attack", "X claimed responsibility"), else its object, the
    side blamed ("blaming Russian forces")."""
    named = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in BLAMED_PREPS
             for o in p.children if o.dep_ == "pobj"]
    if named:
        return named
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(_names_the_act(o, etype, grammar, lexicon) for o in objects):
        return subject_tokens(verb)[0]
    # "blamed France for arming the rebels" blames another act; "blamed smugglers for the attack" this one
    blamed_for = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children
                  if g.dep_ in ("pobj", "pcomp")]
    if any(not _names_the_act(g, etype, grammar, lexicon) for g in blamed_for):
        return []
    return objects


def _names_the_act(word: Token, etype: str, grammar: Grammar, lexicon: Lexicon) -> bool:
    """"the attack", "responsibility", "the killings" (a noun of the act's type), "killing them" (a verb of it)."""
    lemma = word.lemma_.lower()
    kind = "verb" if word.pos_ == "VERB" else "noun"
    return lemma in grammar.responsibility_nouns or lemma in grammar.retold_nouns \
        or any(p.type == etype for p in lexicon.for_lemma(kind, lemma))
