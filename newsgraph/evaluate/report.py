"""Rendering an evaluation: an aligned text table, Markdown (for a pull request) or JSON (for CI)."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from ..records import EVENT_TYPES
from .results import NONE, Counts, EvaluationReport, Finding

FORMATS = ("table", "json", "markdown")
BREAKDOWNS = ("type", "article")
FINDING_GROUPS = ("misses", "extras", "dates")

# What each figure is a share of: (part, whole) from the tallies, shown beside the figure.
BASIS: dict[str, Callable[[Counts], tuple[int, int]]] = {
    "event_precision": lambda c: (c.event_tp, c.event_tp + c.event_fp),
    "event_recall": lambda c: (c.event_tp, c.event_tp + c.event_fn),
    "event_date_accuracy": lambda c: (c.date_ok, c.date_n),
    "event_type_recall": lambda c: (c.type_ok, c.type_n),
    "quote_precision": lambda c: (c.quote_tp, c.quote_tp + c.quote_fp),
    "quote_recall": lambda c: (c.quote_tp, c.quote_tp + c.quote_fn),
    "quote_attribution": lambda c: (c.quote_attributed, c.quote_tp),
    "actor_accuracy": lambda c: (c.actor_ok, c.actor_n),
    "boilerplate_removed": lambda c: (c.boilerplate_removed, c.boilerplate_n),
    "body_kept": lambda c: (c.body_kept, c.body_n),
}


@dataclass(frozen=True)
class Table:
    """One section of the report, rendered the same way as text or Markdown."""

    title: str
    headers: list[str]
    rows: list[list[str]]


def render(report: EvaluationReport, *, fmt: str = "table", by: str = "type", show: Iterable[str] = ()) -> str:
    """The report in ``fmt``, broken down ``by`` type or article, listing the ``show`` groups of findings."""
    show = [group for group in FINDING_GROUPS if group in set(show)]
    if fmt == "json":
        return render_json(report, by=by, show=show)
    sections = [figures_table(report), type_table(report) if by == "type" else article_table(report),
                confusion_table(report)]
    markdown = fmt == "markdown"
    n = len(report.articles)
    head = f"{n} article{'s' * (n != 1)}, {report.figures.records} with a record"
    parts = [f"## newsgraph evaluate: {head}" if markdown else f"newsgraph evaluate: {head}"]
    parts += [f"- failed: {f}" if markdown else f"failed: {f}" for f in report.failures]
    parts += [markdown_table(t) if markdown else text_table(t) for t in sections]
    for group in show:
        parts.append(findings_text(group, getattr(report, group), markdown=markdown))
    return "\n\n".join(parts)


def number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def figure_values(figures: dict[str, float | int | None]) -> dict[str, float | int | None]:
    """The figures without the article and record counts."""
    return {k: v for k, v in figures.items() if k not in ("articles", "records")}


def figures_table(report: EvaluationReport) -> Table:
    counts = report.counts
    rows = []
    for name, value in figure_values(report.figures.as_dict()).items():
        basis = BASIS.get(name)
        rows.append([name, number(value), "{} of {}".format(*basis(counts)) if basis else ""])
    return Table("figures (micro-averaged over the articles)", ["figure", "value", "counts"], rows)


def type_table(report: EvaluationReport) -> Table:
    rows = [[t, str(c.found), str(c.missed), str(c.extra), number(c.precision), number(c.recall)]
            for t, c in report.by_type.items()]
    return Table("events by type (found and missed: required gold dyads; extra: system dyads no gold accepts)",
                 ["type", "found", "missed", "extra", "precision", "recall"], rows)


def article_table(report: EvaluationReport) -> Table:
    rows = []
    for a in report.articles:
        fig, c = a.figures, a.counts
        rows.append([Path(a.article).name + ("" if a.has_record else " (no record)"), str(c.event_tp),
                     str(c.event_fn), str(c.event_fp), number(fig.event_f1), number(fig.event_date_accuracy),
                     number(fig.quote_f1), number(fig.quote_attribution), number(fig.actor_accuracy),
                     number(fig.body_kept)])
    return Table("by article", ["article", "found", "missed", "extra", "event_f1", "dates", "quote_f1",
                                "attribution", "actors", "body"], rows)


def confusion_table(report: EvaluationReport) -> Table:
    """Required gold dyads by the type the system gave the same actors (diagonal: found; - : nothing coded)."""
    cells = report.confusion
    order = [*EVENT_TYPES, NONE]
    gold = [t for t in order if any(g == t for g, _ in cells)]
    system = [t for t in order if any(s == t for _, s in cells)]
    rows = [[g] + [str(cells[g, s] or "") for s in system] for g in gold]
    # five letters tell the sixteen types apart and keep the table inside a terminal
    return Table("event types confused (rows: required gold dyads by type; columns: the system's type on the same "
                 "actors, first five letters; - : none)", ["gold \\ system", *(t[:5] for t in system)], rows)


def text_table(table: Table) -> str:
    widths = [max(len(r[i]) for r in [table.headers, *table.rows]) for i in range(len(table.headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return "\n".join([table.title, line(table.headers), *map(line, table.rows)])


def markdown_table(table: Table) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    align = ["---"] + ["---:"] * (len(table.headers) - 1)
    return "\n".join([f"### {table.title}", "", line(table.headers), "|" + "|".join(align) + "|",
                      *map(line, table.rows)])


def findings_text(group: str, findings: list[Finding], *, markdown: bool) -> str:
    """Every miss, extra or wrong date with its sentence and evidence, so a person sees why."""
    lines = [f"### {group} ({len(findings)})" if markdown else f"{group} ({len(findings)})"]
    if markdown:
        lines.append("")
    for f in findings:
        head = f"{Path(f.article).name}  {f.kind}  {f.what}"
        details = [("sentence", f.sentence), ("pattern", f.pattern), ("trigger", f.trigger), ("note", f.note)]
        if markdown:
            lines.append(f"- `{Path(f.article).name}` **{f.kind}** {f.what}")
            lines += [f"  - {label}: {value}" for label, value in details if value]
        else:
            lines.append("  " + head)
            lines += [f"      {label}: {value}" for label, value in details if value]
    return "\n".join(lines)


def render_json(report: EvaluationReport, *, by: str, show: list[str]) -> str:
    """The figures at the top level under the shared scorer's names (null: nothing to measure), then the detail."""
    data = report.figures.as_dict()
    data["counts"] = asdict(report.counts)
    if by == "type":
        data["by_type"] = {t: {**asdict(c), "precision": c.precision, "recall": c.recall}
                           for t, c in report.by_type.items()}
    else:
        data["by_article"] = [{"article": a.article, "record": a.has_record, **figure_values(a.figures.as_dict()),
                               "counts": asdict(a.counts)} for a in report.articles]
    data["confusion"] = [{"gold": g, "system": s, "count": n} for (g, s), n in sorted(report.confusion.items())]
    data["failures"] = report.failures
    for group in show:
        data[group] = [asdict(f) for f in getattr(report, group)]
    return json.dumps(data, ensure_ascii=False, indent=2)
