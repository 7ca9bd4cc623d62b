"""Content fingerprints for deduplication.

Two layers live here (the URL layer is db/urls.py):
- `content_hash`: sha256 of the normalised body; equal hashes are exact duplicates.
- `fingerprint`: a MinHash sketch of the body's word shingles, cut into LSH bands. Two bodies
  share at least one band key with high probability when their Jaccard similarity is high, so
  near-duplicate candidates come from an index lookup on band keys (cost independent of how
  many articles are stored); each candidate is then verified with the exact shingle overlap.

Why one-permutation MinHash: one hash per shingle (then the minimum per bucket) instead of one
hash per shingle per permutation keeps the hot path in pure Python around a millisecond per
article. docs/schema.md has the measurements behind SHINGLE_WORDS and NEAR_DUPLICATE_OVERLAP
(`python -m bench.db_threshold` reproduces them).
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from collections import OrderedDict
from dataclasses import dataclass

_WORDS = re.compile(r"\w+")

SHINGLE_WORDS = 5  # words per shingle
BANDS, ROWS_PER_BAND = 20, 3  # 60 MinHash values; a pair with Jaccard 0.5 shares a band with p = 0.93
NEAR_DUPLICATE_OVERLAP = 0.5  # verified overlap of shingle sets at or above this: a near-duplicate
MIN_SHINGLES = 20  # shorter bodies are too small to fingerprint reliably (exact hash only)

_SLOTS = BANDS * ROWS_PER_BAND
_EMPTY = 1 << 64
_MASK64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15  # odd: multiplying by it permutes 64-bit values
_PACK_BAND = struct.Struct(f"<B{ROWS_PER_BAND}Q")


def normalise_text(text: str) -> str:
    """Lowercased words only: whitespace, punctuation and case changes don't change the hash."""
    return " ".join(_WORDS.findall(text.lower()))


def content_hash(body: str) -> str:
    return hashlib.sha256(normalise_text(body).encode("utf-8")).hexdigest()


def shingles(body: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of `size`-word windows of the normalised body."""
    words = _WORDS.findall(body.lower())
    return {" ".join(words[i:i + size]) for i in range(max(len(words) - size + 1, 0))}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger one: a reprint with extra boilerplate or a cut
    last paragraph still scores near 1, where Jaccard would be diluted by the extra text."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True)
class Fingerprint:
    shingles: frozenset[int]  # 64-bit hashes of the shingles (overlap is measured on these)
    band_keys: tuple[int, ...]  # one signed 64-bit key per band (band number mixed in)
    has_shingles = True  # (a class attribute, not a field)


class SentFingerprint:
    """A fingerprint whose band keys were computed elsewhere (a cluster crawl worker): the shingles,
    needed only to verify a near-duplicate candidate, are computed from the body on first use."""

    def __init__(self, band_keys: tuple[int, ...], body: str):
        self.band_keys, self._body, self._shingles = band_keys, body, None

    @classmethod
    def of(cls, band_keys: tuple[int, ...], body: str) -> SentFingerprint | None:
        return cls(band_keys, body) if band_keys else None  # no keys: the body was too short

    @property
    def has_shingles(self) -> bool:
        return self._shingles is not None

    @property
    def shingles(self) -> frozenset[int]:
        if self._shingles is None:
            self._shingles = shingle_hashes(self._body)
        return self._shingles


def shingle_hashes(body: str) -> frozenset[int]:
    """The body's shingles as 64-bit hashes: all that verifying a candidate needs (no MinHash)."""
    return frozenset(_shingle_hash(gram) for gram in shingles(body))


def fingerprint(body: str) -> Fingerprint | None:
    """None when the body is too short to fingerprint."""
    hashed = shingle_hashes(body)
    if len(hashed) < MIN_SHINGLES:
        return None
    return Fingerprint(hashed, band_keys(minhash(hashed)))


def _shingle_hash(gram: str) -> int:
    """Stable across processes (unlike hash()) and cheap: CRC-32 spread over 64 bits."""
    return zlib.crc32(gram.encode("utf-8")) * _GOLDEN & _MASK64


def minhash(hashed: frozenset[int]) -> list[int]:
    """One-permutation MinHash: each shingle hash goes to one of _SLOTS buckets, the bucket keeps
    its minimum; empty buckets borrow from the next filled one (densification)."""
    slots = [_EMPTY] * _SLOTS
    for value in hashed:
        slot = value % _SLOTS
        if value < slots[slot]:
            slots[slot] = value
    filled = [i for i, v in enumerate(slots) if v != _EMPTY]
    for i in range(_SLOTS):
        if slots[i] == _EMPTY:
            donor = next((j for j in filled if j > i), filled[0])
            slots[i] = slots[donor] ^ (i * _GOLDEN & _MASK64)  # distinct per slot
    return slots


def band_keys(signature: list[int]) -> tuple[int, ...]:
    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS_PER_BAND:(band + 1) * ROWS_PER_BAND]
        digest = hashlib.blake2b(_PACK_BAND.pack(band, *rows), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))  # SQLite INTEGER is signed 64-bit
    return tuple(keys)


class ShingleCache:
    """Shingle hashes of recently stored or verified articles, keyed by (article id, content hash),
    so a crawl does not re-read and re-shingle the same few candidates for every new article."""

    def __init__(self, size: int = 256):
        self.size = size
        self._entries: OrderedDict[tuple[int, str], frozenset[int]] = OrderedDict()

    def get(self, article_id: int, digest: str) -> frozenset[int] | None:
        found = self._entries.get((article_id, digest))
        if found is not None:
            self._entries.move_to_end((article_id, digest))
        return found

    def put(self, article_id: int, digest: str, hashed: frozenset[int]) -> None:
        self._entries[(article_id, digest)] = hashed
        self._entries.move_to_end((article_id, digest))
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)
