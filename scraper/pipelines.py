"""Item pipelines: hand each article to the crawl's backend (scraper/backend.py): the store (db/),
one transaction per article, or the cluster's writer."""

from __future__ import annotations

import logging
import sqlite3

from scrapy.exceptions import DropItem

from scraper.backend import StoreUnavailable, backend_for
from scraper.items import ArticleItem
from scraper.signals import article_stored, crawl_error

logger = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.sink = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        self.sink = backend_for(self.crawler).articles(getattr(self.crawler.spider, "source", None))

    def close_spider(self, spider=None):
        if self.sink is not None:
            self.sink.close()

    def process_item(self, item, spider=None):
        if not isinstance(item, ArticleItem):
            return item
        try:
            result = self.sink.store_item(item)
        except (sqlite3.Error, StoreUnavailable) as error:
            # Locked past the busy timeout, disk full, ...: the transaction rolled back, nothing of
            # this article is stored, so the next run fetches it again. Count it; go on crawling.
            self.crawler.signals.send_catch_log(crawl_error, url=item.fetched_url,
                                                error=f"could not store: {error}", spider=self.crawler.spider)
            raise DropItem(f"could not store {item.fetched_url}: {error}") from error
        if result is None:  # handed to the cluster's writer, which counts it (docs/scaling.md)
            return item
        self.crawler.stats.inc_value(f"newsagg/articles_{result.outcome}")
        self.crawler.signals.send_catch_log(article_stored, outcome=result.outcome, item=item,
                                            spider=self.crawler.spider)
        logger.debug("%s %s -> %s", result.outcome, item.fetched_url, result.url)
        return item
