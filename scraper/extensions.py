"""RunLedger: keeps one crawl_runs row per crawl up to date (counters, errors, heartbeat, status)."""

from __future__ import annotations

import logging
import sys
import time

from scrapy import Request, signals
from twisted.internet import task

from db import runs
from db.connection import connect
from scraper.signals import article_stored, crawl_error

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
        self.conn = connect(settings.get("NEWSAGG_DB"))
        self.message: str | None = None
        self.first_error: str | None = None
        self.counters = runs.RunCounters()
        self.errors_kept = 0
        self.status: str | None = None
        self.entries_fetched = 0  # start URLs and configured feeds/sitemaps that answered (< 400)
        self.entry_urls: set[str] = set()
        self._beat: task.LoopingCall | None = None
        self._last_progress = 0.0

    @classmethod
    def from_crawler(cls, crawler):
        ledger = cls(crawler)
        crawler.signals.connect(ledger.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ledger.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ledger.response_received, signal=signals.response_received)
        crawler.signals.connect(ledger.article_stored, signal=article_stored)
        crawler.signals.connect(ledger.crawl_error, signal=crawl_error)
        crawler.newsagg_ledger = ledger
        return ledger

    def spider_opened(self, spider):
        self.entry_urls = _entry_urls(spider)
        if self.run_id is None:  # started by `scrapy crawl`, not by newsagg: open the run here
            self.source = spider.source.name
            try:
                runs.acquire_lock(self.conn, self.source)
            except runs.SourceBusy as busy:
                logger.error("%s", busy)
                self.crawler.engine.close_spider(spider, "source_busy")
                return
            self.run_id = runs.start_run(self.conn, self.source, "manual")
            runs.set_lock_run(self.conn, self.source, self.run_id)
        if self.conn is not None:
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
        if self.run_id is not None:
            runs.record_error(self.conn, self.run_id, url, error, self.errors_kept)
            self.errors_kept += 1

    def spider_closed(self, spider, reason):
        if self._beat is not None and self._beat.running:
            self._beat.stop()
        if reason == "source_busy":
            self.status = "busy"
            self.conn.close()
            return
        self.status = _STATUS_BY_REASON.get(reason, "failed")
        message = _MESSAGE_BY_REASON.get(reason, "crawl ended: {reason}").format(
            reason=reason, timeout=self.crawler.settings.getfloat("CLOSESPIDER_TIMEOUT"))
        if self.status == "ok" and getattr(spider, "pages_ok", 1) == 0:
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
        if self.run_id is not None:
            runs.finish_run(self.conn, self.run_id, self.status, self.counters, message)
            runs.release_lock(self.conn, self.source)
        self.conn.close()

    def _first_problem(self) -> str:
        if self.first_error:
            return self.first_error
        if self.crawler.stats.get_value("robotstxt/forbidden"):
            return "robots.txt forbids them"
        return "no response"

    def _heartbeat(self):
        try:
            runs.heartbeat(self.conn, self.source)
            runs.update_counters(self.conn, self.run_id, self.counters)
        except Exception:  # a busy database must not kill the crawl; the next beat retries
            logger.exception("heartbeat failed")

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
