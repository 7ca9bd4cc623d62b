"""Line-level cleaning of the article container's blocks: what is furniture even inside the article.

Each rule looks at one block's text (and its link share); the vocabulary lives in rules.py.
"""

from __future__ import annotations

import re

from .blocks import Block
from .rules import (
    BARE_ADDRESS,
    CALL_TO_ACTION,
    CALL_TO_ACTION_MAX_CHARS,
    CAPTION_CREDIT_SUFFIX,
    CONTRIBUTOR_CREDIT,
    COOKIE_LINE,
    CREDIT_OR_BYLINE,
    DATE_LIKE,
    EMAIL,
    FURNITURE_LINES,
    PICTURE_AGENCY,
    PICTURE_AGENCY_MAX_WORDS,
    RELATIVE_TIME,
    SENTENCE_ENDS,
    SENTENCE_OR_QUOTE_ENDS,
    TEASER_PREFIX,
    TEMPLATE_PLACEHOLDER,
)

_MAX_LINK_DENSITY = 0.5  # a block mostly made of links is a link list, unless it reads as a sentence
_LINKED_SENTENCE_MIN_CHARS = 60
_SHORT_LINE = 80  # characters: credit, byline and date lines are shorter than this
# A dateline is a date plus a few distinct words ("Published", "Updated", a month); more make a
# headline with a time in it ("9h05 - La Bourse de Paris ouvre dans le vert"), which is text.
_DATELINE_MAX_WORDS = 3
# A line ending so reads as a sentence (or introduces what follows): no dateline.
_SENTENCE_OR_LABEL_END = SENTENCE_OR_QUOTE_ENDS + (":",)
_WORD = re.compile(r"[^\W\d_]{4,}")  # short words are month abbreviations, am/pm, time zones


def is_furniture_block(block: Block) -> bool:
    line = block.text.lower().rstrip(" :.!…»›>|")
    if line in FURNITURE_LINES or BARE_ADDRESS.match(block.text) or TEMPLATE_PLACEHOLDER.match(block.text):
        return True
    if block.link_density > _MAX_LINK_DENSITY and not _is_linked_sentence(block):
        return True
    if TEASER_PREFIX.match(block.text) and block.link_chars > 0:
        return True
    if CAPTION_CREDIT_SUFFIX.search(block.text):
        return True
    if block.chars <= CALL_TO_ACTION_MAX_CHARS and (CALL_TO_ACTION.search(block.text) or
                                                    CONTRIBUTOR_CREDIT.search(block.text) or
                                                    COOKIE_LINE.search(block.text)):
        return True
    return block.chars < _SHORT_LINE and not block.heading and _is_credit_or_dateline(block.text)


def _is_linked_sentence(block: Block) -> bool:
    """Prose whose words happen to be links (headlines, the usual link-list items, lack the full stop)."""
    return block.chars >= _LINKED_SENTENCE_MIN_CHARS and block.text.endswith(SENTENCE_ENDS)


def _is_credit_or_dateline(text: str) -> bool:
    if CREDIT_OR_BYLINE.match(text) or RELATIVE_TIME.search(text) or EMAIL.search(text):
        return True
    if PICTURE_AGENCY.search(text) and not text.endswith(SENTENCE_ENDS) and \
            (any(mark in text for mark in "/|©") or len(text.split()) <= PICTURE_AGENCY_MAX_WORDS):
        return True
    if not DATE_LIKE.search(text) or text.endswith(_SENTENCE_OR_LABEL_END):
        return False
    # Distinct words: "Published 18 November ... Updated 19 November" repeats its month.
    return len({word.lower() for word in _WORD.findall(text)}) <= _DATELINE_MAX_WORDS
