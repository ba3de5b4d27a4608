"""`newsgraph batch` and `newsgraph load`: extraction at scale into Parquet, and Parquet into the store."""
from __future__ import annotations

import time

import click

from . import main
from .options import published_option


@main.command("batch")
@click.argument("source")
@click.argument("output")
@click.option("--engine", type=click.Choice(["spark", "local"]), default="spark", show_default=True,
              help="spark: Apache Spark (pyspark); local: the same job with local processes only.")
@click.option("--master", default=None, metavar="URL",
              help="Spark master: local[N], spark://HOST:PORT or yarn (default: local[*], or what spark-submit set).")
@click.option("--partitions", type=click.IntRange(min=1), default=None, help="Number of partitions (tasks).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Local engine: processes (default: cores).")
@published_option
def batch_command(source: str, output: str, engine: str, master: str | None, partitions: int | None,
                  workers: int | None, published: str | None) -> None:
    """Extract a directory or glob of articles into Parquet tables.

    SOURCE holds .txt/.html/.jsonl/.csv/feed or Parquet articles (Parquet rows carry text,
    title, published, url, id). OUTPUT gets Parquet tables articles/, actors/, quotes/,
    failures/ and events/ partitioned by month.

    Example:

        newsgraph batch 'corpus/**/*.txt' out/ --engine spark --master 'local[2]'
    """
    from ..run.batch import BatchInputError, run_local, run_spark

    started = time.perf_counter()
    try:
        if engine == "spark":
            summary = run_spark(source, output, master=master, partitions=partitions, published=published)
        else:
            import os

            summary = run_local(source, output, workers=workers or os.cpu_count() or 1, partitions=partitions,
                                published=published)
    except BatchInputError as exc:
        raise click.ClickException(str(exc)) from None
    elapsed = time.perf_counter() - started
    click.echo(f"{summary.articles} articles, {summary.failures} failures in {elapsed:.1f}s "
               f"({summary.articles / elapsed:.1f} articles/s) -> {summary.output}")


@main.command("load")
@click.argument("parquet_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default=None, metavar="URL",
              help="Database URL or SQLite path (default: $NEWSGRAPH_DB or newsgraph.db).")
def load_command(parquet_dir: str, db: str | None) -> None:
    """Load a `newsgraph batch` output into the store, deduplicated as `ingest` does.

    Example:

        newsgraph load out/ --db newsgraph.db
    """
    from ..io.tables import articles_from_tables
    from ..records import ReadFailure
    from ..run.batch import read_tables
    from ..store import Store

    tables = read_tables(parquet_dir)
    with Store.open(db) as store:
        summary = store.add_articles(articles_from_tables(tables))
        store.record_failures(ReadFailure(origin=row["origin"], reason=row["reason"], line=row["line"])
                              for row in tables["failures"])
    summary.failed = len(tables["failures"])
    click.echo(summary.line())
