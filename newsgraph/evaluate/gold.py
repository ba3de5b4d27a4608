"""Gold files: find the articles that have one beside them, load them and check them against the schema.

A gold file ``X.gold.json`` sits beside its article ``X.txt`` or ``X.html``; its format is
``newsgraph/schema/gold.schema.json`` (documented in docs/evaluation.md).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..sources.paths import GOLD_SUFFIX

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


class GoldError(Exception):
    """A gold file is missing, unreadable or malformed; the message names the file and what to do."""


class DraftGoldError(GoldError):
    """A gold file is still a draft written from the system's own output: scoring against it proves nothing."""


@dataclass(frozen=True)
class GoldArticle:
    """An article file and the hand-made gold beside it."""

    article: Path
    gold: dict[str, Any]


def gold_path_of(article: Path) -> Path:
    return article.with_name(article.stem + GOLD_SUFFIX)


@lru_cache(maxsize=1)
def gold_schema() -> dict[str, Any]:
    """The JSON Schema every gold file follows (shipped in the package)."""
    return json.loads(resources.files("newsgraph").joinpath("schema/gold.schema.json").read_text("utf-8"))


def find_articles(paths: Iterable[str | Path]) -> list[Path]:
    """Article files with a gold file beside them, in the order given (a directory's own files by name).

    A path is a directory (its subdirectories are not searched), an article file or a gold file.
    """
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found += sorted(p for p in given.iterdir()
                            if p.is_file() and p.suffix in ARTICLE_SUFFIXES and gold_path_of(p).exists())
        elif given.name.endswith(GOLD_SUFFIX):
            found.append(article_of(given))
        elif given.suffix in ARTICLE_SUFFIXES and given.is_file():
            if not gold_path_of(given).exists():
                raise GoldError(f"{given}: no {gold_path_of(given).name} beside it; write one by hand, "
                                f"or start from a draft: newsgraph evaluate --draft {given}")
            found.append(given)
        else:
            raise GoldError(f"{given}: not a directory, an article (.txt, .html) or a .gold.json file")
    if not found:
        raise GoldError(f"no article with a {GOLD_SUFFIX} beside it in {', '.join(map(str, paths))}")
    return list(dict.fromkeys(found))


def article_of(gold_path: Path) -> Path:
    """The article a gold file describes: the file beside it with the same name and an article suffix."""
    stem = gold_path.name[: -len(GOLD_SUFFIX)]
    for suffix in ARTICLE_SUFFIXES:
        if (article := gold_path.with_name(stem + suffix)).is_file():
            return article
    raise GoldError(f"{gold_path}: no article {stem}.txt or {stem}.html beside it")


def load_gold(path: Path) -> dict[str, Any]:
    """A gold file's content, checked against the schema; drafts are refused."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise GoldError(f"{path}: cannot read it: {err.strerror or err}") from None
    except json.JSONDecodeError as err:
        raise GoldError(f"{path}: not valid JSON ({err.msg}, line {err.lineno} column {err.colno})") from None
    if isinstance(data, dict) and data.get("draft") is True:
        raise DraftGoldError(f"{path} is a draft made from the system's own output; correct it against the "
                             'article, then delete its "draft": true line')
    # imported here, not with the module: every command imports this one (via the CLI), and jsonschema costs
    # ~0.06 s of CPU that only `evaluate` needs
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    error = best_match(Draft202012Validator(gold_schema()).iter_errors(data))
    if error is not None:
        raise GoldError(f"{path}: {error.json_path}: {error.message} (the format: docs/evaluation.md)")
    return data


def load_gold_articles(paths: Iterable[str | Path]) -> list[GoldArticle]:
    """Every article behind ``paths`` with its checked gold, before any pipeline run, so a bad file fails fast."""
    return [GoldArticle(article, load_gold(gold_path_of(article))) for article in find_articles(paths)]
