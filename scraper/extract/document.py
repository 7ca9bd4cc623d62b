"""Parse a page once into a Document that every extraction concern reads.

The lxml tree is the fast tree: metadata, link discovery and main-text detection
work on it; the article fragment is cleaned on the same tree (docs/extraction.md says why not
BeautifulSoup).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from core.errors import ExtractionError

# Control characters other than tab/newline/CR make lxml refuse a document.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# "<!--", "<![CDATA[" (also behind "//") opening, or "-->", "]]>" closing a JSON-LD script's text.
_JSON_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


def decode_html(data: bytes | str, declared_encoding: str | None = None) -> str:
    """Bytes -> text: the transport's charset, else the page's <meta charset>, else UTF-8,
    falling back to cp1252 when UTF-8 fails. Always returns valid text."""
    if isinstance(data, str):
        return data
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    labels = [declared_encoding] if declared_encoding else []
    match = _META_CHARSET.search(data[:4096])
    if match:
        labels.append(match.group(1).decode("ascii", "ignore"))
    if any(_SINGLE_BYTE_LABEL.match(label.strip().lower()) for label in labels) and _is_multibyte_utf8(data):
        # A Latin label (HTTP header or <meta>) on bytes that are valid multi-byte UTF-8 is a common
        # mislabel: decoding by it would store mojibake.
        labels = [label for label in labels if not _SINGLE_BYTE_LABEL.match(label.strip().lower())]
    candidates = labels
    candidates += ["utf-8"]
    for encoding in candidates:
        try:
            return data.decode(_normalise_encoding(encoding))
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


_SINGLE_BYTE_LABEL = re.compile(r"(iso[-_]?8859|windows-125|cp125|latin|us-ascii|ascii)")


def _is_multibyte_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _normalise_encoding(name: str) -> str:
    name = name.strip().lower()
    # Browsers treat these labels as their supersets (WHATWG encoding standard).
    return {"iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "gb2312": "gb18030",
            "gbk": "gb18030"}.get(name, name)


def parse_tree(html: str) -> lxml.html.HtmlElement:
    html = _CONTROL_CHARS.sub("", html)
    if not html.strip():
        raise ExtractionError("empty document")
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as error:
        # ValueError: a str with an XML encoding declaration; retry as bytes.
        try:
            root = lxml.html.document_fromstring(html.encode("utf-8"))
        except (etree.ParserError, ValueError):
            raise ExtractionError(f"cannot parse HTML: {error}") from error
    return root


@dataclass
class Document:
    """One parsed page. Build it with Document.parse(); read its cached views."""

    url: str
    root: lxml.html.HtmlElement
    html: str = field(repr=False)

    @classmethod
    def parse(cls, html: bytes | str, url: str, declared_encoding: str | None = None) -> Document:
        text = decode_html(html, declared_encoding)
        return cls(url=url, root=parse_tree(text), html=text)

    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """<meta> content by lowercased name/property/itemprop (all values, in page order)."""
        values: dict[str, list[str]] = {}
        for element in self.root.iter("meta"):
            key = element.get("property") or element.get("name") or element.get("itemprop")
            content = element.get("content")
            if key and content and content.strip():
                values.setdefault(key.strip().lower(), []).append(content.strip())
        return values

    def meta_first(self, *keys: str) -> str | None:
        for key in keys:
            found = self.meta.get(key)
            if found:
                return found[0]
        return None

    @cached_property
    def json_ld(self) -> list[dict]:
        """Every JSON-LD object on the page, flattened out of arrays and @graph."""
        objects: list[dict] = []
        for script in self.root.iter("script"):
            if (script.get("type") or "").strip().lower() != "application/ld+json":
                continue
            text = (script.text or "").strip()
            if not text:
                continue
            try:
                data = json.loads(text, strict=False)
            except ValueError:
                try:  # common breakage: trailing commas, HTML comment or CDATA markers around the JSON
                    unwrapped = _JSON_WRAPPER.sub("", text)
                    data = json.loads(re.sub(r",\s*([}\]])", r"\1", unwrapped), strict=False)
                except ValueError:
                    continue
            _flatten_json_ld(data, objects)
        return objects

    @cached_property
    def lang(self) -> str | None:
        value = self.root.get("lang") or self.root.get("xml:lang") or self.meta_first("og:locale", "language",
                                                                                          "content-language")
        return value.strip() if value else None

    @cached_property
    def canonical_url(self) -> str | None:
        for link in self.root.iter("link"):
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
                return urljoin(self.url, link.get("href").strip())
        og_url = self.meta_first("og:url")
        return urljoin(self.url, og_url) if og_url else None

    def links(self) -> list[str]:
        """Absolute href of every <a>, in page order (for crawling; no filtering)."""
        base = self.url
        out = []
        for anchor in self.root.iter("a"):
            href = anchor.get("href")
            if href and not href.startswith(("#", "javascript:", "mailto:", "tel:")):
                out.append(urljoin(base, href.strip()))
        return out

    def feed_links(self) -> list[str]:
        """RSS/Atom feeds advertised with <link rel="alternate">."""
        out = []
        for link in self.root.iter("link"):
            rel = (link.get("rel") or "").lower().split()
            kind = (link.get("type") or "").lower()
            if "alternate" in rel and ("rss" in kind or "atom" in kind) and link.get("href"):
                out.append(urljoin(self.url, link.get("href").strip()))
        return out


def _flatten_json_ld(data, out: list[dict]) -> None:
    if isinstance(data, list):
        for item in data:
            _flatten_json_ld(item, out)
    elif isinstance(data, dict):
        if "@graph" in data:
            _flatten_json_ld(data["@graph"], out)
        if "@type" in data:
            out.append(data)
