"""`newsagg status`: per source, its last run, last success, next run, articles in the last 24 h,
and warnings for the silent breakages: runs that fail, or succeed while storing nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from core.config import Config, Source
from db import fetch_state, runs
from scheduler.timing import expected_next_run

FAILING_RUNS = 3  # this many failed runs in a row: warn
EMPTY_RUNS = 5  # this many finished runs in a row that stored nothing: warn
STALE_INTERVALS = 3  # no success for this many intervals (sources with `every`): warn


@dataclass
class SourceStatus:
    name: str
    last_run: sqlite3.Row | None
    last_success: sqlite3.Row | None
    next_run: datetime | None
    overdue: bool
    articles_24h: int
    warnings: list[str] = field(default_factory=list)


def source_status(conn: sqlite3.Connection, source: Source, articles_24h: int, now: datetime) -> SourceStatus:
    recent = runs.recent_finished_runs(conn, source.name, max(FAILING_RUNS, EMPTY_RUNS))
    newest = runs.list_runs(conn, source.name, limit=1)
    last_run = newest[0] if newest else None
    success = runs.last_success(conn, source.name)
    next_run, overdue = expected_next_run(source, _time(last_run, "started_at"), now)
    status = SourceStatus(source.name, last_run, success, next_run, overdue, articles_24h)
    status.warnings = run_warnings(source, recent, _time(success, "started_at"), now)
    return status


def run_warnings(source: Source, recent: list[sqlite3.Row], last_success: datetime | None,
                 now: datetime) -> list[str]:
    """Warnings from the source's recent finished runs (newest first)."""
    warnings = []
    failing = _leading(recent, lambda r: r["status"] != "ok")
    if failing >= FAILING_RUNS:
        warnings.append(f"last {failing} runs did not succeed (latest: {recent[0]['status']}: "
                        f"{recent[0]['message'] or 'no message'})")
    elif recent and recent[0]["status"] != "ok":
        warnings.append(f"last run {recent[0]['status']}: {recent[0]['message'] or 'no message'}")
    empty = _leading(recent, lambda r: r["status"] == "ok" and r["articles_new"] + r["articles_updated"] == 0)
    if empty >= EMPTY_RUNS:
        pages = sum(r["pages_fetched"] for r in recent[:empty])
        warnings.append(f"last {empty} runs stored no article ({pages} pages fetched): has the site changed?")
    if recent and last_success is None:
        warnings.append("no successful run yet")
    elif source.every and last_success and now - last_success > timedelta(seconds=source.every * STALE_INTERVALS):
        warnings.append(f"no successful run since {_ago(now - last_success)}")
    return warnings


def all_statuses(conn: sqlite3.Connection, config: Config, now: datetime | None = None) -> list[SourceStatus]:
    now = now or datetime.now(UTC)
    counts = runs.articles_first_seen_since(conn, now - timedelta(hours=24))
    return [source_status(conn, source, counts.get(source.name, 0), now) for source in config.sources]


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


def _ago(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return f"{seconds}s ago"
