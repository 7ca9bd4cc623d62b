"""The one seam between a crawl and where its data lives.

Every read and write of a crawl goes through its RunBackend: claiming sources and opening runs
(scraper/run.py), the known URLs and validators (scraper/incremental.py), storing articles
(scraper/pipelines.py) and the run's ledger (scraper/extensions.py). `LocalBackend` does it on
the SQLite file through db/, as one machine always has. A cluster crawl worker hands `crawl()`
cluster.remote.RemoteBackend instead, which sends everything to the writer and never opens the
file (docs/scaling.md). The spider and the extraction are the same on both paths.
"""

from __future__ import annotations

from functools import partial
from typing import Protocol

from core.config import Source
from db import fetch_state, runs
from db.connection import connect
from db.store import Store, UpsertResult


class StoreUnavailable(Exception):
    """The backend cannot take articles any more (the cluster's broker has been away too long):
    the article is counted as a page error, and the run ends failed."""


class FetchStateAccess(Protocol):
    """db.fetch_state's functions, without the connection argument (see LocalFetchState)."""

    def known_article_urls(self, source: str, fresh_since: str | None = None): ...
    def known_urls_of_kind(self, source: str, kind: str): ...
    def validators(self, url: str) -> tuple[str | None, str | None]: ...
    def last_successful_run(self, source: str) -> str | None: ...
    def record_fetches(self, records) -> None: ...
    def close(self) -> None: ...


class ArticleSink(Protocol):
    def store_item(self, item) -> UpsertResult | None:
        """Store one ArticleItem. None: it was handed on, and is counted where it is stored."""

    def close(self) -> None: ...


class RunRecords(Protocol):
    """The run's row in crawl_runs, its errors and its source's lock."""

    def start_run(self, source: str) -> int: ...  # `scrapy crawl` only; raises runs.SourceBusy
    def heartbeat(self, source: str, run_id: int, counters: runs.RunCounters) -> None: ...
    def record_error(self, run_id: int, url: str | None, error: str, kept: int) -> None: ...
    def finish(self, source: str, run_id: int, status: str, counters: runs.RunCounters,
               message: str | None) -> None: ...
    def close(self) -> None: ...


class RunBackend(Protocol):
    def claim(self, sources: list[Source], trigger: str, wait: bool, log_path: str | None):
        """-> (claimed [(source, run_id)], busy [RunSummary]); SourceBusyError when all are busy."""

    def fetch_state(self) -> FetchStateAccess: ...
    def articles(self, source: Source | None) -> ArticleSink: ...
    def records(self) -> RunRecords: ...
    def summaries(self, claimed: list[tuple[Source, int]], ledgers: dict[int, object]) -> list:
        """One RunSummary per claimed run; a run whose ledger never closed it is closed as failed."""


def backend_for(crawler) -> RunBackend:
    """The crawler's backend: the one `crawl()` gave it, else the SQLite file of its settings
    (`scrapy crawl news`)."""
    backend = getattr(crawler, "newsagg_backend", None)
    if backend is None:
        backend = crawler.newsagg_backend = LocalBackend(crawler.settings.get("NEWSAGG_DB"))
    return backend


# ---------------------------------------------------------------------------- one machine


class LocalBackend:
    """The SQLite file, through db/ (each component keeps its own connection, as before)."""

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

    def articles(self, source: Source | None) -> LocalArticles:
        return LocalArticles(self.db_path, source)

    def records(self) -> LocalRecords:
        return LocalRecords(self.db_path)

    def summaries(self, claimed, ledgers):
        from scraper.run import read_summaries

        return read_summaries(self.db_path, claimed, ledgers)


class LocalFetchState:
    """db.fetch_state bound to one connection: `access.validators(url)` is
    `fetch_state.validators(conn, url)`, for every function of that module."""

    def __init__(self, db_path: str):
        self.conn = connect(db_path)

    def __getattr__(self, name: str):
        return partial(getattr(fetch_state, name), self.conn)

    def close(self) -> None:
        self.conn.close()


class LocalArticles:
    def __init__(self, db_path: str, source: Source | None):
        self.store = Store(db_path)
        if source is not None:  # UTC instants of this source's articles stored before they existed
            self.store.fill_utc(source.name, source.timezone)

    def store_item(self, item) -> UpsertResult:
        return self.store.upsert_article(item.article, item.source, item.fetched_url, item.seen_urls)

    def close(self) -> None:
        self.store.close()


class LocalRecords:
    def __init__(self, db_path: str):
        self.conn = connect(db_path)

    def start_run(self, source: str) -> int:
        runs.acquire_lock(self.conn, source)
        run_id = runs.start_run(self.conn, source, "manual")
        runs.set_lock_run(self.conn, source, run_id)
        return run_id

    def heartbeat(self, source, run_id, counters) -> None:
        runs.heartbeat(self.conn, source)
        runs.update_counters(self.conn, run_id, counters)

    def record_error(self, run_id, url, error, kept) -> None:
        runs.record_error(self.conn, run_id, url, error, kept)

    def finish(self, source, run_id, status, counters, message) -> None:
        runs.finish_run(self.conn, run_id, status, counters, message)
        runs.release_lock(self.conn, source)

    def close(self) -> None:
        self.conn.close()
