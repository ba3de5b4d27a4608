"""Coreference: pronouns (the last pass) and definite descriptions (asked by the unnamed-groups pass).

Both join a mention to an actor already named before it, so they run once every name has its actor.
"""
from __future__ import annotations

import bisect
from collections.abc import Mapping

from spacy.tokens import Span, Token

from ...language.antecedents import act_antecedent
from ...records import Actor
from ...resources.grammar import Grammar
from ...resources.kb import fold
from ...resources.lexicon import Lexicon
from ..lookups import lower_words
from .descriptions import Description
from .registry import Registry
from .salience import in_dateline, is_place
from .spans import RoleSpan, Spans

# Grammar, not knowledge: closed word classes the rules below rely on.
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
SINGULAR_GROUP_PRONOUNS = frozenset({"it", "its"})
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
DEFINITE_OPENINGS = frozenset({"the", "both"})
REFER_BACK_TOKENS = 5000  # about 25,000 characters
# The evidence of "the Commission president" joined to the one person whose title holds "Commission".
QUALIFIED_TITLE_RULE = "the one person whose title holds the words before it"
# Titles of a public office, which the subject of the sentence before may hold though no one was given them ("the
# envoy"); not agent nouns of any trade or crowd ("the international community").
PUBLIC_OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "IGO"})
CONTINUED_SUBJECT_RULE = "no one named so before; the main subject of the sentence before"


def add_pronouns(spans: Spans, registry: Registry, *, lexicon: Lexicon | None = None,
                 grammar: Grammar | None = None) -> None:
    """He/she → a person; it/its/they/their → a state, organisation or group. Resolved pronouns
    become antecedents themselves, so a chain of "he said ... He added" stays on one person. With the `lexicon` and
    `grammar`, a pronoun standing for an act ("condemned the strike, saying it violated ...") is left to no side."""
    mentions = sorted((i, a) for i, a in registry.token_actor.items())
    genders = _titled_genders(spans, registry)
    for i, lower in enumerate(lower_words(spans.doc)):
        if lower not in PERSON_PRONOUNS and lower not in GROUP_PRONOUNS:
            continue
        tok = spans.doc[i]
        if lower == "it" and (tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_ == "be"):
            continue
        person = lower in PERSON_PRONOUNS
        if not person and lexicon is not None and grammar is not None \
                and _stands_for_act(tok, lexicon, grammar, registry):
            continue
        actor_id = _fronted_owner(tok, registry, person=person) \
            or _antecedent(spans, registry, tok, mentions, genders, person=person)
        if actor_id:
            registry.add_mention(actor_id, registry.mention(tok.i, tok.i + 1, "pronoun"))
            bisect.insort(mentions, (tok.i, actor_id))


def _stands_for_act(tok: Token, lexicon: Lexicon, grammar: Grammar, registry: Registry) -> bool:
    """"Geng criticised the North's launches, saying they breached ...": a pronoun commenting on an act its
    sentence names (:func:`~newsgraph.language.antecedents.act_antecedent`) is no side. A subject pronoun may
    still be a side that does things ("denied the charges, saying they had never conspired"): it is the act only
    in a clause of a verb of grammar's ``act_predicates`` ("said it undermined ..."), or of a copula when no body
    tells it ("Haley condemned the seizure, saying it was ..."; not "the EU ... said it was not ready")."""
    if act_antecedent(tok, lexicon, grammar) is None:
        return False
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() in grammar.act_predicates:
        return True
    return verb.lemma_.lower() == "be" and not _told_by_body(tok, registry)


def _told_by_body(tok: Token, registry: Registry) -> bool:
    """Whether the subject of the clause telling the pronoun's own (or of the clause it hangs on) names a state,
    organisation or group, which the pronoun could stand for as its teller."""
    verb = tok.head.head
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return any((a := registry.token_actor.get(t.i)) is not None and registry.actors[a].kind != "person"
                       for s in subjects for t in s.subtree)
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _fronted_owner(tok: Token, registry: Registry, *, person: bool) -> str | None:
    """"After their talks in Cairo, Egypt and Jordan rejected ...", "During her visit, the minister urged ...": a
    possessive in a phrase put before its clause's subject stands for that subject, not for a name before it."""
    if tok.dep_ != "poss":
        return None
    node = tok
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return None
        verbal = head.pos_ in ("VERB", "AUX")
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")] if verbal else []
        if subjects:
            if not node.i < subjects[0].i or node.dep_ in ("nsubj", "nsubjpass"):
                return None
            owners = [a for t in subjects[0].subtree if (a := registry.token_actor.get(t.i))
                      and (registry.actors[a].kind == "person") == person]
            return owners[0] if owners else None
        node = head
    return None


def _titled_genders(spans: Spans, registry: Registry) -> dict[str, str]:
    """Person actor id → "m"/"f" from a gendered title just before one of its mentions ("Ms. Okafor")."""
    titles = spans.gendered_titles
    doc = spans.doc
    genders: dict[str, str] = {}
    for i, actor_id in registry.token_actor.items():
        if i == 0 or registry.token_actor.get(i - 1) == actor_id or registry.actors[actor_id].kind != "person":
            continue
        gender = _title_gender(titles, doc[i - 1]) or _title_gender(titles, doc[i])
        if gender:
            genders[actor_id] = "?" if genders.get(actor_id, gender) != gender else gender
    return {a: g for a, g in genders.items() if g != "?"}


def _title_gender(titles: Mapping[str, str], tok: Token) -> str | None:
    """A capitalised title ("Miss Lane"), not the verb in "fans will miss Lane"."""
    return titles.get(tok.lower_.rstrip(".")) if tok.text[:1].isupper() else None


def _antecedent(spans: Spans, registry: Registry, tok: Token, mentions: list[tuple[int, str]],
                genders: dict[str, str], *, person: bool) -> str | None:
    """The subject of this or the previous sentence if it fits, else the latest fitting mention.

    He/she skips a person known to be of the other gender; an antecedent that was the only candidate
    learns the pronoun's gender, so "she" later in the article does not join him."""
    doc, quoted = spans.doc, spans.quoted
    sent = tok.sent
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    k = bisect.bisect_left(mentions, (tok.i, "")) - 1
    fitting: list[tuple[int, str]] = []
    while k >= 0 and mentions[k][0] >= floor:
        if (registry.actors[mentions[k][1]].kind == "person") == person:
            fitting.append(mentions[k])
        k -= 1
    # '"... affecting Mr. Berisha," he said': outside a quote, names inside one are not who "he" is
    outside = [m for m in fitting if not quoted[m[0]]]
    if not quoted[tok.i] and outside:
        fitting = outside
    if tok.lower_ in SINGULAR_GROUP_PRONOUNS:
        fitting = [m for m in fitting if not _plural_noun_phrase(doc[m[0]], m[1], registry)]
    if not person:  # "Chinese miners were seized at a site in Ghana. The gang freed them": the scene of a sentence
        # before (or its dateline) is no antecedent while a party is named; in its own sentence a place may host
        fitting = [m for m in fitting if m[0] >= sent.start or not (is_place(doc[m[0]]) or in_dateline(doc[m[0]]))
                   ] or fitting
    if person:  # "her spokesman insisted she had ...": "she" is whom "her" stands for, not her spokesman
        fitting = [m for m in fitting if not known_by_possessive_pronoun(doc[m[0]], registry.actors[m[1]])]
    own_subject = _clause_subject(tok)
    subject_actors = {a for i in own_subject for _, a in mentions[bisect.bisect_left(mentions, (i, "")):][:1] if _ == i}
    fitting = [m for m in fitting if m[1] not in subject_actors]
    gender = PRONOUN_GENDER.get(tok.lower_) if person else None
    if gender:
        fitting = [m for m in fitting if genders.get(m[1], gender) == gender]
        if len({a for _, a in fitting}) == 1:
            genders.setdefault(fitting[0][1], gender)
    in_sentence = [m for m in fitting if m[0] >= sent.start]
    before = [m for m in fitting if m[0] < sent.start]
    if before and in_sentence and all(_in_fronted_phrase(doc[m[0]], tok) for m in in_sentence):
        in_sentence = []  # "In a letter to X, he said": the subject goes on from the sentence before, not X
    for group in (in_sentence, before):
        # a name set beside a subject counts as it in the sentence before ("Guatemala's attorney general, Consuelo
        # Porras, has been accused"); in the pronoun's own sentence only the subject itself does
        subjects = [m for m in group if (_is_subject(doc[m[0]]) if group is before
                                         else doc[m[0]].dep_ in ("nsubj", "nsubjpass"))]
        if subjects and person and group is before:
            # of the sentence before, the person its own verb is about, not one a clause inside it names ("X issued
            # a statement, days after Y was reported ... She said"); in the pronoun's own sentence the nearest
            return min(subjects, key=lambda m: _clause_depth(doc[m[0]]))[1]
        if subjects:
            return subjects[0][1]
        if group:
            return group[0][1]
    return None


def known_by_possessive_pronoun(head: Token, actor: Actor, *, kinds: tuple[str, ...] = ("person",)) -> bool:
    """An unnamed office holder (or, with `kinds`, body) known only by whom a possessive pronoun says they serve
    ("his spokesman", "its foreign ministry")."""
    return (actor.kind in kinds and actor.evidence.get("rule") != "title or apposition"
            and not any(m.via in ("name", "alias") for m in actor.mentions)
            and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children))


def _clause_depth(tok: Token) -> int:
    """How many heads lie between a token and its sentence's root: a main clause's subject is nearest."""
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def _in_fronted_phrase(mention: Token, pronoun: Token) -> bool:
    """Whether a name before a subject pronoun lies, not as a subject, in a phrase fronted on the pronoun's own verb
    ("In a letter to Mark Rutte, he said", "After talks with Putin, she said"): the pronoun is the clause's subject
    and does not stand for someone named inside its preamble."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or mention.dep_ in ("nsubj", "nsubjpass"):
        return False
    verb = pronoun.head
    fronted = [c for c in verb.children if c.dep_ in ("prep", "advcl", "npadvmod") and c.i < pronoun.i]
    return any(f.left_edge.i <= mention.i <= f.right_edge.i for f in fronted)


def _plural_noun_phrase(tok: Token, actor_id: str, registry: Registry) -> bool:
    """Whether the mention holding `tok` is headed by a plural common noun ("three Russian diplomats"), which "it"
    cannot stand for; a plural name ("the United States") can."""
    for _ in range(4):
        if tok.head.i == tok.i or registry.token_actor.get(tok.head.i) != actor_id:
            break
        tok = tok.head
    return tok.tag_ == "NNS"


def _clause_subject(tok: Token) -> set[int]:
    """Tokens of the subject of an object pronoun's own clause: "Biden called Netanyahu and urged him"
    cannot mean Biden urged Biden, so "him" is not the subject of "urged" (inherited from "called")."""
    if tok.lower_ not in OBJECT_PRONOUNS or tok.tag_ != "PRP":
        return set()
    return _object_clause_subject(tok)


def _object_clause_subject(tok: Token) -> set[int]:
    """Tokens of the subject of the clause whose object `tok` is (empty when it is no object)."""
    if tok.dep_ not in OBJECT_DEPS:
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


def refer_back(spans: Spans, registry: Registry, chunk: Span, desc: Description, role: RoleSpan) -> bool:
    """ "the Israeli leader", "the officials": join the latest compatible actor before this chunk; a person's title
    no one named holds ("the envoy" after "the acting head of the mission") the subject of the sentence before."""
    doc = spans.doc
    word = fold(doc[role.start:role.end].lemma_)
    how = "the latest compatible actor"
    before = [registry.actors[a] for a in _actors_before(registry, chunk.start)]
    before = [a for a in before if not desc.code or a.code == desc.code]
    if role.word.kind == "state":
        fitting = _not_the_scene(spans, registry, chunk, [a for a in before if a.kind == "state"])
    elif role.word.kind == "person":
        if doc[role.end - 1].tag_ in ("NNS", "NNPS"):
            return _refer_back_to_pair(registry, chunk, word, before)
        fitting = [a for a in before if a.kind == "person" and (a.sector != "ELI" or desc.former)
                   and (desc.code or word in fold(a.role or "") or word in fold(a.name) or titled(a, word))]
        if chunk[0].lower_ not in DEFINITE_OPENINGS:  # "Putin's spokesman": only one titled so, not Putin
            owners = {registry.token_actor.get(i) for i in range(chunk.start, chunk.root.i)}
            fitting = [a for a in fitting if a.id not in owners and titled(a, word)]
        if not desc.code and len({a.code for a in fitting}) > 1:
            # "Macron spoke with Trump ... the president said": two presidents, no one meant, unless the words
            # before the title name one of their offices ("the Commission president" after "European Commission
            # President Ursula von der Leyen"), or only one of them is named in this sentence or the one before
            # ("Salazar said ... the ambassador said")
            qualified = _titled_as_qualified(spans, chunk, role, fitting)
            how = QUALIFIED_TITLE_RULE if qualified else how
            fitting = qualified or _named_just_before(spans, chunk, fitting)
            if len(fitting) != 1:
                return False
        # a bare title only: "the Senate president", "the 67-year-old leader" say who is meant, and no one named fits
        if not fitting and chunk[0].lower_ == "the" and (role.start, role.end) == (chunk.start + 1, chunk.start + 2) \
                and role.word.sector in PUBLIC_OFFICE_SECTORS \
                and not spans.quoted[chunk.root.i]:  # '"The ambassador will stay," Albares said': someone else
            fitting = _subject_continued(registry, chunk, [a for a in before if a.kind == "person"
                                                           and (a.sector != "ELI" or desc.former)])
            how = CONTINUED_SUBJECT_RULE
    else:  # a group's own name first ("Pakistani military"), then its role ("military media wing")
        groups = [a for a in before if a.kind != "person"]
        fitting = [a for a in groups if word in fold(a.name)] or [a for a in groups if word in fold(a.role or "")]
    if not fitting:
        return False
    end = chunk.root.i + 1
    held = [i for i in range(chunk.start, end) if i in registry.token_actor]
    if not held:
        registry.link(fitting[0].id, chunk.start, end, rule=f"the {word}: {how}")
    elif role.word.kind == "person" and held[-1] < role.start \
            and all(doc[i].pos_ == "ADJ" or doc[i].tag_ == "POS" for i in range(held[-1] + 1, role.start)):
        # "the U.N. chief", "the EU's top diplomat": the body's name keeps its actor, the title joins the person
        registry.add_mention(fitting[0].id, registry.mention(chunk.start, end, "nominal"),
                             tokens=range(held[-1] + 1, end), rule=f"the {word}: {how}")
    return True


def _titled_as_qualified(spans: Spans, chunk: Span, role: RoleSpan, people: list[Actor]) -> list[Actor]:
    """The one person whose title holds every noun written before the title word ("the Commission president"),
    or nobody."""
    qualifiers = [fold(t.text) for t in spans.doc[chunk.start:role.start] if t.pos_ in ("NOUN", "PROPN")]
    if not qualifiers:
        return []
    fitting = [a for a in people if all(q in fold(f'{a.evidence.get("text_role") or ""} {a.role or ""}').split()
                                        for q in qualifiers)]
    return fitting if len(fitting) == 1 else []


def _subject_continued(registry: Registry, chunk: Span, people: list[Actor]) -> list[Actor]:
    """ "Stephanie Koury, the acting head of the mission, briefed the council. The envoy called on ...": a title no one
    named before holds, as its clause's subject, goes on with the person who is the main subject of the sentence
    before (centering), if one of `people`."""
    sent = chunk.sent
    opening = chunk.start == sent.start and chunk.root.dep_ == "ROOT"  # "The envoy called on ...", misparsed
    if not (chunk.root.dep_ in ("nsubj", "nsubjpass") or opening) or sent.start == 0:
        return []
    previous = chunk.doc[sent.start - 1].sent
    if any(t.lemma_ == chunk.root.lemma_ for t in chunk.doc[previous.start:chunk.start]):
        return []  # "Guterres is concerned, his spokesman said. ... the spokesman said": the one written so before
    ids = {a.id: a for a in people}
    # only the subject of the sentence's own verb: "... in what President Luis Arce called a coup attempt. The
    # general was arrested" is not Arce, the subject of a clause inside it
    subjects = [registry.token_actor[t.i] for t in previous if registry.token_actor.get(t.i) in ids
                and _is_subject(t) and (t.head if t.dep_ != "appos" else t.head.head).i == previous.root.i]
    return [ids[subjects[0]]] if subjects else []


def _is_subject(tok: Token) -> bool:
    """A clause's subject, or the name set beside it ("Stephanie Koury, the acting head ...": either is the
    subject)."""
    return tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "appos" and tok.head.dep_ in ("nsubj", "nsubjpass"))


def _not_the_scene(spans: Spans, registry: Registry, chunk: Span, states: list[Actor]) -> list[Actor]:
    """The states, latest first, less those the description's own sentence names only by a city that is the scene
    of its act: "Kosovo's bid ... cleared a vote. Speaking in Paris, ministers said the young country had met the
    conditions" (a country named as a place, "aid arrived in Myanmar ... across the country", is still the one)."""
    scene: set[str] = set()
    named: set[str] = set()
    for i in range(chunk.sent.start, chunk.start):
        if (actor_id := registry.token_actor.get(i)) is not None:
            city = is_place(spans.doc[i]) and _mention_via(registry.actors[actor_id], spans.doc[i].idx) == "metonym"
            (scene if city else named).add(actor_id)
    return [a for a in states if a.id not in scene - named] or states


def _mention_via(actor: Actor, char: int) -> str | None:
    return next((m.via for m in actor.mentions if m.start <= char < m.end), None)


def _named_just_before(spans: Spans, chunk: Span, actors: list[Actor]) -> list[Actor]:
    """The actors with a mention in the sentence of `chunk`, before it, or in the sentence before."""
    sent = chunk.sent
    lo = spans.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    hi = chunk.start_char
    return [a for a in actors if any(lo <= m.start < hi for m in a.mentions)]


def _refer_back_to_pair(registry: Registry, chunk: Span, word: str, before: list[Actor]) -> bool:
    """ "the prime ministers", "both leaders": the last two people named with that role (for "both" or
    "two", the last two people with any role). "The leaders of the G7" names its own members."""
    if any(c.dep_ == "prep" for c in chunk.root.children):
        return False
    acting = {registry.token_actor.get(i) for i in _object_clause_subject(chunk.root)}  # "Blinken warned both"
    people = [a for a in before if a.kind == "person" and a.sector != "ELI" and a.id not in acting]
    pair = [a for a in people if word in fold(a.role or "") or titled(a, word)][:2]
    if len(pair) < 2 and any(t.lower_ in ("both", "two") for t in chunk):
        pair = [a for a in people if a.role][:2]
    if len(pair) < 2:
        return False
    end = chunk.root.i + 1
    first, second = pair
    # both get the mention; its tokens point at the first of the two
    registry.add_mention(first.id, registry.mention(chunk.start, end, "nominal"), tokens=range(chunk.start, end))
    registry.add_mention(second.id, registry.mention(chunk.start, end, "nominal"))
    return True


def titled(actor: Actor, word: str) -> bool:
    """The title written before the person's name is `word`: "the general" after "Gen. Abdourahamane Tiani",
    "the senator" after "Sen. ...": an abbreviation stands for the words it begins."""
    title = fold(f'{actor.evidence.get("text_role") or ""} {actor.role or ""}')
    return word in title or any(len(t) > 2 and t.endswith(".") and word.startswith(t[:-1]) for t in title.split())


def _actors_before(registry: Registry, i: int) -> list[str]:
    """Actor ids by their latest mention in the REFER_BACK_TOKENS tokens before token i, most recent first.

    The window keeps the cost per phrase bounded, so a long text is not quadratic; it is longer than
    a long news article, whose answers it does not change."""
    recent = dict.fromkeys(map(registry.token_actor.get, range(i - 1, max(-1, i - 1 - REFER_BACK_TOKENS), -1)))
    recent.pop(None, None)
    return list(recent)  # type: ignore[arg-type]
