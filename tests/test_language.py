"""Facts several stages share (newsgraph.language): one lemma fall-back, one modality, one reporting-verb list."""
from __future__ import annotations

import pytest
import spacy

from newsgraph.language.antecedents import act_antecedent
from newsgraph.language.lemmas import lemma_candidates
from newsgraph.language.modality import calls_off, qualifiers_of
from newsgraph.resources import ResourceError
from newsgraph.resources.dates import load_date_lexicon
from newsgraph.resources.grammar import load_grammar
from newsgraph.resources.lexicon import load_lexicon
from newsgraph.resources.speech_verbs import load_speech_lexicon
from newsgraph.stages.dates import clause_tense


@pytest.mark.parametrize("word, lemma", [("staged", "stage"), ("tried", "try"), ("goes", "go"), ("hopes", "hope"),
                                         ("scheduling", "schedule")])
def test_lemma_fall_back_finds_the_plain_stem(word, lemma):
    tok = spacy.blank("en")(word)[0]
    assert lemma in lemma_candidates(tok)


@pytest.mark.parametrize("text, trigger, qualifier, tense", [
    ("Iran wants to meet Oman on Friday.", "meet", "hypothetical", "future"),
    ("Iran plans to meet Oman on Friday.", "meet", "future", "future"),
    ("Iran will meet Oman on Friday.", "meet", "future", "future"),
    ("Iran may meet Oman on Friday.", "meet", "hypothetical", "open"),
    ("Iran was able to meet Oman on Friday.", "meet", "hypothetical", "past"),
])
def test_events_and_dates_read_the_same_modality(nlp, text, trigger, qualifier, tense):
    """A wished-for act is not a fact and lies ahead; a merely possible one is not a fact but is not placed."""
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    friday = next(t for t in doc if t.text == "Friday")
    grammar = load_grammar()
    assert qualifier in qualifiers_of(tok, grammar)
    assert clause_tense(friday, load_date_lexicon(), grammar, load_speech_lexicon()) == tense


@pytest.mark.parametrize("text, verb, denies", [
    ("Ghana called off its trade talks with Togo.", "called", True),  # phrasal entry, lemma "call"
    ("Ghana refused to hold trade talks with Togo.", "refused", True),
    ("Ghana called on Togo to reopen the border.", "called", False),  # another particle: no denial
    ("Ghana called the talks with Togo a failure.", "called", False),
])
def test_a_governor_denies_by_its_lemma_or_its_phrasal_form(nlp, text, verb, denies):
    tok = next(t for t in nlp(text) if t.text == verb)
    assert calls_off(tok, load_grammar()) is denies


def test_a_verb_coordinated_elsewhere_takes_its_real_governors_qualifiers(nlp):
    """The parser hangs "pressed" on "send"; read from "told", the reported "would not" is not the pressing's."""
    doc = nlp("The minister told reporters that Rome would not send troops and pressed Libya's rivals to talk.")
    pressed, told = (next(t for t in doc if t.text == w) for w in ("pressed", "told"))
    grammar = load_grammar()
    assert pressed.head.text == "send"  # the misreading this guards against
    assert not qualifiers_of(pressed, grammar, coordinated_with=told) & {"negated", "hypothetical"}


def test_indirect_speech_verbs_must_be_reporting_verbs(tmp_path):
    mine = tmp_path / "verbs.yaml"
    mine.write_text("indirect_speech_verbs: [grumble]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="grumble are not under reporting_verbs"):
        load_speech_lexicon([mine])


@pytest.mark.parametrize(("text", "pronoun", "act"), [
    ("Seoul criticised Pyongyang's missile launches, saying they breached U.N. resolutions.", "they", "launches"),
    ("Kyiv condemned the strike on the dam, calling it an act of terror.", "it", "strike"),
    ("Erdogan said the journalist's killing inside the consulate had been planned for days and called it a crime.",
     "it", "killing"),
    ("Tokyo held a security meeting within hours of the launches and called them a grave threat.", "them", "launches"),
    # the noun nearest the pronoun is no act, or the pronoun comments on nothing: no reading
    ("Canada's minister visited the port after the strikes, saying it was vital to food supplies.", "it", None),
    ("The ministry condemned the attacks and said they had been carried out by militias.", "they", "attacks"),
    ("The embassy said it was following the protests closely.", "it", None),
])
def test_a_pronoun_commenting_on_an_act_stands_for_that_act(nlp, text, pronoun, act):
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_ == pronoun)
    found = act_antecedent(tok, load_lexicon(), load_grammar())
    assert (found.text if found is not None else None) == act


@pytest.mark.parametrize(("text", "act"), [
    # a naming verb's object, with nothing before it but the subject, is the act the sentence before named
    ("Kyrgyzstan and Tajikistan signed a border treaty in Bishkek. The Kremlin's spokesman called it historic.",
     "treaty"),
    # a word of the sentence before that is quoted is someone's phrase, not the act told
    ('Critics called the plan a "vote now, pay later" budget. The opposition leader branded it a gimmick.', None),
    # the object of a naming verb that is not the main verb reads its own sentence only
    ("Seoul signed the accord on Monday. Tokyo said the minister had called it historic.", None),
])
def test_a_named_pronoun_may_stand_for_the_act_of_the_sentence_before(nlp, text, act):
    doc = nlp(text)
    tok = [t for t in doc if t.lower_ == "it"][-1]
    found = act_antecedent(tok, load_lexicon(), load_grammar())
    assert (found.text if found is not None else None) == act
