"""`newsgraph evaluate`: the matching rules on hand-made records, the gold schema, drafts, the command line,
and equality with the shared devset scorer (../shared/devset/score.py, run as a subprocess).

The pipeline runs once for this module (``system``); the command-line tests read its records.
"""
from __future__ import annotations

import json
import math
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import DEVSET, FIXTURES, REPO

import newsgraph.evaluate.draft
import newsgraph.evaluate.run
from newsgraph.cli import main
from newsgraph.evaluate import (
    FIGURE_NAMES,
    DraftGoldError,
    EvaluationReport,
    GoldError,
    SystemRun,
    draft_gold,
    find_articles,
    gold_schema,
    load_gold,
    load_gold_articles,
    parse_floors,
    run_system,
    score_article,
    score_run,
)
from newsgraph.records import EVENT_TYPES, Actor, Article, Event, Quote, Removed

GOLD_DIR = FIXTURES / "gold"
EXAMPLE_DIR = REPO / "docs" / "examples" / "evaluation"
SCORER = DEVSET / "score.py"
needs_shared = pytest.mark.skipif(not SCORER.exists(), reason="../shared/devset (with score.py) is not present")

# ---------------------------------------------------------------------------------------------
# Hand-made records and gold

CODES = {"usa": "USA", "rus": "RUS", "gbr": "GBR", "ukr": "UKR", "shabaab": "AL_Shabaab", "nato": "NATO",
         "who": "WHO", "fra": "FRA", "nobody": None}


def record(*events: tuple[str, str, str], qualifiers: tuple[str, ...] = (), date: str | None = None,
           quotes: list[Quote] | None = None, text: str = "Body.") -> Article:
    """An article whose events are ("usa,gbr", "CONSULT", "rus") with actor ids as in CODES."""
    actors = [Actor(id=k, name=k.title(), kind="state", code=v) for k, v in CODES.items()]
    coded = [Event(id=f"e{i}", type=etype, source=src.split(","), target=[t for t in tgt.split(",") if t],
                   sentence=f"Sentence {i}.", start=0, end=1, trigger=f"trigger{i}", pattern=f"pattern-{i}",
                   date=date, qualifiers=list(qualifiers))
             for i, (src, etype, tgt) in enumerate(events)]
    return Article(doc_id="d", origin="a.txt", title=None, published="2025-03-08", text=text, actors=actors,
                   events=coded, quotes=quotes or [])


def gold(*events: tuple[str, str, str], required: bool = True, date: str | None = None, **parts: Any) -> dict:
    """A gold dict whose events are ("USA,GBR", "CONSULT", "RUS") with codes."""
    return {"doc": "a.txt", "published": "2025-03-08", "boilerplate": parts.get("boilerplate", []),
            "actors": parts.get("actors", []), "quotes": parts.get("quotes", []),
            "events": [{"source": s.split(","), "type": t, "target": [c for c in g.split(",") if c], "date": date,
                        "required": required} for s, t, g in events]}


def events_of(gold_dict: dict, article: Article | None) -> tuple[int, int, int]:
    """(found, extra, missed) dyads."""
    c = score_article(gold_dict, article, None, name="a.txt").counts
    return c.event_tp, c.event_fp, c.event_fn


@pytest.mark.parametrize(("gold_event", "system_event", "expected"), [
    (("USA", "CONSULT", "RUS"), ("rus", "CONSULT", "usa"), (1, 0, 0)),  # symmetric: either way round
    (("USA", "AGREE", "RUS"), ("rus", "AGREE", "usa"), (1, 0, 0)),
    (("USA", "ACCUSE", "RUS"), ("rus", "ACCUSE", "usa"), (0, 1, 1)),  # directed: the wrong way is an extra
    (("USA", "ACCUSE", "RUS"), ("usa", "REJECT", "rus"), (0, 1, 1)),  # same actors, another type
    (("USA", "SANCTION", ""), ("usa", "SANCTION", "rus"), (1, 0, 0)),  # empty gold target: any recipient
    (("USA", "SANCTION", "RUS"), ("usa", "SANCTION", ""), (0, 1, 1)),  # the system named no recipient
    (("USA", "SANCTION", "RUS"), ("usa", "SANCTION", "nobody"), (0, 1, 1)),  # nor one with a code
    (("AL SHABAAB", "ASSAULT", "USA"), ("shabaab", "ASSAULT", "usa"), (1, 0, 0)),  # separators and case
    (("AL-SHABAAB", "ASSAULT", "USA"), ("shabaab", "ASSAULT", "usa"), (1, 0, 0)),
    (("~ORG", "REQUEST", "RUS"), ("nato", "REQUEST", "rus"), (1, 0, 0)),  # any organisation
    (("~ORG", "REQUEST", "RUS"), ("who", "REQUEST", "rus"), (1, 0, 0)),  # three letters, but an organisation
    (("~ORG", "REQUEST", "RUS"), ("fra", "REQUEST", "rus"), (0, 1, 1)),  # three letters: a state
])
def test_dyad_matching(gold_event, system_event, expected):
    assert events_of(gold(gold_event), record(system_event)) == expected


def test_joint_sources_are_one_dyad_each():
    assert events_of(gold(("USA,GBR", "ASSAULT", "RUS")), record(("usa", "ASSAULT", "rus"))) == (1, 0, 1)
    assert events_of(gold(("USA", "ASSAULT", "RUS")), record(("usa,gbr", "ASSAULT", "rus"))) == (1, 1, 0)


def test_joint_sources_of_a_symmetric_type_without_target_mean_every_pair():
    meeting = gold(("USA,GBR,UKR", "CONSULT", ""))
    assert events_of(meeting, record(("usa", "CONSULT", "gbr"))) == (2, 0, 4)  # USA-GBR and GBR-USA
    assert events_of(meeting, record(("usa,gbr,ukr", "CONSULT", ""))) == (6, 0, 0)


def test_a_dyad_told_twice_or_both_ways_is_one_claim():
    assert events_of(gold(), record(("usa", "CONSULT", "rus"), ("rus", "CONSULT", "usa"))) == (0, 1, 0)
    assert events_of(gold(), record(("usa", "ACCUSE", "rus"), ("usa", "ACCUSE", "rus"))) == (0, 1, 0)
    assert events_of(gold(), record(("usa", "ACCUSE", "rus"), ("rus", "ACCUSE", "usa"))) == (0, 2, 0)


def test_self_directed_dyads_are_not_scored():
    assert events_of(gold(("USA", "COERCE", "USA")), record(("usa", "COERCE", "usa"))) == (0, 0, 0)


@pytest.mark.parametrize("qualifier", ["negated", "hypothetical", "future", "conditional"])
def test_events_not_told_as_facts_are_not_scored(qualifier):
    article = record(("usa", "THREATEN", "rus"), qualifiers=(qualifier,))
    assert events_of(gold(("USA", "THREATEN", "RUS")), article) == (0, 0, 1)
    assert events_of(gold(), article) == (0, 0, 0)
    assert score_article(gold(("USA", "THREATEN", "RUS")), article, None, name="a").counts.type_ok == 0


def test_optional_gold_events_are_neither_rewarded_nor_punished():
    optional = gold(("USA", "AID", "UKR"), required=False)
    assert events_of(optional, record(("usa", "AID", "ukr"))) == (0, 0, 0)
    assert events_of(optional, record()) == (0, 0, 0)


def test_no_record_misses_everything():
    result = score_article(gold(("USA", "AID", "UKR")), None, "date 2025-03-08\nA body line long enough to count.",
                           name="a.txt")
    assert (result.has_record, result.counts.event_fn, result.counts.body_n, result.counts.body_kept) == (
        False, 1, 1, 0)


def test_dates_and_type_recall():
    g = gold(("USA", "SANCTION", "RUS"), ("USA", "AID", "UKR"), date="2025-03-07")
    c = score_article(g, record(("usa", "SANCTION", "rus"), ("usa", "AID", "nobody"), date="2025-03-07"),
                      None, name="a").counts
    assert (c.date_ok, c.date_n, c.type_ok, c.type_n) == (1, 1, 2, 2)


def test_per_type_counts_and_confusion():
    result = score_article(gold(("USA", "ACCUSE", "RUS"), ("USA", "AID", "UKR")),
                           record(("usa", "REJECT", "rus"), ("usa", "AID", "ukr"), ("fra", "ASSAULT", "gbr")),
                           None, name="a")
    assert {t: (c.found, c.missed, c.extra) for t, c in result.by_type.items()} == {
        "ACCUSE": (0, 1, 0), "AID": (1, 0, 0), "REJECT": (0, 0, 1), "ASSAULT": (0, 0, 1)}
    assert result.confusion == {("ACCUSE", "REJECT"): 1, ("AID", "AID"): 1, ("-", "ASSAULT"): 1}


def test_an_extra_carries_its_evidence_and_a_miss_its_sentence():
    g = gold(("USA", "ACCUSE", "RUS"))
    g["events"][0]["evidence"] = "Washington blamed Moscow"
    result = score_article(g, record(("usa", "REJECT", "rus"), text="Talks began. Washington blamed Moscow for it."),
                           None, name="a")
    (miss,), (extra,) = result.misses, result.extras
    assert (miss.what, miss.sentence) == ("USA ACCUSE RUS", "Washington blamed Moscow for it.")
    assert "USA REJECT RUS «trigger0» (pattern-0)" in miss.note
    assert (extra.what, extra.sentence, extra.pattern, extra.trigger) == (
        "USA REJECT RUS", "Sentence 0.", "pattern-0", "trigger0")


def test_a_found_event_with_another_date_is_listed_with_where_its_date_came_from():
    g = gold(("USA", "SANCTION", "RUS"), ("USA", "AID", "UKR"), date="2025-03-07")
    article = record(("usa", "SANCTION", "rus"), ("usa", "AID", "ukr"), date="2025-03-06")
    article.events[0].date_text, article.events[0].granularity = "on Thursday", "day"
    article.events[0].sentence = "Washington sanctioned Moscow on Thursday."
    article.events[1].date_text, article.events[1].granularity = "on Thursday", "day"
    result = score_article(g, article, None, name="a")
    assert (result.counts.date_ok, result.counts.date_n) == (0, 2)
    sanction, aid = result.dates
    assert (sanction.kind, sanction.what, sanction.sentence) == (
        "date", "USA SANCTION RUS", "Washington sanctioned Moscow on Thursday.")
    assert sanction.note == "gold 2025-03-07; system 2025-03-06 (day) from «on Thursday»"
    assert aid.note == "gold 2025-03-07; system 2025-03-06 (day) from «on Thursday» in another sentence"


def test_a_right_or_missing_gold_date_is_not_listed():
    dated_right = score_article(gold(("USA", "SANCTION", "RUS"), date="2025-03-07"),
                                record(("usa", "SANCTION", "rus"), date="2025-03-07"), None, name="a")
    undated_gold = score_article(gold(("USA", "SANCTION", "RUS")), record(("usa", "SANCTION", "rus")), None, name="a")
    undated_system = score_article(gold(("USA", "SANCTION", "RUS"), date="2025-03-07"),
                                   record(("usa", "SANCTION", "rus")), None, name="a")
    assert (dated_right.dates, undated_gold.dates) == ([], [])
    assert [f.note for f in undated_system.dates] == ["gold 2025-03-07; system no date"]


def quote(text: str, speaker: str | None, name: str | None = None) -> Quote:
    return Quote(id="q", text=text, kind="direct", start=0, end=1, sentence_start=0, sentence_end=1,
                 speaker=speaker, speaker_name=name)


def test_quotes_match_by_shared_words_and_attribute_by_last_name():
    g = gold(quotes=[
        {"speaker": "Marco Rubio", "kind": "direct", "required": True, "text": "We will not accept this deal at all"},
        {"speaker": "Sergei Lavrov", "kind": "direct", "required": True, "text": "The talks were useful"},
        {"speaker": "an official", "kind": "indirect", "required": False, "text": "the talks would go on"}])
    article = record(quotes=[quote("we will not accept this deal", "usa", "Rubio"),  # 6 of 8 gold words
                             quote("The talks were useful.", "rus", "Vladimir Putin"),
                             quote("the talks would go on", None), quote("Something else entirely", None)])
    c = score_article(g, article, None, name="a").counts
    assert (c.quote_tp, c.quote_fp, c.quote_fn, c.quote_attributed) == (2, 1, 0, 1)


def test_people_need_the_right_code():
    g = gold(actors=[{"name": "Keir Starmer", "kind": "person", "code": "GBR"},
                     {"name": "Jane Analyst", "kind": "person", "code": None},
                     {"name": "Emmanuel Macron", "kind": "person", "code": "FRA"},
                     {"name": "NATO", "kind": "organisation", "code": "NATO"}])
    article = record()
    article.actors += [Actor(id="p1", name="Starmer", kind="person", code="GBR"),
                       Actor(id="p2", name="Jane Analyst", kind="person", code=None),
                       Actor(id="p3", name="Emmanuel Macron", kind="person", code="GBR")]
    c = score_article(g, article, None, name="a").counts
    assert (c.actor_ok, c.actor_n) == (2, 3)


def test_noise_removed_and_body_kept():
    raw = "date 2025-03-08\nTitle\n\nShare this article\nThe first body paragraph is here.\nA lost paragraph of body."
    article = record(text="The first body paragraph is here.")
    article.removed = [Removed("Share this article", "share")]
    c = score_article(gold(boilerplate=["Share this article", "Title"]), article, raw, name="a").counts
    assert (c.boilerplate_removed, c.boilerplate_n, c.body_kept, c.body_n) == (2, 2, 1, 2)


def test_figures_are_micro_averages_and_nothing_to_measure_is_none():
    results = [score_article(gold(("USA", "AID", "UKR")), record(("usa", "AID", "ukr")), None, name="a"),
               score_article(gold(("USA", "AID", "UKR"), ("USA", "SANCTION", "RUS")), record(), None, name="b")]
    fig = EvaluationReport(results).figures
    assert (fig.event_precision, fig.event_recall, round(fig.event_f1, 3)) == (1.0, 1 / 3, 0.5)
    assert fig.quote_precision is None and fig.quote_f1 == 0.0
    assert EvaluationReport(results).floors_not_met({"event_recall": 0.3, "event_f1": 0.6, "quote_recall": 0}) == {
        "event_f1": "0.500 < 0.6", "quote_recall": "not measured < 0"}


def test_parse_floors():
    assert parse_floors("event_f1=0.6, quote_f1=0.9") == {"event_f1": 0.6, "quote_f1": 0.9}
    for bad in ("event_f1", "f1=0.6", "event_f1=high"):
        with pytest.raises(ValueError):
            parse_floors(bad)


# ---------------------------------------------------------------------------------------------
# Gold files and drafts


@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.gold.json")), ids=lambda p: p.name)
def test_every_held_out_gold_file_follows_the_schema(path):
    load_gold(path)


def test_the_schema_knows_every_plover_type():
    assert gold_schema()["$defs"]["event"]["properties"]["type"]["enum"] == list(EVENT_TYPES)


@pytest.mark.parametrize(("change", "message"), [
    (lambda g: g["events"][0].update(requried=True), "requried"),
    (lambda g: g["events"][0].update(type="Assault"), "Assault"),
    (lambda g: g["quotes"].append({"speaker": "X", "kind": "direct", "text": "y"}), "required"),
])
def test_a_malformed_gold_file_is_refused_with_its_place(tmp_path, change, message):
    data = gold(("USA", "ASSAULT", "RUS"))
    change(data)
    path = tmp_path / "a.gold.json"
    path.write_text(json.dumps(data))
    with pytest.raises(GoldError, match=message):
        load_gold(path)


def test_find_articles(tmp_path):
    for name in ("b.txt", "b.gold.json", "a.html", "a.gold.json", "lone.txt"):
        (tmp_path / name).write_text("{}")
    assert find_articles([tmp_path]) == [tmp_path / "a.html", tmp_path / "b.txt"]
    assert find_articles([tmp_path / "b.gold.json", tmp_path / "b.txt"]) == [tmp_path / "b.txt"]
    with pytest.raises(GoldError, match="--draft"):
        find_articles([tmp_path / "lone.txt"])


def test_a_draft_is_the_record_in_the_gold_format(tmp_path):
    article = record(("usa,gbr", "SANCTION", "rus"), ("usa", "THREATEN", "nobody"), qualifiers=(),
                     quotes=[quote("We stand firm", "usa", "Rubio")])
    article.events[1].qualifiers = ["future"]
    article.removed = [Removed("date 2025-03-08", "date line"), Removed("Share this", "share")]
    draft = draft_gold(article, doc="a.txt")
    assert draft["draft"] is True and draft["boilerplate"] == ["Share this"]
    assert [(e["source"], e["target"], e["required"]) for e in draft["events"]] == [
        (["USA", "GBR"], ["RUS"], True), (["USA"], ["?"], False)]
    assert draft["quotes"] == [{"speaker": "Rubio", "kind": "direct", "required": True, "text": "We stand firm"}]
    corrected = {k: v for k, v in draft.items() if k != "draft"} | {"events": draft["events"][:1]}
    (tmp_path / "a.gold.json").write_text(json.dumps(corrected))
    assert load_gold(tmp_path / "a.gold.json") == corrected


# ---------------------------------------------------------------------------------------------
# The command line, on one pipeline run


@pytest.fixture(scope="module")
def draft_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of a held-out article with no gold beside it, to draft one for."""
    article = find_articles([GOLD_DIR])[0]
    return Path(shutil.copy(article, tmp_path_factory.mktemp("draft") / article.name))


@pytest.fixture(scope="module")
def system(nlp, draft_article: Path) -> SystemRun:
    """One pipeline run over every article the tests of this module score."""
    files = find_articles([GOLD_DIR, EXAMPLE_DIR]) + (find_articles([DEVSET]) if SCORER.exists() else [])
    return run_system([*files, draft_article])


@pytest.fixture
def evaluate(system: SystemRun, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run `newsgraph evaluate ARGS` on the module's pipeline run instead of a new one."""
    def cached(files: list[Path]) -> SystemRun:
        return SystemRun(records={str(f): system.records[str(f)] for f in files})

    monkeypatch.setattr(newsgraph.evaluate.run, "run_system", cached)
    monkeypatch.setattr(newsgraph.evaluate.draft, "run_system", cached)
    return lambda *args: CliRunner().invoke(main, ["evaluate", *map(str, args)])


def test_min_floors_set_the_exit_code(evaluate):
    assert evaluate(GOLD_DIR, "--min", "event_f1=0.1,quote_f1=0.5").exit_code == 0
    result = evaluate(GOLD_DIR, "--min", "event_f1=0.99")
    assert result.exit_code == 1 and "floor not met: event_f1" in result.stderr
    assert evaluate(GOLD_DIR, "--min", "f1=0.5").exit_code == 2


def test_show_lists_each_miss_and_extra_with_its_sentence_and_pattern(evaluate, system):
    result = evaluate(GOLD_DIR, "--show", "misses,extras")
    assert result.exit_code == 0, result.output
    report = score_run(load_gold_articles([GOLD_DIR]), system)
    extra = next(f for f in report.extras if f.kind == "event")
    miss = next(f for f in report.misses if f.kind == "event" and f.sentence)
    assert f"pattern: {extra.pattern}" in result.stdout and f"sentence: {extra.sentence}" in result.stdout
    assert f"sentence: {miss.sentence}" in result.stdout and miss.what in result.stdout


def test_show_dates_lists_each_found_event_dated_otherwise(evaluate, system):
    result = evaluate(GOLD_DIR, "--show", "dates", "--format", "json")
    assert result.exit_code == 0, result.output
    report = score_run(load_gold_articles([GOLD_DIR]), system)
    shown = json.loads(result.stdout)["dates"]
    assert len(shown) == report.counts.date_n - report.counts.date_ok
    assert all(f["kind"] == "date" and f["note"].startswith("gold ") for f in shown)


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_table_and_markdown_show_every_figure_and_the_breakdowns(evaluate, fmt):
    by_type, by_article = evaluate(GOLD_DIR, "--format", fmt), evaluate(GOLD_DIR, "--format", fmt, "--by", "article")
    assert all(name in by_type.stdout for name in FIGURE_NAMES)
    assert "events by type" in by_type.stdout and "event types confused" in by_type.stdout
    assert find_articles([GOLD_DIR])[0].name in by_article.stdout


def test_draft_is_written_and_refused_until_corrected(evaluate, draft_article):
    gold_path = draft_article.with_name(draft_article.stem + ".gold.json")
    assert evaluate("--draft", draft_article).exit_code == 0
    data = json.loads(gold_path.read_text("utf-8"))
    assert data["draft"] is True and data["doc"] == draft_article.name and data["actors"]
    refused = evaluate(draft_article)
    assert refused.exit_code == 2 and '"draft": true' in refused.stderr
    with pytest.raises(DraftGoldError):
        load_gold(gold_path)
    assert evaluate("--draft", draft_article).exit_code == 0  # a draft may be drafted again
    del data["draft"]
    gold_path.write_text(json.dumps(data), "utf-8")
    assert evaluate("--draft", draft_article).exit_code == 2  # a corrected gold file is never overwritten


def test_the_worked_example_in_the_docs_is_what_evaluate_prints(evaluate):
    """docs/evaluation.md computes the example's figures by hand; the command must agree."""
    doc = (REPO / "docs" / "evaluation.md").read_text("utf-8")
    shown = doc.split("--show misses,extras` prints the same:\n\n```text\n")[1].split("```")[0]
    printed = evaluate(EXAMPLE_DIR, "--show", "misses,extras").stdout
    figures = [line for line in printed.splitlines() if line.startswith(FIGURE_NAMES)]
    headlines = [line for line in printed.splitlines() if line.startswith("  geneva.txt")]
    assert len(figures) == len(FIGURE_NAMES) and headlines  # the extra (nothing is missed)
    assert [line for line in figures + headlines if line not in shown.splitlines()] == []


# ---------------------------------------------------------------------------------------------
# Equality with the shared devset scorer


def shared_scorer_figures(directory: Path) -> dict[str, Any]:
    """The shared scorer's figures for a directory, with its own `newsgraph extract` run of this worktree."""
    extract = shlex.join([sys.executable, "-m", "newsgraph.cli", "extract", "--format", "jsonl"])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, str(SCORER), "--json", "--cmd", extract, str(directory)], check=False,
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@needs_shared
@pytest.mark.parametrize("directory", [GOLD_DIR, DEVSET], ids=["held-out", "devset"])
def test_figures_equal_the_shared_scorers(evaluate, directory):
    result = evaluate(directory, "--format", "json")
    ours, theirs = json.loads(result.stdout), shared_scorer_figures(directory)
    assert ours["articles"] == theirs["articles"] and ours["records"] == theirs["records"]
    differ = {name: (ours[name], theirs[name]) for name in FIGURE_NAMES
              if not ((ours[name] is None and math.isnan(theirs[name])) or
                      (ours[name] is not None and abs(ours[name] - theirs[name]) <= 0.001))}
    assert differ == {}
