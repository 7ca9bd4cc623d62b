"""max_pages bounds every request a run makes for the source: pages, feeds and sitemaps."""

from __future__ import annotations

from tests.crawl.conftest import Crawler
from tests.hostile_site import HostileSite


def test_an_endless_tree_of_sitemap_indexes_spends_the_max_pages_budget(tmp_path):
    with HostileSite() as hostile:
        crawler = Crawler(hostile.site, tmp_path, start="/s/", crawler={"download_timeout": 10},  # no retries
                          source={"max_pages": 20, "sitemaps": [hostile.url("/s/index.xml")]})
        result = crawler.crawl()
    counted = [p for p in result.requests if p != "/robots.txt" and p != "/s/sitemap.xml"]  # the guess is free
    assert result.run["status"] == "ok", result.stderr
    assert len(set(counted)) == 20, counted
    assert crawler.stored("/s/story") is not None, "the page linked from the start page is in the budget"
