"""Read-side queries for downstream use: full-text search, streaming export, statistics.

All values are bound as parameters; the only SQL assembled here joins fixed fragments chosen
by which filters are present.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from core.instants import to_utc

EXPORT_COLUMNS = ("id", "url", "source", "title", "authors", "published_at", "modified_at", "language",
                  "body", "faq", "disclaimer", "content_hash", "duplicate_of", "duplicate_score", "version",
                  "first_seen_at", "last_seen_at", "published_utc", "modified_utc", "utc_basis", "image_url",
                  "images", "body_html", "body_markdown", "instruments")
_JSON_COLUMNS = ("authors", "faq", "images", "instruments")
_FAQ_JSON = ("(SELECT json_group_array(json_object('question', question, 'answer', answer))"
             " FROM (SELECT question, answer FROM faqs WHERE faqs.article_id = articles.id ORDER BY position))")
_IMAGES_JSON = ("(SELECT json_group_array(json_object('url', url, 'caption', caption, 'credit', credit, 'alt', alt))"
                " FROM (SELECT * FROM article_images i WHERE i.article_id = articles.id ORDER BY position))")
_INSTRUMENTS_JSON = ("(SELECT json_group_array(json_object('kind', i.kind, 'symbol', i.symbol, 'exchange', i.exchange,"
                     " 'name', i.name, 'isin', i.isin, 'mentions', ai.mentions, 'in_title', ai.in_title))"
                     " FROM article_instruments ai JOIN instruments i ON i.id = ai.instrument_id"
                     " WHERE ai.article_id = articles.id)")
# A ticker ("VIC", "hose:vic", an ISIN) -> the articles tagged with a matching instrument.
_TICKER = ("articles.id IN (SELECT ai.article_id FROM article_instruments ai JOIN instruments i"
           " ON i.id = ai.instrument_id WHERE (i.symbol = ? COLLATE NOCASE OR i.isin = upper(?))"
           " AND (? IS NULL OR i.exchange = ? COLLATE NOCASE))")
_COMPUTED = {"faq": _FAQ_JSON, "images": _IMAGES_JSON, "instruments": _INSTRUMENTS_JSON}
# When an article was published, as a UTC instant: what time order and --since use. Rows stored
# before the UTC columns existed and not yet backfilled (db/backfill.py) fall back to first_seen_at.
PUBLISHED_UTC = "coalesce(articles.published_utc, articles.first_seen_at)"
_EXPORT_BATCH = 500


@dataclass
class ArticleFilter:
    since: str | None = None  # ISO date or time (naive = UTC); compared with published_utc, else first_seen_at
    source: str | None = None
    include_duplicates: bool = False
    ticker: str | None = None  # "NVDA", "HOSE:VIC" or an ISIN: only articles tagged with it

    def where(self, *extra: str) -> tuple[str, list]:
        """A WHERE clause (or "") with its parameters; `extra` conditions come first, unbound."""
        clauses, params = list(extra), []
        if self.since:
            clauses.append(f"{PUBLISHED_UTC} >= ?")
            params.append(to_utc(self.since)[0] or self.since)
        if self.source:
            clauses.append("articles.source = ?")
            params.append(self.source)
        if self.ticker:
            exchange, _, symbol = self.ticker.rpartition(":")
            clauses.append(_TICKER)
            params.extend([symbol, symbol, exchange or None, exchange or None])
        if not self.include_duplicates:
            clauses.append("articles.duplicate_of IS NULL")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def search(conn: sqlite3.Connection, text: str | None, limit: int = 20, raw: bool = False,
           filters: ArticleFilter | None = None) -> list[dict]:
    """Best matches first (bm25). Plain words by default; raw=True passes FTS5 query syntax through.
    Without text (only a ticker filter): the newest tagged articles first. Snippets are one line."""
    columns = ("SELECT articles.id, articles.url, articles.source, articles.title, articles.published_at,"
               " articles.published_utc, articles.duplicate_of, ")
    if not text:
        where, params = (filters or ArticleFilter()).where()
        sql = (columns + "substr(articles.body, 1, 160) AS snippet FROM articles" + where +
               f" ORDER BY {PUBLISHED_UTC} DESC, articles.id DESC LIMIT ?")
        return _one_line_snippets(_dict_rows(conn, sql, [*params, limit]))
    match = text if raw else plain_words(text)
    where, params = (filters or ArticleFilter()).where("articles_fts MATCH ?")
    sql = (columns + "snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet"
           " FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid"
           + where + f" ORDER BY bm25(articles_fts), {PUBLISHED_UTC} DESC LIMIT ?")
    return _one_line_snippets(_dict_rows(conn, sql, [match, *params, limit]))


def _one_line_snippets(hits: list[dict]) -> list[dict]:
    for hit in hits:  # one line: the body's paragraph breaks are not the reader's business here
        hit["snippet"] = " ".join((hit["snippet"] or "").split())
    return hits


def plain_words(text: str) -> str:
    """Words to find, each quoted for FTS5 (so AND, NOT, quotes and * are just text); "" when
    there is no word at all."""
    from sqlite_utils.db import Database  # imported here: it pulls in numpy, slow for every CLI start

    return Database(memory=True).quote_fts(text)


def export_rows(conn: sqlite3.Connection, filters: ArticleFilter | None = None) -> Iterator[dict]:
    """Every matching article with its FAQ, in id order, streamed in batches (constant memory)."""
    where, params = (filters or ArticleFilter()).where()
    columns = ", ".join(f"{_COMPUTED[name]} AS {name}" if name in _COMPUTED else f"articles.{name}"
                        for name in EXPORT_COLUMNS)
    cursor = conn.execute(f"SELECT {columns} FROM articles{where} ORDER BY articles.id", params)
    names = [column[0] for column in cursor.description]
    while batch := cursor.fetchmany(_EXPORT_BATCH):
        for values in batch:
            row = dict(zip(names, values, strict=True))
            for name in _JSON_COLUMNS:
                row[name] = json.loads(row[name] or "[]")
            yield row


def stats(conn: sqlite3.Connection, since: str | None = None) -> dict:
    """Articles per source and day, duplicates and versions: what `newsagg stats` prints."""
    day = "substr(coalesce(published_utc, first_seen_at), 1, 10)"  # the UTC day
    since_clause = f" WHERE {day} >= ?" if since else ""
    params = [since] if since else []
    per_day = _dict_rows(conn, f"SELECT source, {day} AS day, count(*) AS articles,"
                               " count(duplicate_of) AS duplicates FROM articles" + since_clause +
                         " GROUP BY source, day ORDER BY source, day", params)
    per_source = _dict_rows(conn, "SELECT source, count(*) AS articles, count(duplicate_of) AS duplicates,"
                                  " sum(version > 1) AS updated_articles, sum(version - 1) AS versions_kept,"
                                  " min(first_seen_at) AS first_seen, max(last_seen_at) AS last_seen"
                                  " FROM articles" + since_clause +
                            " GROUP BY source ORDER BY source", params)
    totals = _dict_rows(conn, "SELECT count(*) AS articles, count(duplicate_of) AS duplicates,"
                              " count(duplicate_of) - sum(duplicate_score = 1.0) AS near_duplicates,"
                              " (SELECT count(*) FROM article_versions) AS versions_kept,"
                              " (SELECT count(*) FROM article_urls) AS urls,"
                              " (SELECT count(*) FROM faqs) AS faq_entries FROM articles")[0]
    return {"totals": totals, "per_source": per_source, "per_source_day": per_day}


def top_instruments(conn: sqlite3.Connection, since: str | None = None, limit: int = 20) -> list[dict]:
    """The instruments most articles mention (originals only), with how many mention them in the title."""
    since_clause = " AND coalesce(a.published_at, a.first_seen_at) >= ?" if since else ""
    params = [since] if since else []
    return _dict_rows(conn, "SELECT i.kind, i.symbol, i.exchange, i.name, count(*) AS articles,"
                            " sum(ai.in_title) AS in_title, sum(ai.mentions) AS mentions"
                            " FROM article_instruments ai JOIN instruments i ON i.id = ai.instrument_id"
                            " JOIN articles a ON a.id = ai.article_id WHERE a.duplicate_of IS NULL" + since_clause +
                      " GROUP BY i.id ORDER BY articles DESC, mentions DESC, i.symbol LIMIT ?", [*params, limit])


def _dict_rows(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def article_overview(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """One row per article, newest first, with its FAQ count and whether it has a disclaimer."""
    return conn.execute(
        "SELECT a.id, a.title, a.authors, a.published_utc, a.language, a.duplicate_of,"
        " (SELECT count(*) FROM faqs f WHERE f.article_id = a.id) AS faqs,"
        " a.disclaimer IS NOT NULL AS has_disclaimer, length(a.body) AS body_chars"
        " FROM articles a ORDER BY coalesce(a.published_utc, a.first_seen_at) DESC, a.id").fetchall()
