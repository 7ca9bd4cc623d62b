"""Cost of instrument recognition: dictionary build time and median ms per article on the dev
corpus truth texts (title + body), in this process.

    .venv/bin/python -m bench.instruments_speed
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

TRUTH = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev" / "truth.jsonl"


def main() -> None:
    started = time.perf_counter()
    from instruments import Recogniser
    from instruments.dictionary import build

    dictionary = build()
    built = time.perf_counter() - started
    recogniser = Recogniser(dictionary)
    rows = [json.loads(line) for line in TRUTH.read_text(encoding="utf-8").splitlines()]
    times = []
    for _ in range(3):
        for row in rows:
            begin = time.perf_counter()
            recogniser.tags(row.get("title") or "", row.get("body") or "", row.get("language"))
            times.append((time.perf_counter() - begin) * 1000)
    times.sort()
    print(f"dictionary: {len(dictionary.entries)} instruments, {len(dictionary.aliases)} names, "
          f"built in {built * 1000:.0f} ms (imports included)")
    print(f"recognise: {len(rows)} dev articles x 3, median {statistics.median(times):.2f} ms, "
          f"p95 {times[int(len(times) * 0.95)]:.2f} ms, max {times[-1]:.2f} ms per article")


if __name__ == "__main__":
    main()
