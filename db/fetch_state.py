"""Incremental crawl state: which URLs a source already has, their validators, its last good run.

The crawler loads the known URLs of ONE source into memory at spider open (a set lookup per
link is the cheap path), looks validators up one URL at a time only for articles due for a
refresh, and writes what it fetched in batches.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from .connection import transaction

ARTICLE, LISTING, FEED, SITEMAP = "article", "listing", "feed", "sitemap"


@dataclass
class FetchRecord:
    url: str
    source: str
    kind: str  # article | listing | feed | sitemap | other
    status: int
    etag: str | None
    last_modified: str | None
    fetched_at: str


def known_article_urls(conn: sqlite3.Connection, source: str, fresh_since: str | None = None) -> set[str]:
    """Every URL (canonical and aliases) of this source's stored articles, plus article URLs it
    fetched (e.g. answered 304). With `fresh_since`, only those stored or fetched at/after it."""
    stored = ("SELECT au.url FROM article_urls au JOIN articles a ON a.id = au.article_id"
              " WHERE a.source = ?")
    fetched = "SELECT url FROM fetch_state WHERE source = ? AND kind = 'article'"
    params: tuple = (source, source)
    if fresh_since is not None:
        stored += " AND au.last_seen_at >= ?"
        fetched += " AND fetched_at >= ?"
        params = (source, fresh_since, source, fresh_since)
    rows = conn.execute(f"{stored} UNION {fetched}", params)
    return {row[0] for row in rows}


def known_urls_of_kind(conn: sqlite3.Connection, source: str, kind: str) -> set[str]:
    return {row[0] for row in conn.execute("SELECT url FROM fetch_state WHERE source = ? AND kind = ?",
                                           (source, kind))}


def validators(conn: sqlite3.Connection, url: str) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) stored for a URL, (None, None) when unknown."""
    row = conn.execute("SELECT etag, last_modified FROM fetch_state WHERE url = ?", (url,)).fetchone()
    return (row[0], row[1]) if row else (None, None)


def last_successful_run(conn: sqlite3.Connection, source: str) -> str | None:
    """started_at of the source's latest run that finished ok (ISO 8601 UTC), or None."""
    row = conn.execute("SELECT max(started_at) FROM crawl_runs WHERE source = ? AND status = 'ok'",
                       (source,)).fetchone()
    return row[0]


def record_fetches(conn: sqlite3.Connection, records: Iterable[FetchRecord]) -> None:
    """Upsert a batch in one transaction. A 304 keeps the stored kind and validators it did not resend."""
    with transaction(conn):
        write_fetches(conn, records)


def write_fetches(conn: sqlite3.Connection, records: Iterable[FetchRecord]) -> None:
    """record_fetches inside the caller's transaction."""
    conn.executemany(
        "INSERT INTO fetch_state (url, source, kind, status, etag, last_modified, fetched_at)"
        " VALUES (:url, :source, :kind, :status, :etag, :last_modified, :fetched_at)"
        " ON CONFLICT(url) DO UPDATE SET source = excluded.source,"
        " kind = CASE WHEN excluded.status = 304 THEN fetch_state.kind ELSE excluded.kind END,"
        " status = excluded.status, fetched_at = excluded.fetched_at,"
        " etag = coalesce(excluded.etag, CASE WHEN excluded.status = 304 THEN fetch_state.etag END),"
        " last_modified = coalesce(excluded.last_modified,"
        "   CASE WHEN excluded.status = 304 THEN fetch_state.last_modified END)",
        [record.__dict__ for record in records])
