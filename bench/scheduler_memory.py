"""Does the daemon's resident memory grow across many short runs?

Starts `newsagg schedule` as a real process on a loopback news site (3 sources, every 1 s, real
crawl children) and samples the daemon's own RSS (not its children's) as runs complete.

    .venv/bin/python -m bench.scheduler_memory            # 100 runs
    .venv/bin/python -m bench.scheduler_memory --runs 300

Goal: RSS after the last run is within --tolerance-mb (default 2) of RSS after run 10 (the
first runs load modules and warm caches), and no more open file descriptors than then. Exit
status 1 when the goal is missed.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import psutil

from tests.scheduler.helpers import DaemonProcess, all_runs, news_routes, start_site, wait_for, write_config

SOURCES = 3
WARM_UP_RUNS = 10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--tolerance-mb", type=float, default=2.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsagg-bench-") as folder:
        samples, took = measure(Path(folder), args.runs)
    print(f"{'runs done':>9}  {'daemon RSS MB':>13}  {'open fds':>8}  {'threads':>7}")
    for sample in samples:
        print(f"{sample.runs:>9}  {sample.rss / 2**20:>13.1f}  {sample.fds:>8}  {sample.threads:>7}")
    baseline = next(s for s in samples if s.runs >= WARM_UP_RUNS)
    last = samples[-1]
    growth = (last.rss - baseline.rss) / 2**20
    ok = growth <= args.tolerance_mb and last.fds <= baseline.fds
    print(f"{last.runs} runs in {took:.0f}s; RSS growth after run {WARM_UP_RUNS}: {growth:+.2f} MB "
          f"(goal <= {args.tolerance_mb} MB), open fds {baseline.fds} -> {last.fds}: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


class Sample(NamedTuple):
    runs: int  # finished so far
    rss: int  # the daemon's resident memory, bytes
    fds: int
    threads: int


def measure(folder: Path, total_runs: int) -> tuple[list[Sample], float]:
    """The daemon sampled each time another ~10% of the runs is done, and the time it all took."""
    site = start_site(news_routes())
    config = write_config(folder, [{"name": f"wire{i}", "start_urls": [site.url("/news/")], "every": "1s"}
                                   for i in range(SOURCES)])
    db = folder / "news.db"
    daemon = DaemonProcess(config, db, 5.0, 2.0, "--max-parallel", str(SOURCES), "--log-level", "WARNING")
    started = time.monotonic()
    samples: list[Sample] = []
    try:
        process = psutil.Process(daemon.pid)
        marks = sorted({WARM_UP_RUNS, *range(max(1, total_runs // 10), total_runs + 1, max(1, total_runs // 10))})
        for mark in marks:
            done = wait_for(lambda m=mark: _finished(db) >= m and _finished(db), timeout=30 + mark * 3,
                            what=f"{mark} finished runs", every=0.2)
            samples.append(Sample(done, process.memory_info().rss, process.num_fds(), process.num_threads()))
            print(f"  {samples[-1]}", file=sys.stderr)
        took = time.monotonic() - started
        daemon.signal(signal.SIGTERM)
        daemon.wait(timeout=30)
    finally:
        daemon.close()
        site.stop()
    failed = [r for r in all_runs(db) if r["status"] not in ("ok", "interrupted")]
    if failed:
        print(f"warning: {len(failed)} run(s) did not succeed, e.g. {failed[0]}", file=sys.stderr)
    return samples, took


def _finished(db: Path) -> int:
    return sum(1 for r in all_runs(db) if r["status"] != "running")


if __name__ == "__main__":
    sys.exit(main())
