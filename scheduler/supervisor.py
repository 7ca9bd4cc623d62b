"""Child-process supervision: each scheduled crawl is `newsagg crawl SOURCE --trigger schedule` in
its own process (Twisted's reactor cannot restart, and a crash, leak or hang must not reach the
daemon). The child takes the source's lock and opens its crawl_runs row; the daemon, which knows
the child's pid, closes that row as `timeout`/`interrupted` *before* it signals the child, so the
child's own close keeps that status, and cleans up after a child that died without closing it.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from core.config import Source
from db import runs
from db.connection import connect
from scheduler.logfiles import run_log_path

logger = logging.getLogger("newsagg.scheduler")

EXIT_USAGE, EXIT_BUSY = 2, 3  # `newsagg crawl` exit codes
KILL_WAIT = 5.0  # seconds to wait for a SIGKILLed child to be gone


@dataclass
class ChildSettings:
    config_path: Path
    db_path: str
    log_dir: str
    log_level: str = "INFO"
    kill_grace: float = 10.0  # seconds between SIGTERM and SIGKILL


class Child:
    """One running crawl process and, once it is being stopped, why."""

    def __init__(self, source: Source, process: subprocess.Popen, log_path: Path):
        self.source, self.process, self.log_path = source, process, log_path
        self.stop_status: str | None = None
        self.stop_message: str | None = None

    @property
    def pid(self) -> int:
        return self.process.pid


class Supervisor:
    def __init__(self, settings: ChildSettings):
        self.settings = settings
        self._children: dict[int, Child] = {}
        self._lock = threading.RLock()  # re-entered by a signal handler on the main thread
        self._stopping = False

    # ------------------------------------------------------------------ one run

    def run_source(self, source: Source) -> int | None:
        """Run one crawl of `source` to its end (APScheduler job). Returns the child's exit code,
        None when the daemon is stopping and no crawl was started."""
        child = self._spawn(source)
        if child is None:
            return None
        try:
            try:
                child.process.wait(timeout=source.timeout)
            except subprocess.TimeoutExpired:
                logger.warning("%s: run exceeded its timeout of %gs; stopping pid %d", source.name,
                               source.timeout, child.pid)
                self.stop([child], "timeout", f"exceeded the source's timeout of {source.timeout:g}s")
            code = child.process.wait()
            self._clean_up(child)
        finally:  # a child is the supervisor's until its run is closed (see Daemon._close_dead_runs)
            with self._lock:
                self._children.pop(child.pid, None)
        self._log_outcome(child, code)
        return code

    def _spawn(self, source: Source) -> Child | None:
        log_path = run_log_path(self.settings.log_dir, [source.name])
        command, env = self._command(source, log_path)
        with self._lock:
            if self._stopping:
                return None
            with open(log_path, "ab") as log:  # the child's stdout/stderr (summary, tracebacks) too
                # Own session: a Ctrl-C on the daemon's terminal must not reach the children, the
                # daemon decides when they stop.
                process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                           start_new_session=True, env=env)
            child = Child(source, process, log_path)
            self._children[child.pid] = child
        logger.info("%s: started crawl pid %d, log %s", source.name, child.pid, log_path)
        return child

    def _command(self, source: Source, log_path: Path) -> tuple[list[str], dict | None]:
        """The child's command line and environment (None: this process's)."""
        s = self.settings
        return [sys.executable, "-m", "newsagg", "crawl", source.name, "--trigger", "schedule",
                "--config", str(s.config_path), "--db", s.db_path, "--log-level", s.log_level,
                "--log-file", str(log_path)], None

    def _close_runs(self, children: list[Child], status: str, message: str | None, ended: bool) -> list[int]:
        """Close the children's runs still `running` as `status` (their own message when None);
        once they `ended`, free their locks too. Returns the ids of the runs closed."""
        conn = connect(self.settings.db_path)
        try:
            closed = []
            for child in children:
                closed += runs.close_runs_of_process(conn, child.pid, status, message or child.stop_message)
                if ended:
                    runs.release_locks_of_process(conn, child.pid)
            return closed
        finally:
            conn.close()

    def _clean_up(self, child: Child) -> None:
        """Close what a dead child left open: its runs still `running`, its locks."""
        code = child.process.returncode
        status = child.stop_status or "failed"
        message = child.stop_message or f"crawl process ended with exit code {code} (see {child.log_path})"
        closed = self._close_runs([child], status, message, ended=True)
        if closed and child.stop_status is None:
            logger.error("%s: crawl pid %d died without closing run(s) %s: %s", child.source.name, child.pid,
                         closed, message)

    def _log_outcome(self, child: Child, code: int) -> None:
        name = child.source.name
        if child.stop_status:
            logger.warning("%s: crawl pid %d stopped (%s)", name, child.pid, child.stop_status)
        elif code == 0:
            logger.info("%s: crawl pid %d finished ok", name, child.pid)
        elif code == EXIT_BUSY:
            logger.warning("%s: skipped, the source is being crawled by another process", name)
        elif code == EXIT_USAGE:
            logger.error("%s: crawl refused its config (see %s)", name, child.log_path)
        else:
            logger.error("%s: crawl pid %d failed with exit code %d (see %s)", name, child.pid, code,
                         child.log_path)

    # ------------------------------------------------------------------ stopping

    def running(self) -> list[Child]:
        with self._lock:
            return [child for child in self._children.values() if child.process.returncode is None]

    def pids(self) -> set[int]:
        """Every child not yet cleaned up after, running or just ended."""
        with self._lock:
            return set(self._children)

    def stop_starting(self) -> None:
        with self._lock:
            self._stopping = True

    def stop(self, children: Iterable[Child], status: str, message: str, kill_now: bool = False) -> None:
        """Record the children's runs as `status`, then SIGTERM them, SIGKILL after kill_grace
        (or SIGKILL at once) and wait for them."""
        children = [c for c in children if c.process.poll() is None]
        if not children:
            return
        for child in children:
            child.stop_status, child.stop_message = status, message
        self._close_runs(children, status, message, ended=False)
        first_signal = signal.SIGKILL if kill_now else signal.SIGTERM
        for child in children:
            _signal(child, first_signal)
        deadline = time.monotonic() + self.settings.kill_grace
        for child in children:
            if not _wait(child, deadline - time.monotonic()):
                logger.warning("%s: pid %d ignored SIGTERM for %gs; killing it", child.source.name, child.pid,
                               self.settings.kill_grace)
                _signal(child, signal.SIGKILL)
                _wait(child, KILL_WAIT)
        for child in children:
            if child.process.returncode is not None:
                self._clean_up(child)  # its locks now, not when its job thread gets to it

    def shut_down(self, grace: float) -> None:
        """Start nothing more; let running crawls finish for up to `grace` seconds, then stop them
        as `interrupted`."""
        self.stop_starting()
        deadline = time.monotonic() + grace
        for child in self.running():
            _wait(child, deadline - time.monotonic())
        left = self.running()
        if left:
            logger.warning("stopping %d crawl(s) still running after the %gs grace period: %s", len(left), grace,
                           ", ".join(c.source.name for c in left))
        self.stop(left, "interrupted", "the scheduler daemon stopped")

    def kill_all(self) -> None:
        self.stop_starting()
        self.stop(self.running(), "interrupted", "the scheduler daemon was stopped at once", kill_now=True)


def _wait(child: Child, seconds: float) -> bool:
    """Wait up to `seconds` for the child to end; True when it has. Never an untimed wait: a signal
    handler may interrupt this very wait on the main thread and wait again."""
    try:
        child.process.wait(timeout=max(0.0, seconds))
        return True
    except subprocess.TimeoutExpired:
        return False


def _signal(child: Child, signum: int) -> None:
    try:
        child.process.send_signal(signum)  # a no-op once the child is reaped: no pid reuse accident
    except ProcessLookupError:
        pass
