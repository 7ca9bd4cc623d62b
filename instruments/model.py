"""What the recogniser finds: instruments and their mentions in one article. Plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("stock", "crypto", "index", "currency")


@dataclass(frozen=True)
class Instrument:
    kind: str  # stock | crypto | index | currency
    symbol: str | None  # as traded, without exchange suffix: AAPL, 7203, VIC, BTC, EUR/USD
    exchange: str | None  # canonical exchange name (instruments/exchanges.py), None for crypto/indices/currencies
    name: str | None
    isin: str | None = None

    @property
    def key(self) -> str:
        """A stable natural key: the same instrument gets the same key in every process and database."""
        if self.isin:
            return f"isin:{self.isin}"
        if self.symbol:
            return f"{self.kind}:{self.exchange or ''}:{self.symbol}"
        return f"{self.kind}:name:{(self.name or '').casefold()}"


@dataclass
class Tag:
    """One instrument of one article: how often and where it is mentioned, and in which forms."""

    instrument: Instrument
    mentions: int = 0
    in_title: bool = False
    first_position: int | None = None  # character offset of the first mention in the body (None: title only)
    forms: set[str] = field(default_factory=set)  # cashtag | exchange | suffix | isin | cusip | sedol | name

    def to_dict(self) -> dict:
        """The JSON shape of `Article.instruments` entries (docs/extraction.md)."""
        item = self.instrument
        return {"kind": item.kind, "symbol": item.symbol, "exchange": item.exchange, "name": item.name,
                "isin": item.isin, "mentions": self.mentions, "in_title": self.in_title,
                "first_position": self.first_position, "forms": sorted(self.forms)}
