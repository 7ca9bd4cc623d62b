"""The writer's protocol with a real writer process: a crawl task delivered twice opens one run,
a message in pickle (which could carry code) is refused unread, and a run being stopped keeps its
lock until its crawl has ended."""

from __future__ import annotations

import pytest

from cluster import messages
from cluster.app import (
    CLOSE_TASK,
    CONTROL_QUEUE,
    INGEST_TASK,
    OPEN_TASK,
    STORE_QUEUE,
    Keys,
    redis_client,
    sender,
)
from db.runs import RunCounters
from tests.helpers import query, wait_for

pytestmark = pytest.mark.slow


def _start_writer(tmp_path, redis_server, roles, heartbeat_timeout: str):
    """A real writer on its own file, ready; returns the file, the writer process and a task sender."""
    config = tmp_path / "newsagg.toml"
    config.write_text(f'[cluster]\nbroker = "{redis_server.url}"\nheartbeat_timeout = "{heartbeat_timeout}"\n')
    db = tmp_path / "news.db"
    writer = roles("writer", "writer", "--config", str(config), "--db", str(db))
    wait_for(lambda: "ready" in writer.output(), 30, "the writer")
    return db, writer, sender(redis_server.url, 3)


def test_a_task_delivered_twice_opens_one_run_and_pickle_is_refused(tmp_path, redis_server, roles):
    db, writer, app = _start_writer(tmp_path, redis_server, roles, heartbeat_timeout="3s")
    request = messages.open_run("task-1", "wire", "schedule", None, "worker-host", 4242, "/var/log/newsagg")
    first = app.send_task(OPEN_TASK, args=[request], queue=CONTROL_QUEUE).get(timeout=30)
    again = app.send_task(OPEN_TASK, args=[request], queue=CONTROL_QUEUE).get(timeout=30)
    assert first["status"] == "running" and again == {**first, "repeated": True}
    other = messages.open_run("task-2", "wire", "manual", None, "other-host", 99, None)
    busy = app.send_task(OPEN_TASK, args=[other], queue=CONTROL_QUEUE).get(timeout=30)
    assert busy["status"] == "busy" and "pid 4242 on worker-host" in busy["message"]
    runs = query(db, "SELECT * FROM crawl_runs")
    assert [(r["id"], r["status"], r["pid"]) for r in runs] == [(first["run_id"], "running", 4242)]
    lock = query(db, "SELECT * FROM source_locks WHERE source = 'wire'")[0]
    assert (lock["pid"], lock["hostname"], lock["run_id"]) == (4242, "worker-host", first["run_id"])

    poisoned = messages.batch(first["run_id"], 1, "wire", [], [], [("http://x/", "from a pickle")], RunCounters())
    app.send_task(INGEST_TASK, args=[poisoned], queue=STORE_QUEUE, serializer="pickle")
    wait_for(lambda: "Refusing to deserialize untrusted content of type pickle" in writer.output(), 30,
               "the writer to refuse the pickle")
    assert query(db, "SELECT count(*) FROM crawl_errors")[0][0] == 0
    assert query(db, "SELECT count(*) FROM ingested_batches")[0][0] == 0


def test_a_run_being_stopped_keeps_its_lock_until_its_crawl_has_ended(tmp_path, redis_server, roles):
    """A timeout is first a close with ended=False (the crawl gets SIGTERM and may still send its
    last batches): the run is marked, but the lock stays and `--wait` is not answered yet."""
    db, _, app = _start_writer(tmp_path, redis_server, roles, heartbeat_timeout="30s")
    request = messages.open_run("task-1", "wire", "schedule", None, "worker-host", 4242, None)
    run_id = app.send_task(OPEN_TASK, args=[request], queue=CONTROL_QUEUE).get(timeout=30)["run_id"]
    client = redis_client(redis_server.url)

    def close(ended: bool) -> None:
        app.send_task(CLOSE_TASK, args=[messages.close(run_id, "timeout", "timed out after 1s", ended)],
                      queue=STORE_QUEUE)

    close(ended=False)
    wait_for(lambda: query(db, "SELECT status FROM crawl_runs")[0][0] == "timeout", 30, "the run marked")
    assert [row[0] for row in query(db, "SELECT run_id FROM source_locks WHERE source = 'wire'")] == [run_id]
    assert client.get(Keys.done(run_id)) is None
    close(ended=True)
    wait_for(lambda: client.get(Keys.done(run_id)) is not None, 30, "the run closed")
    assert query(db, "SELECT count(*) FROM source_locks")[0][0] == 0
    assert [tuple(row) for row in query(db, "SELECT status, message FROM crawl_runs")] == [
        ("timeout", "timed out after 1s")]
