"""newsgraph: who did what to whom, when, and who said what, from news articles.

``open_store(db)`` opens a database; ``extract`` and ``extract_text`` turn raw articles or
text into records. The web app (``newsgraph.web``), Parquet batches (``newsgraph.run.batch``)
and PostgreSQL need extras: ``pip install 'newsgraph[web]'`` (see :mod:`newsgraph.extras`).
"""
from .extras import MissingExtra
from .pipeline import extract, extract_text
from .records import PIPELINE_VERSION, Actor, Article, Event, Mention, Quote, RawArticle, ReadFailure, Removed
from .resources import Resources
from .store import IngestSummary, Store

open_store = Store.open  # newsgraph.open_store(db).events(actor="TUR")

__all__ = [
    "PIPELINE_VERSION", "Actor", "Article", "Event", "IngestSummary", "Mention", "MissingExtra", "Quote",
    "RawArticle", "ReadFailure", "Removed", "Resources", "Store", "extract", "extract_text", "open_store",
]
