"""When the article was published and last modified, from the most deliberate signal present.

Published, in order: a site profile's selector; structured data (JSON-LD article, microdata
itemprop, <meta> names); <time datetime> in the article; visible date lines (classes such as
"date", "byline"; relative ones against fetched_at); a date among the lines right under the
headline ("Pressemitteilung vom 25. Januar 2022 | Berlin"); a full date in the URL; htmldate's answer
(trafilatura's date engine: it reads what our signals miss, such as dates in script state or
free text); a year and month in the URL (day 1) as the last resort.

One check on the first answer: a CMS that stamps its last save as the publication time gives a
published date equal to the modified one. When it does, an earlier published date stated
elsewhere in the structured data, or the earlier date the reader sees under the headline, wins.
Every string goes through dates.parse_date (one contract); timezone offsets are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta

from lxml import etree

from .date_words import MODIFIED_META, PUBLISHED_META, VISIBLE_DATE_CLASSES
from .dates import parse_date
from .document import Document
from .site import ClassMatcher, PageChrome, article_json_ld, header_pieces, select_texts

_DATE_CLASSES = ClassMatcher(VISIBLE_DATE_CLASSES)
# Elements whose text is never the article's own date line (a link is a teaser's).
_NOT_DATE_LINE_TAGS = frozenset({"script", "style", "a", "option", "select"})
_URL_DATE = re.compile(r"(?<![\d])((?:19|20)\d{2})[/_.-]?(0[1-9]|1[0-2])[/_.-]?(0[1-9]|[12]\d|3[01])(?![\d])")
_URL_DATE_SEPARATED = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(?:(0?[1-9]|[12]\d|3[01])/)?")
_MAX_VISIBLE_CANDIDATES = 12
_MAX_VISIBLE_TEXT = 80
# Published within this of modified: the same save, not an editor's later update.
_SAME_SAVE = timedelta(minutes=5)


def extract_dates(doc: Document, fetched_at: datetime | None = None,
                  profile=None) -> tuple[str | None, str | None]:
    """(published, modified) as ISO 8601 strings; modified is None when the page does not say."""
    languages = _languages(doc)
    modified = _first_date(_modified_candidates(doc), languages, fetched_at)
    if profile is not None and profile.published:
        published = _first_date(select_texts(doc, profile.published), languages, fetched_at)
        if published:
            return published, modified
    return _published(doc, languages, fetched_at, modified), modified


def _published(doc: Document, languages: list[str] | None, fetched_at: datetime | None,
               modified: str | None) -> str | None:
    chrome = PageChrome(doc)
    published = _first_date(_published_candidates(doc, chrome), languages, fetched_at)
    if published is None:
        return _htmldate(doc, fetched_at) or _first_date(_url_months(doc.url), languages, fetched_at)
    if modified and _same_save(published, modified):
        return _earlier_statement(doc, chrome, published, languages, fetched_at) or published
    return published


def _earlier_statement(doc: Document, chrome: PageChrome, published: str, languages: list[str] | None,
                       fetched_at: datetime | None) -> str | None:
    """A published date on an earlier day than the CMS's save stamp: the earliest one the
    structured data states, else the first date line the reader sees."""
    day = published[:10]
    stated = _structured_published(doc, creation=False)  # a draft's creation date is not one
    structured = [value for value in _parsed(stated, languages, fetched_at) if value[:10] < day]
    if structured:
        return min(structured, key=lambda value: value[:10])
    visible = _first_date(_visible_date_lines(doc, chrome), languages, fetched_at)
    return visible if visible and visible[:10] < day else None


def _same_save(published: str, modified: str) -> bool:
    first, second = datetime.fromisoformat(published), datetime.fromisoformat(modified)
    if len(published) == 10 or len(modified) == 10:
        return first.date() == second.date()
    if (first.tzinfo is None) != (second.tzinfo is None):
        first, second = first.replace(tzinfo=None), second.replace(tzinfo=None)
    return abs(first - second) <= _SAME_SAVE


def _first_date(candidates: Iterable[str], languages: list[str] | None,
                fetched_at: datetime | None) -> str | None:
    return next(_parsed(candidates, languages, fetched_at), None)


def _parsed(candidates: Iterable[str], languages: list[str] | None,
            fetched_at: datetime | None) -> Iterator[str]:
    for text in candidates:
        found = parse_date(text, languages, fetched_at)
        if found:
            yield found


def _languages(doc: Document) -> list[str] | None:
    code = (doc.lang or "").replace("_", "-").split("-")[0].lower()
    return [code] if re.fullmatch(r"[a-z]{2}", code) else None


def _structured_published(doc: Document, creation: bool = True) -> Iterator[str]:
    article = article_json_ld(doc) or {}
    yield from _strings(article.get("datePublished"))
    if creation:
        yield from _strings(article.get("dateCreated"), article.get("uploadDate"))
    yield from _itemprop(doc, "datePublished")
    for key in PUBLISHED_META:
        yield from doc.meta.get(key, [])


def _published_candidates(doc: Document, chrome: PageChrome) -> Iterator[str]:
    yield from _structured_published(doc)
    yield from _time_elements(doc, chrome)
    yield from _visible_date_lines(doc, chrome)
    yield from (text for text, _ in header_pieces(doc) if len(text) <= _MAX_VISIBLE_TEXT)
    yield from _url_days(doc.url)


def _modified_candidates(doc: Document) -> Iterator[str]:
    article = article_json_ld(doc) or {}
    yield from _strings(article.get("dateModified"))
    yield from _itemprop(doc, "dateModified")
    for key in MODIFIED_META:
        yield from doc.meta.get(key, [])


def _strings(*values) -> Iterator[str]:
    for value in values:
        if isinstance(value, list):
            yield from (item for item in value if isinstance(item, str))
        elif isinstance(value, str):
            yield value


_ITEMPROP = etree.XPath("//*[@itemprop=$name]")  # compiled once (an .xpath() string compiles per call)


def _itemprop(doc: Document, name: str) -> Iterator[str]:
    for element in _ITEMPROP(doc.root, name=name):
        yield element.get("content") or element.get("datetime") or element.text_content()


def _time_elements(doc: Document, chrome: PageChrome) -> Iterator[str]:
    """<time datetime> in the article (a pubdate attribute or "publish" class first), not in teasers."""
    times = [time for time in doc.root.iter("time") if not chrome.holds(time, _NOT_DATE_LINE_TAGS)]
    times.sort(key=lambda time: not (time.get("pubdate") is not None
                                     or "publish" in (time.get("class") or "").lower()))
    for time in times:
        yield time.get("datetime") or time.text_content()


def _visible_date_lines(doc: Document, chrome: PageChrome) -> Iterator[str]:
    """Short texts of elements whose class says date/time/byline: "28. April 2023, 14:05 Uhr"."""
    found = 0
    for element in _DATE_CLASSES(doc.root):
        if element.tag in _NOT_DATE_LINE_TAGS:
            continue
        text = element.text_content().strip()
        if not text or len(text) > _MAX_VISIBLE_TEXT or not any(char.isdigit() for char in text):
            continue
        if chrome.holds(element, _NOT_DATE_LINE_TAGS):
            continue
        yield text
        found += 1
        if found >= _MAX_VISIBLE_CANDIDATES:
            return


def _htmldate(doc: Document, fetched_at: datetime | None) -> str | None:
    """htmldate's reading of the page (original date, extensive search), through parse_date."""
    from htmldate import find_date  # ~0.2 s to import: only pages without a date of ours pay it

    latest = (fetched_at or datetime.now(UTC)).date().isoformat()
    try:
        found = find_date(doc.root, extensive_search=True, original_date=True, url=doc.url or None,
                          max_date=latest)
    except (ValueError, TypeError):  # htmldate on malformed trees: no answer, not a crash
        return None
    return parse_date(found)


def _url_days(url: str) -> Iterator[str]:
    """/2025/04/05/, /2025-04-05-, 20250405: the day a URL is filed under."""
    path = url.split("?", 1)[0]
    match = _URL_DATE_SEPARATED.search(path)
    if match and match.group(3):
        year, month, day = match.groups()
        yield f"{year}-{int(month):02d}-{int(day):02d}"
    match = _URL_DATE.search(path)
    if match:
        yield "-".join(match.groups())


def _url_months(url: str) -> Iterator[str]:
    """/2025/04/: the month a URL is filed under, as its first day (the day is unknown)."""
    match = _URL_DATE_SEPARATED.search(url.split("?", 1)[0])
    if match:
        year, month, _ = match.groups()
        yield f"{year}-{int(month):02d}-01"
