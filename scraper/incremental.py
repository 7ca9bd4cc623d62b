"""What a crawl already knows about its source, and the only-new rules built on it.

- A stored article URL (any alias: tracking variants, AMP, redirecting URLs) is not fetched again
  until the source's `refresh` window has passed, or a feed/sitemap dates it after our last fetch;
  then it is fetched with If-None-Match / If-Modified-Since (a 304 costs nothing more).
- Listings, feeds and sitemaps are fetched conditionally; a listing is read again when its learned
  revisit interval (scraper/revisits.py) is over; start pages and the feeds they advertise on
  every run. A page that is not an article and shows no article of its own waits for the cap.
- Links found but not fetched (a run cut short: timeout, `max_pages`, kill) persist in the
  frontier, so the next run fetches them even when their listing answers 304.
- Feed and sitemap entries dated before the last successful run, or before `since`, are skipped.
- `full=True` (newsagg crawl --full) ignores all of it (and still records what it fetched).
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from core.config import Source
from db.connection import utcnow
from db.fetch_state import ARTICLE, REDIRECT, FetchRecord, Revisit, StateBatch
from scraper import revisits

if TYPE_CHECKING:
    from scraper.backend import FetchStateAccess
    from scraper.writer import DatabaseWriter

logger = logging.getLogger(__name__)

FLUSH_EVERY = 200  # records per transaction...
FLUSH_SECONDS = 2.0  # ...or this often, so a killed run loses little
CHROME_SAMPLE_PAGES = 200  # pages whose links are counted to tell site chrome apart
GONE = (404, 410)


def parse_date(text: str | None) -> datetime | None:
    """ISO 8601 (sitemaps, Atom, article metadata) or RFC 822 (RSS) -> aware UTC datetime."""
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            match = re.match(r"\d{4}-\d{2}-\d{2}", text)
            if not match:
                return None
            moment = datetime.fromisoformat(match.group(0))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def since_moment(since: date | None) -> datetime | None:
    return datetime.combine(since, datetime.min.time(), tzinfo=UTC) if since else None


@dataclass
class Read:
    """One read of a listing or feed in this run."""

    kind: str
    status: int
    at: str
    every_run: bool
    links: frozenset[str] = frozenset()  # its links (first reads only: for the first interval)
    found: int = 0  # new articles it led to in this run


@dataclass
class CrawlState:
    """Loaded once at spider open; lookups are dict operations; writes are batched, as jobs of the
    crawl's writer (scraper/writer.py), like every write of a crawl."""

    stored: FetchStateAccess  # what the source knows: db.fetch_state's reads (scraper/backend.py)
    source: Source
    writer: DatabaseWriter  # the crawl's writer, a user of which this state is until close()
    full: bool = False
    batch: StateBatch = field(default_factory=StateBatch)
    reads: dict[str, Read] = field(default_factory=dict)
    sampled: list[frozenset[str]] = field(default_factory=list)  # links of the first pages of the run
    fetched: dict[str, str] = field(default_factory=dict)  # URL fetched in this run -> kind

    def __post_init__(self):
        self.now = datetime.now(UTC)
        self._now_iso = _iso(self.now)
        self._cap_ago = _iso(self.now - timedelta(seconds=revisits.REVISIT_CAP))
        self.floor = revisits.schedule_floor(self.source)
        self.since = None if self.full else since_moment(self.source.since)
        self._pending = 0
        self._flushed_at = time.monotonic()
        self.article_seen: dict[str, str] = {}  # canonical URL of a stored article -> last fetched
        self.article_alias: dict[str, str] = {}  # another URL of it -> the canonical URL
        self.pages: dict[str, str] = {}  # URL of a fetched non-article page -> kind
        self.gone: dict[str, str] = {}  # fetched pages that answered 404/410 -> when
        self.redirects: dict[str, str] = {}  # URL -> where it redirects
        self.revisits: dict[str, Revisit] = {}
        self.frontier: list = []
        self.fresh_since: str | None = None
        self.entry_cutoff: datetime | None = None
        if not self.full:
            self._load()

    def _load(self) -> None:
        """The source's stored state: articles and their aliases, pages, redirects, revisits, frontier."""
        for url, canonical, seen in self.stored.known_articles(self.source.name):
            if url == canonical:
                self.article_seen[url] = max(seen, self.article_seen.get(url, ""))
            else:
                self.article_alias[url] = canonical
        for row in self.stored.known_pages(self.source.name):
            if row["kind"] == REDIRECT and row["redirect_to"]:
                self.redirects[row["url"]] = row["redirect_to"]
            elif row["status"] in GONE:
                self.gone[row["url"]] = row["fetched_at"]
            else:
                self.pages[row["url"]] = row["kind"]
        self.revisits = self.stored.revisits(self.source.name)
        self.frontier = self.stored.frontier(self.source.name)
        if self.source.refresh:
            self.fresh_since = _ceil_to_second(self.now - timedelta(seconds=self.source.refresh))
        last_run = parse_date(self.stored.last_successful_run(self.source.name))
        self.entry_cutoff = max(filter(None, (last_run, self.since)), default=None)

    # ------------------------------------------------------------------ what is known

    def article_of(self, url: str) -> str | None:
        """The canonical URL of the stored article `url` names (itself or an alias), or None."""
        if url in self.article_seen:
            return url
        return self.article_alias.get(url)

    def needs_refetch(self, article: str, entry_date: str | None = None) -> bool:
        """A stored article whose refresh window is over, or that a feed/sitemap dates after our last fetch."""
        if self._refresh_due(article):
            return True
        if not entry_date:
            return False
        moment = parse_date(entry_date)
        seen = parse_date(self.article_seen.get(article))
        return moment is not None and seen is not None and moment > seen

    def stale_articles(self) -> list[str]:
        """Stored articles whose refresh window is over, the longest unseen first."""
        if self.fresh_since is None:
            return []
        stale = [(seen, url) for url, seen in self.article_seen.items() if seen < self.fresh_since]
        return [url for _, url in sorted(stale)]

    def _refresh_due(self, article: str) -> bool:
        return self.fresh_since is not None and self.article_seen.get(article, "") < self.fresh_since

    def is_known_page(self, url: str) -> bool:
        """A listing, feed or sitemap fetched before (read for its links only: no extraction)."""
        return url in self.pages

    def resolve(self, url: str) -> str:
        """The URL a link really names: where a known redirect leads (a few hops at most), or a
        stored article's or listing's URL when the link differs from it only by a trailing slash
        (sites answer that variant with a redirect; asking would cost a request each time)."""
        for _ in range(3):
            target = self.redirects.get(url)
            if target is None or target == url:
                break
            url = target
        if url in self.article_seen or url in self.article_alias or url in self.pages or url in self.fetched \
                or not (self.article_seen or self.pages):  # nothing known: no twin to find
            return url
        twin = slash_twin(url)
        if twin and (self.article_of(twin) or twin in self.pages):
            return twin
        return url

    def was_gone(self, url: str) -> bool:
        """Answered 404/410 within the revisit cap: not requested again before it is over."""
        return url in self.gone and self.gone[url] >= self._cap_ago

    def was_read_before(self, url: str) -> bool:
        """A listing with a revisit schedule from earlier runs (its first read walks all its pages)."""
        return url in self.revisits

    def is_due(self, url: str) -> bool:
        revisit = self.revisits.get(url)
        return revisit is None or revisit.interval_s == 0 or revisit.next_due_at <= self._now_iso

    def due(self) -> list[Revisit]:
        """Listings and feeds to read in this run: every-run ones, and those whose interval is over."""
        return sorted((r for r in self.revisits.values() if self.is_due(r.url)),
                      key=lambda r: (r.interval_s > 0, r.next_due_at, r.url))

    def entry_is_old(self, entry_date: str | None) -> bool:
        """A feed/sitemap entry dated before the last good run (or `since`): not worth a request."""
        if self.entry_cutoff is None:
            return False
        moment = parse_date(entry_date)
        return moment is not None and moment < self.entry_cutoff

    def published_before_since(self, published_at: str | None) -> bool:
        if self.since is None:
            return False
        moment = parse_date(published_at)
        return moment is not None and moment < self.since

    def conditional_headers(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since from the validators stored for a page fetched before."""
        if self.full or not (url in self.pages or url in self.article_seen):
            return {}
        etag, last_modified = self.stored.validators(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return headers

    # ------------------------------------------------------------------ what this run learns

    def record(self, url: str, kind: str, status: int, etag: str | None = None, last_modified: str | None = None,
               redirect_to: str | None = None) -> None:
        self.batch.fetches.append(FetchRecord(url, self.source.name, kind, status, etag, last_modified,
                                              utcnow(), redirect_to))
        if kind == REDIRECT and redirect_to:
            self.redirects[url] = redirect_to
        elif status < 300:
            self.fetched[url] = kind
        self._written()

    def read(self, url: str, kind: str, status: int, links: list[str] | None = None,
             every_run: bool = False) -> None:
        """A listing or feed was read (200 or 304). Its revisit interval is set when the run closes."""
        if status in GONE:
            self.batch.forget.add(url)
            self.revisits.pop(url, None)
            return
        first = url not in self.revisits or self.full
        previous = self.reads.get(url)
        self.reads[url] = Read(kind, status, utcnow(), every_run or (previous is not None and previous.every_run),
                               frozenset(links or ()) if first else frozenset())

    def sample_links(self, links: set[str]) -> None:
        """Keep a page's links, to tell site chrome (on most pages) from a listing's own links."""
        if len(self.sampled) < CHROME_SAMPLE_PAGES:
            self.sampled.append(frozenset(links))

    def credit(self, listing: str | None) -> None:
        """A new article was found through `listing` (the page or feed that first linked it)."""
        if listing in self.reads:
            self.reads[listing].found += 1

    def note_alias(self, alias: str, target: str) -> None:
        """`alias` (a link variant, a redirecting URL) names the page at `target`; recorded in
        article_urls when the run ends if `target` is then a stored article."""
        if alias != target and alias not in self.article_alias and alias not in self.article_seen:
            self.batch.aliases[alias] = target

    def frontier_add(self, url: str, found_on: str | None) -> None:
        if url in self.batch.frontier_done:
            self.batch.frontier_done.discard(url)
        self.batch.frontier_added.setdefault(url, (found_on, utcnow()))

    def frontier_done(self, url: str) -> None:
        """Fetched (whatever the answer): no longer part of the frontier. Deleted even when added in
        this batch: a link an earlier run left is added again when this run requests it."""
        self.batch.frontier_added.pop(url, None)
        self.batch.frontier_done.add(url)

    def frontier_failed(self, url: str) -> None:
        """A transient failure (timeout, 5xx): kept for the next run, up to a few attempts."""
        self.batch.frontier_failed.add(url)

    def _written(self) -> None:
        self._pending += 1
        if self._pending >= FLUSH_EVERY or time.monotonic() - self._flushed_at > FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Write fetches and frontier changes. Aliases wait for the end of the run (their article may
        not be stored yet)."""
        batch, self.batch = self.batch, StateBatch(aliases=self.batch.aliases)
        batch.aliases = {}
        if batch:
            self._write(batch)
        self._pending = 0
        self._flushed_at = time.monotonic()

    def close(self) -> None:
        """Learn each read listing's next interval, then write everything that is left."""
        try:
            self.batch.revisits = self._learned_revisits()
            self._write(self.batch)
        finally:
            self.stored.close()
            self.writer.release()

    def _write(self, batch: StateBatch) -> None:
        """A job of the crawl's writer, queued after the articles of this run (so aliases find their
        articles stored); lost only when the database cannot be written, and then the next run
        fetches those pages again."""
        name = self.source.name
        self.writer.submit(lambda store: store.write_state(name, batch, utcnow())).addErrback(
            lambda failure: logger.warning("crawl state not recorded: %s", failure.getErrorMessage()))

    # ------------------------------------------------------------------ learning

    def _learned_revisits(self) -> list[Revisit]:
        own = self._own_links()
        dates = self.stored.published_dates(set().union(*own.values())) if own else {}
        now = datetime.now(UTC)
        out = []
        for url, read in sorted(self.reads.items()):
            previous = None if self.full else self.revisits.get(url)
            if read.every_run:
                interval = 0.0
            elif url in own:
                links = own[url]
                articles = {link for link in links if link in dates or self._is_article(link)}
                unfetched = {link for link in links if link not in self.fetched and link not in self.pages}
                interval = revisits.first_interval([d for link in articles if (d := parse_date(dates.get(link)))],
                                                   len(articles | unfetched), now, self.floor)
            elif previous is not None:
                interval = revisits.next_interval(previous.interval_s, read.found, self.floor)
            else:  # a 304 without a schedule (state written by an older newsagg): learn from the next read
                interval = self.floor
            row = Revisit(url, self.source.name, read.kind, interval, _iso(now + timedelta(seconds=interval)))
            if previous is not None:
                row.reads, row.yields = previous.reads, previous.yields
                row.found_total, row.last_found_at = previous.found_total, previous.last_found_at
            row.reads += 1
            row.found_last = read.found
            row.last_read_at = read.at
            if read.found:
                row.yields += 1
                row.found_total += read.found
                row.last_found_at = read.at
            out.append(row)
        return out

    def _is_article(self, url: str) -> bool:
        return self.fetched.get(url) == ARTICLE or self.article_of(url) is not None

    def _own_links(self) -> dict[str, set[str]]:
        """The links of each listing read for the first time that are not site chrome, resolved
        with what the whole run learned (redirects met after the listing was read)."""
        first_reads = {url: read for url, read in self.reads.items() if read.links}
        if not first_reads:
            return {}
        sampled = [{self.resolve(link) for link in links} for links in self.sampled]
        common = revisits.chrome(Counter(link for links in sampled for link in links), len(sampled))
        return {url: {self.resolve(link) for link in read.links} - common - {url}
                for url, read in first_reads.items()}


def slash_twin(url: str) -> str | None:
    """'https://x/a/b' <-> 'https://x/a/b/' (no query, not the root). String work: called per link."""
    if "?" in url:
        return None
    path_start = url.find("/", url.find("//") + 2)
    if path_start < 0 or path_start == len(url) - 1:
        return None
    return url[:-1] if url.endswith("/") else url + "/"


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _ceil_to_second(moment: datetime) -> str:
    """fetched_at is stored truncated to the second; comparing it with a cutoff rounded up means
    a page counts as fresh only if it surely is (when in doubt, it is refetched a moment early)."""
    whole = moment.replace(microsecond=0)
    return (whole + timedelta(seconds=1 if moment.microsecond else 0)).isoformat(timespec="seconds")
