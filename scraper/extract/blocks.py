"""Turn an lxml subtree into text blocks (paragraphs) in reading order, in one walk.

A block is the text between two block-level boundaries (a <p>, a heading, a list item, a <br>...),
with what the extractor needs to judge it: its innermost block element, heading level, how much
of it is link text, and whether an ancestor is marked as boilerplate by its class/id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from lxml import etree

from .chrome import names_of, plain_names, slug_words, without_states, words_of
from .rules import (
    ALWAYS_BOILERPLATE_TAGS,
    ALWAYS_BOILERPLATE_TOKENS,
    BLOCK_TAGS,
    BOILERPLATE_ROLES,
    BOILERPLATE_SUBSTRINGS,
    BOILERPLATE_TOKENS,
    CJK,
    CONTENT_MARKERS,
    DEFERRED_CLASS_SUBSTRINGS,
    HEADING_LEVELS,
    HIDDEN_CLASSES,
    HIDDEN_STYLE,
    NEVER_TEXT_TAGS,
    NOTICE_REGION_MARKERS,
    PAGE_TAGS,
    QUESTION_MARKS,
    RESPONSIVE_DISPLAY,
    SITE_CHROME_TAGS,
    STREAMED_FRAGMENT_ID,
    literal_alternation,
)

_CONTENT_MARKER = literal_alternation(CONTENT_MARKERS)
_BOILERPLATE_SUBSTRING = literal_alternation(BOILERPLATE_SUBSTRINGS)
# Structural tags that say "this is the page / the article": their class words are not trusted.
_NEVER_BOILERPLATE_TAGS = PAGE_TAGS | {"article"}


_PROSE_MIN_CHARS = 80
_PROSE_MAX_LINK_SHARE = 0.3
# A boilerplate mark is trusted when it wraps at most this share of the walked fragment's prose.
_TRUSTED_MARK_SHARE = 0.4
# A comment-thread or footer mark around (nearly) all the page's prose is a layout wrapper
# ("region-body-and-footer"), not a thread: the article is inside it. Real threads reach 0.91.
_ALWAYS_MARK_MAX_SHARE = 0.95


@dataclass
class Block:
    element: etree._Element  # innermost block-level element holding the text
    text: str  # whitespace-normalised
    chars: int  # non-space characters
    link_chars: int  # non-space characters inside <a>
    marks: tuple  # ancestors (within the walked fragment) whose class/id says boilerplate
    heading: int = 0  # 1-6 for <h1>-<h6>, else 0
    boilerplate: bool = False  # inside a trusted boilerplate mark (set by iter_blocks)
    hidden: bool = False  # inside an element hidden by markup (walked only with keep_hidden)
    notice_marked: bool = False  # inside an element whose class/id says disclaimer/disclosure/...

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


def is_always_boilerplate(element) -> bool:
    """Marks trusted whatever they wrap: comment threads, consent dialogs, page footers."""
    return element.tag in ALWAYS_BOILERPLATE_TAGS or _names_say_always_boilerplate(names_of(element))


def is_boilerplate_marked(element, names: str | None = None) -> bool:
    """Class/id/role vocabulary says navigation, share bar, related box, byline, ad, ...
    (`names`: the element's names_of(), when the caller has read them already)."""
    if element.tag in SITE_CHROME_TAGS:
        return True
    role = element.get("role")
    if role and role.lower() in BOILERPLATE_ROLES:
        return True
    if element.tag in _NEVER_BOILERPLATE_TAGS or (element.get("itemprop") or "").lower() == "articlebody":
        return False
    names = names_of(element) if names is None else names
    if names == " " or not _names_say_boilerplate(names):
        return False
    # A section's id made from its heading ("sharing-with-a-single-developer") is the heading's words.
    return not (element.get("id") and _is_heading_slug(element) and
                not _names_say_boilerplate(f"{element.get('class') or ''} "))


_SLUG_MIN_WORDS = 3


def _is_heading_slug(element) -> bool:
    words = slug_words(element.get("id"))
    if len(words) < _SLUG_MIN_WORDS:
        return False
    heading = next(element.iterdescendants(*HEADING_LEVELS), None)
    return heading is not None and slug_words(heading.text_content())[:len(words)] == words


# Pages repeat the same class names hundreds of times: classify each distinct string once.
@lru_cache(maxsize=8192)
def _names_say_content(names: str) -> bool:
    return _CONTENT_MARKER.search(names.lower()) is not None


@lru_cache(maxsize=8192)
def _names_say_boilerplate(names: str) -> bool:
    if _names_say_content(names):
        return False
    if not BOILERPLATE_TOKENS.isdisjoint(words_of(without_states(names))):
        return True
    return _BOILERPLATE_SUBSTRING.search(plain_names(names)) is not None


def is_notice_marked(element) -> bool:
    """Class/id says the element holds a notice: "disclaimer", "disclosure", "risk-warning", ..."""
    return _names_say_notice(names_of(element))


@lru_cache(maxsize=8192)
def _names_say_notice(names: str) -> bool:
    names = plain_names(names, kinds=())  # "has-disclosure" describes a wrapper, it is not one
    return any(marker in names for marker in NOTICE_REGION_MARKERS)


@lru_cache(maxsize=8192)
def _names_say_always_boilerplate(names: str) -> bool:
    return not ALWAYS_BOILERPLATE_TOKENS.isdisjoint(words_of(without_states(names)))


def is_hidden(element) -> bool:
    if (element.get("aria-hidden") or "").lower() == "true":
        return True
    if element.get("hidden") is not None and not _is_deferred_content(element):
        return True
    classes = element.get("class")
    if classes and not HIDDEN_CLASSES.isdisjoint(classes.split()) and not _is_deferred_content(element) \
            and not RESPONSIVE_DISPLAY.search(classes):
        return True
    style = element.get("style")
    return bool(style and HIDDEN_STYLE.search(style))


def _is_question_button(element) -> bool:
    """An accordion's trigger holds its question: <h3><button>Q?</button></h3>, or a bare
    <button aria-expanded aria-controls>Q?</button>. Other buttons ("Share", "Menu") stay UI."""
    if element.tag != "button":
        return False
    parent = element.getparent()
    if parent is not None and parent.tag in HEADING_LEVELS:
        return True
    return (element.get("aria-expanded") is not None or element.get("aria-controls") is not None) and \
        element.text_content().strip().endswith(QUESTION_MARKS)


def _is_deferred_content(element) -> bool:
    """Hidden now, shown to the reader later: React streaming fragments and paywalled text."""
    classes = (element.get("class") or "").lower()
    return bool(STREAMED_FRAGMENT_ID.match(element.get("id") or "")) or \
        any(word in classes for word in DEFERRED_CLASS_SUBSTRINGS)


_CJK_EXTRA_WEIGHT = 2  # a CJK character carries about three Latin letters of text


def text_weight(text: str) -> int:
    """Non-space characters, a CJK character counted as three (the measure of Block.chars)."""
    return _cjk_weighted(text, len(text) - text.count(" "))


def weighted_length(text: str) -> int:
    """A text's length with its CJK characters weighed as text_weight weighs them: what a summary or
    a script's article text is compared in against blocks, so a short CJK body is not mistaken for
    a long one."""
    return _cjk_weighted(text, len(text))


def _cjk_weighted(text: str, chars: int) -> int:
    return chars if text.isascii() else chars + _CJK_EXTRA_WEIGHT * len(CJK.findall(text))


class _Collector:
    """Accumulates inline text until a block boundary, then emits one Block."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            self.parts.append(text)
            if in_link:
                self.link_chars += text_weight(" ".join(text.split()))

    def flush(self, element, marks: tuple, hidden: bool = False, notice: bool = False) -> None:
        if not self.parts:
            return
        text = " ".join("".join(self.parts).split())
        self.parts = []
        link_chars, self.link_chars = self.link_chars, 0
        if text:
            tag = element.tag if isinstance(element.tag, str) else ""
            self.blocks.append(Block(element, text, text_weight(text), min(link_chars, text_weight(text)),
                                     marks, HEADING_LEVELS.get(tag, 0), hidden=hidden, notice_marked=notice))


_NOTHING_OPEN = (False, (), False, False)  # link, marks, hidden, notice of the root's parent


def iter_blocks(root, keep_hidden: bool = False) -> list[Block]:
    """Blocks of `root` in reading order. Never-text tags contribute nothing (their tail text still
    does); hidden elements neither, unless keep_hidden, which returns their blocks flagged `hidden`
    (notices are sometimes hidden tooltips).

    A block is boilerplate when an ancestor's class/id says so, unless that ancestor holds more
    than _TRUSTED_MARK_SHARE of all the fragment's prose: a layout wrapper with an unlucky class
    name ("widget-wrap", "img_container") must not condemn the whole article."""
    out = _Collector()
    # Per open element: (is block, is link, boilerplate-marked ancestors, hidden, notice-marked).
    stack: list[tuple[bool, bool, tuple, bool, bool]] = []
    block_elements = [root]
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        tag = element.tag
        if not isinstance(tag, str):  # comment or processing instruction: only its tail is text
            out.add(element.tail, bool(stack) and stack[-1][1])
            continue
        if event == "start":
            parent_link, parent_marks, parent_hidden, parent_notice = stack[-1][1:] if stack else _NOTHING_OPEN
            if tag in BLOCK_TAGS:
                out.flush(block_elements[-1], parent_marks, parent_hidden, parent_notice)
            has_attributes = bool(element.attrib)  # most elements have none: skip the attribute rules
            hidden = parent_hidden or (has_attributes and is_hidden(element))
            if (tag in NEVER_TEXT_TAGS and not _is_question_button(element)) or (hidden and not keep_hidden):
                walker.skip_subtree()
                stack.append((False, parent_link, parent_marks, parent_hidden, parent_notice))
                continue
            is_block = tag in BLOCK_TAGS
            if has_attributes:  # class and id read once for both vocabularies
                names = names_of(element)
                marked = is_boilerplate_marked(element, names)
                notice = parent_notice or _names_say_notice(names)
            else:
                marked, notice = tag in SITE_CHROME_TAGS, parent_notice
            marks = parent_marks + (element,) if marked else parent_marks
            stack.append((is_block, parent_link or tag == "a", marks, hidden, notice))
            if is_block:
                block_elements.append(element)
            out.add(element.text, parent_link or tag == "a")
        else:
            is_block, _, marks, hidden, notice = stack.pop()
            if is_block:
                out.flush(element, marks, hidden, notice)
                block_elements.pop()
            elif tag in BLOCK_TAGS:  # a skipped block element still separates paragraphs
                out.flush(block_elements[-1], marks, hidden, notice)
            if element is not root:  # the root's tail lies outside the fragment
                out.add(element.tail, bool(stack) and stack[-1][1])
    out.flush(root, ())
    resolve_boilerplate(out.blocks)
    return out.blocks


def blocks_within(page_blocks: list[Block], root, skip: Callable[[etree._Element], bool],
                  trusted_mark_share: float) -> list[Block]:
    """The visible blocks of `root` outside subtrees for which `skip` is true, their marks resolved
    with `trusted_mark_share`, taken from the walk of the whole page (keep_hidden or not) instead of
    walking the fragment again."""
    outside = set(root.iterancestors())
    verdicts: dict = {root: not skip(root)}  # element -> inside root and not under a skipped element

    def keep(element) -> bool:
        path = []
        while element is not None and element not in verdicts:
            if element in outside:
                element = None
                break
            path.append(element)
            element = element.getparent()
        verdict = element is not None and verdicts[element]
        for step in reversed(path):
            verdict = verdict and not skip(step)
            verdicts[step] = verdict
        return verdict

    inside = [replace(block, marks=tuple(mark for mark in block.marks if mark not in outside))
              for block in page_blocks if not block.hidden and keep(block.element)]
    resolve_boilerplate(inside, trusted_mark_share)
    return inside


def resolve_boilerplate(blocks: list[Block], trusted_mark_share: float = _TRUSTED_MARK_SHARE) -> None:
    """Set each block's `boilerplate` flag from its marks (see iter_blocks)."""
    mark_chars: dict = {}
    for block in blocks:
        if is_prose(block) and not block.hidden:
            for mark in block.marks:
                mark_chars[mark] = mark_chars.get(mark, 0) + block.chars
    prose = sum(block.chars for block in blocks if is_prose(block) and not block.hidden)
    limit, always_limit = trusted_mark_share * prose, _ALWAYS_MARK_MAX_SHARE * prose
    for block in blocks:
        block.boilerplate = any(mark_chars.get(mark, 0) <= limit or
                                (is_always_boilerplate(mark) and mark_chars.get(mark, 0) < always_limit)
                                for mark in block.marks)


def is_prose(block: Block) -> bool:
    """Sentence-like text: long and mostly not links."""
    return block.chars >= _PROSE_MIN_CHARS and block.link_chars <= _PROSE_MAX_LINK_SHARE * block.chars
