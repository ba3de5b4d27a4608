"""`newsgraph schema`: print the JSON Schema of article records, generated from the typed records."""
from __future__ import annotations

import json

import click

from ..record_schema import json_schema
from . import main


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema every article record follows (generated from newsgraph/records.py).

    The package ships it as newsgraph/schema/article.schema.json; after changing a record, regenerate it.

    Example:

        newsgraph schema > newsgraph/schema/article.schema.json
    """
    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
