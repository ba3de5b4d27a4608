"""Threats said in words: a side's statement that harm will come to another side is that side's THREATEN.

PLOVER codes the threat, which happened when it was said, not the harm, which may never come. Four forms of
words any outlet uses, each said by a side (the subject of the reporting verb, the speaker of the quote, or the
subject of "vowed to" or of "did not rule out"):

* a **consequence** for the other side: "Venezuela will face consequences", "Azerbaijan will pay for every
  violation", "Pakistan would be in great danger", "their soldiers would be legitimate targets", "would be treated
  as an enemy", "we will make Hamas pay", "Hamas will be destroyed" (the threatened side is the clause's subject;
  "any blockade would be considered an act of war" threatens whoever the act's phrase names);
* an act against the speaker's side that **will not go unanswered** ("... will not leave this attack
  unanswered", "any Russian attack would be met with force"): the threatened side is whoever the act's phrase
  names, else whoever did it;
* the speaker's side **will retaliate**: "would respond with countermeasures", "will strike back", "vowed to
  hit back", "will take countermeasures", "promised a strong response to the court", "warned of retaliation"
  (aimed at the "against" or "to" phrase or the condition's subject, else at whoever did the act being
  answered); "would take the necessary measures" only on a condition or aimed at a side;
* force **not ruled out** against a side: "did not rule out the use of force against Niger", or kept open: "is
  ready to use force against X", "would not hesitate to use nuclear weapons against X", "all options are on the
  table regarding Iran".

This module reads the parse only; tying the phrases to actors, and the act being answered, is the coder's.
The word lists are ``data/plover/grammar.yaml`` (``consequence_*``, ``danger_states``, ``marked_targets``,
``treatment_verbs``, ``unanswered_words``, ``met_with_verbs``, ``response_*``, ``retaliation_*``,
``conditional_measures``, ``ruled_out_verbs``, ``threat_governors``, ``threat_contents``, ``causative_verbs``,
``passive_harms``, ``answerable_nouns``, ``force_verbs``, ``open_option*``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ...language.modality import calls_off
from ...language.quotation import quotation
from ...resources.grammar import Grammar
from ...resources.lexicon import Pattern
from ...resources.speech_verbs import SpeechLexicon
from ..lookups import tokens_tagged
from .arguments import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, frame, is_time_phrase, reporting_verb, subject_tokens
from .conventions import condition_clause
from .matching import clause_dep

CONSEQUENCE, UNANSWERED, RETALIATION, OPTION = "consequence", "unanswered", "retaliation", "option"
# The patterns the four forms are coded by, so the evidence and `newsgraph explain` name the rule that fired.
THREAT_PATTERNS = {kind: Pattern(id=f"threaten:said-{kind}", kind="verb", type="THREATEN", mode=None,
                                 lemmas=frozenset(), text=text, origin=f"own:convention:threat-{kind}")
                   for kind, text in ((CONSEQUENCE, "X will face consequences / pay / be in danger, S said"),
                                      (UNANSWERED, "the act will not go unanswered, S said"),
                                      (RETALIATION, "S will retaliate / respond / take countermeasures"),
                                      (OPTION, "S did not rule out force against X"))}
AIM_PREPS = frozenset({"against", "on", "to"})  # "would retaliate against X", "will respond to X"
BACK_AIM_PREPS = AIM_PREPS | {"at"}  # "will hit back at X" (not "will answer this at a time of our choosing")
OPTION_AIM_PREPS = AIM_PREPS | {"regarding", "toward", "towards", "concerning", "with"}  # "on the table with Iran"
ANSWERED_MARKS = frozenset({"after", "because"})  # "vowed to retaliate after France expelled ...": what it answers
ANSWERED_PREPS = frozenset({"after", "following"})  # "vowed revenge after Israel's strike": the act it answers
DOER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})  # "Israel's strike", "an Israeli strike": who did it
VERB_TAGS = frozenset({"VERB", "AUX"})  # the parts of speech a threat is said with
NAMED_ENTITIES = frozenset({"NORP", "GPE", "ORG", "PERSON"})  # entity kinds that name a side


@dataclass
class SaidThreat:
    """One threat read off a clause: who says it, who is threatened (as phrases), and the words that carry it."""

    kind: str
    words: list[Token]  # the threat's own words: "face consequences", "go unanswered", "strike back"
    speech: Token  # the verb that says it ("warned", "vowed", the quote's "said"), which dates it
    speaker: list[Token]  # who says it
    speaker_how: str
    doers: list[Token] = field(default_factory=list)  # who will retaliate: the speaker's own side
    threatened: list[Token] = field(default_factory=list)  # phrases naming the threatened side, if any
    threatened_how: str = "none"
    act: Token | None = None  # the act answered ("the attack will not go unanswered"), if the words name it
    mode: str | None = None
    answers: bool = True  # with no side named, aimed at whoever did the act being answered
    named_only: bool = False  # "a response to X", "X will be destroyed": X must name a side itself ("to Iran", not
    # "to Iran's letter"; "Hamas", not "Gaza's hospitals")


def said_threats(sent: Span, grammar: Grammar, speech: SpeechLexicon) -> list[SaidThreat]:
    """The threats said in one sentence, in text order."""
    out = []
    consequence_heads = grammar.consequence_verbs | grammar.passive_harms | grammar.treatment_verbs | {"be"}
    for tok in tokens_tagged(sent, VERB_TAGS):  # every form is said of a verb: "face", "go", "respond", "rule"
        found = (_consequence(tok, grammar) if tok.lemma_.lower() in consequence_heads else None) \
            or _unanswered(tok, grammar) or _retaliation(tok, grammar) or _not_ruled_out(tok, grammar) \
            or _open_option(tok, grammar) or _force_readied(tok, grammar)
        if found is None:
            continue
        kind, words, mode = found
        speech_verb, speaker, how = _sayer(tok, grammar, speech)
        if speech_verb is None and (kind == OPTION or _vowed_response(tok, grammar)):
            speech_verb, speaker, how = tok, subject_tokens(tok)[0], "subject"  # "Ghana did not rule out force"
        if speech_verb is None or not speaker:
            continue
        threat = SaidThreat(kind=kind, words=words, speech=speech_verb, speaker=speaker, speaker_how=how, mode=mode,
                            doers=subject_tokens(tok)[0] if kind in (RETALIATION, OPTION) else [],
                            named_only=(kind == RETALIATION
                                        and any(w.lemma_.lower() in grammar.response_nouns
                                                and not _aimed_at_wrong(w, grammar) for w in words[1:]))
                            or tok.lemma_.lower() in grammar.passive_harms)  # "Hamas will be destroyed"
        _aim(threat, tok, grammar)
        # "would take measures" answers nothing; "promised a response to the proposal" is no threat at all
        threat.answers = kind in (UNANSWERED, RETALIATION) and not _measures(tok, grammar) \
            and not (threat.named_only and threat.threatened)
        if threat.answers or threat.threatened:
            out.append(threat)
    return out


def hostile_consequence(clause: Token, grammar: Grammar) -> list[Token]:
    """The words by which a clause promises its subject harm ("will face consequences", "will pay a heavy
    price", "will pay for its crimes", "would be in great danger"); empty for "will face a hard winter" and for
    "will not face sanctions"."""
    lemma = clause.lemma_.lower()
    if _negated(clause):
        return []
    if lemma == "be":  # "would be in great danger", "would be a legitimate target", "will be fair game"
        return [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "in"
                for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in grammar.danger_states] \
            + _marked_roles(clause, grammar)
    if lemma in grammar.treatment_verbs:  # "would be treated as an enemy", "would be considered an act of war"
        return _marked_roles(clause, grammar)
    if lemma not in grammar.consequence_verbs:
        return []
    objects = [c for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() in grammar.consequence_objects]
    objects += [o for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() in grammar.borne_blame
                for p in c.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children
                if o.dep_ == "pobj" and o.lemma_.lower() in grammar.consequence_objects]  # "the responsibility for
    # the consequences": the blame borne is for what is to come, not for a wrong done
    if lemma == "pay":  # "pay for every violation": paying for a wrong, not for the repairs
        objects += [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "for"
                    for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in grammar.wrong_objects]
    return objects


def _marked_roles(clause: Token, grammar: Grammar) -> list[Token]:
    """The role by which "be" or a passive "treat as", "consider" marks the clause's subject for attack ("would be
    legitimate targets", "would be treated as hostile forces", "would be considered a party to the conflict"), or an
    active one its object ("would treat the foreigners as invaders")."""
    if clause.lemma_.lower() == "be":
        roles = [a for a in clause.children if a.dep_ == "attr"]
    elif any(c.dep_ == "auxpass" for c in clause.children):
        roles = [c for c in clause.children if c.dep_ == "oprd"] + [
            o for p in clause.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
    elif treated := _treated(clause):  # the parser hangs the "as" phrase on the verb or on its object
        roles = [o for h in [clause, *treated] for p in h.children if p.dep_ == "prep" and p.lower_ == "as"
                 for o in p.children if o.dep_ == "pobj"]
    else:
        return []
    return [r for r in roles if _role_names(r, clause) & grammar.marked_targets]


def _treated(clause: Token) -> list[Token]:
    """The object of an active "treat as" ("would treat the Lebanese government as ..."): the side it marks."""
    return [c for c in clause.children if c.dep_ == "dobj"] if clause.dep_ != "amod" else []


def _role_names(role: Token, clause: Token) -> set[str]:
    """A role as the lists name it: the noun ("enemy"), with its modifier ("legitimate target") or with its phrase,
    which the parser may hang on the verb ("a party to the conflict", "an act of war")."""
    noun = role.lemma_.lower()
    phrases = [p for p in role.children if p.dep_ == "prep"] + [
        p for p in clause.children if p.dep_ == "prep" and p.i > role.i]
    return {noun} | {f"{m.lower_} {noun}" for m in role.children if m.dep_ == "amod"} | {
        f"{noun} {p.lower_} {o.lemma_.lower()}" for p in phrases for o in p.children if o.dep_ == "pobj"} | {
        f"{v.lemma_.lower()} {o.lemma_.lower()}" for v in role.children if v.dep_ == "relcl"
        for o in v.children if o.dep_ == "dobj"}  # "as one that has declared war on it"


def threatening_clause(clause: Token, grammar: Grammar) -> bool:
    """Whether a clause's own words threaten: "X would pay a heavy price", "any misadventure would be met with a
    swift response", "we will strike back"."""
    return bool(hostile_consequence(clause, grammar) or _unanswered(clause, grammar) or _retaliation(clause, grammar))


def _passive_harm(tok: Token, grammar: Grammar) -> list[Token]:
    """"Hamas will be destroyed", "would be wiped off the map": harm to the subject, by no one named."""
    if tok.lemma_.lower() not in grammar.passive_harms or _negated(tok):
        return []
    passive = any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)
    return [tok] if passive else []


def _consequence(tok: Token, grammar: Grammar) -> tuple[str, list[Token], str | None] | None:
    objects = hostile_consequence(tok, grammar) or _passive_harm(tok, grammar)
    if not objects or not (_promised(tok, grammar) or _bound_to(tok, grammar)):
        return None
    faced = [o for o in objects if o.dep_ != "pobj"]  # "pay a price for its strikes": the strikes are the wrong
    return CONSEQUENCE, [tok, *(o for o in objects if o is not tok)], _content_mode(faced, grammar)


def _bound_to(tok: Token, grammar: Grammar) -> bool:
    """"X must bear all the consequences": a consequence said to be bound to come is promised as well."""
    return any(c.dep_ == "aux" and c.lower_ in grammar.consequence_modals for c in tok.children)


def _unanswered(tok: Token, grammar: Grammar) -> tuple[str, list[Token], str | None] | None:
    """"will not go unanswered", "will not leave this attack unanswered", "won't remain unpunished", "any attack
    would be met with force"."""
    met = _met_with(tok, grammar)
    if met:
        return UNANSWERED, [tok, *met], _content_mode(met, grammar)
    objects = [c for c in tok.children if c.dep_ == "dobj"]  # "leave this act unanswered" may hang it on the act
    word = next((c for h in [tok, *objects] for c in h.children if c.dep_ in ("acomp", "oprd", "xcomp", "advcl", "amod")
                 and c.lower_ in grammar.unanswered_words), None)
    if word is None or not _negated(tok) or not _promised(tok, grammar, allow_negated=True):
        return None
    return UNANSWERED, [tok, word], None


def _met_with(tok: Token, grammar: Grammar) -> list[Token]:
    """"would be met with a decisive response": what a promised passive "meet" answers with, if it is harm."""
    if tok.lemma_.lower() not in grammar.met_with_verbs or not any(c.dep_ == "auxpass" for c in tok.children) \
            or _negated(tok) or not _promised(tok, grammar):
        return []
    answers = grammar.consequence_objects | grammar.retaliation_nouns | grammar.response_nouns
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
            if o.dep_ == "pobj" and o.lemma_.lower() in answers]


def _retaliation(tok: Token, grammar: Grammar) -> tuple[str, list[Token], str | None] | None:
    """"will strike back", "vowed to retaliate", "will take countermeasures", "will give a crushing answer to any
    attack"; a bare "respond" or "answer" only with hostile means ("respond with tariffs") or aimed at a wrong or at
    what was just told ("answer this")."""
    lemma = tok.lemma_.lower()
    particles = [c for c in tok.children if c.dep_ in ("prt", "advmod")
                 and f"{lemma} {c.lower_}" in grammar.retaliation_verbs]
    nouns = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in grammar.retaliation_nouns]
    vowed = _vowed_response(tok, grammar)
    if vowed:  # "vowed a strong response": the vow is the promise, no modal needed
        return RETALIATION, [tok, *vowed], _content_mode(vowed, grammar)
    nouns += _measures(tok, grammar) + [c for c in tok.children if c.dep_ == "dobj" and lemma in grammar.light_verbs
                                         and c.lemma_.lower() in grammar.response_nouns and _aimed_at_wrong(c, grammar)]
    means = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
             if o.dep_ == "pobj"]  # "respond with tariffs": what the response is
    hostile_means = [m for m in means if m.lemma_.lower() in grammar.threat_contents.keys() | grammar.retaliation_nouns]
    manners = [c for c in tok.children if c.dep_ == "advmod" and c.lower_ in grammar.response_manners
               and lemma in grammar.response_verbs]  # what makes a bare "respond" hostile
    if lemma in grammar.response_verbs and not (particles or nouns or hostile_means or manners
                                                or hostile_response(tok, grammar) or _answers_other_side(tok, grammar)):
        return None
    if not (particles or nouns or lemma in grammar.retaliation_verbs | grammar.response_verbs):
        return None
    if not _promised(tok, grammar) or _negated(tok):
        return None
    return RETALIATION, [tok, *particles, *nouns, *manners], _content_mode([*means, *nouns], grammar)


def _answers_other_side(tok: Token, grammar: Grammar) -> bool:
    """"warned that Pyongyang would respond if Seoul kept up the broadcasts": a bare response, told in a warning, on
    a condition that another side acts (its own subject, not the responder's: not "would reply if it received a
    letter"), not by asking or writing ("if the commission sent a request"); a condition without a subject ("if
    asked", "if attacked") names no one to threaten; "said it would respond if the commission writes" warns no one."""
    condition = condition_clause(tok)
    warning = tok.head if clause_dep(tok) == "ccomp" else None
    if condition is None or _negated(tok) or warning is None or warning.lemma_.lower() not in grammar.warning_verbs:
        return False
    own = {t.lower_ for t in subject_tokens(tok)[0]}
    others = [c for c in condition.children if c.dep_ == "nsubj"]
    texts = grammar.answerable_nouns | grammar.document_nouns
    return bool(others) and not any(t.lower_ in own for t in others) \
        and not any(c.dep_ == "dobj" and c.lemma_.lower() in texts for c in condition.children)


def _vowed_response(tok: Token, grammar: Grammar) -> list[Token]:
    """"vowed retaliation", "promised a strong response to the court", "warned of countermeasures": a response
    noun a threat verb governs, or that a warning is "of" when no one else is named as the one responding
    ("warned of Russian retaliation" is no threat by the one warning)."""
    lemma, nouns = tok.lemma_.lower(), grammar.retaliation_nouns | grammar.response_nouns
    if _negated(tok):
        return []
    if lemma in grammar.threat_governors:
        return [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns]
    if lemma not in grammar.warning_verbs:
        return []
    warned_of = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                 if o.dep_ == "pobj" and o.lemma_.lower() in nouns]
    return [o for o in warned_of if not any(_names_someone(c) for c in o.children)]


def _names_someone(tok: Token) -> bool:
    """"Russian", "Moscow's", "by Moscow": a modifier that names who would do it."""
    if tok.dep_ == "prep" and tok.lower_ in ("by", "from"):
        return True
    return tok.dep_ in ("poss", "amod", "compound", "nmod") and tok.ent_type_ in NAMED_ENTITIES


def _measures(tok: Token, grammar: Grammar) -> list[Token]:
    """"would take the necessary measures": a threat only on a condition or aimed at a side, never an answer."""
    lemma = tok.lemma_.lower()
    return [c for c in tok.children if c.dep_ == "dobj"
            and f"{lemma} {c.lemma_.lower()}" in grammar.conditional_measures]


def _not_ruled_out(tok: Token, grammar: Grammar) -> tuple[str, list[Token], str | None] | None:
    """"did not rule out the use of force", "refused to rule out military action": a hostile option kept open."""
    lemma = tok.lemma_.lower()
    particles = [c for c in tok.children if c.dep_ == "prt" and f"{lemma} {c.lower_}" in grammar.ruled_out_verbs]
    if not (particles or lemma in grammar.ruled_out_verbs):
        return None
    refused = tok.dep_ == "xcomp" and calls_off(tok.head, grammar)
    if not (_negated(tok) or refused):
        return None
    contents = [t for o in tok.children if o.dep_ == "dobj" for t in o.subtree
                if t.lemma_.lower() in grammar.threat_contents]
    if not contents:
        return None
    return OPTION, [tok, *particles, contents[0]], _content_mode(contents, grammar)


def _open_option(tok: Token, grammar: Grammar) -> tuple[str, list[Token], str | None] | None:
    """"all options are on the table", "kept the military option on the table": a hostile option kept open."""
    if _negated(tok):
        return None
    options = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
               and any(f"{m.lower_} {c.lemma_.lower()}" in grammar.open_options for m in c.children
                       if m.dep_ in ("det", "predet", "amod"))]
    if not options:  # most verbs: no place of an option to look for
        return None
    places = [o for h in [tok, *options] for p in h.children if p.dep_ == "prep" for o in p.children
              if o.dep_ == "pobj" and f"{p.lower_} {o.lemma_.lower()}" in grammar.open_option_places]
    if not options or not places:
        return None
    return OPTION, [tok, options[0], places[0]], None


def _force_readied(tok: Token, grammar: Grammar) -> tuple[str, list[Token], str | None] | None:
    """"was ready to use force", "would not hesitate to use nuclear weapons": force as the side's stated option."""
    if clause_dep(tok) != "xcomp" or tok.lemma_.lower() not in grammar.force_verbs or _negated(tok):
        return None
    governor = tok.head.lemma_.lower()
    ready = governor in grammar.hostile_intent_governors and not _negated(tok.head)
    unhesitating = governor in grammar.unhesitating_governors and _negated(tok.head)  # "would not hesitate to use"
    if not (ready or unhesitating):
        return None
    contents = [o for o in tok.children if o.dep_ == "dobj" and grammar.threat_contents.get(o.lemma_.lower())]
    if not contents:
        return None
    return OPTION, [tok, contents[0]], _content_mode(contents, grammar)


def _aimed_at_wrong(noun: Token, grammar: Grammar) -> bool:
    """"a crushing answer to any attack", "a response to the aggression": a response noun aimed at a wrong or at any
    act yet to come, not at a side or a text ("a response to Kenya", "to Kenya's proposal")."""
    aimed = _aimed(noun, [])
    return bool(aimed) and all(t.lemma_.lower() in grammar.wrong_objects or _any_act(t, grammar) for t in aimed)


def _any_act(tok: Token, grammar: Grammar) -> bool:
    """"any deployment", "any move": an act yet to come, not "any request" or "any letter"."""
    return any(d.dep_ == "det" and d.lower_ == "any" for d in tok.children) \
        and tok.lemma_.lower() not in grammar.answerable_nouns | grammar.document_nouns


def hostile_response(tok: Token, grammar: Grammar) -> bool:
    """"will respond to any provocation", "will answer this", "would respond to Israel", "would respond to any
    deployment": aimed at a wrong, a party, any act yet to come, or back at what was told; not "will respond to the
    commission's letter"."""
    aimed = _aimed(tok, [])
    return bool(aimed) and all(t.pos_ in ("PRON", "DET", "PROPN") or t.lemma_.lower() in grammar.wrong_objects
                               or _any_act(t, grammar) for t in aimed)


def _aimed(tok: Token, words: list[Token]) -> list[Token]:
    """What a retaliation is aimed at: its "against"/"to"/"on" phrase, or its object ("will punish X", "X would be
    punished")."""
    preps = BACK_AIM_PREPS if any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children) \
        else AIM_PREPS
    aimed = [t for t in frame(tok, depth=3) if t.dep_ == "pobj" and t.head.lower_ in preps
             and t.head.head.i in {tok.i, *(w.i for w in words)} and not is_time_phrase(t)]  # not "on Wednesday"
    return aimed + [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c not in words]


def _promised(tok: Token, grammar: Grammar, allow_negated: bool = False) -> bool:
    """Said of what is to come: "will", "would", "shall", the "to" clause of "vowed", "threatened", "is ready",
    or a promised "make X pay"."""
    if any(c.dep_ == "aux" and c.lower_ in grammar.modal_future | grammar.promise_modals for c in tok.children):
        return True
    governor = tok.head
    if tok.dep_ in ("ccomp", "xcomp") and governor.i != tok.i and governor.lemma_.lower() in grammar.causative_verbs:
        return _promised(governor, grammar, allow_negated)
    return clause_dep(tok) == "xcomp" \
        and governor.lemma_.lower() in grammar.threat_governors | grammar.hostile_intent_governors \
        and (allow_negated or not _negated(governor))


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _content_mode(tokens: list[Token], grammar: Grammar) -> str | None:
    return next((grammar.threat_contents[t.lemma_.lower()] for t in tokens
                 if t.lemma_.lower() in grammar.threat_contents), None)


def _sayer(tok: Token, grammar: Grammar, speech: SpeechLexicon) -> tuple[Token | None, list[Token], str]:
    """Who says the threat, and by which verb: the subject of the verb reporting the clause ("X warned that
    ..."), of a "to" clause's governor ("X vowed to retaliate"), or the quote's speaker."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in grammar.threat_governors:
        return tok.head, subject_tokens(tok.head)[0], f"subject of '{tok.head.text}'"
    if clause_dep(tok) == "xcomp" and tok.head.dep_ == "acomp":  # "said it was ready to use force"
        tok = tok.head.head
    head = tok.head
    if tok.dep_ == "ccomp" and head.i != tok.i and speech.is_reporting(head) and not quotation(tok.doc).inside(head):
        return head, subject_tokens(head)[0], f"subject of '{head.text}'"
    inserted = next((c for c in tok.children if c.dep_ in ("parataxis", "ccomp", "advcl") and c.i > tok.i
                     and speech.is_reporting(c)), None)  # "... would take measures, the summary said"
    if inserted is not None:
        return inserted, [c for c in inserted.children if c.dep_ in SUBJECT_DEPS], f"subject of '{inserted.text}'"
    if quotation(tok.doc).inside(tok):
        verb = reporting_verb(tok, speech)
        if verb is not None:
            return verb, [c for c in verb.children if c.dep_ in SUBJECT_DEPS], "speaker of the quote"
    return None, [], "none"


def _aim(threat: SaidThreat, tok: Token, grammar: Grammar) -> None:
    """The phrases naming the threatened side, nearest first."""
    if threat.kind == CONSEQUENCE:  # "X will face ...", "X will be destroyed", "X would be treated as an enemy"
        roles = _marked_roles(tok, grammar)
        treated = _treated(tok) if roles and tok.lemma_.lower() in grammar.treatment_verbs else []
        if treated:  # "Riyadh would treat the Lebanese government as an enemy": the object is marked
            threat.threatened, threat.threatened_how = treated, f"object of '{tok.text}'"
            return
        marked = [c for c in tok.children if c.dep_ in PASSIVE_SUBJECT_DEPS] if roles else []
        threat.threatened = subject_tokens(tok)[0] or marked or [
            c for c in tok.children if c.dep_ == "nsubjpass" and c.pos_ == "PROPN"]  # a side by name: not "hospitals"
        threat.threatened_how = f"subject of '{tok.text}'"
        return
    if threat.kind == UNANSWERED:
        acts = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] or subject_tokens(tok)[0]
        threat.act = acts[0] if acts else None
        return
    aimed = _aimed(tok, threat.words)
    if threat.kind == OPTION:  # "the use of force against Niger", "all options are on the table regarding Iran"
        aimed = [t for o in tok.children if o.dep_ == "dobj" for t in o.subtree
                 if t.dep_ == "pobj" and t.head.lower_ in AIM_PREPS] or [
            o for w in threat.words for p in w.children if p.dep_ == "prep" and p.lower_ in OPTION_AIM_PREPS
            for o in p.children if o.dep_ == "pobj" and o not in threat.words and not is_time_phrase(o)]
    if aimed:
        threat.threatened, threat.threatened_how = aimed, f"aimed at '{aimed[0].text}'"
        return
    condition = condition_clause(tok)
    if condition is not None:
        threat.threatened = [c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")]
        threat.threatened_how = f"'{condition.text}' condition"
        return
    answered = _answered_clause(tok, threat.speech) if threat.kind == RETALIATION else None
    if answered is not None:
        threat.threatened = [c for c in answered.children if c.dep_ == "nsubj"] + [
            o for a in answered.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        threat.threatened_how = f"answers '{answered.text}'"
        return
    heads = [tok, *threat.words, threat.speech] + ([tok.head] if tok.dep_ == "xcomp" else [])
    doers = answered_doers(heads) if threat.kind == RETALIATION else []
    if doers:  # "after an Israeli strike on its embassy": the doer, not the place struck
        threat.threatened, threat.threatened_how = doers, f"answers the act of '{doers[0].text}'"


def answered_doers(heads: list[Token]) -> list[Token]:
    """"threatened to close the strait in response to new U.S. sanctions", "... after Israel's strike": the words
    naming who did the act a threat answers (its owner or modifier, or its "by" phrase), not the act's own target."""
    acts = [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ANSWERED_PREPS
            for o in p.children if o.dep_ == "pobj" and o.pos_ != "PROPN"]
    acts += [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "in"
             for r in p.children if r.dep_ == "pobj" and r.lower_ == "response"
             for t in r.children if t.dep_ == "prep" and t.lower_ == "to" for o in t.children if o.dep_ == "pobj"]
    return [c for a in acts for c in a.children if c.dep_ in DOER_DEPS] + [
        o for a in acts for p in a.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children
        if o.dep_ == "pobj"]


def _answered_clause(tok: Token, speech: Token) -> Token | None:
    """"threatened to retaliate after France expelled its diplomats", "vowed revenge because Israel had struck":
    the clause telling the act a retaliation answers, on the retaliation or on the verb that says it."""
    heads = [tok, speech] + ([tok.head] if tok.dep_ == "xcomp" else [])
    return next((c for h in heads for c in h.children if c.dep_ == "advcl"
                 and any(m.dep_ == "mark" and m.lower_ in ANSWERED_MARKS for m in c.children)), None)
