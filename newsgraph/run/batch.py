"""`newsgraph batch`: the extraction of `newsgraph extract`, run per partition on Spark or local processes.

Both engines turn each article into the same rows (:func:`rows_in_file`) and write
the same Parquet layout (see :mod:`newsgraph.io.tables`): ``articles/``,
``actors/``, ``quotes/``, ``failures/`` and ``events/`` partitioned by
``month=YYYY-MM`` (``month=undated`` for events without a date). Spark runs
:func:`extract_partition` inside ``mapInPandas``; the local engine streams the articles through the
worker pool of ``ingest`` (:mod:`newsgraph.run.parallel`). On Spark the driver loads the resources
(knowledge base, lexicons, the user's files) and broadcasts them, so they are pickled once and
unpickled once per executor Python process, and the model loads once there too (local workers load
both once per process); a retried task rewrites its own output only, through Spark's commit protocol,
so a lost executor never duplicates rows.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..extras import needs_extra
from ..sources.paths import NOT_ARTICLE_NAME, expand_path

with needs_extra("parquet", "newsgraph batch"):
    import pyarrow as pa
    import pyarrow.dataset as pads
    import pyarrow.parquet as pq

from ..io.tables import SCHEMAS, TABLES, article_rows, failure_row, rows_to_table
from ..records import Article, RawArticle, ReadFailure
from ..resources import Resources
from .parallel import ARTICLE_TIME_LIMIT, Extracted, extract_parallel

PARQUET_COLUMNS = ("text", "title", "published", "url", "id")


class BatchInputError(ValueError):
    """The batch input names no article files."""


@dataclass
class BatchSummary:
    articles: int
    failures: int
    output: str


def list_inputs(source: str) -> list[str]:
    """Article files under a directory or matching a glob, sorted: what `newsgraph extract` would read,
    and Parquet files of articles besides."""
    from ..sources.readers import has_reader

    files = [path for path, failure in expand_path(source, wanted=lambda name: is_parquet(name) or has_reader(name))
             if failure is None]
    if not files:
        raise BatchInputError(f"no article files (.txt, .html, .jsonl, .parquet, ...) found at {source!r}")
    return files


def is_parquet(name: str) -> bool:
    return name.lower().endswith(".parquet")


def raw_articles_of(origin: str, content: bytes, *, published: str | None) -> Iterator[RawArticle | ReadFailure]:
    """Parse one input file's bytes with the reader `newsgraph extract` would choose."""
    from ..sources.readers import read_bytes

    yield from read_bytes(content, origin=origin, published=published)


def parquet_articles(path: str, content: bytes) -> Iterator[RawArticle]:
    """Articles stored as Parquet rows with the JSONL corpus fields (text, title, published, url, id)."""
    table = pq.read_table(pa.BufferReader(content))
    names = set(table.column_names)
    for i, row in enumerate(table.to_pylist()):
        yield RawArticle(
            origin=f"{path}:{i + 1}", text=row.get("text") or "", title=row.get("title") if "title" in names else None,
            published=str(row["published"])[:10] if row.get("published") else None,
            url=row.get("url"), source_id=str(row["id"]) if row.get("id") is not None else None, reader="parquet",
        )


def extract_partition(items: Iterable[tuple[str, bytes]], *, published: str | None = None,
                      resources: Resources | None = None, isolated: bool = False,
                      time_limit: float = ARTICLE_TIME_LIMIT) -> dict[str, list[dict[str, Any]]]:
    """Extract every article of some input files, given as (origin, content) pairs: Spark's unit of work.
    `isolated` extracts them in a worker process, so one that crashes it or overruns `time_limit` is a row
    of ``failures`` rather than the end of the task."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    def raws() -> Iterator[RawArticle]:
        for origin, content in items:
            found = (parquet_articles(origin, content) if is_parquet(origin)
                     else raw_articles_of(origin, content, published=published))
            for item in found:
                if isinstance(item, ReadFailure):
                    rows["failures"].append(failure_row(item))
                else:
                    yield item

    for outcome in extract_parallel(raws(), prepare=rows_in_file, resources=resources, isolated=isolated,
                                    time_limit=time_limit):
        _add_outcome(rows, outcome)
    return rows


def _add_outcome(rows: dict[str, list[dict[str, Any]]], outcome: Extracted) -> None:
    if outcome.failure is not None:
        rows["failures"].append(failure_row(outcome.failure))
    else:
        for name, table_rows in outcome.prepared.items():
            rows[name].extend(table_rows)


def rows_in_file(article: Article, raw: RawArticle | None = None) -> dict[str, list[dict[str, Any]]]:
    """An article's table rows, positioned by the line number a multi-article reader puts in its origin
    (`raw` is unused: the signature is that of a worker pool's `prepare`)."""
    _, _, tail = article.origin.rpartition(":")
    return article_rows(article, int(tail) if tail.isdigit() else 0)


def write_tables(rows: dict[str, list[dict[str, Any]]], output: str, part: str) -> None:
    """Write one partition's rows as Parquet files named after `part` (events split by month)."""
    for name in TABLES:
        table = rows_to_table(name, rows[name])
        directory = Path(output) / name
        directory.mkdir(parents=True, exist_ok=True)
        if name == "events":
            pads.write_dataset(table, directory, format="parquet", partitioning=["month"], partitioning_flavor="hive",
                               basename_template=f"{part}-{{i}}.parquet", existing_data_behavior="overwrite_or_ignore")
        elif table.num_rows:
            pq.write_table(table, directory / f"{part}.parquet")


def read_tables(output: str) -> dict[str, list[dict[str, Any]]]:
    """Every table of a batch output as rows (the month partition column included for events)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for name in TABLES:
        directory = Path(output) / name
        files = list(directory.rglob("*.parquet")) if directory.exists() else []
        if not files:
            tables[name] = []
            continue
        partitioning = "hive" if name == "events" else None
        data = pads.dataset([str(f) for f in files], format="parquet", partitioning=partitioning,
                            partition_base_dir=str(directory))
        tables[name] = data.to_table().to_pylist()
    return tables


def _fresh_output(output: str) -> None:
    if Path(output).exists():
        shutil.rmtree(output)
    Path(output).mkdir(parents=True)


def run_local(source: str, output: str, *, workers: int = os.cpu_count() or 1, partitions: int | None = None,
              published: str | None = None, time_limit: float = ARTICLE_TIME_LIMIT) -> BatchSummary:
    """The batch job with local processes only (same rows and output layout as Spark).

    The files are split into `partitions` runs of consecutive files, each written as one part; their articles
    go through the worker pool `ingest` uses, so a worker that crashes or overruns `time_limit` costs exactly
    the article it was extracting, which is written to ``failures/`` with the reason.
    """
    files = list_inputs(source)
    n_parts = max(1, min(len(files), partitions or workers * 4))
    groups = [files[len(files) * i // n_parts: len(files) * (i + 1) // n_parts] for i in range(n_parts)]
    _fresh_output(output)
    parts: dict[int, dict[str, list[dict[str, Any]]]] = {}
    part_of_article: deque[int] = deque()  # the part of each article in flight, in input order

    def raws() -> Iterator[RawArticle]:
        for part, group in enumerate(groups):
            parts[part] = {name: [] for name in TABLES}
            for path in group:
                for item in _read_input_file(path, published):
                    if isinstance(item, ReadFailure):
                        parts[part]["failures"].append(failure_row(item))
                    else:
                        part_of_article.append(part)
                        yield item

    counts = [0, 0]
    written = 0

    def write_parts_before(part: int) -> None:
        nonlocal written
        while written < part:
            rows = parts.pop(written)
            write_tables(rows, output, f"part-{written:05d}")
            counts[0] += len(rows["articles"])
            counts[1] += len(rows["failures"])
            written += 1

    for outcome in extract_parallel(raws(), workers=workers, prepare=rows_in_file, time_limit=time_limit):
        part = part_of_article.popleft()
        write_parts_before(part)
        _add_outcome(parts[part], outcome)
    write_parts_before(n_parts)
    return BatchSummary(counts[0], counts[1], output)


def _read_input_file(path: str, published: str | None) -> Iterator[RawArticle | ReadFailure]:
    from ..sources.readers import read_file

    if is_parquet(path):
        yield from parquet_articles(path, Path(path).read_bytes())
    else:
        yield from read_file(path, published=published)


def _spark_type(dtype: pa.DataType) -> str:
    if pa.types.is_list(dtype):
        return f"ARRAY<{_spark_type(dtype.value_type)}>"
    return {"string": "STRING", "int64": "BIGINT", "double": "DOUBLE"}[str(dtype)]


def spark_ddl(name: str) -> str:
    return ", ".join(f"`{f.name}` {_spark_type(f.type)}" for f in SCHEMAS[name])


def _spark_partition(batches: Iterator[Any], published: str | None, resources: Resources) -> Iterator[Any]:
    """mapInPandas body: input files in (a path, and its bytes unless the executor reads a shared disk),
    (table, payload JSON) rows out."""
    import pandas as pd

    from ..pipeline import pipeline_for

    pipeline_for(resources)  # loaded once in this Python worker; the extraction processes forked from it share it
    for batch in batches:
        paths = [_local_path(p) for p in batch["path"]]
        contents = batch["content"] if "content" in batch else [Path(p).read_bytes() for p in paths]
        rows = extract_partition(zip(paths, (bytes(c) for c in contents), strict=True),
                                 published=published, resources=resources, isolated=True)
        out = [(name, json.dumps(row, ensure_ascii=False)) for name in TABLES for row in rows[name]]
        yield pd.DataFrame(out, columns=["table", "payload"])


def _local_path(uri: str) -> str:
    """Spark names local files file:/path; records keep the path as `newsgraph extract` would."""
    return uri.removeprefix("file:")


def _is_remote(source: str) -> bool:
    """hdfs://, s3a://, ... : listed and read by Spark itself rather than by the driver's file system."""
    scheme, sep, _ = source.partition("://")
    return bool(sep) and scheme != "file"


def _spark_inputs(spark: Any, source: str, partitions: int | None) -> Any:
    """A DataFrame of input files spread over `partitions` tasks without a shuffle.

    Local paths are listed by the driver (as `newsgraph extract` lists them) and read by the executors,
    which share the disk; remote ones are listed and read by Spark's binaryFile source.
    """
    from pyspark.sql import functions as F

    parallelism = spark.sparkContext.defaultParallelism
    if not _is_remote(source):
        files = list_inputs(source)
        n_parts = partitions or max(1, min(len(files), parallelism * 4))
        return spark.sparkContext.parallelize([(f,) for f in files], n_parts).toDF("path STRING")
    from ..sources.readers import READERS

    suffixes = {ext for reader in READERS.values() for ext in reader.extensions} | {".parquet"}
    pattern = "|".join(re.escape(s) for s in sorted(suffixes))
    name = F.regexp_extract("path", r"([^/]*)$", 1)  # the same names the local walker takes (sources/paths.py)
    found = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(source)
             .where(F.lower(name).rlike(rf"({pattern})$") & ~name.rlike(NOT_ARTICLE_NAME.pattern))
             .select("path", "content"))
    return found.repartition(partitions) if partitions else found


def run_spark(source: str, output: str, *, master: str | None = "local[2]", partitions: int | None = None,
              published: str | None = None) -> BatchSummary:
    """The batch job on Apache Spark (local[N], spark://HOST:PORT or yarn)."""
    with needs_extra("spark", "newsgraph batch --engine spark"):
        import pandas  # noqa: F401  (mapInPandas needs it; pyspark's own message would not name the extra)
        from pyspark.sql import SparkSession
        from pyspark.sql import functions as F

    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = "local[*]"  # not launched by spark-submit, which would have set the master
    if master and master.startswith("local"):
        # Local executors are child processes of this one: give them this interpreter and its packages.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("newsgraph-batch")
    if master:
        builder = builder.master(master)
    spark = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", "16").getOrCreate()
    try:
        resources = spark.sparkContext.broadcast(Resources.load())
        staged = _spark_inputs(spark, source, partitions).mapInPandas(
            lambda batches: _spark_partition(batches, published, resources.value), "table STRING, payload STRING")
        staging = f"{output.rstrip('/')}/staging"  # no leading "_": Spark skips such paths as hidden
        staged.write.mode("overwrite").partitionBy("table").parquet(staging)
        counts = {}
        for name in TABLES:
            frame = (spark.read.parquet(staging).where(F.col("table") == name)
                     .select(F.from_json("payload", spark_ddl(name)).alias("r")).select("r.*"))
            writer = frame.write.mode("overwrite")
            if name == "events":
                writer = writer.partitionBy("month")
            writer.parquet(f"{output.rstrip('/')}/{name}")
            if name in ("articles", "failures"):
                counts[name] = spark.read.parquet(f"{output.rstrip('/')}/{name}").count()
        _remove(spark, staging)
        return BatchSummary(counts["articles"], counts["failures"], output)
    finally:
        spark.stop()


def _remove(spark: Any, path: str) -> None:
    """Delete a directory through Hadoop's file system API, so remote outputs are cleaned up too."""
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(hadoop_path, True)
