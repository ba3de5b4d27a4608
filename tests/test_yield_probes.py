"""Held-out probes for REJECT, CONCEDE and RETREAT, scored like tests/test_event_probes.py, and the classes of
phrasing the batch showed missing, each with sentences of our own.

tests/fixtures/yield_probes.yaml was written and committed before the coder ran on it (stop 22): rejections whose
target was told before, stances told as judgements, refusals of another side's act, walk-outs and cancellations;
concessions (objections dropped, vetoes lifted, giving in, apologies, regret, eased restrictions); retreats (pulling
out, completed withdrawals, handing back control, releases); and negatives (future, conditional and planned
withdrawals, a denial with no accuser, a domestic reversal, sports and business rejections, a recalled envoy).
First run: recall 19 of 41 (REJECT 8/19, CONCEDE 6/11, RETREAT 5/11), precision 0.731, no negative with a claim;
reached 27 of 41 (REJECT 13/19, CONCEDE 6/11, RETREAT 8/11), precision 0.818. Floors sit a little under.
"""
from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES
from test_event_probes import assert_meets_floors, batch_outcomes, event_dyads

BATCH = yaml.safe_load((FIXTURES / "yield_probes.yaml").read_text(encoding="utf-8"))
CLAIMED_TYPES = {"REJECT", "CONCEDE", "RETREAT"}  # what the negatives must not be read as
RECALL_FLOOR = 0.63
PRECISION_FLOOR = 0.78
PUBLISHED = "2025-06-12"


def test_yield_batch_recall_and_precision(extract_text):
    outcomes = batch_outcomes(extract_text, BATCH, CLAIMED_TYPES)
    assert_meets_floors(outcomes, BATCH, recall_floor=RECALL_FLOOR, precision_floor=PRECISION_FLOOR)


@pytest.mark.parametrize("text", BATCH["negatives"])
def test_negatives_claim_no_rejection_concession_or_retreat(extract_text, text):
    article = extract_text(text, published=BATCH["published"])
    claimed = [d for d, _ in event_dyads(article, claims=True) if d[1] in CLAIMED_TYPES]
    assert not claimed, claimed


def claims(extract_text, text: str) -> set[tuple[str, str, str | None]]:
    return {d for d, _ in event_dyads(extract_text(text, published=PUBLISHED), claims=True)}


@pytest.mark.parametrize(("text", "dyad"), [
    ("The U.N. General Assembly adopted a resolution on Tuesday calling for an end to the embargo. Washington "
     "rejected the resolution as one-sided.", ("USA", "REJECT", "UN")),
    ("The European Court of Human Rights ruled last week that Turkey must free the jailed philanthropist. Ankara "
     "dismissed the ruling on Monday, saying the court had overstepped its powers.", ("TUR", "REJECT", "COE")),
    ("Mexico proposed a regional summit on migration last week. Washington turned down the proposal on Tuesday, "
     "saying the timing was wrong.", ("USA", "REJECT", "MEX")),
])
def test_a_rejected_text_told_before_is_its_issuers(extract_text, text, dyad):
    assert dyad in claims(extract_text, text)


def test_a_rejected_text_nobody_issued_before_is_aimed_at_nobody(extract_text):
    text = "Britain rejected the resolution on Tuesday, saying it did not go far enough."
    assert not {d for d in claims(extract_text, text) if d[1] == "REJECT" and d[2] is not None}


@pytest.mark.parametrize(("text", "dyad"), [
    ("Russia completed the withdrawal of its troops from Kazakhstan on Friday, the defence ministry said.",
     ("RUS", "RETREAT", "KAZ")),
    ("The withdrawal of Rwandan forces from eastern Congo began on Monday under the Washington accord.",
     ("RWA", "RETREAT", "COD")),
    ("Israel's withdrawal from the Gaza Strip was finished within a week.", ("ISR", "RETREAT", "PSE")),
    ("Eritrean forces completed their pullout from villages in northern Ethiopia on Monday.",
     ("ERI", "RETREAT", "ETH")),
    ("Turkish soldiers began their withdrawal from outposts in northern Iraq last week.", ("TUR", "RETREAT", "IRQ")),
])
def test_a_withdrawal_from_a_place_is_its_forces_owners_retreat_from_it(extract_text, text, dyad):
    found = claims(extract_text, text)
    assert dyad in found
    assert (dyad[2], "RETREAT", dyad[0]) not in found  # the place left is never the one retreating


def test_a_withdrawal_from_a_place_no_actor_stands_for_is_no_event(extract_text):
    text = "The Taliban's leader praised the ongoing withdrawal of U.S. and NATO troops from the country on Sunday."
    assert not {d for d in claims(extract_text, text) if d[1] == "RETREAT"}


@pytest.mark.parametrize(("text", "dyad"), [
    ("Tehran said on Sunday that Washington's terms for a new nuclear deal were unacceptable.",
     ("IRN", "REJECT", "USA")),
    ("The Kremlin said the peace plan put forward by Kyiv was unacceptable and ignored the realities on the ground.",
     ("RUS", "REJECT", "UKR")),
    ("Hamas said Israel's latest proposal was untenable because it did not end the war.", ("HAMAS", "REJECT", "ISR")),
])
def test_a_proposal_called_unacceptable_is_rejected_not_condemned(extract_text, text, dyad):
    found = claims(extract_text, text)
    assert dyad in found
    assert (dyad[0], "ACCUSE", dyad[2]) not in found


def test_an_act_called_unacceptable_is_still_condemned(extract_text):
    found = claims(extract_text, "Kyiv said Russia's strikes on the power grid were unacceptable.")
    assert ("UKR", "ACCUSE", "RUS") in found
    assert ("UKR", "REJECT", "RUS") not in found


@pytest.mark.parametrize(("text", "dyad"), [
    ("Pakistan called off talks between its foreign secretary and his Indian counterpart after the attack in "
     "Pathankot.", ("PAK", "REJECT", "IND")),
    ("Seoul cancelled a meeting between its defence minister and his Japanese counterpart on Friday, citing the "
     "row over the radar incident.", ("KOR", "REJECT", "JPN")),
])
def test_a_meeting_called_off_between_its_own_envoy_and_the_others_rejects_the_others(extract_text, text, dyad):
    assert dyad in claims(extract_text, text)


@pytest.mark.parametrize(("text", "dyad"), [
    ("After a week of pressure from Brussels, Serbia agreed to the EU's demands for a new police law.",
     ("SRB", "CONCEDE", "EU")),
    ("Israel agreed to Egypt's conditions for reopening the Rafah crossing, Egyptian officials said.",
     ("ISR", "CONCEDE", "EGY")),
])
def test_agreeing_to_another_sides_conditions_yields_to_it(extract_text, text, dyad):
    assert dyad in claims(extract_text, text)


@pytest.mark.parametrize(("text", "dyad"), [
    ("Kyiv accused Tehran of supplying attack drones to Moscow. Iran denied on Monday that it had sent any drones "
     "to Russia.", ("IRN", "REJECT", "UKR")),
    ("Somalia accused Ethiopia of arming militias in Jubaland. Addis Ababa denied supplying weapons to any group.",
     ("ETH", "REJECT", "SOM")),
])
def test_a_denied_telling_answers_who_told_it_of_the_denier(extract_text, text, dyad):
    assert dyad in claims(extract_text, text)


def test_a_denied_act_names_no_target_of_the_denial(extract_text):
    text = "Moscow accused London of directing the drone strikes. Britain denied helping Ukraine plan the attack."
    found = {d for d in claims(extract_text, text) if d[1] == "REJECT"}
    assert found == {("GBR", "REJECT", "RUS")}


@pytest.mark.parametrize("text", [
    "Iran denied on Monday that it had sent any drones to Russia.",
    # a request to stop is no telling the denial answers
    "Washington urged Pakistan on Monday to stop sheltering militants. Islamabad denied harbouring any armed groups.",
])
def test_a_denial_no_accusation_told_rejects_nobody(extract_text, text):
    assert not {d for d in claims(extract_text, text) if d[1] == "REJECT"}


@pytest.mark.parametrize(("text", "dyad"), [
    ("Israel refused to let U.N. investigators enter Gaza, the world body's human rights office said.",
     ("ISR", "REJECT", "UN")),
    ("Hungary declined to let Ukrainian grain trucks cross its border for a second week.", ("HUN", "REJECT", "UKR")),
    ("Azerbaijan refused to let Russian peacekeepers patrol the Lachin road.", ("AZE", "REJECT", "RUS")),
])
def test_refusing_to_let_a_side_act_rejects_that_side(extract_text, text, dyad):
    assert dyad in claims(extract_text, text)


def test_refusing_to_say_what_a_side_did_rejects_nobody(extract_text):
    assert not claims(extract_text, "Russia refused to say whether its troops had entered Georgia.")


@pytest.mark.parametrize(("text", "dyad"), [
    ("Washington threatened Colombia with steep tariffs on Sunday over deportation flights. Hours later, Bogota "
     "backed down.", ("COL", "CONCEDE", "USA")),
    ("The European Union imposed sanctions on Belarus's potash exports in June. Weeks later, Minsk gave in and "
     "freed two jailed opposition figures.", ("BLR", "CONCEDE", "EU")),
])
def test_a_concession_naming_nothing_yields_to_the_pressure_told_before(extract_text, text, dyad):
    assert dyad in claims(extract_text, text)


def test_a_concession_with_no_pressure_told_yields_to_nobody(extract_text):
    found = claims(extract_text, "After a week of street protests, Kenya's government backed down on Tuesday.")
    assert not {d for d in found if d[1] == "CONCEDE" and d[2] not in (None, "KEN")}


@pytest.mark.parametrize(("text", "dyad"), [
    ("The last French soldiers left Niger on Friday, ending a decade of counter-insurgency operations in the Sahel.",
     ("FRA", "RETREAT", "NER")),
    ("Russian troops quit Armenia's Gyumri base on Tuesday, Yerevan's defence ministry said.",
     ("RUS", "RETREAT", "ARM")),
])
def test_forces_leaving_a_sides_ground_retreat_from_it(extract_text, text, dyad):
    assert dyad in claims(extract_text, text)


@pytest.mark.parametrize("text", [
    "France's foreign minister left Niger on Friday after two days of talks.",
    "Russian troops will leave Moldova next year, the Kremlin said.",
])
def test_a_visitor_leaving_or_forces_yet_to_leave_retreat_from_nowhere(extract_text, text):
    assert not {d for d in claims(extract_text, text) if d[1] == "RETREAT"}


@pytest.mark.parametrize(("text", "dyad"), [
    ("Russia handed over the bodies of 500 Ukrainian soldiers to the Red Cross on Friday.", ("RUS", "RETREAT", "UKR")),
    ("Hamas handed over three Thai hostages to the Red Cross in Gaza City on Thursday.", ("HAMAS", "RETREAT", "THA")),
])
def test_captives_handed_to_a_go_between_are_released_to_their_own_side(extract_text, text, dyad):
    found = claims(extract_text, text)
    assert dyad in found
    assert (dyad[0], "RETREAT", "ICRC") not in found
