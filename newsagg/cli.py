"""The `newsagg` command: a thin dispatcher. Each room registers its own subcommands
(`add_parsers(subparsers)`) and each handler returns the process exit code.

Every failure reaches the operator as one line, `newsagg: error: ...`, with a documented exit
status (docs/cli.md): 1 a run or the database failed, 2 bad usage, config or input, 3 a source is
busy, 130 interrupted. A traceback only with -v, and only for what we did not foresee.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import traceback
from importlib import metadata

from core.errors import NewsaggError
from db import cli as db_cli
from db import retag_cli
from db.connection import DatabaseError
from newsagg import cluster_cli, crawl_cli
from newsagg.demo import cli as demo_cli
from scheduler import cli as scheduler_cli
from scraper.extract import cli as extract_cli

ROOMS = (crawl_cli, extract_cli, scheduler_cli, db_cli, retag_cli, demo_cli, cluster_cli)  # cluster last: it extends crawl, schedule
EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130


class Parser(argparse.ArgumentParser):
    """Usage mistakes are one line too, naming where to read more."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"newsagg: error: {message} (see `{self.prog} --help`)\n")


def version() -> str:
    try:
        return metadata.version("newsagg")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def _add_verbosity(parser: argparse.ArgumentParser, default) -> None:
    group = parser.add_argument_group("output")
    group.add_argument("-q", "--quiet", action="count", default=default,
                       help="less output: errors only (no progress line, no summary of runs that went well)")
    group.add_argument("-v", "--verbose", action="count", default=default,
                       help="more output: crawl logs at INFO (-vv: DEBUG), tracebacks of unexpected errors")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="newsagg", description="Finance-news aggregation into SQLite.")
    parser.add_argument("--version", action="version", version=f"newsagg {version()}")
    _add_verbosity(parser, default=0)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for room in ROOMS:
        room.add_parsers(subparsers)
    for command in subparsers.choices.values():  # also after the command: `newsagg crawl -q`
        _add_verbosity(command, default=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("newsagg: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `newsagg export | head`
        return 0
    except (NewsaggError, DatabaseError) as error:
        return fail(str(error), error.exit_code)
    except OSError as error:  # a file or folder that cannot be read or written
        where = f"{error.filename}: " if error.filename else ""
        return fail(f"{where}{error.strerror or error}", EXIT_USAGE)
    except sqlite3.Error as error:
        return fail(f"database: {error}", EXIT_FAILED)
    except Exception as error:  # noqa: BLE001 (the last line of defence: one line, not a traceback)
        if args.verbose:
            traceback.print_exc()
        hint = "" if args.verbose else " (run with -v for the traceback)"
        text = " ".join(str(error).split())  # a library's message may span lines
        return fail(f"unexpected {type(error).__name__}: {text}{hint}", EXIT_FAILED)


def fail(message: str, code: int) -> int:
    print(f"newsagg: error: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
