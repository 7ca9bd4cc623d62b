"""Stock exchanges: the names writers put before a ticker, and the suffixes after it.

Data only. `NAMES` maps how an exchange is written in "(NASDAQ: AAPL)" / "NYSE:GS" / "(HoSE: VIC)"
to one canonical name; `SUFFIXES` maps Yahoo and Reuters (RIC) suffixes ("AAPL.O", "7203.T",
"VIC.VN") to it. `FAMILY` groups exchanges whose tickers share one namespace, so that a ticker
qualified with one of them finds a dictionary entry listed on another (a US ticker is a US ticker).
"""

from __future__ import annotations

# canonical name -> the spellings used in text before the colon (matched exactly as written here)
_SPELLINGS: dict[str, tuple[str, ...]] = {
    "NASDAQ": ("NASDAQ", "Nasdaq", "NasdaqGS", "NasdaqGM", "NasdaqCM", "NASDAQGS", "NASDAQGM", "NASDAQCM",
               "Nasdaq Global Select", "Nasdaq Global Market", "Nasdaq Capital Market", "Nasdaq GS", "Nasdaq CM"),
    "NYSE": ("NYSE", "Nyse", "New York Stock Exchange"),
    "NYSE American": ("NYSE American", "NYSE MKT", "NYSE Amex", "NYSEAMERICAN", "NYSEMKT", "AMEX", "Amex"),
    "NYSE Arca": ("NYSE Arca", "NYSEARCA", "NYSE ARCA"),
    "OTC": ("OTC", "OTCQX", "OTCQB", "OTCMKTS", "OTC Markets", "OTC Pink", "OTCBB", "OTC BB", "OTCPK", "Pink Sheets"),
    "Cboe": ("Cboe", "CBOE", "BATS", "Cboe BZX", "CBOE BZX", "BZX"),
    "TSX": ("TSX", "Toronto Stock Exchange"),
    "TSXV": ("TSXV", "TSX-V", "TSX.V", "TSX Venture", "TSX Venture Exchange", "CVE"),
    "CSE": ("CSE", "CNSX"),
    "LSE": ("LSE", "LON", "London Stock Exchange", "AIM", "LSE AIM"),
    "XETRA": ("Xetra", "XETRA", "XETR", "ETR"),
    "FRA": ("FRA", "FWB", "Frankfurt", "Börse Frankfurt", "Frankfurter Börse"),
    "Euronext Paris": ("EPA", "Euronext Paris", "ENXTPA"),
    "Euronext Amsterdam": ("AMS", "Euronext Amsterdam", "ENXTAM"),
    "Euronext Brussels": ("EBR", "Euronext Brussels", "ENXTBR"),
    "Euronext Lisbon": ("ELI", "Euronext Lisbon", "ENXTLS"),
    "Euronext Milan": ("BIT", "Borsa Italiana", "Euronext Milan", "MIL"),
    "Euronext Dublin": ("Euronext Dublin", "ISE"),
    "Oslo Bors": ("OSL", "Oslo Børs", "Oslo Bors", "Euronext Oslo"),
    "SIX": ("SIX", "SWX", "VTX", "SIX Swiss Exchange"),
    "BME": ("BME", "BMAD", "MCE"),
    "Nasdaq Stockholm": ("STO", "Nasdaq Stockholm", "OMX Stockholm"),
    "Nasdaq Helsinki": ("HEL", "Nasdaq Helsinki", "OMX Helsinki"),
    "Nasdaq Copenhagen": ("CPH", "Nasdaq Copenhagen", "OMX Copenhagen"),
    "WSE": ("WSE", "GPW"),
    "Wiener Borse": ("VIE", "Wiener Börse"),
    "BIST": ("BIST", "Borsa Istanbul"),
    "JSE": ("JSE",),
    "ASX": ("ASX",),
    "NZX": ("NZX", "NZE"),
    "HKEX": ("HKEX", "HKEx", "HKG", "SEHK", "HKSE", "Hong Kong Stock Exchange"),
    "SGX": ("SGX",),
    "TSE": ("TYO", "JPX", "Tokyo Stock Exchange", "TSE Prime"),
    "KRX": ("KRX", "KSE", "KOSPI"),
    "KOSDAQ": ("KOSDAQ",),
    "SSE": ("SSE", "SHA", "Shanghai Stock Exchange"),
    "SZSE": ("SZSE", "SHE", "Shenzhen Stock Exchange"),
    "BSE": ("BSE", "Bombay Stock Exchange"),
    "NSE": ("NSE", "National Stock Exchange of India"),
    "TWSE": ("TWSE", "TPE"),
    "IDX": ("IDX",),
    "SET": ("SET",),
    "Bursa Malaysia": ("KLSE", "Bursa Malaysia", "MYX"),
    "B3": ("B3", "BVMF", "BOVESPA"),
    "BMV": ("BMV",),
    "TASE": ("TASE",),
    "HOSE": ("HOSE", "HoSE", "HSX", "Ho Chi Minh Stock Exchange", "HOSE-VN"),
    "HNX": ("HNX", "Hanoi Stock Exchange"),
    "UPCoM": ("UPCoM", "UPCOM", "Upcom"),
}

# "TSE" is Tokyo before a numeric code and Toronto before letters ("TSE: 7203", "TSE: RY").
AMBIGUOUS = {"TSE": ("TSE", "TSX")}  # spelling -> (canonical for digits, canonical for letters)

NAMES: dict[str, str] = {spelling: canonical for canonical, spellings in _SPELLINGS.items()
                         for spelling in spellings}

# suffix -> canonical exchange. Yahoo (".DE", ".T", ".VN") and Reuters RIC (".O", ".N", ".OQ", ".HM").
SUFFIXES: dict[str, str] = {
    "O": "NASDAQ", "OQ": "NASDAQ", "N": "NYSE", "TO": "TSX", "V": "TSXV", "L": "LSE", "DE": "XETRA",
    "F": "FRA", "PA": "Euronext Paris", "AS": "Euronext Amsterdam", "BR": "Euronext Brussels",
    "LS": "Euronext Lisbon", "MI": "Euronext Milan", "IR": "Euronext Dublin", "OL": "Oslo Bors",
    "SW": "SIX", "MC": "BME", "ST": "Nasdaq Stockholm", "HE": "Nasdaq Helsinki", "CO": "Nasdaq Copenhagen",
    "WA": "WSE", "VI": "Wiener Borse", "IS": "BIST", "JO": "JSE", "AX": "ASX", "NZ": "NZX", "HK": "HKEX",
    "SI": "SGX", "T": "TSE", "KS": "KRX", "KQ": "KOSDAQ", "SS": "SSE", "SZ": "SZSE", "BO": "BSE",
    "NS": "NSE", "TW": "TWSE", "JK": "IDX", "BK": "SET", "KL": "Bursa Malaysia", "SA": "B3", "MX": "BMV",
    "TA": "TASE", "VN": "HOSE", "HM": "HOSE", "HN": "HNX",
}
# Suffixes that are also everyday abbreviations ("U.S", "A.V", "Co.L"): accepted only when the
# dictionary knows the ticker there, or the ticker is a numeric code.
WEAK_SUFFIXES = {"O", "N", "V", "L", "F", "T", "CO", "IS", "SA", "TA", "DE", "IR", "VI", "MI", "SI", "ST"}

_FAMILIES = {
    "US": ("NASDAQ", "NYSE", "NYSE American", "NYSE Arca", "OTC", "Cboe"),
    "CA": ("TSX", "TSXV", "CSE"),
    "DE": ("XETRA", "FRA"),
    "VN": ("HOSE", "HNX", "UPCoM"),
    "KR": ("KRX", "KOSDAQ"),
    "IN": ("BSE", "NSE"),
}
# Exchange families whose tickers are numbers ("TSE: 7203", "HKEX: 0700", "KRX: 005930").
NUMERIC_TICKERS = frozenset({"TSE", "HKEX", "KR", "TWSE", "SSE", "SZSE", "Tadawul", "Bursa Malaysia", "IN", "SGX",
                             "SET", "IDX", "TASE", "JSE", "ASX", "B3"})

FAMILY: dict[str, str] = {exchange: family for family, members in _FAMILIES.items() for exchange in members}

# Google Finance prefixes used by pytickersymbols ("NASDAQ:AAPL", "TYO:7203", "FRA:SAP").
GOOGLE_PREFIXES = {"NASDAQ": "NASDAQ", "NYSE": "NYSE", "NYSEAMERICAN": "NYSE American", "NYSEARCA": "NYSE Arca",
                   "OTCMKTS": "OTC", "LON": "LSE", "FRA": "FRA", "ETR": "XETRA", "EPA": "Euronext Paris",
                   "AMS": "Euronext Amsterdam", "EBR": "Euronext Brussels", "ELI": "Euronext Lisbon",
                   "BIT": "Euronext Milan", "SWX": "SIX", "VTX": "SIX", "BME": "BME", "STO": "Nasdaq Stockholm",
                   "HEL": "Nasdaq Helsinki", "CPH": "Nasdaq Copenhagen", "TYO": "TSE", "MCX": "MCX",
                   "OSL": "Oslo Bors", "VIE": "Wiener Borse"}


def family(exchange: str | None) -> str | None:
    """The ticker namespace of an exchange (its own name when it shares none)."""
    if exchange is None:
        return None
    return FAMILY.get(exchange, exchange)


def canonical(spelling: str, symbol: str) -> str:
    """The canonical exchange of a spelling written before `symbol`."""
    if spelling in AMBIGUOUS:
        digits, letters = AMBIGUOUS[spelling]
        return digits if symbol[:1].isdigit() else letters
    return NAMES[spelling]


def all_spellings() -> list[str]:
    """Every spelling, longest first (so "NYSE American" wins over "NYSE" in a regex alternation)."""
    return sorted({*NAMES, *AMBIGUOUS}, key=len, reverse=True)
