"""Documentation that is tested: every command has help with a worked example and a section in docs/cli.md."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import REPO

from newsgraph.cli import main

COMMANDS = sorted(main.commands)


def test_the_cli_has_every_stage_command():
    assert {"extract", "actor", "explain", "ingest", "events", "quotes", "actors", "stats", "export", "serve",
            "batch", "load"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_help_has_a_worked_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
    assert re.search(rf"^\s+newsgraph {name}\b", result.output, re.MULTILINE), f"no example invocation of `{name}`"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_documented(name):
    assert f"## newsgraph {name}\n" in (REPO / "docs" / "cli.md").read_text("utf-8")


def test_readme_starts_with_the_two_setup_commands():
    lines = (REPO / "README.md").read_text("utf-8").splitlines()
    head = "\n".join(lines[:8])
    assert "make demo" in head and "make test" in head


def test_architecture_page_names_every_pipeline_module():
    """docs/architecture.md is the map of the tree: a module added to a pipeline package must appear in it."""
    page = (REPO / "docs" / "architecture.md").read_text("utf-8")
    package = REPO / "newsgraph"
    modules = [p for d in ("sources", "stages", "language", "resources", "run", "io") for p in (package / d).rglob("*.py")
               if p.name != "__init__.py"]
    modules += [p for p in package.glob("*.py") if p.name != "__init__.py"]
    assert modules and [str(p.relative_to(package)) for p in modules if p.name not in page] == []
