"""When a source runs: its APScheduler trigger, catch-up after downtime, upcoming run times.

Pure functions of the config and the run history, so `newsagg status` and `newsagg schedule
--check` compute the same times the daemon uses, without a daemon running.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from tzlocal import get_localzone

from core.config import Source

OVERDUE_SLACK = timedelta(seconds=30)  # a child takes a moment to start and open its run


def is_scheduled(source: Source) -> bool:
    return bool(source.schedule or source.every)


def source_timezone(source: Source):
    return ZoneInfo(source.timezone) if source.timezone else get_localzone()


def build_trigger(source: Source, start: datetime | None = None) -> BaseTrigger:
    """The source's trigger; an interval starts at `start` (its first run), default now."""
    timezone = source_timezone(source)
    if source.schedule:
        return CronTrigger.from_crontab(source.schedule, timezone=timezone)
    if source.every:
        return IntervalTrigger(seconds=source.every, start_date=start or datetime.now(UTC), timezone=timezone)
    raise ValueError(f"source {source.name!r} has neither schedule nor every")


def needs_catch_up(source: Source, last_success: datetime | None, now: datetime) -> bool:
    """True when a scheduled run was due since the last successful one (or there never was one)."""
    if last_success is None:
        return True
    if source.every:
        return last_success + timedelta(seconds=source.every) <= now
    # The first cron time strictly after the last success; a second later so a run that started
    # exactly on a fire time does not count as missing it.
    due = build_trigger(source).get_next_fire_time(None, last_success + timedelta(seconds=1))
    return due is not None and due <= now


def first_run_time(source: Source, last_success: datetime | None, now: datetime) -> datetime:
    """The daemon's first run of the source: now when catching up, otherwise its next regular time."""
    if needs_catch_up(source, last_success, now):
        return now
    if source.every:
        return last_success + timedelta(seconds=source.every)
    return build_trigger(source).get_next_fire_time(None, now)


def next_run_times(source: Source, after: datetime, count: int = 3) -> list[datetime]:
    """The next `count` regular run times after `after` (for `schedule --check`)."""
    trigger = build_trigger(source, start=after)
    times: list[datetime] = []
    previous = None
    while len(times) < count:
        fire = trigger.get_next_fire_time(previous, after)
        if fire is None:
            break
        times.append(fire)
        previous, after = fire, fire + timedelta(microseconds=1)
    return times


def expected_next_run(source: Source, last_start: datetime | None,
                      now: datetime) -> tuple[datetime | None, bool]:
    """(next regular run, overdue) as a running daemon would have it: an interval follows the last
    run (`every` after its start), a crontab follows the clock. Overdue: a regular time went by
    with no run (the daemon is down or stuck), or the source never ran."""
    if not is_scheduled(source):
        return None, False
    if last_start is None:
        return now, True
    if source.every:
        planned = last_start + timedelta(seconds=source.every)
        missed = planned
    else:
        trigger = build_trigger(source)
        planned = trigger.get_next_fire_time(None, now)
        missed = trigger.get_next_fire_time(None, last_start + timedelta(seconds=1))
    return planned, missed is not None and missed < now - OVERDUE_SLACK
