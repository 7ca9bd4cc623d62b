"""The daemon end to end: real `newsagg schedule` process, real APScheduler, real crawl children,
a loopback site and the real SQLite file."""

from __future__ import annotations

import signal
from datetime import datetime
from pathlib import Path

from tests.scheduler.helpers import (
    all_runs,
    lock_of,
    news_routes,
    process_gone,
    routes_hanging_first_time,
    wait_for,
    write_config,
)


def finished(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["status"] != "running"]


def test_interval_fires_and_records_runs(tmp_path: Path, sites, daemons):
    site = sites(news_routes())
    config = write_config(tmp_path, [{"name": "wire", "start_urls": [site.url("/news/")], "every": "1s"}])
    db = tmp_path / "news.db"
    daemon = daemons(config, db)

    done = wait_for(lambda: len(finished(all_runs(db))) >= 2 and finished(all_runs(db)), 30, "two finished runs")

    assert [r["status"] for r in done[:2]] == ["ok", "ok"], done
    assert {r["trigger"] for r in done} == {"schedule"}
    assert done[0]["articles_new"] >= 1 and done[0]["pages_fetched"] >= 4
    assert done[1]["articles_new"] == 0  # the same articles, seen again
    assert all(Path(r["log_path"]).is_file() for r in done)
    daemon.signal(signal.SIGTERM)
    assert daemon.wait(timeout=15) == 0
    assert (tmp_path / "logs" / "daemon.log").is_file()


def test_no_overlap_when_a_run_outlasts_its_interval(tmp_path: Path, sites, daemons):
    site = sites(news_routes(delay=1.8))  # each run takes > 1.8 s, the interval is 1 s
    config = write_config(tmp_path, [{"name": "slowwire", "start_urls": [site.url("/news/")], "every": "1s"}])
    db = tmp_path / "news.db"
    daemons(config, db)
    most_running = 0

    def three_finished():
        nonlocal most_running
        rows = all_runs(db)
        most_running = max(most_running, sum(r["status"] == "running" for r in rows))
        return len(finished(rows)) >= 3 and rows

    rows = wait_for(three_finished, 40, "three finished runs", every=0.05)

    assert most_running == 1
    ordered = finished(rows)[:3]
    for previous, following in zip(ordered, ordered[1:], strict=False):
        assert datetime.fromisoformat(following["started_at"]) >= datetime.fromisoformat(previous["finished_at"])
    assert all(r["status"] == "ok" for r in ordered), ordered


def test_a_hung_crawl_is_killed_at_its_timeout(tmp_path: Path, sites, daemons):
    site = sites(news_routes(delay=120))  # never answers in time
    config = write_config(tmp_path, [{"name": "hung", "start_urls": [site.url("/news/")], "every": "1h",
                                      "timeout": "2s"}])
    db = tmp_path / "news.db"
    daemon = daemons(config, db, 2.0, 1.0)

    run = wait_for(lambda: finished(all_runs(db)), 20, "the hung run to be stopped")[0]

    assert run["status"] == "timeout", run
    assert "exceeded its timeout of 2s" in daemon.output()  # stopped by the daemon, not by itself
    # The run is closed as timeout before the signals; Scrapy then waits on the slow download.
    wait_for(lambda: "ignored SIGTERM for 1s; killing it" in daemon.output(), 5, "the SIGKILL")
    took = datetime.fromisoformat(run["finished_at"]) - datetime.fromisoformat(run["started_at"])
    assert took.total_seconds() <= 2 + 1 + 3  # timeout + kill grace + slack; the page takes 120 s
    assert wait_for(lambda: process_gone(run["pid"]), 5, "the crawl process to be gone")
    assert wait_for(lambda: lock_of(db, "hung") is None, 5, "the lock to be released")
    assert daemon.process.poll() is None  # the daemon itself carries on


def test_a_manual_crawl_during_a_scheduled_one_is_refused_or_waits(tmp_path: Path, sites, daemons):
    from tests.scheduler.helpers import run_newsagg

    site = sites(news_routes(delay=3))
    config = write_config(tmp_path, [{"name": "wire", "start_urls": [site.url("/news/")], "every": "1h"}])
    db = tmp_path / "news.db"
    daemons(config, db)  # never ran: it catches up at once
    wait_for(lambda: any(r["status"] == "running" for r in all_runs(db)), 15, "the scheduled run to start")

    refused = run_newsagg("crawl", "wire", "--config", str(config), "--db", str(db))
    waited = run_newsagg("crawl", "wire", "--wait", "--config", str(config), "--db", str(db))

    assert refused.returncode == 3, refused.stderr
    assert "already being crawled" in refused.stderr
    assert waited.returncode == 0, waited.stderr
    assert "already being crawled" in waited.stderr and "waiting for it" in waited.stderr
    scheduled, manual = all_runs(db)
    assert (scheduled["trigger"], scheduled["status"]) == ("schedule", "ok")
    assert (manual["trigger"], manual["status"]) == ("manual", "ok")
    assert datetime.fromisoformat(manual["started_at"]) >= datetime.fromisoformat(scheduled["finished_at"])


def test_sigterm_stops_running_crawls_and_records_them_interrupted(tmp_path: Path, sites, daemons):
    site = sites(news_routes(delay=120))
    config = write_config(tmp_path, [{"name": "hung", "start_urls": [site.url("/news/")], "every": "1h"}])
    db = tmp_path / "news.db"
    daemon = daemons(config, db, 1.0, 1.0)
    running = wait_for(lambda: [r for r in all_runs(db) if r["status"] == "running"], 15, "a running crawl")[0]

    daemon.signal(signal.SIGTERM)

    assert daemon.wait(timeout=15) == 0, daemon.output()
    rows = all_runs(db)
    assert [r["status"] for r in rows] == ["interrupted"], rows
    assert lock_of(db, "hung") is None
    assert process_gone(running["pid"])


def test_a_second_signal_exits_at_once(tmp_path: Path, sites, daemons):
    site = sites(news_routes(delay=120))
    config = write_config(tmp_path, [{"name": "hung", "start_urls": [site.url("/news/")], "every": "1h"}])
    db = tmp_path / "news.db"
    daemon = daemons(config, db, 60.0, 60.0)  # the first signal alone would wait a minute
    running = wait_for(lambda: [r for r in all_runs(db) if r["status"] == "running"], 15, "a running crawl")[0]

    daemon.signal(signal.SIGTERM)
    wait_for(lambda: "starting no more crawls" in daemon.output(), 5, "the first signal to be handled")
    daemon.signal(signal.SIGINT)

    assert daemon.wait(timeout=5) == 1
    assert [r["status"] for r in all_runs(db)] == ["interrupted"]
    assert wait_for(lambda: process_gone(running["pid"]), 5, "the crawl process to be gone")


def test_catch_up_on_start_runs_only_sources_missing_a_run(tmp_path: Path, sites, daemons):
    from tests.scheduler.helpers import run_newsagg

    site = sites(news_routes())
    yearly = "0 0 1 1 *"  # next regular run months away: only a catch-up can run these now
    config = write_config(tmp_path, [
        {"name": "fresh", "start_urls": [site.url("/news/")], "schedule": yearly},
        {"name": "fresh-interval", "start_urls": [site.url("/news/")], "every": "1h"},
        {"name": "never", "start_urls": [site.url("/news/")], "schedule": yearly},
    ])
    db = tmp_path / "news.db"
    for name in ("fresh", "fresh-interval"):
        assert run_newsagg("crawl", name, "--config", str(config), "--db", str(db)).returncode == 0

    daemon = daemons(config, db)
    wait_for(lambda: finished(all_runs(db, "never")), 20, "the catch-up run of 'never'")
    daemon.signal(signal.SIGTERM)
    assert daemon.wait(timeout=15) == 0

    assert [(r["trigger"], r["status"]) for r in all_runs(db, "never")] == [("schedule", "ok")]
    assert [r["trigger"] for r in all_runs(db, "fresh")] == ["manual"]
    assert [r["trigger"] for r in all_runs(db, "fresh-interval")] == ["manual"]


def test_a_stale_lock_from_a_killed_crawl_is_recovered(tmp_path: Path, sites, daemons):
    import socket
    import subprocess

    from tests.scheduler.helpers import newsagg_command, run_newsagg

    requests: list[str] = []
    site = sites(routes_hanging_first_time(requests))
    config = write_config(tmp_path, [{"name": "wire", "start_urls": [site.url("/news/")], "every": "1h"}])
    db = tmp_path / "news.db"
    manual = subprocess.Popen(newsagg_command("crawl", "wire", "--config", str(config), "--db", str(db)),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(lambda: requests, 15, "the manual crawl to hang on the slow page")
    manual.kill()  # SIGKILL: no chance to release the lock or close its run
    manual.wait()
    assert lock_of(db, "wire")["pid"] == manual.pid
    status = run_newsagg("status", "--config", str(config), "--db", str(db))
    assert f"running now:  no: run 1 is dead (process {manual.pid} on " in status.stdout, status.stdout
    assert "running now:  pid" not in status.stdout

    daemon = daemons(config, db)
    wait_for(lambda: len(finished(all_runs(db))) == 2, 20, "the killed run closed and a new run done")
    daemon.signal(signal.SIGTERM)
    assert daemon.wait(timeout=15) == 0

    killed, recovered = all_runs(db)
    assert (killed["status"], killed["pid"]) == ("interrupted", manual.pid)
    assert killed["message"] == (f"the crawl died without closing its run (process {manual.pid} on "
                                 f"{socket.gethostname()} is gone); closed by the scheduler")
    assert f"run 1 died without closing (process {manual.pid} on" in daemon.output()
    assert (recovered["trigger"], recovered["status"]) == ("schedule", "ok")
    assert recovered["articles_new"] >= 1


def test_one_daemon_per_database_and_status_reports_it(tmp_path: Path, sites, daemons):
    from tests.scheduler.helpers import run_newsagg

    site = sites(news_routes())
    config = write_config(tmp_path, [{"name": "wire", "start_urls": [site.url("/news/")], "every": "1h"}])
    db = tmp_path / "news.db"
    first = daemons(config, db)
    wait_for(lambda: lock_of(db, "@scheduler"), 15, "the daemon to hold its lock")

    second = run_newsagg("schedule", "--config", str(config), "--db", str(db), timeout=30)
    running = run_newsagg("status", "--config", str(config), "--db", str(db))
    first.signal(signal.SIGTERM)
    assert first.wait(timeout=15) == 0
    stopped = run_newsagg("status", "--config", str(config), "--db", str(db))

    assert second.returncode == 2
    assert f"another `newsagg schedule` is running on this database (pid {first.pid}" in second.stderr
    assert f"scheduler: running, pid {first.pid}" in running.stdout
    assert "scheduler: not running" in stopped.stdout


def test_a_crashed_crawl_is_recorded_failed_and_the_daemon_carries_on(tmp_path: Path, sites, daemons):
    import os

    requests: list[str] = []
    site = sites(routes_hanging_first_time(requests))
    config = write_config(tmp_path, [{"name": "wire", "start_urls": [site.url("/news/")], "every": "2s"}])
    db = tmp_path / "news.db"
    daemon = daemons(config, db)
    victim = wait_for(lambda: requests and [r for r in all_runs(db) if r["status"] == "running"], 15,
                      "a crawl hanging on the slow page")[0]

    os.kill(victim["pid"], signal.SIGKILL)  # what the OOM killer does

    rows = wait_for(lambda: len(finished(all_runs(db))) >= 2 and finished(all_runs(db)), 20, "a run after the crash")
    assert rows[0]["status"] == "failed" and "exit code -9" in rows[0]["message"], rows[0]
    assert rows[1]["status"] == "ok"
    assert daemon.process.poll() is None
