"""Authors: the people who wrote the article, from structured data first, then the visible byline.

Every source yields raw strings ("By Jane Doe and John Roe, Reuters"); one cleaner splits
them into names and sorts each into a person, an organisation (a news agency, the site
itself, a desk such as "Redaktion") or junk (roles, URLs, handles, photo credits).
The first source that names a person wins, and only its people are returned; people the
page labels "Editor: X" count only when no source names a writer. When no source names a
person, the organisations a structured source credits (JSON-LD / meta author: "dpa",
"Le Monde") are returned instead, an agency before the site's own default name, so wire
copy stays recognisable."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lxml import etree

from .chrome import headline_wrappers, in_site_chrome
from .document import Document
from .site import (
    article_json_ld,
    class_contains_xpath,
    clean_text,
    is_site_name,
    json_ld_types,
    site_names,
    title_suffix_name,
)
from .wordlists import (
    AGENCIES,
    BYLINE_PREFIXES,
    DESK_WORDS,
    EDITOR_LABELS,
    NAME_CONJUNCTIONS,
    NAME_ROLE_SUFFIXES,
    ROLE_WORDS,
)

_PREFIX = re.compile(r"^(?:(?:{})\b\s*[:：\-–]?\s*)+".format("|".join(
    re.escape(word) for word in sorted(BYLINE_PREFIXES, key=len, reverse=True))), re.I)
_SPLIT = re.compile(r"\s*(?:[,;&/|、，・•]|\s(?:{})\s)\s*".format("|".join(
    re.escape(word) for word in sorted(NAME_CONJUNCTIONS, key=len, reverse=True))), re.I)
_ROLE_SUFFIX = re.compile(r"\s*(?:{})$".format("|".join(map(re.escape, NAME_ROLE_SUFFIXES))), re.I)
_NOISE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|@\w+|\([^)]*\)|\[[^\]]*\]")
_BAD_CHARS = re.compile(r"[\d:|<>{}=#+©]")  # © marks a photo credit
# Lowercase particles that may sit inside a Latin-script name.
_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "dos", "das",
              "bin", "binti", "al", "el", "ter", "ten", "zu", "y", "e", "st."}
_AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author",
                "sailthru.author", "byl", "og:article:author", "article:author_name")
# Any other key naming the author: "cxenseparse:author", "dable:author", "articleauthor".
_GENERIC_AUTHOR_META = re.compile(r"(?:author|authors|author_name|creator)$")
_AUTHOR_CLASS_XPATH = class_contains_xpath(("author", "byline", "autor", "auteur", "writer"))
# Besides site chrome (chrome.py), a picture's credit or caption names no author of the article.
_NOT_BYLINE_CLASS = re.compile(r"caption|credit|photo|image|bild|foto", re.I)
_NOT_BYLINE_TAGS = {"script", "style", "img", "svg", "figure", "figcaption", "aside", "footer", "nav", "button"}
_BODY_START_TAGS = {"h2", "h3", "article", "section"}
# "Editor: " right in front of a name (searched in the few characters before it).
_EDITOR_LABEL = re.compile(r"\b(?:{})\s*[:：\-–]\s*$".format("|".join(
    re.escape(label) for label in sorted(EDITOR_LABELS, key=len, reverse=True))), re.I)
_EDITOR_LABEL_CHARS = 40
_MAX_NAME_WORDS = 5
_MAX_NAME_CHARS = 60
_MAX_BYLINE_CHARS = 200
# The text pieces right under the headline (subtitle, byline, date), skipping empty ones.
_AFTER_H1_XPATH = etree.XPath("following::text()[normalize-space()][position() <= 12]")
_DATE_LIKE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
_RIGHT_ALIGNED_XPATH = etree.XPath(
    "//body//p[contains(translate(@style, 'RIGHT ', 'right'), 'text-align:right') or @align='right']")

_AGENCY_KEYS = {agency.casefold() for agency in AGENCIES}
_ORGANISATION_TYPES = {"organization", "newsmediaorganization", "corporation", "newsagency"}


def extract_authors(doc: Document) -> list[str]:
    site = site_names(doc) | ({suffix} if (suffix := title_suffix_name(doc)) else set())
    text = _page_text(doc)
    organisations: list[list[str]] = []  # each structured source's organisation credits
    editors: list[str] = []  # people the page labels as editors: credited only when no writer is
    for source, min_words, structured in _SOURCES:
        people, credited = sort_credits(source(doc), site, min_words)
        writers = [name for name in people if not _labelled_editor(text, name)]
        if writers:
            return writers
        editors = editors or people
        if structured:
            organisations.append(credited)
    if editors:
        return editors
    # JSON-LD authors typed Organization: credited, but never people.
    organisations.append(sum(sort_credits(_json_ld_authors(doc, organisations=True), site), []))
    return _preferred_organisations(organisations, site)


def _preferred_organisations(sources: list[list[str]], site: set[str]) -> list[str]:
    """The first source's organisations, but a credited agency ("dpa") beats the site's own
    name, which CMSs fill in as the default author."""
    for credited in sources:
        if any(not is_site_name(name, site) for name in credited):
            return credited
    return next((credited for credited in sources if credited), [])


def _labelled_editor(text: str, name: str) -> bool:
    """Does the page say "Editor: <name>"? JSON-LD and meta often credit the desk editor
    who published the story while the visible byline names the reporter."""
    start = text.find(name)
    while start >= 0:
        if _EDITOR_LABEL.search(text, max(start - _EDITOR_LABEL_CHARS, 0), start):
            return True
        start = text.find(name, start + 1)
    return False


def _page_text(doc: Document) -> str:
    body = doc.root.find("body")
    return " ".join((body if body is not None else doc.root).text_content().split())


def clean_authors(raw: Iterable[str], site: set[str] = frozenset(), min_words: int = 1) -> list[str]:
    """The distinct person names in raw credit strings ("By A and B, Reuters" -> [A, B])."""
    return sort_credits(raw, site, min_words)[0]


def sort_credits(raw: Iterable[str], site: set[str] = frozenset(),
                 min_words: int = 1) -> tuple[list[str], list[str]]:
    """Split raw credit strings into (people, organisations), each distinct and in page order."""
    people: list[str] = []
    organisations: list[str] = []
    seen: set[str] = set()
    for text in raw:
        names = [name for name in map(clean_name, _SPLIT.split(_NOISE.sub(" ", clean_text(text)))) if name]
        kinds = [classify_credit(name, site, min_words) for name in names]
        for name, kind in zip(names, kinds, strict=True):
            # "Site, Frankfurt, Germany": one-word parts next to an organisation are its address.
            if kind == "person" and "organisation" in kinds and len(name.split()) == 1:
                continue
            if kind and name.casefold() not in seen:
                seen.add(name.casefold())
                (people if kind == "person" else organisations).append(name)
    return people, organisations


def clean_name(text: str) -> str:
    name = _PREFIX.sub("", text.strip(" \t-–—:,.*'\"«»“”"))
    name = _ROLE_SUFFIX.sub("", name)
    return " ".join(name.split()).strip(" -–—:,.'\"")


def classify_credit(name: str, site: set[str] = frozenset(), min_words: int = 1) -> str | None:
    """"person", "organisation" or None (not a credit: a role, a date, a photo credit, prose)."""
    words = name.split()
    if len(words) > _MAX_NAME_WORDS or len(name) > _MAX_NAME_CHARS or not any(c.isalpha() for c in name):
        return None
    folded = [word.casefold().strip(".") for word in words]
    if name.casefold() in _AGENCY_KEYS or (site and is_site_name(name, site)):
        return "organisation"
    if any(desk in word for word in folded for desk in DESK_WORDS):
        return "organisation"
    if len(words) < min_words or _BAD_CHARS.search(name) or all(word in ROLE_WORDS for word in folded):
        return None
    # In cased scripts every word of a name is capitalised, apart from particles (von, de, van).
    cased = [word for word in words if word[0].isalpha() and word[0].lower() != word[0].upper()]
    if all(word[0].isupper() or word.casefold() in _PARTICLES for word in cased):
        return "person"
    return None


def _json_ld_authors(doc: Document, organisations: bool = False) -> list[str]:
    """JSON-LD author names: people (strings, Person objects), or with organisations=True only
    the authors typed as an Organization."""
    article = article_json_ld(doc)
    if not article:
        return []
    by_id = {obj["@id"]: obj for obj in doc.json_ld if isinstance(obj.get("@id"), str)}
    return _author_names(article.get("author") or article.get("creator"), by_id, organisations)


def _author_names(value, by_id: dict[str, dict], organisations: bool) -> list[str]:
    """Names in a JSON-LD author value: strings, objects, @id references, arrays of those."""
    if isinstance(value, list):
        return [name for item in value for name in _author_names(item, by_id, organisations)]
    if isinstance(value, str):
        return [] if organisations else [value]
    if not isinstance(value, dict):
        return []
    if "name" not in value and isinstance(value.get("@id"), str) and value["@id"] in by_id:
        value = by_id[value["@id"]]
    if bool(json_ld_types(value) & _ORGANISATION_TYPES) != organisations:
        return []
    name = value.get("name")
    if isinstance(name, str):
        return [name]
    given, family = value.get("givenName"), value.get("familyName")
    return [f"{given} {family}"] if isinstance(given, str) and isinstance(family, str) else []


def _meta_authors(doc: Document) -> list[str]:
    for key in _AUTHOR_META:
        if doc.meta.get(key):
            return doc.meta[key]
    for key, values in doc.meta.items():
        if _GENERIC_AUTHOR_META.search(key) and not key.startswith("twitter:"):
            return values
    return _twitter_label_author(doc)


def _twitter_label_author(doc: Document) -> list[str]:
    """WordPress/Yoast: twitter:label1 "Written by" + twitter:data1 "Jane Doe"."""
    for index in "12345":
        label = (doc.meta_first(f"twitter:label{index}") or "").casefold()
        if label and _PREFIX.fullmatch(label.rstrip(": ")):
            return doc.meta.get(f"twitter:data{index}", [])
    return []


def _microdata_authors(doc: Document) -> list[str]:
    out = []
    for element in doc.root.xpath('//*[@itemprop="author" or @itemprop="creator"]'):
        named = element.xpath('.//*[@itemprop="name"]')
        if named:
            out += [node.get("content") or node.text_content() for node in named]
        elif element.tag == "meta":
            out.append(element.get("content") or "")
        else:
            out.append(element.text_content())
    out += [anchor.text_content() for anchor in doc.root.xpath('//a[@rel="author"]')]
    return [text for text in out if len(text) <= _MAX_BYLINE_CHARS]


def _byline_authors(doc: Document) -> list[str]:
    """Text pieces of the first element whose class says author/byline and that credits
    someone. An organisation ("dpa") ends the search too: later author-classed elements
    are related-story teasers, with their own writers."""
    for element in _AUTHOR_CLASS_XPATH(doc.root):
        if element.tag in _NOT_BYLINE_TAGS:
            continue
        text = element.text_content()
        if not text.strip() or len(text) > _MAX_BYLINE_CHARS or _outside_article(element):
            continue
        pieces = [piece for piece in element.itertext() if piece.strip()]
        people, organisations = sort_credits(pieces, min_words=2)
        if people or organisations:
            return pieces
    return []


def _dated_line_authors(doc: Document) -> list[str]:
    """A short name line just under the headline, next to the date ("Jane Doe | 05.04.2025"):
    the byline of pages that mark it with no author class."""
    h1 = doc.root.find(".//body//h1")
    pieces = _header_pieces(h1) if h1 is not None else []
    for index, piece in enumerate(pieces):
        # "Filed Under:", "Tags:" label what follows; they are not names.
        if piece.endswith((":", "：")) or len(piece) > _MAX_NAME_CHARS:
            continue
        if any(_DATE_LIKE.search(text) for text in pieces[max(index - 1, 0):index + 2]):
            names = clean_authors([piece], min_words=2)
            if names:
                return names
    return []


def _header_pieces(h1) -> list[str]:
    """Text pieces after the h1 until the article text starts (a long paragraph, a subheading):
    names past that point are the story's subjects. Captions and photo credits are skipped."""
    pieces: list[str] = []
    for piece in _AFTER_H1_XPATH(h1):
        parent = piece.getparent()
        if parent.tag in _BODY_START_TAGS or (parent.tag == "p" and len(piece) > _MAX_BYLINE_CHARS):
            break
        if isinstance(parent.tag, str) and parent.tag not in _NOT_BYLINE_TAGS and not _outside_article(parent):
            pieces.append(piece.strip())
    return pieces


def _signature_authors(doc: Document) -> list[str]:
    """A right-aligned paragraph holding only a name: the signature that closes the article
    on Vietnamese and other sites whose templates credit only the site."""
    for paragraph in reversed(_RIGHT_ALIGNED_XPATH(doc.root)):
        text = paragraph.text_content()
        if len(text) <= _MAX_NAME_CHARS and not _outside_article(paragraph):
            names = clean_authors([text], min_words=2)
            if names:
                return names
    return []


def _outside_article(element) -> bool:
    """Photo credits, captions, comments and page chrome also carry "author" classes."""
    if in_site_chrome(element, article_tag=False, layout=headline_wrappers(element.getroottree().getroot())):
        return True
    for node in element.iterancestors():
        if node.tag in _NOT_BYLINE_TAGS or _NOT_BYLINE_CLASS.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return bool(_NOT_BYLINE_CLASS.search(element.get("class", "")))


# (source, fewest words a person's name needs there, is it a structured credit?)
_SOURCES: list[tuple[Callable[[Document], Iterable[str]], int, bool]] = [
    (_json_ld_authors, 1, True), (_meta_authors, 1, True), (_microdata_authors, 1, True),
    (_byline_authors, 2, False), (_dated_line_authors, 2, False), (_signature_authors, 2, False)]
