"""Only-new crawling on a site shaped like real finance publishers (newsagg/demo/publisher.py):
request counts measured on the server, first run against the runs after it.

One first crawl per module; each test crawls on from a copy of its database, and the site's
content is put back afterwards.
"""

from __future__ import annotations

import copy
import json
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newsagg.demo.publisher import PublisherSite
from scraper.revisits import REVISIT_CAP, UNSCHEDULED_FLOOR
from tests.crawl.conftest import Crawler, write_config
from tests.helpers import newsagg, query

SOURCE = {"max_pages": 1000, "depth_limit": 10}
EVERY_RUN = {"/robots.txt", "/", "/feed/", "/feed/atom/", "/sitemap_index.xml"}  # read on every run
CHILD_SITEMAPS = {"/post-sitemap.xml", "/news-sitemap.xml", "/category-sitemap.xml", "/page-sitemap.xml"}


@dataclass
class Publisher:
    site: PublisherSite
    crawler: Crawler
    first_hits: list  # server log of the first crawl

    @property
    def db(self) -> Path:
        return self.crawler.db

    def crawl(self, *args: str):
        mark = self.site.mark()
        result = self.crawler.crawl(*args)
        assert result.run["status"] == "ok", result.stderr
        return result, self.site.hits_since(mark)

    def paths(self, hits) -> list[str]:
        return [urlsplit(hit.path).path for hit in hits]

    def make_due(self, path: str) -> None:
        """Time travel: the listing's revisit interval is over."""
        with sqlite3.connect(self.db) as conn:
            changed = conn.execute("UPDATE listing_revisits SET next_due_at = '2000-01-01T00:00:00+00:00'"
                                   " WHERE url = ?", (self.crawler.site.url(path),)).rowcount
        assert changed == 1, f"{path} has no revisit schedule"

    def revisit(self, path: str) -> dict:
        rows = query(self.db, "SELECT * FROM listing_revisits WHERE url = ?", (self.crawler.site.url(path),))
        return dict(rows[0]) if rows else {}

    def urls_of(self, story) -> set[str]:
        rows = query(self.db, "SELECT url FROM article_urls WHERE article_id = (SELECT article_id FROM article_urls"
                              " WHERE url = ?)", (self.crawler.site.url(story.path),))
        return {row["url"].removeprefix(self.crawler.site.base_url) for row in rows}


@pytest.fixture(scope="module")
def crawled_once(tmp_path_factory):
    site = PublisherSite()
    server = site.serve()
    folder = tmp_path_factory.mktemp("publisher")
    crawler = Crawler(server, folder, source=SOURCE)
    mark = site.mark()
    first = crawler.crawl()
    assert first.run["status"] == "ok" and first.run["errors"] == 0, first.stdout
    yield site, server, crawler.db, site.hits_since(mark)
    server.stop()


@pytest.fixture
def publisher(crawled_once, tmp_path):
    site, server, db, first_hits = crawled_once
    with sqlite3.connect(db) as source, sqlite3.connect(tmp_path / "news.db") as copy_to:
        source.backup(copy_to)
    saved = copy.deepcopy((site.stories, site.picks, site.moved))
    yield Publisher(site, Crawler(server, tmp_path, source=SOURCE), first_hits)
    site.stories[:], site.picks[:], site.moved = saved[0], saved[1], saved[2]


# ---------------------------------------------------------------------------- the first run


def test_the_first_run_stores_every_story_and_downloads_each_once(publisher):
    site = publisher.site
    assert len(query(publisher.db, "SELECT id FROM articles")) == len(site.stories)
    downloads = [urlsplit(path).path for path in site.downloads(publisher.first_hits)]
    assert sorted(downloads) == sorted(story.path for story in site.stories), "a story was downloaded twice"
    redirects = [hit for hit in publisher.first_hits if hit.status == 301]
    assert redirects, "the site links variants that redirect"


def test_every_url_an_article_was_reached_by_is_recorded(publisher):
    site = publisher.site
    most_read = site.stories[7]  # in the "Most read" widget, linked without the trailing slash
    amp_linked = site.stories[3]  # in the "Related" box of a newer story, linked as its AMP edition
    for story in (most_read, amp_linked):
        urls = publisher.urls_of(story)
        assert story.path in urls
        assert any("utm_source=rss" in url for url in urls), "the feed's tracking variant"
        assert any("utm_source=newsletter" in url for url in urls), "the 'email this story' variant"
    assert most_read.path.rstrip("/") in publisher.urls_of(most_read), "the URL that redirected to it"
    assert amp_linked.path + "amp/" in publisher.urls_of(amp_linked), "its AMP edition"


# ---------------------------------------------------------------------------- the second run


def test_a_second_run_of_the_unchanged_site_costs_a_few_conditional_requests(publisher):
    second, hits = publisher.crawl()
    assert second.run["articles_new"] == second.run["articles_updated"] == 0
    assert publisher.site.downloads(hits) == [], "a stored article was downloaded again"
    assert len(hits) <= 0.10 * len(publisher.first_hits), publisher.paths(hits)
    assert set(publisher.paths(hits)) <= EVERY_RUN
    answered = {urlsplit(hit.path).path: hit for hit in hits}
    for path in ("/", "/feed/", "/feed/atom/", "/sitemap_index.xml"):  # listings, feeds and sitemaps
        assert answered[path].conditional and answered[path].status == 304, path


def test_known_redirects_and_non_article_pages_are_not_requested_again(publisher):
    redirected = {urlsplit(hit.path).path for hit in publisher.first_hits if hit.status == 301}
    static = {"/about/", "/newsletter/", "/contact/", "/privacy/", "/advertise/"}
    assert static <= set(publisher.paths(publisher.first_hits))
    for _ in range(2):
        _, hits = publisher.crawl()
        assert not (set(publisher.paths(hits)) & (redirected | static))
    for path in static:  # pages without an article of their own wait for the cap
        assert publisher.revisit(path)["interval_s"] == REVISIT_CAP


def test_a_redirect_to_a_known_article_is_resolved_without_downloading_it(publisher):
    site = publisher.site
    story = site.stories[20]
    site.moved["/markets/2020/01/old-slug/"] = story.path  # a changed slug, linked from the front page
    site.picks.append("/markets/2020/01/old-slug/")
    _, hits = publisher.crawl()
    assert [(hit.path, hit.status) for hit in hits if "old-slug" in hit.path] == [
        ("/markets/2020/01/old-slug/", 301)]
    assert site.downloads(hits) == [], "the redirect was followed to a stored article"
    assert "/markets/2020/01/old-slug/" in publisher.urls_of(story)
    _, hits = publisher.crawl()
    assert not [hit for hit in hits if "old-slug" in hit.path], "the alias is known: not requested again"


# ---------------------------------------------------------------------------- new content


def _new_story_run(publisher, places: frozenset[str], due: str | None = None):
    story = publisher.site.add_story("Copper futures hit a record as smelters cut output", tags=("stocks",),
                                     places=places)
    if due:
        publisher.make_due(due)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    due_before = {row["url"] for row in query(publisher.db, "SELECT url FROM listing_revisits WHERE next_due_at <= ?",
                                              (now,))}
    result, hits = publisher.crawl()
    return story, result, hits, {urlsplit(url).path for url in due_before}


@pytest.mark.parametrize("places", [
    pytest.param({"front", "section", "tag", "author", "feed", "sitemap"}, id="everywhere"),
    pytest.param({"front"}, id="only-front-page"),
    pytest.param({"feed"}, id="only-feed"),
    pytest.param({"sitemap"}, id="only-sitemap"),
])
def test_a_new_article_is_found_by_the_next_run_at_the_cost_of_itself(publisher, places):
    story, result, hits, due = _new_story_run(publisher, frozenset(places))
    assert result.run["articles_new"] == 1
    assert publisher.site.downloads(hits) == [story.path]
    extra = set(publisher.paths(hits)) - EVERY_RUN - {story.path} - due
    assert extra <= CHILD_SITEMAPS, f"not the article, an every-run page or a due listing: {extra}"


def test_an_article_only_on_a_tag_page_is_found_once_the_tag_page_is_due(publisher):
    story, result, hits, _ = _new_story_run(publisher, frozenset({"tag"}))
    assert result.run["articles_new"] == 0, "the tag page was not due yet"
    before = publisher.revisit("/tag/stocks/")
    publisher.make_due("/tag/stocks/")
    result, hits = publisher.crawl()
    assert result.run["articles_new"] == 1 and publisher.site.downloads(hits) == [story.path]
    after = publisher.revisit("/tag/stocks/")
    assert after["yields"] == before["yields"] + 1 and after["found_last"] == 1
    assert after["interval_s"] == max(UNSCHEDULED_FLOOR, before["interval_s"] / 2), "a yield halves the interval"


def test_an_updated_article_is_refetched_and_versioned(publisher):
    story = publisher.site.stories[1]  # in the Atom feed (updated) and the post sitemap (lastmod)
    publisher.site.update_story(story, "Update: the company confirmed the figures in a statement on Friday.")
    result, hits = publisher.crawl()
    assert result.run["articles_updated"] == 1
    assert publisher.site.downloads(hits) == [story.path]
    [row] = query(publisher.db, "SELECT version FROM articles WHERE url = ?", (publisher.crawler.site.url(story.path),))
    assert row["version"] == 2


def test_a_silent_edit_is_refetched_and_versioned_when_the_refresh_window_is_over(publisher):
    story = publisher.site.stories[5]
    story.paragraphs.append("Correction: an earlier version misstated the size of the buyback.")  # no lastmod
    assert publisher.crawl()[0].run["articles_updated"] == 0, "nothing dates the edit"
    time.sleep(1.1)
    publisher.crawler.source = {**SOURCE, "refresh": "1s"}
    result, hits = publisher.crawl()
    assert result.run["articles_updated"] == 1
    assert publisher.site.downloads(hits) == [story.path], "the others answered 304"
    refreshed = [hit for hit in hits if urlsplit(hit.path).path in publisher.site.story_paths()]
    assert len(refreshed) == len(publisher.site.stories) and all(hit.conditional for hit in refreshed)
    [row] = query(publisher.db, "SELECT version FROM articles WHERE url = ?", (publisher.crawler.site.url(story.path),))
    assert row["version"] == 2


def test_a_run_cut_short_leaves_a_frontier_that_a_304_does_not_hide(publisher, tmp_path):
    site = publisher.site
    cut = Crawler(publisher.crawler.site, tmp_path / "cut", source={**SOURCE, "max_pages": 40})
    cut.folder.mkdir()
    mark = site.mark()
    frontier = []
    for _ in range(8):
        cut.crawl()
        frontier.append(query(cut.db, "SELECT count(*) FROM crawl_frontier")[0][0])
        if frontier[-1] == 0:
            break
    hits = site.hits_since(mark)
    assert frontier[0] > 0 and frontier[-1] == 0, frontier
    assert len(query(cut.db, "SELECT id FROM articles")) == len(site.stories)
    assert any(hit.status == 304 and urlsplit(hit.path).path == "/" for hit in hits), "the front page answered 304"
    downloads = [urlsplit(path).path for path in site.downloads(hits)]
    assert sorted(downloads) == sorted(story.path for story in site.stories), "downloaded twice, or missed"


def _half_way(db: Path, base_url: str) -> bool:
    """The crawl wrote the front page's validators (a later run gets a 304) and stored a few stories."""
    if not db.exists():
        return False
    try:
        front = query(db, "SELECT 1 FROM fetch_state WHERE etag IS NOT NULL AND url = ?", (base_url + "/",))
        return bool(front) and query(db, "SELECT count(*) FROM articles")[0][0] >= 5
    except sqlite3.OperationalError:  # not created yet
        return False


def test_a_killed_run_leaves_a_frontier_the_next_run_fetches_although_every_listing_answers_304(tmp_path):
    site = PublisherSite(story_delay=0.5)
    server = site.serve()
    try:
        crawler = Crawler(server, tmp_path, source=SOURCE, crawler={"concurrency_per_domain": 4})
        write_config(tmp_path / "newsagg.toml", server.url("/"), SOURCE, {"concurrency_per_domain": 4})
        crawl = subprocess.Popen([sys.executable, "-m", "newsagg", "crawl", "test", "--config",
                                  str(tmp_path / "newsagg.toml"), "--db", str(crawler.db), "--quiet"],
                                 cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not _half_way(crawler.db, server.base_url) and time.monotonic() < deadline and crawl.poll() is None:
            time.sleep(0.1)
        assert crawl.poll() is None, "the crawl ended before it could be killed half way"
        crawl.kill()  # SIGKILL mid-run: no spider_closed, nothing written at the end
        crawl.wait()
        stored = {row["url"] for row in query(crawler.db, "SELECT url FROM articles")}
        assert 0 < len(stored) < len(site.stories)
        assert query(crawler.db, "SELECT count(*) FROM crawl_frontier")[0][0] > 0

        site.story_delay = 0
        mark = site.mark()
        crawler.crawl()
        hits = site.hits_since(mark)
        answered = {urlsplit(hit.path).path: hit.status for hit in hits}
        assert answered["/"] == answered["/sitemap_index.xml"] == answered["/feed/"] == 304
        assert len(query(crawler.db, "SELECT id FROM articles")) == len(site.stories), "the frontier was lost"
        again = {server.url(urlsplit(path).path) for path in site.downloads(hits)} & stored
        assert not again, "a stored article was downloaded again"
    finally:
        server.stop()


def test_a_run_stopped_at_its_timeout_leaves_a_frontier_the_next_run_fetches(tmp_path):
    # 0.5 s a story, two at a time: the 60 stories take 15 s, the run stops at 4 s (before the host's
    # cap was held, the whole queue went at once and the run could finish in time)
    site = PublisherSite(story_delay=0.5)
    server = site.serve()
    try:
        timed = Crawler(server, tmp_path, source={**SOURCE, "timeout": "4s"}, crawler={"concurrency_per_domain": 2})
        first = timed.crawl()
        assert first.run["status"] == "timeout", first.stderr
        stored = {row["url"] for row in query(timed.db, "SELECT url FROM articles")}
        assert len(stored) < len(site.stories)
        assert query(timed.db, "SELECT count(*) FROM crawl_frontier")[0][0] > 0

        site.story_delay = 0
        mark = site.mark()
        Crawler(server, tmp_path, source=SOURCE).crawl()
        hits = site.hits_since(mark)
        answered = {urlsplit(hit.path).path: hit.status for hit in hits}
        assert answered["/"] == 304, "the front page was read again in full"
        assert len(query(timed.db, "SELECT id FROM articles")) == len(site.stories), "the frontier was lost"
        again = {server.url(urlsplit(path).path) for path in site.downloads(hits)} & stored
        assert not again, "a stored article was downloaded again"
    finally:
        server.stop()


# ---------------------------------------------------------------------------- adaptive revisits


def test_revisit_intervals_are_learned_from_each_listings_articles(publisher):
    assert publisher.revisit("/")["interval_s"] == 0 and publisher.revisit("/feed/")["interval_s"] == 0
    sections = [publisher.revisit(f"/{name}/")["interval_s"] for name in ("markets", "economy", "crypto")]
    rare_tags = [row["interval_s"] for row in query(publisher.db, "SELECT * FROM listing_revisits")
                 if "/tag/" in row["url"] and row["interval_s"] > max(sections)]
    assert rare_tags, "tags with a few old stories come back later than the sections"
    for row in query(publisher.db, "SELECT * FROM listing_revisits WHERE interval_s > 0"):
        assert UNSCHEDULED_FLOOR <= row["interval_s"] <= REVISIT_CAP


def test_a_listing_that_does_not_yield_is_read_ever_more_rarely(publisher):
    intervals = [publisher.revisit("/tag/stocks/")["interval_s"]]
    for _ in range(2):
        publisher.make_due("/tag/stocks/")
        _, hits = publisher.crawl()
        assert "/tag/stocks/" in publisher.paths(hits)
        assert not [p for p in publisher.paths(hits) if p.startswith("/tag/stocks/page/")], "nothing new: no deeper"
        intervals.append(publisher.revisit("/tag/stocks/")["interval_s"])
    assert intervals[1:] == [min(REVISIT_CAP, intervals[0] * 2), min(REVISIT_CAP, intervals[0] * 4)]


def test_status_shows_each_listing_its_yield_and_when_it_is_next_due(publisher):
    config = publisher.crawler.folder / "newsagg.toml"
    write_config(config, publisher.crawler.site.url("/"), SOURCE, {})
    shown = newsagg("status", "--source", "test", "--config", str(config), "--db", str(publisher.db))
    assert shown.returncode == 0, shown.stderr
    rows = {line.split()[0]: line for line in shown.stdout.splitlines() if line.startswith("  /")}
    assert rows["/"].split()[1:4] == ["listing", "every", "run"]
    assert rows["/about/"].split()[1:3] == ["listing", "7d"], "no article of its own: revisited at the cap"
    assert "/tag/stocks/" in rows and "/feed/atom/" in rows
    assert f"listings:     {len(rows)} (" in shown.stdout
    as_json = newsagg("status", "--source", "test", "--json", "--config", str(config), "--db", str(publisher.db))
    lines = [json.loads(line) for line in as_json.stdout.splitlines()]
    listings = {line["url"]: line for line in lines if line["kind"] == "listing"}
    assert len(listings) == len(rows) and [line["kind"] for line in lines][-1] == "frontier"
    about = listings[publisher.crawler.site.url("/about/")]
    assert about["page_kind"] == "listing" and about["interval_s"] == REVISIT_CAP and about["status"] == 200
    unknown = newsagg("status", "--source", "nope", "--config", str(config), "--db", str(publisher.db))
    assert unknown.returncode == 2 and "unknown source 'nope'" in unknown.stderr


def test_full_ignores_what_the_crawl_knows(publisher):
    _, hits = publisher.crawl("--full")
    downloads = {urlsplit(path).path for path in publisher.site.downloads(hits)}
    assert downloads == {story.path for story in publisher.site.stories}
    assert not any(hit.conditional for hit in hits)
