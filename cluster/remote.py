"""The crawl child's backend on a cluster worker (scraper/backend.py's seam): it reads what the
source knows from the writer's snapshot in Redis and sends everything else to the writer, in
batches; it never opens the SQLite file.

Batches go through a sender thread, so the reactor never waits for Redis. While the broker is
unreachable the sender retries the same batch (order is kept) and the crawl holds up to
[cluster] max_held_batches of them; past that the run ends `failed` (what was sent is stored,
the rest is fetched again next run). The same thread sets the run's heartbeat key.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import replace

import redis
from kombu.exceptions import KombuError

from cluster import messages
from cluster.app import FINISH_TASK, INGEST_TASK, STORE_QUEUE, Keys, app, redis_client
from cluster.state import Snapshot, SnapshotFetchState
from core.config import ClusterSettings, Source
from core.errors import NewsaggError
from db.runs import RunCounters
from scraper.backend import StoreUnavailable

logger = logging.getLogger("newsagg.cluster")
FINISH_WAIT = 60.0  # seconds a finishing crawl waits for its last batches to reach the broker
SEND_ERRORS = (KombuError, redis.RedisError, OSError)
_STOP = object()


class RemoteRun:
    """One run's outbox: articles, fetch records and errors gathered into numbered batches."""

    def __init__(self, client: redis.Redis, run_id: int, source: str, settings: ClusterSettings):
        self.client, self.run_id, self.source, self.settings = client, run_id, source, settings
        self.articles: list[dict] = []
        self.fetches: list = []
        self.errors: list[tuple[str | None, str]] = []
        self.counters = RunCounters()
        self.sent_counters = RunCounters()
        self.seq = 0
        self.failure: str | None = None
        self.beat_every = max(settings.heartbeat_timeout / 4, 0.2)
        self._outbox: queue.Queue = queue.Queue()
        self._give_up = threading.Event()
        self._thread = threading.Thread(target=self._send_loop, name="newsagg-sender", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ the crawl's side (reactor thread)

    def add_article(self, item) -> None:
        if self.failure:
            raise StoreUnavailable(self.failure)
        self.articles.append(messages.article_to_wire(item.article, item.source, item.fetched_url, item.seen_urls))
        if len(self.articles) >= self.settings.batch_size:
            self.flush()

    def add_fetches(self, records: list) -> None:
        self.fetches.extend(records)

    def add_error(self, url: str | None, error: str) -> None:
        self.errors.append((url, error))

    def progress(self, counters: RunCounters) -> None:
        self.counters = replace(counters)
        self.flush()

    def flush(self) -> None:
        if not (self.articles or self.fetches or self.errors) and self.counters == self.sent_counters:
            return
        self.seq += 1
        message = messages.batch(self.run_id, self.seq, self.source, self.articles, self.fetches, self.errors,
                                 self.counters)
        self.articles, self.fetches, self.errors = [], [], []
        self.sent_counters = replace(self.counters)
        self._post(INGEST_TASK, message)

    def finish(self, status: str, counters: RunCounters, message: str | None) -> bool:
        """Send what is left and the run's end; True when all of it reached the broker."""
        self.counters = replace(counters)
        if self.failure is None:
            self.flush()
        if self.failure is not None:
            status, message = "failed", self.failure
        self._outbox.put((FINISH_TASK, messages.finish(self.run_id, status, self.counters, message, self.seq)))
        self._outbox.put(_STOP)
        self._thread.join(FINISH_WAIT)
        if self._thread.is_alive():
            self._give_up.set()
            logger.error("run %d: the broker stayed unreachable for %gs; %d message(s) not sent", self.run_id,
                         FINISH_WAIT, self._outbox.qsize())
            return False
        return True

    def _post(self, task: str, message: dict) -> None:
        if self._outbox.qsize() >= self.settings.max_held_batches:
            self.failure = (f"the broker was unreachable: {self._outbox.qsize()} batches held "
                            f"([cluster] max_held_batches); the rest of the run was not stored")
            logger.error("run %d: %s", self.run_id, self.failure)
            raise StoreUnavailable(self.failure)
        self._outbox.put((task, message))

    # ------------------------------------------------------------------ the sender thread

    def _send_loop(self) -> None:
        next_beat = 0.0
        while True:
            if time.monotonic() >= next_beat:
                self._beat()
                next_beat = time.monotonic() + self.beat_every
            try:
                item = self._outbox.get(timeout=max(0.0, next_beat - time.monotonic()))
            except queue.Empty:
                continue
            if item is _STOP:
                self._beat(b"done")  # the run's end is queued: the writer will close it, however far behind
                return
            while not self._give_up.is_set():
                try:
                    app.send_task(item[0], args=[item[1]], queue=STORE_QUEUE, retry=True,
                                  retry_policy={"max_retries": 2, "interval_start": 0.2, "interval_step": 0.5,
                                                "interval_max": 1.0})
                    break
                except SEND_ERRORS as error:
                    logger.warning("run %d: broker unreachable (%s); holding %d batch(es), retrying", self.run_id,
                                   error, self._outbox.qsize() + 1)
                    self._beat()
                    time.sleep(1.0)

    def _beat(self, value: bytes | None = None) -> None:
        try:
            self.client.set(Keys.beat(self.run_id), value or repr(time.time()),
                            ex=int(self.settings.heartbeat_timeout * 10) + 1)
        except SEND_ERRORS as error:
            logger.warning("run %d: heartbeat not sent (%s)", self.run_id, error)


class RemoteBackend:
    """scraper/backend.py's RunBackend for a crawl whose run the writer opened (run id given)."""

    def __init__(self, broker_url: str, run_id: int, settings: ClusterSettings):
        self.broker_url, self.run_id, self.settings = broker_url, run_id, settings
        self.client = redis_client(broker_url)
        self.run: RemoteRun | None = None
        self.snapshot: Snapshot | None = None

    def claim(self, sources: list[Source], trigger: str, wait: bool, log_path: str | None):
        if len(sources) != 1:
            raise NewsaggError("a cluster run crawls one source")
        blob = self.client.get(Keys.state(self.run_id))
        if blob is None:
            raise NewsaggError(f"run {self.run_id}: the writer's snapshot of known URLs is gone from Redis")
        self.snapshot = Snapshot(blob)
        self.run = RemoteRun(self.client, self.run_id, sources[0].name, self.settings)
        return [(sources[0], self.run_id)], []

    def fetch_state(self) -> SnapshotFetchState:
        return SnapshotFetchState(self.snapshot, self.run.add_fetches)

    def articles(self, source: Source | None) -> RemoteArticles:  # (the writer backfills when it opens the run)
        return RemoteArticles(self.run)

    def records(self) -> RemoteRecords:
        return RemoteRecords(self.run)

    def summaries(self, claimed, ledgers):
        from scraper.run import RunSummary

        out = []
        for source, run_id in claimed:
            ledger = ledgers.get(run_id)
            if ledger is None or ledger.status is None:  # the crawl never started: close the run
                self.run.finish("failed", RunCounters(), "the crawl could not start")
                out.append(RunSummary(source.name, run_id, "failed", RunCounters(), "the crawl could not start"))
            else:
                out.append(RunSummary(source.name, run_id, ledger.status, ledger.counters, ledger.message))
        return out


class RemoteArticles:
    def __init__(self, run: RemoteRun):
        self.run = run

    def store_item(self, item) -> None:
        self.run.add_article(item)  # counted by the writer

    def close(self) -> None:
        pass


class RemoteRecords:
    def __init__(self, run: RemoteRun):
        self.run = run

    def start_run(self, source: str) -> int:
        raise NewsaggError("a cluster crawl's run is opened by the writer")

    def heartbeat(self, source, run_id, counters) -> None:
        self.run.progress(counters)

    def record_error(self, run_id, url, error, kept) -> None:
        self.run.add_error(url, error)

    def finish(self, source, run_id, status, counters, message) -> None:
        self.run.finish(status, counters, message)  # if the broker stays away, the writer's reaper closes it

    def close(self) -> None:
        pass



