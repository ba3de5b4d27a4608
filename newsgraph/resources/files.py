"""The one loader every data file goes through, and its one layering rule (see the package docstring)."""
from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
T = TypeVar("T")
# libyaml's loader reads the same documents ten times faster than the pure-Python one (the pattern files are
# read in every process that extracts); PyYAML builds without libyaml fall back to the pure-Python loader.
YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ResourceError(ValueError):
    """A data file newsgraph cannot use; the message names the file (and line or entry) and what to fix."""


@dataclass(frozen=True)
class DataFile(Generic[T]):
    """One kind of data file: where the shipped copies are, which variable names the user's, and how to build it.

    `build` gets every file in layering order (shipped first) and returns the loaded resource.
    """

    name: str
    env_var: str
    shipped: Callable[[], list[Path]]
    build: Callable[[tuple[Path, ...]], T]

    def load(self, extra: Iterable[str | Path] = ()) -> T:
        """The shipped files, then `extra` in the order given, then the files in the variable (read now)."""
        return self.load_files(self.files(extra))

    def load_files(self, files: tuple[Path, ...]) -> T:
        return _build(self.build, files, stamps(files))

    def files(self, extra: Iterable[str | Path]) -> tuple[Path, ...]:
        named = [p for p in os.environ.get(self.env_var, "").split(os.pathsep) if p.strip()]
        paths = tuple(Path(p) for p in (*extra, *named))
        for path in paths:
            if not path.is_file():
                raise ResourceError(f"{path}: no such {self.name} file; check ${self.env_var} or the path you passed")
        return (*self.shipped(), *paths)


def stamps(files: tuple[Path, ...]) -> tuple[int, ...]:
    """The files' modification times: a parsed file set is reused only while none has changed."""
    return tuple(f.stat().st_mtime_ns for f in files)


@lru_cache(maxsize=32)
def _build(build: Callable[[tuple[Path, ...]], Any], files: tuple[Path, ...], stamps: tuple[int, ...]) -> Any:
    """Parse a file set once while none of its files changes."""
    with collector_paused():
        return build(files)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a large resource is built: the ~40,000 KB entries and their
    indexes are hundreds of thousands of new objects, each batch of which set off a collection that walked
    everything loaded so far (the spaCy model too), doubling the load time. Nothing built here is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def is_shipped(path: Path) -> bool:
    return path.resolve().is_relative_to(DATA_DIR)


def read_yaml(path: Path) -> dict[str, Any]:
    """One YAML data file, which must be a mapping."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(f"{path}: cannot read the file ({exc})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ResourceError(f"{where}: not valid YAML ({exc}); fix the file or remove it") from exc
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: expected a mapping of keys, as in the shipped file")
    return data


def layer(into: dict[str, Any], data: dict[str, Any], origin: Path) -> dict[str, Any]:
    """Layer one file's mapping onto what came before: lists append, mappings merge key by key, the rest replace."""
    for key, value in data.items():
        old = into.get(key)
        if old is None:
            into[key] = value
        elif isinstance(old, dict) and isinstance(value, dict):
            layer(old, value, origin)
        elif isinstance(old, list) and isinstance(value, list):
            into[key] = old + value
        elif isinstance(old, (dict, list)) or isinstance(value, (dict, list)):
            raise ResourceError(f"{origin}: {key!r} must be a {type(old).__name__}, as in the shipped file")
        else:
            into[key] = value
    return into


def layered_yaml(files: Sequence[Path]) -> dict[str, Any]:
    """Every file's mapping layered in order, the first (shipped) one at the bottom."""
    merged: dict[str, Any] = {}
    for path in files:
        layer(merged, read_yaml(path), path)
    return merged
