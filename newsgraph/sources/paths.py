"""The one path walker: which files a path, directory or glob argument names.

`newsgraph extract`, `ingest` and `batch` all list their inputs here, so a directory means
the same files to each: recursive, sorted, hidden files and directories skipped, and so are
READMEs, licences and gold annotations lying next to the articles. Which file names count
as articles (a registered reader's extension, or any with ``--format``) is the caller's
`wanted` test; everything else is decided here once.
"""
from __future__ import annotations

import glob
import itertools
import os
import re
from collections.abc import Callable, Iterator

from ..records import ReadFailure

# Files found while walking a directory that are documentation or gold annotations, not articles.
NOT_ARTICLE_STEMS = ("readme", "original-readme", "license", "licence", "changelog", "notice", "copying")
GOLD_SUFFIX = ".gold.json"  # a hand-made gold file beside its article (docs/evaluation.md)
NOT_ARTICLE_SUFFIXES = (GOLD_SUFFIX,)

# One regular expression for both walkers: is_article_name here and the listings Spark does itself.
NOT_ARTICLE_NAME = re.compile(
    rf"(?i)^\.|{'|'.join(re.escape(s) for s in NOT_ARTICLE_SUFFIXES)}$"
    rf"|^({'|'.join(re.escape(s) for s in NOT_ARTICLE_STEMS)})(\.[^.]*)?$")

Wanted = Callable[[str], bool]


def expand_path(path: str, *, wanted: Wanted) -> Iterator[tuple[str, ReadFailure | None]]:
    """The files behind one path argument, or a failure if there are none; each file once.

    A file named explicitly is taken whatever its name; directories (also those a glob matches)
    are walked with :func:`walk_directory`. Symbolic links to directories are not followed
    inside a walk or a ``**``, so a link loop neither hangs the walk nor repeats its files, and
    a file reached twice (through a link to it, say) is read once.
    """
    seen: set[str] = set()
    for file_path, failure in _expand(path, wanted=wanted):
        if failure is None:
            real = os.path.realpath(file_path)
            if real in seen:
                continue
            seen.add(real)
        yield file_path, failure


def _expand(path: str, *, wanted: Wanted) -> Iterator[tuple[str, ReadFailure | None]]:
    if os.path.isdir(path):
        found = list(walk_directory(path, wanted=wanted))
        if not found:
            yield path, ReadFailure(path, "directory holds no article files (.txt, .html, .jsonl, ...)")
        for file_path in found:
            yield file_path, None
    elif os.path.exists(path):
        yield path, None
    elif glob.has_magic(path):
        matches = glob_paths(path)
        if not matches:
            yield path, ReadFailure(path, "no file matches this pattern")
        for match in matches:
            yield from _expand(match, wanted=wanted)
    else:
        yield path, ReadFailure(path, "no such file or directory")


def glob_paths(pattern: str) -> list[str]:
    """What a glob pattern names, sorted. ``**`` is matched over one walk that does not follow links
    to directories: :func:`glob.glob` follows them, so two link loops never end."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    parts = pattern.split(os.sep)
    fixed = list(itertools.takewhile(lambda part: not glob.has_magic(part), parts))
    root = os.sep.join(fixed) or ("/" if pattern.startswith(os.sep) else ".")
    regex = re.compile("".join(_component_regex(part) for part in parts))
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in (*dirnames, *filenames):
            candidate = os.path.join(dirpath, name)
            shown = candidate[2:] if root == "." and not pattern.startswith("./") else candidate
            if regex.fullmatch(shown + os.sep):
                found.append(shown)
    return sorted(found)


def _component_regex(part: str) -> str:
    """One path component of a glob as a regular expression matching it and its trailing separator."""
    sep = re.escape(os.sep)
    if part == "**":
        return rf"(?:(?!\.)[^{sep}]+{sep})*"
    out = "" if part.startswith(".") or not glob.has_magic(part) else r"(?!\.)"
    i = 0
    while i < len(part):
        char = part[i]
        close = part.find("]", i + 2) if char == "[" else -1
        if char == "*":
            out += f"[^{sep}]*"
        elif char == "?":
            out += f"[^{sep}]"
        elif close > 0:
            body = part[i + 1:close]
            out += "[" + ("^" + body[1:] if body.startswith("!") else body) + "]"
            i = close
        else:
            out += re.escape(char)
        i += 1
    return out + sep


def walk_directory(root: str, *, wanted: Wanted) -> Iterator[str]:
    """Article files under `root`, recursively, in sorted order."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if is_article_name(name) and wanted(name):
                yield os.path.join(dirpath, name)


def is_article_name(name: str) -> bool:
    """False for what lies beside articles in a directory: hidden files, READMEs, licences, gold files."""
    return NOT_ARTICLE_NAME.search(name) is None
