"""Export of 100k articles: wall time and peak memory of `newsagg export`, jsonl and csv.

    .venv/bin/python -m bench.db_export [--articles 100000]

The file is bulk-loaded with executemany (same schema, FTS triggers on). Each export runs as a
real `newsagg export` subprocess writing to a file; peak memory is the child's max RSS. An export
of one source (1/7 of the rows) is measured too: equal peaks show memory does not grow with rows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import db_synthetic
from db.connection import connect
from db.dedup import content_hash

CHUNK = 5_000


def bulk_load(path: Path, count: int, conn=None, local_dates: bool = False) -> None:
    """`count` synthetic articles in one transaction (into `conn` when given: a file at an older
    schema). `local_dates`: every other published_at without its UTC offset."""
    rng, words = random.Random(3), db_synthetic.vocabulary()
    conn = conn or connect(path)
    now = "2024-03-01T00:00:00+00:00"
    conn.execute("BEGIN")
    for start in range(0, count, CHUNK):
        articles = [db_synthetic.article(n, rng, words, paragraphs=4) for n in range(start, min(start + CHUNK, count))]
        conn.executemany(
            "INSERT INTO articles (url, source, title, authors, published_at, language, body, content_hash,"
            " first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.url, a.url.split("/")[2], a.title, json.dumps(a.authors),
              a.published_at[:19] if local_dates and n % 2 == 0 else a.published_at, a.language, a.body,
              content_hash(a.body), now, now) for n, a in enumerate(articles)])
    conn.execute("COMMIT")
    conn.close()


def timed_export(db: Path, output: Path, fmt: str, *filters: str) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one `newsagg export` child."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "newsagg", "export", "--db", str(db), "--format", fmt,
                              "-o", str(output), *filters], stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"export failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "export.db"
        started = time.perf_counter()
        bulk_load(db, args.articles)
        print(f"loaded {args.articles:,} articles ({db.stat().st_size / 1e6:,.0f} MB) in "
              f"{time.perf_counter() - started:.0f} s")
        for fmt in ("jsonl", "csv"):
            output = Path(folder) / f"out.{fmt}"
            seconds, peak = timed_export(db, output, fmt)
            print(f"export {fmt:5s} {args.articles:,} articles: {seconds:5.1f} s "
                  f"({args.articles / seconds:,.0f} articles/s, {output.stat().st_size / 1e6:,.0f} MB), "
                  f"peak RSS {peak:.0f} MB")
        seconds, peak = timed_export(db, Path(folder) / "small.jsonl", "jsonl", "--source", "bench0.example")
        print(f"export jsonl of one source (1/7 of the rows): {seconds:5.1f} s, peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
