"""`newsgraph export`: write a database's events, quotes, actors or articles to a file."""
from __future__ import annotations

import sys
from contextlib import AbstractContextManager, nullcontext
from typing import IO, Any

import click

from ..io.export import EXPORTERS, TABLES, ExportError, check_output_path, export, is_binary
from ..store import Store
from . import main
from .options import _iso_date, db_option


@main.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORTERS)), default="jsonl", show_default=True,
              help="jsonl: full records; csv/parquet: flat columns; plover: events as PLOVER JSON records.")
@click.option("--table", type=click.Choice(TABLES), default="events", show_default=True, help="What to export.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="File to write (default: standard output; parquet needs a file).")
@click.option("--actor", help="Events: code or name of an actor on either side.")
@click.option("--type", "type_", metavar="TYPE", help="Events: PLOVER event type.")
@click.option("--since", callback=_iso_date, metavar="DATE", help="Events on or after DATE.")
@click.option("--until", callback=_iso_date, metavar="DATE", help="Events on or before DATE.")
def export_command(db: str, fmt: str, table: str, output: str | None, actor: str | None, type_: str | None,
                   since: str | None, until: str | None) -> None:
    """Export a database: events (deduplicated, with every report), quotes, actors or articles.

    Examples:

        newsgraph export --format plover --since 2024-01-01 -o events.jsonl --db news.db

        newsgraph export --format parquet --table quotes -o quotes.parquet --db news.db
    """
    filters = {k: v for k, v in (("actor", actor), ("type", type_), ("since", since), ("until", until)) if v}
    if output is None and is_binary(fmt):
        raise click.UsageError(f"--format {fmt} writes a binary file: give it with --output FILE")
    with Store.open(db, create=False) as store:
        try:
            if output is not None:
                check_output_path(store, output)
            with _open_output(output, binary=is_binary(fmt)) as out:
                written = export(store, fmt, out, table=table, **filters)
        except ExportError as exc:
            raise click.UsageError(str(exc)) from exc
    click.echo(f"newsgraph: exported {written} {table}" + (f" to {output}" if output else ""), err=True)


def _open_output(path: str | None, *, binary: bool) -> AbstractContextManager[IO[Any]]:
    if path is None:
        return nullcontext(sys.stdout)  # left open: it is not ours to close
    return open(path, "wb") if binary else open(path, "w", encoding="utf-8", newline="")
