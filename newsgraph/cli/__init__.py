"""The `newsgraph` command line: thin wrappers over library functions.

Each command group lives in its own module and registers itself on `main`.
"""
from __future__ import annotations

from typing import Any

import click

from ..extras import MissingExtra
from ..records import PIPELINE_VERSION


class Commands(click.Group):
    """The command group; a command whose extra is not installed says which one in one line, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MissingExtra as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(PIPELINE_VERSION, prog_name="newsgraph")
def main() -> None:
    """newsgraph: who did what to whom, when, and who said what, from news articles."""


# Command modules register themselves on `main` when imported.
from . import actor as _actor  # noqa: F401
from . import batch as _batch  # noqa: F401
from . import evaluate as _evaluate  # noqa: F401
from . import explain as _explain  # noqa: F401
from . import export as _export  # noqa: F401
from . import extract as _extract  # noqa: F401
from . import ingest as _ingest  # noqa: F401
from . import query as _query  # noqa: F401
from . import schema as _schema  # noqa: F401
from . import serve as _serve  # noqa: F401
