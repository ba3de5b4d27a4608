"""Pass 6: unnamed groups — "Iraqi officials" (IRQ, GOV), "an American destroyer" (USA, MIL), "four Saudi men".

A definite phrase ("the Israeli leader", "the officials") first tries to refer back to an actor already
named (:func:`~.pronouns.refer_back`); only if none fits is it a group of its own.
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from spacy.tokens import Span, Token

from ...records import Actor
from ...resources.kb import PLACE_KINDS, fold
from .descriptions import WINDOW_STOP, Description, hyphen_participle, read_window, text_evidence
from .nominals import ARMED_SECTORS, STATE_SECTORS, is_class_word
from .pronouns import refer_back
from .registry import Registry
from .salience import in_dateline
from .spans import KBSpan, RoleSpan, Spans

# The evidence rule of one actor per state of a coordinated phrase ("U.S. and Iraqi officials"); quotes read it.
COORDINATED_RULE = "unnamed group, one of coordinated states"
POST_MODIFIER_PREPOSITIONS = frozenset({"of", "for", "at", "in"})
# Grammar, not knowledge: the words that say someone went to a place.
VISIT_WORDS = frozenset({"visit", "trip", "tour", "travel", "fly", "arrive", "land"})
# roles that serve a state or a body: "officials in Kyiv" are Ukraine's, "residents of Goma" are no one's
OFFICE_SECTORS = STATE_SECTORS | ARMED_SECTORS


def add_unnamed_groups(spans: Spans, registry: Registry, *, keep_uncoded: bool = False) -> None:
    """`keep_uncoded` keeps a group the text gives a role or sector but no code (for `newsgraph actor`)."""
    for chunk in _role_phrases(spans):
        root = chunk.root
        role = spans.role_at.get(root.i)
        if role is None or registry.is_spent(root.i) or root.i in registry.token_actor:
            continue
        if role.word.private and not _speaker(spans, chunk, role):
            continue  # "an Egyptian analyst said" is a speaker with no code; "analysts" are no actor
        states_body = is_class_word(spans, role) and _state_named_before_role(spans, chunk, role)
        if is_class_word(spans, role) and not states_body:
            continue  # "the kingdom": only a state of that class, see the descriptions pass
        # "his spokesman": "his" stays a pronoun of its own, for the pronouns pass to give its actor
        start = chunk.start + (chunk[0].pos_ == "DET" or (chunk[0].tag_ == "PRP$"
                                                          and role.word.kind in ("person", "body")))
        named = _named_in_apposition(spans, registry, chunk.start, root.i + 1) if role.word.kind != "person" else None
        if named is not None:  # "the Syrian Kurdish militia, the YPG": a description of a named group
            registry.attach(("id", named), lambda: None, start, root.i + 1, "nominal", nested=True)
            continue
        window = list(range(chunk.start, root.i + 1))
        parts = coordinated_states(spans, window)
        if parts:  # "American and British warplanes": one actor per state, each with the whole phrase
            descs = [read_window(spans, registry, [i for i in window if not _in_other(i, part, parts)])
                     for part in parts]  # read all before writing: a written part would lend its code
            for part, desc in zip(parts, descs, strict=True):
                _add_group(spans, registry, start, root.i + 1, desc, role, split=part)
            continue
        # "a Dutch nurse said": a speaker of a private profession is a person with a nationality, not a state's
        desc = read_window(spans, registry, window, person=_speaker(spans, chunk, role))
        if states_body:
            desc.sector = "GOV"  # "the Chinese mission": a state's own, not an international body's (IGO)
        serves = role.word.kind in ("person", "group") and role.word.sector in OFFICE_SECTORS
        # "a Western adviser in Maputo" is no Mozambican; "its embassy in Beijing" is whoever "its" stands for's
        posted = role.word.diplomat or of_many_states(spans, window) or chunk[0].tag_ == "PRP$"
        after = post_modifier(spans, root.i, posted=posted,
                              portfolio=role.word.for_is_no_employer) if desc.code is None and serves else []
        if (desc.code is None or desc.from_named_body) and _state_seated_body(spans, chunk, role):
            # "the foreign ministry in Islamabad": Pakistan's, not the foreign ministry of another state named before
            seat = read_window(spans, registry, post_modifier(spans, root.i), places=True)
            if seat.code and _other_states_body_before(spans, registry, chunk, role, seat.code):
                desc.code, desc.country, desc.code_from = seat.code, seat.country, seat.code_from
                desc.from_named_body = False
        of_parts = coordinated_states(spans, after)
        if of_parts:  # "the foreign ministers of France and Germany": one actor per state
            descs = [read_window(spans, registry, [i for i in after if not _in_other(i, part, of_parts)],
                                 places=True) for part in of_parts]
            for part, part_desc in zip(of_parts, descs, strict=True):
                part_desc.merge(desc)
                _add_group(spans, registry, start, root.i + 1, part_desc, role, split=part, split_after=True)
            continue
        served = read_window(spans, registry, after, places=True) if after else None
        if served is not None and not served.from_named_body:  # "officials in Kyiv", "an official at the ..."
            desc.merge(served)  # (a body matched by its words alone may be named only later in the article)
        bare = all(t.pos_ in ("DET", "ADJ") for t in spans.doc[chunk.start:role.start])  # not "business leaders"
        if desc.code is None and serves and bare and _met(root):
            _code_as_hosts(spans, desc, root)
        # "the ruling Socialist Party" is a name, not a description of the last party named; a person's title is
        # capitalised as an office ("the Foreign Secretary said")
        definite = chunk[0].lower_ in ("the", "both") and not (
            root.is_title and not root.is_sent_start and role.word.kind != "person")
        if role.word.kind == "state" and _counted(root):
            continue  # "the two Nordic countries" are no one state: the events stage counts the sides it means
        if (definite or _possessed_title(spans, chunk, role)) and refer_back(spans, registry, chunk, desc, role):
            continue
        if role.word.kind in ("modifier", "state"):
            continue
        if desc.code is None and not (keep_uncoded and (desc.role or desc.sector)) \
                and not _speaker(spans, chunk, role) and not _pronoun_owned_state_body(chunk, role):
            continue
        _add_group(spans, registry, start, root.i + 1, desc, role)


def _state_named_before_role(spans: Spans, chunk: Span, role: RoleSpan) -> bool:
    """ "the Chinese mission", "Russia's mission to the alliance": a state's name or demonym right before a word that
    alone would be an international body's (role kind bloc) makes the phrase that state's; not "the Saudi-led
    coalition", a bloc a state leads, nor "the EU mission", an international body's own."""
    if role.word.kind != "bloc":
        return False
    doc = spans.doc
    kb_span = spans.kb_at.get(role.start - 1) or (spans.kb_at.get(role.start - 2) if doc[role.start - 1].tag_ == "POS"
                                                   else None)
    return (kb_span is not None and kb_span.start >= chunk.start and kb_span.entry.kind == "state"
            and kb_span.hit.via in ("name", "alias", "demonym") and not hyphen_participle(doc, kb_span.end))


def _state_seated_body(spans: Spans, chunk: Span, role: RoleSpan) -> bool:
    """ "the foreign ministry in Islamabad", "the presidential office in Taipei": a government body (not a court, an
    embassy or a mission, which sit where they serve others) placed in a state or its capital, whose body it is."""
    if role.word.kind != "body" or role.word.sector != "GOV" or role.word.private:
        return False
    doc = spans.doc
    for prep in chunk.root.rights:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            place = next((t for t in prep.children if t.dep_ == "pobj"), None)
            kb_span = spans.kb_at.get(place.i) if place is not None else None
            if kb_span is not None and kb_span.entry.kind == "state" and kb_span.hit.via in ("name", "metonym") \
                    and not (kb_span.end < len(doc) and doc[kb_span.end].tag_ == "POS"):
                return True
    return False


def _other_states_body_before(spans: Spans, registry: Registry, chunk: Span, role: RoleSpan, code: str) -> bool:
    """Whether a body of another state than `code`, whose name holds the role's words, is named before the chunk:
    the one the words alone would join ("China's foreign ministry" before "the foreign ministry in Islamabad")."""
    word = fold(spans.doc[role.start:role.end].lemma_)
    start = spans.doc[chunk.start].idx
    return any(a.kind != "person" and a.code and a.code != code and word in fold(a.name)
               and any(m.start < start and m.via != "pronoun" for m in a.mentions) for a in registry.actors.values())


def _counted(root: Token) -> bool:
    """"both countries", "the three governments", "all five states": a plural head counted as several."""
    return root.tag_ in ("NNS", "NNPS") and any(
        c.dep_ in ("det", "predet", "nummod") and (c.lower_ in ("both", "all") or (c.like_num and c.lower_ != "one"))
        for c in root.children)


def _possessed_title(spans: Spans, chunk: Span, role: RoleSpan) -> bool:
    """ "Putin's spokesman", "China's foreign ministry spokesman": a person's title owned by a name, which may
    refer back to the one person named before with that title."""
    doc = spans.doc
    return (role.word.kind == "person" and chunk[0].pos_ == "PROPN" and not chunk.root.is_title
            and any(doc[i].tag_ == "POS" for i in range(chunk.start, role.start)))


def _met(root: Token) -> bool:
    """ "met officials", "talks with officials", "met ministers and officials": the other side of a meeting."""
    if root.dep_ == "conj":
        root = root.head
    return root.dep_ == "dobj" or (root.dep_ == "pobj" and root.head.lower_ == "with")


def _code_as_hosts(spans: Spans, desc: Description, root: Token) -> None:
    """ "During a visit to Japan, Ruto met officials": whom a visitor meets are the hosts' officials, when
    this sentence or the one before names a visit to one state only."""
    sent = root.sent
    start = spans.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    hosts = {code for tok in spans.doc[start:sent.end] if tok.lemma_.lower() in VISIT_WORDS
             for code in _visited(spans, tok)}
    if len(hosts) == 1:
        desc.code = desc.country = hosts.pop()
        desc.code_from = f"hosts of the visit to {spans.kb.state_names.get(desc.code or '', desc.code)}"


def _visited(spans: Spans, visit: Token) -> set[str]:
    """The states a visit word names: its object ("visited Japan") or the place after "to"/"in"."""
    places = [c for c in visit.children if c.dep_ == "dobj"]
    places += [g for c in visit.children if c.dep_ == "prep" and c.lower_ in ("to", "in") for g in c.children
               if g.dep_ == "pobj"]
    codes = set()
    for place in places:
        kb_span = spans.kb_at.get(place.i)
        if kb_span is not None and (kb_span.entry.kind == "state" or kb_span.entry.kind in PLACE_KINDS):
            codes.add(kb_span.entry.code or "")
    return codes - {""}


def post_modifier(spans: Spans, root_i: int, *, posted: bool = False, portfolio: bool = False) -> list[int]:
    """The objects of "of", "for", "at" and "in" after an unnamed role ("officials in Kyiv", "a spokesman for the
    army", "ministers of France and Germany"), prepositions left out: whom or where the role serves. A diplomat
    (`posted`) is "in" the capital he is posted to, which is not the one he serves ("a Western diplomat in Kabul");
    a minister's or a diplomat's "for" (`portfolio`) names the portfolio or the host ("his envoy for Ukraine")."""
    doc = spans.doc
    tokens: list[int] = []
    for prep in doc[root_i].rights:
        if prep.dep_ == "prep" and prep.lower_ in POST_MODIFIER_PREPOSITIONS and not (posted and prep.lower_ == "in") \
                and not (portfolio and prep.lower_ == "for"):
            tokens += [t.i for t in prep.subtree if t.dep_ != "prep" and t.text not in WINDOW_STOP]
    return sorted(tokens)


def of_many_states(spans: Spans, window: Iterable[int]) -> bool:
    """ "a senior Western official", "a Latin American diplomat": a title whose words name a region of many states
    (a KB name of kind other) says its holder serves one of them the text leaves unnamed; not the state of the
    place they are in, nor the one the story is about."""
    return any(i in spans.kb_at and spans.kb_at[i].entry.kind == "other" for i in window)


def _speaker(spans: Spans, chunk: Span, role: RoleSpan) -> bool:
    """ "a senior official said", "..., a Western diplomat told reporters", "a ministry spokesperson called the
    outcome 'an important step'" (a verdict verb, whose quoted phrase is its subject's): an unnamed speaker is an
    actor even when the text gives no code, so the quote has someone to belong to."""
    root = chunk.root
    return (role.word.kind == "person" and root.tag_ == "NN" and _unnamed_one(chunk)
            and root.dep_ == "nsubj" and (spans.speech.is_reporting(root.head) or spans.speech.is_verdict(root.head)))


def _pronoun_owned_state_body(chunk: Span, role: RoleSpan) -> bool:
    """ "Its foreign ministry said": a state's body owned by "its" or "their", acting; the affiliations pass codes it
    once the pronoun has its actor. "His office said" stays the person's own words (the quotes stage)."""
    return (chunk[0].lower_ in ("its", "their") and role.word.kind == "body" and not role.word.private
            and role.word.sector in STATE_SECTORS and chunk.root.dep_ in ("nsubj", "nsubjpass"))


def _unnamed_one(chunk: Span) -> bool:
    """ "a senior official", "his spokesman": one person the text does not name, new to the story or known only
    by whom they serve."""
    return chunk[0].lower_ in ("a", "an") or chunk[0].tag_ == "PRP$"


def _named_in_apposition(spans: Spans, registry: Registry, start: int, end: int) -> str | None:
    """The organisation or group named right after ", " (or right before ", ") this phrase."""
    doc = spans.doc
    after = end + 1 + (end + 1 < len(doc) and doc[end + 1].pos_ == "DET")
    candidates = []
    if end < len(doc) and doc[end].text == ",":
        candidates.append(registry.token_actor.get(after, ""))
    if start >= 2 and doc[start - 1].text == ",":
        candidates.append(registry.token_actor.get(start - 2, ""))
    for actor_id in candidates:
        actor = registry.actors.get(actor_id)
        if actor is not None and actor.kind in ("organisation", "group") and actor.evidence.get("source") == "kb":
            return actor.id
    return None


def _role_phrases(spans: Spans) -> list[Span]:
    """Noun phrases headed by a role word: noun chunks, and possessors such as "the minister's" (team)."""
    doc = spans.doc
    phrases = [_past_dateline(chunk) for chunk in spans.noun_chunks]
    for tok in (doc[i] for i in sorted(spans.role_at)):  # in text order, as a scan of the doc would find them
        if tok.dep_ == "poss" and tok.n_lefts:
            phrases.append(doc[tok.left_edge.i:tok.i + 1])
    return sorted(phrases, key=lambda p: p.start)


def _past_dateline(chunk: Span) -> Span:
    """A noun chunk the parser ran on from the dateline ("MAIDUGURI, Nigeria - Nigerian and Cameroonian troops"),
    cut where the story's own words begin: the place a story was filed from is no part of its first phrase."""
    if not in_dateline(chunk[0]) or in_dateline(chunk.root):
        return chunk
    start = next(t.i for t in chunk if not in_dateline(t))
    return chunk.doc[start:chunk.end]


def coordinated_states(spans: Spans, window: list[int]) -> list[KBSpan]:
    """The states (or organisations and groups) joined by "and", "or" or commas in front of a noun ("U.S. and
    Iraqi officials", "Israeli and Hamas negotiators"), when there are two or more of them; else none."""
    doc = spans.doc
    covering: list[KBSpan] = []  # the KB spans over the window's tokens, in order: looked up, not scanned for
    for i in window:
        kb_span = spans.kb_at.get(i)
        if kb_span is not None and (not covering or covering[-1] is not kb_span):
            covering.append(kb_span)
    states = [s for s in covering if s.entry.kind in ("state", "organisation", "group")
              and s.start in window and s.end - 1 in window]
    if len({s.entry.code for s in states}) < 2:
        return []
    for left, right in pairwise(states):
        if not all(doc[i].lower_ in ("and", "or", ",", "&") for i in range(left.end, right.start)):
            return []
        if left.end == right.start:
            return []
    return states


def _in_other(i: int, part: KBSpan, parts: list[KBSpan]) -> bool:
    return any(p is not part and p.start <= i < p.end for p in parts)


def _add_group(spans: Spans, registry: Registry, start: int, end: int, desc: Description, role: RoleSpan, *,
               split: KBSpan | None = None, split_after: bool = False) -> None:
    """`split`: the one state of a coordinated phrase this actor stands for (the name says which), before the
    role ("American ... warplanes") or, `split_after`, after it ("ministers of France")."""
    doc = spans.doc
    text = doc[start:end].text
    if split is not None:
        state, role_text = doc[split.start:split.end].text, doc[role.start:end].text
        text = f"{role_text} of {state}" if split_after else f"{state} {role_text}"
    kind = "person" if role.word.kind == "person" and doc[role.end - 1].tag_ != "NNS" else "organisation"
    sector = "ELI" if desc.former else desc.sector
    rule = "unnamed group" if split is None else COORDINATED_RULE
    # "a former Algerian diplomat said": one unnamed person who no longer holds the office speaks for no state;
    # the demonym gives a nationality, as for "a Chinese expert"
    code = None if kind == "person" and desc.former else desc.code
    actor = Actor(id="", name=text, kind=kind, code=code, sector=sector, role=desc.role,
                  country=desc.country or desc.nationality, evidence={**text_evidence(desc), "rule": rule})
    key: tuple = ("group", code, sector, fold(doc[role.start:role.end].lemma_))
    if start > 0 and ((kind == "person" and doc[start - 1].lower_ in ("a", "an")) or doc[start - 1].tag_ == "PRP$"):
        key += (start,)  # "a senior U.S. official" is someone new, not the "U.S. officials" named before; "his
        # spokesman" is whoever "his" stands for's, found only after the pronouns pass
    registry.attach(key, lambda: actor, start, end, "nominal" if kind == "person" else "title", nested=True)
