"""Event coding: PLOVER events (who did what to whom, when) from a parsed article.

For each sentence, predicates are matched against the lexicon (``eventlex``), their
arguments are read off the parse and tied to actors (``eventargs``), the date comes from
the article's :class:`DateTimeline`, and duplicates of one fact are merged. A predicate
that no pattern matches yields nothing: there is no fallback event.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .eventargs import (DIRECT_OBJECT_DEPS, Grammar, frame, is_passive, load_grammar, qualifiers_of,
                        quoted_ranges, subject_tokens, token_actors)
from .eventlex import DIRECT_OBJECT, Lexicon, Pattern, load_lexicon
from .records import Actor, ActorTable, Event

if TYPE_CHECKING:
    from .dates import DateTimeline

HISTORICAL_DAYS = 365
PLACE_PREPS = frozenset({"in", "near", "inside", "across", "outside", "at"})


@dataclass(eq=False)
class Match:
    """One pattern tried on one trigger token: what it found and what it lacked."""

    pattern: Pattern
    trigger: Token
    missing: list[str] = field(default_factory=list)
    consumed: list[Token] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(eq=False)
class Candidate:
    """A complete match with its arguments; ``status`` says whether it became an event and why not."""

    match: Match
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    source_how: str = "none"
    qualifiers: list[str] = field(default_factory=list)
    mode: str | None = None
    confidence: float = 0.0
    status: str = "event"
    event: Event | None = None


@dataclass
class Trace:
    """What ``newsgraph explain`` shows: every match tried, complete or nearly so."""

    candidates: list[Candidate] = field(default_factory=list)
    near_misses: list[Match] = field(default_factory=list)


@dataclass
class _Context:
    doc: Doc
    actors: ActorTable
    dates: "DateTimeline | None"
    published: dt.date | None
    lexicon: Lexicon
    grammar: Grammar
    quoted: list[tuple[int, int]]


def code_events(doc: Doc, *, actors: ActorTable, dates: "DateTimeline | None", published: str | None,
                lexicon: Lexicon | None = None, trace: Trace | None = None) -> list[Event]:
    """The PLOVER events of one parsed article, one per fact, each with its evidence."""
    ctx = _Context(doc=doc, actors=actors, dates=dates, published=_parse_date(published),
                   lexicon=lexicon or load_lexicon(), grammar=load_grammar(), quoted=quoted_ranges(doc.text))
    events: list[Event] = []
    for sent in doc.sents:
        candidates = _sentence_candidates(sent, ctx, trace)
        kept = _one_per_fact([c for c in candidates if c.status == "event"])
        for cand in candidates:
            if cand.status == "event" and cand not in kept:
                cand.status = "merged into a better match of the same fact"
        for cand in kept:
            cand.event = _to_event(cand, sent, ctx, len(events) + 1)
            events.append(cand.event)
        if trace is not None:
            trace.candidates.extend(candidates)
    return events


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# -- matching ---------------------------------------------------------------------------------------

def match_pattern(pattern: Pattern, trigger: Token) -> Match:
    """Check a pattern's required and forbidden words against the trigger's own phrase."""
    words = frame(trigger)
    result = Match(pattern=pattern, trigger=trigger)
    for alternatives in pattern.words:
        if all(w.startswith("+") for w in alternatives):
            hit = next((c for c in trigger.children if "+" + c.dep_ in alternatives), None)
        else:
            hit = next((t for t in words if t.lemma_.lower() in alternatives or t.lower_ in alternatives
                        or _multiword_prep(t) & alternatives), None)
        if hit is None:
            result.missing.append("|".join(sorted(alternatives)))
        else:
            result.consumed.append(hit)
    for t in words:
        if t.lemma_.lower() in pattern.forbidden or t.lower_ in pattern.forbidden:
            result.missing.append(f"no '{t.text}'")
    return result


def _trigger_kind(tok: Token) -> str | None:
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
        return "verb"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "noun"
    return None


def _best_match(tok: Token, ctx: _Context, trace: Trace | None) -> Match | None:
    kind = _trigger_kind(tok)
    if kind is None:
        return None
    patterns = ctx.lexicon.for_lemma(kind, tok.lemma_) or ctx.lexicon.for_lemma(kind, tok.lower_)
    matches = [match_pattern(p, tok) for p in patterns]
    complete = [m for m in matches if m.complete]
    if trace is not None:
        trace.near_misses.extend(m for m in matches if len(m.missing) == 1 and not complete)
    if not complete:
        return None
    return max(complete, key=lambda m: (m.pattern.specificity, _target_found(m)))


def _target_found(m: Match) -> bool:
    return bool(_target_tokens(m))


def _sentence_candidates(sent: Span, ctx: _Context, trace: Trace | None) -> list[Candidate]:
    matches = [m for tok in sent if (m := _best_match(tok, ctx, trace))]
    consumed = {t.i for m in matches if m.pattern.kind == "verb" for t in m.consumed}
    verb_types = {(m.trigger.i, m.pattern.type) for m in matches if m.pattern.kind == "verb"}
    out: list[Candidate] = []
    for m in matches:
        if m.pattern.kind == "noun" and (m.trigger.i in consumed or _inside_same_type_verb(m, verb_types)):
            continue
        out.append(_candidate(m, ctx))
    return out


def _inside_same_type_verb(m: Match, verb_types: set[tuple[int, str]]) -> bool:
    """An event noun in the phrase of a verb of the same type adds only the mode ("attacked in an airstrike")."""
    head = m.trigger.head
    for _ in range(3):
        if (head.i, m.pattern.type) in verb_types:
            return True
        head = head.head
    return False


# -- arguments ----------------------------------------------------------------------------------------

def _target_tokens(m: Match) -> list[Token]:
    """Tokens in the target slots of a pattern; for "threatened to strike X" also the "to" clause's slots."""
    found = _slot_tokens(m.trigger, m.pattern, passive=m.pattern.kind == "verb" and is_passive(m.trigger))
    if not found and m.pattern.kind == "verb":
        for clause in (c for c in m.trigger.children if c.dep_ == "xcomp"):
            found += _slot_tokens(clause, m.pattern, passive=is_passive(clause))
    return found


def _slot_tokens(head: Token, pattern: Pattern, *, passive: bool) -> list[Token]:
    out: list[Token] = []
    for prep in pattern.target_preps:
        if prep == DIRECT_OBJECT:
            deps = DIRECT_OBJECT_DEPS | ({"nsubjpass"} if passive else set())
            out += [c for c in head.children if c.dep_ in deps and c.lower_ not in ("to", "for")]
            continue
        for tok in frame(head, depth=3):
            if tok.dep_ in ("prep", "dative", "agent") and prep in _multiword_prep(tok):
                out += [c for c in tok.children if c.dep_ == "pobj"]
    return out


def _place_actors(m: Match, ctx: _Context) -> list[Actor]:
    """States named as the scene of the event ("protesters in Istanbul", "attacked a train in Pakistan")."""
    out: list[Actor] = []
    for tok in frame(m.trigger, depth=4):
        if tok.dep_ == "prep" and tok.lower_ in PLACE_PREPS:
            for obj in (c for c in tok.children if c.dep_ == "pobj"):
                out += [a for a in token_actors(obj, ctx.actors, ctx.grammar) if a.kind == "state" and a not in out]
    return out


def _multiword_prep(tok: Token) -> set[str]:
    """A preposition with the words that lead up to it: 'of', 'out of', 'in front of', 'on behalf of'."""
    names = {tok.lower_}
    head = tok.head
    if head.i != tok.i and head.dep_ in ("prt", "prep", "advmod", "pobj"):
        names.add(f"{head.lower_} {tok.lower_}")
        if head.dep_ == "pobj" and head.head.dep_ == "prep":
            names.add(f"{head.head.lower_} {head.lower_} {tok.lower_}")
    return names


def _sources(m: Match, ctx: _Context) -> tuple[list[Actor], str]:
    if m.pattern.kind == "verb":
        tokens, how = subject_tokens(m.trigger)
        return [a for t in tokens for a in token_actors(t, ctx.actors, ctx.grammar)], how
    return _noun_sources(m.trigger, ctx, ctx.lexicon.types[m.pattern.type].noun_modifier_source)


def _noun_sources(noun: Token, ctx: _Context, use_modifiers: bool) -> tuple[list[Actor], str]:
    """Who does what an event noun names: its possessor or "by" phrase, its modifiers, or the light verb's subject."""
    g = ctx.grammar
    for c in noun.children:
        if c.dep_ == "poss":
            return token_actors(c, ctx.actors, g), "possessor"
        if c.dep_ in ("prep", "agent") and c.lower_ in g.noun_source_preps:
            found = [a for p in c.children if p.dep_ == "pobj" for a in token_actors(p, ctx.actors, g)]
            if found:
                return found, f"'{c.lower_}' phrase"
        if c.dep_ == "prep" and c.lower_ in g.party_preps:
            found = [a for p in c.children if p.dep_ == "pobj" for a in token_actors(p, ctx.actors, g)]
            if found:
                return found, "parties"
    mods = [a for c in noun.lefts if use_modifiers and c.dep_ in ("compound", "amod", "nmod")
            for a in token_actors(c, ctx.actors, g)]
    if mods:
        return mods, "modifier"
    verb = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in g.light_verbs:
        tokens, how = subject_tokens(verb)
        return [a for t in tokens for a in token_actors(t, ctx.actors, g)], f"subject of '{verb.text}'"
    return [], "none"


def _candidate(m: Match, ctx: _Context) -> Candidate:
    cand = Candidate(match=m, mode=m.pattern.mode or _instrument_mode(m, ctx))
    cand.sources, cand.source_how = _sources(m, ctx)
    source_ids = {a.id for a in cand.sources}
    targets = [a for t in _target_tokens(m) for a in token_actors(t, ctx.actors, ctx.grammar)]
    cand.targets = [a for i, a in enumerate(targets) if a.id not in source_ids and a not in targets[:i]]
    etype = ctx.lexicon.types[m.pattern.type]
    if not cand.sources and etype.place_is_source:
        cand.sources, cand.source_how = _place_actors(m, ctx), "place"
    if not cand.targets and etype.place_is_target:
        cand.targets = [a for a in _place_actors(m, ctx) if a.id not in source_ids]
    if not cand.sources:
        cand.status = "no source actor"
    elif not cand.targets and etype.requires_target and not (etype.symmetric and len(cand.sources) > 1):
        cand.status = "no target actor"
    cand.qualifiers = sorted(qualifiers_of(m.trigger, ctx.grammar) | _quote_qualifier(m.trigger, ctx))
    cand.confidence = _confidence(m, cand)
    return cand


def _instrument_mode(m: Match, ctx: _Context) -> str | None:
    if m.pattern.type != "ASSAULT":
        return None
    words = [m.trigger, *frame(m.trigger), *m.trigger.subtree] if m.pattern.kind == "noun" else frame(m.trigger)
    for tok in words:
        mode = ctx.grammar.assault_instruments.get(tok.lemma_.lower()) or ctx.grammar.assault_instruments.get(tok.lower_)
        if mode:
            return mode
    return None


def _quote_qualifier(tok: Token, ctx: _Context) -> set[str]:
    return {"reported"} if any(s < tok.idx < e for s, e in ctx.quoted) else set()


def _confidence(m: Match, cand: Candidate) -> float:
    """More required words and complete, directly attached arguments mean a surer reading."""
    score = 0.45 + min(0.24, 0.08 * len(m.pattern.words))
    score += 0.15 if cand.targets else 0.0
    score += 0.1 if cand.source_how in ("subject", "agent", "possessor", "'by' phrase", "parties") else 0.03
    score += 0.05 if m.pattern.kind == "verb" else 0.0
    return round(min(score, 0.95), 2)


# -- one event per fact ---------------------------------------------------------------------------------

def _fact_key(c: Candidate, symmetric: bool) -> tuple:
    src, tgt = frozenset(a.id for a in c.sources), frozenset(a.id for a in c.targets)
    claim = not ({"negated", "hypothetical", "future", "conditional"} & set(c.qualifiers))
    if symmetric:
        return (c.match.pattern.type, src | tgt, claim)
    return (c.match.pattern.type, src, tgt, claim)


def _one_per_fact(cands: list[Candidate]) -> list[Candidate]:
    """Merge matches that state the same fact; keep the best evidence, and a mode if any match had one."""
    best: dict[tuple, Candidate] = {}
    for c in cands:
        symmetric = c.match.pattern.type in ("CONSULT", "AGREE", "COOPERATE")
        key = _fact_key(c, symmetric)
        other = best.get(key)
        if other is None or c.confidence > other.confidence:
            if other is not None and not c.mode:
                c.mode = other.mode
            best[key] = c
        elif not other.mode and c.mode:
            other.mode = c.mode
    kept = list(best.values())
    return [c for c in kept if not any(_subsumes(o, c) for o in kept if o is not c)]


def _subsumes(big: Candidate, small: Candidate) -> bool:
    """Same type and source, and the smaller one's targets are a strict part of the bigger one's."""
    if big.match.pattern.type != small.match.pattern.type or set(big.qualifiers) != set(small.qualifiers):
        return False
    src_b, src_s = {a.id for a in big.sources}, {a.id for a in small.sources}
    tgt_b, tgt_s = {a.id for a in big.targets}, {a.id for a in small.targets}
    return src_s <= src_b and tgt_s <= tgt_b and (src_s, tgt_s) != (src_b, tgt_b)


# -- records ----------------------------------------------------------------------------------------------

def _to_event(c: Candidate, sent: Span, ctx: _Context, number: int) -> Event:
    m, etype = c.match, ctx.lexicon.types[c.match.pattern.type]
    event = Event(
        id=f"ev{number}", type=etype.name, mode=c.mode, source=[a.id for a in c.sources],
        target=[a.id for a in c.targets], sentence=sent.text, start=sent.start_char, end=sent.end_char,
        trigger=_trigger_text(m), pattern=m.pattern.id, quad_class=etype.quad_class,
        intensity=etype.intensity_of(c.mode), confidence=c.confidence, qualifiers=list(c.qualifiers),
    )
    _set_date(event, sent, m.trigger, ctx)
    return event


def _trigger_text(m: Match) -> str:
    tokens = sorted([m.trigger, *m.consumed], key=lambda t: t.i)
    return " ".join(t.text for t in tokens)


def _set_date(event: Event, sent: Span, trigger: Token, ctx: _Context) -> None:
    resolved = ctx.dates.for_event(sent, trigger) if ctx.dates is not None else None
    if resolved is None:
        return
    event.date, event.date_text, event.granularity = resolved.date, resolved.text, resolved.granularity
    day = _parse_date(resolved.date)
    if day is None or ctx.published is None:
        return
    if day > ctx.published and resolved.granularity == "day" and "future" not in event.qualifiers:
        event.qualifiers.append("future")
    if (ctx.published - day).days > HISTORICAL_DAYS and "historical" not in event.qualifiers:
        event.qualifiers.append("historical")
