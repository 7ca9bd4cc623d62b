"""KnownRedirectMiddleware: a redirect to a page the crawl already has is not followed.

Real sites link variants of their canonical URLs (no trailing slash, old slugs) and answer them
with a 301. Following one to a stored article downloads the article again in full. This
middleware sees the 3xx before Scrapy's RedirectMiddleware and asks the spider
(`resolve_redirect`) whether the Location is known; if so the request ends here with
KnownRedirect (an IgnoreRequest: not an error) and the spider has recorded the redirecting URL
as an alias, so the next run does not request it at all.
"""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from w3lib.url import safe_url_string


class KnownRedirect(IgnoreRequest):
    """The redirect leads to a page this crawl already has; it was not followed."""


class KnownRedirectMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider=None) -> Response:
        location = response.headers.get(b"Location")
        if not (300 <= response.status < 400 and location) or request.meta.get("dont_redirect"):
            return response
        resolve = getattr(self.crawler.spider, "resolve_redirect", None)
        target = urljoin(request.url, safe_url_string(location.decode("latin-1")))
        if resolve is not None and resolve(request, response, target):
            raise KnownRedirect(f"{request.url} redirects to {target}, which is known")
        return response
