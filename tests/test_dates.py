"""Date expressions resolved against the article's date, and which expression dates which event."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from newsgraph.resources import ResourceError
from newsgraph.resources.dates import load_date_lexicon
from newsgraph.resources.grammar import load_grammar
from newsgraph.resources.speech_verbs import load_speech_lexicon
from newsgraph.stages.dates import DateTimeline, ResolvedDate
from newsgraph.stages.dates import resolve_dates as resolve_with


def resolve_dates(doc, *, published: str | None, lexicon=None) -> DateTimeline:
    """The stage with the vocabulary loaded now (shipped files, then $NEWSGRAPH_DATES), unless one is given."""
    return resolve_with(doc, published=published, lexicon=lexicon or load_date_lexicon(), grammar=load_grammar(),
                        speech_verbs=load_speech_lexicon())

MON = "2025-03-10"  # a Monday
WED = "2025-03-12"
SAT = "2025-03-15"


def timeline(nlp, text: str, published: str | None) -> DateTimeline:
    return resolve_dates(nlp(text), published=published)


def expression(tl: DateTimeline, text: str) -> ResolvedDate:
    hits = [e for e in tl.expressions if text in e.text]
    assert hits, f"no expression containing {text!r} in {[e.text for e in tl.expressions]}"
    return hits[0]


def token(doc, word: str):
    return next(t for t in doc if t.text == word)


# (published, sentence, expression as written, expected date, granularity)
RESOLVE_CASES = [
    # weekdays in past clauses: the latest occurrence, the article's own weekday being "today"
    (MON, "The foreign minister said Monday that talks would go on.", "Monday", "2025-03-10", "day"),
    (MON, "Rebels attacked the border post on Sunday.", "Sunday", "2025-03-09", "day"),
    (MON, "The two leaders spoke by phone on Saturday.", "Saturday", "2025-03-08", "day"),
    (MON, "Protesters gathered outside parliament Friday.", "Friday", "2025-03-07", "day"),
    (MON, "The envoy arrived in Cairo on Thursday.", "Thursday", "2025-03-06", "day"),
    (MON, "The ministry summoned the ambassador Wednesday.", "Wednesday", "2025-03-05", "day"),
    (MON, "The government announced the sanctions on Tuesday.", "Tuesday", "2025-03-04", "day"),
    (WED, "The army withdrew from the town late Thursday evening.", "Thursday", "2025-03-06", "day"),
    (WED, "Officials confirmed the strike Thursday.", "Thursday", "2025-03-06", "day"),
    (WED, "Officials confirmed the strike Wednesday.", "Wednesday", "2025-03-12", "day"),
    # weekdays in future clauses: the first occurrence from the article's date on
    (MON, "The president will travel to Brussels on Tuesday.", "Tuesday", "2025-03-11", "day"),
    (MON, "The delegations will meet again on Sunday.", "Sunday", "2025-03-16", "day"),
    (MON, "The council is scheduled to vote Thursday on the resolution.", "Thursday", "2025-03-13", "day"),
    (MON, "The prime minister plans to visit Kyiv on Friday.", "Friday", "2025-03-14", "day"),
    (MON, "The ministers are meeting in Geneva on Wednesday.", "Wednesday", "2025-03-12", "day"),
    (WED, "The two sides are expected to sign the accord on Monday.", "Monday", "2025-03-17", "day"),
    (WED, "The foreign minister will hold talks with his counterpart next Wednesday.", "next Wednesday",
     "2025-03-19", "day"),
    (WED, "The summit took place last Wednesday.", "last Wednesday", "2025-03-05", "day"),
    (WED, "The summit took place last Tuesday.", "last Tuesday", "2025-03-11", "day"),
    # day parts, "late Monday", possessives
    (MON, "Police clashed with demonstrators late Sunday.", "late Sunday", "2025-03-09", "day"),
    (MON, "Air raid sirens sounded across the capital Friday evening.", "Friday evening", "2025-03-07", "day"),
    (MON, "Later on Monday, the king received the visiting envoys.", "Later on Monday", "2025-03-10", "day"),
    (MON, "Leaders gathered in Paris for Thursday's summit on Ukraine.", "Thursday's", "2025-03-06", "day"),
    (MON, "Saturday's drone strike killed three people.", "Saturday's", "2025-03-08", "day"),
    # days counted from the article's date
    (MON, "The ministry said yesterday that the border was closed.", "yesterday", "2025-03-09", "day"),
    (MON, "The cabinet meets today to discuss the crisis.", "today", "2025-03-10", "day"),
    (MON, "The parliament will vote tomorrow on the bill.", "tomorrow", "2025-03-11", "day"),
    (MON, "The president addresses the nation tonight.", "tonight", "2025-03-10", "day"),
    (MON, "Two rockets hit the city this morning.", "this morning", "2025-03-10", "day"),
    (MON, "Fighting resumed last night near the airport.", "last night", "2025-03-09", "day"),
    (MON, "Troops entered the village three days ago.", "three days ago", "2025-03-07", "day"),
    # weeks, weekends, months and years
    (WED, "The two governments signed the accord last week.", "last week", "2025-03-03", "week"),
    (WED, "Both sides agreed to a ceasefire this week.", "this week", "2025-03-10", "week"),
    (WED, "The delegations will meet in Oslo next week.", "next week", "2025-03-17", "week"),
    (MON, "Thousands marched in the capital last weekend.", "last weekend", "2025-03-08", "week"),
    (SAT, "Thousands marched in the capital last weekend.", "last weekend", "2025-03-08", "week"),
    (MON, "Rebels seized two towns over the weekend.", "weekend", "2025-03-08", "week"),
    (WED, "Rebels seized two towns this past weekend.", "this past weekend", "2025-03-08", "week"),
    (WED, "Rebels attacked the base the day before yesterday.", "the day before", "2025-03-10", "day"),
    (WED, "Thousands will march in the capital this weekend.", "this weekend", "2025-03-15", "week"),
    (WED, "The central bank raised rates last month.", "last month", "2025-02-01", "month"),
    (WED, "The minister resigned earlier this month.", "earlier this month", "2025-03-01", "month"),
    (WED, "The alliance will hold a summit next month.", "next month", "2025-04-01", "month"),
    (WED, "The two countries broke off relations last year.", "last year", "2024-01-01", "year"),
    (WED, "Parliament will hold elections in December.", "December", "2025-12-01", "month"),
    (WED, "The ceasefire collapsed in February.", "February", "2025-02-01", "month"),
    (WED, "The ceasefire collapsed in June.", "June", "2024-06-01", "month"),
    (WED, "The group was founded in 2018.", "2018", "2018-01-01", "year"),
    (WED, "The agreement was signed in March 2022 in Istanbul.", "March 2022", "2022-03-01", "month"),
    # absolute dates, with the year inferred from the tense
    (MON, "Negotiators met in Geneva on Feb. 18.", "Feb. 18", "2025-02-18", "day"),
    (MON, "The strike took place on March 6.", "March 6", "2025-03-06", "day"),
    (MON, "The vote was held on March 20.", "March 20", "2024-03-20", "day"),
    (MON, "The sanctions will take effect on March 20.", "March 20", "2025-03-20", "day"),
    (MON, "The sanctions take effect on March 20.", "March 20", "2025-03-20", "day"),
    (MON, "The court convicted him on 27 January 2024.", "27 January 2024", "2024-01-27", "day"),
    (MON, "The treaty was signed on the 3rd of March.", "3rd of March", "2025-03-03", "day"),
    (MON, "The treaty was signed on the 3rd.", "the 3rd", "2025-03-03", "day"),
    (MON, "The treaty was signed on the 28th.", "the 28th", "2025-02-28", "day"),
    (MON, "The report, dated 2023-05-01, was released.", "2023-05-01", "2023-05-01", "day"),
    (MON, "Talks began on Monday, March 3, in Geneva.", "March 3", "2025-03-03", "day"),
    (MON, "The truce was agreed on January 15, 2025.", "January 15, 2025", "2025-01-15", "day"),
    # year boundaries
    ("2025-01-03", "The army launched the offensive on Dec. 30.", "Dec. 30", "2024-12-30", "day"),
    ("2025-01-03", "The army launched the offensive on Jan. 2.", "Jan. 2", "2025-01-02", "day"),
    ("2025-01-03", "The army launched the offensive on Jan. 4.", "Jan. 4", "2025-01-04", "day"),
    ("2024-12-28", "The parliament will convene on Jan. 4.", "Jan. 4", "2025-01-04", "day"),
    ("2025-01-03", "Parliament was dissolved in December.", "December", "2024-12-01", "month"),
    ("2025-01-01", "The rebels attacked the convoy on Tuesday.", "Tuesday", "2024-12-31", "day"),
    ("2024-12-30", "The leaders will meet on Thursday.", "Thursday", "2025-01-02", "day"),
    ("2025-01-06", "Both sides exchanged prisoners last week.", "last week", "2024-12-30", "week"),
    ("2025-01-06", "Both sides exchanged prisoners last month.", "last month", "2024-12-01", "month"),
    # modifiers, reported and hypothetical futures, deadlines, nouns that look ahead
    (WED, "Migrants were flown out of the base this past Tuesday.", "Tuesday", "2025-03-11", "day"),
    (WED, "The regional assembly will meet this coming Monday.", "Monday", "2025-03-17", "day"),
    (WED, "The insurgents have claimed dozens of attacks since last August.", "August", "2024-08-01", "month"),
    (WED, "Elections are planned for next January.", "January", "2026-01-01", "month"),
    (WED, "The minister said Wednesday he would travel to Rome on Friday.", "Friday", "2025-03-14", "day"),
    (MON, "The minister said he would travel to Rome on Friday.", "Friday", "2025-03-14", "day"),
    (WED, "Officials said the ship would leave port in early February.", "February", "2025-02-01", "month"),
    (WED, "The activist has been ordered to appear before a judge on March 27.", "March 27", "2025-03-27", "day"),
    (WED, "Tracking data show an expected arrival of March 26 in Bandar Abbas.", "March 26", "2025-03-26", "day"),
    ("2025-03-09", "The White House delayed the tariffs until April 2.", "April 2", "2025-04-02", "day"),
    (WED, "The mediators planned talks for Monday in Doha.", "Monday", "2025-03-17", "day"),
    (WED, "The ministry announced Monday's sanctions against the bank.", "Monday", "2025-03-10", "day"),
    ("2025-03-14", "Officials said Tuesday's hijacking was planned abroad.", "Tuesday", "2025-03-11", "day"),
    ("2021-04-13", "Talks will fail if the September 17 agreement cannot be implemented.", "September 17",
     "2020-09-17", "day"),
    (MON, "The assembly voted two days after Tuesday's debate.", "two days after", "2025-03-06", "day"),
    (WED, "The ceasefire collapsed in July. The previous year, the rebels had seized the port.",
     "The previous year", "2023-01-01", "year"),
    (WED, "The court sentenced him six weeks ago.", "six weeks ago", "2025-01-27", "week"),
    # a weekday between a reporting verb and its complement (no "that") dates the report, whatever the
    # complement's tense and wherever the parser hangs the weekday
    (WED, "Pakistan said on Tuesday it would expel India's top diplomat and suspend trade.", "on Tuesday",
     "2025-03-11", "day"),
    (WED, "Kenya said on Monday it will close the border with Somalia.", "on Monday", "2025-03-10", "day"),
    (WED, "The spokesman said Monday's vote will decide the fate of the pact.", "Monday's", "2025-03-17", "day"),
    # a publication date with a time still counts
    ("2025-03-10T08:15:00Z", "The ministry said Sunday it had expelled two diplomats.", "Sunday", "2025-03-09", "day"),
]


@pytest.mark.parametrize("published,text,written,expected,granularity", RESOLVE_CASES)
def test_resolves_expression(nlp, published, text, written, expected, granularity):
    found = expression(timeline(nlp, text, published), written)
    assert (found.date, found.granularity) == (expected, granularity)


ANCHORED_CASES = [
    ("The talks opened in Doha on March 3. A day earlier, the mediators arrived.", "A day earlier", "2025-03-02"),
    ("The talks opened in Doha on March 3. Two days later, the rebels walked out.", "Two days later", "2025-03-05"),
    ("The talks opened in Doha on March 3. The next day, both sides signed a truce.", "The next day", "2025-03-04"),
    ("The talks opened in Doha on March 3. The same day, rockets hit the capital.", "The same day", "2025-03-03"),
    ("The talks opened in Doha on March 3. A week later, the truce collapsed.", "A week later", "2025-03-10"),
    ("Later on Monday, the prince met the envoy. He had met the president earlier in the day.",
     "earlier in the day", "2025-03-10"),
    ("The envoy landed on Saturday. The day before, the ministry had summoned the ambassador.",
     "The day before", "2025-03-07"),
    ("The talks opened on Thursday. That evening, rebels shelled the city.", "That evening", "2025-03-06"),
    ("The talks opened on Thursday. The following morning, the envoy left.", "The following morning", "2025-03-07"),
    ("The talks opened on Thursday. Later that night, the delegations met again.", "Later that night", "2025-03-06"),
    ("Rebels shelled the port on Saturday. Hours later, the navy struck their launch sites.", "Hours later",
     "2025-03-08"),
    ("The tariffs took effect on Tuesday. Ottawa answered within hours with levies of its own.", "within hours",
     "2025-03-04"),
    ("The strike began on Friday. Three hours later, the union called it off.", "Three hours later", "2025-03-07"),
    ("The strike began on Friday. Moments later, police moved in.", "Moments later", "2025-03-07"),
    # "at the time" keeps the precision of what it points back at
    ("The minister refused to let the planes land on Sunday. He said at the time that the migrants were no "
     "criminals.", "at the time", "2025-03-09"),
    ("In October, the navy joined the drills, officials said at the time.", "at the time", "2024-10-01"),
]


def test_at_the_time_of_an_occasion_is_no_date(nlp):
    tl = timeline(nlp, "The talks opened on Thursday. At the time of the attack, the envoy was in Doha.", MON)
    assert [e.text for e in tl.expressions] == ["on Thursday"]


@pytest.mark.parametrize("text,written,expected", ANCHORED_CASES)
def test_anchored_to_last_dated_expression(nlp, text, written, expected):
    assert expression(timeline(nlp, text, MON), written).date == expected


def test_anchored_without_earlier_date_is_unresolvable(nlp):
    tl = timeline(nlp, "A day earlier, the mediators arrived in Doha.", MON)
    assert expression(tl, "A day earlier").date is None


@pytest.mark.parametrize("text", [
    "The army shelled the town on Monday. Rebels struck back a day after an attack on a convoy.",
    "The army shelled the town on Monday. Rebels struck back two days after the minister resigned.",
])
def test_counted_from_an_undated_occasion_is_unresolvable(nlp, text):
    tl = timeline(nlp, text, WED)
    assert expression(tl, "after").date is None


@pytest.mark.parametrize("text,trigger,expected", [
    ("The Kremlin criticised the plan on Friday. The statement came a day after Washington imposed new sanctions.",
     "imposed", "2025-03-06"),
    ("Ankara summoned the envoy on Thursday. The move comes two days after Israel struck the consulate.",
     "struck", "2025-03-04"),
    ("Ankara summoned the envoy on Thursday. Two days after the talks began, rebels attacked the city.",
     "attacked", None),
    ("Israeli jets struck targets in Gaza on Tuesday, a day after Hamas fired rockets.", "fired", "2025-03-03"),
    ("Israeli jets struck targets in Gaza on Tuesday, a day after Hamas fired rockets.", "struck", "2025-03-04"),
    ("Israeli jets struck targets in Gaza on Tuesday, two days after the rocket attack.", "attack", "2025-03-02"),
    ("Ankara summoned the envoy on Thursday. Two days after the talks began, rebels attacked the city.",
     "began", None),
    ("Protesters filled the square hours after Sunday's vote.", "filled", "2025-03-09"),
    # a definite noun names back the act of a verb of its stem told on a day before
    ("India announced the deal on Tuesday. China confirmed it the next day. Two days after the announcement, "
     "the two leaders met in Kazan.", "met", "2025-03-06"),
    ("Parliament voted on Thursday to expel the envoy. Protesters gathered outside the embassy on Friday. Three "
     "days after the vote, the government recalled its ambassador.", "recalled", "2025-03-09"),
    ("Parliament voted on Thursday to expel the envoy. Three days after the riots, the government recalled its "
     "ambassador.", "recalled", None),
    ("Rebels shelled the town three hours after Saturday's ceasefire took effect.", "shelled", "2025-03-08"),
    # the parse may count from a verb inside the phrase ("... turned into a row"): the main clause is above it
    ("The accord sat unsigned on Tuesday, a day after a meeting between the two leaders turned into a row.",
     "meeting", "2025-03-03"),
    ("The ports stayed shut on Sunday, a day after a meeting of union leaders broke up without a deal.",
     "meeting", "2025-03-08"),
])
def test_n_days_after_phrase_counts_between_clauses(nlp, text, trigger, expected):
    doc = nlp(text)
    trig = token(doc, trigger)
    found = resolve_dates(doc, published=MON).for_event(trig.sent, trig)
    assert (found.date if found else None) == expected


@pytest.mark.parametrize("text, published, trigger, expected", [
    # the date inside the phrase is its own clause's; the main clause lies the count after it
    ("Two days after Hamas gunmen stormed towns in southern Israel on Saturday, Israel ordered a complete siege "
     "of Gaza.", "2023-10-10", "ordered", "2023-10-09"),
    ("Two days after Hamas gunmen stormed towns in southern Israel on Saturday, Israel ordered a complete siege "
     "of Gaza.", "2023-10-10", "stormed", "2023-10-07"),
    ("Russian missiles rained on Ukrainian cities two days after a truck bomb damaged the Crimean bridge on "
     "Saturday.", "2022-10-11", "rained", "2022-10-10"),
    ("Russian missiles rained on Ukrainian cities two days after a truck bomb damaged the Crimean bridge on "
     "Saturday.", "2022-10-11", "damaged", "2022-10-08"),
    # a date of the main clause's own stays its date, and the phrase's its own
    ("Israel ordered a siege of Gaza on Monday, two days after Hamas gunmen stormed towns in southern Israel on "
     "Saturday.", "2023-10-10", "ordered", "2023-10-09"),
    ("Israel ordered a siege of Gaza on Monday, two days after Hamas gunmen stormed towns in southern Israel on "
     "Saturday.", "2023-10-10", "stormed", "2023-10-07"),
])
def test_a_date_inside_n_days_after_dates_its_clause_not_the_main_one(nlp, text, published, trigger, expected):
    doc = nlp(text)
    trig = token(doc, trigger)
    found = resolve_dates(doc, published=published).for_event(trig.sent, trig)
    assert (found.date if found else None) == expected


@pytest.mark.parametrize("text, published, trigger, expected", [
    # a year "of" a named thing names it; it dates no act of the clause
    ("The United States quit the Intermediate-Range Nuclear Forces Treaty of 1987.", "2019-08-03", "quit", None),
    ("On Friday the United States quit the Intermediate-Range Nuclear Forces Treaty of 1987.", "2019-08-03", "quit",
     "2019-08-02"),
    # a year "of" a period is the clause's time
    ("Russia annexed Crimea in the spring of 2014.", "2016-05-01", "annexed", "2014-01-01"),
    ("Britain left the European Union at the end of 2020.", "2021-06-01", "left", "2020-01-01"),
])
def test_a_year_of_a_named_thing_dates_no_act(nlp, text, published, trigger, expected):
    doc = nlp(text)
    trig = token(doc, trigger)
    found = resolve_dates(doc, published=published).for_event(trig.sent, trig)
    assert (found.date if found else None) == expected


def test_anchor_skips_coarse_dates(nlp):
    tl = timeline(nlp, "The army withdrew last month. A day later, the rebels returned.", MON)
    assert expression(tl, "A day later").date is None


NOT_DATES = [
    "The two countries have negotiated for two years without result.",
    "The two-year effort to reach a deal failed.",
    "Prices have risen sharply over the past six months.",
    "The ceasefire is due to expire in 10 days.",
    "Attacks have increased in the last week, officials said.",
    "Russia may impose new sanctions on the bloc.",
    "Thousands march through the capital every year.",
    "The Good Friday Agreement ended decades of violence.",
    "Jan Lipavsky met the delegation.",
    "The ship left port a month later than planned.",
    "Cheese sales doubled over the past two years after an earlier trade row.",
    "The adviser made the remarks on ABC's This Week program.",
    "The minister told BBC Radio 4's Today programme that taxes would rise.",
    "The ministers sat down with the rebels.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_durations_and_lookalikes_are_not_dates(nlp, text):
    assert timeline(nlp, text, MON).expressions == []


def test_offsets_point_into_the_text(nlp):
    text = "The envoy said on Friday that talks would resume on March 6."
    tl = timeline(nlp, text, MON)
    assert [text[e.start:e.end] for e in tl.expressions] == [e.text for e in tl.expressions]
    assert [e.text for e in tl.expressions] == ["on Friday", "on March 6"]


@pytest.mark.parametrize("text,written,expected", [
    ("The ministry said Monday it had expelled two diplomats.", "Monday", None),
    ("The army launched the offensive on Jan. 27.", "Jan. 27", None),
    ("The rebels attacked the convoy yesterday.", "yesterday", None),
    ("The accords were signed last week.", "last week", None),
    ("The court convicted him on 27 January 2024.", "27 January 2024", "2024-01-27"),
    ("The report, dated 2023-05-01, was released.", "2023-05-01", "2023-05-01"),
    ("The group was founded in 2018.", "2018", "2018-01-01"),
])
def test_without_publication_date_only_absolute_dates_resolve(nlp, text, written, expected):
    assert expression(timeline(nlp, text, None), written).date == expected


def test_unparseable_publication_date_counts_as_none(nlp):
    assert expression(timeline(nlp, "Rebels attacked on Sunday.", "last spring"), "Sunday").date is None


# (sentence, trigger word, expected expression text or None)
FOR_EVENT_CASES = [
    ("The minister, who arrived on Sunday, met the president on Monday.", "met", "on Monday"),
    ("The minister, who arrived on Sunday, met the president on Monday.", "arrived", "on Sunday"),
    ("Rubio said Monday that the two sides met on Friday.", "met", "on Friday"),
    ("Rubio said Monday that the two sides met on Friday.", "said", "Monday"),
    ("The ministry said on Tuesday that Moscow had expelled two diplomats.", "expelled", "on Tuesday"),
    ("The leaders met in Paris ahead of Thursday's summit.", "summit", "Thursday's"),
    ("The minister said Monday she hoped to settle the dispute during talks Tuesday with the unions.",
     "talks", "Tuesday"),
    ("The prime minister condemned the attack.", "condemned", None),
    ("The ministry denied the report that Tuesday's blast was ordered from abroad.", "denied", None),
    ("The minister, who arrived on Sunday, condemned the attack.", "condemned", None),
    ("The envoy met the rebels on Monday and signed a truce.", "signed", "on Monday"),
    ("The secretary said Saturday that the prime minister will visit Mauritius.", "visit", None),
    ("The secretary said Saturday that the prime minister had visited Mauritius.", "visited", "Saturday"),
    ("On Tuesday, an admiral said he is expecting the rival navy to stage drills.", "expecting", "On Tuesday"),
    ("In a radio address aired Sunday, the premier blamed the smugglers.", "blamed", "Sunday"),
    ("The activist played a role in last year's protests over the war.", "protests", "last year's"),
    ("Troops have been deployed since Monday.", "deployed", None),
    ("Protesters blocked the road before Friday's vote.", "vote", "Friday's"),
    ("Protesters blocked the road before Friday's vote.", "blocked", None),
    # a date inside the period a span starts or ends at bounds it too
    ("The envoys met in Vienna on Friday for the first time since the spring of 2021, agreeing to resume talks.",
     "agreeing", "on Friday"),
    ("The ministers met on Monday for the first time since the start of 2023, pledging to reopen embassies.",
     "pledging", "on Monday"),
    ("Troops have stayed in the town since the end of January.", "stayed", None),
    # a participle after a noun tells of the noun: the truce was agreed in December, not the urging
    # a participle clause before the reporting verb dates the report, and so what it reports as done
    ("Speaking to reporters in Kampala on Tuesday, the minister said Kenya had shelled the border post.",
     "shelled", "on Tuesday"),
    ("Asked about the sanctions on Friday, the spokeswoman said Beijing had warned Washington of the cost.",
     "warned", "on Friday"),
    ("Speaking to reporters on Tuesday, the minister said Kenya would retaliate.", "retaliate", None),
    # so does one set off after the subject, in the present participle
    ("Turkey's foreign minister, speaking to reporters in Ankara on Tuesday, accused Sweden of sheltering militants.",
     "accused", "on Tuesday"),
    ("Daniel Ortega, speaking on state television on Thursday night, said the United States had agreed to take "
     "the prisoners.", "agreed", "on Thursday night"),
    ("Russia's ambassador, summoned to the foreign ministry on Monday, rejected the protest.", "rejected", None),
    ("The official, speaking on condition of anonymity on Friday, said the talks will resume.", "resume", None),
    ("He urged the rebels to use the grace period agreed in December to rethink their position.", "urged", None),
    ("He urged the two governments to honour the truce agreed in December.", "urged", None),
    ("He asked the donors to release the funds pledged in 2023 to rebuild the schools.", "asked", None),
]


@pytest.mark.parametrize("text,trigger,expected", FOR_EVENT_CASES)
def test_for_event_prefers_the_triggers_own_date(nlp, text, trigger, expected):
    doc = nlp(text)
    tl = resolve_dates(doc, published=MON)
    trig = token(doc, trigger)
    found = tl.for_event(trig.sent, trig)
    assert (found.text if found else None) == expected


@pytest.mark.parametrize("text,trigger,expected", [
    ("Caracas is threatening reprisals against Bogota if its trucks are stopped.", "threatening", MON),
    ("Iran accuses the United States of piracy in the Gulf.", "accuses", MON),
    ("Turkey has imposed sanctions on Syria.", "imposed", None),
    ("The minister said the government is preparing sanctions.", "preparing", None),
    ("Rebels may attack the capital.", "attack", None),
    ("He also plans to urge the ministers to end the war.", "urge", None),
    ("Analysts doubt whether China transfers weapons to Russia.", "transfers", None),
])
def test_present_tense_main_clause_takes_the_article_date(nlp, text, trigger, expected):
    doc = nlp(text)
    trig = token(doc, trigger)
    found = resolve_dates(doc, published=MON).for_event(trig.sent, trig)
    assert (found.date if found else None) == expected


def test_present_tense_without_publication_date_is_unresolvable(nlp):
    doc = nlp("Iran accuses the United States of piracy in the Gulf.")
    trig = token(doc, "accuses")
    assert resolve_dates(doc, published=None).for_event(trig.sent, trig) is None


def test_for_event_only_looks_inside_the_sentence(nlp):
    doc = nlp("The leaders met in Paris on Tuesday. The foreign minister later condemned the attack.")
    tl = resolve_dates(doc, published=MON)
    trig = token(doc, "condemned")
    assert tl.for_event(trig.sent, trig) is None


@pytest.mark.parametrize("text,trigger,expected_date", [
    ("The leaders met in Paris on Tuesday. During the meeting, they signed a trade pact.", "signed", "2025-03-04"),
    ("The ministers met in Rome on Friday. At the talks, Italy pledged more aid.", "pledged", "2025-03-07"),
    ("During the meeting, they signed a trade pact.", "signed", None),
])
def test_occasion_reference_takes_the_last_anchored_date(nlp, text, trigger, expected_date):
    doc = nlp(text)
    tl = resolve_dates(doc, published=MON)
    trig = token(doc, trigger)
    found = tl.for_event(trig.sent, trig)
    assert (found.date if found else None) == expected_date
    if found:
        assert text[found.start:found.end] == found.text


def test_an_occasion_named_before_takes_the_date_told_up_to_its_naming(nlp):
    # the Vilnius summit of July 2023: the complaint dated Monday evening is another act, told between
    text = ("NATO leaders gathered in Vilnius on Tuesday for the alliance's annual summit. Zelensky had complained "
            "on Monday evening that no timetable for membership was on offer. At the summit, the allies adopted new "
            "defence plans.")
    doc = nlp(text)
    trig = token(doc, "adopted")
    found = resolve_dates(doc, published="2023-07-12").for_event(trig.sent, trig)
    assert found is not None and found.date == "2023-07-11"


def test_expressions_are_in_text_order(nlp):
    tl = timeline(nlp, "On Friday the talks stalled; on Saturday they resumed and on Sunday they ended.", MON)
    assert [e.date for e in tl.expressions] == ["2025-03-07", "2025-03-08", "2025-03-09"]
    assert [e.start for e in tl.expressions] == sorted(e.start for e in tl.expressions)


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.mark.parametrize("published", [f"2025-03-{day:02d}" for day in range(10, 17)])  # Monday .. Sunday
def test_weekdays_around_every_day_of_the_week(nlp, published):
    pub = date.fromisoformat(published)
    week_before = {(pub - timedelta(days=n)).strftime("%A"): pub - timedelta(days=n) for n in range(7)}
    week_after = {(pub + timedelta(days=n)).strftime("%A"): pub + timedelta(days=n) for n in range(7)}
    for name in WEEKDAYS:
        past = timeline(nlp, f"The rebels attacked the convoy on {name}.", published)
        future = timeline(nlp, f"The ministers will meet again on {name}.", published)
        assert expression(past, name).date == week_before[name].isoformat(), name
        assert expression(future, name).date == week_after[name].isoformat(), name


def test_user_vocabulary_extends_the_built_in_one(nlp, tmp_path):
    extra = tmp_path / "dates.yaml"
    extra.write_text("occasion_nouns: [parley]\n", encoding="utf-8")
    lex = load_date_lexicon([extra])
    doc = nlp("The envoys met in Doha on Tuesday. During the parley, both sides agreed to a truce.")
    trig = token(doc, "agreed")
    assert resolve_dates(doc, published=MON, lexicon=lex).for_event(trig.sent, trig).date == "2025-03-04"
    assert resolve_dates(doc, published=MON).for_event(trig.sent, trig) is None


def test_user_vocabulary_from_the_environment(nlp, tmp_path, monkeypatch):
    extra = tmp_path / "dates.yaml"
    extra.write_text("occasion_nouns: [parley]\n", encoding="utf-8")
    monkeypatch.setenv("NEWSGRAPH_DATES", str(extra))
    doc = nlp("The envoys met in Doha on Tuesday. During the parley, both sides agreed to a truce.")
    trig = token(doc, "agreed")
    assert resolve_dates(doc, published=MON).for_event(trig.sent, trig).date == "2025-03-04"


def test_malformed_user_vocabulary_says_what_is_wrong(tmp_path):
    extra = tmp_path / "bad.yaml"
    extra.write_text("weekdays: [monday]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="weekdays"):
        load_date_lexicon([extra])
