"""`newsgraph batch`: the extraction of `newsgraph extract`, run per partition on Spark or local processes.

Both engines call :func:`extract_partition` on groups of input files and write
the same Parquet layout (see :mod:`newsgraph.tables`): ``articles/``,
``actors/``, ``quotes/``, ``failures/`` and ``events/`` partitioned by
``month=YYYY-MM`` (``month=undated`` for events without a date). Spark runs it
inside ``mapInPandas``, so the model and knowledge base load once per executor
Python process; a retried task rewrites its own output only, through Spark's
commit protocol, so a lost executor never duplicates rows.
"""
from __future__ import annotations

import glob
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from .records import RawArticle, ReadFailure
from .tables import SCHEMAS, TABLES, article_rows, failure_row, rows_to_table

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json", ".csv", ".rss", ".atom", ".xml")
PARQUET_COLUMNS = ("text", "title", "published", "url", "id")


class BatchInputError(ValueError):
    """The batch input names no article files."""


@dataclass
class BatchSummary:
    articles: int
    failures: int
    output: str


def list_inputs(source: str) -> list[str]:
    """Article files under a directory or matching a glob, sorted (what `newsgraph extract DIR` would read)."""
    path = Path(source)
    if path.is_dir():
        found = [str(p) for p in sorted(path.rglob("*")) if p.is_file()]
    else:
        found = sorted(glob.glob(source, recursive=True)) or ([source] if path.is_file() else [])
    files = [f for f in found if f.endswith(ARTICLE_SUFFIXES + (".parquet",)) and not f.endswith(".gold.json")]
    if not files:
        raise BatchInputError(f"no article files (.txt, .html, .jsonl, .parquet, ...) found at {source!r}")
    return files


def raw_articles_of(origin: str, content: bytes, *, published: str | None) -> Iterator[RawArticle | ReadFailure]:
    """Parse one input file's bytes with the reader `newsgraph extract` would choose."""
    from .readers import read_bytes

    yield from read_bytes(content, origin=origin, published=published)


def parquet_articles(path: str) -> Iterator[RawArticle]:
    """Articles stored as Parquet rows with the JSONL corpus fields (text, title, published, url, id)."""
    table = pq.read_table(path)
    names = set(table.column_names)
    for i, row in enumerate(table.to_pylist()):
        yield RawArticle(
            origin=f"{path}:{i + 1}", text=row.get("text") or "", title=row.get("title") if "title" in names else None,
            published=str(row["published"])[:10] if row.get("published") else None,
            url=row.get("url"), source_id=str(row["id"]) if row.get("id") is not None else None, reader="parquet",
        )


def extract_partition(items: Iterable[tuple[str, bytes | None]], *, published: str | None = None
                      ) -> dict[str, list[dict[str, Any]]]:
    """Extract every article of some input files; the unit of work of both engines.

    `items` are (origin, content) pairs; content None means "read the Parquet file at origin".
    """
    from .pipeline import extract

    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    def failed(failure: ReadFailure) -> None:
        rows["failures"].append(failure_row(failure))

    def raws() -> Iterator[RawArticle]:
        for origin, content in items:
            found = parquet_articles(origin) if content is None else raw_articles_of(origin, content,
                                                                                     published=published)
            for item in found:
                if isinstance(item, ReadFailure):
                    failed(item)
                else:
                    yield item

    for article in extract(raws(), on_failure=failed):
        for name, table_rows in article_rows(article).items():
            rows[name].extend(table_rows)
    for head in rows["articles"]:
        head["position"] = _position_in_file(head)
    return rows


def _position_in_file(head: dict[str, Any]) -> int:
    """An article's index inside its input file, from the line number a multi-article reader puts in its origin."""
    _, _, tail = head["origin"].rpartition(":")
    return int(tail) if tail.isdigit() else 0


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
        files = [p for p in directory.rglob("*.parquet")] if directory.exists() else []
        if not files:
            tables[name] = []
            continue
        partitioning = "hive" if name == "events" else None
        data = pads.dataset([str(f) for f in files], format="parquet", partitioning=partitioning,
                            partition_base_dir=str(directory))
        tables[name] = data.to_table().to_pylist()
    return tables


def _local_task(args: tuple[list[str], str, str, str | None]) -> tuple[int, int]:
    files, output, part, published = args
    items = [(f, None if f.endswith(".parquet") else Path(f).read_bytes()) for f in files]
    rows = extract_partition(items, published=published)
    write_tables(rows, output, part)
    return len(rows["articles"]), len(rows["failures"])


def _fresh_output(output: str) -> None:
    if Path(output).exists():
        shutil.rmtree(output)
    Path(output).mkdir(parents=True)


def run_local(source: str, output: str, *, workers: int = os.cpu_count() or 1, partitions: int | None = None,
              published: str | None = None) -> BatchSummary:
    """The batch job with local processes only (same partition function and output as Spark)."""
    files = list_inputs(source)
    n_parts = max(1, min(len(files), partitions or workers * 4))
    groups = [files[i::n_parts] for i in range(n_parts)]
    _fresh_output(output)
    tasks = [(g, output, f"part-{i:05d}", published) for i, g in enumerate(groups)]
    if workers <= 1:
        counts = [_local_task(t) for t in tasks]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            counts = list(pool.map(_local_task, tasks))
    return BatchSummary(sum(c[0] for c in counts), sum(c[1] for c in counts), output)


def _spark_type(dtype: pa.DataType) -> str:
    if pa.types.is_list(dtype):
        return f"ARRAY<{_spark_type(dtype.value_type)}>"
    return {"string": "STRING", "int64": "BIGINT", "double": "DOUBLE"}[str(dtype)]


def spark_ddl(name: str) -> str:
    return ", ".join(f"`{f.name}` {_spark_type(f.type)}" for f in SCHEMAS[name])


def _spark_partition(batches: Iterator[Any], published: str | None) -> Iterator[Any]:
    """mapInPandas body: (path, content) rows in, (table, payload JSON) rows out."""
    import pandas as pd

    for batch in batches:
        items = [(_local_path(p), None if p.endswith(".parquet") else bytes(c))
                 for p, c in zip(batch["path"], batch["content"])]
        rows = extract_partition(items, published=published)
        out = [(name, json.dumps(row, ensure_ascii=False)) for name in TABLES for row in rows[name]]
        yield pd.DataFrame(out, columns=["table", "payload"])


def _local_path(uri: str) -> str:
    """Spark names local files file:/path; records keep the path as `newsgraph extract` would."""
    return uri.removeprefix("file:")


def run_spark(source: str, output: str, *, master: str | None = "local[2]", partitions: int | None = None,
              published: str | None = None) -> BatchSummary:
    """The batch job on Apache Spark (local[N], spark://HOST:PORT or yarn)."""
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    builder = SparkSession.builder.appName("newsgraph-batch")
    if master:
        builder = builder.master(master)
    spark = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", "8").getOrCreate()
    try:
        files = list_inputs(source)
        parquet = [f for f in files if f.endswith(".parquet")]
        binary = [f for f in files if not f.endswith(".parquet")]
        frames = []
        if binary:
            frames.append(spark.read.format("binaryFile").load(binary).select("path", "content"))
        if parquet:
            frames.append(spark.createDataFrame([(f, b"") for f in parquet], "path STRING, content BINARY"))
        inputs = frames[0] if len(frames) == 1 else frames[0].unionByName(frames[1])
        n_parts = partitions or max(1, min(len(files), spark.sparkContext.defaultParallelism * 4))
        staged = inputs.repartition(n_parts, "path").mapInPandas(
            lambda batches: _spark_partition(batches, published), "table STRING, payload STRING")
        staging = str(Path(output) / "staging")  # no leading "_": Spark skips such paths as hidden
        staged.write.mode("overwrite").partitionBy("table").parquet(staging)
        counts = {}
        for name in TABLES:
            frame = (spark.read.parquet(staging).where(F.col("table") == name)
                     .select(F.from_json("payload", spark_ddl(name)).alias("r")).select("r.*"))
            writer = frame.write.mode("overwrite")
            if name == "events":
                writer = writer.partitionBy("month")
            writer.parquet(str(Path(output) / name))
            if name in ("articles", "failures"):
                counts[name] = spark.read.parquet(str(Path(output) / name)).count()
        shutil.rmtree(staging, ignore_errors=True)
        return BatchSummary(counts["articles"], counts["failures"], output)
    finally:
        spark.stop()
