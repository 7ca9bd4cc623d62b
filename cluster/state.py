"""What a cluster crawl knows already, without the SQLite file.

When the writer opens a run it builds the run's snapshot from the file (the same db.fetch_state
queries a local crawl makes) and puts it in Redis under one key; the crawl child reads it with
one GET. URLs travel as 64-bit hashes: 8 bytes a URL, 0.8 MB for 100k (bench/cluster_known_urls.py
measured the alternatives: docs/scaling.md). Two URLs sharing a hash would make a new article
look known; with 100k known URLs and a million links looked up that happens with odds of about
5 in a billion.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import struct
import zlib
from array import array

from core.config import Source
from db import fetch_state
from scraper.incremental import fresh_since

FORMAT = 1
_HEADER = struct.Struct("<II")  # header length, known-article count


def url_hash(url: str) -> int:
    return int.from_bytes(hashlib.blake2b(url.encode("utf-8"), digest_size=8).digest(), "little")


class HashedUrls:
    """A set of URLs kept as their 64-bit hashes: `url in urls` like a set of strings."""

    def __init__(self, hashes=()):
        self.hashes: set[int] = set(hashes)

    @classmethod
    def of(cls, urls) -> HashedUrls:
        return cls(url_hash(url) for url in urls)

    def __contains__(self, url: object) -> bool:
        return isinstance(url, str) and url_hash(url) in self.hashes

    def __len__(self) -> int:
        return len(self.hashes)

    def __iter__(self):  # hashes, not URLs: only for counting and serialising
        return iter(self.hashes)

    def to_bytes(self) -> bytes:
        return array("Q", sorted(self.hashes)).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> HashedUrls:
        values = array("Q")
        values.frombytes(data)
        return cls(values)


def build(conn: sqlite3.Connection, source_name: str, refresh: float | None) -> bytes:
    """The snapshot of one source for a run starting now (the writer's side)."""
    source = Source(name=source_name, start_urls=[], refresh=refresh)
    known = fetch_state.known_article_urls(conn, source_name, fresh_since(source))
    listings = fetch_state.known_urls_of_kind(conn, source_name, fetch_state.LISTING)
    validators = []
    if refresh:  # validators of the pages a refresh may fetch again (known, fresh ones never are)
        rows = conn.execute("SELECT url, etag, last_modified FROM fetch_state WHERE source = ?"
                            " AND (etag IS NOT NULL OR last_modified IS NOT NULL)", (source_name,))
        validators = [[url_hash(url), etag, modified] for url, etag, modified in rows if url not in known]
    header = zlib.compress(json.dumps({"format": FORMAT, "last_ok": fetch_state.last_successful_run(conn, source_name),
                                       "validators": validators}).encode("utf-8"))
    known_bytes = HashedUrls.of(known).to_bytes()
    return _HEADER.pack(len(header), len(known)) + header + known_bytes + HashedUrls.of(listings).to_bytes()


class Snapshot:
    """A run's snapshot, read back (the crawl child's side)."""

    def __init__(self, blob: bytes):
        header_length, articles = _HEADER.unpack_from(blob)
        start = _HEADER.size
        header = json.loads(zlib.decompress(blob[start:start + header_length]))
        if header.get("format") != FORMAT:
            raise ValueError(f"known-URL snapshot of format {header.get('format')!r}, expected {FORMAT}")
        start += header_length
        self.known_articles = HashedUrls.from_bytes(blob[start:start + 8 * articles])
        self.known_listings = HashedUrls.from_bytes(blob[start + 8 * articles:])
        self.last_ok: str | None = header["last_ok"]
        self.validators = {key: (etag, modified) for key, etag, modified in header["validators"]}


class SnapshotFetchState:
    """The FetchStateAccess of a cluster crawl (scraper/backend.py): reads answer from the snapshot,
    fetch records go to the writer with the run's next batch."""

    def __init__(self, snapshot: Snapshot, send_fetches):
        self.snapshot, self.send_fetches = snapshot, send_fetches

    def known_article_urls(self, source: str, fresh_since: str | None = None) -> HashedUrls:
        return self.snapshot.known_articles  # the writer applied the same refresh window

    def known_urls_of_kind(self, source: str, kind: str) -> HashedUrls:
        if kind != fetch_state.LISTING:
            raise NotImplementedError(f"a cluster crawl knows only listing URLs, not {kind!r}")
        return self.snapshot.known_listings

    def validators(self, url: str) -> tuple[str | None, str | None]:
        return self.snapshot.validators.get(url_hash(url), (None, None))

    def last_successful_run(self, source: str) -> str | None:
        return self.snapshot.last_ok

    def record_fetches(self, records) -> None:
        self.send_fetches(list(records))

    def close(self) -> None:
        pass
