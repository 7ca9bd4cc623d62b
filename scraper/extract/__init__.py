"""Article extraction: a pure function of (html, url). Knows nothing of Scrapy or the database.

    from scraper.extract import extract
    article = extract(html_bytes_or_text, "https://example.com/news/1")
    article = extract(html, url, profile="demo")   # a site profile by name (scraper/extract/sites/)

Without `profile`, the profile whose hosts serve the URL applies, if any; the generic extractor
does the rest (and everything for sites without a profile).
"""

from __future__ import annotations

from datetime import datetime

from core.article import Article, FaqEntry
from core.errors import ExtractionError
from core.instants import utc_instants
from instruments import recognise

from .body import extract_content
from .document import Document
from .formats import body_formats
from .metadata import extract_authors, extract_dates, extract_language, extract_title, looks_like_article
from .sites import SiteProfile, resolve_profile

__all__ = ["Article", "Document", "ExtractionError", "FaqEntry", "SiteProfile", "extract", "extract_document"]


def extract(html: bytes | str, url: str, fetched_at: datetime | None = None,
            declared_encoding: str | None = None, timezone: str | None = None,
            profile: str | SiteProfile | None = None) -> Article:
    """Parse the page once and extract every field. Raises ExtractionError on unreadable input
    (and on an unknown profile name). `timezone` (IANA name): how to read dates the page gives
    without a UTC offset."""
    return extract_document(Document.parse(html, url, declared_encoding), fetched_at, timezone, profile)


def extract_document(doc: Document, fetched_at: datetime | None = None, timezone: str | None = None,
                     profile: str | SiteProfile | None = None) -> Article:
    """Extract from an already parsed Document (the crawler parses once and reuses it for links)."""
    site = resolve_profile(profile, doc.url, fetched_at)
    if site is None:
        content = extract_content(doc)  # body, FAQ and disclaimer, separated in one pass
    else:
        content = extract_content(doc, container=site.body, drop=site.drop, notices=site.notices)
    body = content.body
    published, modified = extract_dates(doc, fetched_at, site)
    title, language = extract_title(doc, site, content), extract_language(doc)
    formats = body_formats(doc, content)
    published_utc, modified_utc, utc_basis = utc_instants(published, modified, timezone)
    return Article(
        url=doc.url,
        title=title,
        authors=extract_authors(doc, site, content),
        published_at=published,
        modified_at=modified,
        language=language,
        body=body,
        faq=content.faq,
        disclaimer=content.disclaimer,
        canonical_url=doc.canonical_url,
        is_article=looks_like_article(doc, body, published),
        instruments=recognise(title, body, language, published, modified),  # title and body only: not FAQ, disclaimer
        body_html=formats.html,
        body_markdown=formats.markdown,
        image_url=formats.image_url,
        images=formats.images,
        published_utc=published_utc,
        modified_utc=modified_utc,
        utc_basis=utc_basis,
    )
