"""The store: every write of an article happens here, in one transaction.

Deduplication, in three layers (docs/schema.md explains the model):
1. URLs: every URL an article was seen under maps to one `articles` row per canonical URL.
2. Content: a new canonical URL whose body equals (content hash) or nearly equals (MinHash
   bands, then exact shingle overlap) a stored article keeps its own row, with `duplicate_of`
   pointing at the first-published original of that group.
3. Versions: changed content under a known URL bumps `version` and keeps the previous
   content in `article_versions`; unchanged content only touches `last_seen_at`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache, partial
from pathlib import Path

from core.article import Article, ArticleImage, FaqEntry
from core.instants import OFFSET, to_utc, utc_instants, utc_text

from . import fetch_state, runs
from .backfill import fill_utc
from .connection import connect, transaction, utcnow
from .dedup import (
    NEAR_DUPLICATE_OVERLAP,
    Fingerprint,
    ShingleCache,
    content_hash,
    fingerprint,
    overlap,
    shingle_hashes,
)
from .instruments import fill_backlog, write_tags
from .urls import article_url, canonicalize

NEW, UPDATED, UNCHANGED, DUPLICATE = "new", "updated", "unchanged", "duplicate"
MAX_NEAR_CANDIDATES = 20  # verified per article; more only happens for a wildly duplicated story


@dataclass
class UpsertResult:
    outcome: str  # new | updated | unchanged | duplicate
    article_id: int
    url: str  # canonical URL
    duplicate_of: int | None = None


@dataclass
class _Original:
    """The root of a duplicate group a new article resembles."""

    article_id: int
    score: float  # overlap of the shingle sets; 1.0 for an exact content-hash match
    published_at: str | None


def faq_text(faq: Iterable[FaqEntry]) -> str:
    """The FAQ flattened for full-text search: articles.faq_text, written by the store only."""
    return "\n".join(f"{entry.question} {entry.answer}" for entry in faq)


def instants(article: Article) -> tuple[str | None, str | None, str | None]:
    """(published_utc, modified_utc, utc_basis): the extractor's, else from the local values
    (an Article built by hand; without a source timezone a value without offset is assumed UTC)."""
    if article.utc_basis is not None:
        return article.published_utc, article.modified_utc, article.utc_basis
    return utc_instants(article.published_at, article.modified_at)


def published_earlier(candidate: str | None, reference: str | None) -> bool:
    """True only when both dates are known and `candidate` is strictly earlier (as UTC instants)."""
    first, second = to_utc(candidate)[0], to_utc(reference)[0]
    return first is not None and second is not None and first < second


class Store:
    def __init__(self, path: str | Path):
        self.path = str(path)
        self.conn = connect(path)
        self.shingle_cache = ShingleCache()
        fill_backlog(self.conn)  # articles stored before the instruments tables: tagged once, in batches

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def upsert_article(self, article: Article, source: str, fetched_url: str | None = None,
                       seen_urls: Iterable[str] = ()) -> UpsertResult:
        """Insert, update (new version) or touch one article, with its URLs and FAQ, atomically."""
        prepared = prepare_article(article, source, fetched_url, seen_urls)
        if self._stored_hash(prepared.canonical) != prepared.digest:
            prepared.prints()  # a body to fingerprint: do it before taking the write lock
        with transaction(self.conn) as conn:
            return self.write_prepared(conn, prepared)

    def upsert_many(self, batch: Iterable[PreparedArticle]) -> list[UpsertResult]:
        """Several articles in ONE transaction (the cluster writer's path: docs/scaling.md), each
        exactly as upsert_article would store it, in order."""
        batch = list(batch)
        with transaction(self.conn) as conn:
            return [self.write_prepared(conn, prepared) for prepared in batch]

    def write_prepared(self, conn: sqlite3.Connection, prepared: PreparedArticle) -> UpsertResult:
        """The writes of one article, inside the caller's transaction."""
        article, now = prepared.article, utcnow()
        existing = _find_existing(conn, prepared.canonical, prepared.urls)
        if existing is None:
            result = _insert(conn, article, prepared.source, prepared.canonical, prepared.digest, prepared.prints(),
                             now, self.shingle_cache)
        else:
            result = _update(conn, existing, article, prepared.digest, prepared.prints, now)
        if result.outcome != UNCHANGED:
            write_tags(conn, result.article_id, article)
        conn.executemany(
            "INSERT INTO article_urls (url, article_id, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET last_seen_at = excluded.last_seen_at",
            [(url, result.article_id, now, now) for url in sorted(prepared.urls)])
        return result

    # What else a crawl writes, for the jobs of its writer thread (scraper/writer.py), which call
    # them on whichever store the crawl writes to: this file, or the cluster's (cluster/remote.py).

    def record_error(self, run_id: int, url: str | None, error: str, kept: int) -> None:
        runs.record_error(self.conn, run_id, url, error, kept)

    def beat_run(self, source: str, run_id: int, counters: runs.RunCounters) -> None:
        runs.heartbeat(self.conn, source)
        runs.update_counters(self.conn, run_id, counters)

    def finish_run(self, source: str, run_id: int, status: str, counters: runs.RunCounters,
                   message: str | None) -> None:
        runs.end_run(self.conn, source, run_id, status, counters, message)

    def write_state(self, source: str, batch: fetch_state.StateBatch, now: str) -> None:
        fetch_state.write_batch(self.conn, source, batch, now)

    def fill_utc(self, source: str, timezone: str | None) -> int:
        """Backfill the UTC instants of `source`'s older rows, in short transactions (db/backfill.py)."""
        return fill_utc(self.conn, source, timezone)

    def _stored_hash(self, canonical: str) -> str | None:
        row = self.conn.execute("SELECT content_hash FROM articles WHERE url = ?", (canonical,)).fetchone()
        return row[0] if row else None

    def is_known_url(self, url: str) -> bool:
        return self.conn.execute("SELECT 1 FROM article_urls WHERE url = ?", (canonicalize(url),)).fetchone() \
            is not None


@dataclass
class PreparedArticle:
    """An article with everything computed that needs no database: its canonical URL, every URL it
    was reached under, its content hash and (lazily) its fingerprint. A crawl worker of the cluster
    prepares; the writer only writes (docs/scaling.md)."""

    article: Article
    source: str
    canonical: str
    urls: set[str]
    digest: str
    prints: Callable[[], Fingerprint | None]  # computed once, when first called


def prepare_article(article: Article, source: str, fetched_url: str | None = None,
                    seen_urls: Iterable[str] = ()) -> PreparedArticle:
    fetched_url = fetched_url or article.url
    canonical = article_url(fetched_url, article.canonical_url)
    return PreparedArticle(article, source, canonical, _urls_seen(fetched_url, canonical, seen_urls),
                           content_hash(article.body), cache(partial(fingerprint, article.body)))


def _urls_seen(fetched_url: str, canonical: str, seen_urls: Iterable[str]) -> set[str]:
    """Every URL the article was reached under, as given and canonicalised."""
    given = {fetched_url, *seen_urls}
    return {canonical, *given, *(canonicalize(url) for url in given)}


def _find_existing(conn: sqlite3.Connection, canonical: str, urls: set[str]) -> sqlite3.Row | None:
    row = conn.execute("SELECT * FROM articles WHERE url = ?", (canonical,)).fetchone()
    if row is not None:
        return row
    placeholders = ",".join("?" * len(urls))  # only "?" marks: the values are bound
    return conn.execute(
        f"SELECT articles.* FROM article_urls JOIN articles ON articles.id = article_urls.article_id"
        f" WHERE article_urls.url IN ({placeholders}) ORDER BY articles.id LIMIT 1", tuple(urls)).fetchone()


def _find_original(conn: sqlite3.Connection, digest: str, prints: Fingerprint | None,
                   shingle_cache: ShingleCache) -> _Original | None:
    """The group root of a stored article with the same (or nearly the same) body."""
    exact = conn.execute(
        "SELECT coalesce(duplicate_of, id) FROM articles WHERE content_hash = ? AND body != ''"
        " ORDER BY id LIMIT 1", (digest,)).fetchone()
    if exact is not None:
        return _root(conn, exact[0], 1.0)
    if prints is None:
        return None
    placeholders = ",".join("?" * len(prints.band_keys))
    # Most shared bands first: the likeliest copies are verified before the limit cuts the list.
    hits = conn.execute(
        f"SELECT article_id FROM near_dup_bands WHERE band_key IN ({placeholders})"
        " GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT ?",
        (*prints.band_keys, MAX_NEAR_CANDIDATES)).fetchall()
    best_root, best_score = None, 0.0
    for (article_id,) in hits:
        row = conn.execute("SELECT coalesce(duplicate_of, id), content_hash FROM articles WHERE id = ?",
                           (article_id,)).fetchone()
        if row is None:  # a deleted article's leftover bands
            continue
        root_id, stored_digest = row
        hashed = shingle_cache.get(article_id, stored_digest)
        if hashed is None:
            body = conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
            hashed = shingle_hashes(body)
            shingle_cache.put(article_id, stored_digest, hashed)
        score = overlap(prints.shingles, hashed)
        if score >= NEAR_DUPLICATE_OVERLAP and score > best_score:
            best_root, best_score = root_id, score
    return _root(conn, best_root, round(best_score, 4)) if best_root is not None else None


def _root(conn: sqlite3.Connection, root_id: int, score: float) -> _Original:
    published = conn.execute("SELECT coalesce(published_utc, published_at, first_seen_at) FROM articles WHERE id = ?",
                             (root_id,)).fetchone()[0]
    return _Original(root_id, score, published)


def _insert(conn: sqlite3.Connection, article: Article, source: str, canonical: str, digest: str,
            prints: Fingerprint | None, now: str, shingle_cache: ShingleCache) -> UpsertResult:
    original = _find_original(conn, digest, prints, shingle_cache) if article.body.strip() else None
    # An earlier-published newcomer becomes the group's original; otherwise it is the copy.
    published_utc, modified_utc, utc_basis = instants(article)
    takes_over = original is not None and published_earlier(published_utc, original.published_at)
    duplicate_of = original.article_id if original is not None and not takes_over else None
    cursor = conn.execute(
        "INSERT INTO articles (url, source, title, authors, published_at, modified_at, language, body,"
        " disclaimer, content_hash, duplicate_of, duplicate_score, version, first_seen_at, last_seen_at,"
        " faq_text, body_html, body_markdown, image_url, published_utc, modified_utc, utc_basis)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (canonical, source, article.title, json.dumps(article.authors, ensure_ascii=False),
         article.published_at, article.modified_at, article.language, article.body, article.disclaimer,
         digest, duplicate_of, original.score if duplicate_of else None, now, now, faq_text(article.faq),
         article.body_html, article.body_markdown, article.image_url, published_utc, modified_utc, utc_basis))
    article_id = cursor.lastrowid
    if takes_over:
        conn.execute("UPDATE articles SET duplicate_of = ?, duplicate_score = coalesce(duplicate_score, ?)"
                     " WHERE id = ? OR duplicate_of = ?",
                     (article_id, original.score, original.article_id, original.article_id))
    _write_faq(conn, article_id, article.faq)
    _write_images(conn, article_id, article.images)
    _write_bands(conn, article_id, prints)
    if prints is not None and prints.has_shingles:  # the next articles of this crawl may meet it as a candidate
        shingle_cache.put(article_id, digest, prints.shingles)
    return UpsertResult(DUPLICATE if duplicate_of else NEW, article_id, canonical, duplicate_of)


def _update(conn: sqlite3.Connection, row: sqlite3.Row, article: Article, digest: str,
            prints: Callable[[], Fingerprint | None], now: str) -> UpsertResult:
    unchanged = (row["content_hash"] == digest and (row["title"] or "") == (article.title or "")
                 and row["faq_text"] == faq_text(article.faq))
    if unchanged and row["body_html"] is None and article.body_html:
        # Stored before body_html existed: this refresh fills the formats in, with no new version.
        conn.execute("UPDATE articles SET last_seen_at = ?, body_html = ?, body_markdown = ?, image_url = ?"
                     " WHERE id = ?", (now, article.body_html, article.body_markdown, article.image_url, row["id"]))
        conn.execute("DELETE FROM article_images WHERE article_id = ?", (row["id"],))
        _write_images(conn, row["id"], article.images)
        return UpsertResult(UNCHANGED, row["id"], row["url"], row["duplicate_of"])
    if unchanged:
        conn.execute("UPDATE articles SET last_seen_at = ? WHERE id = ?", (now, row["id"]))
        return UpsertResult(UNCHANGED, row["id"], row["url"], row["duplicate_of"])
    conn.execute(
        "INSERT OR IGNORE INTO article_versions (article_id, version, title, body, content_hash, captured_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (row["id"], row["version"], row["title"], row["body"], row["content_hash"], row["last_seen_at"]))
    published_utc, modified_utc, utc_basis = instants(article)
    if not article.modified_at:  # the page gives none: the time this version was seen, an exact instant
        modified_utc, utc_basis = utc_text(datetime.fromisoformat(now)), utc_basis or OFFSET
    conn.execute(
        "UPDATE articles SET title = ?, authors = ?, published_at = coalesce(?, published_at),"
        " modified_at = ?, language = coalesce(?, language), body = ?, disclaimer = ?, content_hash = ?,"
        " version = version + 1, last_seen_at = ?, faq_text = ?, body_html = ?, body_markdown = ?,"
        " image_url = ?, published_utc = coalesce(?, published_utc), modified_utc = ?,"
        " utc_basis = coalesce(?, utc_basis) WHERE id = ?",
        (article.title, json.dumps(article.authors, ensure_ascii=False), article.published_at,
         article.modified_at or now, article.language, article.body, article.disclaimer, digest, now,
         faq_text(article.faq), article.body_html, article.body_markdown, article.image_url, published_utc,
         modified_utc, utc_basis, row["id"]))
    if row["faq_text"] != faq_text(article.faq):
        conn.execute("DELETE FROM faqs WHERE article_id = ?", (row["id"],))
        _write_faq(conn, row["id"], article.faq)
    conn.execute("DELETE FROM article_images WHERE article_id = ?", (row["id"],))
    _write_images(conn, row["id"], article.images)
    if row["content_hash"] != digest:
        previous = fingerprint(row["body"])
        if previous is not None:
            conn.executemany("DELETE FROM near_dup_bands WHERE band_key = ? AND article_id = ?",
                             [(key, row["id"]) for key in previous.band_keys])
        _write_bands(conn, row["id"], prints())
    return UpsertResult(UPDATED, row["id"], row["url"], row["duplicate_of"])


def _write_faq(conn: sqlite3.Connection, article_id: int, faq: list[FaqEntry]) -> None:
    if not faq:
        return
    conn.executemany(
        "INSERT INTO faqs (article_id, position, question, answer) VALUES (?, ?, ?, ?)",
        [(article_id, position, entry.question, entry.answer) for position, entry in enumerate(faq)])


def _write_images(conn: sqlite3.Connection, article_id: int, images: list[ArticleImage]) -> None:
    if images:
        conn.executemany(
            "INSERT INTO article_images (article_id, position, url, caption, credit, alt) VALUES (?, ?, ?, ?, ?, ?)",
            [(article_id, position, image.url, image.caption, image.credit, image.alt)
             for position, image in enumerate(images)])


def _write_bands(conn: sqlite3.Connection, article_id: int, prints: Fingerprint | None) -> None:
    if prints is not None:
        conn.executemany("INSERT OR IGNORE INTO near_dup_bands (band_key, article_id) VALUES (?, ?)",
                         [(key, article_id) for key in prints.band_keys])
