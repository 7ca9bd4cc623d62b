"""The run ledger as the daemon uses it, and the status warnings, on a real SQLite file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from db import runs
from db.connection import connect
from newsagg.cli import main
from tests.scheduler.helpers import write_config

PID = os.getpid()


@pytest.fixture
def conn(tmp_path: Path):
    conn = connect(tmp_path / "news.db")
    yield conn
    conn.close()


def add_run(conn, source: str, status: str, new: int = 0, pages: int = 3, message: str | None = None) -> int:
    run_id = runs.start_run(conn, source, "schedule", pid=PID)
    runs.finish_run(conn, run_id, status, runs.RunCounters(pages_fetched=pages, articles_new=new), message)
    return run_id


def row(conn, run_id: int) -> dict:
    return next(dict(r) for r in runs.list_runs(conn, limit=1000) if r["id"] == run_id)


def test_a_run_closed_by_the_daemon_keeps_its_status_but_gets_the_final_counters(conn):
    run_id = runs.start_run(conn, "wire", "schedule", pid=PID)
    assert runs.close_runs_of_process(conn, PID, "timeout", "exceeded 2s") == [run_id]

    runs.finish_run(conn, run_id, "interrupted", runs.RunCounters(pages_fetched=7, articles_new=2))

    closed = row(conn, run_id)
    assert (closed["status"], closed["message"], closed["pages_fetched"], closed["articles_new"]) == (
        "timeout", "exceeded 2s", 7, 2)


def test_closing_a_dead_process_frees_its_lock_and_leaves_other_runs_alone(conn):
    runs.acquire_lock(conn, "wire")
    mine = runs.start_run(conn, "wire", "schedule", pid=PID)
    other = runs.start_run(conn, "desk", "manual", pid=PID + 1)

    runs.close_runs_of_process(conn, PID, "failed", "died")
    runs.release_locks_of_process(conn, PID)

    assert row(conn, mine)["status"] == "failed"
    assert row(conn, other)["status"] == "running"
    assert runs.current_lock(conn, "wire") is None


def status_output(tmp_path: Path, capsys, sources: list[str]) -> str:
    config = write_config(tmp_path, [{"name": n, "start_urls": ["http://127.0.0.1/"], "every": "1h"}
                                     for n in sources])
    assert main(["status", "--config", str(config), "--db", str(tmp_path / "news.db")]) == 0
    return capsys.readouterr().out


def test_status_warns_about_failing_and_empty_sources_only(tmp_path: Path, conn, capsys):
    for _ in range(3):
        add_run(conn, "broken", "failed", message="nothing could be fetched (404)")
    for _ in range(5):
        add_run(conn, "emptied", "ok", new=0, pages=12)
    add_run(conn, "healthy", "ok", new=0)
    add_run(conn, "healthy", "ok", new=4)
    add_run(conn, "flaky", "ok", new=3)
    add_run(conn, "flaky", "timeout", message="exceeded the source's timeout of 60s")

    out = status_output(tmp_path, capsys, ["broken", "emptied", "healthy", "flaky", "idle"])
    sections = _sections(out)

    assert "last 3 runs did not succeed (latest: failed: nothing could be fetched (404))" in sections["broken"]
    assert "no successful run yet" in sections["broken"]
    assert "last 5 runs stored no article (60 pages fetched)" in sections["emptied"]
    assert "WARNING" not in sections["healthy"]
    assert "last run timeout: exceeded the source's timeout of 60s" in sections["flaky"]
    assert "last run:     never" in sections["idle"] and "overdue" in sections["idle"]
    assert "WARNING" not in sections["idle"]
    assert out.rstrip().endswith("5 source(s), 3 with warnings")


def _sections(out: str) -> dict[str, str]:
    """`newsagg status` output -> {source name: its indented lines}."""
    sections: dict[str, str] = {}
    name = None
    for line in out.splitlines():
        if not line.startswith(" ") and not line.endswith("with warnings"):
            name = line
            sections[name] = ""
        elif name:
            sections[name] += line + "\n"
    return sections


def test_runs_lists_history_newest_first_and_filters(tmp_path: Path, conn, capsys):
    first = add_run(conn, "wire", "ok", new=3)
    add_run(conn, "desk", "failed", message="crawl ended: boom")
    last = add_run(conn, "wire", "ok", new=1)

    assert main(["runs", "--db", str(tmp_path / "news.db"), "--source", "wire", "--limit", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()

    assert lines[0].split()[:3] == ["RUN", "SOURCE", "TRIGGER"]
    assert [int(line.split()[0]) for line in lines[1:]] == [last, first]


def test_runs_on_a_missing_database_is_a_clear_error(tmp_path: Path, capsys):
    assert main(["runs", "--db", str(tmp_path / "none.db")]) == 1
    assert "no such database" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
