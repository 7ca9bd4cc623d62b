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


@dataclass
class PageAnalysis:
    article: Article | None  # None when only the links were wanted (a known listing)
    links: list[str] = field(default_factory=list)
    feed_links: list[str] = field(default_factory=list)


def analyse_page(body: bytes, url: str, encoding: str | None, extract: bool = True,
                 timezone: str | None = None, profile: str | None = None) -> PageAnalysis:
    """Parse once; extract the article (unless `extract` is False) and collect links. `timezone`:
    the source's, for dates the page gives without offset; `profile`: the source's site profile
    name (None: by host, else generic)."""
    doc = Document.parse(body, url, encoding)
    article = extract_document(doc, fetched_at=datetime.now(UTC), timezone=timezone,
                               profile=profile) if extract else None
    return PageAnalysis(article, doc.links(), doc.feed_links())


def transport_encoding(content_type: bytes) -> str | None:
    """The charset the server declared in Content-Type, if any. Whether to trust it is
    Document.parse's decision (a Latin label on multi-byte UTF-8 bytes is overruled there)."""
    for part in content_type.decode("latin-1").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'").lower() or None
    return None


class PageAnalyser:
    """Runs analyse_page in this process (workers=0) or in a pool of worker processes."""

    def __init__(self, workers: int = 0):
        self.pool: ProcessPoolExecutor | None = None
        if workers > 0:  # spawn: never fork a process that runs a reactor
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))

    async def analyse(self, body: bytes, url: str, encoding: str | None, extract: bool = True,
                      timezone: str | None = None, profile: str | None = None) -> PageAnalysis:
        if self.pool is None:
            return analyse_page(body, url, encoding, extract, timezone, profile)
        return await asyncio.wrap_future(self.pool.submit(analyse_page, body, url, encoding, extract, timezone,
                                                          profile))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
