"""Upsert throughput: Store.upsert_article against raw sqlite3 executemany of the same rows.

    .venv/bin/python -m bench.db_store [--articles 5000]

Both sides write into a fresh file with the same schema (FTS triggers included). The raw side is
the floor: one transaction, no canonicalisation, hashing, fingerprints, dedup lookups or URL rows
logic. The store does one transaction per article (crash safety) and the three dedup layers.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from bench import db_synthetic
from db.connection import connect, utcnow
from db.dedup import content_hash, fingerprint
from db.store import Store
from db.urls import canonicalize


def raw_rows(articles) -> tuple[list[tuple], list[tuple]]:
    now = utcnow()
    rows = [(canonicalize(a.url), "bench", a.title, json.dumps(a.authors), a.published_at, a.modified_at, a.language,
             a.body, a.disclaimer, content_hash(a.body), now, now) for a in articles]
    urls = [(canonicalize(a.url), number, now, now) for number, a in enumerate(articles, 1)]
    return rows, urls


def time_raw(path: Path, articles) -> float:
    rows, urls = raw_rows(articles)  # prepared outside the timing: the floor is SQLite alone
    conn = connect(path)
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO articles (url, source, title, authors, published_at, modified_at, language, body,"
                     " disclaimer, content_hash, first_seen_at, last_seen_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    conn.executemany("INSERT INTO article_urls (url, article_id, first_seen_at, last_seen_at) VALUES (?,?,?,?)", urls)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def time_upserts(path: Path, articles) -> float:
    """Seconds to upsert every article: new ones on a fresh file, unchanged ones on a second pass."""
    with Store(path) as store:
        started = time.perf_counter()
        for article in articles:
            store.upsert_article(article, "bench")
        return time.perf_counter() - started


def time_recrawl_with_plain_fts_trigger(path: Path, articles) -> float:
    """The unchanged pass again, on a file whose FTS update trigger is sqlite-utils' own (it
    re-indexes a row on ANY update, last_seen_at included) instead of our narrowed one."""
    from sqlite_utils import Database

    from db.schema import enable_search

    with Store(path) as store:
        enable_search(Database(store.conn, recursive_triggers=False), narrow_update_trigger=False)
    time_upserts(path, articles)
    return time_upserts(path, articles)


def time_fingerprints(articles) -> float:
    started = time.perf_counter()
    for article in articles:
        fingerprint(article.body)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    rng, words = random.Random(1), db_synthetic.vocabulary()
    articles = [db_synthetic.article(number, rng, words) for number in range(args.articles)]
    chars = sum(len(a.body) for a in articles) / len(articles)
    with tempfile.TemporaryDirectory() as folder:
        raw = time_raw(Path(folder) / "raw.db", articles)
        store = time_upserts(Path(folder) / "store.db", articles)
        recrawl = time_upserts(Path(folder) / "store.db", articles)  # same rows again: unchanged
        plain = time_recrawl_with_plain_fts_trigger(Path(folder) / "plain.db", articles)
    prints = time_fingerprints(articles)
    n = len(articles)
    print(f"{n} articles, body {chars:.0f} chars on average")
    print(f"raw executemany (1 transaction)   : {n / raw:9.0f} articles/s")
    print(f"Store.upsert_article (new)        : {n / store:9.0f} articles/s   raw/store ratio {store / raw:.1f}x")
    print(f"Store.upsert_article (unchanged)  : {n / recrawl:9.0f} articles/s")
    print(f"  same, sqlite-utils' FTS trigger : {n / plain:9.0f} articles/s   (ours {plain / recrawl:.1f}x faster)")
    print(f"  of which MinHash fingerprinting : {prints / n * 1e6:9.0f} us/article "
          f"({prints / store:.0%} of the store's time)")


if __name__ == "__main__":
    main()
