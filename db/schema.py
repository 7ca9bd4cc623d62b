"""Versioned, idempotent schema migrations (PRAGMA user_version).

MIGRATIONS[i] brings a database from user_version i to i+1. Each step runs in one
transaction together with the user_version bump, so a crash mid-migration leaves the
previous version intact and the next open simply retries. Never edit a released step:
append a new one. docs/schema.md documents the resulting schema (a public contract).

How to write a step (V1 and V2 predate this and stay as they are):
- A function `step(conn)`, appended at the END of MIGRATIONS. It runs inside migrate()'s
  transaction; `sqlite_utils.Database(conn)` works inside it (sqlite-utils 4 uses savepoints
  there and never commits on its own).
- Tables and indexes with sqlite-utils: `db["t"].create({...}, pk=..., if_not_exists=True)`,
  `db["t"].create_index([...], if_not_exists=True)`, `add_column` guarded by `_has_column`;
  `db["t"].transform(...)` for what ALTER TABLE cannot do (types, constraints, dropping columns).
- Safe to run twice, and short: a step runs when any command opens the file. Filling new
  columns of existing rows is not a step's job: db/backfill.py does it in small transactions,
  so a big file stays writable (readers are never blocked: WAL).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .dedup import fingerprint

V1 = """
CREATE TABLE IF NOT EXISTS articles (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,          -- canonical URL
    source        TEXT NOT NULL,
    title         TEXT,
    authors       TEXT NOT NULL DEFAULT '[]',    -- JSON list of names
    published_at  TEXT,                          -- ISO 8601, offset kept when known
    modified_at   TEXT,
    language      TEXT,
    body          TEXT NOT NULL DEFAULT '',
    disclaimer    TEXT,
    content_hash  TEXT NOT NULL,                 -- sha256 of the normalised body
    duplicate_of  INTEGER REFERENCES articles(id),
    version       INTEGER NOT NULL DEFAULT 1,
    first_seen_at TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_source_published ON articles(source, published_at);
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_first_seen ON articles(first_seen_at);

CREATE TABLE IF NOT EXISTS faqs (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    question   TEXT NOT NULL,
    answer     TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE IF NOT EXISTS article_urls (
    url           TEXT PRIMARY KEY,              -- every URL the article was seen under
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    first_seen_at TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_urls_article ON article_urls(article_id);

CREATE TABLE IF NOT EXISTS article_versions (
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    title        TEXT,
    body         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    captured_at  TEXT NOT NULL,
    PRIMARY KEY (article_id, version)
);

CREATE TABLE IF NOT EXISTS crawl_runs (
    id               INTEGER PRIMARY KEY,
    source           TEXT NOT NULL,
    trigger          TEXT NOT NULL CHECK (trigger IN ('manual', 'schedule')),
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    status           TEXT NOT NULL
                     CHECK (status IN ('running', 'ok', 'failed', 'timeout', 'interrupted')),
    pages_fetched    INTEGER NOT NULL DEFAULT 0,
    articles_new     INTEGER NOT NULL DEFAULT 0,
    articles_updated INTEGER NOT NULL DEFAULT 0,
    duplicates       INTEGER NOT NULL DEFAULT 0,
    errors           INTEGER NOT NULL DEFAULT 0,
    pid              INTEGER,
    message          TEXT,                       -- why a run failed, one line
    log_path         TEXT
);
CREATE INDEX IF NOT EXISTS crawl_runs_source_started ON crawl_runs(source, started_at);

CREATE TABLE IF NOT EXISTS crawl_errors (
    id     INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES crawl_runs(id) ON DELETE CASCADE,
    url    TEXT,
    error  TEXT NOT NULL,
    at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS crawl_errors_run ON crawl_errors(run_id);

CREATE TABLE IF NOT EXISTS source_locks (
    source       TEXT PRIMARY KEY,
    run_id       INTEGER,
    pid          INTEGER NOT NULL,
    hostname     TEXT NOT NULL,
    acquired_at  TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS fetch_state (
    url           TEXT PRIMARY KEY,              -- canonical URL of a fetched page
    source        TEXT,
    kind          TEXT,                          -- article | listing | feed | sitemap | other
    status        INTEGER,                       -- last HTTP status
    etag          TEXT,
    last_modified TEXT,
    fetched_at    TEXT NOT NULL
);
"""

# V2 (issue 4): near-duplicate index, duplicate score, full-text search over title, body and FAQ.
V2 = """
ALTER TABLE articles ADD COLUMN duplicate_score REAL;       -- overlap with the original; 1.0 = exact copy
ALTER TABLE articles ADD COLUMN faq_text TEXT NOT NULL DEFAULT '';  -- FAQ flattened for search (trigger-kept)

CREATE TABLE IF NOT EXISTS near_dup_bands (
    band_key   INTEGER NOT NULL,                 -- one MinHash LSH band of the body (db/dedup.py)
    article_id INTEGER NOT NULL,                 -- derived data: rows of deleted articles are ignored
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

UPDATE articles SET faq_text = coalesce((SELECT group_concat(qa, char(10)) FROM (
    SELECT question || ' ' || answer AS qa FROM faqs WHERE faqs.article_id = articles.id ORDER BY position)), '');

CREATE TRIGGER IF NOT EXISTS faqs_text_ai AFTER INSERT ON faqs BEGIN
    UPDATE articles SET faq_text = coalesce((SELECT group_concat(qa, char(10)) FROM (
        SELECT question || ' ' || answer AS qa FROM faqs WHERE article_id = new.article_id ORDER BY position)), '')
    WHERE id = new.article_id;
END;
CREATE TRIGGER IF NOT EXISTS faqs_text_ad AFTER DELETE ON faqs BEGIN
    UPDATE articles SET faq_text = coalesce((SELECT group_concat(qa, char(10)) FROM (
        SELECT question || ' ' || answer AS qa FROM faqs WHERE article_id = old.article_id ORDER BY position)), '')
    WHERE id = old.article_id;
END;
CREATE TRIGGER IF NOT EXISTS faqs_text_au AFTER UPDATE ON faqs BEGIN
    UPDATE articles SET faq_text = coalesce((SELECT group_concat(qa, char(10)) FROM (
        SELECT question || ' ' || answer AS qa FROM faqs WHERE article_id = new.article_id ORDER BY position)), '')
    WHERE id IN (old.article_id, new.article_id);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, faq_text, content="articles", content_rowid="id", tokenize="unicode61 remove_diacritics 2");
CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body, faq_text) VALUES (new.id, new.title, new.body, new.faq_text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, faq_text)
    VALUES ('delete', old.id, old.title, old.body, old.faq_text);
END;
-- Only real text changes re-index: a recrawl that touches last_seen_at costs no FTS work.
CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, body, faq_text ON articles
WHEN old.title IS NOT new.title OR old.body IS NOT new.body OR old.faq_text IS NOT new.faq_text BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, faq_text)
    VALUES ('delete', old.id, old.title, old.body, old.faq_text);
    INSERT INTO articles_fts (rowid, title, body, faq_text) VALUES (new.id, new.title, new.body, new.faq_text);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
"""


def _v2_backfill_bands(conn: sqlite3.Connection) -> None:
    """Fingerprint the articles stored before V2, so later copies of them are recognised."""
    rows = conn.execute("SELECT id, body FROM articles")
    for article_id, body in rows:
        found = fingerprint(body)
        if found is not None:
            conn.executemany("INSERT OR IGNORE INTO near_dup_bands (band_key, article_id) VALUES (?, ?)",
                             [(key, article_id) for key in found.band_keys])


def _v2(conn: sqlite3.Connection) -> None:
    for statement in _statements(V2):
        conn.execute(statement)
    _v2_backfill_bands(conn)


def _instruments(conn: sqlite3.Connection) -> None:
    """Issue 15: instrument tags. Tables only; db/instruments.py:fill_backlog tags the stored
    articles afterwards in small transactions (a one-transaction fill would hold the write lock)."""
    from .instruments import create_tables

    create_tables(conn)


def _body_formats_and_utc(conn: sqlite3.Connection) -> None:
    """Issue 16: body_html, body_markdown, image_url and the body's images; UTC instants of the
    dates; the FAQ text written by the store (its V2 triggers dropped); search by sqlite-utils'
    enable_fts, whose update trigger is then narrowed to real text changes (docs/schema.md).
    A file that already holds articles keeps V2's index: it indexes the same columns with the same
    tokenizer, and rebuilding it would hold the write lock for the whole file (21 s at 100k
    articles, bench/db_backfill.py) while every crawl waits."""
    from sqlite_utils import Database
    from sqlite_utils.db import ForeignKey

    db = Database(conn, recursive_triggers=False)
    articles = db["articles"]
    for column in ("body_html", "body_markdown", "image_url", "published_utc", "modified_utc", "utc_basis"):
        if not _has_column(conn, "articles", column):
            articles.add_column(column, str)
    articles.create_index(["published_utc"], index_name="articles_published_utc", if_not_exists=True)
    articles.create_index(["source", "published_utc"], index_name="articles_source_published_utc",
                          if_not_exists=True)
    db["article_images"].create(
        {"article_id": int, "position": int, "url": str, "caption": str, "credit": str, "alt": str},
        pk=("article_id", "position"), not_null={"article_id", "position", "url"},
        foreign_keys=[ForeignKey("article_images", "article_id", "articles", "id", on_delete="CASCADE")],
        if_not_exists=True)
    for trigger in ("faqs_text_ai", "faqs_text_ad", "faqs_text_au"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")  # names from V2, not user data
    if not _has_equivalent_index(conn):
        enable_search(db)


def _has_equivalent_index(conn: sqlite3.Connection) -> bool:
    """Whether articles are stored and articles_fts is V2's index of them: the FTS_COLUMNS, this
    tokenizer, external content in `articles` (V2's narrowed triggers keep it current)."""
    if conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None:
        return False  # nothing to index: the empty file gets sqlite-utils' index at no cost
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
    if row is None:
        return False
    columns = tuple(info[1] for info in conn.execute("PRAGMA table_info(articles_fts)"))
    triggers = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles'")}
    return (columns == FTS_COLUMNS and FTS_TOKENIZER in row[0] and 'content="articles"' in row[0]
            and {"articles_fts_ai", "articles_fts_ad", "articles_fts_au"} <= triggers)


FTS_COLUMNS = ("title", "body", "faq_text")
FTS_TOKENIZER = "unicode61 remove_diacritics 2"
# sqlite-utils' update trigger re-indexes a row on ANY update; this one only when the indexed text
# changes, so a recrawl touching last_seen_at or a backfill of new columns costs no index work
# (measured in bench/db_store.py and bench/db_backfill.py; docs/schema.md has the figures).
_FTS_UPDATE_TRIGGER = """
CREATE TRIGGER articles_au AFTER UPDATE OF title, body, faq_text ON articles
WHEN old.title IS NOT new.title OR old.body IS NOT new.body OR old.faq_text IS NOT new.faq_text BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, faq_text)
    VALUES ('delete', old.id, old.title, old.body, old.faq_text);
    INSERT INTO articles_fts (rowid, title, body, faq_text) VALUES (new.id, new.title, new.body, new.faq_text);
END"""


def enable_search(db, narrow_update_trigger: bool = True) -> None:
    """articles_fts over title, body and FAQ text, as sqlite-utils makes it (external content,
    triggers articles_ai/_ad/_au), replacing V2's hand-made table and triggers."""
    conn = db.conn
    for name in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au", "articles_ai", "articles_ad",
                 "articles_au"):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")  # fixed names, not user data
    conn.execute("DROP TABLE IF EXISTS articles_fts")
    db["articles"].enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZER)
    if narrow_update_trigger:
        conn.execute("DROP TRIGGER articles_au")
        conn.execute(_FTS_UPDATE_TRIGGER)


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))  # fixed names


def _revisits(conn: sqlite3.Connection) -> None:
    """Issue 13: each listing's learned revisit schedule, the persisted crawl frontier, and where a
    redirecting URL leads (docs/schema.md, docs/crawling.md "Only new")."""
    from sqlite_utils import Database  # imported here: it pulls in numpy, slow for every CLI start

    db = Database(conn)
    db["listing_revisits"].create({
        "url": str, "source": str, "kind": str, "interval_s": float, "next_due_at": str, "reads": int,
        "yields": int, "found_last": int, "found_total": int, "last_read_at": str, "last_found_at": str,
    }, pk="url", not_null={"source", "kind", "interval_s", "next_due_at", "reads", "yields", "found_last",
                           "found_total"},
        defaults={"reads": 0, "yields": 0, "found_last": 0, "found_total": 0}, if_not_exists=True)
    db["listing_revisits"].create_index(["source", "next_due_at"], if_not_exists=True)
    db["crawl_frontier"].create({"url": str, "source": str, "found_on": str, "found_at": str, "attempts": int},
                                pk="url", not_null={"source", "found_at", "attempts"}, defaults={"attempts": 0},
                                if_not_exists=True)
    db["crawl_frontier"].create_index(["source"], if_not_exists=True)
    if not _has_column(conn, "fetch_state", "redirect_to"):
        db["fetch_state"].add_column("redirect_to", str)


def _cluster_batches(conn: sqlite3.Connection) -> None:
    """Issue 14: the batches the cluster writer ingested, so a batch delivered twice stores once."""
    from sqlite_utils import Database

    Database(conn)["ingested_batches"].create(
        {"run_id": int, "seq": int, "articles": int, "ingested_at": str}, pk=("run_id", "seq"),
        not_null={"articles", "ingested_at"}, if_not_exists=True)


Step = str | Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Step] = [V1, _v2, _instruments, _body_formats_and_utc, _revisits, _cluster_batches]


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to the latest version; safe to run any number of times. Returns the version."""
    current = schema_version(conn)
    if current > len(MIGRATIONS):
        raise RuntimeError(f"database schema version {current} is newer than this newsagg "
                           f"({len(MIGRATIONS)}); upgrade newsagg")
    for version in range(current, len(MIGRATIONS)):
        step = MIGRATIONS[version]
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) != version:  # another process migrated meanwhile
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(step) if isinstance(step, str) else []:
                conn.execute(statement)
            if callable(step):
                step(conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")  # an int, not user data
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return schema_version(conn)


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit implicitly)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
