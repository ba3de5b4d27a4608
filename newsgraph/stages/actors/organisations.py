"""Pass 1: organisations — KB organisations and groups, then ORG entities the KB lacks, coded by a state named
inside them or else by the upper-case short name the article gives them ("the FNPL", "the Sahel Unity Front
(SUF)"), as groups are coded; a state's body ("the National Security Council (NSC)") is never coded by its initials.
A KB body's one-word alias that ends the name of a body named before ("the Nepali Congress ... a Congress leader")
is that body's short name, unless the article names the KB body's state.

First, so that a title read later ("a Birdlife Spain researcher") sees the organisation it names.
"""
from __future__ import annotations

import re
from functools import partial

from spacy.tokens import Span

from ...records import Actor
from ...resources.kb import PLACE_KINDS, fold
from .descriptions import ACRONYM_RULE, earlier_org_with_words, read_window, text_evidence
from .nominals import STATE_SECTORS
from .registry import Registry, entry_actor
from .salience import after_dateline, in_dateline
from .spans import KBSpan, Spans, surname_key

# The code of a body named by its owner's possessive ("Ukraine's SBU", "the African Union's Peace and Security
# Council") when nothing inside its name gives one.
OWNER_RULE = "a body its owner's possessive names"

# An organisation's short name: two to eight upper-case letters, digits or hyphens ("FNSEA", "M-23").
ACRONYM = re.compile(r"[A-Z][A-Z0-9-]{1,7}")


def add_organisations(spans: Spans, registry: Registry) -> None:
    last_words: list[tuple[KBSpan, int]] = []  # "Congress" after "the Nepali Congress": where that body's name ends
    for kb_span in spans.kb_spans:
        if kb_span.entry.kind in ("organisation", "group"):
            earlier = _earlier_name_ending_so(spans, kb_span)
            if earlier is not None:
                last_words.append((kb_span, earlier))
                continue
            _add_kb_org(spans, registry, kb_span)
    short_names: dict[str, str] = {}  # a short name given in brackets → its body's actor id
    for ent in spans.entities:
        if ent.label_ == "ORG":
            _add_unknown_org(spans, registry, ent, short_names)
    _add_later_short_names(spans, registry)
    for kb_span, earlier in last_words:
        actor_id = registry.token_actor.get(earlier)
        if actor_id is not None and registry.actors[actor_id].kind == "organisation":
            registry.attach(("id", actor_id), lambda: None, kb_span.start, kb_span.end, "alias")
        else:
            _add_kb_org(spans, registry, kb_span)


def _add_kb_org(spans: Spans, registry: Registry, kb_span: KBSpan) -> None:
    start = _extend_over_own_state(spans, kb_span)
    registry.attach(("kb", kb_span.entry.name), partial(entry_actor, kb_span.entry, spans.date),
                    start, kb_span.end, kb_span.hit.via)


def _earlier_name_ending_so(spans: Spans, kb_span: KBSpan) -> int | None:
    """ "A Congress spokesman" after "the Nepali Congress" (or "the African National Congress"): a one-word alias
    of a KB body ("Congress" is the U.S. Congress) that is the last word of a longer organisation's name the
    article gave before is that organisation's short name, unless the article names the KB body's state ("the
    World Uyghur Congress urged Congress ... the United States"). The last token of that name, or None."""
    if kb_span.end - kb_span.start != 1 or kb_span.hit.via != "alias":
        return None
    if any(k.entry.kind == "state" and k.entry.code == kb_span.entry.country for k in spans.kb_spans):
        return None
    word = spans.doc[kb_span.start].lower_
    names = [(s.start, s.end) for s in spans.entities if s.label_ == "ORG"]
    names += [(k.start, k.end) for k in spans.kb_spans if k.entry.kind in ("organisation", "group")
              and k.entry is not kb_span.entry]
    ends = [end - 1 for start, end in names
            if end <= kb_span.start and end - start > 1 and spans.doc[end - 1].lower_ == word]
    return max(ends, default=None)


def _add_later_short_names(spans: Spans, registry: Registry) -> None:
    """ "the SPLM-IO" after "the Sudan People's Liberation Movement-in-Opposition (SPLM-IO)": the tagger often
    leaves a short name with a hyphen untagged, so the text is searched for each short name an unknown body was
    given in brackets."""
    doc = spans.doc
    defined = {a.code: a.id for a in registry.actors.values() if a.code and a.evidence.get("rule") == ACRONYM_RULE}
    for code, actor_id in defined.items():
        for found in re.finditer(rf"(?<![\w-]){re.escape(code)}(?![\w-])", doc.text):
            span = doc.char_span(found.start(), found.end())
            if span is not None and not any(i in registry.token_actor for i in range(span.start, span.end)):
                registry.attach(("id", actor_id), lambda: None, span.start, span.end, "alias")


def _extend_over_own_state(spans: Spans, kb_span: KBSpan) -> int:
    """ "U.S. Central Command": a body's mention takes in the state name right before it."""
    before = spans.kb_at.get(kb_span.start - 1)
    if before and before.entry.kind == "state" and before.entry.code in (kb_span.entry.code,
                                                                         kb_span.entry.country):
        return before.start
    return kb_span.start


def _add_unknown_org(spans: Spans, registry: Registry, ent: Span, short_names: dict[str, str]) -> None:
    """An ORG entity the KB lacks: its code comes from a state named inside it, if any."""
    doc, kb_at, role_at = spans.doc, spans.kb_at, spans.role_at
    named = _bracketed_body(spans, registry, ent, short_names)
    if named is not None:
        registry.attach(("id", named), lambda: None, ent.start, ent.end, "alias")
        return
    if in_dateline(ent[0]):
        # "KYIV, Ukraine - Ukrainian Railways said": the tagger ran a name over the dateline's dash; what is left
        # after it is a name only if it heads its phrase ("SUVA, Fiji - Pacific island states": not "Pacific")
        ent = spans.doc[after_dateline(ent.sent):ent.end]
        if not len(ent) or (ent.root.dep_ in ("compound", "amod") and ent.root.head.i >= ent.end):
            return
    start = ent.start + (ent[0].pos_ == "DET")
    if not _looks_like_org(spans, ent, start):
        return
    owner = _owner(spans, start)
    if owner is not None and owner.entry.kind == "state":
        start = owner.start  # "Afghanistan's Ministry of Foreign Affairs" is one body
    tokens = range(start, ent.end)
    if any(i in spans.name_at or i in registry.token_actor for i in tokens):
        return
    inner = [kb_at[i] for i in tokens if i in kb_at]
    if all((i in kb_at and kb_at[i].entry.kind == "state" and kb_at[i].hit.via != "metonym")
           or doc[i].pos_ in ("PUNCT", "CCONJ") for i in tokens):
        return  # "Mali, Burkina Faso": a list of states the tagger took for one name (not of capitals: ports)
    # a state or place inside a longer name may give its code ("Kharkiv Regional Administration");
    # a name that is only a place ("Quetta") is a location, not an unknown organisation
    if any(s.entry.kind not in ("state", *PLACE_KINDS) for s in inner) or (
            inner and inner[0].end >= ent.end and inner[0].start <= start):
        return
    body = next((role_at[i].word for i in tokens if i in role_at and role_at[i].word.kind == "body"), None)
    if not inner and body is not None:
        same = earlier_org_with_words(spans, registry, list(tokens))
        if same is not None:
            registry.attach(("id", same), lambda: None, start, ent.end, "nominal")
            return
    desc = read_window(spans, registry, list(tokens))
    titled = any(i in role_at and not role_at[i].word.private and role_at[i].word.kind != "modifier" for i in tokens)
    owned = owner is not None and not desc.private and not (titled and desc.code) and _names_a_body(spans, ent)
    if owned and owner is not None:
        # "Ukraine's SBU", "the African Union's Peace and Security Council": a body its owner names acts for it
        desc.code, desc.country = owner.entry.code, owner.entry.country
    elif not titled:
        desc.code = desc.country = None  # "German Marshall Fund": a demonym alone does not make a state body
    name = doc[start:ent.end].text
    state_body = body is not None and body.sector in STATE_SECTORS
    acronym = None if desc.private or state_body else _acronym(spans, start, ent.end)
    if acronym and desc.code and (desc.sector in STATE_SECTORS or not _bracketed(spans, ent.end)):
        acronym = None  # a state named inside a long name, with no state office in it, makes no state body:
        # "the Sudan People's Liberation Movement-in-Opposition (SPLM-IO)" is the SPLM-IO
    if acronym and desc.code:
        desc.code = desc.country = desc.sector = None
    if owned and owner is not None and not acronym:
        evidence = {"source": "text", "rule": OWNER_RULE, "words": doc[owner.start:owner.end + 1].text}
    elif desc.code or desc.private:
        evidence = text_evidence(desc)
    elif acronym:
        evidence = {"source": "text", "rule": ACRONYM_RULE}
    else:
        evidence = {"source": "unresolved", "rule": "organisation not in the knowledge base"}
    actor = Actor(id="", name=name, kind="organisation", code=desc.code or acronym,
                  sector=(body.sector if body else None) or desc.sector, country=desc.country, evidence=evidence)
    # "the Ogaden National Front (ONF)" and a later "ONF" are one actor
    registry.attach(("org", fold(acronym or name)), lambda: actor, start, ent.end, "name")


def _owner(spans: Spans, start: int) -> KBSpan | None:
    """The state, organisation or group whose possessive names a body: "Ukraine's SBU", "Moscow's Foreign
    Ministry", "the African Union's Peace and Security Council" (a place's is no owner: "Odesa's Privoz market")."""
    if start < 2 or spans.doc[start - 1].tag_ != "POS":
        return None
    owner = spans.kb_at.get(start - 2)
    if owner is None or owner.end != start - 1 or not owner.entry.code:
        return None
    return owner if owner.entry.kind in ("state", "organisation", "group") else None


def _names_a_body(spans: Spans, ent: Span) -> bool:
    """Whether the entity heads its phrase, or modifies a body word: "Ukraine's SBU security service", not
    "China's Zhuhai Gaolan port" (a place the tagger took for a body)."""
    root = ent.root
    return root.dep_ != "compound" or (root.head.i >= ent.end and root.head.i in spans.role_at)


def _bracketed_body(spans: Spans, registry: Registry, ent: Span, short_names: dict[str, str]) -> str | None:
    """The body whose short name this one-word entity is: "the National Security Council (NSC)", and every
    later "NSC"."""
    doc = spans.doc
    if len(ent) != 1 or not ACRONYM.fullmatch(ent.text):
        return None
    if ent.start >= 2 and doc[ent.start - 1].text == "(" and ent.start - 2 in registry.token_actor:
        actor = registry.actors[registry.token_actor[ent.start - 2]]
        if actor.kind == "person":
            return None
        short_names.setdefault(ent.text, actor.id)
        return actor.id
    return short_names.get(ent.text)


def _acronym(spans: Spans, start: int, end: int) -> str | None:
    """The short upper-case name of an organisation the KB lacks, as the article writes it: the name itself
    ("the FNSEA") or in brackets after it ("the Ogaden National Front (ONF)"). Groups are coded by such names."""
    doc = spans.doc
    if end - start == 1 and ACRONYM.fullmatch(doc[start].text):
        return doc[start].text
    return _bracketed(spans, end)


def _bracketed(spans: Spans, end: int) -> str | None:
    """The short name in brackets right after token `end`: "(ONF)", or "(SPLM-IO)" (three tokens, one word)."""
    doc = spans.doc
    if end + 2 >= len(doc) or doc[end].text != "(":
        return None
    close = next((i for i in range(end + 2, min(end + 6, len(doc))) if doc[i].text == ")"), None)
    inside = doc[end + 1:close] if close is not None else None
    if inside is not None and not any(t.whitespace_ for t in inside) and ACRONYM.fullmatch(inside.text):
        return inside.text
    return None


def _looks_like_org(spans: Spans, ent: Span, start: int) -> bool:
    """NER tags surnames, titles and half names as ORG ("Starmer", "State", "Countering America's")."""
    doc = spans.doc
    if start >= ent.end or doc[start].tag_ == "VBG" or doc[ent.end - 1].tag_ == "POS":
        return False
    if ent.end - start == 1 and surname_key(ent[-1].text) in spans.surnames:
        return False
    title_after = spans.role_at.get(ent.end)
    if ent.end - start == 1 and title_after is not None and title_after.word.kind == "person":
        return False  # "Education Minister Ana Ruiz": a portfolio before a title, not a body
    if ent.end - start > 1 and _acronym(spans, start, ent.end):
        return True  # "the Ogaden Liberation Front (OLF)": a bracketed short name, whatever title words it holds
    return not any(i in spans.role_at and spans.role_at[i].word.kind == "person" for i in range(start, ent.end))
