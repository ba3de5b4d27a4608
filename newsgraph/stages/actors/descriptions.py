"""What the words around a name say about who it is: titles, appositions, relative clauses, nationality.

Pure reading: every function here takes the document's :class:`Spans` and the :class:`Registry` (to see
who is already named, e.g. the possessor in "Erdogan's communication chief") and returns a
:class:`Description`; none writes. The passes decide what to do with one.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ...records import Actor, Mention
from ...resources.kb import PLACE_KINDS, fold
from .spans import KBSpan, RoleSpan, Spans, title_rest_end, title_rest_start

if TYPE_CHECKING:
    from .registry import Registry

# After these a place is where someone works or whom they face, not whom they serve.
# A name joined by a hyphen to one of these says where a body sits, where a person was born or who backs a group,
# not whose it is: "the Berlin-based Carnegie Center", "a Ukrainian-born chef", "the Iran-backed militia".
NOT_OF_THE_NAME = frozenset({"based", "born", "backed", "aligned", "allied", "sponsored", "funded", "supported"})
HOST_PREPOSITIONS = frozenset({"in", "to", "from", "with", "near", "across", "against", "toward", "towards", "on",
                               "over", "between", "by"})
HEAD_VERBS = frozenset({"head", "lead", "chair", "run", "direct", "represent", "command"})
# "who served as foreign minister until 2023", "who later served in his cabinet as Brexit minister": an office held
OFFICE_VERBS = frozenset({"serve", "hold"})
# How far an apposition after a name is read; a relative clause telling an office held, further (its office comes last).
APPOSITION_WINDOW = 18
RELATIVE_WINDOW = 30
WINDOW_STOP = frozenset({",", ";", ":", ".", "(", ")", "\"", "\u201c", "\u201d", "\u2014", "\u2013",
                         "!", "?", "[", "]"})
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VB", "MD"})
SPECIFIC_SECTORS = ("MIL", "COP", "JUD", "LEG", "SPY", "REB", "PRM", "MED", "JRN")
# A named person whose profession is of these sectors ("Maria Berg, a Dutch nurse", "a Lebanese cleric") acts for
# no state: the demonym is their nationality, not a code. Civilians, refugees, farmers and criminals keep their
# state's code, as PLOVER codes them ("a German citizen" pardoned is Germany's concern), and so do groups.
PRIVATE_PERSON_SECTORS = frozenset({"MED", "LAB", "REL", "BUS", "EDU", "JRN", "NGO", "SOC"})
# "D-New Hampshire", "R-Texas": a member of Congress's party and state, after the name.
PARTY_INITIALS = frozenset({"D", "R", "I"})
STOP_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "'s", "affairs", "on", "in", "at", "to"})

# (rank, code, country, sector, words): the lower rank wins, see _choose_code
Code = tuple[int, str, str | None, str | None, str]
# An organisation the KB lacks, coded by the short name the article gives it (organisations pass): the weakest code.
ACRONYM_RULE = "the acronym the article gives an organisation the KB lacks"
ABBREVIATED_RANK = 4


@dataclass
class Description:
    """What the words around a name (or a whole phrase) say about who it is."""

    code: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    role_kind: str | None = None
    private: bool = False
    former: bool = False
    code_from: str | None = None  # the words that gave the code
    # "a Chinese expert on Taiwan": a private role's explicit nationality, kept although it gives no code
    nationality: str | None = None
    tokens: set[int] = field(default_factory=set)
    # the code is that of a body named earlier whose name holds the title's words ("foreign ministry
    # spokeswoman"): only as sure as that body is the one meant
    from_named_body: bool = False

    def merge(self, other: Description) -> None:
        """Fill what this description lacks from a later window."""
        if self.code is None and other.code and not self.private:
            self.code, self.country, self.code_from = other.code, other.country, other.code_from
            self.from_named_body = other.from_named_body
            if self.sector is None or other.sector in SPECIFIC_SECTORS:
                self.sector = other.sector or self.sector
        if self.role is None and other.role:
            self.role, self.role_kind, self.former = other.role, other.role_kind, other.former or self.former
            self.sector = self.sector or other.sector
        self.private = self.private or other.private
        self.nationality = self.nationality or other.nationality
        self.tokens |= other.tokens


def text_evidence(desc: Description) -> dict:
    """An actor's evidence when the text, not the KB, gave (or withheld) its code."""
    if desc.code is None:
        rule = "private affiliation: code never guessed" if desc.private else "no code in text"
        evidence = {"source": "unresolved", "rule": rule, "role_from_text": desc.role, "private": desc.private}
        return evidence | ({"nationality": desc.nationality} if desc.nationality else {})
    return {"source": "text", "rule": "title or apposition", "words": desc.code_from}


def describe(spans: Spans, registry: Registry, span: Span) -> Description:
    """Read the title before a name, an apposition after it, or an apposition before it."""
    left = _left_window(spans, span.start)
    desc = read_window(spans, registry, left, places=True, person=True)
    right = [] if _second_conjunct(spans, span) else _right_window(spans, span.end)
    if right:
        after = _read_relative(spans, registry, right) or _read_office_held(spans, registry, right) or read_window(
            spans, registry, right, places=True, person=True)
        constituency = _constituency(spans, right, desc)
        if constituency:
            after.sector = after.sector or desc.sector or "LEG"
        elif after.role is None and after.sector is None and not _nationality(spans, right) \
                and not _office_of(spans, right, desc):
            after.code = after.country = None  # "Matthaes, a Vietnam dweller": a place is no affiliation
        if desc.former and after.code and not after.former:
            desc.code = None  # "Former Ghanaian President X, the AU's envoy": who he serves now
        if _former_in_indefinite_apposition(spans, right, after):
            # "X, a former Peruvian envoy to Chile who now lectures": someone who once held an office and speaks
            # for no state now, as an unnamed "a former Algerian diplomat said"; the state is a nationality
            after.nationality = after.nationality or after.country or after.code
            after.code = after.country = after.code_from = None
            after.private = True
        desc.merge(after)
    if desc.code is None and not desc.private:
        before = _left_apposition(spans, span, left)
        if before:
            desc.merge(read_window(spans, registry, before, places=True, person=True))
    return desc


def _office_of(spans: Spans, right: list[int], title: Description) -> bool:
    """ "President David Panuelo of the Federated States of Micronesia": an office before the name, whose state
    "of" names right after it."""
    return title.role_kind == "person" and spans.doc[right[0]].lower_ == "of"


def _former_in_indefinite_apposition(spans: Spans, window: list[int], after: Description) -> bool:
    """ ", a former Chilean ambassador ...": an apposition opening with "a" or "an" that gives a past office and
    takes its code from a state's demonym (not " the former ...", which may name the holder the story is about,
    nor a national body's name, ", a former State Department official", nor a state's name, ", a former U.S.
    coordinator for arms control", which annotators code as the state's)."""
    doc = spans.doc
    if not (after.former and after.code is not None and after.role_kind == "person" and len(window) > 1
            and doc[window[0]].lower_ in ("a", "an") and doc[window[1]].lower_ == "former"):
        return False
    return any(spans.kb_at[i].entry.kind == "state" and spans.kb_at[i].hit.via == "demonym"
               and spans.kb_at[i].entry.code == after.code for i in window if i in spans.kb_at)


def _constituency(spans: Spans, window: list[int], title: Description) -> bool:
    """The place a legislator or an official is elected for: "Representative Gregory Meeks of New York", or the
    party-and-state label of American copy, "Senator Jeanne Shaheen, D-New Hampshire"."""
    doc = spans.doc
    place = next((spans.kb_at[i] for i in window if i in spans.kb_at), None)
    if place is None or (place.entry.kind not in PLACE_KINDS and place.entry.kind != "state"):
        return False
    if doc[window[0]].lower_ == "of":
        return place.start == window[0] + 1 and title.role is not None and not title.private and not title.former
    return len(window) > 2 and doc[window[0]].text in PARTY_INITIALS and doc[window[1]].text == "-" \
        and place.start == window[2]


def _second_conjunct(spans: Spans, span: Span) -> bool:
    """ "talks with Ruto and Ochieng, the most senior Kenyan official to visit": an apposition after two
    joined names may be about either, or about neither."""
    return span.start >= 2 and spans.doc[span.start - 1].lower_ == "and" and spans.doc[span.start - 2].pos_ == "PROPN"


def description_windows(spans: Spans, span: Span) -> list[list[int]]:
    """The token windows `describe` reads around a name: an apposition before it, its title, an
    apposition after it (empty ones left out)."""
    left = _left_window(spans, span.start)
    return [w for w in (_left_apposition(spans, span, left), left, _right_window(spans, span.end)) if w]


def _nationality(spans: Spans, window: list[int]) -> bool:
    """ ", an American who ...": a demonym standing as the noun of an apposition."""
    doc = spans.doc
    first = next((i for i in window if doc[i].pos_ != "DET"), None)
    kb_span = spans.kb_at.get(first) if first is not None else None
    return bool(kb_span and kb_span.hit.via == "demonym" and doc[kb_span.end - 1].pos_ in ("NOUN", "PROPN")
                and (kb_span.end >= len(doc) or doc[kb_span.end].pos_ not in ("NOUN", "PROPN")))


def _read_relative(spans: Spans, registry: Registry, window: list[int]) -> Description | None:
    """ "who heads the body representing EU member states": role "head of ...", code from the object."""
    doc = spans.doc
    if len(window) < 3 or doc[window[0]].lower_ != "who" or doc[window[1]].lemma_ not in HEAD_VERBS:
        return None
    desc = read_window(spans, registry, window[2:])
    obj = window[2:]
    cut = next((n for n, k in enumerate(obj) if doc[k].lower_ in HOST_PREPOSITIONS), len(obj))
    desc.role = f"{doc[window[1]].lemma_} of {doc[obj[0]:obj[max(cut, 1) - 1] + 1].text}"
    desc.role_kind = "person"
    return desc


def _office_held(spans: Spans, window: list[int]) -> tuple[Token, list[int]] | None:
    """In a relative clause ("who ..."), a verb of holding office and what it holds or serves as, when that holds a
    person's title ("served ... as Brexit minister", "held the post of envoy"); not any title the clause mentions
    ("who held talks with the minister")."""
    doc = spans.doc
    if not window or doc[window[0]].lower_ != "who":
        return None
    for told in (doc[k] for k in window if doc[k].lemma_ in OFFICE_VERBS and doc[k].pos_ == "VERB"):
        for head in _offices_of(told):
            role = spans.role_at.get(head.i)
            if role is not None and role.word.kind == "person" and role.end == head.i + 1:
                return told, sorted([told.i] + [t.i for t in head.subtree if t.i in window])
    return None


def _offices_of(told: Token) -> Iterator[Token]:
    """What a verb of holding office holds: its object ("held the post of envoy": the post, the envoy) or what it
    serves as ("served in his cabinet as Brexit minister")."""
    for child in told.children:
        if child.dep_ == "dobj":
            yield child
            yield from (g for p in child.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                        if g.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "as":
            yield from (g for g in child.children if g.dep_ == "pobj")


def _read_office_held(spans: Spans, registry: Registry, window: list[int]) -> Description | None:
    """ "who served as foreign minister until 2023", "who ... later served in his cabinet as Brexit minister": the
    person title a verb of holding office holds, in a relative clause; told in the past ("served", "had held"), an
    office held no more (ELI), as "former ..." says."""
    held = _office_held(spans, window)
    if held is None:
        return None
    told, office = held
    desc = read_window(spans, registry, [i for i in office if i != told.i], places=True, person=True)
    if desc.role is None or desc.role_kind != "person" or desc.private:
        return None
    if told.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ == "had" for c in told.children):
        desc.former, desc.sector = True, "ELI"
        desc.role = desc.role if desc.role.lower().startswith("former ") else f"former {desc.role}"
        if desc.code is not None and any(spans.kb_at[k].entry.sector in ("IGO", "NGO") for k in window
                                         if k in spans.kb_at):
            desc.code = desc.country = None  # a former official of an international body serves it no more
    return desc


def _left_window(spans: Spans, i: int) -> list[int]:
    doc = spans.doc
    out: list[int] = []
    if i == 0 or not (title_rest_start(doc, i) - 1 in spans.role_at or doc[i - 1].tag_ == "POS"):
        return []  # "Indian reluctance Richard Weitz", "Aden Barre Duale": no title, no title's code
    k = i - 1
    while k >= 0 and i - k <= 10:
        tok = doc[k]
        named = k in spans.kb_at and spans.kb_at[k].entry.kind != "other"
        named = named or k in spans.role_at
        if tok.tag_ == "PRP$" and k + 1 in spans.role_at and out:
            out.append(k)  # "its ambassador Gerard Steeghs": whose title it is, read once pronouns have their actors
            break
        # the full stop of an abbreviated title ("Lt. Col.") is part of it, no stop
        if (tok.text in WINDOW_STOP and k not in spans.role_at) or (not named and (tok.tag_ in FINITE_VERB_TAGS or
                                                      tok.pos_ in ("DET", "PRON", "CCONJ", "SCONJ"))):
            break
        if tok.pos_ == "ADP" and not named and not (tok.lower_ in ("of", "for") and k + 1 < i):
            break
        if k + 1 < len(doc) and doc[k + 1].is_sent_start and k + 1 <= i - 1 and not _one_title(spans, k, k + 1):
            break  # the parser may start a sentence inside "Maj. Gen.", whose first full stop the tokenizer split off
        out.append(k)
        if tok.is_sent_start and not _one_title(spans, k - 1, k):
            break
        k -= 1
    out.reverse()
    while out and doc[out[0]].pos_ == "ADP":
        out.pop(0)
    return out


def _one_title(spans: Spans, i: int, j: int) -> bool:
    role = spans.role_at.get(i)
    return role is not None and role is spans.role_at.get(j)


def _right_window(spans: Spans, i: int) -> list[int]:
    """ ", a former senior State Department official who ...", " of the Jamestown Foundation"."""
    doc = spans.doc
    if i < len(doc) and doc[i].tag_ == "POS":
        return []
    if i < len(doc) and doc[i].lower_ == "of":
        start = i
    elif i + 1 < len(doc) and doc[i].text == "," and _opens_apposition(doc[i + 1]):
        start = i + 1
    else:
        return []
    out: list[int] = []
    relative = False
    k = start
    while k < len(doc) and k - start < RELATIVE_WINDOW:
        tok = doc[k]
        if tok.text in WINDOW_STOP or (k > start and tok.is_sent_start):
            break
        if tok.lower_ in ("who", "which", "whose") and tok.tag_ in ("WP", "WP$", "WDT"):  # not "the WHO's"
            if k > start:
                break
            relative = True
        elif tok.tag_ in FINITE_VERB_TAGS and not relative and k not in spans.role_at:
            break
        elif _reduced_relative(tok, start) and not relative:
            break  # ", a blogger sentenced to ten years in prison", ", the envoy sent by President X": what was done
        out.append(k)  # to or by the person, whose words are no title of theirs
        k += 1
    if not out:
        return []
    held = _office_held(spans, out) if relative else None
    if held is not None:  # "who negotiated the first deal and later served in his cabinet as Brexit minister"
        return [start, *held[1]]  # "who", the verb and the office: not what else the clause tells
    out = out[:APPOSITION_WINDOW]
    if relative and not any(doc[k].lemma_ in HEAD_VERBS for k in out[:3]):
        return []
    return out


def _reduced_relative(tok: Token, start: int) -> bool:
    """A past participle opening a clause on the apposition's head noun (", a writer jailed in 2015 for ...")."""
    return tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.i > start and tok.head.i < tok.i


def _left_apposition(spans: Spans, span: Span, left: list[int]) -> list[int]:
    """ "Pakistan's permanent representative to the United Nations, Munir Akram, said ..."."""
    doc = spans.doc
    first = left[0] if left else span.start
    if first < 2 or doc[first - 1].text != ",":
        return []
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text not in (",", ".") and after.pos_ not in ("VERB", "AUX"):
        return []
    out: list[int] = []
    k = first - 2
    if k >= 2 and doc[k].text == ")" and doc[k - 2].text == "(":
        k -= 3  # "the commander of the Ogaden Front (OF), General ...": the short name in brackets is no stop
    while k >= 0 and first - k <= 16:
        tok = doc[k]
        if tok.text in WINDOW_STOP or tok.tag_ in FINITE_VERB_TAGS or tok.dep_ == "agent":
            break  # "signed by the commander of ..., General ...": the apposition starts after a passive's "by"
        if tok.pos_ == "CCONJ" and k - 1 in spans.name_at:
            break  # "Minister Ana Ruiz and Peru's trade minister, Luis Soto": the first name's title is not his
        if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound") and k not in spans.role_at:
            if out and doc[out[-1]].pos_ == "ADP":
                return []  # "had spoken to President Ruto beforehand, Liam Berg said": a clause's end
            break
        out.append(k)
        if tok.is_sent_start:
            break
        k -= 1
    out.reverse()
    out = _holder_of_served_title(spans, out)
    if not any(i in spans.role_at and spans.role_at[i].word.kind == "person" for i in out):
        return []
    return out


def _holder_of_served_title(spans: Spans, window: list[int]) -> list[int]:
    """ "a spokesperson for the bloc's foreign policy chief, Josep Borrell, said": the name set off after a title
    that serves another title holder is that holder's; the words up to "for" describe an unnamed speaker of his.
    Not when "for" names a body ("the spokesperson for Pakistan's foreign ministry, Ambassador X"): the name is then
    the spokesperson's."""
    doc = spans.doc
    for p, i in enumerate(window):
        if doc[i].lower_ != "for" or i in spans.role_at or doc[i].head.i not in spans.role_at:
            continue  # "Minister for Foreign Affairs" is one title
        served = spans.role_at[doc[i].head.i].word
        rest = [k for k in window[p + 1:] if k in spans.role_at]
        if served.kind == "person" and not served.for_is_no_employer and rest \
                and spans.role_at[rest[-1]].word.kind == "person":
            return window[p + 1:]
    return window


def read_window(spans: Spans, registry: Registry, window: list[int], *, places: bool = False,
                person: bool = False) -> Description:
    """Code, role and sector from the words of a title or apposition; a place's state counts only in
    a named person's title (`places`): "Kharkiv Governor Oleh Syniehubov" serves Ukraine, but the
    "Tigray People's Liberation Front" is no body of Ethiopia's. Around a named `person`, a title of a
    :data:`PRIVATE_PERSON_SECTORS` sector is a private one."""
    doc = spans.doc
    desc = Description(tokens=set())
    codes: list[Code] = []
    person_role: RoleSpan | None = None
    other_roles: list[RoleSpan] = []
    host = False
    for i in window:
        # "special representative for North Korea" serves the US: a diplomat's "for" names the host, a minister's
        # the portfolio ("the minister for EU relations")
        host = host or doc[i].lower_ in HOST_PREPOSITIONS or (
            doc[i].lower_ == "for" and person_role is not None and person_role.word.for_is_no_employer)
        if not host:
            codes += _codes_at(spans, registry, i, window[0], desc, places=places)
        role = spans.role_at.get(i)
        if role is None or i != role.start:
            continue
        if role.word.kind in ("person", "modifier"):
            desc.tokens |= set(range(role.start, role.end))  # "the Pakistani military's" stays an actor
        private = role.word.private or (person and role.word.kind == "person"
                                        and role.word.sector in PRIVATE_PERSON_SECTORS)
        desc.private = desc.private or (private and not host)
        if role.word.kind == "modifier":
            desc.former = True
        elif role.word.kind == "person" and i not in spans.kb_at:
            person_role = role  # the head of a title comes last: "Erdogan's communication chief"
        elif not host and role.word.kind != "state":
            other_roles.append(role)
    main = person_role or (other_roles[0] if other_roles else None)
    if main is not None:
        desc.role_kind = main.word.kind
        desc.role = _role_text(spans, registry, window, main.start, main.end, desc.former)
    desc.sector = _sector_of(person_role, other_roles, desc)
    if desc.private and person_role is not None:
        desc.nationality = _demonym_before(spans, window, person_role.start)
    if person_role is not None and person_role.word.executive:
        # "a director at the CNA": directors serve research bodies and firms as well as unions and armed groups
        codes = [c for c in codes if c[0] != ABBREVIATED_RANK]
    _choose_code(spans, registry, desc, codes, window, diplomat=bool(person_role and person_role.word.diplomat))
    return desc


def _demonym_before(spans: Spans, window: list[int], role_start: int) -> str | None:
    """The state of a demonym that modifies a role noun ("a Chinese expert", "a former Indian analyst")."""
    for i in window:
        kb_span = spans.kb_at.get(i)
        if i < role_start and kb_span is not None and kb_span.hit.via == "demonym" and kb_span.entry.kind == "state" \
                and all(spans.doc[k].pos_ in ("ADJ", "NOUN", "PROPN") for k in range(kb_span.end, role_start)):
            return kb_span.entry.code
    return None


def _codes_at(spans: Spans, registry: Registry, i: int, first: int, desc: Description, *,
              places: bool = False) -> list[Code]:
    """The code a KB name or a named possessor ("Erdogan's") at token i lends to a title."""
    doc, token_actor = spans.doc, registry.token_actor
    holder = registry.actors.get(token_actor.get(i, ""))
    kb_span = spans.kb_at.get(i)
    # "A Congress spokesman" after "the Nepali Congress": the organisations pass said whose short name it is
    renamed = kb_span is not None and holder is not None and holder.evidence.get("source") == "kb" \
        and holder.evidence.get("kb_name") != kb_span.entry.name
    if holder is not None and holder.kind == "organisation" and (holder.evidence.get("source") != "kb" or renamed):
        # a state inside an organisation's name: the organisation decides ("Birdlife Spain" is no state body)
        if i == first or token_actor.get(i - 1) != holder.id:
            desc.tokens.add(i)
            rank = ABBREVIATED_RANK if holder.evidence.get("rule") == ACRONYM_RULE else 1
            if renamed and (holder.sector in ("IGO", "NGO") or holder.country is None):
                rank = 0
            return [(rank, holder.code, holder.country, holder.sector, holder.name)] if holder.code else []
        return []
    if kb_span is not None and kb_span.entry.kind in PLACE_KINDS and not places:
        return []
    if kb_span is not None and kb_span.entry.kind != "other" and i == max(kb_span.start, first):
        desc.tokens |= set(range(kb_span.start, kb_span.end))
        if hyphen_participle(doc, kb_span.end) in NOT_OF_THE_NAME:
            # "the Berlin-based Carnegie Center" is not German, nor a "Ukrainian-born chef" Ukraine's, nor "the
            # Iran-aligned militia" Iran: whoever backs a group is not the group
            return []
        if stance_word(doc, kb_span.start):
            return []  # "pro-Palestinian activists" need not be Palestinian
        return [_code_of_span(doc, kb_span)]
    if kb_span is None and i in token_actor and _possessor(spans, registry, i):
        actor = registry.actors[token_actor[i]]
        if actor.code and (i == 0 or token_actor.get(i - 1) != actor.id):
            return [(3, actor.code, actor.country, None, actor.name)]
    return []


def hyphen_participle(doc: Doc, end: int) -> str:
    """The participle a hyphen joins to the name ending at `end` ("Iran-aligned", "Berlin - based"), or ""."""
    words = [t.lower_ for t in doc[end:end + 2]]
    if len(words) == 2 and words[0] == "-":
        return words[1]
    return words[0][1:] if words and words[0].startswith("-") else ""


def _choose_code(spans: Spans, registry: Registry, desc: Description, codes: list[Code], window: list[int], *,
                 diplomat: bool = False) -> None:
    """An international body's code beats a national body's, which beats a state's, then a possessor's;
    but a diplomat serves the state: "Iran's U.N. ambassador" is Iran's, and a former official of an
    international body serves it no more (a former minister stays among his state's elites, ELI)."""
    if desc.private:
        codes = [c for c in codes if c[0] == 0]  # only an international body's code survives
    if diplomat and any(c[0] == 2 for c in codes):
        codes = [c for c in codes if c[0] == 2]
    elif diplomat and any(spans.doc[i].lower_ in ("its", "their") for i in window):
        codes = [c for c in codes if c[0] != 0]  # "its U.N. ambassador": the state "its" stands for (affiliations)
    if desc.former:  # "former NATO Secretary General": no longer speaks for the body; a state keeps its elites
        codes = [c for c in codes if c[0] != 0]
    if codes:
        _, desc.code, desc.country, sector, desc.code_from = min(codes, key=lambda c: c[0])
        if desc.sector in (None, "GOV") and (sector in ("IGO", "NGO") or sector in SPECIFIC_SECTORS):
            desc.sector = sector
    elif not desc.private and any(i in spans.role_at and spans.role_at[i].word.kind == "body" for i in window):
        desc.code, desc.country, desc.code_from = _code_from_named_body(spans, registry, window)
        desc.from_named_body = desc.code is not None


def _code_of_span(doc: Doc, kb_span: KBSpan) -> Code:
    entry = kb_span.entry
    words = doc[kb_span.start:kb_span.end].text
    if entry.kind == "state" or entry.kind in PLACE_KINDS:  # "Kharkiv governor" serves Ukraine
        return (2, entry.code or "", entry.country, None, words)
    rank = 0 if entry.sector in ("IGO", "NGO") or entry.country is None else 1
    return (rank, entry.code or "", entry.country, entry.sector, words)


def _possessor(spans: Spans, registry: Registry, i: int) -> bool:
    token_actor = registry.token_actor
    j = i + 1
    while j in token_actor and token_actor[j] == token_actor[i]:
        j += 1
    return j < len(spans.doc) and spans.doc[j].tag_ == "POS"


def _code_from_named_body(spans: Spans, registry: Registry,
                          window: list[int]) -> tuple[str | None, str | None, str | None]:
    body_words = [i for i in window if i in spans.role_at and spans.role_at[i].word.kind == "body"]
    first = min(body_words)
    phrase = [i for i in window if i <= max(body_words) and i >= first - 3 and spans.doc[i].is_alpha]
    actor_id = earlier_org_with_words(spans, registry, phrase)
    if actor_id is None:
        return None, None, None
    actor = registry.actors[actor_id]
    return actor.code, actor.country, actor.name


def _role_text(spans: Spans, registry: Registry, window: list[int], start: int, end: int, former: bool) -> str:
    first = start
    for i in reversed([k for k in window if k < start]):
        tok = spans.doc[i]
        if i in spans.kb_at or i in registry.token_actor or tok.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB", "NUM"):
            break
        first = i
    text = spans.doc[first:title_rest_end(spans.doc, end)].text
    if former and not any(spans.role_at.get(k) and spans.role_at[k].word.kind == "modifier"
                          for k in range(first, end)):
        text = "former " + text
    return text


def _sector_of(person_role: RoleSpan | None, other_roles: list[RoleSpan], desc: Description) -> str | None:
    """Former officials are ELI; a private role keeps its own sector; else the most specific sector named."""
    if desc.former:
        return "ELI"
    if desc.private:
        roles = ([person_role] if person_role else []) + other_roles
        return next((r.word.sector for r in roles if r.word.private), person_role.word.sector if person_role else None)
    if person_role is not None and person_role.word.sector not in (None, "GOV"):
        return person_role.word.sector
    specific = next((r.word.sector for r in other_roles if r.word.sector in SPECIFIC_SECTORS), None)
    if specific:
        return specific
    if person_role is not None:
        return person_role.word.sector
    return other_roles[0].word.sector if other_roles else None


def _opens_apposition(tok: Token) -> bool:
    """ ", a former official", ", WFP's director", ", who heads ..." — not ", and ..." or ", said ..."."""
    if tok.lower_ == "who" and tok.tag_ == "WP":
        return True
    return tok.pos_ not in ("CCONJ", "SCONJ", "ADP", "ADV", "VERB", "AUX", "PRON", "PART")


def stance_word(doc: Doc, i: int) -> bool:
    """ "pro-Russian", "anti-American": a stance towards a state, not the state."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("pro", "anti", "non")


def earlier_org_with_words(spans: Spans, registry: Registry, tokens: list[int]) -> str | None:
    """The organisation whose name holds every content word of `tokens` ("foreign ministry" →
    "Afghanistan's Ministry of Foreign Affairs"): a definite description of a named body. An indefinite one ("A
    foreign ministry official said ... In Beijing, the Chinese Foreign Ministry said") is only of a body named
    before it."""
    doc = spans.doc
    words = {fold(doc[i].lemma_) for i in tokens if doc[i].is_alpha and i not in spans.kb_at} - STOP_WORDS
    if not words:
        return None
    first = min(tokens)
    indefinite = any(doc[k].lower_ in ("a", "an") for k in range(max(first - 1, 0), first + 1))
    if indefinite and doc[max(tokens)].dep_ != "compound":
        return None  # "promised a court of their own": an indefinite body, not one of its members, is a new one
    at = doc[first].idx
    if _uncoded_org_with_words_before(doc, registry, words, at):
        return None  # "the Transitional Military Council ... the military council": that body, not a coded one
    for actor in registry.actors.values():
        if actor.kind != "organisation" or not actor.code:
            continue
        if indefinite and not any(m.start < at and m.via != "pronoun" for m in actor.mentions):
            continue
        if words <= _name_words(doc, actor):
            return actor.id
    return None


def _uncoded_org_with_words_before(doc: Doc, registry: Registry, words: set[str], at: int) -> bool:
    """Whether an organisation of no code, named by its name before character `at`, holds the words: the body a
    description names then is that one ("the military council" after "the Transitional Military Council"), not a
    coded body holding the same words ("the U.N. Security Council", named later or earlier)."""
    return any(a.kind == "organisation" and not a.code and a.evidence.get("source") == "unresolved"
               and any(m.start < at and m.via == "name" for m in a.mentions) and words <= set(fold(a.name).split())
               for a in registry.actors.values())


def _name_words(doc: Doc, actor: Actor) -> set[str]:
    """The folded words of an actor's name and the lemmas of its mentions, kept on the Doc and extended as
    mentions are added: rebuilt on every call, they made a long article quadratic."""
    cache: dict[str, tuple[str, int, set[str]]] = doc.user_data.setdefault("newsgraph.name_words", {})
    name, seen, words = cache.get(actor.id, ("", 0, set()))
    if name != actor.name:
        seen, words = 0, set(fold(actor.name).split())
    words.update(fold(w) for m in actor.mentions[seen:] for w in _lemmas(doc, m))
    cache[actor.id] = (actor.name, len(actor.mentions), words)
    return words


def _lemmas(doc: Doc, mention: Mention) -> list[str]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return [t.lemma_ for t in span] if span is not None else mention.text.split()
