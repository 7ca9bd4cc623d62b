"""Parse a page once into a Document that every extraction concern reads.

The lxml tree is the fast tree: metadata, link discovery and main-text detection work on it.
BeautifulSoup only cleans the small article fragment that becomes body_html (html_output.py),
never the whole page.
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

from .decoding import decode_html

__all__ = ["Document", "decode_html", "parse_tree"]

# Control characters other than tab/newline/CR make lxml refuse a document.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# "<!--", "<![CDATA[" (also behind "//") opening, or "-->", "]]>" closing a JSON-LD script's text.
_JSON_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
# A run of the same opening (or closing) tag, e.g. 5,000 nested <div>s: collapsed when the page
# is nested deeper than the parser goes, so the article inside survives.
_OPENING_RUN = re.compile(r"(<([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>\s*)(?:<\2\b[^<>]*>\s*){7,}")
_CLOSING_RUN = re.compile(r"(</([a-zA-Z][a-zA-Z0-9]*)\s*>\s*)(?:</\2\s*>\s*){7,}")


def parse_tree(html: str) -> lxml.html.HtmlElement:
    html = _CONTROL_CHARS.sub("", html)
    if not html.strip():
        raise ExtractionError("empty document")
    root, too_deep = _parse(html)
    if too_deep:  # libxml2 drops whatever is nested deeper than 2,048 elements, even with huge_tree
        root, too_deep = _parse(_CLOSING_RUN.sub(r"\1", _OPENING_RUN.sub(r"\1", html)))
        if too_deep:
            raise ExtractionError("the page is nested deeper than 2,048 elements")
    if root.find("body") is None:
        _move_stray_head_content(root)
    return root


def _parse(html: str) -> tuple[lxml.html.HtmlElement, bool]:
    """The tree, and whether the parser hit its depth limit. huge_tree lifts libxml2's default
    limit of 255 levels, below which whole articles used to vanish."""
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as error:
        # ValueError: a str with an XML encoding declaration; retry as bytes.
        try:
            root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
        except (etree.ParserError, ValueError):
            raise ExtractionError(f"cannot parse HTML: {error}") from error
    return root, any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log)


_HEAD_TAGS = frozenset({"title", "meta", "link", "script", "style", "base", "noscript", "template"})


def _move_stray_head_content(root) -> None:
    """An unknown tag in <head> (`<mbox>`) makes libxml2 keep the whole page inside <head>, with no
    <body>; browsers render it. Everything from the first element that is not head metadata on is
    the page's body."""
    head = root.find("head")
    if head is None:
        return
    stray = None
    for child in head:
        if isinstance(child.tag, str) and child.tag not in _HEAD_TAGS:
            stray = child
            break
    if stray is None:
        return
    body = etree.SubElement(root, "body")
    for child in [stray, *stray.itersiblings()]:
        body.append(child)


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
    def title(self) -> str:
        """The text of the page's <title> as written ('' without one). Found anywhere: libxml2 moves
        a <title> that follows body content out of <head>."""
        element = self.root.find(".//title")
        return element.text_content() if element is not None else ""

    @cached_property
    def headline(self) -> lxml.html.HtmlElement | None:
        """The first <h1> in <body>, which the bylines, dates and site chrome are placed against
        (None without one). Found once: on a page without an <h1> the search walks the whole tree."""
        return self.root.find(".//body//h1")

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
