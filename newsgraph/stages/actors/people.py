"""Passes 2-4: people — named persons, names sharing a title, and later short mentions.

A person's code is the KB tenure valid on the article's date, or the code and role the text gives
("Turkish President ...", "..., a former senior State Department official"); analysts and fellows of
private bodies keep code null.
"""
from __future__ import annotations

from functools import partial

from spacy.tokens import Span, Token

from ...records import Actor
from ...resources.kb import PLACE_KINDS, PhraseHit, fold, pick
from ..lookups import token_texts
from .descriptions import Description, describe, text_evidence
from .registry import Registry, entry_actor
from .spans import MISTAKEN_NAME_LABELS, PATRONYMIC_PARTICLES, Spans, name_tokens, name_tokens_text, surname_key

SUBJECT_MISTAKES = MISTAKEN_NAME_LABELS | {"NORP"}  # labels the tagger gives a family name standing alone ("Han")
ALIAS_CUES = ("known as", "known also as", "aka", "a.k.a.", "alias", "also called", "nicknamed",
              "known by his abbreviation", "known by her abbreviation")


def add_people(spans: Spans, registry: Registry) -> None:
    """Full names before single words, so "Costa" can join "Antonio Costa" wherever it stands."""
    for name in sorted(spans.names, key=lambda s: (len(s) == 1, s.start)):
        _add_person(spans, registry, name)


def _add_person(spans: Spans, registry: Registry, span: Span) -> None:
    if any(i in registry.token_actor for i in range(span.start, span.end)):
        return
    existing = _same_person(spans, registry, span) or _aka(spans, registry, span)
    desc = describe(spans, registry, span)
    registry.spend(desc.tokens)  # "said Abubakar, Nigeria's defense minister": the title is no second actor
    if existing is not None:
        registry.attach(("id", existing), lambda: None, span.start, span.end, "alias")
        registry.upgrade(existing, span, lambda: desc)
        return
    hit = _kb_person(spans, span, desc)
    actor = _person_actor(spans, span, desc, hit)
    key = ("person", hit.entry.name) if hit else ("person", fold(span.text))
    actor_id = registry.actor_for(key)
    if actor_id is not None:
        registry.attach(key, lambda: actor, span.start, span.end, "alias")
        return
    registry.attach(key, lambda: actor, span.start, span.end, "name")


def _aka(spans: Spans, registry: Registry, span: Span) -> str | None:
    """ "al-Rufay'i, also known as Abu Khadija": a second name for the person just named."""
    before = spans.doc[max(span.sent.start, span.start - 4):span.start].text.lower()
    if not any(before.rstrip(" ,").endswith(cue) for cue in ALIAS_CUES):
        return None
    for k in range(span.start - 1, max(span.sent.start, span.start - 10) - 1, -1):
        actor = registry.actors.get(registry.token_actor.get(k, ""))
        if actor is not None and actor.kind == "person":
            return actor.id
    return None


def _same_person(spans: Spans, registry: Registry, span: Span) -> str | None:
    """An actor already holding this person: same KB entry, or same surname and compatible forenames."""
    tokens = name_tokens(span)
    if not tokens:
        return None
    for hit in spans.kb.lookup(span.text):
        actor_id = registry.actor_for(("person", hit.entry.name))
        if actor_id:
            return actor_id
    candidates = []
    for actor in registry.actors.values():
        if actor.kind != "person":
            continue
        other = name_tokens_text(actor.name)
        short, long_ = sorted((tokens, other), key=len)
        if other and other[-1] == tokens[-1] and (len(short) == 1 or short[0] == long_[0]
                                                  or long_[-len(short):] == short):
            candidates.append(actor)
    if not candidates:
        return _called_by_given_name(spans, registry, span)
    return max(candidates, key=lambda a: len(a.mentions)).id


def _called_by_given_name(spans: Spans, registry: Registry, span: Span) -> str | None:
    """ "Sheikh Mohammed", "Prince Faisal": the one person named before as "... Mohammed bin Abdulrahman Al
    Thani", called again by the given name before "bin" (with a title, or with the words written before it)."""
    *lead, given = span
    forms = _given_name_forms(registry).get(surname_key(given.text))
    if forms is None:
        return None
    words, actor_id = forms
    return actor_id if all(t.i in spans.role_at or surname_key(t.text) in words for t in lead) else None


def _kb_person(spans: Spans, span: Span, desc: Description) -> PhraseHit | None:
    """The KB tenure of this name valid on the date; a bare surname only names KB people it aliases."""
    hits = [h for h in spans.kb.lookup(span.text) if h.entry.kind == "person"]
    if not hits:
        return None
    if desc.code and not desc.former:  # "the former rebel commander" says who he was, not who he is
        agreeing = [h for h in hits if desc.code in (h.entry.code, h.entry.country)]
        if not agreeing and len(span) == 1:
            return None  # the text says this is someone else with the same surname
        hits = agreeing or hits
    return pick(hits, spans.date)


def _person_actor(spans: Spans, span: Span, desc: Description, hit: PhraseHit | None) -> Actor:
    if hit is not None and (hit.entry.valid_on(spans.date) or not desc.code):
        actor = kb_person_actor(spans.date, hit, desc)
        if len(name_tokens(span)) > 1:
            actor.name = span.text  # the article's spelling; the KB's is in the evidence
        return actor
    evidence = text_evidence(desc)
    sector = "ELI" if desc.former else desc.sector
    if desc.code and sector is None:
        sector = "GOV" if desc.role_kind == "person" else None
    return Actor(id="", name=span.text, kind="person", code=desc.code, sector=sector, role=desc.role,
                 country=desc.country or desc.nationality, evidence=evidence)


def kb_person_actor(date: str, hit: PhraseHit, desc: Description) -> Actor:
    """A KB person as of `date`: the office if held then, "former ..." (ELI) after it, no office before it."""
    entry = hit.entry
    actor = entry_actor(entry, date)
    actor.kind = "person"
    actor.evidence["text_role"] = desc.role
    if not entry.valid_on(date):
        later = not entry.start or entry.start > date
        actor.role = None if later or not entry.role else f"former {entry.role}"
        actor.sector = None if later else "ELI"  # before the office: not yet its holder
        actor.code = entry.country or entry.code
    return actor


def add_conjunct_titles(spans: Spans, registry: Registry) -> None:
    """ "EU chiefs Antonio Costa and Ursula von der Leyen": the second name shares the first's title."""
    doc = spans.doc
    for span in spans.names:
        actor = registry.actors.get(registry.token_actor.get(span.start, ""))
        if actor is None or actor.code or span.start < 2 or doc[span.start - 1].lower_ != "and":
            continue
        left = registry.actors.get(registry.token_actor.get(span.start - 2, ""))
        if left is not None and left.kind == "person" and left.code and left.evidence.get("source") == "text":
            registry.recode(actor.id, code=left.code, country=left.country, sector=left.sector,
                            role=actor.role or left.role,
                            evidence={"source": "text", "rule": "shares the title of the name it is joined to",
                                      "words": left.evidence.get("words")})


def add_short_mentions(spans: Spans, registry: Registry) -> None:
    """Later bare surnames ("Costa", "Sudani") join the actor of the full name; so does a family name
    written first ("Cho" of "Cho Tae-yul") when it is the first word of one person's name and no one's last."""
    surnames: dict[str, str] = {}
    first_words: dict[str, dict[str, int]] = {}  # first word → actor id → where its full name is first written
    for actor in registry.actors.values():
        if actor.kind == "person":
            for m in actor.mentions:
                toks = name_tokens_text(m.text)
                if toks:
                    surnames.setdefault(toks[-1], actor.id)
                if len(toks) > 1:
                    starts = first_words.setdefault(toks[0], {})
                    starts[actor.id] = min(starts.get(actor.id, m.start), m.start)
    if not surnames:
        return
    families_first = {word: next(iter(starts.items())) for word, starts in first_words.items()
                      if len(starts) == 1 and word not in surnames}
    given_names = _given_name_forms(registry)
    given_starts = {words[0] for words, _ in given_names.values()}
    for i, text in enumerate(token_texts(spans.doc)):
        if i in registry.token_actor or not text[:1].isupper() or _in_place(spans, i):
            continue
        tok = spans.doc[i]
        key = surname_key(tok.text)
        called = _given_name_at(spans, given_names, i) if key in given_names or key in given_starts else None
        if called is not None:
            called_id, end = called
            registry.attach(("id", called_id), lambda: None, i, end, "alias")
            continue
        actor_id = surnames.get(key)
        if actor_id is None and key in families_first and _bare_name(spans, tok):
            actor_id, named_at = families_first[key]
            actor_id = actor_id if tok.idx > named_at else None
        if actor_id:
            registry.attach(("id", actor_id), lambda: None, tok.i, tok.i + 1, "alias")
            short = spans.doc[tok.i:tok.i + 1]
            registry.upgrade(actor_id, short, partial(describe, spans, registry, short))


def _given_name_forms(registry: Registry) -> dict[str, tuple[tuple[str, ...], str]]:
    """Given name → (the words up to it, actor id) of people named with a patronymic: "Sheikh Mohammed" of
    "Sheikh Mohammed bin Abdulrahman Al Thani". A given name two people share names neither."""
    owners: dict[str, dict[str, tuple[str, ...]]] = {}
    for actor in registry.actors.values():
        if actor.kind == "person":
            for m in actor.mentions:
                words = tuple(surname_key(w) for w in m.text.split())
                cut = next((j for j, w in enumerate(words) if w in PATRONYMIC_PARTICLES), 0)
                if cut:
                    owners.setdefault(words[cut - 1], {})[actor.id] = words[:cut]
    return {given: next((words, actor_id) for actor_id, words in by_actor.items())
            for given, by_actor in owners.items() if len(by_actor) == 1}


def _given_name_at(spans: Spans, forms: dict[str, tuple[tuple[str, ...], str]], i: int) -> tuple[str, int] | None:
    """(actor id, end) when a given-name form ("Sheikh Mohammed", "Mohammed") starts at token i and the name
    does not go on ("Sheikh Mohammed said", not "Sheikh Mohammed bin Rashid")."""
    doc = spans.doc
    for given, (words, actor_id) in forms.items():
        for form in {words[words.index(given):], words}:
            end = i + len(form)
            if end <= len(doc) and tuple(surname_key(t.text) for t in doc[i:end]) == form and not (
                    end < len(doc) and (doc[end].lower_ in PATRONYMIC_PARTICLES or doc[end].text[:1].isupper())):
                return actor_id, end
    return None


def _bare_name(spans: Spans, tok: Token) -> bool:
    """A proper noun the tagger and the KB take for nothing but a person: "Israel" of "Israel Katz" is a state."""
    # '"...," Han told reporters': a subject the tagger took for a people or a body, if the KB knows no such one
    tagged_as_person = tok.ent_type_ in ("", "PERSON") or (tok.dep_ == "nsubj" and tok.ent_type_ in SUBJECT_MISTAKES)
    return (tok.pos_ == "PROPN" and tagged_as_person and tok.i not in spans.kb_at
            and tok.i not in spans.role_at)  # "Prince" of "Prince Faisal bin Farhan" is his title


def _in_place(spans: Spans, i: int) -> bool:
    """ "Sharif" in "Mazar-i-Sharif" is part of a place name, not a short mention of a person."""
    kb_span = spans.kb_at.get(i)
    return kb_span is not None and kb_span.entry.kind in PLACE_KINDS and kb_span.end - kb_span.start > 1
