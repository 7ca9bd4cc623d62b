"""What the FAQ and disclaimer finders share: their result, and where on a page a section may live.

A section (an FAQ, a notice) belongs to the article when it sits inside the article: an <article>
element or the body container the main-text finder chose. Outside it, the page-wide footer, the
navigation and consent boxes are site chrome; inside it, comment threads still are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.article import FaqEntry

from .blocks import Block
from .chrome import class_and_id, class_words, in_site_chrome
from .rules import SERVICE_BOX_SUBSTRINGS, SERVICE_BOX_TOKENS

_MIN_COVERED_CHARS = 20  # shorter blocks are inside a long declared text by chance
NOT_A_HEADING_LEVEL = 7  # the level of a label or FAQ line that is not an <h1>-<h6>
_MAX_CLIMB = 3  # levels to climb from a wrapped section heading to reach the section's siblings
_SERVICE_BOX_LEVELS = 6  # a sign-up form's fine print sits a few wrappers deep


@dataclass
class Section:
    """What a section finder found, and the page text it covers (to take out of the body)."""

    faq: list[FaqEntry] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # page blocks the section covers, in page order
    # Longer texts (a JSON-LD answer) whose visible paragraphs leave the body too.
    covering: list[str] = field(default_factory=list)

    def covers(self, text: str) -> bool:
        return text in self.texts or (len(text) >= _MIN_COVERED_CHARS and
                                      any(text in long_text for long_text in self.covering))


def belongs_to_article(element, article_root=None) -> bool:
    """Neither site chrome (chrome.py; `article_root`, the body container, and an <article> bound
    the article) nor a service box: where the article's own FAQ and notices live."""
    return not in_site_chrome(element, article_root, boxes=False) and not in_service_box(element, article_root)


def in_service_box(element, article_root=None) -> bool:
    """Inside a help, account, newsletter or forum box (or a form) near the element."""
    for ancestor in [element, *element.iterancestors()][:_SERVICE_BOX_LEVELS]:
        if ancestor is article_root or ancestor.tag in ("article", "body"):
            return False
        names = class_and_id(ancestor)
        if ancestor.tag == "form" or not SERVICE_BOX_TOKENS.isdisjoint(class_words(ancestor)) \
                or any(marker in names for marker in SERVICE_BOX_SUBSTRINGS):
            return True
    return False


def section_blocks(page_blocks: list[Block], heading_index: int) -> list[Block]:
    """The blocks after a section heading (an FAQ's, a notice box's) that lie in its section: the
    following siblings of the heading (or of the nearest wrapper that has any), up to an <hr>."""
    anchor = page_blocks[heading_index].element
    following = page_blocks[heading_index + 1:]
    for _ in range(_MAX_CLIMB + 1):
        siblings = _siblings_until_rule(anchor)
        inside = _leading_run(following, anchor.getparent(), siblings)
        if inside:
            return inside
        anchor = anchor.getparent()
        if anchor is None or anchor.getparent() is None or anchor.tag in ("body", "html"):
            break
    return []


def _siblings_until_rule(anchor) -> set:
    siblings = set()
    for sibling in anchor.itersiblings():
        if sibling.tag == "hr":
            break
        siblings.add(sibling)
    return siblings


def _leading_run(blocks: list[Block], parent, siblings: set) -> list[Block]:
    """The first blocks that lie inside one of `siblings` (children of `parent`), in order."""
    run = []
    for block in blocks:
        node = block.element
        while node is not None and node.getparent() is not parent:
            node = node.getparent()
        if node is None or node not in siblings:
            break
        run.append(block)
    return run
