"""Time the extractor against trafilatura in-process, page by page, side by side.

    .venv/bin/python -m bench.extract_body [--corpus ../shared/corpus/dev] [--corpus ../shared/corpus/wide]

Goal (issue 11): median seconds per page of the whole `extract()` at most 1.0x trafilatura's.
The peer is timed as the shared scorer runs it (`bare_extraction(..., with_metadata=True)`: body,
title, authors and date, what `extract()` also returns), and also bare (`trafilatura.extract()`,
body only) as a stricter line. Each page runs every variant in turn, so load on a shared machine
falls on all of them alike; ratios are what to read. Prints medians for: parse only, parse +
body/FAQ/disclaimer, the whole extract() (every field: metadata, body_html/Markdown, images,
instruments), and the peers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path

from scraper.extract import extract
from scraper.extract.body import extract_content
from scraper.extract.document import Document

CORPORA = Path(__file__).resolve().parents[2] / "shared/corpus"


def _pages(corpus: Path) -> list[tuple[str, bytes]]:
    with open(corpus / "truth.jsonl", encoding="utf-8") as lines:
        truths = [json.loads(line) for line in lines]
    return [(truth.get("url", ""), gzip.decompress((corpus / "pages" / f"{truth['id']}.html.gz").read_bytes()))
            for truth in truths]


def _runs() -> dict:
    runs = {
        "parse only": lambda url, html: Document.parse(html, url),
        "parse + body/faq/disclaimer": lambda url, html: extract_content(Document.parse(html, url)),
        "extract() (all fields)": lambda url, html: extract(html, url),
    }
    try:
        import trafilatura
    except ImportError:
        print("trafilatura not installed (pip install -e '.[bench]'): no peer timing")
        return runs

    def as_scored(url: str, html: bytes):  # the scorer decodes first, then calls the library
        return trafilatura.bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True,
                                           include_comments=False)

    runs["trafilatura, as scored (+metadata)"] = as_scored
    runs["trafilatura.extract() (body only)"] = lambda url, html: trafilatura.extract(html, url=url)
    return runs


def measure(pages: list[tuple[str, bytes]], runs: dict) -> dict[str, float]:
    """Median seconds per page of each run; every page goes through every run in turn."""
    for run in runs.values():  # warm-up: imports, regex compilation, dictionaries
        run(*pages[0])
    times: dict[str, list[float]] = {name: [] for name in runs}
    for url, html in pages:
        for name, run in runs.items():
            start = time.perf_counter()
            try:
                run(url, html)
            except Exception:  # noqa: BLE001 (an unreadable page costs what it cost)
                pass
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, action="append",
                        help="corpus folder (repeatable; default: ../shared/corpus/dev)")
    args = parser.parse_args()
    pages = [page for corpus in args.corpus or [CORPORA / "dev"] for page in _pages(corpus)]
    results = measure(pages, _runs())
    peer = results.get("trafilatura, as scored (+metadata)")
    bare = results.get("trafilatura.extract() (body only)")
    print(f"{len(pages)} pages, median seconds per page")
    for name, seconds in results.items():
        ratio = f"  {seconds / peer:.2f}x trafilatura as scored, {seconds / bare:.2f}x bare" if peer else ""
        print(f"  {name:36s} {seconds * 1000:7.1f} ms{ratio}")


if __name__ == "__main__":
    main()
