"""`newsagg schedule`: the long-running daemon. APScheduler 3 fires each source's trigger; the job
runs one crawl in a child process (scheduler/supervisor.py) and waits for it, so with
max_instances=1 a source never overlaps itself in the daemon, and the database lock keeps it
from overlapping a manual crawl.
"""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler

from core.config import Config
from core.errors import NewsaggError
from db import runs
from db.connection import DatabaseError, connect
from scheduler.supervisor import Supervisor
from scheduler.timing import build_trigger, first_run_time, is_scheduled, needs_catch_up

logger = logging.getLogger("newsagg.scheduler")
EXIT_FORCED = 1  # a second SIGTERM/SIGINT: children killed, daemon gone at once
HEARTBEAT_SECONDS = 15.0


@dataclass
class DaemonOptions:
    grace: float = 30.0  # seconds running crawls may finish after SIGTERM/SIGINT
    max_parallel: int = 4  # crawls at once, across sources


class LocalLedger:
    """What the daemon keeps in the SQLite file: its one-per-database lock, the sources' last
    successful runs, and the closing of runs whose crawl died unseen. (The cluster's scheduler
    keeps the first two in Redis and leaves the third to the writer: cluster/dispatch.py.)"""

    def __init__(self, db_path: str, supervised_pids=lambda: set()):
        self.db_path, self.supervised_pids = db_path, supervised_pids

    def claim(self) -> None:
        """One daemon per database: hold the DAEMON_LOCK row (stale when this process dies)."""
        try:
            self._with_db(lambda conn: runs.acquire_lock(conn, runs.DAEMON_LOCK))
        except runs.SourceBusy as busy:
            raise NewsaggError(f"another `newsagg schedule` is running on this database "
                               f"(pid {busy.pid} on {busy.hostname})") from None
        self._close_dead_runs()

    def beat(self) -> None:
        try:
            self._with_db(lambda conn: runs.heartbeat(conn, runs.DAEMON_LOCK))
        except DatabaseError:  # a busy database: the next beat retries, the lock lives 120 s
            logger.exception("daemon heartbeat failed")
        self._close_dead_runs()

    def _close_dead_runs(self) -> None:
        """Runs of crawls that died unseen (a manual crawl SIGKILLed, a machine that lost power):
        closed as `interrupted`, their locks dropped. The daemon's own children are its
        supervisor's: it knows their exit codes and closes their runs itself."""
        try:
            dropped = self._with_db(lambda conn: runs.close_dead_runs(
                conn, "the scheduler", exclude_pids=self.supervised_pids()))
        except (DatabaseError, sqlite3.Error):  # busy: the next beat retries
            logger.exception("closing dead runs failed")
            return
        for run_id, reason in dropped:
            logger.warning("run %s died without closing (%s): closed as interrupted", run_id or "-", reason)

    def release(self) -> None:
        self._with_db(lambda conn: runs.release_lock(conn, runs.DAEMON_LOCK))

    def last_successes(self, sources: list) -> dict[str, datetime | None]:
        return self._with_db(lambda conn: {s.name: _last_success_time(conn, s.name) for s in sources})

    def _with_db(self, action):
        conn = connect(self.db_path)
        try:
            return action(conn)
        finally:
            conn.close()


class Daemon:
    def __init__(self, config: Config, db_path: str, supervisor: Supervisor, options: DaemonOptions,
                 ledger: LocalLedger | None = None):
        """`supervisor` starts the runs (cluster: enqueues them), `ledger` keeps the daemon's lock and
        last successes (the SQLite file by default)."""
        self.config, self.db_path, self.supervisor, self.options = config, db_path, supervisor, options
        self.ledger = ledger or LocalLedger(db_path, supervisor.pids)
        self._stop = threading.Event()
        self._scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(max_workers=options.max_parallel)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None})
        # No job listeners: APScheduler 3's shutdown(wait=True) holds the job store lock while it
        # waits for running jobs, so a listener looking a job up would deadlock the stop.

    def run(self) -> int:
        """Run until SIGTERM/SIGINT; returns the exit code."""
        signal.signal(signal.SIGTERM, self._on_signal)
        signal.signal(signal.SIGINT, self._on_signal)
        self._add_jobs()
        self._scheduler.start()
        logger.info("scheduler started (pid %d): %d source(s), db %s", os.getpid(),
                    len(self._scheduler.get_jobs()), self.db_path)
        last_beat = time.monotonic()
        while not self._stop.wait(1.0):
            if time.monotonic() - last_beat >= HEARTBEAT_SECONDS:
                self._beat()
                last_beat = time.monotonic()
        self._scheduler.pause()
        self.supervisor.shut_down(self.options.grace)
        self._scheduler.shutdown(wait=True)
        self.release()
        logger.info("scheduler stopped")
        return 0

    def release(self) -> None:
        self.ledger.release()

    def claim(self) -> None:
        self.ledger.claim()

    def _beat(self) -> None:
        self.ledger.beat()

    def _add_jobs(self) -> None:
        now = datetime.now(UTC)
        last = self.ledger.last_successes(self.config.sources)
        for source in self.config.sources:
            if not is_scheduled(source):
                logger.info("%s: no schedule or every; runs only by hand", source.name)
                continue
            first = first_run_time(source, last[source.name], now)
            self._scheduler.add_job(self.supervisor.run_source, build_trigger(source, start=first),
                                    args=[source], id=source.name, name=source.name, next_run_time=first)
            catch_up = " (catch-up: no successful run since it was due)" if needs_catch_up(
                source, last[source.name], now) else ""
            logger.info("%s: first run %s%s", source.name, first.isoformat(timespec="seconds"), catch_up)

    def _on_signal(self, signum: int, frame) -> None:
        if self._stop.is_set():
            logger.warning("second %s: killing running crawls and exiting now", signal.Signals(signum).name)
            self.supervisor.kill_all()
            logging.shutdown()
            os._exit(EXIT_FORCED)
        logger.info("%s: starting no more crawls; running ones get %gs to finish (signal again to stop now)",
                    signal.Signals(signum).name, self.options.grace)
        self.supervisor.stop_starting()
        self._stop.set()


def _last_success_time(conn, source: str) -> datetime | None:
    row = runs.last_success(conn, source)
    return datetime.fromisoformat(row["started_at"]) if row else None
