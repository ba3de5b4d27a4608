"""Pass 9: affiliations — a person the text gives a public office but no code ("Its spokeswoman, Lena
Marsh", "a spokesman for the navy, Captain Ivo Rand", "Defence Minister Ana Ruiz") takes the code of
what the words around the name point at, else of the place the sentence opens with, else of the
article's home state.

It runs last, once names, groups, descriptions and pronouns have their actors, so "its" and "the navy"
in a title already point somewhere. Each rule is tried only when the earlier ones found nothing:

0. the title or an apposition, read again now that every description has its actor ("the junta's
   spokesman"); a body matched by its words alone ("foreign ministry spokeswoman") is no proof here, since
   the passes since may have named a second state's ministry;
1. the title or an apposition names whom the person serves: a possessor ("the junta's spokesman",
   "its spokeswoman"), or "of", "for" or "to" ("a spokesman for the navy", "adviser to President ...");
   a place after "in", "from", "with" ... is where the person is, not whom they serve; a possessor no pass
   could resolve ("the junta's" with two states named) gives the one state named whose KB row says that class
   (class:junta), else stops here too;
1b. the one unnamed holder of the same title the text described before the name, with a state's code ("Peru
   declared Mexico's ambassador persona non grata ... Ambassador Pablo Monroy"); two states' holders decide nothing;
2. the person speaks in a state's capital ("told reporters in Seoul", "At a briefing in Tokyo, spokesman ... said",
   "Speaking in Santiago, ..."): a ministry briefs at home, though the story be filed elsewhere or be about another
   state; not a diplomat, who speaks where he is posted, nor a city that is no capital ("in Geneva"); else the
   sentence opens with "In <place>," ("In Nairobi, foreign ministry spokesman ...");
3. the state the story was just about: the subjects of the sentences just before (this paragraph and the one
   before it, :data:`SUBJECT_SENTENCES` at most, back to the first subject that is no state's actor) all act
   for one state ("The junta hit back on Monday. Spokesman Colonel ... said"; a subject no pass made an actor
   stands for its possessor: "Her coalition collapsed"); subjects of two states ("Peru said ... Ecuador
   said ...") decide nothing, nor for a legislator, who speaks of other states' acts as often;
4. the article's home state: the state its text names most, if it clearly leads (:func:`home_state`); not when
   the sentence just before is an international body's and names no state ("The U.N. refugee agency said thousands
   had fled. Spokesman X said"), since the person may be its official.

Private roles (analysts, fellows) are never coded here; rules 2 to 4 only give a state's code to a state
office (GOV, MIL, COP, SPY, JUD, LEG), held now or before (a former minister stays among his state's
elites, ELI), that is no executive's title any body uses (roles.csv), and none applies when the title names
a body the KB cannot code, unless that body is a state's ("National Security Council spokesman"). An unnamed
speaker with a state office ("a police officer in Lamu said") gets rules 1 to 3 only (rule 1 from a possessor,
"his spokesman", or the objects of "for", "of" and "at", "a spokesman for the mission", that a named actor stands
for, not a body a description pass guessed), and never a diplomat
("a senior Western diplomat"), whose state the story's subject does not say; when neither decides and the
title names a state's body but not its state ("a ministry official", "a spokeswoman for the foreign
ministry"), the state of the dateline the story was filed under, if the text names that state again
(:data:`DATELINE_MIN_MENTIONS`).
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from ...records import Actor
from ...resources.kb import PLACE_KINDS, fold
from .descriptions import ACRONYM_RULE, HOST_PREPOSITIONS, describe, description_windows
from .groups import of_many_states, post_modifier
from .nominals import actors_before, blocs, kb_classes
from .registry import Registry
from .salience import after_dateline
from .spans import Spans

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# A home state must be named this many times, and this many times as often as the next one.
HOME_MIN_MENTIONS = 3
HOME_LEAD = 1.5
# An unnamed official of a state body takes the dateline's state only if the text names that state this often
# (the dateline counts once): a story filed from a capital about others does not make their officials its own.
DATELINE_MIN_MENTIONS = 2
# How many sentences before an office holder's own rule 3 reads for the subject the story is about.
SUBJECT_SENTENCES = 3


def add_affiliations(spans: Spans, registry: Registry) -> None:
    pronouns = {m.start: a.id for a in registry.actors.values() for m in a.mentions if m.via == "pronoun"}
    home: list[str | None] = []  # computed once, on the first person that needs it
    for actor in list(registry.actors.values()):
        if _code_pronoun_owned_body(spans, registry, actor, pronouns):
            continue
        span = _open_office_holder(spans, actor)
        if span is None:
            span = _unnamed_office_holder(spans, registry, actor)
            if span is not None:
                _code_unnamed(spans, registry, actor, span, pronouns)
            continue
        desc = describe(spans, registry, span)
        if desc.code and not desc.private and not desc.from_named_body:  # now that "the junta" has its actor
            sector = actor.sector if desc.sector in (None, "GOV") else desc.sector
            _code(registry, actor, desc.code, desc.country, sector,
                  f"title or apposition, read after every pass: {desc.code_from}")
            continue
        served = _served(spans, registry, actor, span, pronouns)
        if served is not None:
            if actor.sector == "ELI" and served.sector in ("IGO", "NGO"):
                continue  # "former EU official Pierre Morel" speaks for the Union no more
            if served.code and not _abbreviated_employer(spans, served, span):
                _code(registry, actor, served.code, served.country, _sector(actor, served),
                      f"serves the actor named in the title: {served.name}")
                continue
            if served.code or served.sector not in STATE_SECTORS or served.kind == "person":
                continue  # "commander of the Ogaden Front": serves a body the KB cannot code, not the home state
            # "National Security Council spokesman": a state's body, whose state the rules below may find
        possessor = _uncoded_possessor(spans, registry, span)
        bloc = _bloc_of_possessor(spans, registry, span, possessor)
        if bloc is not None:  # "the bloc's secretary-general": a title's words no second actor may hold
            _code(registry, actor, bloc.code, bloc.country, _sector(actor, bloc), f"the bloc named before: {bloc.name}")
            continue
        if possessor is not None and possessor in spans.kb.state_classes:  # not "the Supreme Court's chief justice"
            # "the junta's spokesman": of the one state named before that the KB calls so, else not guessed
            state = _state_of_class(spans, registry, span, possessor)
            if state is not None:
                _code(registry, actor, state, state, actor.sector, f"the one state named whose KB row says "
                                                                    f"class:{possessor}")
            continue
        if _serves_unnamed_body(spans, registry, description_windows(spans, span)):
            continue
        # "chief of staff" says nothing of a state, unless a military rank goes with it ("Gen. Romeo Brawner")
        if _office_sector(spans, actor, span) not in STATE_SECTORS or (
                _executive_title(spans, span) and actor.sector != "MIL"):
            continue
        described = _described_before(spans, registry, span)
        if described is not None:  # "gave France's ambassador 72 hours to leave ... Ambassador Joel Meyer"
            _code(registry, actor, described.code, described.country, actor.sector,
                  f"the one holder of the title described before: {described.name}")
            continue
        place = _speaking_capital(spans, span) if not _diplomat_title(spans, span) else None
        if place is not None:  # an envoy speaks where he is posted
            _code(registry, actor, place, place, actor.sector, "the capital the person speaks in")
            continue
        place = _opening_place(spans, span.sent)
        if place is not None:
            _code(registry, actor, place, place, actor.sector, "the place the sentence opens with")
            continue
        # a legislator comments on other states' acts as often as on their own: no state from the story's subject
        subject = subject_state(spans, registry, span.sent, pronouns) if actor.sector != "LEG" else None
        if subject is not None and subject == _counterpart_state(spans, registry, span, pronouns):
            subject = None  # "Blinken spoke with Foreign Minister Mukhtar Tileuberdi": the other side's minister
        if subject is not None:
            _code(registry, actor, subject, subject, actor.sector, "the state the sentences before are about")
            continue
        if _international_body_before(spans, registry, span.sent, pronouns):
            continue  # "The U.N. refugee agency said ... Spokesman X told reporters": the story left its home state
        if not home:
            home.append(home_state(spans, registry))
            home.append(_dateline_state(spans, registry) if home[0] is None else None)
        if home[0] is not None:
            _code(registry, actor, home[0], home[0], actor.sector, "the article's home state")
        elif home[1] is not None and not _diplomat_title(spans, span):  # an envoy is posted away from home
            _code(registry, actor, home[1], home[1], actor.sector, "the dateline's state, one of the two named most")


def _open_office_holder(spans: Spans, actor: Actor) -> Span | None:
    """The first named mention of a person whose role is a public office but who has no code yet."""
    if actor.kind != "person" or actor.code or actor.evidence.get("source") != "unresolved":
        return None
    if actor.evidence.get("private") or not actor.role:
        return None
    mention = next((m for m in actor.mentions if m.via in ("name", "alias")), None)
    if mention is None:
        return None
    return spans.doc.char_span(mention.start, mention.end, alignment_mode="expand")


def _code_pronoun_owned_body(spans: Spans, registry: Registry, actor: Actor, pronouns: dict[int, str]) -> bool:
    """ "Its foreign ministry said": a state's body the unnamed-groups pass left uncoded for its pronoun, which now
    has its actor; coded as whom the pronoun stands for, when that actor has a code."""
    if actor.kind != "organisation" or actor.code or actor.evidence.get("rule") != "unnamed group":
        return False
    span = spans.doc.char_span(actor.mentions[0].start, actor.mentions[0].end, alignment_mode="expand")
    owner = next((c for c in span.root.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None) if span else None
    owned_by = registry.actors.get(pronouns.get(owner.idx, "")) if owner is not None else None
    if owned_by is None or not owned_by.code:
        return False
    _code(registry, actor, owned_by.code, owned_by.country, actor.sector,
          f"the body of whom its possessive pronoun stands for: {owned_by.name}")
    return True


def _unnamed_office_holder(spans: Spans, registry: Registry, actor: Actor) -> Span | None:
    """ "a police officer in Kandahar said", "a senior official at the presidential office said": one unnamed
    speaker with a state office and no code (the unnamed-groups pass made them an actor for their quote)."""
    if actor.kind != "person" or actor.code or actor.evidence.get("source") != "unresolved":
        return None
    if actor.evidence.get("private") or actor.sector not in STATE_SECTORS or actor.sector == "LEG":
        return None
    mention = next((m for m in actor.mentions if m.via != "pronoun"), None)
    if mention is None or mention.via in ("name", "alias"):
        return None
    span = spans.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.tag_ != "NN" or span.root.i not in spans.role_at:
        return None
    word = spans.role_at[span.root.i].word
    # "a senior Western diplomat", "a Western official": whose the story's subject does not say
    if word.executive or word.diplomat or of_many_states(spans, range(span.start, span.end)) \
            or _serves_unnamed_body(spans, registry, [list(range(span.start, span.end))]):
        return None
    return span


def _code_unnamed(spans: Spans, registry: Registry, actor: Actor, span: Span, pronouns: dict[int, str]) -> None:
    """Rules 1 to 3 for an unnamed speaker: whom the title says they serve, now that descriptions and pronouns have
    their actors ("a spokesman for the mission", "his spokesman"), else the place the sentence opens with or the
    one state the sentences before are about."""
    word = spans.role_at[span.root.i].word
    after = post_modifier(spans, span.root.i, posted=word.diplomat, portfolio=word.for_is_no_employer)
    owner = [c.i for c in span.root.children if c.dep_ == "poss"]  # "his spokesman", "the mission's head"
    windows = [owner, list(range(span.start, span.root.i)), after, _holder_named_after(spans, registry, after)]
    served = _first_served(spans, registry, actor, windows, pronouns)
    # a body a description pass made from a guess ("the ruling party": of the state the sentence before is
    # about) is no proof of whom an unnamed speaker serves; a named body, state or person is
    if served is not None and served.code and not (served.kind != "person" and served.evidence.get("source") == "text"):
        _code(registry, actor, served.code, served.country, _sector(actor, served),
              f"serves the actor named in the title: {served.name}")
        return
    place = _speaking_capital(spans, span)
    if place is not None:
        _code(registry, actor, place, place, actor.sector, "the capital the person speaks in")
        return
    place = _opening_place(spans, span.sent)
    if place is not None:
        _code(registry, actor, place, place, actor.sector, "the place the sentence opens with")
        return
    subject = subject_state(spans, registry, span.sent, pronouns)
    if subject is not None:
        _code(registry, actor, subject, subject, actor.sector, "the state the sentences before are about")
        return
    dateline = dateline_place(spans) if _serves_state_body(spans, registry, span) else None
    if dateline is not None and _state_counts(spans, registry)[dateline] >= DATELINE_MIN_MENTIONS:
        _code(registry, actor, dateline, dateline, actor.sector, "a state body's official: the dateline's state")


def _holder_named_after(spans: Spans, registry: Registry, after: list[int]) -> list[int]:
    """ "a spokesperson for the bloc's foreign policy chief, Josep Borrell": the name set off right after the title
    an unnamed speaker serves (the parser hangs it on the speaker), when the people pass gave it to that title."""
    doc = spans.doc
    if not after or after[-1] + 2 >= len(doc) or doc[after[-1] + 1].text != "," \
            or spans.role_at.get(after[-1]) is None or spans.role_at[after[-1]].word.kind != "person":
        return []
    named = registry.actors.get(registry.token_actor.get(after[-1] + 2, ""))
    return [after[-1] + 2] if named is not None and named.kind == "person" else []


def _office_sector(spans: Spans, actor: Actor, span: Span) -> str | None:
    """The sector of the office a person holds, or held: a former minister (ELI) held a state's office, and is still
    among that state's elites ("former foreign minister X" of the state the story is about)."""
    if actor.sector != "ELI":
        return actor.sector
    titles = [spans.role_at[i].word for window in description_windows(spans, span) for i in window
              if i in spans.role_at and spans.role_at[i].word.kind == "person"]
    return titles[-1].sector if titles else None


def _described_before(spans: Spans, registry: Registry, span: Span) -> Actor | None:
    """The one unnamed holder of this person's title the text described before the name, with a state's code
    ("Peru declared Mexico's ambassador persona non grata. ... Ambassador Pablo Monroy had been expelled"): the
    name tells who held the title so described; holders of two states' ("Mexico's ambassador ... Peru's
    ambassador") decide nothing."""
    title = _title_word(spans, span)
    if title is None:
        return None
    found: dict[str, Actor] = {}
    for other in registry.actors.values():
        if other.kind != "person" or not other.code or other.evidence.get("rule") != "unnamed group" \
                or other.sector == "ELI" or other.evidence.get("private"):
            continue
        first = next((m for m in other.mentions if m.via != "pronoun"), None)
        other_span = spans.doc.char_span(first.start, first.end, alignment_mode="expand") if first else None
        if other_span is None or other_span.start >= span.start:
            continue
        if _title_word(spans, other_span, windows=[list(range(other_span.start, other_span.end))]) == title:
            found.setdefault(other.code, other)
    return next(iter(found.values())) if len(found) == 1 else None


def _title_word(spans: Spans, span: Span, windows: list[list[int]] | None = None) -> str | None:
    """The head of the person's title ("ambassador" of "Ambassador Joel Meyer" or "France's ambassador")."""
    titles = [spans.role_at[i].word for window in (windows or description_windows(spans, span)) for i in window
              if i in spans.role_at and spans.role_at[i].word.kind == "person"]
    return titles[-1].phrase if titles else None


def _served(spans: Spans, registry: Registry, actor: Actor, span: Span, pronouns: dict[int, str]) -> Actor | None:
    """The actor (coded or not) a title or apposition names as the one this person serves."""
    return _first_served(spans, registry, actor, description_windows(spans, span), pronouns)


def _first_served(spans: Spans, registry: Registry, actor: Actor, windows: list[list[int]],
                  pronouns: dict[int, str]) -> Actor | None:
    """The first actor (coded, or no person) the windows' words stand for, before a host's preposition."""
    doc = spans.doc
    for window in windows:
        diplomat = any(i in spans.role_at and spans.role_at[i].word.diplomat for i in window)
        for i in window:
            lower = doc[i].lower_
            if lower in HOST_PREPOSITIONS and (lower != "to" or diplomat):
                break  # "spokesman in Kabul", "ambassador to Japan": where they are, not whom they serve
            if lower == "for" and _for_is_no_employer(spans, window, i):
                break  # "the minister for EU relations", "envoy for Syria": the portfolio or the host
            other = registry.actors.get(registry.token_actor.get(i, ""))
            if other is None or other.id == actor.id:  # "his spokesman": "his" is in the phrase and a pronoun
                other = registry.actors.get(pronouns.get(doc[i].idx, ""))
            if other is not None and other.id != actor.id and (other.code or other.kind != "person"):
                return other
    return None


def _for_is_no_employer(spans: Spans, window: list[int], i: int) -> bool:
    """Whether the title just before the "for" at token i is a minister's or a diplomat's."""
    role = next((spans.role_at[k] for k in reversed(window) if k < i and k in spans.role_at), None)
    return role is not None and role.end == i and role.word.for_is_no_employer


def _uncoded_possessor(spans: Spans, registry: Registry, span: Span) -> str | None:
    """A title's possessor that is a body or group word no actor stands for ("the junta's spokesman"): the word."""
    doc = spans.doc
    for window in description_windows(spans, span):
        for i in window:
            role = spans.role_at.get(i)
            if role is not None and role.start == i and role.word.kind in ("group", "body", "bloc") \
                    and role.end < len(doc) and doc[role.end].tag_ == "POS" and i not in registry.token_actor:
                return fold(doc[role.start:role.end].lemma_)
    return None


def _bloc_of_possessor(spans: Spans, registry: Registry, span: Span, word: str | None) -> Actor | None:
    """ "The bloc's secretary-general, Peter Mathuki": the one international organisation named before that a bloc
    word ("the bloc", "the alliance", "the mission") may stand for, as the descriptions pass reads "the bloc"."""
    if word is None or word not in spans.kb.roles or spans.kb.roles[word].kind != "bloc":
        return None
    found = {a.id: a for a in blocs(spans, actors_before(spans, registry, span.start), word)}
    return next(iter(found.values())) if len(found) == 1 and next(iter(found.values())).code else None


def _state_of_class(spans: Spans, registry: Registry, span: Span, word: str) -> str | None:
    """The one state named before `span` whose KB row lists `word` as its class (class:junta)."""
    codes = {a.code for a in registry.actors.values() if a.kind == "state" and a.code
             and any(m.start < span.start_char and m.via != "pronoun" for m in a.mentions)
             and word in kb_classes(spans, a)}
    return codes.pop() if len(codes) == 1 else None


def _serves_unnamed_body(spans: Spans, registry: Registry, windows: list[list[int]]) -> bool:
    """ "a spokesman for the hospital", "the head of a university": the title says whom the person serves, a
    non-state body (by its role word's sector) no pass made an actor, so the state the story is about is not
    theirs."""
    doc = spans.doc
    for window in windows:
        for i in window:
            role = spans.role_at.get(i)
            if role is None or role.start != i or role.word.kind != "person" or role.end >= len(doc):
                continue
            if doc[role.end].lower_ not in ("for", "of"):
                continue
            served = next((t for t in doc[role.end].children if t.dep_ == "pobj"), None)
            if served is None or served.pos_ != "NOUN" or served.i in registry.token_actor or served.i in spans.kb_at:
                continue
            body = spans.role_at.get(served.i)
            # "the command" may be a state's (named before); a hospital or a university is no state's office
            if body is not None and (body.word.private or body.word.sector not in STATE_SECTORS | {None, ""}):
                return True
    return False


def _abbreviated_employer(spans: Spans, served: Actor, span: Span) -> bool:
    """ "director at the CSR": a body known only by the short name the article gives it codes its spokesmen and
    commanders, not its directors (firms and research bodies have them too; :data:`ABBREVIATED_RANK`)."""
    return served.evidence.get("rule") == ACRONYM_RULE and _executive_title(spans, span)


def _executive_title(spans: Spans, span: Span) -> bool:
    """ "Secretary General Ann Lee": a title any body uses says nothing of a state."""
    return any(spans.role_at[i].word.executive for window in description_windows(spans, span)
               for i in window if i in spans.role_at)


def _sector(actor: Actor, served: Actor) -> str | None:
    """A colonel stays MIL whoever he speaks for; a spokesman for rebels is REB."""
    if actor.sector != "GOV" or served.kind not in ("organisation", "group") or not served.sector:
        return actor.sector
    return served.sector


def _opening_place(spans: Spans, sent: Span) -> str | None:
    """ "In Nairobi, ...": the state of the place a sentence opens with."""
    doc = spans.doc
    if len(sent) < 4 or sent[0].lower_ != "in":
        return None
    kb_span = spans.kb_at.get(sent.start + 1)
    if kb_span is None or kb_span.start != sent.start + 1 or kb_span.end >= sent.end or doc[kb_span.end].text != ",":
        return None
    if kb_span.entry.kind == "state" or kb_span.entry.kind in PLACE_KINDS:
        return kb_span.entry.code
    return None


def _speaking_capital(spans: Spans, span: Span) -> str | None:
    """ "told reporters in Taipei", "said at a briefing in Tokyo", "Speaking in Seoul, spokesman ... said": the state
    whose capital the person (the subject of a reporting verb) speaks in. A ministry briefs in its own capital; a
    city that is no capital ("in Geneva") says nothing, nor do two capitals."""
    speech = spans.speech
    root = span.root
    if root.dep_ != "nsubj" or not speech.is_reporting(root.head):
        return None
    verb = root.head
    occasions = speech.nouns | speech.occasions
    # the verb, a subjectless "Speaking" clause on it, and what it is said to or at ("reporters", "a briefing")
    heads = [verb] + [c for c in verb.children if c.dep_ == "advcl" and speech.is_reporting(c)
                      and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    heads += [n for h in list(heads) for n in _objects(h) if n.lemma_.lower() in occasions or n.lower_ in occasions]
    codes = set()
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for place in prep.children:
                kb_span = spans.kb_at.get(place.i) if place.dep_ == "pobj" else None
                if kb_span is not None and kb_span.entry.kind == "state" and kb_span.hit.via == "metonym":
                    codes.add(kb_span.entry.code)
    return codes.pop() if len(codes) == 1 else None


def _objects(head: Token) -> list[Token]:
    """What a verb is said to or at: its objects, and the objects of its "at" ("at a briefing")."""
    found = [c for c in head.children if c.dep_ in ("dobj", "dative")]
    return found + [g for p in head.children if p.dep_ == "prep" and p.lower_ == "at"
                    for g in p.children if g.dep_ == "pobj"]


def _counterpart_state(spans: Spans, registry: Registry, span: Span, pronouns: dict[int, str]) -> str | None:
    """The state of whoever met, called or spoke with this person: the subject of the verb whose object (or
    "with" object) the person's name is."""
    root = span.root
    head = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "with" else root.head
    if root.dep_ not in ("dobj", "pobj") or head.pos_ != "VERB":
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    holder = _actor_at(registry, subject, pronouns) if subject is not None else None
    return holder.code if holder is not None and holder.code else None


def subject_state(spans: Spans, registry: Registry, sent: Span, pronouns: dict[int, str]) -> str | None:
    """The one state the subjects of the sentences before `sent` act for, reading back at most
    SUBJECT_SENTENCES sentences and no further than the start of the previous paragraph; a sentence with no subject
    outside quotation marks is skipped, a subject that is no actor of a state ends the search."""
    doc = spans.doc
    states: set[str] = set()
    paragraphs = 0
    k = sent.start
    for _ in range(SUBJECT_SENTENCES):
        if k == 0:
            break
        previous = doc[k - 1].sent
        paragraphs += "\n" in doc[previous.end - 1].whitespace_ + doc[previous.end - 1].text
        if paragraphs > 1 or (paragraphs and states):
            break  # the paragraph before counts only when this one has named no state yet
        k = previous.start
        # the subject nearest the verb: "ADDIS ABABA — The African Union suspended ..." is the Union's sentence
        subject = next((t for t in reversed(list(previous.root.lefts)) if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or spans.quoted[subject.i]:
            continue
        if any(t.dep_ == "conj" for t in subject.children):
            break  # "Mali and France have quarrelled": a subject of two
        holder = _actor_at(registry, subject, pronouns)
        if holder is None:  # "His coalition collapsed": the possessor's
            holder = next((a for c in subject.children if c.dep_ == "poss" and (a := _actor_at(registry, c, pronouns))
                           is not None), None)
        if holder is None:  # "China's chief negotiator, Vice Premier He Lifeng, described": the one named in apposition
            holder = next((a for c in subject.children if c.dep_ == "appos" for t in c.subtree
                           if (a := _actor_at(registry, t, pronouns)) is not None), None)
        if holder is None or not _acts_for_state(holder):
            break  # "The presidential office in Taipei condemned ...": someone the passes could not code
        states.add(holder.code or "")
    return states.pop() if len(states) == 1 else None


def _international_body_before(spans: Spans, registry: Registry, sent: Span, pronouns: dict[int, str]) -> bool:
    """Whether the subject of the sentence just before `sent` is an international body and that sentence names no
    state ("The U.N. human rights office said the attacks ..."): whoever speaks next may be its official, so the
    article's home state is no evidence for them."""
    doc = spans.doc
    if sent.start == 0:
        return False
    previous = doc[sent.start - 1].sent
    subject = next((t for t in reversed(list(previous.root.lefts)) if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or spans.quoted[subject.i]:
        return False
    holder = _actor_at(registry, subject, pronouns)
    if holder is None or holder.kind != "organisation" or holder.sector != "IGO" or not holder.code:
        return False
    # "The African Union suspended Madagascar": a body's act on a state keeps the story on that state
    return not any((other := _actor_at(registry, t, pronouns)) is not None and _acts_for_state(other)
                   for t in previous[after_dateline(previous) - previous.start:])


def _actor_at(registry: Registry, token: Token, pronouns: dict[int, str]) -> Actor | None:
    return registry.actors.get(registry.token_actor.get(token.i) or pronouns.get(token.idx, ""))


def _acts_for_state(actor: Actor) -> bool:
    """A state, or an office, body or force of one (coded as its country): "Chilean farmers" are not the state."""
    if actor.evidence.get("private") or not actor.code:
        return False
    return actor.kind == "state" or (actor.code == actor.country and actor.sector in STATE_SECTORS)


def home_state(spans: Spans, registry: Registry) -> str | None:
    """The state the article is about: the one its text names most (names, capitals, demonyms, places in
    it, and actors of that country), when it is named at least HOME_MIN_MENTIONS times and HOME_LEAD times as
    often as any other."""
    ranked = _state_counts(spans, registry).most_common(2)
    if not ranked or ranked[0][1] < HOME_MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < HOME_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def _state_counts(spans: Spans, registry: Registry) -> Counter[str]:
    """How often the text names each state: names, capitals, demonyms, places in it, actors of that country."""
    counts: Counter[str] = Counter()
    for actor in registry.actors.values():
        if actor.kind == "state" and actor.code:
            counts[actor.code] += sum(m.via != "pronoun" for m in actor.mentions)
        elif actor.country:
            counts[actor.country] += 1
    for location in spans.locations:
        counts[location.code] += 1
    return counts


def dateline_place(spans: Spans) -> str | None:
    """The state of the place in capitals the article opens with ("MANILA, June 18 (Reuters) -", "TBILISI -")."""
    doc = spans.doc
    first = next((i for i in range(min(len(doc), 3)) if doc[i].is_alpha), None)
    kb_span = spans.kb_at.get(first) if first is not None else None
    if kb_span is None or not doc[kb_span.start:kb_span.end].text.isupper():
        return None
    return kb_span.entry.code if kb_span.entry.kind == "state" or kb_span.entry.kind in PLACE_KINDS else None


def _serves_state_body(spans: Spans, registry: Registry, span: Span) -> bool:
    """ "a spokeswoman for the foreign ministry", "a defence ministry official": the unnamed speaker's words name a
    state's body (a ministry, not a party or a firm) that no pass could give a state."""
    root = span.root
    served = [t.i for p in root.children if p.dep_ == "prep" and p.lower_ in ("for", "of") for t in p.subtree]
    for window in [[t.i for t in root.lefts], list(range(span.start, span.end)), served]:
        for i in window:
            role = spans.role_at.get(i)
            if role is None or role.word.kind != "body" or role.word.sector not in STATE_SECTORS or role.word.private:
                continue
            actor_id = registry.token_actor.get(i)
            if actor_id is None or not registry.actors[actor_id].code:
                return True
    return False


def _dateline_state(spans: Spans, registry: Registry) -> str | None:
    """With no clear home state, the state of the dateline's place, if it is one of the two named most and named
    HOME_MIN_MENTIONS times."""
    code = dateline_place(spans)
    ranked = _state_counts(spans, registry).most_common(2) if code else []
    return code if code in dict(ranked) and dict(ranked)[code] >= HOME_MIN_MENTIONS else None


def _diplomat_title(spans: Spans, span: Span) -> bool:
    return any(spans.role_at[i].word.diplomat for window in description_windows(spans, span)
               for i in window if i in spans.role_at)


def _code(registry: Registry, actor: Actor, code: str | None, country: str | None, sector: str | None,
          rule: str) -> None:
    registry.recode(actor.id, code=code, country=country, sector=sector, role=actor.role,
                    evidence={**actor.evidence, "source": "text", "rule": rule, "pass": registry.pass_name})
