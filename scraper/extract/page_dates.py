"""When the article was published and last modified, from the most deliberate signal present.

Order: JSON-LD article, microdata itemprop, <meta> names, <time datetime>, visible
date lines (classes such as "date", "byline"; relative ones against fetched_at),
and the date in the URL as the last resort.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from .chrome import headline_wrappers, in_site_chrome
from .dates import parse_date
from .document import Document
from .site import article_json_ld, class_contains_xpath

_PUBLISHED_META = ("article:published_time", "og:published_time", "published_time", "datepublished",
                   "article.published", "publishdate", "publish-date", "publish_date", "pubdate",
                   "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
                   "dcterms.created", "dc.date.created", "date", "cxenseparse:recs:publishtime",
                   "article:published", "originalpublicationdate", "displaydate", "releasedate")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "article:updated_time", "datemodified",
                  "modified_time", "dcterms.modified", "dc.date.modified", "last-modified", "lastmod",
                  "cxenseparse:recs:articlemodifiedtime")
_DATE_CLASS_XPATH = class_contains_xpath(("date", "time", "publish", "posted", "byline", "meta", "zeit", "datum",
                                          "fecha", "data", "tarih", "ngay"))
_SKIP_TAGS = {"script", "style", "a", "option", "select"}  # and site chrome (chrome.py)
_URL_DATE = re.compile(r"(?<![\d])((?:19|20)\d{2})[/_.-]?(0[1-9]|1[0-2])[/_.-]?(0[1-9]|[12]\d|3[01])(?![\d])")
_URL_DATE_SEPARATED = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(?:(0?[1-9]|[12]\d|3[01])/)?")
_MAX_VISIBLE_CANDIDATES = 12
_MAX_VISIBLE_TEXT = 80


def extract_dates(doc: Document, fetched_at: datetime | None = None) -> tuple[str | None, str | None]:
    """(published, modified) as ISO 8601 strings; modified is None when the page does not say."""
    languages = _languages(doc)
    published = _first_date(_published_candidates(doc), languages, fetched_at)
    modified = _first_date(_modified_candidates(doc), languages, fetched_at)
    return published, modified


def _first_date(candidates: Iterator[str], languages: list[str] | None,
                fetched_at: datetime | None) -> str | None:
    for text in candidates:
        found = parse_date(text, languages, fetched_at)
        if found:
            return found
    return None


def _languages(doc: Document) -> list[str] | None:
    code = (doc.lang or "").replace("_", "-").split("-")[0].lower()
    return [code] if re.fullmatch(r"[a-z]{2}", code) else None


def _published_candidates(doc: Document) -> Iterator[str]:
    article = article_json_ld(doc) or {}
    yield from _strings(article.get("datePublished"), article.get("dateCreated"), article.get("uploadDate"))
    yield from _itemprop(doc, "datePublished")
    for key in _PUBLISHED_META:
        yield from doc.meta.get(key, [])
    yield from _time_elements(doc)
    yield from _visible_date_lines(doc)
    yield from _url_dates(doc.url)


def _modified_candidates(doc: Document) -> Iterator[str]:
    article = article_json_ld(doc) or {}
    yield from _strings(article.get("dateModified"))
    yield from _itemprop(doc, "dateModified")
    for key in _MODIFIED_META:
        yield from doc.meta.get(key, [])


def _strings(*values) -> Iterator[str]:
    for value in values:
        if isinstance(value, list):
            yield from (item for item in value if isinstance(item, str))
        elif isinstance(value, str):
            yield value


def _itemprop(doc: Document, name: str) -> Iterator[str]:
    for element in doc.root.xpath(f'//*[@itemprop="{name}"]'):
        yield element.get("content") or element.get("datetime") or element.text_content()


def _time_elements(doc: Document) -> Iterator[str]:
    """<time datetime> in the article (a pubdate attribute or "publish" class first), not in teasers."""
    times = [time for time in doc.root.iter("time") if not _in_page_chrome(time)]
    times.sort(key=lambda time: not (time.get("pubdate") is not None
                                     or "publish" in (time.get("class") or "").lower()))
    for time in times:
        yield time.get("datetime") or time.text_content()


def _visible_date_lines(doc: Document) -> Iterator[str]:
    """Short texts of elements whose class says date/time/byline: "28. April 2023, 14:05 Uhr"."""
    found = 0
    for element in _DATE_CLASS_XPATH(doc.root):
        if element.tag in _SKIP_TAGS:
            continue
        text = element.text_content().strip()
        if not text or len(text) > _MAX_VISIBLE_TEXT or not any(char.isdigit() for char in text):
            continue
        if _in_page_chrome(element):
            continue
        yield text
        found += 1
        if found >= _MAX_VISIBLE_CANDIDATES:
            return


def _in_page_chrome(element) -> bool:
    parent = element.getparent()
    layout = headline_wrappers(element.getroottree().getroot())
    return parent is not None and (in_site_chrome(parent, article_tag=False, layout=layout) or
                                   any(node.tag in _SKIP_TAGS for node in element.iterancestors()))


def _url_dates(url: str) -> Iterator[str]:
    """/2025/04/05/, /2025-04-05-, 20250405: the date a URL is filed under (day 1 for /2025/04/)."""
    path = url.split("?", 1)[0]
    match = _URL_DATE_SEPARATED.search(path)
    if match:
        year, month, day = match.groups()
        yield f"{year}-{int(month):02d}-{int(day or 1):02d}"
    match = _URL_DATE.search(path)
    if match:
        yield "-".join(match.groups())
