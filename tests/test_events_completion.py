"""Side completion: a candidate the rules left with one side empty takes the sentence's other coded actors the
learned judge accepts (newsgraph/stages/events/completion.py; the coder proposes the fills)."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from conftest import FIXTURES, load_script

from newsgraph.cli.explain import traced
from newsgraph.pipeline import extract_text
from newsgraph.resources import Resources
from newsgraph.stages.events.coder import COMPLETION_RULE
from newsgraph.stages.events.completion import (
    WEIGHTS_FILE,
    CompletionWeightsError,
    SideCompleter,
    weights_digest,
)

PUBLISHED = "2024-05-10"
REPO = Path(__file__).resolve().parent.parent


def judge(bias: float, threshold: float = 0.5, weights: dict[str, float] | None = None) -> SideCompleter:
    weights = weights or {}
    return SideCompleter(weights, bias, threshold, weights_digest(weights, bias, threshold))


def dyads(text: str, completer: SideCompleter | None) -> set[tuple[str, str | None, str | None]]:
    resources = dataclasses.replace(Resources.load(model=False), completer=completer)
    article = extract_text(text, published=PUBLISHED, resources=resources)
    codes = {a.id: a.code for a in article.actors}
    return {(e.type, codes[s], codes[t]) for e in article.events for s in e.source for t in e.target or [None]}


def test_the_shipped_judge_loads_with_its_digest():
    shipped = SideCompleter.load()
    assert shipped.weights and 0.0 < shipped.threshold <= 1.0
    assert shipped.digest == json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))["digest"]


def test_a_changed_weights_file_is_refused(tmp_path):
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    data["bias"] += 1.0
    changed = tmp_path / "side-completion.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CompletionWeightsError, match="make train"):
        SideCompleter.load(changed)


CONDEMNED_AND_CALLED = "Egypt condemned the raid, calling on Israel to halt it."


def test_a_fill_is_kept_at_the_threshold_and_not_below():
    accepts = judge(bias=0.0, threshold=0.5, weights={"type=ACCUSE": 3.0})  # p = 0.95 for an ACCUSE fill
    assert ("ACCUSE", "EGY", "ISR") in dyads(CONDEMNED_AND_CALLED, accepts)
    assert ("ACCUSE", "EGY", "ISR") not in dyads(CONDEMNED_AND_CALLED, dataclasses.replace(accepts, threshold=0.99))
    assert ("ACCUSE", "EGY", "ISR") not in dyads(CONDEMNED_AND_CALLED, None)  # the rules alone leave it open


def test_the_completed_event_says_how_its_side_was_found():
    resources = dataclasses.replace(Resources.load(model=False), completer=judge(bias=5.0))
    _, _, trace, _ = traced(CONDEMNED_AND_CALLED, resources, PUBLISHED)
    completed = [c for c in trace.candidates if c.rule == COMPLETION_RULE]
    assert completed and completed[0].status == "event"
    assert "the sentence's other actor (p=0.99)" in completed[0].target_how
    assert ("ISR", "target") in [(f.actor.code, f.role) for f in trace.fills]


@pytest.mark.parametrize(("text", "never"), [
    # a place that sets the scene is no side
    ("Speaking in Paris, Egypt's foreign minister condemned the raid.", "FRA"),
    # the subject of another clause acts there: it reported, it called for calm
    ("Egypt condemned the raid on Tuesday, Qatar's state news agency reported.", "QAT"),
    ("Jordan condemned the strike, and Qatar's emir called for calm.", "QAT"),
])
def test_even_a_judge_that_accepts_everything_is_never_offered_these(text, never):
    assert not [d for d in dyads(text, judge(bias=10.0)) if never in d[1:]]


def test_a_clause_inside_the_triggers_phrase_may_name_the_side():
    assert ("ACCUSE", "JOR", "ISR") in dyads("Jordan condemned the strike, which Israel carried out at dawn.",
                                              judge(bias=10.0))


def test_the_shipped_judge_completes_a_recall_told_with_its_reason():
    text = "Algeria recalled its ambassador in Madrid for consultations over Spain's new stance."
    assert ("SANCTION", "DZA", "ESP") in dyads(text, SideCompleter.load())
    assert ("SANCTION", "DZA", "ESP") not in dyads(text, None)


def test_completion_is_on_by_default_and_can_be_switched_off(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_COMPLETION", raising=False)
    assert Resources.load().completer is not None
    assert Resources.load(completion=False).completer is None
    monkeypatch.setenv("NEWSGRAPH_COMPLETION", "off")
    assert Resources.load().completer is None
    assert Resources.load(completion=True).completer is not None
    monkeypatch.setenv("NEWSGRAPH_COMPLETION", "maybe")
    with pytest.raises(ValueError, match="write on or off"):
        Resources.load()


def test_training_writes_a_judge_the_coder_loads_and_the_same_data_give_the_same_file(tmp_path):
    trainer = load_script(REPO / "scripts" / "train_side_completion.py")
    texts = [
        ("Kenya recalled its envoy on Monday over Somalia's auction of oil blocks. Somalia called the move "
         "regrettable.", [{"type": "SANCTION", "source": ["KEN"], "target": ["SOM"], "required": True}]),
        ("Egypt condemned the raid, calling on Israel to halt it. Jordan condemned the strike as well.",
         [{"type": "ACCUSE", "source": ["EGY"], "target": ["ISR"], "required": True},
          {"type": "REQUEST", "source": ["EGY"], "target": ["ISR"], "required": True}]),
        ("Algeria recalled its ambassador in Madrid for consultations over Spain's new stance on Western Sahara.",
         [{"type": "SANCTION", "source": ["DZA"], "target": ["ESP"], "required": True}]),
        # a fill the gold refuses: the drills are the background, not what was condemned
        ("Turkey condemned the shooting in Izmir on Monday, a day after Greece's navy held drills near Rhodes.", []),
        ("Peru condemned the killing of a journalist on Friday, hours after Chile's president visited Lima.", []),
    ]
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps({"id": f"a{k}", "text": text, "published": PUBLISHED, "events": events,
                                            "split": "train"}) + "\n"
                                for k, (text, events) in enumerate(texts)), encoding="utf-8")
    tuning = tmp_path / "tuning.txt"
    gold = sorted(p.name[:-len(".gold.json")] for p in (FIXTURES / "gold").glob("*.gold.json"))[:2]
    tuning.write_text("# two gold articles\n" + "\n".join(gold) + "\n", encoding="utf-8")
    digests = []
    for run in ("first", "second"):
        out = tmp_path / f"{run}.json"
        assert trainer.main(["--articles", str(articles), "--tuning", str(tuning), "--weights", str(out)]) == 0
        digests.append(SideCompleter.load(out).digest)
    assert digests[0] == digests[1]
    about = json.loads((tmp_path / "first.json").read_text(encoding="utf-8"))["about"]
    assert "5 texts" in about["trained_on"] and "rules" in about["tuning"]


@pytest.mark.parametrize("text", [
    "Rwanda flew 500 soldiers into the province in July, answering a request from Mozambique's president.",
    "Kenya responded quickly, sending police officers to Haiti's capital a week after the request from Port-au-Prince.",
])
def test_a_response_told_as_done_is_no_threat_even_when_a_judge_would_fill_its_side(text):
    assert not [d for d in dyads(text, judge(bias=10.0)) if d[0] == "THREATEN"]

