"""`newsagg demo`: serve the bundled demo finance site on loopback, crawl it, show what was stored.
`newsagg demo --serve`: only serve it, for trying `newsagg crawl --url` by hand.

The site is served on a fixed port (DEMO_PORT) so that its URLs, which are what the database
knows articles by, are the same from one run to the next: a second `make demo` stores nothing
new. When that port is taken by something else, the demo says so and uses a free one.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import signal
import sys
import threading
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from core.arguments import LOG_LEVELS
from core.config import CrawlerSettings, Source
from core.errors import NewsaggError

DEFAULT_DEMO_DB = "data/demo.db"
DEMO_PORT = 8631
SITE_NAME = "Harbor Street Finance"  # what /site-manifest.json of the demo site says
DATASETTE_METADATA = Path(__file__).resolve().parents[2] / "docs" / "datasette-metadata.json"


def add_parsers(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="crawl the bundled demo finance site (served on 127.0.0.1) into a SQLite file",
        description=f"Serve the bundled demo finance-news site on 127.0.0.1:{DEMO_PORT}, crawl it into a SQLite "
                    "file and print what was stored; run it again and nothing new is stored. With --serve, "
                    "only serve the site until Ctrl-C. Exit status 0, 1 when the crawl failed, 2 when the "
                    "port given with --port is taken.")
    parser.add_argument("--db", default=DEFAULT_DEMO_DB, help=f"SQLite file (default {DEFAULT_DEMO_DB})")
    parser.add_argument("--port", type=_port, metavar="PORT",
                        help=f"serve on this 127.0.0.1 port (default {DEMO_PORT}; a free one if that is taken)")
    parser.add_argument("--serve", action="store_true",
                        help="only serve the site until Ctrl-C/SIGTERM, to crawl it by hand with `newsagg crawl --url`")
    parser.add_argument("--log-level", default="ERROR", type=str.upper, choices=LOG_LEVELS)
    parser.set_defaults(handler=run)


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number (1-65535): {text!r}")
    return int(text)


def demo_source(base_url: str) -> Source:
    """The demo site as a source. Served on another port it is another site (its URLs differ), so
    another source: the crawl state of the one on DEMO_PORT (listings to revisit, the frontier)
    must not send this crawl to a port nobody serves any more."""
    port = int(base_url.rsplit(":", 1)[1])
    name = "demo" if port == DEMO_PORT else f"demo-{port}"
    return Source(name=name, start_urls=[base_url + "/"], max_pages=500, timeout=300, download_delay=0.0,
                  profile="demo")  # scraper/extract/sites/demo.py: the demo site's profile


def run(args: argparse.Namespace) -> int:
    from newsagg.demo.site import build_site

    site = build_site()
    if args.serve:
        return serve_until_stopped(site, args.port)
    from scraper.run import crawl

    with demo_site(site, args.port) as (base_url, note):
        if note:
            print(f"newsagg demo: {note}", file=sys.stderr)
        print(f"Crawling the demo finance site at {base_url}/ into {args.db} ...")
        crawler = CrawlerSettings(download_delay=0.0, concurrency_per_domain=8)
        source = demo_source(base_url)
        [summary] = crawl([source], args.db, crawler, log_level=args.log_level)
    c = summary.counters
    print(f"\nRun {summary.run_id}: {summary.status}. {c.pages_fetched} pages fetched, {c.articles_new} new "
          f"articles, {c.articles_updated} updated, {c.duplicates} duplicates, {c.errors} errors.\n")
    if saving := only_new_line(args.db, source.name, summary.run_id, c.pages_fetched):
        print(saving + "\n")
    print_stored(args.db)
    print("\nLook at it:")
    for line in look_commands(args.db):
        print(f"  {line}")
    again = "stores nothing new" if base_url.endswith(f":{args.port or DEMO_PORT}") else (
        f"stores nothing new once port {DEMO_PORT} is free again")
    print(f"Run `make demo` again: the second crawl {again}. `{_here('newsagg')} demo --serve` keeps the "
          "site up to crawl it by hand.")
    return 0 if summary.status == "ok" else 1


@contextmanager
def demo_site(site, port: int | None):
    """(base URL, note or None) of the demo site, served here for the duration, or already served
    on the port by `newsagg demo --serve`."""
    from newsagg.demo.server import LoopbackSite

    wanted = port or DEMO_PORT
    try:
        server = LoopbackSite(site.routes, port=wanted)
        note = None
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        taken = f"http://127.0.0.1:{wanted}"
        if _is_demo_site(taken):
            yield taken, f"the demo site is already served at {taken}/ (newsagg demo --serve): crawling it"
            return
        if port:
            raise NewsaggError(f"port {port} is in use by another program: choose another --port") from None
        server = LoopbackSite(site.routes, port=0)
        note = (f"port {DEMO_PORT} is in use by another program: serving on {server.base_url} instead. "
                f"The URLs differ from runs on port {DEMO_PORT}, so this crawl stores the site anew "
                "(free the port, or give the same --port every time)")
    with server:
        yield server.base_url, note


def _is_demo_site(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/site-manifest.json", timeout=3) as response:
            return json.loads(response.read(4096)).get("name") == SITE_NAME
    except (OSError, ValueError, AttributeError):
        return False


def serve_until_stopped(site, port: int | None) -> int:
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with demo_site(site, port) as (base_url, note):
        if note:
            print(f"newsagg demo: {note}", file=sys.stderr)
            if "already served" in note:
                return 0
        print(f"Serving the demo finance site at {base_url}/ until Ctrl-C. Crawl it by hand:\n"
              f"  {_here('newsagg')} crawl --url {base_url}/ --db data/by-hand.db", flush=True)
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
    print("stopped", flush=True)
    return 0


def only_new_line(db_path: str, source: str, run_id: int | None, pages: int) -> str | None:
    """After the first crawl of the demo site: what this one cost against it."""
    from db import runs
    from db.connection import connect

    conn = connect(db_path)
    try:
        history = runs.list_runs(conn, source, limit=100_000)
    finally:
        conn.close()
    first = history[-1] if history else None
    if first is None or first["id"] == run_id or not first["pages_fetched"]:
        return None
    return (f"Only new: {pages} pages fetched, against {first['pages_fetched']} by the first crawl of the site "
            f"({pages / first['pages_fetched']:.0%}): known articles, redirects and listings that are not due "
            "are not fetched again (docs/crawling.md).")


def look_commands(db_path: str) -> list[str]:
    newsagg = _here("newsagg")
    return [f'sqlite3 {db_path} "SELECT id, title, published_utc FROM articles ORDER BY published_utc DESC"',
            f'{newsagg} search "inflation" --db {db_path}',
            f"{newsagg} export --format jsonl --db {db_path} | head",
            datasette_command(db_path)]


def datasette_command(db_path: str) -> str:
    """The Datasette command for this file, with the shipped metadata keyed to the file's name
    (Datasette names a database after its file), written next to it."""
    datasette = Path(sys.executable).with_name("datasette")
    if not datasette.exists():
        return f"datasette {db_path}          # pip install datasette (make install brings it)"
    command = f"{_here('datasette')} {db_path}"
    if not DATASETTE_METADATA.is_file():  # installed without the docs
        return command
    metadata = json.loads(DATASETTE_METADATA.read_text(encoding="utf-8"))
    databases = metadata.get("databases", {})
    metadata["databases"] = {Path(db_path).stem: next(iter(databases.values()), {})}
    target = Path(db_path).with_suffix(".datasette.json")
    target.write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return f"{command} --metadata {target}"


def _here(program: str) -> str:
    """This environment's `program` (.venv/bin/...), as short as it can be written from here."""
    path = Path(sys.executable).with_name(program)
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def print_stored(db_path: str) -> None:
    from db.connection import connect
    from db.queries import article_overview

    conn = connect(db_path)
    try:
        rows = article_overview(conn)
    finally:
        conn.close()
    print(f"{len(rows)} articles stored:")
    print(f"  {'id':>3}  {'published (UTC)':<25} {'lang':<4} {'faq':>3} {'disc':<4} {'chars':>5}  title / authors")
    for article_id, title, authors, published, language, duplicate_of, faqs, disclaimer, size in rows:
        names = ", ".join(json.loads(authors or "[]")) or "-"
        note = f"  [duplicate of {duplicate_of}]" if duplicate_of else ""
        print(f"  {article_id:>3}  {published or '-':<25} {language or '-':<4} {faqs:>3} "
              f"{'yes' if disclaimer else '-':<4} {size:>5}  {(title or '-')[:70]}{note}")
        print(f"  {'':>3}  {'':<25} {'':<4} {'':>3} {'':<4} {'':>5}  by {names}")
    sys.stdout.flush()
