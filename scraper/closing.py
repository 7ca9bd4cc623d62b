"""A crawl's promise to end: the source's `timeout` is wall-clock time, and a run that must stop
(the database cannot be written) stops at once.

CrawlCloser (an extension) closes the spider at the source's timeout, or when asked. Closing
cancels the downloads in flight (CancellableDownloadHandler), refuses every request that would
still be sent, and no request is retried after it (BackoffRetryMiddleware asks `closing`). A
watchdog thread, independent of the reactor, ends the process if the crawl has not finished
CLOSE_GRACE seconds after the timeout (or after closing began): its run is closed from a fresh
connection, one line goes to stderr, and the process exits with status 1.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import threading

from scrapy import signals
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import defer

from db import runs
from db.connection import connect

logger = logging.getLogger(__name__)
CLOSE_GRACE = 10.0  # seconds a closing crawl may take before its process is ended
EXIT_STATUS = 1  # `newsagg crawl`: a run failed


class CrawlClosing(IgnoreRequest):
    """A request refused or cancelled because the crawl is closing (not a page error)."""


class CrawlCloser:
    def __init__(self, crawler):
        self.crawler = crawler
        self.closing = False
        self.reason: str | None = None
        self.downloads: set[defer.Deferred] = set()
        self.close_done: defer.Deferred | None = None  # the close this closer started
        self._timer = None
        self._watchdog: threading.Timer | None = None

    @classmethod
    def from_crawler(cls, crawler):
        closer = cls(crawler)
        crawler.signals.connect(closer.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(closer.engine_stopped, signal=signals.engine_stopped)
        crawler.newsagg_closer = closer
        return closer

    def spider_opened(self, spider) -> None:
        from twisted.internet import reactor

        timeout = getattr(getattr(spider, "source", None), "timeout", None)
        if timeout:
            self._timer = reactor.callLater(timeout, self.close, "closespider_timeout")
            self._arm_watchdog(timeout + CLOSE_GRACE, f"its timeout ({timeout:g} s)")

    def close(self, reason: str) -> None:
        """Close the spider now: nothing more is sent, downloads in flight are cancelled. A spider
        already closing (finished, max pages) keeps its reason; its downloads are cancelled all the same."""
        if self.closing:
            return
        already = closing_started(self.crawler.engine)
        if not already:
            self.reason = reason
            self._arm_watchdog(CLOSE_GRACE, f"closing began ({reason})")
        self.stop_sending(reason)
        if not already:
            self.close_done = deferred_from_coro(self.crawler.engine.close_spider_async(reason=reason))

    def stop_sending(self, reason: str) -> None:
        """No request is sent or retried from now on; downloads in flight are cancelled."""
        if self.closing:
            return
        self.closing = True
        logger.warning("closing the crawl (%s): cancelling %d downloads in flight", reason, len(self.downloads))
        engine = self.crawler.engine
        engine.pause()  # the scheduler hands out no more requests
        for slot in getattr(engine.downloader, "slots", {}).values():
            slot.close()  # requests waiting for their download delay go at once, to be refused
            slot.delay, slot.jitter = 0.0, 0.0
        for download in list(self.downloads):
            download.cancel()

    def engine_stopped(self) -> None:
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        if self._watchdog is not None:
            self._watchdog.cancel()

    def _arm_watchdog(self, seconds: float, after: str) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
        self._watchdog = threading.Timer(seconds, self._end_process, (after,))
        self._watchdog.daemon = True
        self._watchdog.start()

    def _end_process(self, after: str) -> None:
        """Watchdog thread: the crawl did not stop in time. Close its run, say so, exit."""
        ledger = getattr(self.crawler, "newsagg_ledger", None)
        source = getattr(ledger, "source", "?")
        status = "timeout" if self.reason in (None, "closespider_timeout") else "failed"
        message = f"the crawl did not stop within {CLOSE_GRACE:g} s after {after}; its process was ended"
        try:
            end_now = getattr(getattr(self.crawler, "newsagg_backend", None), "end_now", None)
            if end_now is not None:  # a cluster crawl: the run's end goes to its writer (scraper/backend.py)
                end_now(status, message)
            else:
                conn = connect(self.crawler.settings.get("NEWSAGG_DB"), migrate_schema=False)
                conn.execute("PRAGMA busy_timeout = 2000")
                if ledger is not None and ledger.run_id is not None:
                    runs.mark_run(conn, ledger.run_id, status, message)
                runs.close_runs_of_process(conn, os.getpid(), "interrupted", f"process ended: {source}: {message}")
                runs.release_locks_of_process(conn, os.getpid())
                conn.close()
        except Exception as error:  # noqa: BLE001 (locked or unwritable: the next run recovers the lock)
            message += f" (not recorded: {error})"
        sys.stderr.write(f"newsagg: error: {source}: {status}: {message}\n")
        sys.stderr.flush()
        os._exit(EXIT_STATUS)


def closer_of(crawler) -> CrawlCloser | None:
    return getattr(crawler, "newsagg_closer", None)


def closing_started(engine) -> bool:
    """The spider is closing, whoever started it (Scrapy has no public flag for it)."""
    return getattr(getattr(engine, "_slot", None), "closing", None) is not None


class HostGate:
    """At most `concurrency` downloads at once per download slot (a host). Scrapy 2.19's downloader
    starts each download in a task of its own and counts it as transferring only once that task
    runs, so one pass over a slot's queue sends every queued request at once, past
    CONCURRENT_REQUESTS_PER_DOMAIN (seen: 13 at once with a cap of 2). The gate holds the surplus
    back where the request is really sent."""

    def __init__(self, concurrency: int):
        self.concurrency = max(concurrency, 1)
        self._gates: dict[str, asyncio.Semaphore] = {}

    def __call__(self, request: Request) -> asyncio.Semaphore:
        key = request.meta.get("download_slot") or urlparse_cached(request).hostname or ""
        if key not in self._gates:
            self._gates[key] = asyncio.Semaphore(self.concurrency)
        return self._gates[key]


class CancellableDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, whose downloads the CrawlCloser can cancel; once the crawl is
    closing, nothing more is sent. No host gets more than CONCURRENT_REQUESTS_PER_DOMAIN downloads
    at once (HostGate)."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self._host_gate = HostGate(crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"))

    async def download_request(self, request: Request) -> Response:
        async with self._host_gate(request):
            return await self._send(request)

    async def _send(self, request: Request) -> Response:
        closer = closer_of(self._crawler)
        if closer is None:
            return await super().download_request(request)
        if closer.closing:
            raise CrawlClosing("the crawl is closing; not sent")
        download = deferred_from_coro(super().download_request(request))
        closer.downloads.add(download)
        try:
            return await maybe_deferred_to_future(download)
        except (defer.CancelledError, asyncio.CancelledError):
            if closer.closing:
                raise CrawlClosing("the crawl is closing; download cancelled") from None
            raise
        finally:
            closer.downloads.discard(download)
