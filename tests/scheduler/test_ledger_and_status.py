"""The run ledger as the daemon uses it, and the status warnings, on a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime, timedelta
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
    assert "last 5 runs found no article (60 pages fetched) and none ever did" in sections["emptied"]
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
    assert main(["runs", "--db", str(tmp_path / "none.db")]) == 2
    assert "no such database" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def started(conn, run_id: int, ago: timedelta) -> None:
    """Move a run back in time."""
    moment = (datetime.now(UTC) - ago).isoformat(timespec="seconds")
    conn.execute("UPDATE crawl_runs SET started_at = ?, finished_at = ? WHERE id = ?", (moment, moment, run_id))


def test_an_unchanged_site_crawled_again_is_not_a_warning(tmp_path: Path, conn, capsys):
    started(conn, add_run(conn, "steady", "ok", new=15), timedelta(hours=3))
    for _ in range(8):  # nothing new since: the site did not publish, every URL is known
        add_run(conn, "steady", "ok", new=0, pages=13)

    out = status_output(tmp_path, capsys, ["steady"])

    assert "WARNING" not in out


def test_a_site_silent_far_longer_than_usual_is_a_warning(tmp_path: Path, conn, capsys):
    for hours in (60, 59, 58, 57):  # used to yield articles every hour...
        started(conn, add_run(conn, "moved", "ok", new=3), timedelta(hours=hours))
    for hours in (40, 30, 20, 10, 1):  # ...then nothing for more than two days
        started(conn, add_run(conn, "moved", "ok", new=0, pages=40), timedelta(hours=hours))

    sections = _sections(status_output(tmp_path, capsys, ["moved"]))

    assert ("WARNING: no article found for 2d (last 5 runs, 200 pages fetched; usually every 1h): "
            "has the site changed?") in sections["moved"]


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    done = subprocess.Popen(["true"])
    done.wait()
    return done.pid


def test_a_killed_crawl_shows_as_dead_not_running(tmp_path: Path, conn, capsys):
    pid = dead_pid()
    runs.acquire_lock(conn, "wire", pid=pid)
    run_id = runs.start_run(conn, "wire", "manual", pid=pid)
    conn.execute("UPDATE source_locks SET run_id = ? WHERE source = 'wire'", (run_id,))
    db = str(tmp_path / "news.db")

    sections = _sections(status_output(tmp_path, capsys, ["wire"]))
    assert main(["runs", "--db", db]) == 0
    table = capsys.readouterr().out
    assert main(["runs", "--db", db, "--json"]) == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    assert "running now:  pid" not in sections["wire"]
    assert f"running now:  no: run {run_id} is dead (process {pid} on " in sections["wire"]
    assert ", manual, dead," in sections["wire"]
    assert f"WARNING: run {run_id} died without closing (process {pid} on" in sections["wire"]
    assert " dead " in table.splitlines()[1] and "its process is gone" in table
    assert (row["id"], row["status"], row["dead"]) == (run_id, "running", True)


def test_closing_dead_runs_marks_them_interrupted_and_spares_the_living(conn):
    pid = dead_pid()
    runs.acquire_lock(conn, "wire", pid=pid)
    dead = runs.start_run(conn, "wire", "manual", pid=pid)
    conn.execute("UPDATE source_locks SET run_id = ? WHERE source = 'wire'", (dead,))
    runs.acquire_lock(conn, "desk")  # this very process: alive
    living = runs.start_run(conn, "desk", "manual")
    conn.execute("UPDATE source_locks SET run_id = ? WHERE source = 'desk'", (living,))

    assert [run for run, _ in runs.close_dead_runs(conn, "the scheduler")] == [dead]

    closed = row(conn, dead)
    assert closed["status"] == "interrupted" and closed["finished_at"]
    assert closed["message"] == (f"the crawl died without closing its run (process {pid} on "
                                 f"{runs.current_lock(conn, 'desk')['hostname']} is gone); closed by the scheduler")
    assert runs.current_lock(conn, "wire") is None
    assert row(conn, living)["status"] == "running" and runs.current_lock(conn, "desk") is not None
    assert runs.running_run_ids(conn) == {living}


def test_status_and_runs_as_json_lines(tmp_path: Path, conn, capsys):
    first = add_run(conn, "wire", "ok", new=3)
    add_run(conn, "wire", "failed", message="nothing could be fetched (HTTP 404)")
    config = write_config(tmp_path, [{"name": "wire", "start_urls": ["http://127.0.0.1/"], "every": "1h"}])
    db = str(tmp_path / "news.db")

    assert main(["status", "--json", "--config", str(config), "--db", db]) == 0
    scheduler, wire = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert main(["runs", "--json", "--db", db]) == 0
    history = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    assert scheduler == {"kind": "scheduler", "running": False}
    assert (wire["kind"], wire["name"], wire["in_config"], wire["running"]) == ("source", "wire", True, None)
    assert wire["last_run"]["status"] == wire["last_run"]["state"] == "failed"
    assert wire["last_success"]["id"] == first and wire["next_run"]
    assert wire["warnings"] == ["last run failed: nothing could be fetched (HTTP 404)"]
    assert [r["status"] for r in history] == ["failed", "ok"]
    assert set(history[0]) >= {"id", "source", "trigger", "started_at", "finished_at", "pages_fetched", "message"}


def test_a_crawl_that_died_before_recording_its_run_in_the_lock_is_closed_too(conn):
    pid = dead_pid()
    runs.acquire_lock(conn, "wire", pid=pid)  # lock taken, run opened, killed before set_lock_run
    orphan = runs.start_run(conn, "wire", "manual", pid=pid)

    runs.acquire_lock(conn, "wire")  # the next crawl takes the lock over

    assert row(conn, orphan)["status"] == "interrupted"
    assert row(conn, orphan)["message"].endswith(f"lock recovered by pid {PID}")
