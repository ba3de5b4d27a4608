"""`POST /api/articles`: read a posted article with the readers, extract it and store it."""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from fastapi import HTTPException

from ..pipeline import extract
from ..sources.readers import read_bytes
from ..records import RawArticle, ReadFailure
from ..store import Store

if TYPE_CHECKING:
    from .api import ArticleIn

# One spaCy pipeline is shared by the server's worker threads; parse one posted article at a time.
_extract_lock = threading.Lock()


def read_posted(posted: ArticleIn) -> RawArticle:
    """The raw article of a posted body, read by the same readers as files; the posted date and title win."""
    fmt, body = ("html", posted.html) if posted.html is not None else ("text", posted.text)
    origin = posted.url or f"api:{fmt}"
    results = list(read_bytes((body or "").encode("utf-8"), origin=origin, format_in=fmt,
                              published=posted.published.isoformat()))
    failure = next((r for r in results if isinstance(r, ReadFailure)), None)
    if failure is not None or not results:
        raise HTTPException(422, f"cannot read the article: {failure.reason if failure else 'no text found'}")
    raw = results[0]
    raw.published = posted.published.isoformat()
    raw.title = posted.title or raw.title
    raw.url = posted.url or raw.url
    raw.source_id = posted.source_id or raw.source_id
    raw.reader = f"api-{fmt}"
    return raw


def extract_and_store(store: Store, posted: ArticleIn) -> dict[str, Any]:
    """Extract one posted article and store it; an article already stored is reported, not stored twice."""
    raw = read_posted(posted)
    with _extract_lock:
        article = next(extract([raw]))
    summary = store.add_articles([(article, raw)])
    return {
        "doc_id": article.doc_id,
        "stored": summary.new == 1,
        "duplicate": summary.duplicate == 1,
        "actors": len(article.actors),
        "events": len(article.events),
        "quotes": len(article.quotes),
        "page": f"/articles/{article.doc_id}",
    }
