"""One path walker: `extract` (the readers) and `batch` list the same files for the same directory."""
from __future__ import annotations

import pytest

from newsgraph.records import ReadFailure
from newsgraph.run.batch import list_inputs
from newsgraph.sources.paths import NOT_ARTICLE_NAME, expand_path, is_article_name
from newsgraph.sources.readers import has_reader, read_inputs

ARTICLE = "Ankara, 3 May 2024\nTurkey's foreign minister met his Greek counterpart in Ankara on Friday.\n"


@pytest.fixture
def corpus(tmp_path):
    """Articles at two depths, with what lies beside them in real corpora."""
    for name in ("a.txt", "README.txt", "LICENSE", ".hidden.txt", "b.gold.json", "notes.docx",
                 "nested/deeper/c.html", "nested/d.txt", "nested/readme.md", ".git/e.txt", "nested/.cache/f.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE if name.endswith(".txt") else f"<html><body><p>{ARTICLE}</p></body></html>")
    return tmp_path


def test_extract_and_batch_list_the_same_files(corpus):
    expected = [str(corpus / p) for p in ("a.txt", "nested/d.txt", "nested/deeper/c.html")]
    assert list_inputs(str(corpus)) == expected
    extracted = {r.origin.rsplit(":", 1)[0] for r in read_inputs([str(corpus)]) if not isinstance(r, ReadFailure)}
    assert sorted(extracted) == sorted(expected)


def test_globs_and_named_files_go_through_the_same_walker(corpus):
    pattern = str(corpus / "**" / "*.txt")
    assert list_inputs(pattern) == [p for p, failure in expand_path(pattern, wanted=has_reader) if failure is None]
    assert list_inputs(str(corpus / "README.txt")) == [str(corpus / "README.txt")]  # named explicitly: taken


def test_an_empty_directory_is_a_failure_not_silence(tmp_path):
    [(path, failure)] = list(expand_path(str(tmp_path), wanted=has_reader))
    assert path == str(tmp_path) and isinstance(failure, ReadFailure)


@pytest.mark.parametrize("name", ["README.txt", "readme", ".x.txt", "a.gold.json", "A.GOLD.JSON", "LICENSE.md",
                                  "ORIGINAL-README.TXT", "notice.txt", "a.txt", "readmex.txt", "readme.tar.gz"])
def test_the_spark_pattern_skips_what_the_walker_skips(name):
    assert is_article_name(name) == (NOT_ARTICLE_NAME.search(name) is None)
