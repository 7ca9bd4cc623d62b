"""The news spider: discovers article pages of one source from listings, feeds and sitemaps.

It decides which URLs to fetch and hands each page to the extractor; it holds no extraction
logic and no SQL. Run it through `newsagg crawl`, or directly:

    scrapy crawl news -a url=https://example.com/en/
    scrapy crawl news -a source=infofinance-en      # a source of newsagg.toml
"""

from __future__ import annotations

import gzip
import io
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml import etree
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from db.urls import canonicalize
from newsagg.config import Source, adhoc_source, load_config, resolve_config_path
from scraper.extract import Document, ExtractionError, extract_document
from scraper.items import ArticleItem
from scraper.scope import Scope
from scraper.signals import crawl_error

HTML_TYPES = (b"text/html", b"application/xhtml")
XML_TYPES = (b"xml", b"rss", b"atom")


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, source: Source | str | None = None, url: str | None = None, config: str | None = None,
                 *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(source, Source):
            self.source = source
        elif source:  # `scrapy crawl news -a source=NAME`
            self.source = load_config(resolve_config_path(config)).source(source)
        elif url:  # `scrapy crawl news -a url=URL[,URL...]`
            self.source = adhoc_source(url.split(","))
        else:
            raise ValueError("NewsSpider needs source=NAME or url=URL")
        self.scope = Scope.from_urls(self.source.start_urls, self.source.allow, self.source.deny)
        self.pages_ok = 0

    # --------------------------------------------------------------- discovery

    async def start(self):
        for request in self.start_requests():
            yield request

    def start_requests(self):
        roots = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.source.start_urls}
        for url in self.source.start_urls:
            yield self._page_request(url, priority=100, meta={"start_url": True})
        for root in sorted(roots):
            yield scrapy.Request(urljoin(root, "/robots.txt"), callback=self.parse_robots,
                                 errback=self.on_error, priority=90, meta={"speculative": True})
        guessed = {urljoin(u, "sitemap.xml") for u in self.source.start_urls}
        for url in sorted(guessed | set(self.source.sitemaps)):
            yield self._sitemap_request(url, speculative=url not in self.source.sitemaps)
        for url in self.source.feeds:
            yield scrapy.Request(url, callback=self.parse_feed, errback=self.on_error, priority=80)

    def _page_request(self, url: str, priority: int = 0, meta: dict | None = None,
                      linked_as: str | None = None) -> scrapy.Request:
        meta = dict(meta or {})
        if linked_as and linked_as != url:
            meta["linked_as"] = linked_as
        return scrapy.Request(url, callback=self.parse_page, errback=self.on_error, priority=priority, meta=meta)

    def _sitemap_request(self, url: str, speculative: bool = False) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error, priority=80,
                              meta={"speculative": speculative})

    def follow_page(self, url: str, priority: int = 0):
        """A request for an in-scope page URL (tracking parameters dropped), or None."""
        canonical = canonicalize(url)
        if not self.scope.allows(canonical):
            return None
        return self._page_request(canonical, priority=priority, linked_as=url)

    # --------------------------------------------------------------- callbacks

    def parse_robots(self, response: Response):
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            if self.scope.same_host(url):
                yield self._sitemap_request(url)

    def parse_sitemap(self, response: Response):
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gzip.GzipFile(fileobj=io.BytesIO(body)).read(50 * 1024 * 1024)
        try:
            sitemap = Sitemap(body)
        except Exception as error:  # not XML at all
            self.report_error(response.url, f"unreadable sitemap: {error}")
            return
        self.pages_ok += 1
        for entry in sitemap:
            loc = (entry.get("loc") or "").strip()
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                if self.scope.same_host(loc):
                    yield self._sitemap_request(loc)
            elif request := self.follow_page(loc, priority=10):
                yield request

    def parse_feed(self, response: Response):
        try:
            root = etree.fromstring(response.body, parser=etree.XMLParser(recover=True, resolve_entities=False,
                                                                           no_network=True))
        except etree.XMLSyntaxError as error:
            self.report_error(response.url, f"unreadable feed: {error}")
            return
        if root is None:
            self.report_error(response.url, "empty feed")
            return
        self.pages_ok += 1
        for link in feed_entry_links(root):
            if request := self.follow_page(urljoin(response.url, link), priority=20):
                yield request

    def parse_page(self, response: Response):
        content_type = (response.headers.get("Content-Type") or b"").lower()
        if not isinstance(response, TextResponse) or not content_type.startswith(HTML_TYPES):
            if any(kind in content_type for kind in XML_TYPES) and response.meta.get("start_url"):
                yield from self.parse_feed(response)
                return
            self.report_error(response.url, f"not an HTML page ({content_type.decode('latin-1') or 'no type'})")
            return
        try:
            doc = Document.parse(response.text, response.url)
            article = extract_document(doc, fetched_at=datetime.now(UTC))
        except ExtractionError as error:
            self.report_error(response.url, str(error))
            return
        self.pages_ok += 1
        if article.is_article:
            seen = [response.meta["linked_as"]] if "linked_as" in response.meta else []
            if response.request and response.request.url != response.url:
                seen.append(response.request.url)  # redirected from
            yield ArticleItem(self.source.name, response.url, article, seen)
        for feed in doc.feed_links():
            if self.scope.same_host(feed):
                yield scrapy.Request(feed, callback=self.parse_feed, errback=self.on_error, priority=50)
        for link in doc.links():
            if request := self.follow_page(link, priority=0 if article.is_article else 5):
                yield request

    # --------------------------------------------------------------- errors

    def on_error(self, failure):
        request = failure.request
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            return  # robots.txt said no, or a limit was reached: polite, not a failure
        if failure.check(HttpError):
            status = failure.value.response.status
            if request.meta.get("speculative") and status in (404, 410):
                return  # a guessed sitemap.xml that does not exist is not an error
            message = f"HTTP {status}"
        else:
            message = f"{failure.type.__name__}: {failure.getErrorMessage()}"
        if request.meta.get("speculative") and not failure.check(HttpError):
            return
        self.report_error(request.url, message)

    def report_error(self, url: str, message: str) -> None:
        self.logger.warning("%s: %s", url, message)
        self.crawler.stats.inc_value("newsagg/errors")
        self.crawler.signals.send_catch_log(crawl_error, url=url, error=message, spider=self)


def feed_entry_links(root) -> list[str]:
    """Entry links of an RSS 2.0, RSS 1.0/RDF or Atom feed."""
    links = []
    for element in root.iter():
        tag = etree.QName(element).localname if isinstance(element.tag, str) else ""
        if tag in ("item", "entry"):
            for child in element:
                if not isinstance(child.tag, str) or etree.QName(child).localname != "link":
                    continue
                href = child.get("href") or (child.text or "").strip()
                rel = child.get("rel", "alternate")
                if href and rel == "alternate":
                    links.append(href)
                    break
    return links
