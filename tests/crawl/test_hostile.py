"""Hostile pages never stop a run: each is counted in the run's errors, logged with its URL, and
every article before and after it is stored. One crawl of the shared hostile site (tests/hostile_site.py)
serves all the checks."""

from __future__ import annotations

import gzip

import pytest

from newsagg.demo.server import Resource
from tests.crawl.conftest import Crawler, article_html, listing_html
from tests.hostile_site import ACCENTS, HOSTILE_CRAWLER, HOSTILE_SOURCE, RUSSIAN, HostileSite, trap_table

TRAPS = {trap.path: trap for trap in trap_table("127.0.0.1:1")}  # the table; the port does not change it
EXPECTED_ERRORS = {path: trap.error for path, trap in TRAPS.items() if trap.error}
NOT_STORED = sorted(path for path, trap in TRAPS.items() if not trap.stored)


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory):
    with HostileSite() as hostile:
        crawler = Crawler(hostile.site, tmp_path_factory.mktemp("hostile"), source=HOSTILE_SOURCE,
                          crawler=HOSTILE_CRAWLER)
        yield hostile, crawler, crawler.crawl()


def test_the_run_finishes_ok_and_counts_each_hostile_page(hostile_crawl):
    _, _, result = hostile_crawl
    assert result.run["status"] == "ok", result.stderr
    assert result.run["errors"] == len(EXPECTED_ERRORS), result.errors


@pytest.mark.parametrize("path", sorted(EXPECTED_ERRORS))
def test_each_hostile_page_is_logged_with_its_url(hostile_crawl, path):
    _, _, result = hostile_crawl
    error = result.error_for(path)
    assert error is not None, f"no error recorded for {path}: {result.errors}"
    assert EXPECTED_ERRORS[path].lower() in error.lower()


def test_articles_before_and_after_are_stored(hostile_crawl):
    hostile, crawler, _ = hostile_crawl
    assert hostile.stored_paths() <= crawler.stored_paths()


@pytest.mark.parametrize("path", NOT_STORED)
def test_nothing_of_a_hostile_page_is_stored_as_an_article(hostile_crawl, path):
    _, crawler, _ = hostile_crawl
    assert crawler.stored(path) is None


def test_redirects_out_of_scope_never_reach_the_other_host(hostile_crawl):
    hostile, crawler, result = hostile_crawl
    assert hostile.elsewhere.requests == [], "an off-scope redirect was followed (or its robots.txt fetched)"
    assert result.requested("/private/page") == 0, "a redirect into a denied path was followed"
    assert crawler.stored("/news/moved")["title"] == "Moved within the site"


@pytest.mark.parametrize("path", ["/c/wrong-charset", "/c/latin1-label", "/c/no-charset"])
def test_wrong_or_missing_charsets_are_stored_as_correct_utf8(hostile_crawl, path):
    _, crawler, _ = hostile_crawl
    article = crawler.stored(path)
    assert article is not None, f"{path} not stored"
    assert ACCENTS in article["body"]


def test_a_cyrillic_page_labelled_utf8_is_read_in_its_real_charset(hostile_crawl):
    _, crawler, _ = hostile_crawl
    article = crawler.stored("/c/cp1251-as-utf8")
    assert article["title"] == "Рынки растут" and RUSSIAN in article["body"]


@pytest.mark.parametrize("path", ["/d/deep-300", "/d/deep-5000"])
def test_an_article_nested_in_hundreds_of_divs_survives(hostile_crawl, path):
    _, crawler, _ = hostile_crawl
    article = crawler.stored(path)
    assert article is not None and len(article["body"]) > 500, article


def test_server_errors_are_retried_and_endless_listings_bounded(hostile_crawl):
    _, _, result = hostile_crawl
    assert result.requested("/h/broken") == 3  # RETRY_TIMES = 2
    assert result.requested("/more") <= 51


def test_a_truncated_gzip_sitemap_is_a_run_error_not_a_crash(loopback, tmp_path):
    sitemap = gzip.compress(b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                            + b"<url><loc>/news/a</loc></url>" * 200 + b"</urlset>")
    site = loopback({"/": Resource(listing_html(["/news/b"])), "/news/b": Resource(article_html("Listed")),
                     "/news-sitemap.xml.gz": Resource(sitemap[: len(sitemap) // 2], "application/gzip")})
    crawler = Crawler(site, tmp_path, source={"sitemaps": [site.url("/news-sitemap.xml.gz")]})
    result = crawler.crawl()
    assert result.run["status"] == "ok" and crawler.stored("/news/b") is not None
    assert "unreadable sitemap" in (result.error_for("/news-sitemap.xml.gz") or ""), result.errors
    assert "Traceback" not in result.stderr
