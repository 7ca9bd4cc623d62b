"""Dates as pages give them -> UTC instants: the one place that decides what a date without offset means.

    to_utc("2025-10-18T14:30:00+07:00")                   -> ("2025-10-18T07:30:00Z", "offset")
    to_utc("2025-10-18T14:30:00", "Asia/Ho_Chi_Minh")     -> ("2025-10-18T07:30:00Z", "timezone")
    to_utc("2025-10-18T14:30:00")                         -> ("2025-10-18T14:30:00Z", "assumed-utc")

A value without offset is local time on the page: it is read in the source's timezone (the
`timezone` key of a [[sources]] entry) when there is one, else as UTC and marked `assumed-utc`,
so a reader can tell a known instant from a guess. A date without a time is midnight.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

OFFSET = "offset"  # the value carried its UTC offset: exact
TIMEZONE = "timezone"  # no offset: read as local time in the source's timezone
ASSUMED_UTC = "assumed-utc"  # no offset, no timezone known: read as UTC, may be hours off
_STRENGTH = {OFFSET: 0, TIMEZONE: 1, ASSUMED_UTC: 2}


def to_utc(value: str | None, timezone: str | None = None) -> tuple[str | None, str | None]:
    """(UTC instant as ISO 8601 with Z, basis), or (None, None) for no or unreadable value."""
    if not value:
        return None, None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None, None
    if moment.tzinfo is not None:
        basis = OFFSET
    elif timezone:
        moment, basis = moment.replace(tzinfo=ZoneInfo(timezone)), TIMEZONE
    else:
        moment, basis = moment.replace(tzinfo=UTC), ASSUMED_UTC
    return utc_text(moment), basis


def utc_text(moment: datetime) -> str:
    """An aware datetime as "YYYY-MM-DDTHH:MM:SSZ" (second precision: fixed width, sorts as text)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_instants(published: str | None, modified: str | None,
                 timezone: str | None = None) -> tuple[str | None, str | None, str | None]:
    """(published_utc, modified_utc, basis): the basis is the weaker of the two values'."""
    published_utc, published_basis = to_utc(published, timezone)
    modified_utc, modified_basis = to_utc(modified, timezone)
    bases = [basis for basis in (published_basis, modified_basis) if basis]
    return published_utc, modified_utc, max(bases, key=_STRENGTH.__getitem__) if bases else None
