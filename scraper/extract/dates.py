"""One date parser for the whole project: any language, any format -> ISO 8601."""

from __future__ import annotations

import re
from datetime import datetime

import dateparser

_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")
_DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                        "STRICT_PARSING": False, "PREFER_DATES_FROM": "past"}


def parse_date(text: str | None, languages: list[str] | None = None,
               relative_base: datetime | None = None) -> str | None:
    """Parse a date string; returns ISO 8601 (date or datetime, offset kept when given) or None."""
    if not text:
        return None
    text = " ".join(str(text).split())
    if not text or len(text) > 200:
        return None
    if _ISO_LIKE.match(text):
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            value = None
        if value is not None:
            return _iso(value, has_time="T" in text or " " in text)
    settings = dict(_DATEPARSER_SETTINGS)
    if relative_base is not None:
        settings["RELATIVE_BASE"] = relative_base.replace(tzinfo=None)
    try:
        value = dateparser.parse(text, languages=languages or None, settings=settings)
    except (ValueError, OverflowError, TypeError, AttributeError):
        value = None
    if value is None and languages:
        try:
            value = dateparser.parse(text, settings=settings)
        except (ValueError, OverflowError, TypeError, AttributeError):
            value = None
    if value is None or not (1990 <= value.year <= 2100):
        return None
    return _iso(value, has_time=bool(re.search(r"\d:\d", text)) or "ago" in text.lower())


def _iso(value: datetime, has_time: bool) -> str:
    if has_time or value.tzinfo is not None:
        return value.isoformat()
    return value.date().isoformat()
