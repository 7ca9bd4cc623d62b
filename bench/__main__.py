"""`python -m bench` (or `make bench`): list the benchmarks; `python -m bench NAME [ARGS]` runs one.

Each benchmark compares side by side in one run (ratios, not absolute times: machines are noisy)
and prints its own table. Peers (trafilatura, ...) come from the `bench` extra.
"""

from __future__ import annotations

import runpy
import sys

BENCHMARKS = {
    "extract_body": "extraction time per page vs trafilatura, page by page side by side (issues 3, 11)",
    "db_store": "upsert throughput vs raw sqlite3 executemany (issue 4)",
    "db_near_dup": "near-duplicate lookup per article at 10k, 100k, 1M stored articles (issue 4)",
    "db_export": "export of 100k articles: time and peak memory (issue 4)",
    "db_threshold": "near-duplicate similarity of real pairs, to choose the threshold (issue 4)",
    "scheduler_memory": "daemon resident memory across 100 short runs (issue 5)",
    "crawl_throughput": "bare Scrapy vs + extraction vs newsagg crawl, 2,000 pages; recrawl (issue 6)",
    "cluster_writer": "cluster writer: batched ingest vs per-article upsert, and through Redis (issue 14)",
    "cluster_known_urls": "cluster: known-URL snapshot at 100k URLs vs JSON, gzip, a Redis SET (issue 14)",
    "cluster_throughput": "cluster: pages/s with 1 and 2 crawl workers, Redis round trips per page (issue 14)",
    "crawl_revisits": "requests per run on a publisher-shaped site: second run, new content, --full (issue 13)",
    "instruments_speed": "instrument recognition: dictionary build time, median ms per dev article (issue 15)",
    "instruments_score": "instrument tags vs the blind hand labels, tune and holdout apart (issue 15)",
    "extract_formats": "body_html / Markdown / images: added ms per page vs extraction, markdownify peer (issue 16)",
    "db_backfill": "100k-article file: migration step and UTC backfill with a reader and a writer running (issue 16)",
}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in BENCHMARKS:
        print("usage: python -m bench NAME [ARGS]   (make bench BENCH=NAME)\n")
        for name, what in BENCHMARKS.items():
            print(f"  {name:18} {what}")
        return 0 if len(sys.argv) < 2 else 2
    name = sys.argv.pop(1)
    sys.argv[0] = f"bench.{name}"
    runpy.run_module(f"bench.{name}", run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
