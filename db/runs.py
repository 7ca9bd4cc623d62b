"""The run ledger (crawl_runs, crawl_errors) and per-source locks shared by the daemon and
manual crawls. A lock row carries the owner's pid, host and a heartbeat, so a lock left behind
by a killed process is recognised as stale and taken over."""

from __future__ import annotations

import os
import socket
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .connection import transaction, utcnow

STALE_AFTER = timedelta(seconds=120)  # no heartbeat for this long: the owner is gone
# `newsagg schedule` holds this row of source_locks: one daemon per database. No source can be
# named so (source names start with a letter or a digit).
DAEMON_LOCK = "@scheduler"
MAX_ERRORS_KEPT = 200  # per run; the count in crawl_runs.errors stays exact


@dataclass
class RunCounters:
    pages_fetched: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    duplicates: int = 0
    errors: int = 0


class SourceBusy(Exception):
    """Another live process holds this source's lock."""

    def __init__(self, source: str, pid: int, hostname: str, run_id: int | None):
        super().__init__(f"source {source!r} is already being crawled (pid {pid} on {hostname}, run {run_id})")
        self.source, self.pid, self.hostname, self.run_id = source, pid, hostname, run_id


def start_run(conn: sqlite3.Connection, source: str, trigger: str, pid: int | None = None,
              log_path: str | None = None) -> int:
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO crawl_runs (source, trigger, started_at, status, pid, log_path)"
            " VALUES (?, ?, ?, 'running', ?, ?)", (source, trigger, utcnow(), pid or os.getpid(), log_path))
    return cursor.lastrowid


def update_counters(conn: sqlite3.Connection, run_id: int, counters: RunCounters) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE crawl_runs SET pages_fetched = ?, articles_new = ?, articles_updated = ?, duplicates = ?,"
            " errors = ? WHERE id = ?",
            (counters.pages_fetched, counters.articles_new, counters.articles_updated, counters.duplicates,
             counters.errors, run_id))


def finish_run(conn: sqlite3.Connection, run_id: int, status: str, counters: RunCounters,
               message: str | None = None) -> None:
    """Close a run with its final counters. A run already closed from outside (marked timeout or
    interrupted by the daemon just before it stopped the crawl) keeps that status and message."""
    with transaction(conn):
        conn.execute(
            "UPDATE crawl_runs SET finished_at = ?, pages_fetched = ?, articles_new = ?,"
            " articles_updated = ?, duplicates = ?, errors = ?,"
            " message = CASE WHEN status = 'running' THEN coalesce(?, message) ELSE message END,"
            " status = CASE WHEN status = 'running' THEN ? ELSE status END WHERE id = ?",
            (utcnow(), counters.pages_fetched, counters.articles_new, counters.articles_updated,
             counters.duplicates, counters.errors, message, status, run_id))


def end_run(conn: sqlite3.Connection, source: str, run_id: int, status: str, counters: RunCounters,
            message: str | None = None) -> None:
    """A crawl's own end: its run closed with the final counters (finish_run), its lock released."""
    finish_run(conn, run_id, status, counters, message)
    release_lock(conn, source)


def mark_run(conn: sqlite3.Connection, run_id: int, status: str, message: str | None = None) -> None:
    """Close a run from outside its process (daemon: timeout/interrupted/failed child)."""
    with transaction(conn):
        conn.execute("UPDATE crawl_runs SET finished_at = ?, status = ?, message = coalesce(?, message)"
                     " WHERE id = ? AND status = 'running'", (utcnow(), status, message, run_id))


def close_runs_of_process(conn: sqlite3.Connection, pid: int, status: str, message: str) -> list[int]:
    """After a crawl process ended or is about to be stopped: close its runs still marked running
    and drop the locks it holds. Returns the ids of the runs it closed."""
    with transaction(conn):
        ids = [row["id"] for row in conn.execute(
            "SELECT id FROM crawl_runs WHERE pid = ? AND status = 'running'", (pid,))]
        conn.executemany("UPDATE crawl_runs SET finished_at = ?, status = ?, message = coalesce(?, message)"
                         " WHERE id = ? AND status = 'running'", [(utcnow(), status, message, i) for i in ids])
    return ids


def release_locks_of_process(conn: sqlite3.Connection, pid: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM source_locks WHERE pid = ? AND hostname = ?", (pid, socket.gethostname()))


def list_runs(conn: sqlite3.Connection, source: str | None = None, limit: int = 20) -> list[sqlite3.Row]:
    """Newest first."""
    if source:
        return conn.execute("SELECT * FROM crawl_runs WHERE source = ? ORDER BY id DESC LIMIT ?",
                            (source, limit)).fetchall()
    return conn.execute("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT ?", (limit,)).fetchall()


def get_run(conn: sqlite3.Connection, run_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM crawl_runs WHERE id = ?", (run_id,)).fetchone()


def run_errors(conn: sqlite3.Connection, run_id: int, limit: int = 5) -> list[sqlite3.Row]:
    """The first failed pages of a run, in the order they failed."""
    return conn.execute("SELECT url, error FROM crawl_errors WHERE run_id = ? ORDER BY id LIMIT ?",
                        (run_id, limit)).fetchall()


def last_success(conn: sqlite3.Connection, source: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM crawl_runs WHERE source = ? AND status = 'ok' ORDER BY id DESC LIMIT 1",
                        (source,)).fetchone()


def recent_finished_runs(conn: sqlite3.Connection, source: str, limit: int) -> list[sqlite3.Row]:
    """The source's last `limit` closed runs, newest first."""
    return conn.execute("SELECT * FROM crawl_runs WHERE source = ? AND status != 'running'"
                        " ORDER BY id DESC LIMIT ?", (source, limit)).fetchall()


def productive_run_times(conn: sqlite3.Connection, source: str, limit: int = 20) -> list[datetime]:
    """When the source's last `limit` runs that found articles (new, updated or copies) started,
    newest first."""
    rows = conn.execute("SELECT started_at FROM crawl_runs WHERE source = ? AND status = 'ok'"
                        " AND articles_new + articles_updated + duplicates > 0 ORDER BY id DESC LIMIT ?",
                        (source, limit))
    return [datetime.fromisoformat(row[0]) for row in rows]


def known_sources(conn: sqlite3.Connection) -> list[str]:
    """Every source with a run in the ledger, by name."""
    return [row[0] for row in conn.execute("SELECT DISTINCT source FROM crawl_runs ORDER BY source")]


def articles_first_seen_since(conn: sqlite3.Connection, since: datetime) -> dict[str, int]:
    """Articles stored for the first time since `since`, per source (for `newsagg status`)."""
    rows = conn.execute("SELECT source, count(*) AS n FROM articles WHERE first_seen_at >= ? AND duplicate_of IS NULL"
                        " GROUP BY source",
                        (since.astimezone(UTC).isoformat(timespec="seconds"),))
    return {row["source"]: row["n"] for row in rows}


def current_lock(conn: sqlite3.Connection, source: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM source_locks WHERE source = ?", (source,)).fetchone()


def record_error(conn: sqlite3.Connection, run_id: int, url: str | None, error: str, kept: int) -> None:
    if kept >= MAX_ERRORS_KEPT:
        return
    with transaction(conn):
        conn.execute("INSERT INTO crawl_errors (run_id, url, error, at) VALUES (?, ?, ?, ?)",
                     (run_id, url, error[:1000], utcnow()))


def acquire_lock(conn: sqlite3.Connection, source: str, run_id: int | None = None,
                 pid: int | None = None, host: str | None = None) -> None:
    """Take the source's lock or raise SourceBusy. Stale locks (dead pid on this host, or no
    heartbeat for STALE_AFTER) are taken over, and the dead owner's run closed. `pid` and `host`:
    the owner when it is not this process (the cluster writer locks for a crawl on another host)."""
    pid = pid or os.getpid()
    this_host = socket.gethostname()
    host = host or this_host
    now = utcnow()
    with transaction(conn):
        row = conn.execute("SELECT * FROM source_locks WHERE source = ?", (source,)).fetchone()
        reason = stale_reason(row, this_host) if row is not None else None
        if row is not None and reason is None:
            raise SourceBusy(source, row["pid"], row["hostname"], row["run_id"])
        conn.execute(
            "INSERT INTO source_locks (source, run_id, pid, hostname, acquired_at, heartbeat_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET run_id = excluded.run_id,"
            " pid = excluded.pid, hostname = excluded.hostname, acquired_at = excluded.acquired_at,"
            " heartbeat_at = excluded.heartbeat_at", (source, run_id, pid, host, now, now))
        if row is not None:  # the previous owner died, maybe mid-run
            _close_dead_run(conn, row, reason, f"lock recovered by pid {pid}")


def close_dead_runs(conn: sqlite3.Connection, closed_by: str,
                    exclude_pids: set[int] = frozenset()) -> list[tuple[int | None, str]]:
    """Close what crawl processes that died without closing their runs (SIGKILL, OOM killer,
    power cut) left behind: their stale source locks, and their runs, as `interrupted`. Locks of
    `exclude_pids` on this host are left to their supervisor. Returns (run id, why) per lock dropped."""
    host = socket.gethostname()
    dropped = []
    with transaction(conn):
        locks = conn.execute("SELECT * FROM source_locks WHERE source != ?", (DAEMON_LOCK,)).fetchall()
        for row in locks:
            reason = stale_reason(row, host)
            if reason is None or (row["hostname"] == host and row["pid"] in exclude_pids):
                continue
            conn.execute("DELETE FROM source_locks WHERE source = ? AND pid = ? AND acquired_at = ?",
                         (row["source"], row["pid"], row["acquired_at"]))
            _close_dead_run(conn, row, reason, f"closed by {closed_by}")
            dropped.append((row["run_id"], reason))
    return dropped


def _close_dead_run(conn: sqlite3.Connection, lock: sqlite3.Row, reason: str, by: str) -> None:
    """The run of a dead lock owner: the lock's run, or (died before it recorded it there) the
    source's running run opened by the same pid."""
    conn.execute("UPDATE crawl_runs SET status = 'interrupted', finished_at = ?, message = ?"
                 " WHERE status = 'running' AND (id = ? OR (source = ? AND pid = ?))",
                 (utcnow(), f"the crawl died without closing its run ({reason}); {by}", lock["run_id"],
                  lock["source"], lock["pid"]))


def running_run_ids(conn: sqlite3.Connection) -> set[int]:
    """Runs marked running whose crawl process is alive (its source lock is held and not stale).
    Any other run still marked running is dead: its process is gone."""
    host = socket.gethostname()
    alive = {row["source"] for row in conn.execute("SELECT * FROM source_locks") if stale_reason(row, host) is None}
    return {row["id"] for row in conn.execute("SELECT id, source FROM crawl_runs WHERE status = 'running'")
            if row["source"] in alive}


def set_lock_run(conn: sqlite3.Connection, source: str, run_id: int, pid: int | None = None) -> None:
    with transaction(conn):
        conn.execute("UPDATE source_locks SET run_id = ? WHERE source = ? AND pid = ?",
                     (run_id, source, pid or os.getpid()))


def heartbeat(conn: sqlite3.Connection, source: str, pid: int | None = None) -> None:
    with transaction(conn):
        conn.execute("UPDATE source_locks SET heartbeat_at = ? WHERE source = ? AND pid = ?",
                     (utcnow(), source, pid or os.getpid()))


def release_lock(conn: sqlite3.Connection, source: str, pid: int | None = None) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM source_locks WHERE source = ? AND pid = ?", (source, pid or os.getpid()))


def is_lock_stale(row: sqlite3.Row, this_host: str | None = None) -> bool:
    """The lock's owner is gone: its pid is dead on this host, or it stopped heartbeating."""
    return stale_reason(row, this_host) is not None


def stale_reason(row: sqlite3.Row, this_host: str | None = None) -> str | None:
    """Why the lock's owner is known to be gone, or None while it may live."""
    this_host = this_host or socket.gethostname()
    if row["hostname"] == this_host and not pid_alive(row["pid"]):
        return f"process {row['pid']} on {row['hostname']} is gone"
    beat = datetime.fromisoformat(row["heartbeat_at"])
    if datetime.now(UTC) - beat > STALE_AFTER:
        return f"process {row['pid']} on {row['hostname']} sent no heartbeat since {row['heartbeat_at']}"
    return None


def pid_alive(pid: int) -> bool:
    """Is process `pid` running on this host? A zombie (exited, not yet reaped) is not."""
    if not pid or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still "exists"; treat it as dead.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True
