"""What the metadata rules share: who publishes the page (site names, the article's JSON-LD object),
the lines under the headline, class-word search, site chrome as bylines and dates see it
(`PageChrome`, on chrome.py's one definition), and site profiles' selectors."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.cssselect import CSSSelector

from .chrome import class_and_id, headline_wrappers, in_site_chrome
from .document import Document
from .wordlists import ARTICLE_TYPES, PUBLISHER_TYPES

_NON_ALNUM = re.compile(r"[\W_]+")
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—·]\s+|\s*[|｜]\s*")
_MAX_SUFFIX_WORDS = 4
_MAX_SITE_NAME_WORDS = 6


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
    host = _bare_host(doc.url)
    if host:
        names.update({host, host.split(".")[0] if host.count(".") else host})
        labels = host.split(".")
        if len(labels) >= 2:
            names.add(labels[-2])
    # A "name" of many words is a headline in the wrong field (application-name = the headline).
    return {squash(name) for name in names if len(squash(name)) >= 2 and len(name.split()) <= _MAX_SITE_NAME_WORDS}


def title_suffix_name(doc: Document) -> str | None:
    """Squashed last segment of <title> ("Headline | Example Times" -> "exampletimes"): the site's
    name on pages that state it nowhere else. Only short segments after a " | " or " - " count,
    and only for credits: for headlines, "Section - Headline" titles would make it the headline."""
    parts = _TITLE_SUFFIX.split(clean_text(doc.title))
    if len(parts) < 2 or len(parts[-1].split()) > _MAX_SUFFIX_WORDS or len(parts[-1]) >= len(parts[0]):
        return None
    return squash(parts[-1]) or None


def links_home(link: etree._Element, url: str) -> bool:
    """Does the link lead to the front page of the site serving `url`: its host (with or without
    "www.") at the root, without a query (`/?p=1` is an article), or marked rel="home"? Never an
    anchor, an empty link or a path below the root. The one rule for the site's logo heading
    (title.py) and the blog's own hCard (authors.py)."""
    href = (link.get("href") or "").strip()
    if not href or href[0] == "#" or (href.count("/") > 3 and href.rstrip("/").count("/") > 2):
        return False  # no link, an anchor, or a path below the home page (before parsing it)
    if "home" in (link.get("rel") or "").split():
        return True
    target = urljoin(url, href)
    parts = urlsplit(target)
    return _bare_host(target) == _bare_host(url) and not parts.path.strip("/") and not parts.query


def _bare_host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


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
    headline = doc.headline
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
    """Site chrome (chrome.py's one definition) as bylines and dates see it on one page: the
    headline's wrappers are computed once, and a story card's <article> in a related box is chrome."""

    def __init__(self, doc: Document):
        self._layout = headline_wrappers(doc.headline)

    def holds(self, element, extra_tags: frozenset[str] = frozenset(), extra: re.Pattern | None = None,
              itself: bool = False) -> bool:
        """Is the element inside chrome (or, with `itself`, chrome itself)? `extra_tags` and the
        `extra` class/id pattern add what a caller also refuses (links for dates, captions for bylines)."""
        start = element if itself else element.getparent()
        if start is None:
            return False
        if in_site_chrome(start, article_tag=False, layout=self._layout):
            return True
        # The headline's wrappers are layout, whatever their class says ("single-photo" on <body>).
        return any(node.tag in extra_tags or (extra is not None and extra.search(class_and_id(node)))
                   for node in (start, *start.iterancestors()) if node not in self._layout)


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
