"""The learned event scorer (issue 16): the encoder, the keep/retype/drop decisions, the switch, training."""
from __future__ import annotations

import dataclasses
import json
import pickle
import socket

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import FIXTURES, REPO, load_script

from newsgraph.cli import main
from newsgraph.records import EVENT_TYPES, PIPELINE_VERSION
from newsgraph.resources import Resources
from newsgraph.resources.bundle import MODEL_VARIABLE, model_wanted
from newsgraph.stages.actors import resolve_actors
from newsgraph.stages.dates import resolve_dates
from newsgraph.stages.events.coder import Trace, code_events
from newsgraph.stages.events.encoder import (
    DIMENSIONS,
    MAX_PIECES,
    SentenceEncoder,
    model_file,
    shared_encoder,
    tokenizer_json,
)
from newsgraph.stages.events.scorer import (
    NONE,
    ROLE_FEATURES,
    ROLES,
    TYPE_FEATURES,
    WEIGHTS_FILE,
    Assessment,
    EventScorer,
    LinearModel,
    WeightsError,
    decide,
    save_weights,
    weights_digest,
)

FIXTURE_DATA = FIXTURES / "scorer" / "events.jsonl"
FIXTURE_ARTICLES = FIXTURES / "scorer" / "articles.jsonl"
TYPE_CLASSES = (*EVENT_TYPES, NONE)
THRESHOLDS = {"drop": 0.6, "retype": 0.7, "arguments": 0.1, "add": 0.8, "add_sides": 0.5}

SHELLING = "Russian forces shelled the Ukrainian city of Kharkiv on Sunday, killing four civilians."
PROTEST = "Thousands of farmers protested outside the parliament in Paris against the trade deal on Monday."
COURTING = "Kenya courted Ethiopia with new trade offers on Monday."
TALKS = "Egypt's foreign minister met his Qatari counterpart in Doha on Tuesday to discuss the hostages."


def leaning(cls: str, classes: tuple[str, ...], features: int, strength: float = 8.0) -> LinearModel:
    """A classifier that reads nothing and always leans to `cls`: the decisions are tested without a trained model."""
    bias = np.zeros(len(classes))
    bias[classes.index(cls)] = strength
    return LinearModel(classes=classes, weights=np.zeros((len(classes), features)), bias=bias,
                       mean=np.zeros(features), scale=np.ones(features))


def roles_by_order() -> LinearModel:
    """A role classifier that reads only which comes first: a mention before the trigger is its source, one after it
    its target (the active clause's reading)."""
    features = ROLE_FEATURES
    weights = np.zeros((len(ROLES), features))
    weights[ROLES.index("source"), -1], weights[ROLES.index("target"), -1] = 6.0, -6.0
    return LinearModel(classes=ROLES, weights=weights, bias=np.zeros(len(ROLES)), mean=np.zeros(features),
                       scale=np.ones(features))


def scorer_leaning(etype: str, role_fit: bool = True) -> EventScorer:
    """A scorer whose type model always says `etype` and whose role model reads the order of the sides (or says no
    mention fits any role)."""
    roles = roles_by_order() if role_fit else leaning(NONE, ROLES, ROLE_FEATURES)
    return EventScorer(types=leaning(etype, TYPE_CLASSES, TYPE_FEATURES), roles=roles, thresholds=THRESHOLDS,
                       digest="0" * 64)


def code(nlp, sentence: str, scorer: EventScorer | None, trace: Trace | None = None):
    resources = Resources.load(model=False)
    doc = nlp(sentence)
    actors = resolve_actors(doc, kb=resources.kb, published="2025-03-10")
    dates = resolve_dates(doc, published="2025-03-10", lexicon=resources.dates, grammar=resources.grammar,
                          speech_verbs=resources.speech_verbs)
    return code_events(doc, actors=actors, dates=dates, published="2025-03-10", lexicon=resources.lexicon,
                       grammar=resources.grammar, speech_verbs=resources.speech_verbs, trace=trace, scorer=scorer)


# -- the encoder ---------------------------------------------------------------------------------------------

def test_encoder_runs_offline_and_gives_the_same_vectors_in_any_batch(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the encoder tried to open a socket")

    monkeypatch.setattr(socket, "socket", no_network)
    encoder = SentenceEncoder(model_file(), tokenizer_json())
    alone = encoder.encode([SHELLING])[0]
    batched = encoder.encode([PROTEST, SHELLING, TALKS, "Short."])[1]
    assert alone.vectors.shape == (len(alone.offsets), DIMENSIONS)
    np.testing.assert_allclose(alone.vectors, batched.vectors, atol=1e-5)
    start = SHELLING.index("shelled")
    assert np.abs(alone.span(start, start + len("shelled"))).sum() > 0
    assert not alone.span(len(SHELLING) + 5, len(SHELLING) + 9).any()  # no piece there


def test_word_pieces_map_back_to_the_characters_of_the_sentence():
    vectors = shared_encoder().encode([TALKS])[0]
    pieces = [TALKS[s:e].lower() for s, e in vectors.offsets]
    assert "egypt" in pieces and "doha" in pieces
    assert all(TALKS[s:e].strip() for s, e in vectors.offsets)  # [CLS] and [SEP] are left out


def test_a_sentence_past_the_encoders_reach_has_no_vectors_there():
    long = " ".join(["The delegates talked."] * (MAX_PIECES // 3)) + " Rebels shelled the base."
    vectors = shared_encoder().encode([long])[0]
    start = long.rindex("shelled")
    assert len(vectors.offsets) <= MAX_PIECES
    assert not vectors.span(start, start + len("shelled")).any()


# -- the decisions -------------------------------------------------------------------------------------------

def test_decide_keeps_retypes_and_drops_by_the_thresholds():
    leaning_none = {**dict.fromkeys(EVENT_TYPES, 0.01), NONE: 0.84}
    assert decide(Assessment("ASSAULT", leaning_none, 0.9), THRESHOLDS).etype is None
    other = {**dict.fromkeys(EVENT_TYPES, 0.01), "PROTEST": 0.8, NONE: 0.05}
    assert decide(Assessment("ASSAULT", other, 0.9), THRESHOLDS).etype == "PROTEST"
    unsure = {**dict.fromkeys(EVENT_TYPES, 0.04), "PROTEST": 0.3, "ASSAULT": 0.2, NONE: 0.1}
    kept = decide(Assessment("ASSAULT", unsure, 0.9), THRESHOLDS)
    assert kept.etype == "ASSAULT" and kept.probability == 0.2
    assert decide(Assessment("ASSAULT", unsure, 0.05), THRESHOLDS).etype is None  # the actors do not fit
    assert decide(Assessment("ASSAULT", {}, None), THRESHOLDS).etype == "ASSAULT"  # past the encoder's reach


def test_the_scorer_keeps_an_event_it_agrees_with_and_records_its_probability(nlp):
    [event] = code(nlp, SHELLING, scorer_leaning("ASSAULT"))
    assert event.type == "ASSAULT" and event.model_probability is not None and event.model_probability > 0.9
    [plain] = code(nlp, SHELLING, None)
    assert plain.model_probability is None and plain.type == "ASSAULT"


def test_the_scorer_retypes_an_event_and_drops_the_old_types_mode(nlp):
    [plain] = code(nlp, SHELLING, None)
    assert plain.mode is not None  # shelling: heavy weapons
    [event] = code(nlp, SHELLING, scorer_leaning("COERCE"))
    assert event.type == "COERCE" and event.mode is None and event.quad_class == "material_conflict"


def test_the_scorer_drops_what_it_reads_as_no_event_and_explain_says_why(nlp):
    trace = Trace()
    assert code(nlp, TALKS, scorer_leaning(NONE), trace) == []
    assert any(c.status.startswith("dropped by the model") for c in trace.candidates)


def test_the_scorer_drops_an_event_whose_actors_do_not_fit_their_roles(nlp):
    trace = Trace()
    assert code(nlp, TALKS, scorer_leaning("CONSULT", role_fit=False), trace) == []
    assert any("do not fit their roles" in c.status for c in trace.candidates)


def test_the_scorer_adds_a_verb_no_pattern_reads_when_it_is_sure_and_the_parse_names_both_sides(nlp):
    assert code(nlp, COURTING, None) == []
    [event] = code(nlp, COURTING, scorer_leaning("COOPERATE"))
    assert event.type == "COOPERATE" and event.pattern == "model:cooperate" and event.trigger == "courted"
    assert event.model_probability is not None and event.model_probability > 0.9
    assert code(nlp, COURTING, scorer_leaning(NONE)) == []
    assert code(nlp, COURTING, scorer_leaning("COOPERATE", role_fit=False)) == []


@pytest.mark.parametrize("sentence", [
    "Kenya courted investors with new trade offers on Monday.",
    "Kenya courted investors in Ethiopia on Monday.",  # the place is the scene, not a side
])
def test_the_scorer_adds_nothing_where_the_parse_names_one_side(nlp, sentence):
    assert code(nlp, sentence, scorer_leaning("COOPERATE")) == []


# -- the weights file, the switch and the pipeline version ---------------------------------------------------

def test_weights_round_trip_with_their_digest_and_a_changed_file_is_refused(tmp_path):
    scorer = scorer_leaning("AID")
    path = tmp_path / "w.npz"
    digest = save_weights(path, scorer.types, scorer.roles, THRESHOLDS)
    loaded = EventScorer.load(path)
    assert loaded.digest == digest and loaded.thresholds == THRESHOLDS and loaded.version == f"model:{digest[:8]}"
    with np.load(path) as data:
        arrays = {name: data[name] for name in data.files}
    arrays["type_bias"] = arrays["type_bias"] + 1
    np.savez(path, **arrays)
    with pytest.raises(WeightsError, match="make train"):
        EventScorer.load(path)
    assert weights_digest({"a": np.zeros(3)}) == weights_digest({"a": np.zeros(3)})


def test_the_model_is_chosen_by_argument_then_environment_then_default(monkeypatch):
    monkeypatch.setenv(MODEL_VARIABLE, "on")
    assert model_wanted() and Resources.load().scorer is not None
    assert Resources.load(model=False).scorer is None
    monkeypatch.setenv(MODEL_VARIABLE, "off")
    assert Resources.load().scorer is None
    monkeypatch.setenv(MODEL_VARIABLE, "maybe")
    with pytest.raises(ValueError, match="on or off"):
        model_wanted()


def test_the_pipeline_version_says_whether_the_model_ran():
    with_model = Resources.load(model=True)
    assert with_model.pipeline_version == f"{PIPELINE_VERSION}+model:{EventScorer.load().digest[:8]}"
    assert Resources.load(model=False).pipeline_version == f"{PIPELINE_VERSION}+rules"
    assert len(with_model.pipeline_version) <= 20  # the store's column


@pytest.mark.parametrize(("flag", "suffix", "scored"), [("--no-model", "+rules", False), ("--model", "+model:", True)])
def test_extract_with_and_without_the_model(tmp_path, monkeypatch, flag, suffix, scored):
    monkeypatch.delenv(MODEL_VARIABLE, raising=False)
    article = tmp_path / "strike.txt"
    article.write_text(f"date 2025-03-10\n\n{SHELLING}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", flag, str(article)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    assert suffix in record["pipeline_version"]
    assert all((e["model_probability"] is not None) == scored for e in record["events"])


def test_extract_text_takes_the_choice_too(extract_text):
    assert extract_text(SHELLING, published="2025-03-10", model=False).pipeline_version.endswith("+rules")
    scored = extract_text(SHELLING, published="2025-03-10", model=True)
    assert "+model:" in scored.pipeline_version and scored.events[0].model_probability is not None


def test_the_bundle_pickles_without_the_encoder_and_scores_after_unpickling(nlp):
    resources = Resources.load(model=True)
    payload = pickle.dumps(resources)
    # the weights, not the 23 MB network: each worker loads that once, itself
    assert len(payload) - len(pickle.dumps(Resources.load(model=False))) < 1_000_000
    copy = pickle.loads(payload)
    assert copy.scorer is not None and copy.scorer.digest == resources.scorer.digest
    events = code(nlp, SHELLING, copy.scorer)
    assert events and events[0].model_probability is not None


def test_the_shipped_weights_exist_and_name_their_data():
    scorer = EventScorer.load(WEIGHTS_FILE)
    card = WEIGHTS_FILE.with_name("model-card.md").read_text(encoding="utf-8")
    assert scorer.digest in card and "sha256" in card and set(scorer.types.classes) == set(TYPE_CLASSES)


@pytest.mark.parametrize(("sentence", "etype"), [
    (SHELLING, "ASSAULT"), (PROTEST, "PROTEST"), (TALKS, "CONSULT"),
    ("Brazil thanked Argentina for its help after the floods.", "SUPPORT"),
    ("The Kenyan government rebuked Uganda over the border closure.", "ACCUSE"),
])
def test_the_shipped_model_keeps_plain_events_of_the_rules(nlp, sentence, etype):
    [event] = code(nlp, sentence, EventScorer.load())
    assert event.type == etype and event.model_probability is not None and event.model_probability > 0.5


def test_worker_processes_run_the_model_when_asked(monkeypatch):
    from newsgraph.records import RawArticle
    from newsgraph.run.parallel import extract_parallel

    monkeypatch.setenv(MODEL_VARIABLE, "on")  # what --model sets, read again in each worker
    raws = [RawArticle(origin=f"a{i}", text=text, published="2025-03-10") for i, text in enumerate((SHELLING, TALKS))]
    outcomes = list(extract_parallel(raws, workers=2, chunk_size=1))
    assert [o.failure for o in outcomes] == [None, None]
    assert all("+model:" in o.article.pipeline_version and o.article.events[0].model_probability is not None
               for o in outcomes if o.article is not None)


# -- training -------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def training_script():
    return load_script(REPO / "scripts" / "train_event_scorer.py")


def test_training_on_a_slice_gives_the_same_weights_and_figures_twice(training_script, tmp_path):
    pytest.importorskip("sklearn")
    first = training_script.train(FIXTURE_DATA, FIXTURE_ARTICLES, None, tmp_path / "one.npz")
    second = training_script.train(FIXTURE_DATA, FIXTURE_ARTICLES, None, tmp_path / "two.npz")
    assert first.figures == second.figures
    assert first.scorer.digest == second.scorer.digest == first.figures["digest"]
    assert first.figures["records"] == {"train": 36, "heldout": 12}
    assert first.figures["article_records"] == {"train": 6, "heldout": 3}
    assert first.figures["examples"]["types"] > 36 and first.figures["examples"]["roles"] > 36
    assert first.figures["examples"]["article_types"] >= 6 and first.figures["examples"]["article_roles"] >= 4
    decisions = first.figures["heldout_article_decisions"]
    assert set(decisions) == {"rules only", "drop", "retype", "arguments", "add", "all chosen"}
    # a kind is on only where it raised the held-out F1 without lowering precision
    assert decisions["all chosen"]["f1"] >= decisions["rules only"]["f1"]
    assert decisions["all chosen"]["precision"] >= decisions["rules only"]["precision"]
    card = training_script.model_card(first.figures, FIXTURE_DATA, FIXTURE_ARTICLES)
    assert first.figures["digest"] in card and first.figures["data_sha256"] in card
    assert first.figures["articles_sha256"] in card and "| rules only |" in card


def test_without_held_out_articles_every_decision_stays_off(training_script, tmp_path):
    pytest.importorskip("sklearn")
    trained = training_script.train(FIXTURE_DATA, None, None, tmp_path / "w.npz")
    assert trained.figures["thresholds"] == training_script.NEVER


@pytest.fixture(scope="module")
def fixture_articles(training_script):
    """The scorer fixture's article-shaped texts, parsed, with the rules' candidates recorded."""
    resources = Resources.load(model=False)
    records = [json.loads(line) for line in FIXTURE_ARTICLES.read_text(encoding="utf-8").splitlines()]
    texts = training_script.prepare(records, resources)
    training_script.record_candidates(texts, resources)
    return {text.record["origin"]: text for text in texts}


def _labels(training_script, text) -> list[tuple[str, str]]:
    rows = []
    golds = training_script.gold_dyads({"events": text.record["events"]})
    told = training_script._evidence_sentences(text, golds)
    for s in text.sentences:
        for proposal in s.candidates:
            label, _ = training_script.candidate_label(proposal, golds, told[s.sent.start_char],
                                                       set(text.record["complete_for"]), s.actors)
            rows.append((proposal.trigger.text, label))
    return rows


def test_an_article_candidate_matching_a_gold_dyad_teaches_its_type(training_script, fixture_articles):
    text = fixture_articles["tests:1"]  # "Kenya accused Ethiopia on Monday of arming rebels ..."
    assert ("accused", "ACCUSE") in _labels(training_script, text)


def test_an_article_candidate_of_another_type_about_the_told_events_actors_teaches_the_gold_type(
        training_script, fixture_articles):
    text = fixture_articles["tests:1"]
    [(sentence, accused)] = [(s, p) for s in text.sentences for p in s.candidates if p.trigger.text == "accused"]
    golds = training_script.gold_dyads({"events": text.record["events"]})
    told = training_script._evidence_sentences(text, golds)[sentence.sent.start_char]
    as_threat = dataclasses.replace(accused, etype="THREATEN")
    label, hits = training_script.candidate_label(as_threat, golds, told, set(EVENT_TYPES), sentence.actors)
    assert label == "ACCUSE" and [g.label for g in hits] == ["KEN ACCUSE ETH"]


def test_a_candidate_in_a_text_with_no_event_teaches_none(training_script, fixture_articles):
    text = fixture_articles["tests:5"]  # "Shares in Kenyan banks fell sharply ..."
    assert all(label in (training_script.NONE, None) for _, label in _labels(training_script, text))


def test_a_negative_for_some_types_teaches_nothing_about_the_others(training_script, fixture_articles):
    text = fixture_articles["tests:6"]  # "Brazil thanked Argentina ...", a negative for ACCUSE and REJECT
    labels = _labels(training_script, text)
    assert ("thanked", None) in labels  # SUPPORT: the text is a negative for ACCUSE and REJECT only


def test_role_examples_label_mentions_by_the_gold_codes(training_script, fixture_articles):
    text = fixture_articles["tests:4"]  # "Russian forces shelled the Ukrainian city of Kharkiv ..."
    _, labels, _, roles = training_script.article_examples([text])
    assert "ASSAULT" in labels and {"source", "target"} <= set(roles)
