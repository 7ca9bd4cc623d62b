"""Crawl small loopback sites with the real `newsagg crawl` (one subprocess, one reactor per crawl)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newsagg.demo.server import LoopbackSite, Resource
from tests.helpers import newsagg, query

WORDS = ("markets bonds stocks yields investors central bank inflation growth earnings outlook currency "
         "dollar euro oil prices rally slump quarter forecast policy rates traders equities credit spreads "
         "exports demand supply labour wages housing retail banks lenders regulators treasury auction").split()
FAST_CRAWLER = {"download_delay": 0, "concurrency_per_domain": 8, "download_timeout": 1}


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_config(path: Path, start_url: str, source: dict, crawler: dict) -> None:
    lines = ["[crawler]", *(f"{k} = {toml_value(v)}" for k, v in {**FAST_CRAWLER, **crawler}.items()),
             "", "[[sources]]", 'name = "test"', f"start_urls = [{toml_value(start_url)}]",
             *(f"{k} = {toml_value(v)}" for k, v in source.items())]
    path.write_text("\n".join(lines) + "\n")


@dataclass
class CrawlResult:
    returncode: int
    stdout: str
    stderr: str
    requests: list[str]  # paths the server received during this crawl, in order
    run: dict
    errors: list[dict] = field(default_factory=list)

    def requested(self, path: str) -> int:
        return sum(1 for p in self.requests if urlsplit(p).path == path)

    def error_for(self, path: str) -> str | None:
        return next((e["error"] for e in self.errors if urlsplit(e["url"] or "").path == path), None)


@dataclass
class Crawler:
    """Runs crawls of one loopback site into one database, like an operator would."""

    site: LoopbackSite
    folder: Path
    source: dict = field(default_factory=dict)
    crawler: dict = field(default_factory=dict)
    start: str = "/"  # the start URL's path on the site

    @property
    def db(self) -> Path:
        return self.folder / "news.db"

    def crawl(self, *args: str) -> CrawlResult:
        config = self.write_config()
        before = len(self.site.requests)
        proc = newsagg("crawl", "test", "--config", str(config), "--db", str(self.db), "--quiet", *args,
                       cwd=self.folder)
        return self.result(proc.returncode, proc.stdout, proc.stderr, before)

    def start_crawl(self, *args: str) -> tuple[subprocess.Popen, int]:
        """A crawl running in the background (to signal it, or to act while it runs): the process and
        how many requests the site had seen before it; finish with `finish_crawl`."""
        config = self.write_config()
        before = len(self.site.requests)
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("NEWSAGG_DB", None)
        proc = subprocess.Popen([sys.executable, "-m", "newsagg", "crawl", "test", "--config", str(config),
                                 "--db", str(self.db), "--quiet", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=self.folder, env=env)
        return proc, before

    def finish_crawl(self, proc: subprocess.Popen, before: int, timeout: float = 120) -> CrawlResult:
        stdout, stderr = proc.communicate(timeout=timeout)
        return self.result(proc.returncode, stdout, stderr, before)

    def write_config(self) -> Path:
        config = self.folder / "newsagg.toml"
        write_config(config, self.site.url(self.start), self.source, self.crawler)
        return config

    def result(self, returncode: int, stdout: str, stderr: str, before: int) -> CrawlResult:
        assert returncode in (0, 1), stderr
        run = dict(query(self.db, "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")[0])
        errors = [dict(r) for r in query(self.db, "SELECT * FROM crawl_errors WHERE run_id = ?", (run["id"],))]
        return CrawlResult(returncode, stdout, stderr, self.site.requests[before:], run, errors)

    def stored_paths(self) -> set[str]:
        return {urlsplit(row["url"]).path for row in query(self.db, "SELECT url FROM articles")}

    def stored(self, path: str) -> dict | None:
        rows = [dict(r) for r in query(self.db, "SELECT * FROM articles") if urlsplit(r["url"]).path == path]
        return rows[0] if rows else None


@pytest.fixture
def loopback():
    """A started LoopbackSite over a routes dict the test may change between crawls."""
    sites: list[LoopbackSite] = []

    def start(routes: dict) -> LoopbackSite:
        site = LoopbackSite(routes).start()
        sites.append(site)
        return site

    yield start
    for site in sites:
        site.stop()


def article_html(title: str, published: str = "2025-10-01T09:00:00+00:00", links: list[str] = (),
                 text: str = "", charset_meta: str | None = "utf-8") -> str:
    """A small page the extractor recognises as a news article."""
    rng = random.Random(title)  # distinct text per title, or the store sees near-duplicates
    body = text or "".join(f"<p>{title}: {' '.join(rng.choices(WORDS, k=40))}.</p>" for _ in range(6))
    anchors = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return (f"<!doctype html><html lang=\"en\"><head>{meta}<title>{title}</title>"
            f'<meta property="og:type" content="article">'
            f'<meta property="article:published_time" content="{published}"></head>'
            f"<body><header><nav><a href=\"/\">Home</a></nav></header><main><article><h1>{title}</h1>"
            f'<p class="byline">By Jane Doe</p><time datetime="{published}">{published[:10]}</time>'
            f"{body}</article></main><aside><ul>{anchors}</ul></aside></body></html>")


def listing_html(links: list[str], title: str = "Latest news", feed: str | None = None) -> str:
    anchors = "".join(f'<li><a href="{href}">Story {href}</a></li>' for href in links)
    alternate = f'<link rel="alternate" type="application/rss+xml" href="{feed}">' if feed else ""
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>{alternate}"
            f"</head><body><h1>{title}</h1><ul>{anchors}</ul></body></html>")


def rss(entries: list[tuple[str, str]]) -> Resource:
    """An RSS 2.0 feed of (absolute-path link, RFC 822 date) entries; links resolve against the feed URL."""
    items = "".join(f"<item><title>{link}</title><link>{link}</link><pubDate>{when}</pubDate></item>"
                    for link, when in entries)
    return Resource(f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
                    "application/rss+xml")


def timed(route_log: list[tuple[str, float]], resource: Resource, path: str):
    """A route that records when it was requested (server side)."""
    def answer(request_path: str, headers: dict) -> Resource:
        route_log.append((path, time.monotonic()))
        return resource
    return answer
