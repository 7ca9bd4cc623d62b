"""One hostile loopback site the tests share: every trap an operator met (issue 12), on 127.0.0.1.

    with HostileSite() as hostile:
        crawler = Crawler(hostile.site, tmp_path, source=HOSTILE_SOURCE, crawler=HOSTILE_CRAWLER)
        result = crawler.crawl()                  # starts at "/": a listing linking every trap
        hostile.elsewhere.requests                # the off-scope host: must stay empty

`trap_table()` says, per path, what is served and what a crawl must make of it: an error containing
`error` in crawl_errors, or the page stored (`stored`), or neither (not an article, no error).
Other paths serve single-purpose crawls:

- `/t/` a listing of good articles and one download that never answers (`/t/hang`);
- `/s/index.xml` an endless tree of sitemap indexes (for the `max_pages` budget);
- `/a/` a listing of `articles` plain articles (full disk, locked database);
- `/chain/` the same articles found one by one: each links to the next (a crawl that stalls stops there).

`elsewhere` is a second server on 127.0.0.1 (another port) that redirects point at, by name
(`localhost`) or by port: a crawl of the hostile site must never contact it.
"""

from __future__ import annotations

import gzip
import itertools
import random
import time
from dataclasses import dataclass

from newsagg.demo.server import LoopbackSite, Resource, Route
from tests.crawl.conftest import article_html, listing_html

ACCENTS = "Café owners in Zürich say the euro (€) déjà vu rally is “unusual”"
RUSSIAN = "Рынки акций выросли после того, как центральный банк снизил ставку; инвесторы ждут новых данных"
ARTICLES = 12  # under /a/ by default: enough for a few store transactions, quick to crawl

HOSTILE_SOURCE = {"depth_limit": 100, "deny": ["/private/"]}
HOSTILE_CRAWLER = {"max_page_bytes": 1_000_000}
# The body cap of scraper/pages.py is 500,000 characters: this page is under max_page_bytes but over it.
HUGE_TEXT_CHARS = 800_000


@dataclass
class Trap:
    path: str
    route: Route
    error: str | None = None  # a substring of the crawl_errors row the trap must leave (case-insensitive)
    stored: bool = False  # the page is stored as an article
    linked: bool = True  # linked from "/" (False: only reached through another trap)


def _endless_stream():
    """A body without Content-Length that never ends: only the size cap can stop it."""
    return itertools.repeat(b"<p>" + b"x" * 65_536 + b"</p>")


def _trickle():
    """Headers at once, then one byte now and then, forever: only the timeout can stop it."""
    yield b"<html><body>"
    while True:
        time.sleep(0.2)
        yield b"."


def _hang():
    """Headers never come: the connection stays open, silent, for ten minutes."""
    time.sleep(600)
    yield b""


def _endless_load_more(path: str, headers: dict) -> Resource:
    page = int(path.rpartition("=")[2] or 1) if "=" in path else 1
    return Resource(listing_html([f"/more?page={page + 1}"], title=f"More stories, page {page}"))


def _sitemap_index_tree(path: str, headers: dict) -> Resource:
    """/s/index.xml?n=N lists ten more indexes (10N+1 ... 10N+10): an endless tree of sitemap indexes."""
    number = int(path.rpartition("=")[2]) if "=" in path else 0
    children = "".join(f"<sitemap><loc>/s/index.xml?n={10 * number + i}</loc></sitemap>" for i in range(1, 11))
    return Resource('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"{children}</sitemapindex>", "application/xml")


def _deep_article(levels: int) -> str:
    """An article wrapped in `levels` nested <div>s (lxml's default limit is 255)."""
    page = article_html(f"Deep inside {levels} divs")
    head, _, rest = page.partition("<main>")
    return f"{head}{'<div>' * levels}<main>{rest.replace('</main>', '</main>' + '</div>' * levels)}"


def _random_bytes(size: int, seed: int = 12) -> bytes:
    return random.Random(seed).randbytes(size)


MALFORMED = ("<html><head><title>Broken markup</title><meta property='og:type' content='article'>"
             "<body><div><article><h1>Broken markup survives</h1><p>Bond yields rose \x00 sharply <b>as "
             "traders priced in fewer cuts<p>Second paragraph about equities and credit spreads widening "
             "while the dollar firmed </span></div><p>Third paragraph on oil, housing and wages data "
             "<td>stray cell<p>Fourth paragraph: regulators, lenders and the treasury auction results")
_CP1252_PAGE = article_html("Cp1252 page", text=f"<p>{ACCENTS}. " * 8 + "</p>", charset_meta=None)
_LATIN1_LABEL = article_html("Latin1 label", text=f"<p>{ACCENTS}. " * 8 + "</p>", charset_meta=None)
_RUSSIAN_PAGE = article_html("Рынки растут", text=f"<p>{RUSSIAN}.</p>" * 8, charset_meta=None)
# Half UTF-8, half windows-1251, labelled UTF-8: no single charset reads it.
_MIXED = _RUSSIAN_PAGE.encode("utf-8")[: len(_RUSSIAN_PAGE.encode("utf-8")) // 2] + \
    _RUSSIAN_PAGE.encode("cp1251")[len(_RUSSIAN_PAGE) // 2:]
_BOMB = gzip.compress(b"\0" * 20_000_000)  # 20 MB of zeros in ~20 KB
_PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + _random_bytes(4000)


def trap_table(elsewhere: str) -> list[Trap]:
    """`elsewhere`: host:port of the off-scope server."""
    stolen = f"http://localhost:{elsewhere.rsplit(':', 1)[1]}/news/stolen"
    refreshed = f"http://localhost:{elsewhere.rsplit(':', 1)[1]}/news/refreshed"  # not a repeat: no dupefilter
    return [
        # HTTP errors, loops, slow and huge responses
        Trap("/h/forbidden", Resource("no", status=403), "HTTP 403"),
        Trap("/h/missing", Resource("no", status=404), "HTTP 404"),
        Trap("/h/gone", Resource("no", status=410), "HTTP 410"),
        Trap("/h/broken", Resource("oops", status=500), "HTTP 500"),
        Trap("/h/loop-a", Resource("", status=302, headers={"Location": "/h/loop-b"}), "redirect loop"),
        Trap("/h/loop-b", Resource("", status=302, headers={"Location": "/h/loop-a"}), linked=False),
        Trap("/h/never-finishes", Resource(article_html("Too slow"), delay=3), "Timeout"),
        Trap("/h/huge", Resource(article_html("Huge", text="<p>" + "x" * 2_000_000 + "</p>")), "max size"),
        Trap("/h/report", Resource(_PDF, "application/pdf"), "not an HTML page"),
        Trap("/h/endless-stream", Resource(chunks=_endless_stream), "max size"),
        Trap("/h/trickle", Resource(chunks=_trickle), "Timeout"),
        Trap("/more", _endless_load_more, "pagination trap"),
        # 1. redirects out of the source's scope: counted, never fetched
        Trap("/r/other-name", Resource("", status=302, headers={"Location": stolen}), "redirect out of scope"),
        Trap("/r/other-port", Resource("", status=302, headers={"Location": f"http://{elsewhere}/news/stolen"}),
             "redirect out of scope"),
        Trap("/r/private-address", Resource("", status=302, headers={"Location": "http://10.0.0.1/news/x"}),
             "redirect out of scope"),
        Trap("/r/denied", Resource("", status=302, headers={"Location": "/private/page"}),
             "redirect out of scope"),
        Trap("/r/meta-refresh", Resource(f'<html><head><meta http-equiv="refresh" content="0; url={refreshed}">'
                                         "<title>Moved</title></head><body>Moved</body></html>"),
             "redirect out of scope"),
        Trap("/r/inside", Resource("", status=301, headers={"Location": "/news/moved"})),
        Trap("/news/moved", Resource(article_html("Moved within the site")), stored=True, linked=False),
        Trap("/private/page", Resource(article_html("Denied by the source")), linked=False),
        # 2. binary bodies served as text/html
        Trap("/b/random-bytes", Resource(_random_bytes(30_000)), "binary"),
        Trap("/b/pdf-as-html", Resource(_PDF), "binary"),
        Trap("/b/elf-as-html", Resource(b"\x7fELF\x02\x01\x01\x00" + _random_bytes(8000, 3)), "binary"),
        Trap("/b/png-as-html", Resource(b"\x89PNG\r\n\x1a\n" + _random_bytes(5000, 4)), "binary"),
        Trap("/b/gzip-as-html", Resource(gzip.compress(article_html("Zipped").encode())), "binary"),
        # 3. charsets: wrong labels are read right; unreadable bytes are an error
        Trap("/c/wrong-charset", Resource(_CP1252_PAGE.encode("cp1252"), "text/html; charset=utf-8"), stored=True),
        Trap("/c/latin1-label", Resource(_LATIN1_LABEL.encode("utf-8"), "text/html; charset=iso-8859-1"),
             stored=True),
        Trap("/c/no-charset", Resource(_CP1252_PAGE.encode("cp1252"), "text/html"), stored=True),
        Trap("/c/cp1251-as-utf8", Resource(_RUSSIAN_PAGE.encode("cp1251"), "text/html; charset=utf-8"),
             stored=True),
        Trap("/c/mixed-charsets", Resource(_MIXED, "text/html; charset=utf-8"), "cannot decode"),
        Trap("/c/malformed", Resource(MALFORMED), stored=True),
        # 4. depth and size
        Trap("/d/deep-300", Resource(_deep_article(300)), stored=True),
        Trap("/d/deep-5000", Resource(_deep_article(5000)), stored=True),
        Trap("/d/huge-text", Resource(("stock market " * (HUGE_TEXT_CHARS // 13)).strip()), "longer than"),
        Trap("/d/plain-text", Resource(" ".join(["Untitled text without any markup."] * 200))),
        # 9. a gzip bomb: 20 KB on the wire, 20 MB once decompressed
        Trap("/z/bomb", Resource(_BOMB, headers={"Content-Encoding": "gzip"}), "max size"),
    ]


GOOD = {"/good/before": "Stored before the trouble", "/good/after": "Stored after the trouble"}


class HostileSite:
    """The hostile site (`site`) and the off-scope server (`elsewhere`), both on 127.0.0.1."""

    def __init__(self, articles: int = ARTICLES):
        self.articles = articles  # under /a/ and /chain/
        self.elsewhere = LoopbackSite({"/news/stolen": Resource(article_html("Stolen by a redirect")),
                                       "/news/refreshed": Resource(article_html("Stolen by a meta refresh")),
                                       "/robots.txt": Resource("User-agent: *\nAllow: /\n", "text/plain")})
        self.site: LoopbackSite | None = None
        self.traps: list[Trap] = []

    def start(self) -> HostileSite:
        self.elsewhere.start()
        self.traps = trap_table(self.elsewhere.base_url.removeprefix("http://"))
        routes: dict[str, Route] = {trap.path: trap.route for trap in self.traps}
        routes.update({path: Resource(article_html(title)) for path, title in GOOD.items()})
        linked = [trap.path if trap.path != "/more" else "/more?page=1" for trap in self.traps if trap.linked]
        routes["/"] = Resource(listing_html(["/good/before", *linked, "/good/after"]))
        routes["/t/"] = Resource(listing_html(["/t/hang", *(f"/t/story-{i}" for i in range(3))]))
        routes["/t/hang"] = Resource(chunks=_hang)
        routes.update({f"/t/story-{i}": Resource(article_html(f"Timely story {i}")) for i in range(3)})
        routes["/s/"] = Resource(listing_html(["/s/story"]))
        routes["/s/story"] = Resource(article_html("Listed next to a sitemap chain"))
        routes["/s/index.xml"] = _sitemap_index_tree
        routes["/a/"] = Resource(listing_html([f"/a/story-{i}" for i in range(self.articles)]))
        routes.update({f"/a/story-{i}": Resource(article_html(f"Plain story {i}")) for i in range(self.articles)})
        routes["/chain/"] = Resource(listing_html(["/chain/story-0"]))
        routes.update({f"/chain/story-{i}": Resource(article_html(
            f"Chained story {i}", links=[f"/chain/story-{i + 1}"] if i + 1 < self.articles else []))
            for i in range(self.articles)})
        self.site = LoopbackSite(routes).start()
        return self

    def stop(self) -> None:
        if self.site is not None:
            self.site.stop()
        self.elsewhere.stop()

    def __enter__(self) -> HostileSite:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def url(self, path: str) -> str:
        return self.site.url(path)

    def stored_paths(self) -> set[str]:
        return {trap.path for trap in self.traps if trap.stored} | set(GOOD)
