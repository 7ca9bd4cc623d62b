"""Crawl throughput: bare Scrapy vs bare Scrapy + extraction vs `newsagg crawl`, side by side.

    .venv/bin/python -m bench.crawl_throughput                 # 2,000 articles of ~140 KB
    .venv/bin/python -m bench.crawl_throughput --articles 300  # a quick look

The generated demo site is pre-rendered and served from a separate process (its own GIL), and
each variant runs in its own process, measured for wall time and peak memory (RSS of the process
tree, sampled). Politeness limits are lifted for every variant. Targets (issue 6): (c) reaches
at least 80% of (b)'s pages/s; a second crawl of the unchanged site takes under 10% of the first.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
COUNT_PATH = "/__bench/requests"


def serve_demo_site(n_articles: int, pad_kb: int, ready, stop) -> None:
    """Child process: render every route once for this server's origin, then serve until stopped."""
    from newsagg.demo.server import LoopbackSite, Resource
    from newsagg.demo.site import build_site

    server = LoopbackSite({})
    demo = build_site(n_articles=n_articles, pad_kb=pad_kb)
    for path in demo.routes:
        server.routes[path] = demo.page(path, server.base_url)
    server.routes[COUNT_PATH] = lambda path, headers: Resource(str(len(server.requests)), "text/plain")
    server.start()
    ready.put(server.base_url)
    stop.wait()
    server.stop()


def requests_served(base_url: str) -> int:
    with urllib.request.urlopen(base_url + COUNT_PATH) as answer:
        return int(answer.read()) - 1  # minus this question itself


@dataclass
class Measurement:
    label: str
    pages: int
    seconds: float
    cpu_seconds: float  # user + system of the whole process tree: robust to other load on the machine
    peak_mb: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(label: str, command: list[str], base_url: str, cwd: Path, env: dict | None = None) -> Measurement:
    before = requests_served(base_url)
    cpu_before = children_cpu_seconds()
    started = time.perf_counter()
    process = psutil.Popen(command, cwd=cwd, env={**os.environ, **(env or {})},
                           stdout=sys.stderr, stderr=sys.stderr)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process))
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{label}: exit status {process.returncode}")
    return Measurement(label, requests_served(base_url) - before, seconds, children_cpu_seconds() - cpu_before,
                       peak / 2**20)


def children_cpu_seconds() -> float:
    """CPU time of every finished child process (and the children they waited for, e.g. extract workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def write_config(folder: Path, base_url: str, workers: int) -> Path:
    config = folder / f"newsagg-{workers}.toml"
    config.write_text(f"""[crawler]
download_delay = 0
concurrency_per_domain = 16
extract_workers = {workers}

[[sources]]
name = "bench"
start_urls = ["{base_url}/"]
max_pages = 100000
depth_limit = 100
""")
    return config


def run_variants(base_url: str, folder: Path, workers: list[int]) -> list[Measurement]:
    bare = [sys.executable, "-m", "bench.crawl_bare"]
    env = {"PYTHONPATH": str(REPO)}
    results = [measure("(a) bare Scrapy, follow links", [*bare, "follow", base_url + "/"], base_url, folder, env),
               measure("(b) bare Scrapy + extraction", [*bare, "extract", base_url + "/"], base_url, folder, env)]
    for count in workers:
        config = write_config(folder, base_url, count)
        db = folder / f"news-{count}.db"
        crawl = [str(REPO / ".venv/bin/newsagg"), "crawl", "bench", "--config", str(config), "--db", str(db),
                 "--quiet"]
        label = "(c) newsagg crawl" + (f", {count} extract workers" if count else ", in-process")
        results.append(measure(label, crawl, base_url, folder))
        results.append(measure(f"    second crawl, unchanged site ({count} workers)", crawl, base_url, folder))
    return results


def print_table(results: list[Measurement]) -> None:
    bare_extract = results[1].pages_per_second
    print(f"{'variant':<46} {'requests':>8} {'seconds':>8} {'pages/s':>8} {'CPU s':>7} {'CPU ms/page':>11}"
          f" {'peak MB':>8} {'vs (b)':>7}")
    previous = None
    for result in results:
        ratio = f"{result.pages_per_second / bare_extract:6.0%}"
        if result.label.strip().startswith("second") and previous is not None:
            ratio = f"{result.seconds / previous.seconds:6.1%}"  # of the first crawl's time
        print(f"{result.label:<46} {result.pages:>8} {result.seconds:>8.1f} {result.pages_per_second:>8.1f}"
              f" {result.cpu_seconds:>7.1f} {1000 * result.cpu_seconds / result.pages:>11.1f}"
              f" {result.peak_mb:>8.0f} {ratio:>7}")
        previous = result
    print("vs (b): pages/s relative to (b); for a second crawl: its time relative to the first crawl's.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--pad-kb", type=int, default=120)
    parser.add_argument("--workers", default="0,2", help="extract-worker counts to run (c) with")
    args = parser.parse_args()
    from bench.crawl_throughput import serve_demo_site as server_main  # picklable even when run as __main__

    context = multiprocessing.get_context("spawn")
    ready, stop = context.Queue(), context.Event()
    server = context.Process(target=server_main, args=(args.articles, args.pad_kb, ready, stop), daemon=True)
    server.start()
    try:
        base_url = ready.get(timeout=300)
        print(f"site: {args.articles} articles, pad {args.pad_kb} KB, at {base_url}; {os.cpu_count()} CPUs",
              file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="newsagg-bench-") as folder:
            results = run_variants(base_url, Path(folder), [int(w) for w in args.workers.split(",")])
        print_table(results)
    finally:
        stop.set()
        server.join(timeout=10)


if __name__ == "__main__":
    main()
