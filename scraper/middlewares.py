"""Downloader middlewares for politeness and hostile sites.

- BackoffRetryMiddleware: retries 429/503/5xx and network errors after a growing delay; a
  Retry-After header (seconds or HTTP date) pauses the whole host for that long.
- CrawlDelayMiddleware: robots.txt `Crawl-delay` becomes the host's minimum delay, which
  AutoThrottle may raise but never lower.
- RedirectLoopMiddleware: a redirect back to a URL of the same chain fails the request with a
  RedirectLoop error (counted and logged), instead of Scrapy's silent "max redirections".
- BoundedDecompressionMiddleware: a response that decompresses past the size cap (a gzip bomb)
  fails its request (counted and logged) instead of being silently ignored.
- RedirectScopeMiddleware: a request made by a redirect (HTTP 3xx or <meta refresh>) must pass
  the spider's scope, like a link; refused before anything of the target's host is fetched.
"""

from __future__ import annotations

import asyncio
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from scrapy import signals
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached

from scraper.closing import closer_of

PAUSE_STATUSES = {429, 503}


class RedirectLoop(Exception):
    """A redirect chain that comes back to a URL it already visited, or is too long."""


class OffScopeRedirect(Exception):
    """A redirect to a URL outside the source's scope: not followed."""


class DecompressedTooLarge(Exception):
    """A compressed response larger than DOWNLOAD_MAXSIZE once decompressed."""


def retry_after_seconds(value: bytes | None, now: float | None = None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, moment.timestamp() - (now if now is not None else time.time()))


def host_of(request: Request) -> str:
    return urlparse_cached(request).hostname or ""


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry policy (RETRY_TIMES, RETRY_HTTP_CODES) plus waiting before each retry.
    Once the crawl is closing (scraper/closing.py), nothing is retried and no wait goes on."""

    def __init__(self, settings, crawler=None):
        super().__init__(settings)
        self.crawler = crawler
        self.backoff_base = settings.getfloat("NEWSAGG_RETRY_BACKOFF", 1.0)
        self.max_wait = settings.getfloat("NEWSAGG_RETRY_AFTER_MAX", 300.0)
        self.paused_until: dict[str, float] = {}  # host -> monotonic time

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings, crawler)

    def _closing(self) -> bool:
        closer = closer_of(self.crawler)
        return closer is not None and closer.closing

    async def process_request(self, request: Request, spider=None) -> None:
        """Hold a request until its host's pause and its own backoff are over (or the crawl closes)."""
        ready_at = max(self.paused_until.get(host_of(request), 0.0), request.meta.get("newsagg_not_before", 0.0))
        while (wait := ready_at - time.monotonic()) > 0 and not self._closing():
            await asyncio.sleep(min(wait, 0.5))
        if self._closing():
            raise IgnoreRequest("the crawl is closing; not sent")

    def process_response(self, request: Request, response: Response, spider=None) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes or self._closing():
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is not None and wait > self.max_wait:
            return response  # the server asks for more than we will wait: give up, the spider reports it
        retry = self._retry(request, f"HTTP {response.status}")
        if retry is None:
            return response
        wait = self._backoff(request) if wait is None else wait
        if response.status in PAUSE_STATUSES:  # the host is overloaded or rate-limiting: pause all of it
            host = host_of(request)
            self.paused_until[host] = max(self.paused_until.get(host, 0.0), time.monotonic() + wait)
        retry.meta["newsagg_not_before"] = time.monotonic() + wait
        return retry

    def process_exception(self, request: Request, exception: Exception, spider=None) -> Request | None:
        if self._closing():
            return None
        retry = super().process_exception(request, exception)
        if isinstance(retry, Request):
            retry.meta["newsagg_not_before"] = time.monotonic() + self._backoff(request)
        return retry

    def _backoff(self, request: Request) -> float:
        """1x, 2x, 4x ... the base delay, by how often this request was retried already."""
        return min(self.backoff_base * 2 ** request.meta.get("retry_times", 0), self.max_wait)


class CrawlDelayMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.delays: dict[str, float] = {}  # host -> robots.txt Crawl-delay
        self.user_agent = crawler.settings.get("ROBOTSTXT_USER_AGENT") or crawler.settings.get("USER_AGENT")
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def robots_parsed(self, robotparser, request: Request) -> None:
        delay = robotparser.crawl_delay(self.user_agent)
        if delay:
            self.delays[host_of(request)] = float(delay)

    def process_request(self, request: Request, spider=None) -> None:
        delay = self.delays.get(host_of(request))
        if delay is None:
            return
        request.meta["autothrottle_dont_adjust_delay"] = True
        downloader = self.crawler.engine.downloader
        _, slot = downloader._get_slot(request)  # created here if needed, so the delay applies at once
        slot.delay = max(slot.delay, delay)
        slot.jitter = 0.0  # Crawl-delay is a minimum, not an average


class RedirectLoopMiddleware:
    def __init__(self, max_redirects: int):
        self.max_redirects = max_redirects

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getint("REDIRECT_MAX_TIMES"))

    def process_response(self, request: Request, response: Response, spider=None) -> Response:
        location = response.headers.get(b"Location")
        if not (300 <= response.status < 400 and location) or request.meta.get("dont_redirect"):
            return response
        target = urljoin(request.url, location.decode("latin-1"))
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise RedirectLoop(f"redirect loop: {' -> '.join([*chain, target])}")
        if len(chain) > self.max_redirects:
            raise RedirectLoop(f"more than {self.max_redirects} redirects, last to {target}")
        return response


class RedirectScopeMiddleware:
    """Runs before RobotsTxtMiddleware (100), so not even the target host's robots.txt is fetched.
    The spider decides (`refuses_redirect(request) -> reason or None`)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request, spider=None) -> None:
        if not request.meta.get("redirect_urls"):
            return
        judge = getattr(self.crawler.spider, "refuses_redirect", None)
        reason = judge(request) if judge is not None else None
        if reason:
            self.crawler.stats.inc_value("newsagg/offsite_redirects")
            raise OffScopeRedirect(reason)


class BoundedDecompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's decompression, whose only IgnoreRequest is a body past DOWNLOAD_MAXSIZE: an error here."""

    def process_response(self, request: Request, response: Response, spider=None) -> Request | Response:
        try:
            return super().process_response(request, response)
        except IgnoreRequest as error:
            raise DecompressedTooLarge(str(error)) from error
