"""The CSV format of the shipped listings (instruments/data/*.csv) and of an operator's watchlist.

    symbol,exchange,name,aliases,kind,isin
    VIC,HOSE,Vingroup,Tập đoàn Vingroup|Vin Group,stock,VN000000VIC9

`symbol` and `name` are required; `exchange`, `aliases` (separated by `|`), `kind` (stock, crypto,
index, currency; default stock), `isin` (checked against its check digit) and `listed_from` /
`listed_until` (ISO dates: articles published outside them are not about this listing; a company
listed twice writes both periods, paired in order: "2005-05-11|2020-06-03" and "2011-07-20|") are
optional.
An alias written all in lower case matches in any case ("bitcoin" finds "Bitcoin"); any other alias
matches as written (and in an all-capitals headline). Prefixes: `-` removes a name the default
dictionary derived for the same instrument ("-Dow" on Dow Inc.); `?` marks a name that counts only
with its kind's context ("?Nasdaq" as an index: "the Nasdaq rose"; a company's: a company cue or
another mention of the company, "?Dell": "Dell shares"); `=` marks a name that is never
read as an everyday word ("=Ether"). A name used only for a while carries its dates: "Symantec [until
2019-11-04]" (a former name: later articles do not mean this instrument by it), "Tata Motors [from
2025-11-12]". Lines starting with `#`
are comments. A bad line raises WatchlistError naming the file and line, and nothing is loaded.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from core.config import ConfigError

from .model import KINDS

COLUMNS = ("symbol", "exchange", "name", "aliases", "kind", "isin", "listed_from", "listed_until")
REQUIRED = ("symbol", "name")
MAX_FIELD = 200


class WatchlistError(ConfigError):
    """A listings or watchlist file that cannot be used, with `path:line:` in the message."""


@dataclass
class ListingRow:
    kind: str
    symbol: str
    exchange: str | None
    name: str
    isin: str | None
    aliases: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # "-alias" entries
    line: int = 0
    # (listed_from, listed_until) ISO dates, one pair a listing period: an article outside them all
    # does not mean this listing ("Warner Music Group": 2005-2011 and again from 2020)
    periods: tuple[tuple[str | None, str | None], ...] = ()
    # names used only for a while: "Symantec [until 2019-11-04]" -> {"Symantec": (None, "2019-11-04")}
    alias_dates: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)


_DATED_ALIAS = re.compile(r"(?P<alias>.+?)\s*\[(?P<edge>from|until)\s+(?P<date>[^\]]*)\]")


def read_listing_file(path: str | Path) -> list[ListingRow]:
    """Every row of the file, validated; raises WatchlistError (path:line: message) on the first bad line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise WatchlistError(f"{path}: watchlist file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise WatchlistError(f"{path}: cannot read: {error}") from None
    return parse_listing_text(text, str(path))


def parse_listing_text(text: str, where: str) -> list[ListingRow]:
    lines = [(number, line) for number, line in enumerate(text.splitlines(), 1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise WatchlistError(f"{where}: empty file (expected a header line: {','.join(COLUMNS)})")
    header_number, header_line = lines[0]
    header = [name.strip().lower() for name in next(csv.reader([header_line]))]
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise WatchlistError(f"{where}:{header_number}: unknown column {unknown[0]!r} "
                             f"(columns: {', '.join(COLUMNS)})")
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise WatchlistError(f"{where}:{header_number}: missing column {missing[0]!r} in the header line")
    rows = []
    for number, line in lines[1:]:
        try:
            values = next(csv.reader(io.StringIO(line)))
        except csv.Error as error:
            raise WatchlistError(f"{where}:{number}: {error}") from None
        if len(values) > len(header):
            raise WatchlistError(f"{where}:{number}: {len(values)} fields, the header has {len(header)}")
        record = dict(zip(header, (value.strip() for value in values), strict=False))
        rows.append(_row(record, f"{where}:{number}", number))
    return rows


def _row(record: dict[str, str], where: str, number: int) -> ListingRow:
    for name in REQUIRED:
        if not record.get(name):
            raise WatchlistError(f"{where}: {name} is empty")
    for name, value in record.items():
        if len(value) > MAX_FIELD * (5 if name == "aliases" else 1):
            raise WatchlistError(f"{where}: {name} is too long ({len(value)} characters)")
    kind = (record.get("kind") or "stock").lower()
    if kind not in KINDS:
        raise WatchlistError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    symbol = record["symbol"]
    if any(char.isspace() for char in symbol) and kind != "index":
        raise WatchlistError(f"{where}: symbol {symbol!r} contains a space")
    isin = (record.get("isin") or "").upper() or None
    if isin is not None:
        from stdnum import isin as isin_number

        if not isin_number.is_valid(isin):
            raise WatchlistError(f"{where}: {isin!r} is not a valid ISIN (length, country or check digit)")
    aliases, removed, alias_dates = [], [], {}
    for alias in (record.get("aliases") or "").split("|"):
        alias = " ".join(alias.split())
        dated = _DATED_ALIAS.fullmatch(alias)
        if dated:
            alias = dated.group("alias")
            _check_date(dated.group("date"), f"the date of alias {alias!r}", where)
            span = (dated.group("date"), None) if dated.group("edge") == "from" else (None, dated.group("date"))
            alias_dates[alias.lstrip("?=")] = span
        if alias.startswith("-"):
            removed.append(alias[1:].strip())
        elif alias:
            aliases.append(alias)
    return ListingRow(kind, symbol, record.get("exchange") or None, record["name"], isin, aliases, removed, number,
                      _periods(record, where), alias_dates=alias_dates)


def _periods(record: dict[str, str], where: str) -> tuple[tuple[str | None, str | None], ...]:
    """"2005-05-11|2020-06-03" and "2011-07-20|": listed twice, the second time until today."""
    starts = (record.get("listed_from") or "").split("|")
    ends = (record.get("listed_until") or "").split("|")
    if len(starts) != len(ends):
        raise WatchlistError(f"{where}: listed_from and listed_until must list as many periods "
                             f"({len(starts)} and {len(ends)})")
    periods: list[tuple[str | None, str | None]] = []
    for start, end in zip(starts, ends, strict=True):
        for value, what in ((start, "listed_from"), (end, "listed_until")):
            if value.strip():
                _check_date(value.strip(), what, where)
        start, end = start.strip() or None, end.strip() or None
        before = periods[-1][1] if periods else ""  # the end of the period before ("": none)
        if (start and end and start >= end) or (periods and (not start or not before or start < before)):
            raise WatchlistError(f"{where}: listing periods must run forwards, one after another "
                                 f"({record.get('listed_from')!r} to {record.get('listed_until')!r})")
        periods.append((start, end))
    return () if periods == [(None, None)] else tuple(periods)


def _check_date(value: str, what: str, where: str) -> None:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise WatchlistError(f"{where}: {what} must be a date like 2022-10-27, not {value!r}") from None
