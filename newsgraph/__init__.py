"""newsgraph: who did what to whom, when, and who said what, from news articles."""
from .pipeline import extract, extract_text
from .records import PIPELINE_VERSION, Actor, Article, Event, Mention, Quote, RawArticle, ReadFailure, Removed
from .resources import Resources
from .store import IngestSummary, Store

open = Store.open  # newsgraph.open(db).events(actor="TUR")

__all__ = [
    "PIPELINE_VERSION", "Actor", "Article", "Event", "IngestSummary", "Mention", "Quote", "RawArticle", "ReadFailure",
    "Removed", "Resources", "Store", "extract", "extract_text", "open",
]
