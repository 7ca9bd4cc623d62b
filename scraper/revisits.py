"""Adaptive revisits: when a listing (section, tag, author, page N) or a feed is worth reading again.

Pure policy, no I/O (scraper/incremental.py applies it, db/fetch_state.py stores it):

- A listing's interval lies between the source's schedule (its `every`, or the gap between its
  cron times; 15 minutes for a source run only by hand) and a cap of a week.
- First read: the interval is the mean gap between the listing's own articles (links that are not
  site chrome: menus, "Latest" and "Most read" widgets), from now back to the oldest, so a busy
  section comes back within hours and a tag with two stories from last month after a week. A page
  with no article of its own (about, newsletter) gets the cap.
- Later reads: a read that led to a new article halves the interval; one that did not (a 304
  included) doubles it. A tag page that never yields climbs to the cap.
- Start pages, and the feeds they advertise, are read on every run (interval 0).
- Pagination goes one page deeper only while a page's article links are at least half new.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from core.config import Source
from scraper.scope import PAGE_PARAMS, PAGE_PATH, page_number

REVISIT_CAP = 7 * 86400.0  # seconds: every listing is read at least once a week
UNSCHEDULED_FLOOR = 15 * 60.0  # the floor of a source that has no schedule
UNDATED_INTERVAL = 6 * 3600.0  # first interval of a listing whose articles carry no date
CHROME_SHARE = 0.5  # a link on at least this share of a run's pages is site chrome
MIN_CHROME_SAMPLE = 3  # fewer pages than this: no link can be told apart as chrome


def schedule_floor(source: Source) -> float:
    """Seconds between two scheduled runs of the source: the shortest sensible revisit interval."""
    if source.every:
        return float(source.every)
    if source.schedule:
        from apscheduler.triggers.cron import CronTrigger

        trigger = CronTrigger.from_crontab(source.schedule, timezone=UTC)
        first = trigger.get_next_fire_time(None, datetime.now(UTC))
        second = trigger.get_next_fire_time(first, first + timedelta(seconds=1)) if first else None
        if first and second:
            return max(60.0, (second - first).total_seconds())
    return UNSCHEDULED_FLOOR


def first_interval(own_dates: list[datetime], own_links: int, now: datetime, floor: float,
                   cap: float = REVISIT_CAP) -> float:
    """The interval after a listing's first read, from its own articles' publication dates."""
    if not own_links:
        return cap  # nothing of its own: an about page, an empty tag
    past = [moment for moment in own_dates if moment <= now]
    if not past:
        return _clamp(UNDATED_INTERVAL, floor, cap)
    mean_gap = (now - min(past)).total_seconds() / len(past)
    return _clamp(mean_gap, floor, cap)


def next_interval(current: float, found: int, floor: float, cap: float = REVISIT_CAP) -> float:
    """The interval after a later read that led to `found` new articles."""
    if found:
        return _clamp(current / 2, floor, cap)
    return _clamp(max(current, floor) * 2, floor, cap)


def _clamp(seconds: float, floor: float, cap: float) -> float:
    return min(cap, max(floor, seconds))


def chrome(link_counts: Counter, pages: int) -> set[str]:
    """Links present on at least CHROME_SHARE of the `pages` sampled: menus, footers, widgets."""
    if pages < MIN_CHROME_SAMPLE:
        return set()
    threshold = max(2, CHROME_SHARE * pages)
    return {link for link, count in link_counts.items() if count >= threshold}


def listing_base(url: str) -> str:
    """The first page of a paginated listing: '/markets/page/3/' and '/markets?page=3' -> '/markets/'..."""
    parts = urlsplit(url)
    path = PAGE_PATH.sub("/", parts.path)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in PAGE_PARAMS]
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))


def is_continuation(link: str, page: str) -> bool:
    """A link to another page of the same paginated listing."""
    return link != page and page_number(link) is not None and listing_base(link) == listing_base(page)


def go_deeper(new: int, known: int) -> bool:
    """Follow a listing's next pages: only while at least half of its article links are new."""
    return new > 0 and new >= known
