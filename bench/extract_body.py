"""Time the body/FAQ/disclaimer extractor against trafilatura on the dev corpus, in-process.

    .venv/bin/python bench/extract_body.py [--corpus ../shared/corpus/dev]

Goal (issue 3): median seconds per page of the whole `extract()` at most 1.5x trafilatura's,
aiming at 1.0x. Prints medians for: parse only, parse + body/FAQ/disclaimer (our part),
the whole extract() (with metadata), and trafilatura.extract() (needs the bench extras).
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


def _pages(corpus: Path) -> list[tuple[str, bytes]]:
    with open(corpus / "truth.jsonl", encoding="utf-8") as lines:
        truths = [json.loads(line) for line in lines]
    return [(truth["url"], gzip.decompress((corpus / "pages" / f"{truth['id']}.html.gz").read_bytes()))
            for truth in truths]


def _median_seconds(run, pages) -> float:
    run(*pages[0])  # warm-up: imports, regex compilation
    times = []
    for url, html in pages:
        start = time.perf_counter()
        run(url, html)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpus/dev")
    args = parser.parse_args()
    pages = _pages(args.corpus)
    runs = {
        "parse only": lambda url, html: Document.parse(html, url),
        "parse + body/faq/disclaimer": lambda url, html: extract_content(Document.parse(html, url)),
        "extract() (all fields)": lambda url, html: extract(html, url),
    }
    try:
        import trafilatura

        runs["trafilatura.extract()"] = lambda url, html: trafilatura.extract(html, url=url)
    except ImportError:
        print("trafilatura not installed (pip install -e '.[bench]'): no peer timing")
    results = {name: _median_seconds(run, pages) for name, run in runs.items()}
    peer = results.get("trafilatura.extract()")
    print(f"{len(pages)} pages, median seconds per page")
    for name, seconds in results.items():
        ratio = f"  {seconds / peer:.2f}x trafilatura" if peer else ""
        print(f"  {name:30s} {seconds * 1000:7.1f} ms{ratio}")


if __name__ == "__main__":
    main()
