"""Modality and tense cues, read the same way by event qualifiers and by date resolution.

Modals ("will" future; "may", "would" hypothetical), governing verbs (future: "plans to";
wished or asked for: "wants to", "urged X to"; otherwise hypothetical: "is able to"; negating:
"refused to"), negators and condition marks all come from ``data/plover/grammar.yaml``
(:class:`~newsgraph.resources.grammar.Grammar`). Events turn them into qualifiers
(:func:`qualifiers_of`); the dates stage asks whether a clause looks ahead (:func:`modal_mood`,
:func:`looks_ahead`) so a bare weekday falls after the article's date.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..resources.grammar import Grammar

ALLEGING_VERBS = frozenset({"accuse", "charge", "suspect", "blame", "convict", "indict", "allege", "acquit"})
# Prepositions whose gerund is done by the governing verb's object: "accused X of attacking", "warned X against
# sending", "stopped X from entering"; a time preposition ("told reporters after meeting X") is not one of them.
CONTROL_PREPS = frozenset({"of", "against", "from", "for", "into"})


def is_infinitive(clause: Token) -> bool:
    """A clause marked by "to" ("urged X to withdraw", "gave X until Sunday to accept"), whatever label the
    parser gives it."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def calls_off(verb: Token, grammar: Grammar) -> bool:
    """Whether a governing verb denies what it governs ("refused to", ``negating_governors``), read with its particle
    as well: the parser lemmatises "called off" to "call", so a phrasal entry ("call off") is matched here."""
    lemma = verb.lemma_.lower()
    return lemma in grammar.negating_governors or any(
        c.dep_ == "prt" and f"{lemma} {c.lower_}" in grammar.negating_governors for c in verb.children)


def finite_conjunct_governor(verb: Token) -> Token | None:
    """The verb a past-tense verb is really coordinated with when the parser hangs it on a non-finite one: on a
    preposition's gerund ("accused Belarus of pushing migrants and blamed Russia") or on a "to" infinitive ("decided
    to leave the bloc and accused ECOWAS"). A finite verb shares neither slot; it is the governing verb's second act,
    done, with that verb's subject. None for any other verb."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD":
        return None
    if head.tag_ == "VBG" and head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.head.head.pos_ == "VERB":
        return head.head.head
    if head.tag_ == "VB" and head.dep_ == "xcomp" and is_infinitive(head) and head.head.pos_ == "VERB":
        return head.head
    return None


def modal_mood(word: str, grammar: Grammar) -> str | None:
    """"future" for "will", "hypothetical" for "may", "would" ...; None for any other word."""
    if word in grammar.modal_future:
        return "future"
    return "hypothetical" if word in grammar.modal_hypothetical else None


def asks_subject(clause: Token) -> bool:
    """"demanded that Manila withdraw", "insisted that Kyiv should hold elections": a "that" clause asks its subject;
    one in the past or the perfect tells a fact ("insisted that Ankara had made progress", "... that Russia was")."""
    return clause.tag_ not in ("VBD", "VBN") and not any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_ == "have") for c in clause.children)


def hypothetical_governors(grammar: Grammar) -> frozenset[str]:
    """Verbs whose complement is not a fact: the wished or asked for ("wants to") and the merely possible."""
    return grammar.hypothetical_governors | grammar.wish_governors


def looks_ahead(lemmas: set[str], grammar: Grammar) -> bool:
    """Whether a governing verb puts its "to" complement in the future: planned, or wished or asked for.

    The merely possible ("was able to", "voted to") is not placed in time, so it is left out.
    """
    return bool(lemmas & (grammar.future_governors | grammar.wish_governors))


def _done(verb: Token) -> bool:
    """A verb in the past ("voted", "had moved", "has voted"), not one still under way ("is moving") or ahead."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have"
                                                             for c in verb.children))


def _taken_decision(noun: Token, grammar: Grammar) -> bool:
    """"New Delhi's decision to suspend the treaty", "the move by Moscow to close ...": a decision its taker owns is
    taken, so what it decides is done; "any decision by Qatar to close" or "a possible move to" is not."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in grammar.decision_nouns:
        return False
    taker = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children)
    return taker and not any(c.lower_ in grammar.noun_hypothetical | grammar.noun_future for c in noun.children)


def _names_thing(verb: Token, grammar: Grammar) -> bool:
    """"China halted imports, a move Taipei called a political attack": a naming verb with its own object names
    what the clause did (the parser hangs that clause on it); it asks for nothing."""
    return verb.lemma_.lower() in grammar.naming_verbs and any(c.dep_ in ("dobj", "oprd") for c in verb.children)


def _enacted(child: Token, head: Token, grammar: Grammar) -> bool:
    """"voted to suspend", "decided to recall", "moved within hours to sever": the "to" clause of an enacting
    governor, whether the parser made it a complement or an adverbial clause; a governor with its own object
    ("moved troops to the border to deter") tells a purpose instead."""
    if head.lemma_.lower() not in grammar.enacting_governors:
        return False
    if child.dep_ == "xcomp":
        return True
    return child.dep_ == "advcl" and is_infinitive(child) and not any(c.dep_ == "dobj" for c in head.children)


def _governor_qualifier(child: Token, head: Token, grammar: Grammar) -> str | None:
    lemma = head.lemma_.lower()
    # "X denied that it struck Y" negates; a clause before the verb ("X accused Y, a charge Z denied") is a claim
    denied_clause = child.dep_ == "ccomp" and calls_off(head, grammar) and child.i > head.i
    if _enacted(child, head, grammar):
        if _done(head):
            return None
        return "future" if lemma in grammar.future_governors else "hypothetical"
    if child.dep_ == "xcomp" or denied_clause:
        if calls_off(head, grammar):
            return "negated"
        if lemma in grammar.future_governors:
            return "future"
        if lemma in hypothetical_governors(grammar):
            return "hypothetical"
    if child.dep_ == "ccomp" and lemma in hypothetical_governors(grammar) - {"warn", "tell", "say"} \
            and not _names_thing(head, grammar):
        return "hypothetical"
    if child.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in grammar.request_heads:
        return "hypothetical"
    if child.dep_ in ("acl", "relcl", "ccomp") and head.pos_ == "NOUN" and lemma in grammar.request_heads \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children) and asks_subject(child):
        return "hypothetical"  # "its demand that China lift the ban": asked for, not done
    governor = head.head.lemma_.lower()
    told = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
    if told and child.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.dep_ == "dobj" \
            and governor in grammar.denying_verbs:
        return "negated"  # "denied reports that it had supplied rockets": the act the report tells is denied
    if child.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in CONTROL_PREPS and (
            governor in ALLEGING_VERBS or governor in hypothetical_governors(grammar)
            or governor in grammar.enacting_governors):
        return "hypothetical"  # "accused X of attacking", "voted against sending": not established
    if child.dep_ in ("acl", "advcl") and is_infinitive(child) and not _taken_decision(head, grammar):
        return "hypothetical"  # "a deal to hand over", "went there to meet": the act is aimed at, not done
    return None


def _own_qualifiers(tok: Token, grammar: Grammar) -> set[str]:
    quals: set[str] = set()
    for c in tok.children:
        word = c.lower_
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "preconj") and word in grammar.negators - {"without"}):
            if tok.pos_ != "NOUN" or word in grammar.noun_negators or c.dep_ == "neg":
                quals.add("negated")
        elif c.dep_ == "aux" and (mood := modal_mood(word, grammar)):
            quals.add(mood)
        elif c.dep_ in ("amod", "compound") and word in grammar.noun_future:
            quals.add("future")
        elif c.dep_ in ("amod", "compound", "det") and word in grammar.noun_hypothetical:
            quals.add("hypothetical")  # "a possible strike", "any attack on Poland would be met ...": not an act
        elif c.dep_ == "mark" and word in grammar.condition_marks and tok.dep_ == "advcl":
            quals.add("conditional")
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        quals.add("negated")
    return quals


def past_anchor(prep: Token, grammar: Grammar) -> bool:
    """"agreed to resume flights after their meeting": an "after"/"since" phrase (``earlier_marks``) whose nearest
    finite verb is in the past tells what had happened by then, whatever the clauses in between promise or ask."""
    if prep.dep_ != "prep" or prep.lower_ not in grammar.earlier_marks:
        return False
    for verb in prep.ancestors:
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children) or verb.tag_ in ("VBZ", "VBP"):
            return False
        if verb.tag_ == "VBD":
            return True
    return False


def qualifiers_of(trigger: Token, grammar: Grammar, *, coordinated_with: Token | None = None) -> set[str]:
    """Whether the predicate is negated, future, hypothetical or conditional.

    Negation and modality of governing verbs pass down through "to" clauses and
    coordination ("did not agree to meet"), not through reported speech ("said that ...").
    `coordinated_with`: the verb a rule found the trigger really coordinated with, where the parser hung it
    elsewhere ("said French help would not end up in corrupt hands and pressed ...": "said", not "end").
    """
    quals = _own_qualifiers(trigger, grammar)
    child, transparent = trigger, True
    while child.head.i != child.i:
        if past_anchor(child, grammar):
            break
        head = (coordinated_with if child is trigger else None) or finite_conjunct_governor(child) or child.head
        found = _governor_qualifier(child, head, grammar)
        if found:
            quals.add(found)
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in grammar.condition_marks
                                         for c in child.children):
            quals.add("conditional")
        transparent = transparent and child.dep_ in ("xcomp", "conj", "dobj", "pobj", "prep", "compound", "amod")
        if transparent:
            quals |= {q for q in _own_qualifiers(head, grammar) if q != "conditional"}
        child = head
    return quals
