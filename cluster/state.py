"""What a cluster crawl knows already, without the SQLite file.

When the writer opens a run it asks the file the same db.fetch_state questions a local crawl asks
when it starts (the source's known articles and their aliases, its other known pages, listing
revisit schedules, the frontier, the last good run, and the validators and publication dates a
crawl may look up later), and puts the answers in Redis under one key, compressed; the crawl
child reads them with one GET (bench/cluster_known_urls.py measures the size: docs/scaling.md).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import asdict

from db import fetch_state
from db.fetch_state import Revisit

FORMAT = 2


def build(conn: sqlite3.Connection, source: str) -> bytes:
    """The snapshot of one source for a run starting now (the writer's side)."""
    articles = [[url, None if canonical == url else canonical, seen]
                for url, canonical, seen in fetch_state.known_articles(conn, source)]
    pages = [dict(row) for row in fetch_state.known_pages(conn, source)]
    validators = conn.execute("SELECT url, etag, last_modified FROM fetch_state WHERE source = ?"
                              " AND (etag IS NOT NULL OR last_modified IS NOT NULL)", (source,)).fetchall()
    published = conn.execute("SELECT au.url, a.published_at FROM article_urls au JOIN articles a ON a.id = au.article_id"
                             " WHERE a.source = ? AND a.published_at IS NOT NULL", (source,)).fetchall()
    snapshot = {"format": FORMAT, "articles": articles, "pages": pages,
                "revisits": [asdict(r) for r in fetch_state.revisits(conn, source).values()],
                "frontier": [dict(row) for row in fetch_state.frontier(conn, source)],
                "last_ok": fetch_state.last_successful_run(conn, source),
                "validators": {url: [etag, modified] for url, etag, modified in validators},
                "published": dict(published)}
    return zlib.compress(json.dumps(snapshot, separators=(",", ":")).encode("utf-8"), 6)


class Snapshot:
    """A run's snapshot, read back (the crawl child's side)."""

    def __init__(self, blob: bytes):
        data = json.loads(zlib.decompress(blob))
        if data.get("format") != FORMAT:
            raise ValueError(f"known-URL snapshot of format {data.get('format')!r}, expected {FORMAT}")
        self.articles = [(url, canonical or url, seen) for url, canonical, seen in data["articles"]]
        self.pages, self.frontier = data["pages"], data["frontier"]
        self.revisits = {row["url"]: Revisit(**row) for row in data["revisits"]}
        self.last_ok: str | None = data["last_ok"]
        self.validators: dict[str, list] = data["validators"]
        self.published: dict[str, str] = data["published"]


class SnapshotFetchState:
    """The reads of a cluster crawl (scraper/backend.py's FetchStateAccess): db.fetch_state's
    answers from the snapshot; what the crawl writes goes to the writer with its batches."""

    def __init__(self, snapshot: Snapshot):
        self.snapshot = snapshot

    def known_articles(self, source: str):
        return list(self.snapshot.articles)

    def known_pages(self, source: str):
        return list(self.snapshot.pages)

    def revisits(self, source: str) -> dict[str, Revisit]:
        return dict(self.snapshot.revisits)

    def frontier(self, source: str):
        return list(self.snapshot.frontier)

    def validators(self, url: str) -> tuple[str | None, str | None]:
        found = self.snapshot.validators.get(url)
        return (found[0], found[1]) if found else (None, None)

    def last_successful_run(self, source: str) -> str | None:
        return self.snapshot.last_ok

    def published_dates(self, urls) -> dict[str, str]:
        published = self.snapshot.published
        return {url: published[url] for url in urls if url in published}

    def close(self) -> None:
        pass
