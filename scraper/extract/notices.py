"""Disclaimers: the article's legal, advice or commercial notices, joined in reading order.

A notice is one block of the page that
- says what a notice says (rules.DISCLAIMER_PATTERN: not investment advice, for reference only,
  do your own research, past performance, risk warnings, position disclosures, affiliate and
  sponsorship notices, "the views are the author's own"; several languages), and does not read as
  reporting ("..., the regulator said"): a story about disclaimers is not one; or
- sits in an element whose class/id says notice ("disclaimer", "disclosure", "risk-warning"); or
- is a bare label ("Disclaimer", "Miễn trừ trách nhiệm") heading such a notice; or
- is a bare "Sponsored"/"Anzeige" line right under the headline (it labels the article).

Notices in site chrome (the page-wide footer, navigation, comment threads) are the site's, not
the article's, and are left alone. Copyright lines, cookie text and credits are not notices.
"""

from __future__ import annotations

from .blocks import Block, is_notice_marked
from .chrome import class_words
from .rules import (
    AD_SLOT_TOKENS,
    DISCLAIMER_KEYWORDS,
    DISCLAIMER_LABEL,
    DISCLAIMER_MAX_CHARS,
    DISCLAIMER_MIN_CHARS,
    DISCLAIMER_PATTERN,
    DISCLAIMER_STEMS_PATTERN,
    GERMAN_QUOTE_PAIRS,
    MARKED_NOTICE_MAX_CHARS,
    MAX_NOTICE_MARKED_SHARE,
    NOTICE_LABEL_MAX_CHARS,
    NOTICE_SECTION_MAX_BLOCKS,
    QUOTE_PAIRS,
    REPORTING_CUES,
    SPONSOR_LABEL_WINDOW,
    SPONSOR_LABELS,
)
from .sections import NOT_A_HEADING_LEVEL, Section, belongs_to_article, section_blocks

_ADVERT_SLOT_LEVELS = 3  # the label, its parent and grandparent


def is_disclaimer_text(text: str) -> bool:
    """Notice wording, not a report about notices (reporting verbs, or the wording in quotes)."""
    text = text.lower()  # the patterns are lowercase: faster than matching with re.I
    if DISCLAIMER_STEMS_PATTERN.search(text) is None or DISCLAIMER_KEYWORDS.search(text) is None:
        return False
    match = DISCLAIMER_PATTERN.search(text)
    if match is None:
        return False
    if DISCLAIMER_LABEL.match(text) is not None:
        return True
    return REPORTING_CUES.search(text) is None and not _quoted(text, match.start())


def _quoted(text: str, position: int) -> bool:
    """Is `position` inside a quotation ("...", “...”, «...», „...“)?"""
    before = text[:position]
    if before.count('"') % 2 == 1:
        return True
    pairs = GERMAN_QUOTE_PAIRS if "„" in before else QUOTE_PAIRS
    for opening, closing in pairs:
        start = before.rfind(opening)
        if start > -1 and closing not in before[start + 1:]:
            return True
    return False


def is_notice_block(block: Block, trust_marks: bool = True) -> bool:
    """Does this block read as a notice, or sit in an element whose class/id says notice?
    (Where it sits on the page is for the caller to judge.)"""
    if block.chars < DISCLAIMER_MIN_CHARS:
        return False
    if block.notice_marked and trust_marks:
        return block.chars <= MARKED_NOTICE_MAX_CHARS
    # A heading is a title, not a notice ("Court upholds rule on affiliate-link disclosures").
    return not block.heading and block.chars <= DISCLAIMER_MAX_CHARS and is_disclaimer_text(block.text)


def find_disclaimers(page_blocks: list[Block], article_root=None) -> Section:
    """Notice blocks of the page, in page order, each text once."""
    chosen = set(map(id, _sponsor_labels_by_headline(page_blocks)))
    trust_marks = _marks_are_notices(page_blocks, article_root)
    for index, block in enumerate(page_blocks):
        if id(block) in chosen:
            continue
        # Where a block sits is dearer to judge than its words: ask only of notice-like blocks.
        if _is_notice_label(block):
            section = _notice_section(page_blocks, index, article_root) if belongs_to_article(block.element, article_root) else []
            if section:
                chosen.update(map(id, [block, *section]))
        elif is_notice_block(block, trust_marks) and belongs_to_article(block.element, article_root):
            chosen.add(id(block))
    texts: list[str] = []
    for block in page_blocks:
        if id(block) in chosen and block.text not in texts:
            texts.append(block.text)
    return Section(texts=texts)


def _is_notice_label(block: Block) -> bool:
    """A line that is only a notice label: "Disclaimer", "Important disclosures", "Risikohinweis"."""
    return block.chars <= NOTICE_LABEL_MAX_CHARS and \
        DISCLAIMER_LABEL.fullmatch(block.text.lower().rstrip(" :") + ":") is not None


def _notice_section(page_blocks: list[Block], index: int, article_root) -> list[Block]:
    """The blocks a notice label heads: its section, up to the next heading as high as the label,
    and no more than a notice box holds."""
    level = page_blocks[index].heading or NOT_A_HEADING_LEVEL
    section: list[Block] = []
    for block in section_blocks(page_blocks, index)[:NOTICE_SECTION_MAX_BLOCKS]:
        if (block.heading and block.heading <= level) or block.chars > MARKED_NOTICE_MAX_CHARS \
                or (block.boilerplate and not block.notice_marked) or not belongs_to_article(block.element, article_root):
            break
        section.append(block)
    return section


def _marks_are_notices(page_blocks: list[Block], article_root) -> bool:
    """A class that says "disclaimer" on a wrapper of the article text is a layout name: the body
    container and the elements around it must not carry it, and marked blocks must not be most of
    the container's text (or, without a container, of the page's)."""
    if not any(block.notice_marked for block in page_blocks):
        return True
    blocks = [block for block in page_blocks if not block.hidden]
    if article_root is not None:
        if any(is_notice_marked(node) for node in (article_root, *article_root.iterancestors())):
            return False
        inside = set(article_root.iter())
        blocks = [block for block in blocks if block.element in inside]
    marked = sum(block.chars for block in blocks if block.notice_marked)
    return marked <= MAX_NOTICE_MARKED_SHARE * sum(block.chars for block in blocks)


def _sponsor_labels_by_headline(page_blocks: list[Block]) -> list[Block]:
    """A bare "Anzeige"/"Sponsored" line in the few blocks after the <h1> labels the article itself,
    unless it sits in an advert slot (class/id with advert words), which it labels instead."""
    headline = next((i for i, block in enumerate(page_blocks) if block.heading == 1 and not block.hidden), None)
    if headline is None:
        return []
    return [block for block in page_blocks[headline + 1:headline + 1 + SPONSOR_LABEL_WINDOW]
            if not block.hidden and block.text.lower().strip(" :|") in SPONSOR_LABELS
            and not _in_advert_slot(block.element)]


def _in_advert_slot(element) -> bool:
    for candidate in [element, *element.iterancestors()][:_ADVERT_SLOT_LEVELS]:
        if not AD_SLOT_TOKENS.isdisjoint(class_words(candidate)):
            return True
    return False
