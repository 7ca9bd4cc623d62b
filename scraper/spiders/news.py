"""The news spider: discovers article pages of one source from listings, feeds and sitemaps.

It decides which URLs to fetch (scope, only-new rules of scraper/incremental.py, limits) and hands
each page to scraper/pages.py, which parses it once; it holds no extraction logic and no SQL.
Run it through `newsagg crawl`, or directly:

    scrapy crawl news -a url=https://example.com/en/
    scrapy crawl news -a source=infofinance-en      # a source of newsagg.toml
"""

from __future__ import annotations

import gzip
import io
import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml import etree
from scrapy import signals
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.internet.error import DNSLookupError

from core.config import Source, adhoc_source, load_config, resolve_config_path
from core.errors import ExtractionError
from db.fetch_state import ARTICLE, FEED, LISTING, SITEMAP
from db.urls import canonicalize
from scraper.addresses import address_guard
from scraper.backend import backend_for
from scraper.incremental import CrawlState
from scraper.items import ArticleItem
from scraper.middlewares import DecompressedTooLarge
from scraper.pages import PageAnalyser, transport_encoding
from scraper.scope import Scope, url_date
from scraper.signals import crawl_error
from scraper.writer import writer_for

HTML_TYPES = (b"text/html", b"application/xhtml")
XML_TYPES = (b"xml", b"rss", b"atom")
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
canonical_url = lru_cache(maxsize=65536)(canonicalize)  # the same menu links recur on every page


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, source: Source | str | None = None, url: str | None = None, config: str | None = None,
                 full: bool | str = False, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(source, Source):
            self.source = source
        elif source:  # `scrapy crawl news -a source=NAME`
            self.source = load_config(resolve_config_path(config)).source(source)
        elif url:  # `scrapy crawl news -a url=URL[,URL...]`
            self.source = adhoc_source(url.split(","))
        else:
            raise ValueError("NewsSpider needs source=NAME or url=URL")
        self.full = full in (True, "1", "true", "yes")
        self.scope = Scope.from_urls(self.source.start_urls, self.source.allow, self.source.deny)
        self.pages_ok = 0
        self.pages_requested = 0
        self.requested: set[str] = set()  # canonical URLs requested in this run (cheaper than the dupefilter)
        self.out_of_scope: set[str] = set()  # canonical links already refused by the scope (menus recur)
        self.traps_reported: set[str] = set()
        self.crashes_logged: set[tuple[str, str]] = set()
        self.state: CrawlState | None = None
        self.analyser: PageAnalyser | None = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.full = spider.full or settings.getbool("NEWSAGG_FULL")
        spider.state = CrawlState(backend_for(crawler).fetch_state(), spider.source, spider.full, writer_for(crawler))
        spider.analyser = PageAnalyser(settings.getint("NEWSAGG_EXTRACT_WORKERS"))
        if settings.getbool("ROBOTSTXT_OBEY"):  # robots.txt is fetched anyway: read its Sitemap lines there
            crawler.signals.connect(spider.robots_parsed, signal=signals.robots_parsed)
        return spider

    def closed(self, reason: str) -> None:
        self.analyser.close()
        self.state.close()

    # --------------------------------------------------------------- discovery

    async def start(self):
        await self._trust_private_source_hosts()
        for request in self.start_requests():
            yield request

    async def _trust_private_source_hosts(self) -> None:
        """A source on a loopback or private address may be crawled there (scraper/addresses.py)."""
        guard = address_guard()
        if guard is None:
            self.logger.warning("no address guard installed (TWISTED_DNS_RESOLVER): private addresses are reachable")
            return
        urls = [*self.source.start_urls, *self.source.feeds, *self.source.sitemaps]
        for host in sorted({urlsplit(url).hostname for url in urls} - {None}):
            await maybe_deferred_to_future(guard.trust_if_private(host))

    def refuses_redirect(self, request: scrapy.Request) -> str | None:
        """Why this redirected request may not be sent (RedirectScopeMiddleware), or None."""
        page = getattr(request.callback, "__func__", None) is NewsSpider.parse_page
        return self.scope.refuses_redirect(request.url, page, request.meta["redirect_urls"][0])

    def start_requests(self):
        roots = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.source.start_urls}
        for url in self.source.start_urls:  # start pages count towards max_pages too
            self.requested.add(canonical_url(url))
            self.pages_requested += 1
            yield self._page_request(url, priority=100, meta={"start_url": True})
        if not self.settings.getbool("ROBOTSTXT_OBEY"):
            for root in sorted(roots):
                yield scrapy.Request(urljoin(root, "/robots.txt"), callback=self.parse_robots,
                                     errback=self.on_error, priority=90, meta={"speculative": True})
        guessed = {urljoin(u, "sitemap.xml") for u in self.source.start_urls}
        for url in sorted(guessed | set(self.source.sitemaps)):
            if request := self._sitemap_request(url, speculative=url not in self.source.sitemaps):
                yield request
        for url in self.source.feeds:
            if request := self._feed_request(url):
                yield request

    def _page_request(self, url: str, priority: int = 0, meta: dict | None = None,
                      linked_as: str | None = None, headers: dict | None = None) -> scrapy.Request:
        meta = dict(meta or {})
        if linked_as and linked_as != url:
            meta["linked_as"] = linked_as
        if headers:  # a conditional refresh: a 304 is an answer, not an error
            meta["handle_httpstatus_list"] = [304]
        return scrapy.Request(url, callback=self.parse_page, errback=self.on_error, priority=priority,
                              meta=meta, headers=headers)

    def _sitemap_request(self, url: str, speculative: bool = False) -> scrapy.Request | None:
        """Sitemaps spend the max_pages budget, except the guessed <start folder>sitemap.xml."""
        if canonical_url(url) in self.requested or not (speculative or self._spend_budget()):
            return None
        self.requested.add(canonical_url(url))
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error, priority=80,
                              meta={"speculative": speculative})

    def _feed_request(self, url: str, priority: int = 80) -> scrapy.Request | None:
        if canonical_url(url) in self.requested or not self._spend_budget():
            return None
        self.requested.add(canonical_url(url))
        return scrapy.Request(url, callback=self.parse_feed, errback=self.on_error, priority=priority)

    def _spend_budget(self) -> bool:
        """One request of max_pages (pages, feeds and sitemaps alike), or False when it is spent."""
        if self.pages_requested >= self.source.max_pages:
            self._count("max_pages_reached")
            return False
        self.pages_requested += 1
        return True

    def follow_page(self, url: str, priority: int = 0, entry_date: str | None = None):
        """A request for an in-scope page URL that is neither known nor beyond a limit, or None."""
        if entry_date and self.state.entry_is_old(entry_date):
            self._count("skipped_old_entries")
            return None
        canonical = canonical_url(url)
        if canonical in self.requested or not self.scope.allows(canonical):
            return None
        if self.state.is_known_article(canonical):
            self._count("skipped_known")
            return None
        return self._new_page_request(canonical, priority, linked_as=url)

    def _new_page_request(self, url: str, priority: int, linked_as: str) -> scrapy.Request | None:
        if self._is_trap(url) or self._dated_before_since(url) or not self._spend_budget():
            return None
        self.requested.add(url)
        return self._page_request(url, priority, linked_as=linked_as,
                                  headers=self.state.conditional_headers(url))

    def _is_trap(self, url: str) -> bool:
        reason = self.scope.trap(url)
        if reason is None:
            return False
        key = f"{reason} {re.sub(r'[0-9]+', 'N', urlsplit(url).path)}"
        if key not in self.traps_reported:  # once per trap, not once per link into it
            self.traps_reported.add(key)
            self.report_error(url, f"{reason}; not followed")
        self._count("skipped_traps")
        return True

    def _dated_before_since(self, url: str) -> bool:
        day = url_date(url)
        if day is not None and self.state.since is not None and day < self.state.since.date():
            self._count("skipped_old_urls")
            return True
        return False

    def follow_links(self, links: list[str], response: Response, priority: int):
        """Requests for a page's unseen links. Known listings are refreshed from start pages, and from
        pages that revealed something new; elsewhere old pagination and archives are left alone."""
        unseen: dict[str, str] = {}
        for link in links:
            canonical = canonical_url(link)
            if canonical in unseen or canonical in self.requested or self.state.is_known_article(canonical):
                continue
            if canonical in self.out_of_scope:
                continue
            if self.scope.allows(canonical):
                unseen[canonical] = link
            else:
                self.out_of_scope.add(canonical)
        if not response.meta.get("start_url") and all(map(self.state.is_known_listing, unseen)):
            return
        for canonical, link in unseen.items():
            if request := self._new_page_request(canonical, priority, linked_as=link):
                yield request

    # --------------------------------------------------------------- callbacks

    def parse_robots(self, response: Response):
        yield from self._robots_sitemaps(sitemap_urls_from_robots(response.body, base_url=response.url))

    def robots_parsed(self, robotparser, request) -> None:
        """The robots.txt RobotsTxtMiddleware fetched (Protego parser: its `Sitemap:` lines)."""
        urls = getattr(getattr(robotparser, "rp", None), "sitemaps", ())
        for sitemap in self._robots_sitemaps(urljoin(request.url, url) for url in urls):
            self.crawler.engine.crawl(sitemap)

    def _robots_sitemaps(self, urls):
        for url in urls:
            if self.scope.same_host(url) and (request := self._sitemap_request(url)):
                yield request

    def parse_sitemap(self, response: Response):
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gzip.GzipFile(fileobj=io.BytesIO(body)).read(MAX_SITEMAP_BYTES)
        try:
            sitemap = Sitemap(body)
        except Exception as error:  # not XML at all
            self.report_error(response.url, f"unreadable sitemap: {error}")
            return
        self.pages_ok += 1
        self._record(response, SITEMAP)
        for entry in sitemap:
            loc = urljoin(response.url, (entry.get("loc") or "").strip())
            if loc == response.url:
                continue
            if sitemap.type == "sitemapindex":
                if self.scope.same_host(loc) and not self.state.entry_is_old(entry.get("lastmod")):
                    if request := self._sitemap_request(loc):
                        yield request
            elif request := self.follow_page(loc, priority=10, entry_date=entry.get("lastmod")):
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
        self._record(response, FEED)
        for link, entry_date in feed_entries(root):
            if request := self.follow_page(urljoin(response.url, link), priority=20, entry_date=entry_date):
                yield request

    async def parse_page(self, response: Response):
        if response.status == 304:  # a refreshed article that did not change: nothing more to do
            self.pages_ok += 1
            self._record(response, ARTICLE)
            self._count("not_modified")
            return
        content_type = (response.headers.get("Content-Type") or b"").lower()
        if not content_type.startswith(HTML_TYPES):
            if any(kind in content_type for kind in XML_TYPES) and response.meta.get("start_url"):
                for request in self.parse_feed(response):
                    yield request
                return
            self.report_error(response.url, f"not an HTML page ({content_type.decode('latin-1') or 'no type'})")
            return
        known_listing = self.state.is_known_listing(canonical_url(response.url))
        try:  # a known listing is only read for its links: it is not an article
            page = await self.analyser.analyse(response.body, response.url,
                                               transport_encoding(content_type),
                                               extract=not known_listing, timezone=self.source.timezone,
                                               profile=self.source.profile)
        except Exception as error:  # noqa: BLE001 (one unreadable page must not stop the run)
            self._report_unreadable(response.url, error)
            return
        self.pages_ok += 1
        article = page.article
        is_article = article is not None and article.is_article
        self._record(response, ARTICLE if is_article else LISTING)
        if is_article:
            if self.state.published_before_since(article.published_at):
                self._count("skipped_old_articles")  # and its links, which lead further into the archive
                return
            yield ArticleItem(self.source.name, response.url, article, self._seen_urls(response))
        for feed in page.feed_links:
            if self.scope.same_host(feed) and (request := self._feed_request(feed, priority=50)):
                yield request
        for request in self.follow_links(page.links, response, priority=0 if is_article else 5):
            yield request

    @staticmethod
    def _seen_urls(response: Response) -> list[str]:
        seen = [response.meta["linked_as"]] if "linked_as" in response.meta else []
        if response.request and response.request.url != response.url:
            seen.append(response.request.url)  # redirected from
        return seen

    def _record(self, response: Response, kind: str) -> None:
        self.state.record(canonical_url(response.url), kind, response.status,
                          _header(response, b"ETag"), _header(response, b"Last-Modified"))

    def _count(self, what: str) -> None:
        self.crawler.stats.inc_value(f"newsagg/{what}")

    # --------------------------------------------------------------- errors

    def _report_unreadable(self, url: str, error: Exception) -> None:
        crash = (type(error).__name__, str(error))
        if not isinstance(error, ExtractionError) and crash not in self.crashes_logged \
                and len(self.crashes_logged) < 100:  # its traceback once per kind of crash, not per page
            self.crashes_logged.add(crash)
            self.logger.error("extraction crashed on %s", url, exc_info=error)
        self.report_error(url, f"unreadable page: {type(error).__name__}: {error}")

    def on_error(self, failure):
        request = failure.request
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            return  # robots.txt said no: polite, not a failure
        if failure.check(HttpError):
            status = failure.value.response.status
            if request.meta.get("speculative") and status in (404, 410):
                return  # a guessed sitemap.xml that does not exist is not an error
            message = f"HTTP {status}"
        elif failure.check(DownloadCancelledError):  # Scrapy cancels at DOWNLOAD_MAXSIZE, mid-stream too
            limit = request.meta.get("download_maxsize", self.settings.getint("DOWNLOAD_MAXSIZE"))
            message = f"response larger than the max size of {limit} bytes ([crawler] max_page_bytes); dropped"
        elif failure.check(DecompressedTooLarge):
            limit = request.meta.get("download_maxsize", self.settings.getint("DOWNLOAD_MAXSIZE"))
            message = (f"response larger than the max size of {limit} bytes once decompressed (a compression "
                       f"bomb?); dropped")
        elif failure.check(DNSLookupError) and (refusal := self._address_refusal(request.url)):
            message = f"AddressRefused: {refusal}"
        else:
            message = f"{failure.type.__name__}: {failure.getErrorMessage()}"
        if request.meta.get("speculative") and not failure.check(HttpError):
            return
        self.report_error(request.meta.get("redirect_urls", [request.url])[0], message)  # the URL as linked

    @staticmethod
    def _address_refusal(url: str) -> str | None:
        guard = address_guard()
        return guard.refusal(urlsplit(url).hostname or "") if guard is not None else None

    def report_error(self, url: str, message: str) -> None:
        self.logger.warning("%s: %s", url, message)
        self._count("errors")
        self.crawler.signals.send_catch_log(crawl_error, url=url, error=message, spider=self)


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


FEED_DATE_TAGS = ("updated", "published", "pubDate", "date", "modified")  # first found wins


def feed_entries(root) -> list[tuple[str, str | None]]:
    """(link, date text or None) of each entry of an RSS 2.0, RSS 1.0/RDF or Atom feed."""
    entries = []
    for element in root.iter():
        tag = etree.QName(element).localname if isinstance(element.tag, str) else ""
        if tag not in ("item", "entry"):
            continue
        link, dates = None, {}
        for child in element:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if name == "link" and link is None and child.get("rel", "alternate") == "alternate":
                link = child.get("href") or (child.text or "").strip() or None
            elif name in FEED_DATE_TAGS:
                dates.setdefault(name, (child.text or "").strip())
        if link:
            entries.append((link, next((dates[t] for t in FEED_DATE_TAGS if dates.get(t)), None)))
    return entries
