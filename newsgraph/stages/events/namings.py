"""What a naming verb calls its object: "described Budapest's decision to grant asylum to a minister wanted on fraud
charges as a hostile act", "called Caracas's referendum on claiming the region a direct threat".

A naming verb's complement ends its phrase, often after a long object, and the parser then hangs it inside the
object: the "as" phrase on a participle of the object, or "a direct threat" as the object of a gerund the object
holds. Read off the dependency tree alone those complements are lost, so this module also reads them from where
they sit in the phrase.
"""
from __future__ import annotations

from spacy.tokens import Token

INDEFINITE_ARTICLES = frozenset({"a", "an"})
# what ends the object's noun phrase right before the complement: a noun, or a plural noun the tagger took for a
# verb ("by Tajik forces a premeditated act"); not a gerund, whose own object follows it ("on ending a standoff")
PHRASE_FINAL_POS = frozenset({"NOUN", "PROPN"})
PLURAL_READ_AS_VERB = "VBZ"
CLAUSE_MARKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "—", "–"})  # a hyphen ("oil-rich") ends no phrase


def named_objects(verb: Token) -> list[Token]:
    """What a naming verb names: its direct objects; when it has none, a noun the parser took for its complement
    with an indefinite noun phrase after it ("called Venezuela's referendum ... a direct threat")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects or [c for c in verb.children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN")
                       and not any(d.lower_ in INDEFINITE_ARTICLES for d in c.children if d.dep_ == "det")
                       and _juxtaposed_phrase(verb, c)]


def relative_named(verb: Token, complements: list[Token]) -> list[Token]:
    """"condemned what it called Azerbaijan's reckless provocation", "cited what they called hostile remarks by
    French officials": a naming verb whose object is the free relative "what" names the thing its complement says,
    so the complement (a noun) is itself what the verb judges, and its phrase says whose it is."""
    if not any(c.dep_ == "dobj" and c.tag_ == "WP" for c in verb.children):
        return []
    return [c for c in complements if c.pos_ in PHRASE_FINAL_POS]


def naming_complements(verb: Token, objects: list[Token]) -> list[Token]:
    """The predicates a naming verb may call its objects: its own "oprd", an "as" phrase on it or on an object, an
    adjective ending its phrase; only when the parser gave none of these, the "as" phrase deepest in an object's
    phrase or the indefinite noun phrase ending it."""
    direct = [c for c in verb.children if c.dep_ == "oprd" and c not in objects] + [
        o for h in (verb, *objects) for p in h.children if p.dep_ == "prep" and p.lower_ == "as"
        for o in p.children if o.dep_ == "pobj"]
    direct += [a for o in objects[:1] if (a := _trailing_adjective(verb, o))]
    return direct or [p for o in objects[:1] for p in (_buried_as_phrase(o) or _juxtaposed_phrase(verb, o))]


def _trailing_adjective(verb: Token, noun: Token) -> Token | None:
    """"called the Israeli strikes on tents sheltering families in Rafah outrageous", "called the raids on the
    camps in southern Gaza unacceptable": an adjective ending the verb's phrase after a long object is what the
    verb calls the object, wherever the parser hung it (an adjective before a noun would not end the phrase)."""
    doc = noun.doc
    end = next((t for t in doc[noun.i + 1:verb.right_edge.i + 1] if t.i + 1 == len(doc) or doc[t.i + 1].is_punct),
               None)
    return end if end is not None and end.pos_ == "ADJ" and end.dep_ not in ("amod", "compound") else None


def _buried_as_phrase(obj: Token) -> list[Token]:
    """"described Budapest's decision to grant asylum to a minister wanted on fraud charges as a hostile act": the
    last "as" phrase the parser hung somewhere inside the object's phrase."""
    buried = [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "as" and t.head.i != obj.i]
    return [o for o in buried[-1].children if o.dep_ == "pobj"] if buried else []


def _juxtaposed_phrase(verb: Token, obj: Token) -> list[Token]:
    """"called Venezuela's referendum on claiming the region a direct threat", "called the shelling of villages by
    Tajik forces an act of aggression": an indefinite noun phrase set right after the object's last noun, before the
    verb's phrase ends at a comma, is what the verb calls it (the last one, so that "the plan to build a dam a
    provocation" calls the plan, not the dam), wherever the parser hung it."""
    doc = obj.doc
    end = next((t.i for t in doc[obj.i + 1:verb.right_edge.i + 1] if t.text in CLAUSE_MARKS), verb.right_edge.i + 1)
    starts = [t for t in doc[obj.i + 1:end] if t.lower_ in INDEFINITE_ARTICLES and t.dep_ == "det"
              and _ends_noun_phrase(doc[t.i - 1]) and t.head.pos_ == "NOUN" and t.head.i < end]
    return [starts[-1].head] if starts else []


def _ends_noun_phrase(token: Token) -> bool:
    return token.pos_ in PHRASE_FINAL_POS or token.tag_ == PLURAL_READ_AS_VERB
