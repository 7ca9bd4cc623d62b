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
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import islice, pairwise

from lxml import etree

from core.article import FaqEntry

from .blocks import (
    Block,
    blocks_within,
    is_always_boilerplate,
    is_prose,
    iter_blocks,
    resolve_boilerplate,
    weighted_length,
)
from .chrome import class_words
from .clean import is_furniture_block
from .container import Region, find_region, is_furniture_element
from .document import Document
from .embedded import json_ld_article_text, next_flight_html, script_state_html
from .faq import find_faq
from .notices import find_disclaimers
from .rules import LEAD_MARKERS, OPENING_MARKS, SENTENCE_ENDS, SENTENCE_OR_QUOTE_ENDS
from .site import compiled_selector

# Inside the region a boilerplate-marked subtree is kept only when it wraps more than this share
# of the prose (a layout wrapper); a fact box or related list beside the body is dropped.
_PROTECTED_SHARE = 0.7
# A standfirst between the headline and the body: prose-like, not a link list.
_LEAD_MIN_CHARS = 25
_LEAD_MAX_LINK_DENSITY = 0.2
# A body shorter than this (or than the page's description) is a stub: look again without class names.
_STUB_MAX_CHARS = 250
_STUB_GAIN = 2
# A slideshow's legends count their slides ("14/50 Burberry's autumn campaign"): this many of one
# count make an embedded gallery, dropped when the rest of the region is an article of its own.
_SLIDE_COUNTER = re.compile(r"\s*(\d{1,3}) ?/ ?(\d{1,3})\s")
_SLIDESHOW_MIN_SLIDES = 4
_SLIDESHOW_MIN_REST = 1000
# A heading or "label:" line this short, not worded as a sentence, introduces what follows it.
_LABEL_MAX_CHARS = 80
_LABEL_MAX_WORDS = 6
# A teaser: a linked headline, then up to three short lines (excerpt, byline, date); three or more
# teasers in a row are a list of other stories.
_HEADLINE_MIN_CHARS = 15
_HEADLINE_MAX_CHARS = 200
_TEASER_MAX_LINES = 3
_TEASER_MAX_CHARS = 400
_TEASER_MIN_RUN = 3
# ... two when each teaser is a card of its own (an <article> or <li> around it).
_CARD_MIN_RUN = 2
_CARD_LEVELS = 2
_TEASER_ITEM_LEVELS = 3
# A caption: at most this long, in a wrapper of at most this many children (picture, line, credit).
_CAPTION_MAX_CHARS = 250
_CAPTION_WRAPPER_CHILDREN = 3
_NOT_CAPTION_ENDS = tuple(end for end in SENTENCE_ENDS if end != ".")  # a caption may end in a full stop
# A line this short that the page repeats word for word is interface.
_REPEATED_LINE_MAX_CHARS = 40


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
    # The page's visible blocks, in reading order: the title reads the lines above the body, the
    # authors the byline lines around it.
    page_blocks: list[Block] = field(default_factory=list)

    def body_start(self) -> int | None:
        """Where the body's first block stands in page_blocks; None without either, or when the
        body is not the page's own text (script data)."""
        if not self.blocks or not self.page_blocks:
            return None
        first = self.blocks[0].element
        return next((index for index, block in enumerate(self.page_blocks) if block.element is first), None)

    def body_end(self) -> int | None:
        """Where the body's last block stands in page_blocks (None as for body_start)."""
        if not self.blocks or not self.page_blocks:
            return None
        last, page = self.blocks[-1].element, self.page_blocks
        return next((index for index in range(len(page) - 1, -1, -1) if page[index].element is last), None)


def extract_content(doc: Document, container: str | None = None, drop: Sequence[str] = (),
                    notices: Sequence[str] = ()) -> Content:
    """Body, FAQ and disclaimer from one walk of the page; FAQ and notices are taken out of the body.

    A site profile's hints (CSS or XPath selectors, scraper/extract/sites/): `container` is the
    article element (when it matches; else the container is found as usual), `drop` elements
    whose text blocks are left out of everything read here (body, FAQ, notices), `notices` are
    disclaimer boxes."""
    page_blocks = iter_blocks(doc.root, keep_hidden=True)
    if drop:
        dropped = _selected(doc, drop)
        page_blocks = [block for block in page_blocks if not _inside(block.element, dropped)]
    visible = [block for block in page_blocks if not block.hidden]
    chosen = next((found for found in compiled_selector(container)(doc.root) if not isinstance(found, str)),
                  None) if container else None
    region = Region(chosen) if chosen is not None else find_region(doc, visible)
    title = _page_title(doc)
    blocks = _without_slideshow(region_blocks(visible, region, title))
    embedded = None
    if _is_stub(blocks, doc):
        # The safety net: the page's script data, else the region found without class names.
        embedded = _embedded_body(doc)
        if embedded is None or weighted_length(embedded[0]) < _STUB_GAIN * _chars(blocks):
            embedded = None
            if chosen is None:  # a profile's container is the article, however short
                region, blocks = _unmarked_region(doc, visible, region, blocks, title)
    article_root = region.root if region is not None and region.root.tag not in ("body", "html") else None
    faq = find_faq(doc, page_blocks, article_root)
    found = find_disclaimers(page_blocks, article_root)
    marked = _selected(doc, notices) if notices else set()
    declared = list(dict.fromkeys(block.text for block in page_blocks if marked and _inside(block.element, marked)
                                  and block.text not in found.texts))
    blocks = [block for block in blocks
              if not faq.covers(block.text) and not found.covers(block.text) and block.text not in declared]
    disclaimer = "\n\n".join(found.texts + declared) or None
    if not embedded:
        return Content(join_blocks(blocks), faq.faq, disclaimer, blocks, region.root if region else None, visible)
    # The visible stub is often the standfirst the script data leaves out: it goes in front.
    text, embedded_blocks = embedded
    lead = [block for block in blocks if block.text not in text and is_prose(block)]
    body = "\n\n".join([block.text for block in lead] + [text])
    # body_html is built from blocks when the script data came as HTML, else from the body's text.
    return Content(body, faq.faq, disclaimer, lead + embedded_blocks if embedded_blocks else [], None, visible)


def _selected(doc: Document, selectors: Sequence[str]) -> set:
    """Elements the selectors match (a profile's hints)."""
    return {found for selector in selectors for found in compiled_selector(selector)(doc.root)
            if not isinstance(found, str)}


def _without_slideshow(blocks: list[Block]) -> list[Block]:
    """The region without a gallery embedded in it: the smallest element around the slide legends
    of one count ("1/50" ... "50/50"), when what is left is still an article (a gallery article
    keeps its slides)."""
    slides: dict[str, dict[str, Block]] = {}
    for block in blocks:
        counter = _SLIDE_COUNTER.match(block.text)
        if counter and 0 < int(counter.group(1)) <= int(counter.group(2)):
            slides.setdefault(counter.group(2), {}).setdefault(counter.group(1), block)
    legends = max(slides.values(), key=len, default={})
    if len(legends) < _SLIDESHOW_MIN_SLIDES:
        return blocks
    gallery = _smallest_around([block.element for block in legends.values()])
    rest = [block for block in blocks if gallery is None or not _inside(block.element, {gallery})]
    return rest if _chars(rest) >= _SLIDESHOW_MIN_REST else blocks


def _smallest_around(elements: list):
    """The innermost element holding all of `elements`."""
    shared = [elements[0], *elements[0].iterancestors()]
    for other in elements[1:]:
        around = {other, *other.iterancestors()}
        shared = [element for element in shared if element in around]
    return shared[0] if shared else None


def _inside(element, elements: set) -> bool:
    return element in elements or any(ancestor in elements for ancestor in element.iterancestors())


def _page_title(doc: Document) -> str:
    return " ".join(f"{doc.title} {doc.meta_first('og:title') or ''}".split()).lower()


def _chars(blocks: list[Block]) -> int:
    return sum(block.chars for block in blocks)


def _is_stub(blocks: list[Block], doc: Document) -> bool:
    """Too little text for an article, or less than the page's own summary says there is."""
    chars = _chars(blocks)
    summary = doc.meta_first("description", "og:description") or ""
    return chars < _STUB_MAX_CHARS or chars < weighted_length(summary)


def _unmarked_region(doc: Document, visible: list[Block], region: Region | None, blocks: list[Block],
                     title: str):
    """The safety net for a stub: the region found again with class names ignored (a gallery, a
    slideshow or a teaser-classed lead can hold a whole article), except comment threads and consent
    boxes. Kept only when it holds much more text."""
    unmarked = [replace(block, marks=tuple(mark for mark in block.marks if is_always_boilerplate(mark)))
                for block in visible]
    resolve_boilerplate(unmarked)
    wider = find_region(doc, unmarked)
    wider_blocks = region_blocks(unmarked, wider, title)
    if _chars(wider_blocks) >= _STUB_GAIN * _chars(blocks) + _STUB_MAX_CHARS / 2:
        return wider, wider_blocks
    return region, blocks


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
    visible = [block for block in iter_blocks(fragment.root) if not block.hidden]
    blocks = region_blocks(visible, find_region(fragment, visible))
    return (join_blocks(blocks), blocks) if blocks else None


def region_blocks(page_blocks: list[Block], region: Region | None, title: str = "") -> list[Block]:
    """The article's text blocks in reading order, furniture removed (`page_blocks`: the page's
    visible blocks)."""
    if region is None:
        return []
    blocks = blocks_within(page_blocks, region.root, region.skips, _PROTECTED_SHARE)
    blocks = _without_teaser_runs([block for block in blocks if not block.boilerplate])
    blocks = [block for block in _standfirst(page_blocks, region.root, title) + blocks if not is_furniture_block(block)]
    blocks = [block for block in blocks if not _is_picture_caption(block)]
    return _without_orphan_labels(_without_repeated_lines(blocks, page_blocks), page_blocks)


def _is_picture_caption(block: Block) -> bool:
    """A short line that shares a small wrapper with a picture and nothing else (picture + line): a
    caption without <figure> or a class that says so."""
    if block.heading or block.chars > _CAPTION_MAX_CHARS or block.text.endswith(_NOT_CAPTION_ENDS):
        return False
    element, wrapper = block.element, block.element.getparent()
    if wrapper is None or len(wrapper) > _CAPTION_WRAPPER_CHILDREN or _holds_picture(element):
        return False
    others = [child for child in wrapper if child is not element]
    return any(_holds_picture(child) and not "".join(child.itertext()).strip() for child in others) and \
        " ".join(wrapper.text_content().split()) == block.text


def _holds_picture(element) -> bool:
    return element.tag in ("img", "picture") or next(element.iterdescendants("img", "picture"), None) is not None


def _without_repeated_lines(blocks: list[Block], page_blocks: list[Block]) -> list[Block]:
    """A short line the page repeats word for word outside the article too ("Story saved" on every
    story card, an embed's privacy placeholder) is interface, not text."""
    short = {block.text for block in blocks if block.chars <= _REPEATED_LINE_MAX_CHARS and not block.heading
             and not block.text.endswith(SENTENCE_OR_QUOTE_ENDS)}
    if not short:
        return blocks
    inside = {(block.element, block.text) for block in blocks}
    elsewhere = {block.text for block in page_blocks
                 if block.text in short and (block.element, block.text) not in inside}
    return [block for block in blocks if block.text not in elsewhere]


def _without_teaser_runs(blocks: list[Block]) -> list[Block]:
    """Lists of teasers to other stories: a linked headline followed by a short excerpt (and a byline or
    date), three times or more in a row, each teaser shaped like the others, the headline set apart
    from the excerpt by its element. The headlines go as link lists; this takes their excerpts.
    (Links set between an article's paragraphs, in paragraphs like them, are not teasers.)"""
    drop: set[int] = set()
    run: list[tuple[int, int]] = []  # (first, end) block index of each teaser of the current run
    shape = None
    index = 0
    while index <= len(blocks):
        item = _teaser_at(blocks, index)
        if item is not None and (not run or (run[-1][1] == index and item[1] == shape)):
            run.append((index, item[0]))
            shape = item[1]
            index = item[0]
            continue
        if len(run) >= (_CARD_MIN_RUN if shape and shape[2] else _TEASER_MIN_RUN):
            drop.update(range(run[0][0], run[-1][1]))
        run, shape = [], None
        if item is not None:
            continue  # a teaser of another shape may start a run of its own
        index += 1
    return [block for position, block in enumerate(blocks) if position not in drop]


def _teaser_at(blocks: list[Block], index: int):
    """(end index, shape) of a teaser starting at blocks[index], or None. The headline and the excerpt
    share an item: an element holding only this teaser's blocks, or a close ancestor (a list) when the
    headline's element differs from the excerpt's (<dt>/<dd>, <h3>/<p class=excerpt>)."""
    if index >= len(blocks) or not _is_headline_link(blocks[index]):
        return None
    end = index + 1
    while end < len(blocks) and end - index <= _TEASER_MAX_LINES and not _is_headline_link(blocks[end]) \
            and blocks[end].chars <= _TEASER_MAX_CHARS:
        end += 1
    if end == index + 1:
        return None
    if not blocks[index + 1].text[0].isalnum() and blocks[index + 1].text[0] not in OPENING_MARKS:
        return None  # ". the Guardian. Retrieved 2022-03-23": the line goes on after its link (a citation)
    headline, excerpt = blocks[index].element, blocks[index + 1].element
    item = _common_ancestor(headline, excerpt, _TEASER_ITEM_LEVELS)
    if item is None:
        return None
    neighbours = [blocks[position].element for position in (index - 1, end) if 0 <= position < len(blocks)]
    own_item = not any(_inside(element, {item}) for element in neighbours)
    if _signature(headline) == _signature(excerpt) and not own_item:
        return None
    card = own_item and any(node.tag in ("article", "li") for node in (item, *islice(item.iterancestors(), _CARD_LEVELS)))
    return end, (_signature(headline), _signature(excerpt), card)


def _common_ancestor(headline, excerpt, levels: int):
    """The nearest element holding both, at most `levels` above the headline (None if farther)."""
    item = headline
    for _ in range(levels + 1):
        if _inside(excerpt, {item}):
            return item
        item = item.getparent()
        if item is None:
            return None
    return None


def _signature(element) -> tuple:
    return element.tag, element.get("class")


def _is_headline_link(block: Block) -> bool:
    """A line that is all link, headline-long; not a table cell (a data table's linked first column)."""
    return _HEADLINE_MIN_CHARS <= block.chars <= _HEADLINE_MAX_CHARS and block.link_density >= 0.8 and \
        block.element.tag not in ("td", "th")


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
        if block.chars > _LABEL_MAX_CHARS or block.text.endswith(SENTENCE_OR_QUOTE_ENDS) \
                or after is None or (after.element, after.text) in kept:
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


def _standfirst(page_blocks: list[Block], container, title: str) -> list[Block]:
    """Prose between the headline (<h1>) and the container: the lead the body container left out.
    `title`: the page's lowercased <title> and og:title."""
    inside = set(container.iter())
    start = next((i for i, block in enumerate(page_blocks) if block.element in inside), None)
    if start is None:
        return []
    headline = next((i for i in range(start - 1, -1, -1) if page_blocks[i].heading == 1), None)
    if headline is None and title:  # no <h1>: the heading that says what the page's <title> says
        headline = next((i for i in range(start - 1, -1, -1) if page_blocks[i].heading and
                         len(page_blocks[i].text) >= _HEADLINE_MIN_CHARS and page_blocks[i].text.lower() in title), None)
    if headline is None:
        return []
    return [block for block in page_blocks[headline + 1:start]
            if (not block.boilerplate or _is_lead_marked(block.element)) and block.chars >= _LEAD_MIN_CHARS
            and block.link_density <= _LEAD_MAX_LINK_DENSITY and not _in_furniture(block.element)]


def _is_lead_marked(element) -> bool:
    """The block's element or its parent has a lead/standfirst/summary word in its class or id."""
    parent = element.getparent()
    return any(not LEAD_MARKERS.isdisjoint(class_words(candidate))
               for candidate in ((element, parent) if parent is not None else (element,)))


def _in_furniture(element) -> bool:
    return any(is_furniture_element(ancestor) for ancestor in element.iterancestors()) or \
        is_furniture_element(element)


def join_blocks(blocks: list[Block]) -> str:
    return "\n\n".join(block.text for block in blocks)
