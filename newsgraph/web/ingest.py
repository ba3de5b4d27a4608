"""`POST /api/articles`: what a client posts (`ArticleIn`), read with the file readers, extracted and stored."""
from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from fastapi import HTTPException
from pydantic import BaseModel, Field, model_validator

from ..pipeline import extract
from ..records import RawArticle, ReadFailure
from ..sources.readers import read_bytes
from ..store import Store

# One spaCy pipeline is shared by the server's worker threads; parse one posted article at a time.
_extract_lock = threading.Lock()


class ArticleIn(BaseModel):
    """An article to extract and store: its text or its HTML, and the date it was published."""

    published: dt.date = Field(description="Publication date; relative dates in the text resolve against it.")
    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="The article's HTML page; its main text is extracted.")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    source_id: str | None = Field(None, max_length=200, description="Who published it (outlet).")

    @model_validator(mode="after")
    def one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("send exactly one of `text` or `html`")
        return self


def read_posted(posted: ArticleIn) -> RawArticle:
    """The raw article of a posted body, read by the same readers as files; the posted date and title win."""
    fmt, body = ("html", posted.html) if posted.html is not None else ("text", posted.text)
    origin = posted.url or f"api:{fmt}"
    results = list(read_bytes((body or "").encode("utf-8"), origin=origin, format_in=fmt,
                              published=posted.published.isoformat()))
    failure = next((r for r in results if isinstance(r, ReadFailure)), None)
    if failure is not None or not results:
        raise HTTPException(422, f"cannot read the article: {failure.reason if failure else 'no text found'}")
    raw = next(r for r in results if isinstance(r, RawArticle))  # the first: none failed
    raw.published = posted.published.isoformat()
    raw.title = posted.title or raw.title
    raw.url = posted.url or raw.url
    raw.source_id = posted.source_id or raw.source_id
    raw.reader = f"api-{fmt}"
    return raw


def extract_and_store(store: Store, posted: ArticleIn) -> dict[str, Any]:
    """Extract one posted article and store it; an article already stored is reported, not stored twice."""
    raw = read_posted(posted)
    failures: list[ReadFailure] = []
    with _extract_lock:
        article = next(extract([raw], on_failure=failures.append), None)
    if article is None:
        raise HTTPException(422, f"cannot extract the article: {failures[0].reason if failures else 'unknown error'}")
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
