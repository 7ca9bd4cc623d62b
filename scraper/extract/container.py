"""Where the article is on the page: the region whose blocks are its text.

1. Every visible block gets a weight: long, link-poor text counts for the article, short or
   link-heavy text and anything inside a boilerplate-marked element (class/id vocabulary in
   rules.py) counts against it; text that also appears in the JSON-LD articleBody counts double.
2. The container is the element whose subtree has the largest total weight (a maximum-weight
   subtree: it grows to take in split bodies and the standfirst, and stops at comment threads,
   link lists and sidebars because they would lower the sum).
3. A container that is a single paragraph is a piece of an article laid out flat: its paragraphs are
   siblings of link lists and boxes in one parent. The region is then that parent minus the
   children that are not article text.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .blocks import Block
from .document import Document
from .rules import FURNITURE_TAGS

# A block pays this many characters for existing: many short bits (menus, tag lists) sum negative.
_BLOCK_COST = 20
# Link text is worth nothing: a paragraph must be mostly own text to count for the article.
_LINK_PENALTY = 1.0
_MIN_ARTICLE_BODY_MATCH = 30  # characters: shorter blocks match JSON-LD articleBody by chance
# A sibling of a one-paragraph container joins it when its own text outweighs its cost and at most
# this share of it is link text.
_SIBLING_MAX_LINK_DENSITY = 0.3


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


def is_furniture_element(element) -> bool:
    """Elements whose text is never the article's: navigation, figures, forms, the headline, footers."""
    return element.tag in FURNITURE_TAGS


@dataclass(frozen=True)
class Region:
    """Where the article is: an element, minus some of its children (boxes between flat paragraphs)."""

    root: etree._Element
    left_out: frozenset = frozenset()

    def skips(self, element) -> bool:
        """Subtrees whose blocks are not the article's: left-out children and furniture."""
        return element in self.left_out or is_furniture_element(element)


def find_region(doc: Document, page_blocks: list[Block]) -> Region | None:
    """The article's region among the page's visible blocks (None on a page without text)."""
    container = find_container(doc, page_blocks)
    if container is None:
        return None
    return _widen_paragraph(page_blocks, container) or Region(container)


def find_container(doc: Document, page_blocks: list[Block]):
    """The element whose subtree has the largest total block weight (deepest on ties)."""
    article_body = json_ld_article_body(doc)
    totals: dict[etree._Element, float] = {}
    for block in page_blocks:
        weight = block_weight(block, article_body)
        element = block.element
        while element is not None:
            totals[element] = totals.get(element, 0.0) + weight
            element = element.getparent()
    best, best_total, best_depth = None, 0.0, 0
    for element, total in totals.items():
        if total > best_total or (total == best_total and _depth(element) > best_depth):
            best, best_total, best_depth = element, total, _depth(element)
    return best


def _depth(element) -> int:
    depth = 0
    while (element := element.getparent()) is not None:
        depth += 1
    return depth


def _widen_paragraph(page_blocks: list[Block], container) -> Region | None:
    """The parent of a one-paragraph container, minus the children that are not article text
    (negative weight, link lists, boilerplate-marked); None when the container is more than that."""
    parent = container.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return None
    descendants = set(container.iterdescendants())
    own = [block for block in page_blocks if block.element is container or block.element in descendants]
    if len(own) != 1 or own[0].element is not container:
        return None
    stats: dict = {}  # child of parent -> (weight, chars, link chars, marked)
    for block in page_blocks:
        child = _child_towards(parent, block.element)
        if child is None:
            continue
        weight, chars, links, marked = stats.get(child, (0.0, 0, 0, False))
        stats[child] = (weight + block_weight(block, ""), chars + block.chars, links + block.link_chars,
                        marked or block.boilerplate)
    left_out = {child for child, (weight, chars, links, marked) in stats.items() if child is not container
                and (weight <= 0 or marked or links > _SIBLING_MAX_LINK_DENSITY * chars)}
    left_out.update(child for child in parent if child not in stats)
    return Region(parent, frozenset(left_out))


def _child_towards(parent, element):
    """The child of `parent` that holds `element` (None when `element` is not below `parent`)."""
    while element is not None:
        up = element.getparent()
        if up is parent:
            return element
        element = up
    return None
