"""Item pipelines: hand each article to the store (db/), one transaction per article, on the
crawl's writer thread (scraper/writer.py) so that a slow or locked database never stalls downloads."""

from __future__ import annotations

import logging

from scrapy.utils.log import failure_to_exc_info
from twisted.python.failure import Failure

from db.store import UpsertResult
from scraper.items import ArticleItem
from scraper.signals import article_stored, crawl_error
from scraper.writer import DatabaseWriter, StorageFailure, writer_for

logger = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.writer: DatabaseWriter | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        self.writer = writer_for(self.crawler)
        source = getattr(self.crawler.spider, "source", None)
        if source is not None:  # UTC instants of this source's articles stored before they existed
            self.writer.submit(lambda store: store.fill_utc(source.name, source.timezone)).addErrback(
                self._fill_failed)

    def close_spider(self, spider=None):
        if self.writer is not None:
            self.writer.release()

    @staticmethod
    def _fill_failed(failure: Failure) -> None:
        if not failure.check(StorageFailure):  # a storage failure stops the run: the ledger reports it
            logger.error("could not fill UTC instants", exc_info=failure_to_exc_info(failure))

    def process_item(self, item, spider=None):
        """Queue the article and hand the item on at once: the reactor goes on downloading while the
        writer stores it (the run ledger waits for the queue before closing the run)."""
        if not isinstance(item, ArticleItem):
            return item
        stored = self.writer.submit(
            lambda store: store.upsert_article(item.article, item.source, item.fetched_url, item.seen_urls))
        stored.addCallbacks(self._stored, self._not_stored, callbackArgs=(item,), errbackArgs=(item,))
        return item

    def _stored(self, result: UpsertResult | None, item: ArticleItem) -> None:
        if result is None:  # handed to the cluster's writer, which counts it (docs/scaling.md)
            return
        self.crawler.stats.inc_value(f"newsagg/articles_{result.outcome}")
        self.crawler.signals.send_catch_log(article_stored, outcome=result.outcome, item=item,
                                            spider=self.crawler.spider)
        logger.debug("%s %s -> %s", result.outcome, item.fetched_url, result.url)

    def _not_stored(self, failure: Failure, item: ArticleItem) -> None:
        """Nothing of the article is stored (its transaction rolled back), so the next run fetches it
        again. A database that cannot be written stops the run: reported once, by the ledger."""
        if failure.check(StorageFailure):
            return
        logger.error("could not store %s", item.fetched_url, exc_info=failure_to_exc_info(failure))
        self.crawler.signals.send_catch_log(crawl_error, url=item.fetched_url,
                                            error=f"could not store: {failure.getErrorMessage()}",
                                            spider=self.crawler.spider)
