"""Main text: find the article container on the lxml tree, then read its cleaned blocks.

1. Walk the whole page once into text blocks (blocks.py) and give each a weight: long, link-poor
   text counts for the article, short or link-heavy text and anything inside a boilerplate-marked
   element (class/id vocabulary in rules.py) counts against it; text that also appears in the
   JSON-LD articleBody counts double.
2. The container is the element whose subtree has the largest total weight (a maximum-weight
   subtree: it grows to take in split bodies and the standfirst, and stops at comment threads,
   link lists and sidebars because they would lower the sum).
3. Keep the container's blocks minus furniture subtrees (nav, figures and captions, forms, the h1,
   footers, hidden and boilerplate-marked subtrees), add the standfirst found between the <h1> and
   the container, then drop furniture lines (clean.py: credits, datelines, calls to action, ...).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from core.article import FaqEntry

from .blocks import Block, blocks_within, iter_blocks
from .clean import is_furniture_block
from .document import Document
from .embedded import MIN_EMBEDDED_CHARS, json_ld_article_text, next_flight_html, script_state_html
from .faq import find_faq
from .notices import find_disclaimers
from .rules import FURNITURE_TAGS, LEAD_MARKERS
from .site import compiled_selector

# A block pays this many characters for existing: many short bits (menus, tag lists) sum negative.
_BLOCK_COST = 20
# Link text is worth nothing: a paragraph must be mostly own text to count for the article.
_LINK_PENALTY = 1.0
# Inside the container a boilerplate-marked subtree is kept only when it wraps more than this share
# of the prose (a layout wrapper); a fact box or related list beside the body is dropped.
_PROTECTED_SHARE = 0.7
_MIN_ARTICLE_BODY_MATCH = 30  # characters: shorter blocks match JSON-LD articleBody by chance
# Words of a class name, camelCase split too: "ArticleModuleTeaser_x" -> Article, Module, Teaser, x.
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
# A standfirst between the headline and the body: prose-like, not a link list.
_LEAD_MIN_CHARS = 25
_LEAD_MAX_LINK_DENSITY = 0.2


def json_ld_article_body(doc: Document) -> str:
    texts = [obj.get("articleBody") for obj in doc.json_ld]
    return " ".join(" ".join(text.split()) for text in texts if isinstance(text, str))


def block_weight(block: Block, article_body: str) -> float:
    if block.boilerplate:
        return -float(block.chars)
    weight = block.chars - _LINK_PENALTY * block.link_chars - _BLOCK_COST
    if article_body and block.chars >= _MIN_ARTICLE_BODY_MATCH and block.text in article_body:
        weight += block.chars
    return weight


def find_container(doc: Document, page_blocks: list[Block] | None = None):
    """The element whose subtree has the largest total block weight (deepest on ties)."""
    if page_blocks is None:
        page_blocks = iter_blocks(doc.root)
    article_body = json_ld_article_body(doc)
    totals: dict[etree._Element, float] = {}
    for block in page_blocks:
        weight = block_weight(block, article_body)
        element = block.element
        while element is not None:
            totals[element] = totals.get(element, 0.0) + weight
            element = element.getparent()
    best, best_key = None, (0.0, 0)
    for element, total in totals.items():
        key = (total, _depth(element))
        if key > best_key:
            best, best_key = element, key
    return best


def _depth(element) -> int:
    depth = 0
    while (element := element.getparent()) is not None:
        depth += 1
    return depth


def _is_furniture_element(element) -> bool:
    tag = element.tag.lower()
    return tag in FURNITURE_TAGS or tag == "footer"


@dataclass
class Content:
    """The article's text split three ways: body, FAQ pairs and legal/commercial notices."""

    body: str
    faq: list[FaqEntry]
    disclaimer: str | None
    # The blocks `body` was joined from (empty when it came from JSON-LD text) and the container
    # they were found in: html_output.py renders body_html from exactly these.
    blocks: list[Block] = field(default_factory=list)
    container: etree._Element | None = None


def extract_content(doc: Document, container: str | None = None, drop: Sequence[str] = (),
                    notices: Sequence[str] = ()) -> Content:
    """Body, FAQ and disclaimer from one walk of the page; FAQ and notices are taken out of the body.

    A site profile's hints (CSS or XPath selectors, scraper/extract/sites/): `container` is the
    article element (when it matches; else the container is found as usual), `drop` removes
    elements from the page before anything is read, `notices` are disclaimer boxes."""
    page_blocks = iter_blocks(doc.root, keep_hidden=True)
    if drop:
        dropped = _selected(doc, drop)
        page_blocks = [block for block in page_blocks if not _inside(block.element, dropped)]
    visible = [block for block in page_blocks if not block.hidden]
    chosen = next((found for found in compiled_selector(container)(doc.root) if not isinstance(found, str)),
                  None) if container else None
    container = chosen if chosen is not None else find_container(doc, visible)
    article_root = container if container is not None and container.tag not in ("body", "html") else None
    faq = find_faq(doc, page_blocks, article_root)
    found = find_disclaimers(page_blocks, article_root)
    marked = _selected(doc, notices) if notices else set()
    declared = list(dict.fromkeys(block.text for block in page_blocks if marked and _inside(block.element, marked)
                                  and block.text not in found.texts))
    blocks = [block for block in body_blocks(doc, page_blocks, container)
              if not faq.covers(block.text) and not found.covers(block.text) and block.text not in declared]
    body = join_blocks(blocks)
    if len(body) < MIN_EMBEDDED_CHARS:
        embedded = _embedded_body(doc)
        if embedded is not None:
            body, blocks = embedded
            container = None
    return Content(body, faq.faq, "\n\n".join(found.texts + declared) or None, blocks, container)


def _selected(doc: Document, selectors: Sequence[str]) -> set:
    """Elements the selectors match (a profile's hints)."""
    return {found for selector in selectors for found in compiled_selector(selector)(doc.root)
            if not isinstance(found, str)}


def _inside(element, elements: set) -> bool:
    return element in elements or any(ancestor in elements for ancestor in element.iterancestors())


def _embedded_body(doc: Document) -> tuple[str, list[Block]] | None:
    """For pages rendered by JavaScript (no visible body): the article text in their script data,
    with its blocks when it came as HTML."""
    text = json_ld_article_text(doc)
    if text:
        return text, []
    html = next_flight_html(doc) or script_state_html(doc)
    if html is None:
        return None
    fragment = Document.parse(f"<html><body><article>{html}</article></body></html>", doc.url)
    blocks = body_blocks(fragment)
    return (join_blocks(blocks), blocks) if blocks else None


def body_blocks(doc: Document, page_blocks: list[Block] | None = None, container=None) -> list[Block]:
    """The article's text blocks in reading order, furniture removed (`container`: when the caller
    has already found it)."""
    if page_blocks is None:
        page_blocks = iter_blocks(doc.root, keep_hidden=True)
    page_blocks = [block for block in page_blocks if not block.hidden]
    if container is None:
        container = find_container(doc, page_blocks)
    if container is None:
        return []
    blocks = blocks_within(page_blocks, container, _is_furniture_element, _PROTECTED_SHARE)
    blocks = [block for block in blocks if not block.boilerplate]
    return [block for block in _standfirst(page_blocks, container) + blocks if not is_furniture_block(block)]


def _standfirst(page_blocks: list[Block], container) -> list[Block]:
    """Prose between the headline (<h1>) and the container: the lead the body container left out."""
    inside = set(container.iter())
    start = next((i for i, block in enumerate(page_blocks) if block.element in inside), None)
    if start is None:
        return []
    headline = next((i for i in range(start - 1, -1, -1) if page_blocks[i].heading == 1), None)
    if headline is None:
        return []
    return [block for block in page_blocks[headline + 1:start]
            if (not block.boilerplate or _is_lead_marked(block.element)) and block.chars >= _LEAD_MIN_CHARS
            and block.link_density <= _LEAD_MAX_LINK_DENSITY and not _in_furniture(block.element)]


def _is_lead_marked(element) -> bool:
    """The block's element or its parent has a lead/standfirst/summary word in its class or id."""
    parent = element.getparent()
    for candidate in (element, parent) if parent is not None else (element,):
        names = f"{candidate.get('class') or ''} {candidate.get('id') or ''}"
        if not LEAD_MARKERS.isdisjoint(word.lower() for word in _CLASS_WORD.findall(names)):
            return True
    return False


def _in_furniture(element) -> bool:
    return any(_is_furniture_element(ancestor) for ancestor in element.iterancestors()) or \
        _is_furniture_element(element)


def join_blocks(blocks: list[Block]) -> str:
    return "\n\n".join(block.text for block in blocks)


def extract_body(doc: Document) -> str:
    return join_blocks(body_blocks(doc))
