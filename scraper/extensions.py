"""RunLedger: keeps one crawl_runs row per crawl up to date (counters, errors, heartbeat, status).

Its writes go through the crawl's writer thread (scraper/writer.py), like the articles, so a
locked database never blocks the reactor. When the database cannot be written at all, it stops
the run at once (scraper/closing.py) and closes the row with the reason."""

from __future__ import annotations

import dataclasses
import logging
import sys
import time

from scrapy import Request, signals
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import task
from twisted.internet.defer import Deferred

from db import runs
from db.connection import connect, is_storage_failure
from scraper.closing import closer_of
from scraper.signals import article_stored, crawl_error, storage_failed
from scraper.writer import DatabaseWriter, writer_for

logger = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 15.0

# Scrapy close reasons -> crawl_runs.status
_STATUS_BY_REASON = {"finished": "ok", "closespider_pagecount": "ok", "closespider_itemcount": "ok",
                     "closespider_timeout": "timeout", "shutdown": "interrupted", "cancelled": "interrupted"}
# ... and why the run ended, in crawl_runs.message (every closed run says why)
_MESSAGE_BY_REASON = {"finished": "finished: nothing more to crawl",
                      "closespider_pagecount": "stopped at the page budget",
                      "closespider_itemcount": "stopped at the item budget",
                      "closespider_timeout": "stopped at the source's timeout of {timeout:g}s",
                      "shutdown": "interrupted by a signal (SIGTERM/SIGINT)",
                      "cancelled": "cancelled"}


class RunLedger:
    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.run_id: int | None = settings.getint("NEWSAGG_RUN_ID") or None
        self.source: str = settings.get("NEWSAGG_SOURCE", "")
        self.progress = settings.getbool("NEWSAGG_PROGRESS")
        self.db_path: str = settings.get("NEWSAGG_DB")
        self.writer: DatabaseWriter | None = None
        self.message: str | None = None
        self.first_error: str | None = None
        self.storage_failure: str | None = None
        self.recorded = False  # the run's end is in the database
        self.counters = runs.RunCounters()
        self.errors_kept = 0
        self.status: str | None = None
        self.entries_fetched = 0  # start URLs and configured feeds/sitemaps that answered (< 400)
        self.entry_urls: set[str] = set()
        self._beat: task.LoopingCall | None = None
        self._beating = False
        self._last_progress = 0.0
        self.done: Deferred[None] = Deferred()  # fires once the run's end is handled (recorded or not)

    @classmethod
    def from_crawler(cls, crawler):
        ledger = cls(crawler)
        crawler.signals.connect(ledger.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ledger.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ledger.response_received, signal=signals.response_received)
        crawler.signals.connect(ledger.article_stored, signal=article_stored)
        crawler.signals.connect(ledger.crawl_error, signal=crawl_error)
        crawler.signals.connect(ledger.storage_failed, signal=storage_failed)
        crawler.newsagg_ledger = ledger
        return ledger

    def spider_opened(self, spider):
        self.entry_urls = _entry_urls(spider)
        if self.run_id is None:  # started by `scrapy crawl`, not by newsagg: open the run here
            self.source = spider.source.name
            conn = connect(self.db_path)
            try:
                runs.acquire_lock(conn, self.source)
                self.run_id = runs.start_run(conn, self.source, "manual")
                runs.set_lock_run(conn, self.source, self.run_id)
            except runs.SourceBusy as busy:
                logger.error("%s", busy)
                self.crawler.engine.close_spider(spider, "source_busy")
                return
            finally:
                conn.close()
        self.writer = writer_for(self.crawler)
        self._beat = task.LoopingCall(self._heartbeat)
        self._beat.start(HEARTBEAT_SECONDS, now=False)

    def response_received(self, response, request, spider):
        if "robots.txt" not in request.url or request.meta.get("speculative"):
            self.counters.pages_fetched += 1
        if response.status < 400 and (request.meta.get("start_url") or
                                      request.meta.get("redirect_urls", [request.url])[0] in self.entry_urls):
            self.entries_fetched += 1
        self._show_progress()

    def article_stored(self, outcome, item, spider):
        if outcome == "new":
            self.counters.articles_new += 1
        elif outcome == "updated":
            self.counters.articles_updated += 1
        elif outcome == "duplicate":
            self.counters.duplicates += 1
        self._show_progress()

    def crawl_error(self, url, error, spider):
        self.counters.errors += 1
        self.first_error = self.first_error or f"{url}: {error}"
        if self.run_id is not None and self.writer is not None and self.errors_kept < runs.MAX_ERRORS_KEPT:
            run_id, kept = self.run_id, self.errors_kept
            self.writer.submit(lambda store: store.record_error(run_id, url, error, kept)).addErrback(
                lambda failure: None)  # a database that cannot be written is reported once, below
            self.errors_kept += 1

    def storage_failed(self, error, spider):
        """The database cannot be written: stop at once; fetching more pages would only lose them."""
        if self.storage_failure is None:
            self.storage_failure = error
            logger.error("the database cannot be written (%s): stopping the run", error)
            closer = closer_of(self.crawler)
            if closer is not None:
                closer.close("storage_failed")
            else:
                self.crawler.engine.close_spider(spider, "storage_failed")

    async def spider_closed(self, spider, reason):
        try:
            await self._close_run(spider, reason)
        finally:
            self.done.callback(None)

    async def _close_run(self, spider, reason):
        if self._beat is not None and self._beat.running:
            self._beat.stop()
        if reason == "source_busy":
            self.status = "busy"
            return
        self.status = _STATUS_BY_REASON.get(reason, "failed")
        timeout = getattr(getattr(spider, "source", None), "timeout", 0) or 0  # kept by scraper/closing.py
        message = _MESSAGE_BY_REASON.get(reason, "crawl ended: {reason}").format(reason=reason, timeout=timeout)
        if self.storage_failure is not None:
            self.status = "failed"
            message = f"the database cannot be written: {self.storage_failure}; the run stopped"
        elif self.status == "ok" and getattr(spider, "pages_ok", 1) == 0:
            self.status = "failed"
            message = f"nothing could be fetched ({self._first_problem()})"
        elif self.status == "ok" and self.entries_fetched == 0:
            self.status = "failed"  # a typo in a start URL must not pass for a quiet site
            message = f"no start URL, feed or sitemap of the source could be fetched ({self._first_problem()})"
        elif self.status == "ok" and self.crawler.stats.get_value("newsagg/max_pages_reached"):
            message = "finished: max_pages reached, more pages were left"
        self.message = message
        if self.progress:
            sys.stderr.write("\n")
        if self.writer is None:
            return
        await maybe_deferred_to_future(self.writer.drain())  # articles, errors, fetch state: counters final
        if self.run_id is not None:
            await self._record_end()
        self.writer.release()

    async def _record_end(self) -> None:
        """Close the run row and release the lock. After a storage failure the writer's connection may
        still manage it (the failed transaction left room in the WAL); else a fresh connection, after a
        checkpoint has emptied the WAL."""
        run_id, status, counters, message, source = self.run_id, self.status, self.counters, self.message, self.source

        def finish(store):
            store.finish_run(source, run_id, status, counters, message)

        try:
            await maybe_deferred_to_future(self.writer.submit(finish, after_failure=True))
            self.recorded = True
        except Exception as error:  # noqa: BLE001
            if not is_storage_failure(error):
                logger.error("could not record the end of run %s: %s", run_id, error)
                return
            try:
                conn = connect(self.db_path, migrate_schema=False)
                try:
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    runs.end_run(conn, source, run_id, status, counters, message)
                finally:
                    conn.close()
                self.recorded = True
            except Exception as again:  # noqa: BLE001 (the lock is recovered by the next run: its pid is gone)
                logger.error("could not record the end of run %s: %s", run_id, again)

    def _first_problem(self) -> str:
        if self.first_error:
            return self.first_error
        if self.crawler.stats.get_value("robotstxt/forbidden"):
            return "robots.txt forbids them"
        return "no response"

    def _heartbeat(self):
        """Every HEARTBEAT_SECONDS: the lock's heartbeat and the run's counters, on the writer; a beat
        still waiting for a locked database is not doubled."""
        if self._beating or self.writer is None or self.run_id is None:
            return
        self._beating = True
        run_id, source, counters = self.run_id, self.source, dataclasses.replace(self.counters)

        def beat(store):
            store.beat_run(source, run_id, counters)

        done = self.writer.submit(beat)
        done.addErrback(lambda failure: logger.debug("heartbeat not written: %s", failure.getErrorMessage()))
        done.addBoth(lambda _: setattr(self, "_beating", False))

    def _show_progress(self):
        if not self.progress:
            return
        now = time.monotonic()
        if now - self._last_progress < 0.5:
            return
        self._last_progress = now
        c = self.counters
        sys.stderr.write(f"\r{self.source}: {c.pages_fetched} pages, {c.articles_new} new, "
                         f"{c.articles_updated} updated, {c.duplicates} duplicates, {c.errors} errors ")
        sys.stderr.flush()


def _entry_urls(spider) -> set[str]:
    """The feeds and sitemaps named in the source's config (not guessed ones), as requested."""
    source = getattr(spider, "source", None)
    return {Request(url).url for url in [*source.feeds, *source.sitemaps]} if source else set()
