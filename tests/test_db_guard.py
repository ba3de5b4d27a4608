"""`--db` and `export -o` guard the files they are given: another application's database, a text file, a
directory or a missing directory is refused in one line and left as it was; read commands never create a
database; an export never writes over the database it reads."""
from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store import DatabaseOpenError, Store


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def foreign_db(tmp_path):
    path = tmp_path / "app.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    return path


@pytest.mark.parametrize("command", [["stats"], ["events"], ["ingest", "-q", "--workers", "1", "-"]])
def test_another_applications_database_is_refused_and_untouched(foreign_db, command):
    before = foreign_db.read_bytes()
    result = invoke(*command, "--db", str(foreign_db))
    assert result.exit_code == 1 and "not a newsgraph database" in result.output and "users" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert foreign_db.read_bytes() == before


@pytest.mark.parametrize("make, message", [
    (lambda p: (p.write_text("hello, not a database\n"), p)[1], "not a SQLite database"),
    (lambda p: p.mkdir() or p, "is a directory"),
    (lambda p: p / "missing-dir" / "x.db", "does not exist"),
])
def test_unusable_paths_give_one_line_not_a_traceback(tmp_path, make, message):
    path = make(tmp_path / "target")
    result = invoke("ingest", "-q", "--workers", "1", "--db", str(path), "-")
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("command", ["stats", "events", "quotes", "actors", "export"])
def test_read_commands_never_create_a_database(tmp_path, command):
    path = tmp_path / "typo.db"
    result = invoke(command, "--db", str(path))
    assert result.exit_code == 1 and "no database at" in result.output
    assert not path.exists()


def test_an_empty_file_becomes_a_database_for_writers_only(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(DatabaseOpenError, match="no newsgraph data"):
        Store.open(str(path), create=False)
    Store.open(str(path)).close()
    Store.open(str(path), create=False).close()


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_export_refuses_to_overwrite_the_database(tmp_path, suffix):
    db = tmp_path / "news.db"
    Store.open(str(db)).close()
    with sqlite3.connect(db) as conn:  # a WAL file exists while a connection is open
        conn.execute("PRAGMA journal_mode=WAL")
        target = db.with_name(db.name + suffix)
        if not target.exists():
            target.write_bytes(b"")
        size = db.stat().st_size
        result = invoke("export", "--db", str(db), "-o", str(target))
    assert result.exit_code == 2 and "database being exported" in result.output
    assert db.stat().st_size == size and size > 0
    Store.open(str(db), create=False).close()
