"""Database URLs and engines: SQLite files in WAL mode, PostgreSQL through psycopg 3."""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..extras import needs_extra

DEFAULT_DB = "newsgraph.db"
DB_ENV = "NEWSGRAPH_DB"


class DatabaseURLError(ValueError):
    """The database URL names no backend newsgraph supports."""


class DatabaseOpenError(DatabaseURLError):
    """The database named cannot be used: it is missing (for a reader), in a missing directory,
    not a SQLite file, or another application's; the message says which and what to do."""


SQLITE_HEADER = b"SQLite format 3\x00"


def check_sqlite_file(path: str, *, create: bool) -> None:
    """Refuse a SQLite path that cannot become or be a database, before SQLite touches it: a directory,
    a file that is not SQLite, a missing file when ``create`` is false, a missing parent directory."""
    file = Path(path)
    if file.is_dir():
        raise DatabaseOpenError(f"--db {path} is a directory; name a database file inside it")
    if not file.exists():
        if not create:
            raise DatabaseOpenError(f"no database at {path}; check the path, or create one with "
                                    f"`newsgraph ingest SOURCES --db {path}`")
        if not file.parent.is_dir():
            raise DatabaseOpenError(f"cannot create the database {path}: the directory {file.parent} does not exist")
        return
    try:
        with file.open("rb") as stream:
            header = stream.read(len(SQLITE_HEADER))
    except OSError as err:
        raise DatabaseOpenError(f"cannot read the database {path}: {err.strerror or err}") from None
    if header and header != SQLITE_HEADER:
        raise DatabaseOpenError(f"{path} is not a SQLite database (it does not start with the SQLite header); "
                                "give the path of a newsgraph database, or a new file name")
    if header:
        check_not_foreign(path, *sqlite_tables(file))


def sqlite_tables(file: Path) -> tuple[set[str], set[str]]:
    """(table names, columns of a ``migrations`` table) of a SQLite file, read without writing: the engine's
    own connections would switch the file to WAL mode before anything could be checked."""
    try:
        with closing(sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            columns = {row[1] for row in conn.execute("PRAGMA table_info(migrations)")}
    except sqlite3.DatabaseError as err:
        raise DatabaseOpenError(f"cannot open the database {file}: {err}") from None
    return tables, columns


def check_not_foreign(where: str, tables: set[str], migration_columns: set[str]) -> None:
    """Refuse another application's database: it has tables but no newsgraph ``migrations`` table, and
    newsgraph must not add its tables to it."""
    if not tables or {"name", "applied_at"} <= migration_columns:
        return
    shown = ", ".join(sorted(tables)[:8]) + (", ..." if len(tables) > 8 else "")
    raise DatabaseOpenError(f"{where} is not a newsgraph database (it holds the tables {shown}); "
                            "newsgraph will not add its tables to it: give a new file name")


def database_url(url: str | None) -> str:
    """The SQLAlchemy URL for what a user wrote: None → $NEWSGRAPH_DB or ./newsgraph.db; a path → SQLite."""
    url = url or os.environ.get(DB_ENV) or DEFAULT_DB
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return f"postgresql+psycopg://{rest}"
    if scheme == "sqlite":
        return url
    raise DatabaseURLError(f"unsupported database URL {url!r}: use a file path, sqlite:///FILE or postgresql://...")


def make_engine(url: str | None, *, create: bool = True) -> Engine:
    """An engine for `url` (see :func:`database_url`), with SQLite set up for WAL and real transactions;
    a SQLite file is checked first (see :func:`check_sqlite_file`)."""
    full = database_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise DatabaseURLError(f"cannot parse database URL {url!r}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            check_sqlite_file(parsed.database, create=create)
        engine = create_engine(full, connect_args={"timeout": 60})
        _set_up_sqlite(engine)
        return engine
    with needs_extra("postgres", "a PostgreSQL database"):
        return create_engine(full, pool_pre_ping=True)


def _set_up_sqlite(engine: Engine) -> None:
    # pysqlite starts transactions lazily and never around DDL; take control so a migration
    # or a chunk of articles is one real transaction (SQLAlchemy's documented recipe).
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # A writer takes the lock up front: a deferred transaction that later writes can fail
        # at once with SQLITE_BUSY instead of waiting for the other writer.
        immediate = connection.get_execution_options().get("writer", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    with engine.connect() as conn:
        conn.execution_options(writer=True)
        with conn.begin():
            yield conn
