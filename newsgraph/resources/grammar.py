"""Function words the event coder reads arguments and qualifiers with: ``data/plover/grammar.yaml``.

A user's grammar file is layered over the shipped one (``$NEWSGRAPH_PLOVER_GRAMMAR``): it adds words
to the lists, and to the modes of the tables (``assault_instruments``, ``threat_contents``, ...).
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .files import DATA_DIR, DataFile, ResourceError, layered_yaml

GRAMMAR_FILE = DATA_DIR / "plover" / "grammar.yaml"
# mode -> words (or event types) in the file, word -> mode in Grammar
TABLES = ("assault_instruments", "threat_contents", "intent_contents", "refusal_contents", "demand_contents",
          "condition_contents", "joint_acts", "fight_request_contents", "act_nominals")


@dataclass(frozen=True)
class Grammar:
    """The word lists, as sets (and two word -> mode tables), so a lookup is one hash."""

    light_verbs: frozenset[str]
    scene_preps: frozenset[str]
    copular_scene_preps: frozenset[str]  # "is on a visit to X": the copula's subject takes part
    undergoer_verbs: frozenset[str]
    future_governors: frozenset[str]
    wish_governors: frozenset[str]
    hypothetical_governors: frozenset[str]
    enacting_governors: frozenset[str]  # "voted to suspend X": done once the vote is, aimed at before
    negating_governors: frozenset[str]
    request_heads: frozenset[str]
    modal_hypothetical: frozenset[str]
    modal_future: frozenset[str]
    negators: frozenset[str]
    noun_negators: frozenset[str]
    noun_future: frozenset[str]
    noun_hypothetical: frozenset[str]
    condition_marks: frozenset[str]
    earlier_marks: frozenset[str]  # "a day after X condemned Y": the clause tells an act before the main one
    group_nouns: frozenset[str]
    crowd_nouns: frozenset[str]
    member_preps: frozenset[str]
    companion_words: frozenset[str]  # "along with X": X does the act with the subject
    owner_preps: frozenset[str]
    noun_source_preps: frozenset[str]
    party_preps: frozenset[str]
    affiliation_preps: frozenset[str]
    first_person: frozenset[str]
    verbal_attack_lemmas: frozenset[str]
    remote_media: frozenset[str]
    private_nouns: frozenset[str]
    attack_objects: frozenset[str]
    boundary_nouns: frozenset[str]  # "its border with Afghanistan": the "with" side is across it
    attribution_verbs: frozenset[str]  # "an attack blamed on X", "a bombing claimed by X": X did it
    launching_verbs: frozenset[str]  # "a drone launched from Ukraine hit ...": the weapon is Ukraine's
    denied_nouns: frozenset[str]
    alleging_nouns: frozenset[str]
    reply_types: frozenset[str]
    yielding_types: frozenset[str]  # "Bogota backed down", "Paris handed over its last base": a yield naming nothing
    bare_reply_verbs: frozenset[str]  # "Kurti refused": a reply naming nothing answers the act told just before
    response_manner_types: frozenset[str]  # "answered" tells no act of its own; "answered by declaring ..." does
    answering_types: frozenset[str]  # "accepted the offer": the proposer is answered
    provoking_types: frozenset[str]
    threat_types: frozenset[str]  # a threat tells no harm it threatens: "the attack" names no threat of one
    release_go_betweens: frozenset[str]  # codes of bodies captives are handed to on their side's behalf
    departure_verbs: frozenset[str]  # "French soldiers left Niger": forces leaving a side's ground retreat
    alleging_types: frozenset[str]  # "Iran denied that it had sent drones" answers only these
    reaction_types: frozenset[str]
    anaphoric_determiners: frozenset[str]
    naming_verbs: frozenset[str]
    act_pronouns: frozenset[str]
    act_predicates: frozenset[str]  # "condemned the strike and said it undermined ...": a verb an act does
    retold_nouns: frozenset[str]
    decision_nouns: frozenset[str]  # "condemned the decision": any act a side took, of either polarity
    judgement_types: frozenset[str]  # words that judge or ask of another, which "the decision" never retells
    act_nominals: dict[str, str]  # noun -> the verb whose act it names ("closure" -> "close")
    party_nouns: frozenset[str]
    party_counts: frozenset[str]
    state_party_nouns: frozenset[str]
    person_party_nouns: frozenset[str]
    mutual_party_nouns: frozenset[str]  # "the neighbours", "the rivals": the sides named together before
    fighting_party_modifiers: frozenset[str]  # "the warring sides": the parties of the latest fight
    asking_call_nouns: frozenset[str]  # "faced calls from X to repeal": a call with a "to" clause asks
    responsibility_nouns: frozenset[str]
    document_nouns: frozenset[str]
    document_verbs: frozenset[str]
    granted_nouns: frozenset[str]
    assault_instruments: dict[str, str]  # instrument lemma -> ASSAULT mode
    threat_contents: dict[str, str]  # threatened act (verb or noun lemma) -> THREATEN mode
    intent_governors: frozenset[str]
    refusal_governors: frozenset[str]
    unhesitating_governors: frozenset[str]
    hostile_intent_governors: frozenset[str]
    response_manners: frozenset[str]
    answerable_nouns: frozenset[str]
    open_options: frozenset[str]
    open_option_places: frozenset[str]
    force_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    consequence_verbs: frozenset[str]
    response_verbs: frozenset[str]
    promise_modals: frozenset[str]
    threat_nouns: frozenset[str]  # "Beijing's warning that it would restrict ...": an announced harm
    demand_modals: frozenset[str]
    command_verbs: frozenset[str]  # "ordered Nippon Steel to pay": a command to a body no code names is no REQUEST
    consequence_objects: frozenset[str]
    consequence_modals: frozenset[str]  # "must bear all the consequences": bound to come, so promised
    danger_states: frozenset[str]
    causative_verbs: frozenset[str]
    passive_harms: frozenset[str]
    marked_targets: frozenset[str]
    treatment_verbs: frozenset[str]  # "would be treated as an enemy": the role marks the subject
    unanswered_words: frozenset[str]
    met_with_verbs: frozenset[str]
    retaliation_verbs: frozenset[str]
    retaliation_nouns: frozenset[str]
    threat_governors: frozenset[str]
    endangered_goods: frozenset[str]  # "its security is threatened by X": a danger told, no threat made
    response_nouns: frozenset[str]
    warning_verbs: frozenset[str]
    conditional_measures: frozenset[str]
    ruled_out_verbs: frozenset[str]
    wrong_verbs: frozenset[str]
    norm_verbs: frozenset[str]  # "said Iran was not complying with its obligations": a wrong when negated
    norm_objects: frozenset[str]
    abetting_verbs: frozenset[str]  # "said Algeria was sheltering terrorist groups": a wrong with abetted_kinds
    abetted_kinds: frozenset[str]
    accomplice_nouns: frozenset[str]  # "accused X of plotting with the help of Y": Y is accused too
    accomplice_verbs: frozenset[str]  # "accused X of having been paid by Y": Y is accused too
    deceit_verbs: frozenset[str]  # "said Baku was lying": a wrong when no place is named ("lies between")
    deceit_preps: frozenset[str]
    alleging_verbs: frozenset[str]
    tolerating_verbs: frozenset[str]  # "would not accept X's deployment": the refusal rejects X
    denying_verbs: frozenset[str]  # ", a claim Bangkok denied": the denier rejects the one who told it
    deploring_verbs: frozenset[str]  # "regretted that Belgium had sided with ...": disapproval of the clause's subject
    wrong_object_verbs: frozenset[str]
    wrong_objects: frozenset[str]
    wrong_predicates: frozenset[str]
    blame_predicates: frozenset[str]
    blame_bearing_verbs: frozenset[str]  # "bore responsibility for the attack": a wrong with one of borne_blame
    borne_blame: frozenset[str]
    equating_verbs: frozenset[str]  # "amounted to a war crime", "poses a threat": a judgement like a copula's
    blame_resting_verbs: frozenset[str]  # "the blame lies with X": a wrong of X with one of borne_blame
    fault_nouns: frozenset[str]  # "the blame", "the guilt": blame with no wrong named
    misuse_verbs: frozenset[str]  # "using gas as a weapon": a wrong with one of misuse_roles
    misuse_roles: frozenset[str]
    act_nouns: frozenset[str]
    act_kinds: frozenset[str]
    manner_verbs: frozenset[str]  # "behaving like a bully": a judgement like a copula's
    dismay_feelings: frozenset[str]  # "appalled by X's strikes": a disapproval of X
    dismay_preps: frozenset[str]
    intent_contents: dict[str, str]  # type of a promised act -> AGREE mode
    refusal_contents: dict[str, str]  # type of a refused act -> REJECT mode
    demand_contents: dict[str, str]  # type of a demanded act -> REQUEST mode
    condition_contents: dict[str, str]  # type of an act made conditional -> THREATEN mode
    joint_acts: dict[str, str]  # drill noun -> the type of the drill held by several sides together
    helping_verbs: frozenset[str]  # "pledged to send police to Haiti to help": promised forces in help are aid
    help_requests: frozenset[str]  # "flew troops in at the government's request": forces sent on request are aid
    continuing_governors: frozenset[str]  # "will continue to support X": the stance goes on, so it is held now
    continued_stances: frozenset[str]  # "continue to support": the stance verbs a continuing governor makes claims of
    consent_verbs: frozenset[str]  # "Pakistan said India had agreed to ...": consent given to the reporter
    joint_markers: frozenset[str]  # "carried out a joint operation", "jointly patrolled": done together
    joint_occasions: frozenset[str]  # "a joint news conference": met together, no material cooperation
    fight_request_contents: dict[str, str]  # what only a fight's sides can give ("ceasefire") -> REQUEST mode
    fight_endings: frozenset[str]
    fight_nouns: frozenset[str]
    release_nouns: frozenset[str]
    captive_nouns: frozenset[str]
    captor_modes: frozenset[str]
    asked_acts: frozenset[str]  # a request for one of these asks its doer: "sought Turkey's help"
    addressing_verbs: frozenset[str]  # "summoned the envoy and demanded ..." asks the envoy
    message_nouns: frozenset[str]  # "In a letter to X, Y asked for ..." asks X
    undemanded_verbs: frozenset[str]  # "said Germany should see growth" demands nothing of Germany
    readiness_adjectives: frozenset[str]  # "open to talks with X": a stated readiness for the act
    pledged_acts: frozenset[str]  # types whose object a promising verb carries: "pledged $5 million in aid"
    promised_acts: frozenset[str]  # types whose promise is itself the act ("agreed to ease sanctions": CONCEDE)
    international_seats: frozenset[str]  # "travelled to The Hague": a seat of courts is no visit to its state
    evacuation_verbs: frozenset[str]  # "evacuated its citizens from Sudan": own people moved are nobody's aid
    receiving_verbs: frozenset[str]  # "received missiles from Germany": the giver is the source
    arrival_verbs: frozenset[str]  # "a shipment of wheat arrived in Mogadishu": the aid went there
    arrival_preps: frozenset[str]  # "crossed into Gaza": where the arriving aid went
    carrying_verbs: frozenset[str]  # "a ship arrived in Tonga carrying water": relief its carrier delivered
    relief_containers: frozenset[str]  # "a cargo of", "60 tonnes of": what holds relief names none itself
    mediation_verbs: frozenset[str]  # "a truce brokered by Qatar": the broker is no party to it
    contact_verbs: frozenset[str]  # "called X to express support": the support is aimed at X
    membership_verbs: frozenset[str]  # "the alliance, which groups Mali and Niger": the body's members
    mutual_objects: frozenset[str]  # "A and B restored ties": a tie two sides hold with each other
    regret_words: frozenset[str]  # "expressed regret over the deaths of its own engineers" concedes nothing
    protest_cries: frozenset[str]  # "blocked the road, denouncing X": types of a protest's cry, which names its aim
    copying_predicates: frozenset[str]  # "did the same", "followed suit": "verb word" pairs retelling the act before
    added_side_words: frozenset[str]  # "also expelled", "each expelled": a side added to the doers of the act before


def build_grammar(files: tuple[Path, ...]) -> Grammar:
    data = layered_yaml(files)
    known = {f.name for f in fields(Grammar)}
    unknown = set(data) - known
    if unknown:
        raise ResourceError(f"{files[-1]}: unknown grammar keys {', '.join(sorted(unknown))}; see {GRAMMAR_FILE}")
    tables = {key: {w: mode for mode, words in (data.pop(key, None) or {}).items() for w in words} for key in TABLES}
    lists = {k: frozenset(str(w).replace("_", " ") for w in v or ()) for k, v in data.items()}
    fields_by_name: dict[str, Any] = {**tables, **lists}  # the tables are dicts, the rest frozensets
    return Grammar(**fields_by_name)


GRAMMAR = DataFile("grammar", "NEWSGRAPH_PLOVER_GRAMMAR", lambda: [GRAMMAR_FILE], build_grammar)
load_grammar = GRAMMAR.load
