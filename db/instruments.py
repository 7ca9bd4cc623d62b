"""The instrument tags of stored articles: tables, writes, and the batched fill after an upgrade.

`instruments` holds one row per instrument (natural key `key`, see instruments.model.Instrument),
`article_instruments` one row per article and instrument. docs/schema.md documents both.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from core.article import Article
from instruments import recognise

from .connection import transaction

logger = logging.getLogger(__name__)
BACKFILL_BATCH = 200  # articles per transaction: a crawler waiting for the write lock waits < 1 s


def create_tables(conn: sqlite3.Connection) -> None:
    """The migration step: tables and indexes (idempotent), and the fill's bookmark."""
    from sqlite_utils import Database

    db = Database(conn)
    db["instruments"].create({"id": int, "key": str, "kind": str, "symbol": str, "exchange": str, "name": str,
                              "isin": str}, pk="id", not_null={"key", "kind"}, if_not_exists=True)
    db["instruments"].create_index(["key"], unique=True, if_not_exists=True)
    db["instruments"].create_index(["symbol"], if_not_exists=True)
    db["instruments"].create_index(["isin"], if_not_exists=True)
    db["article_instruments"].create(
        {"article_id": int, "instrument_id": int, "mentions": int, "in_title": int, "first_position": int},
        pk=("article_id", "instrument_id"), not_null={"mentions", "in_title"},
        foreign_keys=[("article_id", "articles", "id"), ("instrument_id", "instruments", "id")],
        if_not_exists=True)
    db["article_instruments"].create_index(["instrument_id", "article_id"], if_not_exists=True)
    db["backfills"].create({"name": str, "next_id": int, "last_id": int}, pk="name", if_not_exists=True)
    last = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
    conn.execute("INSERT OR IGNORE INTO backfills (name, next_id, last_id) VALUES ('instruments', 1, ?)", (last,))


def write_tags(conn: sqlite3.Connection, article_id: int, article: Article) -> None:
    """Replace an article's tags (inside the caller's transaction). Tags are computed here when the
    producer of the Article did not (instruments None)."""
    tags = article.instruments
    if tags is None:
        tags = recognise(article.title, article.body, article.language, article.published_at, article.modified_at)
    _replace(conn, article_id, tags)


def _replace(conn: sqlite3.Connection, article_id: int, tags: list[dict]) -> None:
    conn.execute("DELETE FROM article_instruments WHERE article_id = ?", (article_id,))
    for tag in tags:
        key = _key(tag)
        conn.execute("INSERT INTO instruments (key, kind, symbol, exchange, name, isin) VALUES (?, ?, ?, ?, ?, ?)"
                     " ON CONFLICT(key) DO UPDATE SET name = coalesce(excluded.name, name)",
                     (key, tag["kind"], tag.get("symbol"), tag.get("exchange"), tag.get("name"), tag.get("isin")))
        instrument_id = conn.execute("SELECT id FROM instruments WHERE key = ?", (key,)).fetchone()[0]
        conn.execute("INSERT OR REPLACE INTO article_instruments (article_id, instrument_id, mentions, in_title,"
                     " first_position) VALUES (?, ?, ?, ?, ?)",
                     (article_id, instrument_id, tag.get("mentions", 1), int(bool(tag.get("in_title"))),
                      tag.get("first_position")))


def _key(tag: dict) -> str:
    if tag.get("isin"):
        return f"isin:{tag['isin']}"
    if tag.get("symbol"):
        return f"{tag['kind']}:{tag.get('exchange') or ''}:{tag['symbol']}"
    return f"{tag['kind']}:name:{(tag.get('name') or '').casefold()}"


def fill_backlog(conn: sqlite3.Connection, batch: int = BACKFILL_BATCH) -> int:
    """Tag the articles stored before the instruments tables existed, `batch` articles per
    transaction, resuming where a previous (interrupted) fill stopped. Readers are never blocked
    (WAL); writers wait at most one batch. Returns the number of articles tagged."""
    done = 0
    while True:
        state = conn.execute("SELECT next_id, last_id FROM backfills WHERE name = 'instruments'").fetchone()
        if state is None or state[0] > state[1]:
            return done
        recognised = []
        rows = conn.execute("SELECT id, title, body, language, published_at, modified_at FROM articles"
                            " WHERE id >= ? AND id <= ?"
                            " ORDER BY id LIMIT ?", (state[0], state[1], batch)).fetchall()
        for row in rows:  # recognise outside the write lock
            recognised.append((row[0], recognise(row[1], row[2], row[3], row[4], row[5])))
        upto = rows[-1][0] if rows else state[1]
        with transaction(conn):
            current = conn.execute("SELECT next_id FROM backfills WHERE name = 'instruments'").fetchone()[0]
            if current != state[0]:
                continue  # another process filled this batch meanwhile
            for article_id, tags in recognised:
                _replace(conn, article_id, tags)
            conn.execute("UPDATE backfills SET next_id = ? WHERE name = 'instruments'", (upto + 1,))
        done += len(rows)
        if done and done % (batch * 10) == 0:
            logger.info("instruments: tagged %d stored articles", done)


@dataclass
class RetagReport:
    articles: int = 0  # articles read and recognised again
    changed: int = 0  # articles whose tags changed (and were rewritten)
    skipped: int = 0  # articles rewritten by a crawl meanwhile (its own tags are current)


def retag(conn: sqlite3.Connection, filters=None, batch: int = BACKFILL_BATCH, recognise_article=None,
          progress=None) -> RetagReport:
    """Recognise the stored articles again (after a watchlist or dictionary change) and rewrite
    the tags that differ: `batch` articles per short transaction, recognition outside it, so readers
    are never blocked (WAL) and a crawl waits at most one batch. An article a crawl rewrote between
    the read and the write keeps the crawl's tags. `filters` is a db.queries.ArticleFilter."""
    from .queries import ArticleFilter

    recognise_article = recognise_article or recognise
    where, params = (filters or ArticleFilter(include_duplicates=True)).where("articles.id > ?")
    sql = (f"SELECT articles.id, title, body, language, published_at, modified_at FROM articles{where}"
           " ORDER BY articles.id LIMIT ?")
    report = RetagReport()
    last_id = 0
    while True:
        rows = conn.execute(sql, [last_id, *params, batch]).fetchall()
        if not rows:
            return report
        last_id = rows[-1][0]
        fresh = {row[0]: (tuple(row[1:]), recognise_article(*row[1:])) for row in rows}
        with transaction(conn):
            marks = ",".join("?" * len(fresh))
            now = {row[0]: tuple(row[1:]) for row in conn.execute(
                f"SELECT id, title, body, language, published_at, modified_at FROM articles WHERE id IN ({marks})",
                list(fresh))}
            stored = _stored_tags(conn, list(fresh))
            for article_id, (read, tags) in fresh.items():
                if now.get(article_id) != read:
                    report.skipped += 1
                    continue
                if stored.get(article_id, set()) != {_row_of(tag) for tag in tags}:
                    _replace(conn, article_id, tags)
                    report.changed += 1
            # A watchlist may rename an instrument it keeps: the key stays, the name follows.
            conn.executemany("UPDATE instruments SET name = ? WHERE key = ? AND name IS NOT ?",
                             {(tag["name"], _key(tag), tag["name"]) for _, tags in fresh.values() for tag in tags
                              if tag.get("name")})
        report.articles += len(rows)
        if progress:
            progress(report)


def _row_of(tag: dict) -> tuple:
    return (_key(tag), tag.get("mentions", 1), int(bool(tag.get("in_title"))), tag.get("first_position"))


def _stored_tags(conn: sqlite3.Connection, article_ids: list[int]) -> dict[int, set[tuple]]:
    marks = ",".join("?" * len(article_ids))
    stored: dict[int, set[tuple]] = {}
    for row in conn.execute("SELECT ai.article_id, i.key, ai.mentions, ai.in_title, ai.first_position"
                            " FROM article_instruments ai JOIN instruments i ON i.id = ai.instrument_id"
                            f" WHERE ai.article_id IN ({marks})", article_ids):
        stored.setdefault(row[0], set()).add(tuple(row[1:]))
    return stored
