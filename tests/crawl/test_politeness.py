"""Politeness against a real loopback server: robots.txt Crawl-delay, Retry-After, User-Agent."""

from __future__ import annotations

import time

from newsagg.demo.server import Resource
from tests.crawl.conftest import Crawler, article_html, listing_html, timed


def test_robots_crawl_delay_spaces_requests_to_the_host(loopback, tmp_path):
    log: list[tuple[str, float]] = []
    paths = [f"/news/d{i}" for i in range(3)]
    routes = {path: timed(log, Resource(article_html(path)), path) for path in paths}
    routes["/"] = timed(log, Resource(listing_html(paths)), "/")
    routes["/robots.txt"] = Resource("User-agent: *\nCrawl-delay: 1\nSitemap: /maps/news.xml\n", "text/plain")
    routes["/maps/news.xml"] = Resource('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                        "<url><loc>/news/d0</loc></url></urlset>", "application/xml")
    site = loopback(routes)
    result = Crawler(site, tmp_path).crawl()
    assert result.run["articles_new"] == 3
    moments = sorted(moment for _, moment in log)
    gaps = [later - earlier for earlier, later in zip(moments, moments[1:], strict=False)]
    assert len(gaps) == 3 and min(gaps) >= 0.9, gaps
    assert result.requested("/robots.txt") == 1, "robots.txt is read once, for rules and sitemaps alike"
    assert result.requested("/maps/news.xml") == 1


def test_retry_after_is_honoured_then_the_page_is_stored(loopback, tmp_path):
    log: list[tuple[str, float]] = []
    answers = iter([Resource("slow down", status=429, headers={"Retry-After": "2"}),
                    Resource("busy", status=503),  # no Retry-After: backoff (1 s, doubling)
                    Resource(article_html("Finally served"))])

    def limited(path: str, headers: dict) -> Resource:
        log.append((path, time.monotonic()))
        return next(answers)

    site = loopback({"/": Resource(listing_html(["/news/limited"])), "/news/limited": limited})
    crawler = Crawler(site, tmp_path, crawler={"contact": "https://example.org/bot"})
    result = crawler.crawl()
    assert result.run["errors"] == 0 and result.run["articles_new"] == 1
    [(_, first), (_, second), (_, third)] = log
    assert second - first >= 1.9, "Retry-After: 2 was not honoured"
    assert third - second >= 1.9, "the second retry must back off longer (2x the 1 s base)"
    agents = {headers.get("user-agent") for path, headers in site.request_headers}
    assert agents == {"newsagg/0.1 (+https://github.com/newsagg/newsagg) (contact: https://example.org/bot)"}


def test_a_host_never_gets_more_downloads_at_once_than_concurrency_per_domain(loopback, tmp_path):
    paths = [f"/news/slow-{i}" for i in range(12)]
    routes = {path: Resource(article_html(path), delay=0.3) for path in paths}  # a slow origin
    routes["/"] = Resource(listing_html(paths))
    site = loopback(routes)
    result = Crawler(site, tmp_path, crawler={"download_delay": 0, "concurrency_per_domain": 2}).crawl()
    assert result.run["articles_new"] == 12
    assert site.peak_in_flight <= 2, f"{site.peak_in_flight} downloads at once with a cap of 2"
