"""The cluster's faults, with real processes: a worker SIGKILLed mid-run, the writer killed and
restarted, Redis restarted, a batch delivered twice, two runs of one source at once, a task for
a source removed from the config. And a broker password never reaches a log."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsagg.demo.server import LoopbackSite, Resource
from tests.crawl.conftest import article_html, listing_html
from tests.helpers import newsagg, query, wait_for

pytestmark = pytest.mark.slow
ARTICLES = 24


def slow_site(delay: float = 0.25) -> LoopbackSite:
    """A listing of ARTICLES stories, each answering after `delay` seconds: a run of several seconds."""
    links = [f"/news/s{i}" for i in range(ARTICLES)]
    routes = {"/news/": Resource(listing_html(links))}
    for i in range(ARTICLES):
        routes[f"/news/s{i}"] = Resource(article_html(f"Slow story {i}", published=f"2025-10-01T{i % 24:02d}:00:00Z"),
                                         delay=delay)
    return LoopbackSite(routes).start()


def write_config(path, site: LoopbackSite, broker: str, every: str | None = None, sources: tuple = ("slow",)) -> str:
    blocks = "".join(f'\n[[sources]]\nname = "{name}"\nstart_urls = ["{site.url("/news/")}"]\ntimeout = "120s"\n'
                     + (f'every = "{every}"\n' if every else "") for name in sources)
    path.write_text(f"""[logging]
dir = "{path.parent / 'logs'}"

[crawler]
download_delay = 0
concurrency_per_domain = 2
obey_robots = false

[cluster]
broker = "{broker}"
heartbeat_timeout = "3s"
batch_size = 2
{blocks}""")
    return str(path)


def stored(db) -> int:
    try:
        return query(db, "SELECT count(*) FROM articles")[0][0]
    except Exception:  # noqa: BLE001 (the writer is still creating the file)
        return 0


def runs_of(db) -> list[dict]:
    return [dict(r) for r in query(db, "SELECT * FROM crawl_runs ORDER BY id")] if db.exists() else []


def start_writer(roles, config, db, name="writer"):
    writer = roles(name, "writer", "--config", config, "--db", str(db))
    wait_for(lambda: "ready" in writer.output(), 30, f"{name} to be ready")
    return writer


def test_a_worker_killed_mid_run_is_interrupted_and_the_next_slot_stores_nothing_twice(tmp_path, redis_server,
                                                                                       roles):
    site = slow_site()
    db = tmp_path / "news.db"
    try:
        config = write_config(tmp_path / "newsagg.toml", site, redis_server.url, every="4s")
        writer = start_writer(roles, config, db)
        doomed = roles("worker1", "worker", "--config", config, "--concurrency", "1")
        scheduler = roles("scheduler", "schedule", "--config", config)
        wait_for(lambda: stored(db) >= 4, 60, "the first articles of the run")
        doomed.kill()  # the host is gone: the worker, its pool and the crawl
        killed = runs_of(db)[0]
        run = wait_for(lambda: runs_of(db)[0]["status"] != "running" and runs_of(db)[0], 15,
                         "the killed run to be closed")
        assert run["status"] == "interrupted" and "no heartbeat" in run["message"], run
        kept = {r["url"] for r in query(db, "SELECT url FROM articles")}  # every batch sent before the kill
        assert killed["status"] == "running" and len(kept) < ARTICLES
        before = len(site.requests)
        roles("worker2", "worker", "--config", config, "--concurrency", "1")
        wait_for(lambda: any(r["status"] == "ok" for r in runs_of(db)), 90, "a run at the next slot")
        assert scheduler.alive() and writer.alive()
    finally:
        site.stop()
    rerun = next(r for r in runs_of(db) if r["status"] == "ok")
    assert stored(db) == ARTICLES
    assert query(db, "SELECT count(*) FROM article_versions")[0][0] == 0
    assert rerun["articles_new"] + rerun["articles_updated"] + rerun["duplicates"] == ARTICLES - len(kept)
    refetched = [p for p in site.requests[before:] if site.url(p) in kept]
    assert refetched == []  # the rerun knew them (the writer's snapshot), without reading the file
    for role in ("writer", "worker1", "worker2", "scheduler"):
        assert redis_server.password not in (tmp_path / f"{role}.log").read_text(errors="replace")
    for log in (tmp_path / "logs").rglob("*.log"):
        assert redis_server.password not in log.read_text(errors="replace")


def test_the_writer_killed_and_restarted_catches_up_and_a_batch_delivered_twice_stores_once(tmp_path, redis_server,
                                                                                            roles):
    site = slow_site(delay=0.1)
    db = tmp_path / "news.db"
    try:
        config = write_config(tmp_path / "newsagg.toml", site, redis_server.url)
        writer = start_writer(roles, config, db)
        roles("worker", "worker", "--config", config, "--concurrency", "1")
        crawl = newsagg("crawl", "slow", "--config", config)  # queued, not waited for
        assert crawl.returncode == 0 and "queued" in crawl.stdout, crawl.stderr
        wait_for(lambda: stored(db) >= 2, 60, "the first batch")
        writer.kill()
        during = stored(db)
        client = redis_server.client()
        wait_for(lambda: client.get(f"newsagg:beat:{runs_of(db)[0]['id']}") == b"done", 90,
                   "the crawl to end while the writer is down (its batches held in Redis)")
        assert stored(db) == during and runs_of(db)[0]["status"] == "running"
        restarted = start_writer(roles, config, db, name="writer2")
        wait_for(lambda: runs_of(db)[0]["status"] != "running", 60, "the restarted writer to catch up")
        # The batch in the killed writer's hands was never acknowledged: Redis delivers it again, or
        # (popped but not yet recorded as unacknowledged) the crawl sends it again.
        wait_for(lambda: stored(db) == ARTICLES, 60, "the batch the killed writer held")
    finally:
        site.stop()
    run = runs_of(db)[0]
    assert run["status"] == "ok", run
    assert stored(db) == ARTICLES and run["articles_new"] + run["duplicates"] == ARTICLES

    # At-least-once delivery: the same batch again stores nothing and counts nothing.
    from cluster import messages
    from cluster.app import INGEST_TASK, STORE_QUEUE, sender

    batch = messages.batch(run["id"], 1, "slow", [], [], [("http://x/", "late error")], _counters(0, 1))
    app = sender(redis_server.url, 3)
    for _ in range(2):
        app.send_task(INGEST_TASK, args=[batch], queue=STORE_QUEUE)
    wait_for(lambda: restarted.output().count("delivered again") >= 2, 30, "the two deliveries")
    assert query(db, "SELECT count(*) FROM crawl_errors WHERE error = 'late error'")[0][0] == 0  # seq 1 was ingested
    assert stored(db) == ARTICLES and runs_of(db)[0]["articles_new"] == run["articles_new"]


def _counters(pages: int, errors: int):
    from db.runs import RunCounters

    return RunCounters(pages_fetched=pages, errors=errors)


def test_one_run_per_source_across_workers_and_a_local_crawl(tmp_path, redis_server, roles):
    site = slow_site()
    db = tmp_path / "news.db"
    try:
        config = write_config(tmp_path / "newsagg.toml", site, redis_server.url)
        start_writer(roles, config, db)
        for n in (1, 2):
            roles(f"worker{n}", "worker", "--config", config, "--concurrency", "1")
        (tmp_path / "local.toml").write_text(open(config).read().replace(f'broker = "{redis_server.url}"', ""))
        twice = [subprocess.Popen([sys.executable, "-m", "newsagg", "crawl", "slow", "--config", config, "--wait"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        wait_for(lambda: any(r["status"] == "running" for r in runs_of(db)), 60, "a run")
        local = newsagg("crawl", "slow", "--config", str(tmp_path / "local.toml"), "--db", str(db))
        outcomes = [p.communicate(timeout=120) + (p.returncode,) for p in twice]
    finally:
        site.stop()
    assert local.returncode == 3 and "already being crawled" in local.stderr, local.stderr
    codes = sorted(code for _, _, code in outcomes)
    assert codes == [0, 3], outcomes
    assert "already being crawled" in next(err for _, err, code in outcomes if code == 3)
    assert [r["status"] for r in runs_of(db)] == ["ok"]


def test_a_task_for_a_source_removed_from_the_config_fails_clearly(tmp_path, redis_server, roles):
    site = slow_site(delay=0)
    db = tmp_path / "news.db"
    try:
        worker_config = write_config(tmp_path / "worker.toml", site, redis_server.url)
        operator_config = write_config(tmp_path / "operator.toml", site, redis_server.url, sources=("slow", "gone"))
        start_writer(roles, worker_config, db)
        roles("worker", "worker", "--config", worker_config, "--concurrency", "1")
        result = newsagg("crawl", "gone", "--config", operator_config, "--wait", timeout=120)
    finally:
        site.stop()
    assert result.returncode == 1
    assert "source 'gone' is not in" in result.stderr and "removed from the config?" in result.stderr, result.stderr
    assert runs_of(db) == []


def test_redis_restarted_mid_run_loses_nothing_stored_and_the_daemon_goes_on(tmp_path, redis_server, roles):
    site = slow_site()
    db = tmp_path / "news.db"
    try:
        config = write_config(tmp_path / "newsagg.toml", site, redis_server.url, every="5s")
        start_writer(roles, config, db)
        roles("worker", "worker", "--config", config, "--concurrency", "1")
        scheduler = roles("scheduler", "schedule", "--config", config)
        wait_for(lambda: stored(db) >= 4, 60, "the first articles")
        redis_server.restart()
        before = stored(db)
        first = wait_for(lambda: runs_of(db)[0]["status"] != "running" and runs_of(db)[0], 90, "the run to end")
        wait_for(lambda: len([r for r in runs_of(db) if r["status"] != "running"]) >= 2, 90,
                   "a later scheduled run")
        assert scheduler.alive()
    finally:
        site.stop()
    assert first["status"] in ("ok", "failed"), first
    assert stored(db) >= before
    assert json.loads(redis_server.client().hget("newsagg:runs", "1") or "null") is None  # nothing left open
