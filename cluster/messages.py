"""What crosses the wire, as JSON built from core/ (never pickle). Every message carries `v`:
a receiver refuses a version it does not know with a clear error instead of guessing.

crawl    scheduler/operator -> worker   one run of one source, by name
open     worker -> writer (RPC)         lock the source, open its crawl_runs row, publish its state
batch    crawl child -> writer          articles (prepared: hashes and band keys computed), fetches,
                                        errors and the run's counters; (run_id, seq) makes it idempotent
finish   crawl child -> writer          the run's end: status, counters, message
close    worker -> writer               a run whose crawl process ended without finishing it
"""

from __future__ import annotations

from dataclasses import asdict
from functools import cache, partial

from core.article import Article
from core.errors import NewsaggError
from db.dedup import SentFingerprint
from db.fetch_state import FetchRecord, Revisit, StateBatch
from db.runs import RunCounters
from db.store import PreparedArticle, prepare_article

VERSION = 1


class WireError(NewsaggError):
    """A message this newsagg cannot read (another version, or not a newsagg message)."""


def _message(kind: str, **fields) -> dict:
    return {"v": VERSION, "kind": kind, **fields}


def check(message: object, kind: str) -> dict:
    if not isinstance(message, dict) or message.get("kind") != kind:
        raise WireError(f"expected a {kind!r} message, got {str(message)[:200]!r}")
    if message.get("v") != VERSION:
        raise WireError(f"{kind} message of version {message.get('v')!r}; this newsagg reads version "
                        f"{VERSION}: run the same newsagg version on every host")
    return message


def crawl(source: str, trigger: str, full: bool = False, max_pages: int | None = None) -> dict:
    return _message("crawl", source=source, trigger=trigger, full=full, max_pages=max_pages)


def open_run(task_id: str, source: str, trigger: str, timezone: str | None, host: str, pid: int,
             log_path: str | None) -> dict:
    return _message("open", task_id=task_id, source=source, trigger=trigger, timezone=timezone, host=host,
                    pid=pid, log_path=log_path)


def batch(run_id: int, seq: int, source: str, articles: list[dict], states: list[tuple[StateBatch, str]],
          errors: list[tuple[str | None, str]], counters: RunCounters) -> dict:
    return _message("batch", run_id=run_id, seq=seq, source=source, articles=articles,
                    states=[[state_to_wire(state), now] for state, now in states], errors=[list(e) for e in errors],
                    counters={"pages_fetched": counters.pages_fetched, "errors": counters.errors})


def finish(run_id: int, status: str, counters: RunCounters, message: str | None, batches: int) -> dict:
    return _message("finish", run_id=run_id, status=status, message=message, batches=batches,
                    counters={"pages_fetched": counters.pages_fetched, "errors": counters.errors})


def close(run_id: int, status: str, message: str, ended: bool = True) -> dict:
    """`ended` False: the crawl is being stopped and may still send its last batches (a timeout);
    its run is marked, its lock kept until the close that says it ended."""
    return _message("close", run_id=run_id, status=status, message=message, ended=ended)


# ---------------------------------------------------------------------------- articles


def article_to_wire(article: Article, source: str, fetched_url: str, seen_urls: list[str]) -> dict:
    """An extracted article with the CPU work of storing it done here, on the crawl worker: its
    canonical URL and aliases, content hash and near-duplicate band keys (docs/scaling.md). The
    writer only writes."""
    prepared = prepare_article(article, source, fetched_url, seen_urls)
    prints = prepared.prints()
    return {"article": article.to_dict(), "source": source, "canonical": prepared.canonical,
            "urls": sorted(prepared.urls), "digest": prepared.digest,
            "band_keys": list(prints.band_keys) if prints else []}


def article_from_wire(data: dict) -> PreparedArticle:
    article = Article.from_dict(data["article"])
    return PreparedArticle(article, data["source"], data["canonical"], set(data["urls"]), data["digest"],
                           cache(partial(SentFingerprint.of, tuple(data["band_keys"]), article.body)))


def state_to_wire(state: StateBatch) -> dict:
    """What the crawl learned about its source's pages (db/fetch_state.py's StateBatch)."""
    return {"fetches": [asdict(record) for record in state.fetches],
            "revisits": [asdict(revisit) for revisit in state.revisits],
            "frontier_added": {url: list(found) for url, found in state.frontier_added.items()},
            "frontier_failed": sorted(state.frontier_failed), "frontier_done": sorted(state.frontier_done),
            "forget": sorted(state.forget), "aliases": state.aliases}


def state_from_wire(data: dict) -> StateBatch:
    return StateBatch(fetches=[FetchRecord(**row) for row in data["fetches"]],
                      revisits=[Revisit(**row) for row in data["revisits"]],
                      frontier_added={url: tuple(found) for url, found in data["frontier_added"].items()},
                      frontier_failed=set(data["frontier_failed"]), frontier_done=set(data["frontier_done"]),
                      forget=set(data["forget"]), aliases=dict(data["aliases"]))
