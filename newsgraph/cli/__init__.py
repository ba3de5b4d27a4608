"""The `newsgraph` command line: thin wrappers over library functions.

Each command group lives in its own module and registers itself on `main`.
"""
from __future__ import annotations

import click

from ..records import PIPELINE_VERSION


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
from . import serve as _serve  # noqa: F401
