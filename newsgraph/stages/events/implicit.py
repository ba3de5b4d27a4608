"""Implicit participants: the other side of an act named only in an earlier sentence, or only by the story's scene.

"Two rivals signed a pact. Egypt welcomed the signing": the signing is the pact's act, told by its verb. These
helpers read such back-references without a word list of their own: a gerund names its verb's act by English
morphology, and the grammar's `act_nominals` give the nouns whose verb has another form ("closure" ... "close").
"""
from __future__ import annotations

from spacy.tokens import Token

from ...language.lemmas import lemma_candidates, lemma_forms
from ...language.modality import is_infinitive
from ...records import Actor, ActorTable, Location
from ...resources.grammar import Grammar
from ...resources.lexicon import DIRECT_OBJECT, Lexicon, Pattern
from .arguments import coordination_head

GERUND_ENDING = "ing"
AID = "AID"
MATERIAL = "material"  # the quad classes of deeds: doing the deed a purpose names is serving it
SUBJECT_DEPS = frozenset({"nsubj"})  # a state that is a verb's active subject acts in the story: no scene


def act_lemmas(noun: Token, grammar: Grammar) -> set[str]:
    """The verb lemmas whose act the noun may retell: its own lemma, the verb of an act nominal ("closure" ...
    "close"), and the stems of a gerund ("the signing" ... "signed", "the shelling" ... "shelled")."""
    lemma = noun.lemma_.lower()
    lemmas = {lemma, grammar.act_nominals.get(lemma, lemma)}
    if noun.pos_ == "NOUN" and noun.lower_.endswith(GERUND_ENDING):
        stem = noun.lower_[: -len(GERUND_ENDING)]
        lemmas.update(lemma_candidates(noun))
        if len(stem) > 2 and stem[-1] == stem[-2]:  # "ramming" ... "rammed": the doubled consonant undone
            lemmas.add(stem[:-1])
    return lemmas


def purpose_served(trigger: Token, etype: str, grammar: Grammar, lexicon: Lexicon) -> Token | None:
    """"Chile flew two planes of tents to Lima to help the homeless", "thousands marched through the capital to
    protest against the visit": a material act (aid, a protest) in the "to" clause of a verb that is itself an act
    of that type (one of the lexicon's own patterns of the type uses it) was done as that verb's act was, so its
    modality is the governing verb's; not so when the governor promises (``intent_governors``: "pledged $5m to
    help"), nor for words ("went there to meet" is aimed at, not done). The governing verb is returned."""
    head = trigger.head
    if head.dep_ == "acl" and head.head.head.pos_ == "VERB":  # "sent a ship loaded with food to help": the sending
        head = head.head.head
    if not lexicon.types[etype].quad_class.startswith(MATERIAL) or trigger.dep_ not in ("advcl", "xcomp") \
            or not is_infinitive(trigger) or head.pos_ != "VERB" or head.lemma_.lower() in grammar.intent_governors:
        return None
    own_patterns = (p for lemma in lemma_candidates(head) for p in lexicon.for_lemma("verb", lemma) if p.is_own)
    return head if any(p.type == etype and _words_present(p, head) for p in own_patterns) else None


def _words_present(pattern: Pattern, verb: Token) -> bool:
    """Whether the verb has the words its pattern needs among its dependents or inside its objects ("dispatched
    planes loaded with tents" has a carrier and relief; "set up a force" has no "fire" for "set fire to")."""
    objects = [t for c in verb.children if c.dep_ in ("dobj", "prt", "dative") for t in c.subtree]
    present = lemma_forms(*verb.children, *objects)
    deps = {f"+{c.dep_}" for c in verb.children}
    return all(alternatives & (deps if any(a.startswith("+") for a in alternatives) else present)
               for alternatives in pattern.words)


def sent_as_help(trigger: Token, pattern: Pattern, grammar: Grammar, lexicon: Lexicon) -> bool:
    """Aid told as a deed of the story's present that may answer its scene: "Israel sent a field hospital to ...",
    "flew tents to help survivors" (help whose purpose a sending served, :func:`purpose_served`); not a sending for
    another purpose ("dispatched a vessel to guard the cable"), nor a relative clause's background ("the EU, which
    has funded projects there"), nor aid whose recipient is its direct object and no side ("was sheltering
    terrorist groups"). Forces (any type but AID) count only when their purpose says they help ("deployed troops to
    help the government"): troops are moved about at home too."""
    if trigger.dep_ == "relcl":
        return False
    if trigger.lemma_.lower() in grammar.helping_verbs:
        return purpose_served(trigger, pattern.type, grammar, lexicon) is not None
    purposes = _purposes(trigger)
    sent = pattern.type != AID or DIRECT_OBJECT not in pattern.target_preps
    return sent and (pattern.type == AID or bool(purposes)) \
        and all(p.lemma_.lower() in grammar.helping_verbs for p in purposes)


def forces_in_help(trigger: Token, grammar: Grammar) -> list[Token] | None:
    """Forces sent as help, and the words naming whom they help: the object of a helping purpose ("sent border
    guards to help Finland secure its frontier"), the asker of a request they answer ("flew troops into the province,
    answering a request from the president", "at Honiara's request", "at the invitation of the government"). None
    when they are sent for no help; an empty list when the help names nobody ("to help restore order")."""
    purposes = _purposes(trigger)
    helping = [p for p in purposes if p.lemma_.lower() in grammar.helping_verbs]
    if purposes and len(helping) == len(purposes):
        return [c for p in helping for c in p.children if c.dep_ == "dobj"] \
            + [s for p in helping for c in p.children if c.dep_ in ("ccomp", "xcomp")  # "help Finland secure ..."
               for s in c.children if s.dep_ == "nsubj"]
    verbs = [trigger, trigger.head] if trigger.dep_ == "xcomp" else [trigger]  # "began flying troops"
    for verb in verbs:
        for request in _requests_answered(verb, grammar):
            return [c for c in request.children if c.dep_ == "poss"] \
                + [o for p in request.children if p.dep_ == "prep" and p.lower_ in ("of", "from", "by")
                   for o in p.children if o.dep_ == "pobj"]
    return None


def _requests_answered(verb: Token, grammar: Grammar) -> list[Token]:
    """"at Kigali's request", "answering|responding to a request from X": the request nouns a sending
    answers (``help_requests``), on the verb itself or on a participle of answer (``response_verbs``, "heed")."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("at", "on", "upon"):
            found += [o for o in child.children if o.dep_ == "pobj" and o.lemma_.lower() in grammar.help_requests]
        elif child.dep_ in ("advcl", "xcomp") and child.tag_ == "VBG" \
                and child.lemma_.lower() in grammar.response_verbs:
            objects = [o for o in child.children if o.dep_ == "dobj"] \
                + [o for p in child.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children]
            found += [o for o in objects if o.lemma_.lower() in grammar.help_requests]
    return found


def _purposes(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and is_infinitive(c)]


def scene_state_before(trigger: Token, actors: ActorTable, own: set[str | None], sentences: int, *,
                       doers: set[str | None]) -> tuple[Actor | None, Location | None] | None:
    """"An earthquake flattened villages in Herat. Chile sent rescuers": the one state the `sentences` before
    name, by a state's mention or a place's, is the scene of the story an act with no named recipient answers.
    States that did the acts told there (`doers`: "Russia dispatched rescuers. The U.S. said it would provide $2
    million") or are a verb's subject there ("India airlifted teams", "Qatar and Jordan flew in field hospitals")
    act in the story; they are not its scene.
    None when they name several other states, or none, or when the act's own sentence names another state: a
    guess with two candidates is no reading. The state's actor comes back if the article has one, else the place."""
    sent = trigger.sent
    first = sent.start
    for _ in range(sentences):
        first = trigger.doc[first - 1].sent.start if first > 0 else first
    start, end = trigger.doc[first].idx, sent.end_char

    doc = trigger.doc

    def states_in(lo: int, hi: int, *, acting: bool) -> dict[str, tuple[Actor | None, Location | None]]:
        found: dict[str, tuple[Actor | None, Location | None]] = {
            loc.code: (None, loc) for loc in actors.locations if lo <= loc.start and loc.end <= hi}
        for at, until, aid in actors.mentions_in(lo, hi):
            actor = actors.get(aid)
            span = doc.char_span(at, until, alignment_mode="expand")
            if actor is not None and actor.kind == "state" and actor.code and (
                    acting or span is None or coordination_head(span.root).dep_ not in SUBJECT_DEPS):
                found[actor.code] = (actor, None)
        return {code: seen for code, seen in found.items() if code not in own}

    if start == sent.start_char or states_in(sent.start_char, end, acting=True):
        return None
    before = {code: seen for code, seen in states_in(start, sent.start_char, acting=False).items()
              if code not in doers}
    return next(iter(before.values())) if len(before) == 1 else None
