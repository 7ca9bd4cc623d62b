"""FAQ and disclaimer sections, found on the lxml tree and separated from the body.

FAQ: schema.org FAQPage JSON-LD first; otherwise a visible block opened by an "FAQ"-type heading
(rules.FAQ_HEADING, many languages) whose question/answer pairs follow it: a question is a short
block ending in a question mark (a heading, <dt>, <summary>, bold line...), its answer is the text
up to the next question. The section ends at a rule (<hr>) or at a heading that is not a question.

Disclaimer: short blocks anywhere on the page (outside the site footer, navigation and consent
boxes) that match one of rules.DISCLAIMER_PATTERNS: advice notices, position disclosures,
affiliate/commission, sponsorship and "views are the author's own" notices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .article import FaqEntry
from .blocks import Block, class_and_id, is_always_boilerplate, is_hidden, iter_blocks
from .document import Document
from .rules import (
    AD_SLOT_TOKENS,
    DISCLAIMER_KEYWORDS,
    DISCLAIMER_MAX_CHARS,
    DISCLAIMER_MIN_CHARS,
    DISCLAIMER_PATTERN,
    FAQ_HEADING,
    FAQ_HEADING_MAX_CHARS,
    HEADING_LEVELS,
    NEVER_TEXT_TAGS,
    QUESTION_MAX_CHARS,
    SPONSOR_LABEL_WINDOW,
    SPONSOR_LABELS,
)

_QUESTION_MARKS = ("?", "？", "؟")
_FAQ_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6", "p", "strong", "b", "summary")
_MAX_CLIMB = 3  # levels to climb from a wrapped FAQ heading to reach the question/answer siblings
_MIN_PAIRS_UNDER_PLAIN_HEADING = 2  # a bold "FAQ" line is less sure than an <h2>: ask for more pairs
_SITE_CHROME_TAGS = ("footer", "nav")
_ADVERT_SLOT_LEVELS = 3  # the label, its parent and grandparent
_WORDS = re.compile(r"[^a-z0-9]+")
_SITE_CHROME_ROLES = ("contentinfo", "navigation")


@dataclass
class Section:
    """What a section finder found, and the page text it covers (to take out of the body)."""

    faq: list[FaqEntry] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # page text the section covers, in page order


def _entries_from_json_ld(doc: Document) -> list[FaqEntry]:
    out: list[FaqEntry] = []
    for obj in doc.json_ld:
        kinds = obj.get("@type") if isinstance(obj.get("@type"), list) else [obj.get("@type")]
        if "FAQPage" not in kinds:
            continue
        entities = obj.get("mainEntity") or []
        for entity in entities if isinstance(entities, list) else [entities]:
            if not isinstance(entity, dict):
                continue
            answer = entity.get("acceptedAnswer") or {}
            if isinstance(answer, list):
                answer = answer[0] if answer else {}
            question, text = entity.get("name"), answer.get("text") if isinstance(answer, dict) else None
            if isinstance(question, str) and isinstance(text, str) and question.strip() and text.strip():
                out.append(FaqEntry(_plain(question), _plain(text)))
    return out


def _plain(text: str) -> str:
    """JSON-LD answers may carry HTML markup: keep the words only."""
    if "<" in text:
        import lxml.html

        try:
            text = lxml.html.fragment_fromstring(text, create_parent="div").text_content()
        except (ValueError, TypeError):
            pass
    return " ".join(text.split())


def _is_question(block: Block) -> bool:
    return block.text.endswith(_QUESTION_MARKS) and block.chars <= QUESTION_MAX_CHARS


def _heading_level(element) -> int:
    return HEADING_LEVELS.get(element.tag, 7) if isinstance(element.tag, str) else 7


def _following_blocks(anchor) -> list[Block]:
    """Blocks of the anchor's following siblings, up to a horizontal rule."""
    blocks: list[Block] = []
    for sibling in anchor.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in NEVER_TEXT_TAGS or is_hidden(sibling):
            continue
        if sibling.tag == "hr":
            break
        blocks.extend(iter_blocks(sibling))
    return blocks


def _pairs_after(heading) -> tuple[list[FaqEntry], list[Block]]:
    """Question/answer pairs that follow an FAQ heading, climbing out of wrappers if needed."""
    anchor = heading
    if heading.getparent() is not None and heading.tag in ("strong", "b", "span"):
        anchor = heading.getparent()
    for _ in range(_MAX_CLIMB + 1):
        blocks = _following_blocks(anchor)
        if blocks:
            return _pair_up(blocks, _heading_level(heading))
        anchor = anchor.getparent()
        if anchor is None or anchor.tag in ("body", "html"):
            break
    return [], []


def _pair_up(blocks: list[Block], faq_level: int) -> tuple[list[FaqEntry], list[Block]]:
    entries: list[FaqEntry] = []
    used: list[Block] = []
    question, answer = None, []
    for block in blocks:
        if _is_question(block):
            if question is not None and answer:
                entries.append(FaqEntry(question.text, " ".join(part.text for part in answer)))
                used += [question, *answer]
            question, answer = block, []
        elif block.heading and (question is None or block.heading <= faq_level or answer):
            break  # a heading that is not a question ends the section
        elif question is not None:
            answer.append(block)
    if question is not None and answer:
        entries.append(FaqEntry(question.text, " ".join(part.text for part in answer)))
        used += [question, *answer]
    return entries, used


def _faq_headings(doc: Document):
    for element in doc.root.iter(*_FAQ_HEADING_TAGS):
        text = element.text_content()
        if len(text) > FAQ_HEADING_MAX_CHARS * 2:  # cheap guard before normalising big divs
            continue
        text = " ".join(text.split())
        if text and len(text) <= FAQ_HEADING_MAX_CHARS and FAQ_HEADING.search(text) \
                and not _in_site_chrome(element) and element.find(".//a") is None:
            yield element, text


def find_visible_faq(doc: Document) -> Section:
    for heading, heading_text in _faq_headings(doc):
        entries, used = _pairs_after(heading)
        needed = 1 if heading.tag.startswith("h") else _MIN_PAIRS_UNDER_PLAIN_HEADING
        if len(entries) >= needed:
            return Section(entries, [heading_text, *(block.text for block in used)])
    return Section()


def find_faq(doc: Document) -> Section:
    """JSON-LD FAQPage when present (its visible copy is taken out of the body too), else visible."""
    visible = find_visible_faq(doc)
    declared = _entries_from_json_ld(doc)
    if not declared:
        return visible
    texts = list(visible.texts)
    for entry in declared:
        texts += [entry.question, entry.answer]
    return Section(declared, texts)


def _in_site_chrome(element) -> bool:
    """Inside the page-wide footer or navigation (not an article's own footer), or a consent box."""
    lineage = [element, *element.iterancestors()]
    if any(ancestor.tag == "article" for ancestor in lineage):
        return False  # an article's own footer is part of the article
    for ancestor in lineage:
        if ancestor.tag in _SITE_CHROME_TAGS or (ancestor.get("role") or "") in _SITE_CHROME_ROLES:
            return True
        if class_and_id(ancestor).strip() and is_always_boilerplate(ancestor):
            return True
    return False


def is_disclaimer_text(text: str) -> bool:
    return DISCLAIMER_KEYWORDS.search(text) is not None and DISCLAIMER_PATTERN.search(text) is not None


def find_disclaimers(page_blocks: list[Block]) -> Section:
    """Notice blocks of the page, in page order, each text once."""
    labels = _sponsor_labels_by_headline(page_blocks)
    texts: list[str] = []
    for block in page_blocks:
        if block.text in texts:
            continue
        if block in labels or (DISCLAIMER_MIN_CHARS <= block.chars <= DISCLAIMER_MAX_CHARS
                               and is_disclaimer_text(block.text) and not _in_site_chrome(block.element)):
            texts.append(block.text)
    return Section(texts=texts)


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
        if not AD_SLOT_TOKENS.isdisjoint(_WORDS.split(class_and_id(candidate))):
            return True
    return False
