"""Ground-truth model of the demo site: DemoArticle and the shared page context."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from newsagg.demo.stories import AUTHORS_BIO

if TYPE_CHECKING:
    from newsagg.demo.render import Padding

Block = tuple[str, object]  # ("p"|"h2"|"quote", str) | ("ul", list[str]) | ("readmore", path)

TAG_LABELS = {"etf": "ETFs", "opec": "OPEC", "dax": "DAX", "gdp": "GDP"}


@dataclass
class DemoArticle:
    """What an ideal extractor returns for one page. `paragraphs` are the body blocks in order:
    paragraphs, h2 subheadings, blockquote text and list items; NOT the standfirst, image caption,
    "Read more" links, FAQ (see `faq`) or disclaimer (see `disclaimer`)."""

    path: str
    section: str
    title: str
    authors: list[str]
    published_at: str  # ISO 8601 with offset
    modified_at: str | None
    language: str
    paragraphs: list[str]
    faq: list[tuple[str, str]]
    disclaimer: str | None
    syndicated_copy_of: str | None = None
    # Rendering details (not extraction targets).
    summary: str = ""
    tags: list[str] = field(default_factory=list)
    date_style: str = "jsonld"  # "jsonld" | "og" | "visible"
    blocks: list[Block] = field(default_factory=list)
    image_caption: str = ""
    image_credit: str = ""
    faq_jsonld: bool = False

    @property
    def published(self) -> datetime:
        return datetime.fromisoformat(self.published_at)

    @property
    def modified(self) -> datetime | None:
        return datetime.fromisoformat(self.modified_at) if self.modified_at else None

    @property
    def image_path(self) -> str:
        return "/images/" + self.path.strip("/").replace("/", "-") + ".png"

    def syndicated_as(self, path: str) -> DemoArticle:
        """The same story re-published elsewhere (a partner drops the in-house "Read more" links)."""
        blocks = [b for b in self.blocks if b[0] != "readmore"]
        return dataclasses.replace(self, path=path, syndicated_copy_of=self.path, blocks=blocks, faq_jsonld=False)


def parse_body(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for line in lines:
        if line.startswith("## "):
            blocks.append(("h2", line[3:]))
        elif line.startswith("> "):
            blocks.append(("quote", line[2:]))
        elif line.startswith("- "):
            if blocks and blocks[-1][0] == "ul":
                blocks[-1][1].append(line[2:])
            else:
                blocks.append(("ul", [line[2:]]))
        elif line.startswith("@readmore "):
            blocks.append(("readmore", line.split(" ", 1)[1]))
        else:
            blocks.append(("p", line))
    return blocks


def body_paragraphs(blocks: list[Block]) -> list[str]:
    paragraphs: list[str] = []
    for kind, payload in blocks:
        if kind == "ul":
            paragraphs.extend(payload)
        elif kind != "readmore":
            paragraphs.append(payload)
    return paragraphs


def article_from_story(story: dict) -> DemoArticle:
    blocks = parse_body(story["body"])
    caption, credit = story["image"]
    return DemoArticle(
        path=story["path"], section=story["section"], title=story["title"], authors=list(story["authors"]),
        published_at=story["published"], modified_at=story["modified"], language=story["lang"],
        paragraphs=body_paragraphs(blocks), faq=list(story["faq"]), disclaimer=story["disclaimer"],
        summary=story["summary"], tags=list(story["tags"]), date_style=story["style"], blocks=blocks,
        image_caption=caption, image_credit=credit, faq_jsonld=story.get("faq_jsonld", False),
    )


def articles_from_stories(stories: list[dict]) -> list[DemoArticle]:
    return [article_from_story(s) for s in stories]


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug or "x-" + hashlib.sha1(text.encode()).hexdigest()[:8]  # e.g. Japanese names


def tag_label(tag: str) -> str:
    return TAG_LABELS.get(tag) or tag.replace("-", " ").title()


@dataclass
class PageKit:
    """Everything page templates share: the article list (newest first), sections, padding."""

    articles: list[DemoArticle]
    sections: dict[str, str]
    padding: Padding
    by_path: dict[str, DemoArticle] = field(init=False)
    by_section: dict[str, list[DemoArticle]] = field(init=False)
    _rank: dict[str, int] = field(init=False)  # index of each article within its section

    def __post_init__(self) -> None:
        self.by_path = {a.path: a for a in self.articles}
        self.by_section = {s: [a for a in self.articles if a.section == s] for s in self.sections}
        self._rank = {a.path: i for items in self.by_section.values() for i, a in enumerate(items)}

    def author_path(self, name: str) -> str:
        return f"/author/{slugify(name)}/"

    def author_bio(self, name: str) -> str:
        return AUTHORS_BIO.get(name, f"{name} is a reporter at Harbor Street Finance.")

    def latest(self, exclude: str, count: int = 5) -> list[DemoArticle]:
        return [a for a in self.articles[: count + 1] if a.path != exclude][:count]

    def related(self, article: DemoArticle, count: int = 3) -> list[DemoArticle]:
        """Same-section neighbours in time (cheap even for thousands of articles)."""
        same = self.by_section.get(article.section, [])
        index = self._rank.get(article.path, 0)
        window = same[max(0, index - count): index] + same[index + 1: index + 1 + count]
        return window[:count]
