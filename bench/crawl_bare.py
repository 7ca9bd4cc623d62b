"""Bare Scrapy spiders for the crawl benchmark (run by bench.crawl_throughput, one per process).

    python -m bench.crawl_bare follow  URL   # (a) follows the in-scope links: the framework's ceiling
    python -m bench.crawl_bare extract URL   # (b) the same, plus our extraction on every page

Both use newsagg's scope and canonicalisation so they visit the same pages as `newsagg crawl`,
and Scrapy's own scheduling and dupefilter; nothing is stored.
"""

from __future__ import annotations

import sys
from functools import lru_cache

import scrapy
from scrapy.crawler import CrawlerProcess

from db.urls import canonicalize
from scraper.extract import Document, extract_document
from scraper.scope import Scope

canonical_url = lru_cache(maxsize=65536)(canonicalize)  # as in the news spider: menus repeat on every page
LIFTED_POLITENESS = {
    "ROBOTSTXT_OBEY": False, "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "LOG_LEVEL": "WARNING", "TELNETCONSOLE_ENABLED": False,
}


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, url: str, extract: bool, **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [url]
        self.extract = extract
        self.scope = Scope.from_urls([url])
        self.seen: set[str] = {canonical_url(url)}

    def parse(self, response):
        if not response.headers.get("Content-Type", b"").startswith(b"text/html"):
            return
        if self.extract:
            doc = Document.parse(response.body, response.url)
            extract_document(doc)
            links = doc.links()
        else:
            links = [response.urljoin(href) for href in set(response.xpath("//a/@href").getall())]
        for url in {canonical_url(link) for link in links} - self.seen:
            self.seen.add(url)  # a set before the scope check, like the news spider's `requested`
            if self.scope.allows(url):
                yield scrapy.Request(url, callback=self.parse)


def main(mode: str, url: str) -> None:
    process = CrawlerProcess(LIFTED_POLITENESS)
    process.crawl(BareSpider, url=url, extract=mode == "extract")
    process.start()


if __name__ == "__main__":
    main(*sys.argv[1:3])
