"""Content fingerprints for deduplication."""

from __future__ import annotations

import hashlib
import re

_WORDS = re.compile(r"\w+")


def normalise_text(text: str) -> str:
    """Lowercased words only: whitespace, punctuation and case changes don't change the hash."""
    return " ".join(_WORDS.findall(text.lower()))


def content_hash(body: str) -> str:
    return hashlib.sha256(normalise_text(body).encode("utf-8")).hexdigest()
