"""The store: every write of an article happens here, in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from scraper.extract import Article

from .connection import connect, transaction, utcnow
from .dedup import content_hash
from .urls import article_url, canonicalize

NEW, UPDATED, UNCHANGED, DUPLICATE = "new", "updated", "unchanged", "duplicate"


@dataclass
class UpsertResult:
    outcome: str  # new | updated | unchanged | duplicate
    article_id: int
    url: str  # canonical URL
    duplicate_of: int | None = None


class Store:
    def __init__(self, path: str | Path):
        self.path = str(path)
        self.conn = connect(path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def upsert_article(self, article: Article, source: str, fetched_url: str | None = None,
                       seen_urls: Iterable[str] = ()) -> UpsertResult:
        """Insert, update (new version) or touch one article, with its URLs and FAQ, atomically."""
        fetched_url = fetched_url or article.url
        canonical = article_url(fetched_url, article.canonical_url)
        urls = {canonicalize(fetched_url), canonical, fetched_url, *seen_urls}
        digest = content_hash(article.body)
        now = utcnow()
        with transaction(self.conn) as conn:
            existing = self._find_existing(conn, canonical, urls)
            if existing is None:
                result = self._insert(conn, article, source, canonical, digest, now)
            else:
                result = self._update(conn, existing, article, digest, now)
            for url in urls:
                conn.execute(
                    "INSERT INTO article_urls (url, article_id, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT(url) DO UPDATE SET last_seen_at = excluded.last_seen_at",
                    (url, result.article_id, now, now))
        return result

    def _find_existing(self, conn: sqlite3.Connection, canonical: str, urls: set[str]) -> sqlite3.Row | None:
        row = conn.execute("SELECT * FROM articles WHERE url = ?", (canonical,)).fetchone()
        if row is not None:
            return row
        placeholders = ",".join("?" * len(urls))
        found = conn.execute(f"SELECT article_id FROM article_urls WHERE url IN ({placeholders}) LIMIT 1",
                             tuple(urls)).fetchone()
        if found is None:
            return None
        return conn.execute("SELECT * FROM articles WHERE id = ?", (found[0],)).fetchone()

    def _insert(self, conn, article: Article, source: str, canonical: str, digest: str, now: str) -> UpsertResult:
        original = conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL AND body != ''"
            " ORDER BY coalesce(published_at, first_seen_at), id LIMIT 1", (digest,)).fetchone()
        duplicate_of = original[0] if original and article.body.strip() else None
        cursor = conn.execute(
            "INSERT INTO articles (url, source, title, authors, published_at, modified_at, language, body,"
            " disclaimer, content_hash, duplicate_of, version, first_seen_at, last_seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            (canonical, source, article.title, json.dumps(article.authors, ensure_ascii=False),
             article.published_at, article.modified_at, article.language, article.body, article.disclaimer,
             digest, duplicate_of, now, now))
        article_id = cursor.lastrowid
        self._write_faq(conn, article_id, article)
        return UpsertResult(DUPLICATE if duplicate_of else NEW, article_id, canonical, duplicate_of)

    def _update(self, conn, row: sqlite3.Row, article: Article, digest: str, now: str) -> UpsertResult:
        if row["content_hash"] == digest and (row["title"] or "") == (article.title or ""):
            conn.execute("UPDATE articles SET last_seen_at = ? WHERE id = ?", (now, row["id"]))
            return UpsertResult(UNCHANGED, row["id"], row["url"], row["duplicate_of"])
        conn.execute(
            "INSERT OR IGNORE INTO article_versions (article_id, version, title, body, content_hash, captured_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (row["id"], row["version"], row["title"], row["body"], row["content_hash"], row["last_seen_at"]))
        conn.execute(
            "UPDATE articles SET title = ?, authors = ?, published_at = coalesce(?, published_at),"
            " modified_at = ?, language = coalesce(?, language), body = ?, disclaimer = ?, content_hash = ?,"
            " version = version + 1, last_seen_at = ? WHERE id = ?",
            (article.title, json.dumps(article.authors, ensure_ascii=False), article.published_at,
             article.modified_at or now, article.language, article.body, article.disclaimer, digest, now,
             row["id"]))
        conn.execute("DELETE FROM faqs WHERE article_id = ?", (row["id"],))
        self._write_faq(conn, row["id"], article)
        return UpsertResult(UPDATED, row["id"], row["url"], row["duplicate_of"])

    @staticmethod
    def _write_faq(conn, article_id: int, article: Article) -> None:
        conn.executemany(
            "INSERT INTO faqs (article_id, position, question, answer) VALUES (?, ?, ?, ?)",
            [(article_id, position, entry.question, entry.answer) for position, entry in enumerate(article.faq)])

    def is_known_url(self, url: str) -> bool:
        return self.conn.execute("SELECT 1 FROM article_urls WHERE url = ?", (canonicalize(url),)).fetchone() \
            is not None
