"""Item pipelines: hand each article to the store (db/), one transaction per article."""

from __future__ import annotations

import logging
import sqlite3

from scrapy.exceptions import DropItem

from db.store import Store
from scraper.items import ArticleItem
from scraper.signals import article_stored, crawl_error

logger = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, crawler, db_path: str):
        self.crawler = crawler
        self.db_path = db_path
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.get("NEWSAGG_DB"))

    def open_spider(self, spider=None):
        self.store = Store(self.db_path)
        source = getattr(self.crawler.spider, "source", None)
        if source is not None:  # UTC instants of this source's articles stored before they existed
            self.store.fill_utc(source.name, source.timezone)

    def close_spider(self, spider=None):
        if self.store is not None:
            self.store.close()

    def process_item(self, item, spider=None):
        if not isinstance(item, ArticleItem):
            return item
        try:
            result = self.store.upsert_article(item.article, item.source, item.fetched_url, item.seen_urls)
        except sqlite3.Error as error:
            # Locked past the busy timeout, disk full, ...: the transaction rolled back, nothing of
            # this article is stored, so the next run fetches it again. Count it; go on crawling.
            self.crawler.signals.send_catch_log(crawl_error, url=item.fetched_url,
                                                error=f"could not store: {error}", spider=self.crawler.spider)
            raise DropItem(f"could not store {item.fetched_url}: {error}") from error
        self.crawler.stats.inc_value(f"newsagg/articles_{result.outcome}")
        self.crawler.signals.send_catch_log(article_stored, outcome=result.outcome, item=item,
                                            spider=self.crawler.spider)
        logger.debug("%s %s -> %s", result.outcome, item.fetched_url, result.url)
        return item
