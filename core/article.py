"""The extraction result: plain data, no behaviour beyond serialisation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, is_dataclass
from functools import cache
from typing import get_args, get_origin, get_type_hints


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

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        """The inverse of to_dict (JSON on the wire between crawl workers and the writer). Keys
        this version does not know are ignored, so a newer sender's extra fields do no harm."""
        return _from_dict(cls, data)


def _from_dict(kind: type, data: dict):
    """A dataclass from its asdict(); lists of dataclasses (faq, images, ...) are rebuilt too."""
    nested = _nested_dataclasses(kind)
    values = {}
    for name in kind.__dataclass_fields__:
        if name not in data:
            continue
        value = data[name]
        if name in nested and isinstance(value, list):
            value = [_from_dict(nested[name], entry) if isinstance(entry, dict) else entry for entry in value]
        values[name] = value
    return kind(**values)


@cache
def _nested_dataclasses(kind: type) -> dict[str, type]:
    """Field name -> the dataclass its list holds, for the fields that are such lists."""
    nested = {}
    for name, hint in get_type_hints(kind).items():
        item = get_args(hint)[0] if get_origin(hint) is list and get_args(hint) else None
        if is_dataclass(item):
            nested[name] = item
    return nested
