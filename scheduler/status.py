"""`newsagg status`: per source, its last run, last success, next run, articles in the last 24 h,
the crawl running now (or a dead one: its process is gone but its run is still marked running),
and warnings for the silent breakages: runs that fail, die, or go on succeeding while a site that
used to yield articles yields none for far longer than usual."""

from __future__ import annotations

import sqlite3
import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from core.config import Source
from db import fetch_state, runs
from scheduler.timing import expected_next_run

FAILING_RUNS = 3  # this many failed runs in a row: warn
EMPTY_RUNS = 5  # this many finished runs in a row that found no article: maybe warn (see run_warnings)
STALE_INTERVALS = 3  # no success for this many intervals (sources with `every`): warn
# A site that yielded articles goes quiet: normal for a while (nights, weekends, an unchanged
# site crawled again). Suspicious after this long, or after this many of its usual gaps.
QUIET_FLOOR = timedelta(days=2)  # a weekend without news is not a breakage
QUIET_GAPS = 5


@dataclass
class SchedulerState:
    """What `status` knows of the scheduler: the daemon holding this database's lock, or, when the
    config names a broker, the cluster's (its claim lives in Redis: cluster/claims.py)."""

    running: bool | None  # None: cannot tell (the broker did not answer)
    pid: int | None = None
    hostname: str | None = None
    since: str | None = None  # ISO 8601
    broker: str | None = None  # the cluster's broker it was looked for on (password redacted)
    error: str | None = None  # why it cannot tell

    @classmethod
    def of_lock(cls, lock: sqlite3.Row | None) -> SchedulerState:
        if lock is None or runs.is_lock_stale(lock):
            return cls(False)
        return cls(True, lock["pid"], lock["hostname"], lock["acquired_at"])

    def to_json(self) -> dict:
        state = {"kind": "scheduler", "running": self.running}
        if self.running:
            state.update(pid=self.pid, hostname=self.hostname, since=self.since)
        if self.broker:
            state["broker"] = self.broker
        if self.running is None:
            state["error"] = self.error
        return state


@dataclass
class SourceStatus:
    name: str
    last_run: sqlite3.Row | None
    last_success: sqlite3.Row | None
    next_run: datetime | None
    overdue: bool
    articles_24h: int
    lock: sqlite3.Row | None = None  # the crawl holding the source now
    dead: str | None = None  # why the lock's process is known to be gone
    in_config: bool = True
    warnings: list[str] = field(default_factory=list)

    @property
    def last_run_state(self) -> str | None:
        """The last run's status, `dead` for a run still marked running whose process is gone."""
        if self.last_run is None:
            return None
        status = self.last_run["status"]
        alive = self.lock is not None and self.dead is None
        return "dead" if status == "running" and not alive else status


def source_status(conn: sqlite3.Connection, source: Source, articles_24h: int, now: datetime,
                  in_config: bool = True) -> SourceStatus:
    recent = runs.recent_finished_runs(conn, source.name, max(FAILING_RUNS, EMPTY_RUNS))
    newest = runs.list_runs(conn, source.name, limit=1)
    last_run = newest[0] if newest else None
    success = runs.last_success(conn, source.name)
    next_run, overdue = expected_next_run(source, _time(last_run, "started_at"), now)
    if not in_config:
        next_run, overdue = None, False
    lock = runs.current_lock(conn, source.name)
    status = SourceStatus(source.name, last_run, success, next_run, overdue, articles_24h, lock,
                          runs.stale_reason(lock) if lock is not None else None, in_config)
    status.warnings = run_warnings(source, recent, _time(success, "started_at"), now,
                                   runs.productive_run_times(conn, source.name))
    if status.last_run_state == "dead":
        why = status.dead or "its process holds no lock"
        status.warnings.insert(0, f"run {last_run['id']} died without closing ({why}): `newsagg schedule` "
                                  "closes it, or the next crawl of the source")
    return status


def run_warnings(source: Source, recent: list[sqlite3.Row], last_success: datetime | None, now: datetime,
                 productive: list[datetime] | None = None) -> list[str]:
    """Warnings from the source's recent finished runs (newest first) and the start times of its
    runs that found articles (newest first)."""
    warnings = []
    failing = _leading(recent, lambda r: r["status"] != "ok")
    if failing >= FAILING_RUNS:
        warnings.append(f"last {failing} runs did not succeed (latest: {recent[0]['status']}: "
                        f"{recent[0]['message'] or 'no message'})")
    elif recent and recent[0]["status"] != "ok":
        warnings.append(f"last run {recent[0]['status']}: {recent[0]['message'] or 'no message'}")
    empty = _leading(recent, lambda r: r["status"] == "ok" and _articles(r) == 0)
    if empty >= EMPTY_RUNS:
        pages = sum(r["pages_fetched"] for r in recent[:empty])
        if warning := _quiet_warning(empty, pages, productive or [], now):
            warnings.append(warning)
    if recent and last_success is None:
        warnings.append("no successful run yet")
    elif source.every and last_success and now - last_success > timedelta(seconds=source.every * STALE_INTERVALS):
        warnings.append(f"no successful run since {_ago(now - last_success)}")
    return warnings


def _quiet_warning(empty: int, pages: int, productive: list[datetime], now: datetime) -> str | None:
    """Runs that succeed but find no article are normal on a site we know (nothing new since the
    last run); suspicious when the site never yielded one, or when the silence lasts far longer
    than the source's usual gap between runs that found articles."""
    if not productive:
        return (f"last {empty} runs found no article ({pages} pages fetched) and none ever did: "
                "check the start URLs, or the site's articles are not recognised")
    gaps = [newer - older for newer, older in zip(productive, productive[1:], strict=False)]
    usual = statistics.median(gaps) if gaps else None
    quiet = now - productive[0]
    if quiet <= max(QUIET_FLOOR, QUIET_GAPS * usual if usual else QUIET_FLOOR):
        return None
    usually = f"; usually every {_span(usual)}" if usual else ""
    return (f"no article found for {_span(quiet)} (last {empty} runs, {pages} pages fetched{usually}): "
            "has the site changed?")


def all_statuses(conn: sqlite3.Connection, sources: list[Source], now: datetime | None = None,
                 in_config: bool = True) -> list[SourceStatus]:
    now = now or datetime.now(UTC)
    counts = runs.articles_first_seen_since(conn, now - timedelta(hours=24))
    return [source_status(conn, source, counts.get(source.name, 0), now, in_config) for source in sources]


def _articles(run: sqlite3.Row) -> int:
    return run["articles_new"] + run["articles_updated"] + run["duplicates"]


@dataclass
class ListingSchedule:
    """`newsagg status --source`: the source's listings and feeds, their yield and next revisit."""

    rows: list[sqlite3.Row]  # listing_revisits (+ last HTTP status), every-run ones first, then soonest due
    frontier: int  # links found but not fetched yet
    now: datetime

    @property
    def due(self) -> int:
        """How many are read on the next run."""
        now = self.now.isoformat(timespec="seconds")
        return sum(1 for row in self.rows if row["interval_s"] == 0 or row["next_due_at"] <= now)


def listing_schedule(conn: sqlite3.Connection, source: str, now: datetime | None = None) -> ListingSchedule:
    return ListingSchedule(fetch_state.listing_overview(conn, source), fetch_state.frontier_size(conn, source),
                           now or datetime.now(UTC))


def _leading(rows: list[sqlite3.Row], test) -> int:
    count = 0
    for row in rows:
        if not test(row):
            break
        count += 1
    return count


def _time(row: sqlite3.Row | None, column: str) -> datetime | None:
    return datetime.fromisoformat(row[column]) if row is not None and row[column] else None


def _span(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _ago(delta: timedelta) -> str:
    return f"{_span(delta)} ago"
