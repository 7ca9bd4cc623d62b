"""Main text: the article's region (container.py), then its cleaned blocks.

1. Walk the whole page once into text blocks (blocks.py); find the article's region among them.
2. Keep the region's blocks minus furniture subtrees (nav, figures and captions, forms, the h1,
   footers, hidden and boilerplate-marked subtrees), add the standfirst found between the <h1> and
   the region, then drop furniture lines (clean.py: credits, datelines, calls to action, ...) and
   the headings and labels left without the text they introduced.
3. FAQ pairs and notices found in the same walk are taken out of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from core.article import FaqEntry

from .blocks import Block, blocks_within, iter_blocks
from .clean import is_furniture_block
from .container import Region, find_region, is_furniture_element
from .document import Document
from .embedded import MIN_EMBEDDED_CHARS, json_ld_article_text, next_flight_html, script_state_html
from .faq import find_faq
from .notices import find_disclaimers
from .rules import LEAD_MARKERS

# Inside the region a boilerplate-marked subtree is kept only when it wraps more than this share
# of the prose (a layout wrapper); a fact box or related list beside the body is dropped.
_PROTECTED_SHARE = 0.7
# Words of a class name, camelCase split too: "ArticleModuleTeaser_x" -> Article, Module, Teaser, x.
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
# A standfirst between the headline and the body: prose-like, not a link list.
_LEAD_MIN_CHARS = 25
_LEAD_MAX_LINK_DENSITY = 0.2
# A heading or "label:" line this short, not worded as a sentence, introduces what follows it.
_LABEL_MAX_CHARS = 80
_LABEL_MAX_WORDS = 6
_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？", "\"", "”", "“", "»")


@dataclass
class Content:
    """The article's text split three ways: body, FAQ pairs and legal/commercial notices."""

    body: str
    faq: list[FaqEntry]
    disclaimer: str | None


def extract_content(doc: Document) -> Content:
    """Body, FAQ and disclaimer from one walk of the page; FAQ and notices are taken out of the body."""
    page_blocks = iter_blocks(doc.root, keep_hidden=True)
    visible = [block for block in page_blocks if not block.hidden]
    region = find_region(doc, visible)
    article_root = region.root if region is not None and region.root.tag not in ("body", "html") else None
    faq = find_faq(doc, page_blocks, article_root)
    notices = find_disclaimers(page_blocks, article_root)
    blocks = [block for block in region_blocks(visible, region)
              if not faq.covers(block.text) and not notices.covers(block.text)]
    body = join_blocks(blocks)
    if len(body) < MIN_EMBEDDED_CHARS:
        body = _embedded_body(doc) or body
    return Content(body, faq.faq, "\n\n".join(notices.texts) or None)


def _embedded_body(doc: Document) -> str | None:
    """For pages rendered by JavaScript (no visible body): the article text in their script data."""
    text = json_ld_article_text(doc)
    if text:
        return text
    html = next_flight_html(doc) or script_state_html(doc)
    if html is None:
        return None
    fragment = Document.parse(f"<html><body><article>{html}</article></body></html>", doc.url)
    visible = [block for block in iter_blocks(fragment.root) if not block.hidden]
    return join_blocks(region_blocks(visible, find_region(fragment, visible))) or None


def region_blocks(page_blocks: list[Block], region: Region | None) -> list[Block]:
    """The article's text blocks in reading order, furniture removed (`page_blocks`: the page's
    visible blocks)."""
    if region is None:
        return []
    blocks = blocks_within(page_blocks, region.root, region.skips, _PROTECTED_SHARE)
    blocks = [block for block in blocks if not block.boilerplate]
    blocks = [block for block in _standfirst(page_blocks, region.root) + blocks if not is_furniture_block(block)]
    return _without_orphan_labels(blocks, page_blocks)


def _without_orphan_labels(blocks: list[Block], page_blocks: list[Block]) -> list[Block]:
    """Headings and "label:" lines that introduced something the rules took out ("Related coverage"
    over a dropped link list, "More news:" over teasers) go with it: a short heading right before
    dropped blocks with nothing kept in its section, a short label line right before a dropped link
    list or boilerplate. A heading that reads as a sentence is text set large, and stays."""
    kept = {(block.element, block.text) for block in blocks}
    following: dict = {}
    for previous, block in pairwise(page_blocks):
        following[(previous.element, previous.text)] = block
    out = []
    for index, block in enumerate(blocks):
        after = following.get((block.element, block.text))
        if block.chars > _LABEL_MAX_CHARS or block.text.endswith(_SENTENCE_END) or after is None or \
                (after.element, after.text) in kept:
            out.append(block)
            continue
        if block.heading:
            next_kept = blocks[index + 1] if index + 1 < len(blocks) else None
            if next_kept is None or 0 < next_kept.heading <= block.heading:
                continue
        elif block.text.endswith(":") and len(block.text.split()) <= _LABEL_MAX_WORDS and \
                (after.boilerplate or after.link_density > 0.5):
            continue
        out.append(block)
    return out


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
    return any(is_furniture_element(ancestor) for ancestor in element.iterancestors()) or \
        is_furniture_element(element)


def join_blocks(blocks: list[Block]) -> str:
    return "\n\n".join(block.text for block in blocks)
