"""The `newsgraph` command line: thin wrappers over library functions.

Each command group lives in its own module and registers itself on `main`.
"""
from __future__ import annotations

import atexit
import gc
from typing import Any

import click

from ..extras import MissingExtra
from ..records import PIPELINE_VERSION
from ..store.engine import DatabaseURLError

# A command's process ends with the command. What is alive then (the spaCy model, the knowledge base and its
# indexes: some 300,000 objects) is moved out of the collector's sight, so the interpreter's last collections do
# not walk it again and again (about 1 s of CPU time after an ingest of 300 articles, the time of 10 articles'
# extraction). Python never promised those collections: no data waits on them.
atexit.register(gc.freeze)


class Commands(click.Group):
    """The command group; a command whose extra is not installed, or whose --db cannot be used, says so in
    one line, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (MissingExtra, DatabaseURLError) as err:
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
