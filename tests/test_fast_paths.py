"""The shortcuts that keep extraction cheap must find exactly what a plain scan finds.

Each test below sets a fast path against the brute-force way of asking the same question, on sentences of our
own writing, so an index that silently drops a match fails here.
"""
from __future__ import annotations

import subprocess
import sys

import pytest
from spacy.tokens import Doc

from newsgraph.language.lemmas import lemma_candidates
from newsgraph.resources import Resources
from newsgraph.resources.kb import KnowledgeBase, PhraseIndex, _lower_tokens, plural
from newsgraph.resources.lexicon import load_lexicon
from newsgraph.stages.dates import _word, _words
from newsgraph.stages.events import coder
from newsgraph.stages.events.matching import (
    TRIGGER_DEPS,
    TRIGGER_TAGS,
    _TriggerPhrase,
    lexicon_triggers,
    match_patterns,
    trigger_kind,
    words_near,
)
from newsgraph.stages.lookups import (
    dependencies,
    doc_text,
    lemma_places,
    lower_words,
    places_before,
    pos_tags,
    token_texts,
    tokens_spelled,
    tokens_tagged,
)
from newsgraph.stages.quotes import _paragraphs_of

SENTENCES = [
    "The Foreign Ministry of Côte d'Ivoire summoned the U.S. ambassador on Tuesday.",
    "Prime Minister Keir Starmer met the secretary-general of NATO and two senior police officials in London.",
    "The European Union's foreign policy chief said the bloc would impose new sanctions on Russia.",
    "Rebels of the M23 group pledged to withdraw from Goma, according to the U.N. envoy.",
    "Police cracked down on protesters who gathered in front of the parliament in Nairobi.",
    "The council urged member states to send humanitarian aid to the flooded region.",
    "Sanctions were imposed on the oil company by the European Commission on Friday.",
    "The minister refused to meet the delegation and called its demands baseless.",
    "An agent of the prep school said the attr case would be heard by a judge in Dhaka.",
]


def _scan(forms: dict[str, list[str]], doc: Doc) -> list[tuple[int, int, int]]:
    """Every token range whose lower-case words are one of a key's forms, tried one by one."""
    phrases = {(_lower_tokens(text), key) for key, texts in forms.items() for text in texts}
    longest = max(len(words) for words, _ in phrases)
    strings = doc.vocab.strings
    return sorted((strings.add(key), start, end) for start in range(len(doc))
                  for end in range(start + 1, min(start + longest, len(doc)) + 1)
                  for words, key in phrases if words == tuple(t.lower_ for t in doc[start:end]))


@pytest.mark.parametrize("sentence", SENTENCES)
def test_phrase_index_finds_what_a_scan_finds(nlp, sentence: str) -> None:
    # spaCy gives some words ("agent", "prep", "attr") a fixed symbol id instead of a hash: the index must agree
    forms = {"NATO": ["NATO", "the North Atlantic Treaty Organization"], "CIV": ["Côte d'Ivoire", "Ivory Coast"],
             "USA": ["U.S.", "United States"], "ROLE:agent": ["agent", "agents"], "ROLE:prep": ["prep school"],
             "ROLE:police": ["police", "police officials"], "ROLE:officials": ["officials", "senior officials"],
             "ROLE:minister": ["minister", "prime minister", "foreign ministry"], "CASE": ["attr case"]}
    doc = nlp.make_doc(sentence)
    assert sorted(PhraseIndex(forms)(doc)) == _scan(forms, doc)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_role_index_of_the_knowledge_base_finds_what_a_scan_finds(nlp, kb: KnowledgeBase, sentence: str) -> None:
    doc = nlp.make_doc(sentence)
    forms = {"ROLE:" + p: sorted({p, plural(p), p.title()}) for p in kb.roles}  # as role_matcher reads them
    assert sorted(kb.role_matcher(nlp.vocab)(doc)) == _scan(forms, doc)


NAMED_PHRASES = ["The envoy arrived for talks with the rebels in front of the palace.",
                 "Troops were pulled out of the town after the rebels agreed to hold talks with Kyiv."]


@pytest.mark.parametrize("sentence", [*SENTENCES, *NAMED_PHRASES])
def test_every_name_of_a_phrase_is_made_of_words_near_its_trigger(nlp, sentence: str) -> None:
    """match_patterns passes over the patterns whose words are not near the trigger before reading its phrase: a
    name the phrase answers to ("for talks with", "out of") must never be made of other words."""
    for tok in nlp(sentence):
        phrase = _TriggerPhrase(tok)
        phrase.with_clauses()
        near = words_near(tok)
        assert all(name in near or near.issuperset(name.split()) for name in phrase.names), (tok.text, phrase.names)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_complete_matches_are_those_of_the_full_run(nlp, sentence: str) -> None:
    """Event coding asks only for complete matches: skipping patterns that lack a word must skip no other."""
    lexicon = load_lexicon()
    for tok in nlp(sentence):
        kind = trigger_kind(tok)
        if kind is None:
            continue
        patterns = [p for lemma in lemma_candidates(tok) for p in lexicon.for_lemma(kind, lemma)]
        full = [(m.pattern.id, [t.i for t in m.consumed]) for m in match_patterns(patterns, tok) if m.complete]
        fast = [(m.pattern.id, [t.i for t in m.consumed], m.missing) for m in
                match_patterns(patterns, tok, complete_only=True)]
        assert [(pid, consumed) for pid, consumed, _ in fast] == full, tok.text
        assert all(not missing for _, _, missing in fast)


@pytest.mark.parametrize("sentence", [*SENTENCES, "On Jan. 3 the U.N. said 1,200 fled... İstanbul's mayor agreed.",
                                      "Talks resumed.\n\n  The  envoy left\tfor Doha . "])
def test_kept_text_and_date_words_are_those_of_the_tokens(nlp, sentence: str) -> None:
    doc = nlp(sentence)
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    assert _words(doc) == [_word(tok) for tok in doc]



@pytest.mark.parametrize("sentence", [*SENTENCES, "Talks resumed.\n\n  The  envoy left\tfor Doha . "])
def test_kept_token_strings_are_those_of_the_tokens(nlp, sentence: str) -> None:
    """Whole-document scans read words off these lists and make a Token only where a word passes."""
    doc = nlp(sentence)
    assert token_texts(doc) == [t.text for t in doc] and token_texts(doc) is token_texts(doc)
    assert lower_words(doc) == [t.lower_ for t in doc]
    assert pos_tags(doc) == [t.pos_ for t in doc]
    assert dependencies(doc) == [t.dep_ for t in doc]


@pytest.mark.parametrize("tags", [frozenset({"VERB"}), frozenset({"VERB", "AUX"}), frozenset({"NOUN", "PROPN"})])
def test_tokens_tagged_are_those_a_scan_of_the_sentence_keeps(nlp, tags: frozenset[str]) -> None:
    doc = nlp(" ".join(SENTENCES))
    for sent in doc.sents:
        assert [t.i for t in tokens_tagged(sent, tags)] == [t.i for t in sent if t.pos_ in tags]
        assert [t.i for t in tokens_tagged(sent, tags, frozenset({"acomp", "dobj"}))] == \
            [t.i for t in sent if t.pos_ in tags or t.dep_ in ("acomp", "dobj")]


def test_tokens_spelled_are_those_a_scan_of_the_sentence_keeps(nlp) -> None:
    doc = nlp(" ".join([*SENTENCES, "The two armies jointly patrolled the border; Seoul was Appalled by the strikes."]))
    words = frozenset({"jointly", "appalled", "the", "minister"})
    for sent in doc.sents:
        assert [t.i for t in tokens_spelled(sent, words)] == [t.i for t in sent if t.lower_ in words]
    assert len([t for sent in doc.sents for t in tokens_spelled(sent, words)]) > len(SENTENCES)


def test_earlier_tellings_of_a_lemma_are_those_a_backward_scan_finds(nlp) -> None:
    doc = nlp(" ".join([*SENTENCES, "The council's order was signed; a second order followed the first."]))
    places = lemma_places(doc)
    for end in (0, len(doc) // 2, len(doc)):
        for lemma in ("order", "sanction", "impose", "summon", "minister"):
            scan = [t.i for t in reversed(doc[:end]) if t.lemma_.lower() == lemma and t.pos_ in ("VERB", "NOUN")]
            assert list(places_before(places.get(lemma, []), end)) == scan
    assert len(places["order"]) == 2


@pytest.mark.parametrize("sentence", [*SENTENCES, "Seoul remains opposed to the plan and is committed to talks.",
                                      "The envoy seemed pleased; critics were unconvinced and stayed silent."])
def test_every_word_trigger_kind_gives_a_kind_is_among_the_tagged_triggers(nlp, sentence: str) -> None:
    """Event coding tries only the words of TRIGGER_TAGS and TRIGGER_DEPS: none trigger_kind accepts is skipped."""
    doc = nlp(sentence)
    for sent in doc.sents:
        tagged = {t.i for t in tokens_tagged(sent, TRIGGER_TAGS, TRIGGER_DEPS)}
        assert {t.i for t in sent if trigger_kind(t) is not None} <= tagged


@pytest.mark.parametrize("sentence", [*SENTENCES, "Seoul remains opposed to the plan and is committed to talks.",
                                      "Hopes rose as the rebels staged attacks and the army's chief accused them."])
def test_the_lexicon_triggers_are_the_words_with_patterns_of_their_kind(nlp, sentence: str) -> None:
    """Event coding tries _best_match only at the words lexicon_triggers gives: every word with a kind and a
    pattern for one of its lemma candidates, as asked token by token."""
    lexicon = load_lexicon()
    doc = nlp(sentence)
    for sent in doc.sents:
        asked = [t.i for t in sent if (kind := trigger_kind(t)) is not None
                 and any(lexicon.for_lemma(kind, lemma) for lemma in lemma_candidates(t))]
        assert [t.i for t in lexicon_triggers(sent, lexicon)] == asked
        assert asked


@pytest.mark.parametrize("text", ["Talks resumed in Doha.\n\nThe envoy left. He said the talks went well.\n",
                                  "One paragraph only, with no break at all.",
                                  "A line ends here.\nAnother follows \n\n\n and a third after blank lines."])
def test_paragraphs_are_those_a_scan_of_every_token_finds(nlp, text: str) -> None:
    """A token's whitespace is one space at most, so a paragraph break is always in a token's own text."""
    doc = nlp(text)
    of_token, starts = [], [0]
    for tok in doc:
        of_token.append(len(starts) - 1)
        if "\n" in tok.text or "\n" in tok.whitespace_:
            starts.append(tok.idx + len(tok.text_with_ws))
    assert _paragraphs_of(doc) == (of_token, starts)


EVENT_SENTENCES = [
    "Iran's foreign minister condemned Israel's strike on Syria and demanded that Washington halt arms deliveries.",
    "China warned Taiwan it would respond with force, and the United States urged both sides to show restraint.",
    "Kenya's president met his Ugandan counterpart in Nairobi and the two signed a trade agreement.",
    "The European Union imposed sanctions on Belarus after Minsk expelled Polish diplomats.",
    "Russian forces shelled Kharkiv overnight, Ukraine's military said, as Kyiv called for more air defence.",
]


@pytest.mark.parametrize("sentence", EVENT_SENTENCES)
def test_best_match_and_target_phrases_asked_once_are_those_of_the_plain_reading(sentence: str) -> None:
    """A match's target phrase is read once and _finds_target asked once per match: the choice must not change."""
    from newsgraph.pipeline import pipeline_for

    resources = Resources.load()
    doc = pipeline_for(resources)(sentence)

    def context() -> coder._Context:
        return coder._Context(doc=doc, actors=doc._.actors, dates=doc._.dates, published=None,
                              lexicon=resources.lexicon, grammar=resources.grammar, speech=resources.speech_verbs)

    kept, fresh = context(), context()
    for tok in doc:
        kind = trigger_kind(tok)
        if kind is None:
            continue
        per_lemma = [resources.lexicon.for_lemma(kind, lemma) for lemma in lemma_candidates(tok)]
        for m in match_patterns([p for patterns in per_lemma for p in patterns], tok):
            first = coder._target_phrase(m, kept)
            first[0].clear()  # the caller's own list: the kept one stays whole
            assert coder._target_phrase(m, kept) == coder._read_target_phrase(m, fresh)
        plain = [m for m in match_patterns(next((p for p in per_lemma if p), []), tok)
                 if m.complete and not ((m.pattern.target_kinds or m.pattern.target_required)
                                        and not coder._finds_target(m, fresh))]
        best = coder._best_match(tok, kept, None)
        expected = max(plain, key=lambda m: (m.pattern.is_own, coder._finds_target(m, fresh), m.pattern.rank)) \
            if plain else None
        assert (best and (best.pattern.id, best.trigger.i)) == (expected and (expected.pattern.id, expected.trigger.i))

REPORTING = ["The spokesman pointed out that the talks went on, officials told reporters.",
             "\"We will not leave,\" the State Department's post said, as the envoy was quoted saying."]


@pytest.mark.parametrize("sentence", [*SENTENCES, *REPORTING])
def test_reporting_verbs_found_once_per_doc_are_those_asked_word_by_word(nlp, sentence: str) -> None:
    """is_reporting answers from flags worked out for the whole Doc: they must be the word-by-word answers."""
    speech = Resources.load().speech_verbs

    def asked(tok) -> bool:
        if tok.pos_ != "VERB" and not tok.tag_.startswith("VB"):
            return False
        lemma = tok.lemma_.lower()
        return tok.lower_ in speech.reporting or lemma in speech.reporting or any(
            c.dep_ == "prt" and c.lower_ in speech.phrasal.get(lemma, ()) for c in tok.children)

    doc = nlp(sentence)
    assert [speech.is_reporting(tok) for tok in doc] == [asked(tok) for tok in doc]
    assert any(asked(tok) for tok in doc) or sentence not in REPORTING


@pytest.mark.parametrize("sentence", [*SENTENCES, *REPORTING,
                                      "According to the ministry, and as reported by state media, talks failed."])
def test_source_phrases_start_only_at_their_openers(nlp, sentence: str) -> None:
    """Quote cues ask source_phrase_at only of a source phrase's first words: no phrase starts anywhere else."""
    speech = Resources.load().speech_verbs
    doc = nlp(sentence)
    starts = [tok.i for tok in doc if speech.source_phrase_at(tok)]
    assert all(doc[i].lower_ in speech.source_phrase_openers for i in starts)
    assert starts or "According" not in sentence


def test_the_command_line_spares_its_heap_the_last_collections() -> None:
    """At exit, what a command leaves alive is frozen, not walked by the interpreter's final collections."""
    script = ("import atexit, gc, newsgraph.cli\n"
              "before = gc.get_freeze_count()\n"
              "atexit._run_exitfuncs()\n"
              "print(before == 0 and gc.get_freeze_count() > 0)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"


def test_the_command_line_leaves_the_gold_validator_to_evaluate() -> None:
    """Every command imports the CLI's modules; jsonschema (a twentieth of a second) is imported by evaluate alone."""
    script = "import sys, newsgraph.cli\nprint('jsonschema' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_loaded_pipeline_and_its_indexes_are_out_of_the_collectors_sight() -> None:
    """Built once per process and frozen: no full collection walks the KB phrase index while articles go by."""
    script = ("import gc\n"
              "from newsgraph.pipeline import pipeline_for\n"
              "from newsgraph.resources import Resources\n"
              "resources = Resources.load()\n"
              "nlp = pipeline_for(resources)\n"
              "index = resources.kb.matcher(nlp.vocab)\n"
              "print(gc.get_freeze_count() > 0 and not any(o is index for o in gc.get_objects()))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"
