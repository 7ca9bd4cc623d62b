"""What spiders hand to pipelines."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.article import Article


@dataclass
class ArticleItem:
    source: str
    fetched_url: str  # the URL actually fetched (after redirects)
    article: Article
    seen_urls: list[str] = field(default_factory=list)  # other URLs that led here (e.g. with tracking params)
