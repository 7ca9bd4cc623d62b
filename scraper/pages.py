"""One fetched HTML page -> its article fields and its links, parsed once.

`analyse_page` is a pure, picklable function so it can run in a worker process: on a CPU-bound
crawl the reactor keeps downloading while extraction happens elsewhere (NEWSAGG_EXTRACT_WORKERS).
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

from scraper.extract import Article, Document, extract_document

SINGLE_BYTE_LABELS = ("iso-8859-1", "latin-1", "latin1", "cp1252", "windows-1252", "us-ascii", "ascii")


@dataclass
class PageAnalysis:
    article: Article | None  # None when only the links were wanted (a known listing)
    links: list[str] = field(default_factory=list)
    feed_links: list[str] = field(default_factory=list)


def analyse_page(body: bytes, url: str, encoding: str | None, extract: bool = True) -> PageAnalysis:
    """Parse once; extract the article (unless `extract` is False) and collect links."""
    doc = Document.parse(body, url, encoding)
    article = extract_document(doc, fetched_at=datetime.now(UTC)) if extract else None
    return PageAnalysis(article, doc.links(), doc.feed_links())


def transport_encoding(content_type: bytes, body: bytes) -> str | None:
    """The charset the server declared, unless it is a single-byte label on a body that is valid
    UTF-8 with multi-byte characters (a common misconfiguration that would store mojibake)."""
    declared = None
    for part in content_type.decode("latin-1").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset":
            declared = value.strip().strip("\"'").lower() or None
    if declared in SINGLE_BYTE_LABELS and not body.isascii():
        try:
            body.decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError:
            pass
    return declared


class PageAnalyser:
    """Runs analyse_page in this process (workers=0) or in a pool of worker processes."""

    def __init__(self, workers: int = 0):
        self.pool: ProcessPoolExecutor | None = None
        if workers > 0:  # spawn: never fork a process that runs a reactor
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))

    async def analyse(self, body: bytes, url: str, encoding: str | None, extract: bool = True) -> PageAnalysis:
        if self.pool is None:
            return analyse_page(body, url, encoding, extract)
        return await asyncio.wrap_future(self.pool.submit(analyse_page, body, url, encoding, extract))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
