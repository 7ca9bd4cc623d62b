"""Authors: the people who wrote the article, from structured data first, then the visible byline.

Every source yields raw strings ("By Jane Doe and John Roe, Reuters"); one cleaner splits
them into names and sorts each into a person, an organisation (a news agency, the site
itself, a desk such as "Redaktion", an acronym) or junk (roles, URLs, photo credits).
Sources, in order: JSON-LD, meta (Dublin Core first), microdata and hCards, the first
author/byline-classed element, a short line in or around the article that opens with a byline
word ("Von Jane Doe", "Text: Jane Doe"; read from the body's page lines), then guesses by
position (a name line next to the date under the headline, a right-aligned signature). The first
source that names a person wins, with an agency or desk the same structured source credits
beside them ("Jane Doe, dpa"), unless a later credit names the same writers and co-authors ("von
A, B" where the meta names A) or a one-word name's surname. People the page labels "Editor: X"
(in a source, or a line "责任编辑：X") count only when no source names a writer. A user name
("karstenruppert") counts when a structured source or a byline word credits it, and yields to a
later real name only when it is that name's account.
When no source names a person, the organisations a structured source credits (JSON-LD / meta
author: "dpa", "Le Monde") are returned instead, an agency or desk before the site's own
default name, then a desk a marked byline credits, so wire copy stays recognisable; the site's
own name that a byline credits ("Autor: example.com") comes last."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from lxml import etree

from .blocks import Block
from .body import Content
from .chrome import class_and_id, is_thread_or_consent
from .date_words import MONTHS, WEEKDAYS
from .dates import names_a_day
from .document import Document
from .rules import BYLINE_PREFIX, BYLINE_WORDS
from .site import (
    ClassMatcher,
    PageChrome,
    article_json_ld,
    clean_text,
    header_pieces,
    is_site_name,
    json_ld_types,
    links_home,
    select_texts,
    site_names,
    squash,
    title_suffix_name,
)
from .wordlists import (
    AGENCIES,
    AUTHOR_BOX_CLASSES,
    AUTHOR_META,
    AUTHOR_ORGANISATION_TYPES,
    BYLINE_CLASSES,
    COLON_ONLY_BYLINE_PREFIXES,
    DATE_PREPOSITIONS,
    DESK_WORDS,
    EDITOR_LABELS,
    NAME_CONJUNCTIONS,
    NAME_PARTICLES,
    NAME_ROLE_SUFFIXES,
    NOT_AUTHOR_META_PREFIXES,
    NOT_BYLINE_CLASS_SUBSTRINGS,
    PLACE_PREPOSITIONS,
    ROLE_WORDS,
    WEB_PAGE_TYPES,
    WEEKDAY_PREPOSITIONS,
)


def _alternation(words) -> str:
    """A regex alternation of `words`, the longest first (so "und" does not stop "unde...")."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_CONJUNCTIONS = _alternation(NAME_CONJUNCTIONS)
_EDITOR_LABELS = _alternation(EDITOR_LABELS)
_SPLIT = re.compile(rf"\s*(?:[,;&/|、，・•]|\s(?:{_CONJUNCTIONS})\s)\s*", re.I)
_ROLE_SUFFIX = re.compile(r"\s*(?:{})$".format("|".join(map(re.escape, NAME_ROLE_SUFFIXES))), re.I)
_NOISE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|@\w+|\([^)]*\)|\[[^\]]*\]")
_BAD_CHARS = re.compile(r"[\d:|<>{}=#+©~]")  # © marks a photo credit
# A user name credited as author: one token of letters, digits, dots, hyphens, underscores.
_HANDLE = re.compile(r"[^\W_][\w.\-]{2,29}")
_CAMEL_CASE = re.compile(r"[a-z]{3}[A-Z]")  # "MatsWichmann": a user name (not "McDonald", "LeBron")
_ACRONYM = re.compile(r"[A-Z]{2,5}(?:-[A-Z]{1,4})?")  # "CNN", "AFP", "SP-X": an organisation, never a person's name
_COAUTHOR_CONJUNCTIONS = _alternation(word for word in NAME_CONJUNCTIONS if len(word) > 2)
# "A, B", "A und B" (not "A in Berlin")
_COAUTHOR_JOIN = rf"\s*(?:[,;&/|、，・•]|\s(?:{_COAUTHOR_CONJUNCTIONS})\s)\s*"
_COAUTHOR_AFTER = re.compile(_COAUTHOR_JOIN + r"[^\W\d_]")
_COAUTHOR_BEFORE = re.compile(r"[^\W\d_]" + _COAUTHOR_JOIN + r"$")
_SURNAME_AFTER = re.compile(r"\s+[^\W\d_]")
_LEADING_MARKS = "·•|-–—:, \t\n"
# Any other key naming the author: "cxenseparse:author", "dable:author", "articleauthor".
_GENERIC_AUTHOR_META = re.compile(r"(?:author|authors|author_name|creator)$")
_AUTHOR_CLASSES = ClassMatcher(BYLINE_CLASSES)
_NOT_BYLINE_CLASS = re.compile("|".join(NOT_BYLINE_CLASS_SUBSTRINGS), re.I)
# ... for a line that opens with a byline word, a credits box is where it belongs ("Text: X, Fotos: Y").
_NOT_BYLINE_LINE_CLASS = re.compile("|".join(word for word in NOT_BYLINE_CLASS_SUBSTRINGS if word != "credit"), re.I)
# Elements whose text is no byline besides site chrome (<nav>, <footer>, <aside>: PageChrome's): code,
# pictures and their captions, buttons.
_NOT_BYLINE_TAGS = frozenset({"script", "style", "img", "svg", "figure", "figcaption", "button"})
# "Editor: " right in front of a name (searched in the few characters before it).
# ... also before the second of several names: "Redaktion: Roman Warschauer und <name>".
_EDITOR_LABEL = re.compile(
    rf"\b(?:{_EDITOR_LABELS})\s*[:：\-–]\s*(?:[^\W\d][\w.' -]{{1,40}}?(?:,|&|\s(?:{_CONJUNCTIONS})\s)\s*)*$", re.I)
_EDITOR_LABEL_CHARS = 90
# A line that opens with an editor label and a colon: "责任编辑：焦鹏", "Redaktion: Jane Doe".
_EDITOR_LINE = re.compile(rf"\s*(?:{_EDITOR_LABELS})\s*[:：]\s*", re.I)
_MAX_NAME_WORDS = 5
_MAX_NAME_CHARS = 60
_MAX_BYLINE_CHARS = 200
# ... and the hCard microformat of hAtom posts (WordPress themes): class="author vcard" around class="fn".
_MICRODATA_AUTHOR_XPATH = etree.XPath('//*[@itemprop="author" or @itemprop="creator"] | //a[@rel="author"]')
# ... with hCards, on pages that say "vcard" (a third scan of the tree otherwise)
_MICRODATA_OR_HCARD_XPATH = etree.XPath(
    '//*[@itemprop="author" or @itemprop="creator"] | //a[@rel="author"] | //*[contains(@class, "vcard")]')
_HCARD_LINK_XPATH = etree.XPath(".//a[contains(@class, 'fn')]")
_HCARD_NAME_XPATH = etree.XPath('descendant-or-self::*[contains(concat(" ", normalize-space(@class), " "), " fn ")]')
_AUTHOR_BOX_XPATH = etree.XPath("//body//*[contains(@class, 'uthor') or contains(@id, 'uthor')]")
_AUTHOR_BOX = re.compile("|".join(map(re.escape, AUTHOR_BOX_CLASSES)))
_RIGHT_ALIGNED_XPATH = etree.XPath(
    "//body//p[contains(translate(@style, 'RIGHT ', 'right'), 'text-align:right') or @align='right']")

_AGENCY_KEYS = {agency.casefold() for agency in AGENCIES}
_NOT_HANDLES = frozenset(NAME_CONJUNCTIONS) | NAME_PARTICLES  # "Text und Fotos": "und" is nobody's user name
_ROLE_LINKS = NAME_PARTICLES | {"of", "at", "für", "for", "des"}  # "Director of X", "Leiterin für Y"
# A byline line: a byline word opening the line, or after a date ("Posted on 21 September 2020 by X").
_LINE_PREFIX = re.compile(rf"(?:^|(?<=\s))({BYLINE_WORDS})(?:\s*[:：]\s*|\s+)(?=\S)", re.I)
# Where the credit on a byline line ends: a separator, a date or time ("von R. R. am 07.08.2013").
_CREDIT_END = re.compile(
    r"\s*[|•·~»›()\[\]]|\s+[-–—]\s|\s+(?:{})\s+(?=\S*\d)|\s+\S*\d"
    r"|,?\s+[^\W\d_]+\s?:"  # ... the next "Label:" ("Author: X, Datum: ...")
    r"|,?\s+(?:(?:{})\s+)?(?:{})\b\.?"  # ... a weekday ("on Monday, November 5")
    r"|\s+(?:{})\.?\s+\d"  # ... a month and day ("January 10, 2008")
    r"|,\s+(?:{})\s".format(  # ... a place ("Jane Doe, Editor, at CES")
        "|".join(DATE_PREPOSITIONS), "|".join(WEEKDAY_PREPOSITIONS),
        "|".join(sorted(WEEKDAYS, key=len, reverse=True)), "|".join(sorted(MONTHS, key=len, reverse=True)),
        "|".join(PLACE_PREPOSITIONS)),
    re.I)
_MAX_BYLINE_LINE_WORDS = 15
_DATE_NAME_SEPARATOR = re.compile(r"\s+[-–—|·•]\s+")
_LINES_BEFORE_BODY = 15  # page lines above the body's first block where a byline may stand
_LINES_AFTER_BODY = 8  # ... and below its last (a "Text: Jane Doe" closing the article)
_LINES_ABOVE_HEADLINE = 2  # ... and above the headline ("Melas" / "by" / "delta201" / <h1>)


def extract_authors(doc: Document, profile=None, content=None) -> list[str]:
    """`content`: the body's Content, whose page lines hold bylines no markup names."""
    site = site_names(doc) | ({suffix} if (suffix := title_suffix_name(doc)) else set())
    if profile is not None and profile.authors:
        people = clean_authors(select_texts(doc, profile.authors), site)
        if people:
            return people
    text = _page_text(doc, content)
    organisations: list[list[str]] = []  # each structured source's organisation credits
    bylined: list[str] = []  # desks and agencies a marked byline credits ("Redaktion")
    bylined_site: list[str] = []  # ... and the site's own name ("Autor: example.com")
    editors: list[str] = []  # people the page labels as editors: credited only when no writer is
    handles: list[str] = []  # user names a source credits ("karstenruppert")
    # JSON-LD authors typed Organization: credited, but never people.
    typed = sum(sort_credits(_json_ld_authors(doc, organisations=True), site), [])
    for index, (source, min_words, kind) in enumerate(_SOURCES):
        if kind == "guess" and (handles or _preferred_organisations(organisations, site, agency_only=True)):
            break  # the structured data credits a user, desk or agency: no guessing at a name line
        people, credited = sort_credits(source(doc, content), site, min_words, handles=kind in ("structured", "line"))
        writers = [name for name in people if not _labelled_editor(text, name)]
        if writers and not all(map(_is_handle, writers)):
            if handles and not _account_of(handles, writers):
                return handles
            if kind == "structured":
                writers = _fuller_credit(doc, content, site, writers, index + 1, text) or writers
            # An agency or desk the same structured source credits beside the people: "X, dpa"
            # (JSON-LD: an author typed Organization beside the Person).
            return writers + ([name for name in credited + (typed if index == 0 else []) if not is_site_name(name, site)]
                              if kind == "structured" else [])
        handles = handles or writers
        editors = editors or [name for name in people if name not in writers]
        if kind == "structured":
            organisations.append(credited)
        else:
            if kind != "guess":
                bylined = bylined or [name for name in credited if not is_site_name(name, site)]
            bylined_site = bylined_site or [name for name in credited if is_site_name(name, site)]
    organisations.append(typed)
    return handles or _preferred_organisations(organisations, site, agency_only=True) or bylined or editors \
        or _editor_line_authors(content, site) or _author_box_name(doc) or _preferred_organisations(organisations, site) \
        or bylined_site


def _fuller_credit(doc: Document, content, site: set[str], writers: list[str], start: int, text: str) -> list[str]:
    """A later source that credits the same writers more fully: all of them and more co-authors in
    one credit ("von Rudolf Fischer, Simon Kohler" where the meta names the first only), or the
    full name of a one-word credit ("Todd" -> "Todd Bates" under "By")."""
    keys = {name.casefold() for name in writers}
    single = writers[0].casefold() if len(writers) == 1 and " " not in writers[0] else None
    if not any(_beside_a_name(text, name, surname=bool(single)) for name in writers):
        return []  # the page shows no co-author or surname beside them: no need to read on
    for source, _, kind in _SOURCES[start:]:
        if kind == "guess":
            break
        if source is _MICRODATA or (kind == "line" and not single):
            continue  # microdata seldom adds a co-author; a line names one person at a time
        for raw in _joined_prefixes(source(doc, content)):
            people = sort_credits([raw], site, 2, handles=kind == "structured")[0]
            found = {name.casefold() for name in people}
            if keys < found and all(" " in name for name in people if name.casefold() not in keys):
                return people
            if single and len(people) == 1 and people[0].casefold().split()[0] == single:
                return people
    return []


def _beside_a_name(text: str, name: str, surname: bool) -> bool:
    """Does the page text show the name joined to another ("A, B", "B und A"), or (`surname`) a
    one-word name followed by another word?"""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if (_SURNAME_AFTER if surname else _COAUTHOR_AFTER).match(text, end) \
                or (not surname and _COAUTHOR_BEFORE.search(text, max(start - 40, 0), start)):
            return True
        start = text.find(name, end)
    return False


def _account_of(handles: list[str], names: list[str]) -> bool:
    """Do a user name and a later real name belong together? A user name with digits is an
    account id ("link78"): any name the page shows beats it; others only yield to their own
    spelling ("arianschlichenmayer" -> "Arian Schlichenmayer")."""
    keys = {_ascii_key(name) for name in names}
    return any(any(char.isdigit() for char in handle) or _ascii_key(handle) in keys for handle in handles)


def _ascii_key(name: str) -> str:
    """squash() without accents: a user name spells "Gàbor Muniér" as "gabor_munier"."""
    return squash("".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char)))


def _preferred_organisations(sources: list[list[str]], site: set[str], agency_only: bool = False) -> list[str]:
    """The first source's organisations, but a credited agency or desk ("dpa", "Redaktion")
    beats the site's own name, which CMSs fill in as the default author; agencies and desks that
    later sources add are kept too (JSON-LD "MM-Redaktion", meta "Deutsche Presse-Agentur" and
    "MM-Redaktion")."""
    for index, credited in enumerate(sources):
        if any(not is_site_name(name, site) for name in credited):
            keys = {name.casefold() for name in credited}
            more = [name for later in sources[index + 1:] for name in later if not is_site_name(name, site)]
            return credited + [name for name in dict.fromkeys(more) if name.casefold() not in keys]
    return [] if agency_only else next((credited for credited in sources if credited), [])


def _is_handle(name: str) -> bool:
    """A user name rather than a person's name: one word of a cased script, not capitalised or
    with digits, dots or underscores ("karstenruppert", "Isabella.DiBiase")."""
    first = name[:1]
    return " " not in name and first.lower() != first.upper() \
        and (first.islower() or any(char.isdigit() or char in "._" for char in name))


def _labelled_editor(text: str, name: str) -> bool:
    """Does the page say "Editor: <name>"? JSON-LD and meta often credit the desk editor
    who published the story while the visible byline names the reporter."""
    start = text.find(name)
    while start >= 0:
        if _EDITOR_LABEL.search(text, max(start - _EDITOR_LABEL_CHARS, 0), start):
            return True
        start = text.find(name, start + 1)
    return False


def _page_text(doc: Document, content=None) -> str:
    """The page's text: its visible lines when the body's Content has them (already read)."""
    if content is not None and content.page_blocks:
        return " ".join(block.text for block in content.page_blocks)
    body = doc.root.find("body")
    return " ".join((body if body is not None else doc.root).text_content().split())


def clean_authors(raw: Iterable[str], site: set[str] = frozenset(), min_words: int = 1) -> list[str]:
    """The distinct person names in raw credit strings ("By A and B, Reuters" -> [A, B])."""
    return sort_credits(raw, site, min_words)[0]


def sort_credits(raw: Iterable[str], site: set[str] = frozenset(), min_words: int = 1,
                 handles: bool = False) -> tuple[list[str], list[str]]:
    """Split raw credit strings into (people, organisations), each distinct and in page order.

    With `handles` (structured credits), and in a string that opens with a byline word ("By",
    "von"), a one-word user name counts as a person: "karstenruppert", "Isabella.DiBiase"."""
    people: list[str] = []
    organisations: list[str] = []
    seen: set[str] = set()
    for text in _joined_prefixes(raw):
        text = clean_text(text)
        named = handles or bool(BYLINE_PREFIX.match(text.lstrip(_LEADING_MARKS)))
        names = [name for name in map(clean_name, _SPLIT.split(_NOISE.sub(" ", text))) if name]
        kinds = [classify_credit(name, site, 1 if named else min_words, handle=named) for name in names]
        for name, kind in zip(names, kinds, strict=True):
            # "Site, Frankfurt, Germany": one-word parts next to an organisation are its address.
            if kind == "person" and "organisation" in kinds and len(name.split()) == 1:
                continue
            if kind and name.casefold() not in seen:
                seen.add(name.casefold())
                (people if kind == "person" else organisations).append(name)
    return people, organisations


def _joined_prefixes(raw: Iterable[str]) -> Iterator[str]:
    """Byline pieces with a lone byline word joined to the next piece: "von ", "freeman1984"."""
    pending = ""
    for text in raw:
        if BYLINE_PREFIX.fullmatch(text.strip(_LEADING_MARKS + " \t\n")):
            pending = text
            continue
        yield f"{pending.strip(_LEADING_MARKS)} {text}" if pending else text
        pending = ""


def clean_name(text: str) -> str:
    name = BYLINE_PREFIX.sub("", text.strip(" \t-–—:,.*'\"«»“”·|"))
    name = _ROLE_SUFFIX.sub("", name)
    return " ".join(name.split()).strip(" -–—:,.'\"")


def classify_credit(name: str, site: set[str] = frozenset(), min_words: int = 1,
                    handle: bool = False) -> str | None:
    """"person", "organisation" or None (not a credit: a role, a date, a photo credit, prose).
    With `handle`, a one-word user name ("flerche", "freeman1984") is a person too."""
    words = name.split()
    if len(words) > _MAX_NAME_WORDS or len(name) > _MAX_NAME_CHARS or not any(c.isalpha() for c in name):
        return None
    folded = [word.casefold().strip(".") for word in words]
    if name.casefold() in _AGENCY_KEYS or (site and is_site_name(name, site)) or _ACRONYM.fullmatch(name):
        return "organisation"
    if any(desk in word for word in folded for desk in DESK_WORDS):
        return "organisation"
    # Roles: "Staff Writer", "Games Editor", "Lifestyle Writer" (a name never ends in a job title), and a
    # title with what it heads: "Projektleiterin der HSS", "Director of Research".
    if all(word in ROLE_WORDS or word in NAME_PARTICLES for word in folded) or (len(words) > 1 and folded[-1] in ROLE_WORDS) \
            or (len(words) > 2 and folded[0] in ROLE_WORDS and folded[1] in _ROLE_LINKS):
        return None
    if handle and len(words) == 1 and _HANDLE.fullmatch(name) and not name.isdigit() \
            and name.casefold() not in _NOT_HANDLES:
        return "person"
    if len(words) < min_words or _BAD_CHARS.search(name):
        return None
    # In cased scripts every word of a name is capitalised, apart from particles (von, de, van).
    cased = [word for word in words if word[0].isalpha() and word[0].lower() != word[0].upper()]
    if all(word[0].isupper() or word.casefold() in NAME_PARTICLES for word in cased):
        return "person"
    return None


def _json_ld_authors(doc: Document, organisations: bool = False) -> list[str]:
    """JSON-LD author names: people (strings, Person objects), or with organisations=True only
    the authors typed as an Organization."""
    article = article_json_ld(doc) or next((obj for obj in doc.json_ld if json_ld_types(obj) & WEB_PAGE_TYPES), None)
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
    if bool(json_ld_types(value) & AUTHOR_ORGANISATION_TYPES) != organisations:
        return []
    name = value.get("name")
    if isinstance(name, str):
        return [name]
    given, family = value.get("givenName"), value.get("familyName")
    return [f"{given} {family}"] if isinstance(given, str) and isinstance(family, str) else []


def _meta_authors(doc: Document) -> list[str]:
    meta = _meta_properties(doc)
    for key in AUTHOR_META:
        if meta.get(key):
            return meta[key]
    for key, values in meta.items():
        if _GENERIC_AUTHOR_META.search(key) and not key.startswith(NOT_AUTHOR_META_PREFIXES):
            return values
    return _twitter_label_author(doc)


def _meta_properties(doc: Document) -> dict[str, list[str]]:
    """The page's <meta> values by key, a key that lists several properties (RDFa's
    property="dc:creator og:author") filed under each of them too."""
    if not any(" " in key for key in doc.meta):
        return doc.meta
    meta = dict(doc.meta)
    for key, values in doc.meta.items():
        for name in key.split() if " " in key else ():
            meta[name] = meta.get(name, []) + values
    return meta


def _twitter_label_author(doc: Document) -> list[str]:
    """WordPress/Yoast: twitter:label1 "Written by" + twitter:data1 "Jane Doe"."""
    for index in "12345":
        label = (doc.meta_first(f"twitter:label{index}") or "").casefold()
        if label and BYLINE_PREFIX.fullmatch(label.rstrip(": ")):
            return doc.meta.get(f"twitter:data{index}", [])
    return []


def _microdata_authors(doc: Document) -> list[str]:
    """itemprop=author/creator (its itemprop=name, a meta's content, else its text), rel=author
    links and hCards (class="author vcard", its class="fn"). Those in teasers, footers and comments count only when there are no others: related
    stories credit their own authors, but many blogs credit theirs in the post's footer (hCards there
    are commenters')."""
    chrome = PageChrome(doc)
    inside: list[str] = []
    outside: list[str] = []
    for element in (_MICRODATA_OR_HCARD_XPATH if "vcard" in doc.html else _MICRODATA_AUTHOR_XPATH)(doc.root):
        hcard = element.get("itemprop") not in ("author", "creator") and element.get("rel") != "author"
        if hcard and not {"vcard", "author"} <= set((element.get("class") or "").split()):
            continue  # a "vcard" that is nobody's author card
        if hcard and (chrome.holds(element) or not _HCARD_NAME_XPATH(element)
                      or _is_blog_card(element, doc.url)):
            continue  # a commenter's or a teaser's card, one that names nobody, or the site's own
        named = element.xpath('.//*[@itemprop="name"]') or (hcard and _HCARD_NAME_XPATH(element))
        if named:
            texts = [node.get("content") or node.text_content() for node in named]
        else:
            texts = [element.get("content") or ""] if element.tag == "meta" else [element.text_content()]
        (outside if element.tag != "meta" and chrome.holds(element) else inside).extend(texts)
    return [text for text in inside or outside if len(text) <= _MAX_BYLINE_CHARS]


def _is_blog_card(card, url: str) -> bool:
    """Is the hCard the blog's own, its name linking to the front page (in the blog's header:
    <h1 class="vcard author"><a class="fn" href="https://blog.example/">Blog</a>)?"""
    return any(links_home(link, url) for link in _HCARD_LINK_XPATH(card))


def _byline_authors(doc: Document) -> list[str]:
    """Text pieces of the first element whose class says author/byline and that credits
    someone. An organisation ("dpa") ends the search too: later author-classed elements
    are related-story teasers, with their own writers."""
    chrome = PageChrome(doc)
    for element in _AUTHOR_CLASSES(doc.root):
        if element.tag in _NOT_BYLINE_TAGS:
            continue
        text = element.text_content()
        if not text.strip() or len(text) > _MAX_BYLINE_CHARS or _outside_article(element, chrome):
            continue
        pieces = _credit_pieces(piece for piece in element.itertext() if piece.strip())
        people, organisations = sort_credits(pieces, min_words=2)
        if people or organisations:
            return pieces
    return []


def _credit_pieces(pieces: Iterable[str]) -> list[str]:
    """A byline box's text pieces without what another label introduces: "in Rubrik:", "Tags:",
    "Filed under:" name categories up to the next byline word ("von", "Autor:"); a value with a
    digit ends the label too ("Aktualisiert:" "12.03.2024")."""
    kept: list[str] = []
    labelled = False
    for piece in pieces:
        if BYLINE_PREFIX.match(piece.strip(_LEADING_MARKS + " \t\n")):
            labelled = False
        elif piece.rstrip().endswith((":", "：")):
            labelled = True
            continue
        if not labelled:
            kept.append(piece)
        elif any(char.isdigit() for char in piece):
            labelled = False
    return kept


def _byline_line_authors(doc: Document, content) -> list[str]:
    """Short lines in and around the article that open with a byline word ("Von Jane Doe und
    John Roe", "Text: Jane Doe", "Autorin: Jane Doe, Projektleiterin"), or carry one after a date
    ("Posted on September 21, 2020 by Jane Doe"), cut where the credit ends: the bylines of
    pages that mark them with no class. A byline word alone on its line goes on the next line
    ("Autor" / "Jane Doe"). The lines run from the headline (or a few lines above the body) to
    a few lines below the body; lines in teasers, comments and captions do not count.

    Only full names (two words or more), user names and organisations are credited: one plain
    word after "by" is as often a place or a thing ("by City", "posted by Stadler")."""
    lines = _article_lines(content)
    chrome = PageChrome(doc)
    for index, block in enumerate(lines):
        text = block.text
        if BYLINE_PREFIX.fullmatch(text.strip(_LEADING_MARKS)) and index + 1 < len(lines):
            text = f"{text} {lines[index + 1].text}"  # "Autor" / "Jane Doe,"
        if len(text.split()) > _MAX_BYLINE_LINE_WORDS:
            continue
        found = _LINE_PREFIX.search(text)
        if found is None or (found.start() and not _is_date_lead(text[:found.start()])) \
                or (found.group(1).casefold() in COLON_ONLY_BYLINE_PREFIXES and ":" not in found.group()):
            continue
        credit = text[found.start():]
        cut = _CREDIT_END.search(credit, found.end() - found.start())
        people, organisations = sort_credits([credit[:cut.start()] if cut else credit])
        people = [name for name in people if " " in name or _is_handle(name) or _CAMEL_CASE.search(name)]
        # Several one-word "names" are nouns in prose ("von Künstlern, Bands und DJs").
        if (people or organisations) and not (len(people) > 1 and all(" " not in name for name in people)) \
                and not chrome.holds(block.element, _NOT_BYLINE_TAGS, _NOT_BYLINE_LINE_CLASS, itself=True):
            return people or organisations  # the first line that credits anyone ("by IWB" too)
    return []


def _editor_line_authors(content, site: set[str]) -> list[str]:
    """People a short line in or around the article labels as its editors ("责任编辑：焦鹏",
    "Redaktion: Jane Doe"): credited only when no source names a writer, agency or desk."""
    for block in _article_lines(content):
        found = _EDITOR_LINE.match(block.text)
        if found is None or len(block.text.split()) > _MAX_BYLINE_LINE_WORDS:
            continue
        credit = block.text[found.end():]
        cut = _CREDIT_END.search(credit)
        people = clean_authors([credit[:cut.start()] if cut else credit], site)
        # A full name: two words, or one in a script without case or spaces ("焦鹏").
        people = [name for name in people if " " in name or name[0].lower() == name[0].upper()]
        if people:
            return people
    return []


def _author_box_name(doc: Document) -> list[str]:
    """The heading of the "about the author" box below a post ("author-bio": <h3>Martin Junker</h3>),
    when no source credits anyone: many blog themes name the writer nowhere else."""
    for box in _AUTHOR_BOX_XPATH(doc.root):
        if not _AUTHOR_BOX.search(class_and_id(box)) or any(map(is_thread_or_consent, (box, *box.iterancestors()))):
            continue  # (in a footer it counts: themes put it there)
        heading = next(iter(box.xpath(".//h2 | .//h3 | .//h4 | .//h5 | .//strong")), None)
        if heading is not None:
            return clean_authors([heading.text_content()], min_words=2)
    return []


def _is_date_lead(text: str) -> bool:
    """Is the text before a byline word a date line ("Posted on September 21, 2020", "(last
    edited 2019-11-10 13:28:18"), ending in its date or time, not prose that holds a date?"""
    words = text.split()
    return bool(words) and any(char.isdigit() for char in words[-1]) \
        and names_a_day(text)


def _article_lines(content: Content | None) -> list[Block]:
    """The page's blocks from _LINES_ABOVE_HEADLINE lines above the headline (the last <h1> above
    the body), or _LINES_BEFORE_BODY lines up, to _LINES_AFTER_BODY lines below the body."""
    if content is None:
        return []
    start, end, page = content.body_start(), content.body_end(), content.page_blocks
    if start is None or end is None:
        return []
    headline = next((index for index in range(start - 1, -1, -1) if page[index].heading == 1), start)
    return page[max(min(headline - _LINES_ABOVE_HEADLINE, start - _LINES_BEFORE_BODY), 0):end + _LINES_AFTER_BODY + 1]


def _dated_line_authors(doc: Document) -> list[str]:
    """A short name line just under the headline, next to the date ("Jane Doe | 05.04.2025"):
    the byline of pages that mark it with no author class."""
    chrome = PageChrome(doc)
    pieces = list(_joined_prefixes(text for text, parent in header_pieces(doc)
                                   if parent.tag not in _NOT_BYLINE_TAGS and not _outside_article(parent, chrome)))
    dated: dict[int, bool] = {}  # the slow date parser once per piece, not once per neighbour

    def names_a_date(at: int) -> bool:
        if at not in dated:
            dated[at] = names_a_day(pieces[at], fast=False)
        return dated[at]

    for index, piece in enumerate(pieces):
        # "Filed Under:", "Tags:" label what follows; they are not names.
        if piece.endswith((":", "：")) or len(piece) > _MAX_NAME_CHARS:
            continue
        if any(names_a_date(at) for at in range(max(index - 1, 0), min(index + 2, len(pieces)))):
            # ... the date and the name in one piece: "11.12.2019 - Amelie Loevenich"
            for part in [piece] + (_DATE_NAME_SEPARATOR.split(piece) if names_a_date(index) else []):
                names = clean_authors([part], min_words=2)
                if names:
                    return names
    return []


def _signature_authors(doc: Document) -> list[str]:
    """A right-aligned paragraph holding only a name: the signature that closes the article
    on Vietnamese and other sites whose templates credit only the site."""
    chrome = PageChrome(doc)
    for paragraph in reversed(_RIGHT_ALIGNED_XPATH(doc.root)):
        text = paragraph.text_content()
        if len(text) <= _MAX_NAME_CHARS and not _outside_article(paragraph, chrome):
            names = clean_authors([text], min_words=2)
            if names:
                return names
    return []


def _outside_article(element, chrome: PageChrome) -> bool:
    """Photo credits, captions, comments and page chrome also carry "author" classes."""
    return chrome.holds(element, _NOT_BYLINE_TAGS, _NOT_BYLINE_CLASS, itself=True)


def _page_only(source: Callable[[Document], Iterable[str]]) -> Callable[[Document, object], Iterable[str]]:
    return lambda doc, content: source(doc)


# (source, fewest words a person's name needs there, kind): "structured" credits name the author
# (one-word user names count), a "byline" is marked as one by its class, a "line" opens with a
# byline word (its source returns the names it checked), a "guess" is a name line by position.
_MICRODATA = _page_only(_microdata_authors)  # no fuller credit: it seldom adds a co-author
_SOURCES: list[tuple[Callable[[Document, object], Iterable[str]], int, str]] = [
    (_page_only(_json_ld_authors), 1, "structured"), (_page_only(_meta_authors), 1, "structured"),
    (_MICRODATA, 1, "structured"), (_page_only(_byline_authors), 2, "byline"),
    (_byline_line_authors, 1, "line"), (_page_only(_dated_line_authors), 2, "guess"),
    (_page_only(_signature_authors), 2, "guess")]
