"""Option groups shared by several commands, as decorators."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import click


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def published_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--published", "published", callback=_iso_date, default=None, metavar="DATE",
        help="Publication date (YYYY-MM-DD) for articles that carry none.",
    )(func)


def date_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--date", "date", callback=_iso_date, default=None, metavar="DATE",
        help="Resolve as of this date (YYYY-MM-DD); default today.",
    )(func)


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", "db", envvar="NEWSGRAPH_DB", default="newsgraph.db", show_default=True, metavar="URL",
        help="Database: a SQLite file path, sqlite:///FILE or postgresql://user@host/name ($NEWSGRAPH_DB).",
    )(func)
