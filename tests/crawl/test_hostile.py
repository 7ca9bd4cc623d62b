"""Hostile pages never stop a run: each is counted in the run's errors, logged with its URL, and
every article before and after it is stored. One crawl of one hostile site serves all the checks."""

from __future__ import annotations

import itertools
import time

import pytest

from newsagg.demo.server import Resource
from tests.crawl.conftest import Crawler, article_html, listing_html

ACCENTS = "Café owners in Zürich say the euro (€) déjà vu rally is “unusual”"
CP1252_PAGE = article_html("Cp1252 page", text=f"<p>{ACCENTS}. " * 8 + "</p>", charset_meta=None)
LATIN1_CHARSET_UTF8_BYTES = article_html("Latin1 label", text=f"<p>{ACCENTS}. " * 8 + "</p>", charset_meta=None)
MALFORMED = ("<html><head><title>Broken markup</title><meta property='og:type' content='article'>"
             "<body><div><article><h1>Broken markup survives</h1><p>Bond yields rose \x00 sharply <b>as "
             "traders priced in fewer cuts<p>Second paragraph about equities and credit spreads widening "
             "while the dollar firmed </span></div><p>Third paragraph on oil, housing and wages data "
             "<td>stray cell<p>Fourth paragraph: regulators, lenders and the treasury auction results")


def endless_stream():
    """A body without Content-Length that never ends: only the size cap can stop it."""
    return itertools.repeat(b"<p>" + b"x" * 65_536 + b"</p>")


def trickle():
    """Headers at once, then one byte now and then, forever: only the timeout can stop it."""
    yield b"<html><body>"
    while True:
        time.sleep(0.2)
        yield b"."


HOSTILE = {
    "/h/forbidden": Resource("no", status=403),
    "/h/missing": Resource("no", status=404),
    "/h/gone": Resource("no", status=410),
    "/h/broken": Resource("oops", status=500),
    "/h/loop-a": Resource("", status=302, headers={"Location": "/h/loop-b"}),
    "/h/loop-b": Resource("", status=302, headers={"Location": "/h/loop-a"}),
    "/h/never-finishes": Resource(article_html("Too slow"), delay=3),
    "/h/huge": Resource(article_html("Huge", text="<p>" + "x" * 2_000_000 + "</p>")),
    "/h/report": Resource(b"%PDF-1.7\x00\x01binary", "application/pdf"),
    "/h/endless-stream": Resource(chunks=endless_stream),
    "/h/trickle": Resource(chunks=trickle),
}
EXPECTED_ERRORS = {
    "/h/forbidden": "HTTP 403", "/h/missing": "HTTP 404", "/h/gone": "HTTP 410", "/h/broken": "HTTP 500",
    "/h/loop-a": "redirect loop", "/h/never-finishes": "Timeout", "/h/huge": "max size",
    "/h/report": "not an HTML page", "/more": "pagination trap",
    "/h/endless-stream": "max size", "/h/trickle": "Timeout",
}
READABLE = {
    "/c/wrong-charset": Resource(CP1252_PAGE.encode("cp1252"), "text/html; charset=utf-8"),
    "/c/latin1-label": Resource(LATIN1_CHARSET_UTF8_BYTES.encode("utf-8"), "text/html; charset=iso-8859-1"),
    "/c/no-charset": Resource(CP1252_PAGE.encode("cp1252"), "text/html"),
    "/c/malformed": Resource(MALFORMED),
}


def endless_load_more(path: str, headers: dict) -> Resource:
    page = int(path.rpartition("=")[2] or 1) if "=" in path else 1
    return Resource(listing_html([f"/more?page={page + 1}"], title=f"More stories, page {page}"))


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory):
    from newsagg.demo.server import LoopbackSite

    routes = {**HOSTILE, **READABLE, "/more": endless_load_more,
              "/good/before": Resource(article_html("Stored before the trouble")),
              "/good/after": Resource(article_html("Stored after the trouble"))}
    links = ["/good/before", *(p for p in HOSTILE if p != "/h/loop-b"), *READABLE, "/more?page=1", "/good/after"]
    routes["/"] = Resource(listing_html(links))
    with LoopbackSite(routes) as site:
        crawler = Crawler(site, tmp_path_factory.mktemp("hostile"), source={"depth_limit": 100},
                          crawler={"max_page_bytes": 500_000})
        yield crawler, crawler.crawl()


def test_the_run_finishes_ok_and_counts_each_hostile_page(hostile_crawl):
    _, result = hostile_crawl
    assert result.run["status"] == "ok", result.stderr
    assert result.run["errors"] == len(EXPECTED_ERRORS), result.errors


@pytest.mark.parametrize("path", sorted(EXPECTED_ERRORS))
def test_each_hostile_page_is_logged_with_its_url(hostile_crawl, path):
    _, result = hostile_crawl
    error = result.error_for(path)
    assert error is not None, f"no error recorded for {path}: {result.errors}"
    assert EXPECTED_ERRORS[path].lower() in error.lower()


def test_articles_before_and_after_are_stored(hostile_crawl):
    crawler, _ = hostile_crawl
    assert {"/good/before", "/good/after", "/c/malformed"} <= crawler.stored_paths()


@pytest.mark.parametrize("path", ["/c/wrong-charset", "/c/latin1-label", "/c/no-charset"])
def test_wrong_or_missing_charsets_are_stored_as_correct_utf8(hostile_crawl, path):
    crawler, _ = hostile_crawl
    article = crawler.stored(path)
    assert article is not None, f"{path} not stored"
    assert ACCENTS in article["body"]


def test_server_errors_are_retried_and_endless_listings_bounded(hostile_crawl):
    _, result = hostile_crawl
    assert result.requested("/h/broken") == 3  # RETRY_TIMES = 2
    assert result.requested("/more") <= 51
