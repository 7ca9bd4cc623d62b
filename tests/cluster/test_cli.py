"""The cluster's command line with a real Redis: `schedule --broker` starts like the local daemon,
one writer and one scheduler per cluster, `status` sees the cluster's scheduler, `-q` is quiet."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from db.connection import connect
from newsagg.demo.server import LoopbackSite
from tests.helpers import newsagg, query, wait_for
from tests.scheduler.helpers import news_routes

pytestmark = pytest.mark.slow


def cluster_config(folder: Path, broker: str, log_dir: Path | None = None, every: str = '"1h"',
                   start_url: str = "http://127.0.0.1:9/news/") -> Path:
    """One source, by default at an address nobody answers at (no worker takes its task)."""
    path = folder / "newsagg.toml"
    path.write_text(f'[logging]\ndir = "{log_dir or folder / "logs"}"\n\n[cluster]\nbroker = "{broker}"\n\n'
                    '[crawler]\ndownload_delay = 0\nobey_robots = false\n\n'
                    f'[[sources]]\nname = "wire"\nstart_urls = ["{start_url}"]\nevery = {every}\n')
    return path


def test_schedule_on_a_broker_starts_as_the_local_daemon_does(tmp_path, redis_server):
    """Its config warnings are printed; a log folder it cannot write is one line and leaves the
    cluster's scheduler claim free (a restarted daemon is not refused for a minute)."""
    (tmp_path / "a-file").write_text("where the log folder should be\n")
    config = cluster_config(tmp_path, redis_server.url, log_dir=tmp_path / "a-file", every="5")

    result = newsagg("schedule", "--config", str(config), timeout=60)

    warning, error = result.stderr.strip().splitlines()
    assert result.returncode == 2
    assert warning.startswith(f"newsagg: warning: {config}:") and "every = 5 means 5 seconds" in warning
    assert error.startswith(f"newsagg: error: cannot write the daemon log in {tmp_path / 'a-file'}: ")
    assert redis_server.client().get("newsagg:scheduler") is None


def test_status_sees_the_clusters_scheduler(tmp_path, redis_server, roles):
    """Its claim lives in Redis, not in the database: `status` asks the config's broker, and says
    plainly when that broker does not answer (exit 0: status shows the rest)."""
    config = cluster_config(tmp_path, redis_server.url)
    db = tmp_path / "news.db"
    connect(db).close()  # the writer's database (status only reads)
    broker = f"redis://:***@127.0.0.1:{redis_server.port}/0"

    def status(*extra: str) -> str:
        result = newsagg("status", "--config", str(config), "--db", str(db), *extra, timeout=60)
        assert result.returncode == 0 and redis_server.password not in result.stdout + result.stderr, result
        return result.stdout.splitlines()[0]

    assert status() == f"scheduler: not running, here or on the cluster (broker {broker})"
    scheduler = roles("scheduler", "schedule", "--config", str(config))
    wait_for(lambda: "scheduler started" in scheduler.output(), 60, "the cluster's scheduler")
    pid, host = scheduler.process.pid, socket.gethostname()

    assert status().startswith(f"scheduler: running on the cluster (broker {broker}), pid {pid} on {host} since ")
    state = json.loads(status("--json"))
    assert (state["running"], state["pid"], state["hostname"], state["broker"]) == (True, pid, host, broker)
    second = newsagg("schedule", "--config", str(config), timeout=60)
    assert second.returncode == 2
    assert f"another `newsagg schedule` runs on this cluster (pid {pid} on {host})" in second.stderr

    assert scheduler.terminate() == 0
    assert status() == f"scheduler: not running, here or on the cluster (broker {broker})"
    redis_server.stop()
    assert status().startswith(f"scheduler: unknown: none on this database, and the broker {broker} cannot be "
                               "reached: ")
    state = json.loads(status("--json"))
    assert state["running"] is None and state["broker"] == broker and "cannot be reached" in state["error"]


def test_quiet_cluster_crawls_print_nothing_when_all_went_well_and_a_second_writer_is_refused(tmp_path, redis_server,
                                                                                           roles):
    db = tmp_path / "news.db"
    with LoopbackSite(news_routes()) as site:
        config = cluster_config(tmp_path, redis_server.url, start_url=site.url("/news/"))
        writer = roles("writer", "writer", "--config", str(config), "--db", str(db))
        wait_for(lambda: "ready" in writer.output(), 60, "the writer")
        roles("worker", "worker", "--config", str(config), "--concurrency", "1")
        waited = newsagg("-q", "crawl", "wire", "--config", str(config), "--wait", timeout=180)
        queued = newsagg("crawl", "wire", "-q", "--config", str(config), timeout=60)
        second = newsagg("writer", "--config", str(config), "--db", str(db), timeout=60)

    assert (waited.returncode, waited.stdout, waited.stderr) == (0, "", "")
    assert (queued.returncode, queued.stdout, queued.stderr) == (0, "", "")
    [first] = query(db, "SELECT status, articles_new + duplicates AS stored FROM crawl_runs WHERE id = 1")
    assert (first["status"], first["stored"]) == ("ok", 3)
    assert second.returncode == 2
    assert (f"another `newsagg writer` runs on this cluster (pid {writer.process.pid} on {socket.gethostname()})"
            in second.stderr)
