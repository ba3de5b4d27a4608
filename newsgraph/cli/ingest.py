"""`newsgraph ingest`: read sources, extract, and store them in a database."""
from __future__ import annotations

import os

import click

from ..run.ingest import STORE_CHUNK, IngestOptions, ingest, reprocess, watch
from ..sources.fetch import FetchHistory, FetchPolicy
from ..sources.readers import READERS
from ..store import IngestSummary, Store
from . import main
from .options import db_option, model_option, published_option
from .terminal import printable

MAX_FAILURES_LISTED = 50


@main.command("ingest")
@click.argument("sources", nargs=-1)
@db_option
@click.option("--reprocess", "redo", is_flag=True,
              help="Also re-extract stored articles that an older pipeline version extracted.")
@click.option("--watch", "every", type=click.FloatRange(min=0.1), default=None, metavar="MINUTES",
              help="Keep running: ingest the sources again every MINUTES (feeds: only new entries are fetched "
                   "and stored; an unchanged feed costs one conditional request).")
@click.option("--allow-private", is_flag=True,
              help="Allow URLs on private, loopback and link-local addresses (refused by default).")
@click.option("--workers", type=click.IntRange(1, 256), default=lambda: os.cpu_count() or 1,
              show_default="number of cores", help="Extraction processes.")
@click.option("--format-in", type=click.Choice(sorted(READERS)), default=None,
              help="Reader to use instead of choosing by file extension or content.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds allowed for fetching one URL in all: connecting, redirects and the body.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=10_000_000, show_default=True,
              help="Largest body fetched from a URL.")
@click.option("--follow-links/--no-follow-links", default=None, show_default="on for feed URLs, off for feed files",
              help="Fetch each feed entry's link and store the article page's text instead of the entry's summary "
                   "(robots.txt obeyed; the summary is kept, with a warning, when the page cannot be had).")
@click.option("--host-delay", type=click.FloatRange(min=0), default=1.0, show_default=True, metavar="SECONDS",
              help="Pause between requests to the same host.")
@click.option("--commit-every", type=click.IntRange(min=1), default=STORE_CHUNK, show_default=True, metavar="N",
              help="Articles stored per transaction (a crash loses at most this many, redone by the next run).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@published_option
@model_option
def ingest_command(sources: tuple[str, ...], db: str, redo: bool, every: float | None, allow_private: bool,
                   workers: int, format_in: str | None, timeout: float, max_bytes: int, follow_links: bool | None,
                   host_delay: float, commit_every: int, quiet: bool, published: str | None) -> None:
    """Extract articles and store them: SOURCES are files, directories, globs, - (stdin) and feed or page URLs.

    An article already stored (same content) is skipped and counted as a duplicate.
    Inputs that fail are recorded in the database's failures table and listed at the
    end; the exit code is 1 if any input failed.

    The entries of a feed URL are followed to their article pages, whose text is
    stored instead of the entry's summary (robots.txt is obeyed, and requests to one
    host are --host-delay seconds apart); --no-follow-links stores the summaries.

    Examples:

        newsgraph ingest corpus/ --db news.db

        newsgraph ingest https://example.org/world.rss --watch 30 --db postgresql://me@localhost/news
    """
    if not sources and not redo:
        raise click.UsageError("name at least one SOURCE (or pass --reprocess)")
    options = IngestOptions(workers=workers, format_in=format_in, published=published, progress=not quiet,
                            store_chunk=commit_every, follow_links=follow_links, host_delay=host_delay,
                            fetch=FetchPolicy(allow_private=allow_private, timeout=timeout, max_bytes=max_bytes))
    history = FetchHistory()  # what earlier rounds of --watch fetched: each round fetches only what is new
    with Store.open(db) as store:

        def run() -> IngestSummary:
            summary = ingest(sources, store, options=options, history=history) if sources else IngestSummary()
            if redo:
                summary.add(reprocess(store, options=options))
            return summary

        if every is None:
            summary = run()
            report(summary)
            raise SystemExit(0 if summary.ok else 1)
        try:
            watch(run, minutes=every, report=report)
        except KeyboardInterrupt:
            click.echo("newsgraph: stopped watching", err=True)


def report(summary: IngestSummary) -> None:
    """The end summary and every failure, on stderr."""
    for where, reason in summary.failures[:MAX_FAILURES_LISTED]:
        click.echo(f"failed: {printable(where)}: {printable(reason)}", err=True)
    if len(summary.failures) > MAX_FAILURES_LISTED:
        click.echo(f"... and {len(summary.failures) - MAX_FAILURES_LISTED} more (all are in the failures table)",
                   err=True)
    click.echo(f"newsgraph: {summary.line()}", err=True)
