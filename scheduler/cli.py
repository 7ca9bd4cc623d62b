"""`newsagg schedule` (the daemon, or --check), `newsagg runs` (history), `newsagg status`."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from core.config import Config, ConfigError, load_config, resolve_config_path, resolve_db_path
from core.errors import NewsaggError
from db import runs
from db.connection import DatabaseError, connect

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


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
    schedule.add_argument("--grace", type=float, default=30.0, metavar="SECONDS",
                          help="on SIGTERM/SIGINT, how long running crawls may finish (default 30)")
    schedule.add_argument("--kill-grace", type=float, default=10.0, metavar="SECONDS",
                          help="between SIGTERM and SIGKILL of a crawl being stopped (default 10)")
    schedule.add_argument("--max-parallel", type=int, default=4, metavar="N",
                          help="crawls running at once (default 4)")
    schedule.set_defaults(handler=run_schedule)

    history = subparsers.add_parser("runs", help="crawl run history, newest first")
    _add_common(history)
    history.add_argument("--source", metavar="NAME", help="only this source")
    history.add_argument("--limit", type=int, default=20, metavar="N", help="show N runs (default 20)")
    history.set_defaults(handler=run_runs)

    status = subparsers.add_parser("status", help="per source: last run, last success, next run, warnings")
    _add_common(status)
    status.add_argument("--source", metavar="NAME",
                        help="only this source, with its listings: revisit interval, yield, next due")
    status.set_defaults(handler=run_status)


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", help="config file (default: $NEWSAGG_CONFIG or ./newsagg.toml)")
    parser.add_argument("--db", help="SQLite file (default: [database] path, $NEWSAGG_DB or data/news.db)")


def _fail(error: Exception) -> int:
    print(f"newsagg: error: {error}", file=sys.stderr)
    return getattr(error, "exit_code", 1)


# ---------------------------------------------------------------------------- schedule


def run_schedule(args: argparse.Namespace) -> int:
    from scheduler import timing

    try:
        config = load_config(resolve_config_path(args.config))
        if not any(timing.is_scheduled(s) for s in config.sources):
            raise ConfigError(f"{config.path}: no source has a schedule or every: nothing to run")
        if args.grace < 0 or args.kill_grace < 0 or args.max_parallel < 1:
            raise NewsaggError("--grace and --kill-grace must be >= 0, --max-parallel >= 1")
        db_path = resolve_db_path(args.db, config)
        if args.check:
            return _print_check(config, db_path)
        return _start_daemon(args, config, db_path)
    except (NewsaggError, DatabaseError) as error:
        return _fail(error)


def _print_check(config: Config, db_path: str) -> int:
    from scheduler.timing import first_run_time, is_scheduled, needs_catch_up, next_run_times

    now = datetime.now(UTC)
    conn = connect(db_path) if Path(db_path).exists() else None  # --check creates nothing
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


def _start_daemon(args: argparse.Namespace, config: Config, db_path: str) -> int:
    from scheduler.daemon import Daemon, DaemonOptions
    from scheduler.logfiles import setup_daemon_logging
    from scheduler.supervisor import ChildSettings, Supervisor

    settings = ChildSettings(config_path=Path(config.path).resolve(), db_path=str(Path(db_path).resolve()),
                             log_dir=str(Path(config.log_dir).resolve()), log_level=args.log_level,
                             kill_grace=args.kill_grace)
    options = DaemonOptions(grace=args.grace, max_parallel=args.max_parallel)
    daemon = Daemon(config, db_path, Supervisor(settings), options)
    daemon.claim()  # before logging: a refused second daemon must not write the first one's log
    log_file = setup_daemon_logging(config.log_dir, args.log_level)
    print(f"newsagg schedule: logging to {log_file}", file=sys.stderr)
    return daemon.run()


# ---------------------------------------------------------------------------- runs


def _open(args: argparse.Namespace) -> tuple[Config, object]:
    config = load_config(resolve_config_path(args.config), required=False)
    db_path = resolve_db_path(args.db, config)
    if not Path(db_path).exists():
        raise DatabaseError(f"{db_path}: no such database (nothing crawled yet, or wrong --db)")
    return config, connect(db_path)


def run_runs(args: argparse.Namespace) -> int:
    try:
        _, conn = _open(args)
    except (NewsaggError, DatabaseError) as error:
        return _fail(error)
    try:
        rows = runs.list_runs(conn, args.source, max(1, args.limit))
    finally:
        conn.close()
    if not rows:
        print("no runs" + (f" of {args.source}" if args.source else ""))
        return 0
    print(f"{'RUN':>5} {'SOURCE':<18} {'TRIGGER':<8} {'STARTED (UTC)':<19} {'TOOK':>6} {'STATUS':<11}"
          f" {'PAGES':>5} {'NEW':>4} {'UPD':>4} {'DUP':>4} {'ERR':>4}  MESSAGE")
    for row in rows:
        print(f"{row['id']:>5} {row['source'][:18]:<18} {row['trigger']:<8} {_short(row['started_at']):<19}"
              f" {_took(row):>6} {row['status']:<11} {row['pages_fetched']:>5} {row['articles_new']:>4}"
              f" {row['articles_updated']:>4} {row['duplicates']:>4} {row['errors']:>4}  {row['message'] or ''}")
    return 0


def _short(stamp: str | None) -> str:
    return datetime.fromisoformat(stamp).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") if stamp else "-"


def _utc(stamp: str | None) -> str:
    return f"{_short(stamp)} UTC" if stamp else "-"


def _took(row) -> str:
    end = datetime.fromisoformat(row["finished_at"]) if row["finished_at"] else datetime.now(UTC)
    seconds = int((end - datetime.fromisoformat(row["started_at"])).total_seconds())
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


# ---------------------------------------------------------------------------- status


def run_status(args: argparse.Namespace) -> int:
    from scheduler.status import all_statuses, listing_schedule

    try:
        config, conn = _open(args)
        if not config.sources:
            raise ConfigError("no config with [[sources]] found (use --config PATH or NEWSAGG_CONFIG)")
        if args.source:
            config.source(args.source)  # an unknown name is an error
    except (NewsaggError, DatabaseError) as error:
        return _fail(error)
    try:
        statuses = [s for s in all_statuses(conn, config) if args.source in (None, s.name)]
        schedule = listing_schedule(conn, args.source) if args.source else None
        locks = {s.name: runs.current_lock(conn, s.name) for s in config.sources}
        daemon = runs.current_lock(conn, runs.DAEMON_LOCK)
    finally:
        conn.close()
    if daemon is None or runs.is_lock_stale(daemon):
        print("scheduler: not running")
    else:
        print(f"scheduler: running, pid {daemon['pid']} on {daemon['hostname']} since {_utc(daemon['acquired_at'])}")
    for status in statuses:
        _print_status(status, locks[status.name])
    if schedule is not None:
        _print_listings(schedule, config.source(args.source))
    warned = sum(1 for s in statuses if s.warnings)
    print(f"{len(statuses)} source(s), {warned} with warnings")
    return 0


def _print_status(status, lock) -> None:
    last = status.last_run
    print(status.name)
    if last is None:
        print("  last run:     never")
    else:
        print(f"  last run:     {_utc(last['started_at'])}, {last['trigger']}, {last['status']}, {_took(last)},"
              f" {last['pages_fetched']} pages, {last['articles_new']} new, {last['errors']} errors")
    success = status.last_success
    print(f"  last success: {_utc(success['started_at']) if success else 'never'}")
    if lock is not None:
        print(f"  running now:  pid {lock['pid']} on {lock['hostname']} (run {lock['run_id']})")
    if status.next_run is None:
        print("  next run:     not scheduled (no schedule or every)")
    else:
        overdue = "  (overdue: is `newsagg schedule` running?)" if status.overdue else ""
        print(f"  next run:     {_utc(status.next_run.isoformat())}{overdue}")
    print(f"  articles 24h: {status.articles_24h}")
    for warning in status.warnings:
        print(f"  WARNING: {warning}")


def _print_listings(schedule, source) -> None:
    """The source's revisit schedule (docs/crawling.md, "Only new"), URLs shown from its start URL's site."""
    print(f"  listings:     {len(schedule.rows)} ({schedule.due} read on the next run);"
          f" frontier: {schedule.frontier} links to fetch")
    if not schedule.rows:
        return
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(source.start_urls[0]))
    now = schedule.now.isoformat(timespec="seconds")
    print(f"  {'LISTING':<50} {'KIND':<7} {'REVISIT':>9} {'NEXT DUE (UTC)':<16} {'READS':>5} {'YIELDS':>6}"
          f" {'FOUND':>5} {'LAST':>4} {'HTTP':>4}")
    for row in schedule.rows:
        url = row["url"].removeprefix(origin) or "/"
        every_run = row["interval_s"] == 0
        due = "every run" if every_run else "now" if row["next_due_at"] <= now else _short(row["next_due_at"])[:16]
        print(f"  {url[:50]:<50} {row['kind']:<7} {'every run' if every_run else _span(row['interval_s']):>9}"
              f" {due:<16} {row['reads']:>5} {row['yields']:>6} {row['found_total']:>5} {row['found_last']:>4}"
              f" {row['status'] or '-':>4}")


def _span(seconds: float) -> str:
    """15m, 6h, 1d 6h, 7d."""
    minutes = round(seconds / 60)
    days, hours, minutes = minutes // 1440, minutes % 1440 // 60, minutes % 60
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{minutes}m" if minutes and not days else ""]
    return " ".join(part for part in parts if part) or "0m"
