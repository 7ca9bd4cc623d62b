"""A source's `timeout` is a wall-clock promise: downloads in flight are cancelled, nothing is sent
or retried after closing began, and a crawl that still cannot close is ended at timeout + grace."""

from __future__ import annotations

import signal
import sqlite3
import time

from db.connection import connect
from scraper.closing import CLOSE_GRACE
from tests.crawl.conftest import Crawler
from tests.helpers import query, wait_for
from tests.hostile_site import ARTICLES, HostileSite

TIMEOUT = 3
START_UP = 20  # seconds a crawl process may take to start and report on a loaded machine


def test_a_download_that_never_answers_does_not_outlast_the_timeout(tmp_path):
    with HostileSite() as hostile:
        crawler = Crawler(hostile.site, tmp_path, start="/t/", source={"timeout": f"{TIMEOUT}s"},
                          crawler={"download_timeout": 600})  # the download alone could take 10 minutes
        started = time.monotonic()
        result = crawler.crawl()
        elapsed = time.monotonic() - started
    assert result.run["status"] == "timeout", result.stderr
    assert result.requested("/t/hang") == 1, "the hanging download was retried after closing began"
    assert {f"/t/story-{i}" for i in range(3)} <= crawler.stored_paths()
    assert elapsed < TIMEOUT + CLOSE_GRACE + START_UP, f"{elapsed:.0f} s"


def test_a_crawl_that_cannot_close_is_ended_at_timeout_plus_grace(tmp_path):
    """The database stays locked past the deadline: the run cannot even be closed. The process ends
    with one line; the next run recovers the lock and stores every article."""
    with HostileSite() as hostile:
        crawler = Crawler(hostile.site, tmp_path, start="/a/", source={"timeout": "2s"})
        connect(crawler.db).close()
        holder = sqlite3.connect(crawler.db, isolation_level=None, timeout=30)
        started = time.monotonic()
        crawl, before = crawler.start_crawl()
        wait_for(lambda: "/a/" in hostile.site.requests, 60, "the crawl to start", every=0.02)
        holder.execute("BEGIN IMMEDIATE")
        crawl.wait(120)
        elapsed = time.monotonic() - started
        holder.execute("ROLLBACK")
        ended = crawler.finish_crawl(crawl, before)
        assert ended.returncode == 1
        assert ended.stderr.splitlines() == [
            f"newsagg: error: test: timeout: the crawl did not stop within {CLOSE_GRACE:g} s after its timeout "
            "(2 s); its process was ended (not recorded: database is locked)"]
        assert elapsed < 2 + CLOSE_GRACE + START_UP, f"{elapsed:.0f} s"
        again = crawler.crawl()
    assert again.run["status"] == "ok"
    [first] = query(crawler.db, "SELECT status, message FROM crawl_runs WHERE id = ?", (ended.run["id"],))
    assert first["status"] != "running" and "lock recovered" in first["message"], dict(first)  # closed as dead
    assert len({p for p in crawler.stored_paths() if p.startswith("/a/story-")}) == ARTICLES


def test_sigterm_cancels_a_hanging_download_and_closes_the_run(tmp_path):
    with HostileSite() as hostile:
        crawler = Crawler(hostile.site, tmp_path, start="/t/", crawler={"download_timeout": 600})
        crawl, before = crawler.start_crawl()
        wait_for(lambda: "/t/hang" in hostile.site.requests, 60, "the hanging download", every=0.02)
        crawl.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        result = crawler.finish_crawl(crawl, before)
        took = time.monotonic() - signalled
    assert result.run["status"] == "interrupted" and result.returncode == 1
    assert query(crawler.db, "SELECT * FROM source_locks") == []
    assert took < CLOSE_GRACE, f"{took:.0f} s after SIGTERM"  # not the download's 600 s
