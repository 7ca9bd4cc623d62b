"""Shared test helpers: run the real `newsagg` command in a subprocess (one Twisted reactor per
process, exactly as operators and the scheduler run it), in the test's working directory (a
temporary folder: tests/conftest.py), never in the checkout."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def newsagg(*args: str, env: dict | None = None, timeout: float = 120, cwd: Path | None = None,
            stdin: str | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    full_env.pop("NEWSAGG_DB", None) if env is None or "NEWSAGG_DB" not in env else None
    return subprocess.run([sys.executable, "-m", "newsagg", *args], capture_output=True, text=True,
                          timeout=timeout, env=full_env, cwd=cwd or Path.cwd(), input=stdin)


def query(db: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def wait_for(condition: Callable[[], object], timeout: float, what: str, every: float = 0.1):
    """Poll until `condition()` is truthy; returns its value or fails the test with `what`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")
