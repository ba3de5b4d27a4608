"""Shared fixtures: the spaCy model and the knowledge base load once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEVSET = SHARED / "devset"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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
