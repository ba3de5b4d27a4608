"""The one path walker: which files a path, directory or glob argument names.

`newsgraph extract`, `ingest` and `batch` all list their inputs here, so a directory means
the same files to each: recursive, sorted, hidden files and directories skipped, and so are
READMEs, licences and gold annotations lying next to the articles. Which file names count
as articles (a registered reader's extension, or any with ``--format``) is the caller's
`wanted` test; everything else is decided here once.
"""
from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from ..records import ReadFailure

# Files found while walking a directory that are documentation or gold annotations, not articles.
NOT_ARTICLE_STEMS = ("readme", "original-readme", "license", "licence", "changelog", "notice", "copying")
NOT_ARTICLE_SUFFIXES = (".gold.json",)

# `not is_article_name(name)` as one regular expression, for listings done by Spark rather than by os.walk.
NOT_ARTICLE_NAME = re.compile(
    rf"(?i)^\.|{'|'.join(re.escape(s) for s in NOT_ARTICLE_SUFFIXES)}$"
    rf"|^({'|'.join(re.escape(s) for s in NOT_ARTICLE_STEMS)})(\.[^.]*)?$")

Wanted = Callable[[str], bool]


def expand_path(path: str, *, wanted: Wanted) -> Iterator[tuple[str, ReadFailure | None]]:
    """The files behind one path argument, or a failure if there are none.

    A file named explicitly is taken whatever its name; directories (also those a glob matches)
    are walked with :func:`walk_directory`.
    """
    if os.path.isdir(path):
        found = list(walk_directory(path, wanted=wanted))
        if not found:
            yield path, ReadFailure(path, "directory holds no article files (.txt, .html, .jsonl, ...)")
        for file_path in found:
            yield file_path, None
    elif os.path.exists(path):
        yield path, None
    elif glob.has_magic(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            yield path, ReadFailure(path, "no file matches this pattern")
        for match in matches:
            yield from expand_path(match, wanted=wanted)
    else:
        yield path, ReadFailure(path, "no such file or directory")


def walk_directory(root: str, *, wanted: Wanted) -> Iterator[str]:
    """Article files under `root`, recursively, in sorted order."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if is_article_name(name) and wanted(name):
                yield os.path.join(dirpath, name)


def is_article_name(name: str) -> bool:
    """False for what lies beside articles in a directory: hidden files, READMEs, licences, gold files."""
    lower = name.lower()
    if lower.startswith(".") or lower.endswith(NOT_ARTICLE_SUFFIXES):
        return False
    return Path(lower).stem not in NOT_ARTICLE_STEMS
