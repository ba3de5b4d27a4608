"""The resource loaders: one layering rule, the environment read at load time, a bundle that pickles."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from newsgraph.resources import ResourceError, Resources
from newsgraph.resources.boilerplate import load_rules
from newsgraph.resources.kb import load_kb
from newsgraph.resources.lexicon import DIRECT_OBJECT, POSSESSOR, as_nominal, load_lexicon, parse_pattern

ROLES = "phrase,sector,kind,private\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_bundle_pickles_and_round_trips():
    resources = Resources.load()
    copy = pickle.loads(pickle.dumps(resources))
    assert len(copy.kb.entries) == len(resources.kb.entries) and copy.kb.lookup("Erdogan")
    assert [p.id for p in copy.lexicon.patterns] == [p.id for p in resources.lexicon.patterns]
    assert copy.grammar == resources.grammar and copy.speech_verbs == resources.speech_verbs
    assert copy.dates.entries == resources.dates.entries
    assert copy.boilerplate.labels == resources.boilerplate.labels


def test_layering_appends_lists_and_replaces_single_values(tmp_path):
    first = write(tmp_path / "first.yaml", "labels: [From Our Partners]\nthresholds: {label_max_words: 1}\n")
    second = write(tmp_path / "second.yaml", "labels: [Sponsored Reads]\nthresholds: {label_max_words: 2}\n")
    shipped = load_rules()
    rules = load_rules([first, second])
    assert rules.labels == shipped.labels | {"from our partners", "sponsored reads"}
    assert rules.threshold("label_max_words") == 2
    assert rules.thresholds.keys() == shipped.thresholds.keys()


def test_a_user_row_replaces_the_keyed_row_and_adds_the_rest(tmp_path):
    mine = write(tmp_path / "roles.csv", ROLES + "prime minister,MIL,person,\nwarlord,REB,person,\n")
    kb = load_kb([mine])
    assert kb.roles["prime minister"].sector == "MIL" and kb.roles["warlord"].sector == "REB"
    assert len(kb.roles) == len(load_kb().roles) + 1


def test_a_value_of_another_type_names_the_file(tmp_path):
    bad = write(tmp_path / "bad.yaml", "labels: {a: 1}\n")
    with pytest.raises(ResourceError, match=r"bad\.yaml: 'labels' must be a list"):
        load_rules([bad])


def test_a_missing_user_file_names_the_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_BOILERPLATE", str(tmp_path / "nowhere.yaml"))
    with pytest.raises(ResourceError,
                       match=r"nowhere.yaml: no such boilerplate rules file; check \$NEWSGRAPH_BOILERPLATE"):
        load_rules()


def test_the_environment_is_read_at_each_load(tmp_path, monkeypatch):
    mine = write(tmp_path / "mine.csv", "name,aliases,code,country,sector,role,start,end,kind\n"
                                        "Ada Ostrova,Ostrova,EST,EST,GOV,President,2020-01-01,,person\n")
    monkeypatch.delenv("NEWSGRAPH_KB", raising=False)
    assert not Resources.load().kb.lookup("Ostrova")
    monkeypatch.setenv("NEWSGRAPH_KB", str(mine))
    assert Resources.load().kb.lookup("Ostrova")
    monkeypatch.delenv("NEWSGRAPH_KB")
    assert not Resources.load().kb.lookup("Ostrova")


def test_an_edited_file_is_read_again(tmp_path):
    mine = write(tmp_path / "mine.yaml", "labels: [First Label]\n")
    assert "first label" in load_rules([mine]).labels
    write(mine, "labels: [Second Label]\n")
    assert "second label" in load_rules([mine]).labels


def test_a_verbs_own_pattern_read_at_its_act_nominal_takes_the_of_phrase_as_object():
    suspend = parse_pattern("suspend T@state", kind="verb", type_="SANCTION", mode="expel", where="test")
    nominal = as_nominal(suspend, "suspension")
    assert nominal is not None and nominal.kind == "noun" and nominal.lemmas == {"suspension"}
    assert nominal.target_preps == (POSSESSOR, "of") and DIRECT_OBJECT not in nominal.target_preps
    assert nominal.is_nominal and not suspend.is_nominal
    assert nominal.target_kinds == {"state"} and nominal.id.startswith("nominal:suspension/")
    # a noun governs no clause: "refuse +xcomp" has no nominal reading
    refuse = parse_pattern("refuse +xcomp with T", kind="verb", type_="REJECT", mode=None, where="test")
    assert as_nominal(refuse, "refusal") is None
    lexicon = load_lexicon()
    assert lexicon.nominal_patterns("closure", "close") is lexicon.nominal_patterns("closure", "close")
    assert all(p.kind == "noun" and p.is_own for p in lexicon.nominal_patterns("closure", "close"))
