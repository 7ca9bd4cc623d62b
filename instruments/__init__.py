"""Finance instruments in article text: a pure function of (title, body, language) -> tags.

    from instruments import recognise
    recognise("Vingroup (HOSE: VIC) lifts the VN-Index", body, "en")
    # [{"kind": "stock", "symbol": "VIC", "exchange": "HOSE", "name": "Vingroup", ...}, ...]

Knows nothing of Scrapy or the database. The dictionary is data, built once per process on first
use (`default_recogniser()`); an operator's watchlist joins it through `use_watchlist(path)`, which
also exports NEWSAGG_WATCHLIST so worker and child processes build the same dictionary.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from .dictionary import Dictionary, build
from .listing_file import WatchlistError, read_listing_file
from .model import KINDS, Instrument, Tag
from .recognise import Recogniser

__all__ = ["KINDS", "Dictionary", "Instrument", "Recogniser", "Tag", "WatchlistError", "default_recogniser",
           "read_listing_file", "recognise", "use_watchlist"]

WATCHLIST_ENV = "NEWSAGG_WATCHLIST"
_lock = threading.Lock()
_default: tuple[str | None, Recogniser] | None = None


def use_watchlist(path: str | Path | None) -> Recogniser:
    """Make `path` (or no watchlist) this process's dictionary, build it now and return it. A bad
    file raises WatchlistError (path:line: ...) and the previous dictionary stays in use."""
    global _default
    resolved = str(Path(path).resolve()) if path else None
    recogniser = Recogniser(build(resolved))
    with _lock:
        _default = (resolved, recogniser)
    if resolved:
        os.environ[WATCHLIST_ENV] = resolved
    else:
        os.environ.pop(WATCHLIST_ENV, None)
    return recogniser


def default_recogniser() -> Recogniser:
    """The process's recogniser, built on first use (with $NEWSAGG_WATCHLIST when set)."""
    global _default
    wanted = os.environ.get(WATCHLIST_ENV) or None
    current = _default
    if current is not None and current[0] == wanted:
        return current[1]
    with _lock:
        if _default is None or _default[0] != wanted:
            _default = (wanted, Recogniser(build(wanted)))
        return _default[1]


def recognise(title: str | None, body: str, language: str | None = None,
              published: str | None = None, modified: str | None = None) -> list[dict]:
    """The instruments an article's title and body mention, as `Article.instruments` entries."""
    return [tag.to_dict() for tag in default_recogniser().tags(title, body, language, published, modified)]
