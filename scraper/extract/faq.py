"""FAQ sections: question/answer pairs, in page order, found wherever sites put them.

1. Declared: a schema.org FAQPage in JSON-LD, else in microdata. The declaration is what the site
   means by its FAQ, so it wins; its visible copy still leaves the body.
2. Visible: a short block whose text is an FAQ heading (rules.FAQ_HEADING, many languages),
   followed by questions (a short block ending in a question mark: a sub-heading, a bold or
   numbered line, a <summary>, a <dt>; or a sub-heading worded as a question) each answered by
   every block up to the next question.
3. Marked: without such a heading, an element whose class/id says "faq" holding such pairs.

The section is the heading's following siblings (climbing out of a wrapper that holds only the
heading), up to an <hr>. It ends earlier at a heading that is not a question, at a notice
(a disclaimer follows the FAQ on many finance pages) and at boilerplate (a related-links box).
An FAQ heading in site chrome, a sidebar, a help or newsletter box, or a comment thread is not
the article's FAQ, and neither are questions without an FAQ heading (a story's "Why does it matter?").
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from core.article import FaqEntry

from .blocks import Block, iter_blocks
from .clean import is_furniture_block
from .document import Document
from .notices import is_notice_block
from .rules import (
    ANSWER_PREFIX,
    FAQ_HEADING,
    FAQ_HEADING_MAX_CHARS,
    INTERROGATIVE,
    QUESTION_MARKS,
    QUESTION_MAX_CHARS,
    QUESTION_PREFIX,
)
from .sections import NOT_A_HEADING_LEVEL, Section, belongs_to_article, section_blocks

_MIN_PAIRS_UNDER_PLAIN_HEADING = 2  # a bold "FAQ" line is less sure than an <h2>: ask for more pairs
_MICRODATA_FAQ = etree.XPath("//*[contains(@itemtype, 'schema.org/FAQPage')]")
_MICRODATA_QUESTION = etree.XPath(".//*[contains(@itemtype, 'schema.org/Question')]")


def find_faq(doc: Document, page_blocks: list[Block], article_root=None) -> Section:
    declared = _from_json_ld(doc)
    if not declared.faq and "FAQPage" in doc.html:
        declared = _from_microdata(doc)
    visible = _find_visible(page_blocks, article_root)
    if not visible.faq:
        visible = _find_marked(doc, page_blocks, article_root)
    if not declared.faq:
        return visible
    declared.texts += visible.texts
    return declared


# ------------------------------------------------------------------ declared (schema.org FAQPage)

def _from_json_ld(doc: Document) -> Section:
    entries: list[FaqEntry] = []
    for obj in doc.json_ld:
        kinds = obj.get("@type") if isinstance(obj.get("@type"), list) else [obj.get("@type")]
        if "FAQPage" not in kinds:
            continue
        questions = obj.get("mainEntity") or []
        for question in questions if isinstance(questions, list) else [questions]:
            if not isinstance(question, dict):
                continue
            answer = question.get("acceptedAnswer") or question.get("suggestedAnswer") or {}
            if isinstance(answer, list):
                answer = answer[0] if answer else {}
            name, text = question.get("name"), answer.get("text") if isinstance(answer, dict) else None
            if isinstance(name, str) and isinstance(text, str):
                entry = FaqEntry(_question_text(_markup_text(name)), _markup_text(text))
                if entry.question and entry.answer:
                    entries.append(entry)
    texts = [part for entry in entries for part in (entry.question, *entry.answer.split("\n\n"))]
    return Section(entries, texts, covering=[" ".join(entry.answer.split()) for entry in entries])


def _markup_text(text: str) -> str:
    """JSON-LD answers may carry HTML markup: its paragraphs, separated by a blank line."""
    if "<" not in text:
        return " ".join(text.split())
    try:
        fragment = lxml.html.fragment_fromstring(text, create_parent="div")
    except (ValueError, TypeError, etree.ParserError):
        return " ".join(text.split())
    return "\n\n".join(block.text for block in iter_blocks(fragment))


def _from_microdata(doc: Document) -> Section:
    entries: list[FaqEntry] = []
    texts: list[str] = []
    for page in _MICRODATA_FAQ(doc.root):
        for question in _MICRODATA_QUESTION(page):
            name = _itemprop(question, "name")
            answer = _itemprop(question, "acceptedAnswer")
            answer_text = _itemprop(answer, "text") if answer is not None else None
            answer_text = answer_text if answer_text is not None else answer
            if name is None or answer_text is None:
                continue
            question_blocks, answer_blocks = iter_blocks(name), iter_blocks(answer_text)
            entry = FaqEntry(_question_text(" ".join(block.text for block in question_blocks)),
                             "\n\n".join(block.text for block in answer_blocks))
            if entry.question and entry.answer:
                entries.append(entry)
                texts += [block.text for block in question_blocks + answer_blocks]
    return Section(entries, texts)


def _itemprop(scope, name: str):
    return next(scope.iterfind(f".//*[@itemprop='{name}']"), None)


# ------------------------------------------------------------------ visible (an FAQ heading)

def _find_visible(page_blocks: list[Block], article_root) -> Section:
    for index, block in enumerate(page_blocks):
        if not _is_faq_heading(block, article_root):
            continue
        level = block.heading or NOT_A_HEADING_LEVEL
        entries, used = _pair_up(section_blocks(page_blocks, index), level)
        needed = 1 if block.heading else _MIN_PAIRS_UNDER_PLAIN_HEADING
        if len(entries) >= needed:
            return Section(entries, [block.text, *(part.text for part in used)])
    return Section()


def _is_faq_heading(block: Block, article_root) -> bool:
    if block.chars > FAQ_HEADING_MAX_CHARS or block.heading == 1 or block.link_chars:
        return False
    if block.text.endswith(".") or not FAQ_HEADING.search(block.text.lower()):
        return False
    return not block.boilerplate and belongs_to_article(block.element, article_root)


def _find_marked(doc: Document, page_blocks: list[Block], article_root) -> Section:
    """An element whose class/id says FAQ (WordPress FAQ blocks: "schema-faq", "rank-math-faq"),
    without an FAQ heading in front: its own blocks are the section. A class name is a weaker sign
    than a heading, so the element must lie inside the article itself: an <article>, or the body
    container when that holds none (an account pop-up's "faq" list beside the article is not it)."""
    scopes = doc.root.findall(".//article")
    if article_root is not None and article_root.find(".//article") is None:
        scopes.append(article_root)
    tried: set = set()
    for scope in scopes:
        for element in _FAQ_MARKED(scope):
            if any(ancestor in tried for ancestor in element.iterancestors()):
                continue  # inside an FAQ-marked element already read
            tried.add(element)
            if not belongs_to_article(element, article_root):
                continue
            inside = set(element.iter())
            blocks = [block for block in page_blocks if block.element in inside]
            if not blocks or all(block.boilerplate for block in blocks):
                continue
            heading = [block for block in blocks[:1] if _is_faq_heading(block, article_root)]
            entries, used = _pair_up(blocks[len(heading):], NOT_A_HEADING_LEVEL)
            if entries:
                return Section(entries, [block.text for block in heading + used])
    return Section()


# Plain contains() per spelling: translate() on every element's class costs a millisecond a page.
_SAYS_FAQ = " or ".join(f"contains(@{attribute}, '{spelling}')"
                        for attribute in ("class", "id") for spelling in ("faq", "Faq", "FAQ"))
_FAQ_MARKED = etree.XPath(f"descendant-or-self::*[{_SAYS_FAQ}]")


def _pair_up(blocks: list[Block], faq_level: int) -> tuple[list[FaqEntry], list[Block]]:
    entries: list[FaqEntry] = []
    used: list[Block] = []
    question: str | None = None
    taken: list[Block] = []  # the question's own blocks and its answer's
    answer: list[str] = []

    def close() -> None:
        if question and answer:
            entries.append(FaqEntry(question, "\n\n".join(answer)))
            used.extend(taken)

    for block in blocks:
        if is_notice_block(block):
            break  # the notice after an FAQ is not part of its last answer
        if block.boilerplate and not block.hidden:
            if is_furniture_block(block):
                continue  # an advert label between two answers
            break  # a related-links or newsletter box after the FAQ
        inline = _inline_question(block)
        # An FAQ whose questions carry the mark does not go on with an unmarked "How we tested".
        unmarked_ok = not any(entry.question.endswith(QUESTION_MARKS) for entry in entries) and \
            not (question or "").endswith(QUESTION_MARKS)
        if inline is not None or _is_question(block, faq_level, unmarked_ok):
            close()
            question, taken = _question_text(inline[0] if inline else block.text), [block]
            answer = [inline[1]] if inline and inline[1] else []
        elif block.heading and (question is None or block.heading <= faq_level or answer):
            break  # a heading that is not a question ends the section
        elif question is not None and not is_furniture_block(block):
            answer.append(ANSWER_PREFIX.sub("", block.text))
            taken.append(block)
    close()
    return entries, used


def _is_question(block: Block, faq_level: int, unmarked_ok: bool) -> bool:
    """A short block ending in a question mark; or, under the FAQ heading, a sub-heading worded as
    a question without the mark ("What is staking"), unless the FAQ's questions so far had it."""
    if block.chars > QUESTION_MAX_CHARS:
        return False
    if block.text.endswith(QUESTION_MARKS):
        return True
    return unmarked_ok and faq_level < block.heading and \
        INTERROGATIVE.search(_question_text(block.text).lower()) is not None


def _inline_question(block: Block) -> tuple[str, str] | None:
    """A paragraph that opens with a bold question and goes on with its answer:
    <p><strong>Is it safe?</strong> Yes, ...</p> -> ("Is it safe?", "Yes, ...")."""
    first = next(iter(block.element), None)
    if first is None or first.tag not in ("strong", "b") or (block.element.text or "").strip():
        return None
    lead = " ".join(first.text_content().split())
    if not lead.endswith(QUESTION_MARKS) or len(lead) > QUESTION_MAX_CHARS or not block.text.startswith(lead):
        return None
    rest = block.text[len(lead):].strip()
    return (lead, ANSWER_PREFIX.sub("", rest)) if rest else None


def _question_text(text: str) -> str:
    return QUESTION_PREFIX.sub("", text).strip()
