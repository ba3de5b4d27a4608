"""Actor resolution: who an article names, what they are called, and which code each one carries.

One entry point, :func:`resolve_actors`, reads a parsed ``Doc`` and returns an :class:`ActorTable`
that events and quotes share. It works in passes over spans found once per document:

1. spans: knowledge-base phrases (one PhraseMatcher per KB), role words, and person names
   (spaCy PERSON entities, KB people, and capitalised runs after a title such as "Prime Minister");
2. organisations: KB organisations, national bodies and groups, and unknown ORG entities;
3. people: the KB tenure valid on the article's date, or the code and role the text gives
   ("Turkish President ...", "..., a former senior State Department official"); analysts and
   fellows of private bodies keep code null;
4. later short mentions ("Costa", "Sudani") join the full name's actor;
5. states (names, demonyms, capitals) and unnamed groups ("Iraqi officials", "an American destroyer");
6. coreference: pronouns and definite descriptions ("the Israeli leader", "the officials").

Every actor's ``evidence`` says which source decided its code: ``kb``, ``text`` or ``unresolved``.
Taliban: the KB codes them as Afghanistan's government (AFG, GOV) while they govern it and as the
group TALIBAN otherwise, by date, like any other tenure.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...records import Actor, ActorTable, Location, Mention
from ...resources.kb import PLACE_KINDS, KBEntry, KnowledgeBase, PhraseHit, RoleWord, fold, pick
from ..parse import get_nlp

# Grammar, not knowledge: closed word classes the rules below rely on.
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "von", "der", "van", "de", "da", "di", "du",
                            "la", "le", "dos", "del", "ben"})
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "prof", "prof."})
# After these a place is where someone works or whom they face, not whom they serve.
HOST_PREPOSITIONS = frozenset({"in", "to", "from", "with", "near", "across", "against", "toward", "towards", "on",
                               "over", "between", "by"})
HEAD_VERBS = frozenset({"head", "lead", "chair", "run", "direct", "represent", "command"})
WINDOW_STOP = frozenset({",", ";", ":", ".", "(", ")", "\"", "\u201c", "\u201d", "\u2014", "\u2013", "!", "?", "[", "]"})
NOT_NAME_ENTITIES = frozenset({"DATE", "TIME", "EVENT", "LAW", "LANGUAGE", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                               "ORDINAL"})
ALIAS_CUES = ("known as", "known also as", "aka", "a.k.a.", "alias", "also called", "nicknamed", "known by his abbreviation",
              "known by her abbreviation")
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VB", "MD"})
SPECIFIC_SECTORS = ("MIL", "COP", "JUD", "LEG", "SPY", "REB", "PRM", "MED", "JRN")
STOP_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "'s", "affairs", "on", "in", "at", "to"})


@dataclass(frozen=True)
class KBSpan:
    start: int  # token offsets
    end: int
    hit: PhraseHit

    @property
    def entry(self) -> KBEntry:
        return self.hit.entry


@dataclass(frozen=True)
class RoleSpan:
    start: int
    end: int
    word: RoleWord


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
    tokens: set[int] = field(default_factory=set)

    def merge(self, other: Description) -> None:
        """Fill what this description lacks from a later window."""
        if self.code is None and other.code and not self.private:
            self.code, self.country, self.code_from = other.code, other.country, other.code_from
            if self.sector is None or other.sector in SPECIFIC_SECTORS:
                self.sector = other.sector or self.sector
        if self.role is None and other.role:
            self.role, self.role_kind, self.former = other.role, other.role_kind, other.former or self.former
            self.sector = self.sector or other.sector
        self.private = self.private or other.private
        self.tokens |= other.tokens


def today() -> str:
    return dt.date.today().isoformat()


def resolve_actors(doc: Doc, *, kb: KnowledgeBase, published: str | None) -> ActorTable:
    """Every actor the article names or refers to, with one id per actor ("a1", "a2", ... by first mention)."""
    date = (published or today())[:10]
    return _ArticleResolver(doc, kb, date).run()


def resolve_phrase(text: str, *, kb: KnowledgeBase, date: str | None = None) -> Actor | None:
    """The actor a short phrase names ("four Saudi men" → SAU), for `newsgraph actor`."""
    doc = get_nlp()(text)
    resolver = _ArticleResolver(doc, kb, (date or today())[:10], keep_uncoded=True)
    table = resolver.run()
    covering = [a for a in table.actors if any(m.start <= _root_char(doc) < m.end for m in a.mentions)]
    if covering:
        return covering[0]
    if table.actors:
        return max(table.actors, key=lambda a: max(m.end - m.start for m in a.mentions))
    desc = resolver.read_window(list(range(len(doc))))
    if not (desc.role or desc.code or desc.sector):
        return None
    return Actor(id="a1", name=text.strip(), kind="person" if desc.role_kind == "person" else "organisation",
                 code=desc.code, sector=desc.sector, role=desc.role, country=desc.country,
                 mentions=[Mention(0, len(doc.text), doc.text, via="title")],
                 evidence=_text_evidence(desc))


def _root_char(doc: Doc) -> int:
    roots = [s.root for s in doc.sents]
    return roots[0].idx if roots else 0


def _text_evidence(desc: Description) -> dict:
    if desc.code is None:
        rule = "private affiliation: code never guessed" if desc.private else "no code in text"
        return {"source": "unresolved", "rule": rule, "role_from_text": desc.role, "private": desc.private}
    return {"source": "text", "rule": "title or apposition", "words": desc.code_from}


class _ArticleResolver:
    """The state of one resolution run: spans found once, actors keyed for merging."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, date: str, *, keep_uncoded: bool = False) -> None:
        self.doc, self.kb, self.date = doc, kb, date
        self.keep_uncoded = keep_uncoded
        self.actors: dict[str, Actor] = {}
        self.keys: dict[tuple, str] = {}
        self.token_actor: dict[int, str] = {}  # token index → actor id, for every mention
        self.used: set[int] = set()  # tokens spent as a title or apposition of a named person
        self.kb_spans = self._kb_spans()
        self.kb_at = {i: s for s in self.kb_spans for i in range(s.start, s.end)}
        self.roles = self._role_spans()
        self.role_at = {i: r for r in self.roles for i in range(r.start, r.end)}
        self.names = self._person_names()
        self.name_at = {i: s for s in self.names for i in range(s.start, s.end)}
        self.surnames = {_surname_key(s[-1].text) for s in self.names}
        self.quoted = _quoted_tokens(doc)

    # ------------------------------------------------------------------ run

    def run(self) -> ActorTable:
        self._add_organisations()
        for name in sorted(self.names, key=lambda s: (len(s) == 1, s.start)):
            self._add_person(name)
        self._add_conjunct_descriptions()
        self._add_short_mentions()
        self._add_states()
        self._add_unnamed_groups()
        self._add_pronouns()
        return self._table()

    def _table(self) -> ActorTable:
        actors = [a for a in self.actors.values() if a.mentions]
        actors.sort(key=lambda a: min(m.start for m in a.mentions))
        for n, actor in enumerate(actors, 1):
            actor.id = f"a{n}"
            actor.mentions.sort(key=lambda m: m.start)
        return ActorTable(actors=actors, locations=self._locations())

    def _locations(self) -> list[Location]:
        """Every place the gazetteer knows, where the text names it (a place is never an actor)."""
        out = []
        for kb_span in self.kb_spans:
            entry = kb_span.entry
            if entry.kind in PLACE_KINDS and entry.code:
                span = self.doc[kb_span.start:kb_span.end]
                out.append(Location(span.start_char, span.end_char, span.text, name=entry.name, kind=entry.kind,
                                    code=entry.code, country=self.kb.state_names.get(entry.code)))
        return out

    # ------------------------------------------------------------------ spans

    def _kb_spans(self) -> list[KBSpan]:
        """KB phrase matches whose case fits the KB form; the longest wins; dated entries picked by date."""
        found: list[KBSpan] = []
        strings = self.doc.vocab.strings
        for match_id, start, end in self.kb.matcher(self.doc.vocab)(self.doc):
            key = strings[match_id]
            span = self.doc[start:end]
            if not _case_fits(span, self.kb.forms.get(key, ())):
                continue
            hits = self.kb.phrases.get(key, [])
            non_people = [h for h in hits if h.entry.kind != "person"]
            hit = pick(non_people, self.date) or pick(hits, self.date)
            if hit and not self._longer_foreign_name(span, hit):
                found.append(KBSpan(start, end, hit))
        return _longest_first(found, lambda s: (s.start, s.end))

    def _longer_foreign_name(self, span: Span, hit: PhraseHit) -> bool:
        """"European Council on Foreign Relations" is not the European Council: a KB organisation name
        inside a longer entity, or followed by "on/for/of" + a capitalised word, is a different name."""
        if hit.entry.kind in ("state", "person", "other", *PLACE_KINDS):
            return False
        if self.doc[span.start].ent_iob_ == "I" and span.start > 0:  # "World Uyghur Congress" is not Congress
            prev = self.doc[span.start - 1]
            if prev.is_title and prev.pos_ != "DET" and not any(
                    h.entry.kind in ("state", "organisation") for h in self.kb.lookup(prev.text)):
                return True
        if span.end + 1 >= len(self.doc):
            return False
        nxt, after = self.doc[span.end], self.doc[span.end + 1]
        return (nxt.lower_ in ("on", "for", "of") and after.is_title and not after.is_sent_start
                and not _names_a_date(after))

    def _role_spans(self) -> list[RoleSpan]:
        found = []
        strings = self.doc.vocab.strings
        for match_id, start, end in self.kb.role_matcher(self.doc.vocab)(self.doc):
            word = self.kb.roles.get(strings[match_id][len("ROLE:"):])
            if word:
                found.append(RoleSpan(start, end, word))
        return _longest_first(found, lambda r: (r.start, r.end))

    def _person_names(self) -> list[Span]:
        """Names of people: PERSON entities, KB people, capitalised runs after a person title."""
        spans: list[Span] = []
        for kb_span in self.kb_spans:
            if kb_span.entry.kind == "person":
                spans.append(self.doc[kb_span.start:kb_span.end])
        for role in self.roles:
            in_name = self.doc[role.start].ent_type_ not in ("", "PERSON")  # "National News Agency"
            if role.word.kind == "person" and self.doc[role.end - 1].tag_ not in ("NNS", "NNPS") and not in_name:
                run = self._name_run(role.end)
                if run is not None:
                    spans.append(run)
        entities = [t for e in self.doc.ents if e.label_ == "PERSON" and (t := self._trim_name(e)) is not None]
        full = {_surname_key(s[-1].text) for s in spans + entities if len(_name_tokens(s)) > 1}
        spans += [e for e in entities if len(_name_tokens(e)) > 1 or _surname_key(e[-1].text) in full
                  or e.start - 1 in self.role_at]
        spans = [s for s in spans if not self._names_non_person(s)]
        return _longest_first(spans, lambda s: (s.start, s.end))

    def _names_non_person(self, span: Span) -> bool:
        """A span that is really a state, organisation or group from the KB ("Turkey", "Hamas")."""
        kb_span = self.kb_at.get(span.start)
        return bool(kb_span and kb_span.entry.kind != "person" and kb_span.end >= span.end)

    def _trim_name(self, ent: Span) -> Span | None:
        start, end = ent.start, ent.end
        while start < end and (self.doc[start].lower_ in HONORIFICS or self.doc[start].pos_ == "DET"
                               or start in self.role_at or not self.doc[start].text[:1].isalpha()
                               or self._leads_name(start)):
            start += 1
        while end > start and (self.doc[end - 1].tag_ == "POS" or self.doc[end - 1].is_punct
                               or (end - 1 in self.kb_at and self.kb_at[end - 1].entry.kind == "state")):
            end -= 1  # "Erdogan Ankara": NER ran a name into a capital
        if end <= start or not any(t.text[:1].isupper() for t in self.doc[start:end]):
            return None
        return self.doc[start:end]

    def _leads_name(self, i: int) -> bool:
        """A KB name before a person's name is not part of it ("Turkish President ...", "Istanbul Mayor ...");
        a place only when a person's title or a possessive follows it ("Aden Barre Duale" is a name)."""
        kb_span = self.kb_at.get(i)
        if kb_span is None or kb_span.entry.kind == "person" or kb_span.hit.via == "metonym":
            return False
        if kb_span.entry.kind not in PLACE_KINDS:
            return True
        after = kb_span.end
        role = self.role_at.get(after)
        return (role is not None and role.word.kind == "person") or (after < len(self.doc)
                                                                       and self.doc[after].tag_ == "POS")

    def _name_run(self, i: int) -> Span | None:
        """The capitalised name right after a title: "Keir Starmer", "Mohammed Shia al-Sudani"."""
        doc, start, end = self.doc, i, i
        while end < len(doc) and end - start < 6:
            if not _name_part(doc, end):
                break
            end += 1
        if end == start or any(k in self.kb_at or doc[k].ent_type_ in NOT_NAME_ENTITIES for k in range(start, end)):
            return None
        if any(doc[k].is_sent_start and k != start for k in range(start, end)):
            return None
        if end < len(doc) and doc[end].pos_ == "NOUN":
            return None  # "chief Brexit negotiator", "official Twitter account": a modifier, not a name
        return doc[start:end]

    # ------------------------------------------------------------------ actors

    def _mention(self, start: int, end: int, via: str) -> Mention:
        span = self.doc[start:end]
        return Mention(span.start_char, span.end_char, span.text, via=via)

    def _attach(self, key: tuple, make: Callable[[], Actor | None], start: int, end: int, via: str,
                *, nested: bool = False) -> str:
        """Add a mention to the actor under `key`, creating the actor with `make()` if new.
        A `nested` mention may hold other mentions ("an EU official" holds "EU")."""
        if not nested and any(i in self.token_actor for i in range(start, end)):
            return self.token_actor.get(start) or self.token_actor[next(i for i in range(start, end)
                                                                         if i in self.token_actor)]
        actor_id = key[1] if key[0] == "id" else self.keys.get(key)
        if actor_id is None:
            actor_id = f"t{len(self.actors) + 1}"
            actor = make()
            actor.id = actor_id
            self.actors[actor_id] = actor
            self.keys[key] = actor_id
        self.actors[actor_id].mentions.append(self._mention(start, end, via))
        for i in range(start, end):
            self.token_actor[i] = actor_id
        return actor_id

    def _entry_actor(self, entry: KBEntry) -> Actor:
        return Actor(id="", name=entry.name, kind=entry.kind, code=entry.code, sector=entry.sector,
                     role=entry.role, country=entry.country,
                     evidence={"source": "kb", "entry": entry.source, "kb_name": entry.name,
                               "valid": entry.valid_on(self.date)})

    def _add_organisations(self) -> None:
        for kb_span in self.kb_spans:
            if kb_span.entry.kind in ("organisation", "group"):
                start = self._extend_over_own_state(kb_span)
                self._attach(("kb", kb_span.entry.name), lambda e=kb_span.entry: self._entry_actor(e),
                             start, kb_span.end, kb_span.hit.via)
        for ent in self.doc.ents:
            if ent.label_ == "ORG":
                self._add_unknown_org(ent)

    def _extend_over_own_state(self, kb_span: KBSpan) -> int:
        """ "U.S. Central Command": a body's mention takes in the state name right before it."""
        before = self.kb_at.get(kb_span.start - 1)
        if before and before.entry.kind == "state" and before.entry.code in (kb_span.entry.code,
                                                                             kb_span.entry.country):
            return before.start
        return kb_span.start

    def _add_unknown_org(self, ent: Span) -> None:
        """An ORG entity the KB lacks: its code comes from a state named inside it, if any."""
        start = ent.start + (ent[0].pos_ == "DET")
        if not self._looks_like_org(ent, start):
            return
        owner = self.kb_at.get(start - 2)
        if owner is not None and owner.entry.kind == "state" and self.doc[start - 1].tag_ == "POS":
            start = owner.start  # "Afghanistan's Ministry of Foreign Affairs" is one body
        tokens = range(start, ent.end)
        if any(i in self.name_at or i in self.token_actor for i in tokens):
            return
        inner = [self.kb_at[i] for i in tokens if i in self.kb_at]
        # a state or place inside a longer name may give its code ("Kharkiv Regional Administration");
        # a name that is only a place ("Quetta") is a location, not an unknown organisation
        if any(s.entry.kind not in ("state", *PLACE_KINDS) for s in inner) or (
                inner and inner[0].end >= ent.end and inner[0].start <= start):
            return
        body = next((self.role_at[i].word for i in tokens if i in self.role_at
                     and self.role_at[i].word.kind == "body"), None)
        if not inner and body is not None:
            same = self._earlier_org_with_words(list(tokens))
            if same is not None:
                self._attach(("id", same), lambda: None, start, ent.end, "nominal")
                return
        desc = self.read_window(list(tokens))
        if not any(i in self.role_at and not self.role_at[i].word.private and self.role_at[i].word.kind != "modifier"
                   for i in tokens):
            desc.code = desc.country = None  # "German Marshall Fund": a demonym alone does not make a state body
        name = self.doc[start:ent.end].text
        actor = Actor(id="", name=name, kind="organisation", code=desc.code,
                      sector=(body.sector if body else None) or desc.sector, country=desc.country,
                      evidence=_text_evidence(desc) if desc.code or desc.private else
                      {"source": "unresolved", "rule": "organisation not in the knowledge base"})
        self._attach(("org", fold(name)), lambda: actor, start, ent.end, "name")

    def _looks_like_org(self, ent: Span, start: int) -> bool:
        """NER tags surnames, titles and half names as ORG ("Starmer", "State", "Countering America's")."""
        if start >= ent.end or self.doc[start].tag_ == "VBG" or self.doc[ent.end - 1].tag_ == "POS":
            return False
        if ent.end - start == 1 and _surname_key(ent[-1].text) in self.surnames:
            return False
        return not any(i in self.role_at and self.role_at[i].word.kind == "person" for i in range(start, ent.end))

    def _earlier_org_with_words(self, tokens: list[int]) -> str | None:
        """The organisation whose name holds every content word of `tokens` ("foreign ministry" →
        "Afghanistan's Ministry of Foreign Affairs"): a definite description of a named body."""
        words = {fold(self.doc[i].lemma_) for i in tokens if self.doc[i].is_alpha and i not in self.kb_at} - STOP_WORDS
        if not words:
            return None
        for actor in self.actors.values():
            if actor.kind != "organisation" or not actor.code:
                continue
            names = {fold(w) for m in actor.mentions for w in _lemmas(self.doc, m)} | set(fold(actor.name).split())
            if words <= names:
                return actor.id
        return None

    # ------------------------------------------------------------------ people

    def _add_person(self, span: Span) -> None:
        if any(i in self.token_actor for i in range(span.start, span.end)):
            return
        existing = self._same_person(span) or self._aka(span)
        desc = self.describe(span)
        self.used |= desc.tokens  # "said Abubakar, Nigeria's defense minister": the title is no second actor
        if existing is not None:
            self._attach(("id", existing), lambda: None, span.start, span.end, "alias")
            self._upgrade(existing, span, desc)
            return
        hit = self._kb_person(span, desc)
        actor = self._person_actor(span, desc, hit)
        key = ("person", hit.entry.name) if hit else ("person", fold(span.text))
        actor_id = self.keys.get(key)
        if actor_id is not None:
            self._attach(key, lambda: actor, span.start, span.end, "alias")
            return
        self._attach(key, lambda: actor, span.start, span.end, "name")

    def _upgrade(self, actor_id: str, span: Span, desc: Description | None = None) -> None:
        """A later fuller mention may say what an earlier one did not (code, longer name)."""
        actor = self.actors[actor_id]
        if len(_name_tokens(span)) > len(_name_tokens_text(actor.name)):
            actor.name = span.text
        if actor.code is None and actor.evidence.get("source") == "unresolved" and not actor.evidence.get("private"):
            desc = desc or self.describe(span)
            if desc.code:
                actor.code, actor.country, actor.role = desc.code, desc.country, desc.role or actor.role
                actor.sector = desc.sector or actor.sector
                actor.evidence = _text_evidence(desc)
                self.used |= desc.tokens

    def _aka(self, span: Span) -> str | None:
        """ "al-Rufay'i, also known as Abu Khadija": a second name for the person just named."""
        before = self.doc[max(span.sent.start, span.start - 4):span.start].text.lower()
        if not any(before.rstrip(" ,").endswith(cue) for cue in ALIAS_CUES):
            return None
        for k in range(span.start - 1, max(span.sent.start, span.start - 10) - 1, -1):
            actor = self.actors.get(self.token_actor.get(k, ""))
            if actor is not None and actor.kind == "person":
                return actor.id
        return None

    def _same_person(self, span: Span) -> str | None:
        """An actor already holding this person: same KB entry, or same surname and compatible forenames."""
        tokens = _name_tokens(span)
        if not tokens:
            return None
        for hit in self.kb.lookup(span.text):
            actor_id = self.keys.get(("person", hit.entry.name))
            if actor_id:
                return actor_id
        candidates = []
        for actor in self.actors.values():
            if actor.kind != "person":
                continue
            other = _name_tokens_text(actor.name)
            short, long_ = sorted((tokens, other), key=len)
            if other and other[-1] == tokens[-1] and (len(short) == 1 or short[0] == long_[0]
                                                      or long_[-len(short):] == short):
                candidates.append(actor)
        if not candidates:
            return None
        return max(candidates, key=lambda a: len(a.mentions)).id

    def _kb_person(self, span: Span, desc: Description) -> PhraseHit | None:
        """The KB tenure of this name valid on the date; a bare surname only names KB people it aliases."""
        hits = [h for h in self.kb.lookup(span.text) if h.entry.kind == "person"]
        if not hits:
            return None
        if desc.code:
            agreeing = [h for h in hits if desc.code in (h.entry.code, h.entry.country)]
            if not agreeing and len(span) == 1:
                return None  # the text says this is someone else with the same surname
            hits = agreeing or hits
        return pick(hits, self.date)

    def _person_actor(self, span: Span, desc: Description, hit: PhraseHit | None) -> Actor:
        if hit is not None and (hit.entry.valid_on(self.date) or not desc.code):
            actor = self._kb_person_actor(hit, desc)
            if len(_name_tokens(span)) > 1:
                actor.name = span.text  # the article's spelling; the KB's is in the evidence
            return actor
        evidence = _text_evidence(desc)
        sector = "ELI" if desc.former else desc.sector
        if desc.code and sector is None:
            sector = "GOV" if desc.role_kind == "person" else None
        return Actor(id="", name=span.text, kind="person", code=desc.code, sector=sector, role=desc.role,
                     country=desc.country, evidence=evidence)

    def _kb_person_actor(self, hit: PhraseHit, desc: Description) -> Actor:
        entry = hit.entry
        actor = self._entry_actor(entry)
        actor.kind = "person"
        actor.evidence["text_role"] = desc.role
        if not entry.valid_on(self.date):
            later = not entry.start or entry.start > self.date
            actor.role = None if later or not entry.role else f"former {entry.role}"
            actor.sector = None if later else "ELI"  # before the office: not yet its holder
            actor.code = entry.country or entry.code
        return actor

    def _add_conjunct_descriptions(self) -> None:
        """ "EU chiefs Antonio Costa and Ursula von der Leyen": the second name shares the first's title."""
        for span in self.names:
            actor = self.actors.get(self.token_actor.get(span.start, ""))
            if actor is None or actor.code or span.start < 2 or self.doc[span.start - 1].lower_ != "and":
                continue
            left = self.actors.get(self.token_actor.get(span.start - 2, ""))
            if left is not None and left.kind == "person" and left.code and left.evidence.get("source") == "text":
                actor.code, actor.country, actor.sector = left.code, left.country, left.sector
                actor.role = actor.role or left.role
                actor.evidence = {"source": "text", "rule": "shares the title of the name it is joined to",
                                  "words": left.evidence.get("words")}

    def _add_short_mentions(self) -> None:
        """Later bare surnames ("Costa", "Sudani") join the actor of the full name."""
        surnames: dict[str, str] = {}
        for actor in self.actors.values():
            if actor.kind == "person":
                for m in actor.mentions:
                    toks = _name_tokens_text(m.text)
                    if toks:
                        surnames.setdefault(toks[-1], actor.id)
        if not surnames:
            return
        for tok in self.doc:
            if tok.i in self.token_actor or not tok.text[:1].isupper() or self._in_place(tok.i):
                continue
            actor_id = surnames.get(_surname_key(tok.text))
            if actor_id:
                self._attach(("id", actor_id), lambda: None, tok.i, tok.i + 1, "alias")
                self._upgrade(actor_id, self.doc[tok.i:tok.i + 1])

    def _in_place(self, i: int) -> bool:
        """ "Sharif" in "Mazar-i-Sharif" is part of a place name, not a short mention of a person."""
        kb_span = self.kb_at.get(i)
        return kb_span is not None and kb_span.entry.kind in PLACE_KINDS and kb_span.end - kb_span.start > 1

    # ------------------------------------------------------------------ descriptions

    def describe(self, span: Span) -> Description:
        """Read the title before a name, an apposition after it, or an apposition before it."""
        left = self._left_window(span.start)
        desc = self.read_window(left, places=True)
        right = self._right_window(span.end)
        if right:
            after = self._read_relative(right) or self.read_window(right, places=True)
            if after.role is None and after.sector is None and not self._nationality(right):
                after.code = after.country = None  # "Matthaes, a Vietnam dweller": a place is no affiliation
            desc.merge(after)
        if desc.code is None and not desc.private:
            before = self._left_apposition(span, left)
            if before:
                desc.merge(self.read_window(before, places=True))
        return desc

    def _nationality(self, window: list[int]) -> bool:
        """ ", an American who ...": a demonym standing as the noun of an apposition."""
        first = next((i for i in window if self.doc[i].pos_ != "DET"), None)
        kb_span = self.kb_at.get(first) if first is not None else None
        return bool(kb_span and kb_span.hit.via == "demonym" and self.doc[kb_span.end - 1].pos_ in ("NOUN", "PROPN")
                    and (kb_span.end >= len(self.doc) or self.doc[kb_span.end].pos_ not in ("NOUN", "PROPN")))

    def _read_relative(self, window: list[int]) -> Description | None:
        """ "who heads the body representing EU member states": role "head of ...", code from the object."""
        if len(window) < 3 or self.doc[window[0]].lower_ != "who" or self.doc[window[1]].lemma_ not in HEAD_VERBS:
            return None
        desc = self.read_window(window[2:])
        obj = [k for k in window[2:]]
        cut = next((n for n, k in enumerate(obj) if self.doc[k].lower_ in HOST_PREPOSITIONS), len(obj))
        desc.role = f"{self.doc[window[1]].lemma_} of {self.doc[obj[0]:obj[max(cut, 1) - 1] + 1].text}"
        desc.role_kind = "person"
        return desc

    def _left_window(self, i: int) -> list[int]:
        doc, out = self.doc, []
        if i == 0 or not (i - 1 in self.role_at or doc[i - 1].tag_ == "POS"):
            return []  # "Indian reluctance Richard Weitz", "Aden Barre Duale": no title, no title's code
        k = i - 1
        while k >= 0 and i - k <= 10:
            tok = doc[k]
            named = k in self.kb_at and self.kb_at[k].entry.kind != "other"
            named = named or k in self.role_at
            if tok.text in WINDOW_STOP or (not named and (tok.tag_ in FINITE_VERB_TAGS or
                                                          tok.pos_ in ("DET", "PRON", "CCONJ", "SCONJ"))):
                break
            if tok.pos_ == "ADP" and not named and not (tok.lower_ in ("of", "for") and k + 1 < i):
                break
            if k + 1 < len(doc) and doc[k + 1].is_sent_start and k + 1 <= i - 1:
                break
            out.append(k)
            if tok.is_sent_start:
                break
            k -= 1
        out.reverse()
        while out and self.doc[out[0]].pos_ == "ADP":
            out.pop(0)
        return out

    def _right_window(self, i: int) -> list[int]:
        """ ", a former senior State Department official who ...", " of the Jamestown Foundation"."""
        doc = self.doc
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
        while k < len(doc) and k - start < 18:
            tok = doc[k]
            if tok.text in WINDOW_STOP or (k > start and tok.is_sent_start):
                break
            if tok.lower_ in ("who", "which", "whose"):
                if k > start:
                    break
                relative = True
            elif tok.tag_ in FINITE_VERB_TAGS and not relative and k not in self.role_at:
                break
            out.append(k)
            k += 1
        if not out:
            return []
        if relative and not any(doc[k].lemma_ in HEAD_VERBS for k in out[:3]):
            return []
        return out

    def _left_apposition(self, span: Span, left: list[int]) -> list[int]:
        """ "Pakistan's permanent representative to the United Nations, Munir Akram, said ..."."""
        first = left[0] if left else span.start
        if first < 2 or self.doc[first - 1].text != ",":
            return []
        after = self.doc[span.end] if span.end < len(self.doc) else None
        if after is not None and after.text not in (",", ".") and after.pos_ not in ("VERB", "AUX"):
            return []
        out = []
        k = first - 2
        while k >= 0 and first - k <= 16:
            tok = self.doc[k]
            if tok.text in WINDOW_STOP or tok.tag_ in FINITE_VERB_TAGS:
                break
            out.append(k)
            if tok.is_sent_start:
                break
            k -= 1
        out.reverse()
        if not any(i in self.role_at and self.role_at[i].word.kind == "person" for i in out):
            return []
        return out

    def read_window(self, window: list[int], *, places: bool = False) -> Description:
        """Code, role and sector from the words of a title or apposition; a place's state counts only in
        a named person's title (`places`): "Kharkiv Governor Oleh Syniehubov" serves Ukraine, but the
        "Tigray People's Liberation Front" is no body of Ethiopia's."""
        desc = Description(tokens=set())
        codes: list[tuple[int, str, str | None, str | None, str]] = []  # (rank, code, country, sector, words)
        person_role: RoleSpan | None = None
        other_roles: list[RoleSpan] = []
        host = False
        for i in window:
            # "special representative for North Korea" serves the US: a diplomat's "for" names the host
            host = host or self.doc[i].lower_ in HOST_PREPOSITIONS or (
                self.doc[i].lower_ == "for" and person_role is not None and person_role.word.diplomat)
            if not host:
                codes += self._codes_at(i, window[0], desc, places=places)
            role = self.role_at.get(i)
            if role is None or i != role.start:
                continue
            if role.word.kind in ("person", "modifier"):
                desc.tokens |= set(range(role.start, role.end))  # "the Pakistani military's" stays an actor
            desc.private = desc.private or (role.word.private and not host)
            if role.word.kind == "modifier":
                desc.former = True
            elif role.word.kind == "person" and i not in self.kb_at:
                person_role = role  # the head of a title comes last: "Erdogan's communication chief"
            elif not host and role.word.kind != "state":
                other_roles.append(role)
        main = person_role or (other_roles[0] if other_roles else None)
        if main is not None:
            desc.role_kind = main.word.kind
            desc.role = self._role_text(window, main.start, main.end, desc.former)
        desc.sector = _sector_of(person_role, other_roles, desc)
        self._choose_code(desc, codes, window, diplomat=bool(person_role and person_role.word.diplomat))
        return desc

    def _codes_at(self, i: int, first: int, desc: Description, *,
                  places: bool = False) -> list[tuple[int, str, str | None, str | None, str]]:
        """The code a KB name or a named possessor ("Erdogan's") at token i lends to a title."""
        holder = self.actors.get(self.token_actor.get(i, ""))
        if holder is not None and holder.kind == "organisation" and holder.evidence.get("source") != "kb":
            # a state inside an organisation's name: the organisation decides ("Birdlife Spain" is no state body)
            if i == first or self.token_actor.get(i - 1) != holder.id:
                desc.tokens.add(i)
                return [(1, holder.code, holder.country, holder.sector, holder.name)] if holder.code else []
            return []
        kb_span = self.kb_at.get(i)
        if kb_span is not None and kb_span.entry.kind in PLACE_KINDS and not places:
            return []
        if kb_span is not None and kb_span.entry.kind != "other" and i == max(kb_span.start, first):
            desc.tokens |= set(range(kb_span.start, kb_span.end))
            if self.doc[kb_span.end:kb_span.end + 2].text.lower() in ("- based", "-based"):
                return []  # "the Berlin-based Carnegie Center" is not German
            if self._stance_word(kb_span.start):
                return []  # "pro-Palestinian activists" need not be Palestinian
            return [self._code_of_span(kb_span)]
        if kb_span is None and i in self.token_actor and self._possessor(i):
            actor = self.actors[self.token_actor[i]]
            if actor.code and (i == 0 or self.token_actor.get(i - 1) != actor.id):
                return [(3, actor.code, actor.country, None, actor.name)]
        return []

    def _choose_code(self, desc: Description, codes: list, window: list[int], *, diplomat: bool = False) -> None:
        """An international body's code beats a national body's, which beats a state's, then a possessor's;
        but a diplomat serves the state: "Iran's U.N. ambassador" is Iran's."""
        if desc.private:
            codes = [c for c in codes if c[0] == 0]  # only an international body's code survives
        if diplomat and any(c[0] == 2 for c in codes):
            codes = [c for c in codes if c[0] == 2]
        if codes:
            _, desc.code, desc.country, sector, desc.code_from = min(codes, key=lambda c: c[0])
            if desc.sector in (None, "GOV") and (sector in ("IGO", "NGO") or sector in SPECIFIC_SECTORS):
                desc.sector = sector
        elif not desc.private and any(i in self.role_at and self.role_at[i].word.kind == "body" for i in window):
            desc.code, desc.country, desc.code_from = self._code_from_named_body(window)

    def _code_of_span(self, kb_span: KBSpan) -> tuple[int, str, str | None, str | None, str]:
        entry = kb_span.entry
        words = self.doc[kb_span.start:kb_span.end].text
        if entry.kind == "state" or entry.kind in PLACE_KINDS:  # "Kharkiv governor" serves Ukraine
            return (2, entry.code or "", entry.country, None, words)
        rank = 0 if entry.sector in ("IGO", "NGO") or entry.country is None else 1
        return (rank, entry.code or "", entry.country, entry.sector, words)

    def _possessor(self, i: int) -> bool:
        j = i + 1
        while j in self.token_actor and self.token_actor[j] == self.token_actor[i]:
            j += 1
        return j < len(self.doc) and self.doc[j].tag_ == "POS"

    def _code_from_named_body(self, window: list[int]) -> tuple[str | None, str | None, str | None]:
        body_words = [i for i in window if i in self.role_at and self.role_at[i].word.kind == "body"]
        first = min(body_words)
        phrase = [i for i in window if i <= max(body_words) and i >= first - 3 and self.doc[i].is_alpha]
        actor_id = self._earlier_org_with_words(phrase)
        if actor_id is None:
            return None, None, None
        actor = self.actors[actor_id]
        return actor.code, actor.country, actor.name

    def _role_text(self, window: list[int], start: int, end: int, former: bool) -> str:
        first = start
        for i in reversed([k for k in window if k < start]):
            tok = self.doc[i]
            if i in self.kb_at or i in self.token_actor or tok.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB", "NUM"):
                break
            first = i
        text = self.doc[first:end].text
        if former and not any(self.role_at.get(k) and self.role_at[k].word.kind == "modifier"
                              for k in range(first, end)):
            text = "former " + text
        return text

    # ------------------------------------------------------------------ states and unnamed groups

    def _add_states(self) -> None:
        for kb_span in self.kb_spans:
            if kb_span.entry.kind != "state" or any(i in self.used for i in range(kb_span.start, kb_span.end)):
                continue
            if self._modifies_group(kb_span) or self._stance_word(kb_span.start):
                continue
            entry = kb_span.entry
            self._attach(("kb", entry.code), lambda e=entry: self._entry_actor(e), kb_span.start, kb_span.end,
                         kb_span.hit.via)
        self._add_joined_states()

    def _add_joined_states(self) -> None:
        """ "U.S.-China talks", "U.S.-Turkish ties": the tokenizer keeps these whole; each part is a state."""
        for tok in self.doc:
            parts = tok.text.split("-")
            if len(parts) < 2 or not tok.text[:1].isupper() or tok.i in self.kb_at or tok.i in self.token_actor:
                continue  # "pro-Russian" speaks of Russia, it is not Russia
            offset = 0
            for part in parts:
                hits = [h for h in self.kb.lookup(part) if h.entry.kind == "state"
                        and any(_shape_ok(form, part) for form in self.kb.forms.get(fold(part), ()))]
                hit = pick(hits, self.date)
                if hit is not None:
                    actor_id = self._state_actor(hit.entry)
                    start = tok.idx + offset
                    self.actors[actor_id].mentions.append(Mention(start, start + len(part), part, via=hit.via))
                offset += len(part) + 1

    def _state_actor(self, entry: KBEntry) -> str:
        key = ("kb", entry.code)
        if key not in self.keys:
            actor = self._entry_actor(entry)
            actor.id = self.keys[key] = f"t{len(self.actors) + 1}"
            self.actors[actor.id] = actor
        return self.keys[key]

    def _stance_word(self, i: int) -> bool:
        """ "pro-Russian", "anti-American": a stance towards a state, not the state."""
        return i >= 2 and self.doc[i - 1].text == "-" and self.doc[i - 2].lower_ in ("pro", "anti", "non")

    def _modifies_group(self, kb_span: KBSpan) -> bool:
        """A demonym in "Iraqi officials" belongs to the unnamed group, not to the state."""
        head = self.doc[kb_span.end - 1].head
        return head.i >= kb_span.end and head.i in self.role_at and not head.i in self.token_actor

    def _add_unnamed_groups(self) -> None:
        """ "Iraqi officials" (IRQ, GOV), "an American destroyer" (USA, MIL), "four Saudi men" (SAU)."""
        for chunk in self._role_phrases():
            root = chunk.root
            role = self.role_at.get(root.i)
            if role is None or root.i in self.used or root.i in self.token_actor or role.word.private:
                continue
            start = chunk.start + (chunk[0].pos_ == "DET")
            named = self._named_in_apposition(chunk.start, root.i + 1) if role.word.kind != "person" else None
            if named is not None:  # "the Syrian Kurdish militia, the YPG": a description of a named group
                self._attach(("id", named), lambda: None, start, root.i + 1, "nominal", nested=True)
                continue
            desc = self.read_window(list(range(chunk.start, root.i + 1)))
            # "the ruling Socialist Party" is a name, not a description of the last party named
            definite = chunk[0].lower_ in ("the", "both") and not (root.is_title and not root.is_sent_start)
            if definite and self._refer_back(chunk, desc, role):
                continue
            if role.word.kind in ("modifier", "state"):
                continue
            if desc.code is None and not (self.keep_uncoded and (desc.role or desc.sector)):
                continue
            self._add_group(start, root.i + 1, desc, role)

    def _named_in_apposition(self, start: int, end: int) -> str | None:
        """The organisation or group named right after ", " (or right before ", ") this phrase."""
        doc = self.doc
        after = end + 1 + (end + 1 < len(doc) and doc[end + 1].pos_ == "DET")
        candidates = []
        if end < len(doc) and doc[end].text == ",":
            candidates.append(self.token_actor.get(after, ""))
        if start >= 2 and doc[start - 1].text == ",":
            candidates.append(self.token_actor.get(start - 2, ""))
        for actor_id in candidates:
            actor = self.actors.get(actor_id)
            if actor is not None and actor.kind in ("organisation", "group") and actor.evidence.get("source") == "kb":
                return actor.id
        return None

    def _role_phrases(self) -> list[Span]:
        """Noun phrases headed by a role word: noun chunks, and possessors such as "the minister's" (team)."""
        phrases = list(self.doc.noun_chunks)
        for tok in self.doc:
            if tok.dep_ == "poss" and tok.i in self.role_at and tok.n_lefts:
                phrases.append(self.doc[tok.left_edge.i:tok.i + 1])
        return sorted(phrases, key=lambda p: p.start)

    def _add_group(self, start: int, end: int, desc: Description, role: RoleSpan) -> None:
        text = self.doc[start:end].text
        kind = "person" if role.word.kind == "person" and self.doc[role.end - 1].tag_ != "NNS" else "organisation"
        sector = "ELI" if desc.former else desc.sector
        actor = Actor(id="", name=text, kind=kind, code=desc.code, sector=sector, role=desc.role,
                      country=desc.country, evidence={**_text_evidence(desc), "rule": "unnamed group"})
        self._attach(("group", desc.code, sector, fold(self.doc[role.start:role.end].lemma_)),
                     lambda: actor, start, end, "nominal" if kind == "person" else "title", nested=True)

    def _refer_back(self, chunk: Span, desc: Description, role: RoleSpan) -> bool:
        """ "the Israeli leader", "the officials": join the latest compatible actor before this chunk."""
        word = fold(self.doc[role.start:role.end].lemma_)
        before = [self.actors[a] for a in self._actors_before(chunk.start)]
        before = [a for a in before if not desc.code or a.code == desc.code]
        if role.word.kind == "state":
            fitting = [a for a in before if a.kind == "state"]
        elif role.word.kind == "person":
            if self.doc[role.end - 1].tag_ in ("NNS", "NNPS"):
                return self._refer_back_to_pair(chunk, word, before)
            fitting = [a for a in before if a.kind == "person" and (a.sector != "ELI" or desc.former)
                       and (desc.code or word in fold(a.role or "") or word in fold(a.name))]
        else:  # a group's own name first ("Pakistani military"), then its role ("military media wing")
            groups = [a for a in before if a.kind != "person"]
            fitting = [a for a in groups if word in fold(a.name)] or [a for a in groups if word in fold(a.role or "")]
        if not fitting:
            return False
        self._attach(("id", fitting[0].id), lambda: None, chunk.start, chunk.root.i + 1, "nominal")
        return True

    def _refer_back_to_pair(self, chunk: Span, word: str, before: list[Actor]) -> bool:
        """ "the prime ministers", "both leaders": the last two people named with that role (for "both" or
        "two", the last two people with any role). "The leaders of the G7" names its own members."""
        if any(c.dep_ == "prep" for c in chunk.root.children):
            return False
        people = [a for a in before if a.kind == "person" and a.sector != "ELI"]
        pair = [a for a in people if word in fold(a.role or "") or word in fold(a.evidence.get("text_role") or "")][:2]
        if len(pair) < 2 and any(t.lower_ in ("both", "two") for t in chunk):
            pair = [a for a in people if a.role][:2]
        if len(pair) < 2:
            return False
        end = chunk.root.i + 1
        for actor in pair:
            actor.mentions.append(self._mention(chunk.start, end, "nominal"))
        for i in range(chunk.start, end):
            self.token_actor[i] = pair[0].id
        return True

    def _actors_before(self, i: int) -> list[str]:
        """Actor ids by their latest mention before token i, most recent first."""
        seen: dict[str, int] = {}
        for tok_i, actor_id in self.token_actor.items():
            if tok_i < i:
                seen[actor_id] = max(seen.get(actor_id, -1), tok_i)
        return sorted(seen, key=lambda a: -seen[a])

    # ------------------------------------------------------------------ pronouns

    def _add_pronouns(self) -> None:
        """He/she → a person; it/its/they/their → a state, organisation or group. Resolved pronouns
        become antecedents themselves, so a chain of "he said ... He added" stays on one person."""
        mentions = sorted((i, a) for i, a in self.token_actor.items())
        for tok in self.doc:
            lower = tok.lower_
            if lower not in PERSON_PRONOUNS and lower not in GROUP_PRONOUNS:
                continue
            if lower == "it" and (tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_ == "be"):
                continue
            actor_id = self._antecedent(tok, mentions, person=lower in PERSON_PRONOUNS)
            if actor_id:
                self.actors[actor_id].mentions.append(self._mention(tok.i, tok.i + 1, "pronoun"))
                bisect.insort(mentions, (tok.i, actor_id))

    def _antecedent(self, tok: Token, mentions: list[tuple[int, str]], *, person: bool) -> str | None:
        """The subject of this or the previous sentence if it fits, else the latest fitting mention."""
        sent = tok.sent
        floor = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        k = bisect.bisect_left(mentions, (tok.i, "")) - 1
        fitting: list[tuple[int, str]] = []
        while k >= 0 and mentions[k][0] >= floor:
            if (self.actors[mentions[k][1]].kind == "person") == person:
                fitting.append(mentions[k])
            k -= 1
        # '"... affecting Mr. Berisha," he said': outside a quote, names inside one are not who "he" is
        outside = [m for m in fitting if not self.quoted[m[0]]]
        if not self.quoted[tok.i] and outside:
            fitting = outside
        own_subject = self._clause_subject(tok)
        subject_actors = {a for i, a in mentions if i in own_subject}
        fitting = [m for m in fitting if m[1] not in subject_actors]
        in_sentence = [m for m in fitting if m[0] >= sent.start]
        for group in (in_sentence, [m for m in fitting if m[0] < sent.start]):
            subjects = [m for m in group if self.doc[m[0]].dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects[0][1]
            if group:
                return group[0][1]
        return None


    def _clause_subject(self, tok: Token) -> set[int]:
        """Tokens of the subject of an object pronoun's own clause: "Biden called Netanyahu and urged him"
        cannot mean Biden urged Biden, so "him" is not the subject of "urged" (inherited from "called")."""
        if tok.lower_ not in OBJECT_PRONOUNS or tok.tag_ != "PRP" or tok.dep_ not in OBJECT_DEPS:
            return set()
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return {t.i for s in subjects for t in s.subtree}
            if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
                return set()
            verb = verb.head
        return set()


# ---------------------------------------------------------------------- helpers


def _quoted_tokens(doc: Doc) -> list[bool]:
    """For each token, whether it stands inside quotation marks (straight quotes toggle, curly ones open/close)."""
    inside, mask = False, []
    for tok in doc:
        if tok.text == "\"":
            inside = not inside
        elif tok.text in ("\u201c", "\u201d"):
            inside = tok.text == "\u201c"
        mask.append(inside and tok.text not in ("\"", "\u201c"))
    return mask


def _opens_apposition(tok: Token) -> bool:
    """ ", a former official", ", WFP's director", ", who heads ..." — not ", and ..." or ", said ..."."""
    return tok.lower_ == "who" or tok.pos_ not in ("CCONJ", "SCONJ", "ADP", "ADV", "VERB", "AUX", "PRON", "PART")


def _name_part(doc: Doc, i: int) -> bool:
    """A word of a personal name: capitalised, an initial ("C."), or a particle inside one ("bin", "al-")."""
    tok = doc[i]
    if tok.is_title or (len(tok) <= 3 and tok.text.endswith(".") and tok.text[0].isupper()):
        return True
    joined = i + 1 < len(doc) and (doc[i + 1].text[:1].isupper() or doc[i + 1].text == "-")
    return (tok.lower_ in NAME_PARTICLES or tok.text == "-") and joined


def _sector_of(person_role: RoleSpan | None, other_roles: list[RoleSpan], desc: Description) -> str | None:
    """Former officials are ELI; a private role keeps its own sector; else the most specific sector named."""
    if desc.former:
        return "ELI"
    if desc.private:
        roles = ([person_role] if person_role else []) + other_roles
        return next((r.word.sector for r in roles if r.word.private), None)
    if person_role is not None and person_role.word.sector not in (None, "GOV"):
        return person_role.word.sector
    specific = next((r.word.sector for r in other_roles if r.word.sector in SPECIFIC_SECTORS), None)
    if specific:
        return specific
    if person_role is not None:
        return person_role.word.sector
    return other_roles[0].word.sector if other_roles else None


def _longest_first(items: list, bounds) -> list:
    """Non-overlapping items, longer ones winning, in text order."""
    chosen, taken = [], set()
    for item in sorted(items, key=lambda x: (-(bounds(x)[1] - bounds(x)[0]), bounds(x)[0])):
        start, end = bounds(item)
        if not any(i in taken for i in range(start, end)):
            chosen.append(item)
            taken.update(range(start, end))
    return sorted(chosen, key=lambda x: bounds(x)[0])


CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name, *calendar.month_abbr) if w)


def _names_a_date(tok: Token) -> bool:
    """"the European Union on Monday": a weekday or month after "on" is no part of a longer name."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_.rstrip(".") in CALENDAR_WORDS


def _case_fits(span: Span, forms) -> bool:
    """"IS" is not "is", "US" is not "us": an upper-case KB token needs an upper-case text token,
    and a capitalised KB name a capitalised text word."""
    for form in forms:
        words = form.split()
        if len(words) != len(span) and len(form.replace(" ", "")) != len(span.text.replace(" ", "")):
            continue
        if _shape_ok(form, span.text):
            return True
    return False


def _shape_ok(form: str, text: str) -> bool:
    fw, tw = form.split(), text.split()
    if len(fw) != len(tw):
        return fold(form) == fold(text)
    for f, t in zip(fw, tw):
        if f.isupper() and len(f.strip(".")) > 1 and not t.isupper():
            return False
        if f[:1].isupper() and not t[:1].isupper():
            return False
    return True


def _surname_key(word: str) -> str:
    key = fold(word).strip(".'")
    for prefix in ("al-", "el-"):
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            key = key[len(prefix):]
    return key


def _name_tokens_text(text: str) -> list[str]:
    words = text.replace("\u2019s", "").replace("'s", "").split()
    return [_surname_key(w) for w in words if w[:1].isupper() or "-" in w]


def _name_tokens(span: Span) -> list[str]:
    return _name_tokens_text(span.text)


def _lemmas(doc: Doc, mention: Mention) -> list[str]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return [t.lemma_ for t in span] if span is not None else mention.text.split()


