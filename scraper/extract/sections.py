"""What the FAQ and disclaimer finders share: their result, and where on a page a section may live.

A section (an FAQ, a notice) belongs to the article when it sits inside the article: an <article>
element or the body container the main-text finder chose. Outside it, the page-wide footer, the
navigation and consent boxes are site chrome; inside it, comment threads still are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.article import FaqEntry

from .blocks import Block, class_and_id
from .rules import SERVICE_BOX_SUBSTRINGS, SERVICE_BOX_TOKENS

_SITE_CHROME_TAGS = ("footer", "nav")
_SITE_CHROME_ROLES = ("contentinfo", "navigation")
# class/id words of regions that are never the article's own text, wherever they are.
_THREAD_OR_CONSENT = frozenset({"comment", "comments", "commentlist", "disqus", "cookie", "cookies",
                                "consent", "gdpr", "onetrust", "replies", "reply"})
_SITE_CHROME_WORDS = _THREAD_OR_CONSENT | {"footer", "sitefooter", "navbar", "navigation", "menu"}
_WORDS = re.compile(r"[^a-z0-9]+")
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


def class_words(element) -> set[str]:
    return set(_WORDS.split(class_and_id(element))) - {""}


def in_site_chrome(element, article_root=None) -> bool:
    """Outside the article (page footer, navigation, consent box) or in a comment thread.

    `article_root` is the body container: like an <article>, what is inside it is the article's
    own (an article's own <footer> holds its notices), except comment threads and consent boxes."""
    lineage = []
    for ancestor in (element, *element.iterancestors()):
        if ancestor.tag == "article" or ancestor is article_root:
            return any(not class_words(node).isdisjoint(_THREAD_OR_CONSENT) for node in lineage)
        lineage.append(ancestor)
    return any(node.tag in _SITE_CHROME_TAGS or (node.get("role") or "") in _SITE_CHROME_ROLES
               or not class_words(node).isdisjoint(_SITE_CHROME_WORDS) for node in lineage)


def belongs_to_article(element, article_root=None) -> bool:
    """Neither site chrome nor a service box: where the article's own FAQ and notices live."""
    return not in_site_chrome(element, article_root) and not in_service_box(element, article_root)


def in_service_box(element, article_root=None) -> bool:
    """Inside a help, account, newsletter or forum box (or a form) near the element."""
    for ancestor in [element, *element.iterancestors()][:_SERVICE_BOX_LEVELS]:
        if ancestor is article_root or ancestor.tag in ("article", "body"):
            return False
        names = class_and_id(ancestor)
        if ancestor.tag == "form" or not SERVICE_BOX_TOKENS.isdisjoint(_WORDS.split(names)) \
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
