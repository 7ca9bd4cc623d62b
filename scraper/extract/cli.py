"""`newsagg extract`: run the extractor on saved pages, one JSON object per line, in input order."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from core.config import ConfigError

from . import extract

MAX_PAGE_BYTES = 50 * 1024 * 1024


def add_parsers(subparsers) -> None:
    parser = subparsers.add_parser(
        "extract", help="extract articles from saved pages (.html, .html.gz, - for stdin)",
        description="Extract fields from saved pages; prints one JSON object per page, in input order.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help=".html or .html.gz file, or - for stdin")
    parser.add_argument("--url", help="the pages' URL (resolves relative links, canonical URL, URL dates)")
    parser.add_argument("--manifest", type=Path, help='JSON Lines of {"path": ..., "url": ...}')
    parser.add_argument("--watchlist", type=Path, help="instruments CSV to tag besides the default dictionary "
                                                        "(default: the config's [entities] watchlist)")
    parser.add_argument("--config", help="config file (default: $NEWSAGG_CONFIG or ./newsagg.toml)")
    parser.set_defaults(handler=run)


def _jobs(args) -> Iterator[tuple[str, str]]:
    for path in args.paths:
        yield path, args.url or ""
    if args.manifest:
        with open(args.manifest, encoding="utf-8") as lines:
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


def extract_one(path: str, url: str) -> dict:
    if url.startswith("!"):
        return {"path": path, "url": None, "error": url[1:]}
    try:
        article = extract(read_page(path), url)
    except Exception as error:  # one bad page never stops the batch
        return {"path": path, "url": url, "error": f"{type(error).__name__}: {error}"}
    record = {"path": path, **article.to_dict()}
    record["url"] = url or None
    return record


def _load_watchlist(args: argparse.Namespace) -> None:
    from core.config import load_config, resolve_config_path
    from instruments import use_watchlist

    watchlist = args.watchlist or load_config(resolve_config_path(args.config), required=False).entities.watchlist
    if watchlist:
        use_watchlist(watchlist)


def run(args: argparse.Namespace) -> int:
    if not args.paths and not args.manifest:
        print("newsagg: error: give PATH ... or --manifest FILE", file=sys.stderr)
        return 2
    try:
        _load_watchlist(args)
    except ConfigError as error:
        print(f"newsagg: error: {error}", file=sys.stderr)
        return 2
    failures = 0
    out = sys.stdout
    for path, url in _jobs(args):
        record = extract_one(path, url)
        failures += "error" in record
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    return 1 if failures and failures == len(args.paths) and not args.manifest else 0
