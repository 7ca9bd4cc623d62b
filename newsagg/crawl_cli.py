"""`newsagg crawl`: an operator's crawl, of ad-hoc URLs or of sources from the config."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from core.arguments import LOG_LEVELS, positive_int
from core.config import Config, ConfigError, Source, adhoc_source, load_config_from, resolve_db_path
from core.errors import NewsaggError, SourceBusyError
from db.connection import DatabaseError
from instruments import use_watchlist
from scheduler.cli import print_config_warnings
from scheduler.logfiles import prune_run_logs, run_log_path


def add_parsers(subparsers) -> None:
    parser = subparsers.add_parser(
        "crawl", help="crawl sources from the config, or URLs given with --url",
        description="Crawl now. Exit status: 0 all runs ok (some pages may have failed: see the summary), "
                    "1 a run failed, 2 bad usage or config, 3 a source is already being crawled.")
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="source names from the config")
    parser.add_argument("--all", action="store_true", help="crawl every source of the config")
    parser.add_argument("--url", action="append", default=[], metavar="URL",
                        help="crawl this URL's site, within its path prefix (repeatable)")
    parser.add_argument("--config", help="config file (default: $NEWSAGG_CONFIG or ./newsagg.toml)")
    parser.add_argument("--db", help="SQLite file (default: [database] path, $NEWSAGG_DB or data/news.db)")
    parser.add_argument("--max-pages", type=positive_int, default=None, metavar="N",
                        help="stop each crawl after N pages (N >= 1)")
    parser.add_argument("--full", action="store_true",
                        help="forced recrawl: ignore known URLs, refresh windows and entry dates")
    parser.add_argument("--wait", action="store_true", help="wait for a source that is being crawled")
    parser.add_argument("--trigger", choices=("manual", "schedule"), default="manual", help=argparse.SUPPRESS)
    parser.add_argument("--log-level", type=str.upper, choices=LOG_LEVELS,
                        help="Scrapy log level (default WARNING; -v: INFO, -vv: DEBUG)")
    parser.add_argument("--log-file", metavar="PATH",
                        help="this crawl's log (default: a new file under the config's [logging] dir/runs/)")
    parser.set_defaults(handler=run)


def _select_sources(args):
    if args.url:
        if args.sources or args.all:
            raise NewsaggError("give either --url or source names/--all, not both")
        config = load_config_from(args.config, required=False)
        return config, [adhoc_source(args.url)]
    config = load_config_from(args.config)
    return config, named_sources(args, config)


def named_sources(args: argparse.Namespace, config: Config) -> list[Source]:
    """The config's sources a crawl names (SOURCE..., or --all); an unknown name is refused."""
    if args.all:
        if not config.sources:
            raise ConfigError(f"{config.path}: no [[sources]] defined")
        return list(config.sources)
    if not args.sources:
        raise NewsaggError("name SOURCE(s), or use --all or --url URL")
    return [config.source(name) for name in args.sources]


def run(args: argparse.Namespace) -> int:
    from scraper.run import crawl  # Scrapy is imported only for commands that crawl

    config, sources = _select_sources(args)
    use_watchlist(config.entities.watchlist)  # a bad watchlist line stops here, before any crawl
    if not args.quiet:
        print_config_warnings(config)
    if args.max_pages:
        for source in sources:
            source.max_pages = args.max_pages
    db_path = resolve_db_path(args.db, config)
    log_file = _log_file(args.log_file, config.log_dir, [s.name for s in sources])
    try:
        summaries = crawl(sources, db_path, config.crawler, trigger=args.trigger, log_level=_log_level(args),
                          progress=sys.stderr.isatty() and not args.quiet, wait=args.wait, log_file=log_file,
                          full=args.full, backend=getattr(args, "backend", None))  # a cluster worker's child
    except sqlite3.Error as error:  # e.g. a read-only file: the lock cannot be written
        raise DatabaseError(f"{db_path}: {error}") from error
    for summary in summaries:
        print_summary(summary, db_path, args.quiet)
    if not args.quiet:
        print(f"log: {log_file}")
    return exit_status(summaries)


def exit_status(summaries) -> int:
    statuses = {summary.status for summary in summaries}
    if statuses - {"ok", "busy"}:
        return 1
    return SourceBusyError.exit_code if "busy" in statuses else 0


def _log_level(args: argparse.Namespace) -> str:
    return args.log_level or ("DEBUG" if args.verbose >= 2 else "INFO" if args.verbose else "WARNING")


def _log_file(path: str | None, log_dir: str, names: list[str]) -> str:
    """This crawl's log file, checked writable before any run is opened (else one line, exit 2)."""
    if path:
        try:
            with open(path, "a"):
                pass
        except OSError as error:
            raise NewsaggError(f"--log-file {path}: {error.strerror}") from None
        return path
    try:
        prune_run_logs(log_dir)
        chosen = run_log_path(log_dir, names)
        chosen.touch()
    except OSError as error:
        folder = Path(log_dir) / "runs"
        raise NewsaggError(f"cannot write run logs in {folder}: {error.strerror} "
                           "(set [logging] dir in the config, or give --log-file PATH)") from None
    return str(chosen)


def print_summary(summary, db_path: str, quiet: int = 0) -> None:
    """One line per source, then its first failed pages; problems also as `newsagg: error:` lines.
    Quiet: only the runs that did not succeed."""
    if summary.status == "busy":
        print(f"newsagg: error: {summary.message}", file=sys.stderr)
        return
    if quiet and summary.status == "ok":
        return
    c = summary.counters
    print(f"{summary.source}: {summary.status} — {c.pages_fetched} pages fetched, {c.articles_new} new, "
          f"{c.articles_updated} updated, {c.duplicates} duplicates, {c.errors} errors "
          f"(run {summary.run_id}, db {db_path})")
    for url, error in summary.first_errors:
        print(f"  failed: {url or '-'}: {error}")
    if c.errors > len(summary.first_errors):
        print(f"  ... {c.errors - len(summary.first_errors)} more: sqlite3 {db_path} "
              f"'SELECT url, error FROM crawl_errors WHERE run_id = {summary.run_id}'")
    if summary.status != "ok":
        print(f"newsagg: error: {summary.source}: {summary.status}: {summary.message or 'see the log'}",
              file=sys.stderr)
