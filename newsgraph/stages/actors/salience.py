"""Salience: which of several states a description continues — the one the sentence before is about.

Centering theory (Grosz, Joshi and Weinstein 1995): the next sentence most often continues the subject of the one
before, not the latest name. "Georgia's parliament passed the law. A European Commission spokesperson urged the
government to withdraw it": the government is Georgia's, though the Commission is named after it. "Sri Lanka's
cabinet approved a port deal with Japan. India said it would watch the island nation closely": both are island
nations, Sri Lanka is the one the story is about. The passes that resolve descriptions ask this only when
their own rule leaves more than one state.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..events.arguments import DASHES, DATELINE_TOKENS
from ..events.coder import PLACE_PREPS
from .registry import Registry

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj"})
NAMING_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos", "conj", "case"})


def salient_codes(registry: Registry, chunk: Span, codes: set[str]) -> set[str]:
    """Of `codes`, those the subject of the sentence before `chunk`'s names; none when that sentence also names
    another of them ("Israel struck targets in Lebanon. The government said ..." may be either's)."""
    sent = chunk.sent
    if sent.start == 0:
        return set()
    before = chunk.doc[sent.start - 1].sent
    body = after_dateline(before)
    subject = {t.i for s in before.root.children if s.dep_ in SUBJECT_DEPS for t in _phrase(s) if t.i >= body}
    named = {i: code for i in range(body, before.end) if (code := _code_at(registry, i)) in codes}
    about = {code for i, code in named.items() if i in subject}
    return set() if set(named.values()) - about else about


def _code_at(registry: Registry, i: int) -> str | None:
    actor_id = registry.token_actor.get(i)
    return registry.actors[actor_id].code if actor_id is not None else None


def named_before_in_sentence(registry: Registry, chunk: Span, ids: set[str], *, places: bool) -> bool:
    """Whether one of the actors `ids` is named in `chunk`'s own sentence before it, other than by the subject of
    the clause it is the object of ("A German foreign ministry spokesman called on the government": the asker is
    not the one asked) and, unless `places`, other than as a place ("Speaking in Paris, ... the young country").
    Such a nearer name is the one meant ("Mauritius said the country would appeal")."""
    asker = {t.i for s in _object_clause_subjects(chunk.root) for t in _phrase(s)}
    for tok in chunk.doc[chunk.sent.start:chunk.start]:
        if registry.token_actor.get(tok.i) in ids and tok.i not in asker and (places or not is_place(tok)):
            return True
    return False


def is_place(tok: Token) -> bool:
    """Whether a name is where something happens ("speaking in Paris", "seized at a site in Ghana"), not who takes
    part."""
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS


def in_dateline(tok: Token) -> bool:
    """Whether a token is part of the dateline a story opens with ("NAIROBI, Kenya (AP) — ")."""
    return tok.i < after_dateline(tok.sent)


def _object_clause_subjects(tok: Token) -> list[Token]:
    """The subjects of the clause whose object (or an object's preposition's object) `tok` is."""
    if tok.dep_ not in OBJECT_DEPS:
        return []
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS]


def after_dateline(sent: Span) -> int:
    """Where a sentence (or a span opening one) with a dateline ("GABORONE, Botswana (AP) — ") begins its own words;
    the parse often hangs the dateline on the subject, but the place a story was filed from is not what it is about."""
    if not sent[0].text.isupper():
        return sent.start
    dash = next((t.i for t in sent[:DATELINE_TOKENS] if t.text in DASHES), None)
    return sent.start if dash is None else dash + 1


def _phrase(head: Token) -> Iterator[Token]:
    """The subject's head, owners, modifiers, apposition, coordinates and "of" phrase: "Georgia's parliament", "the
    island of Fiji", "Bahrain's foreign minister, Abdullatif al-Zayani"; not "a delegation from Chad", which is
    about the delegation, nor the subject's clauses ("Kosovo's bid to join the Council of Europe")."""
    yield head
    for child in head.children:
        if child.dep_ in NAMING_DEPS:
            yield from _phrase(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            yield from (t for g in child.children if g.dep_ == "pobj" for t in _phrase(g))
