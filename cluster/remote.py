"""The crawl child's backend on a cluster worker (scraper/backend.py's seam): it reads what the
source knows from the writer's snapshot in Redis and sends everything else to the writer, in
batches; it never opens the SQLite file.

Batches go through a sender thread, so the reactor never waits for Redis. While the broker is
unreachable the sender retries the same batch (order is kept) and the crawl holds up to
[cluster] max_held_batches of them; past that the run ends `failed` (what was sent is stored,
the rest is fetched again next run). The same thread sets the run's heartbeat key, and sends
again a batch the writer lost (see RemoteRun._confirm).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import replace

import redis
from kombu.exceptions import KombuError
from twisted.internet import defer

from cluster import messages
from cluster.app import FINISH_TASK, INGEST_TASK, STORE_QUEUE, Keys, app, redis_client
from cluster.state import Snapshot, SnapshotFetchState
from core.config import ClusterSettings, Source
from core.errors import NewsaggError
from db.runs import RunCounters
from scraper.backend import StoreUnavailable

logger = logging.getLogger("newsagg.cluster")
FINISH_WAIT = 60.0  # seconds a finishing crawl waits for the broker, then for the writer's confirmations
SEND_ERRORS = (KombuError, redis.RedisError, OSError)
_STOP = object()


class RemoteRun:
    """One run's outbox: articles, crawl state and errors gathered into numbered batches, kept
    until the writer confirms them."""

    def __init__(self, client: redis.Redis, run_id: int, source: str, settings: ClusterSettings):
        self.client, self.run_id, self.source, self.settings = client, run_id, source, settings
        self.articles: list[dict] = []
        self.states: list = []  # (StateBatch, when), what the crawl learned of its pages
        self.errors: list[tuple[str | None, str]] = []
        self.counters = RunCounters()
        self.sent_counters = RunCounters()
        self.seq = 0
        self.failure: str | None = None
        self.beat_every = max(settings.heartbeat_timeout / 4, 0.2)
        self._outbox: queue.Queue = queue.Queue()
        self._unconfirmed: dict[int, dict] = {}  # seq -> batch, until the writer confirms it (Keys.acked)
        self._suspected: dict[int, float] = {}
        self._resent: dict[int, float] = {}
        self._lock = threading.Lock()
        self._give_up = threading.Event()
        self._finishing = False
        self._thread = threading.Thread(target=self._send_loop, name="newsagg-sender", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ the crawl's side (reactor thread)

    def add_article(self, article, source: str, fetched_url: str, seen_urls) -> None:
        if self.failure:
            raise StoreUnavailable(self.failure)
        self.articles.append(messages.article_to_wire(article, source, fetched_url, list(seen_urls)))
        if len(self.articles) >= self.settings.batch_size:
            self.flush()

    def add_state(self, state, now: str) -> None:
        self.states.append((state, now))

    def add_error(self, url: str | None, error: str) -> None:
        self.errors.append((url, error))

    def progress(self, counters: RunCounters) -> None:
        self.counters = replace(counters)
        self.flush()

    def flush(self) -> None:
        if not (self.articles or self.states or self.errors) and self.counters == self.sent_counters:
            return
        self.seq += 1
        message = messages.batch(self.run_id, self.seq, self.source, self.articles, self.states, self.errors,
                                 self.counters)
        self.articles, self.states, self.errors = [], [], []
        self.sent_counters = replace(self.counters)
        self._post(INGEST_TASK, message)

    def post_finish(self, status: str, counters: RunCounters, message: str | None) -> None:
        """Send what is left and the run's end (the sender thread delivers them); once."""
        if self._finishing:
            return
        self._finishing = True
        self.counters = replace(counters)
        if self.failure is None:
            self.flush()
        if self.failure is not None:
            status, message = "failed", self.failure
        self._outbox.put((FINISH_TASK, messages.finish(self.run_id, status, self.counters, message, self.seq)))
        self._outbox.put(_STOP)

    def wait_finished(self) -> bool:
        """Wait (bounded) until everything reached the broker and the writer confirmed every batch;
        True when it did. Called once the reactor has stopped."""
        self._thread.join(2 * FINISH_WAIT)
        if self._thread.is_alive() or self._unconfirmed:
            self._give_up.set()
            logger.error("run %d: %d batch(es) not confirmed by the writer after %gs (they stay queued in Redis"
                         " while it is down)", self.run_id, len(self._unconfirmed) + self._outbox.qsize(), FINISH_WAIT)
            return False
        return True

    def _post(self, task: str, message: dict) -> None:
        if self._outbox.qsize() >= self.settings.max_held_batches:
            self.failure = (f"the broker was unreachable: {self._outbox.qsize()} batches held "
                            f"([cluster] max_held_batches); the rest of the run was not stored")
            logger.error("run %d: %s", self.run_id, self.failure)
            raise StoreUnavailable(self.failure)
        with self._lock:
            self._unconfirmed[message["seq"]] = message
            while len(self._unconfirmed) > 2 * self.settings.max_held_batches:  # memory bound: the oldest
                self._unconfirmed.pop(min(self._unconfirmed))  # stays queued in Redis, only unguarded
        self._outbox.put((task, message))

    # ------------------------------------------------------------------ the sender thread

    def _send_loop(self) -> None:
        next_beat = 0.0
        while True:
            if time.monotonic() >= next_beat:
                self._beat()
                self._confirm()
                next_beat = time.monotonic() + self.beat_every
            try:
                item = self._outbox.get(timeout=max(0.0, next_beat - time.monotonic()))
            except queue.Empty:
                continue
            if item is _STOP:
                self._beat(b"done")  # the run's end is queued: the writer will close it, however far behind
                self._await_confirmations()
                return
            self._send(*item)

    def _send(self, task: str, message: dict) -> None:
        while not self._give_up.is_set():
            try:
                app.send_task(task, args=[message], queue=STORE_QUEUE, retry=True,
                              retry_policy={"max_retries": 2, "interval_start": 0.2, "interval_step": 0.5,
                                            "interval_max": 1.0})
                return
            except SEND_ERRORS as error:
                logger.warning("run %d: broker unreachable (%s); holding %d batch(es), retrying", self.run_id,
                               error, self._outbox.qsize() + 1)
                self._beat()
                time.sleep(1.0)

    def _confirm(self, closed: bool = False) -> None:
        """Forget the batches the writer confirmed; send again one it lost. The store queue is first
        in, first out with one consumer, so a batch still unconfirmed after a later one was (or
        after the run's end was processed: `closed`) was lost: Redis hands a message to a consumer
        before the consumer records it, and a writer killed in between loses it."""
        try:
            confirmed = {int(seq) for seq in self.client.smembers(Keys.acked(self.run_id))}
        except SEND_ERRORS:
            return
        now = time.monotonic()
        with self._lock:
            for seq in confirmed:
                self._unconfirmed.pop(seq, None)
            latest = max(confirmed, default=0)
            lost = [seq for seq in sorted(self._unconfirmed) if closed or seq < latest]
        for seq in lost:
            first = self._suspected.setdefault(seq, now)
            if closed or now - first > 2 * self.settings.heartbeat_timeout:  # past any redelivery of its own
                if now - self._resent.get(seq, -1e9) > 2 * self.settings.heartbeat_timeout:
                    logger.warning("run %d: batch %d was lost by the writer; sending it again", self.run_id, seq)
                    self._resent[seq] = now
                    self._send(INGEST_TASK, self._unconfirmed[seq])

    def _await_confirmations(self) -> None:
        deadline = time.monotonic() + FINISH_WAIT
        while self._unconfirmed and time.monotonic() < deadline and not self._give_up.is_set():
            time.sleep(min(self.beat_every, 1.0))
            try:
                closed = bool(self.client.exists(Keys.done(self.run_id)))
            except SEND_ERRORS:
                continue
            self._confirm(closed)

    def _beat(self, value: bytes | None = None) -> None:
        try:
            self.client.set(Keys.beat(self.run_id), value or repr(time.time()),
                            ex=int(self.settings.heartbeat_timeout * 10) + 1)
        except SEND_ERRORS as error:
            logger.warning("run %d: heartbeat not sent (%s)", self.run_id, error)


class RemoteStore:
    """What the crawl's writer jobs (scraper/writer.py) are given on a cluster worker: the methods of
    db.store.Store they call, each handing its data to the run's batches."""

    def __init__(self, run: RemoteRun):
        self.run = run

    def upsert_article(self, article, source, fetched_url=None, seen_urls=()) -> None:
        self.run.add_article(article, source, fetched_url or article.url, seen_urls)  # counted by the writer

    def fill_utc(self, source: str, timezone: str | None) -> int:
        return 0  # the writer fills them when it opens the run

    def record_error(self, run_id, url, error, kept) -> None:
        self.run.add_error(url, error)

    def beat_run(self, source, run_id, counters) -> None:
        self.run.progress(counters)

    def finish_run(self, source, run_id, status, counters, message) -> None:
        self.run.post_finish(status, counters, message)  # delivered by the sender; waited for at exit

    def write_state(self, source, batch, now) -> None:
        self.run.add_state(batch, now)


class RemoteWriter:
    """scraper/writer.py's DatabaseWriter interface on a cluster worker: a job runs at once, on
    the reactor thread, on a RemoteStore (it only gathers data; the run's sender thread sends)."""

    def __init__(self, run: RemoteRun):
        self.store, self.users, self.closed = RemoteStore(run), 0, defer.Deferred()
        self.failure, self.patient = None, True

    def submit(self, job, after_failure: bool = False) -> defer.Deferred:
        try:
            return defer.succeed(job(self.store))
        except Exception as error:  # noqa: BLE001 (the caller's errback reports it, as for a database)
            return defer.fail(error)

    def drain(self) -> defer.Deferred:
        return defer.succeed(None)

    def release(self) -> defer.Deferred:
        self.users -= 1
        if self.users <= 0 and not self.closed.called:
            self.closed.callback(None)
        return self.closed


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
        return SnapshotFetchState(self.snapshot)

    def new_writer(self) -> RemoteWriter:
        return RemoteWriter(self.run)

    def end_now(self, status: str, message: str) -> None:
        """The process is about to be ended (scraper/closing.py's watchdog): send the run's end."""
        self.run.post_finish(status, self.run.counters, message)
        self.run.wait_finished()

    def summaries(self, claimed, ledgers):
        from scraper.run import RunSummary

        out = []
        for source, run_id in claimed:
            ledger = ledgers.get(run_id)
            if ledger is None or ledger.status is None:  # the crawl never started: close the run
                self.run.post_finish("failed", RunCounters(), "the crawl could not start")
                out.append(RunSummary(source.name, run_id, "failed", RunCounters(), "the crawl could not start"))
            else:
                out.append(RunSummary(source.name, run_id, ledger.status, ledger.counters, ledger.message))
        self.run.wait_finished()
        return out
