"""What a crawl already knows about its source, and the only-new rules built on it.

- A stored article URL is not fetched again until the source's `refresh` window has passed;
  then it is fetched with If-None-Match / If-Modified-Since (a 304 costs nothing more).
- Feed and sitemap entries dated before the last successful run, or before `since`, are skipped.
- An article published before `since` is not stored, and its links are not followed.
- `full=True` (newsagg crawl --full) ignores all of it.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from core.config import Source
from db import fetch_state
from db.fetch_state import FetchRecord

if TYPE_CHECKING:
    from scraper.writer import DatabaseWriter

logger = logging.getLogger(__name__)

FLUSH_EVERY = 200  # fetch_state rows written per transaction


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
    return datetime.combine(since, time.min, tzinfo=UTC) if since else None


class CrawlState:
    """Loaded once at spider open; lookups are set/dict operations, writes are batched. `reads`:
    db.fetch_state's functions without their connection (scraper/backend.py: the SQLite file, or
    what the cluster's writer sent); writes go through `writer` when there is one."""

    def __init__(self, reads, source: Source, full: bool = False, writer: DatabaseWriter | None = None):
        self.source = source
        self.full = full
        self.reads = reads
        self.writer = writer
        self.pending: list[FetchRecord] = []
        self.since = None if full else since_moment(source.since)
        if full:
            self.known_articles: set[str] = set()
            self.known_listings: set[str] = set()
            self.entry_cutoff: datetime | None = None
            return
        self.known_articles = self.reads.known_article_urls(source.name, fresh_since(source))
        self.known_listings = self.reads.known_urls_of_kind(source.name, fetch_state.LISTING)
        last_run = parse_date(self.reads.last_successful_run(source.name))
        self.entry_cutoff = max(filter(None, (last_run, self.since)), default=None)

    # ------------------------------------------------------------------ decisions

    def is_known_article(self, url: str) -> bool:
        return url in self.known_articles

    def is_known_listing(self, url: str) -> bool:
        return url in self.known_listings

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
        """Validators for an article due for a refresh (only sources with `refresh` have any)."""
        if self.full or not self.source.refresh or url in self.known_listings:
            return {}  # listings are always fetched in full: a 304 would hide their new links
        etag, last_modified = self.reads.validators(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return headers

    # ------------------------------------------------------------------ bookkeeping

    def record(self, url: str, kind: str, status: int, etag: str | None, last_modified: str | None) -> None:
        self.pending.append(FetchRecord(url, self.source.name, kind, status, etag, last_modified,
                                        datetime.now(UTC).isoformat(timespec="seconds")))
        if len(self.pending) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        if self.writer is None:
            self.reads.record_fetches(batch)
        else:  # lost only when the database cannot be written: the next run refetches those pages
            self.writer.submit(lambda store: store.record_fetches(batch)).addErrback(
                lambda failure: logger.warning("fetch state not recorded: %s", failure.getErrorMessage()))

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.reads.close()
            if self.writer is not None:
                self.writer.release()


def fresh_since(source: Source) -> str | None:
    """Stored articles fetched since this moment are not fetched again (None: no `refresh`)."""
    if not source.refresh:
        return None
    return _ceil_to_second(datetime.now(UTC) - timedelta(seconds=source.refresh))


def _ceil_to_second(moment: datetime) -> str:
    """fetched_at is stored truncated to the second; comparing it with a cutoff rounded up means
    a page counts as fresh only if it surely is (when in doubt, it is refetched a moment early)."""
    whole = moment.replace(microsecond=0)
    return (whole + timedelta(seconds=1 if moment.microsecond else 0)).isoformat(timespec="seconds")
