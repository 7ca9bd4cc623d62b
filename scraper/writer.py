"""The crawl's one writing connection, on its own thread: the reactor never waits for SQLite.

Every write of a crawl goes through it, in order: articles (pipelines.py), fetch_state batches
(incremental.py), errors, heartbeats and the end of the run (extensions.py). So:

- a database locked by another process costs time, never an article, and never stops
  downloading: the writer waits the lock out (retrying each job) while the reactor goes on;
- a database that cannot be written at all (disk full, read-only, I/O error: see
  db.connection.is_storage_failure) fails the job, every job queued after it, and sends the
  `storage_failed` signal once, so the run stops at once instead of failing page after page.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from db.connection import DatabaseError, is_busy, is_storage_failure
from db.store import Store
from scraper.signals import storage_failed

logger = logging.getLogger(__name__)
T = TypeVar("T")
LOCK_WAIT_MS = 1_000  # one attempt's busy timeout; the writer retries until the lock is gone
_STOP = object()


def _nothing(store: Store) -> None:  # a marker: drain() touches no database
    return None


class StorageFailure(Exception):
    """The database cannot be written (full disk, read-only, I/O error): the run must stop."""


class DatabaseWriter:
    """A thread and a queue of jobs; each job is a callable(store) run on the writer's Store.
    `submit` returns a Deferred fired on the reactor thread with the job's result."""

    def __init__(self, db_path: str, on_failure: Callable[[StorageFailure], None] = lambda failure: None):
        self.reactor = None  # Twisted's, when the thread starts (importing it earlier would install one)
        self.db_path = db_path
        self.on_failure = on_failure
        self.failure: StorageFailure | None = None
        self.users = 0
        self.closed: Deferred[None] = Deferred()
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._store: Store | None = None
        self._thread = threading.Thread(target=self._work, name="newsagg-writer", daemon=True)

    def submit(self, job: Callable[[Store], T], after_failure: bool = False) -> Deferred[T]:
        """Queue `job`. Once the database failed, jobs fail at once with StorageFailure, except
        `after_failure` ones (closing the run), which are tried once."""
        done: Deferred[T] = Deferred()
        self._jobs.put((job, done, after_failure))
        if self.reactor is None:
            from twisted.internet import reactor

            self.reactor = reactor
            self._thread.start()
        return done

    def drain(self) -> Deferred[None]:
        """Fires once every job queued so far has run and its Deferred has fired."""
        return self.submit(_nothing, after_failure=True)

    def release(self) -> Deferred[None]:
        """A user is done with the writer; after the last one, the queue is finished and the
        connection closed. Returns `closed`."""
        self.users -= 1
        if self.users == 0:
            if self.reactor is None:  # never used: no thread to stop
                self.closed.callback(None)
            else:
                self._jobs.put(_STOP)
        return self.closed

    # ------------------------------------------------------------------ the writer thread

    def _work(self) -> None:
        while (item := self._jobs.get()) is not _STOP:
            job, done, after_failure = item
            try:
                result = self._attempt(job, after_failure)
            except BaseException as error:  # noqa: BLE001 (handed to the Deferred's errbacks)
                self.reactor.callFromThread(done.errback, Failure(error))
            else:
                self.reactor.callFromThread(done.callback, result)
        if self._store is not None:
            self._store.close()
        self.reactor.callFromThread(self.closed.callback, None)

    def _attempt(self, job: Callable[[Store], Any], after_failure: bool) -> Any:
        if self.failure is not None and not after_failure:
            raise self.failure
        if job is _nothing:
            return None
        waited_since = None
        while True:
            try:
                result = job(self._connected())
            except (sqlite3.Error, DatabaseError) as error:
                if is_busy(error):  # as long as it takes: the source's timeout bounds the run
                    if waited_since is None:
                        waited_since = time.monotonic()
                        logger.warning("the database is locked by another connection; waiting (nothing is lost)")
                    time.sleep(0.05)
                    continue
                if is_storage_failure(error) and self.failure is None:
                    self.failure = StorageFailure(str(error))
                    self.reactor.callFromThread(self.on_failure, self.failure)
                if is_storage_failure(error) and not after_failure:
                    raise self.failure from error
                raise
            if waited_since is not None:
                logger.warning("the database is writable again after %.1f s", time.monotonic() - waited_since)
            return result

    def _connected(self) -> Store:
        if self._store is None:
            self._store = Store(self.db_path)
            self._store.conn.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_MS}")
        return self._store


def writer_for(crawler) -> DatabaseWriter:
    """The crawler's writer (created by its first user); each caller is a user that must release it."""
    writer = getattr(crawler, "newsagg_writer", None)
    if writer is None:
        def failed(failure: StorageFailure) -> None:
            crawler.signals.send_catch_log(storage_failed, error=str(failure), spider=crawler.spider)

        remote = getattr(getattr(crawler, "newsagg_backend", None), "new_writer", None)  # scraper/backend.py
        writer = remote() if remote else DatabaseWriter(crawler.settings.get("NEWSAGG_DB"), on_failure=failed)
        crawler.newsagg_writer = writer
    writer.users += 1
    return writer
