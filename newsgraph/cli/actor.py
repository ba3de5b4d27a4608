"""`newsgraph actor`: resolve one phrase to an actor and print it as JSON."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from ..resources import ResourceError
from ..resources.kb import load_kb
from ..stages.actors import resolve_phrase
from . import main
from .options import date_option


@main.command("actor")
@click.argument("text")
@date_option
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra knowledge-base CSV file (repeatable); $NEWSGRAPH_KB works too.")
def actor_command(text: str, date: str | None, kb_files: tuple[Path, ...]) -> None:
    """Resolve TEXT (a name, title or description) to an actor code, sector and role.

    Prints the actor as JSON, or `null` (exit code 1) when the phrase names no actor.
    Roles depend on the date: a person's office valid on --date wins.

    Examples:

        newsgraph actor "four Saudi men"

        newsgraph actor "Trump" --date 2019-06-01
    """
    try:
        kb = load_kb(kb_files)
    except ResourceError as exc:
        raise click.ClickException(str(exc)) from exc
    actor = resolve_phrase(text, date=date, kb=kb)
    click.echo(json.dumps(asdict(actor) if actor else None, ensure_ascii=False, indent=2))
    if actor is None:
        raise SystemExit(1)
