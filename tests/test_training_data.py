"""The event scorer's training data (training/events.jsonl, docs/training-data.md) and its generator.

The small templates and sentences here are written for these tests.
"""
from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import DEVSET, REPO, SHARED, load_script

from newsgraph.resources.lexicon import load_types

DATA = REPO / "training" / "events.jsonl"
ARTICLES = REPO / "training" / "articles.jsonl"
DATASHEET = REPO / "docs" / "training-data.md"
MIN_SENTENCES = 3000
MIN_PER_TYPE = 120
MIN_PER_MODE = 15
MIN_NO_EVENT_SHARE = 0.2
MIN_TRIGGER_WORDS_PER_TYPE = 10
MAX_BYTES = 3_000_000


def _script() -> ModuleType:
    return load_script(REPO / "scripts" / "make_training_data.py")


@functools.cache
def _records() -> tuple[dict[str, Any], ...]:
    return tuple(_script().read(DATA))


def _spans(record: dict[str, Any]) -> list[tuple[str, list[int]]]:
    return [(role, e[role]) for e in record["events"] for role in ("trigger", "source", "target") if e[role]]


def test_every_span_is_whole_words_inside_its_sentence():
    for r in _records():
        text = r["text"]
        for role, (start, end) in _spans(r):
            where = f"{r['id']} {role} {text[start:end]!r} in {text!r}"
            assert 0 <= start < end <= len(text), where
            assert text[start:end] == text[start:end].strip(), where
            assert start == 0 or not text[start - 1].isalnum(), where
            assert end == len(text) or not text[end].isalnum(), where


def test_trigger_source_and_target_are_different_words():
    for r in _records():
        for e in r["events"]:
            spans = [tuple(e[role]) for role in ("trigger", "source", "target") if e[role]]
            for i, (a_start, a_end) in enumerate(spans):
                for b_start, b_end in spans[i + 1:]:
                    assert a_end <= b_start or b_end <= a_start, f"{r['id']}: overlapping spans in {e}"


def test_types_and_modes_are_the_lexicons_own():
    types = load_types()
    for r in _records():
        for e in r["events"]:
            assert e["type"] in types, r["id"]
            assert e["mode"] is None or e["mode"] in types[e["type"]].modes, f"{r['id']}: {e['type']}/{e['mode']}"
            assert e["qualifier"] in (None, *_script().QUALIFIERS), r["id"]


def test_record_fields():
    records = _records()
    assert [r["id"] for r in records] == [f"s{i:06d}" for i in range(1, len(records) + 1)]
    for r in records:
        assert set(r) == {"id", "text", "events", "shape", "origin", "split"}, r["id"]
        assert r["split"] in ("train", "heldout") and r["shape"], r["id"]
        assert r["origin"] == "hand" or r["origin"].startswith("template:"), r["id"]


def test_size_and_coverage():
    records = _records()
    assert len(records) >= MIN_SENTENCES
    assert DATA.stat().st_size < MAX_BYTES
    per_type = Counter(t for r in records for t in {e["type"] for e in r["events"]})
    assert set(per_type) == set(load_types())
    assert min(per_type.values()) >= MIN_PER_TYPE, per_type
    heldout_types = {e["type"] for r in records if r["split"] == "heldout" for e in r["events"]}
    assert heldout_types == set(load_types())
    no_event = sum(1 for r in records if not r["events"])
    assert no_event / len(records) >= MIN_NO_EVENT_SHARE


SHAPES = ("active", "passive", "nominal", "quoted", "embedded", "negated", "conditional", "reported", "coordinated")
MIN_PER_SHAPE = 40


def test_every_shape_is_well_represented():
    shapes = Counter(r["shape"] for r in _records() if r["events"])
    thin = {shape: shapes[shape] for shape in SHAPES if shapes[shape] < MIN_PER_SHAPE}
    assert not thin, thin


def test_each_type_is_carried_by_many_different_words():
    words: dict[str, set[str]] = defaultdict(set)
    for r in _records():
        for e in r["events"]:
            words[e["type"]].add(r["text"][slice(*e["trigger"])].lower())
    thin = {t: len(w) for t, w in words.items() if len(w) < MIN_TRIGGER_WORDS_PER_TYPE}
    assert not thin, thin


def test_hand_written_sentences_are_several_hundred():
    assert sum(1 for r in _records() if r["origin"] == "hand") >= 300


def test_no_sentence_or_template_is_in_both_splits():
    records = _records()
    texts = Counter(r["text"] for r in records)
    assert max(texts.values()) == 1
    splits: dict[str, set[str]] = defaultdict(set)
    for r in records:
        if r["origin"] != "hand":
            splits[r["origin"]].add(r["split"])
    for group in _script().load_hand(REPO / "training" / "hand"):
        splits[f"hand:{group.group}"].add(group.split)
    assert all(len(s) == 1 for s in splits.values())
    held = sum(1 for r in records if r["split"] == "heldout") / len(records)
    assert 0.15 <= held <= 0.25


COPIED_WORDS = 8  # this many words in a row shared with a devset article is a copy, not a common phrase


def _word_runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[\w']+", text.lower())
    return {tuple(words[i:i + COPIED_WORDS]) for i in range(len(words) - COPIED_WORDS + 1)}


@pytest.mark.skipif(not DEVSET.is_dir(), reason="the shared devset is not on this machine")
def test_no_sentence_is_copied_from_the_devset():
    articles = [" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(DEVSET.glob("*.txt"))]
    copied = [r["text"] for r in _records() if any(r["text"] in article for article in articles)]
    assert not copied
    devset_runs = set().union(*(_word_runs(article) for article in articles))
    shared = [r["text"] for r in _records() if _word_runs(r["text"]) & devset_runs]
    assert not shared


def test_the_generator_rewrites_both_files_byte_for_byte(tmp_path: Path):
    out, articles = tmp_path / "events.jsonl", tmp_path / "articles.jsonl"
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_training_data.py"), "--output", str(out),
                    "--articles", str(articles)], check=True, capture_output=True)
    assert out.read_bytes() == DATA.read_bytes()
    assert articles.read_bytes() == ARTICLES.read_bytes()


def test_the_datasheet_shows_the_files_counts():
    sheet = DATASHEET.read_text(encoding="utf-8")
    assert _script().counts_table(list(_records())) in sheet
    assert _script().articles_table(_script().read(ARTICLES)) in sheet


# ------------------------------------------------------------------------------------------ the generator's parts

def _template(text: str, **spec: Any) -> Any:
    script = _script()
    label = spec.pop("label", "ACCUSE/allege")
    slots = {k: spec.pop(k) for k in list(spec) if len(k) == 1}
    return script.Template(name="t-001", text=text, label=label, slots=slots,
                           events=script._template_events(label, spec), shape="reported",
                           fills=3, split="train")


ACTORS = {"state": [("Chile", "it"), ("Peru", "it")], "leader": [("President Mara Ortiz", "she")]}


def _actors() -> Any:
    return _script().Actors(phrases=ACTORS, groups={"gov": ["state", "leader"]})


def test_a_filled_template_records_the_spans_it_wrote():
    import random
    template = _template("{A} [accused|blamed] {B} of {offence}, {A.poss} office said.", A="leader", B="state")
    sentence = _script().fill(template, _actors(), {"offence": ["spying"]}, random.Random(1))
    (event,) = sentence.events
    text = sentence.text
    assert text.startswith("President Mara Ortiz ") and text.endswith(" of spying, her office said.")
    assert text[slice(*event["source"])] == "President Mara Ortiz"
    assert text[slice(*event["target"])] in ("Chile", "Peru")
    assert text[slice(*event["trigger"])] in ("accused", "blamed")
    assert (event["type"], event["mode"], event["qualifier"]) == ("ACCUSE", "allege", None)


def test_an_empty_filler_takes_its_space_with_it():
    import random
    template = _template("{A} [condemned] {B} {when}.", label="ACCUSE/disapprove", A="state", B="state")
    sentence = _script().fill(template, _actors(), {"when": [""]}, random.Random(1))
    assert sentence.text.endswith("condemned Chile.") or sentence.text.endswith("condemned Peru.")


def test_a_template_with_fewer_triggers_than_events_is_refused():
    import random
    template = _template("{A} and {B} talked.", label="CONSULT/-", A="state", B="state")
    with pytest.raises(_script().TemplateError, match="0 trigger"):
        _script().fill(template, _actors(), {}, random.Random(1))


def test_hand_events_are_found_as_whole_words():
    script = _script()
    text = "Peru said it would not say what Peru said to Chile."
    assert script.find_words(text, "said#2", "here") == (37, 41)
    event = script.hand_event(text, "CONSULT/- | said#2 | Peru#2 | Chile", "here")
    assert [text[slice(*event[k])] for k in ("trigger", "source", "target")] == ["said", "Peru", "Chile"]
    with pytest.raises(script.TemplateError, match="not in"):
        script.find_words("Perusal of the text.", "Peru", "here")
    with pytest.raises(script.TemplateError, match="TYPE/mode"):
        script.hand_event(text, "CONSULT | said", "here")


def test_words_agree_with_the_actor_and_a_twice_named_actor_is_taken_where_it_acts():
    import random
    script = _script()
    actors = script.Actors(phrases={"state": [("Chile", "it")], "armed": [("the rebels", "they")]}, groups={})
    template = _template("{B} {B.be} [accused] by {A} of raids after {B} [attacked] {A.poss} border post.",
                         A="state", B="armed",
                         events=[{"label": "ACCUSE/allege", "source": "A", "target": "B"},
                                 {"label": "ASSAULT/-", "source": "B", "target": "A"}])
    sentence = script.fill(template, actors, {}, random.Random(1))
    text = sentence.text
    assert text == "The rebels were accused by Chile of raids after the rebels attacked its border post."
    accuse, assault = sentence.events
    assert accuse["target"] == [0, 10]
    assert assault["source"] == [text.index("the rebels"), text.index("the rebels") + 10]
    assert assault["target"] == [text.index("Chile"), text.index("Chile") + 5]


def test_a_second_actor_is_mostly_a_neighbour_of_the_first():
    import random
    script = _script()
    states = [("Kenya", "it"), ("Uganda", "it"), ("Peru", "it"), ("Chile", "it"), ("Bolivia", "it"), ("Ecuador", "it")]
    regions = {"Kenya": frozenset({"africa"}), "Uganda": frozenset({"africa"})}
    regions |= {name: frozenset({"americas"}) for name in ("Peru", "Chile", "Bolivia", "Ecuador")}
    actors = script.Actors(phrases={"state": states}, groups={}, regions=regions)
    template = _template("{A} [closed] its border with {B}.", label="SANCTION/discontinue", A="state", B="state")
    rng = random.Random(7)
    pairs = [script._choose_actors(template, actors, rng) for _ in range(200)]
    neighbours = sum(1 for p in pairs if regions[p["A"][0]] == regions[p["B"][0]])
    assert 0.75 <= neighbours / len(pairs) < 1  # by chance alone it would be about 0.4


def test_a_region_may_only_name_known_actors(tmp_path: Path):
    path = tmp_path / "actors.yaml"
    path.write_text("kinds:\n  state: {pronoun: it, phrases: [Kenya]}\nregions:\n  africa: [Kenya, Narnia]\n")
    with pytest.raises(_script().TemplateError, match="Narnia"):
        _script().load_actors(path)


def test_a_key_given_twice_in_a_data_file_is_refused(tmp_path: Path):
    path = tmp_path / "twice.yaml"
    path.write_text("ASSAULT:\n  aerial: []\nSANCTION: {}\nASSAULT:\n  drone: []\n")
    with pytest.raises(_script().TemplateError, match="ASSAULT"):
        _script().read_yaml(path)


def test_every_mode_of_every_type_is_taught():
    per_mode = Counter((e["type"], e["mode"]) for r in _records() for e in r["events"])
    missing = {f"{name}/{mode}": per_mode[name, mode] for name, etype in load_types().items()
               for mode in etype.modes if per_mode[name, mode] < MIN_PER_MODE}
    assert not missing, missing


def test_two_slots_never_name_the_same_party():
    import random
    script = _script()
    actors = script.Actors(phrases={"state": [("Kenya", "it")], "capital": [("Nairobi", "it"), ("Kampala", "it")]},
                           groups={}, parties={"Kenya": 0, "Nairobi": 0})
    template = _template("{A} [recalled] its envoy from {B}.", label="SANCTION/withdraw", A="state", B="capital")
    rng = random.Random(3)
    assert {script._choose_actors(template, actors, rng)["B"][0] for _ in range(30)} == {"Kampala"}


# -- article-shaped data (training/articles.jsonl) ----------------------------------------------------------------

GOLD_TEXT = """date 2025-03-10
Kenya accuses Ethiopia over border raids

Share this story on Facebook

NAIROBI — Kenya accused Ethiopia on Monday of arming rebels along their shared border.

Ethiopia's foreign ministry rejected the charge as baseless.
"""
GOLD = {"doc": "x.txt", "published": "2025-03-10", "boilerplate": ["Share this story on Facebook"], "actors": [],
        "quotes": [], "events": [
            {"source": ["KEN"], "type": "ACCUSE", "target": ["ETH"], "date": "2025-03-10", "required": True,
             "evidence": "Kenya accused Ethiopia on Monday of arming rebels"},
            {"source": ["ETH"], "type": "REJECT", "target": ["KEN"], "date": None, "required": False,
             "evidence": "rejected the charge as baseless"}]}
PROBES = """published: "2025-06-12"
probes:
  ACCUSE:
    - {text: "Kenya accused Ethiopia of arming rebels in the border region on Monday.", dyad: [KEN, ACCUSE, ETH]}
    - {text: "Ghana blamed Togo for the border incident.", dyad: [GHA, ACCUSE, TGO], also: [[GHA, REJECT, TGO]]}
    - {text: "Peru will accuse Chile of spying, officials said.", dyad: [PER, ACCUSE, CHL], q: future}
negatives:
  - "The Kenyan striker accused the referee of bias after the match."
  - "Shares fell in Nairobi on Monday."
"""


def _article_fixtures(tmp_path: Path, listed: list[str], negatives: str) -> tuple[Path, Path]:
    """A fixtures folder with three gold articles (one not listed) and a probe file, and a config listing some."""
    fixtures = tmp_path / "fixtures"
    (fixtures / "gold").mkdir(parents=True)
    for name in ("kenya-one", "kenya-two", "kenya-unlisted"):
        (fixtures / "gold" / f"{name}.txt").write_text(GOLD_TEXT.replace("border.", f"border ({name}).") ,
                                                        encoding="utf-8")
        (fixtures / "gold" / f"{name}.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (fixtures / "accusations.yaml").write_text(PROBES, encoding="utf-8")
    config = tmp_path / "articles.yaml"
    config.write_text(json.dumps({"gold": listed, "probes": [
        {"file": "accusations.yaml", "negatives": {"key": "negatives", "types": json.loads(negatives)}}]}),
        encoding="utf-8")
    return config, fixtures


def test_gold_articles_are_the_listed_ones_not_a_glob(tmp_path: Path):
    config, fixtures = _article_fixtures(tmp_path, ["kenya-one", "kenya-two"], '"all"')
    records = _script().build_articles(config, fixtures)
    assert [r["origin"] for r in records if r["origin"].startswith("gold:")] == ["gold:kenya-one", "gold:kenya-two"]
    assert not [r for r in records if "kenya-unlisted" in r["text"]]


def test_a_gold_article_is_its_body_without_date_line_and_noise_with_its_events_by_code(tmp_path: Path):
    config, fixtures = _article_fixtures(tmp_path, ["kenya-one"], '"all"')
    [gold] = [r for r in _script().build_articles(config, fixtures) if r["origin"].startswith("gold:")]
    assert gold["published"] == "2025-03-10" and gold["text"].startswith("Kenya accuses Ethiopia")
    assert "date 2025" not in gold["text"] and "Share this story" not in gold["text"]
    assert gold["events"][0] == {"type": "ACCUSE", "source": ["KEN"], "target": ["ETH"], "required": True,
                                 "evidence": "Kenya accused Ethiopia on Monday of arming rebels"}
    assert gold["events"][1]["required"] is False
    assert set(gold["complete_for"]) == set(load_types())


def test_probes_keep_their_dyads_and_negatives_are_texts_without_events(tmp_path: Path):
    config, fixtures = _article_fixtures(tmp_path, [], '"all"')
    records = {r["text"]: r for r in _script().build_articles(config, fixtures)}
    ghana = records["Ghana blamed Togo for the border incident."]
    assert [(e["type"], e["source"], e["target"], e["required"]) for e in ghana["events"]] == [
        ("ACCUSE", ["GHA"], ["TGO"], True), ("REJECT", ["GHA"], ["TGO"], False)]
    assert [e["required"] for e in records["Peru will accuse Chile of spying, officials said."]["events"]] == [False]
    negative = records["Shares fell in Nairobi on Monday."]
    assert negative["events"] == [] and set(negative["complete_for"]) == set(load_types())


def test_a_negative_for_some_types_is_complete_for_those_only(tmp_path: Path):
    config, fixtures = _article_fixtures(tmp_path, [], '["ACCUSE", "REJECT"]')
    records = {r["text"]: r for r in _script().build_articles(config, fixtures)}
    negative = records["The Kenyan striker accused the referee of bias after the match."]
    assert negative["events"] == [] and negative["complete_for"] == ["ACCUSE", "REJECT"]


def test_every_fifth_text_is_held_out_whole(tmp_path: Path):
    config, fixtures = _article_fixtures(tmp_path, [], '"all"')
    splits = [r["split"] for r in _script().build_articles(config, fixtures)]
    assert splits == ["train", "train", "train", "train", "heldout"]


def test_the_article_data_split_by_text_and_list_every_gold_article_once():
    records = _script().read(ARTICLES)
    assert [r["id"] for r in records] == [f"a{i:05d}" for i in range(1, len(records) + 1)]
    listed = _script().read_yaml(REPO / "training" / "articles.yaml")["gold"]
    assert [r["origin"] for r in records if r["origin"].startswith("gold:")] == [f"gold:{n}" for n in listed]
    sentences: dict[str, set[str]] = defaultdict(set)
    for r in records:
        for sentence in re.split(r"(?<=[.!?])\s+", r["text"]):
            if len(sentence) > 60:
                sentences[sentence].add(r["split"])
    assert not [s for s, splits in sentences.items() if len(splits) > 1]
    held = sum(r["split"] == "heldout" for r in records) / len(records)
    assert 0.15 <= held <= 0.25


def test_the_article_data_builder_reads_nothing_under_the_shared_folder(monkeypatch: pytest.MonkeyPatch):
    read: list[Path] = []
    original = Path.read_text

    def recording(self: Path, *args: Any, **kwargs: Any) -> str:
        read.append(self.resolve())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", recording)
    assert _script().build_articles()
    assert read and all(REPO in p.parents for p in read)
    assert not [p for p in read if SHARED.resolve() in p.parents]
