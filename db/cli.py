"""`newsagg search|export|stats`: read-side commands over the SQLite file."""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from contextlib import nullcontext
from datetime import date, datetime
from typing import TextIO

from core.arguments import positive_int
from core.errors import NewsaggError

from . import queries
from .connection import open_existing


def add_parsers(subparsers) -> None:
    search = subparsers.add_parser("search", help="full-text search over titles, bodies and FAQs",
                                   description="Best matches first. Exit status 1 when nothing matches, "
                                               "2 for an empty or (with --raw) malformed query or a missing "
                                               "database.")
    search.add_argument("query", nargs="?", help="words to find (all must match); FTS5 syntax with --raw")
    search.add_argument("--raw", action="store_true", help="pass QUERY to SQLite FTS5 unchanged (AND, OR, NEAR, *)")
    search.add_argument("--limit", type=positive_int, default=20, metavar="N",
                        help="at most N results (default 20)")
    search.add_argument("--json", action="store_true", help="one JSON object per line")
    _add_filters(search)
    search.set_defaults(handler=run_search)

    export = subparsers.add_parser("export", help="stream articles as JSON Lines, CSV or Markdown files",
                                   description="Streams in id order with constant memory. --format markdown "
                                               "writes one .md file per article (front matter + body) into "
                                               "the folder given with -o.")
    export.add_argument("--format", choices=("jsonl", "csv", "markdown"), default="jsonl")
    export.add_argument("--output", "-o", help="write to this file instead of standard output "
                                               "(markdown: the folder to write into, required)")
    _add_filters(export)
    export.set_defaults(handler=run_export)

    stats = subparsers.add_parser("stats", help="articles per source and day, duplicates, versions")
    stats.add_argument("--since", type=_iso_date, help="only days from DATE (YYYY-MM-DD)")
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    stats.add_argument("--top-instruments", nargs="?", type=positive_int, const=20, metavar="N",
                       help="the N instruments most articles mention (default 20)")
    _add_db(stats)
    stats.set_defaults(handler=run_stats)


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="SQLite file (default: [database] path, $NEWSAGG_DB or data/news.db)")
    parser.add_argument("--config", help="config file (default: $NEWSAGG_CONFIG or ./newsagg.toml)")


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=_iso_date, help="published (else first seen) on or after DATE")
    parser.add_argument("--source", help="only this source")
    parser.add_argument("--include-duplicates", action="store_true", help="also copies of other articles")
    parser.add_argument("--ticker", help="only articles tagged with this instrument: NVDA, HOSE:VIC, BTC or an ISIN")
    _add_db(parser)


def _iso_date(value: str) -> str:
    try:
        (date if len(value) == 10 else datetime).fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date: {value!r} (use YYYY-MM-DD)") from None
    return value


def _filters(args: argparse.Namespace) -> queries.ArticleFilter:
    return queries.ArticleFilter(args.since, args.source, args.include_duplicates, args.ticker)


def _open(args: argparse.Namespace) -> sqlite3.Connection:
    """The existing database (these commands only read: a missing file is an error, exit 2)."""
    from core.config import load_config_from, resolve_db_path

    config = load_config_from(args.config, required=False)
    return open_existing(resolve_db_path(args.db, config))


def run_search(args: argparse.Namespace) -> int:
    if args.query is None and not args.ticker:
        raise NewsaggError("give QUERY, --ticker SYMBOL, or both")
    if args.query is not None and not (args.query if args.raw else queries.plain_words(args.query)).strip():
        raise NewsaggError("empty search query: give words to find, e.g. newsagg search \"rate cut\"")
    conn = _open(args)
    try:
        hits = queries.search(conn, args.query, args.limit, args.raw, _filters(args))
    except sqlite3.OperationalError as error:  # --raw FTS5 syntax
        raise NewsaggError(f"bad search query {args.query!r}: {error}") from None
    finally:
        conn.close()
    for hit in hits:
        if args.json:
            print(json.dumps(hit, ensure_ascii=False))
        else:
            copy = f"  (copy of {hit['duplicate_of']})" if hit["duplicate_of"] else ""
            print(f"{hit['id']}\t{hit['published_utc'] or hit['published_at'] or '-'}\t{hit['source']}\t{hit['title'] or '(no title)'}"
                  f"{copy}\n\t{hit['url']}\n\t{hit['snippet']}")
    return 0 if hits else 1


def run_export(args: argparse.Namespace) -> int:
    if args.format == "markdown":
        return _export_markdown(args)
    conn = _open(args)
    try:
        with open(args.output, "w", encoding="utf-8", newline="") if args.output else nullcontext(sys.stdout) as out:
            rows = queries.export_rows(conn, _filters(args))
            count = (_write_csv if args.format == "csv" else _write_jsonl)(rows, out)
    finally:
        conn.close()
    if not args.quiet:
        print(f"exported {count} articles", file=sys.stderr)
    return 0


def _write_jsonl(rows, out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(rows, out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=queries.EXPORT_COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        for name in ("authors", "faq", "images", "instruments"):
            row[name] = json.dumps(row[name], ensure_ascii=False)
        writer.writerow(row)
        count += 1
    return count


def _export_markdown(args: argparse.Namespace) -> int:
    from .markdown_export import write_markdown_files

    if not args.output:
        raise NewsaggError("--format markdown needs -o FOLDER")
    conn = _open(args)
    try:
        count = write_markdown_files(queries.export_rows(conn, _filters(args)), args.output)
    finally:
        conn.close()
    if not args.quiet:
        print(f"exported {count} articles to {args.output}", file=sys.stderr)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    conn = _open(args)
    try:
        report = queries.stats(conn, args.since)
        if args.top_instruments:
            report["top_instruments"] = queries.top_instruments(conn, args.since, args.top_instruments)
    finally:
        conn.close()
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    totals = report["totals"]
    print(f"{totals['articles']} articles, {totals['duplicates']} duplicates "
          f"({totals['near_duplicates'] or 0} near), {totals['versions_kept']} earlier versions kept, "
          f"{totals['urls']} URLs, {totals['faq_entries']} FAQ entries")
    print("\nsource\tarticles\tduplicates\tupdated\tversions kept")
    for row in report["per_source"]:
        print(f"{row['source']}\t{row['articles']}\t{row['duplicates']}\t{row['updated_articles']}"
              f"\t{row['versions_kept']}")
    print("\nsource\tday\tarticles\tduplicates")
    for row in report["per_source_day"]:
        print(f"{row['source']}\t{row['day']}\t{row['articles']}\t{row['duplicates']}")
    if "top_instruments" in report:
        print("\nkind\tsymbol\texchange\tname\tarticles\tin title\tmentions")
        for row in report["top_instruments"]:
            print(f"{row['kind']}\t{row['symbol'] or '-'}\t{row['exchange'] or '-'}\t{row['name'] or '-'}"
                  f"\t{row['articles']}\t{row['in_title']}\t{row['mentions']}")
    return 0
