"""The loopback sites and config files the cluster tests crawl."""

from __future__ import annotations

from pathlib import Path

from newsagg.demo.server import LoopbackSite, Resource
from newsagg.demo.site import build_site
from tests.crawl.conftest import article_html, listing_html


def wire_routes(revised: bool = False, articles: int = 5) -> dict:
    """A small site: a listing, articles with distinct text, one a copy of another published later
    (a duplicate), one linked with tracking parameters (an alias); `revised` changes story 1."""
    links = [f"/news/story-{i}" for i in range(1, articles + 1)]
    links[2] += "?utm_source=newsletter&utm_medium=email"
    routes = {"/news/": Resource(listing_html(links))}
    for i in range(1, articles + 1):
        title = f"Wire story {i}"
        text = ""
        if i == 1 and revised:
            text = "".join(f"<p>Revised: the central bank held rates, paragraph {p}, and markets rallied.</p>"
                           for p in range(6))
        if i == articles:  # a copy of story 2, published a day later
            title = "Wire story 2"
        routes[f"/news/story-{i}"] = Resource(article_html(title, published=f"2025-10-0{i}T09:00:00+00:00",
                                                           text=text))
    return routes


def start_sites() -> tuple[LoopbackSite, LoopbackSite]:
    return LoopbackSite(build_site().routes).start(), LoopbackSite(wire_routes()).start()


def write_config(path: Path, harbor: LoopbackSite, wire: LoopbackSite, broker: str | None = None,
                 every: str | None = None, extra_sources: str = "", heartbeat_timeout: str = "3s") -> Path:
    """With a broker, the config's database is one no process could open (its folder is a file):
    the writer gets --db, and nothing else of the cluster may need it."""
    schedule = f'every = "{every}"\n' if every else ""
    cluster = f'broker = "{broker}"\n' if broker else ""
    database = ""
    if broker:
        (path.parent / "not-a-folder").write_text("no database here\n")
        database = f'[database]\npath = "{path.parent / "not-a-folder" / "news.db"}"\n\n'
    path.write_text(f"""{database}[logging]
dir = "{path.parent / 'logs'}"

[crawler]
download_delay = 0
concurrency_per_domain = 8
obey_robots = false

[cluster]
{cluster}heartbeat_timeout = "{heartbeat_timeout}"
batch_size = 3

[[sources]]
name = "harbor"
start_urls = ["{harbor.url('/')}"]
timeout = "120s"
{schedule}
[[sources]]
name = "wire"
start_urls = ["{wire.url('/news/')}"]
refresh = "1s"
timeout = "120s"
{schedule}
{extra_sources}""")
    return path
