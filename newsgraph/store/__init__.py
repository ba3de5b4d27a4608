"""The newsgraph store: articles, canonical actors, deduplicated events and quotes in SQLite or PostgreSQL.

    >>> store = Store.open("news.db")  # or "postgresql://user@host/db"; None → $NEWSGRAPH_DB or ./newsgraph.db
    >>> store.add_articles(newsgraph.extract(raws))
    >>> store.events(actor="TUR", since="2024-01-01")

Reports of one event (same type, same source and target codes, dates in the same
period at their granularity) are one row of ``events`` with its mention, article
and source counts, first and last report, and every evidence sentence in
``event(id)["mentions"]``. List methods return dicts, or a pandas DataFrame with
``as_frame=True``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, Self

from sqlalchemy import Engine, select

from ..extras import needs_extra
from ..records import PIPELINE_VERSION, Article, RawArticle, ReadFailure
from . import read, schema
from .engine import DatabaseURLError, make_engine, writing
from .migrations import migrate
from .write import ArticleRows, delete_articles, existing, record_failures, recount_events, rows_of, write_rows

if TYPE_CHECKING:
    import pandas

__all__ = ["ArticleRows", "DatabaseURLError", "IngestSummary", "Store"]

ArticleItem = Article | tuple[Article, RawArticle | None]


@dataclass
class IngestSummary:
    """What one ingest did: articles read, stored as new, skipped as already stored, failed, re-extracted."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    reprocessed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def add(self, other: IngestSummary) -> None:
        for name in ("read", "new", "duplicate", "failed", "reprocessed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.extend(other.failures)

    def line(self) -> str:
        text = f"read {self.read}, new {self.new}, duplicate {self.duplicate}, failed {self.failed}"
        return text + (f", reprocessed {self.reprocessed}" if self.reprocessed else "")


class Store:
    """A newsgraph database. Open it with :meth:`Store.open`; it migrates the schema on open."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None, *, migrate_schema: bool = True) -> Store:
        """Open (creating if needed) the database at `url`: a file path or sqlite:///FILE for SQLite,
        postgresql://... for PostgreSQL, None for $NEWSGRAPH_DB or ./newsgraph.db."""
        store = cls(make_engine(url))
        if migrate_schema:
            migrate(store.engine)
        return store

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -----------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[ArticleItem], *, chunk_size: int = 100) -> IngestSummary:
        """Store article records, committing every `chunk_size`; an article already stored (same doc_id)
        is counted as a duplicate and left alone. Items may be (Article, RawArticle) pairs, so that
        `--reprocess` can later re-extract from the input as read."""
        pairs = (item if isinstance(item, tuple) else (item, None) for item in articles)
        return self.add_rows((rows_of(article, raw) for article, raw in pairs), chunk_size=chunk_size)

    def add_rows(self, items: Iterable[ArticleRows], *, chunk_size: int = 100) -> IngestSummary:
        """:meth:`add_articles` for records already turned into rows by :func:`newsgraph.store.write.rows_of`
        (parallel ingest does that in its worker processes)."""
        summary = IngestSummary()
        iterator = iter(items)
        while chunk := list(islice(iterator, chunk_size)):
            with writing(self.engine) as conn:
                is_new = write_rows(conn, chunk)
            summary.read += len(chunk)
            summary.new += sum(is_new)
            summary.duplicate += len(is_new) - sum(is_new)
        return summary

    def record_failures(self, failures: Iterable[ReadFailure], *, stage: str = "read") -> None:
        """Keep failures (one row per stage, origin and line) so a run can list them at the end."""
        with writing(self.engine) as conn:
            record_failures(conn, ((stage, f) for f in failures))

    def known_raw_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which content hashes of inputs as read are stored already (to skip them before parsing)."""
        with self.engine.connect() as conn:
            return existing(conn, schema.articles.c.raw_hash, hashes)

    def stale_articles(self, version: str = PIPELINE_VERSION, *, page: int = 200) -> Iterator[tuple[str, RawArticle]]:
        """(doc_id, input as read) of every article extracted by another pipeline version, in pages."""
        art = schema.articles
        after = ""
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(art.c.doc_id, art.c.raw, art.c.record)
                                    .where(art.c.pipeline_version != version, art.c.doc_id > after)
                                    .order_by(art.c.doc_id).limit(page)).all()
            if not rows:
                return
            for doc_id, raw, record in rows:
                fields = json.loads(raw)
                if fields["text"] is None:  # stored only once, in the record
                    fields["text"] = json.loads(record)["text"]
                yield doc_id, RawArticle(**fields)
            after = rows[-1][0]

    def replace_articles(self, items: Sequence[tuple[str, Article | ArticleRows, RawArticle | None]]) -> None:
        """Swap stored articles (by old doc_id) for fresh extractions (records, or their rows), in one
        transaction."""
        fresh = [new if isinstance(new, ArticleRows) else rows_of(new, raw) for _, new, raw in items]
        with writing(self.engine) as conn:
            touched = delete_articles(conn, [old for old, _, _ in items])
            write_rows(conn, fresh)
            recount_events(conn, touched)

    def refresh_planner_statistics(self) -> None:
        """After a bulk write, let SQLite's query planner see the tables' new sizes (bounded, sampled ANALYZE;
        PostgreSQL's autovacuum does this by itself)."""
        if self.backend != "sqlite":
            return
        with writing(self.engine) as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            conn.exec_driver_sql("ANALYZE")

    # --- reading -------------------------------------------------------------------------------

    def events(self, *, actor: str | None = None, source: str | None = None, target: str | None = None,
               type: str | None = None, since: str | None = None, until: str | None = None, limit: int | None = 100,
               offset: int = 0, as_frame: bool = False) -> list[dict[str, Any]] | pandas.DataFrame:
        """Deduplicated events, newest first. `actor`/`source`/`target` take a code (TUR), an actor id or part
        of a name; `since`/`until` are ISO dates (inclusive). Each event has type, mode, quad_class,
        intensity (mean over reports), date, granularity, qualifiers, source/target (codes),
        source_names/target_names, source_actors/target_actors (id, code, name, kind), mention_count,
        article_count, source_count (distinct outlets), first_reported and last_reported."""
        with self.engine.connect() as conn:
            rows = read.events(conn, actor=actor, source=source, target=target, type=type, since=since,
                               until=until, limit=limit, offset=offset)
        return self.to_frame(rows) if as_frame else rows

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event as in :meth:`events`, with `mentions`: every report (doc_id, local_id, sentence,
        start_char, end_char, trigger, pattern, date, date_text, confidence, title, url, published, outlet).
        None if there is no such event."""
        with self.engine.connect() as conn:
            return read.event(conn, event_id)

    def mentions_of(self, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """Every report of each of these events (as in :meth:`event`'s `mentions`), by event id."""
        with self.engine.connect() as conn:
            return read.mentions_of(conn, event_ids)

    def quotes(self, *, speaker: str | None = None, search: str | None = None, limit: int | None = 100,
               offset: int = 0, as_frame: bool = False) -> list[dict[str, Any]] | pandas.DataFrame:
        """Quotes, newest first, or best match first with `search` (full-text, every word must occur,
        stemmed). `speaker` takes a code, actor id or part of a name. Each has doc_id, local_id, text, kind,
        start_char, end_char, sentence_start, sentence_end, speaker_id, speaker_name, speaker_code, cue,
        title, published, origin, url."""
        with self.engine.connect() as conn:
            rows = read.quotes(conn, speaker=speaker, search=search, limit=limit, offset=offset)
        return self.to_frame(rows) if as_frame else rows

    def actors(self, *, search: str | None = None, kind: str | None = None, limit: int | None = 100,
               offset: int = 0, as_frame: bool = False) -> list[dict[str, Any]] | pandas.DataFrame:
        """Canonical actors, most reported first: id, code, name, kind, country, sector, article_count,
        events_given, events_received, quote_count. `search` takes a code, id or part of a name."""
        with self.engine.connect() as conn:
            rows = read.actors(conn, search=search, kind=kind, limit=limit, offset=offset)
        return self.to_frame(rows) if as_frame else rows

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        """One actor as in :meth:`actors`, with `names`, `roles` (name, role, sector, first_seen, last_seen,
        article_count), `events_given`, `events_received` and `quotes`. None if there is no such actor."""
        with self.engine.connect() as conn:
            return read.actor(conn, actor_id)

    def articles(self, *, limit: int | None = 100, offset: int = 0,
                 as_frame: bool = False) -> list[dict[str, Any]] | pandas.DataFrame:
        """Stored articles, newest first: doc_id, title, published, origin, url, outlet, source_id,
        pipeline_version, ingested_at, actor_count, event_count, quote_count."""
        with self.engine.connect() as conn:
            rows = read.articles(conn, limit=limit, offset=offset)
        return self.to_frame(rows) if as_frame else rows

    def article(self, doc_id: str) -> dict[str, Any] | None:
        """The full article record (as `Article.to_dict()`), plus `event_ids` mapping each of its events'
        ids to the deduplicated event's id. None if there is no such article."""
        with self.engine.connect() as conn:
            return read.article(conn, doc_id)

    def failures(self, *, as_frame: bool = False) -> list[dict[str, Any]] | pandas.DataFrame:
        """Inputs that failed (stage, origin, line, reason, seen_at), oldest first."""
        f = schema.failures
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(select(f).order_by(f.c.seen_at, f.c.origin, f.c.line)).mappings()]
        return self.to_frame(rows) if as_frame else rows

    def stats(self) -> dict[str, Any]:
        """Row counts (articles, actors, events, event_mentions, quotes, failures), events by type and quad
        class, articles by pipeline version, and the date ranges of events and publication."""
        with self.engine.connect() as conn:
            return read.stats(conn)

    def graph(self, *, actor: str | None = None, type: str | None = None, since: str | None = None,
              until: str | None = None, min_events: int = 1, limit: int = 200) -> dict[str, list[dict[str, Any]]]:
        """The actor graph: {"nodes": [{id (code), name, kind, events_given, events_received}], "edges":
        [{source, target, events, mentions, mean_intensity, quad: {quad_class: events}}]}, biggest edges first."""
        with self.engine.connect() as conn:
            return read.graph(conn, actor=actor, type=type, since=since, until=until, min_events=min_events,
                              limit=limit)

    @staticmethod
    def to_frame(rows: list[dict[str, Any]]) -> pandas.DataFrame:
        """Rows as a pandas DataFrame."""
        with needs_extra("pandas", "as_frame=True"):
            import pandas

        return pandas.DataFrame(rows)
