"""How a run ends, as cron and `newsagg status` see it: a start URL that cannot be fetched fails
the run (exit 1) even when a guessed sitemap still yields articles, and every closed run says why
it ended in crawl_runs.message."""

from __future__ import annotations

import pytest

from newsagg.demo.server import LoopbackSite, Resource
from tests.helpers import newsagg, query
from tests.scheduler.helpers import news_routes, write_config

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>"""
FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>{}</channel></rss>"""


def site_with_a_sitemap_and_a_feed() -> dict:
    """/news/story-1..3, listed by /news/sitemap.xml (what `sitemap.xml` next to a start URL
    /news/<anything> guesses) and by the feed /news/feed.xml; no page at /news/typo."""
    routes = news_routes()
    routes["/news/sitemap.xml"] = lambda path, headers: Resource(
        SITEMAP.format("".join(f"<url><loc>http://{headers['host']}/news/story-{i}</loc></url>" for i in (1, 2, 3))),
        "application/xml")
    routes["/news/feed.xml"] = lambda path, headers: Resource(
        FEED.format("".join(f"<item><link>http://{headers['host']}/news/story-{i}</link></item>" for i in (1, 2, 3))),
        "application/rss+xml")
    routes["/news/broken"] = Resource("<html><body>down</body></html>", status=503)
    return routes


@pytest.fixture(scope="module")
def site():
    with LoopbackSite(site_with_a_sitemap_and_a_feed()) as server:
        yield server


def crawl(tmp_path, site, source: dict) -> tuple:
    config = write_config(tmp_path, [{"name": "wire", **source}])
    db = tmp_path / "news.db"
    result = newsagg("crawl", "wire", "--config", str(config), "--db", str(db))
    return result, dict(query(db, "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")[0]), db


@pytest.mark.parametrize("start, error", [("/news/typo", "HTTP 404"), ("/news/broken", "HTTP 503")])
def test_a_start_url_that_cannot_be_fetched_fails_the_run(tmp_path, site, start, error):
    result, run, db = crawl(tmp_path, site, {"start_urls": [site.url(start)]})

    assert result.returncode == 1, result.stdout
    assert run["status"] == "failed"
    assert run["message"] == f"no start URL, feed or sitemap of the source could be fetched ({site.url(start)}: {error})"
    assert "newsagg: error: wire: failed: no start URL" in result.stderr
    # what the guessed sitemap led to is kept: failing loudly loses nothing
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 3


def test_a_configured_feed_that_answers_keeps_the_run_ok(tmp_path, site):
    result, run, _ = crawl(tmp_path, site, {"start_urls": [site.url("/news/typo")], "feeds": [site.url("/news/feed.xml")]})

    assert result.returncode == 0, result.stderr
    assert (run["status"], run["errors"]) == ("ok", 1)


def test_an_ok_run_says_why_it_ended(tmp_path, site):
    _, whole, _ = crawl(tmp_path, site, {"start_urls": [site.url("/news/")]})
    (tmp_path / "news.db").unlink()
    _, capped, _ = crawl(tmp_path, site, {"start_urls": [site.url("/news/")], "max_pages": 2})

    assert (whole["status"], whole["message"]) == ("ok", "finished: nothing more to crawl")
    assert (capped["status"], capped["message"]) == ("ok", "finished: max_pages reached, more pages were left")


def test_a_crawl_that_reaches_its_timeout_says_so(tmp_path):
    with LoopbackSite(news_routes(delay=4)) as slow:
        result, run, _ = crawl(tmp_path, slow, {"start_urls": [slow.url("/news/")], "timeout": "1s"})

    assert result.returncode == 1
    assert (run["status"], run["message"]) == ("timeout", "stopped at the source's timeout of 1s")


def test_a_start_url_forbidden_by_robots_txt_says_so(tmp_path):
    routes = site_with_a_sitemap_and_a_feed()
    routes["/robots.txt"] = Resource("User-agent: *\nDisallow: /news/$\n", "text/plain")
    config = tmp_path / "newsagg.toml"
    config.write_text("[crawler]\ndownload_delay = 0\n")  # robots.txt obeyed, as by default
    db = tmp_path / "news.db"
    with LoopbackSite(routes) as server:
        result = newsagg("crawl", "--url", server.url("/news/"), "--db", str(db), "--config", str(config))

    assert result.returncode == 1
    [run] = query(db, "SELECT status, message FROM crawl_runs")
    assert (run["status"], run["message"]) == (
        "failed", "no start URL, feed or sitemap of the source could be fetched (robots.txt forbids them)")
