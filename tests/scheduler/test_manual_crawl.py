"""`newsagg crawl` for an operator: progress on a terminal, a summary, a log file per run."""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path

from tests.scheduler.helpers import all_runs, news_routes, newsagg_command, run_newsagg, write_config


def test_progress_on_a_terminal_then_summary_and_run_log(tmp_path: Path, sites):
    site = sites(news_routes(delay=0.6))  # slow enough for the progress line to be drawn
    config = write_config(tmp_path, [{"name": "wire", "start_urls": [site.url("/news/")]}])
    db = tmp_path / "news.db"
    terminal, stderr_side = pty.openpty()
    crawl = subprocess.Popen(newsagg_command("crawl", "wire", "--config", str(config), "--db", str(db)),
                             stdout=subprocess.PIPE, stderr=stderr_side, text=True)
    os.close(stderr_side)
    stdout, _ = crawl.communicate(timeout=60)
    seen = _read_all(terminal)

    assert crawl.returncode == 0, seen
    assert "\rwire: " in seen and " pages, " in seen and " errors" in seen  # the progress line
    summary, log_line = stdout.strip().splitlines()
    run = all_runs(db)[0]
    assert summary.startswith(f"wire: ok — {run['pages_fetched']} pages fetched, {run['articles_new']} new")
    assert log_line == f"log: {run['log_path']}" and Path(run["log_path"]).is_file()
    assert Path(run["log_path"]).parent == tmp_path / "logs" / "runs"


def test_no_progress_line_when_stderr_is_not_a_terminal(tmp_path: Path, sites):
    site = sites(news_routes())
    config = write_config(tmp_path, [{"name": "wire", "start_urls": [site.url("/news/")]}])

    done = run_newsagg("crawl", "wire", "--config", str(config), "--db", str(tmp_path / "news.db"))

    assert done.returncode == 0
    assert "\r" not in done.stderr and "pages fetched" in done.stdout


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the other side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode(errors="replace")
