"""Derive newsgraph/data/kb/agents.csv (role words with their sector) from the Phoenix agents dictionary.

The open coders' agent dictionary (Phoenix.agents.txt, MIT, Open Event Data Alliance) gives a sector to
~2,200 agent nouns ("army chief" MIL, "lawmaker" LEG, "protester" OPP); with a state's name or demonym
they code as that state plus the sector (USA + MIL), as the role words of roles.csv do. Business, media,
education and NGO nouns are left out: roles.csv holds them as private roles. roles.csv is
read after this file, so its hand-written rows win where both hold a phrase.

Run from the repository root:

    python scripts/phoenix_agents.py ../shared/reference/petrarch2/Phoenix.agents.txt
"""
from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

OUT = Path("newsgraph/data/kb/agents.csv")
LINE_RE = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(\{[^}]*\})?\s*\[~(?P<code>[A-Z]+)\]")
# CAMEO agent codes → newsgraph's sectors (CAMEO's MED is the media, HLH health; faiths are REL).
SECTOR_OF = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "OPP": "OPP", "CRM": "CRM", "BUS": "BUS", "CVL": "CVL", "JUD": "JUD",
    "COP": "COP", "MED": "JRN", "HLH": "MED", "LEG": "LEG", "UAF": "UAF", "EDU": "EDU", "SPY": "SPY", "AGR": "AGR",
    "LAB": "LAB", "REF": "REF", "PTY": "PTY", "NGO": "NGO", "ELI": "ELI", "REL": "REL", "CHR": "REL", "MUS": "REL",
    "HIN": "REL", "JEW": "REL", "BUD": "REL",
}
# The last word of a collective or an institution: such a phrase names a group or a body, not a person.
GROUP_HEADS = frozenset({"army", "forces", "force", "police", "troops", "militia", "guard", "guards", "unit",
                         "brigade", "corps", "navy", "military", "group", "movement", "opposition", "gang",
                         "cartel", "clergy", "government", "cabinet", "junta", "regime", "media", "press",
                         "administration", "leadership", "authorities"})
BODY_HEADS = frozenset({"ministry", "ministries", "department", "agency", "court", "courts", "council", "committee",
                        "commission", "parliament", "assembly", "senate", "party", "union", "office", "bureau",
                        "bank", "company", "association", "service", "tribunal", "chamber", "board", "body",
                        "departments", "agencies"})
# Non-state affiliations are left to roles.csv, which marks them private (a demonym gives them no state code:
# "a Chinese expert"); Phoenix codes them by country (CHNEDU), which newsgraph does not.
PRIVATE_SECTORS = frozenset({"BUS", "JRN", "EDU", "NGO"})
NOTICE = """# Agent nouns and the sector they imply, derived by scripts/phoenix_agents.py from Phoenix.agents.txt
# (the PETRARCH2 / Phoenix CAMEO agents dictionary). Do not edit by hand: change the script and rerun it.
# roles.csv is read after this file and wins where both hold a phrase.
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


def substitutions(lines: list[str]) -> dict[str, list[str]]:
    """ "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON": the sets a phrase may hold."""
    out = {}
    for line in lines:
        name, eq, values = line.partition("=")
        if eq and name.strip().startswith("!"):
            out[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
    return out


def expand(phrase: str, subs: dict[str, list[str]]) -> list[str]:
    for name, values in subs.items():
        if name in phrase:
            return [p for v in values for p in expand(phrase.replace(name, v), subs)]
    return [phrase]


def words_of(raw: str) -> str | None:
    """ "ARMY_CHIEF_" → "army chief"; None for stems ("MINISTR "), phrases with markup left and phrases
    that begin with an article."""
    text = raw.strip().rstrip("_").replace("_", " ").lower()
    text = " ".join(text.split())
    if not text or not re.fullmatch(r"[a-z][a-z .'-]*[a-z.]", text):
        return None
    if text.split()[0] in ("the", "a", "an"):
        return None  # "THE_COURT": the article is the description's, not the role word's
    return text


def kind_of(phrase: str) -> str:
    """By the head noun: the last word before "of", "for" or "to" ("minister for local government" is a person)."""
    words = phrase.split()
    cut = next((n for n, w in enumerate(words) if w in ("of", "for", "to") and n), len(words))
    head = words[cut - 1]
    if head in GROUP_HEADS:
        return "group"
    return "body" if head in BODY_HEADS else "person"


def rows(path: Path) -> list[tuple[str, str, str, str]]:
    lines = [ln.split("#")[0].rstrip() for ln in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    subs = substitutions(lines)
    found: dict[str, tuple[str, str, str, str]] = {}
    for line in lines:
        match = LINE_RE.match(line.strip())
        sector = SECTOR_OF.get(match.group("code")[:3]) if match else None
        if match is None or sector is None or sector in PRIVATE_SECTORS:
            continue
        for raw in expand(match.group("phrase"), subs):
            phrase = words_of(raw)
            if phrase and phrase not in found:
                found[phrase] = (phrase, sector, kind_of(phrase), "")
    return sorted(found.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("agents", type=Path, help="Phoenix.agents.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    table = rows(args.agents)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(NOTICE)
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(("phrase", "sector", "kind", "private"))
        writer.writerows(table)
    print(f"{args.out}: {len(table)} agent nouns")


if __name__ == "__main__":
    main()
