"""PLOVER's conventions for acts a sentence expresses rather than reports done.

The expression is the event: an offer, promise or pledge to cooperate is AGREE (the promise happened), a
promised concession a CONCEDE, a hostile act promised on a condition or "without hesitation" is THREATEN,
refusing a cooperative act is REJECT, a reported "Y must V" is a REQUEST of Y, and a reported "Y violated the
truce" an ACCUSE of Y. The act's own type gives the new event its mode; the word lists are
``data/plover/grammar.yaml`` (``intent_*``, ``promised_acts``, ``refusal_*``, ``condition_contents``,
``unhesitating_governors``, ``demand_*``, ``wrong_*``).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...language.modality import is_infinitive
from ...resources.grammar import Grammar
from .matching import clause_dep
from .namings import named_objects, naming_complements

CONDITION_MARKS = frozenset({"if", "unless"})
INVERTED_CONDITION_AUX = frozenset({"should"})  # "Should X attack, ...": a condition with no mark
NO_MODE = "-"
PROMISE_RULE = "promise:"  # how a promised act's rule starts (an act of ``promised_acts``)
INTENT_RULE = "intent:"  # how an intended act's rule starts (AGREE, or THREATEN for a hostile act)


@dataclass(frozen=True)
class Reading:
    """An act re-read by a convention: its new type and mode, whose modality it takes, and why."""

    etype: str
    mode: str | None
    head: Token  # the token whose negation and modality the event takes: the governor of "offered to send"
    drops: frozenset[str]  # qualifiers the convention answers for ("will strike ... unless" is no future act)
    rule: str


def reread(etype: str, trigger: Token, own: set[str], grammar: Grammar) -> Reading | None:
    """The convention that fits an act of type `etype`, if any; `own` are the act's own qualifiers."""
    if etype in grammar.pledged_acts and trigger.lemma_.lower() in grammar.intent_governors:
        # "pledged $5 million in aid", "offered asylum": the promising verb carries the act's own object
        return Reading("AGREE", _mode(grammar.intent_contents[etype]), trigger, frozenset(),
                       f"{INTENT_RULE} '{trigger.text}' {etype}")
    if etype == "SUPPORT" and trigger.lemma_.lower() in grammar.continued_stances \
            and (going_on := _governor(trigger, grammar.continuing_governors)):
        # "will continue to support Ukraine": the support is held now and said to go on
        return Reading(etype, None, trigger, frozenset({"future", "hypothetical"}),
                       f"stance held: '{going_on.text}' to {etype}")
    governor = _governor(trigger, grammar.intent_governors | grammar.refusal_governors)
    lemma = governor.lemma_.lower() if governor is not None else ""
    if governor is not None and etype in grammar.promised_acts and lemma in grammar.intent_governors:
        return Reading(etype, None, governor, frozenset(), f"{PROMISE_RULE} '{governor.text}' to {etype}")
    if governor is not None and etype in grammar.intent_contents and lemma in grammar.intent_governors \
            and not open_question(governor, grammar):
        return Reading("AGREE", _mode(grammar.intent_contents[etype]), governor, frozenset(),
                       f"{INTENT_RULE} '{governor.text}' to {etype}")
    if governor is not None and etype in grammar.condition_contents and lemma in grammar.intent_governors \
            and helping_purpose(trigger, grammar) is not None:
        # "pledged to send police to Haiti to help fight gangs": forces promised in help are promised aid
        return Reading("AGREE", _mode(grammar.intent_contents["AID"]), governor, frozenset(),
                       f"{INTENT_RULE} '{governor.text}' to {etype} in help")
    if governor is not None and etype in grammar.condition_contents and lemma in grammar.hostile_intent_governors \
            and not any(c.dep_ == "neg" for t in (governor, trigger) for c in t.children):
        # "is ready to strike Kyiv", "vowed to impose tariffs on X": the stated intent is the threat ("promised not
        # to attack" is a promise of restraint)
        return Reading("THREATEN", grammar.condition_contents[etype], governor, frozenset(),
                       f"{INTENT_RULE} '{governor.text}' to {etype}")
    if governor is not None and etype in grammar.refusal_contents and lemma in grammar.refusal_governors:
        return Reading("REJECT", _mode(grammar.refusal_contents[etype]), governor, frozenset(),
                       f"refusal: '{governor.text}' to {etype}")
    if etype in grammar.refusal_contents and {"negated", "future"} <= own:
        return Reading("REJECT", _mode(grammar.refusal_contents[etype]), trigger, frozenset({"negated", "future"}),
                       f"refusal: will not {etype}")
    if etype in grammar.refusal_contents and {"negated", "hypothetical"} <= own and _reported_would(trigger, grammar):
        return Reading("REJECT", _mode(grammar.refusal_contents[etype]), trigger,
                       frozenset({"negated", "hypothetical"}), f"refusal: said it would not {etype}")
    resolve = _unhesitating(trigger, grammar)
    if etype in grammar.condition_contents and resolve is not None and own & {"future", "hypothetical"}:
        return Reading("THREATEN", grammar.condition_contents[etype], trigger,
                       frozenset({"future", "hypothetical", "negated"}), f"resolve: '{resolve.text}' to {etype}")
    if etype in grammar.refusal_contents and "negated" in own and not own & {"future", "hypothetical"} \
            and trigger.lemma_.lower() in grammar.stance_verbs and any(c.dep_ == "neg" for c in trigger.children):
        # "does not recognize" is a stance refused; "denies backing the rebels" denies an act, refusing nobody
        return Reading("REJECT", _mode(grammar.refusal_contents[etype]), trigger, frozenset({"negated"}),
                       f"refusal: does not {trigger.lemma_.lower()}")
    condition = condition_clause(trigger)
    if etype in grammar.condition_contents and condition is not None and own & {"future", "hypothetical"} \
            and "negated" not in own and not _asked_of_others(trigger, grammar):
        return Reading("THREATEN", grammar.condition_contents[etype], trigger,
                       frozenset({"future", "hypothetical", "conditional"}),
                       f"condition: {etype} {_mark(condition)} '{condition.text}' ...")
    return None


def reread_noun(etype: str, noun: Token, grammar: Grammar) -> Reading | None:
    """"Copenhagen was open to talks with Washington": a cooperative event noun in the "to"/"for" phrase of an
    adjective of readiness is the AGREE of the adjective's subject; the act's type gives the mode."""
    if etype == "CONSULT" and asking_call(noun, grammar):
        return Reading("REQUEST", None, noun, frozenset(), f"'{noun.text}' told with the 'to' clause it asks")
    ready = readiness(noun, grammar)
    if ready is None or etype not in grammar.intent_contents or etype == "AGREE":
        return None
    return Reading("AGREE", _mode(grammar.intent_contents[etype]), ready.head, frozenset(),
                   f"readiness: '{ready.text}' for {etype}")


def asking_call(noun: Token, grammar: Grammar) -> bool:
    """"faced calls from Washington to repeal the law", "the call by Arab states to end the siege": a call (of
    `asking_call_nouns`) told with the subject-less "to" clause it asks is a request, not a phone call. The parser
    hangs the clause on the call or, after it, on the verb it is the object of; a light verb's or a scene's clause
    says why a call was made ("made calls to discuss the crisis", "in a call to discuss the deal")."""
    if noun.lemma_.lower() not in grammar.asking_call_nouns or noun.head.lemma_.lower() in grammar.light_verbs \
            or (noun.dep_ == "pobj" and noun.head.lower_ in grammar.scene_preps) \
            or any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children):
        return False  # "had a call with Netanyahu to discuss", "in a call to discuss the deal": phone calls
    verb = noun.head if noun.dep_ == "dobj" else None
    clauses = [c for c in noun.children if c.dep_ in ("acl", "advcl")] \
        + [c for c in (verb.children if verb is not None else ()) if c.dep_ in ("advcl", "xcomp") and c.i > noun.i]
    return any(is_infinitive(c) and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in clauses)


def readiness(noun: Token, grammar: Grammar) -> Token | None:
    """"was open to talks with X", "remained committed to dialogue with X": the adjective of readiness whose
    "to"/"for" phrase the event noun is, if there is one."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("to", "for"):
        return None
    adjective = prep.head
    ready = adjective.dep_ in ("acomp", "oprd") and adjective.lower_ in grammar.readiness_adjectives
    # its own subject: "urged Moscow to end the war and be ready for talks" states nobody's readiness
    stated = any(c.dep_ == "nsubj" for c in adjective.head.children)
    return adjective if ready and stated else None


def helping_purpose(trigger: Token, grammar: Grammar) -> Token | None:
    """"send 1,000 police officers to Haiti to help fight gangs": the "to" clause of help (``helping_verbs``) that
    says a deployment is assistance to where it goes."""
    return next((c for c in trigger.children if c.dep_ in ("advcl", "xcomp") and is_infinitive(c)
                 and c.lemma_.lower() in grammar.helping_verbs), None)


def open_question(clause: Token, grammar: Grammar) -> bool:
    """"did not say whether he planned to call Putin", "asked if Rome would send aid": a clause opened by "whether" or
    "if" (``condition_marks``) asks, and states nobody's intent."""
    return clause.dep_ in ("ccomp", "advcl") and any(c.dep_ == "mark" and c.lower_ in grammar.condition_marks
                                                       for c in clause.children)


def _unhesitating(trigger: Token, grammar: Grammar) -> Token | None:
    """"will not hesitate to strike": the negated governor that promises the act rather than denying it."""
    head = trigger.head
    if clause_dep(trigger) != "xcomp" or head.lemma_.lower() not in grammar.unhesitating_governors:
        return None
    return head if any(c.dep_ == "neg" for c in head.children) else None


def _reported_would(trigger: Token, grammar: Grammar) -> bool:
    """"said it would not accept the terms": "would" in a reported clause is the will of then, not a condition
    ("would not accept them if ..." stays hypothetical)."""
    return trigger.dep_ == "ccomp" and trigger.i > trigger.head.i and condition_clause(trigger) is None \
        and any(c.dep_ == "aux" and c.lower_ in grammar.promise_modals for c in trigger.children)


def _asked_of_others(trigger: Token, grammar: Grammar) -> bool:
    """"urged Europe to impose sanctions if the talks fail": an act asked of someone is no threat by them."""
    return clause_dep(trigger) == "xcomp" and trigger.head.lemma_.lower() in grammar.wish_governors


def _mark(clause: Token) -> str:
    return next((c.lower_ for c in clause.children if c.dep_ == "mark"
                 or (c.dep_ == "aux" and c.lower_ in INVERTED_CONDITION_AUX)), "")


def _mode(name: str) -> str | None:
    return None if name == NO_MODE else name


def _governor(trigger: Token, lemmas: frozenset[str]) -> Token | None:
    """The verb, adjective or noun whose "to" clause the act is, up a short chain ("offered to help send")."""
    child = trigger
    for _ in range(3):
        head = child.head
        infinitive = is_infinitive(child)
        # "offered on Thursday to send": the parser may hang a "to" clause after a time phrase as an advcl
        if head.i == child.i or not (clause_dep(child) == "xcomp" or (child.dep_ in ("acl", "advcl") and infinitive)):
            return None
        if head.lemma_.lower() in lemmas or head.lower_ in lemmas:
            return head
        child = head
    return None


def condition_clause(tok: Token) -> Token | None:
    """The "if"/"unless" clause on a predicate or on the "to" clause it governs, or one opened by an inverted
    "should" ("Should Iran attack again, Israel will strike back")."""
    heads = [tok, *(c for c in tok.children if clause_dep(c) == "xcomp")]
    return next((found for h in heads for c in h.children if c.dep_ == "advcl"
                 and (found := _marked_condition(c)) is not None), None)


def _marked_condition(clause: Token) -> Token | None:
    """The clause itself when "if"/"unless" or an inverted "should" opens it; or the clause an opening "if" marks
    deeper down, where the parser hung it under its own object's verb ("If Manila lets the system stay, ...": the
    condition is Manila's letting, not the system's staying)."""
    if any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children) or _inverted_condition(clause):
        return clause
    opener = clause.left_edge
    if opener.dep_ == "mark" and opener.lower_ in CONDITION_MARKS and opener.head.dep_ == "advcl":
        return opener.head
    return None


def _inverted_condition(clause: Token) -> bool:
    # an opening quotation mark may come first; the parser may hang a bare hyphen ("Bhutan-Bangladesh") as a clause
    first = next((t for t in clause.subtree if not t.is_punct), None)
    return (first is not None and first.dep_ == "aux" and first.head.i == clause.i
            and first.lower_ in INVERTED_CONDITION_AUX)


def demanded_of(trigger: Token, grammar: Grammar) -> Token | None:
    """"Britain said Iran must release ...", "Iran must release ..., Britain said", a quote before its
    reporting verb (""Iran must release them," the minister said"): the modal that makes a reported act a demand,
    if there is one."""
    if trigger.dep_ != "ccomp" and _first_conjunct(trigger).dep_ != "ccomp":
        return None
    return next((c for c in trigger.children if c.dep_ == "aux" and c.lower_ in grammar.demand_modals), None)


def reporting_head(clause: Token) -> Token:
    """The verb a clause is reported by: its head, or for a clause coordinated with a reported one ("told Netanyahu
    there would be no more strikes and that the jets must turn back") the verb reporting the first."""
    first = _first_conjunct(clause)
    return first.head if first is not clause and first.dep_ == "ccomp" else clause.head


def _first_conjunct(clause: Token) -> Token:
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause


def told_wrong(clause: Token, grammar: Grammar) -> Token | None:
    """"said Moscow had violated the truce", "... broke the deal", "... was behind the attack", "... was lying":
    the word that makes a reported clause a wrong its subject did, if there is one."""
    lemma = clause.lemma_.lower()
    if lemma in grammar.wrong_verbs:
        return clause
    if lemma in grammar.abetting_verbs:  # "said Algeria was sheltering terrorist groups"
        return next((o for o in clause.children if o.dep_ == "dobj" and any(
            t.lemma_.lower() in grammar.abetted_kinds and not _countering(t)
            for t in (o, *(c for c in o.children if c.dep_ in ("amod", "compound"))))), None)
    if lemma in grammar.deceit_verbs and not any((c.dep_ == "prep" and c.lower_ not in grammar.deceit_preps)
                                                 or c.dep_ in ("acomp", "oprd") for c in clause.children):
        return clause  # "lies between", "lay dormant" place or keep something
    if lemma in grammar.wrong_object_verbs:
        return next((c for c in clause.children if c.dep_ in ("dobj", "nsubjpass") and _names_wrong(c, grammar)),
                    None)
    if lemma in grammar.blame_resting_verbs:  # "said the blame lay with Hamas": the "with" side is to blame
        return next((s for s in clause.children if s.dep_ == "nsubj" and _resting_blame(s, grammar)), None)
    if lemma in grammar.misuse_verbs:  # "said Moscow was using gas as a weapon" (the "as" maybe on "gas")
        heads = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
        return next((o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
                     if o.dep_ == "pobj" and (o.lemma_.lower() in grammar.misuse_roles or _names_wrong(o, grammar))),
                    None)
    if lemma in grammar.blame_bearing_verbs:  # "said Tbilisi bore responsibility for the violence"
        return next((c for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() in grammar.borne_blame
                     and (_blamed_for_wrong(c, grammar) or _blamed_for_wrong(clause, grammar))), None)
    if lemma == "be":  # "is guilty of", "was to blame", "was behind the raid", "were a war crime by Israel"
        return next((c for c in clause.children
                     if (c.dep_ in ("acomp", "prep", "xcomp") and c.lower_ in grammar.wrong_predicates)
                     or (c.dep_ in ("acomp", "prep") and c.lower_ in grammar.blame_predicates
                         and _blamed_for_wrong(c, grammar))
                     or (c.dep_ == "attr" and _names_wrong(c, grammar))), None)
    return None


def broken_norm(clause: Token, grammar: Grammar) -> Token | None:
    """"said Iran was not complying with its obligations", "said Moscow had failed to honour its commitments":
    the norm a told clause says its subject did not keep (grammar.norm_verbs, norm_objects), if there is one."""
    kept = clause
    if clause.lemma_.lower() in grammar.refusal_governors:  # "had failed to honour"
        kept = next((c for c in clause.children if c.dep_ == "xcomp"), clause)
    elif not any(c.dep_ == "neg" for c in clause.children):
        return None
    if kept.lemma_.lower() not in grammar.norm_verbs:
        return None
    objects = [c for c in kept.children if c.dep_ == "dobj"] + [
        o for p in kept.children if p.dep_ == "prep" and p.lower_ in ("with", "by") for o in p.children
        if o.dep_ == "pobj"]
    return next((o for o in objects if o.lemma_.lower() in grammar.norm_objects), None)


def _countering(word: Token) -> bool:
    """"anti-terrorism", "counter-terrorism": a word set against what it names."""
    doc = word.doc
    return word.i > 1 and doc[word.i - 1].text == "-" and doc[word.i - 2].lower_ in ("anti", "counter")


def told_condemnation(clause: Token, words: frozenset[str], grammar: Grammar) -> Token | None:
    """"said the ruling was absurd", "says the drills are a provocation", "said the raid was an act of piracy",
    "said the strikes amounted to collective punishment": the predicate of a reported copula or equating verb
    (grammar.equating_verbs) that condemns its subject, if there is one (`words`: the lexicon's condemnation class;
    with its falsehood class, "says the claims are baseless" calls them false)."""
    lemma = clause.lemma_.lower()
    if lemma == "be":
        predicates = [c for c in clause.children if c.dep_ in ("acomp", "attr")]
    elif lemma in grammar.manner_verbs:  # "said Beijing was behaving like a bully"
        predicates = [o for p in clause.children if p.dep_ == "prep" and p.lower_ in ("like", "as")
                      for o in p.children if o.dep_ == "pobj"]
    elif lemma in grammar.equating_verbs:
        predicates = [c for c in clause.children if c.dep_ == "dobj"] + [
            o for p in clause.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    else:
        return None
    return next((p for p in predicates if _judged_with(p, words, grammar)), None)


def named_judgement(verb: Token, words: frozenset[str], grammar: Grammar) -> Token | None:
    """"described Russia's strike as an act of terrorism", "called the blockade a brazen provocation": what a
    naming verb (grammar.naming_verbs) calls its object, when that is, or is qualified by, one of `words` (the
    condemnation class; the praise class for "hailed the deal as a milestone"); see namings.py for where it sits."""
    if verb.lemma_.lower() not in grammar.naming_verbs:
        return None
    predicates = naming_complements(verb, named_objects(verb))
    return next((p for p in predicates if _judged_with(p, words, grammar)), None)


def _judged_with(predicate: Token, words: frozenset[str], grammar: Grammar) -> bool:
    """"a provocation", "a reckless escalation", "an act of blackmail": a predicate that is, or is qualified by, or
    is an act of one of `words`."""
    if predicate.lemma_.lower() in words:
        return True
    if predicate.dep_ != "acomp" and any(c.dep_ == "amod" and c.lemma_.lower() in words for c in predicate.children):
        return True
    return predicate.lemma_.lower() in grammar.act_nouns and any(
        o.dep_ == "pobj" and o.lemma_.lower() in words
        for p in predicate.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)


def accomplices(verb: Token, grammar: Grammar) -> list[Token]:
    """"accused the students of having been paid by Washington", "accused the opposition of plotting a coup with the
    help of the United States": whom the gerund of an accusation's "of" phrase (on the verb or on its object) names
    as the accused doer's backers: the agent of a passive gerund of grammar.accomplice_verbs, or the owner of one of
    grammar.accomplice_nouns in a "with" phrase on it or its object."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    gerunds = [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in p.children if g.dep_ == "pcomp"]
    out: list[Token] = []
    for gerund in gerunds:
        if gerund.lemma_.lower() in grammar.accomplice_verbs and any(c.dep_ == "auxpass" for c in gerund.children):
            out += [o for a in gerund.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        helped = [gerund, *(c for c in gerund.children if c.dep_ == "dobj")]  # "staging a coup with the help of"
        helps = [n for h in helped for p in h.children if p.dep_ == "prep" and p.lower_ == "with" for n in p.children
                 if n.dep_ == "pobj" and n.lemma_.lower() in grammar.accomplice_nouns]
        out += [o for n in helps for o in n.children if o.dep_ == "poss"] + [
            o for n in helps for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj"]
    return out


def alleged_doers(noun: Token, grammar: Grammar) -> list[Token]:
    """"Beijing's accusations that Manila provoked the clash": the subject of an accusation noun's "that" clause
    is whom it accuses; a mere claim accuses only of a wrong ("his claim that China operates the canal" does not)."""
    alleging = noun.lemma_.lower() in grammar.alleging_nouns
    return [s for c in noun.children if c.dep_ in ("acl", "ccomp")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            and (alleging or told_wrong(c, grammar) is not None)
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def _names_wrong(noun: Token, grammar: Grammar) -> bool:
    """"the ceasefire" (broken), "war crimes", "an act of war": a noun that names a wrong done."""
    if noun.lemma_.lower() in grammar.wrong_objects:
        return True
    return noun.lemma_.lower() in grammar.act_nouns and any(
        o.dep_ == "pobj" and o.lemma_.lower() in grammar.act_kinds | grammar.wrong_objects
        for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)


def _blamed_for_wrong(predicate: Token, grammar: Grammar) -> bool:
    """"responsible for the blast", "behind the raid", "for a wave of attacks": the blame names a wrong, not
    "responsible for security"; so does a gerund that is a wrong ("responsible for undermining the truce", "for
    carrying out the attack")."""
    objects = [o for o in predicate.children if o.dep_ == "pobj"] \
        + [o for p in predicate.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    objects += [o for n in objects for p in n.children if p.dep_ == "prep" and p.lower_ == "of"  # "a wave of attacks"
                for o in p.children if o.dep_ == "pobj"]
    gerunds = [g for p in predicate.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pcomp"]
    return any(o.lemma_.lower() in grammar.wrong_objects for o in objects) or any(
        g.lemma_.lower() in grammar.wrong_verbs or any(o.dep_ == "dobj" and o.lemma_.lower() in grammar.wrong_objects
                                                       for o in g.children) for g in gerunds)


def _resting_blame(subject: Token, grammar: Grammar) -> bool:
    """"the blame", "responsibility for the attacks": a subject that lays blame by itself or for a wrong."""
    lemma = subject.lemma_.lower()
    return lemma in grammar.fault_nouns or (lemma in grammar.borne_blame and _blamed_for_wrong(subject, grammar))


def wrong_doers(wrong: Token) -> list[Token]:
    """"the strikes were a war crime by Israel", "the expulsions were the result of blackmail by Washington": the
    doers a wrong noun names in its "by" phrase, or in that of its "of" object; "the blame lay with Hamas": the side
    blame rests with."""
    if wrong.dep_ == "nsubj":
        return [o for p in wrong.head.children if p.dep_ == "prep" and p.lower_ == "with"
                for o in p.children if o.dep_ == "pobj"]
    if wrong.dep_ != "attr":
        return []
    kinds = [o for p in wrong.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return [o for n in (wrong, *kinds) for p in n.children if p.dep_ == "prep" and p.lower_ == "by"
            for o in p.children if o.dep_ == "pobj"]
