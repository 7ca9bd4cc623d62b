"""Ingesting a batch of a crawl that ran elsewhere (the cluster writer, docs/scaling.md): its
articles, crawl state (fetches, revisits, frontier, aliases), errors and counters in ONE transaction, recorded in ingested_batches
so that a batch delivered twice (at-least-once delivery) is stored once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .connection import transaction, utcnow
from .fetch_state import StateBatch, write_batch_in
from .runs import MAX_ERRORS_KEPT
from .store import DUPLICATE, NEW, UPDATED, PreparedArticle, Store


@dataclass
class Batch:
    run_id: int
    seq: int  # 1, 2, ... within the run
    source: str = ""
    articles: list[PreparedArticle] = field(default_factory=list)
    states: list[tuple[StateBatch, str]] = field(default_factory=list)  # what the crawl learned, and when
    errors: list[tuple[str | None, str]] = field(default_factory=list)
    pages_fetched: int = 0  # the run's totals when the batch was sent (never lowered by a late batch)
    error_count: int = 0


def ingest(store: Store, batch: Batch) -> Counter | None:
    """Store the batch; returns its outcomes (new/updated/duplicate/unchanged counts), or None when
    this batch was ingested before."""
    conn = store.conn
    with transaction(conn):
        if conn.execute("SELECT 1 FROM ingested_batches WHERE run_id = ? AND seq = ?",
                        (batch.run_id, batch.seq)).fetchone():
            return None
        outcomes = Counter(store.write_prepared(conn, prepared).outcome for prepared in batch.articles)
        for state, now in batch.states:  # after the articles: its aliases name them
            write_batch_in(conn, batch.source, state, now)
        _write_errors(conn, batch.run_id, batch.errors)
        conn.execute(
            "UPDATE crawl_runs SET articles_new = articles_new + ?, articles_updated = articles_updated + ?,"
            " duplicates = duplicates + ?, pages_fetched = max(pages_fetched, ?), errors = max(errors, ?)"
            " WHERE id = ?", (outcomes[NEW], outcomes[UPDATED], outcomes[DUPLICATE], batch.pages_fetched,
                              batch.error_count, batch.run_id))
        conn.execute("INSERT INTO ingested_batches (run_id, seq, articles, ingested_at) VALUES (?, ?, ?, ?)",
                     (batch.run_id, batch.seq, len(batch.articles), utcnow()))
    return outcomes


def _write_errors(conn, run_id: int, errors: Iterable[tuple[str | None, str]]) -> None:
    kept = conn.execute("SELECT count(*) FROM crawl_errors WHERE run_id = ?", (run_id,)).fetchone()[0]
    rows = [(run_id, url, error[:1000], utcnow()) for url, error in errors][:max(0, MAX_ERRORS_KEPT - kept)]
    conn.executemany("INSERT INTO crawl_errors (run_id, url, error, at) VALUES (?, ?, ?, ?)", rows)
