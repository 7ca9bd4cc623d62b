"""Run times from the config and the history: catch-up, first run, next runs, overdue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.config import Source
from scheduler.timing import expected_next_run, first_run_time, needs_catch_up, next_run_times

NOW = datetime(2026, 3, 10, 12, 7, 30, tzinfo=UTC)


def hourly_interval() -> Source:
    return Source("wire", ["http://127.0.0.1/"], every=3600)


def quarter_hour_cron(timezone: str | None = "UTC") -> Source:
    return Source("wire", ["http://127.0.0.1/"], schedule="*/15 * * * *", timezone=timezone)


def test_never_run_sources_catch_up():
    assert needs_catch_up(hourly_interval(), None, NOW)
    assert needs_catch_up(quarter_hour_cron(), None, NOW)


def test_interval_catches_up_only_when_the_last_success_is_older_than_the_interval():
    assert needs_catch_up(hourly_interval(), NOW - timedelta(minutes=61), NOW)
    assert not needs_catch_up(hourly_interval(), NOW - timedelta(minutes=59), NOW)


def test_cron_catches_up_when_a_fire_time_passed_since_the_last_success():
    assert needs_catch_up(quarter_hour_cron(), NOW - timedelta(minutes=9), NOW)  # 12:00 was missed
    assert not needs_catch_up(quarter_hour_cron(), NOW - timedelta(minutes=7, seconds=30), NOW)  # ran at 12:00


def test_first_run_follows_the_last_success_or_the_clock():
    assert first_run_time(hourly_interval(), NOW - timedelta(minutes=20), NOW) == NOW + timedelta(minutes=40)
    assert first_run_time(hourly_interval(), NOW - timedelta(hours=3), NOW) == NOW
    assert first_run_time(quarter_hour_cron(), NOW - timedelta(minutes=7), NOW) == NOW.replace(minute=15, second=0)


def test_next_run_times_respect_the_source_timezone():
    source = Source("paris", ["http://127.0.0.1/"], schedule="0 9 * * *", timezone="Europe/Paris")
    times = next_run_times(source, NOW, count=2)
    assert [t.astimezone(UTC).hour for t in times] == [8, 8]  # 09:00 in Paris in March is 08:00 UTC
    assert times[1] - times[0] == timedelta(days=1)


def test_expected_next_run_and_overdue():
    assert expected_next_run(hourly_interval(), NOW - timedelta(minutes=10), NOW) == (
        NOW + timedelta(minutes=50), False)
    assert expected_next_run(hourly_interval(), NOW - timedelta(hours=2), NOW)[1] is True
    assert expected_next_run(quarter_hour_cron(), NOW - timedelta(minutes=7), NOW) == (
        NOW.replace(minute=15, second=0), False)
    assert expected_next_run(quarter_hour_cron(), NOW - timedelta(minutes=40), NOW)[1] is True
    assert expected_next_run(Source("manual", ["http://127.0.0.1/"]), None, NOW) == (None, False)
