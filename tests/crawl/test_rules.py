"""The crawl's pure rules and its SQL, without a crawl: dates, feeds, charsets, traps, Retry-After, state."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime

from lxml import etree
from twisted.internet import defer

from core.config import Source
from db import fetch_state
from db.connection import connect
from db.fetch_state import FetchRecord
from db.store import Store
from scraper.backend import LocalFetchState
from scraper.incremental import CrawlState, parse_date
from scraper.middlewares import retry_after_seconds
from scraper.pages import transport_encoding
from scraper.scope import Scope, page_number, url_date
from scraper.spiders.news import feed_entries


def test_entry_dates_in_every_feed_and_sitemap_format_become_utc():
    assert parse_date("2025-02-01") == datetime(2025, 2, 1, tzinfo=UTC)
    assert parse_date("2025-02-01T10:00:00Z") == datetime(2025, 2, 1, 10, tzinfo=UTC)
    assert parse_date("2025-02-01T12:00:00+02:00") == datetime(2025, 2, 1, 10, tzinfo=UTC)
    assert parse_date("Sat, 01 Feb 2025 10:00:00 GMT") == datetime(2025, 2, 1, 10, tzinfo=UTC)
    assert parse_date("Sat, 01 Feb 2025 11:00:00 +0100") == datetime(2025, 2, 1, 10, tzinfo=UTC)
    assert parse_date("not a date") is None and parse_date("") is None


def test_feed_entries_of_rss_and_atom_with_their_dates():
    rss = etree.fromstring(b"<rss><channel><item><link>https://x/a</link><pubDate>Sat, 01 Feb 2025 10:00:00 GMT"
                           b"</pubDate></item><item><link>https://x/b</link></item></channel></rss>")
    atom = etree.fromstring(b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" '
                            b'href="https://x/c"/><link rel="enclosure" href="https://x/c.mp3"/>'
                            b"<updated>2025-02-01T10:00:00Z</updated></entry></feed>")
    assert feed_entries(rss) == [("https://x/a", "Sat, 01 Feb 2025 10:00:00 GMT"), ("https://x/b", None)]
    assert feed_entries(atom) == [("https://x/c", "2025-02-01T10:00:00Z")]


def test_transport_charset_is_read_from_the_header():
    assert transport_encoding(b"text/html; charset=ISO-8859-1") == "iso-8859-1"
    assert transport_encoding(b'text/html; charset="Shift_JIS"') == "shift_jis"
    assert transport_encoding(b"text/html") is None


def test_a_latin_label_on_utf8_bytes_is_overruled_wherever_it_comes_from():
    from scraper.extract.document import decode_html

    utf8, latin = "café".encode(), "café".encode("cp1252")
    assert decode_html(utf8, "iso-8859-1") == "café"  # HTTP header says Latin-1, bytes are UTF-8
    assert decode_html(b'<meta charset="iso-8859-1">' + utf8).endswith("café")  # same in <meta>
    assert decode_html(latin, "iso-8859-1") == "café"  # a true Latin-1 page stays Latin-1
    assert decode_html("日本語".encode("shift_jis"), "shift_jis") == "日本語"


def test_pagination_and_calendar_traps():
    scope = Scope.from_urls(["https://x.com/"])
    assert page_number("https://x.com/more?page=7") == 7 and page_number("https://x.com/news/page/3/") == 3
    assert page_number("https://x.com/news/2024/story") is None
    assert url_date("https://x.com/2024/03/05/story") == date(2024, 3, 5)
    assert url_date("https://x.com/archive?day=2024-03") == date(2024, 3, 1)
    assert scope.trap("https://x.com/more?page=51") and not scope.trap("https://x.com/more?page=50")
    future = (datetime.now(UTC) + timedelta(days=40)).strftime("%Y/%m/%d")
    assert scope.trap(f"https://x.com/calendar/{future}/")
    assert not scope.trap("https://x.com/2024/03/05/story")


def test_retry_after_in_seconds_or_as_an_http_date():
    assert retry_after_seconds(b"120") == 120
    later = datetime.now(UTC) + timedelta(seconds=30)
    assert 25 < retry_after_seconds(format_datetime(later, usegmt=True).encode()) <= 30
    assert retry_after_seconds(b"soon") is None and retry_after_seconds(None) is None


def _record(conn, url, kind, status=200, etag=None, fetched_at="2025-01-01T00:00:00+00:00", source="s",
            redirect_to=None):
    record = FetchRecord(url, source, kind, status, etag, None, fetched_at, redirect_to)
    fetch_state.write_batch(conn, source, fetch_state.StateBatch(fetches=[record]), fetched_at)


def test_fetch_state_keeps_validators_through_a_304_and_scopes_by_source(tmp_path):
    conn = connect(tmp_path / "n.db")
    _record(conn, "https://x/a", "article", etag='"v1"')
    _record(conn, "https://x/a", "listing", status=304, fetched_at="2025-02-01T00:00:00+00:00")
    _record(conn, "https://y/b", "article", source="other")
    _record(conn, "https://x/list", "listing")
    assert fetch_state.validators(conn, "https://x/a") == ('"v1"', None)
    assert [tuple(row) for row in fetch_state.known_articles(conn, "s")] == [("https://x/a", "https://x/a", "2025-02-01T00:00:00+00:00")]
    assert [(row["url"], row["kind"]) for row in fetch_state.known_pages(conn, "s")] == [("https://x/list", "listing")]
    assert fetch_state.last_successful_run(conn, "s") is None
    conn.close()


class StoreWriter:
    """The crawl writer's interface (scraper/writer.py) without its thread: each job runs at once on
    a Store of the file, so CrawlState is tested without a reactor."""

    def __init__(self, path):
        self.store = Store(path)

    def submit(self, job, after_failure: bool = False) -> defer.Deferred:
        return defer.succeed(job(self.store))

    def release(self) -> None:
        self.store.close()


def crawl_state(path, source: Source, full: bool = False) -> CrawlState:
    """The state a crawl of `source` loads from the file at `path`, writing back to it."""
    return CrawlState(LocalFetchState(str(path)), source, StoreWriter(path), full)


def test_full_crawl_state_forgets_everything_it_knows(tmp_path):
    conn = connect(tmp_path / "n.db")
    _record(conn, "https://x/a", "article", source="s")
    conn.close()
    source = Source(name="s", start_urls=["https://x/"], since=date(2025, 1, 1))
    known = crawl_state(tmp_path / "n.db", source)
    assert known.article_of("https://x/a") == "https://x/a" and not known.needs_refetch("https://x/a")
    forced = crawl_state(tmp_path / "n.db", source, full=True)
    assert forced.article_of("https://x/a") is None and not forced.entry_is_old("2000-01-01")


def test_refresh_cutoff_rounds_up_against_second_precision_timestamps():
    from datetime import UTC, datetime

    from scraper.incremental import _ceil_to_second

    # A page written at 10:00:10.05 is stored as 10:00:10; with a cutoff of 10:00:10.95 it is
    # older than the window and must be due: "10:00:10" >= cutoff must be false.
    cutoff = _ceil_to_second(datetime(2025, 1, 1, 10, 0, 10, 950000, tzinfo=UTC))
    assert cutoff == "2025-01-01T10:00:11+00:00"
    assert not "2025-01-01T10:00:10+00:00" >= cutoff
    assert _ceil_to_second(datetime(2025, 1, 1, 10, 0, 10, tzinfo=UTC)) == "2025-01-01T10:00:10+00:00"


# ---------------------------------------------------------------------------- revisits (scraper/revisits.py)

HOUR = 3600.0


def test_a_first_read_learns_the_mean_gap_between_a_listings_own_articles():
    from scraper.revisits import REVISIT_CAP, UNDATED_INTERVAL, first_interval

    now = datetime(2025, 3, 1, 12, tzinfo=UTC)
    every_5h = [now - timedelta(hours=5 * n) for n in range(1, 11)]  # ten stories, the oldest 50 h ago
    assert first_interval(every_5h, 10, now, floor=900) == 5 * HOUR
    assert first_interval(every_5h, 10, now, floor=8 * HOUR) == 8 * HOUR, "never below the schedule"
    assert first_interval([now - timedelta(days=60)], 1, now, floor=900) == REVISIT_CAP, "nor above the cap"
    assert first_interval([], 0, now, floor=900) == REVISIT_CAP, "an about page: nothing of its own"
    assert first_interval([], 4, now, floor=900) == UNDATED_INTERVAL, "articles without dates"


def test_later_reads_halve_the_interval_on_a_yield_and_double_it_otherwise():
    from scraper.revisits import REVISIT_CAP, next_interval

    assert next_interval(8 * HOUR, found=3, floor=HOUR) == 4 * HOUR
    assert next_interval(1.5 * HOUR, found=1, floor=HOUR) == HOUR
    assert next_interval(8 * HOUR, found=0, floor=HOUR) == 16 * HOUR
    assert next_interval(5 * 86400, found=0, floor=HOUR) == REVISIT_CAP


def test_the_floor_is_the_sources_schedule():
    from scraper.revisits import UNSCHEDULED_FLOOR, schedule_floor

    assert schedule_floor(Source(name="s", start_urls=["https://x/"], every=600)) == 600
    assert schedule_floor(Source(name="s", start_urls=["https://x/"], schedule="0 */2 * * *")) == 2 * HOUR
    assert schedule_floor(Source(name="s", start_urls=["https://x/"])) == UNSCHEDULED_FLOOR


def test_site_chrome_is_what_most_pages_link():
    from collections import Counter

    from scraper.revisits import chrome

    pages = [{"/", "/markets/", "/a"}, {"/", "/markets/", "/b"}, {"/", "/c"}, {"/", "/d"}]
    assert chrome(Counter(link for page in pages for link in page), len(pages)) == {"/", "/markets/"}
    assert chrome(Counter({"/": 2}), 2) == set(), "two pages tell nothing apart"


def test_pagination_continues_only_the_same_listing_and_only_while_pages_are_half_new():
    from scraper.revisits import go_deeper, is_continuation, listing_base

    assert listing_base("https://x/markets/page/3/") == "https://x/markets/"
    assert listing_base("https://x/archive?page=3&sort=new") == "https://x/archive?sort=new"
    assert is_continuation("https://x/markets/page/2/", "https://x/markets/")
    assert is_continuation("https://x/markets/page/3/", "https://x/markets/page/2/")
    assert not is_continuation("https://x/economy/page/2/", "https://x/markets/")
    assert not is_continuation("https://x/markets/", "https://x/markets/page/2/"), "back to page 1"
    assert go_deeper(new=10, known=2) and go_deeper(new=5, known=5)
    assert not go_deeper(new=1, known=14) and not go_deeper(new=0, known=0)


def test_sitemaps_stamped_with_one_time_are_not_trusted_for_updates():
    from scraper.spiders.news import _dates_are_trustworthy

    assert not _dates_are_trustworthy(["2025-03-01T10:00:00Z"] * 6)
    assert _dates_are_trustworthy(["2025-03-01", "2025-03-02"] * 3)
    assert _dates_are_trustworthy(["2025-03-01"] * 3 + [None])


# ---------------------------------------------------------------------------- state (db/fetch_state.py)


def _stored(conn, url: str, source: str = "s") -> int:
    now = "2025-01-01T00:00:00+00:00"
    cursor = conn.execute("INSERT INTO articles (url, source, content_hash, first_seen_at, last_seen_at)"
                          " VALUES (?, ?, 'h', ?, ?)", (url, source, now, now))
    conn.execute("INSERT INTO article_urls VALUES (?, ?, ?, ?)", (url, cursor.lastrowid, now, now))
    return cursor.lastrowid


def test_a_link_that_differs_by_the_trailing_slash_or_redirects_names_the_known_page(tmp_path):
    conn = connect(tmp_path / "n.db")
    _stored(conn, "https://x/news/a/")
    _record(conn, "https://x/markets/", "listing")
    _record(conn, "https://x/old", "redirect", 301, redirect_to="https://x/news/a/")
    conn.close()
    state = crawl_state(tmp_path / "n.db", Source(name="s", start_urls=["https://x/"]))
    assert state.resolve("https://x/news/a") == "https://x/news/a/"
    assert state.resolve("https://x/markets") == "https://x/markets/"
    assert state.resolve("https://x/old") == "https://x/news/a/"
    assert state.resolve("https://x/news/b") == "https://x/news/b", "unknown stays as it is"
    assert state.resolve("https://x/news/a?id=1") == "https://x/news/a?id=1"
    state.close()


def test_the_frontier_keeps_what_was_not_fetched_and_drops_what_keeps_failing(tmp_path):
    path = str(tmp_path / "n.db")
    source = Source(name="s", start_urls=["https://x/"])
    state = crawl_state(path, source)
    for url in ("https://x/a", "https://x/b", "https://x/c"):
        state.frontier_add(url, "https://x/")
    state.frontier_done("https://x/a")  # fetched in the same batch: never written
    state.flush()
    state.frontier_done("https://x/b")  # fetched after a flush: deleted
    state.close()
    assert [row["url"] for row in fetch_state.frontier(connect(path), "s")] == ["https://x/c"]
    for attempt in range(3):
        state = crawl_state(path, source)
        assert [row["url"] for row in state.frontier] == ["https://x/c"]
        state.frontier_failed("https://x/c")  # a timeout: kept, up to three attempts
        state.close()
        if attempt == 1:
            assert fetch_state.frontier(connect(path), "s")[0]["attempts"] == 2
    assert fetch_state.frontier(connect(path), "s") == []


def test_aliases_join_their_article_even_through_another_alias(tmp_path):
    conn = connect(tmp_path / "n.db")
    article = _stored(conn, "https://x/news/a/")
    batch = fetch_state.StateBatch(aliases={"https://x/news/a": "https://x/news/a/",
                                            "https://x/news/a/amp/": "https://x/news/a",
                                            "https://x/about": "https://x/about/"})  # names no article
    fetch_state.write_batch(conn, "s", batch, "2025-01-02T00:00:00+00:00")
    rows = conn.execute("SELECT url, article_id FROM article_urls ORDER BY url").fetchall()
    assert [tuple(row) for row in rows] == [("https://x/news/a", article), ("https://x/news/a/", article),
                                            ("https://x/news/a/amp/", article)]
    conn.close()


def test_a_frontier_link_fetched_by_the_next_run_leaves_the_frontier(tmp_path):
    """The next run requests a link a run left (adding it to its batch again) and fetches it before
    the batch is written: the stored row must go, or every later run requests the page again."""
    path, source = tmp_path / "n.db", Source(name="s", start_urls=["https://x/"])
    state = crawl_state(path, source)
    state.frontier_add("https://x/forbidden", "https://x/")
    state.close()
    state = crawl_state(path, source)
    [row] = state.frontier
    state.frontier_add(row["url"], row["found_on"])  # requested again (the spider's _new_page_request)
    state.frontier_done(row["url"])  # answered (a 403: no article, no listing)
    state.close()
    assert fetch_state.frontier(connect(path), "s") == []
