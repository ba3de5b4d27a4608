"""Shared fixtures: the spaCy model and the knowledge base load once per session."""
from __future__ import annotations

import functools
import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Property tests stay fast and repeatable in `make test`: a bounded number of examples, no per-example deadline
# (a parse's time varies with the machine's load), and a derandomized search, so CI sees the same inputs on
# every run. HYPOTHESIS_PROFILE=explore searches afresh with more examples.
settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("explore", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEVSET = SHARED / "devset"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@functools.cache
def load_script(path: Path) -> ModuleType:
    """A script run as a module, once (scripts/ is not a package); registered while it loads, as its
    dataclasses need."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.stages.parse import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def kb():
    from newsgraph.resources.kb import load_kb

    return load_kb()


@pytest.fixture(scope="session")
def extract_text():
    """`extract_text(text, published=...)` → Article, with the shared model."""
    from newsgraph.pipeline import extract_text as run

    return run


# Gold figures recorded by the gate tests, printed at the end of the run whatever the verbosity, so
# `make test` shows how the pipeline scores without -s.
GOLD_FIGURES = pytest.StashKey[list[tuple[str, dict[str, Any]]]]()


@pytest.fixture
def record_figures(request: pytest.FixtureRequest) -> Callable[[str, dict[str, Any]], None]:
    """`record_figures(name, figures)`: show a gold set's figures in the session's summary."""
    recorded = request.config.stash.setdefault(GOLD_FIGURES, [])
    return lambda name, figures: recorded.append((name, figures))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    for name, figures in config.stash.get(GOLD_FIGURES, []):
        terminalreporter.write_sep("-", f"gold figures: {name}")
        for key, value in figures.items():
            shown = "-" if value is None else f"{value:.3f}" if isinstance(value, float) else value
            terminalreporter.write_line(f"{key:22s} {shown}")
