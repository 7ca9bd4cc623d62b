"""`newsagg writer`: the one process that writes the SQLite file for the whole cluster.

A Celery worker (solo pool: one task at a time, in this process) bound to the control and store
queues. It opens runs (lock, crawl_runs row, the run's known-URL snapshot), ingests batches
through the same Store code as a local crawl (one transaction per batch, idempotent), closes
runs, and watches the crawls' heartbeats: a crawl that stops beating for heartbeat_timeout is
closed as `interrupted` and its lock freed, so the source runs again at its next slot.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from pathlib import Path

import redis

from cluster import messages, state
from cluster.app import Keys
from cluster.claims import Claim
from db import batches, runs
from db.connection import DatabaseError, connect, transaction
from db.store import Store

logger = logging.getLogger("newsagg.writer")
DONE_TTL = 7 * 24 * 3600  # seconds a closed run's summary stays readable (newsagg crawl --broker --wait)
STATE_TTL = 24 * 3600
LOCK_BEAT_SECONDS = 10.0  # how often source_locks.heartbeat_at of a live cluster run is refreshed


class Writer:
    def __init__(self, db_path: str, client: redis.Redis, heartbeat_timeout: float):
        # Absolute: run summaries name it to operators on other hosts and in other folders.
        self.db_path, self.client, self.heartbeat_timeout = str(Path(db_path).resolve()), client, heartbeat_timeout
        self.store = Store(db_path)

    def shut_down(self) -> None:
        self.store.close()

    # ------------------------------------------------------------------ opening a run

    def open_run(self, message: dict) -> dict:
        """Lock the source for the crawl and open its run; idempotent per task (a task delivered
        twice opens one run)."""
        request = messages.check(message, "open")
        task_key = Keys.task(request["task_id"])
        if (earlier := self.client.get(task_key)) is not None:
            return {**json.loads(earlier), "repeated": True}
        conn = self.store.conn
        source = request["source"]
        try:
            runs.acquire_lock(conn, source, pid=request["pid"], host=request["host"])
        except runs.SourceBusy as busy:
            reply = {"status": "busy", "source": source, "message": str(busy)}
            self.client.set(task_key, json.dumps(reply), ex=DONE_TTL)
            return reply
        run_id = None
        try:
            run_id = runs.start_run(conn, source, request["trigger"], pid=request["pid"],
                                    log_path=f"{request['host']}:{request['log_path'] or '-'}")
            runs.set_lock_run(conn, source, run_id, pid=request["pid"])
            self.store.fill_utc(source, request["timezone"])  # as a local crawl does when it starts
            snapshot = state.build(conn, source)
            reply = {"status": "running", "source": source, "run_id": run_id, "known_bytes": len(snapshot)}
            pipe = self.client.pipeline()
            pipe.set(Keys.state(run_id), snapshot, ex=STATE_TTL)
            pipe.hset(Keys.RUNS, str(run_id), json.dumps({"source": source, "task_id": request["task_id"],
                                                          "host": request["host"], "pid": request["pid"]}))
            pipe.set(task_key, json.dumps(reply), ex=DONE_TTL)
            pipe.execute()
        except BaseException:
            if run_id is not None:
                runs.mark_run(conn, run_id, "failed", "not started: the writer could not open the run")
            runs.release_lock(conn, source, pid=request["pid"])
            raise
        logger.info("%s: run %d opened for pid %d on %s (snapshot %d bytes)", source, run_id, request["pid"],
                    request["host"], len(snapshot))
        return reply

    # ------------------------------------------------------------------ batches

    def ingest(self, message: dict) -> dict:
        data = messages.check(message, "batch")
        batch = batches.Batch(
            data["run_id"], data["seq"], data["source"], [messages.article_from_wire(a) for a in data["articles"]],
            [(messages.state_from_wire(state), now) for state, now in data["states"]], [tuple(e) for e in data["errors"]],
            data["counters"]["pages_fetched"], data["counters"]["errors"])
        try:
            outcomes = batches.ingest(self.store, batch)
        except (sqlite3.OperationalError, DatabaseError):
            raise  # busy or unwritable: the task is retried, the batch stays queued
        except Exception as error:  # noqa: BLE001 (a batch this writer cannot store: say so in the run)
            logger.exception("run %d: batch %d could not be stored", batch.run_id, batch.seq)
            runs.record_error(self.store.conn, batch.run_id, None, f"batch {batch.seq} of {len(batch.articles)} "
                              f"articles could not be stored by the writer: {type(error).__name__}: {error}", 0)
            outcomes = False
        pipe = self.client.pipeline()
        pipe.sadd(Keys.acked(batch.run_id), batch.seq)  # the crawl forgets it (or stops sending it again)
        pipe.expire(Keys.acked(batch.run_id), DONE_TTL)
        pipe.execute()
        if outcomes is False:
            return {"failed": True}
        if outcomes is None:
            logger.info("run %d: batch %d was ingested before; delivered again, stored once", batch.run_id,
                        batch.seq)
            return {"duplicate": True}
        logger.debug("run %d: batch %d: %s", batch.run_id, batch.seq, dict(outcomes))
        if (row := runs.get_run(self.store.conn, batch.run_id)) is not None and row["status"] != "running":
            self.client.set(Keys.done(batch.run_id), json.dumps(run_summary(self.store.conn, batch.run_id,
                                                                            self.db_path)), ex=DONE_TTL)
        return dict(outcomes)

    # ------------------------------------------------------------------ closing

    def finish(self, message: dict) -> None:
        """The crawl's own end. A run already closed from outside (timeout, interrupted) keeps
        that status, and takes the final counters."""
        data = messages.check(message, "finish")
        conn = self.store.conn
        row = runs.get_run(conn, data["run_id"])
        if row is None:
            logger.warning("finish of unknown run %s ignored", data["run_id"])
            return
        counters = runs.RunCounters(max(row["pages_fetched"], data["counters"]["pages_fetched"]),
                                    row["articles_new"], row["articles_updated"], row["duplicates"],
                                    max(row["errors"], data["counters"]["errors"]))
        runs.finish_run(conn, row["id"], data["status"], counters, data["message"])
        self._closed(row["id"], row["source"], row["pid"])

    def close_message(self, message: dict) -> None:
        """A run whose crawl ended without finishing it (killed, crashed, timed out)."""
        data = messages.check(message, "close")
        if not data.get("ended", True):  # still running: free its lock and publish it once it ended
            runs.mark_run(self.store.conn, data["run_id"], data["status"], data["message"])
            return
        self.close_run(data["run_id"], data["status"], data["message"])

    def close_run(self, run_id: int, status: str, message: str, conn=None) -> None:
        conn = conn or self.store.conn
        row = runs.get_run(conn, run_id)
        if row is None:
            return
        if row["status"] == "running":
            logger.warning("%s: run %d closed as %s: %s", row["source"], run_id, status, message)
        runs.mark_run(conn, run_id, status, message)
        self._closed(run_id, row["source"], row["pid"], conn)

    def _closed(self, run_id: int, source: str, pid: int, conn=None) -> None:
        conn = conn or self.store.conn
        with transaction(conn):
            conn.execute("DELETE FROM source_locks WHERE source = ? AND run_id = ? AND pid = ?", (source, run_id, pid))
        summary = run_summary(conn, run_id, self.db_path)
        pipe = self.client.pipeline()
        pipe.hdel(Keys.RUNS, str(run_id))
        pipe.delete(Keys.state(run_id), Keys.beat(run_id))
        pipe.set(Keys.done(run_id), json.dumps(summary), ex=DONE_TTL)
        if summary["status"] == "ok":
            pipe.hset(Keys.LAST_OK, source, summary["started_at"])
        pipe.execute()

    def publish_last_ok(self) -> None:
        """Every source's last ok run, for a scheduler that has no SQLite file (its catch-up)."""
        rows = self.store.conn.execute(
            "SELECT source, max(started_at) FROM crawl_runs WHERE status = 'ok' GROUP BY source").fetchall()
        if rows:
            self.client.hset(Keys.LAST_OK, mapping={source: started for source, started in rows})


def run_summary(conn, run_id: int, db_path: str) -> dict:
    row = runs.get_run(conn, run_id)
    return {"source": row["source"], "run_id": run_id, "status": row["status"], "message": row["message"],
            "started_at": row["started_at"], "db": db_path,
            "counters": {key: row[key] for key in ("pages_fetched", "articles_new", "articles_updated",
                                                    "duplicates", "errors")},
            "first_errors": [[e["url"], e["error"]] for e in runs.run_errors(conn, run_id)]}


class Reaper(threading.Thread):
    """Watches the heartbeats of open cluster runs (its own SQLite connection). A run whose beat
    has not changed for heartbeat_timeout, as seen by this clock, is closed as interrupted: a
    Redis restart shorter than that interrupts nothing."""

    def __init__(self, writer: Writer, claim: Claim):
        super().__init__(name="newsagg-reaper", daemon=True)
        self.writer, self.claim = writer, claim
        self.every = min(max(writer.heartbeat_timeout / 4, 0.5), 5.0)
        self.seen: dict[str, tuple[bytes | None, float]] = {}  # run id -> (last beat value, when it changed)
        self.stopping = threading.Event()
        self._last_lock_beat = 0.0

    def run(self) -> None:
        conn = connect(self.writer.db_path)
        try:
            while not self.stopping.wait(self.every):
                try:
                    self.claim.refresh()
                    self.tick(conn)
                except (redis.RedisError, OSError) as error:
                    logger.warning("reaper: Redis unreachable (%s); retrying", error)
                except Exception:  # noqa: BLE001 (a busy database: the next tick retries)
                    logger.exception("reaper tick failed")
        finally:
            conn.close()

    def tick(self, conn) -> None:
        client, now = self.writer.client, time.monotonic()
        open_runs = {key.decode(): json.loads(value) for key, value in client.hgetall(Keys.RUNS).items()}
        beats = client.mget([Keys.beat(int(run_id)) for run_id in open_runs]) if open_runs else []
        live = []
        for (run_id, info), beat in zip(open_runs.items(), beats, strict=True):
            row = runs.get_run(conn, int(run_id))
            if row is None or row["status"] != "running":
                client.hdel(Keys.RUNS, run_id)  # closed already (the writer died before cleaning up)
                continue
            last_beat, since = self.seen.get(run_id, (None, now))
            if beat == b"done" or beat != last_beat or run_id not in self.seen:  # done: its end is queued
                self.seen[run_id] = (beat, now)
                live.append(info)
            elif now - since > self.writer.heartbeat_timeout:
                self.writer.close_run(int(run_id), "interrupted",
                                      f"no heartbeat from the crawl (pid {info['pid']} on {info['host']}) for "
                                      f"{now - since:.0f}s: its worker is gone", conn)
                self.seen.pop(run_id, None)
            else:
                live.append(info)
        if live and now - self._last_lock_beat > LOCK_BEAT_SECONDS:  # keep `newsagg status` true
            for info in live:
                runs.heartbeat(conn, info["source"], info["pid"])
            self._last_lock_beat = now


def writer_claim(client: redis.Redis) -> Claim:
    """Exactly one writer per cluster; its reaper refreshes the claim every few seconds."""
    return Claim(client, Keys.WRITER, ttl=15, role="writer")
