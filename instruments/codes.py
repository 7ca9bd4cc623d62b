"""Codes that name indices and currencies in market reports. Data only.

Reuters instrument codes (RICs) of indices (".SPX", ".DJI", ".MIWD00000PUS") map to our index
symbols; currency RICs are "EUR=", "JPY="; pairs are "EUR/USD". ISO 4217 codes below are the
currencies the dictionary carries (instruments/data/listings.csv).
"""

from __future__ import annotations

INDEX_RICS = {
    "SPX": "S&P 500", "INX": "S&P 500", "DJI": "DJIA", "IXIC": "Nasdaq Composite", "NDX": "Nasdaq 100",
    "RUT": "Russell 2000", "VIX": "VIX", "STOXX": "STOXX 600", "STOXX50E": "Euro Stoxx 50", "FTSE": "FTSE 100",
    "FTMC": "FTSE 250", "GDAXI": "DAX", "MDAXI": "MDAX", "TECDAX": "TecDAX", "FCHI": "CAC 40", "IBEX": "IBEX 35",
    "FTMIB": "FTSE MIB", "AEX": "AEX", "SSMI": "SMI", "ATX": "ATX", "OMXS30": "OMX Stockholm 30",
    "N225": "Nikkei 225", "TOPX": "TOPIX", "HSI": "Hang Seng", "SSEC": "Shanghai Composite",
    "CSI300": "CSI 300", "KS11": "KOSPI", "BSESN": "Sensex", "NSEI": "Nifty 50", "AXJO": "S&P/ASX 200",
    "GSPTSE": "S&P/TSX Composite", "KSE": "KSE-100", "BVSP": "Ibovespa", "VNI": "VN-Index", "DXY": "DXY",
    "MIWD00000PUS": "MSCI ACWI", "MIAPJ0000PUS": "MSCI AC Asia Pacific ex Japan", "MSCIEF": "MSCI Emerging Markets",
    "MIWO00000PUS": "MSCI World", "SOX": "PHLX Semiconductor", "BKX": "BKX",
}

CURRENCIES = frozenset({
    "USD", "EUR", "JPY", "GBP", "CHF", "CNY", "CNH", "AUD", "CAD", "NZD", "HKD", "SGD", "INR", "KRW", "VND",
    "RUB", "TRY", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "TWD", "THB", "IDR", "MYR", "PHP",
    "HUF", "CZK", "ILS", "SAR", "AED", "NGN", "EGP", "ARS", "UAH", "PKR", "LKR",
})
