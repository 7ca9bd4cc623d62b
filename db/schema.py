"""Versioned, idempotent schema migrations (PRAGMA user_version).

MIGRATIONS[i] brings a database from user_version i to i+1. Each step runs in one
transaction together with the user_version bump, so a crash mid-migration leaves the
previous version intact and the next open simply retries. Never edit a released step:
append a new one. docs/schema.md documents the resulting schema (a public contract).
"""

from __future__ import annotations

import sqlite3

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

MIGRATIONS: list[str] = [V1]


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
