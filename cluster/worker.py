"""`newsagg worker`: a Celery worker on the crawl queue. Each task is one run of one source,
run as a child process exactly as the daemon runs it (scheduler/supervisor.py: timeout, SIGTERM
then SIGKILL, its own log file); the child's backend is cluster/remote.py, so this host never
opens the SQLite file."""

from __future__ import annotations

import logging
import os
import socket
import sys
from pathlib import Path

from celery.exceptions import TimeoutError as CeleryTimeout

from cluster import messages
from cluster.app import BROKER_ENV, CLOSE_TASK, CONTROL_QUEUE, OPEN_TASK, STORE_QUEUE, app
from core.config import ConfigError, Source, load_config
from core.errors import NewsaggError
from scheduler.supervisor import Child, ChildSettings, Supervisor

logger = logging.getLogger("newsagg.worker")
OPEN_TIMEOUT = 60.0  # seconds to wait for the writer to open a run (its open request expires then)


class UnknownSource(NewsaggError):
    """A crawl task names a source this worker's config does not have."""


class WriterUnavailable(NewsaggError):
    """No writer answered: the run was not opened, nothing was crawled."""


class CrawlWorker:
    def __init__(self, config_path: Path, broker_url: str, log_level: str = "INFO", kill_grace: float = 10.0):
        self.config_path, self.broker_url = config_path, broker_url
        self.log_level, self.kill_grace = log_level, kill_grace

    def crawl(self, task_id: str, message: dict) -> dict:
        request = messages.check(message, "crawl")
        config = load_config(self.config_path)  # read per task: an edited config counts at once
        try:
            source = config.source(request["source"])
        except ConfigError:
            raise UnknownSource(f"source {request['source']!r} is not in {config.path} on {socket.gethostname()}: "
                                f"removed from the config? (task {task_id} not run)") from None
        if request["max_pages"]:
            source.max_pages = request["max_pages"]
        opened = app.send_task(
            OPEN_TASK, args=[messages.open_run(task_id, source.name, request["trigger"], source.timezone,
                                               socket.gethostname(), os.getpid(), str(Path(config.log_dir).resolve()))],
            queue=CONTROL_QUEUE, expires=OPEN_TIMEOUT)
        try:
            reply = opened.get(timeout=OPEN_TIMEOUT, disable_sync_subtasks=False)
        except CeleryTimeout:
            raise WriterUnavailable(f"{source.name}: the writer did not open the run within {OPEN_TIMEOUT:g}s: is "
                                    f"`newsagg writer` running? (task {task_id} not run)") from None
        if reply["status"] == "busy":
            logger.warning("%s: skipped: %s", source.name, reply["message"])
            return {"source": source.name, "status": "busy", "message": reply["message"]}
        if reply.get("repeated"):
            logger.warning("%s: task %s was delivered again; its run %s is not started twice", source.name, task_id,
                           reply.get("run_id"))
            return {"source": source.name, "status": "repeated", "run_id": reply.get("run_id")}
        settings = ChildSettings(config_path=Path(config.path).resolve(), db_path="", log_level=self.log_level,
                                 log_dir=str(Path(config.log_dir).resolve()), kill_grace=self.kill_grace)
        extra = ["--full"] if request["full"] else []
        supervisor = RunSupervisor(settings, reply["run_id"], request["trigger"], self.broker_url, extra)
        code = supervisor.run_source(source)
        return {"source": source.name, "status": "ended", "run_id": reply["run_id"], "exit_code": code}


class RunSupervisor(Supervisor):
    """The daemon's supervision of one crawl child whose run the writer opened: the child gets the
    run id and the broker (in its environment: a command line is visible to every user), and
    runs are closed by a message to the writer instead of in the SQLite file."""

    def __init__(self, settings: ChildSettings, run_id: int, trigger: str, broker_url: str, extra: list[str]):
        super().__init__(settings)
        self.run_id, self.trigger, self.broker_url, self.extra = run_id, trigger, broker_url, extra

    def _command(self, source: Source, log_path: Path) -> tuple[list[str], dict | None]:
        s = self.settings
        command = [sys.executable, "-m", "newsagg", "crawl", source.name, "--trigger", self.trigger,
                   "--config", str(s.config_path), "--run-id", str(self.run_id), "--max-pages", str(source.max_pages),
                   "--log-level", s.log_level, "--log-file", str(log_path), *self.extra]
        return command, {**os.environ, BROKER_ENV: self.broker_url}

    def _close_runs(self, children: list[Child], status: str, message: str | None, ended: bool) -> list[int]:
        for child in children:
            if ended and child.process.returncode == 0 and child.stop_status is None:
                continue  # it finished its run itself
            # Queued behind the child's own batches and end: a run the child finished stays as it is.
            close = messages.close(self.run_id, status, message or child.stop_message, ended)
            app.send_task(CLOSE_TASK, args=[close],
                          queue=STORE_QUEUE, retry=True, retry_policy={"max_retries": 10, "interval_max": 2})
        return []
