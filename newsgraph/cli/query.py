"""`newsgraph events|quotes|actors|stats`: query a database from the terminal."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from ..store import Store
from ..store.read import SQLITE_MAX_INT
from . import main
from .options import _iso_date, db_option
from .terminal import printable

# Columns shown by --format table and csv, per command: (key, header, width).
EVENT_COLUMNS = [("date", "date", 10), ("type", "type", 9), ("source", "source", 14), ("target", "target", 14),
                 ("mention_count", "mentions", 8), ("source_count", "sources", 7), ("id", "id", 16)]
QUOTE_COLUMNS = [("published", "published", 10), ("speaker_name", "speaker", 20), ("kind", "kind", 8),
                 ("text", "text", 70)]
ACTOR_COLUMNS = [("code", "code", 8), ("name", "name", 28), ("kind", "kind", 12), ("article_count", "articles", 8),
                 ("events_given", "given", 6), ("events_received", "received", 8), ("quote_count", "quotes", 6),
                 ("id", "id", 16)]


def format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
                        show_default=True, help="table: aligned columns; jsonl: full records; csv: the columns.")(func)


def page_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--offset", type=click.IntRange(0, SQLITE_MAX_INT), default=0,
                        help="Skip this many rows.")(func)
    return click.option("--limit", type=click.IntRange(1, SQLITE_MAX_INT), default=50, show_default=True,
                        help="Rows to show.")(
        func)


@main.command("events")
@db_option
@click.option("--actor", help="Code (TUR) or name of an actor on either side.")
@click.option("--source", help="Code or name of the actor that acts.")
@click.option("--target", help="Code or name of the actor acted on.")
@click.option("--type", "type_", metavar="TYPE", help="PLOVER event type (ASSAULT, CONSULT, ...).")
@click.option("--since", callback=_iso_date, metavar="DATE", help="Events on or after DATE (YYYY-MM-DD).")
@click.option("--until", callback=_iso_date, metavar="DATE", help="Events on or before DATE (YYYY-MM-DD).")
@format_option
@page_options
def events_command(db: str, actor: str | None, source: str | None, target: str | None, type_: str | None,
                   since: str | None, until: str | None, fmt: str, limit: int, offset: int) -> None:
    """List deduplicated events, newest first, with how many reports and outlets told each.

    Example:

        newsgraph events --actor TUR --type ACCUSE --since 2024-01-01 --db news.db
    """
    with Store.open(db, create=False) as store:
        rows = store.events(actor=actor, source=source, target=target, type=type_, since=since, until=until,
                            limit=limit, offset=offset)
    show(rows, EVENT_COLUMNS, fmt)


@main.command("quotes")
@db_option
@click.option("--speaker", help="Code or name of the speaker.")
@click.option("--search", metavar="WORDS", help="Only quotes containing every one of these words (full-text).")
@format_option
@page_options
def quotes_command(db: str, speaker: str | None, search: str | None, fmt: str, limit: int, offset: int) -> None:
    """List quotes with their speakers, newest (or, with --search, best matching) first.

    Example:

        newsgraph quotes --speaker Erdogan --search "airspace violation" --db news.db
    """
    with Store.open(db, create=False) as store:
        rows = store.quotes(speaker=speaker, search=search, limit=limit, offset=offset)
    show(rows, QUOTE_COLUMNS, fmt)


@main.command("actors")
@db_option
@click.option("--search", help="Code or part of a name.")
@click.option("--kind", type=click.Choice(["person", "state", "organisation", "group"]), help="Only this kind.")
@format_option
@page_options
def actors_command(db: str, search: str | None, kind: str | None, fmt: str, limit: int, offset: int) -> None:
    """List canonical actors, most reported first, with their event and quote counts.

    Example:

        newsgraph actors --kind state --limit 20 --db news.db
    """
    with Store.open(db, create=False) as store:
        rows = store.actors(search=search, kind=kind, limit=limit, offset=offset)
    show(rows, ACTOR_COLUMNS, fmt)


@main.command("stats")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats_command(db: str, fmt: str) -> None:
    """Show what a database holds: counts, events by type and quad class, date ranges.

    Example:

        newsgraph stats --db news.db
    """
    with Store.open(db, create=False) as store:
        stats = store.stats()
    if fmt == "json":
        click.echo(json.dumps(stats, indent=2))
        return
    for key, value in stats.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for name, count in value.items():
                click.echo(f"  {name:24s} {count}")
        else:
            click.echo(f"{key:26s} {value}")


def show(rows: list[dict[str, Any]], columns: list[tuple[str, str, int]], fmt: str) -> None:
    """Print rows as JSON lines, CSV, or an aligned table."""
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([key for key, _, _ in columns])
        writer.writerows([cell(row.get(key)) for key, _, _ in columns] for row in rows)
        return
    click.echo("  ".join(header.ljust(width) for _, header, width in columns).rstrip())
    for row in rows:
        click.echo("  ".join(fit(cell(row.get(key)), width) for key, _, width in columns).rstrip())
    if not rows:
        click.echo("(nothing found)", err=True)


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "+".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return printable(" ".join(str(value).split()))


def fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[:width - 1] + "…"
