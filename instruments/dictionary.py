"""The instrument dictionary: entries with their listings, ISINs and names, and one Aho-Corasick
automaton over every name. Built once per process (lazily) from

1. pytickersymbols: the constituents of 20 major indices (S&P 500/600, Nasdaq 100, Dow, DAX family,
   FTSE 100, CAC, Euro Stoxx 50, IBEX, AEX, BEL, SMI, OMX, Nikkei 225) with names, tickers, ISINs;
2. instruments/data/listings.csv, written by us: the largest Vietnamese listings (HOSE, HNX, UPCoM),
   crypto assets, market indices, currencies, and listing dates;
   instruments/data/companies.csv: the largest companies of the main markets outside those indices,
   and the short names, brands ("Google" for Alphabet) and own-script names (トヨタ, 腾讯, 삼성전자)
   of the package's entries; instruments/data/world_companies.csv: mid-caps and consumer brands of
   Europe, Asia and the Americas, written the same way;
3. instruments/data/us_companies.csv, generated (bench/instruments_us.py) from the SEC's list of
   US-listed companies: only supplements, so a row whose ticker is known, and any of its names that
   another instrument already has, are left out;
4. the operator's watchlist (`[entities] watchlist`), in the same CSV format.

Names are matched on a folded copy of the text (lower case, every non-word character a space, same
length as the original, so offsets map back); each key is padded with spaces, so a name only
matches whole words ("Meta" never inside "Metaplanet"). Names in Chinese, Japanese or Korean script,
written without spaces, go to a second automaton without padding; the recogniser checks their
edges by script instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import ahocorasick

from . import exchanges
from .listing_file import ListingRow, WatchlistError, read_listing_file
from .model import Instrument

DATA = Path(__file__).resolve().parent / "data"
LISTINGS = DATA / "listings.csv"
COMPANIES = DATA / "companies.csv"
NOT_INSTRUMENTS = DATA / "not_instruments.txt"
COMMON_WORDS = DATA / "common_words.tsv"
CASE_VARIANTS = DATA / "case_variants.txt"
FIRST_NAMES = DATA / "first_names.txt"
WORLD_COMPANIES = DATA / "world_companies.csv"
US_COMPANIES = DATA / "us_companies.csv"
# Companies news of their day named that have since been taken over, merged, renamed or delisted, and
# companies listed in two periods (hand-written from public knowledge; their listing periods).
FORMER_COMPANIES = DATA / "former_companies.csv"

# Never a name, whatever a list says: the traps and their kin.
TRAPS = frozenset({
    "A", "I", "US", "U.S.", "UK", "EU", "AI", "IT", "CEO", "CFO", "COO", "CTO", "ALL", "AND", "THE", "FOR", "NEW",
    "NOW", "ONE", "IPO", "ETF", "GDP", "CPI", "FED", "ECB", "IMF", "SEC", "USA", "ON", "OR", "AT", "AM", "PM",
    "TV", "PC", "OK", "EV", "EVS", "ESG", "API", "APP", "BIG", "CAN", "KEY", "LOW", "HIGH", "OUT", "SO", "GO",
    "Q1", "Q2", "Q3", "Q4", "H1", "H2", "FY", "YTD", "YOY", "EPS", "P/E", "M&A",
})

_LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Companies|Ltd\.?|Limited|plc|PLC|P\.L\.C\.|"
    r"AG|SE|KGaA|& Co\.? KGaA|N\.V\.|NV|S\.A\.?|SA|S\.p\.A\.|SpA|Oyj|Abp|AB|ASA|A/S|Holdings?|Group|"
    r"Co\., Ltd\.?|LLC|L\.P\.|LP|\(The\)))$")
_NON_WORD = re.compile(r"[^\w]")
# Scripts written without spaces between words: their names are matched without word padding.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def fold(text: str) -> str:
    """Lower case, every non-word character a space; same length as `text` (offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters: fold character by character
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    return _NON_WORD.sub(" ", lowered)


def strip_accents(text: str) -> str:
    """"Hòa Phát" -> "Hoa Phat", "Nestlé" -> "Nestle" (đ/Đ included, which Unicode does not decompose)."""
    if text.isascii() or has_cjk(text):
        return text  # kana voicing marks decompose too: "ホンダ" is not "ホンタ"
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass
class Entry:
    instrument: Instrument
    listings: set[tuple[str, str | None]] = field(default_factory=set)  # (symbol, exchange)
    isins: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # aliases as written
    removed: set[str] = field(default_factory=set)
    explicit: set[str] = field(default_factory=set)  # names a listing file gives (not derived)
    cued: set[str] = field(default_factory=set)  # "?name": counts only in its kind's context
    trusted: set[str] = field(default_factory=set)  # "=name": never read as an everyday word
    # derived names a generated list marks "?": kept with a company cue even where they are everyday words
    cued_if_common: set[str] = field(default_factory=set)
    name_dates: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # names used for a while
    home: str | None = None  # exchange family, to break ties between entries sharing a name
    periods: tuple[tuple[str | None, str | None], ...] = ()  # (from, until) ISO dates it was listed

    @property
    def listed_until(self) -> str | None:
        return self.periods[-1][1] if self.periods else None

    def listed_during(self, first: str, last: str) -> bool:
        """Listed some day between an article's publication (`first`) and its last update (`last`)."""
        return not self.periods or any((since or "") <= last and (until is None or first < until)
                                       for since, until in self.periods)


@dataclass(frozen=True)
class Alias:
    text: str  # as written in the dictionary
    entry: int  # index into Dictionary.entries; -1 for a phrase that is not an instrument
    any_case: bool
    common_in: frozenset[str]  # languages in which this one-word name is also an everyday word
    cued: bool = False  # needs its kind's context (currencies always do; a company: a company cue)
    genitive: bool = False  # "Samsungs", "Googles": only in languages that inflect names so
    variants: bool = False  # also in another case with a capital first letter ("Gamestop", "Axa")
    valid: tuple[str | None, str | None] = (None, None)  # a former name's dates: (from, until), ISO

    def valid_on(self, first: str, last: str) -> bool:
        """Used between an article's publication (`first`) and last update (`last`); any day when unknown."""
        since, until = self.valid
        return not first or ((since or "") <= last and (until is None or first < until))


# Languages whose genitive adds an -s to a name ("Samsungs neue Tablets", "Volvos vinst").
GENITIVE_S = frozenset({"de", "lb", "nl", "sv", "da", "no", "nb"})


class Dictionary:
    """Entries plus lookups by ISIN, by (ticker, exchange family), by ticker, and the name automaton."""

    def __init__(self, entries: list[Entry], not_instruments: Iterable[str] = (),
                 common_words: dict[str, frozenset[str]] | None = None, case_variants: frozenset[str] = frozenset(),
                 first_names: frozenset[str] = frozenset()):
        self.entries = entries
        self.first_names = first_names  # "Christian Kemper": a name after one of these is a surname
        self.by_isin: dict[str, int] = {}
        self.by_listing: dict[tuple[str, str | None], list[int]] = {}
        self.by_symbol: dict[str, list[int]] = {}
        for index, entry in enumerate(entries):
            for isin in entry.isins:
                self.by_isin.setdefault(isin, index)
            for symbol, exchange in entry.listings:
                listed = self.by_listing.setdefault((symbol, exchanges.family(exchange)), [])
                if index not in listed:
                    listed.append(index)
                if index not in self.by_symbol.get(symbol, []):
                    self.by_symbol.setdefault(symbol, []).append(index)
        self.aliases: list[Alias] = []
        self.automaton = ahocorasick.Automaton()
        self.cjk_automaton = ahocorasick.Automaton()  # names in Chinese, Japanese or Korean script
        common_words = common_words or {}
        keys: dict[str, list[int]] = {}
        for index, entry in enumerate(entries):
            for name in sorted(entry.names - entry.removed):
                single = len(name.split()) == 1
                common = common_words.get(name.casefold(), frozenset()) if single else frozenset()
                cued = name in entry.cued or entry.instrument.kind == "currency" \
                    or _derived_acronym(name, entry)
                if common and name not in entry.explicit:
                    if name not in entry.cued_if_common or common & {"en", "*"}:
                        continue  # "News" from News Corp, "City" from City Holding: only when a list says so
                    cued = True  # "Gartner" (Danish for gardener): "Gartner Inc.", "Gartner analysts"
                if name in entry.trusted:
                    common = frozenset()
                variants = not cued and not common and name in case_variants
                valid = entry.name_dates.get(name, (None, None))
                self._add_alias(keys, Alias(name, index, name.islower(), common, cued, variants=variants, valid=valid))
                if single and entry.instrument.kind != "currency" and len(name) >= 3 and name[-1].isalpha() \
                        and name[-1] not in "sxzßSXZ" and not has_cjk(name) and name[-1].isascii():
                    self._add_alias(keys, Alias(name + "s", index, name.islower(), common, cued, genitive=True,
                                                valid=valid))
        for phrase in not_instruments:
            self._add_alias(keys, Alias(phrase, -1, True, frozenset()))
        for key, alias_ids in keys.items():
            if key.startswith(" "):
                self.automaton.add_word(key, (len(key), tuple(alias_ids)))
            else:
                self.cjk_automaton.add_word(key, (len(key), tuple(alias_ids)))
        for automaton in (self.automaton, self.cjk_automaton):
            if len(automaton):
                automaton.make_automaton()

    def _add_alias(self, keys: dict[str, list[int]], alias: Alias) -> None:
        # spacing kept as folded: "Bang & Olufsen" folds to "bang   olufsen" in the text too
        words = fold(" ".join(alias.text.split())).strip()
        key = words if has_cjk(alias.text) else f" {words} "
        if key.strip():
            keys.setdefault(key, []).append(len(self.aliases))
            self.aliases.append(alias)

    def lookup_listing(self, symbol: str, exchange: str | None) -> int | None:
        """The entry listed as `symbol` on `exchange` (or on an exchange of its family)."""
        found = self.by_listing.get((symbol, exchanges.family(exchange)))
        return found[0] if found and len(found) == 1 else None

    def lookup_kind(self, symbol: str, kind: str) -> int | None:
        """The entry of an index, currency or crypto asset by its symbol."""
        return next((index for index in self.by_symbol.get(symbol, [])
                     if self.entries[index].instrument.kind == kind), None)

    def lookup_symbol(self, symbol: str, prefer: tuple[str, ...] = ("crypto", "US")) -> int | None:
        """The entry a bare ticker ($AAPL, $BTC) means: a single entry, else the preferred market's."""
        found = self.by_symbol.get(symbol, [])
        if len(found) == 1:
            return found[0]
        for wanted in prefer:
            matching = [index for index in found if (self.entries[index].instrument.kind == wanted
                                                      or self.entries[index].home == wanted)]
            if len(matching) == 1:
                return matching[0]
        return None


# --- building -------------------------------------------------------------------------------------

def name_aliases(name: str) -> set[str]:
    """The names a company is written by: as listed, without legal suffixes, without accents."""
    names = {name}
    short = name
    if short.startswith("The "):
        short = short[4:]
    short = _PARENTHESIS.sub("", short)
    while True:
        stripped = _LEGAL_SUFFIX.sub("", short).rstrip(" ,&")
        if stripped == short or not stripped:
            break
        short = stripped
    names.add(short)
    names |= {strip_accents(alias) for alias in names}
    return {alias for alias in names if _usable(alias)}


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def _usable(alias: str, trusted: bool = False) -> bool:
    if alias.upper() in TRAPS or alias in TRAPS or not any(char.isalpha() for char in alias):
        return False
    if len(alias) < 2 and not has_cjk(alias):
        return False
    if trusted or has_cjk(alias):
        return True
    if len(alias) <= 3 and " " not in alias and not alias.isupper() and not alias[0].isdigit():
        return False  # "Bic", "Eni" read fine as words elsewhere; short names only in capitals
    return True


# The home exchange of an index's constituents, for records whose Yahoo symbol has no suffix.
_INDEX_EXCHANGES = {
    "DAX": "XETRA", "MDAX": "XETRA", "SDAX": "XETRA", "TecDAX": "XETRA", "CAC_40": "Euronext Paris",
    "CAC Mid 60": "Euronext Paris", "AEX": "Euronext Amsterdam", "BEL 20": "Euronext Brussels", "IBEX 35": "BME",
    "FTSE 100": "LSE", "OMX Helsinki 25": "Nasdaq Helsinki", "OMX Stockholm 30": "Nasdaq Stockholm",
    "Switzerland 20": "SIX", "NIKKEI 225": "TSE",
}


def _primary_exchange(company: dict, index: str | None = None) -> tuple[str, str | None]:
    """("AAPL", "NASDAQ") from pytickersymbols' Yahoo symbol and Google listings."""
    yahoo = company.get("symbol") or ""
    symbol, _, suffix = yahoo.partition(".")
    if suffix in exchanges.SUFFIXES:
        return symbol, exchanges.SUFFIXES[suffix]
    symbol = yahoo  # "BRK.B": a share class, not an exchange suffix
    home = _INDEX_EXCHANGES.get(index or "")
    if home and not any((listing.get("google") or "").partition(":")[2] == symbol
                        and (listing.get("google") or "").startswith(("NYSE:", "NASDAQ:"))
                        for listing in company.get("symbols", [])):
        return symbol, home
    for listing in company.get("symbols", []):
        prefix, _, ticker = (listing.get("google") or "").partition(":")
        if ticker == symbol and prefix in ("NASDAQ", "NYSE", "NYSEAMERICAN", "NYSEARCA"):
            return symbol, exchanges.GOOGLE_PREFIXES[prefix]
    return symbol, "NYSE" if symbol else None  # US constituents without an exchange: NYSE is the likelier


# Records of pytickersymbols 1.17 that name or number another company, by Yahoo symbol: both
# SoftBanks carry SoftBank Group's ISIN, Fresenius SE carries Fresenius Medical Care's name and ISINs.
PACKAGE_ERRATA: dict[str, dict] = {
    "9984.T": {"name": "SoftBank Group", "isins": ["JP3436100006"]},
    "9434.T": {"name": "SoftBank Corp.", "isins": ["JP3732000009"]},
    "FRE.DE": {"name": "Fresenius SE", "isins": ["DE0005785604"], "symbols": []},
}


def entries_from_pytickersymbols() -> list[Entry]:
    from pytickersymbols.indices_data import INDICES

    entries: list[Entry] = []
    by_key: dict[str, Entry] = {}
    for index_name, index_data in INDICES.items():
        for company in index_data.get("companies", []):
            company = {**company, **PACKAGE_ERRATA.get(company.get("symbol") or "", {})}
            isins = {isin for isin in company.get("isins") or [] if isinstance(isin, str)}
            symbol, exchange = _primary_exchange(company, index_name)
            keys = [f"isin:{isin}" for isin in sorted(isins)] + ([f"sym:{symbol}:{exchange}"] if symbol else [])
            keys.append(f"name:{company['name']}")
            entry = next((by_key[key] for key in keys if key in by_key), None)
            if entry is None:
                if not symbol:
                    continue  # no ticker at all: nothing to show or look up
                primary_isin = sorted(isins, key=lambda isin: (isin[:2] == "US" and exchange not in
                                                               exchanges._FAMILIES["US"], isin))
                entry = Entry(Instrument("stock", symbol, exchange, company["name"],
                                         primary_isin[0] if primary_isin else None),
                              home=exchanges.family(exchange))
                entries.append(entry)
            for key in keys:
                by_key.setdefault(key, entry)
            entry.isins |= isins
            entry.listings.add((symbol, exchange))
            for listing in company.get("symbols", []):
                prefix, _, ticker = (listing.get("google") or "").partition(":")
                if ticker and prefix in exchanges.GOOGLE_PREFIXES and prefix not in ("FRA", "LON", "OTCMKTS"):
                    entry.listings.add((ticker, exchanges.GOOGLE_PREFIXES[prefix]))
            entry.names |= name_aliases(company["name"])
    return entries


def merge_rows(entries: list[Entry], rows: Iterable[ListingRow], replace_names: bool = False) -> None:
    """Add listing-file rows: a row naming a known instrument (ISIN, or ticker on the same market)
    extends it, any other row is a new entry."""
    by_isin = {isin: entry for entry in entries for isin in entry.isins}
    by_listing = {(symbol, exchanges.family(exchange)): entry for entry in entries
                  for symbol, exchange in entry.listings}
    for row in rows:
        _merge_row(entries, row, by_isin, by_listing, replace_names)


def supplement_rows(entries: list[Entry], rows: Iterable[ListingRow]) -> None:
    """Add generated rows below the written ones: a row whose ticker or ISIN is known adds nothing;
    a row whose own name a known company has is another listing of it ("Novartis AG", NYSE: NVS);
    any other row is a new entry without the names another instrument already has."""
    added_listings: set[tuple[str, str | None]] = set()  # by earlier generated rows (known ones are in by_listing)
    known_isins = {isin for entry in entries for isin in entry.isins}
    owners: dict[str, set[int]] = {}
    for index, entry in enumerate(entries):
        for name in entry.names:
            owners.setdefault(name.casefold(), set()).add(index)
    by_listing = {(symbol, exchanges.family(exchange)): index for index, entry in enumerate(entries)
                  for symbol, exchange in entry.listings}
    for row in rows:
        exchange = _canonical_exchange(row.exchange)
        listing = (row.symbol, exchanges.family(exchange))
        index = by_listing.get(listing)
        known = entries[index] if index is not None else None
        if known is not None and known.instrument.kind == row.kind and _same_company(known.instrument.name, row.name):
            known.cued_if_common |= {alias[1:] for alias in row.aliases if alias[:1] == "?"} & known.names
            free = [alias for alias in row.aliases if alias.lstrip("?=").casefold() not in owners]
            if free:  # its names nobody else has: "Seagate" for Seagate Technology
                _add_aliases(known, free)
                for alias in free:
                    owners.setdefault(alias.lstrip("?=").casefold(), set()).add(index)
            continue
        if known is not None:
            if known.listed_until is None:
                continue  # another company's ticker: the written list knows better
            # a ticker taken again after its company left ("WB": Wachovia until 2008, Weibo since)
            since, until = row.periods[0] if row.periods else (None, None)
            row = replace(row, periods=((since or known.listed_until, until), *row.periods[1:]))
        if listing in added_listings or (row.isin and row.isin in known_isins):
            continue
        added_listings.add(listing)
        same_name = owners.get(row.name.casefold(), set()) | owners.get(min(name_aliases(row.name) or {row.name},
                                                                           key=len).casefold(), set())
        stocks = [index for index in same_name if entries[index].instrument.kind == row.kind]
        if len(stocks) == 1:
            entries[stocks[0]].listings.add((row.symbol, exchange))
            continue
        taken = {alias for alias in (row.name, *row.aliases) if alias.lstrip("?=").casefold() in owners}
        row = replace(row, aliases=[alias for alias in row.aliases if alias not in taken])
        entry = _merge_row(entries, row, {}, {}, False, derive=False)
        entry.names -= {name for name in entry.names if name.casefold() in owners}
        for name in entry.names:
            owners.setdefault(name.casefold(), set()).add(len(entries) - 1)


def _merged_periods(known: tuple, written: tuple) -> tuple:
    """A row's listing periods replace the known ones; a row giving one edge of one period keeps the
    other edge known (a listing date for an index constituent)."""
    if len(written) != 1 or len(known) > 1:
        return written or known
    (since, until), (known_since, known_until) = written[0], known[0] if known else (None, None)
    return ((since or known_since, until or known_until),)


def _same_company(name: str | None, other: str) -> bool:
    """"Seagate Technology" and "Seagate Technology Holdings plc": one company; "Wachovia" and
    "Weibo Corp", which took its old ticker, are two."""
    first = fold(strip_accents(name or "")).split()[:1]
    return bool(first) and first == fold(strip_accents(other)).split()[:1]


def _merge_row(entries: list[Entry], row: ListingRow, by_isin: dict[str, Entry],
               by_listing: dict[tuple[str, str | None], Entry], replace_names: bool, derive: bool = True) -> Entry:
    exchange = _canonical_exchange(row.exchange)
    entry = (by_isin.get(row.isin) if row.isin else None) or \
        (by_listing.get((row.symbol, exchanges.family(exchange))) if row.kind == "stock" else None)
    if entry is None or entry.instrument.kind != row.kind:
        entry = Entry(Instrument(row.kind, row.symbol, exchange, row.name, row.isin),
                      home="crypto" if row.kind == "crypto" else exchanges.family(exchange))
        entries.append(entry)
    elif replace_names:
        old = entry.instrument
        entry.instrument = Instrument(old.kind, old.symbol, old.exchange, row.name, old.isin or row.isin)
    entry.listings.add((row.symbol, exchange))
    entry.periods = _merged_periods(entry.periods, row.periods)
    if row.isin:
        entry.isins.add(row.isin)
        by_isin[row.isin] = entry
    by_listing[(row.symbol, exchanges.family(exchange))] = entry
    derived = name_aliases(row.name) if row.kind == "stock" and derive else set()
    _add_aliases(entry, row.aliases, derived, name=row.name)
    entry.name_dates.update({form: span for alias, span in row.alias_dates.items()
                             for form in (alias, strip_accents(alias))})  # "Nestlé", "Nestle" alike
    entry.removed |= set(row.removed)
    return entry


def _add_aliases(entry: Entry, written_aliases: list[str], derived: set[str] = frozenset(),
                 name: str | None = None) -> None:
    """A row's name and the aliases a listing file writes (with their "?" and "=" marks), names
    derived from the name, and the aliases without their accents ("Societe Generale")."""
    aliases = []
    for alias in written_aliases:
        if alias[:1] in "?=" and len(alias) > 1:
            (entry.cued if alias[0] == "?" else entry.trusted).add(alias[1:])
            alias = alias[1:]
        aliases.append(alias)
    written = set(aliases) | ({name} if name else set())  # as the file writes them: short ones too ("Eon", "Nio")
    accentless = {strip_accents(alias) for alias in aliases} - written
    entry.names |= {name for name in derived | written if name.islower() or _usable(name, name in written)}
    entry.names |= accentless
    entry.explicit |= written | accentless


def _derived_acronym(name: str, entry: Entry) -> bool:
    """"SES" of SES S.A., "APA" of APA Corporation: three capitals stand for many other things
    (a rescue service, a news agency), so a name no list writes needs a company cue; the lists write
    the acronyms that mean the company ("BMW", "IBM", "HP")."""
    return entry.instrument.kind == "stock" and len(name) <= 3 and name.isalpha() and name.isupper() \
        and name not in entry.explicit


def _canonical_exchange(spelling: str | None) -> str | None:
    if not spelling:
        return None
    if spelling in exchanges.NAMES:
        return exchanges.NAMES[spelling]
    upper = {name.upper(): canonical for name, canonical in exchanges.NAMES.items()}
    return upper.get(spelling.upper(), spelling)


def read_common_words(path: Path = COMMON_WORDS) -> dict[str, frozenset[str]]:
    words: dict[str, frozenset[str]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                word, _, languages = line.partition("\t")
                words[word.casefold()] = frozenset(languages.split(","))
    return words


def read_lines(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def build(watchlist: str | Path | None = None, include_package: bool = True) -> Dictionary:
    """The default dictionary, plus the watchlist. A bad watchlist raises WatchlistError before
    anything is built, so a process never runs with half of it."""
    operator_rows = read_listing_file(watchlist) if watchlist else []
    entries = entries_from_pytickersymbols() if include_package else []
    merge_rows(entries, read_listing_file(LISTINGS))
    merge_rows(entries, read_listing_file(COMPANIES))
    if WORLD_COMPANIES.exists():
        merge_rows(entries, read_listing_file(WORLD_COMPANIES))
    if FORMER_COMPANIES.exists():
        merge_rows(entries, read_listing_file(FORMER_COMPANIES))
    if US_COMPANIES.exists():
        supplement_rows(entries, read_listing_file(US_COMPANIES))
    merge_rows(entries, operator_rows, replace_names=True)
    return Dictionary(entries, sorted(read_lines(NOT_INSTRUMENTS)), read_common_words(), read_lines(CASE_VARIANTS),
                      read_lines(FIRST_NAMES))


__all__ = ["Alias", "Dictionary", "Entry", "WatchlistError", "build", "fold", "name_aliases"]
