"""The matching rules: one article's record against its gold, counted as the shared devset scorer counts.

Pure functions over an :class:`Article` and a gold dict (the format of ``schema/gold.schema.json``);
nothing here runs the pipeline or prints. docs/evaluation.md states every rule in prose.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..records import Article, Event
from .results import NONE, ArticleResult, Counts, Finding, TypeCounts

# Meetings, agreements and joint work have no direction: (A, CONSULT, B) is (B, CONSULT, A), and a
# joint source list with no recipient (PLOVER's way for multilateral meetings) means every pair.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Qualifiers that say an event is not reported as having happened: such events are not scored.
NOT_FACT = frozenset({"negated", "negation", "hypothetical", "future", "conditional"})
# The gold code "~ORG" accepts any international or non-governmental organisation: any code that is
# not three letters long (three letters are ISO states), or one of these three-letter organisations.
ANY_ORGANISATION = "~ORG"
THREE_LETTER_ORGS = frozenset({"WHO", "IMF", "ICC", "ICJ", "IOM", "WFP", "WTO", "OAS", "OAU", "IEA", "FAO", "ILO",
                               "CIS", "SCO", "GCC", "ADB", "PIF", "UNO", "IGO", "NGO"})
# A system quote matches a gold quote when it holds 60% of the gold's words and 30% of its own are gold words.
QUOTE_HOLDS_GOLD, QUOTE_WITHIN_GOLD = 0.6, 0.3
BODY_LINE_MIN_CHARS = 25  # shorter article lines (datelines, captions) are not counted as body
SHORT_NOISE_CHARS = 40  # a shorter noise line ("Associated Press") may occur inside a body sentence
DATE_LINE = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}")
# A sentence ends at . ! ? (and a closing quote) before a space, except after an initial ("U.N.", "J. Smith")
# or a title ("Gen. Smith"): good enough to show a person where a missed event was told.
SENTENCE_BREAK = re.compile(r"(?<=[.!?][\"'”’)])\s+|(?<=[.!?])\s+|\n+")
NOT_A_BREAK = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Gov|Sen|Rep|Rev|St|No|Jr|Sr|vs))\.$")


# ---------------------------------------------------------------------------------------------
# Text


def normalise(text: str | None) -> str:
    """Lower case without accents, curly quotes or runs of spaces, so typography never decides a match."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def words(text: str | None) -> list[str]:
    return re.findall(r"[a-z0-9]+", normalise(text))


def share_of_words(wanted: str, found_in: str) -> float:
    """Share of ``wanted``'s words that occur in ``found_in``, each occurrence used once."""
    want = words(wanted)
    if not want:
        return 0.0
    pool = Counter(words(found_in))
    hit = 0
    for word in want:
        if pool[word] > 0:
            pool[word] -= 1
            hit += 1
    return hit / len(want)


def same_person(gold_name: str, names: Iterable[str]) -> bool:
    """Whether one of ``names`` names the gold person: either one's last word occurs in the other."""
    gold = words(gold_name)
    return bool(gold) and any(t and (gold[-1] in t or t[-1] in gold) for t in map(words, names))


# ---------------------------------------------------------------------------------------------
# Dyads


def normalise_code(code: str | None) -> str | None:
    """Group codes compare whatever their separator: "KATAIB HEZBOLLAH" == "KATAIB-HEZBOLLAH"."""
    return re.sub(r"[\s_]+", "-", code.strip()).upper() if code and code.strip() else None


def code_matches(gold: str | None, system: str | None) -> bool:
    if gold == ANY_ORGANISATION:
        return system is not None and system != "" and (len(system) != 3 or system in THREE_LETTER_ORGS)
    return gold == system


@dataclass(frozen=True)
class Dyad:
    """One (source code, type, target code) claim; target None: any recipient (gold) or none coded (system)."""

    source: str
    type: str
    target: str | None
    date: str | None = None
    required: bool = True
    event: Event | None = None  # the system event it came from
    evidence: str | None = None  # the gold event's evidence

    @property
    def key(self) -> tuple[str, str, str | None]:
        """The same claim whichever way round a symmetric type is told."""
        if self.type in SYMMETRIC_TYPES and self.target is not None:
            return min(self.source, self.target), self.type, max(self.source, self.target)
        return self.source, self.type, self.target

    @property
    def label(self) -> str:
        return f"{self.source} {self.type} {self.target or NONE}"


def pairs_of(sources: list[str | None], event_type: str, targets: list[str | None]) -> list[tuple[str, str | None]]:
    """The (source, target) pairs one event claims; a side without a code and self-directed pairs drop out."""
    if not targets and event_type in SYMMETRIC_TYPES and len(set(sources) - {None}) > 1:
        pairs = [(s, t) for s in sources for t in sources if s != t]
    else:
        pairs = [(s, t) for s in sources for t in (targets or [None])]
    return [(s, t) for s, t in pairs if s is not None and s != t]


def is_claim(qualifiers: Iterable[str]) -> bool:
    return not {q.lower() for q in qualifiers} & NOT_FACT


def gold_dyads(gold: dict[str, Any]) -> list[Dyad]:
    return [Dyad(s, e["type"], t, date=e.get("date"), required=e.get("required", True), evidence=e.get("evidence"))
            for e in gold.get("events") or []
            for s, t in pairs_of([normalise_code(c) for c in e["source"]], e["type"],
                                 [normalise_code(c) for c in e["target"]])]


def system_dyads(article: Article) -> list[Dyad]:
    """Dyads of the events the record claims happened, coded by its actors' codes."""
    codes = {a.id: normalise_code(a.code) for a in article.actors}
    return [Dyad(s, e.type, t, date=e.date, event=e)
            for e in article.events if is_claim(e.qualifiers)
            for s, t in pairs_of([codes.get(x) for x in e.source], e.type, [codes.get(x) for x in e.target])]


def distinct(dyads: Iterable[Dyad]) -> list[Dyad]:
    """One dyad per claim: a dyad told twice, or both ways round for a symmetric type, is claimed once."""
    first: dict[tuple[str, str, str | None], Dyad] = {}
    for d in dyads:
        first.setdefault(d.key, d)
    return list(first.values())


def dyad_matches(gold: Dyad, system: Dyad) -> bool:
    if gold.type != system.type:
        return False
    if code_matches(gold.source, system.source) and (gold.target is None or code_matches(gold.target, system.target)):
        return True
    return (gold.type in SYMMETRIC_TYPES and gold.target is not None
            and code_matches(gold.source, system.target) and code_matches(gold.target, system.source))


def same_actors(gold: Dyad, system: Dyad) -> bool:
    """Whether a system dyad is about the gold dyad's actors, whatever its type (for the confusion table)."""
    if dyad_matches(gold, Dyad(system.source, gold.type, system.target)):
        return True
    return (system.type in SYMMETRIC_TYPES and system.target is not None
            and dyad_matches(gold, Dyad(system.target, gold.type, system.source)))


# ---------------------------------------------------------------------------------------------
# One article


def score_article(gold: dict[str, Any], article: Article | None, article_text: str | None, *,
                  name: str) -> ArticleResult:
    """Score one record (None: the system produced none) against its gold.

    ``article_text`` is the article file as written (plain text only), for the body-kept check.
    """
    record = article or Article(doc_id="", origin=name, title=None, published=None, text="")
    result = ArticleResult(article=name, has_record=article is not None, counts=Counts())
    score_events(gold, record, result)
    score_quotes(gold, record, result)
    score_people(gold, record, result)
    score_noise(gold, record, article_text, result)
    return result


def score_events(gold: dict[str, Any], article: Article, result: ArticleResult) -> None:
    """Event precision, recall, dates, type recall, per-type counts and confusions."""
    c = result.counts
    golds, found = gold_dyads(gold), system_dyads(article)
    claims = distinct(found)
    missed: list[Dyad] = []
    for g in (g for g in golds if g.required):
        hits = [d for d in found if dyad_matches(g, d)]
        tally = result.by_type.setdefault(g.type, TypeCounts())
        if hits:
            c.event_tp += 1
            tally.found += 1
            result.confusion[g.type, g.type] += 1
            if g.date:
                c.date_n += 1
                dated_right = any(h.date and h.date[:10] == g.date for h in hits)
                c.date_ok += dated_right
                if not dated_right:
                    result.dates.append(date_miss(g, hits, name=result.article))
            continue
        c.event_fn += 1
        tally.missed += 1
        missed.append(g)
        instead = [d for d in claims if same_actors(g, d)]
        for other in {d.type for d in instead} or {NONE}:
            result.confusion[g.type, other] += 1
        result.misses.append(event_miss(g, article, instead, name=result.article))
    for d in claims:
        if any(dyad_matches(g, d) for g in golds):
            continue
        c.event_fp += 1
        result.by_type.setdefault(d.type, TypeCounts()).extra += 1
        if not any(same_actors(g, d) for g in missed):
            result.confusion[NONE, d.type] += 1
        result.extras.append(event_extra(d, name=result.article))
    types_claimed = {e.type for e in article.events if is_claim(e.qualifiers)}
    for event in gold.get("events") or []:
        if event.get("required", True):
            c.type_n += 1
            c.type_ok += event["type"] in types_claimed


def event_miss(gold: Dyad, article: Article, instead: list[Dyad], *, name: str) -> Finding:
    """A missed gold dyad, with the sentence its evidence points to and what the system coded on its actors."""
    sentence = best_sentence(article.text, gold.evidence or "")
    coded = [f"{d.label} «{d.event.trigger}» ({d.event.pattern})" for d in instead if d.event]
    note = f"gold evidence: {gold.evidence}" if gold.evidence else None
    if coded:
        note = "; ".join(filter(None, [note, "the system has on these actors: " + ", ".join(coded)]))
    return Finding(article=name, kind="event", what=gold.label, sentence=sentence, note=note)


def date_miss(gold: Dyad, hits: list[Dyad], *, name: str) -> Finding:
    """A found gold dyad whose day no matching system dyad has: each system date, its precision and the phrase
    it came from, and whether that phrase is in the event's own sentence or was carried from another one."""
    events = list({id(h.event): h.event for h in hits if h.event}.values())
    told = [f"{e.date or 'no date'}" + (f" ({e.granularity}) from «{e.date_text}»" if e.date else "")
            + (" in another sentence" if e.date_text and normalise(e.date_text) not in normalise(e.sentence) else "")
            for e in events]
    first = events[0] if events else None
    return Finding(article=name, kind="date", what=gold.label, sentence=one_line(first.sentence) if first else None,
                   pattern=first.pattern if first else None, trigger=first.trigger if first else None,
                   note=f"gold {gold.date}; system " + "; ".join(told))


def event_extra(dyad: Dyad, *, name: str) -> Finding:
    event = dyad.event
    assert event is not None, "system dyads carry their event"
    return Finding(article=name, kind="event", what=dyad.label, sentence=one_line(event.sentence),
                   pattern=event.pattern, trigger=event.trigger, note=f"date {event.date}" if event.date else None)


def sentences(text: str) -> list[str]:
    found: list[str] = []
    start = 0
    for gap in SENTENCE_BREAK.finditer(text):
        if "\n" not in gap.group() and NOT_A_BREAK.search(text, start, gap.start()):
            continue
        found.append(text[start:gap.start()])
        start = gap.end()
    found.append(text[start:])
    return [one_line(s) for s in found if s.strip()]


def best_sentence(text: str, evidence: str) -> str | None:
    """The article sentence sharing most words with a gold event's evidence (a paraphrase, not an offset)."""
    scored = [(share_of_words(evidence, s), s) for s in sentences(text)]
    best = max(scored, default=(0.0, None), key=lambda pair: pair[0])
    return best[1] if best[0] > 0 else None


def sentence_at(text: str, start: int, end: int) -> str:
    return one_line(text[start:end])


def one_line(text: str) -> str:
    """Text with its line breaks and runs of spaces made single spaces, for a one-line finding."""
    return " ".join(text.split())


def score_quotes(gold: dict[str, Any], article: Article, result: ArticleResult) -> None:
    """Quote spans (each system quote answers one gold quote, first come first served) and attribution."""
    c = result.counts
    names = {a.id: a.name for a in article.actors}
    used: set[int] = set()
    for g in gold.get("quotes") or []:
        hit = next((i for i, q in enumerate(article.quotes) if i not in used and quote_matches(g["text"], q.text)),
                   None)
        required = g.get("required", True)
        if hit is None:
            if required:
                c.quote_fn += 1
                result.misses.append(Finding(article=result.article, kind="quote", what=g["text"],
                                             sentence=best_sentence(article.text, g["text"]),
                                             note=f"speaker {g['speaker']}"))
            continue
        used.add(hit)
        if not required:
            continue
        c.quote_tp += 1
        quote = article.quotes[hit]
        said_by = [quote.speaker_name or ""] + ([names[quote.speaker]] if quote.speaker in names else [])
        if same_person(g["speaker"], said_by):
            c.quote_attributed += 1
        else:
            result.misses.append(Finding(
                article=result.article, kind="speaker", what=g["text"],
                sentence=sentence_at(article.text, quote.sentence_start, quote.sentence_end),
                note=f"want {g['speaker']}, got {' / '.join(filter(None, said_by)) or 'no speaker'}"))
    for i, quote in enumerate(article.quotes):
        if i not in used:
            c.quote_fp += 1
            result.extras.append(Finding(
                article=result.article, kind="quote", what=quote.text,
                sentence=sentence_at(article.text, quote.sentence_start, quote.sentence_end),
                trigger=quote.cue, note=f"speaker {quote.speaker_name or '?'}"))


def quote_matches(gold_text: str, system_text: str) -> bool:
    return (share_of_words(gold_text, system_text) >= QUOTE_HOLDS_GOLD
            and share_of_words(system_text, gold_text) >= QUOTE_WITHIN_GOLD)


def score_people(gold: dict[str, Any], article: Article, result: ArticleResult) -> None:
    """Each gold person must be among the record's actors (same last name) with the same code."""
    c = result.counts
    for person in (a for a in gold.get("actors") or [] if a.get("kind") == "person"):
        c.actor_n += 1
        namesakes = [a for a in article.actors if same_person(person["name"], [a.name])]
        if any(a.code == person.get("code") for a in namesakes):
            c.actor_ok += 1
            continue
        found = ", ".join(f"{a.name} ({a.code})" for a in namesakes)
        result.misses.append(Finding(article=result.article, kind="actor",
                                     what=f"{person['name']} ({person.get('code')})",
                                     note=f"system has {found}" if found else "not among the actors"))


def score_noise(gold: dict[str, Any], article: Article, article_text: str | None, result: ArticleResult) -> None:
    """Gold noise lines must be gone from the title and text; the article's body lines must all be kept."""
    c = result.counts
    raw = (article.title or "") + "\n" + (article.text or "")
    text, lines = normalise(raw), {normalise(line) for line in raw.splitlines()}
    noise = [n for n in map(normalise, gold.get("boilerplate") or []) if n]
    for line in noise:
        c.boilerplate_n += 1
        kept = line in lines if len(line) < SHORT_NOISE_CHARS else line in text
        if kept:
            result.misses.append(Finding(article=result.article, kind="boilerplate", what=line, note="noise kept"))
        else:
            c.boilerplate_removed += 1
    if article_text is None:
        return
    body = article_text.splitlines()
    if body:  # the date line may carry the first paragraph after the date
        body[0] = DATE_LINE.sub("", body[0])
    for line in map(normalise, body):
        if len(line) < BODY_LINE_MIN_CHARS or line in noise:
            continue
        c.body_n += 1
        if line in text:
            c.body_kept += 1
        else:
            result.misses.append(Finding(article=result.article, kind="body", what=line, note="body line lost"))
