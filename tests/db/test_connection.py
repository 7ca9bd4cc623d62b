"""Opening the file: WAL even when another tool holds a fresh (non-WAL) file open."""

from __future__ import annotations

import sqlite3
import threading
import time

from db.connection import connect


def test_wal_switch_waits_for_a_reader_on_a_file_made_by_another_tool(tmp_path):
    path = tmp_path / "made-by-sqlite3.db"
    reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    reader.execute("CREATE TABLE notes (x)")
    reader.execute("BEGIN")
    reader.execute("SELECT * FROM notes").fetchall()  # holds a shared lock: WAL switch must wait

    def finish_reading():
        time.sleep(0.5)
        reader.execute("COMMIT")

    releaser = threading.Thread(target=finish_reading)
    releaser.start()
    started = time.monotonic()
    conn = connect(path)
    releaser.join()
    assert time.monotonic() - started >= 0.4  # it did wait for the reader, rather than fail
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0  # migrated
    conn.close()
    reader.close()
