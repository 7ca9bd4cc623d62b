"""What an element's markup says about where it sits: its class/id words, and site chrome.

Site chrome is what a page carries for the site rather than for one article: its frame (navigation,
menus, the page footer), boxes of other stories (sidebars, related, teasers, recommendations,
promos, widgets), comment threads and consent boxes. It is defined once, here, on the vocabulary in
rules.py (SITE_FRAME_*, STORY_BOX_*, THREAD_OR_CONSENT_WORDS), for every concern that must not read
another story's text, byline or date: the FAQ and notice finders (sections.py), bylines (authors.py)
and dates (page_dates.py), through site.PageChrome for the last two. The body's boilerplate marks
(blocks.py) are wider (share bars, bylines, adverts, ...) and build on the same tags, roles and
thread/consent words.

Class names are read by one tokeniser, `class_words`: lowercased words split at anything that is
not a letter or digit and at camelCase humps ("ArticleModuleTeaser_x" -> article, module, teaser, x).
Searched for substrings ("footer", "related"), they are read as `plain_names` gives them: lowercased,
without state modifiers ("has-sidebar") and article kinds ("commentary"); blocks.py reads them so too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .rules import (
    ARTICLE_COLUMN_SUBSTRINGS,
    ARTICLE_KIND_WORDS,
    PAGE_TAGS,
    SITE_FRAME_CLASS_SUBSTRINGS,
    SITE_FRAME_ROLES,
    SITE_FRAME_TAGS,
    STATE_MODIFIER,
    STORY_BOX_CLASS_SUBSTRINGS,
    STORY_BOX_ROLES,
    STORY_BOX_TAGS,
    THREAD_OR_CONSENT_WORDS,
)

_PARTS = re.compile(r"[^\W_]+")
_CAMEL_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[^\W\d_A-Za-z]+")


def names_of(element) -> str:
    """The element's class and id attributes as written, space-separated (" " without either)."""
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def class_and_id(element) -> str:
    """The element's class and id attributes, lowercased, space-separated."""
    return names_of(element).lower()


def class_words(element) -> frozenset[str]:
    """The words of the element's class and id (see the module docstring)."""
    return words_of(names_of(element))


# Pages repeat the same class strings hundreds of times: split each distinct string once.
@lru_cache(maxsize=8192)
def words_of(names: str) -> frozenset[str]:
    if names.islower() or not any(char.isupper() for char in names):
        return frozenset(_PARTS.findall(names))
    words = set()
    for part in _PARTS.findall(names):
        if part.islower() or part.isupper() or part.isdigit():
            words.add(part.lower())
        else:
            words.update(word.lower() for word in _CAMEL_WORD.findall(part))
    return frozenset(words)


def without_states(names: str) -> str:
    """Class/id names without state modifiers: "has-image", "with-sidebar", "is-active" describe what
    an element holds or how it is, not what it is."""
    return STATE_MODIFIER.sub(" ", names)


def plain_names(names: str, kinds: tuple[str, ...] = ARTICLE_KIND_WORDS) -> str:
    """Class/id names as class substrings are searched in: without state modifiers, lowercased,
    and without the words in `kinds` ("commentary" is an opinion piece, not a comment thread)."""
    names = without_states(names).lower()
    for word in kinds:
        names = names.replace(word, " ")
    return names


def slug_words(text: str) -> list[str]:
    """The lowercased words of an id made from a heading ("sharing-with-a-single-developer"), or of
    the heading's text, in order: split as class_words splits, without the camelCase humps."""
    return _PARTS.findall(text.lower())


def is_chrome_marked(element, boxes: bool = True, column: bool = False) -> bool:
    """The element itself is site chrome by its tag, ARIA role or class/id: the site's frame, a
    comment thread or consent box, and (with `boxes`) a box of other stories. The page's own
    elements (<html>, <body>, <main>) never are: their classes describe the layout ("has-sidebar").
    `column`: the element is inside the article's own <article>, where a "sidebar" is one of its
    columns (ARTICLE_COLUMN_SUBSTRINGS)."""
    tag = element.tag
    if tag in PAGE_TAGS:
        return False
    role = (element.get("role") or "").lower()
    if tag in SITE_FRAME_TAGS or role in SITE_FRAME_ROLES or \
            (boxes and (tag in STORY_BOX_TAGS or role in STORY_BOX_ROLES)):
        return True
    names = names_of(element)
    return names != " " and (_names_say_chrome(names.lower(), boxes, column) or is_thread_or_consent(element))


@lru_cache(maxsize=8192)
def _names_say_chrome(names: str, boxes: bool, column: bool) -> bool:
    names = plain_names(names, ARTICLE_KIND_WORDS + (ARTICLE_COLUMN_SUBSTRINGS if column else ()))
    return any(part in names for part in SITE_FRAME_CLASS_SUBSTRINGS) or \
        (boxes and any(part in names for part in STORY_BOX_CLASS_SUBSTRINGS))


def is_thread_or_consent(element) -> bool:
    """A comment thread or a consent box: chrome even inside the article."""
    return not THREAD_OR_CONSENT_WORDS.isdisjoint(class_words(element))


def headline_wrappers(headline) -> frozenset:
    """The elements around the page's headline (Document.headline, its <h1>): the article's layout,
    whatever their class says ("panel-two-col-sidebar-right", "sidebar-1" holding the main column)."""
    return frozenset(headline.iterancestors()) if headline is not None else frozenset()


def in_site_chrome(element, article_root=None, article_tag: bool = True, boxes: bool = True,
                   layout: frozenset = frozenset()) -> bool:
    """Is the element (or an ancestor) site chrome?

    The article's own element bounds the question: `article_root` (the body container) and, with
    `article_tag`, any <article>. Inside it only comment threads and consent boxes are chrome (an
    article's own <footer> holds its notices and credits); outside it, any chrome mark counts.
    Without `article_tag` (bylines, dates) a story card's <article> inside a related box is chrome.
    Without `boxes` (notices, FAQs) an <aside> or sidebar beside the article is not: the article's
    own notice box is often one. Elements in `layout` (headline_wrappers) are never chrome, and
    below the headline's own <article> a "sidebar" is a column of the article."""
    lineage = []
    for node in (element, *element.iterancestors()):
        if node is article_root or (article_tag and node.tag == "article"):
            return any(is_thread_or_consent(inner) for inner in lineage)
        if node in layout:
            if node.tag == "article":  # the headline's own <article>: its columns are not chrome
                return any(is_chrome_marked(inner, boxes, column=True) for inner in lineage)
            continue
        lineage.append(node)
    return any(is_chrome_marked(node, boxes) for node in lineage)

