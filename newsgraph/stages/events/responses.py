"""Replies told after what they answer: "Kigali hit back on Tuesday, calling the remarks reckless", "Kurti refused",
"The EU answered within days, releasing aid", "Petro's government accepted the offer a day later".

News tells the accusation, demand, offer or act in one sentence and the reply in the next, naming the side answered
only before. A reply whose own phrase names nobody is aimed at that side: the one whose act against the replier the
sentence before told (a coded event), failing that the subject of that sentence's main verb, the side the story was
about. The reply is a bare response verb (``response_verbs``, ``retaliation_verbs``, ``bare_reply_verbs``) heading
its sentence, with the acts told as its manner ("by declaring", "calling", "with a warning", "and warned"), or an
acceptance or refusal of a proposal the article told ("the offer", "such a deal"). A yield naming nobody answers
only pressure aimed at the yielder; a rejection of retold claims that no coded accusation told answers the subject
of the sentence before when that sentence named the rejecter. A deed told as an answer ("Tokyo hit back, freezing
...", "In response, Ankara froze ...") is marked by the response word its clause hangs on, found by the same walk.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import count

from spacy.tokens import Token

from ...records import Actor
from ...resources.grammar import Grammar
from .arguments import subject_tokens

ActorLookup = Callable[[Token], list[Actor]]  # the actors a token's phrase names
OBJECT_DEPS = ("dobj", "ccomp", "xcomp")
AIMING_PREPS = ("to", "against", "at")  # "responded to X", "hit back at X": the phrase names what is answered
MANNER_PREPS = ("by", "with")  # "answered by declaring ...", "responded with a warning"
MANNER_CLAUSE_DEPS = ("advcl", "conj")  # "hit back, calling ...", "answered ..., and warned ...": a reply's manner
# How far up an answer's content hangs from the word that marks the response: "responded with penalties, closing
# borders" (closing - penalties - with - responded), through clauses, coordination and prepositions only.
RESPONSE_DEPTH = 4
RESPONSE_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "conj", "pobj", "prep", "pcomp", "acl"})


@dataclass(frozen=True)
class ToldAct:
    """An act kept before the reply, as the reply reads it: where it was told, who did it, at whom."""

    trigger: Token
    etype: str
    sources: list[Actor]
    targets: list[Actor]
    label: str


def response_head(trigger: Token, grammar: Grammar) -> Token | None:
    """The bare response verb heading the sentence that the trigger is, or tells the manner of: "refused",
    "hit back, calling ... and accusing ...", "answered by declaring ..., and warned ...", "responded with a
    warning"."""
    return next((tok for tok in answer_clauses(trigger, MANNER_CLAUSE_DEPS, through=MANNER_PREPS)
                 if _bare_response(tok, grammar)), None)


def response_marker(trigger: Token, grammar: Grammar) -> Token | None:
    """"Tokyo hit back, freezing the assets of ...", "responded with penalties", "In response, Ankara froze ...":
    the word that tells an act as the answer to something told before: a response or retaliation verb the act's
    clause hangs on, or an "in response" / "in retaliation" phrase on it that names nothing it answers (no "to").
    The act's own verb is no marker of itself ("Moscow retaliated" answers, but is not the answer's content)."""
    answers = grammar.response_verbs | grammar.retaliation_verbs
    nouns = grammar.response_nouns | grammar.retaliation_nouns
    for tok in answer_clauses(trigger, RESPONSE_CLAUSE_DEPS, depth=RESPONSE_DEPTH):
        if tok is not trigger and tok.pos_ == "VERB" and (
                tok.lemma_.lower() in answers or any(f"{tok.lemma_.lower()} {c.lower_}" in answers
                                                     for c in tok.children if c.dep_ in ("prt", "advmod"))):
            return tok
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"):
            for noun in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in nouns):
                if not any(c.dep_ == "prep" for c in noun.children):
                    return noun
    return None


def answer_clauses(trigger: Token, deps: Collection[str], *, through: Collection[str] = (),
                   depth: int | None = None) -> Iterator[Token]:
    """The trigger, then the words its clause hangs from, one a step while the step's dependency is one of `deps`
    (or an object of a `through` preposition, which is stepped over), for `depth` words at most: where a reply's
    verb or an answer's marker may stand. The walk ends past a clause with a subject of its own: "Kyiv hit back,
    and Poland recalled its envoy" tells Poland's recall as no answer."""
    tok = trigger
    for _ in count() if depth is None else range(depth):
        yield tok
        if tok.dep_ in deps:
            nxt = tok.head
        elif tok.dep_ in ("pcomp", "pobj") and tok.head.dep_ == "prep" and tok.head.lower_ in through:
            nxt = tok.head.head
        else:
            return
        if tok.pos_ != "NOUN" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return
        tok = nxt


def _bare_response(verb: Token, grammar: Grammar) -> bool:
    """A response verb as the sentence's main verb, aimed at nothing in its own phrase: "Kurti refused",
    "Moscow hit back", "the EU answered within days"."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    particles = {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "advmod")}
    responding = lemma in grammar.response_verbs | grammar.retaliation_verbs | grammar.bare_reply_verbs \
        or bool(particles & grammar.retaliation_verbs)
    aimed = any(c.dep_ in OBJECT_DEPS for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ in AIMING_PREPS and any(o.dep_ == "pobj" for o in c.children)
        for c in verb.children)
    return responding and not aimed


def retold_proposals(verb: Token, objects: Iterable[Token], grammar: Grammar, pacts: frozenset[str]) -> list[Token]:
    """"rebuffed the proposal", "would not accept such a deal": objects that retell a proposal the article told, with
    an anaphoric determiner: one of ``answerable_nouns``, or of the `pacts` class of patterns-verbs.yaml when one of
    ``bare_reply_verbs`` takes it ("signed the deal", "would respect the truce" answer nobody)."""
    proposed = grammar.answerable_nouns | (pacts if verb.lemma_.lower() in grammar.bare_reply_verbs else frozenset())
    return [o for o in objects if o.lemma_.lower() in proposed
            and any(c.dep_ in ("det", "predet") and c.lower_ in grammar.anaphoric_determiners for c in o.children)]


def answered_side(reply: Token, replier: set[str], told: list[ToldAct], actor_of: ActorLookup,
                  reporting: Callable[[Token], bool], *, answerable: frozenset[str],
                  subject_fallback: bool = True, neutral: bool = False) -> tuple[list[Actor], str]:
    """The side a reply answers: the doers of the latest act of an `answerable` type aimed at the replier told since
    the sentence before (and before the reply); with no act aimed at the replier told there at all (a visit is no
    act to hit back at, nor is its visitor the side answered), and `subject_fallback`, the coded subject of the
    previous sentence's main verb (for a `neutral` response, a sayer only when it told of a side); never the
    replier."""
    sent = reply.sent
    since = reply.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    aimed_at_replier = [act for act in told if since <= act.trigger.i < reply.i
                        and {a.code for a in act.targets if a.code} & replier]
    for act in reversed(aimed_at_replier):
        doers = [a for a in act.sources if a.code]
        if act.etype in answerable and doers and not {a.code for a in doers} & replier:
            return doers, f"answered: {act.label}, aimed at it just before"
    if aimed_at_replier or not subject_fallback:
        return [], "none"
    return subject_before(reply, replier, actor_of, reporting, neutral=neutral)


def subject_before(reply: Token, replier: set[str], actor_of: ActorLookup, reporting: Callable[[Token], bool], *,
                   naming_replier: bool = False, neutral: bool = False) -> tuple[list[Actor], str]:
    """The coded subject of the main verb of the sentence before the reply's, when none of it is the replier (and,
    with `naming_replier`, when that sentence names the replier's side: "Sandu said that Moscow had drawn up
    plans ... Russia called the claims unfounded")."""
    start = reply.sent.start
    if start == 0:
        return [], "none"
    before = reply.doc[start - 1].sent
    subjects = [a for t in subject_tokens(before.root)[0] for a in actor_of(t)]
    codes = {a.code for a in subjects}
    if not subjects or None in codes or codes & replier:
        return [], "none"
    if naming_replier and not any(a.code in replier for t in before if t.pos_ in ("PROPN", "NOUN", "ADJ")
                                  for a in actor_of(t)):
        return [], "none"
    # a bare "responded" may answer what was told, not its teller: the sayer is answered when what it said tells of
    # its own side or of the replier ("Abuja said the junta was starving its people"), not of neither ("The talks
    # ended without a deal, Qatar said"); one hits back at a sayer whatever it said
    said = [c for c in before.root.children if c.dep_ == "ccomp"] if reporting(before.root) else []
    if neutral and said and not any(
            a.code in codes | replier for c in said for t in subject_tokens(c)[0] for a in actor_of(t)):
        return [], "none"
    return subjects, f"answered: the subject of '{before.root.text}', the sentence before"
