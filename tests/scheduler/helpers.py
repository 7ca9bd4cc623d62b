"""Real pieces for scheduler tests and bench/scheduler_*.py: a loopback news site, a config file
pointing at it, the daemon as a real child process, and polling of the real database."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from db import runs
from db.connection import connect
from newsagg.demo.server import LoopbackSite, Resource
from tests.helpers import wait_for  # noqa: F401 (the scheduler tests' import)

SENTENCES = ["Markets rose as investors weighed fresh inflation data and central bank signals.",
             "Analysts said the rally could continue if quarterly earnings stay strong.",
             "Bond yields slipped while the dollar held steady against major currencies.",
             "Oil prices fell after producers signalled they would keep output unchanged."]


def article_page(number: int) -> str:
    paragraphs = "".join(f"<p>Story {number}, paragraph {p}: {SENTENCES[(number + p) % 4]} "
                         f"{SENTENCES[(number * p + 1) % 4]} Item {number * 10 + p}.</p>" for p in range(4))
    return (f'<html><head><meta property="og:type" content="article"><title>Story {number}</title>'
            f'<meta property="article:published_time" content="2025-03-0{number}T10:00:00Z"></head><body>'
            f'<article><h1>Story {number}: markets move on data day</h1>'
            f'<time datetime="2025-03-0{number}T10:00:00Z">March {number}, 2025</time>{paragraphs}</article>'
            f'</body></html>')


def news_routes(prefix: str = "/news/", articles: int = 3, delay: float = 0.0) -> dict:
    """A listing at `prefix` (answering after `delay` seconds) linking to `articles` article pages."""
    links = "".join(f'<li><a href="{prefix}story-{i}">Story {i}</a></li>' for i in range(1, articles + 1))
    routes = {prefix: Resource(f"<html><body><h1>News</h1><ul>{links}</ul></body></html>", delay=delay)}
    for i in range(1, articles + 1):
        routes[f"{prefix}story-{i}"] = Resource(article_page(i))
    return routes


def routes_hanging_first_time(requests: list[str]) -> dict:
    """news_routes() whose listing hangs (120 s) on its first request only, so a first crawl can be
    killed mid-way and the next one completes. Requests are recorded in `requests`."""
    routes = news_routes()
    listing = routes["/news/"].body

    def hang_only_at_first(path: str, headers: dict) -> Resource:
        requests.append(path)
        return Resource(listing, delay=120 if len(requests) == 1 else 0)

    routes["/news/"] = hang_only_at_first
    return routes


def start_site(routes: dict) -> LoopbackSite:
    return LoopbackSite(routes).start()


def write_config(folder: Path, sources: list[dict]) -> Path:
    """A TOML config with these [[sources]] (values: str, number, or list of str), polite-free
    crawler settings for loopback, and logs under `folder`/logs."""
    lines = ["[logging]", f'dir = "{folder / "logs"}"', "", "[crawler]", "download_delay = 0",
             "obey_robots = false", ""]
    for source in sources:
        lines.append("[[sources]]")
        for key, value in source.items():
            lines.append(f"{key} = {_toml(value)}")
        lines.append("")
    path = folder / "newsagg.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _toml(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def newsagg_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsagg", *args]


def run_newsagg(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(newsagg_command(*args), capture_output=True, text=True, timeout=timeout)


class DaemonProcess:
    """`newsagg schedule` as a real process; always stopped (hard) when the test ends."""

    def __init__(self, config: Path, db: Path, grace: float = 2.0, kill_grace: float = 1.0, *extra: str):
        self.log = (config.parent / "daemon.stderr").open("ab")
        self.process = subprocess.Popen(
            newsagg_command("schedule", "--config", str(config), "--db", str(db), "--grace", str(grace),
                            "--kill-grace", str(kill_grace), *extra),
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def pid(self) -> int:
        return self.process.pid

    def signal(self, signum: int = signal.SIGTERM) -> None:
        self.process.send_signal(signum)

    def wait(self, timeout: float) -> int:
        return self.process.wait(timeout=timeout)

    def close(self) -> None:
        """Kill the daemon and its crawls (they run in sessions of their own)."""
        import psutil

        if self.process.poll() is None:
            crawls = psutil.Process(self.pid).children(recursive=True)
            self.process.kill()
            self.process.wait()
            for crawl in crawls:
                try:
                    crawl.kill()
                except psutil.NoSuchProcess:
                    pass
        self.log.close()

    def output(self) -> str:
        return (self.log.name and Path(self.log.name).read_text(errors="replace"))


def all_runs(db: Path, source: str | None = None) -> list:
    """Every crawl_runs row (oldest first), as dicts."""
    if not db.exists():
        return []
    conn = connect(db)
    try:
        return [dict(row) for row in reversed(runs.list_runs(conn, source, limit=10_000))]
    finally:
        conn.close()


def lock_of(db: Path, source: str) -> dict | None:
    if not db.exists():
        return None
    conn = connect(db)
    try:
        row = runs.current_lock(conn, source)
        return dict(row) if row else None
    finally:
        conn.close()


def process_gone(pid: int) -> bool:
    """True when `pid` no longer runs (a zombie awaiting its parent counts as gone)."""
    import psutil

    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True
