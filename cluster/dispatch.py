"""Starting runs on the cluster: `newsagg crawl --broker` and `newsagg schedule --broker`.

A run is a crawl task on the crawl queue; what became of it is read back from Redis: the run the
writer opened for the task (or why it opened none), then the run's summary once it is closed.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

import redis
from celery.result import AsyncResult

from cluster import messages
from cluster.app import CRAWL_QUEUE, CRAWL_TASK, Keys, app
from cluster.claims import Claim
from core.config import Source
from db.runs import RunCounters
from scheduler.timing import build_trigger
from scraper.run import RunSummary

logger = logging.getLogger("newsagg.scheduler")
SEND_RETRY = {"max_retries": 5, "interval_start": 0.2, "interval_step": 0.5, "interval_max": 2.0}


def enqueue(source: str, trigger: str, full: bool = False, max_pages: int | None = None,
            expires: float | None = None) -> str:
    """Queue one run of `source`; returns the task id."""
    result = app.send_task(CRAWL_TASK, args=[messages.crawl(source, trigger, full, max_pages)], queue=CRAWL_QUEUE,
                           expires=expires, retry=True, retry_policy=SEND_RETRY)
    return result.id


@dataclass
class ClusterSummary(RunSummary):
    """A run's summary as the writer published it: `db` is the file the writer wrote (None when no
    run was opened), which the operator's own config need not name."""

    db: str | None = None


def wait_for(client: redis.Redis, tasks: dict[str, str], poll: float = 0.5) -> list[ClusterSummary]:
    """Wait until every task's run is closed (or refused); one summary per task, in order. `client`:
    the one the broker was checked with (cluster.app.connect)."""
    done: dict[str, ClusterSummary] = {}
    while len(done) < len(tasks):
        for task_id, source in tasks.items():
            if task_id not in done and (summary := _outcome(client, task_id, source)) is not None:
                done[task_id] = summary
        if len(done) < len(tasks):
            time.sleep(poll)
    return [done[task_id] for task_id in tasks]


def _outcome(client: redis.Redis, task_id: str, source: str) -> ClusterSummary | None:
    opened = client.get(Keys.task(task_id))
    if opened is None:
        result = AsyncResult(task_id, app=app)
        if result.state in ("FAILURE", "REVOKED"):  # e.g. a source this worker's config does not have
            return ClusterSummary(source, None, "failed", message=_error_text(result))
        return None
    opened = json.loads(opened)
    if opened["status"] == "busy":
        return ClusterSummary(source, None, "busy", message=opened["message"])
    summary = client.get(Keys.done(opened["run_id"]))
    if summary is None:
        return None
    summary = json.loads(summary)
    return ClusterSummary(summary["source"], summary["run_id"], summary["status"],
                          RunCounters(**summary["counters"]), summary["message"],
                          [tuple(error) for error in summary["first_errors"]], db=summary["db"])


def _error_text(result: AsyncResult) -> str:
    error = result.result
    if isinstance(error, Exception):
        return str(error) or type(error).__name__
    return str(error or result.state)


# ---------------------------------------------------------------------------- the cluster's scheduler


class ClusterLaunch:
    """The daemon's stand-in for its Supervisor (scheduler/daemon.py): a due run becomes a crawl
    task, which expires when the source's next slot comes (a worker pool that was too busy must
    not work off a backlog of stale runs). Runs never overlap: the writer's lock refuses one."""

    def __init__(self):
        self._stopping = False

    def run_source(self, source: Source) -> None:
        if self._stopping:
            return
        try:
            task_id = enqueue(source.name, "schedule", expires=_seconds_to_next_slot(source))
        except Exception as error:  # noqa: BLE001 (the broker is away: this slot is lost, the daemon goes on)
            logger.error("%s: could not queue the run: %s", source.name, error)
            return
        logger.info("%s: queued run (task %s)", source.name, task_id)

    def stop_starting(self) -> None:
        self._stopping = True

    def shut_down(self, grace: float) -> None:  # queued and running crawls belong to the workers
        self._stopping = True

    def kill_all(self) -> None:
        self._stopping = True


def _seconds_to_next_slot(source: Source) -> float:
    now = datetime.now().astimezone()
    following = build_trigger(source, start=now).get_next_fire_time(None, now + timedelta(seconds=1))
    return max(1.0, (following - now).total_seconds()) if following else 3600.0


class ClusterLedger:
    """The daemon's lock and last successes, in Redis (the scheduler host needs no SQLite file)."""

    TTL = 60  # seconds; the daemon beats every 15

    def __init__(self, client: redis.Redis):
        self.client = client
        self.scheduler = Claim(self.client, Keys.SCHEDULER, self.TTL, role="schedule")

    def claim(self) -> None:
        self.scheduler.take()

    def beat(self) -> None:
        try:
            self.scheduler.refresh()
        except Exception as error:  # noqa: BLE001 (Redis away: the next beat retries)
            logger.warning("scheduler heartbeat not sent: %s", error)

    def release(self) -> None:
        try:
            self.scheduler.release()
        except Exception as error:  # noqa: BLE001
            logger.warning("could not release the scheduler's claim: %s", error)

    def last_successes(self, sources: list[Source]) -> dict[str, datetime | None]:
        known = {key.decode(): value.decode() for key, value in self.client.hgetall(Keys.LAST_OK).items()}
        return {s.name: datetime.fromisoformat(known[s.name]) if s.name in known else None for s in sources}

