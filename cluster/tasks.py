"""The Celery tasks: thin. Each checks its JSON message and hands it to the role this process
plays (`serve(role, handler)` at start): the writer's tasks, or the crawl worker's one task."""

from __future__ import annotations

import sqlite3

from cluster.app import CLOSE_TASK, CRAWL_TASK, FINISH_TASK, INGEST_TASK, OPEN_TASK, app
from db.connection import DatabaseError

_roles: dict[str, object] = {}
# A database busy past its timeout (or briefly unwritable) is waited out; the message stays
# queued meanwhile, so nothing a crawl sent is lost while the writer cannot write.
_RETRY = {"autoretry_for": (sqlite3.OperationalError, DatabaseError), "retry_backoff": 1, "retry_backoff_max": 30,
          "max_retries": None, "acks_late": True}


def serve(role: str, handler: object) -> None:
    _roles[role] = handler


def _role(name: str):
    if name not in _roles:
        raise RuntimeError(f"this process is not a newsagg {name}: a task reached the wrong queue")
    return _roles[name]


@app.task(name=OPEN_TASK, **_RETRY)
def open_run(message: dict) -> dict:
    return _role("writer").open_run(message)


@app.task(name=INGEST_TASK, ignore_result=True, **_RETRY)
def ingest(message: dict) -> None:
    _role("writer").ingest(message)


@app.task(name=FINISH_TASK, ignore_result=True, **_RETRY)
def finish_run(message: dict) -> None:
    _role("writer").finish(message)


@app.task(name=CLOSE_TASK, ignore_result=True, **_RETRY)
def close_run(message: dict) -> None:
    _role("writer").close_message(message)


# Acknowledged when it starts: a worker that dies mid-run is not redelivered (its run is closed as
# interrupted and the source runs again at its next slot); a task delivered twice opens one run.
@app.task(name=CRAWL_TASK, bind=True, acks_late=False)
def crawl(self, message: dict) -> dict:
    return _role("worker").crawl(self.request.id, message)
