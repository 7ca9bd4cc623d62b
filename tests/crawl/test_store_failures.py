"""A write that fails (a lock held past the busy timeout) is a counted page error, not a crash."""

from __future__ import annotations

import sqlite3

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from core.article import Article
from scraper.items import ArticleItem
from scraper.pipelines import StorePipeline
from scraper.signals import crawl_error


def test_locked_database_drops_the_article_and_reports_it(tmp_path):
    db = tmp_path / "news.db"
    crawler = get_crawler(settings_dict={"NEWSAGG_DB": str(db)})
    reported = []
    crawler.signals.connect(lambda url, error, spider: reported.append((url, error)), signal=crawl_error,
                            weak=False)  # receivers are weak references by default
    pipeline = StorePipeline.from_crawler(crawler)
    pipeline.open_spider()
    pipeline.sink.store.conn.execute("PRAGMA busy_timeout = 100")  # the real one is 30 s
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    item = ArticleItem("wire", "https://wire.example/a", Article(url="https://wire.example/a", title="A",
                                                                  body="Some text of the story. " * 20))
    try:
        with pytest.raises(DropItem):
            pipeline.process_item(item)
    finally:
        writer.execute("ROLLBACK")
    assert reported == [("https://wire.example/a", "could not store: database is locked")]
    pipeline.process_item(item)  # lock gone: the same article is stored whole
    assert [tuple(row) for row in pipeline.sink.store.conn.execute("SELECT title FROM articles")] == [("A",)]
    pipeline.close_spider()
    writer.close()
