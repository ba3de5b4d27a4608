"""A pronoun that stands for an act, not a side: "criticised the launches, saying they breached ...", "condemned the
strike, calling it brutal", "said the killing had been planned ..., and called it a savage murder".

The actors stage leaves such a pronoun without a side (it is no state's or body's mention) and the events stage reads
it as the act, whose doer is then the one judged. Both ask :func:`act_antecedent`, so they agree on which pronouns
these are.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..resources.grammar import Grammar
from ..resources.lexicon import Lexicon
from .lemmas import lemma_candidates
from .quotation import quotation

# Grammar, not knowledge: the pronouns an act noun can be retold by, and the number each needs.
PRONOUN_NUMBER = {"it": "NN", "they": "NNS", "them": "NNS"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# the arguments of a clause that may name the act commented on: its subject, object or complement first, then the
# nouns of its prepositions ("within hours of the launches"); never an agent ("by a team flown in")
CORE_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd"})
PHRASE_DEPS = frozenset({"pobj", "conj"})
LINK_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp"})  # how a comment hangs on the clause it comments on
MAX_LINKS = 3


def is_act_noun(noun: Token, lexicon: Lexicon, grammar: Grammar, *, verbs: bool = True,
                forms: Iterable[str] | None = None) -> bool:
    """A noun that names an act: one that retells acts ("the move", "the deal"), or an event noun the lexicon knows
    ("the strike", "the launches", "the killing"), or with `verbs` the noun of a verb it knows; `forms`: the lemmas to
    look up (its lemma candidates unless given, e.g. an act nominal's verb: "closure" ... "close")."""
    lemma = noun.lemma_.lower()
    kinds = ("noun", "verb") if verbs else ("noun",)
    return lemma in grammar.retold_nouns or lemma in grammar.decision_nouns or any(
        lexicon.knows(kind, form) for kind in kinds for form in (lemma_candidates(noun) if forms is None else forms))


def act_antecedent(pronoun: Token, lexicon: Lexicon, grammar: Grammar) -> Token | None:
    """The act noun a third-person pronoun stands for, when it comments on an act its own sentence names just
    before: the pronoun is the subject of a clause a verb tells ("saying they breached", "said it undermined") or
    the object of a naming verb ("calling it brutal", "called them a direct challenge"), and that verb hangs on a
    clause (its own, or one it is coordinated with or subordinate to) whose nearest noun of the pronoun's number
    is an act noun. None otherwise, and always when that noun names something else ("condemned the attack on the
    hospital, saying it ...": the hospital, so no reading)."""
    number = PRONOUN_NUMBER.get(pronoun.lower_)
    if number is None or pronoun.tag_ != "PRP":
        return None
    comment = _comment_verb(pronoun, grammar)
    if comment is None:
        return None
    clause = comment
    for _ in range(MAX_LINKS):
        if (noun := _nearest_noun(clause, comment, pronoun, number)) is not None:
            # an event noun, not any noun a verb pattern shares ("in early trading", "to meet demand")
            return noun if is_act_noun(noun, lexicon, grammar, verbs=False) else None
        if clause.dep_ not in LINK_DEPS or clause.head.i == clause.i:
            break
        clause = clause.head
    return _named_before(pronoun, comment, number, lexicon, grammar)


def _named_before(pronoun: Token, comment: Token, number: str, lexicon: Lexicon, grammar: Grammar) -> Token | None:
    """"Egypt welcomed the agreement as a step toward stability. The AU chief called it an important step": the
    object of a naming verb that is its sentence's main verb, with no noun before it but its subject, stands for
    the nearest act noun of the sentence before (its subject, object or complement first), if that is one."""
    doc, start = pronoun.doc, pronoun.sent.start
    if pronoun.dep_ != "dobj" or comment.dep_ != "ROOT" or start == 0:
        return None
    noun = _nearest_noun(doc[start - 1].sent.root, None, pronoun, number)
    # a word quoted ("called it a 'vote now, pay later' Budget") is someone's phrase, not the act told
    return noun if noun is not None and not quotation(doc).inside_mask[noun.i] \
        and is_act_noun(noun, lexicon, grammar, verbs=False) else None


def _comment_verb(pronoun: Token, grammar: Grammar) -> Token | None:
    """The verb whose comment the pronoun is in: "saying" of "saying they breached", "calling" of "calling it
    brutal" (the parser may make "it brutal" a clause of its own)."""
    head = pronoun.head
    if pronoun.dep_ == "dobj" and head.lemma_.lower() in grammar.naming_verbs:
        return head
    if pronoun.dep_ in SUBJECT_DEPS and head.dep_ in ("ccomp", "oprd") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


def _nearest_noun(clause: Token, comment: Token | None, pronoun: Token, number: str) -> Token | None:
    """The last noun of `number` that `clause` has as its subject, object or complement before the pronoun (in its
    subtree, less the comment's own and less relative clauses and agents inside it), failing that the last such
    noun of a preposition ("said the killing inside the building had been planned ...": the killing); or None.
    With no `comment`, `clause` is the main verb of the sentence before the pronoun's."""
    # the comment's own subject tells it ("and the minister said it ..."); an earlier clause's words are commented on
    skipped = set() if comment is None else {t.i for t in comment.subtree} if clause is not comment \
        else {t.i for s in comment.children if s.dep_ in SUBJECT_DEPS for t in s.subtree}
    # nor what a phrase put before the clause's subject sets the scene with ("In response to demand, X said it ...")
    subjects = [s for s in clause.children if s.dep_ in SUBJECT_DEPS]
    start = subjects[0].left_edge.i if subjects else clause.left_edge.i
    nouns = [t for t in clause.subtree if start <= t.i < pronoun.i and t.i not in skipped and t.tag_ == number
             and t.pos_ == "NOUN" and t.dep_ in CORE_DEPS | PHRASE_DEPS and not _in_aside(t, clause)]
    core = [t for t in nouns if t.dep_ in CORE_DEPS] or nouns
    return core[-1] if core else None


def _in_aside(tok: Token, clause: Token) -> bool:
    """Whether a noun lies in a relative or participial clause or an agent phrase between it and `clause` ("a team
    flown in from Riyadh", "by a team"): it names no act the clause is about."""
    node = tok
    while node.i != clause.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "agent") or (node.dep_ == "pobj" and node.head.lower_ == "by"):
            return True
        node = node.head
    return False
