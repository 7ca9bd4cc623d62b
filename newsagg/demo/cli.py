"""`newsagg demo`: serve the bundled demo finance site on loopback, crawl it, show what was stored."""

from __future__ import annotations

import argparse
import json
import sys

from core.config import CrawlerSettings, Source

DEFAULT_DEMO_DB = "data/demo.db"


def add_parsers(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="crawl the bundled demo finance site (served on 127.0.0.1) into a SQLite file",
        description="Serve the bundled demo finance-news site on a free loopback port, crawl it into a "
                    "SQLite file and print what was stored.")
    parser.add_argument("--db", default=DEFAULT_DEMO_DB, help=f"SQLite file (default {DEFAULT_DEMO_DB})")
    parser.add_argument("--log-level", default="ERROR", type=str.upper,
                        choices=("DEBUG", "INFO", "WARNING", "ERROR"))
    parser.set_defaults(handler=run)


def demo_source(base_url: str) -> Source:
    return Source(name="demo", start_urls=[base_url + "/"], max_pages=500, timeout=300, download_delay=0.0,
                  profile="demo")  # scraper/extract/sites/demo.py: the demo site's profile


def run(args: argparse.Namespace) -> int:
    from newsagg.demo.server import LoopbackSite
    from newsagg.demo.site import build_site
    from scraper.run import crawl

    site = build_site()
    with LoopbackSite(site.routes) as server:
        print(f"Serving the demo finance site at {server.base_url}/ and crawling it into {args.db} ...")
        crawler = CrawlerSettings(download_delay=0.0, concurrency_per_domain=8)
        [summary] = crawl([demo_source(server.base_url)], args.db, crawler, log_level=args.log_level)
    c = summary.counters
    print(f"\nRun {summary.run_id}: {summary.status}. {c.pages_fetched} pages fetched, {c.articles_new} new "
          f"articles, {c.articles_updated} updated, {c.duplicates} duplicates, {c.errors} errors.\n")
    print_stored(args.db)
    print(f"""
Look at it:
  sqlite3 {args.db} "SELECT id, title, published_at FROM articles ORDER BY published_at DESC"
  .venv/bin/newsagg search "inflation" --db {args.db}
  .venv/bin/newsagg export --format jsonl --db {args.db} | head
  datasette {args.db}          # pip install datasette (or: make bench installs it)
Run `make demo` again: the second crawl stores nothing new.""")
    return 0 if summary.status == "ok" else 1


def print_stored(db_path: str) -> None:
    from db.connection import connect
    from db.queries import article_overview

    conn = connect(db_path)
    try:
        rows = article_overview(conn)
    finally:
        conn.close()
    print(f"{len(rows)} articles stored:")
    print(f"  {'id':>3}  {'published':<25} {'lang':<4} {'faq':>3} {'disc':<4} {'chars':>5}  title / authors")
    for article_id, title, authors, published, language, duplicate_of, faqs, disclaimer, size in rows:
        names = ", ".join(json.loads(authors or "[]")) or "-"
        note = f"  [duplicate of {duplicate_of}]" if duplicate_of else ""
        print(f"  {article_id:>3}  {published or '-':<25} {language or '-':<4} {faqs:>3} "
              f"{'yes' if disclaimer else '-':<4} {size:>5}  {(title or '-')[:70]}{note}")
        print(f"  {'':>3}  {'':<25} {'':<4} {'':>3} {'':<4} {'':>5}  by {names}")
    sys.stdout.flush()
