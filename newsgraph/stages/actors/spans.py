"""What is found once per document: KB phrases, role words, person names, quoted tokens and places.

Every pass reads these and none changes them, so they are computed by one function, :func:`find_spans`,
into a frozen :class:`Spans`. How personal names are compared (surname keys, name tokens) lives here too,
since finding names and matching them later must agree.
"""
from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from ...language.quotation import quotation
from ...records import Location
from ...resources.gendered_titles import GENDERED_TITLES
from ...resources.kb import PLACE_KINDS, KBEntry, KnowledgeBase, PhraseHit, RoleWord, fold, pick
from ...resources.speech_verbs import SpeechLexicon
from ..lookups import pos_tags, token_texts

# Grammar, not knowledge: closed word classes the rules below rely on.
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "von", "der", "van", "de", "da", "di", "du",
                            "la", "le", "dos", "del", "ben"})
# "son/daughter of": the word before one is the given name an Arab royal or minister is called by ("Sheikh Mohammed")
PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint"})
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "prof", "prof."})
NOT_NAME_ENTITIES = frozenset({"DATE", "TIME", "EVENT", "LAW", "LANGUAGE", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                               "ORDINAL"})
# Entity labels the tagger gives a personal name it does not know ("Anne Morel" as ORG or LOC; a name right after
# a closing quotation mark as a title, WORK_OF_ART).
MISTAKEN_NAME_LABELS = frozenset({"ORG", "LOC", "GPE", "FAC", "WORK_OF_ART"})
# The words of a title's "for" or "of" phrase before the name set off after it ("Minister for Pacific Peoples, ...").
TITLE_COMPLEMENT_WORDS = 6
COMPLEMENT_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "CCONJ", "ADP", "PART"})
CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name, *calendar.month_abbr) if w)

T = TypeVar("T")


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


@dataclass(frozen=True)
class Spans:
    """One article as every pass reads it: the parse, the KB and the date, and what was found in it once.
    The ``*_at`` maps give the span covering a token."""

    doc: Doc
    kb: KnowledgeBase
    date: str
    kb_spans: tuple[KBSpan, ...]
    kb_at: dict[int, KBSpan]
    roles: tuple[RoleSpan, ...]
    role_at: dict[int, RoleSpan]
    entities: tuple[Span, ...]  # the tagger's entities, cut at paragraph breaks (:func:`paragraph_entities`)
    names: tuple[Span, ...]
    name_at: dict[int, Span]
    surnames: frozenset[str]
    quoted: tuple[bool, ...]  # per token: inside quotation marks (newsgraph.language.quotation)
    locations: tuple[Location, ...]
    speech: SpeechLexicon  # who speaks: "a senior official said" makes an unnamed speaker an actor
    gendered_titles: Mapping[str, str]  # "ms" -> "f": a title says whom "he" or "she" can stand for

    @cached_property
    def noun_chunks(self) -> tuple[Span, ...]:
        """spaCy's noun chunks, found once: two passes read them, and spaCy walks the parse anew on each call."""
        return tuple(self.doc.noun_chunks)


def find_spans(doc: Doc, kb: KnowledgeBase, date: str, speech: SpeechLexicon,
               gendered_titles: Mapping[str, str] | None = None) -> Spans:
    """KB phrases first, then role words; person names need both (a title before a name, a KB state inside one).
    `gendered_titles`: the pipeline's own; a caller without them gets the shipped and configured file."""
    kb_spans = _kb_spans(doc, kb, date)
    kb_at = {i: s for s in kb_spans for i in range(s.start, s.end)}
    roles = _role_spans(doc, kb)
    role_at = {i: r for r in roles for i in range(r.start, r.end)}
    entities = paragraph_entities(doc)
    names = _person_names(doc, entities, kb_at, kb_spans, roles, role_at)
    return Spans(doc=doc, kb=kb, date=date, kb_spans=tuple(kb_spans), kb_at=kb_at, roles=tuple(roles),
                 role_at=role_at, entities=entities, names=tuple(names),
                 name_at={i: s for s in names for i in range(s.start, s.end)},
                 surnames=frozenset(surname_key(s[-1].text) for s in names), quoted=quotation(doc).inside_mask,
                 locations=_locations(doc, kb, kb_spans), speech=speech,
                 gendered_titles=GENDERED_TITLES.load() if gendered_titles is None else gendered_titles)


def paragraph_entities(doc: Doc) -> tuple[Span, ...]:
    """The tagger's entities, each cut into the parts between line breaks and stripped of punctuation at the
    ends: a name never runs on from one paragraph into the next ("... he wrote on X.\n\nWhite House" is X and
    the White House)."""
    out: list[Span] = []
    for ent in doc.ents:
        start, end = ent.start, _glued_short_name_end(doc, ent.end)
        for i in range(ent.start, end + 1):
            if i == end or (doc[i].is_space and "\n" in doc[i].text):
                part = _strip_punct(doc[start:i])
                if part is not None:
                    out.append(Span(doc, part.start, part.end, label=ent.label))
                start = i + 1
    return tuple(out)


def _glued_short_name_end(doc: Doc, end: int) -> int:
    """ "MDC-T", "SPLM-N": the tagger often ends an upper-case short name at its hyphen; the rest belongs to it."""
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
           and doc[end - 1].text.isupper() and doc[end + 1].text.isupper() and doc[end + 1].is_alpha):
        end += 2
    return end


def _strip_punct(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and span.doc[start].is_punct and span.doc[start].text not in "'\"":
        start += 1
    while end > start and span.doc[end - 1].is_punct and span.doc[end - 1].text not in ")'\"":
        end -= 1
    return span.doc[start:end] if end > start else None


def _locations(doc: Doc, kb: KnowledgeBase, kb_spans: list[KBSpan]) -> tuple[Location, ...]:
    """Every place the gazetteer knows, where the text names it (a place is never an actor)."""
    out = []
    for kb_span in kb_spans:
        entry = kb_span.entry
        if entry.kind in PLACE_KINDS and entry.code:
            span = doc[kb_span.start:kb_span.end]
            out.append(Location(span.start_char, span.end_char, span.text, name=entry.name, kind=entry.kind,
                                code=entry.code, country=kb.state_names.get(entry.code)))
    return tuple(out)


def _kb_spans(doc: Doc, kb: KnowledgeBase, date: str) -> list[KBSpan]:
    """KB phrase matches whose case fits the KB form; the longest wins; dated entries picked by date."""
    found: list[KBSpan] = []
    strings = doc.vocab.strings
    for match_id, start, end in kb.matcher(doc.vocab)(doc):
        key = strings[match_id]
        span = doc[start:end]
        if not _case_fits(span, kb.forms.get(key, ())):
            continue
        hits = kb.phrases.get(key, [])
        non_people = [h for h in hits if h.entry.kind != "person"]
        hit = pick(non_people, date) or pick(hits, date)
        if hit and not _longer_foreign_name(doc, kb, span, hit) and not _another_states_body(doc, kb, span, hit):
            found.append(KBSpan(start, end, hit))
    return _longest_first(found, lambda s: (s.start, s.end))


def _longer_foreign_name(doc: Doc, kb: KnowledgeBase, span: Span, hit: PhraseHit) -> bool:
    """"European Council on Foreign Relations" is not the European Council: a KB organisation name
    inside a longer entity, or followed by "on/for/of" + a capitalised word, is a different name."""
    if hit.entry.kind in ("state", "person", "other", *PLACE_KINDS):
        return False
    if doc[span.start].ent_iob_ == "I" and span.start > 0:  # "World Uyghur Congress" is not Congress
        prev = doc[span.start - 1]
        if prev.lower_ in ("and", "&") and prev.ent_iob_ == "I" and span.start > 1:
            prev = doc[span.start - 2]  # "Peace and Security Council" is not the Security Council
        if prev.is_title and prev.pos_ != "DET" and not any(
                h.entry.kind in ("state", "organisation") for h in kb.lookup(prev.text)):
            return True
    if span.end + 1 >= len(doc):
        return False
    nxt, after = doc[span.end], doc[span.end + 1]
    if nxt.text == "-" and not doc[span.end - 1].whitespace_ and nxt.ent_iob_ == "I":
        return True  # "Sudan People's Liberation Movement-in-Opposition": the name runs on past a hyphen
    return (nxt.lower_ in ("on", "for", "of") and after.is_title and not after.is_sent_start
            and not _names_a_date(after))


def _another_states_body(doc: Doc, kb: KnowledgeBase, span: Span, hit: PhraseHit) -> bool:
    """"Peru's Congress", "the Philippine Congress": a national body the KB knows by a name of common words
    only is the body of the state named right before it, when that is another state."""
    entry = hit.entry
    if entry.kind != "organisation" or not entry.country or span.start == 0:
        return False
    if any(tok.is_upper or not tok.is_alpha or any(h.entry.kind == "state" for h in kb.lookup(tok.text))
           for tok in span):
        return False  # "U.S. Congress", "CIA": the name says whose body it is
    owner = doc[span.start - 1]
    if owner.lower_ in ("'s", "’s") and span.start > 1:
        owner = doc[span.start - 2]
    states = {h.entry.code for h in kb.lookup(owner.text) if h.entry.kind == "state"}
    return bool(states) and entry.country not in states


def _role_spans(doc: Doc, kb: KnowledgeBase) -> list[RoleSpan]:
    found = []
    strings = doc.vocab.strings
    for match_id, start, end in kb.role_matcher(doc.vocab)(doc):
        word = kb.roles.get(strings[match_id][len("ROLE:"):])
        if word:
            found.append(RoleSpan(start, end, word))
    # a row for the very words written wins over another row's plural: "authorities" (a group, roles.csv) over
    # the plural of "authority" (a person, agents.csv)
    found.sort(key=lambda r: fold(doc[r.start:r.end].text) != r.word.phrase)
    return _longest_first(found, lambda r: (r.start, r.end))


def _person_names(doc: Doc, ents: tuple[Span, ...], kb_at: dict[int, KBSpan], kb_spans: list[KBSpan],
                  roles: list[RoleSpan], role_at: dict[int, RoleSpan]) -> list[Span]:
    """Names of people: PERSON entities, KB people, capitalised runs after a person title."""
    spans: list[Span] = []
    for kb_span in kb_spans:
        if kb_span.entry.kind == "person":
            spans.append(doc[kb_span.start:kb_span.end])
    for role in roles:
        # "National News Agency" is no title; "National Assembly Speaker Woo Won-shik" (tagged ORG) holds a name
        in_name = doc[role.start].ent_type_ not in ("", "PERSON") and not _entity_goes_on_with_name(doc, role.end)
        # "spokesman Lt. Col. Nadav Shoshani": the name follows the last of the titles
        if role.word.kind == "person" and doc[role.end - 1].tag_ not in ("NNS", "NNPS") and not in_name \
                and role.end not in role_at:
            after = title_rest_end(doc, role.end)
            run = _name_run(doc, kb_at, after) or _name_in_apposition(doc, kb_at, role_at,
                                                                        _title_complement_end(doc, after))
            if run is not None:
                spans.append(run)
    entities = [t for e in ents if e.label_ == "PERSON" and (t := _trim_name(doc, kb_at, role_at, e)) is not None]
    full = {surname_key(s[-1].text) for s in spans + entities if len(name_tokens(s)) > 1}
    spans += [e for e in entities if len(name_tokens(e)) > 1 or surname_key(e[-1].text) in full
              or e.start - 1 in role_at]
    spans += [e for e in ents if e.label_ in MISTAKEN_NAME_LABELS and _introduced_as_person(doc, kb_at, role_at, e)]
    spans += [r for r in _untagged_runs_before_commas(doc) if _introduced_as_person(doc, kb_at, role_at, r)]
    spans = [s for s in spans if not _names_non_person(kb_at, s)]
    return _longest_first(spans, lambda s: (s.start, s.end))


def _entity_goes_on_with_name(doc: Doc, i: int) -> bool:
    """The entity holding the title goes on past it with two proper nouns: a name after the title."""
    return i + 1 < len(doc) and all(doc[k].ent_iob_ == "I" and doc[k].pos_ == "PROPN" for k in (i, i + 1))


def _untagged_runs_before_commas(doc: Doc) -> Iterator[Span]:
    """Runs of two or three proper nouns the tagger gave no entity, each just before a comma ("Volker Perthes,
    the U.N. envoy, ..."): a name the tagger missed, if an apposition says it is a person."""
    tags = pos_tags(doc)
    for k, text in enumerate(token_texts(doc)):
        if text != "," or k < 2:
            continue
        start = k
        while start > 0 and tags[start - 1] == "PROPN" and k - start < 4:
            start -= 1
        if 2 <= k - start <= 3 and all(t.ent_type_ == "" for t in doc[start:k]):
            yield doc[start:k]


def _introduced_as_person(doc: Doc, kb_at: dict[int, KBSpan], role_at: dict[int, RoleSpan], ent: Span) -> bool:
    """ "Ivan Sokolov, a Russian intelligence officer, ...", "Anne Morel, the head of the union, ...": a two- or
    three-word name the tagger took for an organisation or a place, followed by an apposition headed by one
    person's title ("Oyet Nathaniel Pierino, the party's deputy chairman, ...")."""
    if not 2 <= len(ent) <= 3 or not all(t.is_title for t in ent) or any(t.i in kb_at or t.i in role_at for t in ent):
        return False
    if ent.end + 2 >= len(doc) or doc[ent.end].text != ",":
        return False
    opening = _apposition_opening(doc, kb_at, ent.end + 1)
    if opening is None:
        return False
    for k in range(opening, min(opening + 6, len(doc))):
        role = role_at.get(k)
        if role is not None and role.word.kind == "person" and doc[role.end - 1].tag_ == "NN" \
                and role.end not in role_at:  # "deputy chairman": the title ends at its last word
            after = doc[role.end] if role.end < len(doc) else None
            return after is None or not after.is_alpha or after.pos_ in ("ADP", "PRON") or after.tag_ in ("VBG", "VBN")
        if doc[k].pos_ not in ("ADJ", "NOUN", "PROPN", "ADV") and doc[k].tag_ != "POS":  # "the party's deputy"
            return False
    return False


def _apposition_opening(doc: Doc, kb_at: dict[int, KBSpan], i: int) -> int | None:
    """Where the words of an apposition start after its determiner: "a Russian ...", "the head ...", or a
    possessive KB name ("Russia's human rights commissioner"); None when it opens otherwise."""
    if doc[i].lower_ in ("a", "an", "the"):
        return i + 1
    kb_span = kb_at.get(i)
    if kb_span is not None and kb_span.start == i and kb_span.end < len(doc) and doc[kb_span.end].tag_ == "POS":
        return kb_span.end + 1
    return None


def _names_non_person(kb_at: dict[int, KBSpan], span: Span) -> bool:
    """A span that is really a state, organisation or group from the KB ("Turkey", "Hamas")."""
    kb_span = kb_at.get(span.start)
    return bool(kb_span and kb_span.entry.kind != "person" and kb_span.end >= span.end)


def _trim_name(doc: Doc, kb_at: dict[int, KBSpan], role_at: dict[int, RoleSpan], ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    while start < end and (doc[start].lower_ in HONORIFICS or doc[start].pos_ == "DET"
                           or start in role_at or not doc[start].text[:1].isalpha()
                           or _leads_name(doc, kb_at, role_at, start)):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ == "of"
                           or (end - 1 in kb_at and kb_at[end - 1].entry.kind == "state"
                               and kb_at[end - 1].hit.via != "alias")):
        end -= 1  # "Erdogan Ankara": NER ran a name into a capital; "Jose Trinidad" ends in a surname; "X of"
    if end <= start or not any(t.text[:1].isupper() for t in doc[start:end]):
        return None
    return doc[start:end]


def _leads_name(doc: Doc, kb_at: dict[int, KBSpan], role_at: dict[int, RoleSpan], i: int) -> bool:
    """A KB name before a person's name is not part of it ("Turkish President ...", "Istanbul Mayor ...");
    a place only when a person's title or a possessive follows it ("Aden Barre Duale" is a name)."""
    kb_span = kb_at.get(i)
    if kb_span is None or kb_span.entry.kind == "person" or kb_span.hit.via == "metonym":
        return False
    if _state_as_given_name(doc, kb_at, role_at, kb_span):
        return False
    if kb_span.entry.kind not in PLACE_KINDS:
        return True
    after = kb_span.end
    role = role_at.get(after)
    return (role is not None and role.word.kind == "person") or (after < len(doc) and doc[after].tag_ == "POS")


def _state_as_given_name(doc: Doc, kb_at: dict[int, KBSpan], role_at: dict[int, RoleSpan], kb_span: KBSpan) -> bool:
    """ "the ombudsman, Jordan Rodas", "Chad Wolf said": a one-word state name the tagger put at the head of a
    person's name, followed by a capitalised word that is no KB name, title or possessive, is a given name; a
    demonym ("Turkish President ...") or a state's possessive ("Jordan's King ...") is not. Only a name of two
    words, not after a preposition: "Resident Coordinator for Myanmar Andrew Kirkwood" names a post's country."""
    nxt = kb_span.end
    return (kb_span.entry.kind == "state" and kb_span.hit.via == "name" and kb_span.end - kb_span.start == 1
            and nxt < len(doc) and doc[nxt].pos_ == "PROPN" and doc[nxt].is_title and doc[nxt].ent_iob_ == "I"
            and nxt not in kb_at and nxt not in role_at
            and (nxt + 1 == len(doc) or doc[nxt + 1].ent_iob_ != "I")
            and (kb_span.start == 0 or doc[kb_span.start - 1].pos_ != "ADP"))


def _name_run(doc: Doc, kb_at: dict[int, KBSpan], i: int) -> Span | None:
    """The capitalised name right after a title: "Keir Starmer", "Mohammed Shia al-Sudani"."""
    start, end = i, i
    while end < len(doc) and end - start < 6:
        if not _name_part(doc, end):
            break
        end += 1
    # a state's name may end a name after a title ("Rear Adm. Carlos Trinidad"), never stand inside one
    surname_state = end - start >= 2 and end - 1 in kb_at and kb_at[end - 1].entry.kind == "state" \
        and kb_at[end - 1].start == end - 1
    if end == start or any((k in kb_at and not (surname_state and k == end - 1))
                           or doc[k].ent_type_ in NOT_NAME_ENTITIES for k in range(start, end)):
        return None
    if any(doc[k].is_sent_start and k != start for k in range(start, end)):
        return None
    if end < len(doc) and doc[end].pos_ == "NOUN":
        return None  # "chief Brexit negotiator", "official Twitter account": a modifier, not a name
    return doc[start:end]


def title_rest_end(doc: Doc, i: int) -> int:
    """Where a title the role words cut short ends: plural proper nouns right after it are the rest of its
    portfolio ("Minister for Foreign | Affairs Penny Wong", "Chief of Defence | Forces ..."), never a name's first
    word."""
    while i < len(doc) and doc[i].tag_ == "NNPS" and not doc[i].is_sent_start:
        i += 1
    return i


def title_rest_start(doc: Doc, i: int) -> int:
    """Where the rest of a title cut short (:func:`title_rest_end`) starts, read back from the name at `i`."""
    while i > 0 and doc[i - 1].tag_ == "NNPS" and not doc[i - 1].is_sent_start:
        i -= 1
    return i


def _title_complement_end(doc: Doc, i: int) -> int:
    """Where the "for" or "of" phrase completing a title ends ("Minister for Pacific Peoples", "the head of that
    tribunal"), when a comma closes it: the name set off after it is the holder's; else `i`."""
    if i >= len(doc) or doc[i].lower_ not in ("for", "of"):
        return i
    k = i + 1
    while k < len(doc) and k - i <= TITLE_COMPLEMENT_WORDS and doc[k].text != ",":
        if doc[k].pos_ not in COMPLEMENT_POS or doc[k].is_sent_start:
            return i
        k += 1
    return k if k > i + 1 and k < len(doc) and doc[k].text == "," else i


def _name_in_apposition(doc: Doc, kb_at: dict[int, KBSpan], role_at: dict[int, RoleSpan], i: int) -> Span | None:
    """ "Amnesty International's Kenya director, Irungu Houghton, said": a full name set off by commas right after
    a person's title (two to four words, closed by a comma, the verb or the sentence's full stop: "... to expel its
    ambassador, Sylvain Itte.")."""
    if i + 2 >= len(doc) or doc[i].text != "," or (i + 1) in role_at:
        return None
    run = _name_run(doc, kb_at, i + 1)
    if run is None or not 2 <= len(run) <= 4 or run.end >= len(doc):
        return None
    return run if doc[run.end].text in (",", ".") or doc[run.end].pos_ in ("VERB", "AUX") else None


def _name_part(doc: Doc, i: int) -> bool:
    """A word of a personal name: capitalised, an initial ("C."), or a particle inside one ("bin", "al-")."""
    tok = doc[i]
    if tok.is_title or (len(tok) <= 3 and tok.text.endswith(".") and tok.text[0].isupper()) or _glued_syllable(doc, i):
        return True
    if tok.lower_ not in NAME_PARTICLES and tok.text != "-":
        return False
    k = i + 1
    while k < len(doc) and doc[k].lower_ in NAME_PARTICLES and k - i < 3:
        k += 1  # "van der Merwe", "de la Fuente": particles run on to the surname
    return k < len(doc) and (doc[k].text[:1].isupper() or doc[k].text == "-")


def _glued_syllable(doc: Doc, i: int) -> bool:
    """ "Woo Won-shik", "Han Dong-hoon": a hyphen with no space around it after a capitalised word, and the
    lower-case syllable it joins on."""
    if i < 1:
        return False
    if doc[i].text == "-":
        before = doc[i - 1]
        return before.is_alpha and before.text[:1].isupper() and not before.whitespace_ and not doc[i].whitespace_ \
            and i + 1 < len(doc) and doc[i + 1].is_alpha
    return doc[i - 1].text == "-" and _glued_syllable(doc, i - 1) and doc[i].is_alpha


def _longest_first(items: list[T], bounds: Callable[[T], tuple[int, int]]) -> list[T]:
    """Non-overlapping items, longer ones winning, in text order."""
    chosen: list[T] = []
    taken: set[int] = set()
    for item in sorted(items, key=lambda x: (-(bounds(x)[1] - bounds(x)[0]), bounds(x)[0])):
        start, end = bounds(item)
        if not any(i in taken for i in range(start, end)):
            chosen.append(item)
            taken.update(range(start, end))
    return sorted(chosen, key=lambda x: bounds(x)[0])


def _names_a_date(tok: Token) -> bool:
    """"the European Union on Monday": a weekday or month after "on" is no part of a longer name."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_.rstrip(".") in CALENDAR_WORDS


def _case_fits(span: Span, forms: Iterable[str]) -> bool:
    """"IS" is not "is", "US" is not "us": an upper-case KB token needs an upper-case text token,
    and a capitalised KB name a capitalised text word."""
    for form in forms:
        words = form.split()
        if len(words) != len(span) and len(form.replace(" ", "")) != len(span.text.replace(" ", "")):
            continue
        if shape_ok(form, span.text):
            return True
    return False


def shape_ok(form: str, text: str) -> bool:
    """Whether `text` has the case of the KB form: upper-case acronyms and capitalised words kept."""
    fw, tw = form.split(), text.split()
    if len(fw) != len(tw):
        return fold(form) == fold(text)
    for f, t in zip(fw, tw, strict=True):
        if f.isupper() and len(f.strip(".")) > 1 and not t.isupper():
            return False
        if f[:1].isupper() and not t[:1].isupper():
            return False
    return True


def surname_key(word: str) -> str:
    """A surname as compared: folded, without "al-"/"el-" ("al-Sudani" and "Sudani" are one name)."""
    key = fold(word).strip(".'")
    for prefix in ("al-", "el-"):
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            key = key[len(prefix):]
    return key


def name_tokens_text(text: str) -> list[str]:
    """The name words of a text, as surname keys, possessives dropped."""
    words = text.replace("\u2019s", "").replace("'s", "").split()
    return [surname_key(w) for w in words if w[:1].isupper() or "-" in w]


def name_tokens(span: Span) -> list[str]:
    return name_tokens_text(span.text)
