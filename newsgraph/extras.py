"""Optional dependencies: which pip extra a feature needs, and one clear error when it is missing.

The core install extracts articles and stores them in SQLite. The web UI, PostgreSQL,
Parquet, pandas frames and Spark each need an extra (``pip install 'newsgraph[web]'``);
importing them goes through :func:`needs_extra` so a missing one names the extra to install
instead of surfacing a bare ``ModuleNotFoundError`` from deep inside a command.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

# The extras of pyproject.toml that users install for a feature, and what each brings.
EXTRAS = {
    "web": "the web UI and JSON API (FastAPI, uvicorn, Jinja2)",
    "postgres": "PostgreSQL databases (psycopg)",
    "parquet": "Parquet files: batch output, loading it, and Parquet export (pyarrow)",
    "pandas": "pandas DataFrames from the store (as_frame=True)",
    "spark": "batch runs on Apache Spark (pyspark, pyarrow, pandas)",
    "model": "the learned event scorer (onnxruntime, tokenizers, the all-MiniLM-L6-v2 packages)",
    "train": "training the event scorer (scikit-learn)",
}


class MissingExtra(ImportError):
    """A feature's optional dependency is not installed; the message says which extra installs it."""

    def __init__(self, feature: str, extra: str, missing: str | None = None) -> None:
        self.feature, self.extra, self.missing = feature, extra, missing
        lacking = f" ({missing} is not installed)" if missing else ""
        super().__init__(f"{feature} needs the {extra} extra{lacking}: pip install 'newsgraph[{extra}]'")


@contextmanager
def needs_extra(extra: str, feature: str) -> Iterator[None]:
    """Run the imports of `feature` in this block; a module missing from them raises :class:`MissingExtra`.

    Example::

        with needs_extra("web", "newsgraph serve"):
            import uvicorn
    """
    if extra not in EXTRAS:
        raise ValueError(f"unknown extra {extra!r}; pyproject.toml defines {', '.join(EXTRAS)}")
    try:
        yield
    except ModuleNotFoundError as err:
        if (err.name or "").partition(".")[0] == "newsgraph":
            raise  # a module of our own is missing: a broken install, not a missing extra
        raise MissingExtra(feature, extra, err.name) from err
