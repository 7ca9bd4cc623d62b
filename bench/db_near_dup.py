"""Near-duplicate lookup cost per article at 10k, 100k and 1M stored articles.

    .venv/bin/python -m bench.db_near_dup [--sizes 10000 100000 1000000]

Each size gets a fresh file: N article rows and their N x BANDS band rows are bulk-inserted
(executemany; band keys are uniform random 64-bit values, generated in sorted order so the
bulk load is an append), then real articles are stored through the Store so true copies exist.
Timed: the dedup lookup of a new article (exact hash + band index + verification), for copies
(hits) and for unrelated articles (misses), and the whole upsert_article of a new article.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench import db_corpus, db_synthetic
from db import dedup
from db.connection import connect
from db.store import Store, _find_original

CHUNK = 200_000
PROBES = 300


def sorted_uniform_keys(count: int, rng: random.Random):
    """`count` uniform random signed 64-bit values in increasing order (exponential gaps)."""
    value, step = -(2 ** 63), 2 ** 64 / (count + 1)
    for _ in range(count):
        value += int(rng.expovariate(1.0) * step) + 1
        yield min(value, 2 ** 63 - 1)


def bulk_load(path: Path, size: int, rng: random.Random) -> None:
    conn = connect(path)
    conn.execute("PRAGMA cache_size = -512000")  # 500 MB: a bulk load, not the crawler's setting
    now = "2024-01-01T00:00:00+00:00"
    conn.execute("BEGIN")
    for start in range(0, size, CHUNK):
        conn.executemany(
            "INSERT INTO articles (id, url, source, body, content_hash, first_seen_at, last_seen_at)"
            " VALUES (?, ?, 'bulk', '', ?, ?, ?)",
            [(n + 1, f"https://bulk.example/{n}", f"{rng.getrandbits(256):064x}", now, now)
             for n in range(start, min(start + CHUNK, size))])
    keys = sorted_uniform_keys(size * dedup.BANDS, rng)
    while batch := [(key, rng.randrange(1, size + 1)) for key, _ in zip(keys, range(CHUNK * 5), strict=False)]:
        conn.executemany("INSERT OR IGNORE INTO near_dup_bands (band_key, article_id) VALUES (?, ?)", batch)
    conn.execute("COMMIT")
    conn.close()


def timed_lookups(store: Store, bodies: list[str]) -> tuple[list[float], int]:
    """Microseconds per lookup, and how many found an original."""
    times, found = [], 0
    for body in bodies:
        digest, prints = dedup.content_hash(body), dedup.fingerprint(body)
        cold = dedup.ShingleCache()  # no warm cache: every candidate is read and shingled from the file
        started = time.perf_counter()
        found += _find_original(store.conn, digest, prints, cold) is not None
        times.append((time.perf_counter() - started) * 1e6)
    return times, found


def measure(size: int, originals: list[str], folder: Path) -> None:
    rng, words = random.Random(size), db_synthetic.vocabulary()
    path = folder / f"near-{size}.db"
    started = time.perf_counter()
    bulk_load(path, size, rng)
    load = time.perf_counter() - started
    with Store(path) as store:
        for number, body in enumerate(originals):
            original = db_synthetic.article(10**8 + number, rng, words, paragraphs=1)
            original.body = body  # a real story, so its copies are real near-duplicates
            store.upsert_article(original, "orig")
        copies = [db_corpus.syndicated_copy(body, True) for body in originals]
        misses = [db_synthetic.body(rng, words) for _ in range(PROBES)]
        hit_times, hits = timed_lookups(store, copies)
        miss_times, false_hits = timed_lookups(store, misses)
        fresh = [db_synthetic.article(2 * 10**8 + n, rng, words) for n in range(PROBES)]
        started = time.perf_counter()
        for article in fresh:
            store.upsert_article(article, "fresh")
        upsert = (time.perf_counter() - started) / len(fresh) * 1e6
    megabytes = path.stat().st_size / 1e6
    print(f"{size:>9,} articles ({size * dedup.BANDS:,} band rows, {megabytes:,.0f} MB, loaded in {load:.0f} s): "
          f"lookup copy median {statistics.median(hit_times):6.0f} us p95 {_p95(hit_times):6.0f} us "
          f"({hits}/{len(copies)} found) | lookup new median {statistics.median(miss_times):5.0f} us "
          f"p95 {_p95(miss_times):5.0f} us ({false_hits} false) | upsert new {upsert:5.0f} us")
    path.unlink()


def _p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    if db_corpus.available():
        originals = [row["body"] for row in db_corpus.bodies()[:PROBES]]
    else:
        rng, words = random.Random(0), db_synthetic.vocabulary()
        originals = [db_synthetic.body(rng, words) for _ in range(PROBES)]
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            measure(size, originals, Path(folder))


if __name__ == "__main__":
    main()
