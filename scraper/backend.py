"""The one seam between a crawl and where its data lives.

A crawl touches its data in three ways, each through its RunBackend:
- claiming sources and opening runs, and reading them back at the end (scraper/run.py);
- what the source already knows: known URLs, validators, the last good run (`fetch_state()`,
  read by scraper/incremental.py);
- every write (articles, errors, heartbeats, fetch records, the run's end), as jobs of the
  crawl's writer (scraper/writer.py `writer_for`), which call methods of the store they are given.

`LocalBackend` does all of it on the SQLite file through db/, as one machine always has. A
cluster crawl worker hands `crawl()` cluster.remote.RemoteBackend instead: it reads the writer's
snapshot, provides a writer (`new_writer`) whose store sends batches to the cluster's writer,
and never opens the file (docs/scaling.md). The spider and the extraction are the same on both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import Protocol

from core.config import Source
from db import fetch_state
from db.connection import connect
from db.fetch_state import Revisit


class StoreUnavailable(Exception):
    """The backend cannot take articles any more (the cluster's broker has been away too long):
    the article is counted as a page error, and the run ends failed."""


class FetchStateAccess(Protocol):
    """db.fetch_state's reads, without the connection argument (LocalFetchState; on a cluster
    worker, cluster.state.SnapshotFetchState). What a crawl learns is written by its writer."""

    def known_articles(self, source: str) -> Iterable[tuple[str, str, str]]: ...
    def known_pages(self, source: str) -> Iterable[Mapping]: ...
    def revisits(self, source: str) -> dict[str, Revisit]: ...
    def frontier(self, source: str) -> list[Mapping]: ...
    def validators(self, url: str) -> tuple[str | None, str | None]: ...
    def last_successful_run(self, source: str) -> str | None: ...
    def published_dates(self, urls: Iterable[str]) -> dict[str, str]: ...
    def close(self) -> None: ...


class RunBackend(Protocol):
    def claim(self, sources: list[Source], trigger: str, wait: bool, log_path: str | None):
        """-> (claimed [(source, run_id)], busy [RunSummary]); SourceBusyError when all are busy."""

    def fetch_state(self) -> FetchStateAccess: ...

    def summaries(self, claimed: list[tuple[Source, int]], ledgers: dict[int, object]) -> list:
        """One RunSummary per claimed run; a run whose ledger never closed it is closed as failed."""

    # Optional: `new_writer()` -> the crawl's writer (scraper/writer.py's interface; without it,
    # writer_for() makes the DatabaseWriter of the crawl's SQLite file), and `end_now(status,
    # message)` for scraper/closing.py's watchdog (without it, it closes the run in the file).


def backend_for(crawler) -> RunBackend:
    """The crawler's backend: the one `crawl()` gave it, else the SQLite file of its settings
    (`scrapy crawl news`)."""
    backend = getattr(crawler, "newsagg_backend", None)
    if backend is None:
        backend = crawler.newsagg_backend = LocalBackend(crawler.settings.get("NEWSAGG_DB"))
    return backend


class LocalBackend:
    """The SQLite file, through db/."""

    def __init__(self, db_path: str):
        self.db_path = db_path

    def claim(self, sources, trigger, wait, log_path):
        from scraper.run import claim_sources  # run.py imports this module

        conn = connect(self.db_path)
        try:
            return claim_sources(conn, sources, trigger, wait, log_path)
        finally:
            conn.close()

    def fetch_state(self) -> LocalFetchState:
        return LocalFetchState(self.db_path)

    def summaries(self, claimed, ledgers):
        from scraper.run import read_summaries

        return read_summaries(self.db_path, claimed, ledgers)


class LocalFetchState:
    """db.fetch_state bound to one connection, for the reads of FetchStateAccess:
    `access.validators(url)` is `fetch_state.validators(conn, url)`."""

    def __init__(self, db_path: str):
        self.conn = connect(db_path)

    def __getattr__(self, name: str):
        return partial(getattr(fetch_state, name), self.conn)

    def close(self) -> None:
        self.conn.close()
