"""Event coding: PLOVER events (who did what to whom, when) from a parsed article.

For each sentence, predicates are matched against the lexicon (``resources.lexicon``), their
arguments are read off the parse and tied to actors (``arguments``), the date comes from
the article's :class:`DateTimeline`, and duplicates of one fact are merged. A predicate
that no pattern matches yields nothing: there is no fallback event.

Qualifiers (PLOVER's auxiliary modes, plus two of ours):

* ``negated``, ``future``, ``hypothetical``, ``conditional``: the event is not presented as having
  happened ("did not meet", "will meet", "may impose", "threatened to strike", "if ... attacks");
  ``Event.is_claim`` is false and scorers leave them out.
* ``historical``: dated more than a year before publication (background); still a claim.
* ``reported``: the trigger sits inside quotation marks, so the claim is the speaker's, not the
  reporter's; still a claim (a quoted "We support Mauritius" is a statement of support).

PLOVER's conventions for acts a sentence expresses (``conventions``) re-read a match: an offer or pledge
to cooperate is AGREE, a conditional hostile act THREATEN, a refusal REJECT, and a reported "Y must" adds
a REQUEST; ``Candidate.rule`` says which, ``Candidate.target_how`` which phrase or clause gave the target.
Threats said in words ("X will face consequences", "will not go unanswered", "will retaliate": ``threats``) are
the sayer's THREATEN; dismay at another side's act ("was appalled by X's strikes": ``feelings``) is the feeler's
ACCUSE.

An event needs a source actor, at least one actor with a code, and a target unless its type
allows none (PROTEST, MOBILIZE) or several parties act jointly (CONSULT, AGREE, COOPERATE, ASSAULT).
A side the sentence leaves unnamed may be the state of the place where the event happens
("protesters in Istanbul", "attacked a train near Sibi"): a fallback with a lower confidence,
its place kept in ``Event.located``.
"""
from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ...language.antecedents import act_antecedent, is_act_noun
from ...language.lemmas import lemma_candidates, lemma_forms
from ...language.modality import calls_off, hypothetical_governors, is_infinitive, qualifiers_of
from ...language.quotation import quotation
from ...records import NOT_FACT_QUALIFIERS, Actor, ActorTable, Event, Location
from ...resources.lexicon import DIRECT_OBJECT, POSSESSOR, Lexicon, Pattern
from ...resources.speech_verbs import SpeechLexicon
from ..dates import clause_verb
from ..lookups import lemma_places, places_before, pos_tags, tokens_spelled, tokens_tagged
from .arguments import (
    DIRECT_OBJECT_DEPS,
    MODIFIER_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    Grammar,
    companion_tokens,
    conjuncts,
    frame,
    free_relative_named,
    is_passive,
    is_reciprocal,
    is_time_phrase,
    misplaced_agents,
    neither_subject,
    next_clause_subject,
    owner_tokens,
    reporting_verb,
    scene_host,
    speaker_tokens,
    subject_tokens,
    token_actors,
    undergoer_verb,
)
from .claims import claimed_doers
from .completion import SideCompleter, fill_features
from .conventions import (
    INTENT_RULE,
    NO_MODE,
    PROMISE_RULE,
    accomplices,
    alleged_doers,
    broken_norm,
    condition_clause,
    demanded_of,
    named_judgement,
    readiness,
    reporting_head,
    reread,
    reread_noun,
    told_condemnation,
    told_wrong,
    wrong_doers,
)
from .conventions import helping_purpose as help_clause
from .cooperation import (
    JOINT_ACT_PATTERN,
    arrival,
    brokers,
    carried_relief,
    contact_of,
    contacted,
    joint_act_type,
    jointly_done,
    own_people_moved,
    passive_parties,
    reporters,
    seat_of_international_bodies,
    senders,
    signing_parties,
    stated_intent,
    told_by_recipient,
)
from .copies import added_side, copying_word
from .feelings import deed_clauses, dismay, dismay_aims, felt_by, felt_then, instrument_nouns
from .groups import LOOSE_READING, SIDE_NUMBERS, counted_antecedent, counted_group, listed_members, sides_named_before
from .implicit import act_lemmas, forces_in_help, purpose_served, scene_state_before, sent_as_help
from .matching import (
    Match,
    clause_dep,
    lexicon_triggers,
    match_patterns,
    nominal_patterns,
    possessor_is_doer,
    target_slots,
    target_tokens,
    trigger_kind,
)
from .namings import named_objects, relative_named
from .requests import addressed, reported_conjunct_speaker, request_addressees, said_demands, told_addressee
from .responses import ToldAct, answered_side, response_head, response_marker, retold_proposals, subject_before
from .scorer import NONE, EventScorer, Proposal, Verdict
from .threats import (
    THREAT_PATTERNS,
    SaidThreat,
    answered_doers,
    hostile_consequence,
    hostile_response,
    said_threats,
    threatening_clause,
)

if TYPE_CHECKING:
    from ..dates import DateTimeline, ResolvedDate

HISTORICAL_DAYS = 365
RELATIVE_OBJECT_CLASS = "pact"  # "the accord that A and B signed": the class whose nouns a relative clause acts on
SIGNING_HOW = "parties of"  # how a signing's parties were found: "the signing of X between A and B"
RECIPROCAL_HOW = "'each other': the other subjects"
AHEAD_GRANULARITIES = frozenset({"day", "week", "month"})  # a date of these begins its period: after publication, ahead
DOMESTIC_HOW = "its own side's affair (a domestic act)"
MUTUAL_HOW = "ties the subjects hold with each other: the other subjects"
STATE_ACT_TYPES = frozenset({"COERCE"})  # acts done by the authorities of the place they happen in
PLACE_PREPS = frozenset({"in", "near", "inside", "across", "outside", "at"})
PASSIVE_SCENE_PREPS = frozenset({"in", "by", "during"})  # "were killed in / by / during an airstrike"
ATTRIBUTION_PREPS = frozenset({"on", "by", "to"})  # "blamed on", "claimed by", "attributed to"
LAUNCH_PREPS = frozenset({"from", "by"})  # "a drone launched from Ukraine", "missiles fired by the Houthis"
LOCATED_PENALTY = 0.1  # a side read off a place is a guess about who, not a name
LEAD_DATING_SENTENCES = 3  # how many sentences after an undated lead act may tell its day
SCENE_SENTENCES = 2  # how far back the place a story last named is still the scene of an unplaced attack
SENT_TO = frozenset({"to", "into"})  # the prepositions of where forces are sent
HELP_SENT_TYPES = frozenset({"AID", "MOBILIZE"})  # help sent to the scene: aid, or forces sent "to help"
LOCATED_ID = "located:"  # id prefix of a state only a place named, until the event is kept
ANSWERED_QUAD_CLASS = "material_conflict"  # what a retaliation answers: deeds, not words
THREAT_PREPS = frozenset({"against", "on", "with"})  # "would retaliate against X", "would cut ties with X"
JOINT_WORDS = frozenset({"two", "both", "all"})  # "the two countries should ...": the speaker is one of them
# The pattern an ACCUSE read off a reported wrong is coded by; its words are grammar.yaml's wrong_* lists.
REPORTED_WRONG = Pattern(id="accuse:reported-wrong", kind="verb", type="ACCUSE", mode="allege", lemmas=frozenset(),
                         origin="own:convention:reported-wrong")
# ... and an ACCUSE read off a reported judgement ("said the ruling was outrageous"); its words are the class below.
REPORTED_EVALUATION = Pattern(id="accuse:reported-evaluation", kind="verb", type="ACCUSE", mode="disapprove",
                              lemmas=frozenset(), origin="own:convention:reported-evaluation")
FORCE_CLASS = "force"  # patterns-classes.yaml: troops, forces, units and the like
REFUSAL_CLASS = "refusal"  # patterns-verbs.yaml: what a side calls a proposal it refuses ("unacceptable")
CONDEMNATION_CLASS = "condemnation"  # patterns-verbs.yaml: words that condemn what they describe
PRAISE_CLASS = "praise"  # patterns-verbs.yaml: words that praise what they describe
# ... and a SUPPORT read off another side's act named in words of praise ("described X's offer as a milestone").
NAMED_PRAISE = Pattern(id="support:named-praise", kind="verb", type="SUPPORT", mode=None, lemmas=frozenset(),
                       origin="own:convention:named-praise")
# ... and a REJECT read off a reported denial ("said Kyiv's claims were baseless"): a noun of the claim class judged
# with a word of the falsehood class.
REPORTED_DENIAL = Pattern(id="reject:reported-falsehood", kind="verb", type="REJECT", mode=None, lemmas=frozenset(),
                          origin="own:convention:reported-falsehood")
CLAIM_CLASS, FALSEHOOD_CLASS, PACT_CLASS = "claim", "falsehood", "pact"
IMPOSITION_CLASS = "imposition"  # what a side refuses to take from another: "will not accept any blackmail"
VERB_TAGS = frozenset({"VERB"})  # what a per-sentence scan for saying or refusing verbs looks at
RETELLING_DEPS = frozenset({"npadvmod", "appos"})  # ", an allegation Moscow denied" set beside what it retells
REACTION_HOW = "reaction to earlier"  # how a reaction's target was found: it answers that event
ACT_PRONOUN_HOW = "standing for the act"  # "calling it brutal": the pronoun is the act named before it
DISAPPROVAL_POLARITY = "conflict"  # the polarity (of the quad class) of a reaction that disapproves
# ... and a SUPPORT read off a right a side is said to have ("said Israel had the right to defend itself").
REPORTED_RIGHT = Pattern(id="support:reported-right", kind="verb", type="SUPPORT", mode=None, lemmas=frozenset(),
                         origin="own:convention:reported-right")
# how a request coordinated with the clause its teller reports got its source (requests.reported_conjunct_speaker)
TELLER_HOW = "teller of the report the request is coordinated with:"
# ... and a REQUEST read off a reported must/should whose act the lexicon does not know ("said Kabul should act").
REPORTED_DEMAND = Pattern(id="request:reported-demand", kind="verb", type="REQUEST", mode=None, lemmas=frozenset(),
                          origin="own:convention:reported-demand")
RELIEF_ARRIVAL = "aid:arrive-in-t-with-relief"  # the pattern of relief told by its arrival (patterns-classes.yaml)
STATING_HOPS = 4  # "said that it would be ready to send": the reporting verb is a few heads up, never far
STATED_RULE = "stated:"  # how the rule of an AGREE read off a stated future act ("will restore ties") starts
HELP_STATED_RULE = f"{STATED_RULE} in help:"  # forces said to go in help: dated when said, as any stated act
DEMAND_RULE = "demand:"  # how the rule of a REQUEST read off a reported must/should starts
COMPLETION_RULE = "side completed by the learned judge (completion.py)"
# ... and a REJECT read off another side's act a side says it will not accept or allow ("would not accept the
# deployment of Turkish troops"); the verbs are grammar.yaml's tolerating_verbs.
REFUSED_ACT = Pattern(id="reject:refused-act", kind="verb", type="REJECT", mode=None, lemmas=frozenset(),
                      origin="own:convention:refused-act")
# ... and an ACCUSE read off dismay at another side's act ("was appalled by Israel's strikes"; events/feelings.py).
FELT_DISMAY = Pattern(id="accuse:felt-dismay", kind="verb", type="ACCUSE", mode="disapprove", lemmas=frozenset(),
                      origin="own:convention:felt-dismay")
# ... and a RETREAT read off forces leaving a place ("The last French soldiers left Niger"); the verbs are
# grammar.yaml's departure_verbs, the forces the force class of patterns-classes.yaml.
FORCES_LEFT = Pattern(id="retreat:forces-left", kind="verb", type="RETREAT", mode="withdraw", lemmas=frozenset(),
                      origin="own:convention:forces-left")
REPORTED_PATTERNS = (REPORTED_WRONG, REPORTED_EVALUATION, REPORTED_RIGHT, REPORTED_DENIAL, REPORTED_DEMAND,
                     REFUSED_ACT, FELT_DISMAY, NAMED_PRAISE)
REFUSAL_DROPS = frozenset({"negated", "future", "hypothetical"})  # what "will not accept" answers for
# ... and the act of the latest event extended to another side ("Canada did the same", "France followed suit"): its
# type and mode are the earlier act's (events/copies.py).
COPIED_ACT = "copy:same-act"
COPY_SENTENCES = 2  # how many sentences back the act a copy repeats may be told


@dataclass(eq=False)
class Candidate:
    """A complete match with its arguments; ``status`` says whether it became an event and why not."""

    match: Match
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    source_how: str = "none"
    target_how: str = "none"  # the phrase or clause the targets were read from
    qualifiers: list[str] = field(default_factory=list)
    mode: str | None = None
    confidence: float = 0.0
    status: str = "event"
    event: Event | None = None
    location: Location | None = None  # the place whose state stood in for a missing side
    etype: str = ""  # the pattern's type, unless a rule re-read it (a verbal "attack" is an ACCUSE)
    rule: str = ""  # the convention that re-read it, for explain
    verdict: Verdict | None = None  # the learned scorer's decision, when it ran


@dataclass
class Trace:
    """What ``newsgraph explain`` shows: every match tried, complete or nearly so; and every fill of an empty side
    the learned judge read (what its training labels)."""

    candidates: list[Candidate] = field(default_factory=list)
    near_misses: list[Match] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)


@dataclass
class Fill:
    """One of the sentence's other actors offered for a candidate's empty side, and the judge's probability
    (None when no judge ran)."""

    candidate: Candidate
    actor: Actor
    role: str  # source | target
    features: dict[str, float]
    probability: float | None


@dataclass
class _Context:
    doc: Doc
    actors: ActorTable
    dates: DateTimeline | None
    published: dt.date | None
    lexicon: Lexicon
    grammar: Grammar
    speech: SpeechLexicon
    told: list[Candidate] = field(default_factory=list)  # the kept candidates so far, in text order
    # Each match's target phrase, read once: choosing between patterns asks it and so does the chosen match's
    # candidate. Keyed by id, the match kept beside it so that no later match can take its id.
    target_phrases: dict[int, tuple[Match, tuple[list[Token], str]]] = field(default_factory=dict)
    # Acts told with a doer but no target actor ("the Taliban barred women from ..."), in text order: a later
    # reaction ("Qatar criticised the ban") is still aimed at their doer.
    targetless: list[Candidate] = field(default_factory=list)
    completer: SideCompleter | None = None  # the learned judge of fills for an empty side
    # Every act read in the sentence just coded, whatever became of it: the polarity of a deed a reaction answers.
    last_read: list[Candidate] = field(default_factory=list)
    # The trigger of every reaction, judgement or reply read so far, whatever became of it: the noun it takes is
    # what it answered, not an act its subject did ("Berlin condemned the order").
    answers: set[int] = field(default_factory=set)


def code_events(doc: Doc, *, actors: ActorTable, dates: DateTimeline | None, published: str | None,
                lexicon: Lexicon, grammar: Grammar, speech_verbs: SpeechLexicon,
                trace: Trace | None = None, scorer: EventScorer | None = None,
                completer: SideCompleter | None = None) -> list[Event]:
    """The PLOVER events of one parsed article, one per fact, each with its evidence.

    With a `scorer`, the learned model keeps, retypes or drops each candidate the rules propose; with a
    `completer`, a candidate left with one side empty takes the sentence's other actors it accepts."""
    ctx = _Context(doc=doc, actors=actors, dates=dates, published=_parse_date(published),
                   lexicon=lexicon, grammar=grammar, speech=speech_verbs, completer=completer)
    events: list[Event] = []
    for sent in doc.sents:  # in text order: a sentence's rules read the events kept before it (ctx.told)
        candidates = _sentence_candidates(sent, ctx, trace)
        if scorer is not None:
            _apply_scorer(scorer, [(sent, candidates)], ctx)
        for cand in candidates:
            _resolve_reply_target(cand, events, ctx, candidates)
            _resolve_reaction_target(cand, ctx)
            _aim_response_at_provoker(cand, ctx)
            _resolve_addressed_request(cand, ctx)
            _resolve_fight_request_target(cand, candidates, ctx)
            _resolve_release_request_target(cand, ctx)
            _resolve_response_target(cand, ctx)
            _inherit_copied_target(cand, candidates, ctx)
        _complete_sides(candidates, ctx, trace)
        kept = _one_per_fact([c for c in candidates if c.status == "event"], ctx)
        for cand in candidates:
            if cand.status == "event" and cand not in kept:
                cand.status = "merged into a better match of the same fact"
        for cand in kept:
            cand.event = _to_event(cand, sent, ctx, len(events) + 1)
            events.append(cand.event)
            ctx.told.append(cand)
        for cand in (copies := _copied_acts(sent, ctx)):
            if cand.status == "event":
                cand.event = _to_event(cand, sent, ctx, len(events) + 1)
                events.append(cand.event)
                ctx.told.append(cand)
        candidates += copies
        ctx.targetless.extend(c for c in candidates if _answerable_without_target(c, ctx))
        ctx.last_read = [c for c in candidates if c.match.trigger.sent == sent]
        ctx.answers.update(c.match.trigger.i for c in candidates if c.etype in _reaction_like_types(ctx))
        if trace is not None:
            trace.candidates.extend(candidates)
    _date_live_entries(events, dates)
    _date_retold_facts(events, actors)
    narrated = {c.event.id for c in ctx.told
                if c.event is not None and not _unanchored_tense(_telling_verb(c.match.trigger, c.event.type, ctx))}
    _date_follow_ups(events, actors, [sent.start_char for sent in doc.sents], narrated, dates,
                     _coordinated_events(ctx.told))
    return events


def _coordinated_events(told: list[Candidate]) -> dict[str, set[str]]:
    """The events told in clauses coordinated with each event's own, by event id: they share its time."""
    by_sentence: dict[int, list[Candidate]] = {}
    for cand in told:
        if cand.event is not None:
            by_sentence.setdefault(cand.match.trigger.sent.start, []).append(cand)
    pairs: dict[str, set[str]] = {}
    for same in by_sentence.values():  # pairs within a sentence only: the cost stays linear in the article
        for a, b in itertools.permutations(same, 2):
            if a.event is not None and b.event is not None and _coordinated(a.match.trigger, b.match.trigger):
                pairs.setdefault(a.event.id, set()).add(b.event.id)
    return pairs


def _coordinated(one: Token, other: Token) -> bool:
    """The two tokens' clause verbs are conjuncts: "met X and signed ...", or (as the parser often reads a sentence
    closed by its source, "..., and the two agreed ..., state media reported") sister clauses joined by "and"."""
    first, second = sorted((clause_verb(one), clause_verb(other)), key=lambda v: -1 if v is None else v.i)
    if first is None or second is None or first.i == second.i:
        return False
    if second.dep_ == "conj" and second.head.i == first.i:
        return True
    return (second.dep_ == first.dep_ != "ROOT" and second.head.i == first.head.i
            and any(t.dep_ == "cc" and t.head.i in (first.i, first.head.i) for t in first.doc[first.i:second.i]))


def _apply_scorer(scorer: EventScorer, proposed: list[tuple[Span, list[Candidate]]], ctx: _Context) -> None:
    """The model's verdict on each candidate that would be an event: kept, retyped (its mode dropped, its
    status read again for the new type) or dropped; and on each verb the rules left alone whose parse names an
    actor on both sides: added as an event of the model's type when it is confident."""
    judged = [(sent, _first_per_trigger([c for c in cands if c.status == "event"]), _parse_offers(sent, cands, ctx))
              for sent, cands in proposed]
    proposals = [(sent, [_proposal(c, ruled=True) for c in ruled] + [_proposal(c, ruled=False) for c in offered])
                 for sent, ruled, offered in judged]
    verdicts = scorer.judge(ctx.doc, proposals, ctx.actors)
    for (_, ruled, offered), (_, cands), sentence in zip(judged, proposed, verdicts, strict=True):
        for cand, verdict in zip(ruled + offered, sentence, strict=True):
            cand.verdict = verdict
            if cand in offered:
                if verdict.etype is not None:
                    cands.append(_added(cand, verdict.etype, verdict.probability, ctx))
            elif verdict.etype is None:
                cand.status = f"dropped by the model ({verdict.note})"
            elif verdict.etype != cand.etype:
                cand.etype, cand.mode = verdict.etype, None
                cand.status = _status(cand, ctx)


def _complete_sides(candidates: list[Candidate], ctx: _Context, trace: Trace | None) -> None:
    """A candidate whose rules found one side and none for the other takes the sentence's other coded actors that
    the learned judge accepts (:mod:`.completion`); with a trace, every fill offered is recorded."""
    if ctx.completer is None and trace is None:
        return
    for cand in candidates:
        if cand.status not in ("no source actor", "no target actor") or cand.qualifiers:
            continue
        role = "target" if cand.status == "no target actor" else "source"
        if role == "source" and cand.match.pattern.is_nominal:
            continue  # a nominal names its doer in its own phrase or not at all: "the court's ruling against X"
        named = {a.code for a in (cand.sources if role == "target" else cand.targets) if a.code}
        if not named:
            continue
        others = _other_actors(cand.match.trigger, role, named, ctx)
        kept: list[tuple[Actor, float]] = []
        for actor, head in others:
            features = fill_features(cand.match.trigger, head, pattern_id=cand.match.pattern.id,
                                     etype=cand.etype or cand.match.pattern.type, role=role, kind=actor.kind,
                                     others=len(others))
            judge = ctx.completer
            probability = judge.probability(features) if judge is not None else None
            if trace is not None:
                trace.fills.append(Fill(cand, actor, role, features, probability))
            if judge is not None and probability is not None and probability >= judge.threshold:
                kept.append((actor, probability))
        if kept:
            _fill_side(cand, role, kept, ctx)


def _other_actors(trigger: Token, role: str, named: set[str], ctx: _Context) -> list[tuple[Actor, Token]]:
    """The sentence's coded actors whose code the filled side lacks, each at the head of its first mention that
    may fill it: never a place a phrase sets the scene with ("speaking in Paris"), and for a target never the
    subject of a clause outside the trigger's own ("..., Qatar's news agency reported"; "and Qatar's emir called
    for calm"): that clause is its act. A clause inside the trigger's phrase may name it ("the raid, which
    Israel carried out")."""
    out: dict[str, tuple[Actor, Token]] = {}
    sent = trigger.sent
    for start, end, actor_id in ctx.actors.mentions_in(sent.start_char, sent.end_char):
        actor = ctx.actors.get(actor_id)
        if actor is None or not actor.code or actor.code in named or actor.code in out:
            continue
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is None or _sets_the_scene(span.root) or (role == "target" and _acts_elsewhere(span.root, trigger)):
            continue
        out[actor.code] = (actor, span.root)
    return list(out.values())


def _sets_the_scene(head: Token) -> bool:
    return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS


def _acts_elsewhere(head: Token, trigger: Token) -> bool:
    """Whether the mention (or the noun it is the possessor of) is the subject of a verb outside the trigger's
    clause: not under the trigger, or joined to it as a clause of its own ("and", a comma)."""
    noun = head.head if head.dep_ == "poss" else head
    while noun.dep_ in ("compound", "amod", "poss") and noun.head.i != noun.i:
        noun = noun.head
    if next_clause_subject(noun):  # "expelled four diplomats and Canada did the same"
        return noun.doc[noun.right_edge.i + 1].i != trigger.i
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = noun.head
    if verb.i == trigger.i:
        return False
    if not trigger.is_ancestor(verb):
        return True
    step = verb
    while step.i != trigger.i:
        if step.dep_ in ("conj", "parataxis"):
            return True
        step = step.head
    return False


def _fill_side(cand: Candidate, role: str, kept: list[tuple[Actor, float]], ctx: _Context) -> None:
    """The accepted actors on the empty side, if the candidate then makes an event; else it stays as it was."""
    actors, best = [a for a, _ in kept], max(p for _, p in kept)
    how = f"the sentence's other actor (p={best:.2f})"
    before = (cand.sources, cand.targets, cand.source_how, cand.target_how, cand.status, cand.rule)
    if role == "target":
        cand.targets, cand.target_how = actors, how
    else:
        cand.sources, cand.source_how = actors, how
    cand.rule = cand.rule or COMPLETION_RULE
    cand.status = _status(cand, ctx)
    if cand.status != "event":
        cand.sources, cand.targets, cand.source_how, cand.target_how, cand.status, cand.rule = before


def _proposal(cand: Candidate, *, ruled: bool) -> Proposal:
    return Proposal(trigger=cand.match.trigger, etype=cand.etype, sources=[a.id for a in cand.sources],
                    targets=[a.id for a in cand.targets], ruled=ruled)


def _parse_offers(sent: Span, cands: list[Candidate], ctx: _Context) -> list[Candidate]:
    """Verbs no pattern read, whose subject and object (or a prepositional object) name different actors, one of
    them coded: what the model may add. No lexicon pattern stands behind them, so none has a type yet."""
    taken = {t.i for c in cands for t in (c.match.trigger, *c.match.consumed)}
    offers = []
    for verb in (t for t in sent if t.pos_ == "VERB" and t.i not in taken):
        sources = _subject_actors(verb, ctx, as_source=True)
        objects = [c for c in verb.children if c.dep_ in DIRECT_OBJECT_DEPS] + \
            [o for p in verb.children if p.dep_ == "prep" and p.lower_ not in PLACE_PREPS  # a scene is no target
             for o in p.children if o.dep_ == "pobj"]
        source_ids = {a.id for a in sources}
        targets = [a for o in objects if not is_time_phrase(o)
                   for a in token_actors(o, ctx.actors, ctx.grammar, ctx.speech) if a.id not in source_ids]
        if sources and targets and any(a.code for a in sources + targets):
            offer = Candidate(match=Match(pattern=_model_pattern(verb, NONE), trigger=verb), sources=sources,
                              targets=targets, source_how="subject", target_how="object", status="offered")
            offers.append(offer)
    return offers


def _model_pattern(verb: Token, etype: str) -> Pattern:
    """The pattern an event the model added carries: no words required, the model's type."""
    return Pattern(id=f"model:{etype.lower()}", kind="verb", type=etype, mode=None,
                   lemmas=frozenset({verb.lemma_.lower()}), text="the learned event scorer", origin="model")


def _added(offer: Candidate, etype: str, probability: float, ctx: _Context) -> Candidate:
    """An offered verb made an event of the model's type; its confidence is the model's probability."""
    trigger = offer.match.trigger
    cand = Candidate(match=Match(pattern=_model_pattern(trigger, etype), trigger=trigger), sources=offer.sources,
                     targets=offer.targets, source_how=offer.source_how, target_how=offer.target_how, etype=etype,
                     rule="added by the model", verdict=offer.verdict, confidence=round(probability, 2))
    cand.status = _status(cand, ctx)
    cand.qualifiers = sorted(qualifiers_of(trigger, ctx.grammar) | _quote_qualifier(trigger, ctx))
    return cand


def _first_per_trigger(cands: list[Candidate]) -> list[Candidate]:
    """A second fact read off the same words (a demand or an ultimatum beside the act) is the rules' reading of
    how the act was said: the model judges the words once, through the first."""
    seen: set[int] = set()
    out = []
    for cand in cands:
        if cand.match.trigger.i not in seen:
            seen.add(cand.match.trigger.i)
            out.append(cand)
    return out


def _actors_of(tokens: Iterable[Token], ctx: _Context, *, as_source: bool = False) -> list[Actor]:
    """The actors each token's phrase names (:func:`~.arguments.token_actors`), in order."""
    return [a for t in tokens for a in token_actors(t, ctx.actors, ctx.grammar, ctx.speech, as_source=as_source)]


def _subject_actors(verb: Token, ctx: _Context, *, as_source: bool = False) -> list[Actor]:
    """The actors a verb's subject names: "Ankara" of "Ankara rejected ..."."""
    return _actors_of(subject_tokens(verb)[0], ctx, as_source=as_source)


def _date_live_entries(events: list[Event], timeline: DateTimeline | None) -> None:
    """An undated event in a live page's time-stamped entry happened on the page's day, whatever an entry
    before or the page's opening paragraph dated (see `DateTimeline.live_entry_day`)."""
    if timeline is None:
        return
    for event in (e for e in events if not e.date and e.is_claim):
        if (day := timeline.live_entry_day(event.start)) is not None:
            event.date, event.date_text, event.granularity = day.date, day.text, day.granularity


def _date_retold_facts(events: list[Event], actors: ActorTable) -> None:
    """An undated event that retells a dated one (same type and source codes, shared target) takes its date.

    News repeats its lead fact in detail later ("X briefed Y on Friday ... X spoke by video call with
    Y and Z"); the later mention carries no date of its own. A dated act told after an undated one is
    background ("has ordered ... It follows an order of February 7"), not its first telling.
    """
    def codes(ids: list[str]) -> frozenset[str]:
        return frozenset((a.code if (a := actors.get(i)) and a.code else i) for i in ids)

    dated = [e for e in events if e.date and e.granularity == "day" and e.is_claim]
    for event in (e for e in events if not e.date and e.is_claim):
        donors = [d for d in dated if d.start < event.start and d.type == event.type
                  and codes(d.source) == codes(event.source) and codes(d.target) & codes(event.target)]
        if donors:
            donor = donors[-1]  # the latest telling before; a dated one after is an earlier, other act
            event.date, event.date_text, event.granularity = donor.date, donor.date_text, donor.granularity


def _date_follow_ups(events: list[Event], actors: ActorTable, sentence_starts: list[int], narrated: set[str],
                     timeline: DateTimeline | None, coordinated: dict[str, set[str]]) -> None:
    """An undated event that continues a dated one takes its date: an event of a clause coordinated with its own
    (`coordinated`: "X spoke with Y on Sunday, and the two agreed ...", "condemned X on Sunday and labelled Y ...")
    or of the sentence before about the same actors ("X struck Y on Monday. The strikes also hit Z."), else the
    lead's, when it is between the lead's parties only. An undated act of others told in the past, not the present
    perfect (`narrated`), happened at the story's time so far: the last day told before it (the `timeline`'s,
    whether or not an event carries it). Else the lead's date, when it shares a side. Failing all, an act told
    before any day ("X and Y have agreed ...") takes the first day told in the few sentences after it, where the
    story dates it.

    News dates a story's fact once, in the lead or where it first appears, and tells the rest without dates;
    "has meanwhile accused" places nothing in time.
    """
    def codes(event: Event) -> frozenset[str]:
        return frozenset((a.code if (a := actors.get(i)) and a.code else i) for i in event.source + event.target)

    dated = [e for e in events if e.date and e.granularity == "day" and e.is_claim and "historical" not in e.qualifiers]
    lead = dated[0] if dated and dated[0].start == events[0].start else None
    for event in (e for e in events if not e.date and e.is_claim):
        index = sentence_starts.index(event.start) if event.start in sentence_starts else 0
        told: ResolvedDate | None = None
        own = [d for d in dated if d.id in coordinated.get(event.id, ())]
        previous = [d for d in dated if index and d.start == sentence_starts[index - 1]]
        donor = next((d for d in own + previous if codes(d) & codes(event)), None)
        if donor is None and lead is not None and lead is not event and codes(event) <= codes(lead):
            donor = lead  # an act between the lead's own parties retells the lead's story
        if donor is None and timeline is not None:
            before = timeline.story_day_before(event.start)
            later = sentence_starts[index + 1 + LEAD_DATING_SENTENCES:]
            if before is None:
                told = timeline.story_day_after(event.end, until=later[0] if later else None)
            elif event.id in narrated:
                told = before
        if told is None and donor is None and lead is not None and lead is not event and codes(lead) & codes(event):
            donor = lead
        if told is not None:
            event.date, event.date_text, event.granularity = told.date, told.text, told.granularity
        elif donor is not None:
            event.date, event.date_text, event.granularity = donor.date, donor.date_text, donor.granularity


def _telling_verb(trigger: Token, etype: str, ctx: _Context) -> Token:
    """The verb whose tense places an event in time: the reporting verb of a quoted statement ("'We demand
    ...,' he said"), else the trigger."""
    verbal = ctx.lexicon.types[etype].quad_class.startswith("verbal")
    return (reporting_verb(trigger, ctx.speech) if verbal else None) or trigger


def _unanchored_tense(trigger: Token) -> bool:
    """"has meanwhile accused", "accuses": the present and the present perfect place an act at no told time."""
    return trigger.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
                                                  for c in trigger.children)


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# -- matching ---------------------------------------------------------------------------------------

def _best_match(tok: Token, ctx: _Context, trace: Trace | None) -> Match | None:
    kind = trigger_kind(tok)
    if kind is None:
        return None
    patterns = next((found for lemma in lemma_candidates(tok) if (found := ctx.lexicon.for_lemma(kind, lemma))), [])
    nominal = not patterns and kind == "noun"  # "Poland's closure of every crossing": the verb's patterns, as a noun's
    if nominal:
        patterns = nominal_patterns(tok, ctx.lexicon, ctx.grammar.act_nominals)
    matches = match_patterns(patterns, tok, complete_only=trace is None,
                             relative_objects=ctx.lexicon.classes.get(RELATIVE_OBJECT_CLASS, frozenset()),
                             naming_verbs=ctx.grammar.naming_verbs, nominal=nominal) \
        if patterns else []
    if not matches:
        return None
    named: dict[int, bool] = {}  # _finds_target of each match, asked by the filter and again by the choice

    def finds_target(m: Match) -> bool:
        if id(m) not in named:
            named[id(m)] = _finds_target(m, ctx)
        return named[id(m)]

    complete = [m for m in matches if m.complete and not _lacks_target(m, finds_target)]
    if trace is not None:
        trace.near_misses.extend(m for m in matches if len(m.missing) == 1 and not complete)
    if len(complete) < 2:
        return complete[0] if complete else None
    # Own patterns first: they were written for this parser; a derived one fills in where none fits.
    return max(complete, key=lambda m: (m.pattern.is_own, finds_target(m), m.pattern.rank))


def _lacks_target(m: Match, finds_target: Callable[[Match], bool]) -> bool:
    """A pattern written "T!" or "T@kind" does not apply without such a target; a shorter one may."""
    return (bool(m.pattern.target_kinds) or m.pattern.target_required) and not finds_target(m)


def _finds_target(m: Match, ctx: _Context) -> bool:
    """A pattern whose target slot names an actor, or for an own pattern a place whose state it hits, tells more
    than a longer one whose slot is empty ("carried out a strike on Tyre" is aimed at Lebanon). A derived pattern
    needs a named side: "seized Goma" is no arrest of Congo. For a type of parties only, the slot must name the
    party itself ("welcomed Xi's remarks at" names no guest)."""
    kinds = m.pattern.target_kinds
    threatened = [t for tokens, _ in _threat_slots(m.trigger, ctx) for t in tokens] \
        if m.pattern.type == "THREATEN" else []
    parties_only = ctx.lexicon.types[m.pattern.type].parties_only
    named_place = m.pattern.is_own and ctx.lexicon.types[m.pattern.type].located_target
    slot = _target_phrase(m, ctx)[0]
    return any(not kinds or a.kind in kinds
               for t in slot + threatened if not parties_only or _names_a_party(t, ctx)
               for a in _target_actors(t, None, ctx)) \
        or (named_place and (_place_in_slot(m, ctx, scene=False) is not None
                             or any(_placed_states(t, ctx) for t in slot)))  # "from villages in Lebanon"


def _sentence_candidates(sent: Span, ctx: _Context, trace: Trace | None) -> list[Candidate]:
    matches = [m for tok in lexicon_triggers(sent, ctx.lexicon, ctx.grammar.act_nominals)
               if (m := _best_match(tok, ctx, trace))]
    # A derived verb pattern that needs an own event noun ("issued an apology") yields to that noun's pattern.
    own_nouns = {m.trigger.i for m in matches if m.pattern.kind == "noun" and m.pattern.is_own}
    matches = [m for m in matches if m.pattern.is_own or not any(t.i in own_nouns for t in m.consumed)]
    read = {m.trigger.i: _each_way(_candidate(m, ctx)) for m in matches if m.pattern.kind == "verb"}
    # a noun in the phrase of a same-type verb, or one the verb needed, adds only the mode, unless the verb found no
    # side to code: "Speaking after a meeting with Xi, Lula said ..." is the meeting's event, and so is "China's
    # protest to Japan was delivered on Monday"
    coded = [m for m in matches if m.pattern.kind == "verb" and any(c.status == "event" for c in read[m.trigger.i])]
    consumed = {t.i: m.pattern.type for m in coded for t in m.consumed}
    verb_types = {(m.trigger.i, m.pattern.type) for m in coded}
    out: list[Candidate] = []
    for m in matches:
        if m.pattern.kind == "noun" and (_used_by_verb(m, consumed) or _inside_same_type_verb(m, verb_types)):
            continue
        for cand in read.get(m.trigger.i) or _each_way(_candidate(m, ctx)):
            out += [cand, *_parties_of_hosted_talks(cand, ctx), *_parties_of_one_pact(cand, ctx)]
    out += _joint_cooperation(sent, out, ctx) + _relief_carried(sent, out, ctx)
    for cand in out:
        _aim_at_threatened_act(cand, out, ctx)
        _vowed_harm(cand, out)
        _aim_protest_at_its_cry(cand, out, ctx)
        _own_loss_regretted(cand, ctx)
        _released_through_go_between(cand, ctx)
    told = _told_clauses(sent, ctx)
    return out + [d for c in out if (d := _demand(c, ctx) or _ultimatum(c, ctx)) is not None] \
        + _untyped_demands(sent, out, ctx) \
        + _reported_wrongs(told, ctx) + _reported_evaluations(told, ctx) + _reported_rights(told, ctx) \
        + _reported_denials(told, ctx) + _disputed_tellings(told, ctx) + _named_judgements(sent, ctx) \
        + _refused_acts(sent, ctx) + _felt_dismay(sent, told, ctx) + _broken_norms(sent, ctx) \
        + _forces_leaving(sent, ctx) \
        + [_said_threat(t, ctx) for t in said_threats(sent, ctx.grammar, ctx.speech)]


def _joint_cooperation(sent: Span, out: list[Candidate], ctx: _Context) -> list[Candidate]:
    """"Somali and U.S. forces carried out a joint operation against al-Shabaab": what several coded sides do
    jointly is COOPERATE among them, beside the act's own type (unless the act already reads as cooperation)."""
    cooperative = {c.match.trigger.i for c in out if ctx.lexicon.types[c.etype].quad_class.endswith("_coop")}
    joint = []
    for verb, words in jointly_done(sent, ctx.grammar):
        if verb.i in cooperative:
            continue
        cand = _candidate(Match(pattern=JOINT_ACT_PATTERN, trigger=verb, consumed=words), ctx)
        if cand.status == "event" and not cand.targets and _several_parties(cand.sources):
            cand.rule = cand.rule or f"joint act: '{words[-1].text} {words[0].text}' done by several sides"
            joint.append(cand)
    return joint


def _relief_carried(sent: Span, out: list[Candidate], ctx: _Context) -> list[Candidate]:
    """"A Japanese navy ship arrived in Tonga carrying water and generators": the arrival pattern of relief
    (``RELIEF_ARRIVAL``, "landed in Colombo with medicines") read with the relief its carrier's participle names."""
    pattern = next((p for p in ctx.lexicon.for_lemma("verb", "arrive") if p.id == RELIEF_ARRIVAL), None)
    if pattern is None:
        return []
    coded = {c.match.trigger.i for c in out}
    found = []
    for verb in sent:
        if verb.i in coded or verb.pos_ != "VERB" \
                or not (goods := carried_relief(verb, ctx.grammar, ctx.lexicon.classes.get("relief", frozenset()))):
            continue
        cand = _candidate(Match(pattern=pattern, trigger=verb, consumed=goods), ctx)
        if cand.status == "event":
            cand.rule = f"relief carried: '{goods[0].head.text} {goods[0].text}' on arrival"
            found.append(cand)
    return found


def _each_way(cand: Candidate) -> list[Candidate]:
    """"Thailand and Cambodia accused each other", "Ethiopia and Somalia restored ties": one event per side, aimed at
    the other sides."""
    if RECIPROCAL_HOW not in cand.target_how and MUTUAL_HOW not in cand.target_how:
        return [cand]
    return [replace(cand, sources=[side], targets=[a for a in cand.targets if a.code != side.code])
            for side in cand.sources if side.code]


def _parties_of_hosted_talks(cand: Candidate, ctx: _Context) -> list[Candidate]:
    """"Qatar hosted indirect talks between Israel and Hamas", "Egypt mediated talks between ...": the host consults
    the parties, and the parties of the talks (a plain meeting noun of the lexicon with a "between" phrase) consult
    each other too, in PLOVER's third-party mode: one more event, the parties its sources. Not for a role told in
    the present perfect ("the EU has mediated talks between the two sides for a decade"): no one occasion."""
    words = (cand.match.trigger, *cand.match.consumed)
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in cand.match.trigger.children)
    if cand.etype != "CONSULT" or cand.status != "event" or perfect \
            or not any(p.dep_ == "prep" and p.lower_ == "between" for t in words for p in t.children) \
            or not any(t.pos_ == "NOUN" and any(p.type == "CONSULT" and p.mode is None
                                                for p in ctx.lexicon.for_lemma("noun", t.lemma_)) for t in words):
        return []
    hosts = {a.code for a in cand.sources}
    parties = [a for a in cand.targets if a.code and a.code not in hosts]
    if len({a.code for a in parties}) < 2:
        return []
    return [replace(cand, sources=parties, targets=[], mode="third-party", source_how=cand.target_how,
                    target_how="none", rule=f"parties of the talks '{cand.match.trigger.text}' between them")]


def _parties_of_one_pact(cand: Candidate, ctx: _Context) -> list[Candidate]:
    """"Fiji signed an accord with Tonga, Samoa and Vanuatu", "a compromise he hammered out with the leaders of A, B
    and C": the sides one pact is made "with" are parties of it too, and each agrees with every other (PLOVER's
    multilateral pairs): one more event, those parties its sources and no target. One pact only: a singular pact
    noun (``pact`` class); "signed agreements with the UAE and Bahrain" may be as many bilateral deals."""
    m = cand.match
    pacts = ctx.lexicon.classes.get(PACT_CLASS, frozenset())
    if cand.status != "event" or not ctx.lexicon.types[cand.etype].symmetric \
            or not any(t.tag_ == "NN" and t.lemma_.lower() in pacts for t in m.consumed) \
            or not any(p.dep_ == "prep" and p.lower_ == "with" for t in (m.trigger, *m.consumed) for p in t.children):
        return []
    sides = {a.code for a in cand.sources}
    parties = [a for a in cand.targets if a.code and a.code not in sides]
    if len({a.code for a in parties}) < 2:
        return []
    return [replace(cand, sources=parties, targets=[], source_how=cand.target_how, target_how="none",
                    rule=f"parties of one pact: those '{m.trigger.text}' it with agree with each other")]


def _mutual_ties(m: Match, ctx: _Context) -> bool:
    """"restored diplomatic ties", "cut relations": the act's own object is a tie (``mutual_objects``) held "with" a
    side, so sides acting together and naming no other hold it with each other."""
    return "with" in m.pattern.target_preps and any(t.lemma_.lower() in ctx.grammar.mutual_objects for t in m.consumed)


def _used_by_verb(m: Match, consumed: dict[int, str]) -> bool:
    """A noun a verb pattern needed ("imposed sanctions") is part of that event, unless the noun says
    more of its own ("stop Israel's heinous attacks" is also an accusation)."""
    verb_type = consumed.get(m.trigger.i)
    return verb_type is not None and (verb_type == m.pattern.type or not m.pattern.words)


def _inside_same_type_verb(m: Match, verb_types: set[tuple[int, str]]) -> bool:
    """An event noun in the phrase of a verb of the same type adds only the mode ("attacked in an airstrike"); the
    verb's subject is the act itself, with its own target ("a missile strike on Odesa killed four people")."""
    if m.trigger.dep_ in SUBJECT_DEPS or _passive_host(m.trigger) is not None:
        return False
    head = m.trigger.head
    for _ in range(3):
        if (head.i, m.pattern.type) in verb_types:
            return True
        head = head.head
    return False


def _passive_host(noun: Token) -> Token | None:
    """The passive verb whose "in"/"by" phrase holds an event noun: "five people were killed in a Russian strike on
    Kharkiv" tells who struck (the noun's modifier) and where (its "on" phrase), the verb only whom it hurt."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in PASSIVE_SCENE_PREPS:
        return None
    verb = prep.head
    return verb if verb.pos_ == "VERB" and is_passive(verb) else None


def _passive_victims(m: Match, ctx: _Context) -> list[Actor]:
    """Whom an event noun hit, told as the subject of the passive verb of its type that holds it ("Palestinian
    journalists were killed in an Israeli airstrike")."""
    host = _passive_host(m.trigger) if m.pattern.kind == "noun" else None
    if host is None or not any(p.type == m.pattern.type for p in ctx.lexicon.for_lemma("verb", host.lemma_)):
        return []
    return [a for c in host.children if c.dep_ in PASSIVE_SUBJECT_DEPS
            for a in _target_actors(c, None, ctx)]


# -- arguments ----------------------------------------------------------------------------------------

def _scene_is_target(m: Match, ctx: _Context) -> bool:
    """An act on nobody named, or on a place or thing of a country, is aimed at the country it happens in."""
    if DIRECT_OBJECT not in m.pattern.target_preps:
        return True  # "sent aid to victims in Turkey": the object is the thing given, not the target
    return all(o.lemma_.lower() in ctx.grammar.attack_objects or _placed_in_state(o, ctx)
               for o in _hit_objects(m.trigger, ctx))


def _hit_objects(trigger: Token, ctx: _Context) -> list[Token]:
    """The trigger's direct objects, a counted one read through its "of" phrase ("dozens of schoolchildren")."""
    out: list[Token] = []
    for obj in (c for c in trigger.children if c.dep_ == "dobj"):
        counted = [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                   if g.dep_ == "pobj"] if obj.lemma_.lower() in ctx.grammar.crowd_nouns else []
        out.append(counted[0] if counted else obj)
    return out


def _placed_in_state(obj: Token, ctx: _Context) -> bool:
    """"struck an oil terminal in Saudi Arabia's Jizan province": a thing the phrase itself places in a state or
    one of its cities is that state's, whatever the thing is."""
    return bool(_placed_states(obj, ctx)) or any(_location_of(p, ctx) is not None for p in _place_objects(obj))


def _placed_states(obj: Token, ctx: _Context) -> list[Actor]:
    """The states a phrase's own place prepositions name ("a depot in Syria", "a writer in China")."""
    return [a for p in _place_objects(obj) for a in token_actors(p, ctx.actors, ctx.grammar, ctx.speech)
            if a.kind == "state"]


def _place_objects(obj: Token) -> list[Token]:
    return [g for c in obj.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS for g in c.children
            if g.dep_ == "pobj"]


def _place_actors(m: Match, ctx: _Context, *, owned: bool = False) -> list[Actor]:
    """States named as the scene of the event ("protesters in Istanbul", "attacked a train in Pakistan"), and with
    `owned` the state whose ground the scene is ("struck villages in the Barmal district of Afghanistan's Paktika
    province"): a hit place is its owner's, a crowd at "the embassy of Iran" is not Iran."""
    out: list[Actor] = []
    for tok in frame(m.trigger, depth=4):
        if tok.dep_ == "prep" and tok.lower_ in PLACE_PREPS:
            for obj in (c for c in tok.children if c.dep_ == "pobj"):
                for named in [obj, *owner_tokens(obj)] if owned else [obj]:
                    out += [a for a in token_actors(named, ctx.actors, ctx.grammar, ctx.speech)
                            if a.kind == "state" and a not in out]
    return out


def _located_state(heads: list[Token], ctx: _Context) -> tuple[Actor, Location] | None:
    """The state of a city or province named as the scene of these heads' own clause
    ("near Sibi, Balochistan", "to people in Mulanje district"), nearest preposition first."""
    for head in heads:
        for tok in frame(head, depth=6):
            if tok.dep_ != "prep" or tok.lower_ not in PLACE_PREPS:
                continue
            for obj in (c for c in tok.children if c.dep_ == "pobj"):
                location = _location_of(obj, ctx) or _named_by_of(obj, ctx)
                if location is not None:
                    return _state_actor(location, ctx), location
    return None


def _named_by_of(obj: Token, ctx: _Context) -> Location | None:
    """"villages in the eastern province of Paktika", "killed in the central town of Beledweyne": a place noun
    whose "of" phrase is the place's name (a name, not "in the wake of the Odesa strike")."""
    named = (g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj" and g.pos_ == "PROPN")
    return next((loc for g in named if (loc := _location_of(g, ctx)) is not None), None)


def _place_in_slot(m: Match, ctx: _Context, *, scene: bool = True) -> tuple[Actor, Location | None] | None:
    """A target slot that names a city or province, itself, by its "of" phrase or (with `scene`) as its scene, is
    aimed at the place's state: "pounded Kharkiv with drones", "a missile strike on Odesa", "pulled out of the
    town of Avdiivka", "a school in Sumy was hit"."""
    for tok in target_slots(m)[0]:
        for named in [tok, *(g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                             for g in c.children if g.dep_ == "pobj")]:
            location = _location_of(named, ctx)
            if location is not None:
                return _state_actor(location, ctx), location
        if scene and (found := _located_state([tok], ctx)) is not None:
            return found
        states = [a for p in tok.children if scene and p.dep_ == "prep" and p.lower_ in PLACE_PREPS
                  for o in p.children if o.dep_ == "pobj"
                  for a in token_actors(o, ctx.actors, ctx.grammar, ctx.speech) if a.kind == "state"]
        if states:  # "the Netzarim corridor in central Gaza": a state named as the scene
            return states[0], None
    return None


def _hits_unnamed_victims(m: Match, ctx: _Context) -> bool:
    """"killed six policemen", "stormed a checkpoint": a verb whose object is a victim or a thing hit, not a weapon
    or an operation, so the scene's state is what was hit."""
    objects = _hit_objects(m.trigger, ctx)
    return m.pattern.kind == "verb" and bool(objects) and all(o.lemma_.lower() in ctx.grammar.attack_objects
                                                              for o in objects)


def _scene_state(trigger: Token, ctx: _Context) -> tuple[Actor, Location] | None:
    """The state of the place the story named in the two sentences before: "Gunmen attacked a bus near Quetta.
    They killed 18 passengers." happened in Pakistan too (for acts of force only). A place in another clause of
    the act's own sentence is not its scene ("struck a depot, officials in Odesa said")."""
    sent = trigger.sent
    first = sent.start
    for _ in range(SCENE_SENTENCES):
        if first == 0:
            break
        first = ctx.doc[first - 1].sent.start
    start = ctx.doc[first].idx
    named = [loc for loc in ctx.actors.locations if start <= loc.start and loc.end <= sent.start_char]
    return (_state_actor(named[-1], ctx), named[-1]) if named else None


def _scene_told_before(trigger: Token, ctx: _Context) -> tuple[Actor, Location | None] | None:
    """"Modi arrived in Dhaka on Friday. Thousands marched against the visit.": a crowd no place of its own sentence
    names gathers where the sentence before set the story, the last place or capital it put something in or at."""
    for tok in reversed(ctx.doc[_previous_sentence_start(trigger):trigger.sent.start]):
        if tok.dep_ != "pobj" or tok.head.lower_ not in PLACE_PREPS:
            continue
        if (location := _location_of(tok, ctx)) is not None:
            return _state_actor(location, ctx), location
        if states := [a for a in token_actors(tok, ctx.actors, ctx.grammar, ctx.speech) if a.kind == "state"]:
            return states[0], None
    return None


def _location_of(obj: Token, ctx: _Context) -> Location | None:
    """A place named by a preposition's object, its modifiers ("Mulanje district") or its apposition."""
    for tok in [obj, *(c for c in obj.children if c.dep_ in ("appos", "conj"))]:
        first = min([tok, *(c for c in tok.lefts if c.dep_ in MODIFIER_DEPS)], key=lambda t: t.i)
        location = ctx.actors.location_in(first.idx, tok.idx + len(tok.text))
        if location is not None:
            return location
    return None


def _state_actor(location: Location, ctx: _Context) -> Actor:
    """The article's actor for the place's state, or a stand-in the event adds to the table if it is kept."""
    known = next((a for a in ctx.actors.actors if a.kind == "state" and a.code == location.code), None)
    return known or Actor(id=LOCATED_ID + location.code, name=location.country or location.code, kind="state",
                          code=location.code, country=location.code)


def _unnamed_crowd(m: Match, ctx: _Context) -> bool:
    """"Hundreds of people", "protesters", or no subject at all: a crowd only its place can name."""
    if m.pattern.kind != "verb":
        return True
    tokens, _ = subject_tokens(m.trigger)
    return all(lemma_forms(t) & ctx.grammar.crowd_nouns for t in tokens)


def _locate_missing_side(cand: Candidate, ctx: _Context) -> None:
    """Fallback for a side still missing: the state of the place the event happens in."""
    m, etype = cand.match, ctx.lexicon.types[cand.match.pattern.type]
    if not cand.sources and etype.located_source and _unnamed_crowd(m, ctx):
        subjects = subject_tokens(m.trigger)[0] if m.pattern.kind == "verb" else []
        found: tuple[Actor, Location | None] | None = _located_state([m.trigger, *subjects], ctx)
        how = "located"
        if found is None and subjects and all(lemma_forms(t) & ctx.grammar.crowd_nouns for t in subjects):
            found, how = _scene_told_before(m.trigger, ctx), "located in the sentence before"
        if found and found[0].code not in {a.code for a in cand.targets}:
            cand.sources, cand.location = [found[0]], found[1]
            cand.source_how = f"{how}: {found[1].text if found[1] else found[0].name}"
    elif not cand.targets and cand.sources and etype.located_target and (there := _place_meant_by_there(m, ctx)):
        state, named = there
        if state.code not in {a.code for a in cand.sources}:
            cand.targets, cand.location = [state], named
            cand.target_how += f"; 'there': {named.text if named else state.name}, named in the sentence before"
    elif (_unnamed_targets(cand) and cand.sources and etype.located_target
          and not (etype.joint and _several_parties(cand.sources))):  # "A and B clashed in X": no third side
        place: tuple[Actor, Location | None] | None = _place_in_slot(m, ctx)
        if place is None and _scene_is_target(m, ctx):
            place = _located_state([m.trigger], ctx)
            if place is None and etype.quad_class == "material_conflict" and _hits_unnamed_victims(m, ctx):
                place = _scene_state(m.trigger, ctx)
        if place and place[0].code not in {a.code for a in cand.sources}:
            cand.targets, cand.location = [place[0]], place[1]
            cand.target_how += f"; the state of the place: {place[1].text if place[1] else place[0].name}"
    if _unnamed_targets(cand) and cand.sources and cand.etype in HELP_SENT_TYPES:  # "sent rescuers to help survivors"
        place = _help_scene(cand, ctx)
        if place and place[0].code not in {a.code for a in cand.sources}:
            cand.targets, cand.location = [place[0]], place[1]


def _help_scene(cand: Candidate, ctx: _Context) -> tuple[Actor, Location | None] | None:
    """Aid or forces sent to nobody named go to the one state the story set its scene in just before, when told as
    help sent (:func:`~.implicit.sent_as_help`)."""
    m = cand.match
    if m.pattern.kind != "verb" or not sent_as_help(m.trigger, m.pattern, ctx.grammar, ctx.lexicon):
        return None
    window = m.trigger.sent.start
    for _ in range(SCENE_SENTENCES):
        window = _previous_sentence_start(ctx.doc[window])
    doers = {a.code for c in _acts_told_before(ctx) if c.match.trigger.i >= window for a in c.sources}
    found = scene_state_before(m.trigger, ctx.actors, {a.code for a in cand.sources}, SCENE_SENTENCES, doers=doers)
    if found is None:
        return None
    actor, location = found
    if actor is None and location is not None:
        actor = _state_actor(location, ctx)
    if actor is None:
        return None
    cand.target_how += f"; the scene the story set before: {location.text if location else actor.name}"
    return actor, location


def _forces_sent_in_help(cand: Candidate, ctx: _Context) -> None:
    """"sent border guards to help Finland secure its frontier", "flew troops into the province, answering a request
    from the president": forces sent in help are aid (PLOVER AID) to the side helped or asking, else to where they
    go; sent nowhere coded, they stay a deployment."""
    helped = forces_in_help(cand.match.trigger, ctx.grammar)
    if helped is None:
        return
    own = {a.code for a in cand.sources}
    named = [a for t in helped for a in _target_actors(t, cand, ctx) if a.code and a.code not in own]
    if named:
        cand.targets, cand.target_how = named, f"the side helped or asking: '{helped[0].text}'"
    if any(a.code for a in cand.targets):
        cand.etype, cand.mode = "AID", None
        cand.rule = f"forces sent in help: '{cand.match.trigger.text}' {cand.match.pattern.type}"


def _unnamed_targets(cand: Candidate) -> bool:
    """No target, or only names the knowledge base does not know and that are no person ("withdrew from the
    Netzarim corridor in central Gaza"): the place may still say whose ground it was. A person stays a victim."""
    return not any(a.code or a.kind == "person" for a in cand.targets)


def _place_meant_by_there(m: Match, ctx: _Context) -> tuple[Actor, Location | None] | None:
    """"Japan sent supplies there": the state, or the city's state, that the sentence before named last."""
    if m.pattern.kind != "verb" or not any(c.lower_ == "there" and c.dep_ == "advmod" for c in m.trigger.children):
        return None
    start, end = ctx.doc[_previous_sentence_start(m.trigger)].idx, m.trigger.sent.start_char
    named: list[tuple[int, Actor, Location | None]] = [
        (at, actor, None) for at, _, aid in ctx.actors.mentions_in(start, end)
        if (actor := ctx.actors.get(aid)) is not None and actor.kind == "state"]
    named += [(loc.start, _state_actor(loc, ctx), loc) for loc in ctx.actors.locations
              if start <= loc.start and loc.end <= end]
    latest = max(named, key=lambda n: n[0], default=None)
    return (latest[1], latest[2]) if latest else None


def _names_no_asker(tokens: list[Token], ctx: _Context) -> bool:
    """The subject a request inherited from the clause its teller reports is a pronoun (the teller speaking of
    itself: "said it was alarmed ... and called on") or names no coded side ("said 1,100 prisoners remained ... and
    urged"): the teller asks. A coded side there may be the asker told of ("said Pakistan respected ... but
    expected Kabul to ..."), and stays."""
    return all(t.pos_ == "PRON" for t in tokens) or not any(a.code for a in _actors_of(tokens, ctx, as_source=True))


def _sources(m: Match, ctx: _Context) -> tuple[list[Actor], str]:
    if m.pattern.kind == "verb":
        tokens, how = subject_tokens(m.trigger)
        if m.pattern.type == "REQUEST" and how == "inherited" and _names_no_asker(tokens, ctx) \
                and (told := reported_conjunct_speaker(m.trigger, ctx.speech)) is not None:
            tokens, how = told[1], f"{TELLER_HOW} '{told[0].text}'"
        # "issued a statement condemning ...", "adopted a resolution that urged ...": who issued the text acts
        document = tokens[0] if tokens and _issued_document(tokens[0], ctx) else None
        tokens = [t for t in tokens if not _other_event_noun(t, m.pattern.type, ctx)]
        found = _actors_of(tokens, ctx, as_source=True)
        if not found and (acts := [(t, p) for t in tokens for p in ctx.lexicon.for_lemma("noun", t.lemma_)
                                   if p.type == m.pattern.type]):
            act, pattern = acts[0]  # "the attack, blamed on X, killed ...": whoever did the act the subject names
            found, how = _noun_sources(act, ctx, pattern)[0], f"doer of '{act.text}'"
        if not found and (launched := _launchers(tokens, ctx)):  # "a drone launched from Ukraine hit ..."
            found, how = launched
        if not found and (blamed := _blamed_scene(m.trigger, m.pattern.type, ctx)):  # "..., in an attack blamed on X"
            found, how = blamed
        if not found and (claimed := claimed_doers(m.trigger, m.pattern.type, actors=ctx.actors, grammar=ctx.grammar,
                                                   lexicon=ctx.lexicon, speech=ctx.speech)):
            found, how = claimed  # "... were killed. X claimed the attack."
        if not found and ctx.lexicon.types[m.pattern.type].joint \
                and (named := passive_parties(m.trigger, actors=ctx.actors, grammar=ctx.grammar, speech=ctx.speech)):
            found, how = named, "parties named by the passive subject"
        if not found and document is not None:  # "passed a resolution censuring Iran": who passed it censures
            issuers = subject_tokens(document.head)[0]
            found = _actors_of(issuers, ctx, as_source=True)
            how = f"issuer of '{document.text}'"
        if not found and (number := _bare_count(tokens)) and len(parties := _latest_parties(set(), ctx)) == number:
            return [a for a, _ in parties], f"{how}; '{tokens[0].text}' as the parties of {parties[0][1]}"
        if counted := _counted_subjects(m, tokens, found, ctx):
            return counted[0], f"{how}; {counted[1]}"
        if found and (companions := companion_tokens(m.trigger, ctx.grammar.companion_words)):
            found += [a for a in _actors_of(companions, ctx, as_source=True) if a not in found]
            how += "; the 'along with' phrase"
        return found, how
    return _noun_sources(m.trigger, ctx, m.pattern)


def _launchers(tokens: list[Token], ctx: _Context) -> tuple[list[Actor], str] | None:
    """"A drone launched from Ukraine hit a refinery", "missiles fired by the Houthis struck a ship": a weapon that
    acts does the act of the side its participle's "from" or "by" phrase names. The parser may read the participle
    as the weapon's own verb ("drones fired from Lebanon hit a house" as "drones fired ... and hit")."""
    weapons = [t for t in tokens if t.lemma_.lower() in ctx.grammar.assault_instruments]
    participles = [(w, c) for w in weapons for c in w.children if c.dep_ == "acl"] + \
        [(w, w.head) for w in weapons if w.dep_ == "nsubj"]
    for weapon, clause in participles:
        if clause.lemma_.lower() not in ctx.grammar.launching_verbs:
            continue
        found = _actors_of((o for p in clause.children if p.dep_ in ("prep", "agent") and p.lower_ in LAUNCH_PREPS
                            for o in p.children if o.dep_ == "pobj"), ctx, as_source=True)
        if found:
            return found, f"'{clause.text}' phrase of '{weapon.text}'"
    return None


def _blamed_scene(verb: Token, etype: str, ctx: _Context) -> tuple[list[Actor], str] | None:
    """"A bomber rammed a convoy, killing five, in an attack Islamabad blamed on the Pakistani Taliban": a deed told
    as part of an act of its type that a participle or relative clause blames on a side is that side's (the "in"
    phrase may hang on the deed, on the clause it heads or on the clause it is part of)."""
    hosts = [verb, *(c for c in verb.children if c.dep_ in ("advcl", "conj"))]
    if verb.dep_ in ("advcl", "conj"):
        hosts.append(verb.head)
    for noun in (o for h in hosts for p in h.children if p.dep_ == "prep" and p.lower_ == "in"
                 for o in p.children if o.dep_ == "pobj"):
        if any(p.type == etype for p in ctx.lexicon.for_lemma("noun", noun.lemma_)) \
                and (found := _attributed_doers(noun, ctx)):
            return found[0], f"{found[1]} of '{noun.text}'"
    return None


def _bare_count(tokens: list[Token]) -> int | None:
    """"The two discussed trade", "Both agreed to ...": how many sides a subject that is only a count names."""
    if len(tokens) != 1 or tokens[0].lower_ not in SIDE_NUMBERS or tokens[0].pos_ not in ("NUM", "DET", "PRON"):
        return None
    return None if any(c.pos_ in ("NOUN", "PROPN") for c in tokens[0].children) else SIDE_NUMBERS[tokens[0].lower_]


def _counted_subjects(m: Match, tokens: list[Token], found: list[Actor],
                      ctx: _Context) -> tuple[list[Actor], str] | None:
    """"The two countries signed an agreement", "both governments rejected the plan", "the energy ministers of the
    two countries signed": a counted subject, or the counted owner of an unnamed one, is the sides it counts
    (:func:`_group_sides`; of a joint act, the sides of the latest act done together), none of them whom the act is
    aimed at, when those include whoever the phrase was read as."""
    counted = next((t for t in tokens if counted_group(t, ctx.grammar) is not None), None)
    if counted is None and not found:  # "the energy ministers of the two countries": whose they are is counted
        counted = next((o for t in tokens for o in owner_tokens(t) if counted_group(o, ctx.grammar) is not None), None)
    if counted is None:
        return None
    aimed_at = {a.code for a in _actors_of(_target_phrase(m, ctx)[0], ctx) if a.code}
    sides = _group_sides(counted, aimed_at, ctx, done_jointly=ctx.lexicon.types[m.pattern.type].joint)
    if sides is None or not {a.code for a in found} <= {a.code for a in sides[0]}:
        return None
    return sides


def _issued_document(noun: Token, ctx: _Context) -> bool:
    """A text a side issued, whose participle says what the text does: "issued a statement condemning"."""
    return noun.lemma_.lower() in ctx.grammar.document_nouns and noun.dep_ == "dobj" \
        and noun.head.lemma_.lower() in ctx.grammar.document_verbs


def _other_event_noun(tok: Token, etype: str, ctx: _Context) -> bool:
    """"Trump's tariffs targeting Canada" is no assault: a subject that names an event of another type."""
    patterns = ctx.lexicon.for_lemma("noun", tok.lemma_)
    return bool(patterns) and tok.pos_ == "NOUN" and all(p.type != etype for p in patterns)


def _attributed_doers(noun: Token, ctx: _Context) -> tuple[list[Actor], str] | None:
    """Who an act is blamed on, claimed by or attributed to, in a participle or relative clause of its phrase (the
    parser may hang "which was blamed on X" on the noun's own "on" object)."""
    heads = {noun.i, *(g.i for p in noun.children if p.dep_ == "prep" for g in p.children)}
    clauses = [t for t in noun.subtree if t.dep_ in ("acl", "relcl") and t.head.i in heads
               and t.lemma_.lower() in ctx.grammar.attribution_verbs]
    for clause in clauses:
        found = [a for p in clause.children if p.dep_ in ("prep", "agent") and p.lower_ in ATTRIBUTION_PREPS
                 for o in p.children if o.dep_ == "pobj" for a in token_actors(o, ctx.actors, ctx.grammar, ctx.speech)]
        if found:
            return found, f"'{clause.text}' phrase"
    return None


def _participle_doers(noun: Token, etype: str, ctx: _Context) -> tuple[list[Actor], str] | None:
    """"The truce, signed by Sudan's army chief and the RSF commander", "sanctions imposed by Washington": the "by"
    phrase of a past participle describing an event noun names its doers when the participle's verb does that act to
    such a noun (one of its verb patterns of the noun's type names the noun); "the withdrawal announced by Moscow"
    names only who told it. So does the subject of such a relative clause: "the tariffs Washington imposed"."""
    for clause in _acting_clauses(noun, etype, ctx):
        if clause.dep_ == "relcl":
            found = _actors_of((c for c in clause.children if c.dep_ == "nsubj"), ctx, as_source=True)
            if found:
                return found, f"subject of '{clause.text}'"
            continue
        found = [a for by in clause.children if by.dep_ == "agent" for o in by.children if o.dep_ == "pobj"
                 for a in token_actors(o, ctx.actors, ctx.grammar, ctx.speech, as_source=True)]
        if found:
            return found, f"'by' phrase of '{clause.text}'"
    return None


def _acting_clauses(noun: Token, etype: str, ctx: _Context) -> list[Token]:
    """The past participles and relative clauses on an event noun whose verb does that act to such a noun. A joint
    act's relative clause is left out: "the deal the Taliban signed" names one party of several."""
    lemma = noun.lemma_.lower()
    relative = not ctx.lexicon.types[etype].symmetric
    return [clause for clause in noun.children
            if ((clause.dep_ == "acl" and clause.tag_ == "VBN") or (relative and clause.dep_ == "relcl"))
            and any(p.type == etype and any(lemma in words for words in p.words)
                    for p in ctx.lexicon.for_lemma("verb", clause.lemma_))]


def _participle_targets(m: Match, ctx: _Context) -> tuple[list[Token], str] | None:
    """"Sanctions imposed on Russia", "the tariffs Washington imposed on Canadian steel": an event noun with no
    target of its own takes it from the phrase of its participle or relative clause that does the act."""
    preps = set(m.pattern.target_preps)
    for clause in _acting_clauses(m.trigger, m.pattern.type, ctx):
        found = [o for p in clause.children if p.dep_ == "prep" and p.lower_ in preps
                 for o in p.children if o.dep_ == "pobj"]
        if found:
            return found, f"phrase of '{clause.text}'"
    return None


def _noun_sources(noun: Token, ctx: _Context, pattern: Pattern) -> tuple[list[Actor], str]:
    """Who does what an event noun names: its possessor or "by" phrase, its modifiers, or the light verb's subject.

    A "between" phrase names all parties when the pattern lists it ("talks between A and B").
    """
    g, etype = ctx.grammar, ctx.lexicon.types[pattern.type]
    possessor_is_target = POSSESSOR in pattern.target_preps and not possessor_is_doer(noun, pattern)
    parties_via = set(pattern.target_preps)
    use_modifiers = etype.noun_modifier_source
    for c in noun.children:
        if c.dep_ == "poss" and not possessor_is_target and (owners := token_actors(c, ctx.actors, g, ctx.speech)):
            return owners, "possessor"  # "his meeting with X" with "his" unresolved: read on
        if c.dep_ == "poss" and not possessor_is_target and pattern.is_nominal and c.pos_ != "PRON":
            return [], "possessor naming no side"  # "the court's ruling against X" is no deed of who welcomed it
        # "the withdrawal of its troops from Afghanistan": a "from" phrase the pattern reads as the target (the
        # place left) is not also the source; an "of" phrase naming forces is their owner's act
        if c.dep_ in ("prep", "agent") and c.lower_ in g.noun_source_preps and c.lower_ not in parties_via:
            found = [a for p in c.children if p.dep_ == "pobj" for a in token_actors(p, ctx.actors, g, ctx.speech)]
            if found:
                return found, f"'{c.lower_}' phrase"
        if c.dep_ == "prep" and c.lower_ == "of" and "of" not in parties_via and (forces := _forces_of(c, ctx)):
            return forces, "owner of the forces in its 'of' phrase"
        if c.dep_ == "prep" and c.lower_ in g.party_preps and c.lower_ in parties_via:
            found = [a for p in c.children if p.dep_ == "pobj" for a in token_actors(p, ctx.actors, g, ctx.speech)]
            if found:
                return found, "parties"
    if agents := _actors_of(misplaced_agents(noun), ctx, as_source=True):
        return agents, "'by' phrase on its 'of' object"  # "the seizure of a tanker by Iran"
    if signed := signing_parties(noun, pattern, actors=ctx.actors, grammar=g, speech=ctx.speech, lexicon=ctx.lexicon):
        return signed[0], f"{SIGNING_HOW} '{signed[1].text}'"  # "the signing of an accord between A and B"
    if attributed := _attributed_doers(noun, ctx):  # "an attack blamed on X", "the attack on the convoy, claimed by X"
        return attributed
    if done_by := _participle_doers(noun, pattern.type, ctx):  # "the truce, signed by X and Y"
        return done_by
    mods = [a for c in noun.lefts if use_modifiers and c.dep_ in ("compound", "amod", "nmod")
            for a in token_actors(c, ctx.actors, g, ctx.speech)]
    if mods:
        return mods, "modifier"
    speaker = speaker_tokens(noun, ctx.speech)
    if speaker and etype.quad_class.startswith("verbal"):  # a statement is its speaker's act
        return _actors_of(speaker, ctx), "speaker of the quote"
    verb = noun.head
    if (undergoer := undergoer_verb(noun, g)) is not None:  # "received aid from Sweden": the giver, not the subject
        givers = [a for p in undergoer.children if p.dep_ in ("prep", "agent") and p.lower_ in g.noun_source_preps
                  for o in p.children if o.dep_ == "pobj" for a in token_actors(o, ctx.actors, g, ctx.speech)]
        return givers, f"'from' phrase of '{undergoer.text}'"
    if noun.dep_ in ("dobj", "nsubjpass") and any(lemma in g.light_verbs for lemma in lemma_candidates(verb)):
        tokens, _ = subject_tokens(verb)
        return _actors_of(tokens, ctx), f"subject of '{verb.text}'"
    if noun.dep_ == "pobj" and verb.lower_ == "of" and _issued_document(verb.head, ctx):
        tokens, _ = subject_tokens(verb.head.head)  # "signed a statement of support for X": the signers
        issuers = _actors_of(tokens, ctx)
        return issuers, f"issuer of '{verb.head.text}'"
    if noun.dep_ == "pobj" and verb.lower_ == "for" and verb.head.lemma_.lower() in g.responsibility_nouns:
        tokens, _ = subject_tokens(verb.head.head)  # "IS claimed responsibility for the bombing": the claimant
        claimants = _actors_of(tokens, ctx)
        return claimants, f"claimed by subject of '{verb.head.head.text}'"
    if (ready := readiness(noun, g)) is not None:  # "Copenhagen was open to talks with Washington"
        tokens, _ = subject_tokens(ready.head)
        return _actors_of(tokens, ctx), f"subject of '{ready.text}'"
    # "In a phone call with Erdogan, Biden said ...": the clause's subject took part; also a scene nested in a
    # scene, and after a copula ("Wang Yi is on a three-day visit to Pakistan")
    host = scene_host(noun, g.scene_preps)
    if host is None and noun.dep_ == "pobj" and verb.lower_ in g.copular_scene_preps and verb.head.lemma_ == "be" \
            and verb.head.pos_ in ("VERB", "AUX"):
        host = verb.head
    if host is not None:
        tokens, _ = subject_tokens(host)
        nested = "" if noun.head.head.i == host.i else f" (scene inside '{noun.head.head.text}')"
        return _actors_of(tokens, ctx), \
            f"subject of '{host.text}'{nested}"
    return [], "none"


def _signing_clause(m: Match) -> Token:
    """The verb a signing's tense, modality and negation come from: the clause it is the subject of ("the signing
    ... took place", "could come next year", "was postponed"), else the signing itself (the gerund whose "of"
    object the pact noun is, as :func:`signing_parties` found it)."""
    gerund = m.trigger.head.head
    return gerund.head if gerund.dep_ in ("nsubj", "nsubjpass") and gerund.head.pos_ in ("VERB", "AUX") else gerund


def _governed_signing(verb: Token, grammar: Grammar) -> set[str]:
    """"The signing ... was postponed", "is expected next month": the verb a signing is the subject of governs it
    as it would a "to" clause (``negating_governors``, ``future_governors``, ``hypothetical_governors``)."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX"):  # the signing is no verb's subject
        return set()
    if calls_off(verb, grammar):
        return {"negated"}
    return {"future"} if lemma in grammar.future_governors else \
        {"hypothetical"} if lemma in hypothetical_governors(grammar) else set()


def _governed_act(noun: Token, grammar: Grammar) -> set[str]:
    """"Poland's closure of the border was postponed", "the expulsion is expected next week": an act named as the
    passive subject of a verb that calls it off (``negating_governors``) or puts it ahead (``future_governors``) is no
    fact; one that "was ordered", "was announced" or "was decided" (``enacting_governors``) is."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.pos_ != "VERB" or verb.lemma_.lower() in grammar.enacting_governors:
        return set()
    return _governed_signing(verb, grammar) - {"hypothetical"}


def _forces_of(prep: Token, ctx: _Context) -> list[Actor]:
    """"of its troops", "of Russian forces": the side whose forces a preposition's object names."""
    forces = ctx.lexicon.classes.get(FORCE_CLASS, frozenset())
    return [a for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in forces
            for a in token_actors(p, ctx.actors, ctx.grammar, ctx.speech)]


def _candidate(m: Match, ctx: _Context) -> Candidate:
    """Read the arguments of a complete match, re-read its type if a rule says so, and say if it is an event."""
    cand = Candidate(match=m, mode=m.pattern.mode or _instrument_mode(m, ctx), etype=m.pattern.type)
    cand.sources, cand.source_how = _sources(m, ctx)
    etype = ctx.lexicon.types[m.pattern.type]
    contact = contact_of(m.trigger, ctx.grammar) if m.pattern.kind == "verb" and etype.quad_class == "verbal_coop" \
        else None
    # "phoned Lula to congratulate him": Macron does (a counted object may have added how it was read)
    if contact is not None and cand.source_how.startswith("object-control"):
        tokens, _ = subject_tokens(contact)
        cand.sources = _actors_of(tokens, ctx)
        cand.source_how = f"subject of '{contact.text}', whose purpose the act is"
    source_ids = {a.id for a in cand.sources}
    tokens, cand.target_how = _target_phrase(m, ctx)
    if m.pattern.mode == "visit":
        tokens = [t for t in tokens if not seat_of_international_bodies(t, ctx.grammar)]
    targets = [a for t in tokens if not etype.parties_only or _names_a_party(t, ctx)
               for a in _target_actors(t, cand, ctx)
               if not m.pattern.target_kinds or a.kind in m.pattern.target_kinds]
    cand.sources, cand.source_how = _members_of_bodies(cand.sources, cand.source_how, ctx)
    targets, cand.target_how = _members_of_bodies(targets, cand.target_how, ctx)
    cand.targets = [a for i, a in enumerate(targets) if a.id not in source_ids and a not in targets[:i]
                    and (a.code or not etype.coded_targets_only)]
    if cand.etype == "AID" and own_people_moved(m.trigger, cand.sources, actors=ctx.actors, grammar=ctx.grammar,
                                                speech=ctx.speech):
        cand.targets = []
    if cand.etype == "AGREE" and _several_parties(cand.sources):  # the parties agreed among themselves
        brokered = brokers(tokens, actors=ctx.actors, grammar=ctx.grammar, speech=ctx.speech)
        cand.targets = [a for a in cand.targets if a.id not in brokered]
    if not cand.targets and contact is not None:
        cand.targets = [a for a in contacted(contact, actors=ctx.actors, grammar=ctx.grammar, speech=ctx.speech)
                        if a.id not in source_ids]
    if not cand.targets and cand.etype == "AGREE" and cand.sources and not _several_parties(cand.sources):
        # one side agreed, with nobody named; sides that agreed together did so among themselves
        cand.targets = reporters(m.trigger, cand.sources, actors=ctx.actors, grammar=ctx.grammar, speech=ctx.speech)
        cand.target_how = "the side that reports it" if cand.targets else cand.target_how
    if cand.etype == "AID" and told_by_recipient(m.trigger, ctx.grammar):
        cand.sources, cand.targets = cand.targets, cand.sources
    objects = [c for c in m.trigger.children if c.dep_ in DIRECT_OBJECT_DEPS]
    if not cand.targets and any(is_reciprocal(t) for t in tokens + objects) and _several_parties(cand.sources):
        cand.targets, cand.target_how = list(cand.sources), f"{cand.target_how}; {RECIPROCAL_HOW}"
    if not cand.targets and not etype.symmetric and _mutual_ties(m, ctx) and _several_parties(cand.sources):
        cand.targets, cand.target_how = list(cand.sources), f"{cand.target_how}; {MUTUAL_HOW}"
    # the place names the doer of an act aimed at a side ("nationals were arrested in X"), not of one aimed at nobody
    if not cand.sources and etype.place_is_source and (not etype.requires_target or any(a.code for a in cand.targets)):
        target_ids = {a.id for a in cand.targets}
        cand.sources, cand.source_how = [a for a in _place_actors(m, ctx) if a.id not in target_ids], "place"
    if not cand.targets and etype.place_is_target and _scene_is_target(m, ctx):
        cand.targets = [a for a in _place_actors(m, ctx, owned=True) if a.id not in source_ids]
        cand.target_how += "; the state it happened in" if cand.targets else ""
    if not cand.targets and m.pattern.kind == "noun" and (undergoer := undergoer_verb(m.trigger, ctx.grammar)):
        found, cand.location = _undergoers(undergoer, ctx)
        cand.targets = [a for a in found if a.id not in source_ids and a.code not in {s.code for s in cand.sources}]
        cand.target_how = f"subject of '{undergoer.text}'" if cand.targets else cand.target_how
    if not cand.targets and cand.etype == "AID" and m.pattern.kind == "noun":
        _aid_arrived(cand, source_ids, ctx)
    if not cand.targets and m.pattern.kind == "noun" and etype.symmetric:
        cand.targets = [a for a in _occasion_partners(m, ctx) if a.id not in source_ids]
    if not cand.targets and m.pattern.type == "THREATEN":
        _threatened_party(cand, ctx)
    elif m.pattern.type == "THREATEN" and cand.target_how.startswith("'to' clause"):
        _conditioned_party(cand, ctx)
    if not cand.targets and m.pattern.type == "ACCUSE" and m.pattern.kind == "noun":
        accused = [a for t in alleged_doers(m.trigger, ctx.grammar) for a in _target_actors(t, cand, ctx)]
        cand.targets = [a for a in accused if a.id not in source_ids]
        cand.target_how += "; subject of its 'that' clause" if cand.targets else ""
    if not cand.targets and m.pattern.type == "ACCUSE" and m.pattern.kind == "verb":
        backers = [a for t in accomplices(m.trigger, ctx.grammar) for a in _target_actors(t, cand, ctx)]
        cand.targets = [a for a in backers if a.id not in source_ids]
        cand.target_how += "; the backer its 'of' clause names" if cand.targets else ""
    if not cand.targets:
        cand.targets = [a for a in _passive_victims(m, ctx) if a.id not in source_ids]
    if not cand.targets:  # "both ministers were received by Trump": the pattern's own word is the counted side
        cand.targets = [a for t in m.consumed if t.i != m.trigger.i for a in _counted_targets(t, cand, ctx)
                        if a.id not in source_ids]
    serving = purpose_served(m.trigger, cand.etype, ctx.grammar, ctx.lexicon) if m.pattern.kind == "verb" else None
    if serving is not None and not cand.sources:  # "Mexico's navy dispatched a ship to help survivors"
        cand.sources, cand.source_how = _subject_actors(serving, ctx, as_source=True), f"subject of '{serving.text}'"
    _locate_missing_side(cand, ctx)
    if not cand.targets and cand.mode in etype.domestic_modes:  # "Morales resigned": an act within his own side
        cand.targets, cand.target_how = list(cand.sources), f"{cand.target_how}; {DOMESTIC_HOW}"
    # the purpose of a contact made ("called X to express support") was served as the contact was made, and so
    # was that of a deed of its own type ("flew tents to help survivors", "marched to protest against the visit")
    served = contact if contact is not None and cand.targets else serving or m.trigger
    signing = _signing_clause(m) if cand.source_how.startswith(SIGNING_HOW) else None
    told = reported_conjunct_speaker(m.trigger, ctx.speech) \
        if m.pattern.type == "REQUEST" and m.pattern.kind == "verb" else None
    qualifiers = qualifiers_of(signing or served, ctx.grammar, coordinated_with=told[0] if told else None) \
        | _object_negation(m, ctx)
    if signing is not None:
        cand.rule = f"signing: the parties of '{m.trigger.text}' sign it together"
        qualifiers |= _governed_signing(signing, ctx.grammar)
    elif m.pattern.kind == "noun":
        qualifiers |= _governed_act(m.trigger, ctx.grammar)
    if cand.etype == "MOBILIZE" and SENT_TO & set(m.pattern.target_preps):  # forces sent somewhere, not drills
        _forces_sent_in_help(cand, ctx)
    if (joint := joint_act_type(cand.etype, m.consumed, cand.sources, ctx.grammar)) is not None:
        # the drill's own target is where it was held ("near the border"), not a partner
        cand.etype, cand.mode, cand.targets = joint, None, []
        cand.rule = f"joint act: '{m.trigger.text}' held by several sides"
    reading = reread(cand.etype, m.trigger, qualifiers, ctx.grammar) if m.pattern.kind == "verb" \
        else reread_noun(cand.etype, m.trigger, ctx.grammar)
    if reading is not None:
        kept = cand.mode if reading.etype == cand.etype else None  # a phone call's mode is no request's
        cand.etype, cand.mode, cand.rule = reading.etype, reading.mode or kept, reading.rule
        qualifiers = qualifiers - reading.drops if reading.head is m.trigger \
            else qualifiers_of(reading.head, ctx.grammar)
        if cand.etype == "THREATEN" and not any(a.code for a in cand.targets):
            _threatened_party(cand, ctx)  # "if Europe keeps its tariff, he will impose ...": Europe is threatened
        if not cand.sources and reading.head is not m.trigger:
            cand.sources, cand.source_how = _reporter_of_own_intent(reading.head, ctx)
    elif (report := _announced_harm(cand, qualifiers, ctx)) is not None \
            and (helped := help_clause(m.trigger, ctx.grammar)) is not None:
        # "said it would send 50 guards to help Finland secure its frontier": forces announced in help are promised
        # aid, as when pledged (conventions.reread), aimed at the side helped when the deployment names none
        mode = ctx.grammar.intent_contents["AID"]
        cand.rule = f"{HELP_STATED_RULE} {cand.etype} stated by '{report.text}'"
        cand.etype, cand.mode = "AGREE", None if mode == NO_MODE else mode
        qualifiers = qualifiers_of(report, ctx.grammar)
        if not any(a.code for a in cand.targets):
            helped_sides = forces_in_help(m.trigger, ctx.grammar) or []
            cand.targets = _actors_of(helped_sides, ctx) or cand.targets  # "to help Latvia (secure its frontier)"
            cand.target_how = f"helped by '{helped.text}'" if cand.targets else cand.target_how
    elif report is not None:
        lemma = m.trigger.lemma_.lower()
        cand.mode = ctx.grammar.condition_contents.get(cand.etype) or ctx.grammar.threat_contents.get(lemma)
        cand.rule = f"announced harm: {cand.etype} reported by '{report.text}'"
        cand.etype, qualifiers = "THREATEN", qualifiers_of(report, ctx.grammar)
    elif (promise := _announced_help(cand, qualifiers, ctx)) is not None:
        mode = ctx.grammar.intent_contents[cand.etype]
        cand.rule = f"{STATED_RULE} {cand.etype} stated by '{promise.text}'"
        cand.etype, cand.mode = "AGREE", None if mode == NO_MODE else mode
        qualifiers = qualifiers_of(promise, ctx.grammar)
    elif _verbal_attack(cand, ctx):
        cand.etype, cand.mode = "ACCUSE", "disapprove"
    elif _pledged_harm(cand, ctx):
        cand.etype, cand.mode = "THREATEN", _instrument_mode(m, ctx, "THREATEN")
    cand.status = _status(cand, ctx)
    # before any side is completed: "answering a request from X" takes no target to become a threat
    if cand.status in ("event", "no target actor") and cand.etype == "THREATEN" and _untold_response(cand, ctx):
        cand.status = "a response told as done is no threat"
    if cand.status == "event" and cand.etype == "THREATEN" and _warned_of_things(cand, ctx):
        cand.status = "a warning of what things will do is no threat"
    if cand.status == "event" and cand.etype == "THREATEN" and _endangered_good(cand, ctx):
        cand.status = "a good said to be in danger is no threat made"
    if cand.status == "event" and cand.etype == "MOBILIZE" and not any(a.code for a in cand.targets) \
            and m.pattern.kind == "verb" and help_clause(m.trigger, ctx.grammar) is not None:
        cand.status = "forces sent to help nobody named: no mobilization"  # "sent soldiers to help survivors dig"
    cand.qualifiers = sorted(qualifiers | _quote_qualifier(m.trigger, ctx))
    cand.confidence = _confidence(m, cand)
    return cand


def _undergoers(verb: Token, ctx: _Context) -> tuple[list[Actor], Location | None]:
    """Who undergoes an act: the verb's subject, or the state of the place it names ("Kharkiv came under ..."),
    with that place; an act as subject is its doer's ("Israel's strike on the port drew condemnation", not the
    port's state; "the announcement by Moscow" names no owner ahead of it and is read whole)."""
    subjects = subject_tokens(verb)[0]
    found = [a for t in subjects for a in _phrase_owners(t, ctx)] \
        or _actors_of(subjects, ctx)
    place = next((loc for t in subjects if (loc := _location_of(t, ctx)) is not None), None) if not found else None
    return (found, None) if found or place is None else ([_state_actor(place, ctx)], place)


def _vowed_harm(agreement: Candidate, acts: list[Candidate]) -> None:
    """"vowed to impose tariffs on Canada": a vow whose act is read as the threat is no agreement besides."""
    vow = agreement.match.trigger
    if agreement.etype == "AGREE" and agreement.status == "event" and any(
            act.etype == "THREATEN" and act.rule.startswith(INTENT_RULE) and act.match.trigger.head.i == vow.i
            for act in acts):
        agreement.status = "the vowed act is a threat"


def _aim_protest_at_its_cry(protest: Candidate, acts: list[Candidate], ctx: _Context) -> None:
    """"Protesters blocked the avenue, denouncing the government's decision": a protest that names no side is aimed
    at the side named by a participle it is told with, of a type of ``protest_cries``, that the protesters say."""
    if protest.etype != "PROTEST" or protest.targets or protest.status != "event":
        return
    protesters = {a.code for a in protest.sources if a.code}
    for act in acts:
        cry = act.match.trigger
        if act.etype in ctx.grammar.protest_cries and act.status == "event" and act.targets \
                and cry.head.i == protest.match.trigger.i and cry.tag_ == "VBG" and cry.dep_ in ("advcl", "xcomp") \
                and protesters & {a.code for a in act.sources}:
            protest.targets, protest.target_how = list(act.targets), f"what the protesters cry, '{cry.text}'"
            return


def _own_loss_regretted(cand: Candidate, ctx: _Context) -> None:
    """"China expressed regret over the deaths of Chinese engineers": regret (``regret_words``) for a loss of the
    regretting side's own is sorrow, no concession to anyone."""
    words = [cand.match.trigger, *cand.match.consumed]
    if cand.etype == "CONCEDE" and cand.status == "event" and cand.targets \
            and {a.code for a in cand.targets} <= {a.code for a in cand.sources} \
            and any(t.lemma_.lower() in ctx.grammar.regret_words for t in words):
        cand.status = "regret for its own side's loss"


def _released_through_go_between(cand: Candidate, ctx: _Context) -> None:
    """"Hamas handed over the bodies of four Israeli hostages to the Red Cross": people released to a go-between
    (grammar.yaml ``release_go_betweens``) are released to the side they belong to, as the object names it."""
    if cand.etype != "RETREAT" or cand.mode != "release" or not cand.targets \
            or any(a.code not in ctx.grammar.release_go_betweens for a in cand.targets):
        return
    released = [c for c in cand.match.trigger.children if c.dep_ == "dobj"]
    sources = {a.code for a in cand.sources}
    owners = [a for a in _actors_of(released, ctx)
              if a.code and a.code not in sources and a.code not in ctx.grammar.release_go_betweens]
    if owners:
        cand.targets = owners
        cand.target_how += f"; released through the go-between to the side of '{released[0].text}'"


def _reporter_of_own_intent(governor: Token, ctx: _Context) -> tuple[list[Actor], str]:
    """"Moscow said it was ready to strike Kyiv": an "it" or "they" no actor was found for, stating its own
    readiness in a clause the speaker reports, is the speaker's side."""
    clause = governor.head if governor.dep_ in ("acomp", "xcomp") else governor
    subjects = subject_tokens(clause)[0]
    if clause.dep_ != "ccomp" or not ctx.speech.is_reporting(clause.head) or not subjects \
            or not all(t.pos_ == "PRON" and not ctx.actors.all_at(t.idx, t.idx + len(t.text)) for t in subjects):
        return [], "none"
    speakers = _subject_actors(clause.head, ctx, as_source=True)
    return speakers, f"speaker of '{clause.head.text}', of itself"


def _aim_at_threatened_act(threat: Candidate, acts: list[Candidate], ctx: _Context) -> None:
    """"threatened to slap tariffs on goods from Mexico": a threat that names no side itself is aimed at the side
    the threatened act (its "to" clause) is aimed at, however deep that act found it; the act's type gives the mode."""
    if threat.etype != "THREATEN" or threat.targets or threat.match.pattern.kind != "verb":
        return
    source_ids = {a.id for a in threat.sources}
    for act in acts:
        trigger = act.match.trigger
        if trigger.head.i != threat.match.trigger.i or clause_dep(trigger) != "xcomp" \
                or act.etype not in ctx.grammar.condition_contents:
            continue
        targets = [a for a in act.targets if a.code and a.id not in source_ids]
        if targets:
            threat.targets, threat.target_how = targets, f"the threatened act '{trigger.text}'"
            threat.mode = threat.mode or ctx.grammar.condition_contents[act.etype]
            threat.status = _status(threat, ctx)
            return


def _threatened_party(cand: Candidate, ctx: _Context) -> None:
    """"threatened to close the strait unless the US lifts ...", "warned that Japan will face ...": the party
    the consequence or the condition names is the one threatened."""
    source_ids = {a.id for a in cand.sources}
    for subjects, how in _threat_slots(cand.match.trigger, ctx):
        found = [a for a in _actors_of(subjects, ctx) if a.id not in source_ids]
        if found:
            cand.targets, cand.target_how = found, how
            return


def _conditioned_party(cand: Candidate, ctx: _Context) -> None:
    """"threatened to block the EU's sanctions against Russia unless Brussels released the funds": the side whose
    act the condition asks for is the one threatened, not whoever the threatened act reaches."""
    condition = condition_clause(cand.match.trigger)
    if condition is None:
        return
    source_codes = {a.code for a in cand.sources}
    named = [a for a in _actors_of([c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")], ctx)
             if a.code and a.code not in source_codes]
    if named:
        cand.targets, cand.target_how = named, f"'{condition.text}' condition"


def _threat_slots(trigger: Token, ctx: _Context) -> list[tuple[list[Token], str]]:
    """Subjects of a threat's consequence clause ("that X will face ...") and of its condition ("unless X ...")."""
    clauses = [(c, f"'that' clause '{c.text}'") for c in trigger.children
               if c.dep_ == "ccomp" and hostile_consequence(c, ctx.grammar)]
    condition = next((c for h in [trigger, *_intent_predicates(trigger)]
                      if (c := condition_clause(h)) is not None), None)
    clauses += [(condition, f"'{condition.text}' condition")] if condition is not None else []
    slots = [([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")], how) for clause, how in clauses]
    # "warned it would take countermeasures against X": the one the warner's own promised act is aimed at (not
    # "warned that the government's actions would divide the country")
    promised = [c for c in trigger.children if c.dep_ == "ccomp"
                and any(a.dep_ == "aux" and a.lower_ in ctx.grammar.modal_future | ctx.grammar.modal_hypothetical
                        for a in c.children) and _same_side(c, trigger, ctx)]
    slots += [([t for t in frame(c, depth=3) if (t.dep_ == "pobj" and t.head.lower_ in THREAT_PREPS)
                or (t.dep_ == "dobj" and t.head.i == c.i)], f"'{c.text}' clause") for c in promised]
    # "threatened to close the strait in response to new U.S. sanctions": whoever did the act it answers
    answered = answered_doers([trigger, *(c for c in trigger.children if clause_dep(c) == "xcomp")])
    return slots + ([(answered, f"answers the act of '{answered[0].text}'")] if answered else [])


def _intent_predicates(trigger: Token) -> list[Token]:
    """"was ready to fight ... if X crossed": the predicate a "to" clause hangs on, and the copula of an adjective,
    which the parser may give the act's condition."""
    if clause_dep(trigger) != "xcomp" or trigger.head.i == trigger.i:
        return []
    governor = trigger.head
    return [governor, governor.head] if governor.dep_ == "acomp" else [governor]


def _same_side(clause: Token, speaker: Token, ctx: _Context) -> bool:
    """Whether a reported clause's subject is on its speaker's side ("Iran warned it would ..."); a pronoun no
    actor was found for stands for the speaker."""
    def codes(tokens: list[Token]) -> set[str | None]:
        return {a.code for a in _actors_of(tokens, ctx)}
    subjects = subject_tokens(clause)[0]
    said = codes(subjects)
    if not said:
        return bool(subjects) and all(t.pos_ == "PRON" for t in subjects)
    return bool(said & codes(subject_tokens(speaker)[0]) - {None})


# -- threats said in words (threats.py) -------------------------------------------------------------------

def _said_threat(threat: SaidThreat, ctx: _Context) -> Candidate:
    """A threat said in words as a THREATEN of the sayer's side, dated and qualified by the verb that says it.

    The threatened side is the one the words name; failing that, for a retaliation or an act that "will not go
    unanswered", whoever did the act being answered (:func:`_answered_side`)."""
    g = ctx.grammar
    said = Match(pattern=THREAT_PATTERNS[threat.kind], trigger=threat.speech,
                 consumed=[w for w in threat.words if w is not threat.speech])
    cand = Candidate(match=said, etype="THREATEN", mode=threat.mode, source_how=threat.speaker_how,
                     rule=f"{threat.kind} said: '{' '.join(t.text for t in threat.words)}'")
    sayers = _actors_of(threat.speaker, ctx, as_source=True)
    side = {a.code for a in sayers if a.code}
    if threat.doers:  # "China said it would respond": the responder, on the sayer's side
        doers = _actors_of(threat.doers, ctx, as_source=True)
        sayers = [a for a in doers if a.code in side] if doers else sayers  # an unresolved "it": the sayer's own
    cand.sources = sayers
    named = threat.threatened + ([threat.act] if threat.act is not None else [])
    targets = [a for t in named for a in (ctx.actors.all_at(t.idx, t.idx + len(t.text)) if threat.named_only
                                          else token_actors(t, ctx.actors, g, ctx.speech)) if a.code not in side]
    cand.target_how = threat.threatened_how if threat.threatened else f"the act '{threat.act}'"
    if not targets and threat.answers:
        targets, cand.target_how = _answered_side(side, threat.act, ctx)
    if not targets and threat.answers and threat.act is None:
        targets, cand.target_how = _accused_side(side, ctx)
    cand.targets = targets
    cand.status = _status(cand, ctx)
    quoted = _quote_qualifier(threat.words[0], ctx)
    said_by_itself = quoted or threat.speech in threat.words  # "did not rule out force" is said, not negated
    cand.qualifiers = sorted((set() if said_by_itself else qualifiers_of(threat.speech, g)) | quoted)
    cand.confidence = _confidence(cand.match, cand)
    return cand


def _answered_side(side: set[str], act: Token | None, ctx: _Context) -> tuple[list[Actor], str]:
    """Whoever did the act a threat answers: the one side that did a material conflict act (an attack, a sanction,
    not words) against `side` told before (among the acts the threat's words name, when they name one). Two such
    sides, and the target stays unknown."""
    acts = [(c, c.event) for c in ctx.told[-REPLY_LOOKBACK_EVENTS:] if c.event is not None and c.event.is_claim
            and ctx.lexicon.types[c.etype].quad_class == ANSWERED_QUAD_CLASS and {a.code for a in c.targets} & side]
    named = [(c, e) for c, e in acts
             if act is not None and any(_names_act(act, c, ctx, by=way) for way in ("lemma", "type", "retold"))]
    doing = [(c, e, [a for a in c.sources if a.code and a.code not in side]) for c, e in named or acts]
    doers = {frozenset(a.code for a in others) for _, _, others in doing if others}
    if len(doers) != 1:
        return [], "none" if not doers else f"none ({len(doers)} sides acted against it before)"
    _, event, others = next(d for d in reversed(doing) if d[2])
    return others, f"the one side that acted against it before: {event.id} '{event.trigger}'"


def _accused_side(side: set[str], ctx: _Context) -> tuple[list[Actor], str]:
    """"Baku accused Armenia of rearming. It warned it would respond decisively to any provocation": with no deed
    against it told, a side's response to acts yet to come is aimed at the one side it accused before (two such
    sides, and at nobody)."""
    accusations = [(c, c.event) for c in ctx.told[-REPLY_LOOKBACK_EVENTS:] if c.event is not None
                   and c.event.is_claim and c.etype == "ACCUSE" and {a.code for a in c.sources} & side]
    accused = {a.code: a for c, _ in accusations for a in c.targets if a.code and a.code not in side}
    if len(accused) != 1:
        return [], "none" if not accused else f"none ({len(accused)} sides accused before)"
    return list(accused.values()), f"the one side it accused before: {accusations[-1][1].id}"


def _ultimatum(request: Candidate, ctx: _Context) -> Candidate | None:
    """"urged X to free the prisoners or face sanctions", "gave X a week to withdraw or face intervention", "gave X
    48 hours to stop, warning of consequences": besides the request, a threat of what X will face."""
    if request.etype != "REQUEST" or request.status != "event":
        return None
    penalty = _penalty(request.match, ctx.grammar)
    if penalty is None:
        return None
    content = [t for t in penalty.subtree if t.lemma_.lower() in ctx.grammar.threat_contents]
    cand = Candidate(match=request.match, sources=request.sources, targets=request.targets, etype="THREATEN",
                     source_how=request.source_how, target_how=request.target_how,
                     mode=ctx.grammar.threat_contents[content[0].lemma_.lower()] if content else None,
                     rule=f"ultimatum: '{penalty.text}'", qualifiers=request.qualifiers)
    cand.status = _status(cand, ctx)
    cand.confidence = request.confidence
    return cand


def _penalty(request: Match, grammar: Grammar) -> Token | None:
    """The penalty a request names: "or face ..." on the act asked for (its "to" clause, also one hung on the
    deadline: "a week to withdraw"), or a warning of consequences beside it (", warning of serious consequences")."""
    trigger = request.trigger
    infinitive = [c for c in trigger.children if clause_dep(c) == "xcomp" or (
        c.dep_ == "advcl" and is_infinitive(c))]
    infinitive += [x for c in infinitive for x in c.children if clause_dep(x) == "xcomp"]  # "to stop arming X or"
    deadline_clauses = [c for t in request.consumed for c in t.children if c.dep_ in ("relcl", "acl")]
    asked = infinitive + request.consumed + deadline_clauses
    alternative = next((v for c in asked for v in c.children if v.dep_ == "conj"
                        and v.lemma_.lower() in grammar.consequence_verbs
                        and any(k.dep_ == "cc" and k.lower_ == "or" for k in c.children)), None)
    if alternative is not None:
        return alternative
    return next((w for w in trigger.children if w.dep_ in ("advcl", "xcomp", "conj")
                 and w.lemma_.lower() in grammar.warning_verbs
                 and any(o.dep_ == "pobj" and o.lemma_.lower() in grammar.consequence_objects
                         for p in w.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)), None)


def _demand(act: Candidate, ctx: _Context) -> Candidate | None:
    """"Britain said Iran must release the sailors": besides the act, the speaker's REQUEST of whoever must act."""
    modal = demanded_of(act.match.trigger, ctx.grammar) if act.match.pattern.kind == "verb" else None
    if modal is None or not act.sources:
        return None
    return _demand_of(act.match, modal, act.sources, act.etype, ctx)


def _untyped_demands(sent: Span, cands: list[Candidate], ctx: _Context) -> list[Candidate]:
    """"Pakistan said Kabul should take action against the militants": a reported must/should whose act the lexicon
    does not know is still the speaker's REQUEST of the clause's subject (events/requests.py says which clauses)."""
    matched = {c.match.trigger.i for c in cands}
    out = []
    for clause, modal in said_demands(sent, ctx.grammar, ctx.speech):
        asked = _subject_actors(clause, ctx)
        if clause.i not in matched and asked \
                and (cand := _demand_of(Match(REPORTED_DEMAND, clause), modal, asked, "", ctx)) is not None:
            out.append(cand)
    return out


def _demand_of(match: Match, modal: Token, asked: list[Actor], act_type: str, ctx: _Context) -> Candidate | None:
    """The REQUEST of `asked` by whoever tells that they must do the act of `match` (of type `act_type`, if known)."""
    saying = reporting_head(match.trigger)
    if not ctx.speech.is_reporting(saying):
        return None
    speakers = _subject_actors(saying, ctx)
    if {a.code or a.id for a in speakers} & {a.code or a.id for a in asked}:  # "told Georgia it must drop the law":
        told = told_addressee(match.trigger)  # "it" read as the teller is the one told
        asked = _actors_of(told, ctx) or asked
    doers = subject_tokens(match.trigger)[0]
    jointly = any(c.lower_ in JOINT_WORDS for t in doers for c in t.children)
    if not speakers or jointly or {a.code or a.id for a in speakers} & {a.code or a.id for a in asked}:
        return None  # "we must", "the two countries should": a resolve the speaker shares, not a demand
    quoted = "speaker of the quote: " if match.trigger.i < saying.i else ""
    cand = Candidate(match=match, sources=speakers, targets=asked, etype="REQUEST",
                     source_how=f"{quoted}subject of '{saying.text}'",
                     target_how=f"subject of '{modal.text} {match.trigger.text}'",
                     mode=ctx.grammar.demand_contents.get(act_type),
                     rule=f"{DEMAND_RULE} '{modal.text}' {act_type or 'act'}")
    cand.status = _status(cand, ctx)
    cand.qualifiers = sorted(qualifiers_of(saying, ctx.grammar) | _quote_qualifier(saying, ctx))
    cand.confidence = _confidence(match, cand)
    return cand


def _told_clauses(sent: Span, ctx: _Context) -> list[tuple[Token, Token, list[Actor]]]:
    """Each "that" clause a side tells as a fact, with the verb telling it and the side's actors: what the
    reported-wrong, -judgement and -right rules read. A denied, doubted or foreseen clause ("denied that ...",
    "said X could violate ...") tells no fact."""
    out: list[tuple[Token, Token, list[Actor]]] = []
    doc = sent.doc
    reporting, tags = ctx.speech.reporting_flags(doc), pos_tags(doc)
    for i in range(sent.start, sent.end):
        if not (reporting[i] or tags[i] == "VERB"):  # asked of every word: most are no verb, and need no Token
            continue
        saying = doc[i]
        alleging = _alleging(saying, ctx) and saying.pos_ == "VERB"
        if not (alleging or reporting[i]):
            continue
        clauses = [c for c in saying.children if c.dep_ == "ccomp" and not NOT_FACT_QUALIFIERS & (
            qualifiers_of(c, ctx.grammar) | qualifiers_of(saying, ctx.grammar))]
        if clauses:
            speakers = _subject_actors(saying, ctx, as_source=True) or _counted_tellers(saying, ctx)
            out += [(saying, clause, speakers) for clause in clauses]
    return out


def _counted_tellers(saying: Token, ctx: _Context) -> list[Actor]:
    """"The two ministers said Israel's plan was ...": a counted subject tells for the sides it counts
    (:func:`_group_sides`)."""
    counted = next((t for t in subject_tokens(saying)[0] if counted_group(t, ctx.grammar) is not None), None)
    sides = _group_sides(counted, set(), ctx) if counted is not None else None
    return sides[0] if sides is not None else []


def _told_candidate(pattern: Pattern, saying: Token, clause: Token, sides: tuple[list[Actor], list[Actor]],
                    target_how: str, rule: str, ctx: _Context) -> Candidate | None:
    """The event a told clause makes, unless its speaker tells of its own side ("Russia said it had broken no
    law" is no accusation, "Kyiv said it had every right to respond" backs nobody)."""
    speakers, targets = sides
    if {a.code or a.id for a in speakers} & {a.code or a.id for a in targets}:
        return None
    cand = Candidate(match=Match(pattern, clause), sources=speakers, targets=targets, etype=pattern.type,
                     source_how=f"subject of '{saying.text}'", target_how=target_how, mode=pattern.mode, rule=rule)
    cand.status = _status(cand, ctx)
    cand.qualifiers = sorted(qualifiers_of(saying, ctx.grammar) | _quote_qualifier(saying, ctx))
    cand.confidence = _confidence(cand.match, cand)
    return cand


def _alleging(saying: Token, ctx: _Context) -> bool:
    """A verb whose "that" clause accuses its subject whatever it tells: "alleged that Moscow had deported
    children", "regretted that Belgium had sided with Kinshasa" (grammar.alleging_verbs, deploring_verbs)."""
    lemma = saying.lemma_.lower()
    return lemma in ctx.grammar.alleging_verbs or lemma in ctx.grammar.deploring_verbs


def _reported_wrongs(told: list[tuple[Token, Token, list[Actor]]], ctx: _Context) -> list[Candidate]:
    """"Ankara says Athens broke the agreement": a coded side telling a wrong another side did accuses it;
    so does one alleging or deploring any act of it ("Kyiv alleged that Moscow had deported children", "Rabat
    deplored that Algiers had hosted the rebels", the latter a disapproval)."""
    out: list[Candidate] = []
    for saying, clause, speakers in [(s, c, sp) for s, told_clause, sp in told
                                     for c in (told_clause, *_shared_subject_predicates(told_clause, ctx))]:
        told_as_wrong = told_wrong(clause, ctx.grammar)
        wrong = told_as_wrong or (clause if _alleging(saying, ctx) and clause.dep_ == "ccomp" else None)
        pattern = REPORTED_EVALUATION if told_as_wrong is None and saying.lemma_.lower() in \
            ctx.grammar.deploring_verbs else REPORTED_WRONG
        if wrong is None or not any(a.code for a in speakers):
            continue
        named = wrong_doers(wrong)
        doers, how = (named, f"'by' phrase of '{wrong.text}'") if named \
            else (subject_tokens(clause)[0], f"subject of '{clause.text}'")
        accused = _actors_of(doers, ctx) or [a for t in _said_of(saying, clause, ctx) for a in _phrase_owners(t, ctx)]
        # "Blinken said it undermined ...": a pronoun for an act whose doer is not named here is left to the
        # reaction rule, which aims the accusation at whoever did it
        standing = [a for t in subject_tokens(clause)[0] if (a := _act_standing(t, ctx)) is not None]
        cand = _told_candidate(pattern, saying, clause, (speakers, accused), how,
                               f"reported wrong: '{saying.text}' that ... '{wrong.text}'", ctx) \
            if accused or _retold_act(standing) else None
        out += [cand] if cand is not None else []
    return out


def _shared_subject_predicates(clause: Token, ctx: _Context) -> list[Token]:
    """"said India's decision was unacceptable and undermined Chinese sovereignty": the verbs coordinated with a told
    clause that share its subject tell facts of that subject too (not a foreseen "and would fuel an arms race")."""
    return [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
            and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
            and not NOT_FACT_QUALIFIERS & qualifiers_of(c, ctx.grammar)]


def _reported_evaluations(told: list[tuple[Token, Token, list[Actor]]], ctx: _Context) -> list[Candidate]:
    """"Caracas said the court's ruling was outrageous", "Seoul says Pyongyang's launches are a threat": a coded
    side judging another side or its act with a word that condemns is its ACCUSE (disapprove) of that side; an act
    that names nobody ("the drills were reckless") is left to the reaction rule, which aims it at whoever did it."""
    words = ctx.lexicon.classes.get(CONDEMNATION_CLASS, frozenset())
    out: list[Candidate] = []
    for saying, clause, speakers in told:
        judged = told_condemnation(clause, words, ctx.grammar)
        if judged is None or told_wrong(clause, ctx.grammar) is not None or not any(a.code for a in speakers) \
                or _refused_claim(clause, judged, ctx):
            continue
        subjects = [t for t in subject_tokens(clause)[0] if _act_or_actor(t, ctx)] or _said_of(saying, clause, ctx)
        accused = [a for t in subjects for a in _phrase_owners(t, ctx)]
        cand = _told_candidate(REPORTED_EVALUATION, saying, clause, (speakers, accused), f"subject of '{clause.text}'",
                               f"reported evaluation: '{saying.text}' that ... '{judged.text}'", ctx) \
            if subjects else None
        out += [cand] if cand is not None else []
    return out


def _broken_norms(sent: Span, ctx: _Context) -> list[Candidate]:
    """"The IAEA said Iran was not complying with its obligations", "Washington said Moscow had failed to honour
    its commitments": a coded side telling that another side did not keep a norm accuses it (mode allege); the
    negation is what is told, so unlike :func:`_told_clauses` a negated clause counts here."""
    out: list[Candidate] = []
    for saying in tokens_tagged(sent, VERB_TAGS):
        if not ctx.speech.is_reporting(saying) or NOT_FACT_QUALIFIERS & qualifiers_of(saying, ctx.grammar):
            continue
        for clause in (c for c in saying.children if c.dep_ == "ccomp"):
            if NOT_FACT_QUALIFIERS & (qualifiers_of(clause, ctx.grammar) - {"negated"}) \
                    or (norm := broken_norm(clause, ctx.grammar)) is None:
                continue
            speakers = _subject_actors(saying, ctx, as_source=True) or _counted_tellers(saying, ctx)
            accused = _subject_actors(clause, ctx)
            cand = _told_candidate(REPORTED_WRONG, saying, clause, (speakers, accused), f"subject of '{clause.text}'",
                                   f"broken norm: '{saying.text}' that ... not '{norm.text}'", ctx) \
                if accused and any(a.code for a in speakers) else None
            out += [cand] if cand is not None else []
    return out


def _said_of(saying: Token, clause: Token, ctx: _Context) -> list[Token]:
    """""This is an act of aggression," the minister said of the Israeli strike": what a pronoun judged in a told
    clause stands for, when the saying verb names it in an "of" or "about" phrase."""
    subjects = subject_tokens(clause)[0]
    if acts := [a for t in subjects if (a := _act_standing(t, ctx)) is not None]:
        return acts  # "criticised the launches, saying they breached ...": the act the pronoun stands for
    if not all(t.lower_ in ctx.grammar.act_pronouns for t in subjects):
        return []
    return [o for p in saying.children if p.dep_ == "prep" and p.lower_ in ("of", "about")
            for o in p.children if o.dep_ == "pobj" and _act_or_actor(o, ctx)]


def _act_standing(pronoun: Token, ctx: _Context) -> Token | None:
    """The act noun a pronoun the actors stage gave no side stands for ("condemned the strike, calling it brutal",
    "criticised the launches, saying they breached ...": :func:`~newsgraph.language.antecedents.act_antecedent`)."""
    if pronoun.pos_ != "PRON" or ctx.actors.actor_at(pronoun.idx, pronoun.idx + len(pronoun.text)) is not None:
        return None
    return act_antecedent(pronoun, ctx.lexicon, ctx.grammar)


def _acts_read(tokens: list[Token], ctx: _Context) -> list[Token]:
    """The tokens with each pronoun standing for an act read as that act's noun."""
    return [_act_standing(t, ctx) or t for t in tokens]


def _refused_claim(clause: Token, judged: Token, ctx: _Context) -> bool:
    """"said Israel's proposal was unacceptable": a claim judged with a word of refusal is rejected (a REJECT,
    :func:`_reported_denials`), not condemned."""
    claims = ctx.lexicon.classes.get(CLAIM_CLASS, frozenset())
    return judged.lemma_.lower() in ctx.lexicon.classes.get(REFUSAL_CLASS, frozenset()) \
        and any(t.lemma_.lower() in claims for t in subject_tokens(clause)[0])


def _named_judgements(sent: Span, ctx: _Context) -> list[Candidate]:
    """"Kyiv described Russia's strike on the hospital as an act of terrorism", "Manila called the Chinese coast
    guard's manoeuvres a brazen provocation": a coded side calling another side's act, or the side, by a word
    that condemns it (in an "act of" phrase or as a modifier too, which the lexicon's own "call T @condemnation"
    does not reach) is its ACCUSE (disapprove) of the act's owner; by a word that praises it and none that condemns
    ("described Canberra's offer as an act of friendship"), its SUPPORT."""
    condemning = ctx.lexicon.classes.get(CONDEMNATION_CLASS, frozenset())
    praising = ctx.lexicon.classes.get(PRAISE_CLASS, frozenset())
    out: list[Candidate] = []
    for verb in tokens_tagged(sent, VERB_TAGS):
        judged, pattern = named_judgement(verb, condemning, ctx.grammar), REPORTED_EVALUATION
        if judged is None:
            judged, pattern = named_judgement(verb, praising, ctx.grammar), NAMED_PRAISE
        if judged is None:
            continue
        namers = _subject_actors(verb, ctx, as_source=True)
        objects = [c for c in _acts_read(named_objects(verb), ctx) if _act_or_actor(c, ctx)
                   or _held_by_named_side(c, ctx)] or relative_named(verb, [judged])
        judged_sides = [a for o in objects for a in _phrase_owners(o, ctx)] or _misplaced_doers(verb, objects, ctx)
        # "condemned the strike, calling it brutal": a pronoun for an act named with no doer is left to the
        # reaction rule, which aims the judgement at whoever did it
        retold = _retold_act([o for o in objects if o not in named_objects(verb)])
        cand = _told_candidate(pattern, verb, verb, (namers, judged_sides), f"owner of '{objects[0].text}'",
                               f"named judgement: '{verb.text}' ... '{judged.text}'", ctx) \
            if (judged_sides or retold) and any(a.code for a in namers) else None
        out += [cand] if cand is not None else []
    return out


def _retold_act(nouns: list[Token]) -> bool:
    """Whether a pronoun stood for one of these act nouns ("the attack", "a border treaty" of the sentence before):
    the pronoun retells an act told before, whose doer the reaction rule finds."""
    return any(n.pos_ == "NOUN" for n in nouns)


def _held_by_named_side(noun: Token, ctx: _Context) -> bool:
    """"the Indian parliament's passage of the bill": a thing whose possessor is a side named by a title or a
    description (not a pronoun), which a naming verb judges as that side's."""
    return any(c.dep_ == "poss" and c.pos_ == "NOUN" and ctx.actors.actor_at(c.idx, c.idx + len(c.text)) is not None
               for c in noun.children)


def _felt_dismay(sent: Span, told: list[tuple[Token, Token, list[Actor]]], ctx: _Context) -> list[Candidate]:
    """"Ruto said he was deeply troubled by the detention of two activists by Tanzanian police", "Abuja was
    appalled by Pretoria's response": a coded side's dismay at another side's act (its owner, a doer in the "in"
    phrase's act, the subject of a clause on it) is its ACCUSE (disapprove) of that side, when told or past (a
    standing "are alarmed by" is background). A pronoun feeling in a told clause is the teller's ("he" of "Ruto
    said he was ..."); a third party's feeling, sorrow at a disaster or dismay at one's own act is none."""
    tellers = {clause.i: speakers for _, clause, speakers in told}
    out: list[Candidate] = []
    for tok in tokens_spelled(sent, ctx.grammar.dismay_feelings):  # dismay() reads a word of that list only
        if (felt := dismay(tok, ctx.grammar)) is None:
            continue
        clause, aimed = felt
        if NOT_FACT_QUALIFIERS & qualifiers_of(clause, ctx.grammar) or not (clause.i in tellers or felt_then(clause)):
            continue
        subjects = felt_by(clause)  # not subject_tokens: a passive's "by" phrase is what dismayed, not who felt it
        feelers = _actors_of(subjects, ctx, as_source=True)
        if not feelers and all(_teller_itself(s, ctx) for s in subjects):
            feelers = tellers.get(clause.i, [])
        doers = [a for o in aimed for a in _dismaying_doers(o, ctx)]
        # an act named by a definite noun and no doer ("was appalled by the strike") is left to the reaction rule
        retold = any(_act_or_actor(o, ctx) and _definite(o, ctx) for o in aimed)
        cand = _told_candidate(FELT_DISMAY, tok, clause, (feelers, doers), f"doer of '{aimed[0].text}'",
                               f"felt dismay: '{tok.text}' at '{aimed[0].text}'", ctx) \
            if (doers or retold) and any(a.code for a in feelers) else None
        out += [cand] if cand is not None else []
    return out


def _teller_itself(subject: Token, ctx: _Context) -> bool:
    """"Ruto said he was ...", "the minister said the government was ...": a pronoun or an uncoded state noun
    (grammar.state_party_nouns) as the subject of a told clause stands for the teller's side."""
    return subject.pos_ == "PRON" or (subject.lemma_.lower() in ctx.grammar.state_party_nouns
                                      and not _actors_of([subject], ctx))


def _dismaying_doers(noun: Token, ctx: _Context) -> list[Actor]:
    """Whose act a feeling is aimed at: "Israel's strikes", "the detention by Tanzanian police", "the killing of
    civilians in a drone strike by the RSF", "the way U.S. officers had treated ..."; "the floods" is nobody's,
    and a text ("the IAEA report on Iran's enrichment") dismays by what it tells, not by its author."""
    if noun.lemma_.lower() in ctx.grammar.document_nouns:
        return [a for p in noun.children if p.dep_ == "prep" and p.lower_ in ctx.grammar.dismay_preps | {"on"}
                for o in p.children if o.dep_ == "pobj" for a in _dismaying_doers(o, ctx)]
    if _act_or_actor(noun, ctx) and (owners := _phrase_owners(noun, ctx)):
        return owners
    if _act_or_actor(noun, ctx):
        return [a for o in instrument_nouns(noun) if _act_or_actor(o, ctx) for a in _phrase_owners(o, ctx)]
    return [a for c in deed_clauses(noun) for a in _subject_actors(c, ctx) if a.code]


def _misplaced_doers(verb: Token, objects: list[Token], ctx: _Context) -> list[Actor]:
    """"called the boarding of a tanker by Estonian forces an act of piracy": an active verb has no "by" phrase of
    its own, so one the parser hung on it (as a preposition or as an agent) names the doers of its object's act."""
    if not objects or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return []
    return _actors_of([o for p in verb.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
                       for o in p.children if o.dep_ == "pobj"], ctx)


def _refused_acts(sent: Span, ctx: _Context) -> list[Candidate]:
    """"Israel would not accept the deployment of Turkish troops", "Beijing will never allow Taiwan's
    independence": a side refusing to accept or allow another side's act rejects that side; the refusal is the
    fact, so its negation and modality go, unless it is made on a condition ("would not accept ... if ...")."""
    out: list[Candidate] = []
    for verb in tokens_tagged(sent, VERB_TAGS):
        if verb.lemma_.lower() not in ctx.grammar.tolerating_verbs \
                or not any(c.dep_ == "neg" for c in verb.children) or condition_clause(verb) is not None:
            continue
        refusers = _subject_actors(verb, ctx, as_source=True)
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and _act_or_actor(c, ctx)]
        owners = [a for o in objects for a in _phrase_owners(o, ctx)]
        cand = _told_candidate(REFUSED_ACT, verb, verb, (refusers, owners), f"owner of '{objects[0].text}'",
                               f"refused act: not '{verb.text}' '{objects[0].text}'", ctx) \
            if owners and any(a.code for a in refusers) else None
        if cand is not None:
            cand.qualifiers = [q for q in cand.qualifiers if q not in REFUSAL_DROPS]
            out.append(cand)
    return out


def _forces_leaving(sent: Span, ctx: _Context) -> list[Candidate]:
    """"The last French soldiers left Niger", "Russian troops quit the country": forces that leave a side's
    ground retreat from it; the side the forces belong to is the source (a minister leaving Paris is no retreat)."""
    forces = ctx.lexicon.classes.get(FORCE_CLASS, frozenset())
    out: list[Candidate] = []
    for verb in tokens_tagged(sent, VERB_TAGS):
        if verb.lemma_.lower() not in ctx.grammar.departure_verbs:
            continue
        movers = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in forces]
        places = [c for c in verb.children if c.dep_ == "dobj"]
        sides, left = _actors_of(movers, ctx, as_source=True), _actors_of(places, ctx)
        cand = _told_candidate(FORCES_LEFT, verb, verb, (sides, left), f"what '{verb.text}' left",
                               f"forces left: '{movers[0].text}' '{verb.text}'", ctx) if sides and left else None
        out += [cand] if cand is not None else []
    return out


def _reported_denials(told: list[tuple[Token, Token, list[Actor]]], ctx: _Context) -> list[Candidate]:
    """"Islamabad said India's claims were baseless", "Moscow says the allegations by London are a lie", "Hamas said
    Israel's proposal was unacceptable": a coded side calling another side's claim or proposal false or unacceptable
    rejects that side (the claim's owner, as its phrase names it)."""
    words = ctx.lexicon.classes.get(FALSEHOOD_CLASS, frozenset()) | ctx.lexicon.classes.get(REFUSAL_CLASS, frozenset())
    claims = ctx.lexicon.classes.get(CLAIM_CLASS, frozenset())
    out: list[Candidate] = []
    for saying, clause, speakers in told:
        judged = told_condemnation(clause, words, ctx.grammar)
        denied = [t for t in subject_tokens(clause)[0] if t.lemma_.lower() in claims]
        if judged is None or not denied or not any(a.code for a in speakers):
            continue
        claimants = [a for t in denied for a in _target_actors(t, None, ctx)]
        cand = _told_candidate(REPORTED_DENIAL, saying, clause, (speakers, claimants), f"owner of '{denied[0].text}'",
                               f"reported denial: '{saying.text}' that ... '{judged.text}'", ctx) \
            if claimants else None
        out += [cand] if cand is not None else []
    return out


def _disputed_tellings(told: list[tuple[Token, Token, list[Actor]]], ctx: _Context) -> list[Candidate]:
    """"Kyiv said Russian troops had shot prisoners, an allegation Moscow rejected", "..., a claim Bangkok denied":
    a claim noun set beside a told clause retells it; a side that a clause on that noun says denied it
    (grammar.denying_verbs) rejects the teller, and the telling, so named or so denied, accuses the clause's subject
    (unless another rule already reads it as a wrong)."""
    claims = ctx.lexicon.classes.get(CLAIM_CLASS, frozenset())
    out: list[Candidate] = []
    for saying, clause, speakers in told:
        if not any(a.code for a in speakers):
            continue
        for noun in _retelling_nouns(saying, clause, claims):
            denials = [v for v in noun.children if v.dep_ in ("relcl", "acl")
                       and v.lemma_.lower() in ctx.grammar.denying_verbs]
            for denial in denials:
                deniers = _subject_actors(denial, ctx, as_source=True)
                cand = _told_candidate(REPORTED_DENIAL, denial, denial, (deniers, speakers),
                                       f"teller of what '{noun.text}' retells",
                                       f"disputed telling: '{noun.text}' ... '{denial.text}'", ctx) if deniers else None
                out += [cand] if cand is not None else []
            alleged = any("negated" not in qualifiers_of(v, ctx.grammar) for v in denials) \
                or noun.lemma_.lower() in ctx.grammar.alleging_nouns
            if alleged and told_wrong(clause, ctx.grammar) is None and not _alleging(saying, ctx):
                accused = _subject_actors(clause, ctx)
                cand = _told_candidate(REPORTED_WRONG, saying, clause, (speakers, accused),
                                       f"subject of '{clause.text}'", f"disputed telling: '{saying.text}' that ..., "
                                       f"'{noun.text}'", ctx) if accused else None
                out += [cand] if cand is not None else []
    return out


def _retelling_nouns(saying: Token, clause: Token, claims: frozenset[str]) -> list[Token]:
    """The claim nouns set off by a comma after a told clause, which the parser hangs on the clause, its saying
    verb or the clause's last noun: "said X had shelled villages, a claim Y denied"."""
    doc = clause.doc
    return [t for t in (*clause.subtree, *saying.children) if t.dep_ in RETELLING_DEPS and t.i > clause.i
            and t.lemma_.lower() in claims and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ","]


def _reported_rights(told: list[tuple[Token, Token, list[Actor]]], ctx: _Context) -> list[Candidate]:
    """"London said Israel had the right to defend itself": a coded side granting another side a right backs it."""
    out: list[Candidate] = []
    for saying, clause, speakers in told:
        if clause.lemma_.lower() != "have" or not any(
                c.dep_ == "dobj" and c.lemma_.lower() in ctx.grammar.granted_nouns for c in clause.children):
            continue
        holders = [a for t in subject_tokens(clause)[0] for a in _phrase_owners(t, ctx)]
        cand = _told_candidate(REPORTED_RIGHT, saying, clause, (speakers, holders), f"subject of '{clause.text}'",
                               f"reported right: '{saying.text}' that ... '{clause.text}' a right", ctx)
        out += [cand] if cand is not None else []
    return out


def _act_or_actor(noun: Token, ctx: _Context) -> bool:
    """What a condemning word judges must be a side ("Russia is a threat"), an act the lexicon knows or retells
    ("the launches", "the ruling", "the move"), or a thing a side's name owns ("Caracas's referendum was a threat",
    "Israel's conduct was unacceptable"); "the influence was a threat" judges nobody."""
    if ctx.actors.actor_at(noun.idx, noun.idx + len(noun.text)) is not None and noun.pos_ == "PROPN":
        return True
    return is_act_noun(noun, ctx.lexicon, ctx.grammar) or any(
        c.dep_ == "poss" and c.pos_ == "PROPN" and ctx.actors.actor_at(c.idx, c.idx + len(c.text)) is not None
        for c in noun.children)


def _phrase_owners(noun: Token, ctx: _Context) -> list[Actor]:
    """The actors a noun phrase names ahead of its prepositions and clauses, or as its doers in a "by" phrase:
    "Israel's strikes", "the Indian strikes", "Russia", "the incursion by Burkinabe troops", but not the victims
    in "the strikes on Gaza"; a pronoun names no act's doer here."""
    if noun.pos_ == "PRON":
        return []
    out: list[Actor] = []
    for head in conjuncts(noun):
        parts = [head] + [c for c in head.children if c.dep_ in ("poss", "compound", "amod", "nmod")] + [
            o for p in head.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
        for part in parts:
            edge = part.right_edge if part is not head else head
            for _, _, actor_id in ctx.actors.mentions_in(part.left_edge.idx, edge.idx + len(edge.text)):
                actor = ctx.actors.get(actor_id)
                if actor is not None and actor not in out:
                    out.append(actor)
    return out


def _target_actors(tok: Token, cand: Candidate | None, ctx: _Context) -> list[Actor]:
    """The actors a target phrase names (:func:`_phrase_targets`); a hostile act done to the source's own side
    elsewhere is aimed at the state it was done in ("France condemned the detention of French citizens in Iran")."""
    found = _phrase_targets(tok, cand, ctx)
    if cand is None or not found or not {a.code for a in found} <= {a.code for a in cand.sources} \
            or not _hostile_act_noun(tok, ctx):
        return found
    sides = {a.code for a in cand.sources}
    placed = [a for t in [tok, *owner_tokens(tok, depth=1)] for a in _placed_states(t, ctx) if a.code not in sides]
    if placed:
        cand.target_how += f"; the state where '{tok.text}' was done to its own side"
    return placed or found


def _hostile_act_noun(noun: Token, ctx: _Context) -> bool:
    """"the detention", "the jailing": a noun the lexicon codes only as coercion, which the authorities of the place
    do (a killing there may be anyone's)."""
    patterns = ctx.lexicon.for_lemma("noun", noun.lemma_.lower()) if noun.pos_ == "NOUN" else []
    return bool(patterns) and all(p.type in STATE_ACT_TYPES for p in patterns)


def _phrase_targets(tok: Token, cand: Candidate | None, ctx: _Context) -> list[Actor]:
    """The actors a target phrase names; a thing that names nobody is aimed at whoever owns it, one or two
    "of"/possessive steps in ("positions of Hezbollah's forces", "the gate of Israel's embassy")."""
    if across := _across_boundary(tok, ctx):
        return across
    if counted := _counted_targets(tok, cand, ctx):
        return counted
    found = token_actors(tok, ctx.actors, ctx.grammar, ctx.speech)
    # "summoned India's envoy in Dhaka": a phrase naming only the actor's own side is whose it is that counts
    own_side = cand is not None and bool(found) and {a.code or a.id for a in found} <= {
        a.code or a.id for a in cand.sources}
    if (found and not own_side) or tok.pos_ not in ("NOUN", "PROPN"):
        return found
    for owner in owner_tokens(tok):
        owners = _counted_targets(owner, cand, ctx) or token_actors(owner, ctx.actors, ctx.grammar, ctx.speech)
        if owners:
            if cand is not None:
                cand.target_how += f"; inside '{tok.text} of/'s {owner.text}'"
            return owners
    partners = _actors_of(_partner_tokens(tok, ctx), ctx)
    if partners and cand is not None:
        cand.target_how += f"; the partner of '{tok.text}'"
    return partners or found


def _partner_tokens(noun: Token, ctx: _Context) -> list[Token]:
    """"opposed to the trade deal with Mercosur": a deal or talks naming no owner are aimed at the partner."""
    patterns = ctx.lexicon.for_lemma("noun", noun.lemma_.lower()) if noun.pos_ == "NOUN" else []
    if not patterns or not all(ctx.lexicon.types[p.type].symmetric for p in patterns):
        return []
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]


def _across_boundary(tok: Token, ctx: _Context) -> list[Actor]:
    """"its border with Afghanistan", "the frontier with Guyana": the side across the line, not its owner."""
    if tok.lemma_.lower() not in ctx.grammar.boundary_nouns:
        return []
    return [a for p in tok.children if p.dep_ == "prep" and p.lower_ == "with"
            for g in p.children if g.dep_ == "pobj" for a in token_actors(g, ctx.actors, ctx.grammar, ctx.speech)]


def _target_phrase(m: Match, ctx: _Context) -> tuple[list[Token], str]:
    """:func:`_read_target_phrase` of `m`, read once per match (ctx.target_phrases); the list is the caller's own."""
    kept = ctx.target_phrases.get(id(m))
    if kept is None:
        kept = ctx.target_phrases[id(m)] = (m, _read_target_phrase(m, ctx))
    tokens, how = kept[1]
    return list(tokens), how


def _read_target_phrase(m: Match, ctx: _Context) -> tuple[list[Token], str]:
    """The target slots' tokens and where they were found; an object that is a free relative ("condemned
    what it called Azerbaijan's provocation") stands for the thing it names; a request's own words may name its
    addressee ("demanded Russia's withdrawal", "calls for Iran to halt": events/requests.py). The parser may read
    the named thing as a second object ("struck what Islamabad called militant hideouts in Afghanistan")."""
    tokens, how = target_slots(m)
    if m.pattern.type == "REQUEST" and (asked := request_addressees(m, tokens, ctx.grammar)) is not None:
        return asked
    if tokens:
        return tokens, how
    if m.pattern.kind == "noun" and (acted := _participle_targets(m, ctx)):
        return acted
    preps = m.pattern.target_preps
    named, naming = free_relative_named(m.trigger, ctx.grammar.naming_verbs, as_object=DIRECT_OBJECT in preps,
                                        slot_preps=frozenset(preps))
    if named and naming is not None:
        return named, f"what '{naming.text}' named"
    return tokens, how


def _members_of_bodies(sides: list[Actor], how: str, ctx: _Context) -> tuple[list[Actor], str]:
    """An organisation the knowledge base does not code, told to group some states ("the Alliance of Sahel
    States, which groups Mali, Burkina Faso and Niger"), acts for its members: one side each."""
    out: list[Actor] = []
    for side in sides:
        members = listed_members(side, ctx.doc, ctx.actors, ctx.grammar)
        out += members[0] if members else [side]
        how += f"; {members[1]}" if members else ""
    return out, how


def _counted_targets(tok: Token, cand: Candidate | None, ctx: _Context) -> list[Actor]:
    """"urged both governments to talk", "warned the two Nordic countries": the sides a counted target stands for
    (:func:`_group_sides`), never whoever addresses them; the evidence says how they were found. A meeting's
    counted partner may be its sources themselves ("the first meeting between the two leaders"), a directed act's
    is not: "Riyadh and Washington urged both sides" asks the sides named before them."""
    if counted_group(tok, ctx.grammar) is None:
        return []
    outsiders = {a.code for a in cand.sources if a.code} if cand is not None else set()
    sides = _group_sides(tok, outsiders, ctx) or _group_but_addresser(tok, outsiders, cand, ctx)
    if sides is None:
        return []
    if outsiders and cand is not None and ctx.lexicon.types[cand.etype].symmetric \
            and (own := _group_sides(tok, set(), ctx)) and {a.code for a in own[0]} <= outsiders:
        return []  # the group is the sources themselves
    if cand is not None:
        cand.target_how += f"; {sides[1]}"
    return sides[0]


def _group_but_addresser(tok: Token, outsiders: set[str], cand: Candidate | None,
                         ctx: _Context) -> tuple[list[Actor], str] | None:
    """"India and China traded accusations ... China's spokesman urged both countries to show restraint": a
    directed act's counted target that counts its addresser among the sides is the other sides; none when the
    group is the addressers alone ("Riyadh and Washington urged both sides"), a pronoun ("they") or not counted
    ("armed opposing sides": those of wars the addresser took no part in)."""
    group = counted_group(tok, ctx.grammar)
    each = group is not None and group.each and any(c.lower_ == "each" for c in tok.children)  # not "warring sides"
    if cand is None or not outsiders or group is None or group.pronoun or (group.number is None and not each) \
            or ctx.lexicon.types[cand.etype].symmetric:
        return None
    own = _group_sides(tok, set(), ctx)
    codes = {a.code for a in own[0]} if own else set()
    if own is None or not codes & outsiders or codes <= outsiders or LOOSE_READING in own[1]:
        return None  # sides only named near the group may be anyone's: "the three governments" after three states
    return [a for a in own[0] if a.code not in outsiders], f"{own[1]}, but its addresser"


def _group_sides(tok: Token, outsiders: set[str], ctx: _Context, *,
                 done_jointly: bool = False) -> tuple[list[Actor], str] | None:
    """The sides a counted group stands for, none of them the `outsiders`, and how they were found: "both sides",
    "all parties" are the parties of the latest fight or joint act (:func:`_latest_parties`) before any sides
    named; "the two countries", "both leaders" are the states or people named before (events/groups.py), as a
    reader counts them, and only then, `done_jointly`, the parties of the latest act done together (the parties
    of any latest fight, told maybe far back, are too often other states); "they" only the sides named together
    (events/groups.py); nobody when no reading fits."""
    group = counted_group(tok, ctx.grammar)
    if group is None:
        return None
    if group.pronoun and (counted := counted_antecedent(tok, ctx.grammar)) is not None:
        # "urging them", "to congratulate them": the sides of the counted group the pronoun continues
        continued = _group_sides(counted, outsiders, ctx, done_jointly=done_jointly)
        return (continued[0], f"'{tok.text}' continuing {continued[1]}") if continued else None
    parties = _latest_parties(outsiders, ctx, done_jointly=done_jointly)
    by_act = ([a for a, _ in parties], f"'{tok.text}' as the parties of {parties[0][1]}") \
        if parties and group.number in (None, len(parties)) and not group.pronoun else None
    if by_act is not None and group.kind == "any" and (group.each or not group.mutual):
        return by_act
    return sides_named_before(group, outsiders, ctx.doc, ctx.actors) or (by_act if done_jointly else None)


def _latest_parties(outsiders: set[str], ctx: _Context, *, done_jointly: bool = False,
                    this_sentence: list[Candidate] | None = None) -> list[tuple[Actor, str]]:
    """The coded sides of the latest fight or joint act told with two or more of them, none of them the
    `outsiders` who address the sides, each with that event's id; with `done_jointly`, of an act told as done
    with two or more coded sides as its subjects ("Russia and Ukraine swapped prisoners") or, for a meeting, as
    its sides ("Modi met Putin"). With `this_sentence`, its own events count as the latest ("called
    for a truce in Sudan, where the army and the RSF have fought")."""
    for earlier in reversed([*ctx.told[-REPLY_LOOKBACK_EVENTS:], *(this_sentence or [])]):
        etype = ctx.lexicon.types[earlier.etype]
        if not (etype.symmetric or etype.quad_class == "material_conflict") or earlier.status != "event" \
                or (done_jointly and not (_is_claim(earlier) and _done_together(earlier, etype.parties_only))):
            continue
        sides = [a for a in earlier.sources + earlier.targets if a.code]
        parties = [a for i, a in enumerate(sides) if a.code not in {b.code for b in sides[:i]}]
        if len(parties) > 1 and not outsiders & {a.code for a in parties}:
            told = earlier.event.id if earlier.event is not None \
                else f"'{earlier.match.trigger.text}' in this sentence"
            return [(a, told) for a in parties]
    return []


def _done_together(cand: Candidate, meeting: bool) -> bool:
    """"Russia and Ukraine swapped prisoners": two or more sides as subjects; a meeting's partner is named as a
    party itself (a parties-only type), so "Modi met Putin" is done by both as well ("worked with the Red Cross"
    is not)."""
    return _several_parties(cand.sources + cand.targets if meeting else cand.sources)


def _names_a_party(tok: Token, ctx: _Context) -> bool:
    """One meets people and bodies, not their things: "hosted Brown's speech" names no partner."""
    own = ctx.actors.actor_at(tok.idx, tok.idx + len(tok.text))
    members = any(c.dep_ == "prep" and c.lower_ in ctx.grammar.member_preps for c in tok.children)
    return own is not None or members or tok.pos_ in ("PROPN", "PRON") or tok.lemma_.lower() in ctx.grammar.group_nouns


def _occasion_partners(m: Match, ctx: _Context) -> list[Actor]:
    """"In phone conversations, Sheinbaum told Trump ...": whom the clause addresses met its subject."""
    prep = m.trigger.head
    if m.trigger.dep_ != "pobj" or prep.lower_ not in ctx.grammar.scene_preps:
        return []
    objects = [c for c in prep.head.children if c.dep_ in DIRECT_OBJECT_DEPS and c.lower_ not in ("to", "for")]
    return [a for o in objects for a in token_actors(o, ctx.actors, ctx.grammar, ctx.speech)]


def _object_is_issued_text(m: Match, ctx: _Context) -> bool:
    """"Kabul and Washington released a joint declaration": the object a pattern takes for its target is a text its
    subject issued (:func:`_issued_document`), so the verb issues words and does no act to anyone, even when several
    sides issue them together (a release of people done by both)."""
    return DIRECT_OBJECT in m.pattern.target_preps and any(
        c.dep_ == "dobj" and _issued_document(c, ctx) for c in m.trigger.children)


def _status(cand: Candidate, ctx: _Context) -> str:
    etype = ctx.lexicon.types[cand.etype]
    if not cand.sources:
        return "no source actor"
    if not any(a.code for a in cand.sources + cand.targets):
        return "no coded actor (nothing ties it to a state or organisation)"
    if not cand.targets and cand.match.pattern.target_required:
        return "no target actor (this pattern needs one)"
    if not cand.targets and etype.requires_target and _object_is_issued_text(cand.match, ctx):
        return "no target actor (its object is a text issued, not a side)"
    if not cand.targets and etype.requires_target and not (etype.joint and _several_parties(cand.sources)):
        return "no target actor"
    if etype.foreign_only and len({a.code for a in cand.sources + cand.targets}) == 1:
        return "one state's own bodies (this type is kept between sides only)"
    if cand.rule and etype.requires_target and not any(a.code for a in cand.targets) \
            and not (etype.joint and _several_parties(cand.sources)):
        return "no coded target (an act re-read by a convention needs one)"
    if _commands_uncoded_body(cand, ctx):
        return "a command to a body no code names (a state ruling what it governs, no request between sides)"
    return "event"


def _commands_uncoded_body(cand: Candidate, ctx: _Context) -> bool:
    """"South Korea's Supreme Court ordered Nippon Steel to pay": a REQUEST by a verb of `command_verbs` whose
    targets are all organisations the knowledge base does not code (a firm, its stores)."""
    return cand.etype == "REQUEST" and cand.match.trigger.lemma_.lower() in ctx.grammar.command_verbs \
        and bool(cand.targets) and all(not a.code and a.kind == "organisation" for a in cand.targets)


def _verbal_attack(cand: Candidate, ctx: _Context) -> bool:
    """"The senator attacked the newspaper": people and bodies, no weapon, is criticism, not violence."""
    m = cand.match
    if m.pattern.type != "ASSAULT" or cand.mode or m.trigger.lemma_.lower() not in ctx.grammar.verbal_attack_lemmas:
        return False
    people = all(a.kind == "person" for a in cand.sources)
    return bool(cand.sources and cand.targets) and people and all(a.kind in ("person", "organisation")
                                                                     for a in cand.targets)


def _announced_harm(cand: Candidate, qualifiers: set[str], ctx: _Context) -> Token | None:
    """"Beijing would respond firmly to any provocation by Manila," Wang said: a side's announced hostile act is
    its THREATEN (PLOVER codes the statement, which happened, not the act, which may never come).

    The act is a hostile one (``condition_contents``) or a response (``response_verbs``) under "will"/"would",
    in the clause of a reporting verb whose speaker is on the acting side; the reporting verb is returned.
    """
    m = cand.match
    hostile = cand.etype in ctx.grammar.condition_contents or (m.trigger.lemma_.lower() in ctx.grammar.response_verbs
                                                               and (hostile_response(m.trigger, ctx.grammar)
                                                                    or _responds_to_a_deed(m.trigger, ctx)))
    if m.pattern.kind != "verb" or not hostile or "negated" in qualifiers or cand.rule:
        return None
    modal = any(c.dep_ == "aux" and c.lower_ in ctx.grammar.modal_future | ctx.grammar.promise_modals
                for c in m.trigger.children)
    report = m.trigger.head
    if modal and m.trigger.dep_ == "acl" and report.lemma_.lower() in ctx.grammar.threat_nouns:
        # "Beijing's warning that it would restrict exports to Japan": the warning's owner says it
        speakers = {a.code for a in _actors_of([c for c in report.children if c.dep_ == "poss"], ctx) if a.code}
        return report if speakers & {a.code for a in cand.sources} else None
    if not modal or m.trigger.dep_ != "ccomp" or not ctx.speech.is_reporting(report):
        return None
    speakers = {a.code for a in _subject_actors(report, ctx) if a.code}
    return report if speakers & {a.code for a in cand.sources} else None


def _responds_to_a_deed(verb: Token, ctx: _Context) -> bool:
    """"would respond to the deployment of U.S. missiles", "will respond to the new tariffs": a response aimed at a
    deed of material conflict (its noun is one of that class's event nouns), not at words ("the accusations")."""
    aimed = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    return bool(aimed) and all(any(ctx.lexicon.types[p.type].quad_class == ANSWERED_QUAD_CLASS
                                   for p in ctx.lexicon.for_lemma("noun", o.lemma_)) for o in aimed)


def _announced_help(cand: Candidate, qualifiers: set[str], ctx: _Context) -> Token | None:
    """"Kenya said it would send aid to Somalia", "Egypt and Turkey will restore ties", "are to resume relations":
    a side's stated future cooperative act is its AGREE (PLOVER codes the promise, which happened); an event noun's
    clause is its light verb's ("said it would resume talks with X"). The word that states it is returned."""
    trigger = cand.match.trigger
    if cand.etype not in ctx.grammar.intent_contents or qualifiers & {"negated", "conditional"}:
        return None
    if cand.match.pattern.kind == "noun":
        verb = trigger.head
        if trigger.dep_ != "dobj" or not any(lemma in ctx.grammar.light_verbs for lemma in lemma_candidates(verb)):
            return None
        trigger = trigger.head
    partners = cand.targets if ctx.lexicon.types[cand.etype].symmetric else []
    stated = stated_intent(trigger, cand.sources, actors=ctx.actors, grammar=ctx.grammar, speech=ctx.speech,
                           partners=partners)
    # "will" under a wish or a doubt ("may want to"), or an act said to be possible, states no intent
    return stated if stated is None or ctx.speech.is_reporting(stated) or "hypothetical" not in qualifiers \
        else None


def _untold_response(cand: Candidate, ctx: _Context) -> bool:
    """"Israel responded to the attack" tells an act, not a threat: a response verb threatens only when announced
    (a convention re-read it, and set the candidate's rule)."""
    return cand.match.trigger.lemma_.lower() in ctx.grammar.response_verbs and not cand.rule


def _warned_of_things(cand: Candidate, ctx: _Context) -> bool:
    """"warned Nigeria that falling oil prices would hit its budget" foretells; "warned Kosovo that Belgrade would
    not stand idly by", "warned Iran that the consequences would be severe" and "warned Israel that a far more severe
    response would follow" threaten: a warning's "that" clause threatens only when a side (a name or a pronoun), a
    response, or a consequence said to be heavy is its subject."""
    trigger = cand.match.trigger
    clauses = [c for c in trigger.children if c.dep_ == "ccomp" and clause_dep(c) == "ccomp"]
    if trigger.lemma_.lower() not in ctx.grammar.warning_verbs or not clauses:
        return False
    g = ctx.grammar
    # "a far more severe response would follow", "retaliation will come"; "the consequences would be severe" (not
    # "the war could be illegal", nor "oil prices would hit its budget")
    answers, heavy = g.retaliation_nouns | g.response_nouns, g.consequence_objects - g.threat_contents.keys()
    subjects = [(c, t) for c in clauses for t in subject_tokens(c)[0]]
    return not any(t.pos_ == "PRON" or token_actors(t, ctx.actors, g, ctx.speech) or t.lemma_.lower() in answers
                   or (c.lemma_ == "be" and t.lemma_.lower() in heavy) for c, t in subjects) \
        and not any(threatening_clause(c, g) for c in clauses)


def _endangered_good(cand: Candidate, ctx: _Context) -> bool:
    """"says its security is threatened by the FDLR", "the vote is threatened by a campaign of violence": a passive
    "threaten" whose subject is a good in danger (``endangered_goods``) tells a danger, not a threat someone made
    ("the judge had been threatened by unnamed men" is one)."""
    trigger = cand.match.trigger
    if trigger.lemma_.lower() not in ctx.grammar.threat_governors or not any(
            c.dep_ == "auxpass" for c in trigger.children):
        return False
    subjects = [c for c in trigger.children if c.dep_ == "nsubjpass"]
    return bool(subjects) and all(t.lemma_.lower() in ctx.grammar.endangered_goods for t in subjects)


def _pledged_harm(cand: Candidate, ctx: _Context) -> bool:
    """"vowed to retaliate against Israel" promises harm: a threat, not an agreement; "promised not to attack"
    promises restraint, an agreement."""
    if cand.etype != "AGREE":
        return False
    acts = [c for c in cand.match.trigger.children
            if c.dep_ == "xcomp" and not any(n.dep_ == "neg" for n in c.children)]
    return any(ctx.grammar.threat_contents.get(a.lemma_.lower()) == "violence" for a in acts)


def _aid_arrived(cand: Candidate, source_ids: set[str], ctx: _Context) -> None:
    """"A shipment of Ukrainian wheat arrived in Mogadishu": aid told by its arrival went where it arrived, from
    whoever its phrase says sent it (:func:`~.cooperation.arrival`)."""
    phrase, places = arrival(cand.match.trigger, ctx.grammar)
    if not places:
        return
    if not cand.sources:
        cand.sources = senders(phrase, actors=ctx.actors, grammar=ctx.grammar, speech=ctx.speech)
        cand.source_how = "sender named in its phrase"
    sent_by = source_ids | {a.id for a in cand.sources}
    cand.targets = [a for t in places for a in _target_actors(t, cand, ctx) if a.id not in sent_by]
    cand.target_how = f"where it arrived ('{places[0].head.text}')"


def _several_parties(actors: list[Actor]) -> bool:
    """A joint act needs two sides: two coded actors with different codes."""
    return len({a.code for a in actors if a.code}) > 1


def _object_negation(m: Match, ctx: _Context) -> set[str]:
    """"held no talks": the negation sits on the event noun the verb needs; "neither X nor Y met" on the sides."""
    nouns = [*m.consumed, *(c for c in m.trigger.children if c.dep_ == "dobj")]
    negated = any(c.dep_ in ("det", "neg") and c.lower_ in ctx.grammar.noun_negators for n in nouns for c in n.children)
    return {"negated"} if negated or (m.pattern.kind == "verb" and neither_subject(m.trigger)) else set()


REPLY_LOOKBACK_EVENTS = 200  # more than a long article has; beyond it the search would make a long text quadratic


def _resolve_reply_target(cand: Candidate, earlier: list[Event], ctx: _Context, sentence: list[Candidate]) -> None:
    """"X rejected the allegations": the unnamed accuser is whoever last acted against X in the article, the
    sentence's own acts before the reply included ("India voiced concern, and Dhaka rejected the statement");
    so do "Moscow denied involvement" (`denied_nouns`), "will not accept any blackmail" (a noun of the `imposition`
    class) and "a charge the group denied" (a claim the reply's relative clause hangs on). "Islamabad denied it": a
    pronoun naming no side answers only an act of this sentence or the one before; so do a denied clause ("Kyiv
    accused Tehran of ... Iran denied that it had sent drones") and a concession naming nothing ("Washington
    threatened Bogota with tariffs. Hours later, Bogota backed down")."""
    m = cand.match
    if cand.status != "no target actor" or m.pattern.type not in ctx.grammar.reply_types:
        return
    own_objects = [c for c in m.trigger.children if c.dep_ in DIRECT_OBJECT_DEPS]
    objects = own_objects + m.consumed
    claims = ctx.lexicon.classes.get(CLAIM_CLASS, frozenset())
    retold = any(o.lemma_.lower() in claims and
                 any(d.dep_ == "det" and d.lower_ in ("the", "these", "those", "such") for d in o.children)
                 for o in objects)
    impositions = ctx.lexicon.classes.get(IMPOSITION_CLASS, frozenset())
    retold = retold or any(o.lemma_.lower() in ctx.grammar.denied_nouns or o.lemma_.lower() in impositions
                           for o in objects) \
        or (m.trigger.dep_ == "relcl" and m.trigger.head.lemma_.lower() in claims)
    # these answer only an act of this sentence or the one before
    pronoun = any(o.pos_ == "PRON" and o.lower_ in ctx.grammar.act_pronouns for o in objects) \
        or (m.pattern.type in ctx.grammar.yielding_types and not own_objects)
    denied = _denied_telling(m, ctx)  # a told act denied answers only its telling: an accusation
    provoking = ctx.grammar.alleging_types if denied else ctx.grammar.provoking_types
    pronoun = pronoun or denied
    replier = {a.id for a in cand.sources} | {a.code for a in cand.sources if a.code}
    if not (retold or pronoun):
        _reject_text_told_before(cand, objects, replier, ctx)
        return
    since = 0 if retold else ctx.doc[_previous_sentence_start(m.trigger)].idx
    told = [(e.type, e.is_claim, [a for i in e.source if (a := ctx.actors.get(i))],
             [a for i in e.target if (a := ctx.actors.get(i))], e.id) for e in earlier[-REPLY_LOOKBACK_EVENTS:]
            if e.start >= since]
    told += [(c.etype, not NOT_FACT_QUALIFIERS & set(c.qualifiers), c.sources, c.targets, f"'{c.match.trigger.text}'")
             for c in sentence if c.status == "event" and c.match.trigger.i < m.trigger.i]
    for etype, is_claim, sources, targets, label in reversed(told):
        aimed_at = {a.id for a in targets} | {a.code for a in targets if a.code}
        if etype in provoking and is_claim and aimed_at & replier:
            cand.targets = sources
            cand.status, cand.source_how = "event", cand.source_how + f"; target from earlier {label}"
            return
    _reject_text_told_before(cand, objects, replier, ctx)


def _resolve_response_target(cand: Candidate, ctx: _Context) -> None:
    """A reply naming nobody, told after what it answers (events/responses.py): "Kurti refused", "Kigali hit back,
    accusing ...", "China responded with a warning that ...", "Petro's government accepted the offer"."""
    m = cand.match
    untargeted = cand.status == "event" and not cand.targets  # "responded by sending a warship to the Gulf"
    if cand.status not in ("no target actor", "no source actor") and not untargeted:
        return
    head = response_head(m.trigger, ctx.grammar)
    if untargeted and head in (None, m.trigger):
        return
    objects = [c for c in m.trigger.children if c.dep_ in DIRECT_OBJECT_DEPS] + m.consumed
    proposals = retold_proposals(m.trigger, objects, ctx.grammar, ctx.lexicon.classes.get(PACT_CLASS, frozenset())) \
        if m.pattern.type in ctx.grammar.answering_types else []
    if head is None and not proposals and _retold_claims(cand, objects, ctx):  # "Russia called the claims unfounded"
        replier = {a.code for a in cand.sources if a.code}
        _aim_at_response(cand, subject_before(m.trigger, replier, lambda t: _actors_of([t], ctx),
                                              ctx.speech.is_reporting, naming_replier=True), ctx)
        return
    # "Paris handed over its last base": a yield naming nobody answers only a demand or pressure aimed at the yielder
    yielding = head is None and not proposals and cand.etype in ctx.grammar.yielding_types
    if (head is None and not proposals and not yielding) \
            or (head is m.trigger and cand.etype in ctx.grammar.response_manner_types):
        return
    sources, source_how = cand.sources, cand.source_how
    if not sources and head is not None and m.pattern.kind == "noun":  # "responded with a warning"
        sources, source_how = _subject_actors(head, ctx, as_source=True), f"subject of '{head.text}'"
    replier = {a.code for a in sources if a.code}
    kind = ctx.lexicon.types[cand.etype]
    if not replier or ((kind.symmetric or kind.joint) and len(replier) > 1):  # "responded with joint drills"
        return
    cand.sources, cand.source_how = sources, source_how
    if proposals and _target_named_earlier(cand, proposals, replier, ctx) and cand.targets:
        cand.status = _status(cand, ctx)
        return
    told = [ToldAct(c.match.trigger, c.etype, c.sources, c.targets, f"{c.event.id} '{c.event.trigger}'")
            for c in ctx.told[-REPLY_LOOKBACK_EVENTS:] if c.event is not None and c.event.is_claim]
    # a yield answers pressure; a reply any hostile act; an acceptance or refusal an offer too
    answerable = ctx.grammar.provoking_types if yielding else frozenset(
        t for t, info in ctx.lexicon.types.items() if info.quad_class.endswith("conflict")
        or (cand.etype in ctx.grammar.answering_types and t in ctx.grammar.answering_types))
    _aim_at_response(cand, answered_side(head or m.trigger, replier, told, lambda t: _actors_of([t], ctx),
                                         ctx.speech.is_reporting, answerable=answerable,
                                         subject_fallback=not yielding, neutral=head is not None
                                         and head.lemma_.lower() in ctx.grammar.response_verbs), ctx)


def _retold_claims(cand: Candidate, objects: list[Token], ctx: _Context) -> bool:
    """"Russia called the claims unfounded", "Minsk called the claims a provocation", "Moscow denied any involvement":
    a rejection or reaction, the main act of its sentence, whose object retells a claim ("the claims", "these
    allegations") or is what an accused side denies (`denied_nouns`), that no coded accusation answered (the claim
    was only told: "Sandu said that Moscow had drawn up plans")."""
    trigger = cand.match.trigger
    main = trigger.dep_ == "ROOT" or (trigger.dep_ == "conj" and trigger.head.dep_ == "ROOT")
    claims = ctx.lexicon.classes.get(CLAIM_CLASS, frozenset())
    return main and cand.status == "no target actor" and bool(cand.sources) \
        and cand.etype in ctx.grammar.reply_types | ctx.grammar.reaction_types \
        and any(o.lemma_.lower() in ctx.grammar.denied_nouns or (o.lemma_.lower() in claims and any(
            d.dep_ == "det" and d.lower_ in ctx.grammar.anaphoric_determiners for d in o.children)) for o in objects)


def _aim_at_response(cand: Candidate, answered: tuple[list[Actor], str], ctx: _Context) -> None:
    """Aim a reply at the side it answers, when there is one; its status read again either way."""
    targets, how = answered
    if targets:
        cand.targets, cand.target_how = targets, how
    cand.status = _status(cand, ctx)


def _denied_telling(m: Match, ctx: _Context) -> bool:
    """"Iran denied that it had sent drones", "Minsk denied massing troops": a denying verb whose object is a told
    act (a clause) answers what was told of the denier just before."""
    return m.trigger.lemma_.lower() in ctx.grammar.denying_verbs and any(
        c.dep_ in ("ccomp", "xcomp") for c in m.consumed)


def _reject_text_told_before(cand: Candidate, objects: list[Token], replier: set[str], ctx: _Context) -> None:
    """"The Council passed a resolution ... Israel rejected the resolution", "the court ruled ... Caracas dismissed
    the ruling": a rejected text or decision, named by a definite noun whose word the article used for an act just
    before, is its issuer's (the doer of that act), not the rejecter's."""
    if cand.etype in ctx.grammar.yielding_types:
        return
    texts = [o for o in objects if o.pos_ == "NOUN" and _definite(o, ctx) and not _names_others(o, replier, ctx)]
    if texts:
        _target_named_earlier(cand, texts, replier, ctx)


def _resolve_reaction_target(cand: Candidate, ctx: _Context) -> None:
    """"Poland condemned the strikes", "Canada welcomed the agreement": a reaction to an act the article told
    before, named by a definite noun and no actor, is aimed at whoever did it (every party of a joint act).

    The act is the latest one of the reaction's polarity (conflict for a condemnation, cooperation for a welcome)
    whose words give the noun's lemma ("struck" ... "the strikes", "voted to bar" ... "the vote"); failing that,
    whose type the noun names as an event noun; failing that, the act an earlier word of the noun's lemma told
    (:func:`_target_named_earlier`); failing that, the latest deed when the noun retells an act of that polarity
    ("the incident"), is a pronoun ("it"), or retells an act of that polarity a side took ("the decision"); with
    no act told at all, "the decision" retells the deed of the sentence before (:func:`_aim_at_previous_doer`).
    Acts told with a doer and no target (ctx.targetless) count where a word or "the decision" names them; the
    reactor's own acts in its own sentence do not ("recalled its envoy and condemned the decision").
    """
    m = cand.match
    if cand.status != "no target actor" or cand.etype not in ctx.grammar.reaction_types:
        return
    reactor = {a.code or a.id for a in cand.sources}
    if _aim_at_summed_clause(cand, reactor, ctx):
        return
    judged = subject_tokens(m.trigger)[0] if m.pattern is REPORTED_EVALUATION \
        else dismay_aims(m.trigger, ctx.grammar) if m.pattern is FELT_DISMAY else _target_phrase(m, ctx)[0]
    pronouns = [(t, a) for t in (*subject_tokens(m.trigger)[0], *named_objects(m.trigger))
                if (a := _act_standing(t, ctx)) is not None] \
        if m.pattern in (REPORTED_EVALUATION, REPORTED_WRONG, NAMED_PRAISE) else []
    # "Blinken said it undermined ...", "calling it brutal": the act a pronoun stands for is what is judged
    # a judgement in reported speech, or a feeling, is the weaker sign; not a naming verb's of the act a pronoun
    # stands for ("called them reckless"), which the sentence names
    reported = m.pattern in (REPORTED_EVALUATION, FELT_DISMAY) \
        and not (pronouns and m.trigger.lemma_.lower() in ctx.grammar.naming_verbs)
    _aim_reaction(cand, [a for _, a in pronouns] or judged, reactor, ctx, reported=reported,
                  anaphoric=bool(pronouns))
    if pronouns and cand.status == "event":
        cand.target_how += "".join(f", '{t.text}' {ACT_PRONOUN_HOW} '{a.text}'" for t, a in pronouns)


def _aim_reaction(cand: Candidate, judged: list[Token], reactor: set[str], ctx: _Context, *, reported: bool,
                  anaphoric: bool = False) -> None:
    """Aim a reaction at the doers of the act `judged` names (:func:`_resolve_reaction_target`); `reported`: a
    judgement in reported speech, or a feeling, the weaker sign, answers only an act it retells word for word;
    `anaphoric`: `judged` are what pronouns stood for, which point back however they were told."""
    m = cand.match
    objects = [o for o in judged if o.pos_ == "NOUN" and (anaphoric or _definite(o, ctx))
               and not _names_others(o, reactor, ctx)]
    # "Spain praised it as a milestone": a pronoun naming no side retells the latest act, if it is that recent
    retold_since = _previous_sentence_start(m.trigger) \
        if any(o.pos_ == "PRON" and o.lower_ in ctx.grammar.act_pronouns for o in judged) else None
    if not objects and retold_since is None:
        return
    polarity = _polarity(cand.etype, ctx)
    acts = [e for e in _acts_told_before(ctx)
            if not (e.match.trigger.sent == m.trigger.sent and {a.code or a.id for a in e.sources} <= reactor)]
    # "condemned the move": a noun of any act a side took answers the deed told just before, never an older
    # one; not a noun an act was told with ("the ban" after "imposed a ban"), nor one naming a kind of act ("the
    # agreement", "the incident": the latest act of that kind, found below)
    generic = bool(objects) and all(o.lemma_.lower() in ctx.grammar.decision_nouns
                  and not any(o.lemma_.lower() in _act_words(e) for e in acts) for o in objects)
    if generic and (deed := _deed_told_before(m.trigger, reactor, ctx)) is not None:
        _aim_at_deed(cand, deed, objects, polarity, reactor, ctx)
        return
    # "condemned the deals": a pact's noun names the latest pact whatever the reaction's polarity, not the latest
    # attack; other words name acts of the reaction's polarity only; a disapproval names no act of the reactor's own
    # ("Iran fired missiles at Israel ... Israel struck Iran ... Iran condemned the attack": Israel's)
    polar = [e for e in acts if (_polarity(e.etype, ctx) == polarity or any(_names_pact(o, e, ctx) for o in objects))
             and not (polarity == DISAPPROVAL_POLARITY and e.sources
                      and {a.code or a.id for a in e.sources} <= reactor)]
    # an event noun of the act's type names a coded act, or one told with its doer only in the sentence just
    # before ("Police in Baku detained six journalists. Paris condemned the arrests"); a reaction is no act of its
    # own ("welcomed the move, and its president called it historic. Hamas praised the decision": the move)
    just_before = _previous_sentence_start(m.trigger)
    acted = [e for e in polar if not e.target_how.startswith(REACTION_HOW)]
    named = [e for e in acted if any(_names_act(o, e, ctx, by="lemma") for o in objects)] or \
        [e for e in acted if not reported and (e.event is not None or e.match.trigger.i >= just_before)
         and _happened(e) and any(_names_act(o, e, ctx, by="type") for o in objects)]
    if named:
        _aim_at_latest(cand, named, reactor, ctx)
        return
    if reported or _target_named_earlier(cand, objects, reactor, ctx):
        return
    deeds = [e for e in acts if _happened(e)
             and not (e.target_how.startswith(REACTION_HOW) or e.match.pattern in REPORTED_PATTERNS)]
    # a pronoun or a noun retells a coded act of the reaction's polarity ("Abbas welcomed the move" is the
    # recognition, not Israel's recall of its envoys told after it); "the decision" also one told with its doer only
    retold = [e for e in deeds if _polarity(e.etype, ctx) == polarity and (
        (e.event is not None and retold_since is not None and e.match.trigger.i >= retold_since)
        or (e.event is not None and any(_names_act(o, e, ctx, by="retold") for o in objects))
        or (e.etype not in ctx.grammar.judgement_types and any(_names_act(o, e, ctx, by="decision")
                                                               for o in objects)))]
    decided = bool(objects) and retold_since is None and all(
        o.lemma_.lower() in ctx.grammar.decision_nouns for o in objects)
    if retold:  # "hailed the decision": a decision is its deciders', not the partner's of a joint act
        _aim_at_latest(cand, retold, reactor, ctx, deciders_only=decided)
    elif decided and not acts:
        _aim_at_previous_doer(cand, reactor, ctx)


def _deed_told_before(trigger: Token, reactor: set[str], ctx: _Context) -> Token | None:
    """"Britain imposed sanctions on Iran. ... Belarus forced a jet to land and arrested a journalist. Biden
    condemned the move": the latest deed the sentence before the reaction tells in its main clauses (its main
    verb or one coordinated with it, not a saying, not negated), coded or not, when coded sides other than the
    reactor did it and no act was coded after it. "The move" or "the decision" answers that deed, never one
    told before it."""
    start = trigger.sent.start
    if start == 0:
        return None
    before = ctx.doc[start - 1].sent
    coded = [c.match.trigger for c in ctx.told if before.start <= c.match.trigger.i < start]
    if coded and _clause_verb(coded[-1], before) is None:
        return None  # the latest coded act is told in the sentence before, outside its main clauses
    deeds = [verb for verb in (before.root, *before.root.conjuncts)  # "recalled its envoy" is a deed, not a saying
             if verb.pos_ == "VERB" and not any(c.dep_ == "neg" for c in verb.children)
             and (not ctx.speech.is_reporting(verb) or any(c.dep_ == "dobj" for c in verb.children))
             and verb.lemma_.lower() not in ctx.grammar.naming_verbs]  # "called it historic" says, does nothing
    if len({frozenset(a.code for a in _subject_actors(verb, ctx)) for verb in deeds} - {frozenset()}) > 1:
        return None  # "Serbia recalled its envoy, and Croatia expelled a diplomat": "the move" is either side's
    for verb in reversed(deeds):
        if any(c.etype in ctx.grammar.judgement_types | ctx.grammar.reaction_types
               and _clause_verb(c.match.trigger, before) == verb for c in ctx.told + ctx.last_read):
            return None  # a judgement or reaction is no deed ("condemned the measure. Latvia criticised the decision")
        doers = _subject_actors(verb, ctx)
        codes = {a.code for a in doers}
        return verb if doers and None not in codes and not codes & reactor else None
    return None


def _act_words(act: Candidate) -> set[str]:
    return {t.lemma_.lower() for t in (act.match.trigger, *act.match.consumed)}


def _clause_verb(tok: Token, sent: Span) -> Token | None:
    """The main verb (the root or one coordinated with it) whose clause a token of `sent` is told in."""
    main = {sent.root.i, *(c.i for c in sent.root.conjuncts)}
    while tok.i not in main and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok.i in main else None


def _aim_at_deed(cand: Candidate, verb: Token, objects: list[Token], polarity: str, reactor: set[str],
                 ctx: _Context) -> None:
    """Aim a reaction at the doers of the deed `verb` tells (:func:`_deed_told_before`) when the act read there
    (coded, or read with its doer only) is of the reaction's polarity and happened, or, with none read, when
    the reaction names it as a decision ("condemned the move"); otherwise at nobody."""
    def in_clause(c: Candidate) -> bool:
        return (v := _clause_verb(c.match.trigger, verb.sent)) is not None and v.i == verb.i
    decided = bool(objects) and all(o.lemma_.lower() in ctx.grammar.decision_nouns for o in objects)
    coded = [c for c in ctx.told if in_clause(c)]
    read = coded or [c for c in ctx.last_read if in_clause(c) and c.sources]
    how = f"'{verb.text}' of the sentence before, the deed told just before"
    if read and _polarity(read[-1].etype, ctx) == polarity and _happened(read[-1]):
        if coded:
            _aim_at_latest(cand, [coded[-1]], reactor, ctx, deciders_only=decided)
            cand.target_how += f", {how}" if cand.status == "event" else ""
        else:
            _aim_at_doers(cand, [a for a in read[-1].sources if a.code], reactor, how)
    elif not read and decided:
        _aim_at_doers(cand, _subject_actors(verb, ctx), reactor, how)


def _aim_response_at_provoker(cand: Candidate, ctx: _Context) -> None:
    """"North Korea fired a missile ... In response, Tokyo froze the assets of ...": a deed of conflict told as an
    answer (:func:`~.responses.response_marker`) with no target actor answers the side that acted in the sentence
    before: the doers of the latest act told there, else the subject of its main verb, words included ("Beirut's
    minister called the war futile. Riyadh hit back, ordering the envoy to leave"). The answer's doer is the
    responder's subject when its own phrase names none ("Washington hit back with tariffs")."""
    m = cand.match
    if cand.status not in ("no target actor", "no source actor") \
            or ctx.lexicon.types[cand.etype].quad_class != ANSWERED_QUAD_CLASS:
        return
    start = m.trigger.sent.start
    marker = response_marker(m.trigger, ctx.grammar) if start > 0 else None
    if marker is not None and not cand.sources and marker.pos_ == "VERB":  # "ECOWAS responded with penalties"
        responders = _subject_actors(marker, ctx, as_source=True)
        codes = {a.code for a in responders}
        named = [a for a in cand.targets if a.code and a.code not in codes]
        if responders:
            cand.sources, cand.targets, cand.source_how = responders, named, f"subject of '{marker.text}'"
        if responders and named:  # "hit back with tariffs on Chinese goods": the phrase names its target
            cand.status = "event"
            return
    if marker is None or not cand.sources or cand.targets:
        return
    since, responder = ctx.doc[start - 1].sent.start, {a.code or a.id for a in cand.sources}
    acts = [c for c in _acts_told_before(ctx) if since <= c.match.trigger.i < start and _happened(c)]
    if acts:
        _aim_at_latest(cand, acts, responder, ctx)
    else:
        verb = ctx.doc[since].sent.root
        _aim_at_doers(cand, _subject_actors(verb, ctx), responder, f"'{verb.text}' of the sentence before")
    if cand.status == "event":
        cand.target_how += f", answered as '{marker.text}' tells"


def _aim_at_summed_clause(cand: Candidate, reactor: set[str], ctx: _Context) -> bool:
    """"Israel closed the crossing on Sunday, a step the U.N. condemned", "..., in a move hailed by Stockholm",
    "..., a decision that drew criticism from France": a reaction told in a clause on a generic act noun that sums
    up the clause before it is aimed at that clause's subject, unless the reactor is one of them."""
    trigger = cand.match.trigger
    while trigger.dep_ == "conj":  # "a decision welcomed by Kyiv but denounced by Moscow"
        trigger = trigger.head
    clause = trigger if trigger.dep_ in ("acl", "relcl") else trigger.head  # "drew criticism": the drawing clause
    noun = clause.head
    if clause.dep_ not in ("acl", "relcl") or noun.lemma_.lower() not in (
            ctx.grammar.decision_nouns | ctx.grammar.retold_nouns) or not _sums_up(noun):
        return False
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    return _aim_at_doers(cand, _subject_actors(verb, ctx), reactor, f"'{verb.text}', which '{noun.text}' sums up",
                         one_side=False)


def _sums_up(noun: Token) -> bool:
    """"..., a move condemned by X", "..., in a step hailed by X": an indefinite act noun set after a comma (the
    parser hangs it on the clause or on its last noun) or in "in", naming no owner of its own."""
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
    owned = any(c.dep_ in ("poss", "compound", "amod") and c.pos_ in ("PROPN", "PRON") for c in noun.children)
    start = noun.left_edge.i
    after_comma = start > 0 and noun.doc[start - 1].lower_ == ","
    in_move = noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.i > 0 \
        and noun.doc[noun.head.i - 1].lower_ == ","
    return indefinite and not owned and (after_comma or in_move)


def _aim_at_doers(cand: Candidate, doers: list[Actor], reactor: set[str], how: str, *, one_side: bool = True) -> bool:
    """Aim a reaction at the doers of the act it answers when they are all coded, none is the reactor and, unless
    the act may be several sides' (`one_side` False), they are one side; `how` says which act that was."""
    codes = {a.code for a in doers}
    if not doers or None in codes or codes & reactor or (one_side and len(codes) != 1):
        return False
    cand.targets, cand.status = doers, "event"
    cand.target_how = f"{REACTION_HOW} {how}"
    return True


def _aim_at_previous_doer(cand: Candidate, reactor: set[str], ctx: _Context) -> None:
    """"China imposed export controls on Monday. Japan criticised the decision": with no act told before it, a
    decision noun retells what the sentence before tells its subject did, when that is a deed (not a saying nor
    another reaction) of one side other than the reactor."""
    start = cand.match.trigger.sent.start
    if start == 0:
        return
    verb = ctx.doc[start - 1].sent.root
    reaction = any(c.match.trigger.i == verb.i and c.etype in ctx.grammar.reaction_types for c in ctx.told[-8:])
    if verb.pos_ != "VERB" or ctx.speech.is_reporting(verb) or reaction:  # "welcomed the move" is no deed
        return
    _aim_at_doers(cand, _subject_actors(verb, ctx), reactor,
                  f"'{verb.text}' of the sentence before, whose subject did it")


def _aim_at_latest(cand: Candidate, acts: list[Candidate], reactor: set[str], ctx: _Context, *,
                   deciders_only: bool = False) -> None:
    """Aim the reaction at the doers of the latest of `acts` (latest first; with `deciders_only`, its sources
    alone), unless the reactor is one of them ("he defended the deal") or the sentence of that act tells such acts
    of different doers ("Serbia recalled its envoy and Croatia expelled a diplomat": "the move" names no single
    one)."""
    def doers_of(act: Candidate) -> list[Actor]:
        return [a for a in act.sources if a.code] if deciders_only else _act_parties(act, ctx)

    earlier = acts[0]
    parties = doers_of(earlier)
    doers = {frozenset(a.code for a in doers_of(e)) for e in acts if e.match.trigger.sent == earlier.match.trigger.sent}
    targets = [a for a in parties if a.code not in reactor]
    if len(doers) > 1 or len(targets) < len(parties) or not targets:
        return
    cand.targets, cand.status = targets, "event"
    told = f"{earlier.event.id} '{earlier.event.trigger}'" if earlier.event is not None \
        else f"'{earlier.match.trigger.text}' (told with its doer only)"
    cand.target_how = f"{REACTION_HOW} {told}"


def _target_named_earlier(cand: Candidate, objects: list[Token], reactor: set[str], ctx: _Context) -> bool:
    """"Trump signed an executive order ... Brazil criticised the order", "Lawmakers voted ... the EU condemned the
    vote": a reacted-to noun whose word the two sentences before (or its own sentence, earlier) used for an act is
    aimed at that act's doer: the subject of the verb, or of the verb the noun is the object of, or the noun's own
    possessor or modifier; not a word an earlier reaction took as its object ("Berlin condemned the order"). Only the
    latest such word counts (True when there is one), and it gives a target only when its doers are one side other
    than the reactor. With no such word that near, the word told anywhere before
    (:func:`_target_told_far_before`)."""
    start = _previous_sentence_start(ctx.doc[_previous_sentence_start(cand.match.trigger)])  # two sentences back
    own = {o.i for o in objects}
    for noun in objects:
        lemmas = act_lemmas(noun, ctx.grammar)  # "closed" ... "the closure", "signed" ... "the signing"
        word = next((t for t in reversed(ctx.doc[start:noun.left_edge.i]) if t.lemma_.lower() in lemmas
                     and t.pos_ in ("VERB", "NOUN") and t.i not in own and not _reacted_to(t, ctx)), None)
        if word is None:
            continue
        _aim_at_doers(cand, _doers_of_word(word, ctx), reactor, f"'{word.text}', whose doer the article named")
        return True
    return _target_told_far_before(cand, objects, start, reactor, ctx)


FAR_TELLINGS = 8  # how many earlier tellings of a word the article-wide look-back reads (its cost stays linear)


def _target_told_far_before(cand: Candidate, objects: list[Token], start: int, reactor: set[str],
                            ctx: _Context) -> bool:
    """"Russian ships boarded and seized three Ukrainian vessels. ... (paragraphs later) Haley condemned the
    seizure": the reacted-to noun's word told before `start`, anywhere in the article, names the act when the
    tellings whose doers the article named (the latest few) name one side only, not the reactor's (its own act,
    or an act of two sides, answers nothing here); a telling that is itself the object of a reaction or reply
    ("Berlin condemned the order") tells no doer. True when it aimed the reaction."""
    places = lemma_places(ctx.doc)
    # an act noun by its own lemma or its verb's ("the seizure", "the order"), not a side ("the militants")
    for noun in (o for o in objects if is_act_noun(o, ctx.lexicon, ctx.grammar, forms=act_lemmas(o, ctx.grammar))):
        tellings = sorted({i for lemma in act_lemmas(noun, ctx.grammar) for i in itertools.islice(
            places_before(places.get(lemma, []), start), FAR_TELLINGS)}, reverse=True)[:FAR_TELLINGS]
        told = [(word, doers) for word in (ctx.doc[i] for i in tellings) if not _reacted_to(word, ctx)
                and (doers := _doers_of_word(word, ctx)) and None not in {a.code for a in doers}]
        sides = {frozenset(a.code for a in doers) for _, doers in told}
        if len(sides) == 1 and not next(iter(sides)) & reactor:
            word, doers = told[0]
            return _aim_at_doers(cand, doers, reactor, f"'{word.text}', told before with its doer")
    return False


def _reacted_to(word: Token, ctx: _Context) -> bool:
    """"condemned the order", "rejected the claims": a noun that a reaction or reply read before takes as its object
    (ctx.answers), whose subject reacted to the act and did not do it."""
    verb = word.head.head if word.dep_ == "pobj" else word.head
    return word.pos_ == "NOUN" and word.dep_ in ("dobj", "pobj") and verb.i in ctx.answers


def _reaction_like_types(ctx: _Context) -> frozenset[str]:
    return ctx.grammar.reaction_types | ctx.grammar.judgement_types | ctx.grammar.reply_types


def _doers_of_word(word: Token, ctx: _Context) -> list[Actor]:
    """Who did what a verb or an act noun tells: "Lawmakers voted", "Trump signed an order", "Moscow's ban"."""
    if word.pos_ == "VERB":
        verb = word
    elif owners := _phrase_owners(word, ctx):
        return owners
    elif word.dep_ in ("dobj", "nsubjpass") and word.head.pos_ == "VERB":
        verb = word.head
    else:
        return []
    return _subject_actors(verb, ctx)


def _answerable_without_target(cand: Candidate, ctx: _Context) -> bool:
    """A deed told by a verb with its doer and no target actor, that a later reaction may answer ("the Taliban
    barred women from ..."); not words ("called it historic"), nor one side of a joint act (the coded joint act
    names both sides), nor a noun ("Russian gas shipments" names a thing more often than it tells an act)."""
    etype = ctx.lexicon.types[cand.etype]
    return cand.status == "no target actor" and bool(cand.sources) and cand.match.pattern.kind == "verb" \
        and etype.quad_class.startswith("material") and not etype.symmetric


def _acts_told_before(ctx: _Context) -> list[Candidate]:
    """The acts told so far, kept events and acts told with no target alike, the latest first."""
    told = ctx.told[-REPLY_LOOKBACK_EVENTS:] + ctx.targetless[-REPLY_LOOKBACK_EVENTS:]
    return sorted(told, key=lambda c: c.match.trigger.i, reverse=True)


def _happened(act: Candidate) -> bool:
    return act.event.is_claim if act.event is not None else not NOT_FACT_QUALIFIERS & set(act.qualifiers)


def _act_parties(act: Candidate, ctx: _Context) -> list[Actor]:
    """Who did an act: its sources, and its targets too when the type is done jointly (an agreement)."""
    parties = act.sources + (act.targets if ctx.lexicon.types[act.etype].symmetric else [])
    return [a for a in parties if a.code]


def _previous_sentence_start(tok: Token) -> int:
    start = tok.sent.start
    return tok.doc[start - 1].sent.start if start > 0 else start


def _resolve_addressed_request(cand: Candidate, ctx: _Context) -> None:
    """"China summoned the Japanese ambassador and demanded an explanation", "... summoned the British envoy to
    demand the release of ...", "In a letter to the Council, Iran asked for ...": a request told with a verb or in a
    message that addresses someone asks that one, and whoever addresses asks; unless the request names its own
    addressee and its asker is not the one addressed."""
    found = addressed(cand.match.trigger, ctx.grammar) \
        if cand.etype == "REQUEST" and cand.match.pattern.kind == "verb" else None
    if found is None:
        return
    verb, tokens, how = found
    addressees = [a for o in tokens for a in _target_actors(o, None, ctx)]
    askers = cand.sources if verb is None else _subject_actors(verb, ctx, as_source=True)
    codes = {a.code or a.id for a in addressees}
    if not addressees or not askers or codes & {a.code or a.id for a in askers} \
            or (cand.targets and not codes & {a.code or a.id for a in cand.sources}):
        return
    cand.sources, cand.targets, cand.target_how = askers, addressees, how
    if verb is not None:
        cand.source_how = f"subject of '{verb.text}'"
        cand.qualifiers = sorted(qualifiers_of(verb, ctx.grammar) | _quote_qualifier(verb, ctx))
    cand.status = _status(cand, ctx)


def _resolve_fight_request_target(cand: Candidate, sentence: list[Candidate], ctx: _Context) -> None:
    """"Egypt called for a ceasefire", "the envoy urged restraint": a request naming no addressee, for what only the
    sides of a fight can give, is asked of the sides of the latest fight told (this sentence's first); none when
    the asker is one of them ("Israel called for calm" asks its own side nothing) or no fight with two coded sides
    was told."""
    content = _asked_for(cand, set(ctx.grammar.fight_request_contents) | ctx.grammar.fight_endings)
    if content is None or (content.lemma_.lower() in ctx.grammar.fight_endings and not _of_fighting(content, ctx)):
        return
    asker = {a.code for a in cand.sources if a.code}
    parties = _named_parties(content, sentence, asker) or \
        _latest_parties(asker, ctx, this_sentence=sentence)
    if parties:
        cand.targets, cand.status = [a for a, _ in parties], "event"
        cand.mode = cand.mode or ctx.grammar.fight_request_contents.get(content.lemma_.lower(), "yield")
        cand.target_how = f"request for '{content.text}' names no addressee: the sides of {parties[0][1]}"


def _of_fighting(ending: Token, ctx: _Context) -> bool:
    """"an end to the fighting", "a halt of the shelling": the ending is of a fight, not of a policy or a deal
    (the parser may hang "to" on the verb: "urged a halt | to the shelling")."""
    heads = [ending, ending.head] if ending.dep_ == "dobj" else [ending]
    return any(o.dep_ == "pobj" and o.lemma_.lower() in ctx.grammar.fight_nouns
               for h in heads for p in h.children if p.lower_ in ("to", "of") for o in p.children)


def _asked_for(cand: Candidate, lemmas: set[str] | frozenset[str]) -> Token | None:
    """What a REQUEST with no addressee asks for, if its lemma is one of `lemmas`: the pattern's target slot, the
    verb's object or its "for" phrase ("urged restraint", "called for a truce")."""
    m = cand.match
    if cand.status != "no target actor" or cand.etype != "REQUEST":
        return None
    wanted = [*target_tokens(m), *(c for c in m.trigger.children if c.dep_ in DIRECT_OBJECT_DEPS),
              *(o for p in m.trigger.children if p.dep_ == "prep" and p.lower_ == "for"
                for o in p.children if o.dep_ == "pobj")]
    return next((t for t in wanted if t.lemma_.lower() in lemmas), None)


def _resolve_release_request_target(cand: Candidate, ctx: _Context) -> None:
    """"Qatar appealed for the release of the detained journalists": a request naming no addressee for the release
    of people is asked of whoever the article last told seizing people, unless the asker did."""
    release = _asked_for(cand, ctx.grammar.release_nouns)
    people = ctx.grammar.captive_nouns | ctx.grammar.group_nouns | ctx.grammar.crowd_nouns
    if release is None or not any(o.dep_ == "pobj" and (o.lemma_.lower() in people or o.ent_type_ == "PERSON")
                                  for p in release.children if p.lower_ == "of" for o in p.children):
        return
    asker = {a.code or a.id for a in cand.sources}
    for earlier in reversed(ctx.told[-REPLY_LOOKBACK_EVENTS:]):
        if earlier.mode not in ctx.grammar.captor_modes or earlier.event is None or not earlier.event.is_claim:
            continue
        captors = [a for a in earlier.sources if a.code]
        if captors and not asker & {a.code or a.id for a in captors}:
            cand.targets, cand.status, cand.mode = captors, "event", cand.mode or "yield"
            cand.target_how = f"release asked with no addressee: the captors of earlier {earlier.event.id}"
        return


def _named_parties(content: Token, sentence: list[Candidate], asker: set[str]) -> list[tuple[Actor, str]]:
    """"called for a truce between Israel and Hamas": the sides the asked-for act names itself (as its own
    match's arguments), when they are two or more and the asker is none of them."""
    for own in sentence:
        sides = [a for a in own.sources + own.targets if a.code]
        parties = [a for i, a in enumerate(sides) if a.code not in {b.code for b in sides[:i]}]
        if own.match.trigger.i == content.i and len(parties) > 1 and not asker & {a.code for a in parties}:
            return [(a, f"the '{content.text}' asked for") for a in parties]
    return []


def _definite(noun: Token, ctx: _Context) -> bool:
    """"the strikes", "these attacks", "Sunday's attack": a noun that points back to an act already told."""
    return any((c.dep_ == "det" and c.lower_ in ctx.grammar.anaphoric_determiners) or
               (c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME")) for c in noun.children)


def _names_others(noun: Token, reactor: set[str], ctx: _Context) -> bool:
    """"the deal between Mauritius and Britain" names its own parties, so it is no bare back-reference;
    "the attacks on their embassies" names only the reactor, the victim. What the reaction calls the act, which the
    parser may hang on the noun ("condemned the seizure as a breach of Ukraine's sovereignty"), is not its phrase."""
    judged = {t.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree}
    last = max(t.i for t in noun.subtree if t.i not in judged)
    end = noun.doc[last].idx + len(noun.doc[last].text)
    mentioned = (ctx.actors.get(i) for _, _, i in ctx.actors.mentions_in(noun.left_edge.idx, end))
    named = {a.code or a.id for a in mentioned if a is not None}
    return bool(named - reactor)


def _polarity(etype: str, ctx: _Context) -> str:
    return ctx.lexicon.types[etype].quad_class.split("_")[-1]


def _names_act(noun: Token, act: Candidate, ctx: _Context, *, by: str) -> bool:
    """The noun retells the act `by` the same lemma as its trigger ("struck" ... "the strikes"), by being an
    event noun of its type ("attacked" ... "the bombardment"), or as a noun that retells any act ("the move")."""
    lemma = noun.lemma_.lower()
    if by == "retold":  # "the deal" retells a cooperative act, never the latest attack
        pact = _pact_type(noun, ctx)
        return lemma in ctx.grammar.retold_nouns and (pact is None or _polarity(act.etype, ctx) == _polarity(pact, ctx))
    if by == "decision":
        return lemma in ctx.grammar.decision_nouns
    if by == "lemma":
        trigger = act.match.trigger
        # "voted to bar", "ordered the pullout": the deciding verb happened, whatever became of the act decided
        governor = {trigger.head.lemma_.lower()} if trigger.dep_ in ("xcomp", "dobj") or (
            trigger.dep_ == "advcl" and is_infinitive(trigger)) else set()
        words = {t.lemma_.lower() for t in (trigger, *act.match.consumed)}
        forms = {lemma} if lemma in words else act_lemmas(noun, ctx.grammar)
        # "launched exercises" ... "the drills": a word of the same lexicon class names the same coded act; but a
        # threat's word or class names a harm, not the threat ("threatened sanctions" ... "the attack")
        kin = act.event is not None and any(forms & c and words & c for c in ctx.lexicon.classes.values())
        threat = act.etype in ctx.grammar.threat_types and not _may_name_type(noun, act.etype, ctx)
        return bool(forms & governor) or ((bool(forms & words) or kin) and _happened(act) and not threat)
    return _may_name_type(noun, act.etype, ctx)


def _may_name_type(noun: Token, etype: str, ctx: _Context) -> bool:
    """The noun is an event noun of `etype` in the lexicon ("the threats" of THREATEN)."""
    return any(p.type == etype for p in ctx.lexicon.for_lemma("noun", noun.lemma_.lower()))


def _pact_type(noun: Token, ctx: _Context) -> str | None:
    """"the deal", "the accords": the one type a noun of the lexicon's pact class is an event noun of (None for
    any other noun, or one of several types)."""
    lemma = noun.lemma_.lower()
    if lemma not in ctx.lexicon.classes.get(PACT_CLASS, frozenset()):
        return None
    types = {p.type for p in ctx.lexicon.for_lemma("noun", lemma)}
    return next(iter(types)) if len(types) == 1 else None


def _names_pact(noun: Token, act: Candidate, ctx: _Context) -> bool:
    """"Iran condemned the deals", "Turkey rejected the accord": a pact's noun names a coded act of the type it is
    an event noun of (an agreement), however the reaction judges it."""
    return _pact_type(noun, ctx) == act.etype


def _instrument_mode(m: Match, ctx: _Context, etype: str | None = None) -> str | None:
    """A mode the pattern leaves open: an attack's weapon, a remote meeting, or what a threat threatens."""
    etype = etype or m.pattern.type
    if etype == "THREATEN":
        content = [c for c in m.trigger.children if c.dep_ in ("xcomp", "dobj")] + m.consumed
        promised = [c for c in m.trigger.children if c.dep_ == "ccomp"]  # "warned it would impose tariffs"
        content += promised + [o for c in promised for o in c.children if o.dep_ == "dobj"]
        return next((ctx.grammar.threat_contents[t.lemma_.lower()] for t in content
                     if t.lemma_.lower() in ctx.grammar.threat_contents and not _takes_retaliation(t, ctx)), None)
    if etype == "CONSULT":
        remote = any(t.lemma_.lower() in ctx.grammar.remote_media for t in frame(m.trigger))
        return "phone" if remote else None
    if etype != "ASSAULT":
        return None
    words = [m.trigger, *frame(m.trigger), *m.trigger.subtree] if m.pattern.kind == "noun" else frame(m.trigger)
    aimed_at = {t.i for target in target_tokens(m) for t in target.subtree}  # "shot down drones": drones are hit
    instruments = ctx.grammar.assault_instruments
    modes = (instruments.get(t.lemma_.lower()) or instruments.get(t.lower_) for t in words if t.i not in aimed_at)
    return next((mode for mode in modes if mode), None)


def _takes_retaliation(verb: Token, ctx: _Context) -> bool:
    """"take countermeasures" says nothing of the threat's kind ("take the city" does)."""
    return any(o.dep_ == "dobj" and o.lemma_.lower() in ctx.grammar.retaliation_nouns for o in verb.children)


def _quote_qualifier(tok: Token, ctx: _Context) -> set[str]:
    return {"reported"} if quotation(ctx.doc).inside(tok) else set()


def _confidence(m: Match, cand: Candidate) -> float:
    """More required words and complete, directly attached arguments mean a surer reading."""
    score = 0.45 + min(0.24, 0.08 * len(m.pattern.words))
    score += 0.15 if cand.targets else 0.0
    score += 0.1 if cand.source_how in ("subject", "agent", "possessor", "'by' phrase", "parties") else 0.03
    score += 0.05 if m.pattern.kind == "verb" else 0.0
    score -= LOCATED_PENALTY if cand.location is not None else 0.0
    return round(min(score, 0.95), 2)


# -- one event per fact ---------------------------------------------------------------------------------

def _fact_key(c: Candidate, symmetric: bool) -> tuple:
    src, tgt = frozenset(a.id for a in c.sources), frozenset(a.id for a in c.targets)
    if symmetric:
        return (c.etype, src | tgt)
    return (c.etype, src, tgt)


def _is_claim(c: Candidate) -> bool:
    return not (NOT_FACT_QUALIFIERS & set(c.qualifiers))


def _one_per_fact(cands: list[Candidate], ctx: _Context) -> list[Candidate]:
    """Merge matches that state the same fact; keep the best evidence, and a mode if any match had one.

    "took to the streets to protest" is one protest: a claim beats the same act read as only intended.
    """
    best: dict[tuple, Candidate] = {}
    for c in [c for c in cands if not _promises_a_kept_act(c, cands)]:
        symmetric = ctx.lexicon.types[c.etype].symmetric
        key = _fact_key(c, symmetric)
        other = best.get(key)
        if other is None or (_is_claim(c), c.confidence) > (_is_claim(other), other.confidence):
            if other is not None and not c.mode:
                c.mode = other.mode
            best[key] = c
        elif not other.mode and c.mode:
            other.mode = c.mode
    kept = list(best.values())
    return [c for c in kept if not any(_subsumes(o, c) for o in kept if o is not c)]


def _subsumes(big: Candidate, small: Candidate) -> bool:
    """Same type and source, and the smaller one's targets are a strict part of the bigger one's."""
    if big.etype != small.etype or set(big.qualifiers) != set(small.qualifiers):
        return False
    src_b, src_s = {a.id for a in big.sources}, {a.id for a in small.sources}
    tgt_b, tgt_s = {a.id for a in big.targets}, {a.id for a in small.targets}
    return src_s <= src_b and tgt_s <= tgt_b and (src_s, tgt_s) != (src_b, tgt_b)


def _promises_a_kept_act(cand: Candidate, cands: list[Candidate]) -> bool:
    """"agreed to ease sanctions on Syria" is the concession it promises, not an agreement besides: the promising
    verb's own AGREE yields to the act it governs (``promised_acts``)."""
    return cand.etype == "AGREE" and any(
        p.rule.startswith(PROMISE_RULE) and cand.match.trigger.is_ancestor(p.match.trigger)
        and {a.id for a in cand.sources} & {a.id for a in p.sources} for p in cands)


# -- records ----------------------------------------------------------------------------------------------

def _settle_located(c: Candidate, ctx: _Context) -> None:
    """A kept event's stand-in state becomes an actor of the article, evidenced by its place."""
    if c.location is None:
        return
    real = ctx.actors.state_of(c.location)
    c.sources = [real if a.id.startswith(LOCATED_ID) else a for a in c.sources]
    c.targets = [real if a.id.startswith(LOCATED_ID) else a for a in c.targets]


def _to_event(c: Candidate, sent: Span, ctx: _Context, number: int) -> Event:
    m, etype = c.match, ctx.lexicon.types[c.etype]
    _settle_located(c, ctx)
    event = Event(
        id=f"ev{number}", type=etype.name, mode=c.mode, source=[a.id for a in c.sources],
        target=[a.id for a in c.targets], sentence=sent.text, start=sent.start_char, end=sent.end_char,
        trigger=_trigger_text(m), pattern=m.pattern.id, quad_class=etype.quad_class,
        intensity=etype.intensity_of(c.mode), confidence=c.confidence, qualifiers=list(c.qualifiers),
        located=c.location.text if c.location is not None else None,
        model_probability=c.verdict.probability if c.verdict is not None else None,
    )
    # a demand ("said Iran must release ...") was made when it was said, not when the act it asks is due; so was a
    # promise read off a stated act ("Frontex said on Thursday that it would send guards")
    foretold = "future" in event.qualifiers
    report = _stating_verb(m.trigger, ctx) if c.rule.startswith(STATED_RULE) else None
    _set_date(event, sent, m.trigger.head if c.rule.startswith(DEMAND_RULE) else report or m.trigger, ctx)
    if c.rule.startswith(STATED_RULE) and "future" in event.qualifiers and not foretold:
        # the date ahead is the act's ("will hold talks next week"); the statement was made by the article's day
        event.qualifiers.remove("future")
        event.date = event.date_text = event.granularity = None
    return event


def _stating_verb(trigger: Token, ctx: _Context) -> Token | None:
    """The reporting verb a stated act hangs under ("said on Thursday that it would send", "will send ..., its
    minister said"), the nearest up its chain of heads."""
    tok = trigger
    for _ in range(STATING_HOPS):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if ctx.speech.is_reporting(tok):
            return tok
    return None


def _told_as_earlier(trigger: Token, ctx: _Context) -> bool:
    """Whether the trigger sits in a past-tense clause telling what came before the main clause ("Serbia said it
    would boycott the summit, a day after the Council adopted a resolution condemning Belgrade"): done, not ahead."""
    tok = trigger
    for _ in range(8):
        if tok.dep_ == "advcl" and tok.tag_ in ("VBD", "VBN") \
                and any(c.dep_ == "mark" and c.lower_ in ctx.grammar.earlier_marks for c in tok.children):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _trigger_text(m: Match) -> str:
    tokens = sorted([m.trigger, *m.consumed], key=lambda t: t.i)
    return " ".join(t.text for t in tokens)


def _set_date(event: Event, sent: Span, trigger: Token, ctx: _Context) -> None:
    if ctx.dates is None:
        return
    verbal = ctx.lexicon.types[event.type].quad_class.startswith("verbal")
    speech = reporting_verb(trigger, ctx.speech) if verbal else None  # a quoted statement happened when said
    resolved = ctx.dates.for_event(sent, trigger, said_by=speech)
    if resolved is None:
        return
    event.date, event.date_text, event.granularity = resolved.date, resolved.text, resolved.granularity
    day = _parse_date(resolved.date)
    if day is None or ctx.published is None:
        return
    if day > ctx.published and resolved.granularity == "day" and _told_as_earlier(trigger, ctx):
        event.date = event.date_text = event.granularity = None  # a date ahead belongs to the later main clause
        return
    # a day, week or month that begins after publication ("next week") is wholly ahead: the act is foretold
    if day > ctx.published and resolved.granularity in AHEAD_GRANULARITIES and "future" not in event.qualifiers:
        event.qualifiers.append("future")
    years_back = ctx.published.year - day.year
    old = years_back >= 2 if resolved.granularity == "year" else (ctx.published - day).days > HISTORICAL_DAYS
    if old and "historical" not in event.qualifiers:
        event.qualifiers.append("historical")


# -- acts extended to another side ------------------------------------------------------------------------------

def _latest_act_before(tok: Token, ctx: _Context, sentence: Iterable[Candidate] = ()) -> Candidate | None:
    """The latest act coded before `tok` in its sentence or the `COPY_SENTENCES` before: what "did the same" or
    "also expelled" extends. None when that act is no fact ("may expel" is extended by nothing)."""
    first = tok.sent.start
    for _ in range(COPY_SENTENCES):
        first = tok.doc[first - 1].sent.start if first > 0 else first
    told = [c for c in [*ctx.told[-REPLY_LOOKBACK_EVENTS:], *(c for c in sentence if c.status == "event")]
            if first <= c.match.trigger.i < tok.i]
    latest = max(told, key=lambda c: c.match.trigger.i, default=None)
    return latest if latest is not None and _happened(latest) else None


def _new_side(sources: list[Actor], act: Candidate) -> bool:
    """A side the act did not already have: not among its doers, nor the one it was aimed at."""
    codes = {a.code or a.id for a in sources}
    return bool(sources) and not codes & {a.code or a.id for a in act.sources + act.targets}


def _copied_acts(sent: Span, ctx: _Context) -> list[Candidate]:
    """"Germany expelled four Russian diplomats, and Canada did the same", "Britain imposed sanctions on Iran. France
    followed suit": the subject of a copying predicate (``copying_predicates``) did the latest act told before, with
    its type, mode and target; the predicate's own clause gives its qualifiers ("did not do the same", "may follow
    suit") and its date. None when the new side is the act's own target or one of its doers."""
    copies = []
    for verb in (t for t in sent if t.pos_ == "VERB"):
        word = copying_word(verb, ctx.grammar)
        act = _latest_act_before(verb, ctx) if word is not None else None
        sources = _subject_actors(verb, ctx, as_source=True) if act is not None else []
        if word is None or act is None or act.event is None or not _new_side(sources, act) \
                or _told_in_sentence(act.etype, sources, act.targets, sent, ctx):
            continue
        pattern = Pattern(id=COPIED_ACT, kind="verb", type=act.etype, mode=act.mode,
                          lemmas=frozenset({verb.lemma_.lower()}), text="a side does the act told before",
                          origin="own:convention:copied-act")
        cand = Candidate(match=Match(pattern=pattern, trigger=verb, consumed=[word]), sources=sources,
                         targets=list(act.targets), source_how="subject", target_how=f"target of {act.event.id}",
                         mode=act.mode, etype=act.etype,
                         rule=f"copied act: '{verb.text} {word.text}' repeats {act.event.id} "
                              f"('{_trigger_text(act.match)}')")
        cand.qualifiers = sorted(qualifiers_of(verb, ctx.grammar) | _quote_qualifier(verb, ctx))
        cand.status = _status(cand, ctx)
        cand.confidence = _confidence(cand.match, cand)
        copies.append(cand)
    return copies


def _told_in_sentence(etype: str, sources: list[Actor], targets: list[Actor], sent: Span, ctx: _Context) -> bool:
    """"France followed suit, expelling four Russian diplomats": the copy's fact is already told in its sentence."""
    def codes(actors: list[Actor]) -> set[str]:
        return {a.code or a.id for a in actors}

    return any(c.etype == etype and codes(c.sources) == codes(sources) and codes(c.targets) == codes(targets)
               for c in ctx.told[-REPLY_LOOKBACK_EVENTS:] if sent.start <= c.match.trigger.i < sent.end)


def _inherit_copied_target(cand: Candidate, sentence: list[Candidate], ctx: _Context) -> None:
    """"Britain expelled 23 Russian diplomats ... Germany, France and Poland each expelled four diplomats": a side
    added to the doers of an act (``added_side_words``) whose own phrase names no side is aimed where the latest
    act told before was, when that act is the same (its type and verb) and its target a coded side. The target
    phrase, if any, must be the same noun ("diplomats" ... "diplomats")."""
    m = cand.match
    if not cand.status.startswith("no target actor") or m.pattern.kind != "verb" \
            or added_side(m.trigger, ctx.grammar) is None:
        return
    act = _latest_act_before(m.trigger, ctx, sentence)
    if act is None or act.etype != cand.etype or act.match.trigger.lemma_.lower() != m.trigger.lemma_.lower() \
            or not any(a.code for a in act.targets) or not _new_side(cand.sources, act):
        return
    slot = _target_phrase(m, ctx)[0]
    nouns = {t.lemma_.lower() for t in _target_phrase(act.match, ctx)[0]}
    if any(t.lemma_.lower() not in nouns for t in slot):
        return
    told = act.event.id if act.event is not None else f"'{_trigger_text(act.match)}' of this sentence"
    cand.targets = [a for a in act.targets if a.code]
    cand.target_how = f"target of {told}, the same act"
    cand.rule = f"copied target: '{m.trigger.text}' done again by another side, as in {told}"
    cand.status = _status(cand, ctx)
    cand.confidence = _confidence(m, cand)
