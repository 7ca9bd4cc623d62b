"""Title, authors, dates, language: structured metadata first, then visible markup."""

from __future__ import annotations

import re

from .authors import extract_authors
from .dates import parse_date
from .document import Document
from .site import article_json_ld
from .title import extract_title

__all__ = ["extract_authors", "extract_dates", "extract_language", "extract_title", "looks_like_article"]

def _text(element) -> str:
    return " ".join(element.text_content().split())


def extract_dates(doc: Document) -> tuple[str | None, str | None]:
    ld = article_json_ld(doc) or {}
    published = parse_date(ld.get("datePublished")) or parse_date(
        doc.meta_first("article:published_time", "datepublished", "pubdate", "date"))
    modified = parse_date(ld.get("dateModified")) or parse_date(doc.meta_first("article:modified_time",
                                                                                "datemodified"))
    if not published:
        for time in doc.root.iter("time"):
            published = parse_date(time.get("datetime") or _text(time))
            if published:
                break
    return published, modified


def extract_language(doc: Document) -> str | None:
    lang = doc.lang
    if not lang:
        return None
    code = re.split(r"[-_]", lang)[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def looks_like_article(doc: Document, body: str, published_at: str | None) -> bool:
    """A page is an article when it says so (JSON-LD / og:type) or carries a date and real prose."""
    if article_json_ld(doc):
        return True
    og_type = (doc.meta_first("og:type") or "").lower()
    words = len(body.split())
    if og_type == "article" and words >= 40:
        return True
    return bool(published_at) and words >= 80
