"""Database URLs and engines: SQLite files in WAL mode, PostgreSQL through psycopg 3."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
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


def make_engine(url: str | None) -> Engine:
    """An engine for `url` (see :func:`database_url`), with SQLite set up for WAL and real transactions."""
    full = database_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise DatabaseURLError(f"cannot parse database URL {url!r}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
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
