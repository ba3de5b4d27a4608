"""Crossed probes for event dates: written by engineers who did not change date resolution, fixed by one who did not
write them.

At stop 24 five writers, each in the house style of other outlets, wrote ten snippets each
(tests/fixtures/crossed/dates.WRITER.yaml): one plainly told event and the day it happened, the date given one way
per snippet (a weekday, a follow-up sentence with no date of its own, "a day later", "overnight", a dateline, an
absolute day in another month, a statement's date that is not the event's, a live-blog time stamp). Writer w10's
file was held back to the end of the stop. A probe counts as dated when an event with its dyad carries its date; the
share is taken over the probes whose dyad is found, as the devset scorer takes date accuracy.
"""
from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES
from test_event_probes import NOT_FACT, dyad_match, dyads_of

FILES = sorted((FIXTURES / "crossed").glob("dates.*.yaml"))
PROBES = [probe for path in FILES for probe in yaml.safe_load(path.read_text(encoding="utf-8"))["probes"]]
# First run of w6-w9 (40 probes): found 23 of 40, dated 18 of those 23 (0.78); a symmetric act with no target counts
# between every two of its sources, as in tests/test_event_probes.py.
# End of stop 24: w6-w9 found 26 of 40, dated 25 of 26; the held-out w10 found 7 of 10, dated 6 of 7 (the same at
# the start). All five: found 33 of 50 (0.66), dated 31 of 33 (0.94).
FLOORS = {"found": 0.62, "dated": 0.90}


def probe_dates(extract_text, probe: dict) -> set[str | None]:
    """The dates of the probe's article events that carry its dyad (empty when none does)."""
    article = extract_text(probe["text"], published=probe["published"])
    code_of = {a.id: a.code for a in article.actors}
    dates: set[str | None] = set()
    for event in article.events:
        if {q.lower() for q in event.qualifiers} & NOT_FACT:
            continue
        if any(dyad_match(tuple(probe["dyad"]), dyad) for dyad in dyads_of(event, code_of)):
            dates.add(event.date)
    return dates


@pytest.fixture(scope="module")
def outcomes(extract_text) -> list[tuple[dict, set[str | None]]]:
    return [(probe, probe_dates(extract_text, probe)) for probe in PROBES]


def test_probes_are_well_formed():
    assert len(FILES) >= 4
    for probe in PROBES:
        assert set(probe) >= {"published", "text", "dyad", "date"}, probe


def test_dates_hold_their_floor(outcomes):
    found = [(probe, dates) for probe, dates in outcomes if dates]
    dated = [probe for probe, dates in found if probe["date"] in dates]
    print(f"\nfound {len(found)} of {len(outcomes)}, dated {len(dated)} of {len(found)}; wrong or no date:",
          *(f"{p['date']} got {sorted(map(str, d))}: {p['text'][:90]}" for p, d in found if p["date"] not in d),
          sep="\n  ")
    assert len(found) / len(outcomes) >= FLOORS["found"]
    assert len(dated) / max(1, len(found)) >= FLOORS["dated"]
