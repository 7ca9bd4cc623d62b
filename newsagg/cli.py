"""The `newsagg` command: a thin dispatcher. Each room registers its own subcommands
(`add_parsers(subparsers)`) and each handler returns the process exit code."""

from __future__ import annotations

import argparse
import sys

from db import cli as db_cli
from db import retag_cli
from newsagg import crawl_cli
from newsagg.demo import cli as demo_cli
from scheduler import cli as scheduler_cli
from scraper.extract import cli as extract_cli

ROOMS = (crawl_cli, extract_cli, scheduler_cli, db_cli, retag_cli, demo_cli)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsagg", description="Finance-news aggregation into SQLite.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for room in ROOMS:
        room.add_parsers(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("newsagg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `newsagg export | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
