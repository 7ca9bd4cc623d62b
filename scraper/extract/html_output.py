"""body_html: the article body as clean HTML, built from exactly the blocks the text body came from.

Two steps, each on the tool made for it:

1. On the lxml tree (no second parse of the page), each kept text block is cut out of its
   element with its inline markup, in reading order, and set in the structure around it: list,
   list item, quote, data table (a table without tables inside; layout tables are ignored),
   heading or preformatted text. The body's figures are put in at their place. A block whose
   inline markup cannot be cut out cleanly is written as its plain text, so the text of body_html
   is always the text body: `body == "\\n\\n".join(text of each innermost p/h2-h4/li/pre/td/th)`.
2. BeautifulSoup (lxml builder) cleans that small fragment, never the whole page: only
   p, h2-h4, ul/ol/li, blockquote, figure/img/figcaption, table rows and cells, a, strong/em,
   pre/code and br (lines of one list item or cell) stay; scripts, styles, frames and SVG go with their content, other tags are unwrapped,
   every attribute goes except a's href (absolute http(s)/mailto, javascript: links unwrapped),
   img's src/alt and cells' colspan/rowspan; images outside a figure and tracking pixels go.

The cleaned soup also feeds the Markdown converter (markdown.py), so the page is parsed by
BeautifulSoup once, as a fragment of a few kilobytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from .blocks import Block, is_hidden
from .images import BodyImage, absolute_image_url
from .rules import BLOCK_TAGS, NEVER_TEXT_TAGS

# What body_html may contain, and which attributes.
ALLOWED_TAGS = frozenset({"p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "figure", "img", "figcaption",
                          "table", "tr", "th", "td", "a", "strong", "em", "pre", "code", "br"})
ALLOWED_ATTRIBUTES = {"a": ("href",), "img": ("src", "alt"), "td": ("colspan", "rowspan"),
                      "th": ("colspan", "rowspan")}
# Removed with everything inside them (the rest of the disallowed tags are unwrapped: their text stays).
DROPPED_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "frame", "frameset", "svg", "math",
                          "object", "embed", "applet", "canvas", "video", "audio", "source", "track", "form",
                          "input", "button", "select", "option", "textarea", "head", "title", "meta", "link",
                          "base", "param", "picture", "map", "area", "dialog"})
RENAMED_TAGS = {"b": "strong", "i": "em", "kbd": "code", "samp": "code", "tt": "code"}
_LINK_SCHEMES = ("http", "https", "mailto")
_VOID_TAGS = frozenset({"img", "br", "hr", "wbr", "input", "source", "meta", "link", "area", "col", "embed"})
# Structure a block can sit in (between it and the article container), outermost first.
_WRAPPER_TAGS = frozenset({"blockquote", "ul", "ol", "li", "table", "tr", "td", "th"})
_TABLE_PARTS = frozenset({"table", "tr", "td", "th"})
_CELL_TAGS = ("td", "th")
_HEADING_TAGS = {1: "h2", 2: "h2", 3: "h3", 4: "h4", 5: "h4", 6: "h4"}
_MAX_WRAPPER_DEPTH = 12  # outside the container (the standfirst): look this far up for structure
_SPACES = re.compile(r"\s\s+|[\t\n\r\f\v]")
_INLINE_FORMATTING = frozenset({"strong", "em", "code"})
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_:][-A-Za-z0-9_:.]*$")


def body_soup(blocks: list[Block], images: list[BodyImage], container, base_url: str, body: str):
    """The cleaned body as a BeautifulSoup <body> element (body_html is its contents)."""
    if blocks:
        fragment = render_fragment(blocks, images, container)
    else:  # a body from JSON-LD text: its paragraphs are the blocks
        fragment = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in body.split("\n\n") if paragraph)
    return clean_fragment(fragment, base_url)


def soup_html(soup) -> str:
    return soup.decode_contents(formatter="minimal") if soup is not None else ""


# ---------------------------------------------------------------- step 1: blocks -> raw fragment


@dataclass
class _Segment:
    html: str
    text: str  # whitespace-normalised, as the block walker normalises it


def render_fragment(blocks: list[Block], images: list[BodyImage], container) -> str:
    """The blocks (and images) as HTML with their original inline markup, not yet cleaned."""
    out: list[str] = []
    segments: dict = {}  # element -> its segments and how many are used
    stack: list = []  # open wrapper elements
    filled: dict = {}  # open <tr> -> how many of its cells have been written
    direct_in = None  # the cell or list item whose own text was written last
    for item in _reading_order(blocks, images, container):
        path = _wrappers(item.element, container)
        common = 0
        while common < len(stack) and common < len(path) and stack[common] is path[common]:
            common += 1
        while len(stack) > common:
            _close(stack.pop(), out, filled)
        for element in path[common:]:
            _open(element, out, filled)
            stack.append(element)
        if isinstance(item, BodyImage):
            out.append(_figure_html(item))
            direct_in = None
            continue
        holder = stack[-1] if stack and stack[-1].tag in (*_CELL_TAGS, "li") else None
        html, direct = _block_html(item, segments, holder)
        if direct and direct_in is holder:
            out.append("<br>")  # a cell or list item cut in lines by <br>: one block per line
        out.append(html)
        direct_in = holder if direct else None
    while stack:
        _close(stack.pop(), out, filled)
    return "".join(out)


def _reading_order(blocks: list[Block], images: list[BodyImage], container) -> list:
    """Blocks in their order, each image after the last block that starts before it."""
    if not images or container is None:
        return list(blocks)
    position = {element: index for index, element in enumerate(container.iter())}
    items: list = list(blocks)
    for image in sorted(images, key=lambda found: position.get(found.element, -1)):
        at = position.get(image.element, -1)
        insert = 0
        for index, item in enumerate(items):
            if position.get(item.element, -1) < at:
                insert = index + 1
        items.insert(insert, image)
    return items


def _wrappers(element, container) -> list:
    """The lists, list items, quotes and data-table parts around `element`, outermost first."""
    path = []
    node, depth = element, 0
    while node is not None and node is not container and depth < _MAX_WRAPPER_DEPTH:
        if node.tag in _WRAPPER_TAGS:
            path.append(node)
        node, depth = node.getparent(), depth + 1
    path.reverse()
    layout_tables = {node for node in path if node.tag == "table" and node.find(".//table") is not None}
    if not layout_tables:
        return [node for node in path if node.tag not in _TABLE_PARTS or _table_part_is_whole(node, path)]
    return [node for node in path if node.tag not in _TABLE_PARTS or
            (_table_of(node) not in layout_tables and _table_part_is_whole(node, path))]


def _table_of(node):
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node


def _table_part_is_whole(node, path) -> bool:
    """A row or cell counts only with its table on the path (the container may start inside a table)."""
    return node.tag == "table" or _table_of(node) in path


def _open(element, out: list[str], filled: dict) -> None:
    tag = element.tag
    if tag in _CELL_TAGS:
        row = element.getparent()
        cells = [cell for cell in row if cell.tag in _CELL_TAGS] if row is not None else [element]
        index = cells.index(element) if element in cells else 0
        out.extend("<td></td>" for _ in range(filled.get(row, 0), index))  # skipped cells keep columns
        filled[row] = index + 1
        out.append(f"<{tag}{_span_attributes(element)}>")
    else:
        out.append(f"<{tag}>")
        if tag == "tr":
            filled[element] = 0


def _close(element, out: list[str], filled: dict) -> None:
    if element.tag == "tr":
        cells = sum(1 for cell in element if cell.tag in _CELL_TAGS)
        out.extend("<td></td>" for _ in range(filled.pop(element, 0), cells))
    out.append(f"</{element.tag}>")


def _span_attributes(cell) -> str:
    return "".join(f' {name}="{cell.get(name)}"' for name in ("colspan", "rowspan")
                   if (cell.get(name) or "").isdigit())


def _block_html(block: Block, segments: dict, holder) -> tuple[str, bool]:
    """The block's HTML, and whether it was written straight into its cell or list item."""
    element = block.element
    inner = _inline_html(block, segments)
    if block.heading:
        tag = _HEADING_TAGS[block.heading]
    elif element.tag == "pre" or any(ancestor.tag == "pre" for ancestor in element.iterancestors()):
        tag = "pre"
    elif element is holder:
        return inner, True  # the text sits directly in its cell or list item
    else:
        tag = "p"
    return f"<{tag}>{inner}</{tag}>", False


def _figure_html(image: BodyImage) -> str:
    caption = " ".join(part for part in (image.caption, image.credit) if part)
    figcaption = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return f'<figure><img src="{escape(image.url)}" alt="{escape(image.alt)}">{figcaption}</figure>'


def _inline_html(block: Block, segments: dict) -> str:
    """The block's inline markup: the segment of its element whose text is the block's text."""
    element = block.element
    if element not in segments:
        segments[element] = [_segments(element, element.tag == "pre"), 0]
    found, used = segments[element]
    for index in range(used, len(found)):
        if found[index].text == block.text:
            segments[element][1] = index + 1
            return found[index].html
    return escape(block.text)  # markup the walker splits differently: the text alone


def _segments(element, keep_spaces: bool) -> list[_Segment]:
    """The element's own inline content, cut where a child block element (or <br>) starts a new
    block, as the block walker cuts it."""
    out: list[_Segment] = []
    html: list[str] = []
    text: list[str] = []
    broken = [False]  # a block element inside inline markup: the walker splits there, we cannot

    def add_text(value: str | None) -> None:
        if value:
            text.append(value)
            html.append(escape(value if keep_spaces else _SPACES.sub(" ", value), quote=False))

    def flush() -> None:
        joined = " ".join("".join(text).split())
        if joined:
            out.append(_Segment("".join(html).strip(), "\0" if broken[0] else joined))
        html.clear()
        text.clear()
        broken[0] = False

    def inline(node) -> None:
        tag = node.tag
        if not isinstance(tag, str) or tag in NEVER_TEXT_TAGS or (node.attrib and is_hidden(node)):
            return
        if tag in BLOCK_TAGS:
            broken[0] = True
        attributes = "".join(f' {name}="{escape(value)}"' for name, value in node.attrib.items()
                             if _ATTRIBUTE_NAME.match(name))
        html.append(f"<{tag}{attributes}>")
        if tag in _VOID_TAGS:
            return
        add_text(node.text)
        for child in node:
            inline(child)
            add_text(child.tail)
        html.append(f"</{tag}>")

    add_text(element.text)
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag in BLOCK_TAGS:
            flush()
        else:
            inline(child)
        add_text(child.tail)
    flush()
    return out


# ---------------------------------------------------------------- step 2: BeautifulSoup cleaning


def clean_fragment(fragment: str, base_url: str):
    """Keep only the allowed tags and attributes; links and image sources absolute."""
    soup = BeautifulSoup(f"<body>{fragment}</body>", "lxml")
    body = soup.body
    if body is not None:
        _clean_children(body, base_url)
    return body


def _clean_children(parent: Tag, base_url: str) -> None:
    """Clean a subtree bottom-up: a tag is judged after its content, so unwrapping never revisits."""
    for tag in [child for child in parent.children if isinstance(child, Tag)]:
        name = RENAMED_TAGS.get(tag.name, tag.name)
        if name in DROPPED_TAGS:
            tag.decompose()
            continue
        _clean_children(tag, base_url)
        if name not in ALLOWED_TAGS:
            tag.unwrap()
            continue
        tag.name = name
        allowed = ALLOWED_ATTRIBUTES.get(name)
        tag.attrs = {key: value for key, value in tag.attrs.items() if key in allowed} if allowed else {}
        if name == "a":
            href = safe_href(base_url, tag.get("href"))
            if href is None or not tag.get_text(strip=True):
                tag.unwrap()  # javascript: and other non-links, or a link around nothing
            else:
                tag["href"] = href
        elif name == "img":
            src = absolute_image_url(base_url, tag.get("src"))
            if src is None or parent.name != "figure":
                tag.decompose()  # pixels, placeholders, and images inside text (figures come apart)
            else:
                tag["src"] = src
                tag["alt"] = tag.get("alt") or ""
        elif name in _INLINE_FORMATTING and not tag.get_text(strip=True):
            tag.unwrap()  # formatting around nothing


def safe_href(base_url: str, href: str | None) -> str | None:
    """An absolute http(s) or mailto link; None for javascript:, data: and other schemes."""
    if not href:
        return None
    href = "".join(href.split())  # browsers ignore whitespace inside URLs ("java\nscript:")
    if href.startswith("#"):
        return None  # in-page anchors point into a page the reader does not have
    url = urljoin(base_url, href) if base_url else href
    scheme = urlsplit(url).scheme.lower()
    if scheme not in _LINK_SCHEMES or (scheme != "mailto" and not urlsplit(url).netloc):
        return None
    return url
