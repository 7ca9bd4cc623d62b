"""Only-new crawling: known URLs, refresh windows with 304s, feed/sitemap dates, since, max_pages, --full."""

from __future__ import annotations

import gzip
import sqlite3
import time
from datetime import UTC, datetime

from newsagg.demo.server import Resource
from tests.crawl.conftest import Crawler, article_html, listing_html, rss
from tests.helpers import query, wait_for

OLD = "Mon, 06 Oct 2025 09:00:00 GMT"


def news_site(article_paths: list[str]) -> dict:
    """Home listing + RSS feed + sitemap over the given article paths (routes are rebuilt on change)."""
    routes = {path: Resource(article_html(f"Story {path}")) for path in article_paths}
    routes["/"] = Resource(listing_html(article_paths, feed="/feed.xml"))
    routes["/feed.xml"] = rss([(path, OLD) for path in article_paths])
    return routes


def article_requests(result, paths) -> list[str]:
    return [p for p in result.requests if p in paths]


def test_second_run_fetches_only_listings_feeds_and_new_articles(loopback, tmp_path):
    paths = [f"/news/story-{i}" for i in range(6)]
    routes = news_site(paths)
    site = loopback(routes)
    crawler = Crawler(site, tmp_path)
    first = crawler.crawl()
    assert first.run["status"] == "ok" and first.run["articles_new"] == 6
    assert sorted(article_requests(first, paths)) == sorted(paths)

    new_path, old_unknown = "/news/story-new", "/news/story-backdated"
    routes.update(news_site([new_path, *paths]))
    routes[old_unknown] = Resource(article_html("Backdated"))
    now = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    routes["/feed.xml"] = rss([(new_path, now), (old_unknown, OLD), *((p, OLD) for p in paths)])
    second = crawler.crawl()
    assert second.run["articles_new"] == 1 and second.run["errors"] == 0
    assert second.requested(new_path) == 1
    assert article_requests(second, paths) == [], "a stored article was fetched again"
    assert second.requested(old_unknown) == 0, "a feed entry older than the last run was requested"
    assert second.requested("/") == 1 and second.requested("/feed.xml") == 1
    assert first.requested("/sitemap.xml") == 1 and second.requested("/sitemap.xml") == 0, \
        "a guessed sitemap that was not there is not asked for again within the revisit cap"

    forced = crawler.crawl("--full")
    assert sorted(article_requests(forced, paths)) == sorted(paths), "--full must refetch everything"
    assert forced.requested(old_unknown) == 1
    assert forced.run["articles_updated"] == 0 and forced.run["articles_new"] == 1


def test_pagination_goes_deeper_only_while_pages_show_new_articles(loopback, tmp_path):
    """Page 2..n of an archive are not re-walked; when page 2 is due and shows a new article, the
    walk goes on to page 3 (new again) and ends at page 4, which shows nothing new."""
    routes = {"/": Resource(listing_html(["/news/a", "/archive?page=2"]))}
    for page in range(2, 6):
        routes[f"/archive?page={page}"] = Resource(listing_html([f"/news/p{page}", f"/archive?page={page + 1}"]))
        routes[f"/news/p{page}"] = Resource(article_html(f"Archived {page}"))
    routes["/news/a"] = Resource(article_html("Front page story"))
    site = loopback(routes)
    crawler = Crawler(site, tmp_path, source={"depth_limit": 10})
    first = crawler.crawl()
    assert first.run["articles_new"] == 5
    second = crawler.crawl()
    assert second.requested("/archive") == 0, "no archive page is due yet"

    for page, article in ((2, "/news/q1"), (3, "/news/q2"), (4, "/news/p2")):  # two new stories pushed in
        routes[f"/archive?page={page}"] = Resource(listing_html([article, f"/archive?page={page + 1}"]))
    for path in ("/news/q1", "/news/q2"):
        routes[path] = Resource(article_html(f"Pushed in {path}"))
    with sqlite3.connect(crawler.db) as conn:  # time travel: page 2's revisit is due
        conn.execute("UPDATE listing_revisits SET next_due_at = '2000-01-01T00:00:00+00:00' WHERE url LIKE ?",
                     ("%/archive?page=2",))
    third = crawler.crawl()
    assert third.run["articles_new"] == 2
    archive = [p for p in third.requests if p.startswith("/archive")]
    assert archive == ["/archive?page=2", "/archive?page=3", "/archive?page=4"]


def test_refresh_window_refetches_with_validators_and_304_costs_nothing(loopback, tmp_path):
    seen_validators: list[tuple[str | None, str | None]] = []
    page = article_html("Rates on hold")

    def article(path: str, headers: dict) -> Resource:
        seen_validators.append((headers.get("if-none-match"), headers.get("if-modified-since")))
        if headers.get("if-none-match") == '"v1"':
            return Resource(b"", status=304, headers={"ETag": '"v1"'})
        return Resource(page, headers={"ETag": '"v1"', "Last-Modified": OLD})

    site = loopback({"/": Resource(listing_html(["/news/rates"])), "/news/rates": article})
    crawler = Crawler(site, tmp_path, source={"refresh": "1s"})
    first = crawler.crawl()
    assert first.run["articles_new"] == 1
    time.sleep(1.2)  # let the refresh window pass
    second = crawler.crawl()
    assert seen_validators == [(None, None), ('"v1"', OLD)]
    assert second.run["errors"] == 0 and second.run["articles_updated"] == 0
    assert second.run["articles_new"] == 0 and second.run["duplicates"] == 0
    [state] = query(crawler.db, "SELECT status, etag, kind FROM fetch_state WHERE url LIKE '%/news/rates'")
    assert tuple(state) == (304, '"v1"', "article")
    assert query(crawler.db, "SELECT version FROM articles")[0][0] == 1


def test_without_refresh_a_stored_article_is_never_refetched(loopback, tmp_path):
    site = loopback({"/": Resource(listing_html(["/news/x"])), "/news/x": Resource(article_html("X"))})
    crawler = Crawler(site, tmp_path)
    crawler.crawl()
    time.sleep(1.1)
    assert crawler.crawl().requested("/news/x") == 0


def test_since_skips_old_entries_and_old_articles_before_requesting(loopback, tmp_path):
    sitemap = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               "<url><loc>/sm/old</loc><lastmod>2024-12-30</lastmod></url>"
               "<url><loc>/sm/new</loc><lastmod>2025-02-01T10:00:00Z</lastmod></url></urlset>")
    routes = {
        "/": Resource(listing_html(["/listed/old", "/listed/new", "/2024/11/03/dated-url"])),
        "/feed.xml": rss([("/feed/old", "Tue, 31 Dec 2024 23:00:00 GMT"),
                          ("/feed/new", "Sat, 01 Feb 2025 08:00:00 GMT")]),
        "/sitemap.xml": Resource(sitemap, "application/xml"),
        "/listed/old": Resource(article_html("Old one", "2024-06-01T10:00:00+00:00", links=["/deeper"])),
        "/listed/new": Resource(article_html("New one", "2025-03-01T10:00:00+00:00")),
        "/deeper": Resource(article_html("Deeper", "2024-01-01T10:00:00+00:00")),
        "/2024/11/03/dated-url": Resource(article_html("Dated", "2024-11-03T10:00:00+00:00")),
    }
    for path in ("/sm/old", "/sm/new", "/feed/old", "/feed/new"):
        routes[path] = Resource(article_html(path, "2025-03-01T10:00:00+00:00"))
    site = loopback(routes)
    crawler = Crawler(site, tmp_path, source={"since": "2025-01-01", "feeds": [site.url("/feed.xml")]})
    result = crawler.crawl()
    for path in ("/sm/old", "/feed/old", "/2024/11/03/dated-url"):
        assert result.requested(path) == 0, f"{path} is older than since but was requested"
    for path in ("/sm/new", "/feed/new", "/listed/new"):
        assert result.requested(path) == 1
    stored = crawler.stored_paths()
    assert "/listed/old" not in stored and "/listed/new" in stored
    assert result.requested("/deeper") == 0, "links of an article older than since lead into the archive"


def test_max_pages_bounds_the_requests_of_a_run(loopback, tmp_path):
    paths = [f"/news/n{i}" for i in range(30)]
    routes = {path: Resource(article_html(path)) for path in paths}
    routes["/"] = Resource(listing_html(paths))
    site = loopback(routes)
    crawler = Crawler(site, tmp_path, source={"max_pages": 5})
    result = crawler.crawl()
    pages = [p for p in result.requests if p == "/" or p.startswith("/news/")]
    assert len(pages) == 5 and result.run["status"] == "ok"
    assert result.run["articles_new"] == 4
    assert len([p for p in crawler.crawl().requests if p.startswith("/news/")]) == 4, "the next run goes on"


def test_extraction_in_worker_processes_stores_the_same(loopback, tmp_path):
    paths = [f"/news/w{i}" for i in range(4)]
    routes = {path: Resource(article_html(f"Worker story {path}")) for path in paths}
    routes["/"] = Resource(listing_html(paths))
    crawler = Crawler(loopback(routes), tmp_path, crawler={"extract_workers": 2})
    result = crawler.crawl()
    assert result.run["articles_new"] == 4 and result.run["errors"] == 0
    assert crawler.stored("/news/w0")["title"] == "Worker story /news/w0"


def test_a_link_the_frontier_led_to_leaves_it_whatever_it_answered(loopback, tmp_path):
    """A run cut short leaves links in the frontier; the next run fetches them (the start page
    answers 304), and then they are gone from it: the run after requests neither again."""
    etag = '"front"'

    def front(path: str, headers: dict) -> Resource:
        if headers.get("if-none-match") == etag:
            return Resource(b"", status=304, headers={"ETag": etag})
        return Resource(listing_html(["/news/a", "/news/forbidden"]), headers={"ETag": etag})

    site = loopback({"/": front, "/news/a": Resource(article_html("Kept for the next run")),
                     "/news/forbidden": Resource("no", status=403)})
    crawler = Crawler(site, tmp_path, source={"max_pages": 1})
    crawler.crawl()  # the start page spends the budget: both links wait in the frontier
    assert query(crawler.db, "SELECT count(*) FROM crawl_frontier")[0][0] == 2
    crawler.source = {}
    second = crawler.crawl()
    assert second.requested("/") == 1 and second.requested("/news/a") == 1 and second.requested("/news/forbidden") == 1
    assert query(crawler.db, "SELECT url FROM crawl_frontier") == []
    third = crawler.crawl()
    assert third.requested("/news/a") == 0 and third.requested("/news/forbidden") == 0, third.requests


def test_a_listings_validators_are_never_stored_without_the_links_it_showed(loopback, tmp_path):
    """Killed once the start page's ETag is in fetch_state (its response came after the state's
    2 s flush was due, so its own record wrote the batch): the next run gets a 304 for it and must
    still find its links, in the frontier written with the ETag."""
    etag, slow = '"front"', {"delay": 60.0}  # the stories do not answer before the kill

    def front(path: str, headers: dict) -> Resource:
        if headers.get("if-none-match") == etag:
            return Resource(b"", status=304, headers={"ETag": etag})
        return Resource(listing_html(["/news/a", "/news/b"]), headers={"ETag": etag}, delay=2.5)

    def story(path: str, headers: dict) -> Resource:
        return Resource(article_html(f"Story {path}"), delay=slow["delay"])

    site = loopback({"/": front, "/news/a": story, "/news/b": story})
    crawler = Crawler(site, tmp_path, crawler={"download_timeout": 30})

    def etag_stored() -> bool:
        try:
            return crawler.db.exists() and bool(query(crawler.db, "SELECT 1 FROM fetch_state WHERE etag = ?", (etag,)))
        except sqlite3.OperationalError:  # not created (or migrated) yet
            return False

    crawl, _ = crawler.start_crawl()
    try:
        wait_for(etag_stored, 60, "the start page's ETag in fetch_state")
    finally:
        crawl.kill()  # SIGKILL: nothing more is written
        crawl.communicate()
    slow["delay"] = 0
    again = crawler.crawl()
    assert again.requested("/") == 1
    assert crawler.stored_paths() == {"/news/a", "/news/b"}, again.requests


def test_a_link_that_fails_for_good_leaves_the_frontier(loopback, tmp_path):
    """A compression bomb, a redirect out of scope and a redirect loop fail the same way every time:
    reported once, not kept in the frontier for the next runs (only timeouts and 5xx are)."""
    etag = '"front"'
    doomed = ["/z/bomb", "/r/away", "/r/loop"]

    def front(path: str, headers: dict) -> Resource:
        if headers.get("if-none-match") == etag:
            return Resource(b"", status=304, headers={"ETag": etag})
        return Resource(listing_html(doomed), headers={"ETag": etag})

    site = loopback({"/": front,
                     "/z/bomb": Resource(gzip.compress(b"\0" * 2_000_000), headers={"Content-Encoding": "gzip"}),
                     "/r/away": Resource("", status=302, headers={"Location": "http://10.0.0.1/news/x"}),
                     "/r/loop": Resource("", status=302, headers={"Location": "/r/loop"})})
    crawler = Crawler(site, tmp_path, crawler={"max_page_bytes": 1_000_000})
    first = crawler.crawl()
    assert {path: first.error_for(path) is not None for path in doomed} == dict.fromkeys(doomed, True), first.errors
    assert query(crawler.db, "SELECT url FROM crawl_frontier") == []
    second = crawler.crawl()
    assert [path for path in doomed if second.requested(path)] == [], second.requests
