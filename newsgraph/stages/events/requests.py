"""Whom a request asks when its pattern's own slots do not say it, read off the request's own words.

Two phrasings name the addressee inside what is asked, not as the verb's object:

* the one asked is the doer of the act asked for: "demanded Russia's withdrawal", "sought Turkey's help",
  "urged a halt to Israeli strikes on Iran" (the striker, not the struck; not the place left in "withdrawal from
  Ukrainian territory"); the acts are ``asked_acts`` and the ``fight_endings`` of ``data/plover/grammar.yaml``;
* a request noun carries the addressee as the subject of its own clause: "renewed calls for Iran to halt the
  executions", "Ecuador's demand that Mexico hand over ...", "a call by Saudi Arabia for Israel to halt ...".

A request told as the second act or the purpose of a verb that addresses someone asks that one, and the one
addressing asks; so does one made in a message to someone (``addressed``): "summoned the Japanese ambassador and
demanded an explanation", "In a letter to the Security Council, Iran asked for ...".

And a side's reported "Y must/should V" is its REQUEST of Y whatever V is (``said_demands``): "Pakistan said Kabul
should take action against the militants"; not a passive ("Russia must be punished"), a perfect ("must have known")
or a verb of ``undemanded_verbs``, which say what will happen to Y, not what Y is to do ("should see growth").

A request is the speaker's own act even when the parser hangs it on the clause the speaker reports
(``reported_conjunct_speaker``): "Britain said it was in touch with Ottawa and called on India to ...", "said 1,100
prisoners remained behind bars, and urged Western governments to ..." are asked by the one who said, not by the
reported clause's subject, when that subject is a pronoun or names no coded side (the coder keeps a coded one:
"said Pakistan respected ... but expected Kabul to ..."); and the reported clause's modal or negation ("said French
help would not end up ... and pressed") is not the request's.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...language.modality import asks_subject, is_infinitive
from ...resources.grammar import Grammar
from ...resources.speech_verbs import SpeechLexicon
from ..lookups import tokens_tagged
from .arguments import MODIFIER_DEPS, coordination_head, for_clause_subject, subject_tokens
from .conventions import demanded_of, reporting_head
from .matching import Match
from .threats import hostile_consequence

THIRD_PERSON = frozenset({"it", "they", "he", "she"})  # pronouns a demand told to someone may stand for it with
CLAUSE_DEPS = frozenset({"advcl", "acl", "relcl", "ccomp", "xcomp"})  # how the parser hangs a clause on a request noun
DEMANDED_TAGS = frozenset({"VERB"})  # a clause told with a demand modal has a verb


def request_addressees(m: Match, slots: list[Token], grammar: Grammar) -> tuple[list[Token], str] | None:
    """The addressee a REQUEST's words give, when they say more than the pattern's slots `slots`: the doer of the act
    asked for (unless a slot outside that act names the addressee, as in "urged Israel to allow"),
    else the subject of a request noun's own clause when no slot is filled. None: the slots stand."""
    for act in asked_acts(m, grammar):
        doers = act_doers(act, grammar)
        inside = {t.i for t in act.subtree}
        if doers and all(t.i in inside for t in slots):
            return doers, f"doer of the '{act.text}' asked for"
    if slots:
        return None
    if m.trigger.dep_ == "acl" and m.trigger.tag_ == "VBN":  # "Ukraine, pressed by Washington, agreed to ..."
        return [m.trigger.head], f"noun '{m.trigger.head.text}' the participle describes"
    subjects = [s for noun in request_nouns(m) for s in clause_subjects(noun)]
    if m.pattern.kind == "verb":  # the verb's active "for ... to" and "that" clauses are the pattern's own slots
        subjects += [s for c in m.trigger.children if c.dep_ in CLAUSE_DEPS for s in _passive_for_clause_subject(c)]
    return (subjects, "subject of the request's own clause") if subjects else None


def asked_acts(m: Match, grammar: Grammar) -> list[Token]:
    """The nouns of `asked_acts` or `fight_endings` a request asks for: the verb's object or "for"/"to" phrase, the
    pattern's own words, a request noun's "for" phrase."""
    heads = [m.trigger, *m.consumed]
    found = [t for t in m.consumed if t.pos_ == "NOUN"] + [c for h in heads for c in h.children if c.dep_ == "dobj"] \
        + [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("for", "to")
           for o in p.children if o.dep_ == "pobj"]
    wanted = grammar.asked_acts | grammar.fight_endings
    return [t for t in dict.fromkeys(found) if t.lemma_.lower() in wanted]


def act_doers(act: Token, grammar: Grammar) -> list[Token]:
    """Who is to do an asked act: its possessor or a name before it ("Russia's withdrawal", "Turkish help"); for an
    ending, the doer of the fight it ends ("a halt to Israeli strikes", "an end to Russia's war")."""
    if act.lemma_.lower() in grammar.fight_endings:
        ended = [o for h in (act, act.head) for p in h.children if p.dep_ == "prep" and p.lower_ in ("to", "of")
                 for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in grammar.fight_nouns]
        return [d for fight in ended for d in _owners(fight)]
    return _owners(act)


def _owners(noun: Token) -> list[Token]:
    """The possessor and the name-like modifiers before a noun (a demonym or a name: "Israeli", "NATO")."""
    return [c for c in noun.lefts if c.dep_ == "poss"
            or (c.dep_ in MODIFIER_DEPS and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")))]


def request_nouns(m: Match) -> list[Token]:
    """The request nouns of a match: a noun trigger ("calls"), or the nouns a verb pattern needed ("renewed calls")."""
    if m.pattern.kind == "noun":
        return [m.trigger]
    return [t for t in m.consumed if t.pos_ == "NOUN"]


def clause_subjects(noun: Token) -> list[Token]:
    """The subject of a request noun's own clause: "calls for Iran to halt", "the demand that Mexico hand over",
    "calls for British troops to be pulled out"; a "that" clause in the past tells ("in a call that the US
    supported Israel")."""
    out: list[Token] = []
    for clause in (c for c in noun.children if c.dep_ in CLAUSE_DEPS):
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            if asks_subject(clause):
                out += [c for c in clause.children if c.dep_ == "nsubj"]
        else:
            out += for_clause_subject(clause) or _passive_for_clause_subject(clause) or _split_for_subject(noun, clause)
    return out


def _split_for_subject(noun: Token, clause: Token) -> list[Token]:
    """"repeated its call for Sweden to extradite ...": the parser may hang "for Sweden" on the noun and the "to"
    clause beside it; the "for" object before a subject-less clause is then the clause's subject."""
    if clause.dep_ != "acl" or not is_infinitive(clause) \
            or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children):
        return []
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "for" and p.i < clause.i
            for o in p.children if o.dep_ == "pobj"]


def _passive_for_clause_subject(clause: Token) -> list[Token]:
    """"called for British troops to be pulled out": the passive "for ... to" clause's subject is who is to act; a
    pronoun there stands for a thing asked ("call for it to be withdrawn"), not for whoever acts."""
    if not any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) \
            or not is_infinitive(clause):
        return []
    return [c for c in clause.children if c.dep_ == "nsubjpass" and c.pos_ != "PRON"]


def said_demands(sent: Span, grammar: Grammar, speech: SpeechLexicon) -> list[tuple[Token, Token]]:
    """Each clause a reporting verb tells with a demand modal ("said Kabul should take action"), with the modal."""
    out: list[tuple[Token, Token]] = []
    for clause in tokens_tagged(sent, DEMANDED_TAGS):
        if clause.lemma_.lower() in grammar.undemanded_verbs or hostile_consequence(clause, grammar) \
                or (modal := demanded_of(clause, grammar)) is None or not speech.is_reporting(reporting_head(clause)):
            continue
        if not any(c.dep_ in ("nsubjpass", "auxpass") or (c.dep_ == "aux" and c.lemma_ == "have")
                   for c in clause.children):
            out.append((clause, modal))
    return out


def addressed(trigger: Token, grammar: Grammar) -> tuple[Token | None, list[Token], str] | None:
    """Whom a request verb asks through the act or the occasion it is told with: the verb of `addressing_verbs` it
    follows as second act or purpose ("summoned the Japanese ambassador and demanded an explanation", "lodged a
    protest with China and demanded ..."), whose subject asks; or the "to"/"with" phrase of a message it was made
    in ("In a letter to the Security Council, Iran asked for ..."; `message_nouns`). The addressing verb (None for
    a message), the tokens addressed, and how."""
    head = trigger.head
    if trigger.dep_ in ("conj", "xcomp", "advcl") and head.i < trigger.i and head.pos_ == "VERB" \
            and head.lemma_.lower() in grammar.addressing_verbs:
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        return head, objects + _to_or_with(head, *objects), f"addressed by '{head.text}'"
    messages = [o for p in trigger.children if p.dep_ == "prep" and p.lower_ in grammar.scene_preps
                for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in grammar.message_nouns]
    return (None, _to_or_with(*messages), f"'to'/'with' of '{messages[0].text}'") if messages else None


def _to_or_with(*heads: Token) -> list[Token]:
    return [o for h in heads for p in h.children if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "with")
            for o in p.children if o.dep_ == "pobj"]


def told_addressee(clause: Token) -> list[Token]:
    """"The EU told Georgia it must drop the law": a third-person pronoun subject of a demand told to someone, read as
    the teller by the pronoun pass, stands for the one told (one read as a third side is left as read)."""
    if not any(c.dep_ == "nsubj" and c.lower_ in THIRD_PERSON for c in clause.children):
        return []
    return [c for c in clause.head.children if c.dep_ in ("dobj", "dative")]


def reported_conjunct_speaker(trigger: Token, speech: SpeechLexicon) -> tuple[Token, list[Token]] | None:
    """"The embassy said it was following events and called on all sides ...": a request verb the parser coordinated
    with the clause a reporting verb tells is the speaker's second act, done as the speaker spoke: the reporting
    verb and its subject. Only a verb in the reporting verb's tense ("said ... and urged", "say ... and have
    urged", the parser's past participle for a past: "said Berlin would not ... and pressed"): one sharing the
    clause's perfect or passive ("said Hamas had rejected the offer and demanded ...", "said the envoy was summoned
    and asked to ...") may be told of the clause's subject. None otherwise."""
    first = coordination_head(trigger)
    saying = first.head
    own_aux = [c for c in trigger.children if c.dep_ == "aux"]
    if first is trigger or first.dep_ != "ccomp" or saying.i > trigger.i or not speech.is_reporting(saying) \
            or (not own_aux and any(c.dep_ == "aux" and c.lemma_ == "have" for c in first.children)):
        return None
    shared = {c.lemma_ for c in first.children if c.dep_ in ("aux", "auxpass")} & {"be", "have"}
    past = trigger.tag_ == "VBD" or (trigger.tag_ == "VBN" and not shared)  # "would not send ... and pressed"
    same_tense = (saying.tag_ == "VBD" and past and not own_aux) \
        or (saying.tag_ in ("VBP", "VBZ") and trigger.tag_ == "VBN" and [a.lemma_ for a in own_aux] == ["have"])
    tellers = subject_tokens(saying)[0]  # "welcomed the releases but said ... and urged": the teller of "said"
    return (saying, tellers) if same_tense and tellers else None
