"""Cluster crawl throughput: pages/s with 1 and 2 crawl workers against the pre-rendered demo
site, beside a local `newsagg crawl --all`, and Redis round trips per page (issue 14).

    .venv/bin/python -m bench.cluster_throughput [--articles 900] [--pad-kb 120]

The site (bench/crawl_throughput.py's server, its own process) is split into three sources, one
per section (/markets/, /economy/, /crypto/): the unit of cluster work is a source run, so two
workers can only help with two or more sources. Each variant crawls into a fresh database, all
politeness limits lifted; the writer runs throughout the cluster variants. Round trips: Redis's
own count of commands processed during the variant, divided by pages fetched (a pipeline counts
each of its commands, so this is an upper bound; idle consumers' 1-second polls included).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.cluster_common import RedisProcess
from bench.crawl_throughput import serve_demo_site

SECTIONS = ("markets", "economy", "crypto")


def write_config(folder: Path, base_url: str, broker: str | None) -> Path:
    config = folder / ("cluster.toml" if broker else "local.toml")
    sources = "".join(f'\n[[sources]]\nname = "{name}"\nstart_urls = ["{base_url}/{name}/"]\nmax_pages = 100000\n'
                      f'depth_limit = 100\ntimeout = "1h"\n' for name in SECTIONS)
    cluster = f'[cluster]\nbroker = "{broker}"\nbatch_size = 100\n' if broker else ""
    config.write_text(f'[logging]\ndir = "{folder / "logs"}"\n\n[crawler]\ndownload_delay = 0\n'
                      f'concurrency_per_domain = 16\nobey_robots = false\n\n{cluster}{sources}')
    return config


def newsagg(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsagg", *args]


def pages(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT coalesce(sum(pages_fetched), 0) FROM crawl_runs").fetchone()[0]
    finally:
        conn.close()


def local_variant(folder: Path, base_url: str) -> tuple[int, float]:
    db = folder / "local.db"
    started = time.perf_counter()
    subprocess.run(newsagg("crawl", "--all", "--config", str(write_config(folder, base_url, None)), "--db", str(db),
                           "--quiet"), check=True, stdout=subprocess.DEVNULL)
    return pages(db), time.perf_counter() - started


def cluster_variant(folder: Path, base_url: str, redis: RedisProcess, workers: int) -> tuple[int, float, int]:
    db, config = folder / f"cluster-{workers}.db", write_config(folder, base_url, redis.url)
    client = redis.client()
    client.flushdb()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    roles = [subprocess.Popen(newsagg("writer", "--config", str(config), "--db", str(db), "--log-level", "WARNING"),
                              **quiet)]
    roles += [subprocess.Popen(newsagg("worker", "--config", str(config), "--concurrency", "1", "--log-level",
                                       "WARNING"), **quiet) for _ in range(workers)]
    try:
        while not client.exists("newsagg:writer"):
            time.sleep(0.1)
        time.sleep(2.0)  # the workers' consumers are connected
        commands_before = client.info("stats")["total_commands_processed"]
        started = time.perf_counter()
        subprocess.run(newsagg("crawl", "--all", "--config", str(config), "--wait"), check=True,
                       stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
        commands = client.info("stats")["total_commands_processed"] - commands_before
        return pages(db), seconds, commands
    finally:
        for role in roles:
            role.terminate()
        for role in roles:
            role.wait(60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=900)
    parser.add_argument("--pad-kb", type=int, default=120)
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    ready, stop = context.Queue(), context.Event()
    server = context.Process(target=serve_demo_site, args=(args.articles, args.pad_kb, ready, stop), daemon=True)
    server.start()
    try:
        base_url = ready.get(timeout=300)
        with tempfile.TemporaryDirectory(prefix="newsagg-bench-") as folder:
            folder = Path(folder)
            redis = RedisProcess(folder / "redis").start()
            try:
                results = [("local: newsagg crawl --all (one process)", *local_variant(folder, base_url), None)]
                for workers in (1, 2):
                    results.append((f"cluster: {workers} worker(s) + writer", *cluster_variant(folder, base_url, redis,
                                                                                           workers)))
            finally:
                redis.stop()
    finally:
        stop.set()
        server.join(timeout=10)
    print(f"site: {args.articles} articles, pad {args.pad_kb} KB, 3 sources; {os.cpu_count()} CPUs")
    print(f"{'variant':<44} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'vs local':>9} {'Redis cmds/page':>16}")
    local_rate = results[0][1] / results[0][2]
    for label, fetched, seconds, commands in results:
        per_page = f"{commands / fetched:16.2f}" if commands is not None else f"{'-':>16}"
        print(f"{label:<44} {fetched:>6} {seconds:>8.1f} {fetched / seconds:>8.1f} "
              f"{fetched / seconds / local_rate:>8.0%} {per_page}")


if __name__ == "__main__":
    main()
