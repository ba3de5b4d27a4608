"""Cooperative acts PLOVER codes apart from their verb's own type.

* A side's stated future cooperative act ("Kenya said it would send aid to Somalia", "Egypt and Turkey will restore
  ties", "All four states are to resume relations with Qatar, an official said") is an AGREE: the promise happened,
  the act may never come. The act's type gives AGREE's mode (``intent_contents``); another coded side's act
  foretold ("Britain said Iran would send drones") stays a future act.
* A drill held by two or more coded sides together ("Warships from India, Japan and Australia began a naval
  exercise") is COOPERATE among them (PLOVER: joint military games and manoeuvres); one side drilling alone
  stays MOBILIZE. The drill nouns are ``joint_acts`` in ``data/plover/grammar.yaml``.
* Any other act two or more coded sides do "jointly" or as a "joint" act ("Somali and U.S. forces carried out a joint
  operation against al-Shabaab", "began two weeks of joint training") is also COOPERATE among them, beside the act's
  own type (``joint_markers``); a joint statement, letter or news conference is said or met together, not done.
* A meeting foretold by either of its sides ("Xi will visit Hanoi next week, Vietnam's foreign ministry said") is
  that side's AGREE: a meeting needs both, so the host that announces it has agreed to it as much as the visitor.
* Evacuating or rescuing a side's own people ("France evacuated hundreds of its citizens from Sudan";
  ``evacuation_verbs``) is aid to no other side.
* Aid told by its arrival ("a shipment of Ukrainian wheat arrived in Mogadishu", "aid trucks sent by the UAE crossed
  into Gaza"; ``arrival_verbs``) went to where it arrived, from whoever its phrase says sent it.
* Aid told by its carrier's arrival ("A Japanese navy ship arrived in Tonga carrying water and generators";
  ``carrying_verbs``, the `relief` class) went from the carrier's owner to where it arrived; troops or bare cargo
  carried are no aid.
* Aid told from the recipient's side ("Ukraine received 40 Patriot missiles from Germany"; ``receiving_verbs``)
  has the giver of its "from" phrase as its source.
* A pact noun under a gerund that does its act ("the signing of a trade accord between Chile and Japan") is that
  act, done together by the parties its "between" phrase names; the verb the signing is the subject of says whether
  it happened ("took place") or not ("was postponed", "is expected").
* A deal two sides agree to that was "brokered by" a third (``mediation_verbs``) is agreed between them, not with
  its broker.
* An act told as the purpose of a contact ("Biden called Netanyahu to express support"; ``contact_verbs``) is aimed
  at whom the contact reached, when its own phrase names nobody.
* An agreement reported by another side with no partner of its own ("Pakistan's foreign ministry said India had agreed
  to restore the ceasefire", "Iran had agreed to let inspectors back, the IAEA's chief said") is made with the side
  that reports it: the counterpart or broker who was told.
* A trip to a city that seats international courts and bodies but not its state's government ("said she would
  travel to The Hague"; ``international_seats``) is no visit to that state.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...language.modality import is_infinitive
from ...records import Actor, ActorTable
from ...resources.lexicon import Lexicon, Pattern
from ...resources.speech_verbs import SpeechLexicon
from ..lookups import tokens_spelled
from .arguments import Grammar, owner_tokens, subject_tokens, token_actors
from .conventions import open_question
from .implicit import GERUND_ENDING, act_lemmas
from .matching import clause_dep


def stated_intent(trigger: Token, sources: list[Actor], *, actors: ActorTable, grammar: Grammar,
                  speech: SpeechLexicon, partners: list[Actor] | None = None) -> Token | None:
    """The word that states a side's future act: "will"/"shall" on it ("Egypt and Turkey will restore ties") or the
    "be" of "are to resume" in a clause nobody reports, or the verb reporting "will"/"would" either way round ("said it
    would send aid", "Iran would restore ties, Tehran said") when its speaker is one of the acting sides or, for a
    meeting, its `partners`: "Britain said Iran would send drones" foretells another's act, and "diplomats said" or
    "the document says" may foretell anyone's. A "that" clause of a wish or a belief ("hopes Xi will visit") states
    nobody's intent."""
    clause = _to_be(trigger) or trigger
    report = clause.head if clause.dep_ == "ccomp" and speech.is_reporting(clause.head) else \
        next((c for c in clause.children if c.dep_ in ("ccomp", "parataxis") and c.i > clause.i
              and speech.is_reporting(c)), None)
    if (clause.dep_ == "ccomp" and report is None) or open_question(clause, grammar):
        return None
    modals = grammar.modal_future | (grammar.promise_modals if report is not None else frozenset())
    stated = next((c for c in trigger.children if c.dep_ == "aux" and c.lower_ in modals), None) \
        if clause is trigger else clause
    if stated is None or report is None:
        return stated
    speakers = {a.code for t in subject_tokens(report)[0] for a in token_actors(t, actors, grammar, speech) if a.code}
    sides = {a.code for a in [*sources, *(partners or [])] if a.code}
    return report if speakers & sides else None


def _to_be(verb: Token) -> Token | None:
    """The "be" of "are to resume", "is to visit": a plan told as due."""
    head = verb.head
    if clause_dep(verb) == "xcomp" and is_infinitive(verb) and head.lemma_ == "be" \
            and not any(c.dep_ in ("acomp", "attr", "neg") for c in head.children):
        return head
    return None


def joint_act_type(etype: str, consumed: list[Token], sources: list[Actor], grammar: Grammar) -> str | None:
    """The type a drill of type `etype` takes when two or more coded sides hold it together, if it is such a drill
    and not already of that type ("A and B drilled with C" keeps its partner as the target)."""
    if len({a.code for a in sources if a.code}) < 2:
        return None
    joint = next((grammar.joint_acts[t.lemma_.lower()] for t in consumed if t.lemma_.lower() in grammar.joint_acts),
                 None)
    return joint if joint != etype else None



JOINT_ACT_PATTERN = Pattern(id="cooperate:joint-act", kind="verb", type="COOPERATE", mode=None, lemmas=frozenset(),
                            text="S1 and S2 V a joint N / V jointly", origin="own:convention:joint-act")
JOINT_HOPS = 2  # a joint noun's verb: its object's head, or through a measure ("two weeks of joint training")


def jointly_done(sent: Span, grammar: Grammar) -> list[tuple[Token, list[Token]]]:
    """The verbs of a sentence whose act their subject does together with others: "carried out a joint operation",
    "began two weeks of joint training", "took part in joint patrols", "jointly patrolled the border"; each with the
    words that say so."""
    out: list[tuple[Token, list[Token]]] = []
    for word in tokens_spelled(sent, grammar.joint_markers):
        if word.dep_ == "advmod" and word.head.pos_ == "VERB":
            out.append((word.head, [word]))
        elif word.dep_ == "amod" and not _said_or_met(word.head, grammar) \
                and (verb := _verb_of_object(word.head)) is not None:
            out.append((verb, [word.head, word]))
    return out


def _said_or_met(noun: Token, grammar: Grammar) -> bool:
    """"a joint statement", "a joint news conference": words or a meeting, which other types code."""
    lemma = noun.lemma_.lower()
    return lemma in grammar.joint_occasions or lemma in grammar.document_nouns or lemma in grammar.message_nouns


def _verb_of_object(noun: Token) -> Token | None:
    """The verb whose object `noun` is: directly ("held joint drills"), through a measure ("began two weeks of joint
    training") or through a preposition on the verb ("took part in joint patrols")."""
    for _ in range(JOINT_HOPS):
        if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            return noun.head
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep":
            return None
        if prep.lower_ == "in" and prep.head.pos_ == "VERB":
            return prep.head
        if prep.lower_ != "of":  # "an attack on a joint base" is no joint act
            return None
        noun = prep.head
    return None


def passive_parties(trigger: Token, *, actors: ActorTable, grammar: Grammar, speech: SpeechLexicon) -> list[Actor]:
    """"A defence pact between Japan and the Philippines was signed": with no "by" phrase, the parties a passive
    verb's subject names in its "between"/"among" phrase (``party_preps``) did the act together."""
    if not any(c.dep_ == "auxpass" for c in trigger.children):
        return []
    return [a for subject in trigger.children if subject.dep_ == "nsubjpass"
            for prep in subject.children if prep.dep_ == "prep" and prep.lower_ in grammar.party_preps
            for party in prep.children if party.dep_ == "pobj"
            for a in token_actors(party, actors, grammar, speech, as_source=True)]


def signing_parties(noun: Token, pattern: Pattern, *, actors: ActorTable, grammar: Grammar, speech: SpeechLexicon,
                    lexicon: Lexicon) -> tuple[list[Actor], Token] | None:
    """"The signing of a trade accord between Chile and Japan took place ...": a pact noun that is the "of" object
    of a gerund retelling a verb which does the noun's act on it (an own verb pattern of the same type needs the
    noun: "sign ... @pact") is that act, done by all the parties its "between"/"among" phrase (``party_preps``), or
    the gerund's, names; with the gerund. A pact noun alone ("an accord between Chile and Japan remains unsigned")
    is no act."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep" or prep.head.pos_ != "NOUN":
        return None
    gerund = prep.head
    if not gerund.lower_.endswith(GERUND_ENDING) or not any(
            p.type == pattern.type and p.is_own and any(noun.lemma_.lower() in words for words in p.words)
            for lemma in act_lemmas(gerund, grammar) for p in lexicon.for_lemma("verb", lemma)):
        return None
    parties = [a for holder in (noun, gerund) for c in holder.children
               if c.dep_ == "prep" and c.lower_ in grammar.party_preps
               for party in c.children if party.dep_ == "pobj"
               for a in token_actors(party, actors, grammar, speech, as_source=True)]
    return (parties, gerund) if parties else None


def seat_of_international_bodies(place: Token, grammar: Grammar) -> bool:
    """"The Hague", "Geneva": the name ending at `place` is a city of ``international_seats``."""
    name = place.doc[place.left_edge.i:place.i + 1].text.lower()
    return name in grammar.international_seats or f"the {name}" in grammar.international_seats


def own_people_moved(trigger: Token, sources: list[Actor], *, actors: ActorTable, grammar: Grammar,
                     speech: SpeechLexicon) -> bool:
    """"evacuated hundreds of its citizens", "rescued British sailors" (by Britain): the people an evacuation verb
    moves are named as the acting side's own, by a possessor or a modifier of the object or of its "of" phrase."""
    if trigger.lemma_.lower() not in grammar.evacuation_verbs:
        return False
    codes = {a.code for a in sources if a.code}
    people = [n for obj in trigger.children if obj.dep_ == "dobj" for n in (obj, *owner_tokens(obj))]
    return any(a.code in codes for n in people for c in n.children if c.dep_ in ("poss", "amod", "compound")
               for a in token_actors(c, actors, grammar, speech))


ARRIVAL_HOPS = 2  # "aid" in "aid trucks", "wheat" in "a shipment of wheat": the noun of the phrase that arrived


def arrival(noun: Token, grammar: Grammar) -> tuple[list[Token], list[Token]]:
    """"Dozens of aid trucks sent by the UAE crossed into Gaza": the nouns of the aid's phrase ("aid", "trucks",
    "dozens") and the places they arrived at ("Gaza"), when the phrase is the subject of one of ``arrival_verbs``."""
    phrase, head = [noun], noun
    for _ in range(ARRIVAL_HOPS):  # down: "a shipment of 30,000 tonnes of wheat"
        phrase += [o for n in phrase[-1:] for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                   for o in c.children if o.dep_ == "pobj"]
    for _ in range(ARRIVAL_HOPS):  # up: "aid trucks", "dozens of trucks", "a plane carrying aid"
        if head.dep_ == "compound":
            head = head.head
        elif (head.dep_ == "pobj" and head.head.lower_ == "of") or (head.dep_ == "dobj" and head.head.dep_ == "acl"):
            head = head.head.head
        else:
            break
        phrase.append(head)
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in grammar.arrival_verbs:
        return phrase, []
    places = [c for c in verb.children if c.dep_ == "dobj"] + \
        [o for p in verb.children if p.dep_ == "prep" and p.lower_ in grammar.arrival_preps
         for o in p.children if o.dep_ == "pobj"]
    return phrase, places


def carried_relief(verb: Token, grammar: Grammar, relief: frozenset[str]) -> list[Token]:
    """"A Japanese navy ship arrived in Tonga carrying water and generators", "a plane loaded with tents landed in
    Aleppo": the relief goods (of `relief`) that an arrival verb's carrier brings, told by a participle of
    ``carrying_verbs`` on the verb or on its subject; "carrying troops" or "carrying cargo" brings none."""
    if verb.lemma_.lower() not in grammar.arrival_verbs:
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    participles = [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj")] \
        + [c for s in subjects for c in s.children if c.dep_ == "acl"]
    carried = [o for p in participles if p.tag_ in ("VBG", "VBN") and p.lemma_.lower() in grammar.carrying_verbs
               for o in [*p.children, *(g for w in p.children if w.dep_ == "prep" and w.lower_ == "with"
                                         for g in w.children)] if o.dep_ in ("dobj", "pobj")]
    goods = [g for o in carried for g in (o, *(c for c in o.children if c.dep_ == "conj"))]
    return [g for g in goods if _relief(g, grammar, relief)]


def _relief(noun: Token, grammar: Grammar, relief: frozenset[str]) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in grammar.relief_containers or lemma.isdigit():  # "a cargo of medicines", "60 tonnes of food"
        return any(_relief(o, grammar, relief) for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj")
    return lemma in relief or noun.lower_ in relief


def senders(phrase: list[Token], *, actors: ActorTable, grammar: Grammar, speech: SpeechLexicon) -> list[Actor]:
    """Who sent what a phrase names: a demonym or name before one of its nouns ("Ukrainian wheat"), the "by" phrase
    of a participle on one ("trucks sent by the UAE"), or its "from" phrase ("aid from Turkey")."""
    by = [o for n in phrase for v in n.children if v.dep_ == "acl" and v.tag_ == "VBN"
          for a in v.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    sources = [o for n in phrase for p in n.children if p.dep_ == "prep" and p.lower_ in grammar.noun_source_preps
               for o in p.children if o.dep_ == "pobj"]
    modifiers = [c for n in phrase for c in n.children if c.dep_ in ("amod", "compound", "poss") and c.i < n.i]
    return [a for t in by + sources + modifiers for a in token_actors(t, actors, grammar, speech, as_source=True)]


def reporters(trigger: Token, sources: list[Actor], *, actors: ActorTable, grammar: Grammar,
              speech: SpeechLexicon) -> list[Actor]:
    """"Pakistan said India had agreed to ...": the coded sides other than `sources` that report the consent
    (``consent_verbs``) `trigger` tells, before or after it."""
    report = trigger.head
    consent = trigger.lemma_.lower() in grammar.consent_verbs
    if not consent or trigger.dep_ != "ccomp" or not speech.is_reporting(report):
        return []
    own = {a.code for a in sources}
    # "had agreed to release Indian nationals": the agreed act names its own partner, whom the act's reading aims at
    agreed = [t for c in trigger.children if clause_dep(c) == "xcomp" for t in c.subtree]
    if any(a.code and a.code not in own for t in agreed if (a := actors.actor_at(t.idx, t.idx + len(t.text)))):
        return []
    return [a for t in subject_tokens(report)[0] for a in token_actors(t, actors, grammar, speech)
            if a.code and a.code not in own]


def told_by_recipient(trigger: Token, grammar: Grammar) -> bool:
    """"Ukraine received missiles from Germany": the subject of a receiving verb is the aid's recipient."""
    return trigger.lemma_.lower() in grammar.receiving_verbs


def brokers(objects: list[Token], *, actors: ActorTable, grammar: Grammar, speech: SpeechLexicon) -> set[str]:
    """"agreed to a truce brokered by Qatar and Egypt": the ids of the sides a participle of mediation on the
    agreed thing names in its "by" phrase."""
    return {a.id for obj in objects for acl in obj.children
            if acl.dep_ == "acl" and acl.lemma_.lower() in grammar.mediation_verbs
            for agent in acl.children if agent.dep_ == "agent"
            for by in agent.children if by.dep_ == "pobj" for a in token_actors(by, actors, grammar, speech)}


def contact_of(trigger: Token, grammar: Grammar) -> Token | None:
    """"called Netanyahu to express support": the verb of contact whose "to" clause of purpose `trigger` heads."""
    head = trigger.head
    purpose = clause_dep(trigger) in ("xcomp", "advcl") and is_infinitive(trigger)
    return head if head.i != trigger.i and purpose and head.lemma_.lower() in grammar.contact_verbs else None


def contacted(contact: Token, *, actors: ActorTable, grammar: Grammar, speech: SpeechLexicon) -> list[Actor]:
    """The actors a verb of contact reached: its object ("called Netanyahu")."""
    return [a for o in contact.children if o.dep_ == "dobj" for a in token_actors(o, actors, grammar, speech)]
