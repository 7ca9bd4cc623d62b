"""Title, authors, dates, language: structured metadata first, then visible markup."""

from __future__ import annotations

from urllib.parse import urlsplit

from .authors import extract_authors
from .document import Document
from .language import extract_language
from .page_dates import extract_dates
from .site import article_json_ld, json_ld_types
from .title import extract_title
from .wordlists import ARTICLE_TYPES, COLLECTION_TYPES, FRONT_PAGE_SEGMENTS, LISTING_URL_SEGMENTS

__all__ = ["extract_authors", "extract_dates", "extract_language", "extract_title", "looks_like_article"]

def looks_like_article(doc: Document, body: str, published_at: str | None) -> bool:
    """One article (True), or a listing, tag, section, about/contact or home page (False)?

    Listing signals veto first: a home or tag/section/author URL, a collection type, several
    different articles in JSON-LD, or many dated teaser headlines without article markup.
    Then the page must say it is an article (JSON-LD, og:type) or carry a date and real prose."""
    words = max(len(body.split()), len(body) // _CHARS_PER_WORD)  # CJK text has no spaces
    declared = article_json_ld(doc) is not None
    og_type = (doc.meta_first("og:type") or "").lower()
    if _listing_url(doc.url) or _collection_page(doc) or _distinct_articles(doc) >= _LISTING_ARTICLES:
        return False
    if (not declared and og_type != "article" and words < _LONG_PROSE_WORDS
            and _teaser_headlines(doc) >= _LISTING_TEASERS):
        return False
    if declared or og_type == "article":
        return words >= _MIN_DECLARED_WORDS
    if og_type in {"website", "profile"}:
        return False
    return words >= _LONG_PROSE_WORDS or (bool(published_at) and words >= _MIN_UNDECLARED_WORDS)


_MIN_DECLARED_WORDS = 40
_MIN_UNDECLARED_WORDS = 120
_LISTING_TEASERS = 6
_LISTING_ARTICLES = 3  # JSON-LD describing 3+ different articles: a listing (2 is often one story twice)
_LONG_PROSE_WORDS = 300  # a long text is an article even among many related-story teasers
_CHARS_PER_WORD = 6


def _listing_url(url: str) -> bool:
    segments = [segment for segment in urlsplit(url).path.lower().split("/") if segment]
    if not segments or segments[-1] in FRONT_PAGE_SEGMENTS:
        return bool(url)  # a site's front page
    # /about, /tag/economy, /author/jane-doe (but not /archive/63076: that is one item).
    if segments[-1] in LISTING_URL_SEGMENTS:
        return True
    last_is_name = not any(char.isdigit() for char in segments[-1]) and segments[-1].count("-") <= 2
    return len(segments) >= 2 and segments[-2] in LISTING_URL_SEGMENTS and last_is_name


def _collection_page(doc: Document) -> bool:
    """The page's own JSON-LD type says collection/profile/about, and no article is declared."""
    if article_json_ld(doc):
        return False
    return any(json_ld_types(obj) & (COLLECTION_TYPES - {"website"}) for obj in doc.json_ld)


def _distinct_articles(doc: Document) -> int:
    headlines = {str(obj.get("headline") or obj.get("url") or id(obj)) for obj in doc.json_ld
                 if json_ld_types(obj) & ARTICLE_TYPES}
    return len(headlines)


def _teaser_headlines(doc: Document) -> int:
    """Linked headlines (h2-h4 > a, or a > h2-h4) of article length: a listing's teasers."""
    count = 0
    for heading in doc.root.iter("h2", "h3", "h4"):
        linked = heading.find(".//a") is not None or any(node.tag == "a" for node in heading.iterancestors())
        if linked and len(heading.text_content().split()) >= 4:
            count += 1
    return count
