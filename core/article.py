"""The extraction result: plain data, no behaviour beyond serialisation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class FaqEntry:
    question: str
    answer: str


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

    def to_dict(self) -> dict:
        return asdict(self)
