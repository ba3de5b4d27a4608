"""Option groups shared by several commands, as decorators."""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any

import click

from ..resources.bundle import MODEL_BY_DEFAULT, MODEL_VARIABLE


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


def _model_choice(ctx: click.Context, param: click.Parameter, value: bool | None) -> None:
    """The choice goes where every load reads it, so worker processes and Spark's driver make the same one."""
    if value is not None:
        os.environ[MODEL_VARIABLE] = "on" if value else "off"


def model_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--model/--no-model", default=None, expose_value=False, callback=_model_choice,
        help=f"Run the learned event scorer over the rules' events, or not (${MODEL_VARIABLE}=on|off; default "
             f"{'on' if MODEL_BY_DEFAULT else 'off'}). Each record's pipeline_version says which ran.",
    )(func)
