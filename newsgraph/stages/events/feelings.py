"""Dismay aimed at another side's act: "Ruto said he was deeply troubled by the detention of two activists by
Tanzanian police", "Abuja was appalled by Pretoria's handling of the attacks", "outraged at Moscow's remarks".

PLOVER's ACCUSE covers expressed disapproval; saying one is horrified or appalled by an act is the same
disapproval as "expressed outrage at" (a pattern of the lexicon), told as a state instead of a speech act. This
module reads the parse only: which clause is such a feeling and which nouns it is aimed at; the coder decides who
felt it and whose act it was. The words are grammar.yaml's ``dismay_feelings`` and ``dismay_preps``.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...resources.grammar import Grammar


def dismay(feeling: Token, grammar: Grammar) -> tuple[Token, list[Token]] | None:
    """The clause a word of dismay makes (the passive verb itself, "was troubled by", or the copula of an
    adjective, "was outraged at") and the nouns its "by"/"at"/"over" phrases aim it at, if it is one."""
    if feeling.lower_ not in grammar.dismay_feelings:
        return None
    if feeling.dep_ == "acomp" and feeling.head.lemma_.lower() in ("be", "feel"):  # "remains concerned": standing
        clause = feeling.head  # the parser tags the word VERB or ADJ: either way the copula holds the subject
    elif feeling.pos_ == "VERB" and feeling.dep_ not in ("amod", "acl", "acomp"):  # "the alarmed residents"
        clause = feeling
    else:
        return None
    aimed = [o for p in feeling.children if p.dep_ in ("agent", "prep") and p.lower_ in grammar.dismay_preps
             for o in p.children if o.dep_ == "pobj"]
    return (clause, aimed) if aimed else None


def dismay_aims(clause: Token, grammar: Grammar) -> list[Token]:
    """The nouns the dismay of a clause :func:`dismay` found is aimed at: of the clause's own word ("was troubled
    by") or its adjective's ("was outraged at")."""
    for word in (clause, *(c for c in clause.children if c.dep_ == "acomp")):
        if (felt := dismay(word, grammar)) is not None and felt[0] == clause:
            return felt[1]
    return []


def felt_then(clause: Token) -> bool:
    """"was appalled", "were horrified", "has been shocked": a feeling in a past tense (its auxiliaries' or its
    copula's), felt at the time of the story, not a standing state ("are alarmed by")."""
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")] or [clause]
    return any(t.tag_ == "VBD" or t.lemma_.lower() == "have" for t in auxes)


def felt_by(clause: Token) -> list[Token]:
    """Who is dismayed: the clause's own subject ("he" of "he was appalled by ..."), or the subject of the clause
    it is joined to ("Abuja summoned the envoy and was appalled by ..."), never the "by" phrase."""
    while True:
        own = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if own or clause.dep_ != "conj":
            return own
        clause = clause.head


def deed_clauses(noun: Token) -> list[Token]:
    """"the way U.S. officers had treated the deportees": the clauses on a noun that tell who did what it names."""
    return [c for c in noun.children if c.dep_ == "relcl"]


def instrument_nouns(noun: Token) -> list[Token]:
    """"the killing of civilians in a drone strike by the RSF": the nouns of a noun's "in" phrase (or of the
    feeling's, where the parser may hang it), whose doer is the doer of the noun's act too."""
    heads = [noun, noun.head.head] if noun.dep_ == "pobj" else [noun]
    return [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "in"
            for o in p.children if o.dep_ == "pobj"]
