"""Scheduler + 2 workers + writer store exactly the rows a local `newsagg crawl` stores."""

from __future__ import annotations

import pytest

from newsagg.demo.server import Resource
from tests.cluster.sites import start_sites, wire_routes, write_config
from tests.helpers import newsagg, query, wait_for

pytestmark = pytest.mark.slow


def rows(db) -> dict:
    """Everything a crawl stores, keyed by URLs (ids and timestamps differ between two files)."""
    url = {row["id"]: row["url"] for row in query(db, "SELECT id, url FROM articles")}
    return {
        "articles": sorted((r["source"], r["url"], r["title"], r["authors"], r["published_at"], r["language"], r["body"],
                            r["disclaimer"], r["content_hash"], url.get(r["duplicate_of"]), r["version"])
                           for r in query(db, "SELECT * FROM articles")),
        "faqs": sorted((url[r["article_id"]], r["position"], r["question"], r["answer"])
                       for r in query(db, "SELECT * FROM faqs")),
        "aliases": sorted((r["url"], url[r["article_id"]]) for r in query(db, "SELECT * FROM article_urls")),
        "versions": sorted((url[r["article_id"]], r["version"], r["title"], r["body"])
                           for r in query(db, "SELECT * FROM article_versions")),
        "instruments": sorted((url[r["article_id"]], r["key"], r["mentions"], r["in_title"]) for r in query(
            db, "SELECT * FROM article_instruments JOIN instruments ON instruments.id = instrument_id")),
        "fetched": sorted((r["url"], r["source"], r["kind"], r["status"]) for r in query(db, "SELECT * FROM fetch_state")),
    }


def run_totals(db) -> dict:
    """Per source: stored (new + duplicates: which of two copies came first depends on crawl order),
    updated, runs not ok."""
    return {r["source"]: (r["stored"], r["updated"], r["bad"]) for r in query(
        db, "SELECT source, sum(articles_new + duplicates) AS stored, sum(articles_updated) AS updated,"
            " sum(status != 'ok') AS bad FROM crawl_runs GROUP BY source")}


def test_scheduler_two_workers_and_writer_store_what_a_local_crawl_stores(tmp_path, redis_server, roles):
    harbor, wire = start_sites()
    try:
        local_db, cluster_db = tmp_path / "local.db", tmp_path / "cluster.db"
        local = write_config(tmp_path / "local.toml", harbor, wire)
        for revised in (False, True):
            wire.routes.update(wire_routes(revised))
            assert newsagg("crawl", "--all", "--config", str(local), "--db", str(local_db), "--quiet").returncode == 0
        wire.routes.update(wire_routes(revised=False))

        config = write_config(tmp_path / "cluster.toml", harbor, wire, redis_server.url, every="3s")
        writer = roles("writer", "writer", "--config", str(config), "--db", str(cluster_db))
        wait_for(lambda: "ready" in writer.output(), 30, "the writer")
        workers = [roles(f"worker{n}", "worker", "--config", str(config), "--concurrency", "1") for n in (1, 2)]
        scheduler = roles("scheduler", "schedule", "--config", str(config))

        def ok_runs(source):
            return query(cluster_db, "SELECT * FROM crawl_runs WHERE source = ? AND status = 'ok'", (source,)) \
                if cluster_db.exists() else []

        wait_for(lambda: ok_runs("harbor") and ok_runs("wire"), 120, "a first run of each source")
        wire.routes.update(wire_routes(revised=True))
        wait_for(lambda: sum(r["articles_updated"] for r in ok_runs("wire")) >= 1, 60, "the revised story's run")
        scheduler.terminate()
        for worker in workers:  # a warm shutdown: the crawl in hand is finished, queued ones stay queued
            assert worker.terminate(timeout=120) == 0
        wait_for(lambda: not query(cluster_db, "SELECT 1 FROM crawl_runs WHERE status = 'running'"), 60,
                   "running runs to end")
    finally:
        harbor.stop()
        wire.stop()
    assert rows(cluster_db) == rows(local_db)
    assert run_totals(cluster_db) == run_totals(local_db)
    workers = {r["log_path"].split(":")[0] for r in query(cluster_db, "SELECT log_path FROM crawl_runs")}
    assert workers and query(cluster_db, "SELECT count(*) FROM ingested_batches")[0][0] > 2


def test_only_new_across_hosts_a_second_run_fetches_no_known_article(tmp_path, redis_server, roles):
    """The worker never reads the file: what it skips, it learnt from the writer's snapshot."""
    harbor, wire = start_sites()
    wire.routes["/news/"] = Resource(wire.routes["/news/"].body)  # (unchanged site)
    try:
        config = write_config(tmp_path / "cluster.toml", harbor, wire, redis_server.url)
        db = tmp_path / "cluster.db"
        roles("writer", "writer", "--config", str(config), "--db", str(db))
        roles("worker", "worker", "--config", str(config), "--concurrency", "1")
        first = newsagg("crawl", "harbor", "--config", str(config), "--wait", timeout=180)
        assert first.returncode == 0, first.stderr
        before = len(harbor.requests)
        second = newsagg("crawl", "harbor", "--config", str(config), "--wait", timeout=180)
        assert second.returncode == 0, second.stderr
        article_paths = {r["url"].split(harbor.url(""))[-1] for r in query(db, "SELECT url FROM articles")}
        refetched = [p for p in harbor.requests[before:] if p.split("?")[0] in article_paths]
    finally:
        harbor.stop()
        wire.stop()
    assert "0 new" in second.stdout and "harbor: ok" in second.stdout, second.stdout
    assert f"(run 2, db {db})" in second.stdout  # the writer's file, which the operator's config does not name
    assert refetched == []
