"""`newsagg retag`: recognise the stored articles' instruments again, after the watchlist (or the
shipped dictionary) changed."""

from __future__ import annotations

import argparse
import sys

from core.arguments import positive_int

from .cli import _add_db, _iso_date, _open


def add_parsers(subparsers) -> None:
    parser = subparsers.add_parser(
        "retag", help="re-tag stored articles' instruments after a watchlist change",
        description="Recognises the instruments of stored articles again with the current dictionary and "
                    "watchlist ([entities] watchlist, or --watchlist) and rewrites the tags that changed, "
                    "in short batches: readers are not blocked and a running crawl waits at most one batch. "
                    "Exit status: 0 done, 1 database error, 2 bad watchlist or usage.")
    parser.add_argument("--watchlist", metavar="CSV", help="use this watchlist instead of the config's")
    parser.add_argument("--since", type=_iso_date, help="only articles published (else first seen) from DATE")
    parser.add_argument("--source", help="only this source's articles")
    parser.add_argument("--batch", type=positive_int, default=200,
                        help="articles per write transaction (default 200)")
    _add_db(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.config import load_config_from
    from instruments import use_watchlist

    from .instruments import retag
    from .queries import ArticleFilter

    config = load_config_from(args.config, required=False)
    # A bad config or watchlist line fails here (ConfigError: one line, exit 2), before the
    # database is touched: nothing is half re-tagged.
    use_watchlist(args.watchlist or config.entities.watchlist)
    conn = _open(args)
    try:
        def progress(report) -> None:
            if not args.quiet and sys.stderr.isatty():
                print(f"\rretag: {report.articles} articles read, {report.changed} changed", end="",
                      file=sys.stderr, flush=True)

        report = retag(conn, ArticleFilter(args.since, args.source, include_duplicates=True), args.batch,
                       progress=progress)
    finally:
        conn.close()
    if not args.quiet and sys.stderr.isatty():
        print(file=sys.stderr)
    skipped = f", {report.skipped} rewritten by a crawl meanwhile" if report.skipped else ""
    print(f"retagged {report.articles} articles: {report.changed} changed{skipped}")
    return 0
