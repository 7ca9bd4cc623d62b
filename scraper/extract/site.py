"""Who publishes the page: site names and the article's JSON-LD object, shared by title and authors."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from urllib.parse import urlsplit

from lxml import etree
from lxml.cssselect import CSSSelector

from .document import Document
from .wordlists import (
    ARTICLE_COLUMN_SUBSTRINGS,
    ARTICLE_TYPES,
    CHROME_CLASS_SUBSTRINGS,
    CHROME_TAGS,
    PUBLISHER_TYPES,
)

_NON_ALNUM = re.compile(r"[\W_]+")
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—·]\s+|\s*[|｜]\s*")
_MAX_SUFFIX_WORDS = 4
_CHROME_CLASS = re.compile("|".join(map(re.escape, CHROME_CLASS_SUBSTRINGS)), re.I)
_IN_ARTICLE_CHROME_CLASS = re.compile("|".join(
    map(re.escape, sorted(set(CHROME_CLASS_SUBSTRINGS) - set(ARTICLE_COLUMN_SUBSTRINGS)))), re.I)


def clean_text(value: object) -> str:
    """Entity-decoded (pages double-escape), whitespace-collapsed text; '' for non-strings."""
    if not isinstance(value, str):
        return ""
    return " ".join(html.unescape(value).replace("\u00ad", "").replace("\u200b", "").split())


def json_ld_types(obj: dict) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1].lower() for v in values if v}


def article_json_ld(doc: Document) -> dict | None:
    """The page's article object in JSON-LD (also when a WebPage nests it as mainEntity).
    A bare WebPage does not count: its headline is often the SEO title, not the article's."""
    for obj in _with_main_entities(doc.json_ld):
        if json_ld_types(obj) & ARTICLE_TYPES:
            return obj
    return None


def _with_main_entities(objects: list[dict]) -> list[dict]:
    """JSON-LD objects plus the article a WebPage nests as its mainEntity."""
    out = []
    for obj in objects:
        out.append(obj)
        for key in ("mainEntity", "mainEntityOfPage"):
            nested = obj.get(key)
            if isinstance(nested, dict) and "@type" in nested:
                out.append(nested)
    return out


def squash(text: str) -> str:
    """Comparison key: casefolded letters and digits only ("Golem.de" -> "golemde")."""
    return _NON_ALNUM.sub("", text.casefold())


def site_names(doc: Document) -> set[str]:
    """Squashed names the site goes by: og:site_name, application-name, publisher, host name."""
    names = {clean_text(doc.meta_first("og:site_name", "application-name", "twitter:site"))}
    for key in ("og:site_name", "application-name"):
        names.update(clean_text(value) for value in doc.meta.get(key, []))
    for obj in doc.json_ld:
        if json_ld_types(obj) & PUBLISHER_TYPES:
            names.add(clean_text(obj.get("name")))
    article = article_json_ld(doc) or {}
    for key in ("publisher", "sourceOrganization"):
        publisher = article.get(key)
        if isinstance(publisher, dict):
            names.add(clean_text(publisher.get("name")))
        elif isinstance(publisher, str):
            names.add(clean_text(publisher))
    host = (urlsplit(doc.url).hostname or "").removeprefix("www.")
    if host:
        names.update({host, host.split(".")[0] if host.count(".") else host})
        labels = host.split(".")
        if len(labels) >= 2:
            names.add(labels[-2])
    return {key for key in map(squash, names) if len(key) >= 2}


def title_suffix_name(doc: Document) -> str | None:
    """Squashed last segment of <title> ("Headline | Example Times" -> "exampletimes"): the site's
    name on pages that state it nowhere else. Only short segments after a " | " or " - " count,
    and only for credits: for headlines, "Section - Headline" titles would make it the headline."""
    title = doc.root.find(".//title")
    parts = _TITLE_SUFFIX.split(clean_text(title.text_content() if title is not None else ""))
    if len(parts) < 2 or len(parts[-1].split()) > _MAX_SUFFIX_WORDS or len(parts[-1]) >= len(parts[0]):
        return None
    return squash(parts[-1]) or None


def is_site_name(text: str, names: set[str]) -> bool:
    """Does the text name the site (exactly, or as "The X", "X Online", "X.com")?"""
    key = squash(text)
    if not key:
        return False
    return any(key == name or (len(name) >= 4 and name in key and len(key) <= len(name) + 8)
               for name in names)


_CLASSED_XPATH = etree.XPath("//body//*[@class]")
# The text pieces right under the headline (subtitle, byline, date), skipping empty ones.
_AFTER_HEADLINE = etree.XPath("following::text()[normalize-space()][position() <= 12]")
_BODY_START_TAGS = frozenset({"h2", "h3", "article", "section"})
_NOT_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})
_MAX_HEADER_PIECE = 200


def header_pieces(doc: Document) -> list[tuple[str, etree._Element]]:
    """(text, parent element) of the text pieces after the page's first <h1>, until the article
    text starts (a long paragraph, a subheading): the standfirst, byline and date line."""
    headline = doc.root.find(".//body//h1")
    pieces: list[tuple[str, etree._Element]] = []
    for piece in _AFTER_HEADLINE(headline) if headline is not None else ():
        parent = piece.getparent()
        if parent.tag in _BODY_START_TAGS or (parent.tag == "p" and len(piece) > _MAX_HEADER_PIECE):
            break
        if isinstance(parent.tag, str) and parent.tag not in _NOT_TEXT_TAGS:
            pieces.append((piece.strip(), parent))
    return pieces


class ClassMatcher:
    """Body elements whose class contains any of some words, any case, in page order.

    Pages repeat a few hundred class strings thousands of times, so each distinct string is
    tested once (7-10x faster than an XPath `contains(translate(@class, ...))` test)."""

    def __init__(self, words: Iterable[str]):
        pattern = re.compile("|".join(map(re.escape, words)), re.I)
        self._says = lru_cache(maxsize=4096)(lambda names: pattern.search(names) is not None)

    def __call__(self, root) -> Iterator:
        says = self._says
        return (element for element in _CLASSED_XPATH(root) if says(element.get("class")))


class PageChrome:
    """Where a page holds other content than this article's header and text: related teasers,
    comments, sidebars, widgets, footers, navigation (CHROME_TAGS, CHROME_CLASS_SUBSTRINGS).

    A region that also holds the page's headline (<h1>) is a layout wrapper, whatever its class
    says ("panel-two-col-sidebar-right"): the article's own byline and date live there. Inside
    the <article> element that holds the headline a "sidebar" is a column of the article's own
    layout (ARTICLE_COLUMN_SUBSTRINGS), not chrome."""

    def __init__(self, doc: Document):
        headline = doc.root.find(".//body//h1")
        self._headline_wrappers = set(headline.iterancestors()) if headline is not None else set()

    def holds(self, element, extra_tags: frozenset[str] = frozenset(), extra: re.Pattern | None = None,
              itself: bool = False) -> bool:
        """Is the element inside chrome (or, with `itself`, chrome itself)? `extra_tags` and the
        `extra` class pattern add what a caller also refuses (links for dates, captions for bylines)."""
        lineage = []
        for node in (element, *element.iterancestors()) if itself else element.iterancestors():
            if node in self._headline_wrappers:
                if node.tag == "article":
                    return any(self._marked(node, CHROME_TAGS | extra_tags, extra, _IN_ARTICLE_CHROME_CLASS)
                               for node in lineage)
                continue
            lineage.append(node)
        return any(self._marked(node, CHROME_TAGS | extra_tags, extra, _CHROME_CLASS) for node in lineage)

    @staticmethod
    def _marked(node, tags: frozenset[str], extra: re.Pattern | None, words: re.Pattern) -> bool:
        if node.tag in tags:
            return True
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        return names != " " and (words.search(names) is not None or (extra is not None and extra.search(names)))


@lru_cache(maxsize=512)
def compiled_selector(selector: str) -> etree.XPath:
    """A CSS selector, or an XPath expression when it starts with "/", "./" or "(", compiled once."""
    if selector.startswith(("/", "./", "(")):
        return etree.XPath(selector)
    return CSSSelector(selector)


def select_texts(doc: Document, selectors: Iterable[str]) -> Iterator[str]:
    """Texts of what the selectors match, in selector order: an element's `content` or `datetime`
    attribute, else its text; an XPath may also select attribute values or strings."""
    for selector in selectors:
        for found in compiled_selector(selector)(doc.root):
            if isinstance(found, str):
                yield str(found)
            elif isinstance(found.tag, str):
                yield found.get("content") or found.get("datetime") or found.text_content()
