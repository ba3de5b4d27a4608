"""The CAMEO-derived lexicon: the derivation script, the ``@class`` notation and pattern origins.

The CAMEO-format sample and the sentences are written for these tests.
"""
from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO, SHARED, load_script
from test_events import make_table

from newsgraph.cli import main
from newsgraph.resources import ResourceError
from newsgraph.resources.grammar import load_grammar
from newsgraph.resources.lexicon import PLOVER_DIR, load_lexicon, load_patterns, load_types
from newsgraph.resources.speech_verbs import load_speech_lexicon
from newsgraph.stages.events.coder import code_events
from newsgraph.stages.events.matching import match_pattern

REFERENCE = SHARED / "reference"


def _script() -> ModuleType:
    return load_script(REPO / "scripts" / "derive_cameo_lexicon.py")


SAMPLE_DICTIONARY = """\
# A made-up dictionary in the CAMEO format.
# The MIT License (MIT)
# Copyright (c) 2026 Nobody
# THE SOFTWARE IS PROVIDED "AS IS", ... OTHER DEALINGS IN THE SOFTWARE.

####### SYNONYM SETS #######

&SHELL
+MORTAR
+ROCKET_
+GRENADE_LAUNCHER

&GUARD_
+SENTRY

####### VERB PATTERNS #######

---  HURL   [---]  ---
HURL
LOB {LOBS LOBBED LOBBING}
+FIRE_OFF
- * &SHELL (AT)                     [194]         # LOB
- * STONES                          [145]         # HURL
- * MISSILES                        [195]
- &GUARD *                          [190]         # HURL
- * (FROM $)                        [190]         # HURL
- * &NOSUCHSET                      [190]         # HURL

---  OUST   [174]  ---
OUST
EJECT
GIVE
- * RULER                           [---]         # OUST
- * PRAISE                          [051]         # GIVE
- * BLAME                           [:112]        # GIVE

---  GATHER   [040]  ---
GATHER
- * (WITH)                          [041:042]     # GATHER

######## TRANSFORMATIONS ##########
~ a (a b WILL_ATTACK) SAY = a b 138
"""
SAMPLE_TABLE = """\
145: PROTEST, riot ,      # comment
174: COERCE, deport, legal # comment
194: ASSAULT, heavy-weapons, military # comment
195: ASSAULT, aerial, military # comment
040: CONSULT, ,  # comment
041: CONSULT, phone,   # comment
"""
TARGETS = "against|at|into|on|to|toward|towards|with T"


@pytest.fixture()
def sample_reference(tmp_path: Path) -> Path:
    (tmp_path / "petrarch2").mkdir()
    (tmp_path / "plover").mkdir()
    (tmp_path / "petrarch2" / "CAMEO.2.0.txt").write_text(SAMPLE_DICTIONARY, encoding="utf-8")
    (tmp_path / "petrarch2" / "README.md").write_text("From a repository (commit abc1234).\n", encoding="utf-8")
    (tmp_path / "plover" / "CAMEO2PLOVER-2021.txt").write_text(SAMPLE_TABLE, encoding="utf-8")
    return tmp_path


def test_script_translates_the_sample_dictionary(sample_reference: Path) -> None:
    text, dropped, written = _script().derive(sample_reference)
    data = yaml.safe_load(text)
    assert data["classes"] == {"shell": ["mortar", "rocket"]}  # multi-word members cannot match one lemma
    assert data["verbs"] == {
        "ASSAULT": {"aerial": [f"fire off T! missiles {TARGETS}  [cameo:195]",
                               f"hurl|lob T! missiles {TARGETS}  [cameo:195]"],
                    "heavy-weapons": ["lob @shell at T!  [cameo:194]"]},
        "CONSULT": {"phone": ["gather with T!  [cameo:041]"]},
        "PROTEST": {"riot": [f"hurl T! stones {TARGETS}  [cameo:145]"]},
        "COERCE": {"deport": [f"oust|eject T! !blame|praise|ruler {TARGETS}  [cameo:174]"]},
    }
    assert written == 6
    assert dropped == {"words before the verb (subject constraints)": 1,
                       "actor marker or symbol ($ % ^ or digits) in the object": 1,
                       "synonym set with no single-word members": 1,
                       "no event code (--- or passive only)": 2,
                       "code maps to no PLOVER event type": 1,
                       "bare verb: too common to be an event alone": 1,
                       "bare verb: a whole cue category (x0), too broad for a verb alone": 1}
    assert "# Copyright (c) 2026 Nobody" in text and "commit abc1234" in text


def test_derived_file_loads_with_its_origins(sample_reference: Path, tmp_path: Path) -> None:
    out = tmp_path / "derived.yaml"
    out.write_text(_script().derive(sample_reference)[0], encoding="utf-8")
    patterns = load_patterns(out, load_types())
    lob = next(p for p in patterns if p.origin == "cameo:194")
    assert lob.id.startswith("cameo:194/") and lob.words == (frozenset({"mortar", "rocket"}),)
    assert lob.target_preps == ("at",) and lob.target_required and not lob.is_own


@pytest.mark.skipif(not (REFERENCE / "petrarch2" / "CAMEO.2.0.txt").exists(),
                    reason="the CAMEO dictionary is read from ../shared/reference, which is not here")
def test_shipped_cameo_patterns_are_the_scripts_output() -> None:
    text, _, _ = _script().derive(REFERENCE)
    assert (PLOVER_DIR / "patterns-cameo.yaml").read_text(encoding="utf-8") == text


CLASS_PATTERNS = """\
classes:
  passage: [bridge, street, road, highway]
  force: [force, troop, army, garrison]
  drill: [drill, exercise, maneuver]
  monitor: [inspector, monitor, observer]
verbs:
  PROTEST:
    obstruct:
      - block @passage
  MOBILIZE:
    troops:
      - strengthen|reinforce @force
      - begin|start @drill
  SANCTION:
    expel:
      - expel T @monitor
"""


@pytest.fixture()
def class_file(tmp_path: Path) -> Path:
    path = tmp_path / "classes.yaml"
    path.write_text(CLASS_PATTERNS, encoding="utf-8")
    return path


@pytest.mark.parametrize(("sentence", "trigger", "complete"), [
    ("Protesters blocked bridges in the capital.", "blocked", True),
    ("Farmers blocked the main highway with tractors for a day.", "blocked", True),
    ("The senators blocked the nomination.", "blocked", False),
    ("The army strengthened its forces along the border.", "strengthened", True),
    ("The ministry reinforced the garrison at the airport.", "reinforced", True),
    ("The bank strengthened its balance sheet.", "strengthened", False),
    ("The government expelled UN inspectors.", "expelled", True),
    ("The junta expelled two election observers last week.", "expelled", True),
    ("Troops began drills near the frontier.", "began", True),
    ("Both navies started a joint exercise on Monday.", "started", True),
    ("The court began hearings on Monday.", "began", False),
])
def test_class_words_match_any_member_by_lemma(nlp, class_file: Path, sentence: str, trigger: str,
                                               complete: bool) -> None:
    patterns = load_patterns(class_file, load_types())
    tok = next(t for t in nlp(sentence) if t.text == trigger)
    matches = [match_pattern(p, tok) for p in patterns if tok.lemma_.lower() in p.lemmas]
    assert any(m.complete for m in matches) is complete


def test_class_pattern_codes_an_event_with_the_class_member_as_object(nlp, class_file: Path) -> None:
    doc = nlp("Iran expelled UN inspectors on Tuesday.")
    table = make_table(doc.text, {"Iran": "IRN", "UN": "IGOUNO/organisation"})
    events = code_events(doc, actors=table, dates=None, published=None, lexicon=load_lexicon(extra=[class_file]),
                         grammar=load_grammar(), speech_verbs=load_speech_lexicon())
    assert [(e.type, e.mode, e.pattern) for e in events] == [("SANCTION", "expel", "sanction.expel:expel-t-monitor")]


def test_unknown_class_says_where_to_define_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("verbs:\n  PROTEST:\n    obstruct: [block @roads]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown class '@roads'"):
        load_lexicon(extra=[bad])


def test_builtin_patterns_carry_their_origin() -> None:
    lex = load_lexicon()
    own = [p for p in lex.patterns if p.is_own]
    derived = [p for p in lex.patterns if not p.is_own]
    assert own and derived and lex.patterns.index(derived[0]) > lex.patterns.index(own[-1])
    assert all(p.origin.startswith("own:patterns-") for p in own)
    assert all(p.origin.startswith("cameo:") and p.id.startswith(p.origin + "/") for p in derived)


def test_event_evidence_names_the_cameo_pattern(nlp) -> None:
    doc = nlp("The alliance admitted Finland as a member on Tuesday.")
    table = make_table(doc.text, {"The alliance": "IGONAT/organisation", "Finland": "FIN"})
    events = code_events(doc, actors=table, dates=None, published=None, lexicon=load_lexicon(),
                         grammar=load_grammar(), speech_verbs=load_speech_lexicon())
    assert [(e.type, e.pattern.split("/")[0]) for e in events] == [("SUPPORT", "cameo:054")]


def test_own_pattern_beats_a_more_specific_derived_one(nlp, tmp_path: Path) -> None:
    own = tmp_path / "own.yaml"
    own.write_text("verbs:\n  SUPPORT:\n    '-': [fete T]\n", encoding="utf-8")
    derived = tmp_path / "derived.yaml"
    derived.write_text("verbs:\n  ACCUSE:\n    '-': ['fete T! at ceremony  [cameo:111]']\n", encoding="utf-8")
    doc = nlp("Ghana feted Togo at the ceremony.")
    table = make_table(doc.text, {"Ghana": "GHA", "Togo": "TGO"})
    for order in ([own, derived], [derived, own]):
        events = code_events(doc, actors=table, dates=None, published=None, lexicon=load_lexicon(extra=order),
                             grammar=load_grammar(), speech_verbs=load_speech_lexicon())
        assert [(e.type, e.pattern) for e in events] == [("SUPPORT", "support:fete-t")]


def test_explain_shows_which_cameo_pattern_fired(nlp) -> None:
    result = CliRunner().invoke(main, ["explain", "NATO admitted Finland as a member on Tuesday."])
    assert result.exit_code == 0, result.output
    assert "cameo:054/" in result.output.split("patterns matched:")[1]
