"""Upgrading a big file to the issue-16 schema: how long each part holds the write lock, and whether
readers and a crawl's writes keep going meanwhile.

    .venv/bin/python -m bench.db_backfill [--articles 100000]

Builds a file at schema version 2 (what the previous release left) with N synthetic articles, half
of them dated without a UTC offset. Then, with a reader thread (what Datasette does: latest
articles and a full-text search, over and over, on its own connection) and a writer thread (a small
write transaction every 50 ms, as a crawl's store does) running:
1. opening the file with this newsagg runs the migration steps since version 2, one transaction
   each (columns, images table, indexes; the search index is kept, not rebuilt: it already holds
   the same text);
2. fill_utc computes published_utc/modified_utc for every row, in batches of 500 (one short
   transaction each).
Prints per phase its duration, the readers' and the writer's longest wait.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import threading
import time
from pathlib import Path

from bench.db_export import bulk_load
from db import schema
from db.backfill import fill_utc
from db.connection import connect


def build_v2_file(path: Path, count: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    steps = schema.MIGRATIONS
    try:
        schema.MIGRATIONS = steps[:2]
        schema.migrate(conn)
    finally:
        schema.MIGRATIONS = steps
    bulk_load(path, count, conn, local_dates=True)


class Probe(threading.Thread):
    """Runs `work` on its own connection until stopped; records the longest single call."""

    def __init__(self, path: Path, work):
        super().__init__(daemon=True)
        self.path, self.work = path, work
        self.longest, self.calls, self.errors = 0.0, 0, 0
        self.stopped = threading.Event()

    def run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        while not self.stopped.is_set():
            started = time.perf_counter()
            try:
                self.work(conn)
            except sqlite3.Error:
                self.errors += 1
            self.longest = max(self.longest, time.perf_counter() - started)
            self.calls += 1
            time.sleep(0.05)
        conn.close()

    def reset(self) -> tuple[float, int, int]:
        result = (self.longest, self.calls, self.errors)
        self.longest, self.calls, self.errors = 0.0, 0, 0
        return result


def read(conn: sqlite3.Connection) -> None:
    conn.execute("SELECT id, title FROM articles ORDER BY published_at DESC LIMIT 20").fetchall()
    conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'story' LIMIT 20").fetchall()


def write(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT OR REPLACE INTO fetch_state (url, source, kind, status, fetched_at)"
                 " VALUES ('https://probe.example/', 'probe', 'listing', 200, datetime('now'))")
    conn.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    count = parser.parse_args().articles
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "news.db"
        build_v2_file(path, count)
        print(f"{count:,} articles at schema version 2 ({path.stat().st_size / 1e6:.0f} MB)")
        reader, writer = Probe(path, read), Probe(path, write)
        reader.start(), writer.start()
        time.sleep(1)
        reader.reset(), writer.reset()
        phases = []
        started = time.perf_counter()
        conn = connect(path)  # runs the new migration step
        phases.append(("migration steps (a transaction each)", time.perf_counter() - started))
        phases[-1] += (*reader.reset(), *writer.reset())
        started = time.perf_counter()
        filled = fill_utc(conn, None, "Europe/Paris")
        phases.append((f"fill_utc, {filled:,} rows in batches of 500", time.perf_counter() - started))
        phases[-1] += (*reader.reset(), *writer.reset())
        reader.stopped.set(), writer.stopped.set()
        reader.join(), writer.join()
        conn.close()
    print(f"{'phase':45s} {'time':>8s}   reader: longest call (calls, errors)   writer: longest wait (calls)")
    for name, seconds, read_max, reads, read_errors, write_max, writes, write_errors in phases:
        print(f"{name:45s} {seconds:7.1f}s   {read_max * 1000:8.0f} ms ({reads}, {read_errors})"
              f"                {write_max * 1000:8.0f} ms ({writes}, {write_errors} errors)")


if __name__ == "__main__":
    main()
