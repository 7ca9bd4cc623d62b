"""`newsagg crawl --broker --wait` on the operator's side, against a real Redis: what the writer
publishes is put there as the writer would (no writer, worker or Celery task runs)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis

from cluster import dispatch, writer
from cluster.app import Keys
from db import runs
from db.connection import connect
from newsagg.cli import main


def closed_run(db: Path, failed_pages: int) -> dict:
    """The summary the writer publishes for a failed run of `wire` in `db`, one error kept."""
    conn = connect(db)
    try:
        run_id = runs.start_run(conn, "wire", "manual")
        runs.record_error(conn, run_id, "http://site/a", "HTTP 404", 0)
        runs.finish_run(conn, run_id, "failed", runs.RunCounters(pages_fetched=9, errors=failed_pages), "boom")
        return writer.run_summary(conn, run_id, str(db))
    finally:
        conn.close()


@contextmanager
def redis_clients_made(monkeypatch) -> Iterator[list[str]]:
    """The URLs of the Redis clients made inside (redis-py connects lazily, per client)."""
    made: list[str] = []
    from_url = redis.Redis.from_url

    def counted(url: str, **options) -> redis.Redis:
        made.append(url)
        return from_url(url, **options)

    with monkeypatch.context() as patch:
        patch.setattr(redis.Redis, "from_url", counted)
        yield made


@dataclass
class Waited:
    code: int
    out: str
    clients: list[str]  # the URLs of the Redis clients it made
    writer_db: Path
    own_db: Path  # the operator's [database] path


@pytest.fixture
def waited(tmp_path, redis_server, monkeypatch, capsys) -> Waited:
    """`newsagg crawl wire --wait` for a run the writer closed as failed, in a database the
    operator's config does not name."""
    writer_db, own_db = tmp_path / "writer" / "news.db", tmp_path / "operator.db"
    summary = closed_run(writer_db, failed_pages=3)
    redis_server.client().set(Keys.task("task-1"), json.dumps({"status": "running", "run_id": summary["run_id"]}))
    redis_server.client().set(Keys.done(summary["run_id"]), json.dumps(summary))
    config = tmp_path / "newsagg.toml"
    config.write_text(f'[database]\npath = "{own_db}"\n\n[cluster]\nbroker = "{redis_server.url}"\n\n'
                      '[[sources]]\nname = "wire"\nstart_urls = ["http://127.0.0.1:9/news/"]\n')
    monkeypatch.setattr("cluster.app.configure", lambda *args, **kwargs: None)  # no Celery: nothing is sent
    monkeypatch.setattr(dispatch, "enqueue", lambda *args, **kwargs: "task-1")
    with redis_clients_made(monkeypatch) as made:
        code = main(["crawl", "wire", "--config", str(config), "--wait"])
    return Waited(code, capsys.readouterr().out, made, writer_db, own_db)


def test_crawl_wait_prints_the_writers_database(waited):
    """Not the operator's [database] path, which the writer may not even share; also in the hint
    for the errors not shown."""
    assert waited.code == 1
    assert (f"wire: failed — 9 pages fetched, 0 new, 0 updated, 0 duplicates, 3 errors (run 1, db {waited.writer_db})"
            in waited.out)
    assert f"... 2 more: sqlite3 {waited.writer_db} 'SELECT" in waited.out
    assert str(waited.own_db) not in waited.out


def test_crawl_wait_asks_the_broker_over_one_connection(waited, redis_server):
    assert waited.clients == [redis_server.url]  # the ping that checks the broker is there, and the wait


def test_the_writer_publishes_its_database_as_an_absolute_path(tmp_path, redis_server, monkeypatch):
    """An operator on another host or folder is shown a path that names the one file."""
    monkeypatch.chdir(tmp_path)
    written = writer.Writer("news.db", redis_server.client(), heartbeat_timeout=3.0)
    try:
        assert written.db_path == str(tmp_path / "news.db")
    finally:
        written.shut_down()
