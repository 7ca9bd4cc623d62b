"""Item pipelines: hand each article to the store (db/), one transaction per article."""

from __future__ import annotations

import logging

from db.store import Store
from scraper.items import ArticleItem
from scraper.signals import article_stored

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

    def close_spider(self, spider=None):
        if self.store is not None:
            self.store.close()

    def process_item(self, item, spider=None):
        if not isinstance(item, ArticleItem):
            return item
        result = self.store.upsert_article(item.article, item.source, item.fetched_url, item.seen_urls)
        self.crawler.stats.inc_value(f"newsagg/articles_{result.outcome}")
        self.crawler.signals.send_catch_log(article_stored, outcome=result.outcome, item=item,
                                            spider=self.crawler.spider)
        logger.debug("%s %s -> %s", result.outcome, item.fetched_url, result.url)
        return item
