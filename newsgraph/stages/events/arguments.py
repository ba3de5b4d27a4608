"""Reading an event's arguments and qualifiers off the dependency parse.

Which tokens are a predicate's subject, objects and prepositional objects, and which actors
those tokens name (through :class:`ActorTable` only). Whether the predicate is negated, future,
hypothetical or conditional is :mod:`newsgraph.language.modality`. Function words come from
``data/plover/grammar.yaml`` (:mod:`newsgraph.resources.grammar`).
"""
from __future__ import annotations

from spacy.tokens import Token

from ...language.lemmas import lemma_forms
from ...language.modality import CONTROL_PREPS, finite_conjunct_governor, is_infinitive
from ...language.quotation import quotation
from ...records import Actor, ActorTable
from ...resources.grammar import Grammar
from ...resources.speech_verbs import SpeechLexicon
from ..lookups import text_length

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Dependents that stay inside a predicate's own frame (not a new clause or its subject).
FRAME_DEPS = frozenset({"dobj", "dative", "prep", "pobj", "prt", "attr", "oprd", "agent", "compound", "amod",
                        "nmod", "npadvmod", "acomp", "pcomp", "appos", "poss", "advmod", "nummod", "conj"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
PREP_DEPS = frozenset({"prep", "dative", "agent"})
DIRECT_OBJECT_DEPS = frozenset({"dobj", "dative"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
# Participles read as adjectives with a "to" phrase: "X is opposed to Y" is X's stance, not a passive.
STATIVE_PARTICIPLES = frozenset({"oppose"})
COPULAS = frozenset({"be", "become"})  # "X became the latest to expel ...": the complement names the subject
# Verbs whose object is the means of their "to" clause, not its doer: "used the meeting to urge Beirut ...", "used his
# speech to criticise ..."; the one who uses acts.
INSTRUMENT_VERBS = frozenset({"use"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Names that are times; any other name the tagger calls a time ("on Kyiv overnight") is still a place or party.
TIME_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                        "february", "march", "april", "may", "june", "july", "august", "september", "october",
                        "november", "december"})
DASHES = frozenset({"—", "–", "-", "--"})
DATELINE_ENDS = DASHES | {":"}  # "GENEVA, May 12 - ...", "THIMPHU: ..."
DATELINE_TOKENS = 12  # "UNITED NATIONS, Dec. 4 (Reuters) -": how far into a story a dateline may reach
DATELINE_POS = frozenset({"PROPN", "NUM", "PUNCT"})  # what a dateline is made of: place, date, agency, commas
# "accused each other", "threatened one another": the subjects act on each other.
RECIPROCALS = frozenset({("each", "other"), ("one", "another")})
PARTITIVE_DEPTH = 3  # noun_phrase_actors at this depth reads a phrase's own name and modifiers only, no "of" phrase


def frame(head: Token, depth: int = 3) -> list[Token]:
    """Tokens that belong to a predicate's own phrase: objects, particles, prepositions and what they govern."""
    out: list[Token] = []
    todo = [(c, 1) for c in head.children if c.dep_ in FRAME_DEPS and c.dep_ != "conj"]
    while todo:
        tok, d = todo.pop(0)
        out.append(tok)
        if d < depth:
            todo.extend((c, d + 1) for c in tok.children if c.dep_ in FRAME_DEPS)
    return out


def conjuncts(tok: Token) -> list[Token]:
    """The token and every token coordinated with it ("Britain, Turkey and Canada"), with a list the parser hung
    as an apposition ("Saudi Arabia, the United Arab Emirates, Bahrain and Egypt": the second name an apposition
    of the first, the rest conjuncts of either; "the quartet - Saudi Arabia, ... and Egypt"); a single apposition
    ("Kenya's president, William Ruto") or a title ("Khamenei, Iran's supreme leader and commander") is none."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if (c.dep_ == "conj" and not next_clause_subject(c)) or _listed_apposition(c))
    return sorted(out, key=lambda t: t.i)


def next_clause_subject(name: Token) -> bool:
    """"Germany expelled four diplomats and Canada did the same", "... on Monday and Canada followed suit": a name the
    parser coordinated with a common noun or a time the verb before governs, when a verb coordinated with that one
    and without a subject of its own follows it straight away, is that verb's subject, not one more member of the
    noun's list."""
    after = name.right_edge.i + 1
    if name.dep_ != "conj" or name.pos_ != "PROPN" or after >= len(name.doc) \
            or not (name.head.pos_ == "NOUN" or is_time_phrase(name.head)):
        return False
    verb = name.doc[after]
    return verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and verb.head.i == _governing_verb(name.head).i \
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)


def _governing_verb(tok: Token) -> Token:
    """The nearest verb a token's phrase hangs on (itself at the root)."""
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    return tok


def _subject_run_into_object(verb: Token) -> list[Token]:
    """The subject the parser ran into the object of the verb before (:func:`next_clause_subject`)."""
    if verb.dep_ != "conj" or verb.i == 0:
        return []
    tok = verb.doc[verb.i - 1]
    while tok.dep_ != "conj" and tok.head.i != tok.i and tok.head.right_edge.i == verb.i - 1:
        tok = tok.head
    return [tok] if next_clause_subject(tok) else []


def coordination_head(tok: Token) -> Token:
    """The first member of the coordination a token is in ("Qatar and Jordan flew in": Jordan's is Qatar, whose slot
    the whole list fills); the token itself when it is in none."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _listed_apposition(tok: Token) -> bool:
    """A name in apposition that is a list member: names are coordinated on it, or it stands beside a name on
    which names are coordinated (a title's apposition, "its president, Luis Lacalle Pou, and ...", is none)."""
    if tok.dep_ != "appos" or tok.pos_ != "PROPN" or _opens_a_dateline(tok.head, tok):
        return False
    beside = [*tok.children, *(tok.head.children if tok.head.pos_ == "PROPN" else [])]
    return any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in beside)


def _opens_a_dateline(head: Token, apposition: Token) -> bool:
    """"KUALA LUMPUR - Thailand and Cambodia ...": a place in capitals opening the sentence, a dash before the
    names the parser hung on it."""
    return bool(head.left_edge.is_sent_start) and head.text.isupper() \
        and any(t.text in DATELINE_ENDS for t in head.doc[head.i + 1:apposition.i])


def _modifier_actors(head: Token, table: ActorTable) -> list[Actor]:
    found: list[Actor] = []
    for child in head.lefts:
        if child.dep_ not in MODIFIER_DEPS:
            continue
        if child.lower_ == "whose" and (antecedent := relative_antecedent(child)) is not None:
            # "Saudi Arabia, whose foreign minister met Lavrov": the antecedent's name, not the clause it carries
            found += [a for a in table.all_at(antecedent.idx, antecedent.idx + len(antecedent.text)) if a not in found]
            continue
        start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
        inside = [table.get(aid) for _, _, aid in table.mentions_in(start, end)]
        for actor in inside or [table.actor_at(child.idx, child.idx + len(child.text))]:
            if actor and actor not in found:  # "the US sanctions": the mention may start before the modifier
                found.append(actor)
    return found


def _prep_objects(head: Token, preps: frozenset[str]) -> list[Token]:
    return [g for c in head.children if c.dep_ in PREP_DEPS and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def reporting_verb(tok: Token, speech: SpeechLexicon) -> Token | None:
    """The verb outside the quote that introduces the quote a token sits in ("...," the minister said)."""
    quoted = quotation(tok.doc)
    span = quoted.span_of(tok)
    if span is None:
        return None
    start, end = next(((s, e) for s, e in span.parts if s <= tok.idx < e), (span.start, span.end))
    near = tok.doc.char_span(max(0, start - 1), min(text_length(tok.doc), end + 1), alignment_mode="expand")
    sents = {sent.start: sent for t in (near if near is not None else [tok]) for sent in [t.sent]}
    candidates = [v for sent in sents.values() for v in sent
                  if speech.is_reporting(v) and not quoted.inside(v)
                  and any(c.dep_ in SUBJECT_DEPS for c in v.children)]
    after = [v for v in candidates if v.idx > end]
    return next(iter(after or candidates), None)


def speaker_tokens(tok: Token, speech: SpeechLexicon) -> list[Token]:
    """Who says the quote a token sits in: the subject of its reporting verb."""
    verb = reporting_verb(tok, speech)
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS] if verb is not None else []


def noun_phrase_actors(head: Token, table: ActorTable, grammar: Grammar, speech: SpeechLexicon, depth: int = 0,
                       as_source: bool = False) -> list[Actor]:
    """Actors a noun phrase refers to: its own name, else its maker, modifiers, members or owners.

    "Turkish President Erdogan" → Erdogan (the modifier adds nothing new); "a call by Zelensky" →
    Zelensky; "Israeli police" → Israel; "partners, including Britain and Canada" → Britain, Canada;
    "the leaders of Britain" → Britain; "We ...," the minister said → the minister.
    """
    def actors_of(tokens: list[Token]) -> list[Actor]:
        return [a for t in tokens for a in token_actors(t, table, grammar, speech, depth + 1, as_source)]

    owners = table.all_at(head.idx, head.idx + len(head.text))
    own = owners[0] if owners else None
    if own is None and head.lower_ in grammar.first_person and depth == 0:
        return actors_of(speaker_tokens(head, speech))
    agents = actors_of(_prep_objects(head, frozenset({"by"})) or misplaced_agents(head)) \
        if own is None and depth <= 2 and not _of_object(head) else []
    if agents:
        return agents
    private = as_source and head.lemma_.lower() in grammar.private_nouns  # "Chinese tourists visited Vietnam"
    mods = [] if private else _modifier_actors(head, table)
    if own is None and not mods:  # "our warfighters" in a quote: the speaker's side
        mods = [a for c in head.children if c.dep_ == "poss" and c.lower_ in grammar.first_person
                for a in noun_phrase_actors(c, table, grammar, speech, depth)]
    if own is not None:
        # "Leaders of Egypt, Jordan and the UAE": a group read as one of the sides it names is all of them
        members = actors_of(_prep_objects(head, grammar.member_preps | {"of"})) if depth <= 2 else []
        if own.code and len({a.code for a in members}) > 1 and own.code in {a.code for a in members}:
            return members
        return [m for m in mods if m not in owners and m.kind == "person"] + owners
    if depth > 2:
        return mods
    members = actors_of(_prep_objects(head, grammar.member_preps))
    if not members and (head.like_num or head.lemma_.lower() in grammar.crowd_nouns):
        # a partitive, "two of the Nigerien soldiers": the people its "of" phrase names, not whose members they are
        # ("twenty of the 27 members of the European Union", "most of the UN member states" are not the EU or UN)
        counted = [t for t in _prep_objects(head, frozenset({"of"}))
                   if t.lemma_.lower() not in grammar.state_party_nouns]
        members = [a for t in counted for a in token_actors(t, table, grammar, speech, PARTITIVE_DEPTH, as_source)]
    appositions = [c for c in head.children if c.dep_ == "appos"]
    grouped = bool(lemma_forms(head) & grammar.group_nouns)  # "Protesters" opening a clause is lemmatised as a name
    owner_tokens = _prep_objects(head, grammar.owner_preps) if grouped else []
    # "militants linked with the BLA", "a ship owned by Greece": the side a participle ties them to
    # (a participle, not a clause with its own subject: "reports that it would move production to India")
    owner_tokens += [t for c in head.children if c.dep_ == "acl" and not any(s.dep_ in SUBJECT_DEPS for s in c.children)
                     for t in _prep_objects(c, grammar.affiliation_preps)]
    # "his Chinese counterpart Wang Yi": the apposition names the person; "his" is the other side
    return members or actors_of(appositions) or mods or actors_of(owner_tokens)


def _of_object(tok: Token) -> bool:
    """The "of" object of a noun: its "by" phrase is the noun's doer ("the seizure of a tanker by Iran"), which the
    parser hangs on the nearer noun."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN"


def misplaced_agents(noun: Token) -> list[Token]:
    """The "by" objects an event noun's "of" object carries: "the expulsion of three diplomats by Estonia"."""
    return [a for obj in _prep_objects(noun, frozenset({"of"})) for a in _prep_objects(obj, frozenset({"by"}))]


def owner_tokens(head: Token, depth: int = 2) -> list[Token]:
    """Whose a thing is, nearest first: its possessor, its "of" object, and theirs ("positions of X's forces")."""
    out: list[Token] = []
    for c in head.children:
        if c.dep_ == "poss":
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ == "of":
            out += [g for g in c.children if g.dep_ == "pobj"]
    if depth > 1:
        out += [deeper for t in list(out) for deeper in owner_tokens(t, depth - 1)]
    return out


def token_actors(tok: Token, table: ActorTable, grammar: Grammar, speech: SpeechLexicon, depth: int = 0,
                 as_source: bool = False) -> list[Actor]:
    """Actors named by a token's phrase and the phrases coordinated with it, in text order."""
    out: list[Actor] = []
    for head in conjuncts(tok):
        for actor in noun_phrase_actors(head, table, grammar, speech, depth, as_source):
            if actor not in out:
                out.append(actor)
    return out


def is_stative_participle(tok: Token) -> bool:
    """"X remains opposed to Y": the participle after a copula, which the tagger may call an adjective, is the verb
    of X's stance."""
    return tok.dep_ == "acomp" and bool(lemma_forms(tok) & STATIVE_PARTICIPLES)


def neither_subject(verb: Token) -> bool:
    """"Neither Russia nor Ukraine accepted": the coordination denies the act of every side it names."""
    return any(c.dep_ == "preconj" and c.lower_ == "neither" for t in subject_tokens(verb)[0] for c in t.children)


def is_reciprocal(tok: Token) -> bool:
    """"each other", "one another" in an argument slot, whichever of its two words the parser made the head;
    "the other" when "each side" is the subject ("Each side accused the other")."""
    before = tok.i > 0 and (tok.doc[tok.i - 1].lower_, tok.lower_) in RECIPROCALS
    return before or (tok.i + 1 < len(tok.doc) and (tok.lower_, tok.doc[tok.i + 1].lower_) in RECIPROCALS) \
        or (tok.lower_ == "other" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and any(c.lower_ == "each" for t in subject_tokens(tok.head)[0] for c in t.children))


def is_passive(verb: Token) -> bool:
    if verb.lemma_.lower() in STATIVE_PARTICIPLES and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return False
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def is_time_phrase(tok: Token) -> bool:
    """"on Tuesday", "this week": a time phrase is never a participant, whatever slot the parse gives it."""
    return tok.ent_type_ in TIME_ENTITIES and (tok.pos_ not in ("PROPN", "PRON") or tok.lower_ in TIME_NAMES)


def is_dateline(tok: Token) -> bool:
    """"ANKARA (Reuters) — Turkey said ...", "GENEVA, May 12 - China said ...": the place (and date or agency)
    opening a story, parsed as a subject."""
    # is_sent_start, not tok.sent: every subject is asked, and Token.sent walks the whole sentence
    if not tok.left_edge.is_sent_start or not (tok.text.isupper() or any(c.text == "(" for c in tok.subtree)):
        return False
    return _dash_after(tok) is not None


def _dash_after(tok: Token) -> Token | None:
    """The dash (or colon: "THIMPHU: ...") that closes a dateline starting at `tok`, within `DATELINE_TOKENS` of it
    and after names, numbers and punctuation only (the parser may hang the date on the verb rather than on the
    place: "GENEVA, May 12 - ...")."""
    for t in tok.doc[tok.i + 1:min(tok.i + DATELINE_TOKENS, len(tok.doc))]:
        if t.text in DATELINE_ENDS:
            return t
        if t.pos_ not in DATELINE_POS:
            return None
    return None


def past_dateline(tok: Token) -> list[Token]:
    """The subject the parse hung on a dateline: "GOMA (Reuters) — Protesters in ..." → the protesters; also when
    it hangs on the dateline's date ("KHUJAND, March 31 - Tajikistan, Kyrgyzstan and ..." → Tajikistan)."""
    dash = _dash_after(tok)
    if dash is None:
        return []
    return [c for t in tok.subtree if t.i < dash.i for c in t.children
            if c.i > dash.i and c.dep_ in ("appos", "conj")]


def scene_host(noun: Token, scene_preps: frozenset[str], depth: int = 3) -> Token | None:
    """The verb whose clause an occasion noun sets the scene of: "During talks with X, Y said", also through a
    scene nested in a scene ("At a news conference following talks with X, Y said")."""
    tok = noun
    for _ in range(depth):
        link = tok.head
        if tok.dep_ not in ("pobj", "dobj") or link.lower_ not in scene_preps or link.i == tok.i:
            return None
        if link.pos_ == "VERB" and link.dep_ not in ("acl", "prep", "advcl"):  # "following" as the clause's own
            # verb is no scene; "Following talks with X, Y said" is parsed with "Following" a verb modifying "said"
            return None
        host = link.head
        if host.pos_ in ("VERB", "AUX"):
            return host
        if host.dep_ != "pobj":
            return None
        tok = host
    return None


def undergoer_verb(noun: Token, grammar: Grammar) -> Token | None:
    """The verb whose subject undergoes the act a noun names: "Israel faced criticism from France", "Kharkiv came
    under attack from Russian drones"."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in grammar.undergoer_verbs:
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and f"{prep.head.lemma_.lower()} {prep.lower_}" in grammar.undergoer_verbs:
        return prep.head
    return None


def for_clause_subject(clause: Token) -> list[Token]:
    """The subject of a "for X to V" clause, which the parser may also hang on "for" as its object."""
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"]
    if not marks or not is_infinitive(clause):
        return []
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    return subjects or [g for m in marks for g in m.children if g.dep_ == "pobj"]


def free_relative_named(verb: Token, naming_verbs: frozenset[str], *, as_object: bool = True,
                        slot_preps: frozenset[str] | None = None) -> tuple[list[Token], Token | None]:
    """"signed what officials called the Doha accord", "launched what it described as an operation against X",
    "blamed the war on what he called NATO's policy": an object that is a free relative of a naming verb
    (grammar.naming_verbs) stands for the thing it names. The parser hangs the naming verb on the trigger as a
    clause (when `as_object`: the slot is the direct object), or on one of its prepositions (`slot_preps`; None:
    any) as a clause object. The named tokens (the naming verb's complement, or its second object or "as" object)
    and the naming verb; ([], None) when there is none."""
    clauses = [c for c in verb.children if as_object and c.dep_ in ("ccomp", "xcomp")] + [
        g for p in verb.children if p.dep_ == "prep" and (slot_preps is None or p.lower_ in slot_preps)
        for g in p.children if g.dep_ == "pcomp"]
    for clause in clauses:
        if clause.lemma_.lower() not in naming_verbs \
                or not any(c.dep_ == "dobj" and c.tag_ == "WP" for c in clause.children):
            continue
        named = [c for c in clause.children if c.dep_ == "oprd" or (c.dep_ == "dobj" and c.tag_ != "WP")] + \
            [g for p in clause.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children
             if g.dep_ == "pobj"]
        if named:
            return named, clause
    return [], None


def relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for: the one the clause hangs on ("Hungary, which has refused ...";
    "whose" through the noun it owns: "Saudi Arabia, whose minister met ...")."""
    if tok.lower_ not in RELATIVE_PRONOUNS:
        return None
    clause = tok.head.head if tok.dep_ == "poss" else tok.head
    if clause.dep_ == "ccomp" and clause.head.dep_ == "relcl" and tok.dep_ in SUBJECT_DEPS:
        clause = clause.head  # "Rwanda's army, which UN experts say has sent troops": the saying is the relative clause
    return clause.head if clause.dep_ == "relcl" and clause.head.i != clause.i else None


def _subject_read_as_modifier(verb: Token) -> list[Token]:
    """"Beijing, for its part, accused Manila": a name set off by commas before a subject-less verb, which the
    parser hangs on the verb as a bare noun modifier; a time phrase ("Last week, ...") is never the subject."""
    return [c for c in verb.lefts if c.dep_ == "npadvmod" and c.pos_ in ("PROPN", "NOUN")
            and c.ent_type_ not in TIME_ENTITIES and c.right_edge.i + 1 < verb.i
            and verb.doc[c.right_edge.i + 1].text == ","][:1]


def companion_tokens(verb: Token, companion_words: frozenset[str]) -> list[Token]:
    """"France, along with Germany and Britain, condemned ...": the objects of a companion "with" before the verb, on
    its subject or on the verb itself (the parser hangs it on either)."""
    out: list[Token] = []
    for tok in verb.doc[verb.sent.start:verb.i]:
        if tok.lower_ != "with" or tok.i == 0 or verb.doc[tok.i - 1].lower_ not in companion_words:
            continue
        governor = tok.head if tok.head.lower_ not in companion_words else tok.head.head
        if governor.i == verb.i or (governor.dep_ in SUBJECT_DEPS and governor.head.i == verb.i):
            out += [g for g in tok.children if g.dep_ == "pobj"]
    return out


def _names_run_into_fronted_phrase(verb: Token) -> list[Token]:
    """"After talks in Cairo, Egypt and Jordan rejected ...": names between a comma and a main verb left without a
    subject, which the parser ran into the fronted phrase's list ("Cairo, Egypt and Jordan")."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    commas = [t.i for t in verb.doc[verb.sent.start:verb.i] if t.text == ","]
    if not commas:
        return []
    between = verb.doc[commas[-1] + 1:verb.i]
    names = [t for t in between if t.pos_ == "PROPN" and t.dep_ in ("conj", "appos")]
    if not names or any(t.pos_ in ("VERB", "AUX", "ADP") for t in between):
        return []
    return names[:1]  # the first name; the names coordinated with it come with it


def subject_tokens(verb: Token, depth: int = 0) -> tuple[list[Token], str]:
    """The tokens that do the verb's action, and how they were found.

    Subjects, passive agents, and for subject-less clauses (participles, "to" clauses,
    coordinated verbs, relative clauses) the subject of the verb that governs them.
    """
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl" and is_dateline(c) and past_dateline(c) \
                and not any(s.dep_ in SUBJECT_DEPS and s.i > c.right_edge.i for s in verb.children):
            return past_dateline(c), "subject after the dateline"
        if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl" and not is_dateline(c):
            return [relative_antecedent(c) or c], "subject"
        if c.dep_ in PASSIVE_SUBJECT_DEPS and not is_passive(verb):  # "X is opposed to Y"
            return [c], "subject"
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs, "agent"
    if is_passive(verb) or depth > 4:
        return [], "none"
    if misread := _subject_read_as_modifier(verb) or _names_run_into_fronted_phrase(verb):
        return misread, "subject set off by commas"
    if misread := _subject_run_into_object(verb):
        return misread, "subject run into the object before"
    if for_clause_subject(verb):  # "called for Morocco to release": Morocco releases
        return for_clause_subject(verb), "subject"
    on_aux = [c for a in verb.children if a.dep_ in ("aux", "auxpass") for c in a.children if c.dep_ in SUBJECT_DEPS]
    if on_aux:  # "Hungary is opposed to ...", the subject parsed onto "is"
        return on_aux, "subject"
    head = verb.head
    if (copula := _ranked_copula(verb)) is not None:
        return subject_tokens(copula, depth + 1)[0], "subject of the copula"
    if verb.dep_ == "relcl":
        return [head], "relative"
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and is_infinitive(verb):
        # "expressed willingness to host", "its offer to mediate", "the move by Rome to expel": whoever holds or voices
        # the intent
        owners = [c for c in head.children if c.dep_ == "poss"] or _prep_objects(head, frozenset({"by"}))
        if owners or head.dep_ != "dobj":
            return owners, "possessor" if owners else "none"
        return subject_tokens(head.head, depth + 1)[0], "inherited"
    if verb.dep_ == "acl" and (verb.tag_ == "VBG" or any(c.dep_ == "dobj" for c in verb.children)):
        return [head], "participle"  # "an airstrike targeting X"; "airstrikes killed 20" misread as a participle
    if verb.dep_ == "xcomp" and head.lemma_.lower() not in INSTRUMENT_VERBS:
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        objects = objects or _prep_objects(head, frozenset({"on", "upon"}))  # "called on Israel to halt"
        objects = [o for o in objects if not is_time_phrase(o)]  # "called on Tuesday to ...": no controller
        if objects:
            return objects, "object-control"
    if verb.dep_ == "pcomp" and head.lower_ in CONTROL_PREPS:
        objects = [c for c in head.head.children if c.dep_ == "dobj"]
        if objects:  # "accused India of providing", "warned NATO against sending": the object does it
            return objects, "object-control"
    if verb.dep_ == "acomp" and (verb.tag_ == "VBN" or is_stative_participle(verb)) and head.i != verb.i:
        return subject_tokens(head, depth + 1)[0], "subject of the copula"  # "Austria is opposed to the deal"
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and head.i != verb.i:
        # "X was ready to meet": the adjective's clause is done by the subject of its verb
        governor = head.head if verb.dep_ == "pcomp" or (verb.dep_ == "xcomp" and head.dep_ == "acomp") else head
        governor = finite_conjunct_governor(verb) or governor  # "accused X of pushing ... and blamed Y"
        found, _ = subject_tokens(governor, depth + 1)
        if verb.dep_ == "conj" and is_passive(governor) and not is_passive(verb):
            # "Abuja was appalled by the attacks and summoned the envoy": the shared subject, not the agent
            found = [c for c in governor.children if c.dep_ in PASSIVE_SUBJECT_DEPS] or found
        if not found and verb.dep_ == "xcomp":  # "X is scheduled to meet": the raised passive subject
            found = [c for c in governor.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        return found, "inherited"
    return [], "none"


def _ranked_copula(verb: Token) -> Token | None:
    """"Ukraine became the latest to expel Russian diplomats", "Chile was the first country to send rescuers": a "to"
    clause with an object of its own on the complement of a copula ("be", "become") is done by the copula's subject,
    which the complement names. Without an object the clause may be the complement's undergoing ("the one to
    watch"). The copula, or None."""
    head = verb.head
    if verb.dep_ not in ("relcl", "acl") or not is_infinitive(verb) or head.dep_ != "attr" \
            or head.head.lemma_.lower() not in COPULAS or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    return head.head
