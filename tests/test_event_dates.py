"""Which day an event takes when its own sentence names none: live pages, the story's time so far, the lead.

Every article here is written for these tests; the published date 2025-06-12 is a Thursday.
"""
from __future__ import annotations

import pytest
from test_events import make_table

from newsgraph.resources import Resources
from newsgraph.stages.dates import resolve_dates
from newsgraph.stages.events.coder import _coordinated, code_events

THURSDAY = "2025-06-12"
KENYA_UGANDA = {"Kenya": "KEN", "Uganda": "UGA"}


def dated(nlp, text: str, spec: dict[str, str], published: str = THURSDAY) -> list[tuple[str, str | None]]:
    """(type, date) of every event coded in `text`, its actors given by `spec` as in test_events.make_table."""
    doc = nlp(text)
    resources = Resources.load()
    dates = resolve_dates(doc, published=published, lexicon=resources.dates, grammar=resources.grammar,
                          speech_verbs=resources.speech_verbs)
    events = code_events(doc, actors=make_table(text, spec), dates=dates, published=published,
                         lexicon=resources.lexicon, grammar=resources.grammar, speech_verbs=resources.speech_verbs)
    return [(e.type, e.date) for e in events]


# -- live pages ----------------------------------------------------------------------------------------------------

LIVE_PAGE = (
    "Talks on the border dispute opened in Nairobi last Monday and were meant to last a week.\n\n"
    "18:20 — Kenya protests. Kenya accused Uganda of moving troops to the border, the foreign ministry said.\n\n"
    "15:05 — Ugandan reply. Uganda rejected the accusation, a government spokesman said.\n\n"
    "09:10 — Catching up. On Wednesday, Kenya accused Uganda of shelling a fishing village on the lake.\n"
)


def test_an_undated_event_in_a_live_entry_takes_the_pages_day(nlp):
    events = dated(nlp, LIVE_PAGE, KENYA_UGANDA)
    assert ("ACCUSE", THURSDAY) in events and ("REJECT", THURSDAY) in events
    assert "2025-06-09" not in {day for _, day in events}  # the opening paragraph's "last Monday" dates none


def test_an_event_in_a_live_entry_keeps_its_own_day(nlp):
    assert ("ACCUSE", "2025-06-11") in dated(nlp, LIVE_PAGE, KENYA_UGANDA)


def test_stamps_with_a_clock_suffix_open_entries_too(nlp):
    page = ("4:15 p.m. — Ghana recalls envoy. Ghana condemned Togo for closing the border crossing at Aflao.\n\n"
            "11:40 a.m. — Border shut. Togo's interior ministry confirmed the closure.\n")
    assert ("ACCUSE", THURSDAY) in dated(nlp, page, {"Ghana": "GHA", "Togo": "TGO"})


def test_an_entry_stamp_is_the_day_later_phrases_count_from(nlp):
    # newest first: the entry above tells of Wednesday, but "hours later" below counts from its own entry's day
    page = ("16:40 — Talks resume. Uganda said on Wednesday that its troops would stay on the border.\n\n"
            "12:30 — Troops on the move. The army released footage of tanks heading north. "
            "Hours later, it said two more battalions had reached the border.\n")
    resources = Resources.load()
    tl = resolve_dates(nlp(page), published=THURSDAY, lexicon=resources.dates, grammar=resources.grammar,
                       speech_verbs=resources.speech_verbs)
    assert [(e.text, e.date) for e in tl.expressions] == [
        ("16:40", THURSDAY), ("on Wednesday", "2025-06-11"), ("12:30", THURSDAY), ("Hours later", THURSDAY)]


def test_one_stamped_paragraph_is_no_live_page(nlp):
    text = ("Kenya's foreign minister arrived in Kampala on Monday.\n\n"
            "10:30 — the time set for the opening session. Kenya accused Uganda of stalling the talks.\n")
    tl = resolve_dates(nlp(text), published=THURSDAY, lexicon=Resources.load().dates,
                       grammar=Resources.load().grammar, speech_verbs=Resources.load().speech_verbs)
    assert tl.live_entry_day(text.index("Kenya accused")) is None


def test_one_entry_quoted_from_a_live_page_lies_on_the_pages_day(nlp):
    # a single entry lifted from a live page: its stamp, here with a time zone, opens the text
    text = ("19:05 BST — Iran has fired a wave of ballistic missiles at Israel, the Israeli military says. "
            "Sirens are sounding across the country.\n")
    assert ("ASSAULT", "2024-10-01") in dated(nlp, text, {"Iran": "IRN", "Israel": "ISR"}, published="2024-10-01")


def test_a_quoted_live_entry_keeps_a_day_its_sentence_names(nlp):
    text = "19:05 GMT — Iran fired missiles at Israel on Tuesday, the Israeli military said.\n"
    assert dated(nlp, text, {"Iran": "IRN", "Israel": "ISR"}, published="2024-10-03") == [("ASSAULT", "2024-10-01")]


def test_a_clock_time_inside_a_sentence_opens_no_entry(nlp):
    text = "Iran fired missiles at Israel shortly after 19:30 - the military said - and then fell silent.\n"
    tl = resolve_dates(nlp(text), published="2024-10-01", lexicon=Resources.load().dates,
                       grammar=Resources.load().grammar, speech_verbs=Resources.load().speech_verbs)
    assert tl.live_entry_day(text.index("fired")) is None


# -- the story's time so far ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, spec, etype, day", [
    # the story moved on from the lead's Monday to Wednesday: the undated demand of others belongs to Wednesday
    ("Ghana and Togo agreed on Monday to reopen their border. On Wednesday, a regional summit in Lome ended "
     "without a joint statement. Benin urged Togo to speed up the reopening.",
     {"Ghana": "GHA", "Togo": "TGO", "Benin": "BEN"}, "REQUEST", "2025-06-11"),
    ("Chile's president met Peru's foreign minister on Monday. On Tuesday, engineers from the two countries "
     "toured the disputed reservoir. Bolivia criticised Chile for the delays in the water project.",
     {"Chile": "CHL", "Peru": "PER", "Bolivia": "BOL"}, "ACCUSE", "2025-06-10"),
    # a quoted statement is told when it was said: "said" narrates it, though "demand" is in the present
    ("Chile's president met Peru's foreign minister on Monday. On Tuesday, Ecuador's navy stopped two Chilean "
     "trawlers. \"We demand that Chile respect our waters,\" Ecuador's defence minister said.",
     {"Chile": "CHL", "Chilean": "CHL", "Peru": "PER", "Ecuador": "ECU"}, "REQUEST", "2025-06-10"),
])
def test_an_undated_narrated_act_takes_the_last_day_told_before_it(nlp, text, spec, etype, day):
    assert (etype, day) in dated(nlp, text, spec)


@pytest.mark.parametrize("text, spec, etype, day", [
    ("China accused the United States on Wednesday of stoking tension in Asia. The American president had hosted "
     "the leaders of Japan and India on Monday. China's foreign ministry urged the United States to stop "
     "forming blocs.", {"China": "CHN", "United States": "USA", "Japan": "JPN", "India": "IND"},
     "REQUEST", "2025-06-11"),
    ("Kenya and Uganda signed a border accord on Tuesday. Their negotiators had first met in Arusha on Sunday. "
     "Uganda praised Kenya for its patience.", KENYA_UGANDA, "SUPPORT", "2025-06-10"),
])
def test_an_act_between_the_leads_parties_keeps_the_leads_day_past_a_flashback(nlp, text, spec, etype, day):
    assert (etype, day) in dated(nlp, text, spec)


def test_a_day_ahead_of_the_article_is_no_story_time(nlp):
    text = ("Kenya and Uganda met in Nairobi on Monday. The two sides will meet again on Saturday. "
            "Kenya accused Uganda of moving troops to the border.")
    assert ("ACCUSE", "2025-06-09") in dated(nlp, text, KENYA_UGANDA)


# -- a lead told before any day (in the present perfect or the past) -------------------------------------------

@pytest.mark.parametrize("text, spec, etype, day", [
    ("Kenya has formally asked Uganda to extradite a businessman wanted for fraud. The request reached the Ugandan "
     "foreign ministry on Tuesday, officials in Nairobi said.", KENYA_UGANDA, "REQUEST", "2025-06-10"),
    ("Egypt has accused Ethiopia of breaking its promise on the Nile dam. The letter, sent to the Security Council "
     "on Monday, asks for an emergency session.", {"Egypt": "EGY", "Ethiopia": "ETH"}, "ACCUSE", "2025-06-09"),
    # told in the past, but before any day: the day the next sentences give
    ("Somali forces killed dozens of al-Shabaab fighters in the Middle Shabelle region, officials said. The raid "
     "took place on Saturday near the town of Adale.", {"Somali": "SOM", "al-Shabaab": "AL-SHABAAB/group"},
     "ASSAULT", "2025-06-07"),
    ("Kenyan troops shelled Ugandan positions on the lake border, the army said. The shelling began on Tuesday "
     "night.", {"Kenyan": "KEN", "Ugandan": "UGA"}, "ASSAULT", "2025-06-10"),
])
def test_an_undated_lead_takes_the_first_day_told_after_it(nlp, text, spec, etype, day):
    assert (etype, day) in dated(nlp, text, spec)


def test_a_lead_is_not_dated_by_a_like_act_told_after_it(nlp):
    text = ("Egypt has accused Ethiopia of breaking its promise on the Nile dam. The letter reached the Security "
            "Council on Monday. Egypt first accused Ethiopia of hiding data about the dam on April 2.")
    assert [day for etype, day in dated(nlp, text, {"Egypt": "EGY", "Ethiopia": "ETH"}) if etype == "ACCUSE"] == [
        "2025-06-09", "2025-04-02"]


def test_a_lead_is_not_dated_by_a_day_told_far_below_it(nlp):
    text = ("Egypt has accused Ethiopia of breaking its promise on the Nile dam. Cairo says the dam cuts its water. "
            "Farmers in the delta fear for their crops. Engineers doubt the figures. Ministers disagree on a reply. "
            "On Monday, officials in Cairo held a crisis meeting.")
    assert ("ACCUSE", None) in dated(nlp, text, {"Egypt": "EGY", "Ethiopia": "ETH"})


# -- a quoted statement is dated by the verb reporting it ----------------------------------------------------------

@pytest.mark.parametrize("text, spec, etype, day", [
    # the quote runs over two sentences: its reporting verb and date are in the second
    ("Talks on the border collapsed last month. \"We condemn Uganda for this raid. It is a crime,\" Kenya's "
     "foreign minister told reporters on Tuesday.", KENYA_UGANDA, "ACCUSE", "2025-06-10"),
    ("Egypt's minister met Ethiopia's envoy on Sunday. \"We urge Ethiopia to stop filling the dam. Our patience "
     "has limits,\" an Egyptian official said on Wednesday.", {"Egypt": "EGY", "Egyptian": "EGY",
                                                             "Ethiopia": "ETH"}, "REQUEST", "2025-06-11"),
    # said in the present: the time of writing
    ("\"We urge Ethiopia to stop filling the dam,\" an Egyptian official says.", {"Egyptian": "EGY",
                                                                                   "Ethiopia": "ETH"},
     "REQUEST", THURSDAY),
])
def test_a_quoted_statement_takes_the_date_of_its_reporting_verb(nlp, text, spec, etype, day):
    assert (etype, day) in dated(nlp, text, spec)


# -- a demand is dated when it was said ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kenya said on Monday that Uganda must pull its troops back from the lake islands.",
    "Uganda must pull its troops back from the lake islands, Kenya said on Monday.",
    "Kenya on Monday said Uganda should respect the ruling on the lake islands.",
])
def test_a_reported_demand_takes_the_day_it_was_said(nlp, text):
    assert ("REQUEST", "2025-06-09") in dated(nlp, text, KENYA_UGANDA)


# -- an act of a clause coordinated with a dated one ---------------------------------------------------------------

ARMENIA_AZERBAIJAN = {"Armenia": "ARM", "Armenian": "ARM", "Azerbaijan": "AZE"}


def test_an_act_coordinated_with_a_dated_one_shares_its_day(nlp):
    # the parser hangs both clauses on the closing "reported"; "and" joins them, so the pledge was made on Monday,
    # not on the Saturday of the sentence before
    text = ("Azerbaijan accused Armenia on Saturday of firing across the border. Armenia's foreign minister spoke by "
            "telephone with Azerbaijan's foreign minister on Monday, and Azerbaijan agreed to sign the draft peace "
            "treaty soon, Armenian state media reported.")
    assert ("AGREE", "2025-06-09") in dated(nlp, text, ARMENIA_AZERBAIJAN)


def test_a_relative_clause_lends_its_day_to_no_other_act(nlp):
    text = ("Azerbaijan accused Armenia on Saturday of firing across the border. Armenia, whose envoy had met "
            "Azerbaijan's envoy on Monday, accused Azerbaijan of shelling a village.")
    assert [day for etype, day in dated(nlp, text, ARMENIA_AZERBAIJAN) if etype == "ACCUSE"] == [
        "2025-06-07", "2025-06-07"]


@pytest.mark.parametrize("text, one, other, expected", [
    ("EU ministers condemned the forced landing and accused Belarus of piracy.", "condemned", "accused", True),
    ("The envoys met in Baku on Monday, and the two sides agreed to talk again, state media reported.",
     "met", "agreed", True),
    ("Armenia, whose envoy had met Azerbaijan's envoy, accused Azerbaijan of shelling a village.",
     "met", "accused", False),
    ("After the envoys met in Baku, Armenia accused Azerbaijan of shelling a village.", "met", "accused", False),
    ("Armenia said that Azerbaijan had shelled a village.", "said", "shelled", False),
])
def test_coordinated_clauses(nlp, text, one, other, expected):
    doc = nlp(text)
    first, second = (next(t for t in doc if t.text == word) for word in (one, other))
    assert _coordinated(first, second) is expected


def _qualified(nlp, text: str, spec: dict[str, str]) -> list[tuple[str, list[str]]]:
    doc = nlp(text)
    resources = Resources.load()
    dates = resolve_dates(doc, published=THURSDAY, lexicon=resources.dates, grammar=resources.grammar,
                          speech_verbs=resources.speech_verbs)
    events = code_events(doc, actors=make_table(text, spec), dates=dates, published=THURSDAY,
                         lexicon=resources.lexicon, grammar=resources.grammar, speech_verbs=resources.speech_verbs)
    return [(e.type, e.qualifiers) for e in events]


def test_an_act_dated_next_week_or_next_month_is_foretold(nlp):
    for when in ("next week", "next month"):
        events = _qualified(nlp, f"Kenya recalls its ambassador from Uganda {when}.", KENYA_UGANDA)
        assert events and all("future" in quals for _, quals in events), (when, events)


def test_an_act_dated_this_month_or_last_week_is_no_foretelling(nlp):
    for when in ("last week", "earlier this month"):
        events = _qualified(nlp, f"Kenya recalled its ambassador from Uganda {when}.", KENYA_UGANDA)
        assert events and not any("future" in quals for _, quals in events), (when, events)




# -- promises read off a stated act --------------------------------------------------------------------------------

def agreements(extract_text, text: str) -> list[tuple[str | None, str | None]]:
    """(target code, date) of the AGREE events the whole pipeline codes in `text`."""
    article = extract_text(text, published=THURSDAY)
    code = {a.id: a.code for a in article.actors}
    return [(code[e.target[0]] if e.target else None, e.date) for e in article.events if e.type == "AGREE"]


@pytest.mark.parametrize("text", [
    "Uganda shut two border posts on Monday. Kenya said on Tuesday that it would send food aid to Uganda.",
    "Uganda shut two border posts on Monday. Kenya will send food aid to Uganda, its foreign ministry said on "
    "Tuesday.",
])
def test_a_promise_read_off_a_stated_act_is_dated_when_it_was_said(extract_text, text):
    assert ("UGA", "2025-06-10") in agreements(extract_text, text)


def test_a_promise_is_dated_by_its_saying_not_by_the_day_its_act_is_due(extract_text):
    text = "Kenya said on Tuesday that it would send food aid to Uganda next week."
    assert agreements(extract_text, text) == [("UGA", "2025-06-10")]
