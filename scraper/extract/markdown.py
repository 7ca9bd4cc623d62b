"""body_markdown: the cleaned body_html (a BeautifulSoup element) as CommonMark with GFM tables.

A converter for exactly the tags html_output.py lets through; markdownify does the same job on
any HTML, and is measured against this one in bench/extract_formats.py (0.72 vs 0.44 ms median per
dev-corpus page on the same soup). Headings are ATX (`## `), lists `-` / `1.`,
quotes `> `, code fenced, images `![alt](src)` with their caption in italics below, links
inline. Text is escaped where Markdown would read it as markup.
"""

from __future__ import annotations

import re

from bs4 import NavigableString, Tag

_INLINE_ESCAPE = re.compile(r"([\\`*\[\]<])|(?<!\w)_|_(?!\w)")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])(?=\s|$)")
_SPACES = re.compile(r"\s+")
_DOUBLE_SPACE = re.compile(r"(?<=\S)  +(?=\S)")  # left where an image or empty tag was removed
_HEADING_MARKS = {"h2": "##", "h3": "###", "h4": "####"}


def to_markdown(root) -> str:
    """Markdown of a cleaned body element (None -> "")."""
    if root is None:
        return ""
    return "\n\n".join(block for block in _blocks(root) if block)


def _blocks(parent) -> list[str]:
    out: list[str] = []
    loose: list = []  # inline content directly in a container (text in a list item with a sub-list)
    for child in parent.children:
        if isinstance(child, Tag) and child.name in _BLOCK_RENDERERS:
            if loose:
                out.append(_paragraph(loose))
                loose = []
            out.append(_BLOCK_RENDERERS[child.name](child))
        else:
            loose.append(child)
    if loose:
        out.append(_paragraph(loose))
    return out


def _paragraph(nodes) -> str:
    text = _DOUBLE_SPACE.sub(" ", _inline_nodes(nodes).strip())
    return _LINE_START.sub(r"\1\\\2", text) if text else ""


def _p(tag: Tag) -> str:
    return _paragraph(tag.children)


def _heading(tag: Tag) -> str:
    text = _inline_nodes(tag.children).strip()
    return f"{_HEADING_MARKS[tag.name]} {text}" if text else ""


def _list(tag: Tag) -> str:
    items = []
    number = 1
    for item in tag.find_all("li", recursive=False):
        marker = f"{number}. " if tag.name == "ol" else "- "
        number += 1
        content = "\n\n".join(block for block in _blocks(item) if block)
        items.append(marker + _indent(content, " " * len(marker)))
    return "\n".join(items)


def _indent(text: str, prefix: str) -> str:
    """Continuation lines of a list item, indented under its marker."""
    return "\n".join(line if index == 0 or not line else prefix + line
                     for index, line in enumerate(text.split("\n")))


def _blockquote(tag: Tag) -> str:
    inner = "\n\n".join(block for block in _blocks(tag) if block)
    return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))


def _pre(tag: Tag) -> str:
    code = tag.get_text().strip("\n")
    fence = "```"
    while fence in code:
        fence += "`"
    return f"{fence}\n{code}\n{fence}"


def _figure(tag: Tag) -> str:
    img = tag.find("img")
    caption_tag = tag.find("figcaption")
    caption = _inline_nodes(caption_tag.children).strip() if caption_tag else ""
    if img is None:
        return f"*{caption}*" if caption else ""
    alt = _escape(img.get("alt") or "")
    image = f"![{alt}]({_url(img['src'])})"
    return f"{image}\n\n*{caption}*" if caption else image


def _table(tag: Tag) -> str:
    rows = [[_cell(cell) for cell in row.find_all(("td", "th"), recursive=False)]
            for row in tag.find_all("tr") if row.find_parent("table") is tag]
    rows = [row for row in rows if row]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join(" --- " for _ in range(width)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def _cell(cell: Tag) -> str:
    text = " ".join(block.replace("\n", " ") for block in _blocks(cell) if block)
    return text.replace("|", "\\|")


_BLOCK_RENDERERS = {"p": _p, "h2": _heading, "h3": _heading, "h4": _heading, "ul": _list, "ol": _list,
                    "blockquote": _blockquote, "pre": _pre, "figure": _figure, "table": _table}


def _inline_nodes(nodes) -> str:
    return "".join(_inline(node) for node in nodes)


def _inline(node) -> str:
    if isinstance(node, NavigableString):
        return _escape(_SPACES.sub(" ", str(node)))
    if not isinstance(node, Tag):
        return ""
    name = node.name
    if name == "br":
        return "\\\n"  # a hard line break
    if name == "code":
        code = _SPACES.sub(" ", node.get_text())
        ticks = "``" if "`" in code else "`"
        return f"{ticks}{code}{ticks}" if code.strip() else code
    inner = _inline_nodes(node.children)
    if name in ("strong", "em"):
        return _wrap(inner, "**" if name == "strong" else "*")
    if name == "a" and node.get("href"):
        return f"[{inner.strip()}]({_url(node['href'])})" if inner.strip() else ""
    return inner  # anything else the cleaner let through inline: its text


def _wrap(text: str, mark: str) -> str:
    """**bold** with the spaces moved outside the marks (`** x**` is not emphasis)."""
    stripped = text.strip()
    if not stripped:
        return text
    lead = text[:len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def _escape(text: str) -> str:
    return _INLINE_ESCAPE.sub(lambda match: "\\" + match.group(0), text)


def _url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
