"""`newsgraph evaluate`: score the pipeline against hand-made gold files, or draft one."""
from __future__ import annotations

import click

from ..evaluate import FIGURE_NAMES, GoldError, evaluate_paths, parse_floors, render, write_drafts
from ..evaluate.report import BREAKDOWNS, FINDING_GROUPS, FORMATS
from . import main
from .options import model_option

FLOORS_NOT_MET = 1
GOLD_UNUSABLE = 2


class GoldUnusable(click.ClickException):
    """A gold file is missing, malformed or a draft: exit code 2, apart from floors not met (1)."""

    exit_code = GOLD_UNUSABLE


def _floors(ctx: click.Context, param: click.Parameter, value: str | None) -> dict[str, float]:
    try:
        return parse_floors(value or "")
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


def _groups(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str]:
    groups = [g.strip() for g in (value or "").split(",") if g.strip()]
    if unknown := [g for g in groups if g not in FINDING_GROUPS]:
        raise click.BadParameter(f"{', '.join(unknown)}: choose from {','.join(FINDING_GROUPS)}")
    return groups


@main.command("evaluate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: aligned text; markdown: for a pull request; json: the figures under the devset "
                   "scorer's names, then the detail.")
@click.option("--by", type=click.Choice(BREAKDOWNS), default="type", show_default=True,
              help="Break the event figures down per PLOVER type or per article.")
@click.option("--show", callback=_groups, metavar="misses,extras,dates",
              help="List every miss and/or extra with its sentence and evidence (pattern, trigger); dates: every "
                   "found dated gold event the system gives another date or none, and where its date came from.")
@click.option("--min", "floors", callback=_floors, metavar="FIGURE=VALUE,...",
              help=f"Exit with code 1 when a figure is under its floor. Figures: {', '.join(FIGURE_NAMES)}.")
@click.option("--draft", is_flag=True,
              help="Instead of scoring: write X.gold.json beside each article X.txt/X.html from the system's "
                   'output, marked "draft": true, for a person to correct.')
@model_option
def evaluate_command(paths: tuple[str, ...], fmt: str, by: str, show: list[str], floors: dict[str, float],
                     draft: bool) -> None:
    """Score events, quotes, people and noise removal against hand-made gold files.

    PATHS are directories, articles or gold files; each article X.txt or X.html needs its gold
    X.gold.json beside it (format and scoring rules: docs/evaluation.md). The pipeline runs once
    over all articles. Exit code 0; 1 when a --min floor is not met; 2 when a gold file cannot be
    used (missing, malformed, or still a draft).

    Examples:

        newsgraph evaluate tests/fixtures/gold --show misses,extras

        newsgraph evaluate ../shared/devset --format json --min event_f1=0.4,quote_f1=0.9

        newsgraph evaluate --draft new-article.txt
    """
    try:
        if draft:
            written, failures = write_drafts(paths)
            for failure in failures:
                click.echo(f"error: {failure}", err=True)
            for path in written:
                click.echo(f"wrote draft {path}: correct it, then delete its \"draft\": true line", err=True)
            return
        report = evaluate_paths(paths)
    except GoldError as err:
        raise GoldUnusable(str(err)) from None
    for failure in report.failures:
        click.echo(f"error: {failure}", err=True)
    click.echo(render(report, fmt=fmt, by=by, show=show))
    if failed := report.floors_not_met(floors):
        for name, why in failed.items():
            click.echo(f"floor not met: {name} {why}", err=True)
        raise SystemExit(FLOORS_NOT_MET)
