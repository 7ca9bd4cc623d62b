"""One date parser for the whole extractor: any language, any format -> ISO 8601.

    parse_date("2025-01-27T09:30:00+09:00")       -> "2025-01-27T09:30:00+09:00"
    parse_date("28. April 2023, 14:05 Uhr")       -> "2023-04-28T14:05:00"
    parse_date("18 tháng 10 2025")                 -> "2025-10-18"
    parse_date("3 hours ago", relative_base=now)   -> now - 3 h
    parse_date("08:00") / parse_date("7 min")      -> None (no calendar day)

The contract, for every date string the extractor reads (JSON-LD, meta, <time>, visible
lines, URLs, htmldate's answer):

- The text must name a calendar day: year, month and day, or (only with `relative_base`)
  a relative phrase ("3 hours ago", "gestern"). A bare time, a month and year, a reading
  time or a year alone gives None, never "today" or "the 1st".
- The result is ISO 8601: `YYYY-MM-DD` when the text has no clock time, `YYYY-MM-DDTHH:MM:SS`
  when it has one, plus `+HH:MM` when the text states an offset or a known zone
  abbreviation ("CET", "GMT+7"). Nothing is converted: the offset the page gives is kept.
- Years outside 1990-2100 and texts over 200 characters give None. It never raises.

Fast regex paths cover ISO, numeric, CJK, month-name and relative forms; dateparser
(slow: milliseconds per call, seconds to import) is the last resort, imported lazily
and only given short strings that carry a four-digit year.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from .date_words import (
    CLOCK_WORDS,
    DATE_JOINERS,
    DAY_SUFFIXES,
    MONTHS,
    ONE_WORDS,
    RELATIVE_AFTER,
    RELATIVE_BEFORE,
    RELATIVE_UNITS,
    TIMEZONES,
    TODAY,
    VI_MONTH_WORD,
    VI_YEAR_WORD,
    YESTERDAY,
)
from .rules import literal_alternation

_MIN_YEAR, _MAX_YEAR = 1990, 2100
_MAX_TEXT = 200
_MAX_DATEPARSER_TEXT = 60

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
                  r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?!\d)")
_CLOCK_WORDS, _DAY_SUFFIXES, _DATE_JOINERS, _ONE_WORDS = (
    literal_alternation(words).pattern for words in (CLOCK_WORDS, DAY_SUFFIXES, DATE_JOINERS, ONE_WORDS))
_TIME = re.compile(r"(?<![\d.:])(\d{1,2})\s*[:h時시]\s*(\d{2})(?:[:.](\d{2}))?(?:\s*(?:分|분))?\s*([ap]\.?m\.?)?"
                   rf"(?:\s*(?:{_CLOCK_WORDS}))?"
                   r"(?:\s*\(?([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})\)?)?(?![\d])", re.I)
_YMD = re.compile(r"(?<!\d)(\d{4})\s*[./년年-]\s*(\d{1,2})\s*[./월月-]\s*(\d{1,2})(?!\d)\s*[일日]?")
_DMY = re.compile(r"(?<![\d.])(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d])")
_VI = re.compile(rf"(?<!\d)(\d{{1,2}})\s+{VI_MONTH_WORD}\s+(\d{{1,2}})[,\s]+(?:{VI_YEAR_WORD}\s+)?(\d{{4}})", re.I)
_WORD = r"([^\W\d_]{3,}\.?)"
_DAY = rf"(\d{{1,2}})(?:\.|{_DAY_SUFFIXES})?"
_JOINER = rf"(?:(?:{_DATE_JOINERS})\s+)?"
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d){_DAY}\s+{_JOINER}{_WORD},?\s+{_JOINER}(\d{{4}})")
_MONTH_DAY_YEAR = re.compile(rf"{_WORD}\s+{_DAY},?\s+(\d{{4}})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_RELATIVE = re.compile(rf"(\d+|(?:{_ONE_WORDS})\b)\s*([^\W\d_]+|[時間分日週주시간일분前]+)", re.I)


def parse_date(text: str | None, languages: list[str] | None = None,
               relative_base: datetime | None = None, fast: bool = False) -> str | None:
    """Parse a date string; returns ISO 8601 (date or datetime, offset kept when given) or None.
    `fast`: the regex paths only, never dateparser (milliseconds a call, a 0.5 s import): for
    telling whether a heading or byline line is a date, not for reading the page's date."""
    if not text:
        return None
    text = " ".join(str(text).split())
    if not text or len(text) > _MAX_TEXT:
        return None
    value = _parse_fast(text, relative_base)
    if value is None and not fast and len(text) <= _MAX_DATEPARSER_TEXT and _YEAR.search(text):
        value = _parse_with_dateparser(text, languages)
    if value is None:
        return None
    return value if isinstance(value, str) else value.isoformat()


# Relative phrases ("2 hours ago") name a day only against a base; to tell a date line, any base will do.
_ANY_DAY = datetime(2000, 1, 1)


def names_a_day(text: str | None, relative: bool = True, fast: bool = True) -> bool:
    """Is the text a date ("3 hours ago" too, unless not `relative`)? For telling a date line from a
    headline or a byline, not for reading the page's date: the regex paths only, unless not `fast`."""
    return parse_date(text, relative_base=_ANY_DAY if relative else None, fast=fast) is not None


def _parse_fast(text: str, relative_base: datetime | None) -> datetime | date | str | None:
    for parse in (_parse_iso, _parse_numeric, _parse_month_name):
        value = parse(text)
        if value is not None:
            return value
    return _parse_relative(text, relative_base) if relative_base else None


def _parse_iso(text: str) -> datetime | date | None:
    match = _ISO.search(text)
    if not match:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    found = _build(year, month, day)
    if found is None or hour is None:
        return found
    return _with_time(found, hour, minute, second, None, offset)


def _parse_numeric(text: str) -> datetime | date | None:
    """2026.01.29 18:40, 2025年1月27日, 2025년 1월 27일, 28.04.2023, 18/10/2025, 18 tháng 10 2025."""
    match = _YMD.search(text)
    if match:
        found = _build(*match.groups())
    elif match := _VI.search(text):
        day, month, year = match.groups()
        found = _build(year, month, day)
    elif match := _DMY.search(text):
        first, _, second, year = match.groups()
        year = year if len(year) == 4 else f"20{year}"
        # Day first (most of the world); month first only when the day cannot be a month.
        found = _build(year, second, first) or _build(year, first, second)
    else:
        return None
    return (_add_time(found, text[match.end():]) or found) if found else None


def _parse_month_name(text: str) -> datetime | date | None:
    for pattern, order in ((_DAY_MONTH_YEAR, (0, 1, 2)), (_MONTH_DAY_YEAR, (1, 0, 2))):
        for match in pattern.finditer(text):
            groups = match.groups()
            day, month_word, year = (groups[i] for i in order)
            month = MONTHS.get(month_word.lower().rstrip("."))
            found = _build(year, month, day) if month else None
            if found:
                return _add_time(found, text[match.end():]) or found
    return None


def _parse_relative(text: str, base: datetime) -> datetime | None:
    lowered = text.casefold()
    if lowered in TODAY or any(word == lowered.split(",")[0].strip() for word in TODAY):
        return _add_time(base.replace(microsecond=0), text) or base.replace(microsecond=0)
    if any(lowered.startswith(word) for word in YESTERDAY):
        day = base - timedelta(days=1)
        return _add_time(day.date(), text) or day.date()
    if not (any(word in lowered for word in RELATIVE_AFTER)
            or any(lowered.startswith(word + " ") for word in RELATIVE_BEFORE)):
        return None
    for amount, unit in _RELATIVE.findall(lowered):
        seconds = _unit_seconds(unit)
        if seconds:
            count = int(amount) if amount.isdigit() else 1
            return (base - timedelta(seconds=seconds * count)).replace(microsecond=0)
    return None


def _unit_seconds(unit: str) -> int | None:
    for word in (unit, unit.rstrip("前전"), unit.rstrip("s")):
        if word in RELATIVE_UNITS:
            return RELATIVE_UNITS[word]
    return None


def _build(year, month, day) -> date | None:
    try:
        found = date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None
    return found if _MIN_YEAR <= found.year <= _MAX_YEAR else None


def _add_time(day: date, rest: str) -> datetime | None:
    """The first clock time shortly after a date ("…, 14:05 Uhr", "18:40 (CET)"), if any."""
    match = _TIME.search(rest[:40])
    if not match:
        return None
    hour, minute, second, meridiem, zone = match.groups()
    return _with_time(day, hour, minute, second, meridiem, zone)


def _with_time(day: date, hour, minute, second, meridiem, zone) -> datetime | date:
    hour = int(hour)
    if meridiem:
        hour = hour % 12 + (12 if meridiem.lower().startswith("p") else 0)
    try:
        value = datetime(day.year, day.month, day.day, hour, int(minute), int(second or 0))
    except ValueError:
        return day
    offset = _offset(zone)
    return value.replace(tzinfo=offset) if offset is not None else value


def _offset(zone: str | None) -> timezone | None:
    """"+0200", "-05:00", "CET", "GMT+7" -> a fixed offset; None when unknown."""
    if not zone:
        return None
    name, sign, digits = re.fullmatch(r"([A-Za-z]*)(?:([+-])(\d{1,2}(?::?\d{2})?))?", zone).groups()
    base = TIMEZONES.get(name.lower()) if name else 0
    if base is None or (not name and not sign):
        return None
    minutes = 0
    if sign:
        digits = digits.replace(":", "")
        hours, extra = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
        minutes = (int(hours) * 60 + int(extra)) * (1 if sign == "+" else -1)
    return timezone(timedelta(minutes=base + minutes))


# REQUIRE_PARTS: dateparser would otherwise fill a missing day or year in from today.
_DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                        "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}


def _parse_with_dateparser(text: str, languages: list[str] | None) -> datetime | date | None:
    """Absolute dates in forms the fast paths miss (month names of other languages)."""
    import dateparser  # slow import: only pages that need it pay for it

    value = None
    for attempt in ([languages] if languages else []) + [None]:
        try:
            value = dateparser.parse(text, languages=attempt, settings=_DATEPARSER_SETTINGS)
        except (ValueError, OverflowError, TypeError, AttributeError, KeyError):
            value = None
        if value is not None:
            break
    if value is None or not (_MIN_YEAR <= value.year <= _MAX_YEAR):
        return None
    has_time = bool(re.search(r"\d[:h]\d", text))
    return value if has_time or value.tzinfo else value.date()
