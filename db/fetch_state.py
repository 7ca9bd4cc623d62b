"""Incremental crawl state: what a source already has, and the SQL that keeps it.

The crawler loads the state of ONE source into memory at spider open (a dict lookup per link is
the cheap path) and writes what it learned in batches, each batch one transaction:

- `fetch_state`: every fetched URL, its kind, validators (ETag/Last-Modified), and for a URL that
  redirects, where to (`redirect_to`);
- `listing_revisits`: each listing's (and feed's) revisit interval learned from its yield, and
  when it is next due;
- `crawl_frontier`: links found but not fetched yet (a run cut short, `max_pages`), fetched first
  by the next run;
- `article_urls`: aliases of stored articles (link variants, redirecting URLs).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from .connection import transaction

ARTICLE, LISTING, FEED, SITEMAP, REDIRECT = "article", "listing", "feed", "sitemap", "redirect"
_CHUNK = 500  # bound parameters per IN (...) query
MAX_FRONTIER_ATTEMPTS = 3  # a frontier link that failed this often (timeouts, 5xx) is dropped


@dataclass
class FetchRecord:
    url: str
    source: str
    kind: str  # article | listing | feed | sitemap | redirect
    status: int
    etag: str | None
    last_modified: str | None
    fetched_at: str
    redirect_to: str | None = None  # kind redirect: the canonical URL it leads to


@dataclass
class Revisit:
    """One row of listing_revisits: a listing or feed and its learned schedule."""

    url: str
    source: str
    kind: str  # listing | feed
    interval_s: float  # 0: read on every run (start pages and the feeds they advertise)
    next_due_at: str
    reads: int = 0  # reads so far (a 304 is a read)
    yields: int = 0  # reads that found at least one new article
    found_last: int = 0  # new articles the last read led to
    found_total: int = 0
    last_read_at: str | None = None
    last_found_at: str | None = None


@dataclass
class StateBatch:
    """Everything a crawl learned since its last write, written in one transaction."""

    fetches: list[FetchRecord] = field(default_factory=list)
    revisits: list[Revisit] = field(default_factory=list)
    frontier_added: dict[str, tuple[str | None, str]] = field(default_factory=dict)  # url -> (found_on, at)
    frontier_failed: set[str] = field(default_factory=set)  # a transient error: one attempt more
    frontier_done: set[str] = field(default_factory=set)
    forget: set[str] = field(default_factory=set)  # listings that are gone (404/410): no more revisits
    aliases: dict[str, str] = field(default_factory=dict)  # URL -> a URL of the stored article it names

    def __bool__(self) -> bool:
        return any((self.fetches, self.revisits, self.frontier_added, self.frontier_failed, self.frontier_done,
                    self.forget, self.aliases))


# ---------------------------------------------------------------------------- reading

def known_articles(conn: sqlite3.Connection, source: str) -> Iterable[tuple[str, str, str]]:
    """(url, canonical url, last seen) of every URL of this source's stored articles (canonical and
    aliases; last seen = stored or refetched), and of article pages fetched but not stored (a 304,
    an article older than `since`)."""
    yield from conn.execute(
        "SELECT au.url, a.url, max(a.last_seen_at, coalesce(fs.fetched_at, '')) FROM article_urls au"
        " JOIN articles a ON a.id = au.article_id LEFT JOIN fetch_state fs ON fs.url = a.url WHERE a.source = ?",
        (source,))
    yield from conn.execute(
        "SELECT url, url, fetched_at FROM fetch_state WHERE source = ? AND kind = 'article'"
        " AND url NOT IN (SELECT url FROM article_urls)", (source,))


def known_pages(conn: sqlite3.Connection, source: str) -> Iterable[sqlite3.Row]:
    """url, kind, status, fetched_at, redirect_to of this source's fetched pages that are not articles."""
    return conn.execute("SELECT url, kind, status, fetched_at, redirect_to FROM fetch_state"
                        " WHERE source = ? AND kind != 'article'", (source,))


def revisits(conn: sqlite3.Connection, source: str) -> dict[str, Revisit]:
    rows = conn.execute("SELECT * FROM listing_revisits WHERE source = ?", (source,))
    return {row["url"]: Revisit(**dict(row)) for row in rows}


def frontier(conn: sqlite3.Connection, source: str) -> list[sqlite3.Row]:
    """The links a previous run found but did not fetch, oldest first."""
    return conn.execute("SELECT url, found_on, attempts FROM crawl_frontier WHERE source = ?"
                        " ORDER BY found_at, url", (source,)).fetchall()


def validators(conn: sqlite3.Connection, url: str) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) stored for a URL, (None, None) when unknown."""
    row = conn.execute("SELECT etag, last_modified FROM fetch_state WHERE url = ?", (url,)).fetchone()
    return (row[0], row[1]) if row else (None, None)


def last_successful_run(conn: sqlite3.Connection, source: str) -> str | None:
    """started_at of the source's latest run that finished ok (ISO 8601 UTC), or None."""
    row = conn.execute("SELECT max(started_at) FROM crawl_runs WHERE source = ? AND status = 'ok'",
                       (source,)).fetchone()
    return row[0]


def published_dates(conn: sqlite3.Connection, urls: Iterable[str]) -> dict[str, str]:
    """URL -> published_at of the stored article it names (URLs of no article, or undated, are left out)."""
    urls = list(urls)
    found: dict[str, str] = {}
    for start in range(0, len(urls), _CHUNK):
        chunk = urls[start:start + _CHUNK]
        rows = conn.execute(
            "SELECT au.url, a.published_at FROM article_urls au JOIN articles a ON a.id = au.article_id"
            f" WHERE a.published_at IS NOT NULL AND au.url IN ({','.join('?' * len(chunk))})", chunk)
        found.update((url, published) for url, published in rows)
    return found


def listing_overview(conn: sqlite3.Connection, source: str) -> list[sqlite3.Row]:
    """The revisit schedule of a source for `newsagg status --source`: soonest due first."""
    return conn.execute(
        "SELECT r.*, fs.status FROM listing_revisits r LEFT JOIN fetch_state fs ON fs.url = r.url"
        " WHERE r.source = ? ORDER BY r.interval_s > 0, r.next_due_at, r.url", (source,)).fetchall()


def frontier_size(conn: sqlite3.Connection, source: str) -> int:
    return conn.execute("SELECT count(*) FROM crawl_frontier WHERE source = ?", (source,)).fetchone()[0]


# ---------------------------------------------------------------------------- writing

def write_batch(conn: sqlite3.Connection, source: str, batch: StateBatch, now: str) -> None:
    """Write a crawl's batch in one transaction, so a listing's validators never land without the
    frontier of links it showed (a later 304 would hide them)."""
    with transaction(conn):
        write_batch_in(conn, source, batch, now)


def write_batch_in(conn: sqlite3.Connection, source: str, batch: StateBatch, now: str) -> None:
    """write_batch inside the caller's transaction (the cluster writer's: db/batches.py)."""
    _record_fetches(conn, batch.fetches)
    conn.executemany(
        "INSERT OR REPLACE INTO listing_revisits (url, source, kind, interval_s, next_due_at, reads, yields,"
        " found_last, found_total, last_read_at, last_found_at) VALUES (:url, :source, :kind, :interval_s,"
        " :next_due_at, :reads, :yields, :found_last, :found_total, :last_read_at, :last_found_at)",
        [revisit.__dict__ for revisit in batch.revisits])
    conn.executemany("DELETE FROM listing_revisits WHERE url = ?", [(url,) for url in sorted(batch.forget)])
    conn.executemany(
        "INSERT OR IGNORE INTO crawl_frontier (url, source, found_on, found_at, attempts) VALUES (?, ?, ?, ?, 0)",
        [(url, source, found_on, at) for url, (found_on, at) in batch.frontier_added.items()])
    conn.executemany("UPDATE crawl_frontier SET attempts = attempts + 1 WHERE url = ?",
                     [(url,) for url in sorted(batch.frontier_failed)])
    conn.executemany("DELETE FROM crawl_frontier WHERE url = ?", [(url,) for url in sorted(batch.frontier_done)])
    conn.execute("DELETE FROM crawl_frontier WHERE source = ? AND attempts >= ?", (source, MAX_FRONTIER_ATTEMPTS))
    _add_aliases(conn, batch.aliases, now)


def _record_fetches(conn: sqlite3.Connection, records: list[FetchRecord]) -> None:
    """Upsert fetches. A 304 keeps the stored kind and the validators it did not resend."""
    conn.executemany(
        "INSERT INTO fetch_state (url, source, kind, status, etag, last_modified, fetched_at, redirect_to)"
        " VALUES (:url, :source, :kind, :status, :etag, :last_modified, :fetched_at, :redirect_to)"
        " ON CONFLICT(url) DO UPDATE SET source = excluded.source,"
        " kind = CASE WHEN excluded.status = 304 THEN fetch_state.kind ELSE excluded.kind END,"
        " status = excluded.status, fetched_at = excluded.fetched_at, redirect_to = excluded.redirect_to,"
        " etag = coalesce(excluded.etag, CASE WHEN excluded.status = 304 THEN fetch_state.etag END),"
        " last_modified = coalesce(excluded.last_modified,"
        "   CASE WHEN excluded.status = 304 THEN fetch_state.last_modified END)",
        [record.__dict__ for record in records])


def _add_aliases(conn: sqlite3.Connection, aliases: dict[str, str], now: str) -> None:
    """Each alias joins the article its target URL names; a target that names no stored article
    (not an article after all, or not stored) adds nothing. An alias already taken stays put."""
    def final(target: str) -> str:  # an alias of an alias (a variant of a redirecting URL)
        for _ in range(3):
            target = aliases.get(target, target)
        return target

    conn.executemany(
        "INSERT INTO article_urls (url, article_id, first_seen_at, last_seen_at)"
        " SELECT ?, article_id, ?, ? FROM article_urls WHERE url = ? ON CONFLICT(url) DO NOTHING",
        [(alias, now, now, final(target)) for alias, target in sorted(aliases.items()) if alias != final(target)])
