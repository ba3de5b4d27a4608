"""``evaluate_paths``: find the gold, run the pipeline once over every article, score each record."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .gold import GoldArticle, load_gold_articles
from .results import EvaluationReport
from .scoring import score_article
from .system import SystemRun, run_system


def evaluate_paths(paths: Iterable[str | Path]) -> EvaluationReport:
    """Score the pipeline on every article with a gold file behind ``paths`` (directories, articles, gold files)."""
    articles = load_gold_articles(paths)
    return score_run(articles, run_system([a.article for a in articles]))


def score_run(articles: Iterable[GoldArticle], run: SystemRun) -> EvaluationReport:
    """Score the records of a pipeline run against the gold of each article."""
    results = [score_article(a.gold, run.records.get(str(a.article)), body_text(a.article), name=str(a.article))
               for a in articles]
    return EvaluationReport(articles=results, failures=list(run.failures))


def body_text(article: Path) -> str | None:
    """A plain-text article as written, for the body-kept check; HTML has no lines to compare, so None."""
    return article.read_text(encoding="utf-8", errors="replace") if article.suffix == ".txt" else None
