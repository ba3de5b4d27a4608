"""The knowledge base: its data files load, codes are well formed, aliases do not clash, tenures pick by date."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.resources.kb import KB_DIR, SECTORS, KnowledgeBase, fold, load_kb, pick, plural, read_kb_file
from newsgraph.stages.actors import resolve_actors

ISO3 = re.compile(r"^[A-Z]{3}$")


def test_every_un_member_and_the_usual_territories_are_states(kb: KnowledgeBase) -> None:
    codes = [e.code for e in kb.states()]
    assert len(codes) == len(set(codes)), "a state code appears twice"
    assert len(codes) >= 199  # 193 UN members, 2 observers, Taiwan, Kosovo, Hong Kong, Macao
    assert all(ISO3.match(c or "") for c in codes)
    for code in ("USA", "GBR", "TUR", "PSE", "VAT", "TWN", "XKX", "HKG", "SSD", "TLS", "MUS", "MWI"):
        assert code in codes


@pytest.mark.parametrize("phrase, code", [
    ("Britain", "GBR"), ("U.K.", "GBR"), ("UK", "GBR"), ("Türkiye", "TUR"), ("Turkiye", "TUR"),
    ("the U.S.", "USA"), ("USA", "USA"), ("America", "USA"), ("People's Republic of China", "CHN"),
    ("Republic of China", "TWN"), ("Turkish", "TUR"), ("British", "GBR"), ("Emirati", "ARE"), ("Saudi", "SAU"),
    ("Afghan", "AFG"), ("Israeli", "ISR"), ("American", "USA"), ("Iraqis", "IRQ"), ("Kyiv", "UKR"),
    ("Moscow", "RUS"), ("Washington", "USA"), ("Beijing", "CHN"), ("Ankara", "TUR"), ("Islamabad", "PAK"),
    ("Kabul", "AFG"), ("New Delhi", "IND"), ("Delhi", "IND"), ("the Kremlin", "RUS"), ("Downing Street", "GBR"),
    ("the White House", "USA"), ("the Elysee", "FRA"), ("the Pentagon", "USA"), ("the State Department", "USA"),
    ("Foreign Office", "GBR"), ("European Commission", "EU"), ("EEAS", "EU"), ("OCHA", "UN"), ("WFP", "WFP"),
    ("UNHCR", "UNHCR"), ("NATO", "NATO"), ("ICRC", "ICRC"), ("Human Rights Watch", "HRW"),
    ("Daesh", "ISIS"), ("ISIL", "ISIS"), ("Islamic State", "ISIS"), ("Hezbollah", "HEZBOLLAH"),
    ("Baloch Liberation Army", "BLA"), ("al-Shabaab", "AL-SHABAAB"), ("Wagner Group", "WAGNER"),
])
def test_names_aliases_demonyms_and_metonyms(kb: KnowledgeBase, phrase: str, code: str) -> None:
    hit = pick([h for h in kb.lookup(phrase) if h.entry.kind != "person"], "2025-01-01")
    assert hit is not None and hit.entry.code == code


def test_metonyms_carry_their_sector(kb: KnowledgeBase) -> None:
    assert pick(kb.lookup("the Pentagon"), "2025-01-01").entry.sector == "MIL"
    assert pick(kb.lookup("State Department"), "2025-01-01").entry.sector == "GOV"


def test_a_think_tank_is_not_the_eu(kb: KnowledgeBase) -> None:
    assert kb.lookup("European Council on Foreign Relations") == []


def test_every_code_and_sector_is_well_formed(kb: KnowledgeBase) -> None:
    for entry in kb.entries:
        if entry.kind == "other":
            continue
        assert entry.code is None or re.match(r"^[A-Z][A-Z0-9 -]*[A-Z0-9]$", entry.code), entry.source
        assert entry.sector is None or entry.sector in SECTORS, entry.source
        assert entry.country is None or ISO3.match(entry.country), entry.source
        assert not (entry.start and entry.end) or entry.start <= entry.end, entry.source
    for word in kb.roles.values():
        assert word.sector is None or word.sector in SECTORS


def test_no_phrase_names_two_codes_at_once(kb: KnowledgeBase) -> None:
    """A state, organisation or group alias may change code over time (the Taliban), never at one date."""
    clashes = []
    for phrase, hits in kb.phrases.items():
        entries = [h.entry for h in hits if h.entry.kind in ("state", "organisation", "group")]
        for a in entries:
            for b in entries:
                overlap = ((not a.end or not b.start or b.start <= a.end)
                           and (not b.end or not a.start or a.start <= b.end))
                if a.code != b.code and overlap:
                    clashes.append((phrase, a.source, b.source))
    assert clashes == []


def test_taliban_are_coded_by_date(kb: KnowledgeBase) -> None:
    assert pick(kb.lookup("Taliban"), "2015-06-01").entry.code == "TALIBAN"
    assert pick(kb.lookup("Taliban"), "2023-06-01").entry.code == "AFG"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


PEOPLE = """name,aliases,code,country,sector,role,start,end,kind
Ada Ostrova,Ostrova,EST,EST,GOV,Prime Minister,2010-01-01,2014-12-31,person
Ada Ostrova,Ostrova,EST,EST,GOV,President,2020-01-01,,person
"""


def test_user_files_extend_the_kb_and_the_tenure_valid_on_the_date_wins(tmp_path: Path, monkeypatch) -> None:
    extra = write(tmp_path, "mine.csv", PEOPLE)
    kb = load_kb([extra])
    assert pick(kb.lookup("Ostrova"), "2012-05-01").entry.role == "Prime Minister"
    assert pick(kb.lookup("Ostrova"), "2021-05-01").entry.role == "President"
    between = pick(kb.lookup("Ada Ostrova"), "2017-05-01").entry
    assert between.role == "Prime Minister" and not between.valid_on("2017-05-01")
    monkeypatch.setenv("NEWSGRAPH_KB", str(extra))
    assert load_kb().lookup("Ostrova")


@pytest.mark.parametrize("text, message", [
    ("who,what\nx,y\n", "unknown header"),
    ("code,name,aliases,demonyms,capitals\nUS,Somewhere,,,\n", "three upper-case letters"),
    (PEOPLE.replace("2010-01-01", "1 Jan 2010"), "YYYY-MM-DD"),
    (PEOPLE.replace(",GOV,Prime", ",XYZ,Prime"), "PLOVER sector"),
    ("phrase,sector,kind,private\nchief,GOV,boss,\n", "role kind"),
])
def test_bad_files_say_what_to_fix(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(match=message):
        read_kb_file(write(tmp_path, "bad.csv", text))


def test_a_ministers_role_is_a_person_whose_for_names_the_portfolio(tmp_path: Path) -> None:
    _, roles = read_kb_file(write(tmp_path, "roles.csv", "phrase,sector,kind,private\nminister,GOV,minister,\n"
                                                          "envoy,GOV,diplomat,\nspokesman,GOV,person,\n"))
    minister, envoy, spokesman = roles
    assert minister.kind == "person" and minister.portfolio and minister.for_is_no_employer
    assert envoy.kind == "person" and envoy.for_is_no_employer and not envoy.portfolio
    assert not spokesman.for_is_no_employer  # "a spokesman for the EU" serves the EU


def test_builtin_files_all_load() -> None:
    for path in KB_DIR.glob("*.csv"):
        entries, roles = read_kb_file(path)
        assert entries or roles, path


@pytest.mark.parametrize("word, plural_form", [
    ("official", "officials"), ("man", "men"), ("security forces", "security forces"), ("authority", "authorities"),
    ("prime minister", "prime ministers"), ("embassy", "embassies"),
])
def test_role_plurals(word: str, plural_form: str) -> None:
    assert plural(word) == plural_form


def test_fold_ignores_accents_apostrophes_and_case() -> None:
    assert fold("Erdoğan’s  Türkiye") == fold("erdogan's turkiye")


def test_no_person_alias_is_a_state_or_organisation_name(kb: KnowledgeBase) -> None:
    clashes = [phrase for phrase, hits in kb.phrases.items()
               if {h.entry.kind for h in hits} >= {"person"} and
               {h.entry.kind for h in hits} & {"state", "organisation", "group"}]
    assert clashes == []


@pytest.mark.parametrize(("text", "name", "code", "date"), [
    # a self-governing region's government and its leaders act for the region, a breakaway state for itself
    ("The Kurdistan Regional Government said on Sunday it would pay salaries in Erbil.",
     "Kurdistan Regional Government", "KRG", "2023-09-17"),
    ("Nechirvan Barzani voted in Erbil on Sunday as the region elected its parliament.", "Nechirvan Barzani", "KRG",
     "2024-10-20"),
    ("Taiwan and Somaliland opened representative offices in each other's capitals.", "Somaliland", "SOMALILAND",
     "2020-08-17"),
    ("Abdirahman Irro was sworn in as president in Hargeisa on Thursday.", "Abdirahman Irro", "SOMALILAND",
     "2024-12-12"),
    ("The Republic of Artsakh said it would dissolve all its institutions by January.", "Republic of Artsakh",
     "KARABAKH", "2023-09-28"),
    # negatives: the states they broke from or sit in keep their own codes
    ("Somalia's president, Hassan Sheikh Mohamud, called the port deal illegal.", "Hassan Sheikh Mohamud", "SOM",
     "2024-01-02"),
    ("Iraqi Prime Minister Mohammed Shia al-Sudani praised the Kurdistan Region's vote on Sunday.",
     "Mohammed Shia al-Sudani", "IRQ", "2024-10-20"),
])
def test_a_regions_government_and_a_breakaway_state_have_their_own_codes(nlp, kb, text, name, code, date) -> None:
    table = resolve_actors(nlp(text), kb=kb, published=date)
    actor = next(a for a in table.actors if any(m.text == name for m in a.mentions))
    assert actor.code == code
