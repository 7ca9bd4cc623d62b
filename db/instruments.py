"""The instrument tags of stored articles: tables, writes, and the batched fill after an upgrade.

`instruments` holds one row per instrument (natural key `key`, see instruments.model.Instrument),
`article_instruments` one row per article and instrument. docs/schema.md documents both.
"""

from __future__ import annotations

import logging
import sqlite3

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
        tags = recognise(article.title, article.body, article.language, article.published_at)
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
        rows = conn.execute("SELECT id, title, body, language, published_at FROM articles WHERE id >= ? AND id <= ?"
                            " ORDER BY id LIMIT ?", (state[0], state[1], batch)).fetchall()
        for row in rows:  # recognise outside the write lock
            recognised.append((row[0], recognise(row[1], row[2], row[3], row[4])))
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
