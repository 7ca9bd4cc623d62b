"""The database under a crawl: locked by another process (costs time, never an article, never
stalls downloading), or unwritable (full disk, I/O errors: the run stops at once, says why in one
line, and releases its lock). Real crawls of the shared hostile site, real SQLite files."""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.connection import connect
from tests.crawl.conftest import FAST_CRAWLER, Crawler, write_config
from tests.helpers import query, wait_for
from tests.hostile_site import ARTICLES, HostileSite


def test_a_locked_database_never_stalls_downloads_and_loses_no_article(tmp_path):
    with HostileSite() as hostile:  # /chain/: each article is found on the one before
        crawler = Crawler(hostile.site, tmp_path, start="/chain/", source={"depth_limit": ARTICLES + 2})
        connect(crawler.db).close()  # migrated: the crawl needs no write to start
        holder = sqlite3.connect(crawler.db, isolation_level=None, timeout=30)
        crawl, before = crawler.start_crawl()
        wait_for(lambda: "/chain/" in hostile.site.requests, 60, "the crawl to start", every=0.02)
        holder.execute("BEGIN IMMEDIATE")  # another process takes the write lock as the articles come
        locked_at = time.monotonic()
        stories = {f"/chain/story-{i}" for i in range(ARTICLES)}
        try:
            wait_for(lambda: stories <= set(hostile.site.requests), 20,
                     "every story to be fetched while the database was locked (downloading stalled)", every=0.02)
            time.sleep(max(0.0, locked_at + 3 - time.monotonic()))  # held over several of the writer's waits
        finally:
            holder.execute("ROLLBACK")
        result = crawler.finish_crawl(crawl, before)
    assert result.run["status"] == "ok" and result.run["errors"] == 0, result.errors
    assert result.run["articles_new"] == ARTICLES
    assert {p for p in crawler.stored_paths() if p.startswith("/chain/story-")} == stories


def crawl(hostile: HostileSite, folder: Path, db: Path, full_after_first_article: bool = False):
    """`newsagg crawl` of /a/. With `full_after_first_article`, once an article is stored the crawl
    process may no longer grow any file (RLIMIT_FSIZE, set from outside with prlimit): the database's
    WAL runs into the limit and SQLite fails with a real I/O error, as on a full disk."""
    config = folder / "newsagg.toml"
    write_config(config, hostile.url("/a/"), {}, {**FAST_CRAWLER, "concurrency_per_domain": 2})
    before = len(hostile.site.requests)
    proc = subprocess.Popen([sys.executable, "-m", "newsagg", "crawl", "test", "--config", str(config), "--db",
                             str(db), "--quiet", "--log-file", str(folder / "crawl.log")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=folder)
    if full_after_first_article:
        wait_for(lambda: proc.poll() is not None or _articles(db) > 0, 60, "a first article stored", every=0.02)
        limit = max(path.stat().st_size for path in db.parent.glob(db.name + "*")) + 64_000
        resource.prlimit(proc.pid, resource.RLIMIT_FSIZE, (limit, limit))
    stdout, stderr = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr), hostile.site.requests[before:]


def _articles(db: Path) -> int:
    try:
        return query(db, "SELECT count(*) FROM articles")[0][0]
    except sqlite3.OperationalError:
        return 0


def assert_stopped_at_once_with_one_line(proc, requests: list[str], folder: Path, articles: int, reason: str):
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsagg: error: test: failed: the database cannot be written"), lines
    assert reason in lines[0]
    log = (folder / "crawl.log").read_text()
    assert "Traceback" not in log and "Traceback" not in proc.stderr
    assert len(log) < 20_000, f"a {len(log)} byte log"
    fetched = [p for p in requests if p.startswith("/a/story-")]
    assert len(fetched) < articles / 2, f"{len(fetched)} of {articles} articles fetched after the disk was full"


def test_a_full_disk_stops_the_run_at_once_with_one_line(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("a small tmpfs cannot be mounted here (needs root); the RLIMIT_FSIZE test covers the rest")
    try:
        db = disk / "news.db"
        connect(db).close()
        space = os.statvfs(disk)
        (disk / "filler").write_bytes(bytes(space.f_bavail * space.f_frsize - 60_000))  # ~60 KB stay free
        with HostileSite(articles=300) as hostile:
            proc, requests = crawl(hostile, tmp_path, db)
        assert_stopped_at_once_with_one_line(proc, requests, tmp_path, 300, "database or disk is full")
        [run] = query(db, "SELECT status, message, finished_at FROM crawl_runs")
        assert run["status"] == "failed" and "database or disk is full" in run["message"] and run["finished_at"]
        assert query(db, "SELECT * FROM source_locks") == [], "the lock was not released"
        assert query(db, "PRAGMA integrity_check")[0][0] == "ok"
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_an_io_error_stops_the_run_at_once_and_the_next_run_recovers(tmp_path):
    db = tmp_path / "news.db"
    connect(db).close()
    with HostileSite(articles=300) as hostile:
        proc, requests = crawl(hostile, tmp_path, db, full_after_first_article=True)
        assert_stopped_at_once_with_one_line(proc, requests, tmp_path, 300, "disk I/O error")
        assert query(db, "PRAGMA integrity_check")[0][0] == "ok"
        [first] = query(db, "SELECT status, message FROM crawl_runs")
        assert first["status"] == "failed" and "disk I/O error" in first["message"], dict(first)
        again, _ = crawl(hostile, tmp_path, db)  # the disk has room again: the next run picks up
    assert again.returncode == 0, again.stderr
    assert _articles(db) == 300
