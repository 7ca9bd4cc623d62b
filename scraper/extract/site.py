"""Who publishes the page: site names and the article's JSON-LD object, shared by title and authors."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml import etree

from .document import Document

ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
                 "techarticle", "report", "scholarlyarticle", "socialmediaposting"}
_ORGANISATION_TYPES = {"organization", "newsmediaorganization", "corporation", "website"}
_NON_ALNUM = re.compile(r"[\W_]+")
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—·]\s+|\s*[|｜]\s*")
_MAX_SUFFIX_WORDS = 4


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
        if json_ld_types(obj) & _ORGANISATION_TYPES:
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


def class_contains_xpath(words: Iterable[str]) -> etree.XPath:
    """Compiled XPath: body elements whose class contains any word, any case (evaluated in C: fast)."""
    lowered = "translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    test = " or ".join(f"contains({lowered}, '{word}')" for word in words)
    return etree.XPath(f"//body//*[{test}]")
