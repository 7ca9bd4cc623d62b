"""The cluster writer's ingest vs today's per-article store path, side by side (issue 14).

    .venv/bin/python -m bench.cluster_writer [--articles 3000] [--batch 50,200] [--through-redis]

(a) per article: Store.upsert_article, one transaction each (a local crawl's pipeline);
(b) the writer: batches as crawl workers send them (JSON; content hash and band keys computed on
    the worker, outside the timing), decoded and ingested with db.batches.ingest, one
    transaction per batch;
(c) with --through-redis: (b) through a real redis-server and a real `newsagg writer` process,
    from the first batch queued to the last one stored.
Every article is new on a fresh file; instrument tags are computed beforehand on both sides, as
extraction does in a crawl.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench import db_synthetic
from cluster import messages
from db import batches
from db.runs import RunCounters
from db.store import Store
from instruments import recognise


def synthetic(count: int):
    rng, words = random.Random(1), db_synthetic.vocabulary()
    articles = [db_synthetic.article(number, rng, words) for number in range(count)]
    for article in articles:
        article.instruments = recognise(article.title, article.body, article.language, article.published_at)
    return articles


def wire_batches(articles, size: int, run_id: int = 1) -> list[str]:
    chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
    return [json.dumps(messages.batch(run_id, seq, "bench", [messages.article_to_wire(a, "bench", a.url, [])
                                                             for a in chunk], [], [], RunCounters()))
            for seq, chunk in enumerate(chunks, 1)]


def time_per_article(path: Path, articles) -> float:
    with Store(path) as store:
        started = time.perf_counter()
        for article in articles:
            store.upsert_article(article, "bench")
        return time.perf_counter() - started


def time_batched(path: Path, payloads: list[str]) -> float:
    with Store(path) as store:
        store.conn.execute("INSERT INTO crawl_runs (id, source, trigger, started_at, status) VALUES"
                           " (1, 'bench', 'manual', '2025-01-01T00:00:00+00:00', 'running')")
        started = time.perf_counter()
        for payload in payloads:
            data = json.loads(payload)
            batch = batches.Batch(data["run_id"], data["seq"], "bench",
                                  [messages.article_from_wire(a) for a in data["articles"]])
            batches.ingest(store, batch)
        return time.perf_counter() - started


def time_through_redis(folder: Path, payloads: list[str], count: int) -> float:
    import subprocess
    import sys

    from bench.cluster_common import RedisProcess
    from cluster.app import INGEST_TASK, STORE_QUEUE, sender

    redis = RedisProcess(folder / "redis").start()
    db = folder / "redis.db"
    with Store(db) as store:
        store.conn.execute("INSERT INTO crawl_runs (id, source, trigger, started_at, status) VALUES"
                           " (1, 'bench', 'manual', '2025-01-01T00:00:00+00:00', 'running')")
    config = folder / "writer.toml"
    config.write_text(f'[cluster]\nbroker = "{redis.url}"\n')
    app = sender(redis.url)
    writer = subprocess.Popen([sys.executable, "-m", "newsagg", "writer", "--config", str(config), "--db", str(db),
                               "--log-level", "WARNING"], stderr=subprocess.DEVNULL)
    while not redis.client().exists("newsagg:writer"):
        time.sleep(0.05)
    time.sleep(1.0)  # its consumer is connected
    started = time.perf_counter()
    for payload in payloads:
        app.send_task(INGEST_TASK, args=[json.loads(payload)], queue=STORE_QUEUE)
    try:
        reader = sqlite3.connect(db)
        while reader.execute("SELECT count(*) FROM articles").fetchone()[0] < count:
            time.sleep(0.05)
        reader.close()
        return time.perf_counter() - started
    finally:
        writer.terminate()
        writer.wait(30)
        redis.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--batch", default="50,200", help="batch sizes to compare ([cluster] batch_size)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds, alternating the variants; medians shown")
    parser.add_argument("--through-redis", action="store_true")
    args = parser.parse_args()
    articles = synthetic(args.articles)
    sizes = [int(size) for size in args.batch.split(",")]
    payloads = {size: wire_batches(articles, size) for size in sizes}
    n = len(articles)
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(args.repeat):
            times.setdefault("a", []).append(time_per_article(Path(folder) / f"a{round_}.db", articles))
            for size in sizes:
                times.setdefault(size, []).append(time_batched(Path(folder) / f"b{size}-{round_}.db", payloads[size]))
        redis = time_through_redis(Path(folder), payloads[sizes[0]], n) if args.through_redis else None
    per_article = statistics.median(times["a"])
    print(f"{n} new articles, {args.repeat} rounds (medians)")
    print(f"(a) Store.upsert_article, per article      : {n / per_article:7.0f} articles/s")
    for size in sizes:
        batched = statistics.median(times[size])
        kb = sum(map(len, payloads[size])) / len(payloads[size]) / 1024
        print(f"(b) writer ingest, batches of {size:<4} ({kb:4.0f} KB): {n / batched:7.0f} articles/s   "
              f"{per_article / batched:.1f}x (a)")
    if redis:
        print(f"(c) (b) through Redis and a writer process : {n / redis:7.0f} articles/s   {per_article / redis:.1f}x (a)"
              f"   (batches of {sizes[0]}; from the first batch sent to the last stored)")


if __name__ == "__main__":
    main()
