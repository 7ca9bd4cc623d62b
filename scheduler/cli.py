"""`newsagg schedule` (the daemon, or --check), `newsagg runs` (history), `newsagg status`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from core.arguments import LOG_LEVELS, non_negative_float, positive_int
from core.config import Config, ConfigError, Source, find_source, load_config_from, resolve_db_path
from core.errors import NewsaggError
from db import runs
from db.connection import open_existing


def add_parsers(subparsers) -> None:
    schedule = subparsers.add_parser(
        "schedule", help="run the scheduler daemon (each source on its schedule, each crawl in a child process)",
        description="Run every scheduled source of the config until SIGTERM/SIGINT. Exit 0 after a clean "
                    "stop, 1 when stopped by a second signal, 2 for a bad config or when another daemon runs "
                    "on the database. See docs/operations.md.")
    _add_common(schedule)
    schedule.add_argument("--check", action="store_true",
                          help="validate the config, print each source's next run times, and exit")
    schedule.add_argument("--log-level", default="INFO", type=str.upper, choices=LOG_LEVELS,
                          help="daemon and crawl log level (default INFO)")
    schedule.add_argument("--grace", type=non_negative_float, default=30.0, metavar="SECONDS",
                          help="on SIGTERM/SIGINT, how long running crawls may finish (default 30)")
    schedule.add_argument("--kill-grace", type=non_negative_float, default=10.0, metavar="SECONDS",
                          help="between SIGTERM and SIGKILL of a crawl being stopped (default 10)")
    schedule.add_argument("--max-parallel", type=positive_int, default=4, metavar="N",
                          help="crawls running at once (default 4)")
    schedule.set_defaults(handler=run_schedule)

    history = subparsers.add_parser(
        "runs", help="crawl run history, newest first",
        description="Exit status 0 (also when there are no runs), 2 when the database does not exist.")
    _add_common(history)
    history.add_argument("--source", metavar="NAME", help="only this source")
    history.add_argument("--limit", type=positive_int, default=20, metavar="N", help="show N runs (default 20)")
    history.add_argument("--json", action="store_true", help="one JSON object per run and line")
    history.set_defaults(handler=run_runs)

    status = subparsers.add_parser(
        "status", help="per source: last run, last success, next run, warnings",
        description="Sources of the config, or without one every source of the database's run history. "
                    "Exit status 0 whatever it shows, 2 when the database does not exist.")
    _add_common(status)
    status.add_argument("--json", action="store_true",
                        help="one JSON object per line: the scheduler, then each source")
    status.add_argument("--source", metavar="NAME",
                        help="only this source, with its listings: revisit interval, yield, next due")
    status.set_defaults(handler=run_status)


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", help="config file (default: $NEWSAGG_CONFIG or ./newsagg.toml)")
    parser.add_argument("--db", help="SQLite file (default: [database] path, $NEWSAGG_DB or data/news.db)")


def print_config_warnings(config: Config) -> None:
    for warning in config.warnings:
        print(f"newsagg: warning: {warning}", file=sys.stderr)


# ---------------------------------------------------------------------------- schedule


def run_schedule(args: argparse.Namespace, cluster=None) -> int:
    """The daemon, or --check. `cluster(config)`, given by the cluster's command line, returns the
    daemon that queues the runs on a broker, or None when there is no broker: then it runs here."""
    from scheduler import timing

    config = load_config_from(args.config)
    print_config_warnings(config)
    if not any(timing.is_scheduled(s) for s in config.sources):
        raise ConfigError(f"{config.path}: no source has a schedule or every: nothing to run")
    db_path = resolve_db_path(args.db, config)
    if args.check:
        return _print_check(config, db_path)
    daemon = (cluster(config) if cluster else None) or _local_daemon(args, config, db_path)
    return _start_daemon(daemon, config.log_dir, args.log_level)


def _print_check(config: Config, db_path: str) -> int:
    from scheduler.timing import first_run_time, is_scheduled, needs_catch_up, next_run_times

    now = datetime.now(UTC)
    conn = open_existing(db_path) if Path(db_path).exists() else None  # --check creates nothing
    print(f"config {config.path}: ok, {len(config.sources)} source(s), db {db_path}")
    for source in config.sources:
        if not is_scheduled(source):
            print(f"  {source.name}: not scheduled (no schedule or every): runs only by hand")
            continue
        success = runs.last_success(conn, source.name) if conn else None
        last = datetime.fromisoformat(success["started_at"]) if success else None
        rule = f"cron '{source.schedule}'" if source.schedule else f"every {source.every:g}s"
        if source.timezone:
            rule += f" ({source.timezone})"
        catch_up = needs_catch_up(source, last, now)
        times = next_run_times(source, first_run_time(source, last, now), count=4)
        times = times[1:] if catch_up and source.every else times[:3]  # an interval's first time is "now"
        shown = ("at start (catch-up), then " if catch_up else "") + ", ".join(
            t.isoformat(timespec="seconds") for t in times)
        print(f"  {source.name}: {rule}, timeout {source.timeout:g}s; next runs: {shown}")
    if conn:
        conn.close()
    return 0


def daemon_options(args: argparse.Namespace):
    from scheduler.daemon import DaemonOptions

    return DaemonOptions(grace=args.grace, max_parallel=args.max_parallel)


def _local_daemon(args: argparse.Namespace, config: Config, db_path: str):
    from scheduler.daemon import Daemon
    from scheduler.supervisor import ChildSettings, Supervisor

    settings = ChildSettings(config_path=Path(config.path).resolve(), db_path=str(Path(db_path).resolve()),
                             log_dir=str(Path(config.log_dir).resolve()), log_level=args.log_level,
                             kill_grace=args.kill_grace)
    return Daemon(config, db_path, Supervisor(settings), daemon_options(args))


def _start_daemon(daemon, log_dir: str, log_level: str) -> int:
    from scheduler.logfiles import setup_daemon_logging

    daemon.claim()  # before logging: a refused second daemon must not write the first one's log
    try:
        log_file = setup_daemon_logging(log_dir, log_level)
    except OSError as error:
        daemon.release()
        raise NewsaggError(f"cannot write the daemon log in {log_dir}: {error.strerror} "
                           "(set [logging] dir in the config)") from None
    print(f"newsagg schedule: logging to {log_file}", file=sys.stderr)
    return daemon.run()


# ---------------------------------------------------------------------------- runs


def _open(args: argparse.Namespace) -> tuple[Config, object]:
    config = load_config_from(args.config, required=False)
    return config, open_existing(resolve_db_path(args.db, config))


def run_runs(args: argparse.Namespace) -> int:
    _, conn = _open(args)
    try:
        rows = runs.list_runs(conn, args.source, args.limit)
        alive = runs.running_run_ids(conn)
    finally:
        conn.close()
    if args.json:
        for row in rows:
            print(json.dumps({**dict(row), "dead": _is_dead(row, alive)}, ensure_ascii=False))
        return 0
    if not rows:
        print("no runs" + (f" of {args.source}" if args.source else ""))
        return 0
    print(f"{'RUN':>5} {'SOURCE':<18} {'TRIGGER':<8} {'STARTED (UTC)':<19} {'TOOK':>6} {'STATUS':<11}"
          f" {'PAGES':>5} {'NEW':>4} {'UPD':>4} {'DUP':>4} {'ERR':>4}  MESSAGE")
    for row in rows:
        dead = _is_dead(row, alive)
        status = "dead" if dead else row["status"]
        message = "its process is gone; not closed yet" if dead else row["message"] or ""
        print(f"{row['id']:>5} {row['source'][:18]:<18} {row['trigger']:<8} {_short(row['started_at']):<19}"
              f" {_took(row, dead):>6} {status:<11} {row['pages_fetched']:>5} {row['articles_new']:>4}"
              f" {row['articles_updated']:>4} {row['duplicates']:>4} {row['errors']:>4}  {_one_line(message)}")
    return 0


def _is_dead(row, alive_ids: set[int]) -> bool:
    return row["status"] == "running" and row["id"] not in alive_ids


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _short(stamp: str | None) -> str:
    return datetime.fromisoformat(stamp).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") if stamp else "-"


def _utc(stamp: str | None) -> str:
    return f"{_short(stamp)} UTC" if stamp else "-"


def _took(row, dead: bool = False) -> str:
    if dead and not row["finished_at"]:
        return "-"
    end = datetime.fromisoformat(row["finished_at"]) if row["finished_at"] else datetime.now(UTC)
    seconds = int((end - datetime.fromisoformat(row["started_at"])).total_seconds())
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


# ---------------------------------------------------------------------------- status


def run_status(args: argparse.Namespace, cluster=None) -> int:
    """`cluster(config)`, given by the cluster's command line, returns the cluster's SchedulerState
    when the config names a broker, else None (and costs nothing)."""
    from scheduler.status import SchedulerState, all_statuses, listing_schedule

    config, conn = _open(args)
    try:
        if config.sources:
            sources, in_config = config.sources, True
        else:  # no config (or one without sources): what the database knows
            sources, in_config = [Source(name, []) for name in runs.known_sources(conn)], False
        if args.source:
            sources = [find_source(sources, args.source)]
        statuses = all_statuses(conn, sources, in_config=in_config)
        schedule = listing_schedule(conn, args.source) if args.source else None
        daemon = runs.current_lock(conn, runs.DAEMON_LOCK)
    finally:
        conn.close()
    scheduler = SchedulerState.of_lock(daemon)
    if not scheduler.running and cluster is not None:
        scheduler = cluster(config) or scheduler
    if args.json:
        _print_status_json(scheduler, statuses)
        if schedule is not None:
            _print_listings_json(schedule, args.source)
        return 0
    print(_scheduler_line(scheduler))
    if not in_config:
        print("(no config: the sources of the database's run history; next runs unknown)")
    for status in statuses:
        _print_status(status)
    if schedule is not None:
        _print_listings(schedule, sources[0])
    warned = sum(1 for s in statuses if s.warnings)
    print(f"{len(statuses)} source(s), {warned} with warnings")
    return 0


def _scheduler_line(scheduler) -> str:
    cluster = f" (broker {scheduler.broker})" if scheduler.broker else ""
    if scheduler.running is None:
        return f"scheduler: unknown: none on this database, and {scheduler.error}"
    if not scheduler.running:
        return "scheduler: not running" + (f", here or on the cluster{cluster}" if cluster else "")
    since = f" since {_utc(scheduler.since)}" if scheduler.since else ""
    where = f" on the cluster{cluster}" if cluster else ""
    return f"scheduler: running{where}, pid {scheduler.pid} on {scheduler.hostname}{since}"


def _print_status(status) -> None:
    last = status.last_run
    print(status.name)
    if last is None:
        print("  last run:     never")
    else:
        print(f"  last run:     {_utc(last['started_at'])}, {last['trigger']}, {status.last_run_state},"
              f" {_took(last, status.last_run_state == 'dead')}, {last['pages_fetched']} pages,"
              f" {last['articles_new']} new, {last['errors']} errors")
    success = status.last_success
    print(f"  last success: {_utc(success['started_at']) if success else 'never'}")
    lock = status.lock
    if lock is not None and status.dead is None:
        print(f"  running now:  pid {lock['pid']} on {lock['hostname']} (run {lock['run_id']})")
    elif lock is not None:
        print(f"  running now:  no: run {lock['run_id']} is dead ({status.dead})")
    if not status.in_config:
        print("  next run:     unknown (not in a config)")
    elif status.next_run is None:
        print("  next run:     not scheduled (no schedule or every)")
    else:
        overdue = "  (overdue: is `newsagg schedule` running?)" if status.overdue else ""
        print(f"  next run:     {_utc(status.next_run.isoformat())}{overdue}")
    print(f"  articles 24h: {status.articles_24h}")
    for warning in status.warnings:
        print(f"  WARNING: {warning}")


def _print_status_json(scheduler, statuses) -> None:
    print(json.dumps(scheduler.to_json()))
    for status in statuses:
        lock = status.lock
        print(json.dumps({
            "kind": "source", "name": status.name, "in_config": status.in_config,
            "last_run": {**dict(status.last_run), "state": status.last_run_state} if status.last_run else None,
            "last_success": dict(status.last_success) if status.last_success else None,
            "running": None if lock is None else {"pid": lock["pid"], "hostname": lock["hostname"],
                                                  "run_id": lock["run_id"], "alive": status.dead is None,
                                                  "dead_because": status.dead},
            "next_run": status.next_run.isoformat() if status.next_run else None,
            "overdue": status.overdue, "articles_24h": status.articles_24h, "warnings": status.warnings,
        }, ensure_ascii=False))


def _print_listings(schedule, source: Source) -> None:
    """The source's revisit schedule (docs/crawling.md, "Only new"); URLs of its own site by path."""
    print(f"  listings:     {len(schedule.rows)} ({schedule.due} read on the next run);"
          f" frontier: {schedule.frontier} links to fetch")
    if not schedule.rows:
        return
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(source.start_urls[0])) if source.start_urls else ""
    now = schedule.now.isoformat(timespec="seconds")
    print(f"  {'LISTING':<50} {'KIND':<7} {'REVISIT':>9} {'NEXT DUE (UTC)':<16} {'READS':>5} {'YIELDS':>6}"
          f" {'FOUND':>5} {'LAST':>4} {'HTTP':>4}")
    for row in schedule.rows:
        url = (row["url"].removeprefix(origin) or "/") if origin else row["url"]
        every_run = row["interval_s"] == 0
        due = "every run" if every_run else "now" if row["next_due_at"] <= now else _short(row["next_due_at"])[:16]
        print(f"  {url[:50]:<50} {row['kind']:<7} {'every run' if every_run else _interval(row['interval_s']):>9}"
              f" {due:<16} {row['reads']:>5} {row['yields']:>6} {row['found_total']:>5} {row['found_last']:>4}"
              f" {row['status'] or '-':>4}")


def _print_listings_json(schedule, source: str) -> None:
    for row in schedule.rows:
        listing = {key: row[key] for key in row.keys() if key not in ("kind", "source")}
        print(json.dumps({"kind": "listing", "source": source, "page_kind": row["kind"], **listing}))
    print(json.dumps({"kind": "frontier", "source": source, "links": schedule.frontier}))


def _interval(seconds: float) -> str:
    """A revisit interval in two units at most: 15m, 6h 30m, 1d 6h, 7d."""
    minutes = round(seconds / 60)
    days, hours, minutes = minutes // 1440, minutes % 1440 // 60, minutes % 60
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{minutes}m" if minutes and not days else ""]
    return " ".join(part for part in parts if part) or "0m"
