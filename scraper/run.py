"""Run crawls of one or more sources in this process (one Twisted reactor, one run each).

This is what `newsagg crawl` calls, and what the scheduler's child processes execute.
Locks are taken before the reactor starts, so a busy source is refused at once.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings
from twisted.internet.defer import DeferredList

from core.config import CrawlerSettings, Source
from core.errors import SourceBusyError
from db import runs
from db.connection import connect
from scraper.backend import LocalBackend, RunBackend
from scraper.closing import closer_of, closing_started
from scraper.spiders.news import NewsSpider

logger = logging.getLogger(__name__)


@dataclass
class RunSummary:
    source: str
    run_id: int | None
    status: str
    counters: runs.RunCounters = field(default_factory=runs.RunCounters)
    message: str | None = None
    first_errors: list[tuple[str | None, str]] = field(default_factory=list)  # (url, error), a few


class PromptCrawlerProcess(CrawlerProcess):
    """On SIGTERM/SIGINT each crawl closes at once, cancelling its downloads in flight
    (scraper/closing.py), rather than waiting up to download_timeout for them. A crawl already
    closing is let finish recording its run first: Scrapy's stop would not wait for that."""

    def stop(self):
        closing = []
        for crawler in self.crawlers:
            closer, ledger = closer_of(crawler), getattr(crawler, "newsagg_ledger", None)
            if closer is None or crawler.engine is None or not crawler.crawling:
                continue
            if closing_started(crawler.engine) and ledger is not None:
                closing.append(ledger.done)
            closer.stop_sending("shutdown")
        if not closing:
            return super().stop()
        return DeferredList(closing).addBoth(lambda _: super(PromptCrawlerProcess, self).stop())


def base_settings() -> Settings:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scraper.settings")
    return get_project_settings()


def source_settings(base: Settings, source: Source, crawler_settings: CrawlerSettings, db_path: str,
                    run_id: int | None, log_level: str, progress: bool, full: bool = False) -> Settings:
    settings = base.copy()
    user_agent = crawler_settings.user_agent
    if crawler_settings.contact:
        user_agent = f"{user_agent} (contact: {crawler_settings.contact})"
    delay = source.download_delay if source.download_delay is not None else crawler_settings.download_delay
    settings.setdict({
        "NEWSAGG_DB": db_path,
        "NEWSAGG_RUN_ID": run_id or 0,
        "NEWSAGG_SOURCE": source.name,
        "NEWSAGG_PROGRESS": progress,
        "USER_AGENT": user_agent,
        "ROBOTSTXT_OBEY": crawler_settings.obey_robots,
        "DOWNLOAD_DELAY": delay,
        "AUTOTHROTTLE_START_DELAY": max(delay, 0.01),
        "AUTOTHROTTLE_ENABLED": delay > 0,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawler_settings.concurrency_per_domain,
        "DOWNLOAD_MAXSIZE": crawler_settings.max_page_bytes,
        "DOWNLOAD_TIMEOUT": crawler_settings.download_timeout,
        "NEWSAGG_EXTRACT_WORKERS": crawler_settings.extract_workers,
        # The spider stops requesting pages at max_pages; this backstop also counts robots/feeds/sitemaps/retries.
        "CLOSESPIDER_PAGECOUNT": source.max_pages * 2 + 100,
        "NEWSAGG_FULL": full,
        "CLOSESPIDER_TIMEOUT": 0,  # scraper/closing.py keeps the source's timeout (spider.source.timeout)
        "DEPTH_LIMIT": source.depth_limit,
        "LOG_LEVEL": log_level,
    }, priority="cmdline")
    return settings


def claim_sources(conn, sources: list[Source], trigger: str, wait: bool,
                  log_path: str | None = None) -> tuple[list[tuple[Source, int]], list[RunSummary]]:
    """Lock each source and open its run. A busy source is skipped (reported as status 'busy') so
    that `crawl --all` still crawls the others; when every source is busy, SourceBusyError."""
    claimed: list[tuple[Source, int]] = []
    busy: list[RunSummary] = []
    try:
        for source in sources:
            try:
                _lock_source(conn, source, wait)
            except SourceBusyError as error:
                busy.append(RunSummary(source.name, None, "busy", message=str(error)))
                continue
            run_id = runs.start_run(conn, source.name, trigger, log_path=log_path)
            runs.set_lock_run(conn, source.name, run_id)
            claimed.append((source, run_id))
    except BaseException:
        for source, run_id in claimed:
            runs.mark_run(conn, run_id, "failed", "not started: interrupted while claiming sources")
            runs.release_lock(conn, source.name)
        raise
    if not claimed:
        raise SourceBusyError("; ".join(summary.message for summary in busy))
    return claimed, busy


def _lock_source(conn, source: Source, wait: bool) -> None:
    told = False
    while True:
        try:
            runs.acquire_lock(conn, source.name)
            return
        except runs.SourceBusy as busy:
            if not wait:
                raise SourceBusyError(f"{busy}; use --wait to wait for it") from None
            if not told:
                logger.warning("%s; waiting for it", busy)
                told = True
            time.sleep(1.0)


def crawl(sources: list[Source], db_path: str, crawler_settings: CrawlerSettings | None = None,
          trigger: str = "manual", log_level: str = "WARNING", progress: bool = False,
          wait: bool = False, log_file: str | None = None, full: bool = False,
          backend: RunBackend | None = None) -> list[RunSummary]:
    """Crawl the sources concurrently; returns one summary per source, in order. With `log_file`,
    Scrapy's log goes there (and the runs record its path) instead of stderr. `backend`: where
    the crawl's data lives (scraper/backend.py); the SQLite file at `db_path` by default."""
    crawler_settings = crawler_settings or CrawlerSettings()
    backend = backend or LocalBackend(db_path)
    claimed, busy = backend.claim(sources, trigger, wait, log_file)
    crawlers: list[tuple[Source, int, Crawler]] = []
    try:  # from here on, a failure (even before the crawl starts) closes the runs and frees the locks
        base = base_settings()
        base.set("LOG_LEVEL", log_level, priority="cmdline")
        if log_file:
            base.set("LOG_FILE", log_file, priority="cmdline")
        process = PromptCrawlerProcess(base)
        for index, (source, run_id) in enumerate(claimed):
            settings = source_settings(base, source, crawler_settings, db_path, run_id, log_level, progress, full)
            crawler = Crawler(NewsSpider, settings, init_reactor=index == 0)  # the first one installs the reactor
            crawler.newsagg_backend = backend
            process.crawl(crawler, source=source)
            crawlers.append((source, run_id, crawler))
        process.start()
    finally:
        summaries = backend.summaries(claimed, {run_id: getattr(crawler, "newsagg_ledger", None)
                                                for _, run_id, crawler in crawlers})
    by_name = {summary.source: summary for summary in summaries + busy}
    return [by_name[source.name] for source in sources]


def read_summaries(db_path: str, claimed: list[tuple[Source, int]], ledgers: dict) -> list[RunSummary]:
    """Read back each run; a run whose crawler never closed (crashed on start) is closed as failed."""
    conn = connect(db_path)
    try:
        out = []
        for source, run_id in claimed:
            ledger = ledgers.get(run_id)
            if ledger is None or ledger.status is None:
                runs.mark_run(conn, run_id, "failed", "the crawl could not start")
                runs.release_lock(conn, source.name)
            row = runs.get_run(conn, run_id)
            counters = runs.RunCounters(row["pages_fetched"], row["articles_new"], row["articles_updated"],
                                        row["duplicates"], row["errors"])
            status, message = row["status"], row["message"]
            if ledger is not None and ledger.status is not None and not ledger.recorded and status == "running":
                # the database could not take the run's end (full disk): say what happened anyway
                status, counters = ledger.status, ledger.counters
                message = f"{ledger.message or status} (not recorded in the database)"
            errors = runs.run_errors(conn, run_id)
            out.append(RunSummary(source.name, run_id, status, counters, message,
                                  [(e["url"], e["error"]) for e in errors]))
        return out
    finally:
        conn.close()
