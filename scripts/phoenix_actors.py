"""Derive newsgraph/data/kb/phoenix.csv (office holders with date ranges, historic organisations and armed
groups) from the Phoenix actor dictionaries (MIT, Open Event Data Alliance).

The hand-made tables hold present-day roles; the open coders' dictionaries hold ~28,000 country and
office-holder lines with date ranges up to January 2014, and international and non-state actors (the PLO,
UNITA, the European Free Trade Association). This script turns them into a separate KB layer:

- people (Phoenix.Countries.actors.txt): one row per dated code line, "[USAGOV 930120-010120]" → USA, GOV,
  1993-01-20 to 2001-01-20; an undated line is the person's code outside those ranges, kept up to the
  dictionary's date. Ranges left open are closed at that date too: the dictionary says nothing later.
- organisations (Phoenix.International.actors.txt): intergovernmental bodies (codes IGO...), undated;
- armed and political groups (Phoenix.MilNonState.actors.txt): "[ANGREB]" → a group of Angola, REB.

Some office holders sit under the wrong country's heading in the dictionary and carry that country's code:
Mauritania's heads of state and government, 1960-2008, come right after the MAURITIUS_ heading, coded MUS.
scripts/phoenix_corrections.csv names such runs (a heading and which of its runs, never single people) and
the code they should carry; `--audit` prints where codes and headings disagree, to find more.

Anything a hand-made table already names is left out, so this layer only adds. Aliases that are titles
("PRESIDENT_CLINTON"), administrations or single words are dropped: they would make a title or a surname
name the person. Run from the repository root:

    python scripts/phoenix_actors.py ../shared/reference/petrarch2
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsgraph.resources.kb import KB_DIR, SECTORS, fold, read_kb_file

OUT = KB_DIR / "phoenix.csv"
CORRECTIONS = Path(__file__).with_name("phoenix_corrections.csv")
DICTIONARY_DATE = "2014-01-30"  # "Generated at: Thu Jan 30 16:06:18 2014"
CODE_LINE = re.compile(r"\[(?P<code>[A-Z]+)\s*(?P<dates>[<>]?[0-9]*-?[0-9]*)\]")
TITLE_WORDS = frozenset({"president", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "us", "u.s.", "american",
                         "gov.", "governor", "minister", "prime", "king", "queen", "senator", "sen.", "general",
                         "gen.", "administration", "government", "the", "secretary", "premier", "chancellor",
                         "former", "sir", "dame", "regime", "prince", "sheikh", "colonel", "col."})
GROUP_WORDS = frozenset({"army", "front", "movement", "organization", "organisation", "brigade", "brigades", "party",
                         "liberation", "forces", "force", "group", "council", "union", "alliance", "committee",
                         "jihad", "islamic", "revolutionary", "people's", "national", "battalion", "militia",
                         "resistance", "faction", "tigers", "league", "association", "community", "bank", "fund",
                         "agency", "court", "commission", "conference", "cooperation", "secretariat", "mission",
                         "assembly", "parliament"})
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "to", "at"})
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "von", "der", "van", "de", "da", "di", "du", "la", "le",
                            "dos", "del", "ben"})
NOTICE = """# Office holders with date ranges, intergovernmental bodies and armed groups, derived by
# scripts/phoenix_actors.py from the Phoenix actor dictionaries (Phoenix.Countries.actors.txt,
# Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt; PETRARCH2). Do not edit by hand.
# Dates end at the dictionaries' date (2014-01-30): they say nothing later.
#
# The MIT License (MIT)
# Copyright (c) 2014 Open Event Data Alliance
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
# documentation files (the "Software"), to deal in the Software without restriction, including without limitation
# the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and
# to permit persons to whom the Software is furnished to do so, subject to the following conditions:
# The above copyright notice and this permission notice shall be included in all copies or substantial portions
# of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED
# TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL
# THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
# CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
# DEALINGS IN THE SOFTWARE.
"""
ARMED = frozenset({"REB", "PTY", "OPP", "UAF"})
PREFIXES = ("demonym", "metonym", "class")  # a KB alias's kind, before a colon
Row = tuple[str, str, str, str, str, str, str, str, str]


@dataclass
class Block:
    """One dictionary entry: its name, its "+" aliases and its code lines."""

    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, dates)
    inline: bool = False  # the codes stand on the name's line

    @property
    def heading(self) -> bool:
        """A country's own entry ("MAURITIUS_  [MUS]", "ARMENIA_" with [ARM] below): the people after it are
        its own. No office holder has a bare three-letter code or one on the name's line."""
        return self.inline or any(len(code) == 3 for code, _ in self.codes)


@dataclass(frozen=True)
class Correction:
    """A run of people under `heading` coded `wrong` that belong to `right`; `run` is "leaders" (the heads of
    state and government listed first, each with an ELI line) or "all"."""

    heading: str
    run: str
    wrong: str
    right: str


def blocks(path: Path) -> Iterator[Block]:
    block: Block | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        if raw[:1] in (" ", "\t") and line.strip().startswith("["):
            if block is not None:
                block.codes += [(m["code"], m["dates"]) for m in CODE_LINE.finditer(line)]
        elif line.startswith("+"):
            if block is not None:
                block.aliases.append(line[1:].strip())
        else:
            if block is not None:
                yield block
            head = line.split("[")[0].strip()
            codes = [(m["code"], m["dates"]) for m in CODE_LINE.finditer(line)]
            block = Block(name=head, codes=codes, inline=bool(codes))
    if block is not None:
        yield block


def read_corrections(path: Path = CORRECTIONS) -> list[Correction]:
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return [Correction(r["heading"], r["run"], r["wrong"], r["right"]) for r in rows]


def corrected(entries: Iterable[Block], corrections: Iterable[Correction]) -> Iterator[Block]:
    """The entries with the corrections' runs recoded: only codes of the wrong country change, so a leader's
    line for another body (an EU commissioner's IGO line, a governor's later post) stays as it is."""
    by_heading = {c.heading: c for c in corrections}
    fix: Correction | None = None
    leading = False
    for block in entries:
        if block.heading:
            fix, leading = by_heading.get(block.name), True
            yield block
            continue
        leading = leading and any(code.endswith("ELI") for code, _ in block.codes)
        if fix is not None and (fix.run == "all" or leading):
            block.codes = [(fix.right + code[3:] if code[:3] == fix.wrong else code, dates)
                           for code, dates in block.codes]
        yield block


def audit(path: Path, states: set[str], corrections: Iterable[Correction] = ()) -> Iterator[str]:
    """Where the codes and the headings disagree: a state heading none of whose codes an office holder
    carries (its people sit elsewhere), runs of three or more people under a heading coded as another
    state, and a heading's own code no KB state has (Phoenix's TMP for Timor-Leste: its people would be left
    out) unless a correction recodes it. A run with its own right code (a heading missing from the dictionary)
    does no harm; a run coded as its heading's country while it belongs to one with no office holders is what
    corrections are for."""
    entries = list(blocks(path))
    recoded = {(c.heading, c.wrong) for c in corrections}
    carried = {code[:3] for block in entries if not block.heading for code, _ in block.codes}
    own: set[str] = set()
    heading, run = "", list[tuple[str, set[str]]]()
    for block in [*entries, Block(name="", inline=True)]:
        foreign = {code[:3] for code, _ in block.codes} - own - {"IGO"}
        if run and (block.heading or foreign != run[0][1]):
            if len(run) >= 3:
                yield f"{heading}: {len(run)} people coded {'/'.join(sorted(run[0][1]))}, {run[0][0]} to {run[-1][0]}"
            run = []
        if block.heading:
            heading, own = block.name, {code[:3] for code, _ in block.codes}
            if missing := {c for c, _ in block.codes if len(c) == 3} & states - carried:
                yield f"{block.name}: no office holder carries {', '.join(sorted(missing))}"
            if unknown := {c for c, _ in block.codes if len(c) == 3} & carried - states - {
                    wrong for heading, wrong in recoded if heading == block.name}:
                yield f"{block.name}: {', '.join(sorted(unknown))} is no KB state's code; its people are left out"
        elif foreign:
            run.append((block.name, foreign))


def words(phrase: str) -> str:
    """ "GEORGE_W._BUSH_" → "George W. Bush"; particles and function words stay lower case ("al-", "of")."""
    out = []
    for n, word in enumerate(phrase.replace("_", " ").split()):
        if n and word.lower() in FUNCTION_WORDS:
            out.append(word.lower())
            continue
        parts = [p if p.lower() in NAME_PARTICLES else p.capitalize() for p in word.lower().split("-")]
        out.append("-".join(parts))
    return " ".join(out)


def as_date(value: str) -> str | None:
    """YYMMDD (19xx after '14) or YYYYMMDD → YYYY-MM-DD; None when it is no date."""
    if len(value) == 6:
        value = ("19" if int(value[:2]) > 14 else "20") + value
    if len(value) != 8 or not value.isdigit() or not ("01" <= value[4:6] <= "12") or not ("01" <= value[6:] <= "31"):
        return None
    return f"{value[:4]}-{value[4:6]}-{value[6:]}"


def span(dates: str) -> tuple[str | None, str] | None:
    """A code line's range, closed at the dictionary's date; None when it cannot be read."""
    if not dates:
        return None, DICTIONARY_DATE
    if dates[0] in "<>":
        day = as_date(dates[1:])
        if day is None:
            return None
        if dates[0] == "<":
            return None, day
        return (day, DICTIONARY_DATE) if day <= DICTIONARY_DATE else None
    start, _, end = dates.partition("-")
    first, last = as_date(start), as_date(end) if end else DICTIONARY_DATE
    if first is None or last is None or last < first or first > DICTIONARY_DATE:
        return None
    return first, min(last, DICTIONARY_DATE)


def day_before(day: str) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


def sector_of(cameo: str) -> str:
    """A CAMEO sector as newsgraph's (CAMEO's MED is the media, HLH health); "" for one it lacks."""
    sector = {"MED": "JRN", "HLH": "MED"}.get(cameo, cameo)
    return sector if sector in SECTORS else ""


def name_like(alias: str) -> bool:
    """A person's other name, not a title ("President Clinton") or a body ("White House", "SPLA")."""
    tokens = alias.lower().split()
    return len(tokens) > 1 and not any(t in TITLE_WORDS for t in tokens) and not group_like(alias)


def group_like(alias: str) -> bool:
    tokens = alias.split()
    acronym = len(tokens) == 1 and alias.isupper() and len(alias.strip(".")) >= 3
    return acronym or any(t.lower() in GROUP_WORDS for t in tokens)


def people(path: Path, states: set[str], known: set[str], corrections: Iterable[Correction] = ()) -> Iterator[Row]:
    """Office holders; a dated block with a body's name ("Sudan People's Liberation Army": SDN REB until
    2011, then SSD MIL) is that body, coded by date like the Taliban, and only its dated lines count."""
    for block in corrected(blocks(path), corrections):
        name = words(block.name)
        if len(name.split()) < 2 or fold(name) in known or any(c[0] == c[0][:3] for c in block.codes):
            continue  # a one-word name would catch a surname; a country's own line is states.csv's
        body = group_like(name)
        aliases = sorted({a for a in map(words, block.aliases) if name_like(a) and fold(a) not in known} - {name})
        for code, dates in block.codes:
            country, sector = code[:3], sector_of(code[3:6])
            rng = span(dates)
            if country not in states or rng is None or (body and not dates):
                continue
            kind = ("group" if sector in ARMED else "organisation") if body else "person"
            end = day_before(rng[1]) if body and rng[1] != DICTIONARY_DATE else rng[1]  # one code on any day
            yield (name, "" if body else "|".join(aliases), country, country, sector, "", rng[0] or "", end, kind)
        if body:
            known.add(fold(name))  # the non-state dictionary's undated row for it is left out


def organisations(path: Path, known: set[str]) -> Iterator[Row]:
    for block in blocks(path):
        name = words(block.name)
        codes = {c for c, d in block.codes if not d}
        if len(codes) != 1 or not next(iter(codes)).startswith("IGO") or fold(name) in known:
            continue
        code = next(iter(codes))
        aliases = _aliases(block, name, known)
        yield (name, "|".join(aliases), code[-3:], "", "IGO", "", "", "", "organisation")


def groups(path: Path, states: set[str], known: set[str]) -> Iterator[Row]:
    for block in blocks(path):
        name = words(block.name).replace("(", "").replace(")", "").strip()
        codes = {c for c, _ in block.codes}
        one_word = len(name.split()) == 1 and len(name) >= 4 and name.isalpha()  # "Unita", "Fatah" (any case)
        if len(codes) != 1 or fold(name) in known or not (one_word or group_like(name)):
            continue
        code = next(iter(codes))
        country = code[:3] if code[:3] in states else ""
        sector = next((code[i:i + 3] for i in (3, 0) if code[i:i + 3] in ARMED), "REB")
        aliases = _aliases(block, name, known)
        short = next((a for a in [block.name.strip("_"), *block.aliases] if a.isupper() and "_" not in a
                      and 3 <= len(a) <= 8 and a.isalpha()), None)
        yield (name, "|".join(aliases), short or code, country, sector, "", "", "", "group")


def first_of_each(rows: Iterator[Row], known: set[str]) -> Iterator[Row]:
    """A name or alias names one body: the first row to hold it keeps it, later rows lose it (or are left
    out when it is their name). `known` grows as rows are kept."""
    for row in rows:
        name, aliases = row[0], [a for a in row[1].split("|") if a and fold(a) not in known]
        if fold(name) in known:
            continue
        known.update(fold(p) for p in (name, *aliases))
        yield (name, "|".join(aliases), *row[2:])  # type: ignore[misc]


def _aliases(block: Block, name: str, known: set[str]) -> list[str]:
    out = []
    for raw in block.aliases:
        alias = raw.strip("_") if raw.strip("_").isupper() and "_" not in raw.strip("_") else words(raw)
        if group_like(alias) and fold(alias) not in known and alias != name:
            out.append(alias)
    return sorted(set(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the folder holding the Phoenix.*.txt dictionaries")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--audit", action="store_true", help="print where codes and headings disagree, write nothing")
    args = parser.parse_args()
    entries = [e for p in sorted(KB_DIR.glob("*.csv")) if p.resolve() != args.out.resolve()
               for e in read_kb_file(p)[0]]
    known = {fold(phrase.rpartition(":")[2] if phrase.split(":")[0] in PREFIXES else phrase)
             for e in entries for phrase in (e.name, *e.aliases)}
    states = {e.code for e in entries if e.kind == "state" and e.code}
    if args.audit:
        print("\n".join(audit(args.folder / "Phoenix.Countries.actors.txt", states, read_corrections())))
        return
    rows = [*people(args.folder / "Phoenix.Countries.actors.txt", states, known, read_corrections()),
            *first_of_each(organisations(args.folder / "Phoenix.International.actors.txt", known), known),
            *first_of_each(groups(args.folder / "Phoenix.MilNonState.actors.txt", states, known), known)]
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(NOTICE)
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(("name", "aliases", "code", "country", "sector", "role", "start", "end", "kind"))
        writer.writerows(rows)
    print(f"{args.out}: {len(rows)} rows")


if __name__ == "__main__":
    main()
