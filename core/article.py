"""The extraction result: plain data, no behaviour beyond serialisation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class FaqEntry:
    question: str
    answer: str


@dataclass
class ArticleImage:
    url: str  # absolute
    caption: str | None = None
    credit: str | None = None  # "Photo: Reuters", "© AFP"
    alt: str | None = None


@dataclass
class Article:
    url: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None  # ISO 8601, with UTC offset when the page gives one
    modified_at: str | None = None
    language: str | None = None  # ISO 639-1
    body: str = ""  # paragraphs (and subheadings) separated by a blank line
    faq: list[FaqEntry] = field(default_factory=list)
    disclaimer: str | None = None
    canonical_url: str | None = None  # <link rel=canonical> / og:url, absolute
    is_article: bool = False  # does the page look like one article (not a listing, tag or about page)?
    instruments: list[dict] | None = None  # tagged instruments (instruments.recognise); None: not computed yet
    body_html: str = ""  # the body as clean HTML, built from the same blocks as `body` (docs/extraction.md)
    body_markdown: str = ""  # body_html as Markdown
    image_url: str | None = None  # lead image (og:image, JSON-LD image, else the first body image), absolute
    images: list[ArticleImage] = field(default_factory=list)  # the body's images, in page order
    published_utc: str | None = None  # published_at as a UTC instant, "2025-10-18T07:30:00Z" (core/instants.py)
    modified_utc: str | None = None
    utc_basis: str | None = None  # how the *_utc values were read: offset | timezone | assumed-utc

    def to_dict(self) -> dict:
        return asdict(self)
