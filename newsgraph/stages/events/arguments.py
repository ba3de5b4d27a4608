"""Reading an event's arguments and qualifiers off the dependency parse.

Which tokens are a predicate's subject, objects and prepositional objects, which actors
those tokens name (through :class:`ActorTable` only), and whether the predicate is
negated, future, hypothetical or conditional. Function words come from
``data/plover/grammar.yaml`` (:mod:`newsgraph.resources.grammar`).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Actor, ActorTable
from ...resources.grammar import Grammar
from ..lookups import range_around, text_length

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Dependents that stay inside a predicate's own frame (not a new clause or its subject).
FRAME_DEPS = frozenset({"dobj", "dative", "prep", "pobj", "prt", "attr", "oprd", "agent", "compound", "amod",
                        "nmod", "npadvmod", "acomp", "pcomp", "appos", "poss", "advmod", "nummod", "conj"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
PREP_DEPS = frozenset({"prep", "dative", "agent"})
DIRECT_OBJECT_DEPS = frozenset({"dobj", "dative"})
ALLEGING_VERBS = frozenset({"accuse", "charge", "suspect", "blame", "convict", "indict", "allege", "acquit"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})


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
    """The token and every token coordinated with it ("Britain, Turkey and Canada")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def _modifier_actors(head: Token, table: ActorTable) -> list[Actor]:
    found: list[Actor] = []
    for child in head.lefts:
        if child.dep_ not in MODIFIER_DEPS:
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


def doc_quotes(doc: Doc) -> list[tuple[int, int]]:
    """The quoted ranges of a document, found once per document."""
    key = "newsgraph.quotes"
    if key not in doc.user_data:
        doc.user_data[key] = quoted_ranges(doc.text)
    return doc.user_data[key]


def reporting_verb(tok: Token, grammar: Grammar) -> Token | None:
    """The verb outside the quote that introduces the quote a token sits in ("...," the minister said)."""
    doc = tok.doc
    quotes = doc_quotes(doc)
    span = range_around(quotes, tok.idx)
    if span is None:
        return None
    near = doc.char_span(span[0], min(text_length(doc), span[1] + 1), alignment_mode="expand")
    sents = {sent.start: sent for t in (near if near is not None else [tok]) for sent in [t.sent]}
    candidates = [v for sent in sents.values() for v in sent
                  if v.lemma_.lower() in grammar.reporting_verbs and range_around(quotes, v.idx, inclusive=True) is None
                  and any(c.dep_ in SUBJECT_DEPS for c in v.children)]
    after = [v for v in candidates if v.idx > span[1]]
    return (after or candidates or [None])[0]


def speaker_tokens(tok: Token, grammar: Grammar) -> list[Token]:
    """Who says the quote a token sits in: the subject of its reporting verb."""
    verb = reporting_verb(tok, grammar)
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS] if verb is not None else []


def noun_phrase_actors(head: Token, table: ActorTable, grammar: Grammar, depth: int = 0,
                       as_source: bool = False) -> list[Actor]:
    """Actors a noun phrase refers to: its own name, else its maker, modifiers, members or owners.

    "Turkish President Erdogan" → Erdogan (the modifier adds nothing new); "a call by Zelensky" →
    Zelensky; "Israeli police" → Israel; "partners, including Britain and Canada" → Britain, Canada;
    "the leaders of Britain" → Britain; "We ...," the minister said → the minister.
    """
    def actors_of(tokens: list[Token]) -> list[Actor]:
        return [a for t in tokens for a in token_actors(t, table, grammar, depth + 1, as_source)]

    owners = table.all_at(head.idx, head.idx + len(head.text))
    own = owners[0] if owners else None
    if own is None and head.lower_ in grammar.first_person and depth == 0:
        return actors_of(speaker_tokens(head, grammar))
    agents = actors_of(_prep_objects(head, frozenset({"by"}))) if own is None and depth <= 2 else []
    if agents:
        return agents
    private = as_source and head.lemma_.lower() in grammar.private_nouns  # "Chinese tourists visited Vietnam"
    mods = [] if private else _modifier_actors(head, table)
    if own is None and not mods:  # "our warfighters" in a quote: the speaker's side
        mods = [a for c in head.children if c.dep_ == "poss" and c.lower_ in grammar.first_person
                for a in noun_phrase_actors(c, table, grammar, depth)]
    if own is not None:
        return [m for m in mods if m not in owners and m.kind == "person"] + owners
    if depth > 2:
        return mods
    members = actors_of(_prep_objects(head, grammar.member_preps))
    appositions = [c for c in head.children if c.dep_ == "appos"]
    owners = _prep_objects(head, grammar.owner_preps) if head.lemma_.lower() in grammar.group_nouns else []
    # "militants linked with the BLA", "a ship owned by Greece": the side a participle ties them to
    owners += [t for c in head.children if c.dep_ == "acl" for t in _prep_objects(c, grammar.affiliation_preps)]
    # "his Chinese counterpart Wang Yi": the apposition names the person; "his" is the other side
    return members or actors_of(appositions) or mods or actors_of(owners)


def token_actors(tok: Token, table: ActorTable, grammar: Grammar, depth: int = 0,
                 as_source: bool = False) -> list[Actor]:
    """Actors named by a token's phrase and the phrases coordinated with it, in text order."""
    out: list[Actor] = []
    for head in conjuncts(tok):
        for actor in noun_phrase_actors(head, table, grammar, depth, as_source):
            if actor not in out:
                out.append(actor)
    return out


def lemma_candidates(tok: Token) -> list[str]:
    """The parser's lemma, then the word and its plain stems: the lemmatizer slips ("staged" → "stag")."""
    word = tok.lower_
    out = [tok.lemma_.lower(), word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""),
                         ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    return list(dict.fromkeys(out))


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def _relative_head(tok: Token) -> Token:
    """'who' in a relative clause stands for the noun the clause hangs on."""
    if tok.lower_ in RELATIVE_PRONOUNS:
        clause = tok.head
        if clause.dep_ == "relcl":
            return clause.head
    return tok


def subject_tokens(verb: Token, depth: int = 0) -> tuple[list[Token], str]:
    """The tokens that do the verb's action, and how they were found.

    Subjects, passive agents, and for subject-less clauses (participles, "to" clauses,
    coordinated verbs, relative clauses) the subject of the verb that governs them.
    """
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl":
            return [_relative_head(c)], "subject"
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs, "agent"
    if is_passive(verb) or depth > 4:
        return [], "none"
    head = verb.head
    if verb.dep_ == "relcl":
        return [head], "relative"
    if verb.dep_ == "acl" and (verb.tag_ == "VBG" or any(c.dep_ == "dobj" for c in verb.children)):
        return [head], "participle"  # "an airstrike targeting X"; "airstrikes killed 20" misread as a participle
    if verb.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        objects = objects or _prep_objects(head, frozenset({"on", "upon"}))  # "called on Israel to halt"
        if objects:
            return objects, "object-control"
    if verb.dep_ == "pcomp":
        objects = [c for c in head.head.children if c.dep_ == "dobj"]
        if objects:  # "accused India of providing", "warned NATO against sending": the object does it
            return objects, "object-control"
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and head.i != verb.i:
        governor = head.head if verb.dep_ == "pcomp" else head
        found, _ = subject_tokens(governor, depth + 1)
        if not found and verb.dep_ == "xcomp":  # "X is scheduled to meet": the raised passive subject
            found = [c for c in governor.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        return found, "inherited"
    return [], "none"


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, so events in quoted speech can be flagged.

    Curly marks open and close; a straight mark toggles; a line break ends an unclosed quote.
    """
    ranges: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch == "\u201c" or (ch == '"' and open_at is None):
            open_at = i
        elif ch in ("\u201d", '"') and open_at is not None:
            ranges.append((open_at, i))
            open_at = None
        elif ch == "\n":
            open_at = None
    return ranges


def _governor_qualifier(child: Token, head: Token, grammar: Grammar) -> str | None:
    lemma = head.lemma_.lower()
    # "X denied that it struck Y" negates; a clause before the verb ("X accused Y, a charge Z denied") is a claim
    denied_clause = child.dep_ == "ccomp" and lemma in grammar.negating_governors and child.i > head.i
    if child.dep_ == "xcomp" or denied_clause:
        if lemma in grammar.negating_governors:
            return "negated"
        if lemma in grammar.future_governors:
            return "future"
        if lemma in grammar.hypothetical_governors:
            return "hypothetical"
    if child.dep_ == "ccomp" and lemma in grammar.hypothetical_governors - {"warn", "tell", "say"}:
        return "hypothetical"
    if child.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in grammar.request_heads:
        return "hypothetical"
    governor = head.head.lemma_.lower()
    if child.dep_ == "pcomp" and head.dep_ == "prep" and (governor in ALLEGING_VERBS
                                                           or governor in grammar.hypothetical_governors):
        return "hypothetical"  # "accused X of attacking", "warned X against sending": not established
    if child.dep_ in ("acl", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
        return "hypothetical"  # "a deal to hand over", "went there to meet": the act is aimed at, not done
    return None


def _own_qualifiers(tok: Token, grammar: Grammar) -> set[str]:
    quals: set[str] = set()
    for c in tok.children:
        word = c.lower_
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "preconj") and word in grammar.negators - {"without"}):
            if tok.pos_ != "NOUN" or word in grammar.noun_negators or c.dep_ == "neg":
                quals.add("negated")
        elif c.dep_ == "aux" and word in grammar.modal_future:
            quals.add("future")
        elif c.dep_ == "aux" and word in grammar.modal_hypothetical:
            quals.add("hypothetical")
        elif c.dep_ in ("amod", "compound") and word in grammar.noun_future:
            quals.add("future")
        elif c.dep_ in ("amod", "compound") and word in grammar.noun_hypothetical:
            quals.add("hypothetical")
        elif c.dep_ == "mark" and word in grammar.condition_marks and tok.dep_ == "advcl":
            quals.add("conditional")
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        quals.add("negated")
    return quals


def qualifiers_of(trigger: Token, grammar: Grammar) -> set[str]:
    """Whether the predicate is negated, future, hypothetical or conditional.

    Negation and modality of governing verbs pass down through "to" clauses and
    coordination ("did not agree to meet"), not through reported speech ("said that ...").
    """
    quals = _own_qualifiers(trigger, grammar)
    child, transparent = trigger, True
    while child.head.i != child.i:
        head = child.head
        found = _governor_qualifier(child, head, grammar)
        if found:
            quals.add(found)
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in grammar.condition_marks
                                         for c in child.children):
            quals.add("conditional")
        transparent = transparent and child.dep_ in ("xcomp", "conj", "dobj", "pobj", "prep", "compound", "amod")
        if transparent:
            quals |= {q for q in _own_qualifiers(head, grammar) if q != "conditional"}
        child = head
    return quals
