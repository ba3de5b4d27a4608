"""Long articles: parsed in sections below spaCy's max_length, refused over the documented maximum without
costing the others, and extracted in time linear in their length."""
from __future__ import annotations

import time

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from benchmarks.news_text import news_text
from newsgraph import pipeline
from newsgraph.cli import main
from newsgraph.pipeline import extract, extract_text, split_sections
from newsgraph.records import RawArticle, ReadFailure
from newsgraph.resources import Resources
from newsgraph.stages.dates import resolve_dates


@given(text=st.text(alphabet=st.sampled_from("ab .\n"), max_size=3000), size=st.integers(10, 500))
def test_sections_join_back_to_the_text_and_respect_the_size(text, size):
    pieces = split_sections(text, size)
    assert "".join(pieces) == text
    assert all(len(p) <= size for p in pieces)


def test_sections_end_at_paragraph_breaks():
    text = news_text(20_000)
    pieces = split_sections(text, 5_000)
    assert len(pieces) > 3 and all(p.endswith("\n\n") for p in pieces[:-1])


def test_a_sectioned_article_gives_the_record_of_a_whole_one(monkeypatch):
    text = news_text(12_000)
    whole = extract_text(text, published="2024-03-05")
    monkeypatch.setattr(pipeline, "SECTION_CHARS", 3_000)
    sectioned = extract_text(text, published="2024-03-05")
    assert sectioned.text == whole.text
    assert [(e.type, e.start, e.end) for e in sectioned.events] == [(e.type, e.start, e.end) for e in whole.events]
    assert [(q.start, q.end) for q in sectioned.quotes] == [(q.start, q.end) for q in whole.quotes]


def test_an_article_over_the_maximum_fails_alone(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_ARTICLE_CHARS", 5_000)
    failures: list[ReadFailure] = []
    raws = [RawArticle("short-1", news_text(2_000, seed=1)), RawArticle("huge", news_text(8_000)),
            RawArticle("short-2", news_text(2_000, seed=2))]
    records = list(extract(raws, on_failure=failures.append))
    assert [r.origin for r in records] == ["short-1", "short-2"]
    assert [f.origin for f in failures] == ["huge"] and "over the maximum of 5,000" in failures[0].reason


def test_extract_prints_the_others_and_exits_1_when_one_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_ARTICLE_CHARS", 5_000)
    (tmp_path / "a.txt").write_text(news_text(1_000, seed=1))
    (tmp_path / "b.txt").write_text(news_text(8_000))
    (tmp_path / "c.txt").write_text(news_text(1_000, seed=3))
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                       str(tmp_path / "c.txt")])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert "b.txt" in result.stderr and "1 of 3 inputs failed" in result.stderr


def cpu_seconds_per_100kb(chars: int) -> float:
    text = news_text(chars)
    start = time.process_time()
    extract_text(text)
    return (time.process_time() - start) / (chars / 100_000)


@pytest.mark.slow
def test_time_per_kilobyte_does_not_grow_with_length():
    """The cheaper twin of benchmarks/linear_cost.py: 400 KB costs at most twice as much per KB as 50 KB."""
    extract_text(news_text(5_000))  # the model and resources load outside the measurement
    small, large = cpu_seconds_per_100kb(50_000), cpu_seconds_per_100kb(400_000)
    assert large <= 2 * small, (small, large)


def dates_cpu_seconds_per_100kb(doc: Doc) -> float:
    """CPU time of the date stage alone on one parsed article (the parse is not counted)."""
    resources = Resources.load()
    start = time.process_time()
    timeline = resolve_dates(doc, published="2024-03-05", lexicon=resources.dates, grammar=resources.grammar,
                             speech_verbs=resources.speech_verbs)
    elapsed = time.process_time() - start
    assert sum(1 for d in timeline.expressions if "days after" in d.text) >= len(doc.text) // 100
    return elapsed / (len(doc.text) / 100_000)


def counted_phrases(nlp, chars: int) -> Doc:
    """Paragraphs each with an "N days after <phrase>" that holds no date (the case that scanned every later
    expression), parsed once and repeated to `chars` characters."""
    paragraphs = [nlp(f"Poland recalled its envoy {n} days after the vote.\n\n") for n in range(2, 11)]
    return Doc.from_docs(paragraphs * (chars // len("".join(p.text for p in paragraphs))))


def test_n_days_after_phrases_cost_linear_time(nlp):
    """Quadratic cost would make 400 KB sixteen times dearer per byte than 25 KB; the best of three timings of
    each keeps one collector pause or busy neighbour from deciding."""
    dates_cpu_seconds_per_100kb(counted_phrases(nlp, 5_000))  # the resources load outside the measurement
    small_doc, large_doc = counted_phrases(nlp, 25_000), counted_phrases(nlp, 400_000)
    small = min(dates_cpu_seconds_per_100kb(small_doc) for _ in range(3))
    large = min(dates_cpu_seconds_per_100kb(large_doc) for _ in range(3))
    assert large <= 2 * small, (small, large)
