"""Checks on the people table (newsgraph/data/kb/people.csv): format, dates, tenures and aliases.

Read with the csv module only (no spaCy), so these run in well under a second.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from datetime import date
from itertools import combinations, pairwise
from pathlib import Path

import pytest

KB_DIR = Path(__file__).resolve().parent.parent / "newsgraph" / "data" / "kb"
PEOPLE = KB_DIR / "people.csv"
HEADER = ["name", "aliases", "code", "country", "sector", "role", "start", "end", "kind"]
STATE_CODE = re.compile(r"^[A-Z]{3}$")
OTHER_CODE = re.compile(r"^[A-Z][A-Z0-9 -]{1,19}$")
SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL",
    "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO",
}
# Surnames and given names shared by too many public figures to name one person on their own.
TOO_COMMON_ALONE = {
    "khan", "sharif", "li", "kim", "ali", "wang", "zhang", "liu", "chen", "singh", "lee", "park", "smith",
    "johnson", "brown", "jones", "miller", "hassan", "hussein", "mohammed", "muhammad", "ahmed", "gandhi",
    "abe", "cohen", "wilson", "martin", "sanchez", "garcia", "bhutto", "zardari", "bin salman", "al-assad",
    "assad", "aliyev", "kenyatta", "rice", "clinton", "kennedy", "castro", "ortega", "kirchner", "yoon",
    "moon", "rao", "kumar", "shah", "nguyen",
}
TODAY = "2026-11-30"


def fold(text: str) -> str:
    """Compare names as the resolver does: no accents, straight apostrophes, one space, lower case."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u0131", "i")
    return " ".join(text.split()).casefold()


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(line for line in handle if not line.lstrip().startswith("#"))
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read_rows(PEOPLE)[1]


@pytest.fixture(scope="module")
def known_codes() -> set[str]:
    """Codes defined by the other KB tables (states, organisations, groups); empty if none are there yet."""
    codes: set[str] = set()
    for path in KB_DIR.glob("*.csv"):
        if path == PEOPLE:
            continue
        header, table = read_rows(path)
        if header and header[0] == "code":
            codes.update(row["code"] for row in table if row.get("code"))
        elif header == HEADER:
            codes.update(row["code"] for row in table if row.get("kind") != "person" and row.get("code"))
    return codes


def names_of(row: dict[str, str]) -> set[str]:
    return {fold(row["name"])} | {fold(a) for a in row["aliases"].split("|") if a.strip()}


def span(row: dict[str, str]) -> tuple[str, str]:
    return row["start"] or "0000-00-00", row["end"] or "9999-99-99"


def covering(rows: list[dict[str, str]], name: str, on: str) -> list[dict[str, str]]:
    """The rows of the person called `name` whose tenure includes the day `on`."""
    return [r for r in rows if r["name"] == name and span(r)[0] <= on <= span(r)[1]]


def test_header_is_exact():
    header, _ = read_rows(PEOPLE)
    assert header == HEADER


def test_table_is_large_enough(rows):
    assert len(rows) >= 800
    assert len({r["name"] for r in rows}) >= 550


def test_every_row_is_well_formed(rows, known_codes):
    problems = []
    for n, row in enumerate(rows, start=2):
        code = row["code"]
        code_ok = code in known_codes if known_codes else bool(STATE_CODE.match(code) or OTHER_CODE.match(code))
        checks = {
            "name": bool(row["name"].strip()) and row["name"] == row["name"].strip(),
            "code": code_ok,
            "country": row["country"] == "" or bool(STATE_CODE.match(row["country"])),
            "sector": row["sector"] in SECTORS,
            "role": bool(row["role"].strip()),
            "kind": row["kind"] == "person",
            "aliases": all(a and a == a.strip() for a in row["aliases"].split("|")) if row["aliases"] else True,
        }
        problems += [f"line {n} ({row['name']}): bad {field} {row[field]!r}" for field, ok in checks.items() if not ok]
    assert not problems, "\n".join(problems[:40])


def test_dates_parse_and_are_ordered(rows):
    problems = []
    for n, row in enumerate(rows, start=2):
        try:
            start = date.fromisoformat(row["start"])
            end = date.fromisoformat(row["end"]) if row["end"] else None
        except ValueError as err:
            problems.append(f"line {n} ({row['name']}): {err}")
            continue
        if end is not None and start > end:
            problems.append(f"line {n} ({row['name']}): starts {start} after it ends {end}")
        if row["start"] > TODAY:
            problems.append(f"line {n} ({row['name']}): starts in the future")
    assert not problems, "\n".join(problems[:40])


def test_tenures_in_one_office_do_not_overlap(rows):
    offices = defaultdict(list)
    for row in rows:
        offices[(row["name"], row["code"], row["role"])].append(span(row))
    problems = []
    for office, spans in offices.items():
        spans.sort()
        problems += [f"{office}: {a} overlaps {b}" for a, b in pairwise(spans) if b[0] < a[1]]
    assert not problems, "\n".join(problems)


def test_one_name_is_one_person(rows):
    """A person's tenures share one alias list, so their country does not flip between rows."""
    by_name = defaultdict(set)
    for row in rows:
        by_name[row["name"]].add((row["aliases"], row["country"]))
    mixed = {name: forms for name, forms in by_name.items() if len(forms) > 1}
    assert not mixed, mixed


def test_no_alias_names_two_people_at_once(rows):
    holders = defaultdict(lambda: defaultdict(list))
    for row in rows:
        for phrase in names_of(row):
            holders[phrase][row["name"]].append(span(row))
    clashes = []
    for phrase, people in holders.items():
        for (one, spans_one), (two, spans_two) in combinations(people.items(), 2):
            if any(a[0] <= b[1] and b[0] <= a[1] for a in spans_one for b in spans_two):
                clashes.append(f"{phrase!r}: {one} / {two}")
    assert not clashes, "\n".join(clashes)


def other_table_phrases() -> dict[str, str]:
    """Every name, alias, demonym and capital in the KB's other tables, folded, with the file it is in."""
    phrases: dict[str, str] = {}
    for path in KB_DIR.glob("*.csv"):
        if path == PEOPLE:
            continue
        header, table = read_rows(path)
        fields = [f for f in ("name", "aliases", "demonyms", "capitals") if f in header]
        for row in table:
            for value in (row.get(f) or "" for f in fields):
                for phrase in value.split("|"):
                    phrase = phrase.split(":", 1)[1] if phrase.startswith(("demonym:", "metonym:")) else phrase
                    if phrase.strip():
                        phrases[fold(phrase)] = path.name
    return phrases


def test_no_alias_is_a_place_or_organisation_name(rows):
    """"Muscat" or "Türk" as a person's alias would turn Oman's capital or a Turk into that person."""
    others = other_table_phrases()
    clashes = sorted({f"{r['name']}: {p!r} is in {others[p]}" for r in rows for p in names_of(r) if p in others})
    assert not clashes, "\n".join(clashes)


def test_no_alias_is_a_common_name_alone(rows):
    bad = {(r["name"], a) for r in rows for a in r["aliases"].split("|") if fold(a) in TOO_COMMON_ALONE}
    assert not bad, sorted(bad)


@pytest.mark.parametrize(
    ("name", "on", "code", "role"),
    [
        ("Donald Trump", "2019-06-01", "USA", "President"),
        ("Donald Trump", "2025-03-01", "USA", "President"),
        ("Joe Biden", "2022-06-01", "USA", "President"),
        ("Joe Biden", "2012-06-01", "USA", "Vice President"),
        ("Keir Starmer", "2024-07-05", "GBR", "Prime Minister"),
        ("António Costa", "2024-12-01", "EU", "President of the European Council"),
        ("António Costa", "2020-01-01", "PRT", "Prime Minister"),
        ("Ursula von der Leyen", "2025-03-08", "EU", "President of the European Commission"),
        ("Mark Rutte", "2025-01-01", "NATO", "Secretary General"),
        ("Mark Rutte", "2015-01-01", "NLD", "Prime Minister"),
        ("Recep Tayyip Erdogan", "2010-01-01", "TUR", "Prime Minister"),
        ("Recep Tayyip Erdogan", "2020-01-01", "TUR", "President"),
        ("Mevlut Cavusoglu", "2019-01-01", "TUR", "Foreign Minister"),
        ("Volodymyr Zelensky", "2022-02-24", "UKR", "President"),
        ("Vladimir Putin", "2010-01-01", "RUS", "Prime Minister"),
        ("Vladimir Putin", "2022-02-24", "RUS", "President"),
        ("Sergei Lavrov", "2015-01-01", "RUS", "Foreign Minister"),
        ("Marco Rubio", "2025-03-10", "USA", "Secretary of State"),
        ("Mike Waltz", "2025-03-10", "USA", "National Security Adviser"),
        ("Mohammed bin Salman", "2019-01-01", "SAU", "Crown Prince"),
        ("Benjamin Netanyahu", "2024-01-01", "ISR", "Prime Minister"),
        ("Narendra Modi", "2020-01-01", "IND", "Prime Minister"),
        ("Xi Jinping", "2020-01-01", "CHN", "President"),
        ("António Guterres", "2020-01-01", "UN", "Secretary-General"),
        ("Friedrich Merz", "2025-06-01", "DEU", "Chancellor"),
        ("Olaf Scholz", "2023-01-01", "DEU", "Chancellor"),
        ("Kaja Kallas", "2025-01-01", "EU", "High Representative for Foreign Affairs"),
    ],
)
def test_known_office_holders(rows, name, on, code, role):
    assert (code, role) in {(r["code"], r["role"]) for r in covering(rows, name, on)}


@pytest.mark.parametrize(
    ("name", "on"),
    [
        ("Donald Trump", "2022-06-01"),
        ("Barack Obama", "2018-01-01"),
        ("Boris Johnson", "2023-01-01"),
        ("Angela Merkel", "2022-06-01"),
        ("Jens Stoltenberg", "2024-11-01"),
    ],
)
def test_out_of_office_has_no_row(rows, name, on):
    assert covering(rows, name, on) == []


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Zelenskiy", "Volodymyr Zelensky"),
        ("Erdoğan", "Recep Tayyip Erdogan"),
        ("MBS", "Mohammed bin Salman"),
        ("Sybiha", "Andrii Sybiha"),
        ("Umerov", "Rustem Umerov"),
    ],
)
def test_spelling_variants_are_aliases(rows, alias, name):
    assert any(fold(alias) in names_of(r) for r in rows if r["name"] == name)
