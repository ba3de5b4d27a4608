"""What an evaluation yields: tallies, figures, per-type counts and findings, as typed records.

Figures are micro-averaged: the tallies of every article are summed first, then divided, so a
long article weighs more than a short one (the shared devset scorer does the same).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from ..records import EVENT_TYPES

NONE = "-"  # the confusion table's row or column for "no event of any type on these actors"


@dataclass
class Counts:
    """The tallies one article (or a whole set, summed) contributes to the figures."""

    event_tp: int = 0  # required gold dyads the system found
    event_fp: int = 0  # distinct system dyads no gold dyad accepts
    event_fn: int = 0  # required gold dyads the system missed
    date_ok: int = 0
    date_n: int = 0  # found required gold dyads that carry a date
    type_ok: int = 0
    type_n: int = 0  # required gold events
    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    quote_attributed: int = 0
    actor_ok: int = 0
    actor_n: int = 0  # gold persons
    boilerplate_removed: int = 0
    boilerplate_n: int = 0
    body_kept: int = 0
    body_n: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


def ratio(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to measure (the shared scorer's NaN)."""
    return part / whole if whole else None


def f1(precision: float | None, recall: float | None) -> float:
    """Harmonic mean; a side with nothing to measure counts as zero, as in the shared scorer."""
    p, r = precision or 0.0, recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Figures:
    """The figures, named and ordered as the shared devset scorer prints them; None: nothing to measure."""

    articles: int
    records: int
    event_precision: float | None
    event_recall: float | None
    event_f1: float
    event_date_accuracy: float | None
    event_type_recall: float | None
    quote_precision: float | None
    quote_recall: float | None
    quote_f1: float
    quote_attribution: float | None
    actor_accuracy: float | None
    boilerplate_removed: float | None
    body_kept: float | None

    @classmethod
    def from_counts(cls, c: Counts, *, articles: int, records: int) -> Figures:
        ep, er = ratio(c.event_tp, c.event_tp + c.event_fp), ratio(c.event_tp, c.event_tp + c.event_fn)
        qp, qr = ratio(c.quote_tp, c.quote_tp + c.quote_fp), ratio(c.quote_tp, c.quote_tp + c.quote_fn)
        return cls(
            articles=articles, records=records,
            event_precision=ep, event_recall=er, event_f1=f1(ep, er),
            event_date_accuracy=ratio(c.date_ok, c.date_n),
            event_type_recall=ratio(c.type_ok, c.type_n),
            quote_precision=qp, quote_recall=qr, quote_f1=f1(qp, qr),
            quote_attribution=ratio(c.quote_attributed, c.quote_tp),
            actor_accuracy=ratio(c.actor_ok, c.actor_n),
            boilerplate_removed=ratio(c.boilerplate_removed, c.boilerplate_n),
            body_kept=ratio(c.body_kept, c.body_n),
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


FIGURE_NAMES = tuple(f.name for f in fields(Figures) if f.name not in ("articles", "records"))


def parse_floors(text: str) -> dict[str, float]:
    """``"event_f1=0.6,quote_f1=0.9"`` as a dict; ValueError naming the bad part and the known figures."""
    floors: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, value = (s.strip() for s in part.partition("="))
        if not sep or name not in FIGURE_NAMES:
            raise ValueError(f"{part!r} is not FIGURE=VALUE with FIGURE one of {', '.join(FIGURE_NAMES)}")
        try:
            floors[name] = float(value)
        except ValueError:
            raise ValueError(f"{part!r}: {value!r} is not a number") from None
    return floors


@dataclass
class TypeCounts:
    """Dyads of one PLOVER type: required gold ones found and missed, and system ones no gold accepts."""

    found: int = 0
    missed: int = 0
    extra: int = 0

    def __add__(self, other: TypeCounts) -> TypeCounts:
        return TypeCounts(self.found + other.found, self.missed + other.missed, self.extra + other.extra)

    @property
    def precision(self) -> float | None:
        return ratio(self.found, self.found + self.extra)

    @property
    def recall(self) -> float | None:
        return ratio(self.found, self.found + self.missed)


@dataclass(frozen=True)
class Finding:
    """One miss, extra or wrong date, with what a person needs to see why it happened."""

    article: str
    kind: str  # event | date | quote | speaker | actor | boilerplate | body
    what: str  # "USA ASSAULT ISIS", a quote's words, a person's name and code, a line
    sentence: str | None = None
    pattern: str | None = None  # extras: the pattern or rule that produced the event
    trigger: str | None = None
    note: str | None = None  # misses: the gold's evidence, or what the system found instead; dates: both dates


@dataclass
class ArticleResult:
    """One article scored against its gold."""

    article: str
    has_record: bool
    counts: Counts
    by_type: dict[str, TypeCounts] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold type, system type) -> dyads
    misses: list[Finding] = field(default_factory=list)
    extras: list[Finding] = field(default_factory=list)
    dates: list[Finding] = field(default_factory=list)  # found dated gold dyads the system dates otherwise

    @property
    def figures(self) -> Figures:
        return Figures.from_counts(self.counts, articles=1, records=int(self.has_record))


@dataclass
class EvaluationReport:
    """Every article of a gold set scored; the set's figures are micro-averages over them."""

    articles: list[ArticleResult]
    failures: list[str] = field(default_factory=list)  # articles the pipeline could not read or extract

    @property
    def counts(self) -> Counts:
        return sum((a.counts for a in self.articles), Counts())

    @property
    def figures(self) -> Figures:
        return Figures.from_counts(self.counts, articles=len(self.articles),
                                   records=sum(a.has_record for a in self.articles))

    @property
    def by_type(self) -> dict[str, TypeCounts]:
        """Per-type counts summed over the articles, in PLOVER order, for the types that occur."""
        totals: dict[str, TypeCounts] = {}
        for article in self.articles:
            for event_type, counts in article.by_type.items():
                totals[event_type] = totals.get(event_type, TypeCounts()) + counts
        return {t: totals[t] for t in EVENT_TYPES if t in totals}

    @property
    def confusion(self) -> Counter[tuple[str, str]]:
        return sum((a.confusion for a in self.articles), Counter())

    @property
    def misses(self) -> list[Finding]:
        return [f for a in self.articles for f in a.misses]

    @property
    def extras(self) -> list[Finding]:
        return [f for a in self.articles for f in a.extras]

    @property
    def dates(self) -> list[Finding]:
        return [f for a in self.articles for f in a.dates]

    def floors_not_met(self, floors: Mapping[str, float]) -> dict[str, str]:
        """Each figure under its floor, with why; a figure with nothing to measure fails its floor."""
        figures = self.figures.as_dict()
        failed = {}
        for name, floor in floors.items():
            value = figures[name]
            if value is None or value < floor:
                failed[name] = f"{'not measured' if value is None else f'{value:.3f}'} < {floor}"
        return failed
