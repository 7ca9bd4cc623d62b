"""Safety: SIGKILL of a real crawl mid-way, and readers holding the file open during a crawl."""

from __future__ import annotations

import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from db.connection import connect
from newsagg.demo.server import LoopbackSite, Resource
from newsagg.demo.site import build_site

N_ARTICLES = 60


def slowed(route, delay: float):
    """The same page, answered after `delay` seconds (so a crawl is still running when we look)."""
    def serve(path: str, headers: dict) -> Resource:
        resource = route(path, headers) if callable(route) else route
        return dataclasses.replace(resource, delay=delay)
    return serve


@pytest.fixture(scope="module")
def site():
    return build_site(n_articles=N_ARTICLES)


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "newsagg.toml").write_text("[crawler]\ndownload_delay = 0\nconcurrency_per_domain = 8\n")
    return tmp_path


def crawl_command(server: LoopbackSite, workdir) -> list[str]:
    return [sys.executable, "-m", "newsagg", "crawl", "--url", server.url("/"), "--db", str(workdir / "news.db"),
            "--config", str(workdir / "newsagg.toml")]


def article_count(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def consistency_problems(conn: sqlite3.Connection) -> list[str]:
    """Every way an article could be half-written; empty when each article is whole."""
    checks = {
        "article without its own URL": "SELECT id FROM articles a WHERE NOT EXISTS"
                                       " (SELECT 1 FROM article_urls u WHERE u.url = a.url AND u.article_id = a.id)",
        "URL of a missing article": "SELECT url FROM article_urls WHERE article_id NOT IN (SELECT id FROM articles)",
        "FAQ of a missing article": "SELECT article_id FROM faqs WHERE article_id NOT IN (SELECT id FROM articles)",
        "FAQ text out of step": "SELECT id FROM articles a WHERE faq_text != coalesce((SELECT group_concat(qa,"
                                " char(10)) FROM (SELECT question || ' ' || answer AS qa FROM faqs"
                                " WHERE article_id = a.id ORDER BY position)), '')",
        "gap in FAQ positions": "SELECT article_id FROM faqs GROUP BY article_id HAVING max(position) + 1 != count(*)",
        "body without fingerprint": "SELECT id FROM articles a WHERE length(body) > 2000 AND NOT EXISTS"
                                    " (SELECT 1 FROM near_dup_bands b WHERE b.article_id = a.id)",
        "duplicate of a missing article": "SELECT id FROM articles WHERE duplicate_of IS NOT NULL"
                                          " AND duplicate_of NOT IN (SELECT id FROM articles)",
    }
    problems = [f"{name}: {rows}" for name, sql in checks.items() if (rows := conn.execute(sql).fetchall())]
    fts_rows = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    if fts_rows != conn.execute("SELECT count(*) FROM articles").fetchone()[0]:
        problems.append("full-text index out of step")
    return problems


@pytest.mark.slow
def test_sigkill_mid_crawl_leaves_a_sound_database_and_the_rerun_completes(site, workdir):
    db = workdir / "news.db"
    slow_routes = {path: slowed(route, 0.15) for path, route in site.routes.items()}
    with LoopbackSite(slow_routes) as server:
        crawler = subprocess.Popen(crawl_command(server, workdir), cwd=workdir, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while article_count(db) < 8 and time.monotonic() < deadline and crawler.poll() is None:
            time.sleep(0.02)
        assert crawler.poll() is None, "the crawl ended before it could be killed"
        os.kill(crawler.pid, signal.SIGKILL)
        crawler.wait()
    stored_at_kill = article_count(db)
    assert 8 <= stored_at_kill < N_ARTICLES

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert consistency_problems(conn) == []
    assert conn.execute("SELECT count(*) FROM source_locks").fetchone()[0] == 1  # left by the dead crawler
    conn.close()

    with LoopbackSite(site.routes) as server:
        rerun = subprocess.run(crawl_command(server, workdir), cwd=workdir, capture_output=True, text=True,
                               timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    conn = sqlite3.connect(db)
    stored_urls = {row[0] for row in conn.execute("SELECT url FROM articles")}
    missing = [article.path for article in site.canonical_articles if not any(url.endswith(article.path)
                                                                              for url in stored_urls)]
    assert missing == []
    assert consistency_problems(conn) == []
    statuses = [tuple(row) for row in conn.execute("SELECT status, message FROM crawl_runs ORDER BY id")]
    assert [status for status, _ in statuses] == ["interrupted", "ok"]  # closed when its lock is recovered
    assert statuses[0][1].startswith(f"the crawl died without closing its run (process {crawler.pid} on ")
    assert "lock recovered by pid" in statuses[0][1]
    conn.close()


@pytest.mark.slow
def test_readers_holding_the_file_never_fail_the_crawl_and_see_whole_articles(site, workdir):
    db = workdir / "news.db"
    connect(db).close()  # an existing database (WAL mode is a property of the file, set by newsagg)
    stop, seen, problems = threading.Event(), [], []

    def long_reader():
        """Like a sqlite3 shell or Datasette left open on one read transaction for the whole crawl."""
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        stop.wait()
        conn.execute("COMMIT")
        conn.close()

    def polling_reader():
        conn = sqlite3.connect(db, isolation_level=None, timeout=30)
        while not stop.is_set():
            try:
                conn.execute("BEGIN")
                seen.append(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
                problems.extend(consistency_problems(conn))
                conn.execute("COMMIT")
            except sqlite3.OperationalError as error:  # schema not created yet
                conn.execute("ROLLBACK") if conn.in_transaction else None
                if "no such" not in str(error):
                    problems.append(str(error))
            time.sleep(0.01)
        conn.close()

    readers = [threading.Thread(target=long_reader), threading.Thread(target=polling_reader)]
    slow_routes = {path: slowed(route, 0.03) for path, route in site.routes.items()}
    with LoopbackSite(slow_routes) as server:
        for reader in readers:
            reader.start()
        try:
            crawl = subprocess.run(crawl_command(server, workdir), cwd=workdir, capture_output=True, text=True,
                                   timeout=120)
        finally:
            stop.set()
            for reader in readers:
                reader.join()
    assert crawl.returncode == 0, crawl.stderr
    assert problems == []
    assert len(set(seen)) > 3, "the reader never overlapped the crawl"
    assert seen == sorted(seen)
