"""Scoring newsgraph against hand-made gold files: ``evaluate_paths(paths) -> EvaluationReport``.

The gold format is ``newsgraph/schema/gold.schema.json``; the rules are those of the shared devset
scorer, restated in docs/evaluation.md. ``newsgraph evaluate`` is the command-line face of this package.
"""
from .draft import draft_gold, write_drafts
from .gold import DraftGoldError, GoldArticle, GoldError, find_articles, gold_schema, load_gold, load_gold_articles
from .report import render
from .results import (
    FIGURE_NAMES,
    ArticleResult,
    Counts,
    EvaluationReport,
    Figures,
    Finding,
    TypeCounts,
    parse_floors,
)
from .run import evaluate_paths, score_run
from .scoring import score_article
from .system import SystemRun, run_system

__all__ = [
    "FIGURE_NAMES", "ArticleResult", "Counts", "DraftGoldError", "EvaluationReport", "Figures", "Finding",
    "GoldArticle", "GoldError", "SystemRun", "TypeCounts", "draft_gold", "evaluate_paths", "find_articles",
    "gold_schema", "load_gold", "load_gold_articles", "parse_floors", "render", "run_system", "score_article",
    "score_run", "write_drafts",
]
