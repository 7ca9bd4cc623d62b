"""Find the instruments an article mentions, in its title and body.

Two passes over each text, no loop of regexes per name:
1. one regex finds the explicit forms: cashtags ($AAPL), exchange-qualified tickers ((NASDAQ: AAPL),
   NYSE:GS, (HoSE: VIC)), suffixed tickers (AAPL.O, 7203.T, VIC.VN), ISINs (check digit), CUSIPs and
   SEDOLs after their label, Vietnamese "mã chứng khoán: VIC", crypto codes after an amount ("0.01 BCH");
2. the Aho-Corasick automaton of the dictionary finds names, whole words only; each hit is checked
   (case as written, not part of a longer name, not a person or a venue) and a name that is also an
   everyday word ("Apple", "Target", German "Allianz") counts only with support: a capital letter
   where the language does not capitalise nouns anyway, a company cue ("Allianz-Aktie"), or another,
   unambiguous mention of the same instrument in the article.
Precision comes first: a bare capitalised ticker (US, AI, IT, ALL, A) is never read as an instrument.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from stdnum import cusip as cusip_number
from stdnum import isin as isin_number
from stdnum.gb import sedol as sedol_number

from . import codes, context, exchanges
from .dictionary import GENITIVE_S, TRAPS, Dictionary, fold, has_cjk, strip_accents
from .model import Instrument, Tag

_SYMBOL = r"[A-Z0-9](?:[A-Z0-9]|[.\-](?=[A-Z0-9])){0,9}"
_CURRENCY_CASHTAGS = frozenset({"US", "USD", "AU", "AUD", "NZ", "NZD", "CA", "CAD", "C", "A", "HK", "HKD", "S",
                                "SG", "SGD", "NT", "NTD", "R", "MX", "M", "Z", "J", "TT", "EC", "B", "BN", "K"})
_EXPLICIT = re.compile(
    r"(?<![\w$&])\$(?P<cash>[A-Z][A-Z0-9]{0,5}(?:\.[A-Z])?)(?![\w$])"
    r"|(?P<ex>(?<![\w.])[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3})[ \t]?:[ \t]?"
    r"(?P<syms>" + _SYMBOL + r"(?:[ \t]?[,/][ \t]?" + _SYMBOL + r")*)(?![\w])"
    r"|(?<![\w.$/@-])(?P<base>[A-Z0-9][A-Z0-9\-]{0,7})\.(?P<sfx>[A-Z]{1,2})(?![\w]|\.[\w])"
    r"|(?<![\w])(?P<isin>[A-Z]{2}[A-Z0-9]{9}[0-9])(?![\w])"
    r"|(?P<idlabel>CUSIP|SEDOL)(?:[ \t]+(?:No\.?|number|#))?[ \t]*[:#]?[ \t]*(?P<id>[0-9A-Z]{7,9})(?![\w])"
    r"|(?i:mã(?: chứng khoán| cổ phiếu| CK)?)[ \t]*:[ \t]*(?P<vn>[A-Z0-9]{3})(?![\w])"
    r"|(?<![\w.])\.(?P<ric>[A-Z][A-Z0-9]{1,13})(?![\w])"
    r"|(?<![\w/])(?P<fx1>[A-Z]{3})/(?P<fx2>[A-Z]{3})(?![\w/])"
    r"|(?<![\w])(?P<fxric>[A-Z]{3})=(?![\w=])"
    r"|(?<![\w.,])\d+(?:[.,]\d+)*[ \t\u00a0]?(?P<coin>[A-Z]{3,5})(?![\w/:=-]|\.\w)"
)
_SENTENCE_END = frozenset(".!?:;\n•–—|")
_OPENERS = "\"'“‘«„([ \t"
_WORD = re.compile(r"[\w&'’.\-]+")
_CAPITALISED_RUN = re.compile(r"(?: [A-Z][\w&'’.\-]*){1,3}")
_US_STATE = re.compile(r", (?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|"
                       r"S[CD]|T[NX]|UT|V[TA]|W[AVIY])\b")
_AMOUNT_BEFORE = re.compile(r"[\d$€£¥]\S*\s*(?:million|billion|trillion|mn|bn|tỷ|triệu|milliarden?|millionen?)?\s*$",
                            re.IGNORECASE)
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
_SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])[.!?](?=\s)|\n")
_DECIMAL = re.compile(r"\d+[.,]\d+")
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w.])(?P<first>[A-ZÀ-Þ][a-zß-ÿ]+) (?:[A-Z]\. )?$")
# A surname right after a first name: "Lohan", "Tkachuk", "McDonald"; not the second of several
# capitalised words ("Wiley Online Library": a product's name).
_SURNAME_AFTER = re.compile(r" ((?:Mc|Mac|O')?[A-ZÀ-Þ][a-zß-ÿ]+)\b(?![-'’&]|\s*[&(]|\s+[A-ZÀ-Þ0-9])")
# An author's first name or initials after "Surname, " in a reference: "Ford, Martin. 2016",
# "Ford, M. (2016)".
_CITED_FIRST_NAME = re.compile(
    r", (?:(?P<first>[A-Z][a-z]+)(?: [A-Z]\.)*[.,]|(?:[A-Z]\. ?){1,3}[,:]?) ?(?:\(?\d{4}|[A-Z\d])")
# Shortly before a name on its line: a copyright notice, whose names are the publisher's.
_COPYRIGHT = re.compile(r"©|\(c\) \d{4}|\bcopyright\b", re.I)
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\. ?){1,3}$")  # "T.J. Ford", "J. R. Ford": a person
# A cue phrase ending right before a name, as whole words ("the carmaker Tesla", not "lawmaker").
_CUE_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, context.CUE_PHRASES_BEFORE)) + r")$")
# "BD-1", "BT-7274", "BD-R", "BD-RE": a model or product code, not the company
_MODEL_CODE = re.compile(r"-(?:\d|[A-Z]{1,2}(?![\w-]))")
_CAMEL_CASE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
_SPONSORED_BEFORE = re.compile(r"(?<![\w])(?P<head>[A-Z][\w'’-]*) (?:by|presented by|powered by) $")
_PRODUCT_NUMBER = re.compile(r" [A-Z]{0,3}\d")  # "the Boeing 777", "the Airbus A350": the maker's product
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])(?P<number>\d+(?:[.,]\d+)*)(?:-|[ \u00a0\u202f]?(?P<degrees>(?:"
                            + "|".join(re.escape(word) for word in context.DEGREE_WORDS)
                            + r")[ \u00a0\u202f]?)?)$", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_PLACE_BEFORE = re.compile(r"(?<!\w)(?:{})\.? $".format("|".join(context.PLACE_WORDS_BEFORE)), re.I)
_PREFIX_BEFORE = re.compile(r"(?<![\w.&'’-])(?P<prefix>[A-Za-z]{2,5}) $")
_PREFIXED_NAME = re.compile(r"(?<![\w.&'’-])(?P<prefix>" + "|".join(sorted(context.NAME_PREFIXES, key=len, reverse=True))
                            + r") (?=[A-ZÄÖÜÉ][a-zäöüßéèáíóú])")
_TITLE_WORD_AFTER = re.compile(r" [A-ZÄÖÜÉ][a-zäöüßéèáíóú]")
_LIST_AFTER = re.compile(r"\s*,\s*[A-Z]|\s(?:" + "|".join(map(re.escape, context.COORDINATORS)) + r")\s")
_COORDINATED = re.compile(r" (?:" + "|".join(map(re.escape, context.COORDINATORS))
                          + r") (?:[A-Z][\w'’.-]* ){1,2}(?P<head>\w+)")


@dataclass
class _Hit:
    entry: int | None  # dictionary entry, or None for an instrument the dictionary does not know
    instrument: Instrument | None  # for entry None
    start: int
    form: str
    weak: bool = False
    supported: bool = False  # a weak name with a cue of its own
    by_capital: str | None = None  # the everyday-word name whose only support is its capital letter
    stop: int = -1  # end of a name in the text
    needs_crypto: bool = False  # a crypto name that is also something else ("ETH", "Stellar"): needs crypto context
    name: str | None = None  # the dictionary name a name hit matched
    currency_noun: str | None = None  # a currency name's last word ("rupee" of "rupee" and "Pakistani rupee")
    bare: bool = False  # ... when the name is that word alone


class _Article:
    """The whole article (title and body), for rules that look beyond a name's own sentence; each
    look is made only when a name asks for it."""

    def __init__(self, title: str, body: str):
        self.title = title
        self.text = f"{title}\n{body}"
        self._folded: str | None = None
        self._prefixes: set[str] | None = None
        self._crypto_paragraphs: dict[tuple[bool, int], bool] = {}
        self._acronyms: dict[str, str | None] = {}
        self.dates: tuple[str, str] = ("", "")  # (published, last updated), ISO days; empty when unknown
        # companies whose one-word name the article uses for a person or a place ("Julia Klöckner",
        # "Lindsay Lohan", "Mt. Everest"): their bare name means that throughout
        self.named_otherwise: set[int] = set()

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = self.text.casefold()
        return self._folded

    def says(self, words: tuple[str, ...]) -> bool:
        """One of `words` (lower case) as whole words anywhere in the article."""
        pattern = _WORDS_PATTERNS.get(words)
        if pattern is None:
            pattern = _WORDS_PATTERNS[words] = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
        return pattern.search(self.folded) is not None

    def crypto_paragraph(self, text: str, start: int, stop: int) -> bool:
        """"crypto", "token", "blockchain"... in the paragraph of a name (each paragraph read once)."""
        first, last = _line_around(text, start, stop)
        key = (text is self.title, first)
        if key not in self._crypto_paragraphs:
            self._crypto_paragraphs[key] = context.CRYPTO_CONTEXT.search(text[first:last].casefold()) is not None
        return self._crypto_paragraphs[key]

    def acronym_meaning(self, acronym: str) -> str | None:
        """What the article spells an acronym out as: "(Alliance des États du Sahel, AES)",
        "hypersensitivity pneumonitis (HP)"; None when it does not."""
        if acronym not in self._acronyms:
            self._acronyms[acronym] = next(filter(None, (
                _spelled_out(_WORD.findall(before), acronym) for before in _spelled_before(self.text, acronym))), None)
        return self._acronyms[acronym]

    def crypto_title(self) -> bool:
        return context.CRYPTO_CONTEXT.search(self.title.casefold()) is not None

    def prefixes(self) -> set[str]:
        """The club and university abbreviations the article writes before a name ("SC Potsdam")."""
        if self._prefixes is None:
            self._prefixes = {match.group("prefix") for match in _PREFIXED_NAME.finditer(self.text)}
        return self._prefixes


_WORDS_PATTERNS: dict[tuple[str, ...], re.Pattern] = {}


class Recogniser:
    def __init__(self, dictionary: Dictionary):
        self.dictionary = dictionary

    def tags(self, title: str | None, body: str, language: str | None = None,
             published: str | None = None, modified: str | None = None) -> list[Tag]:
        """Instruments of one article, most mentioned first (ties: first seen first). With the
        publication date, companies not listed on that day (Uber in 2015) are left out; an article
        updated later (`modified`) may name a company listed by its update."""
        title = unicodedata.normalize("NFC", title or "")
        body = unicodedata.normalize("NFC", body or "")
        embedded: set[str] = set()  # everyday-word names seen as the tail of a longer name ("Port Vale")
        article = _Article(title, body)
        article.dates = _dates(published, modified)
        title_hits = self._listed(self._hits(title, language, True, embedded, article), published, modified)
        body_hits = self._listed(self._hits(body, language, False, embedded, article), published, modified)
        for hit in title_hits + body_hits:  # "Port Vale ... Vale keeper": the capital is the longer name's
            if hit.by_capital in embedded:
                hit.supported = False
        for text, hits in ((title, title_hits), (body, body_hits)):
            for hit in hits:  # "Julia Klöckner ... Klöckners Vorgänger": hers, unless a cue says company
                if hit.entry in article.named_otherwise and hit.name and " " not in hit.name \
                        and not _has_cue(text, hit.start, hit.stop):
                    hit.weak, hit.supported = True, False
        self._crypto_context(title_hits + body_hits, article)
        _unknown_cashtags(title_hits + body_hits)
        self._bare_currencies(title_hits + body_hits)
        self._short_names(title_hits + body_hits)
        strong = {self._key(hit) for hit in title_hits + body_hits if not hit.weak or hit.supported}
        tags: dict[str, Tag] = {}
        for in_title, hits in ((True, title_hits), (False, body_hits)):
            for hit in hits:
                key = self._key(hit)
                if hit.weak and not hit.supported and key not in strong:
                    continue
                tag = tags.get(key)
                if tag is None:
                    tag = tags[key] = Tag(self._instrument(hit))
                tag.mentions += 1
                tag.forms.add(hit.form)
                if in_title:
                    tag.in_title = True
                elif tag.first_position is None:
                    tag.first_position = hit.start
        order = {key: index for index, key in enumerate(tags)}
        return sorted(tags.values(), key=lambda tag: (-tag.mentions, order[tag.instrument.key]
                                                      if tag.instrument.key in order else 0))

    def _listed(self, hits: list[_Hit], published: str | None, modified: str | None = None) -> list[_Hit]:
        first, last = _dates(published, modified)
        if not first:
            return hits
        entries = self.dictionary.entries
        return [hit for hit in hits if hit.entry is None or entries[hit.entry].listed_during(first, last)]

    def _crypto_context(self, hits: list[_Hit], article: _Article) -> None:
        """"ETH", "Stellar" without a crypto cue of their own count when the article is about crypto:
        it names another crypto asset (not one of these, or one with its own cue) or says "crypto",
        "token", "blockchain"... in the title or in the name's own paragraph."""
        waiting = [hit for hit in hits if hit.needs_crypto and not hit.supported]
        if not waiting:
            return
        entries = self.dictionary.entries
        if any(hit.entry is not None and entries[hit.entry].instrument.kind == "crypto" and not hit.needs_crypto
               and (not hit.weak or hit.supported) for hit in hits) \
                or any(hit.needs_crypto and hit.supported for hit in hits) or article.crypto_title():
            for hit in waiting:
                hit.supported = True

    def _short_names(self, hits: list[_Hit]) -> None:
        """"Yamaha Motor Italia ... (Yamaha)": a one-word name that the article also writes as the head
        of another company's longer name means that company (Yamaha Motor, not the Yamaha that makes
        pianos)."""
        stocks = [hit for hit in hits if hit.name and self.dictionary.entries[hit.entry].instrument.kind == "stock"]
        _take_the_named_one(stocks, lambda hit: hit.name.split()[0] if " " in hit.name else None,
                            lambda hit: hit.name if " " not in hit.name else None)

    def _bare_currencies(self, hits: list[_Hit]) -> None:
        """"rupee" alone is the Indian rupee unless the article qualifies it otherwise: after "the
        Pakistani rupee", a bare "rupee" is that one (when the article never writes "Indian rupee").
        The anchor currencies stay themselves: "the Australian dollar against the dollar"."""
        entries = self.dictionary.entries
        _take_the_named_one([hit for hit in hits if hit.currency_noun],
                            lambda hit: None if hit.bare else hit.currency_noun,
                            lambda hit: hit.currency_noun if hit.bare and entries[hit.entry].instrument.symbol
                            not in context.ANCHOR_CURRENCIES else None)

    def _key(self, hit: _Hit) -> str:
        return f"entry:{hit.entry}" if hit.entry is not None else hit.instrument.key

    def _instrument(self, hit: _Hit) -> Instrument:
        return self.dictionary.entries[hit.entry].instrument if hit.entry is not None else hit.instrument

    # --- pass 1: explicit forms ---------------------------------------------------------------------

    def _hits(self, text: str, language: str | None, is_title: bool, embedded: set[str],
              article: _Article) -> list[_Hit]:
        if not text:
            return []
        hits: list[_Hit] = []
        taken: list[tuple[int, int]] = []
        for match in _EXPLICIT.finditer(text):
            found = self._explicit(match, text)
            if found:
                hits.extend(found)
                taken.append(match.span())
        hits.extend(self._names(text, language, is_title, taken, embedded, article))
        hits.sort(key=lambda hit: hit.start)
        return hits

    def _explicit(self, match: re.Match, text: str) -> list[_Hit]:
        group = match.lastgroup
        start = match.start()
        if match.group("cash"):
            return self._cashtag(match.group("cash"), start, text, match.end())
        if match.group("syms"):
            return self._qualified(match, text)
        if match.group("sfx"):
            return self._suffixed(match.group("base"), match.group("sfx"), start, text, match.end())
        if match.group("isin"):
            return self._isin(match.group("isin"), start)
        if match.group("id"):
            return self._labelled_id(match.group("idlabel"), match.group("id"), start)
        if match.group("vn"):
            entry = self.dictionary.lookup_listing(match.group("vn"), "HOSE")
            return [_Hit(entry, None, match.start("vn"), "exchange")] if entry is not None else []
        if match.group("ric"):
            symbol = codes.INDEX_RICS.get(match.group("ric"))
            entry = self.dictionary.lookup_kind(symbol, "index") if symbol else None
            return [_Hit(entry, None, start, "code")] if entry is not None else []
        if match.group("fx1"):
            return [_Hit(entry, None, start, "code") for entry in
                    (self._currency(match.group("fx1")), self._currency(match.group("fx2")))
                    if entry is not None and all(code in codes.CURRENCIES or code in ("BTC", "ETH")
                                                 for code in (match.group("fx1"), match.group("fx2")))]
        if match.group("coin"):  # "0.01 BCH" in a fee table: crypto amounts count, fiat ones do not
            entry = self.dictionary.lookup_kind(match.group("coin"), "crypto")
            return [_Hit(entry, None, match.start("coin"), "code")] if entry is not None else []
        if match.group("fxric"):
            entry = self._currency(match.group("fxric"))
            return [_Hit(entry, None, start, "code")] if entry is not None else []
        del group
        return []

    def _currency(self, code: str) -> int | None:
        if code in codes.CURRENCIES:
            return self.dictionary.lookup_kind(code, "currency")
        return self.dictionary.lookup_kind(code, "crypto")

    def _cashtag(self, symbol: str, start: int, text: str, stop: int) -> list[_Hit]:
        if symbol in _CURRENCY_CASHTAGS or symbol in TRAPS:
            return []
        entry = self.dictionary.lookup_symbol(symbol)
        if entry is not None:
            return [_Hit(entry, None, start, "cashtag")]
        if len(symbol) < 2 or symbol.isdigit():
            return []
        # A ticker nobody listed, or a variable ("set $DAYS and $CATOP"): it counts with a company cue
        # ("$ZQXW shares") or in an article that writes known tickers too (_unknown_cashtags).
        return [_Hit(None, Instrument("stock", symbol, None, None), start, "cashtag", weak=True,
                     supported=_has_cue(text, start, stop))]

    def _qualified(self, match: re.Match, text: str) -> list[_Hit]:
        words = match.group("ex").split(" ")
        spelling = next((" ".join(words[i:]) for i in range(len(words))
                         if " ".join(words[i:]) in exchanges.NAMES or " ".join(words[i:]) in exchanges.AMBIGUOUS),
                        None)
        if spelling is None:
            return []
        symbols = [symbol for symbol in re.split(r"[ \t]?[,/][ \t]?", match.group("syms")) if symbol]
        closed = text[match.end():match.end() + 1] in (")", "]", ";", "")
        if _DECIMAL.fullmatch(match.group("syms")):
            return []  # "Börsenwert an Nasdaq: 334,48 Milliarden": a number, not two tickers
        hits = []
        for symbol in symbols:
            if not closed and (len(symbol) < 2 or symbol in TRAPS):
                continue  # "Nasdaq: A look at ...", "NYSE: IT stocks ..."
            symbol, exchange = _unsuffixed(symbol, exchanges.canonical(spelling, symbol))
            if symbol.isdigit() and exchanges.family(exchange) not in exchanges.NUMERIC_TICKERS:
                continue  # "Nasdaq: 334": US, European and Vietnamese tickers have letters
            entry = self.dictionary.lookup_listing(symbol, exchange)
            position = match.start("syms")
            if entry is not None:
                hits.append(_Hit(entry, None, position, "exchange"))
            elif any(char.isalpha() for char in symbol) or symbol.isdigit():
                name = _name_before(text, match.start("ex"))
                hits.append(_Hit(None, Instrument("stock", symbol, exchange, name), position, "exchange"))
        return hits

    def _suffixed(self, base: str, suffix: str, start: int, text: str, end: int) -> list[_Hit]:
        exchange = exchanges.SUFFIXES.get(suffix)
        if exchange is None:
            return []
        if len(base) == 1 and (suffix in exchanges.WEAK_SUFFIXES or text[end:end + 1] == "."):
            return []  # an abbreviation: "U.N.", "U.S", "A.G."
        entry = self.dictionary.lookup_listing(base, exchange)
        if entry is not None:
            return [_Hit(entry, None, start, "suffix")]
        if suffix in exchanges.WEAK_SUFFIXES and not base.isdigit():
            return []
        if base.isdigit() and len(base) < 4 and suffix != "HK":
            return []
        if not base.isdigit() and (len(base) < 2 or base in TRAPS or not any(c.isalpha() for c in base)):
            return []
        return [_Hit(None, Instrument("stock", base, exchange, None), start, "suffix")]

    def _isin(self, code: str, start: int) -> list[_Hit]:
        if not isin_number.is_valid(code):
            return []
        entry = self.dictionary.by_isin.get(code)
        if entry is not None:
            return [_Hit(entry, None, start, "isin")]
        return [_Hit(None, Instrument("stock", None, None, None, code), start, "isin")]

    def _labelled_id(self, label: str, code: str, start: int) -> list[_Hit]:
        if label == "CUSIP" and len(code) == 9 and cusip_number.is_valid(code):
            isin = isin_number.from_natid("US", code)
            entry = self.dictionary.by_isin.get(isin)
            return [_Hit(entry, None if entry is not None else Instrument("stock", None, None, None, isin),
                         start, "cusip")]
        if label == "SEDOL" and len(code) == 7 and sedol_number.is_valid(code):
            isin = sedol_number.to_isin(code)
            entry = self.dictionary.by_isin.get(isin)
            return [_Hit(entry, None if entry is not None else Instrument("stock", None, None, None, isin),
                         start, "sedol")]
        return []

    # --- pass 2: names ------------------------------------------------------------------------------

    def _names(self, text: str, language: str | None, is_title: bool,
               taken: list[tuple[int, int]], embedded: set[str], article: _Article) -> list[_Hit]:
        dictionary = self.dictionary
        folded = fold(text)
        candidates = []
        for end, (length, alias_ids) in dictionary.automaton.iter(f" {folded} "):
            start, stop = end - length + 1, end - 1  # text offsets of the name (padding removed)
            span = text[start:stop]
            verified = [alias_id for alias_id in alias_ids if _case_fits(span, dictionary.aliases[alias_id])
                        and (not dictionary.aliases[alias_id].genitive or language in GENITIVE_S)
                        and dictionary.aliases[alias_id].valid_on(*article.dates)]
            if verified:
                candidates.append((start, stop, self._current(verified, article)))
        if len(dictionary.cjk_automaton) and has_cjk(text):
            for end, (length, alias_ids) in dictionary.cjk_automaton.iter(folded):
                start, stop = end - length + 1, end + 1
                span = text[start:stop]
                verified = [alias_id for alias_id in alias_ids if _case_fits(span, dictionary.aliases[alias_id])
                            and dictionary.aliases[alias_id].valid_on(*article.dates)]
                if verified and _cjk_edges_fit(text, start, stop):
                    candidates.append((start, stop, self._current(verified, article)))
        candidates.sort(key=lambda item: (item[0], item[0] - item[1]))
        hits: list[_Hit] = []
        title_cased = is_title and _title_cased(text)
        last_end = -1
        for start, stop, alias_ids in candidates:
            if start < last_end or any(a < stop and start < b for a, b in taken):
                continue
            last_end = stop
            if any(dictionary.aliases[alias_id].entry < 0 for alias_id in alias_ids):
                continue  # a longer phrase that is not an instrument ("Allianz Arena", "Nikkei Asia")
            entry = self._choose(alias_ids, language)
            if entry is None:
                continue
            alias = next(dictionary.aliases[i] for i in alias_ids if dictionary.aliases[i].entry == entry)
            kind = dictionary.entries[entry].instrument.kind
            if kind == "stock" and self._named_otherwise(text, start, stop, alias):
                embedded.add(alias.text)  # "Mike Ford ... Ford wrote": a person's (or a place's) throughout
                article.named_otherwise.add(entry)
                continue
            if kind == "stock" and _inside_other_name(text, start, stop, alias):
                continue
            if kind == "stock" and not is_title and alias.text.casefold() in context.CREDIT_NAMES \
                    and _alone_on_its_line(text, start, stop):
                continue  # "Facebook" under an embedded post, "Getty Images" under a photo: a credit
            if kind == "stock" and _COPYRIGHT.search(text, max(text.rfind("\n", 0, start) + 1, start - 120), start):
                continue  # "Copyright © 2007 Reed Business Information, a division of Reed Elsevier"
            if kind in ("stock", "index") and self._defined_otherwise(text[start:stop], entry, article):
                continue  # "(Alliance des États du Sahel, AES)": the text says what the acronym is
            if kind == "stock" and " " not in alias.text and self._after_company(hits, text, start):
                continue  # "Dolby Atmos": a product of the company named right before
            if kind == "stock" and _unit_after_number(text, start, stop, alias):
                continue  # "26 Tesla", "50 Hertz": the unit
            if kind == "stock" and _club_of_its_own(text, start, stop, alias, article):
                continue  # "LG Telis Finanz Regensburg" beside "SC Potsdam": an athletics club
            lines = context.PRODUCT_LINES.get(alias.text)
            if lines and not _has_cue(text, start, stop, strict=True) and article.says(lines):
                continue  # "RTX 3080" in an article on Nvidia's cards: the product line
            hit = _Hit(entry, None, start, "name", stop=stop, name=alias.text)
            if kind == "currency":
                hit.currency_noun = alias.text.split()[-1].casefold()
                hit.bare = " " not in alias.text
            if kind == "crypto" and not alias.cued and not _says_crypto(alias.text):
                hit.weak = hit.needs_crypto = True  # "ETH Zürich", "magazine Stellar": only with crypto context
                hit.supported = _kind_cue(kind, text, start, stop) or article.crypto_paragraph(text, start, stop)
            elif alias.cued:
                hit.weak = True
                hit.supported = _has_cue(text, start, stop, strict=True) if kind == "stock" \
                    else _kind_cue(kind, text, start, stop)
                if kind == "currency" and not hit.supported:
                    continue  # an amount or a unit ("in dollar terms"), never a currency mention
            elif _is_common(alias, language):
                hit.weak = True
                hit.supported = _has_cue(text, start, stop)
                if not hit.supported and not title_cased and _capital_counts(language, alias) \
                        and text[start].isupper() and not _sentence_initial(text, start):
                    if _after_capitalised_word(text, start):
                        embedded.add(alias.text)
                    else:
                        hit.supported = True
                        hit.by_capital = alias.text
            hits.append(hit)
        return hits

    def _current(self, alias_ids: list[int], article: _Article) -> list[int]:
        """Without the article's date, a name two companies bore means the one that bears it now."""
        if article.dates[0] or len({self.dictionary.aliases[alias_id].entry for alias_id in alias_ids}) < 2:
            return alias_ids
        return [alias_id for alias_id in alias_ids if self.dictionary.aliases[alias_id].valid[1] is None] or alias_ids

    def _defined_otherwise(self, span: str, entry: int, article: _Article) -> bool:
        """An acronym the article spells out as something other than the company's names."""
        if not (span.isupper() and 2 <= len(span) <= 6 and span.isalpha()):
            return False
        meaning = article.acronym_meaning(span)
        if meaning is None:
            return False
        folded = f" {fold(meaning)} "
        return not any(f" {fold(name)} " in folded for name in self.dictionary.entries[entry].names if name != span)

    def _after_company(self, hits: list[_Hit], text: str, start: int) -> bool:
        last = hits[-1] if hits else None
        return last is not None and last.form == "name" and last.stop == start - 1 and text[start - 1] == " " \
            and self.dictionary.entries[last.entry].instrument.kind == "stock"

    def _named_otherwise(self, text: str, start: int, stop: int, alias) -> bool:
        """A one-word company name used here for a person or a place."""
        return self._after_first_name(text, start, alias) or self._before_surname(text, stop, alias) \
            or self._cited_author(text, stop, alias) or _after_place_word(text, start, alias)

    def _after_first_name(self, text: str, start: int, alias) -> bool:
        """"Christian Kemper", "Michael Dell", "John M. Ford", "Andrés Santander", "T.J. Ford": a one-word
        name right after a first name (and a middle initial) or after initials is a surname."""
        if " " in alias.text:
            return False
        initials = _INITIALS_BEFORE.search(text, max(0, start - 12), start)
        if initials and initials.group().replace(" ", "") not in context.PLACE_INITIALS:
            return True
        match = _FIRST_NAME_BEFORE.search(text, max(0, start - 30), start)
        if match is None:
            return False
        if _previous_word(text, match.start("first")) in context.ARTICLES:
            return False  # "eine Art Netflix": a noun
        first_names = self.dictionary.first_names
        first = strip_accents(match.group("first"))  # "Andrés Santander"
        if first in first_names:
            return True
        return "?" + first in first_names and not _sentence_initial(text, match.start("first"))

    def _before_surname(self, text: str, stop: int, alias) -> bool:
        """"Lindsay Lohan", "Brady Tkachuk": a one-word company name that is a first name, right before
        a capitalised word that is no company word, is a person's name. Not a brand a list writes as
        the company's everyday name: "Porsche Cayenne", "Kia Sportage" are its products."""
        if " " in alias.text or not self._first_name(alias.text):
            return False
        if alias.text in self.dictionary.entries[alias.entry].explicit and not alias.cued:
            return False
        match = _SURNAME_AFTER.match(text, stop)
        return match is not None and match.group(1).casefold() not in context.CUES_AFTER

    def _cited_author(self, text: str, stop: int, alias) -> bool:
        """"Ford, Martin. 2016.", "Pearson, J. K.": a one-word name before a comma and a first name or
        initials, then a full stop or comma, is an author in a list of references."""
        match = _CITED_FIRST_NAME.match(text, stop)
        if match is None or " " in alias.text:
            return False
        return match.group("first") is None or self._first_name(match.group("first"))

    def _first_name(self, word: str) -> bool:
        """A first name anywhere ("?Nigel", a town too, counts as well)."""
        return word in self.dictionary.first_names or "?" + word in self.dictionary.first_names

    def _choose(self, alias_ids: list[int], language: str | None) -> int | None:
        """The entry a name means; a name shared by several entries needs the article's market."""
        entries = list(dict.fromkeys(self.dictionary.aliases[alias_id].entry for alias_id in alias_ids))
        if len(entries) == 1:
            return entries[0]
        home = _HOME_MARKET.get(language or "")
        local = [entry for entry in entries if self.dictionary.entries[entry].home == home]
        return local[0] if len(local) == 1 else None


_HOME_MARKET = {"en": "US", "de": "DE", "fr": "Euronext Paris", "vi": "VN", "ja": "TSE", "nl": "Euronext Amsterdam",
                "es": "BME", "it": "Euronext Milan", "sv": "Nasdaq Stockholm", "fi": "Nasdaq Helsinki",
                "da": "Nasdaq Copenhagen", "ko": "KR"}


def _unknown_cashtags(hits: list[_Hit]) -> None:
    """Cashtags of symbols the dictionary lacks count in an article that writes tickers of known
    instruments as well ("$AAPL and $ZQXW rallied"): there, "$" marks tickers, not variables."""
    if any(hit.entry is not None and hit.form in ("cashtag", "exchange", "suffix") for hit in hits):
        for hit in hits:
            if hit.entry is None and hit.form == "cashtag":
                hit.supported = True


def _take_the_named_one(hits: list[_Hit], longer_key, bare_key) -> None:
    """One sense per article: a bare name (its `bare_key`) that the article also writes as part of a
    longer name of exactly one other instrument (the same `longer_key`) means that instrument."""
    longer: dict[str, set[int]] = {}
    for hit in hits:
        if (key := longer_key(hit)) is not None:
            longer.setdefault(key, set()).add(hit.entry)
    for hit in hits:
        others = longer.get(bare_key(hit), set())
        if len(others) == 1 and hit.entry not in others:
            hit.entry = next(iter(others))


def _dates(published: str | None, modified: str | None) -> tuple[str, str]:
    """(first, last) day an article speaks for: published, and updated if later."""
    first = (published or modified or "")[:10]
    return first, max(first, (modified or "")[:10])


def _unsuffixed(symbol: str, exchange: str | None) -> tuple[str, str | None]:
    """"(KSE: 066570.KS)": the exchange suffix some writers add after the exchange's name as well."""
    base, _, suffix = symbol.rpartition(".")
    if base and suffix in exchanges.SUFFIXES and suffix not in exchanges.WEAK_SUFFIXES:
        return base, exchanges.SUFFIXES[suffix]
    return symbol, exchange


def _case_fits(span: str, alias) -> bool:
    if alias.any_case or alias.entry < 0:
        return span.casefold() == alias.text.casefold() or fold(span) == fold(alias.text)
    span = span.replace("’", "'")
    if span == alias.text:
        return True
    if alias.variants and span[:1].isupper() and fold(span) == fold(alias.text):
        return True  # a distinctive name in another case: "Gamestop", "Baywa", "Axa"
    if _CAMEL_CASE.fullmatch(span) and not alias.common_in and fold(span) == fold(alias.text):
        return True  # an inner capital no everyday word has: "MasterCard", "NetGear" for "Mastercard", "Netgear"
    return span.isupper() and span == alias.text.upper() and len(alias.text) >= 4  # an all-capitals headline


def _script(char: str) -> str:
    if not char:
        return ""
    code = ord(char)
    if 0x30A0 <= code <= 0x30FF or char == "ー":
        return "katakana"
    if 0xAC00 <= code <= 0xD7AF:
        return "hangul"
    if char.isascii() and char.isalnum():
        return "latin"
    return "other"


def _cjk_edges_fit(text: str, start: int, stop: int) -> bool:
    """A name in a script without spaces stands alone unless the word runs on in the same script:
    katakana in katakana ("イオン" in "マイナスイオン"), a Korean name after hangul (particles after
    it are fine: "삼성전자는"), Latin letters in Latin letters. Chinese characters cannot tell."""
    before = _script(text[start - 1] if start else "")
    after = _script(text[stop] if stop < len(text) else "")
    first, last = _script(text[start]), _script(text[stop - 1])
    if first in ("katakana", "hangul", "latin") and before == first:
        return False
    return not (last in ("katakana", "latin") and after == last)


def _is_common(alias, language: str | None) -> bool:
    if not alias.common_in:
        return False
    return language is None or language in alias.common_in or "*" in alias.common_in


def _capital_counts(language: str | None, alias) -> bool:
    if language is None:
        return not (alias.common_in & context.CAPITALISE_NOUNS)
    return language not in context.CAPITALISE_NOUNS


def _after_capitalised_word(text: str, start: int) -> bool:
    """"Port Vale", "Notting Hill Carnival": a capitalised word, not opening a sentence, right before."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalnum():
        return False  # "And, Apple", "OLPC: Intel": punctuation parts the words
    if text[max(0, start - 3):start - 1] in ("'s", "’s"):
        return False  # "Webb's Ford sedan": an owner, not a longer name
    word = _previous_word(text, start)
    if not word or word in context.CUE_WORDS_BEFORE or word in context.SENTENCE_OPENERS:
        return False
    head = text[max(0, start - 40):start].rstrip()
    return bool(head.split()) and head.split()[-1][:1].isupper()


def _sentence_initial(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in _OPENERS:
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


def _title_cased(title: str) -> bool:
    """"Fed Misses Its Inflation Target": capitals there say nothing about names."""
    words = _TITLE_WORD.findall(title)
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= 0.7 * len(words)


def _next_word(text: str, stop: int) -> str:
    match = _WORD.match(text, stop + 1) if text[stop:stop + 1] in (" ", "-") else None
    return match.group().strip(".-'’").casefold() if match else ""


def _previous_word(text: str, start: int) -> str:
    head = text[max(0, start - 40):start].rstrip()
    words = _WORD.findall(head)
    return words[-1].strip(".'’").casefold() if words and head.endswith(words[-1]) else ""


def _inside_other_name(text: str, start: int, stop: int, alias) -> bool:
    """Part of another name or thing: a venue ("Allianz Arena", "Toyota Music Factory"), an event's
    sponsor ("Davis Cup by Rakuten"), a person
    ("Mr Ford"), a place ("Bristow, VA", "the Amazon, a major carbon sink"), a compound whose head
    is another word ("NATO-Allianz"), a region ("the northern Amazon"), a club or university ("TSV
    Bayer 04 Leverkusen", "UC Berkeley", "University of California, Berkeley"), one of two things named
    together ("Orange and Riverside counties", "Riverside and Orange counties")."""
    following = _CAPITALISED_RUN.match(text, stop)
    if following and any(part.casefold() in context.ORGANISATION_HEADS
                         for word in following.group().split()
                         for part in word.strip(".,;:'’-").split("-")):
        return True  # "Allianz Arena", "Hyundai A-League"
    if " " not in alias.text and _previous_word(text, start) in context.REGION_WORDS_BEFORE \
            and _previous_word(text, start) == text[max(0, start - 40):start].split()[-1].strip(".'’"):
        return True  # "the northern Amazon": lower case as written
    prefix = _PREFIX_BEFORE.search(text, max(0, start - 7), start)
    if prefix and prefix.group("prefix") in context.NAME_PREFIXES:
        return True
    if context.INSTITUTION_BEFORE.search(text, max(0, start - 90), start) and not _LIST_AFTER.match(text, stop):
        return True
    coordinated = _COORDINATED.match(text, stop)
    if coordinated and coordinated.group("head").casefold() in context.COORDINATED_HEADS:
        return True
    if _next_word(text, stop) in context.COORDINATED_HEADS and _previous_word(text, start) in context.COORDINATORS:
        return True
    if _previous_word(text, start) in context.HONORIFICS:
        return True
    sponsored = _SPONSORED_BEFORE.search(text, max(0, start - 40), start)
    if sponsored and sponsored.group("head").casefold() in context.ORGANISATION_HEADS:
        return True  # "the Davis Cup by Rakuten Finals": a sponsor's name inside an event's
    if _US_STATE.match(text, stop):
        return True
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True
    if _MODEL_CODE.match(text, stop):
        return True
    return _the_thing(text, start, stop, alias)


def _after_place_word(text: str, start: int, alias) -> bool:
    """"Mt. Everest", "Lake Orange", "Cape Fear": a one-word name after a place word is the place."""
    return " " not in alias.text and _PLACE_BEFORE.search(text, max(0, start - 8), start) is not None


def _the_thing(text: str, start: int, stop: int, alias) -> bool:
    """"the Amazon, a major carbon sink": a one-word name after "the" is a place or thing unless a
    company thing ("the Netflix app"), a capitalised word ("the Amazon Prime"), a model number ("the
    Boeing 777") or an owner's 's follows."""
    if " " in alias.text or text[max(0, start - 4):start].casefold() != "the ":
        return False
    after = text[stop:stop + 3]
    if after.startswith(("'s", "’s")) or after[:1] == " " and after[1:2].isupper() or _PRODUCT_NUMBER.match(text, stop):
        return False
    return _next_word(text, stop) not in context.COMPANY_THINGS_AFTER


def _line_around(text: str, start: int, stop: int) -> tuple[int, int]:
    """Where the line (a paragraph) holding text[start:stop] begins and ends."""
    last = text.find("\n", stop)
    return text.rfind("\n", 0, start) + 1, last if last >= 0 else len(text)


def _alone_on_its_line(text: str, start: int, stop: int) -> bool:
    first, last = _line_around(text, start, stop)
    return not text[first:start].strip() and not text[stop:last].strip(" .:")


def _spelled_before(text: str, acronym: str):
    """The words before each "(ACRONYM)", and inside each "(words, ACRONYM)"."""
    for closing in (f"({acronym})", f", {acronym})"):
        position = text.find(closing)
        while position >= 0:
            if closing[0] == "(":
                yield text[max(0, position - 120):position]
            else:
                opening = text.rfind("(", max(0, position - 120), position)
                if opening >= 0 and "\n" not in text[opening:position]:
                    yield text[opening + 1:position]
            position = text.find(closing, position + 1)


def _spelled_out(words: list[str], acronym: str) -> str | None:
    """The last words that spell the acronym: each word gives its initial and maybe later letters
    of its own ("Alliance des États du Sahel" for AES, "Deutscher Skiverband" for DSV); the small
    words between give nothing; a hyphen starts a word ("Hewlett-Packard" for HP)."""
    parts = [strip_accents(part).casefold() for word in words for part in word.split("-")
             if part and word.casefold() not in context.ACRONYM_SMALL_WORDS]
    used = _spelling_words(parts, strip_accents(acronym).casefold())
    if used is None:
        return None
    count = 0  # words (small ones included) back to the first part used
    remaining = used
    for word in reversed(words):
        count += 1
        if word.casefold() not in context.ACRONYM_SMALL_WORDS:
            remaining -= len([part for part in word.split("-") if part])
        if remaining <= 0:
            return " ".join(words[-count:])
    return None


def _spelling_words(parts: list[str], letters: str) -> int | None:
    """How many of the last `parts` spell `letters`, each part its initial then a subsequence of itself."""
    if not letters:
        return 0
    if not parts:
        return None
    word = parts[-1]
    for split in range(len(letters) - 1, -1, -1):  # this word's letters: letters[split:], fewest first
        if letters[split] == word[:1] and _is_subsequence(letters[split + 1:], word[1:]):
            rest = _spelling_words(parts[:-1], letters[:split])
            if rest is not None:
                return rest + 1
    return None


def _is_subsequence(letters: str, word: str) -> bool:
    characters = iter(word)
    return all(letter in characters for letter in letters)


def _says_crypto(name: str) -> bool:
    """"Bitcoin", "Dogecoin", "Ethereum Classic": the name itself says crypto."""
    folded = name.casefold()
    return any(stem in folded for stem in context.CRYPTO_STEMS)


def _unit_after_number(text: str, start: int, stop: int, alias) -> bool:
    """"26 Tesla", "1,5-Tesla-MRT", "20 Grad Celsius": a unit's name after a number (not a year) is the
    unit, unless a company cue or thing follows ("100 Tesla shares", "3 Tesla cars")."""
    if alias.text.casefold() not in context.UNIT_NAMES:
        return False
    number = _NUMBER_BEFORE.search(text, max(0, start - 24), start)
    if number is None or (_YEAR.fullmatch(number.group("number")) and not number.group("degrees")):
        return False
    if text.startswith(("'s", "’s"), stop):
        return False
    following = _next_word(text, stop)
    return following not in context.CUES_AFTER and following not in context.COMPANY_THINGS_AFTER


def _club_of_its_own(text: str, start: int, stop: int, alias, article: _Article) -> bool:
    """A company named like a club's abbreviation ("LG", "RB"), followed by a capitalised word, in an
    article that names other clubs so: "LG Mittweida", "RB Leipzig" among "SC Potsdam", "FC Bayern"."""
    if alias.text not in context.NAME_PREFIXES or not _TITLE_WORD_AFTER.match(text, stop):
        return False
    if _next_word(text, stop) in context.CUES_AFTER or _next_word(text, stop) in context.COMPANY_THINGS_AFTER:
        return False
    return bool(article.prefixes() - {alias.text})


def _kind_cue(kind: str, text: str, start: int, stop: int) -> bool:
    """Context in the same sentence that makes a bare currency, index or crypto name the market
    instrument."""
    head = text[max(0, start - 60):start]
    tail = text[stop:stop + 70]
    head = head[max((match.end() for match in _SENTENCE_BREAK.finditer(head)), default=0):]
    tail = tail[:next((match.start() for match in _SENTENCE_BREAK.finditer(tail)), len(tail))]
    window = head.casefold() + " " + tail.casefold()
    cues = {"currency": context.CURRENCY_CUES, "crypto": (*context.CRYPTO_CUES, context.CRYPTO_AMOUNT)}.get(
        kind, context.INDEX_CUES)
    if kind == "currency" and (_AMOUNT_BEFORE.search(text[max(0, start - 12):start])
                               or _next_word(text, stop) in context.CURRENCY_UNITS):
        return False
    return any(cue.search(window) for cue in cues)


def _has_cue(text: str, start: int, stop: int, strict: bool = False) -> bool:
    """A company cue right after or before the name. `strict`: for names that are also something
    else ("CAE", "Dell"): "Group" after them may be another company's name ("OGE Group")."""
    after = text[stop:stop + 3]
    if after.startswith(("'s ", "’s ")):
        after_word = _next_word(text, stop + 2)
    else:
        after_word = _next_word(text, stop)
    if after_word in context.CUES_AFTER and not (strict and after_word in context.NAME_HEADS):
        return True
    before = text[max(0, start - 20):start].casefold().rstrip()
    return before.endswith(context.CUE_SUFFIXES_BEFORE) or _CUE_BEFORE.search(before) is not None


def _name_before(text: str, position: int) -> str | None:
    """"Acme Corp. (NYSE: ACME)" -> "Acme Corp.": the capitalised words right before the ticker."""
    head = text[max(0, position - 80):position].rstrip(" (")
    words = head.split()
    name: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or word[:1].isdigit() or word == "&"):
            break
        name.insert(0, word)
        if len(name) == 6:
            break
    while name and name[0] == "&":
        name.pop(0)
    cleaned = " ".join(name).strip(",;:")
    return cleaned or None
