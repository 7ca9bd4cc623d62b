"""Opening the SQLite file: WAL, busy timeout, foreign keys, migrations. The one way in."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from .schema import MIGRATIONS, migrate, schema_version

BUSY_TIMEOUT_MS = 30_000
CACHE_KIB = -65_536  # 64 MiB page cache per connection


class DatabaseError(Exception):
    """The SQLite file cannot be opened or written (locked, read-only, corrupt, not a database)."""

    exit_code = 1


class UnusableDatabaseError(DatabaseError):
    """The path is not a database this newsagg can use: missing (for a command that only reads),
    not an SQLite file, or written by a newer newsagg. Bad input: exit status 2."""

    exit_code = 2


def utcnow() -> str:
    """Timestamps in the database: ISO 8601 UTC with offset, second precision."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def connect(path: str | Path, migrate_schema: bool = True) -> sqlite3.Connection:
    """Open (creating folders and file when needed) and migrate. Autocommit mode: callers open
    transactions explicitly with `transaction(conn)` so each article is one atomic unit."""
    path = Path(path)
    if str(path) != ":memory:":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UnusableDatabaseError(f"{path}: cannot create its folder: {error.strerror}") from None
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = _switch_to_wal(conn)
        if mode.lower() != "wal" and str(path) != ":memory:":
            raise DatabaseError(f"{path}: cannot switch to WAL mode (got {mode})")
        conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: committed data survives a crash
        conn.execute(f"PRAGMA cache_size = {CACHE_KIB}")  # negative: KiB; the default 2 MB is small for 1M rows
        conn.execute("PRAGMA foreign_keys = ON")
        if migrate_schema:
            _refuse_newer_schema(conn, path)
            migrate(conn)
    except sqlite3.DatabaseError as error:
        kind = UnusableDatabaseError if "not a database" in str(error) else DatabaseError
        raise kind(f"{path}: {error}") from error
    return conn


def open_existing(path: str | Path) -> sqlite3.Connection:
    """For commands that only read: a missing file is an error, never created."""
    if not Path(path).is_file():
        raise UnusableDatabaseError(f"{path}: no such database (nothing crawled yet, or wrong --db)")
    return connect(path)


def _refuse_newer_schema(conn: sqlite3.Connection, path: Path) -> None:
    version = schema_version(conn)
    if version > len(MIGRATIONS):
        conn.close()
        raise UnusableDatabaseError(f"{path}: database schema version {version} is newer than this newsagg "
                                    f"knows ({len(MIGRATIONS)}): upgrade newsagg")


def _switch_to_wal(conn: sqlite3.Connection) -> str:
    """Enter WAL mode. The switch needs the file to itself and ignores busy_timeout, so a reader
    holding a transaction on a file that is not yet WAL (made by another tool) is waited out here."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class transaction:  # noqa: N801 (used like a keyword: `with transaction(conn):`)
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error. IMMEDIATE takes the write lock up
    front, so a busy database waits (busy_timeout) instead of failing half way."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
