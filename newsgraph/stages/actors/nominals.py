"""Pass 7: definite descriptions linked to the actor they stand for — "the bloc", "the kingdom", "the junta".

A sieve pass in the manner of Lee et al. (2013): it runs after names, titles and states have their
actors (and unnamed groups theirs: "Myanmar's army" before "the junta") and before pronouns; it joins a
description only when the article so far offers exactly one compatible candidate (precision first; what
stays open is left to the later passes):

- "the bloc", "the alliance", "the lender", "the mission" (role kind ``bloc``): the international organisation named
  earlier whose KB row lists that class (``class:alliance``, ``class:mission``), or the only one named if no row lists
  a class; an armed group's word before it ("the rebel alliance") makes it the one armed group named earlier;
- "the kingdom", "the island nation": the one state named earlier (by name or by an actor acting for it) whose KB
  row lists that class; of several, the one the sentence before is about (:mod:`.salience`);
- "the militants", "the rebels", "the insurgents": the one armed group (or several actors of one code) named earlier;
- "the 45-year-old leader": the one person named earlier whose age was given as 45 ("Muizzu, 45, ...");
- "the party", "the movement": the one party or group named earlier that is no state's or international body;
- "the junta", "the government", "the army", "the ministry": the organisation named earlier whose name
  holds the word, else the government or military (the word's sector) of the one state named so far, or of
  several the one whose KB row lists the word as its class ("the junta": class:junta), or whose place the
  sentence names, or (for a word no row gives as a class) the one the sentence before is about.

Each link is a mention with ``via="nominal"`` and an entry in the actor's ``evidence["linked"]`` that names
this pass and the rule.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from spacy.tokens import Span

from ...records import Actor
from ...resources.kb import KBEntry, fold
from .descriptions import ACRONYM_RULE, NOT_OF_THE_NAME, earlier_org_with_words, hyphen_participle
from .registry import Registry, entry_actor
from .salience import named_before_in_sentence, salient_codes
from .spans import RoleSpan, Spans

DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
ARMED_SECTORS = frozenset({"REB", "PRM", "UAF"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
PARTY_SECTORS = frozenset({"PTY", "OPP", None, ""})  # "the party", "the movement" (a body word of no sector)


def add_nominals(spans: Spans, registry: Registry) -> None:
    for chunk in _with_possessors(spans):
        age = _age_described(spans, registry, chunk)
        if age is not None:
            aged = _people_of_age(spans, registry, actors_before(spans, registry, chunk.start), age)
            _link_one(registry, chunk.start, chunk.root.i + 1, aged, "the N-year-old: the one person of that age")
            continue
        proper = _proper_class(spans, registry, chunk)
        if proper is not None:
            _link_state_of_class(spans, registry, chunk, proper, actors_before(spans, registry, chunk.start))
            continue
        role = _bare_description(spans, registry, chunk)
        if role is None:
            continue
        word = fold(spans.doc[role.start:role.end].lemma_)
        end = chunk.root.i + 1
        before = actors_before(spans, registry, chunk.start)
        if role.word.kind == "bloc" and _armed_modifier(spans, chunk, role):
            # "the rebel alliance": an alliance of armed groups, not an international organisation
            armed = [a for a in before if a.kind == "group" and a.sector in ARMED_SECTORS]
            _link_one_side(spans, registry, chunk.start, end, armed, f"the {word}: the armed group")
        elif role.word.kind == "bloc":
            _link_one(registry, chunk.start, end, blocs(spans, before, word), f"the {word}: the organisation")
        elif role.word.kind == "state" and _is_class(spans, word):
            _link_state_of_class(spans, registry, chunk, word, before)
        elif role.word.sector in ARMED_SECTORS and role.word.kind in ("person", "group"):
            armed = [a for a in before if a.kind == "group" and a.sector in ARMED_SECTORS]
            _link_one_side(spans, registry, chunk.start, end, armed, f"the {word}: the armed group")
        elif role.word.kind in ("group", "body") and role.word.sector in STATE_SECTORS:
            _link_state_body(spans, registry, chunk, role, word, before)
        elif role.word.kind == "body" and not role.word.private and role.word.sector in PARTY_SECTORS:
            _link_one(registry, chunk.start, end, _non_state_bodies(before), f"the {word}: the one party or group")


def _armed_modifier(spans: Spans, chunk: Span, role: RoleSpan) -> bool:
    """ "the rebel alliance", "the militant coalition": a bloc word modified by an armed group's role word."""
    return any((r := spans.role_at.get(i)) is not None and r.word.sector in ARMED_SECTORS
               for i in range(chunk.start + 1, role.start))


def _non_state_bodies(before: list[Actor]) -> list[Actor]:
    """Coded organisations and groups that are no state's body and no international one: "the party" or "the
    movement" after "the Sudan People's Liberation Movement-in-Opposition (SPLM-IO)"."""
    return [a for a in before if a.code and a.code != a.country and (
        a.kind == "group" or a.sector in PARTY_SECTORS or a.evidence.get("rule") == ACRONYM_RULE)]


def _age_described(spans: Spans, registry: Registry, chunk: Span) -> str | None:
    """The age in "the 78-year-old leader" (a person's title after "N-year-old"), or None."""
    doc, root = spans.doc, chunk.root
    role = spans.role_at.get(root.i)
    if role is None or role.word.kind != "person" or chunk[0].lower_ != "the" or root.i in registry.token_actor:
        return None
    words = [t.lower_ for t in doc[chunk.start + 1:role.start]]
    if len(words) == 5 and words[0].isdigit() and words[1:] == ["-", "year", "-", "old"]:
        return words[0]
    return None


def _people_of_age(spans: Spans, registry: Registry, before: list[Actor], age: str) -> list[Actor]:
    """People named earlier whose age the text gave right after a mention: "Muizzu, 45, ...", "Biden (81)"."""
    doc = spans.doc
    aged = []
    for actor in before:
        if actor.kind != "person":
            continue
        for mention in actor.mentions:
            span = doc.char_span(mention.start, mention.end)
            after = [t.text for t in doc[span.end:span.end + 3]] if span is not None else []
            if after[:3] in ([",", age, ","], ["(", age, ")"]):
                aged.append(actor)
                break
    return aged


def _with_possessors(spans: Spans) -> Iterator[Span]:
    """Each noun chunk, after the description that possesses it: "the bloc" of "the bloc's commission"."""
    for chunk in spans.noun_chunks:
        for tok in chunk[1:-1]:
            if tok.dep_ == "poss" and tok.head.i == chunk.root.i:
                yield spans.doc[chunk.start:tok.i + 1]
        yield chunk


def _bare_description(spans: Spans, registry: Registry, chunk: Span) -> RoleSpan | None:
    """The role word heading "the X" with no name, demonym or number of its own ("the two leaders" and
    "the Iraqi army" are read elsewhere), and not yet any actor's mention."""
    doc, root = spans.doc, chunk.root
    role = spans.role_at.get(root.i)
    if role is None or chunk[0].lower_ not in DETERMINERS or root.tag_ in ("NNP", "NNPS"):
        return None
    if role.end != root.i + 1 or registry.is_spent(root.i) or root.i in registry.token_actor:
        return None
    inner = [i for i in range(chunk.start + 1, role.start) if i not in _backer_tokens(spans, chunk.start, role.start)]
    if any(i in spans.kb_at or i in registry.token_actor or doc[i].like_num or doc[i].is_title
           or doc[i].tag_ == "POS" for i in inner):  # "the bloc's commission" is the bloc's, not a state's
        return None
    if any(c.dep_ == "prep" and not _introduces_gerund(c) for c in root.children):
        return None  # "the ministry of health", "the alliance between X and Y" say which one
    return role


def _proper_class(spans: Spans, registry: Registry, chunk: Span) -> str | None:
    """ "the North", "the South's military": a capitalised class word a state's row gives as such (class:North),
    standing alone after "the" as the whole phrase; not "the north of the country", nor "the South China Sea"."""
    root = chunk.root
    if root.i != chunk.start + 1 or chunk[0].lower_ != "the" or not root.text[:1].isupper():
        return None
    if root.text not in spans.kb.state_classes or registry.is_spent(root.i) or root.i in registry.token_actor:
        return None
    if root.i in spans.kb_at or any(c.dep_ == "prep" for c in root.children):
        return None
    return root.text


def _backer_tokens(spans: Spans, start: int, end: int) -> set[int]:
    """The tokens of a name hyphened to a participle that makes it no name of the phrase's own ("the Iran-aligned
    militia" is no description of Iran's, but of the armed group named before)."""
    out: set[int] = set()
    for i in range(start, end):
        kb_span = spans.kb_at.get(i)
        if kb_span is not None and kb_span.start == i and hyphen_participle(spans.doc, kb_span.end) in NOT_OF_THE_NAME:
            out |= set(range(kb_span.start, min(end, kb_span.end + 2)))
    return out


def _introduces_gerund(prep) -> bool:
    """ "accused the bloc of failing": the parser hangs the verb's "of" on its object; it says what, not which."""
    return any(c.tag_ == "VBG" for c in prep.children)


def is_class_word(spans: Spans, role: RoleSpan) -> bool:
    """ "the bloc", "the kingdom": words this pass alone resolves (the unnamed-groups pass leaves them)."""
    return role.word.kind == "bloc" or (role.word.kind == "state" and _is_class(spans, role.word.phrase))


def _is_class(spans: Spans, word: str) -> bool:
    return word in spans.kb.state_classes


def kb_classes(spans: Spans, actor: Actor) -> frozenset[str]:
    """The description heads the KB gives the actor on the article's date."""
    entries = [h.entry for h in spans.kb.lookup(actor.evidence.get("kb_name") or actor.name)]
    return frozenset().union(*(e.classes_on(spans.date) for e in entries)) if entries else frozenset()


def blocs(spans: Spans, before: list[Actor], word: str) -> list[Actor]:
    """The organisations "the bloc" may stand for: those the article itself called so in an apposition ("IGAD,
    the East African regional bloc"), else those whose KB row lists that class, else the only one named."""
    igos = [a for a in before if a.kind == "organisation" and a.sector == "IGO" and a.evidence.get("source") == "kb"]
    described = [a for a in igos if _described_as(spans, a, word)]
    if described:
        return described
    of_class = [a for a in igos if word in kb_classes(spans, a)]
    if of_class or any(kb_classes(spans, a) for a in igos):
        return of_class
    return igos


def _described_as(spans: Spans, actor: Actor, word: str) -> bool:
    """Whether a name of the actor has an apposition headed by the word: "the East African Community, the
    regional bloc both countries belong to"."""
    doc = spans.doc
    for mention in actor.mentions:
        named = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if named is not None and any(t.dep_ == "appos" and t.head.i in range(named.start, named.end)
                                     and fold(t.lemma_) == word for t in named.root.head.subtree
                                     if t.i >= named.end):
            return True
    return False


def _link_state_body(spans: Spans, registry: Registry, chunk: Span, role: RoleSpan, word: str,
                     before: list[Actor]) -> None:
    """ "the ministry" after "Afghanistan's Ministry of Foreign Affairs" is that ministry; "the junta"
    after "Myanmar" is Myanmar's government."""
    end = chunk.root.i + 1
    named = earlier_org_with_words(spans, registry, list(range(role.start, role.end)))
    if named is not None:
        registry.link(named, chunk.start, end, rule=f"the {word}: the body named earlier")
        return
    # a state named, a state's body, or a state's official ("Rwandan President Paul Kagame" names Rwanda)
    of_states = [a for a in before if a.code and (a.kind == "state" or a.code == a.country)]
    rule = "description of the only state named"
    if len({a.code for a in of_states}) > 1:
        # "Niger and Benin ... the junta": the one of them military-ruled; "the authorities cut the internet in
        # Naypyitaw", a word no state's row gives as its class: the one whose place the sentence names
        of_class = [a for a in of_states if a.kind == "state" and word in kb_classes(spans, a)]
        in_place = _states_of_places_in(spans, chunk.sent) & {a.code for a in of_states}
        nearer = named_before_in_sentence(registry, chunk, {a.id for a in of_states}, places=True)
        salient = set() if nearer else salient_codes(registry, chunk, {a.code for a in of_states if a.code})
        if not of_class and len(in_place) == 1:
            of_states = [a for a in of_states if a.code in in_place]
            rule = "of the states named, the one whose place the sentence names"
        elif of_class or len(salient) != 1 or _is_class(spans, word):  # "the junta": only a state of that class
            of_states = of_class
            rule = f"the only state named whose KB row says class:{word}"
        else:
            of_states = [a for a in of_states if a.code in salient]
            rule = "of the states named, the one the sentence before is about"
    if len({a.code for a in of_states}) != 1:
        return
    state = min(of_states, key=lambda a: (a.kind != "state", a.kind == "person"))
    state_name = spans.kb.state_names.get(state.code or "", state.name)
    actor = Actor(id="", name=f"{word} of {state_name}", kind="organisation", code=state.code, sector=role.word.sector,
                  role=word, country=state.code,
                  evidence={"source": "text", "rule": rule, "words": state.name})
    actor_id = registry.ensure(("group", state.code, role.word.sector, word), lambda: actor)
    registry.link(actor_id, chunk.start, end, rule=f"the {word}: of the only state named ({state.code})")


def _link_state_of_class(spans: Spans, registry: Registry, chunk: Span, word: str, before: list[Actor]) -> None:
    """ "the kingdom", "the island nation": the one state named earlier, by its name or an actor that acts for it
    ("Sri Lanka's cabinet", "Bahrain's foreign minister, Abdullatif al-Zayani, arrived ... The kingdom"), whose KB
    row gives that class; of several, the one the sentence before is about."""
    entries = {code: e for a in before if a.code and (a.kind == "state" or a.code == a.country)
               for code in [a.code] if (e := _state_entry(spans, code)) and word in e.classes_on(spans.date)}
    rule = f"the {word}: the state of that class"
    if len(entries) > 1:
        named = {a.id for a in before if a.code in entries}
        nearer = named_before_in_sentence(registry, chunk, named, places=False)
        salient = set() if nearer else salient_codes(registry, chunk, set(entries))
        entries = {code: e for code, e in entries.items() if code in salient}
        rule = f"the {word}: the state of that class the sentence before is about"
    if len(entries) == 1:
        entry = next(iter(entries.values()))
        actor_id = registry.ensure(("kb", entry.code), partial(entry_actor, entry, spans.date))
        registry.link(actor_id, chunk.start, chunk.root.i + 1, rule=rule)


def _state_entry(spans: Spans, code: str) -> KBEntry | None:
    """The KB row of the state with this code."""
    name = spans.kb.state_names.get(code)
    hits = spans.kb.lookup(name) if name else []
    return next((h.entry for h in hits if h.entry.kind == "state" and h.entry.code == code), None)


def _states_of_places_in(spans: Spans, sent: Span) -> set[str]:
    """The states of the places (cities, regions) a sentence names."""
    return {p.code for p in spans.locations if sent.start_char <= p.start < sent.end_char and p.kind != "state"}


def _link_one(registry: Registry, start: int, end: int, candidates: list[Actor], rule: str) -> None:
    if len({a.id for a in candidates}) == 1:
        registry.link(candidates[0].id, start, end, rule=rule)


def _link_one_side(spans: Spans, registry: Registry, start: int, end: int, candidates: list[Actor],
                   rule: str) -> None:
    """Join the one side the candidates stand for: a network and its affiliate with one code ("Al-Qaeda's Sahel
    branch, JNIM, ... the militants") are the same side to an event; the one named latest is linked."""
    if len({a.code for a in candidates}) == 1:
        at = spans.doc[start].idx
        latest = max(candidates, key=lambda a: max(m.start for m in a.mentions if m.start < at))
        registry.link(latest.id, start, end, rule=rule)


def actors_before(spans: Spans, registry: Registry, i: int) -> list[Actor]:
    """Actors named (not by a pronoun) before token i; "ASEAN" in "ASEAN leaders" still names ASEAN."""
    start = spans.doc[i].idx
    return [a for a in registry.actors.values() if any(m.start < start and m.via != "pronoun" for m in a.mentions)]
