"""Which URLs a crawl may follow, and where a redirect may lead: the start URL's host (and port) and
path prefix, plus allow/deny patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

from scrapy.linkextractors import IGNORED_EXTENSIONS

_IGNORED = tuple(f".{ext}" for ext in IGNORED_EXTENSIONS) + (".xml.gz", ".json", ".rss")
PAGE_PARAMS = {"page", "p", "pg", "paged"}  # ?page=7
PAGE_PATH = re.compile(r"/page/(\d+)/?$")  # /page/7/
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?!\d)")
MAX_LISTING_PAGE = 50  # "load more" / pagination links beyond this page are a trap


def path_prefix(url: str) -> str:
    """'/en/' stays '/en/'; '/en/markets' scopes to '/en/' (its folder); '' is '/'."""
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else path[: path.rfind("/") + 1]


def page_number(url: str) -> int | None:
    """The pagination number of a listing URL (?page=7, /page/7/), or None."""
    parts = urlsplit(url)
    for name, value in parse_qsl(parts.query):
        if name.lower() in PAGE_PARAMS and value.isdigit():
            return int(value)
    match = PAGE_PATH.search(parts.path)
    return int(match.group(1)) if match else None


def url_date(url: str) -> date | None:
    """A calendar date written in the URL (/2024/03/05/, ?day=2024-03-05, /archive/2024/03), or None."""
    match = _URL_DATE.search(url)
    if not match:
        return None
    year, month, day = match.groups()
    return date(int(year), int(month), int(day or 1))


_DEFAULT_PORTS = {"http": 80, "https": 443}


def host_key(url: str) -> str:
    """The site a URL belongs to: its host without `www.`, with its port unless it is the default
    one (127.0.0.1:8001 is not 127.0.0.1:8002)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: no site of ours
        return f"{host}:?"
    if port is None or port == _DEFAULT_PORTS.get(parts.scheme.lower()):
        return host
    return f"{host}:{port}"


@dataclass
class Scope:
    roots: list[tuple[str, str]]  # (host, path prefix) per start URL
    allow: list[re.Pattern] = field(default_factory=list)
    deny: list[re.Pattern] = field(default_factory=list)
    max_listing_page: int = MAX_LISTING_PAGE

    @classmethod
    def from_urls(cls, start_urls: list[str], allow: list[str] = (), deny: list[str] = ()) -> Scope:
        return cls(roots=[(host_key(u), path_prefix(u)) for u in start_urls],
                   allow=[re.compile(p) for p in allow], deny=[re.compile(p) for p in deny])

    def same_host(self, url: str) -> bool:
        return host_key(url) in {host for host, _ in self.roots}

    def refuses_redirect(self, target: str, page: bool, origin: str) -> str | None:
        """Why a redirect to `target` may not be followed, or None. A page must land where a link
        to it could have been followed (host, path prefix, allow/deny); a feed, sitemap or
        robots.txt on its own host or a source host."""
        if page:
            allowed = self.allows(target)
        else:
            allowed = urlsplit(target).scheme in ("http", "https") and (
                self.same_host(target) or host_key(target) == host_key(origin))
        return None if allowed else f"redirect out of scope to {target}; not followed"

    def allows(self, url: str) -> bool:
        """A page URL worth requesting: http(s), in host+prefix, not a file, allowed, not denied."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        host, path = host_key(url), parts.path or "/"
        if not any(host == root_host and path.startswith(prefix) for root_host, prefix in self.roots):
            return False
        if path.lower().endswith(_IGNORED):
            return False
        if self.deny and any(p.search(url) for p in self.deny):
            return False
        return not self.allow or any(p.search(url) for p in self.allow)

    def trap(self, url: str) -> str | None:
        """Why following this URL would never end (endless pagination, a calendar's future), or None."""
        number = page_number(url)
        if number is not None and number > self.max_listing_page:
            return f"pagination trap: page beyond {self.max_listing_page}"
        day = url_date(url)
        if day is not None and day > datetime.now(UTC).date() + timedelta(days=1):
            return "calendar trap: date in the future"
        return None
