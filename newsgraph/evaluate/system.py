"""The one place the evaluation runs the extraction pipeline; its imports live here and nowhere else."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..pipeline import extract
from ..records import Article, RawArticle, ReadFailure
from ..sources.readers import read_inputs


@dataclass
class SystemRun:
    """The records of one pipeline run, by origin (the path as given), and the inputs that failed."""

    records: dict[str, Article] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def run_system(files: Sequence[Path]) -> SystemRun:
    """Extract every article in one pipeline run, in-process; a failing article is noted and left without a record."""
    run = SystemRun()

    def readable() -> Iterator[RawArticle]:
        for item in read_inputs([str(f) for f in files]):
            if isinstance(item, ReadFailure):
                run.failures.append(item.message())
            else:
                yield item

    for article in extract(readable(), on_failure=lambda failure: run.failures.append(failure.message())):
        run.records[article.origin] = article
    return run
