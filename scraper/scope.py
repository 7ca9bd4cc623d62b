"""Which URLs a crawl may follow: the start URL's host and path prefix, plus allow/deny patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scrapy.linkextractors import IGNORED_EXTENSIONS

_IGNORED = tuple(f".{ext}" for ext in IGNORED_EXTENSIONS) + (".xml.gz", ".json", ".rss")


def path_prefix(url: str) -> str:
    """'/en/' stays '/en/'; '/en/markets' scopes to '/en/' (its folder); '' is '/'."""
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else path[: path.rfind("/") + 1]


def host_key(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


@dataclass
class Scope:
    roots: list[tuple[str, str]]  # (host, path prefix) per start URL
    allow: list[re.Pattern] = field(default_factory=list)
    deny: list[re.Pattern] = field(default_factory=list)

    @classmethod
    def from_urls(cls, start_urls: list[str], allow: list[str] = (), deny: list[str] = ()) -> Scope:
        return cls(roots=[(host_key(u), path_prefix(u)) for u in start_urls],
                   allow=[re.compile(p) for p in allow], deny=[re.compile(p) for p in deny])

    def same_host(self, url: str) -> bool:
        return host_key(url) in {host for host, _ in self.roots}

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
