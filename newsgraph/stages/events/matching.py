"""Matching lexicon patterns against the dependency parse: which words a trigger has, and its target slots.

A :class:`Match` records what a pattern found around one trigger token and what it lacked, so that
event coding can pick the best complete match and ``newsgraph explain`` can show the near misses.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...language.lemmas import candidates_of
from ...language.modality import asks_subject, is_infinitive
from ...resources.lexicon import DIRECT_OBJECT, POSSESSOR, Lexicon, Pattern
from ..lookups import dependencies, lower_lemmas, lower_words, pos_tags
from .arguments import (
    DIRECT_OBJECT_DEPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    for_clause_subject,
    frame,
    free_relative_named,
    is_passive,
    is_stative_participle,
    is_time_phrase,
    relative_antecedent,
)

FRAME_DEPTH = 3  # how far from a trigger its phrase's words are read (:func:`frame`)
# Verbs whose "that" clause says what its subject must do: "demanded that Manila withdraw".
# Prepositions joining an amount to what it measures: "$20 million in aid", "500 tonnes of food".
MEASURE_PREPS = frozenset({"in", "of"})
MANDATIVE_VERBS = frozenset({"demand", "insist", "urge", "ask", "request", "require", "order", "recommend"})


RELATIVE_SUBJECTS = frozenset({"that", "which", "who"})  # a relative clause told of its own noun


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


def match_pattern(pattern: Pattern, trigger: Token) -> Match:
    """Check a pattern's required and forbidden words against the trigger's own phrase.

    A passive verb's subject counts as its object: "sanctions were imposed on Iran".
    """
    return match_patterns([pattern], trigger)[0]


def match_patterns(patterns: list[Pattern], trigger: Token, *, complete_only: bool = False,
                   relative_objects: frozenset[str] = frozenset(),
                   naming_verbs: frozenset[str] = frozenset(), nominal: bool = False) -> list[Match]:
    """:func:`match_pattern` for each pattern at one trigger, the trigger's phrase read off the parse once.

    `relative_objects`: the nouns that, as the antecedent of a relative clause, are its verb's object
    (:func:`relative_object`: "the accord that A and B signed").

    `naming_verbs`: the verbs whose free relative stands for the thing it names ("signed what officials called the
    Doha accord": the accord is in the phrase of "signed"; :func:`free_relative_named`).

    `complete_only`: only the complete matches, in the same order; a pattern lacking a required word is
    passed over unread (event coding without a trace wants no near misses, and most of a lemma's patterns
    lack some word); when no pattern's words occur near the trigger at all, its phrase is not even read.

    `nominal`: the patterns are a verb's read at its act nominal (:func:`nominal_patterns`), whose object is the
    "of" phrase, one step further from the trigger than a verb's: the phrase is read one step deeper."""
    if complete_only:
        nearby = words_near(trigger)
        patterns = [pattern for pattern in patterns if pattern.may_occur_among(nearby)]
        if not patterns:
            return []
    phrase = _TriggerPhrase(trigger, relative_objects, naming_verbs,
                            depth=FRAME_DEPTH + 1 if nominal else FRAME_DEPTH)
    if complete_only:
        return [m for pattern in patterns if phrase.may_complete(pattern) and (m := phrase.match(pattern)).complete]
    return [phrase.match(pattern) for pattern in patterns]


def words_near(trigger: Token) -> set[str]:
    """Every name a word of the trigger's phrase may have: the lower-case forms and lemmas of the trigger's
    subtree, whose words the phrase takes, and the lower-case form and lemma of its head, which a multiword
    preposition may start from ("in talks with") and a relative clause's antecedent is (:func:`relative_object`)."""
    doc = trigger.doc
    start, end = trigger.left_edge.i, trigger.right_edge.i + 1
    lower = lower_words(doc)
    return {*lower[start:end], *lower_lemmas(doc)[start:end], lower[trigger.head.i], lower_lemmas(doc)[trigger.head.i]}


class _Word:
    """What matching asks of one word of a trigger's phrase, read off the parse once."""

    __slots__ = ("all_names", "free", "head_i", "names", "nested_i", "text", "token")

    def __init__(self, tok: Token) -> None:
        self.token = tok
        self.text = tok.text
        self.names = {tok.lemma_.lower(), tok.lower_}  # what a forbidden word is compared with
        self.all_names = self.names | multiword_prep(tok)  # what a required word is compared with
        self.free = tok.pos_ not in ("ADP", "PART") or tok.dep_ == "pobj"
        self.head_i = tok.head.i
        nested = tok.lower_ == "of" and tok.head.dep_ == "pobj"  # "in front of"
        self.nested_i = tok.head.head.head.i if nested else None

    def attached(self, heads: set[int]) -> bool:
        """A required particle or preposition must hang on the trigger or its object, not deep inside a phrase."""
        return self.free or self.head_i in heads or (self.nested_i is not None and self.nested_i in heads)


class _TriggerPhrase:
    """A trigger's own phrase, with and without the "to" clauses a pattern may require; patterns are
    many per lemma, and each used to walk the same parse again."""

    def __init__(self, trigger: Token, relative_objects: frozenset[str] = frozenset(),
                 naming_verbs: frozenset[str] = frozenset(), *, depth: int = FRAME_DEPTH) -> None:
        self.trigger = trigger
        self.children = [(c, c.dep_, clause_dep(c)) for c in trigger.children]
        self.child_deps = {"+" + cdep for _, _, cdep in self.children}  # what a "+dep" word answers to
        # "signed what officials called the Doha accord": the thing a free relative names is the trigger's object
        # (not a prepositional one: "attacked posts in what Kabul described as retaliation for ...")
        named = free_relative_named(trigger, naming_verbs, slot_preps=frozenset())[0] if naming_verbs else []
        self.words = [_Word(t) for t in frame(trigger, depth) + [c for c, dep, _ in self.children if dep == "nsubjpass"]
                      + [w for n in named for w in (n, *frame(n, depth=2))] if not _heads_time_phrase(t)]
        # the antecedent of a relative clause fills only a word that stands for the whole class ("@pact")
        self.relative = [_Word(t) for t in relative_object(trigger, relative_objects)]
        self.relative_nouns = relative_objects
        self.words += self.relative
        self.attach = self._attach_set([trigger]) | {n.i for n in named}
        self._with_clauses: tuple[list[_Word], set[int]] | None = None
        # Every name the phrase's words answer to: most patterns lack a word, and this says so without a scan.
        self.names = set().union(*(w.all_names for w in self.words))

    @staticmethod
    def _attach_set(heads: list[Token]) -> set[int]:
        return {h.i for h in heads} | {c.i for h in heads for c in h.children
                                       if c.dep_ in ("dobj", "dative", "oprd", "attr", "nsubjpass")}

    def with_clauses(self) -> tuple[list[_Word], set[int]]:
        """The words and attachment heads when a pattern requires a "to" clause: it may name that clause's
        words ("refused to hold talks with")."""
        if self._with_clauses is None:
            clauses = [c for c, _, cdep in self.children if cdep == "xcomp"]
            words = self.words + [_Word(w) for clause in clauses for w in (clause, *frame(clause, depth=2))]
            self._with_clauses = words, self._attach_set([self.trigger, *clauses])
            self.names.update(*(w.all_names for w in words))
        return self._with_clauses

    def may_complete(self, pattern: Pattern) -> bool:
        """False when some required word is surely missing: none of its alternatives is a name of the phrase
        or a "+dep" of the trigger's children. A cheap test before :meth:`match`, which has the last word; it must
        stay a necessary condition of a complete match (tests/test_fast_paths.py sets it against the full run)."""
        if pattern.requires_clause:
            self.with_clauses()  # the clause's words count
        return all(not (self.names.isdisjoint(alternatives) and self.child_deps.isdisjoint(alternatives))
                   for alternatives in pattern.words)

    def match(self, pattern: Pattern) -> Match:
        words, attach = self.with_clauses() if pattern.requires_clause else (self.words, self.attach)
        result = Match(pattern=pattern, trigger=self.trigger)
        for alternatives in pattern.words:
            hit: Token | None
            if all(w.startswith("+") for w in alternatives):
                hit = next((c for c, _, cdep in self.children if "+" + cdep in alternatives), None)
            elif self.names.isdisjoint(alternatives):
                hit = None
            else:
                hit = next((w.token for w in words if not w.all_names.isdisjoint(alternatives)
                            and w.attached(attach) and (w not in self.relative or alternatives >= self.relative_nouns)),
                           None)
            if hit is None:
                result.missing.append("|".join(sorted(alternatives)))
            else:
                result.consumed.append(hit)
        if pattern.forbidden:
            result.missing += [f"no '{w.text}'" for w in words if not w.names.isdisjoint(pattern.forbidden)]
            result.missing += [f"no {dep} '{c.text}'" for c, dep, _ in self.children if "+" + dep in pattern.forbidden]
        return result


def relative_object(verb: Token, nouns: frozenset[str]) -> list[Token]:
    """"the deal that Peru and Ecuador struck", "the declaration they put their names to": the noun a relative
    clause hangs on (which the parser may call a clause of the noun, "acl") is its verb's object, or its stranded
    preposition's, when the clause has a subject of its own and no other object and the noun is one of `nouns`
    (the lexicon's texts agreed together: "the lawsuits it filed" or "attacks it carried out" stay nouns, told in
    the tense of the clause that names them)."""
    if verb.dep_ not in ("relcl", "acl") or verb.pos_ != "VERB" or verb.head.lemma_.lower() not in nouns \
            or is_passive(verb):
        return []
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS]
    objects = [c for c in verb.children if c.dep_ in DIRECT_OBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS]
    stranded = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and not list(c.children)]
    return [verb.head] if subjects and (stranded or not objects) else []


def _heads_time_phrase(tok: Token) -> bool:
    """"for weeks", "over the weekend": a preposition of a time phrase is no word of the event's frame ("attacked
    positions for weeks" is no "attacked X for" a deed). A deadline set for an act that follows it ("gave Hamas
    until Sunday to accept") is one."""
    objects = [c for c in tok.children if c.dep_ == "pobj"]
    if tok.dep_ != "prep" or not objects or not all(is_time_phrase(o) for o in objects):
        return False
    return not any(c.i > tok.i and c.dep_ in ("xcomp", "advcl", "ccomp")
                   and is_infinitive(c) for c in tok.head.children)


def clause_dep(tok: Token) -> str:
    """The parser labels "expects X to uphold" ccomp or xcomp; an infinitive clause is an xcomp to us. So is one
    it labels advcl after a passive's "by" phrase ("Kosovo was asked by the EU on Friday to pull out")."""
    if tok.dep_ == "ccomp" and is_infinitive(tok):
        return "xcomp"
    if tok.dep_ == "advcl" and is_infinitive(tok) and _after_agent(tok):
        return "xcomp"
    return tok.dep_


def _after_agent(clause: Token) -> bool:
    """A clause that follows the "by" phrase of its passive verb, which comes between them."""
    verb = clause.head
    return is_passive(verb) and any(c.dep_ == "agent" and verb.i < c.i < clause.i for c in verb.children)


TRIGGER_TAGS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})  # the parts of speech trigger_kind may give a kind
TRIGGER_DEPS = frozenset({"acomp"})  # ... and the one relation it may give a kind whatever the part of speech
DATE_ENTITIES = frozenset({"DATE", "TIME"})  # a name inside a date is a month or a day: "in March" marches nowhere


def trigger_kind(tok: Token) -> str | None:
    """"verb" or "noun" for a word that may trigger an event (its part of speech is one of TRIGGER_TAGS, or
    its relation one of TRIGGER_DEPS); else None."""
    return _trigger_kind_at(tok.doc, tok.i, tok.pos_, tok.dep_)


def _trigger_kind_at(doc: Doc, i: int, pos: str, dep: str) -> str | None:
    """:func:`trigger_kind` of the word at `i`, given its part of speech and relation."""
    if pos == "VERB" or (pos == "AUX" and dep not in ("aux", "auxpass")) or \
            (dep == "acomp" and is_stative_participle(doc[i])):
        return "verb"
    if pos == "NOUN" or (pos == "PROPN" and doc[i].ent_type_ not in DATE_ENTITIES):
        return "noun"
    return None


def lexicon_triggers(sent: Span, lexicon: Lexicon, nominals: Mapping[str, str] | None = None) -> Iterator[Token]:
    """The words of `sent`, in order, that trigger_kind gives a kind and that have a lemma candidate the lexicon
    has patterns of that kind for, or that are nouns of `nominals` (an act nominal and its verb: "closure" ...
    "close", :func:`nominal_patterns`): no other word can match. Read off the Doc's kept arrays, since most nouns
    and verbs of a sentence are named by no pattern."""
    doc = sent.doc
    pos, deps, lower, lemmas = pos_tags(doc), dependencies(doc), lower_words(doc), lower_lemmas(doc)
    for i in range(sent.start, sent.end):
        if pos[i] not in TRIGGER_TAGS and deps[i] not in TRIGGER_DEPS:
            continue
        kind = _trigger_kind_at(doc, i, pos[i], deps[i])
        if kind is not None and any(lexicon.knows(kind, lemma) or (kind == "noun" and nominals and lemma in nominals)
                                    for lemma in candidates_of(lower[i], lemmas[i])):
            yield doc[i]


def nominal_patterns(tok: Token, lexicon: Lexicon, nominals: Mapping[str, str]) -> list[Pattern]:
    """A noun with no event-noun pattern of its own that names a verb's act ("closure", "recall"; `nominals`, noun
    -> verb, from the grammar's ``act_nominals``) matches the verb's own patterns, its "of" phrase the verb's object
    and its possessor or "by" phrase the doer (:meth:`Lexicon.nominal_patterns`)."""
    return next((found for lemma in candidates_of(tok.lower_, tok.lemma_.lower()) if lemma in nominals
                 and (found := lexicon.nominal_patterns(lemma, nominals[lemma]))), [])


def target_tokens(m: Match) -> list[Token]:
    """Tokens in the target slots of a pattern; for "threatened to strike X" also the "to" clause's slots."""
    return target_slots(m)[0]


def target_slots(m: Match) -> tuple[list[Token], str]:
    """The target slots' tokens and where they were found: the trigger's own phrase, else the clause it governs.

    Time phrases fill no slot ("called on Tuesday for X to ..."), so the clauses are still searched.
    """
    if receivers := _participants(_dative_receivers(m)):
        return receivers, f"receiver of '{m.trigger.head.text}'"
    found = _participants(_slot_tokens(m.trigger, m, passive=m.pattern.kind == "verb" and is_passive(m.trigger)))
    if found:
        return found, "own phrase"
    if m.pattern.kind == "noun" and m.trigger.dep_ == "dobj" and m.trigger.head.pos_ == "VERB":
        found = _participants(_verb_slot_tokens(m.trigger.head, m))  # "issued an apology to Seoul"
        return found, f"phrase of '{m.trigger.head.text}'"
    if m.pattern.kind != "verb":
        return [], "none"
    for clause in (c for c in m.trigger.children if clause_dep(c) == "xcomp"):
        let = _small_clause_subjects(clause) if m.pattern.target_preps else []  # a pattern with a target slot
        found += _participants(let or _slot_tokens(clause, m, passive=is_passive(clause)))
        if found:
            return found, f"'to' clause '{clause.text}'"
    if DIRECT_OBJECT in m.pattern.target_preps or "on" in m.pattern.target_preps:
        found = _participants(for_clause_subjects(m.trigger))
        if found:
            return found, "'for ... to' clause"
    return [], "none"


def _dative_receivers(m: Match) -> list[Token]:
    """"offered Namibia a formal apology", "gave Kyiv its full backing": the bare second object of the verb an
    event noun is the object of is whom the noun's "to" slot names ("offered a formal apology to Namibia"), before
    any phrase of the noun's own ("an apology for the massacres of ...")."""
    noun, verb = m.trigger, m.trigger.head
    if m.pattern.kind != "noun" or "to" not in m.pattern.target_preps or noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return []
    return [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")]


def for_clause_subjects(verb: Token) -> list[Token]:
    """"called for Russia to withdraw": the subject of a "for ... to" clause is whom the verb addresses."""
    return [g for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp") for g in for_clause_subject(c)]


BARE_INFINITIVE_TAGS = frozenset({"VB", "VBP"})  # "let investigators enter" may be tagged as a present tense


def _small_clause_subjects(clause: Token) -> list[Token]:
    """"refused to let French planes land": the parser makes the one let (made, helped) act the subject of a bare
    infinitive under the clause's verb; it is that verb's object, before any phrase of the act let."""
    return [s for c in clause.children if c.dep_ == "ccomp" and c.tag_ in BARE_INFINITIVE_TAGS
            and not any(a.dep_ in ("aux", "mark") for a in c.children)
            for s in c.children if s.dep_ == "nsubj"]


def _participants(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not is_time_phrase(t)]


def _verb_slot_tokens(verb: Token, m: Match) -> list[Token]:
    """Objects of the verb's own prepositions that fill an event noun's target slots."""
    return [obj for tok in verb.children if tok.dep_ in ("prep", "dative") and tok.lower_ in m.pattern.target_preps
            for obj in tok.children if obj.dep_ == "pobj"]


def _told_of_itself(clause: Token) -> bool:
    """"the conference that opened in Riyadh": a relative clause whose subject is the noun itself and that has no
    object of its own tells where or with whom the noun's act was, like a participle ("the conference held in ...")."""
    return clause.dep_ == "relcl" and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in clause.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_SUBJECTS for c in clause.children)


def _slot_tokens(head: Token, m: Match, *, passive: bool) -> list[Token]:
    """Tokens filling the pattern's target slots, on the trigger, its required words or its object.

    An object's "in"/"of" phrase counts as the object: "500 million euros in aid for Ukraine"; an event noun's
    participle lends it its phrase, as does a required noun's or the object's: "the sanctions imposed on Russia", "aid
    delivered to Gaza", "accepted a truce proposed by Egypt", "dispatched two planes carrying food to Chad".
    """
    objects = [c for c in head.children if c.dep_ == "dobj"]
    measured = [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ in MEASURE_PREPS
                for g in p.children if g.dep_ == "pobj"]
    nouns = [head] if m.pattern.kind == "noun" else [*m.consumed, *objects]  # "accepted a truce proposed by Egypt"
    participles = [c for n in nouns for c in n.children if (c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")
                   and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))  # not "claims it is ..."
                   or _told_of_itself(c)]
    anchors = [head, *m.consumed, *objects, *measured, *participles]
    out: list[Token] = []
    for prep in m.pattern.target_preps:
        if prep == DIRECT_OBJECT:
            deps = DIRECT_OBJECT_DEPS | ({"nsubjpass"} if passive else set())
            objects = [relative_antecedent(c) or c for c in head.children
                       if c.dep_ in deps and c.lower_ not in ("to", "for")] or _relative_object(head)
            out += objects or [c for c in head.children if c.dep_ == "oprd"]  # "called X's claims baseless"
            if not objects:  # "expects X to uphold", "demanded that X withdraw": X is the clause's subject
                mandative = head.lemma_.lower() in MANDATIVE_VERBS
                out += [g for c in head.children if c.dep_ == "ccomp"
                        and ((mandative and asks_subject(c)) or clause_dep(c) == "xcomp")
                        for g in c.children if g.dep_ == "nsubj"]
        elif prep == POSSESSOR and not possessor_is_doer(head, m.pattern):
            out += [c for c in head.children if c.dep_ == "poss"]
        else:
            out += [obj for tok in _prepositions(anchors, multiword=" " in prep) if prep in multiword_prep(tok)
                    for obj in tok.children if obj.dep_ == "pobj"]
    return list(dict.fromkeys(out))


def possessor_is_doer(noun: Token, pattern: Pattern) -> bool:
    """"Berisha's arrest" names whom it befell, but "Beijing's detention of two Canadians" names the victims in its
    "of" phrase, and its possessor did it."""
    return POSSESSOR in pattern.target_preps and "of" in pattern.target_preps and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" for o in c.children) for c in noun.children)


def _relative_object(verb: Token) -> list[Token]:
    """"three diplomats it accused of spying": a relative clause with a subject of its own and no object has the
    noun it hangs on as its object."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if verb.dep_ != "relcl" or not subjects or any(relative_antecedent(s) for s in subjects):
        return []
    return [verb.head]


def _prepositions(anchors: list[Token], *, multiword: bool) -> list[Token]:
    """Prepositions hanging on the anchors; for "in front of" also the one inside the first phrase, and for
    "pulled out of" the one the parser hangs on the first preposition itself; "flights to and from India" has its
    object on the preposition coordinated with the first."""
    preps = [c for a in anchors for c in a.children if c.dep_ in ("prep", "dative", "agent")]
    preps += [c for p in preps for c in p.children if c.dep_ == "conj" and c.pos_ == "ADP"]
    if not multiword:
        return preps
    return preps + [g for p in preps for obj in p.children if obj.dep_ in ("pobj", "prep")
                    for g in ([obj] if obj.dep_ == "prep" else obj.children) if g.dep_ == "prep"]


def multiword_prep(tok: Token) -> set[str]:
    """A preposition with the words that lead up to it: 'of', 'out of', 'in front of', 'on behalf of'."""
    names = {tok.lower_}
    head = tok.head
    if head.i != tok.i and head.dep_ in ("prt", "prep", "advmod", "pobj"):
        names.add(f"{head.lower_} {tok.lower_}")
        if head.dep_ == "pobj" and head.head.dep_ == "prep":
            names.add(f"{head.head.lower_} {head.lower_} {tok.lower_}")
    return names
