"""`newsgraph extract`: print one record per article."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from ..records import Article, RawArticle, ReadFailure
from ..run.parallel import extract_parallel
from ..sources.readers import READERS, read_inputs
from . import main
from .options import model_option, published_option
from .terminal import printable


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True,
              help="jsonl: one JSON record per line; json: one JSON array; table: a human summary.")
@click.option("--format-in", type=click.Choice(sorted(READERS)), default=None,
              help="Reader to use instead of choosing by file extension.")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Extraction processes; with 2 or more, an article that crashes its process or runs past "
                   "the time limit fails alone.")
@published_option
@model_option
def extract_command(paths: tuple[str, ...], fmt: str, format_in: str | None, published: str | None,
                    workers: int) -> None:
    """Extract actors, events and quotes from articles.

    PATHS are files (.txt, .html, .jsonl, ...), directories, or - for standard input.
    Records are printed in input order as each batch finishes; an input that cannot be
    read or extracted is reported on stderr, and then the exit status is 1.

    Example:

        newsgraph extract --format jsonl samples/*.txt
    """
    good, failed = 0, 0

    def fail(failure: ReadFailure) -> None:
        nonlocal failed
        failed += 1
        click.echo(f"error: {printable(failure.message())}", err=True)

    def articles() -> Iterator[RawArticle]:
        for item in read_inputs(paths, format_in=format_in, published=published):
            if isinstance(item, ReadFailure):
                fail(item)
                continue
            for warning in item.warnings:
                click.echo(f"warning: {printable(item.origin)}: {printable(warning)}", err=True)
            yield item

    records: list[dict] = []
    for outcome in extract_parallel(articles(), workers=workers):
        if outcome.failure is not None:
            fail(outcome.failure)
            continue
        article = outcome.article
        assert article is not None, "an outcome without a failure carries its record"
        good += 1
        if fmt == "jsonl":
            sys.stdout.write(article.to_json() + "\n")
            sys.stdout.flush()
        elif fmt == "json":
            records.append(article.to_dict())
        else:
            click.echo(format_table(article))
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    if failed:
        click.echo(f"{failed} of {good + failed} inputs failed", err=True)
        raise SystemExit(1)
    if good == 0:
        raise SystemExit(2)


def format_table(article: Article) -> str:
    """A readable summary of one record for the terminal."""
    lines = [f"== {article.origin}  ({article.published or 'no date'})  {article.title or ''}".rstrip()]
    names = {a.id: a for a in article.actors}
    lines.append("actors:")
    for a in article.actors:
        lines.append(f"  {a.id:6s} {a.code or '-':8s} {a.kind:12s} {a.name}" + (f"  [{a.role}]" if a.role else ""))
    lines.append("events:")
    for e in article.events:
        src = ",".join(names[s].code or names[s].name for s in e.source if s in names)
        tgt = ",".join(names[t].code or names[t].name for t in e.target if t in names)
        quals = f" ({','.join(e.qualifiers)})" if e.qualifiers else ""
        mode = "/" + e.mode if e.mode else ""
        lines.append(f"  {e.date or '?':10s} {src} {e.type}{mode} {tgt}{quals}  «{e.trigger}»")
    lines.append("quotes:")
    for q in article.quotes:
        lines.append(f"  [{q.kind}] {q.speaker_name or '?'}: {q.text[:90]}")
    return printable("\n".join(lines))


