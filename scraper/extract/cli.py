"""`newsagg extract`: run the extractor on saved pages (or standard input), in input order.

JSON (one object per page and line, the scorer's contract) by default; --format text, markdown or
html prints the article itself, as a reader or an LLM pipeline wants it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from html import escape
from pathlib import Path

from core.config import ConfigError

from . import extract

MAX_PAGE_BYTES = 50 * 1024 * 1024


def add_parsers(subparsers) -> None:
    parser = subparsers.add_parser(
        "extract", help="extract articles from saved pages (.html, .html.gz, - or nothing for stdin)",
        description="Extract fields from saved pages, in input order: one JSON object per page (default), "
                    "or the article as text, Markdown or HTML. Without PATH or --manifest, reads stdin.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help=".html or .html.gz file, or - for stdin")
    parser.add_argument("--url", help="the pages' URL (resolves relative links, canonical URL, URL dates)")
    parser.add_argument("--manifest", type=Path, help='JSON Lines of {"path": ..., "url": ...}')
    parser.add_argument("--watchlist", type=Path, help="instruments CSV to tag besides the default dictionary "
                                                        "(default: the config's [entities] watchlist)")
    parser.add_argument("--config", help="config file (default: $NEWSAGG_CONFIG or ./newsagg.toml)")
    parser.add_argument("--format", choices=FORMATS, default="json",
                        help="json: every field (default); text: the body; markdown: title and body as "
                             "Markdown; html: title and body as a clean HTML page")
    parser.add_argument("--timezone", type=_timezone, metavar="ZONE",
                        help="IANA name (e.g. Asia/Ho_Chi_Minh): read dates given without UTC offset in it "
                             "(for published_utc/modified_utc); default: such dates are marked assumed-utc")
    parser.set_defaults(handler=run)


FORMATS = ("json", "text", "markdown", "html")


def _timezone(value: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(f"unknown timezone {value!r} (use an IANA name like 'Europe/Paris')") \
            from None
    return value


def _jobs(args) -> Iterator[tuple[str, str]]:
    for path in args.paths:
        yield path, args.url or ""
    if args.manifest:
        with open(args.manifest, encoding="utf-8", errors="replace") as lines:  # bad lines are reported
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                    yield str(entry["path"]), str(entry.get("url") or "")
                except (ValueError, KeyError, TypeError) as error:
                    yield f"{args.manifest}:{number}", f"!bad manifest line: {error}"


def read_page(path: str) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
    else:
        with open(path, "rb") as handle:
            data = handle.read(MAX_PAGE_BYTES + 1)
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if len(data) > MAX_PAGE_BYTES:
        raise ValueError(f"page larger than {MAX_PAGE_BYTES} bytes")
    return data


def extract_one(path: str, url: str, timezone: str | None = None) -> dict:
    if url.startswith("!"):
        return {"path": path, "url": None, "error": url[1:]}
    try:
        article = extract(read_page(path), url, timezone=timezone)
    except Exception as error:  # one bad page never stops the batch
        return {"path": path, "url": url, "error": f"{type(error).__name__}: {error}"}
    record = {"path": path, **article.to_dict()}
    record["url"] = url or None
    return record


def _load_watchlist(args: argparse.Namespace) -> None:
    from core.config import load_config_from
    from instruments import use_watchlist

    watchlist = args.watchlist or load_config_from(args.config, required=False).entities.watchlist
    if watchlist:
        use_watchlist(watchlist)


def render(record: dict, output: str) -> str:
    """One extracted page in the chosen output format (json: one line)."""
    if output == "json":
        return json.dumps(record, ensure_ascii=False) + "\n"
    title = record.get("title")
    if output == "text":
        return record["body"] + "\n"
    if output == "markdown":
        heading = f"# {' '.join(title.split())}\n\n" if title else ""
        return heading + record["body_markdown"] + "\n"
    heading = f"<h1>{escape(title)}</h1>" if title else ""
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{escape(title or "")}</title></head>\n'
            f"<body><article>{heading}\n{record['body_html']}\n</article></body></html>\n")


def run(args: argparse.Namespace) -> int:
    if not args.paths and not args.manifest:
        args.paths = ["-"]  # like trafilatura: no input named, read standard input
    try:
        _load_watchlist(args)
    except ConfigError as error:
        print(f"newsagg: error: {error}", file=sys.stderr)
        return 2
    failures = total = 0
    out = sys.stdout
    several = len(args.paths) > 1 or args.manifest is not None
    for path, url in _jobs(args):
        record = extract_one(path, url, args.timezone)
        total += 1
        if "error" in record:
            failures += 1
            print(f"newsagg: error: {path}: {record['error']}", file=sys.stderr)
            if args.format != "json":  # json keeps its one line per page (the --manifest contract)
                continue
        if several and args.format != "json":
            out.write(f"==> {path} <==\n")
        out.write(render(record, args.format))
    out.flush()
    return 1 if failures and failures == total and not args.manifest else 0
