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
from db.fetch_state import ARTICLE, FEED, LISTING, REDIRECT, SITEMAP
from db.urls import canonicalize
from scraper import revisits
from scraper.addresses import address_guard
from scraper.backend import backend_for
from scraper.closing import CrawlClosing
from scraper.incremental import GONE, CrawlState, slash_twin
from scraper.items import ArticleItem
from scraper.known_redirects import KnownRedirect
from scraper.middlewares import DecompressedTooLarge, OffScopeRedirect, RedirectLoop
from scraper.pages import PageAnalyser, transport_encoding
from scraper.scope import Scope, url_date
from scraper.signals import crawl_error
from scraper.writer import writer_for

HTML_TYPES = (b"text/html", b"application/xhtml")
XML_TYPES = (b"xml", b"rss", b"atom")
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
OTHER = "other"  # a page that failed for good (404/410): its kind is unknown
TRANSIENT_STATUSES = {408, 429, 500, 502, 503, 504, 522, 524}
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
        self.in_scope: set[str] = set()  # ...and already allowed
        self.traps_reported: set[str] = set()
        self.crashes_logged: set[tuple[str, str]] = set()
        self.state: CrawlState | None = None
        self.analyser: PageAnalyser | None = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.full = spider.full or settings.getbool("NEWSAGG_FULL")
        spider.state = CrawlState(backend_for(crawler).fetch_state(), spider.source, writer_for(crawler),
                                  spider.full)
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
        for url in self.source.start_urls:  # always fetched, and counted in max_pages
            key = canonical_url(url)
            self.requested.add(key)
            self.pages_requested += 1
            yield self._page_request(url, priority=100, meta={"start_url": True}, conditional=key)
        if not self.settings.getbool("ROBOTSTXT_OBEY"):
            for root in sorted(roots):
                yield self._request(urljoin(root, "/robots.txt"), self.parse_robots, 90, {"speculative": True})
        guessed = {urljoin(u, "sitemap.xml") for u in self.source.start_urls}
        for url in sorted(guessed | set(self.source.sitemaps)):
            if request := self._sitemap_request(url, speculative=url not in self.source.sitemaps):
                yield request
        for url in self.source.feeds:
            if request := self._feed_request(url, every_run=True):
                yield request
        yield from self._scheduled_requests()

    def _scheduled_requests(self):
        """Listings and feeds whose revisit is due, the frontier a previous run left, then stored
        articles whose refresh window is over (at most half of max_pages: new pages come first)."""
        for revisit in self.state.due():
            if revisit.kind == FEED:
                request = self._feed_request(revisit.url, priority=70, every_run=revisit.interval_s == 0)
            else:
                request = self._known_page_request(revisit.url, priority=40)
            if request is not None:
                yield request
        for row in self.state.frontier:
            url = self.state.resolve(row["url"])
            fetched = self.state.article_of(url) is not None or self.state.is_known_page(url)
            if url != row["url"] or fetched:  # fetched since (another way), or known to redirect
                self.state.frontier_done(row["url"])
            if not fetched and (request := self._new_page_request(url, priority=30, linked_as=row["url"],
                                                                   found_on=row["found_on"])):
                yield request
        for article in self.state.stale_articles()[: self.source.max_pages // 2]:
            if request := self._refresh_request(article, 1, linked_as=article):
                yield request

    def _request(self, url: str, callback, priority: int, meta: dict,
                 conditional: str | None = None) -> scrapy.Request:
        """`conditional`: the page (canonical URL) whose stored validators the request sends; a 304
        is then an answer, not an error."""
        headers = self.state.conditional_headers(conditional) if conditional else {}
        if headers:
            meta["handle_httpstatus_list"] = [304]
        return scrapy.Request(url, callback=callback, errback=self.on_error, priority=priority, meta=meta,
                              headers=headers)

    def _page_request(self, url: str, priority: int = 0, meta: dict | None = None,
                      linked_as: str | None = None, conditional: str | None = None) -> scrapy.Request:
        meta = dict(meta or {})
        if linked_as and linked_as != url:
            meta["linked_as"] = linked_as
        return self._request(url, self.parse_page, priority, meta, conditional)

    def _sitemap_request(self, url: str, speculative: bool = False) -> scrapy.Request | None:
        """Sitemaps spend the max_pages budget, except the guessed <start folder>sitemap.xml, which
        is not asked for again while it is gone."""
        key = self.state.resolve(canonical_url(url))
        if speculative and self.state.was_gone(key):
            return None
        return self._resolved_request(url, key, self.parse_sitemap, 80, {"speculative": speculative},
                                      free=speculative)

    def _feed_request(self, url: str, priority: int = 80, every_run: bool = False) -> scrapy.Request | None:
        """Configured feeds and those a start page advertises are read on every run; other feeds
        (a tag's, an author's) when their revisit is due."""
        key = self.state.resolve(canonical_url(url))
        if not every_run and self.state.is_known_page(key) and not self.state.is_due(key):
            return None
        return self._resolved_request(url, key, self.parse_feed, priority, {"every_run": every_run})

    def _resolved_request(self, url: str, key: str, callback, priority: int, meta: dict,
                          free: bool = False) -> scrapy.Request | None:
        """A conditional request for `key`, the page `url` names: sent to `url` as written, unless a
        known redirect (or slash variant) leads elsewhere."""
        if not self._claim(key, free):
            return None
        return self._request(key if key != canonical_url(url) else url, callback, priority, meta, key)

    def _claim(self, key: str, free: bool = False) -> bool:
        """This run's one request of `key`: False when it was requested already, or when the
        max_pages budget is spent (pages, feeds and sitemaps alike, unless `free`)."""
        if key in self.requested:
            return False
        if not free:
            if self.pages_requested >= self.source.max_pages:
                self._count("max_pages_reached")
                return False
            self.pages_requested += 1
        self.requested.add(key)
        return True

    def _page_of(self, url: str) -> str:
        """The page a link names, as far as this crawl knows: a stored article or listing (through
        known redirects and trailing-slash variants), or a page requested in this run that the link
        differs from only by the trailing slash (asking would cost a 301 each)."""
        url = self.state.resolve(url)
        if url not in self.requested and (twin := slash_twin(url)) in self.requested:
            return twin
        return url

    def follow_page(self, url: str, priority: int = 0, entry_date: str | None = None,
                    found_on: str | None = None):
        """A request for a feed or sitemap entry that is new, or a stored article the entry dates after
        our last fetch of it; None for everything else."""
        canonical = self._page_of(canonical_url(url))
        if not self.scope.allows(canonical):
            return None
        article = self.state.article_of(canonical)
        if article is not None:
            self.state.note_alias(_unfragmented(url), article)
            if article not in self.requested and self.state.needs_refetch(article, entry_date):
                return self._refresh_request(article, priority, linked_as=url)
            self._count("skipped_known")
            return None
        if entry_date and self.state.entry_is_old(entry_date):
            self._count("skipped_old_entries")
            return None
        if canonical in self.requested:
            self.state.note_alias(_unfragmented(url), canonical)
            return None
        if self.state.is_known_page(canonical) or self.state.was_gone(canonical):
            return None  # a listing comes back when its revisit is due
        return self._new_page_request(canonical, priority, linked_as=url, found_on=found_on)

    def _new_page_request(self, url: str, priority: int, linked_as: str,
                          found_on: str | None = None) -> scrapy.Request | None:
        """A request for a page never fetched. It is in the frontier until answered, so a run cut
        short (max_pages, timeout, kill) leaves it to the next run."""
        if self._is_trap(url) or self._dated_before_since(url):
            return None
        self.state.frontier_add(url, found_on)
        if not self._claim(url):
            return None
        return self._page_request(url, priority, linked_as=linked_as, meta={"found_on": found_on})

    def _known_page_request(self, url: str, priority: int) -> scrapy.Request | None:
        """A conditional request for a listing fetched before (due, or the next page of a page that
        showed new articles)."""
        if not self._claim(url):
            return None
        return self._page_request(url, priority, conditional=url)

    def _refresh_request(self, article: str, priority: int, linked_as: str) -> scrapy.Request | None:
        """A stored article due for a refresh: fetched conditionally under its canonical URL."""
        if not self._claim(article):
            return None
        self._count("refreshed")
        return self._page_request(article, priority, meta={"refresh": True}, linked_as=linked_as,
                                  conditional=article)

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

    def follow_links(self, links: list[str], response: Response, priority: int) -> tuple[list, set[str]]:
        """Requests for a page's links that were never fetched, and the page's in-scope links.

        Known articles, listings and pages are not requested (listings come back when due). The
        next pages of a listing read before are followed only while its article links are at
        least half new (pagination goes deeper only while pages keep showing new articles)."""
        page = canonical_url(response.url)
        gated = self.state.was_read_before(page)  # a first read walks all its pages
        requests, continuations, in_scope = [], [], set()
        new = known = 0
        if self._too_deep(response):
            return [], set()
        for link in links:
            canonical = canonical_url(link)
            if canonical in self.out_of_scope:
                continue
            canonical = self._page_of(canonical)
            if canonical in in_scope:  # the same page linked twice on this one: a variant, maybe
                self.state.note_alias(_unfragmented(link), self.state.article_of(canonical) or canonical)
                continue
            if canonical not in self.in_scope:  # menus recur on every page: decide once
                if canonical in self.out_of_scope or not self.scope.allows(canonical):
                    self.out_of_scope.add(canonical)
                    continue
                self.in_scope.add(canonical)
            in_scope.add(canonical)
            article = self.state.article_of(canonical)
            if article is not None:
                known += 1
                self.state.note_alias(_unfragmented(link), article)
                if article not in self.requested and self.state.needs_refetch(article):
                    if request := self._refresh_request(article, priority, linked_as=link):
                        requests.append(request)
                continue
            continues = gated and revisits.is_continuation(canonical, page)
            if self.state.is_known_page(canonical) or self.state.was_gone(canonical):
                if continues:
                    continuations.append((canonical, link))
                continue
            new += 1  # unknown when the run started
            if canonical in self.requested:
                self.state.note_alias(_unfragmented(link), canonical)
            elif continues:
                continuations.append((canonical, link))
            elif request := self._new_page_request(canonical, priority, linked_as=link, found_on=page):
                requests.append(request)
        self.state.sample_links(in_scope)
        if continuations and revisits.go_deeper(new, known):
            for canonical, link in continuations:
                request = (self._known_page_request(canonical, priority) if self.state.is_known_page(canonical)
                           else self._new_page_request(canonical, priority, linked_as=link, found_on=page))
                if request is not None:
                    requests.append(request)
        return requests, in_scope

    def _too_deep(self, response: Response) -> bool:
        """Links of a page at DEPTH_LIMIT would be dropped by Scrapy: do not count or queue them."""
        limit = self.settings.getint("DEPTH_LIMIT")
        return bool(limit) and response.meta.get("depth", 0) + 1 > limit

    def resolve_redirect(self, request: scrapy.Request, response: Response, target: str) -> bool:
        """Asked by KnownRedirectMiddleware before a redirect is followed: True when `target` is a
        page this crawl has (a stored article, a listing, a page requested in this run). The
        redirecting URLs are then recorded as aliases of it, so no run requests them again."""
        dest = canonical_url(target)
        chain = [canonical_url(url) for url in (*request.meta.get("redirect_urls", ()), request.url)]
        if dest in chain or not self.scope.allows(dest):
            return False  # loops and off-scope redirects are other middlewares' business
        article = self.state.article_of(dest)
        known = (dest in self.requested or (article is not None and not self.state.needs_refetch(article))
                 or (self.state.is_known_page(dest) and not self.state.is_due(dest)))
        if not known:
            self.requested.add(dest)  # followed now: later links to it are not requested again
            return False
        for url in chain:
            self.state.record(url, REDIRECT, response.status, redirect_to=dest)
            self.state.note_alias(url, article or dest)
        if "linked_as" in request.meta:
            self.state.note_alias(_unfragmented(request.meta["linked_as"]), article or dest)
        return True

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
        if self._not_modified(response, SITEMAP):
            return
        body = response.body
        try:
            if body[:2] == b"\x1f\x8b":
                body = gzip.GzipFile(fileobj=io.BytesIO(body)).read(MAX_SITEMAP_BYTES)
            sitemap = Sitemap(body)
        except Exception as error:  # not XML at all, or a broken gzip
            self.report_error(response.url, f"unreadable sitemap: {error}")
            return
        self.pages_ok += 1
        entries = [(urljoin(response.url, (entry.get("loc") or "").strip()), entry.get("lastmod"))
                   for entry in sitemap]
        if not _dates_are_trustworthy([lastmod for _, lastmod in entries]):
            entries = [(loc, None) for loc, _ in entries]
        for loc, lastmod in entries:
            if loc == response.url:
                continue
            if sitemap.type == "sitemapindex":
                if self.scope.same_host(loc) and not self.state.entry_is_old(lastmod):
                    if request := self._sitemap_request(loc):
                        yield request
            elif request := self.follow_page(loc, priority=10, entry_date=lastmod):
                yield request
        self._record(response, SITEMAP)  # after its entries: see _record

    def parse_feed(self, response: Response):
        if self._not_modified(response, FEED):
            return
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
        feed = canonical_url(response.url)
        links = set()
        for link, entry_date in feed_entries(root):
            url = urljoin(response.url, link)
            links.add(self.state.resolve(canonical_url(url)))
            if request := self.follow_page(url, priority=20, entry_date=entry_date, found_on=feed):
                yield request
        self._record(response, FEED)  # after its entries: see _record
        self.state.read(feed, FEED, response.status, sorted(links), every_run=self._every_run(response))

    async def parse_page(self, response: Response):
        url = canonical_url(response.url)
        self.state.frontier_done(self._request_key(response.request))
        if self._not_modified(response, ARTICLE if self.state.article_of(url) else LISTING):
            return
        content_type = (response.headers.get("Content-Type") or b"").lower()
        if not content_type.startswith(HTML_TYPES):
            if any(kind in content_type for kind in XML_TYPES) and response.meta.get("start_url"):
                for request in self.parse_feed(response):
                    yield request
                return
            self.report_error(response.url, f"not an HTML page ({content_type.decode('latin-1') or 'no type'})")
            return
        self._record_redirects(response, url)
        known_page = self.state.is_known_page(url)
        try:  # a known listing is only read for its links: it is not an article
            page = await self.analyser.analyse(response.body, response.url,
                                               transport_encoding(content_type),
                                               extract=not known_page, timezone=self.source.timezone,
                                               profile=self.source.profile)
        except Exception as error:  # noqa: BLE001 (one unreadable page must not stop the run)
            self._report_unreadable(response.url, error)
            return
        self.pages_ok += 1
        article = page.article
        is_article = article is not None and article.is_article
        if is_article and not response.meta.get("refresh"):
            self.state.credit(response.meta.get("found_on"))
        requests = []
        if is_article and self.state.published_before_since(article.published_at):
            self._count("skipped_old_articles")  # and its links, which lead further into the archive
        else:
            if is_article:
                yield ArticleItem(self.source.name, response.url, article, self._seen_urls(response))
            requests = self._requests_from(page, response, url, is_article)
        self._record(response, ARTICLE if is_article else LISTING)  # after its links: see _record
        for request in requests:
            yield request

    def _requests_from(self, page, response: Response, url: str, is_article: bool) -> list[scrapy.Request]:
        """Requests for the feeds a page advertises and the links it shows; a listing's read."""
        every_run = self._every_run(response)
        requests = [request for feed in page.feed_links
                    if self.scope.same_host(feed) and (request := self._feed_request(feed, 50, every_run))]
        followed, links = self.follow_links(page.links, response, priority=0 if is_article else 5)
        if not is_article:
            self.state.read(url, LISTING, response.status, sorted(links), every_run=every_run)
        return requests + followed

    def _not_modified(self, response: Response, kind: str) -> bool:
        """A 304 to a conditional request: recorded, and nothing more to read (no new links)."""
        if response.status != 304:
            return False
        self.pages_ok += 1
        self._record(response, kind)
        if kind in (LISTING, FEED):
            self.state.read(canonical_url(response.url), kind, 304, every_run=self._every_run(response))
        self._count("not_modified")
        return True

    def _every_run(self, response: Response) -> bool:
        """Start pages, the feeds they advertise and configured feeds are read on every run."""
        return bool(response.meta.get("start_url") or response.meta.get("every_run"))

    def _record_redirects(self, response: Response, url: str) -> None:
        """The URLs that redirected here lead here: the next run goes straight to `url`."""
        for origin in response.meta.get("redirect_urls", ()):
            if canonical_url(origin) != url:
                self.state.record(canonical_url(origin), REDIRECT, 301, redirect_to=url)

    @staticmethod
    def _request_key(request: scrapy.Request) -> str:
        """The canonical URL a request was made for, before any redirect."""
        return canonical_url(request.meta.get("redirect_urls", [request.url])[0])

    @staticmethod
    def _seen_urls(response: Response) -> list[str]:
        seen = [response.meta["linked_as"]] if "linked_as" in response.meta else []
        return [*seen, *response.meta.get("redirect_urls", ())]  # and the URLs that redirected here

    def _record(self, response: Response, kind: str) -> None:
        """A page fetched, with its validators. Called once the links it showed are in the frontier:
        a record may write the state batch, and validators written without those links would let the
        next run's 304 hide them."""
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
        key = self._request_key(request)
        if failure.check(KnownRedirect):  # resolved without a download: recorded as an alias
            self.state.frontier_done(key)
            self._count("redirects_to_known")
            return
        if failure.check(CrawlClosing):
            return  # cut off by the run's end (timeout, stop): it stays in the frontier for the next run
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            self.state.frontier_done(key)
            return  # robots.txt said no: polite, not a failure
        if failure.check(HttpError):
            status = failure.value.response.status
            self._failed(request, key, status)
            if request.meta.get("speculative") and status in GONE:
                return  # a guessed sitemap.xml that does not exist is not an error
            message = f"HTTP {status}"
        else:
            message, transient = self._failure(failure)
            if transient:
                self.state.frontier_failed(key)  # worth another try next run
            else:
                self.state.frontier_done(key)
            if request.meta.get("speculative"):
                return
        self.report_error(request.meta.get("redirect_urls", [request.url])[0], message)  # the URL as linked

    def _failure(self, failure) -> tuple[str, bool]:
        """What went wrong with a request that got no page, and whether the next run may fare better
        (a timeout, a refused connection) or not (a size cap, a refused address or redirect, a loop)."""
        request = failure.request
        limit = request.meta.get("download_maxsize", self.settings.getint("DOWNLOAD_MAXSIZE"))
        if failure.check(DownloadCancelledError):  # Scrapy cancels at DOWNLOAD_MAXSIZE, mid-stream too
            return f"response larger than the max size of {limit} bytes ([crawler] max_page_bytes); dropped", False
        if failure.check(DecompressedTooLarge):
            return (f"response larger than the max size of {limit} bytes once decompressed (a compression "
                    f"bomb?); dropped"), False
        if failure.check(DNSLookupError) and (refusal := self._address_refusal(request.url)):
            return f"AddressRefused: {refusal}", False
        message = f"{failure.type.__name__}: {failure.getErrorMessage()}"
        return message, not failure.check(OffScopeRedirect, RedirectLoop)

    @staticmethod
    def _address_refusal(url: str) -> str | None:
        guard = address_guard()
        return guard.refusal(urlsplit(url).hostname or "") if guard is not None else None

    def _failed(self, request: scrapy.Request, key: str, status: int) -> None:
        """An HTTP error: a page that is gone is remembered (not requested again within the revisit
        cap, its revisits end); a server error leaves a frontier link for the next run."""
        if status in TRANSIENT_STATUSES:
            self.state.frontier_failed(key)
            return
        self.state.frontier_done(key)
        if status in GONE:
            kind = {self.parse_sitemap: SITEMAP, self.parse_feed: FEED}.get(request.callback, OTHER)
            self.state.record(key, kind, status)
            self.state.read(key, kind, status)

    def report_error(self, url: str, message: str) -> None:
        self.logger.warning("%s: %s", url, message)
        self._count("errors")
        self.crawler.signals.send_catch_log(crawl_error, url=url, error=message, spider=self)


def _unfragmented(url: str) -> str:
    return url.split("#", 1)[0]


def _dates_are_trustworthy(dates: list[str | None]) -> bool:
    """Sitemaps that stamp every entry with one time (when the file was generated) say nothing
    about which entry changed."""
    given = [d for d in dates if d]
    return len(given) < 5 or len(set(given)) > 1


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
