"""The headline: the most deliberate signal the page itself corroborates, without site names.

Publishers state the headline in JSON-LD, og:title, twitter:title, the visible <h1> and the
<title>. The structured headline is the one editors set as "the" headline (on the dev corpus
JSON-LD first, then og:title, beat a majority vote: 0.87 vs 0.78 exact), so the order stays;
but a signal only counts when the page backs it up:

1. A site profile's title selector, when the site has one.
2. The first structured headline (JSON-LD, og:title, twitter:title) that another signal repeats:
   a visible heading, the <title>, or another structured field. A JSON-LD "headline" that is a
   page type ("Wikimedia list article") or a section name repeats nothing and is passed over.
   Exceptions to the order: a JSON-LD headline that is og:title with a "Kicker: " label in
   front loses the label, and so does any headline when the <title> and the <h1> both state it
   without that label; a JSON-LD headline that only repeats the <title> yields to og:title
   when the <h1> shows og:title's wording; one cut short ("... for Hong Kong leader...", or
   mid-sentence at a fixed length) yields to the signal that goes on with it (`untruncated`).
3. Pages without a backed-up structured headline (older templates, portals): the visible
   heading (h1-h6, or any short text) that is the <title> or a segment of it, "Headline" in
   "Headline - Soccer - Sport"; the longest one wins, in its visible spelling.
4. Otherwise the first non-empty signal in the order above, then the first heading.

Then what readers see may overrule the answer on pages without a JSON-LD headline:

5. The page's only <h1>, when og:title or the <title> word the headline for search or sharing
   ("Schneewittchen-Kuchen mit Mini-Marshmallows Rezept" for the <h1>'s text), unless the <h1> is
   the site's name, a kicker run into the headline, or about something else (`shown_instead`).
6. With no structured signal at all, when the <title> names only the site or a section
   ("SuperSoccer", "The Sports Network - National Hockey League"): the heading right above the
   article's first paragraph, found through the body's blocks (`heading_above_body`); against
   a one-word answer (a menu label, "Sections") a two-word heading will do.
7. When every signal names the site, a headline that mentions it beats none (`last_resort`).
8. Without a JSON-LD headline, an <h1> made of a topic line (class "kicker", "overline",
   "label"..., or <small>) and the headline, with no colon or dash joining them, gives the
   headline alone (`without_kicker_line`).

Each signal is entity-decoded and loses what names the site: a " | Site" / "Site - " segment
(og:site_name, publisher, host), and any segment beside the headline the page shows on its own
("Headline | Börsen-Zeitung" when the <h1> says "Headline"), and a short note in brackets after
the headline that a heading shows it without ("Headline (2021/5)"); a segment that is a date
goes with what follows it ("Headline | January 15, 2008 | AHN"), or alone in front. A heading that is all a link to the
home page is the site's logo and no headline signal.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

from .blocks import Block, is_hidden
from .body import Content
from .chrome import class_and_id, class_words
from .dates import names_a_day
from .document import Document
from .rules import BYLINE_PREFIX, CJK, HEADING_LEVELS
from .site import article_json_ld, clean_text, is_site_name, links_home, select_texts, site_names, squash
from .wordlists import (
    HEADLINE_CLASS_SUBSTRINGS,
    HEADLINE_CLASS_WORDS,
    KICKER_CLASS_SUBSTRINGS,
)

# " | ", " - ", " – ", " — ", " · ", " :: ", " > ", "：", "ㅣ", "_English_", "Airport- Travel":
# what sites put between headline, section and site name.
_SEPARATOR = re.compile(r"\s+[|\-–—·•»/:*>]{1,2}\s+|\s*[|｜ㅣ：]\s*|\s*[-–—]\s*(?=\S+$)|_(?=[A-Z])"
                        r"|(?<=\w)-\s+(?=[A-Z])")
_MIN_HEADLINE = 3
# A kicker (Dachzeile) in front of a headline: a short topic label ending in a colon.
_KICKER = re.compile(r"^[^:]{3,60}:\s+$")
_BODY_TEXT = etree.XPath("//body//text()[normalize-space()][not(ancestor::script or ancestor::style)]")
_TEXT_OF_LENGTH = etree.XPath("//body//text()[string-length(normalize-space()) >= $low]"
                               "[string-length(normalize-space()) <= $high][not(ancestor::script or ancestor::style)]")
_LENGTH_SLACK = 3
_SHOWN_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style)]")
_MAX_HEADING_CHARS = 300
_MIN_TITLE_MATCH_WORDS = 2  # a one-word heading ("Sport") matches a <title> segment by chance
_MAX_SHOWN_HEADINGS = 20  # headings compared with a structured headline (the article's are first)
_MAX_LATER_HEADINGS = 200  # ... and the further ones searched for the headline's visible spelling
# A note after the headline: "(2021/5)", "(VIDEO)", "[Update]".
_TRAILING_NOTE = re.compile(r"\s+[(\[][^()\[\]]{1,20}[)\]]$")
_EDGE_PUNCTUATION = " »«›‹|·•-–—:>"
_WORD = re.compile(r"\w+")
_ELLIPSIS = ".…"
# Typographic quotes and dashes -> ASCII, to tell a spelling variant from another wording.
_TYPOGRAPHY = str.maketrans({**dict.fromkeys("‘’‚‛", "'"), **dict.fromkeys("“”„‟«»", '"'), "–": "-", "—": "-",
                             "…": "..."})
_MIN_AFFIX_WORDS = 3  # a visible headline at the start or end of the <title> ...
_MAX_AFFIX_REST_WORDS = 6  # ... beside a site or section name of at most this many words
_ABOUT_SHARE = 0.5  # of a structured headline's words in the <title> or <h1>: it is about this page
_MIN_SHOWN_WORDS = 3  # an <h1> of fewer words is a site or section name more often than a headline
_CONTENT_WORD = re.compile(r"\w{4,}")  # words that say what a text is about (not "a", "the", "und")
# A separator left dangling at either end ("Headline -", "| Headline") once a segment is gone.
_DANGLING_SEPARATOR = re.compile(r"(?:\s+[|\-–—·•:>]+)+$|^(?:[|\-–—·•:>]+\s+)+")
# Between the headline and the article's first paragraph: a date, a byline, a share bar, a caption.
_MAX_LEAD_IN_CHARS = 200
_MAX_LEAD_IN_BLOCKS = 15
_MAX_HEADLINE_WORDS = 40
_MAX_DATELINE_WORDS = 5  # "Wednesday, 09 January 2008" in front of a headline
_DATELINE_END = " ,:;|-–—"
_MAX_INLINE = 3  # elements inside a line whose class may say headline (<td><span class=headline>)
_HEADLINE_CLASS = re.compile("|".join(HEADLINE_CLASS_SUBSTRINGS), re.I)
_KICKER_CLASS = re.compile("|".join(KICKER_CLASS_SUBSTRINGS), re.I)
_KICKER_SEPARATOR = ":|-–—"
_MAX_KICKER_WORDS = 8


def extract_title(doc: Document, profile=None, content=None) -> str | None:
    """`content`: the body's Content (its blocks and the page's), to read the lines above the body."""
    if profile is not None and profile.title:
        chosen = next((text for text in map(clean_text, select_texts(doc, profile.title)) if text), None)
        if chosen:
            return chosen
    return _Signals(doc, content).headline()


class _Signals:
    """The page's headline signals, cleaned, with the comparisons between them."""

    def __init__(self, doc: Document, content=None):
        self.doc = doc
        self.content = content
        self.names = site_names(doc)
        article = article_json_ld(doc) or {}
        headline = article.get("headline") or article.get("name")
        self.title = clean_text(doc.title)
        self.read_headings(doc)
        structured = [clean_text(headline if isinstance(headline, str) else ""),
                      clean_text(doc.meta_first("og:title")), clean_text(doc.meta_first("twitter:title"))]
        self.structured = [self.clean(text) for text in structured]
        self.title_runs = _segment_runs(self.title)
        self.title_parts = {key for key in map(squash, _SEPARATOR.split(self.title)) if key}
        self.title_words = _words(self.title)

    def read_headings(self, doc: Document) -> None:
        """The page's headings (h1-h6 but the site's logo), in one walk: the first
        _MAX_SHOWN_HEADINGS, the later ones (a headline below long menus of <h2>s, searched for its
        visible spelling) and the <h1>s."""
        shown = [h for h in doc.root.iter(*HEADING_LEVELS) if not _is_logo(h, doc.url)]
        texts = [_heading_text(h) for h in shown]
        self.headings = [text for text in texts if text and len(text) <= _MAX_HEADING_CHARS][:_MAX_SHOWN_HEADINGS]
        self.later_headings = [text for text in texts[_MAX_SHOWN_HEADINGS:] if text][:_MAX_LATER_HEADINGS]
        self.heading_keys = {squash(text) for text in self.headings}
        h1s = [(h, text) for h, text in zip(shown, texts, strict=True) if h.tag == "h1"]
        self.h1s = [_without_dateline(text) for _, text in h1s if text]
        self.h1 = self.h1s[0] if self.h1s else ""
        self.h1_kickers = [split for split in (_kicker_split(h) for h, _ in h1s) if split]
        self.h1_keys = {squash(text) for text in self.h1s}

    def headline(self) -> str | None:
        chosen = self.best_signal()
        chosen = self.shown_instead(chosen) or self.heading_above_body(chosen) or chosen or self.last_resort()
        chosen = self.without_kicker_line(chosen)
        return self.as_shown(chosen) if chosen and not self.structured[0] else chosen

    def best_signal(self) -> str | None:
        candidates = _without_kicker(self.structured)
        usable = [text for text in candidates if self.usable(text)]
        if any(self.backed_up(text, usable[:index] + usable[index + 1:]) for index, text in enumerate(usable)) \
                or (usable and self.about_this_page(usable[0])):
            return self.without_label(self.untruncated(self.shown_wording(usable[0])))
        shown = self.heading_in_title()
        if shown:
            return shown
        fallback = [*candidates[:-1], self.clean(self.h1), candidates[-1], self.clean(self.title),
                    next((text for text in self.headings if not text.endswith(":")), "")]
        return next((text for text in fallback if self.usable(text)), None)

    def last_resort(self) -> str | None:
        """Nothing usable: a headline that names the site ("Wir sind NEOS" on neos.eu) beats none."""
        signals = [*self.structured, self.clean(self.h1), self.clean(self.title)]
        return next((text for text in signals if len(text) >= _MIN_HEADLINE and squash(text) not in self.names), None)

    def shown_wording(self, chosen: str) -> str:
        """A JSON-LD headline that only repeats the <title> (the search title) yields to og:title
        when the page's <h1> shows og:title's wording."""
        headline, og_title = self.structured[0], self.structured[1]
        if chosen != headline or not og_title or squash(og_title) == squash(headline) \
                or squash(headline) not in self.title_runs or squash(og_title) != squash(self.h1):
            return chosen
        return og_title

    def without_kicker_line(self, chosen: str | None) -> str | None:
        """Without a JSON-LD headline: when the answer is an <h1> made of a topic line above the
        headline (`<h1><span class=overline>Die Zukunft der Arbeit</span>"Wir dekorieren ..."</h1>`),
        or that topic line alone, the headline is what follows it. Only when nothing joins the two
        into one sentence: a colon or dash between them, visible or for screen readers
        (`<span class=hide>: </span>`), makes the topic line part of the headline."""
        if not chosen or self.structured[0]:
            return chosen
        key = squash(chosen)
        for full, kicker, rest in self.h1_kickers:
            if key in (squash(full), squash(kicker)):
                return rest
        return chosen

    def without_label(self, chosen: str) -> str:
        """"Wahl: Eva Welskop-Deffaa gewählt" when the <title> and the <h1> both say "Eva
        Welskop-Deffaa gewählt": the label is a topic line for sharing, not part of the headline."""
        head, colon, rest = chosen.partition(":")
        if not colon or not _KICKER.match(head + colon + " ") or not rest.strip():
            return chosen
        key = squash(rest)
        if key == squash(self.clean(self.title)) and key in self.h1_keys:
            return next(h1 for h1 in self.h1s if squash(h1) == key)
        return chosen

    def untruncated(self, chosen: str) -> str:
        """A structured headline cut short yields to the signal that states it in full: one that
        ends in an ellipsis ("... for Hong Kong leader...") to any signal that goes on from where it
        stops, one cut at a fixed length to a signal that goes on with a lower-case word (the same
        sentence: "... ei ole" -> "... ei ole otettu riittävästi huomioon"). A signal that goes on
        after a separator or with a new sentence is the headline plus a site name or deck."""
        stem = chosen.rstrip(_ELLIPSIS).rstrip()
        if len(stem.split()) < _MIN_SHOWN_WORDS:
            return chosen
        cut = stem != chosen
        plain = stem.translate(_TYPOGRAPHY)
        for other in (*self.structured[1:], self.clean(self.title), *self.h1s):
            if not other.translate(_TYPOGRAPHY).startswith(plain + " "):
                continue
            rest = other[len(stem):].split()
            if (cut and rest[0][0].isalnum()) or (len(rest[0]) > 1 and rest[0].isalpha() and rest[0].islower()):
                return other
        return chosen

    def shown_instead(self, chosen: str | None) -> str | None:
        """On pages without a JSON-LD headline, the <h1> readers see rather than og:title or the
        <title>, which sites word for search and sharing ("… Rezept", "Rutger Bregman: Unser wahres
        Ich" for the <h1>'s "Unser wahres Ich"). The <h1> must be the page's only one (an <h1>
        repeated on the page beside it titles a newsletter or paywall box), about the
        same thing (a content word in common), and neither the site's name nor a kicker line in
        front of the chosen headline ("Tunesien Große Aufgaben ..." for "Große Aufgaben ...").
        When og:title words the headline differently from an <h1> the <title> repeats, og:title
        stays (two wordings of one headline, nothing telling which one the page means)."""
        distinct = set(self.h1s)
        if len(distinct) > 1:  # beside the headline, an <h1> repeated on the page titles a box
            distinct = {h1 for h1 in distinct if self.h1s.count(h1) == 1}
        if not chosen or self.structured[0] or len(distinct) != 1:
            return None
        shown = distinct.pop()
        key, chosen_key = squash(shown), squash(chosen)
        if len(shown.split()) < _MIN_SHOWN_WORDS or chosen_key in key or is_site_name(shown, self.names):
            return None
        if key in self.title_runs and ((self.structured[1] and squash(self.structured[1]) != key)
                                       or (chosen_key in self.title_runs and key not in chosen_key)):
            return None  # og:title's other wording, or a <title> segment beside the headline: the site
        if any(key.startswith(part) and key != part and part not in chosen_key for part in self.title_parts):
            return None  # the site's name in front of its tagline: "ProNATs e.V. Verein zur ..."
        about = set(_CONTENT_WORD.findall(f"{chosen} {self.title} {self.structured[1]}".casefold()))
        return shown if about & set(_CONTENT_WORD.findall(shown.casefold())) else None

    def heading_above_body(self, chosen: str | None) -> str | None:
        """Pages with no structured headline whose <title> names only the site or a section
        ("SuperSoccer", "The Sports Network - National Hockey League"): the heading right above the
        article's first paragraph, when it is longer than what the <title> gave, and nothing near the
        article start repeats that (the <h1> "Wednesday, 9 January Jeremy Clarkson ripped off" backs
        the <title>'s "Jeremy Clarkson ripped off" over the deck below it)."""
        if any(self.structured) or self.content is None:
            return None
        above_body = _lines_above_body(self.content)
        chosen = chosen or ""
        chosen_words = _words(chosen)
        if len(chosen_words.split()) > 1 and any(f" {chosen_words} " in f" {_words(block.text)} "
                                for block in above_body if not block.link_chars):  # not a breadcrumb
            return None
        if len(chosen.split()) > 1 and len(set(self.h1s)) == 1 and squash(chosen) == squash(self.h1s[0]):
            return None  # the page's one <h1> says what the <title> says
        if len(chosen.split()) > 1 and squash(chosen) in self.heading_keys and squash(chosen) in self.title_runs:
            return None  # a heading shows what the <title> says
        # Against one word ("Page", "Sections": a menu label) a two-word heading will do.
        least = _MIN_TITLE_MATCH_WORDS if len(chosen.split()) <= 1 else _MIN_SHOWN_WORDS
        for block in above_body:
            words = len(block.text.split())
            if _is_headline_line(block) and len(chosen.split()) < words <= _MAX_HEADLINE_WORDS \
                    and words >= least and not BYLINE_PREFIX.match(block.text) \
                    and not names_a_day(block.text):
                return block.text
        return None

    def as_shown(self, text: str) -> str:
        """The headline in the visible headings' typography when they differ only in quote, dash and
        ellipsis characters (og:title's "Keks'n" is the page's "Keks’n"), else only in letter case
        (og:title's "Pounds Of Cocaine" is the page's "Pounds of Cocaine"); headings first, then, for
        a headline all in lower or upper case, any visible line of its length (a <strong> line
        opening the post). Not for a JSON-LD
        headline: the publisher's own statement of it is taken as written."""
        plain = text.translate(_TYPOGRAPHY)
        for shown in ((*self.h1s, *self.headings), self.later_headings,
                      self.shown_lines(len(text)) if text.islower() or text.isupper() else ()):
            found = next((line for line in shown if line.translate(_TYPOGRAPHY) == plain), None) \
                or next((line for line in shown if line.translate(_TYPOGRAPHY).casefold() == plain.casefold()), None)
            if found:
                return found
        return text

    def shown_lines(self, length: int) -> tuple[str, ...]:
        """The page's visible text pieces of about the headline's length, outside headings."""
        pieces = _TEXT_OF_LENGTH(self.doc.root, low=length - _LENGTH_SLACK, high=length + _LENGTH_SLACK)
        return tuple(" ".join(piece.split()) for piece in pieces)

    def usable(self, text: str) -> bool:
        return len(text) >= _MIN_HEADLINE and not is_site_name(text, self.names)

    def clean(self, text: str) -> str:
        """Without the segments that name the site or that the page shows apart from the headline."""
        if not text:
            return ""
        text = _DANGLING_SEPARATOR.sub("", self.shown_part(text) or strip_site_suffix(text, self.names))
        text = _before_date_segment(text)
        bare = _TRAILING_NOTE.sub("", text)
        return bare if bare != text and squash(bare) in self.heading_keys else text

    def shown_part(self, text: str) -> str | None:
        """"Headline | Börsen-Zeitung" -> "Headline" when the page's <h1> says just "Headline"
        (and has as many words as the rest: a short h1 is a section name, not the headline)."""
        parts = _SEPARATOR.split(text)
        if len(parts) < 2:
            return None
        separators = _SEPARATOR.findall(text)
        for cut in range(1, len(parts)):
            head, tail = _join(parts[:cut], separators[:cut - 1]), _join(parts[cut:], separators[cut:])
            for kept, dropped in ((head, tail), (tail, head)):
                if squash(kept) in self.h1_keys and len(kept.split()) >= max(len(dropped.split()),
                                                                               _MIN_TITLE_MATCH_WORDS):
                    return kept
        return None

    def backed_up(self, text: str, others: list[str]) -> bool:
        key = squash(text)
        return key in self.heading_keys or key in self.title_runs or key in map(squash, others) \
            or (len(key) >= 12 and key in squash(self.title))

    def in_title(self, text: str) -> bool:
        """Is the text the <title>, a run of its segments, or its start or end with a few words
        beside it ("Headline on Example.com", "AKI - Adnkronos international Headline")?"""
        if squash(text) in self.title_runs:
            return True
        words = _words(text)
        if len(words.split()) < _MIN_AFFIX_WORDS or len(words) >= len(self.title_words):
            return False
        rest = self.title_words.removeprefix(words + " ") if self.title_words.startswith(words + " ") \
            else self.title_words.removesuffix(" " + words) if self.title_words.endswith(" " + words) else None
        return rest is not None and len(rest.split()) <= _MAX_AFFIX_REST_WORDS

    def about_this_page(self, text: str) -> bool:
        """Do most of the headline's words appear in the <title> or <h1>? A social headline worded
        differently does; a page type or section name in the headline field does not."""
        words = set(_WORD.findall(text.casefold()))
        shown = set(_WORD.findall(f"{self.title} {self.h1}".casefold()))
        return bool(words) and len(words & shown) >= _ABOUT_SHARE * len(words)

    def heading_in_title(self) -> str | None:
        """The longest heading (h1-h6), else the longest other visible text, that is the <title>
        or a run of its segments."""
        if not self.title_runs:
            return None
        texts = ((" ".join(piece.split()), piece) for piece in _BODY_TEXT(self.doc.root)
                 if len(piece) <= _MAX_HEADING_CHARS)
        for group in (self.headings, texts):
            found = [text for text, *node in map(_with_node, group) if _word_count(text) >= _MIN_TITLE_MATCH_WORDS
                     and self.in_title(text) and not is_site_name(text, self.names) and not _hidden(node)]
            if found:
                return strip_site_suffix(clean_text(max(found, key=len)), self.names).strip(_EDGE_PUNCTUATION) or None
        return None


def _kicker_split(h1) -> tuple[str, str, str] | None:
    """(whole text, topic line, headline) of an <h1> whose first element is a topic line by its
    class or tag (`<small>`, "kicker", "overline", "roofline", "label"...) and whose text goes on
    after it with no colon or dash between them; else None."""
    inner = h1
    children = [child for child in inner if isinstance(child.tag, str)]
    while len(children) == 1 and not (inner.text or "").strip() and not (children[0].tail or "").strip():
        inner = children[0]  # through a link around the whole heading
        children = [child for child in inner if isinstance(child.tag, str)]
    if len(children) < 1 or (inner.text or "").strip():
        return None
    first = children[0]
    if first.tag != "small" and not _KICKER_CLASS.search(class_and_id(first)):
        return None
    kicker = clean_text(first.text_content())
    full = _heading_text(h1)
    if not kicker or not full.startswith(kicker) or len(kicker.split()) > _MAX_KICKER_WORDS:
        return None
    rest = full[len(kicker):].strip()
    if len(rest.split()) < _MIN_SHOWN_WORDS or kicker[-1] in _KICKER_SEPARATOR or rest[0] in _KICKER_SEPARATOR:
        return None
    return full, kicker, rest


def _with_node(item):
    return item if isinstance(item, tuple) else (item,)


def _hidden(node: list) -> bool:
    """Is the text node inside an element hidden by markup (a share template, `style="display:none"`),
    by the body's one rule (blocks.is_hidden)?"""
    if not node:
        return False
    parent = node[0].getparent()
    return parent is not None and any(map(is_hidden, (parent, *parent.iterancestors())))


def _word_count(text: str) -> int:
    """Words, counting two CJK characters as one (those scripts put no spaces between words)."""
    words = len(text.split())
    return max(words, len(CJK.findall(text)) // 2) if not text.isascii() else words


def _is_logo(heading, url: str) -> bool:
    """Is the heading the site's logo: all its text one link to the front page (`<h1 class=site-title>
    <a href="/" rel="home">Site</a></h1>`)?"""
    links = heading.findall(".//a")
    return len(links) == 1 and links_home(links[0], url) \
        and squash(links[0].text_content()) == squash(heading.text_content())


def _heading_text(heading) -> str:
    """A heading's text without the style sheets or scripts inside it ("Headline.css-1ez6len{...}")."""
    if heading.find(".//style") is None and heading.find(".//script") is None:
        return clean_text(heading.text_content())
    return clean_text("".join(_SHOWN_TEXT(heading)))


def _lines_above_body(content: Content) -> list[Block]:
    """The page's lines from the article's first paragraph up, nearest first, while at most a
    date, byline or share bar (_MAX_LEAD_IN_CHARS) lies between them and the paragraph."""
    start = content.body_start()
    if start is None:
        return []
    page = content.page_blocks
    lines, between = [page[start]], 0
    for block in reversed(page[max(start - _MAX_LEAD_IN_BLOCKS, 0):start]):
        if between > _MAX_LEAD_IN_CHARS:
            break
        lines.append(block)
        between += block.chars
    return lines


def _is_headline_line(block: Block) -> bool:
    """A heading (h1-h6), or a line whose class says headline or title ("ArticleHead",
    "article_headline"), not a link."""
    if block.link_chars:
        return False
    if block.heading:
        return True
    for element in (block.element, *islice(block.element.iterdescendants(tag=etree.Element), _MAX_INLINE)):
        if not HEADLINE_CLASS_WORDS.isdisjoint(class_words(element)) or \
                _HEADLINE_CLASS.search(class_and_id(element)):
            return True
    return False


def _without_dateline(text: str) -> str:
    """The heading without a date in front of it ("1. Februar 2022 Bundesministerin Raab: ...",
    "Wednesday, 09 January 2008 Jeremy Clarkson ripped off"): the shortest run of leading words
    that names a day, when at least _MIN_SHOWN_WORDS words follow."""
    words = text.split()
    if not any(char.isdigit() for word in words[:_MAX_DATELINE_WORDS] for char in word):
        return text
    for count in range(1, min(_MAX_DATELINE_WORDS, len(words) - _MIN_SHOWN_WORDS) + 1):
        if names_a_day(" ".join(words[:count]).rstrip(_DATELINE_END), relative=False):
            return " ".join(words[count:]).lstrip(_DATELINE_END)
    return text


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold().replace("'", "").replace("’", "")))


def _segment_runs(title: str) -> set[str]:
    """Squashed keys of the <title> and of every run of its segments ("A - B - C": A, AB, B, ...),
    except runs much shorter than its longest segment (the site's name in "Site : Headline")."""
    if not title:
        return set()
    parts = [part for part in _SEPARATOR.split(title) if part.strip()]
    longest = max(map(len, parts))
    runs = {squash(title)}
    for start in range(len(parts)):
        for end in range(start + 1, len(parts) + 1):
            run = " ".join(parts[start:end])
            if len(run.split()) >= _MIN_AFFIX_WORDS or len(run) * 3 >= longest:
                runs.add(squash(run))
    runs.discard("")
    return runs


def _before_date_segment(text: str) -> str:
    """"Headline | January 15, 2008 | AHN" -> "Headline": a date segment and what follows it;
    "23.01.2022 - Headline" -> "Headline": a date segment in front."""
    parts = _SEPARATOR.split(text)
    if len(parts) < 2:
        return text
    separators = _SEPARATOR.findall(text)
    dates = [len(part.split()) <= _MAX_DATELINE_WORDS and names_a_day(part.strip(), relative=False) for part in parts]
    if dates[0] and not any(dates[1:]):  # "23.01.2022 - Headline": a dateline
        rest = _join(parts[1:], separators[1:])
        return rest if len(rest.split()) >= _MIN_SHOWN_WORDS else text
    if True in dates[1:]:
        head = _join(parts[:dates.index(True, 1)], separators)
        return head if len(head.split()) >= _MIN_SHOWN_WORDS else text
    return text


def strip_site_suffix(text: str, names: set[str]) -> str:
    """Drop trailing (or leading) segments that name the site: "Headline | Section | Site" -> "Headline"."""
    parts = _SEPARATOR.split(text)
    if len(parts) < 2:
        return text
    separators = _SEPARATOR.findall(text)
    for index in range(len(parts) - 1, 0, -1):
        if is_site_name(parts[index], names):
            # Cut before the site name, and before a short section label in front of it.
            cut = index
            if cut >= 2 and len(parts[cut - 1].split()) <= 2 and len(parts[cut - 1]) <= 20:
                cut -= 1
            return _join(parts[:cut], separators)
    if is_site_name(parts[0], names):
        # "Site | Section | Headline": the site's name and short section labels after it.
        start = 1
        while start < len(parts) - 1 and len(parts[start].split()) <= 2 and len(parts[start]) <= 20:
            start += 1
        return _join(parts[start:], separators[start:])
    return text


def _join(parts: list[str], separators: list[str]) -> str:
    out = parts[0]
    for separator, part in zip(separators, parts[1:], strict=False):
        out += separator + part
    return out.strip()


def _without_kicker(candidates: list[str]) -> list[str]:
    """When og:title is the JSON-LD headline minus a "Kicker: " label, the label is a topic line
    above the headline, not part of it: "SVP-Parteitag: Chiesa ruft ..." -> "Chiesa ruft ..."."""
    headline, og_title = candidates[0], candidates[1]
    if og_title and headline != og_title and headline.endswith(og_title) \
            and _KICKER.match(headline[:len(headline) - len(og_title)]):
        return [og_title, headline, *candidates[2:]]
    return candidates
