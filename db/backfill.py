"""Fill the columns a migration added for articles stored before it, without blocking anyone.

A migration step only adds columns (instant). The values come later, in small transactions:
- published_utc / modified_utc / utc_basis from the stored local dates, by `fill_utc`, which each
  crawl runs for its own source with the source's timezone before it stores anything (rows
  whose zone was only assumed are read again once a timezone is configured);
- body_html, body_markdown, image_url and the images need the page: the store fills them when an
  unchanged article is fetched again (a `refresh` window, or `newsagg crawl --full`).
Each batch is one short write transaction, so crawls wait at most one batch and readers (WAL)
never wait; bench/db_backfill.py measures both on a 100k-article file.
"""

from __future__ import annotations

import sqlite3

from core.instants import ASSUMED_UTC, utc_instants

from .connection import transaction

BATCH = 500


def fill_utc(conn: sqlite3.Connection, source: str | None = None, timezone: str | None = None,
             batch: int = BATCH) -> int:
    """UTC instants for rows that have dates but none yet (of `source`, or all); returns rows filled."""
    where = "id > ? AND (published_at IS NOT NULL OR modified_at IS NOT NULL) AND (utc_basis IS NULL"
    where += f" OR utc_basis = '{ASSUMED_UTC}')" if timezone else ")"  # a constant, not user data
    params: list = []
    if source is not None:
        where += " AND source = ?"
        params.append(source)
    filled, last_id = 0, 0
    while True:
        with transaction(conn):
            rows = conn.execute(f"SELECT id, published_at, modified_at FROM articles WHERE {where}"
                                " ORDER BY id LIMIT ?", (last_id, *params, batch)).fetchall()
            updates = [(*utc_instants(published, modified, timezone), article_id)
                       for article_id, published, modified in rows]
            conn.executemany("UPDATE articles SET published_utc = ?, modified_utc = ?, utc_basis = ?"
                             " WHERE id = ?", updates)
        filled += sum(1 for update in updates if update[2] is not None)
        if len(rows) < batch:
            return filled
        last_id = rows[-1][0]
