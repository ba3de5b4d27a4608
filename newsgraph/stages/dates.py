"""Dates stage: find the date expressions of a parsed article and resolve them against its publication date.

Entry point: :func:`resolve_dates` → :class:`DateTimeline`, whose :meth:`DateTimeline.for_event` tells the
event coder which expression dates a given event. The vocabulary is data: ``data/dates.yaml``, extended by
the user's YAML files of the same shape (:mod:`newsgraph.resources.dates`).

How expressions resolve (the rules users can rely on):

* Tense comes from the parse: the verb governing the expression, its auxiliaries and the verbs it is the
  infinitive of. Future: "will", "is scheduled to/for", "plans to", "is meeting", a timetable present
  ("the council meets Thursday"), "an expected arrival of ...". Open (take the nearest): "would", "may",
  "could" ..., and deadlines ("until April 2"). Past otherwise: news reports the past.
* Weekdays: past → the latest occurrence on or before the article's date (its own weekday is "today");
  future and open ("would travel Friday" reports a plan) → the first on or after it; "last Monday" and
  "this past Monday" strictly before, "next Monday" strictly after. Possessives ("Thursday's summit")
  and day parts ("Friday evening") keep the day. A weekday between a reporting verb and its complement
  without "that" ("said on Wednesday it would expel ...") takes the reporting verb's tense.
* "yesterday", "today", "tonight", "tomorrow", "this morning", "last night", "three days ago" count days
  from the article's date.
* "last/this/next week|weekend|month|year", "earlier this month": the first day of that period with its
  granularity ("last weekend" is the Saturday before the current week; "over the weekend" follows tense).
* Absolute dates ("March 6", "Jan. 27", "27 January 2024", "2023-05-01", "in December", "last August",
  "in 2018"): a missing year follows the tense (past: the latest not more than two days after the article;
  future: the first on or after it; open: the nearest).
* Anchored ("a day earlier", "two days later", "the next day", "the same day", "earlier in the day",
  "hours later", "within hours", "the previous year") count from the last date resolved before them in the
  text (day-precise for day and week steps); "at the time" takes the last date at its own precision.
  Without one they are unresolvable.
* "N days after <phrase>" counts from a date inside the phrase ("two days after Tuesday's vote"), else
  from the day of an act the phrase names back ("two days after the announcement": the last day-precise
  date on a verb of the noun's stem, "announced ... on Oct. 21"), else from the main clause's date in the
  same sentence, else - for "<it> comes N days after ..." only - from the last date in the text. Nothing
  else: "a day after an attack" alone is unresolvable. Once resolved, the count dates the main clause wherever the
  parse hung it, and the dates inside the phrase date only the phrase's own events.
* Dates after "since", "until", "by", "every", "before", "after" ... bound or repeat a span, also through
  the period they are "of" ("since the spring of 2022"); they stay in the timeline but only date the noun
  they modify ("before Friday's vote").
* A live page's time-stamped entries ("21:50 — ...", also one entry quoted alone, its stamp opening the text) lie
  on the article's day (`DateTimeline.live_entry_day`); a stamp dates no event of its own sentence itself;
  the story's time before or after a point is the last or first day-precise date told there
  (`story_day_before`, `story_day_after`), for events their own sentence leaves undated.
* A year "of" a noun that is no period ("the Indus Waters Treaty of 1960", unlike "the spring of 2022") names
  that thing and dates no other act of its clause (``period_nouns``).
* Durations ("for two years", "a two-year effort", "the past six months", "the last week", "a month later
  than planned") are not dates.
* With no publication date every relative expression is unresolvable; absolute dates with a year resolve.

Unresolvable is ``None``: the resolver never guesses.
"""
from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..language.lemmas import lemma_forms
from ..language.modality import is_infinitive, looks_ahead, modal_mood, past_anchor
from ..resources.dates import DateLexicon
from ..resources.grammar import Grammar
from ..resources.speech_verbs import SpeechLexicon
from .lookups import doc_text, lower_words, token_texts

GRANULARITIES = ("day", "week", "month", "year")  # what ResolvedDate.granularity may hold
VERB_POS = ("VERB", "AUX")
# A past-tense clause may name a date this many days after the article's (time zones, late datelines).
PAST_SLACK_DAYS = 2
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DAY_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?(?:[-–]\d{1,2})?$", re.IGNORECASE)
ORDINAL_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$", re.IGNORECASE)
YEAR = re.compile(r"^(1[89]\d\d|20\d\d|2100)$")
# A live page's entry opens a paragraph with its time of day and a dash: "21:50 — Washington announces ...";
# the clock may carry a time zone in capitals ("06:32 GMT —", "01:45 IST —").
LIVE_ENTRY_STAMP = re.compile(
    r"^[ \t]*((?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \t]*(?:[ap]\.?m\.?|(?-i:[A-Z]{2,4})))?)[ \t]*[—–-][ \t]",
    re.MULTILINE | re.IGNORECASE)
# One stamped paragraph inside a story may be a timetable line; a live page has several, or is quoted from one
# entry, whose stamp then opens the text.
LIVE_PAGE_MIN_ENTRIES = 2


@dataclass
class ResolvedDate:
    """One date expression as written, and the calendar date it stands for (``None`` if unresolvable)."""

    date: str | None
    text: str
    granularity: str
    start: int
    end: int


# ---------------------------------------------------------------- matching


@dataclass
class _Match:
    """A date expression found in the tokens: where, which rule, and the rule's arguments."""

    start: int  # token indices, end exclusive
    end: int
    rule: str
    args: tuple = ()
    bounded: bool = False  # after "since", "until", "every" ...: not the date of an event of its clause
    deadline: bool = False  # after "until", "by": may lie ahead whatever the tense


def _word(tok: Token) -> str:
    return tok.lower_.rstrip(".") if len(tok.text) > 1 else tok.lower_


def _at(doc: Doc, i: int) -> str:
    words = _words(doc)
    return words[i] if 0 <= i < len(words) else ""


WORDS_KEY = "newsgraph.date_words"


def _words(doc: Doc) -> list[str]:
    """:func:`_word` of every token, read once per Doc off its kept lower-case words and kept in ``doc.user_data``:
    the matchers ask for the words around every candidate, and each ``doc[i]`` makes a Token object."""
    words = doc.user_data.get(WORDS_KEY)
    if not isinstance(words, list) or len(words) != len(doc):
        words = doc.user_data[WORDS_KEY] = [w.rstrip(".") if len(w) > 1 else w for w in lower_words(doc)]
    return words


def _is_possessive(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].lower_ in ("'s", "\u2019s", "'")


def _number(doc: Doc, i: int, lex: DateLexicon) -> int | None:
    if i >= len(doc):
        return None
    text = token_texts(doc)[i]  # asked at every word a date may begin with: no Token for it
    if text.isdigit() and len(text) <= 2:
        return int(text)
    return lex.table("numbers").get(lower_words(doc)[i])


def _day_number(doc: Doc, i: int) -> int | None:
    found = DAY_NUMBER.match(doc[i].text) if 0 <= i < len(doc) else None
    day = int(found.group(1)) if found else 0
    return day if 1 <= day <= 31 else None


def _year(doc: Doc, i: int) -> int | None:
    found = YEAR.match(doc[i].text) if 0 <= i < len(doc) else None
    return int(found.group(1)) if found else None


def _month(doc: Doc, i: int, lex: DateLexicon, *, need_context: bool) -> int | None:
    """Month number of token i; abbreviations need their period or a day number after them."""
    if not 0 <= i < len(doc):
        return None
    tok, word = doc[i], _word(doc[i])
    if not tok.text[:1].isupper():
        return None
    if word in lex.table("months"):
        ambiguous = word in lex.words("ambiguous_months") and tok.text[-1] != "."
        if ambiguous and need_context and tok.ent_type_ != "DATE":
            return None
        return lex.table("months")[word]
    if word in lex.table("month_abbreviations") and (tok.text.endswith(".") or _day_number(doc, i + 1)):
        return lex.table("month_abbreviations")[word]
    return None


def _weekday(doc: Doc, i: int, lex: DateLexicon) -> int | None:
    if not 0 <= i < len(doc):
        return None
    tok, word = doc[i], _word(doc[i])
    if not tok.text[:1].isupper():
        return None
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > i:
        return None  # part of a name: "Good Friday Agreement", "Black Monday Fund"
    if word in lex.table("weekdays"):
        return lex.table("weekdays")[word]
    if tok.text.endswith(".") and word in lex.table("weekday_abbreviations"):
        return lex.table("weekday_abbreviations")[word]
    return None


def _match_iso(doc: Doc) -> dict[int, _Match]:
    found = {}
    for hit in ISO_DATE.finditer(doc_text(doc)):
        span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
        if span is not None:
            args = tuple(int(g) for g in hit.groups())
            found[span.start] = _Match(span.start, span.end, "absolute", args)
    return found


def _match_weekday(doc: Doc, i: int, lex: DateLexicon) -> _Match | None:
    """[late|earlier|last|next|this] [on] WEEKDAY [day part] ['s] — optionally followed by a full date."""
    modifier, k = None, i
    if _at(doc, i) in lex.words("weekday_premodifiers") | {"last", "next", "this"}:
        modifier, k = _at(doc, i), i + 1
        if _at(doc, k) == "on" and modifier in lex.words("weekday_premodifiers"):
            k += 1
        elif modifier == "this" and _at(doc, k) in ("past", "coming"):
            modifier, k = ("last" if _at(doc, k) == "past" else "next"), k + 1
    weekday = _weekday(doc, k, lex)
    if weekday is None:
        return None
    end = k + 1
    if _at(doc, end) in lex.words("day_parts"):
        end += 1
    if _is_possessive(doc, end):
        end += 1
    full = _match_absolute(doc, end + (_at(doc, end) == ","), lex)
    if full is not None and full.rule == "absolute":
        return _Match(i, full.end, "absolute", full.args)
    relation = modifier if modifier in ("last", "next", "this") else None
    return _Match(i, end, "weekday", (weekday, relation))


def _match_absolute(doc: Doc, i: int, lex: DateLexicon) -> _Match | None:
    """MONTH DAY[, YEAR] · DAY MONTH [YEAR] · the DAYth of MONTH · MONTH YEAR."""
    month = _month(doc, i, lex, need_context=False)
    if month is not None:
        day = _day_number(doc, i + 1)
        if day is not None and _year(doc, i + 1) is None:
            end = i + 2
            year = _year(doc, end + (_at(doc, end) == ","))
            end = end + (_at(doc, end) == ",") + 1 if year else end
            return _Match(i, end, "absolute", (year, month, day))
        year = _year(doc, i + 1 + (_at(doc, i + 1) == ","))
        if year is not None:
            return _Match(i, i + 2 + (_at(doc, i + 1) == ","), "month", (year, month, None))
        return None
    start = i + (_at(doc, i) == "the")
    day = _day_number(doc, start)
    if day is None:
        return None
    k = start + 1 + (_at(doc, start + 1) == "of")
    month = _month(doc, k, lex, need_context=False)
    if month is None:
        return None
    year = _year(doc, k + 1)
    return _Match(i, k + 2 if year else k + 1, "absolute", (year, month, day))


def _match_month_or_year(doc: Doc, i: int, lex: DateLexicon) -> _Match | None:
    """[early|mid|late] MONTH or YEAR after a period preposition ("in December", "during 2018", "late May")."""
    relation = _at(doc, i) if _at(doc, i) in ("last", "next", "this") else None
    month = _month(doc, i + 1, lex, need_context=False) if relation else None
    if month is not None and _year(doc, i + 2) is None:
        return _Match(i, i + 2, "month", (None, month, relation))
    k = i + (_at(doc, i) in ("early", "mid", "late"))
    before = _at(doc, i - 1)
    in_period = before in lex.words("period_prepositions") or k > i
    month = _month(doc, k, lex, need_context=not in_period)
    standalone = month is not None and not _is_possessive(doc, k + 1) and _year(doc, k + 1) is None
    if standalone and (in_period or doc[k].ent_type_ == "DATE"):
        return _Match(i, k + 1, "month", (None, month, None))
    year = _year(doc, k)
    if year is not None and (in_period or k > i) and _at(doc, k + 1) not in ("-", "–", "to"):
        return _Match(i, k + 1, "year", (year,))
    return None


def _match_relative_day(doc: Doc, i: int, lex: DateLexicon) -> _Match | None:
    """yesterday / today / tomorrow / tonight, "earlier today", "this morning", "last night"."""
    k = i + (_at(doc, i) in ("earlier", "later") and _at(doc, i + 1) in ("today", "tonight"))
    offset = lex.table("relative_days").get(_at(doc, k))
    if offset is not None and _is_title(doc[k]):
        return None  # BBC Radio 4's "Today" programme
    if offset is not None:
        end = k + 1 + (_at(doc, k + 1) in lex.words("day_parts"))
        return _Match(i, end + _is_possessive(doc, end), "offset", (offset,))
    if _at(doc, i) in ("this", "last") and _at(doc, i + 1) in lex.words("this_day_parts"):
        if _at(doc, i) == "last" and _at(doc, i + 1) != "night":
            return None
        return _Match(i, i + 2, "offset", (-1 if _at(doc, i) == "last" else 0,))
    return None


def _is_title(tok: Token) -> bool:
    """A capitalised word inside a sentence (not after an opening quote) names something: "Today" the show."""
    starts_clause = tok.is_sent_start or tok.i == 0 or tok.nbor(-1).text in ('"', "\u201c", "'", "(", ":", "\u2018")
    return tok.text[:1].isupper() and not starts_clause


def _match_period(doc: Doc, i: int, lex: DateLexicon) -> _Match | None:
    """[earlier|later|early|late] last/this/next week|weekend|month|year; "over the weekend"; "this past weekend"."""
    k = i + (_at(doc, i) in ("earlier", "later", "early", "late") and _at(doc, i + 1) in ("last", "this", "next"))
    if _at(doc, k) == "this" and _at(doc, k + 1) == "past" and _at(doc, k + 2) == "weekend":
        return _Match(i, k + 3 + _is_possessive(doc, k + 3), "period", ("weekend", -1, False))
    relation, unit = _at(doc, k), _at(doc, k + 1)
    if unit not in ("week", "weekend", "month", "year") or doc[k + 1].text[:1].isupper():
        return None  # a capitalised unit is a title: ABC's "This Week"
    end = k + 2 + _is_possessive(doc, k + 2)
    if relation in ("last", "this", "next"):
        if relation == "last" and _at(doc, k - 1) in ("the", "this", "that"):
            return None  # "the last week" is a duration
        shift = {"last": -1, "this": 0, "next": 1}[relation]
        return _Match(i, end, "period", (unit, shift, relation == "this"))
    if relation == "the" and unit == "weekend" and _at(doc, k - 1) in ("over", "during", "at", "on"):
        return _Match(i, end, "period", (unit, 0, True))
    return None


def _match_anchored(doc: Doc, i: int, lex: DateLexicon) -> _Match | None:
    """Dates counted from the last one in the text, or from the article's date with "ago"."""
    for matcher in (_match_counted, _match_same_day, _match_step, _match_told_time):
        found = matcher(doc, i, lex)
        if found is not None:
            return found
    return None


def _match_counted(doc: Doc, i: int, lex: DateLexicon) -> _Match | None:
    """"a day earlier", "two weeks later", "three days after", "five days ago"; "(three) hours later" and
    "hours after ..." fall on the same day."""
    count = _number(doc, i, lex)
    k = i + 1 if count is not None else i  # the unit word
    unit: str | None = lex.table("units").get(_at(doc, k))
    if _at(doc, k) in lex.words("same_day_units"):
        count, unit = 0, "day"
    if count is None or unit is None:
        return None
    word = _at(doc, k + 1)
    if _at(doc, i - 1) in lex.words("duration_premodifiers") or _at(doc, k + 2) == "than":
        return None  # "for two days after", "the past three years", "a month later than expected"
    if word == "ago":
        return _Match(i, k + 2, "ago", (count, unit))
    direction = lex.table("anchor_directions").get(word)
    if direction is None:
        return None
    if _has_object(doc[k + 1]):
        return _Match(i, k + 2, "after_object", (direction * count, unit, k + 1))
    return _Match(i, k + 2, "anchor", (direction * count, unit))


def _has_object(tok: Token) -> bool:
    """"after" in "two days after the vote" governs a phrase; in "two days after," it stands alone."""
    return tok.dep_ == "mark" or any(c.dep_ in ("pobj", "pcomp") for c in tok.children)


SAME_DAY_FIRST_WORDS = frozenset({"the", "that", "earlier", "later"})  # the words each phrase below begins with


def _match_same_day(doc: Doc, i: int, lex: DateLexicon) -> _Match | None:
    """"the same day", "that day", "that evening", "earlier in the day", "later that night"."""
    if _at(doc, i) not in SAME_DAY_FIRST_WORDS:
        return None
    words = [_at(doc, i + n) for n in range(4)]
    same_day = {"day"} | lex.words("day_parts")
    if words[0] in ("the", "that") and words[1] == "same" and words[2] in same_day:
        return _Match(i, i + 3, "anchor", (0, "day"))
    if words[0] in ("earlier", "later") and words[1:3] == ["in", "the"] and words[3] in same_day:
        return _Match(i, i + 4, "anchor", (0, "day"))
    if words[0] in ("earlier", "later") and words[1] == "that" and words[2] in same_day:
        return _Match(i, i + 3, "anchor", (0, "day"))
    if words[0] == "that" and words[1] in same_day and (_at(doc, i - 1) in ("on", "later", "earlier")
                                                        or words[1] != "day"):
        return _Match(i, i + 2, "anchor", (0, "day"))
    return None


def _match_told_time(doc: Doc, i: int, lex: DateLexicon) -> _Match | None:
    """"hours later", "within hours" (the last day told); "at the time" (the last date told, at its precision)."""
    first = _at(doc, i)
    for key, rule in (("same_day_phrases", "anchor"), ("same_time_phrases", "told_time")):
        for phrase in _phrases(lex, key):
            if phrase[0] != first:  # most phrases begin with another word: no list of the words ahead for them
                continue
            end = i + len(phrase)
            if [_at(doc, k) for k in range(i, end)] == list(phrase) and not (rule == "told_time" and
                                                                               _at(doc, end) == "of"):
                return _Match(i, end, rule, (0, "day"))
    return None


@lru_cache(maxsize=16)
def _phrases(lex: DateLexicon, key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(phrase.split()) for phrase in lex.words(key))


def _match_step(doc: Doc, i: int, lex: DateLexicon) -> _Match | None:
    """"the next day", "the following morning", "the previous week", "the day before", "the day after"."""
    if _at(doc, i) != "the":
        return None
    step = lex.table("anchor_step_words").get(_at(doc, i + 1))
    if step is not None and _at(doc, i + 2) in lex.words("day_parts"):
        return _Match(i, i + 3, "anchor", (step, "day"))
    if step is not None and _at(doc, i + 2) in ("day", "week", "month", "year"):
        return _Match(i, i + 3, "anchor", (step, lex.table("units")[_at(doc, i + 2)]))
    if _at(doc, i + 1) == "day" and _at(doc, i + 2) in ("before", "after"):
        step = -1 if _at(doc, i + 2) == "before" else 1
        if _has_object(doc[i + 2]):
            return _Match(i, i + 3, "after_object", (step, "day", i + 2))
        return _Match(i, i + 3, "anchor", (step, "day"))
    return None


def _match_day_of_month(doc: Doc, i: int, lex: DateLexicon) -> _Match | None:
    """"on the 3rd": a day of the article's month (or the one before/after, by tense)."""
    if (_at(doc, i - 1) == "on" and _at(doc, i) == "the" and i + 1 < len(doc)
            and (day := ORDINAL_DAY.match(doc[i + 1].text))):
        return _Match(i, i + 2, "day_of_month", (int(day.group(1)),))
    return None


MATCHERS: tuple[Callable[[Doc, int, DateLexicon], _Match | None], ...] = (
    _match_anchored, _match_period, _match_relative_day, _match_weekday, _match_absolute,
    _match_month_or_year, _match_day_of_month,
)


def _match_live_stamps(doc: Doc) -> dict[int, _Match]:
    """A live page's entry stamps ("21:50 —"): the article's day, from which "hours later" in the entry counts."""
    found = {}
    for start, _, stamp in _live_entries(doc_text(doc)):
        span = doc.char_span(start, start + len(stamp), alignment_mode="expand")
        if span is not None:
            found[span.start] = _Match(span.start, span.end, "offset", (0,))
    return found


def find_date_expressions(doc: Doc, lex: DateLexicon) -> list[_Match]:
    """Every date expression in the document, in order, none overlapping."""
    iso = _match_iso(doc) | _match_live_stamps(doc)
    first_words = _first_words(lex)
    words = _words(doc)
    found: list[_Match] = []
    i = 0
    while i < len(doc):
        match = iso.get(i)
        if match is None and (words[i][:1].isdigit() or words[i] in first_words):
            match = next((m for m in (f(doc, i, lex) for f in MATCHERS) if m is not None), None)
        if match is None:
            i += 1
            continue
        found.append(_with_preposition(doc, match, lex))
        i = match.end
    return found


@lru_cache(maxsize=8)
def _first_words(lex: DateLexicon) -> frozenset[str]:
    """Every word a date expression can begin with (digits aside): the matchers run only there."""
    tables = ("months", "month_abbreviations", "weekdays", "weekday_abbreviations", "relative_days", "numbers")
    lists = ("weekday_premodifiers", "same_day_units")
    fixed = {"last", "next", "this", "that", "the", "early", "mid", "late", "earlier", "later"}
    phrases = {phrase[0] for key in ("same_day_phrases", "same_time_phrases") for phrase in _phrases(lex, key)}
    return frozenset(fixed.union(phrases, *(lex.table(t) for t in tables), *(lex.words(w) for w in lists)))


def _with_preposition(doc: Doc, match: _Match, lex: DateLexicon) -> _Match:
    """Take a leading "on"/"in" into the expression's text; mark dates that bound a span ("since Monday")."""
    before = _at(doc, match.start - 1)
    governed = doc[match.start: match.end].root.head.i == match.start - 1  # not "in [last year's] protests"
    if governed and (before == "on" or (before in ("in", "during") and match.rule in ("month", "year", "period"))):
        match.start -= 1
    match.bounded = _bounds_a_span(doc, match, lex)
    match.deadline = _at(doc, match.start - 1) in lex.words("deadline_prepositions")
    return match


def _bounds_a_span(doc: Doc, match: _Match, lex: DateLexicon) -> bool:
    """After "since", "until", "every" ...: directly ("since Monday") or through the period it is "of" ("since
    the spring of 2022", "until the end of March")."""
    bounding = lex.words("non_event_prepositions")
    if _at(doc, match.start - 1) in bounding:
        return True
    root = doc[match.start: match.end].root
    if _at(doc, match.start - 1) != "of" or root.head.i != match.start - 1:
        return False
    period = root.head.head
    return period.dep_ == "pobj" and _word(period.head) in bounding


# ---------------------------------------------------------------- tense


def clause_verb(tok: Token) -> Token | None:
    """The verb whose clause `tok` belongs to (itself if it is a verb)."""
    while tok.pos_ not in VERB_POS:
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok


def _modal_moods(verb: Token, grammar: Grammar) -> set[str]:
    """The moods of the verb's modal auxiliaries (and of the verb, when the parse made a modal the head)."""
    words = [verb.lower_] + [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return {mood for word in words if (mood := modal_mood(word, grammar))}


def clause_tense(tok: Token, lex: DateLexicon, grammar: Grammar, speech: SpeechLexicon, *,
                 timetables: bool = True) -> str:
    """"future", "past", "open" (either way: take the nearest) or "present" for the clause governing `tok`.

    News reports the past, so that is the default. A date that modifies a noun ("the September 17
    agreement") ignores hypothetical modals ("if the ... agreement cannot be implemented"): they are about
    the clause, not about when the thing named happened. With `timetables`, a present tense that carries a
    date schedules ("meets Thursday", "is meeting Friday": future); without, it is "present".
    """
    verb = clause_verb(tok)
    if verb is None:
        return "past"
    if _future_noun_on_path(tok, lex):
        return "future"  # "an expected arrival of March 26", "the upcoming vote on Sunday"
    if any(past_anchor(node, grammar) for node in _path_to_verb(tok)[1:-1]):
        return "past"  # "agreed to resume flights after their meeting on Sunday": the meeting had happened
    noun_modifier = tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ != "pobj"
    chain = _xcomp_chain(verb)
    for current in chain:
        moods = _modal_moods(current, grammar)
        if "future" in moods:
            return "future"
        if not noun_modifier and "hypothetical" in moods:
            return "open"  # "would meet Friday", "may vote in May"
        if current.i != verb.i and looks_ahead(lemma_forms(current, *_acomps(current)), grammar):
            return "future"
    if _is_scheduled(verb, tok, lex) or _is_planned_object(verb, tok, lex):
        return "future"  # "is scheduled for Friday", "has promised a hunt this weekend"
    tense = _tense_of_form(chain[-1])
    if tense in ("present", "progressive") and not timetables:
        return "present"
    if tense == "present" and lemma_forms(chain[-1]) & speech.indirect:
        return "past"  # "says Monday" reports what was said
    return "future" if tense in ("present", "progressive") else tense


def _xcomp_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is the infinitive complement of: "resolve" → "hopes" in "hopes to resolve"."""
    chain = [verb]
    while chain[-1].dep_ == "xcomp" and chain[-1].head.i != chain[-1].i and len(chain) < 8:
        chain.append(chain[-1].head)
    return chain


def _future_noun_on_path(tok: Token, lex: DateLexicon) -> bool:
    for node in _path_to_verb(tok)[:-1]:
        if any(c.dep_ == "amod" and c.lower_ in lex.words("future_adjectives") for c in node.children):
            return True
    return False


def _is_planned_object(verb: Token, tok: Token, lex: DateLexicon) -> bool:
    """The date of the thing planned: "promised a hunt this weekend", "planned talks for Monday"."""
    path = _path_to_verb(tok)
    if len(path) < 3 or path[0].dep_ == "poss" or path[-2].dep_ != "dobj":
        return False
    if not (len(path) == 3 or (len(path) == 4 and path[1].lower_ == "for")):
        return False  # the date of something inside the object: "announced the activation of a force Tuesday"
    return bool(lemma_forms(verb) & lex.words("planning_verbs"))


def _is_scheduled(verb: Token, tok: Token, lex: DateLexicon) -> bool:
    """A passive scheduling participle with the date as its own complement: "is scheduled for Friday"."""
    if verb.tag_ != "VBN" or not _has_dep(verb, "auxpass"):
        return False
    if not lemma_forms(verb) & lex.words("scheduling_verbs"):
        return False
    path = _path_to_verb(tok)
    return len(path) == 2 or (len(path) == 3 and path[1].lower_ == "for")


def _acomps(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "acomp"]


def _has_dep(tok: Token, dep: str) -> bool:
    return any(c.dep_ == dep for c in tok.children)


def _tense_of_form(verb: Token) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "progressive"
    if verb.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") and not auxes:
        return "present"
    return "past"


# ---------------------------------------------------------------- resolution


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _valid(year: int, month: int, day: int) -> date | None:
    if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return date(year, month, day)
    return None


def _pick(candidates: list[date], published: date, tense: str) -> date | None:
    """The candidate the tense points at: latest not after the article, first not before it, or nearest."""
    if tense == "past":
        past = [c for c in candidates if c <= published + timedelta(days=PAST_SLACK_DAYS)]
        return max(past, default=None)
    if tense == "future":
        return min((c for c in candidates if c >= published), default=None)
    return min(candidates, key=lambda c: (abs((c - published).days), c > published), default=None)


@dataclass
class _Context:
    published: date | None
    tense: str
    anchor: ResolvedDate | None  # the last day-precise date before the expression
    coarse_anchor: ResolvedDate | None = None  # the last date of any granularity


Resolution = tuple[date | None, str]


def _resolve_weekday(args: tuple, ctx: _Context) -> Resolution:
    weekday, relation = args
    pub = ctx.published
    if pub is None:
        return None, "day"
    ahead = (weekday - pub.weekday()) % 7
    behind = (pub.weekday() - weekday) % 7
    if relation == "last":
        return pub - timedelta(days=behind or 7), "day"
    if relation == "next":
        return pub + timedelta(days=ahead or 7), "day"
    if ctx.tense in ("future", "open"):  # "would travel Friday" reports a plan: within a week it lies ahead
        return pub + timedelta(days=ahead), "day"
    return pub - timedelta(days=behind), "day"


def _resolve_offset(args: tuple, ctx: _Context) -> Resolution:
    return (ctx.published + timedelta(days=args[0]) if ctx.published else None), "day"


def _resolve_absolute(args: tuple, ctx: _Context) -> Resolution:
    year, month, day = args
    if year is not None:
        return _valid(year, month, day), "day"
    if ctx.published is None:
        return None, "day"
    years = range(ctx.published.year - 1, ctx.published.year + 2)
    candidates = [d for d in (_valid(y, month, day) for y in years) if d]
    return _pick(candidates, ctx.published, ctx.tense), "day"


def _resolve_month(args: tuple, ctx: _Context) -> Resolution:
    year, month, relation = args
    if year is not None:
        return date(year, month, 1), "month"
    if ctx.published is None:
        return None, "month"
    this_month = ctx.published.replace(day=1)
    candidates = [date(y, month, 1) for y in range(ctx.published.year - 1, ctx.published.year + 2)]
    if relation == "last":
        return max(c for c in candidates if c < this_month), "month"
    if relation == "next":
        return min(c for c in candidates if c > this_month), "month"
    if relation == "this":
        return date(ctx.published.year, month, 1), "month"
    return _pick(candidates, this_month, ctx.tense), "month"


def _resolve_year(args: tuple, ctx: _Context) -> Resolution:
    return date(args[0], 1, 1), "year"


def _resolve_period(args: tuple, ctx: _Context) -> Resolution:
    unit, shift, by_tense = args
    pub = ctx.published
    if pub is None:
        return None, "week" if unit == "weekend" else unit
    if unit == "weekend":
        return _resolve_weekend(pub, shift, ctx.tense if by_tense else None), "week"
    if unit == "week":
        return _monday(pub) + timedelta(weeks=shift), "week"
    if unit == "month":
        return _shift_months(pub, shift), "month"
    return date(pub.year + shift, 1, 1), "year"


def _resolve_weekend(pub: date, shift: int, tense: str | None) -> date:
    """The Saturday of the weekend meant; `tense` is None for a fixed "last"/"next weekend".

    "last weekend" is the one before the current week; "this weekend" and "over the weekend" follow the
    tense: the latest Saturday so far (past), the first one from today (future), or the nearer (open).
    """
    if tense is None:
        return _monday(pub) + timedelta(days=5 + 7 * shift)
    ahead, behind = (5 - pub.weekday()) % 7, (pub.weekday() - 5) % 7
    if tense == "future" or (tense == "open" and ahead < behind):
        return pub + timedelta(days=ahead)
    return pub - timedelta(days=behind)


def _resolve_ago(args: tuple, ctx: _Context) -> Resolution:
    count, unit = args
    if unit == "week" and ctx.published is not None:
        return _monday(ctx.published - timedelta(weeks=count)), "week"
    return _count_from(ctx.published, "day", -count, unit)


def _resolve_anchor(args: tuple, ctx: _Context) -> Resolution:
    """Counted from the last date in the text: day-precise for day and week steps, any for months and years."""
    count, unit = args
    anchor = ctx.anchor if unit in ("day", "week") else ctx.coarse_anchor
    return _count_from_expression(anchor, count, unit)


def _resolve_told_time(args: tuple, ctx: _Context) -> Resolution:
    """"at the time": the last date told, at its own precision."""
    origin = ctx.coarse_anchor
    if origin is None or origin.date is None:
        return None, "day"
    return date.fromisoformat(origin.date), origin.granularity


def _count_from_expression(origin: ResolvedDate | None, count: int, unit: str) -> Resolution:
    if origin is None or origin.date is None:
        return None, "day" if unit in ("day", "week") else unit
    if unit == "year" or (unit == "month" and origin.granularity != "year"):
        return _count_from(date.fromisoformat(origin.date), "day", count, unit)
    return _count_from(date.fromisoformat(origin.date), origin.granularity, count, unit)


def _count_from(origin: date | None, origin_granularity: str, count: int, unit: str) -> Resolution:
    """`count` units from `origin`; day and week steps need a day-precise origin."""
    granularity = "day" if unit in ("day", "week") else unit
    if origin is None or (granularity == "day" and origin_granularity != "day"):
        return None, granularity
    if unit == "day":
        return origin + timedelta(days=count), "day"
    if unit == "week":
        return origin + timedelta(weeks=count), "day"
    if unit == "month":
        return _shift_months(origin, count), "month"
    return date(origin.year + count, 1, 1), "year"


def _resolve_day_of_month(args: tuple, ctx: _Context) -> Resolution:
    if ctx.published is None:
        return None, "day"
    months = (_shift_months(ctx.published, n) for n in (-1, 0, 1))
    candidates = [d for d in (_valid(m.year, m.month, args[0]) for m in months) if d]
    return _pick(candidates, ctx.published, ctx.tense), "day"


RESOLVERS: dict[str, Callable[[tuple, _Context], Resolution]] = {
    "weekday": _resolve_weekday, "offset": _resolve_offset, "absolute": _resolve_absolute,
    "month": _resolve_month, "year": _resolve_year, "period": _resolve_period, "ago": _resolve_ago,
    "anchor": _resolve_anchor, "day_of_month": _resolve_day_of_month, "told_time": _resolve_told_time,
}


# ---------------------------------------------------------------- timeline


@dataclass
class _Located:
    """A resolved expression with its place in the parse."""

    resolved: ResolvedDate
    span: Span
    bounded: bool
    counted: _CountedPhrase | None = None


class _LocatedList(list[_Located]):
    """The expressions in text order (they do not overlap), indexed as they are appended, so that finding
    those of a sentence or the last anchor before a token is a bisection rather than a scan per event."""

    def __init__(self) -> None:
        super().__init__()
        self.starts: list[int] = []
        self.anchors: dict[bool, tuple[list[int], list[_Located]]] = {True: ([], []), False: ([], [])}

    def append(self, loc: _Located) -> None:
        super().append(loc)
        self.starts.append(loc.span.start)
        for day_only, (ends, anchors) in self.anchors.items():
            if _can_anchor(loc, day_only=day_only):
                ends.append(loc.span.end)
                anchors.append(loc)


@dataclass
class _CountedPhrase:
    """"N days after <phrase>": where the phrase is, what it is counted against, and its date if known."""

    phrase: range
    main_verb: int | None
    count: int
    unit: str
    phrase_date: ResolvedDate | None = None


@dataclass
class DateTimeline:
    """The dated expressions of one article, and which of them dates a given event."""

    expressions: list[ResolvedDate]
    _located: _LocatedList = field(repr=False)
    _lexicon: DateLexicon = field(repr=False)
    _grammar: Grammar = field(repr=False)
    _speech: SpeechLexicon = field(repr=False)
    _published: date | None = field(repr=False)
    _live_entries: list[tuple[int, int, str]] = field(default_factory=list, repr=False)  # start, end, stamp

    def live_entry_day(self, offset: int) -> ResolvedDate | None:
        """The day of the live page's time-stamped entry holding character `offset`: the article's date.

        A live page ("22:35 — Strikes kill nine. ...", "21:10 — ...") follows one day, the day it is
        published; an entry tells its events without a date, and the page's opening paragraph, which often
        recalls older days ("the truce took hold last Wednesday"), does not date them.
        """
        if self._published is None:
            return None
        i = bisect.bisect_right([start for start, _, _ in self._live_entries], offset) - 1
        if i < 0 or offset >= self._live_entries[i][1]:
            return None
        start, _, stamp = self._live_entries[i]
        return ResolvedDate(self._published.isoformat(), stamp, "day", start, start + len(stamp))

    def story_day_before(self, offset: int) -> ResolvedDate | None:
        """The last day-precise date told before character `offset` and not after the article's date: the
        story's time so far, when an undated act is narrated in the past ("On Tuesday, the conference ended
        ... It demanded a withdrawal.")."""
        told = [loc.resolved for loc in self._located.anchors[True][1] if loc.span.end_char <= offset]
        return next((d for d in reversed(told) if self._not_ahead(d)), None)

    def story_day_after(self, offset: int, *, until: int | None) -> ResolvedDate | None:
        """The first day-precise date told from character `offset` on (before `until`, None: the end), not after
        the article's date: a lead in the present perfect ("X has asked Y to ...") is dated by the sentences
        that follow it."""
        told = [loc.resolved for loc in self._located.anchors[True][1]
                if offset <= loc.span.start_char and (until is None or loc.span.start_char < until)]
        return next((d for d in told if self._not_ahead(d)), None)

    def _not_ahead(self, resolved: ResolvedDate) -> bool:
        return self._published is None or (resolved.date is not None
                                           and date.fromisoformat(resolved.date) <= self._published)

    def for_event(self, sent: Span, trigger: Token, *, said_by: Token | None = None) -> ResolvedDate | None:
        """The expression dating the event `trigger` names in `sent`, or None if the sentence dates it not.

        Ranked: attached through the trigger itself ("Thursday's summit"), then to the trigger's verb chain,
        then to a verb governing it ("said Monday that ..."; not for an event the report puts ahead) or a
        participle clause telling when the report was made ("Speaking on Friday, X said", "X, speaking on
        Friday, warned"), then to
        a verb it governs through coordination or an adverbial clause, or the participle of its message
        ("in a statement released Sunday"); ties go to the nearest. Dates in
        relative or complement clauses belong to other events and are not taken. Inside "N days after
        <phrase>", the phrase's events count back from the main clause. A sentence without a date may still refer to an
        already dated occasion ("during the meeting", "at the talks"): that takes the last day-precise date
        before the sentence. Failing that, a statement quoted `said_by` a reporting verb, maybe in the next
        sentence ('"We condemn the raid. It is a crime," the minister said Tuesday.'), was made when that
        verb dates it. Failing that, a main clause in the present tense ("Ankara is threatening
        retaliation", "Iran accuses ...") speaks of the time of writing: a verb trigger there takes the
        article's date.
        """
        located = self._located
        first, last = bisect.bisect_left(located.starts, sent.start), bisect.bisect_left(located.starts, sent.end)
        stamps = {start for start, _, _ in self._live_entries}  # a live entry's clock counts "hours later", dates none
        inside = [loc for loc in located[first:last] if loc.span.end <= sent.end and loc.span.start_char not in stamps]
        holder = next((loc for loc in inside if loc.counted and trigger.i in loc.counted.phrase), None)
        if holder is not None:  # the event is the <phrase> of "N days after <phrase>"
            return self._date_in_counted_phrase(holder, inside, trigger)
        # "N days after <phrase>" resolved: the phrase's dates are its own events', the count is the main clause's
        phrases = [loc.counted.phrase for loc in inside if loc.counted and loc.resolved.date is not None]
        best = self._best_attached([loc for loc in inside if not any(loc.span.start in p for p in phrases)], trigger)
        if best is not None:
            return best
        said = self.for_event(said_by.sent, said_by) if said_by is not None else None
        return self._occasion_reference(sent, trigger) or said or self._present_tense(trigger)

    def _best_attached(self, candidates: list[_Located], trigger: Token) -> ResolvedDate | None:
        """The best-ranked candidate; resolvable ones first within a rank, then the nearest."""
        tense = clause_tense(trigger, self._lexicon, self._grammar, self._speech, timetables=False)
        ahead = tense in ("future", "open")
        periods = self._lexicon.words("period_nouns")
        ranked = [(None if _names_a_thing(loc, trigger, periods) else
                   _attachment_rank(loc, trigger, reported_ahead=ahead, messages=self._speech.nouns,
                                    on=_counted_from(loc)),
                   loc.resolved.date is None,
                   abs(loc.span.root.i - trigger.i), loc) for loc in candidates]
        usable = [r for r in ranked if r[0] is not None]
        return min(usable, key=lambda r: r[:3])[3].resolved if usable else None

    def _date_in_counted_phrase(self, holder: _Located, inside: list[_Located], trigger: Token) -> ResolvedDate | None:
        """An event named after "N days after": its own date, else N days before the main clause's date."""
        counted = holder.counted
        if counted is None:
            return None
        own = [loc for loc in inside if loc.span.start in counted.phrase]
        if own:
            return self._best_attached(own, trigger)
        if counted.phrase_date is not None:
            return counted.phrase_date
        main_verbs = _main_clause_verbs(holder.span.doc, counted.main_verb)
        main = [loc for loc in inside if loc is not holder and loc.resolved.date and not loc.bounded
                and _path_to_verb(loc.span.root)[-1].i in main_verbs]
        if not main:
            return None
        origin = min(main, key=lambda loc: abs(loc.span.root.i - holder.span.root.i)).resolved
        day, granularity = _count_from_expression(origin, -counted.count, counted.unit)
        return _resolved(holder.span, day, granularity)

    def _present_tense(self, trigger: Token) -> ResolvedDate | None:
        verb = clause_verb(trigger)
        if self._published is None or verb is None:
            return None
        if trigger.i != verb.i or verb.dep_ not in ("ROOT", "conj", "ccomp") or _has_dep(verb, "mark"):
            return None  # a noun, an infinitive ("plans to urge") or a subordinate clause ("whether ...")
        if not _is_present(verb) or not all(_is_present(a) for a in verb.ancestors if a.pos_ in VERB_POS):
            return None
        group = sorted([verb, *(c for c in verb.children if c.dep_ in ("aux", "neg"))], key=lambda t: t.i)
        span = verb.doc[group[0].i: verb.i + 1]
        return ResolvedDate(self._published.isoformat(), span.text, "day", span.start_char, span.end_char)

    def _occasion_reference(self, sent: Span, trigger: Token) -> ResolvedDate | None:
        lex = self._lexicon
        chain = _verb_chain(trigger)
        for tok in sent:
            if not _is_occasion(tok, lex):
                continue
            prep = tok.head
            if clause_verb(prep) in chain or trigger in (tok, prep):
                anchors = [a for end in {sent.start, _named_before(tok, sent)}
                           if (a := _last_anchor(self._located, end)) is not None and a.date is not None]
                if not anchors:
                    return None
                anchor = max(anchors, key=lambda a: str(a.date))
                span = sent.doc[prep.i: tok.i + 1]
                return ResolvedDate(anchor.date, span.text, anchor.granularity, span.start_char, span.end_char)
        return None


def _named_before(occasion: Token, sent: Span) -> int:
    """"At the summit, X signed ...": the end of the sentence that last named the occasion ("flew to Al-Ula for the
    annual summit"), or the sentence's own start. A day told after that naming but earlier than the days told up to
    it ("... announced that step on Monday evening") is a step back to another act, which does not date the
    occasion: the reference takes the later of the two anchors."""
    lower = lower_words(occasion.doc)
    named = next((i for i in range(sent.start - 1, -1, -1) if lower[i] == occasion.lower_), None)
    return occasion.doc[named].sent.end if named is not None else sent.start


def _main_clause_verbs(doc: Doc, main_verb: int | None) -> set[int]:
    """The verb "N days after" counts from, and the verbs it is an adverbial clause of: in "sat unsigned on
    Saturday, a day after a meeting turned into a shouting match" the parse counts from "turned"."""
    if main_verb is None:
        return set()
    verb, verbs = doc[main_verb], {main_verb}
    while verb.dep_ == "advcl" and verb.head.i != verb.i:
        verb = verb.head
        verbs.add(verb.i)
    return verbs


def _is_present(verb: Token) -> bool:
    """"accuses", "is threatening": the simple present or the present progressive, with no modal."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxes
    return verb.tag_ == "VBG" and len(auxes) == 1 and auxes[0].tag_ in ("VBZ", "VBP")


def _is_occasion(tok: Token, lex: DateLexicon) -> bool:
    """"the meeting" / "the talks" as the object of "during", "at", "in" ..."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "that", "this", "those", "these") for c in tok.children)
    return (
        definite and tok.lower_ in lex.words("occasion_nouns")
        and tok.dep_ == "pobj" and tok.head.lower_ in lex.words("occasion_prepositions")
    )


def _last_anchor(located: _LocatedList, before_token: int, *, day_only: bool = True) -> ResolvedDate | None:
    """The last date resolved before `before_token` that later expressions may count from."""
    ends, anchors = located.anchors[day_only]
    i = bisect.bisect_right(ends, before_token)
    return anchors[i - 1].resolved if i else None


def _can_anchor(loc: _Located, *, day_only: bool) -> bool:
    if loc.resolved.date is None or loc.bounded:
        return False
    return loc.resolved.granularity == "day" or not day_only


def _verb_chain(trigger: Token) -> set[Token]:
    """The trigger's verb and the verbs it is the infinitive complement of ("plans to meet")."""
    verb = clause_verb(trigger)
    return set(_xcomp_chain(verb)) if verb is not None else set()


def _path_to_verb(tok: Token) -> list[Token]:
    path = [tok]
    while path[-1].pos_ not in VERB_POS and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


# Clause links along which a governed verb shares the trigger's time: "met Y on Monday and signed ...",
# "hosted talks, meeting Y on Friday". A date inside a complement or relative clause ("rejected the claim
# that Tuesday's attack was planned abroad", "X, who arrived on Sunday, ...") belongs to another event.
SHARED_TIME_LINKS = ("conj", "advcl", "xcomp")


def _names_a_thing(loc: _Located, trigger: Token, periods: frozenset[str]) -> bool:
    """A year "of" a noun other than a period names that thing ("hold the Indus Waters Treaty of 1960 in
    abeyance"): it dates the noun when the noun is the trigger, and no other act of the clause."""
    root = loc.span.root
    if loc.resolved.granularity != "year" or root.head.lower_ != "of" or root.head.i == root.i:
        return False
    noun = root.head.head
    return noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() not in periods and noun.i != trigger.i


def _counted_from(loc: _Located) -> Token:
    """Where an expression hangs: "N days after <clause>" dates the verb it counts from, wherever the parse put
    "days" (often on the clause's own verb: "Two days after a blast hit X, Russia fired ...")."""
    counted = loc.counted
    if counted is not None and counted.main_verb is not None and loc.resolved.date is not None:
        return loc.span.doc[counted.main_verb]
    return loc.span.root


def _attachment_rank(loc: _Located, trigger: Token, *, reported_ahead: bool, messages: frozenset[str],
                     on: Token | None = None) -> int | None:
    """0 through the trigger, 1 on its verb chain, 2 a verb governing it (or a participle clause fronting that
    verb), 3 a verb it governs; None = not its date.

    A governing verb's date ("said Monday that ...") dates the report, so it is not taken for an event the
    report puts ahead (`reported_ahead`: "said Monday that he will visit"). A date on a message ("in a
    press release issued Monday") dates the act the message performs, wherever the parse hangs the phrase.
    """
    path = _path_to_verb(on if on is not None else loc.span.root)
    if trigger in path[:-1]:
        return 0  # the date modifies the trigger noun itself: "Thursday's summit", "talks Tuesday"
    if loc.bounded:
        return None
    verb, trigger_verb = _message_act(path, messages) or path[-1], clause_verb(trigger)
    if verb in _verb_chain(trigger):
        return 1
    if trigger_verb is None:
        return None
    if verb in trigger_verb.ancestors or _fronts_a_report(verb, trigger_verb):
        return None if reported_ahead or _decided_apart(trigger_verb, path) else 2
    if _decided_apart(trigger_verb, path) and verb.dep_ == "acl" and verb.head.i == trigger_verb.head.i:
        return 2  # "Kinshasa's decision to cut ties, announced late Saturday": when the decision was made known
    if _governs_sharing_time(trigger_verb, verb):
        return 3
    return None


def _decided_apart(trigger_verb: Token, path: list[Token]) -> bool:
    """"defended on Sunday his decision to telephone Putin", "returned to power in October on promises to end aid":
    the act a noun's "to" clause names (decided, promised, offered) is not dated by the clause that speaks of the
    noun (a date on the noun itself dates it)."""
    noun = trigger_verb.head
    return trigger_verb.dep_ == "acl" and noun.pos_ == "NOUN" and is_infinitive(trigger_verb) and noun not in path


def _fronts_a_report(verb: Token, trigger_verb: Token) -> bool:
    """A participle clause before a verb governing the trigger tells when the report was made: "Speaking to
    reporters on Friday, the minister said ...", "Asked about the strikes on Friday, she said ..."; so does one
    set off after the subject of the trigger's verb or of a verb governing it: "The minister, speaking to
    reporters on Friday, warned ..." (the present participle only: "the envoy, expelled on Monday, said" may
    tell of an earlier day)."""
    if verb.tag_ not in ("VBN", "VBG") or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return False
    if verb.dep_ == "advcl":
        return verb.i < verb.head.i and verb.head in trigger_verb.ancestors
    subject = verb.head
    return (verb.dep_ == "acl" and verb.tag_ == "VBG" and subject.dep_ in ("nsubj", "nsubjpass")
            and subject.i < verb.i < subject.head.i and verb.i > 0 and verb.doc[verb.i - 1].text == ","
            and (subject.head == trigger_verb or subject.head in trigger_verb.ancestors))


def _message_act(path: list[Token], messages: frozenset[str]) -> Token | None:
    """The verb whose act a dated message phrase carries: "accused X of violating Y in a statement on Sunday"
    is the accusation's date, though the parser hangs "in a statement" on "violating"."""
    tokens = path + ([path[-1].head] if path[-1].dep_ == "acl" else [])  # "a release issued Monday"
    noun = next((t for t in tokens if t.dep_ == "pobj" and t.lemma_.lower() in messages and t.head.dep_ == "prep"),
                None)
    if noun is None:
        return None
    verb = noun.head.head
    while verb.dep_ in ("pcomp", "xcomp") and verb.head.i != verb.i:
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return verb if verb.pos_ in VERB_POS else None


def _governs_sharing_time(governor: Token, verb: Token) -> bool:
    while verb.i != governor.i:
        if _is_reduced_relative(verb):
            return False
        if _is_vehicle_participle(verb):
            verb = verb.head.head.head
            continue
        if verb.dep_ not in SHARED_TIME_LINKS or verb.head.i == verb.i:
            return False
        verb = verb.head
    return True


def _is_reduced_relative(verb: Token) -> bool:
    """A participle right after a noun, with no subject, tells of that noun whatever the parse made of it:
    "urged them to use the transition period agreed in December" (the period was agreed in December)."""
    before = verb.doc[verb.i - 1] if verb.i else None
    return (verb.tag_ in ("VBN", "VBD") and before is not None and before.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _is_vehicle_participle(verb: Token) -> bool:
    """"[said] in a statement released Sunday", "in an interview broadcast Tuesday": the message's time."""
    noun = verb.head
    return (verb.dep_ == "acl" and verb.tag_ == "VBN" and noun.dep_ == "pobj" and noun.head.dep_ == "prep"
            and noun.head.head.i != noun.head.i)


def _parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def resolve_dates(doc: Doc, *, published: str | None, lexicon: DateLexicon, grammar: Grammar,
                  speech_verbs: SpeechLexicon) -> DateTimeline:
    """Find and resolve every date expression of `doc` against the article's date (ISO, or None).

    Tense cues shared with events come from `grammar` (modals, governing verbs) and `speech_verbs`.
    """
    lex = lexicon
    pub = _parse_published(published)
    matches = find_date_expressions(doc, lex)
    starts = [m.start for m in matches]
    located = _LocatedList()
    for match in matches:
        if match.rule == "after_object":
            located.append(_locate_counted_phrase(doc, match, (matches, starts), pub, located, lex,
                                                   grammar, speech_verbs))
        else:
            located.append(_Located(_resolve_match(doc, match, pub, located, lex, grammar, speech_verbs),
                                    doc[match.start: match.end], match.bounded))
    return DateTimeline([loc.resolved for loc in located], located, lex, grammar, speech_verbs, pub,
                        _live_entries(doc_text(doc)))


def _live_entries(text: str) -> list[tuple[int, int, str]]:
    """The time-stamped entries of a live page as (start, end, stamp); none unless the page has several or its
    one stamp opens the text (a single entry taken from a live page: "06:32 GMT - Blasts shake Kyiv ...")."""
    stamps = list(LIVE_ENTRY_STAMP.finditer(text))
    opens_text = bool(stamps) and not text[:stamps[0].start()].strip()
    if len(stamps) < LIVE_PAGE_MIN_ENTRIES and not opens_text:
        return []
    ends = [m.start() for m in stamps[1:]] + [len(text)]
    return [(m.start(1), end, m.group(1)) for m, end in zip(stamps, ends, strict=True)]


OCCASION_STEM_CHARS = 4  # "meeting" names what "met" ... shared stems shorter than this are chance


def _named_occasion(prep: Token, located: _LocatedList, before_token: int) -> ResolvedDate | None:
    """The day of the act a definite noun after "N days after" names back: "the announcement" → the last
    day-precise date on a clause whose verb shares the noun's stem ("announced the deal on Oct. 21")."""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this")
                                                      for c in noun.children):
        return None
    ends, anchors = located.anchors[True]
    for loc in reversed(anchors[:bisect.bisect_right(ends, before_token)]):
        verb = _path_to_verb(loc.span.root)[-1]
        if verb.pos_ in VERB_POS and _same_stem(noun.lemma_.lower(), verb.lemma_.lower()):
            return loc.resolved
    return None


def _same_stem(noun: str, verb: str) -> bool:
    shorter, longer = sorted((noun, verb), key=len)
    return len(shorter) >= OCCASION_STEM_CHARS and longer.startswith(shorter)


def _first_date_inside(matches: list[_Match], starts: list[int], tokens: range) -> _Match | None:
    """The first expression starting inside `tokens`, counted phrases aside: found by bisecting the starts
    and looking at the expressions inside only, so that many "N days after" cost linear time together."""
    i = bisect.bisect_left(starts, tokens.start)
    while i < len(matches) and matches[i].start < tokens.stop:
        if matches[i].rule != "after_object":
            return matches[i]
        i += 1
    return None


def _resolve_match(doc: Doc, match: _Match, pub: date | None, located: _LocatedList,
                   lex: DateLexicon, grammar: Grammar, speech: SpeechLexicon) -> ResolvedDate:
    span = doc[match.start: match.end]
    tense = clause_tense(_report_told_before(span, speech) or span.root, lex, grammar, speech)
    if match.deadline and tense == "past":
        tense = "open"  # "delayed the tariffs until April 2": a deadline may lie ahead
    ctx = _Context(pub, tense, _last_anchor(located, match.start), _last_anchor(located, match.start, day_only=False))
    day, granularity = RESOLVERS[match.rule](match.args, ctx)
    return _resolved(span, day, granularity)


def _report_told_before(span: Span, speech: SpeechLexicon) -> Token | None:
    """The reporting verb of "said on Wednesday it would expel ...": the parser may hang a date standing between
    a reporting verb and its complement (no "that") on the complement's verb, but by its place it tells when
    the report was made, so it takes that verb's tense (not "would"'s, which would put Wednesday ahead)."""
    verb = clause_verb(span.root)
    if verb is None or verb.dep_ != "ccomp" or any(c.dep_ == "mark" for c in verb.children):
        return None
    report = verb.head
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects or not report.i < span.start or span.end > min(subjects):
        return None
    if any(t.dep_ in ("nsubj", "nsubjpass", "poss") for t in _path_to_verb(span.root)):
        return None  # "said Monday's vote showed ...": the date of the subject's noun
    return report if lemma_forms(report) & speech.indirect else None


def _resolved(span: Span, day: date | None, granularity: str) -> ResolvedDate:
    return ResolvedDate(day.isoformat() if day else None, span.text, granularity, span.start_char, span.end_char)


def _locate_counted_phrase(doc: Doc, match: _Match, indexed: tuple[list[_Match], list[int]], pub: date | None,
                           located: _LocatedList, lex: DateLexicon, grammar: Grammar,
                           speech: SpeechLexicon) -> _Located:
    """"N days after <phrase>": the main clause lies N days after the phrase's date, and the other way round.

    With a date inside the phrase ("two days after Tuesday's vote") the main clause counts from it. Without
    one, "<it> comes N days after <event>" resolves too: its subject refers back to the last dated thing in
    the text, so the main clause takes that date and the phrase's event lies N days before it. Otherwise the
    expression itself is unresolvable; an event inside the phrase may still count back from a date of the
    main clause in the same sentence (see `DateTimeline.for_event`).
    """
    count, unit, prep_index = match.args
    prep, span = doc[prep_index], doc[match.start: match.end]
    main_verb = prep.head.head if prep.dep_ == "mark" else clause_verb(prep)
    counted = _CountedPhrase(range(prep.i + 1, (prep.head if prep.dep_ == "mark" else prep).right_edge.i + 1),
                             main_verb.i if main_verb is not None else None, count, unit)
    inner = _first_date_inside(*indexed, counted.phrase)
    if inner is not None:
        main = _count_from_expression(_resolve_match(doc, inner, pub, located, lex, grammar, speech), count, unit)
        return _Located(_resolved(span, *main), span, match.bounded, counted)
    named = _named_occasion(prep, located, match.start)
    if named is not None:  # "two days after the announcement": counted from the day it was announced
        main = _count_from_expression(named, count, unit)
        return _Located(_resolved(span, *main), span, match.bounded, counted)
    origin = _last_anchor(located, match.start)
    if origin is None or main_verb is None or not lemma_forms(main_verb) & lex.words("back_reference_verbs"):
        unresolved = _resolved(span, None, "day" if unit in ("day", "week") else unit)
        return _Located(unresolved, span, match.bounded, counted)
    counted.phrase_date = _resolved(span, *_count_from_expression(origin, -count, unit))
    main_date = _resolved(span, date.fromisoformat(str(origin.date)), origin.granularity)
    return _Located(main_date, span, match.bounded, counted)
