"""`newsgraph batch`: Spark and local engines write exactly what `newsgraph extract` prints."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

from newsgraph.io.tables import articles_from_tables
from newsgraph.pipeline import extract
from newsgraph.records import ReadFailure
from newsgraph.run.batch import BatchInputError, list_inputs, read_tables, rows_in_file, run_local
from newsgraph.sources.readers import read_inputs

BATCH = FIXTURES / "batch"


def extract_records(source: Path) -> tuple[dict[str, dict], list[ReadFailure]]:
    failures: list[ReadFailure] = []
    raws = []
    for item in read_inputs([str(source)]):
        (failures if isinstance(item, ReadFailure) else raws).append(item)
    return {a.origin: a.to_dict() for a in extract(raws, on_failure=failures.append)}, failures


@pytest.fixture(scope="module")
def expected(nlp):
    return extract_records(BATCH)


def batch_records(output: Path) -> tuple[dict[str, dict], list[dict]]:
    tables = read_tables(str(output))
    return {a.origin: a.to_dict() for a in articles_from_tables(tables)}, tables["failures"]


def assert_same_as_extract(output: Path, expected) -> None:
    records, failures = batch_records(output)
    want_records, want_failures = expected
    assert len(records) == len(want_records) >= 20
    assert records == want_records
    assert sorted(f["origin"] for f in failures) == sorted(f.origin for f in want_failures)
    assert len(failures) == 2  # the malformed date line and the truncated JSONL record, each alone


def test_local_engine_matches_extract(tmp_path, expected):
    summary = run_local(str(BATCH), str(tmp_path / "out"), workers=2)
    assert summary.failures == 2
    assert_same_as_extract(tmp_path / "out", expected)
    months = {p.name for p in (tmp_path / "out" / "events").iterdir()}
    assert all(m.startswith("month=") for m in months) and len(months) > 1


def test_load_stores_what_ingest_stores(tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main
    from newsgraph.store import Store

    run_local(str(BATCH), str(tmp_path / "out"), workers=1)
    runner = CliRunner()
    loaded = runner.invoke(main, ["load", str(tmp_path / "out"), "--db", str(tmp_path / "loaded.db")])
    assert loaded.exit_code == 0, loaded.output
    assert "new 23, duplicate 0, failed 2" in loaded.output
    again = runner.invoke(main, ["load", str(tmp_path / "out"), "--db", str(tmp_path / "loaded.db")])
    assert "new 0, duplicate 23" in again.output
    runner.invoke(main, ["ingest", str(BATCH), "--db", str(tmp_path / "ingested.db"), "--workers", "1"])
    with Store.open(str(tmp_path / "loaded.db")) as a, Store.open(str(tmp_path / "ingested.db")) as b:
        assert a.events(limit=None) == b.events(limit=None)
        assert len(a.articles(limit=None)) == len(b.articles(limit=None)) == 23


def rows_or_crash(article, raw=None):
    """The test hook: the worker extracting the marked file is killed, as the out-of-memory killer would."""
    if article.origin.endswith("doomed.txt"):
        os.kill(os.getpid(), signal.SIGKILL)
    return rows_in_file(article)


def test_local_engine_a_killed_worker_costs_exactly_its_article(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(7):
        name = "doomed.txt" if n == 4 else f"story-{n}.txt"
        (corpus / name).write_text(f"date 2024-05-0{n + 1}\nChile and Peru signed a fisheries accord in Lima on "
                                   f"Monday after {n + 2} rounds of talks.\n")
    monkeypatch.setattr("newsgraph.run.batch.rows_in_file", rows_or_crash)
    summary = run_local(str(corpus), str(tmp_path / "out"), workers=2, partitions=3)
    assert (summary.articles, summary.failures) == (6, 1)
    records, failures = batch_records(tmp_path / "out")
    assert sorted(Path(origin).name for origin in records) == [f"story-{n}.txt" for n in (0, 1, 2, 3, 5, 6)]
    assert [Path(f["origin"]).name for f in failures] == ["doomed.txt"]
    assert "killed by SIGKILL" in failures[0]["reason"]


def test_spark_partition_a_crash_is_a_failure_row_not_a_lost_task(tmp_path, monkeypatch):
    """The mapInPandas body as an executor runs it: the extraction process dies on one article, and the
    partition still yields every other article and a failure row naming the one."""
    pd = pytest.importorskip("pandas")
    from newsgraph.resources import Resources
    from newsgraph.run.batch import _spark_partition

    names = ["story-1.txt", "doomed.txt", "story-2.txt"]
    contents = [f"date 2024-05-0{n}\nChile and Peru signed a fisheries accord in Lima on Monday after {n} rounds "
                f"of talks.\n".encode() for n in range(1, 4)]
    batch = pd.DataFrame({"path": [f"file:{tmp_path / name}" for name in names], "content": contents})
    monkeypatch.setattr("newsgraph.run.batch.rows_in_file", rows_or_crash)
    [out] = list(_spark_partition(iter([batch]), None, Resources.load()))
    rows = {table: [json.loads(p) for p in out[out.table == table].payload] for table in set(out.table)}
    assert sorted(Path(a["origin"]).name for a in rows["articles"]) == ["story-1.txt", "story-2.txt"]
    [failure] = rows["failures"]
    assert Path(failure["origin"]).name == "doomed.txt" and "killed by SIGKILL" in failure["reason"]


def test_input_without_articles_is_an_error(tmp_path):
    with pytest.raises(BatchInputError):
        list_inputs(str(tmp_path))


pyspark = pytest.importorskip("pyspark")


@pytest.mark.spark
@pytest.mark.skipif(shutil.which("java") is None and not os.environ.get("JAVA_HOME"), reason="needs a JDK")
def test_spark_local2_matches_extract(tmp_path, expected, monkeypatch):
    from newsgraph.run.batch import run_spark

    monkeypatch.delenv("PYSPARK_PYTHON", raising=False)  # local executors must get this interpreter by default
    summary = run_spark(str(BATCH), str(tmp_path / "out"), master="local[2]", partitions=3)
    assert summary.failures == 2
    assert_same_as_extract(tmp_path / "out", expected)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def standalone_cluster(tmp_path):
    """A Spark standalone master and one 2-core worker on loopback: the executors run apart from the driver."""
    import subprocess
    import time

    spark_class = str(Path(pyspark.__file__).parent / "bin" / "spark-class")
    port = free_port()
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", SPARK_WORKER_DIR=str(tmp_path / "work"))
    master = subprocess.Popen([spark_class, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                               "--port", str(port), "--webui-port", str(free_port())], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"spark://127.0.0.1:{port}"
    worker = subprocess.Popen([spark_class, "org.apache.spark.deploy.worker.Worker", url, "--cores", "2",
                               "--memory", "3g", "--webui-port", str(free_port()), "--host", "127.0.0.1"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)
    try:
        yield url
    finally:
        for proc in (worker, master):
            proc.terminate()
            proc.wait(timeout=60)


@pytest.mark.spark
@pytest.mark.skipif(shutil.which("java") is None and not os.environ.get("JAVA_HOME"), reason="needs a JDK")
def test_spark_submit_with_packed_env(tmp_path, expected, standalone_cluster):
    """The cluster recipe of docs/spark.md: spark-submit to a standalone cluster, with the packed
    environment shipped by --archives as the executors' only Python packages."""
    import subprocess

    from conftest import REPO

    subprocess.run(["make", "-s", "spark-env"], cwd=REPO, check=True, timeout=1200)
    archive = REPO / "build" / "newsgraph-spark-env.tar.gz"
    spark_submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    env = dict(os.environ, PYSPARK_DRIVER_PYTHON=sys.executable, PYSPARK_PYTHON="./environment/bin/python",
               SPARK_LOCAL_IP="127.0.0.1")
    out = tmp_path / "out"
    subprocess.run(
        [str(spark_submit), "--master", standalone_cluster, "--archives", f"{archive}#environment",
         "--conf", "spark.executor.memory=2g",
         str(REPO / "newsgraph" / "run" / "spark_submit.py"), "batch", str(BATCH), str(out), "--partitions", "2"],
        cwd=tmp_path, env=env, check=True, timeout=900,
    )
    assert_same_as_extract(out, expected)
