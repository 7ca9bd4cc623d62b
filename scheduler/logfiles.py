"""Log files: one per crawl process (the daemon runs one source per process, so one per run),
pruned to the newest KEEP_RUN_LOGS, and the daemon's own log, rotated by size."""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from datetime import UTC, datetime
from pathlib import Path

KEEP_RUN_LOGS = 500  # newest per-run log files kept under <log_dir>/runs/
DAEMON_LOG_BYTES = 5 * 1024 * 1024
DAEMON_LOG_BACKUPS = 5
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def run_log_path(log_dir: str | Path, source_names: list[str]) -> Path:
    """A new, unique file name under <log_dir>/runs/: UTC time, sources and pid."""
    label = "+".join(source_names[:3]) + (f"+{len(source_names) - 3}more" if len(source_names) > 3 else "")
    label = re.sub(r"[^A-Za-z0-9_.+-]", "_", label)[:80]
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    folder = Path(log_dir) / "runs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{stamp}-{label}-{os.getpid()}.log"


def prune_run_logs(log_dir: str | Path, keep: int = KEEP_RUN_LOGS) -> int:
    """Delete all but the newest `keep` run logs (names start with the time, so they sort). Returns
    how many were deleted; files another process deletes meanwhile are skipped."""
    folder = Path(log_dir) / "runs"
    if not folder.is_dir():
        return 0
    logs = sorted(folder.glob("*.log"))
    deleted = 0
    for old in logs[:max(0, len(logs) - keep)]:
        try:
            old.unlink()
            deleted += 1
        except FileNotFoundError:
            pass
    return deleted


def setup_daemon_logging(log_dir: str | Path, level: str) -> Path:
    """The daemon logs to stderr (journald under systemd) and to <log_dir>/daemon.log, rotated."""
    path = Path(log_dir) / "daemon.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    formatter = logging.Formatter(LOG_FORMAT)
    to_file = logging.handlers.RotatingFileHandler(path, maxBytes=DAEMON_LOG_BYTES,
                                                   backupCount=DAEMON_LOG_BACKUPS, encoding="utf-8")
    to_stderr = logging.StreamHandler()
    root = logging.getLogger()
    for handler in (to_file, to_stderr):
        handler.setFormatter(formatter)
        root.addHandler(handler)
    root.setLevel(level)
    if level != "DEBUG":  # APScheduler logs every job start and end at INFO; ours say more, once
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
    return path
