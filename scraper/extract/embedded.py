"""Article text a page carries in script data instead of markup: pages rendered by JavaScript.

Read only when the visible page yields (almost) no body. Three general carriers:
- JSON-LD `articleBody` (plain text);
- Next.js app-router pages stream React Server Components "flight" data through
  `self.__next_f.push([1, "..."])` scripts; long strings travel there as text rows
  `<id>:T<hex byte length>,<text>`, and an article's HTML is the longest such row with paragraphs;
- JSON state scripts: `<script type="application/json">` (Next.js pages router `__NEXT_DATA__`,
  Nuxt, Astro islands) and `window.__INITIAL_STATE__ = {...}` assignments; the article's HTML is
  the longest string value with paragraphs.
"""

from __future__ import annotations

import json
import re

from .document import Document

_NEXT_FLIGHT_CHUNK = re.compile(r'self\.__next_f\.push\(\[1,\s*"((?:[^"\\]|\\.)*)"\]\)')
_FLIGHT_TEXT_ROW = re.compile(rb"(?:^|\n)[0-9a-f]+:T([0-9a-f]+),")
MIN_EMBEDDED_CHARS = 200


def json_ld_article_text(doc: Document) -> str | None:
    """The first JSON-LD articleBody long enough to be an article, paragraphs separated by blank lines."""
    for obj in doc.json_ld:
        text = obj.get("articleBody")
        if isinstance(text, str) and len(text) >= MIN_EMBEDDED_CHARS:
            paragraphs = (" ".join(part.split()) for part in re.split(r"\r?\n", text))
            return "\n\n".join(p for p in paragraphs if p)
    return None


def next_flight_html(doc: Document) -> str | None:
    """The longest HTML text row with paragraphs in the page's Next.js flight data, if any."""
    chunks = []
    for script in doc.root.iter("script"):
        source = script.text or ""
        if "__next_f" not in source:
            continue
        for raw in _NEXT_FLIGHT_CHUNK.findall(source):
            try:
                chunks.append(json.loads(f'"{raw}"'))
            except ValueError:  # a chunk cut mid-escape: skip it, keep the rest
                continue
    if not chunks:
        return None
    payload = "".join(chunks).encode("utf-8")
    best = b""
    for row in _FLIGHT_TEXT_ROW.finditer(payload):
        text = payload[row.end(): row.end() + int(row.group(1), 16)]  # the length counts bytes
        if b"<p" in text and len(text) > len(best):
            best = text
    return best.decode("utf-8", errors="replace") if len(best) >= MIN_EMBEDDED_CHARS else None


_STATE_ASSIGNMENT = re.compile(r"^\s*window\.__[A-Z_]+__\s*=\s*")
_MAX_STATE_DEPTH = 40


def script_state_html(doc: Document) -> str | None:
    """The longest HTML string with paragraphs in the page's JSON state scripts, if any."""
    best = ""
    for script in doc.root.iter("script"):
        data = _state_json(script)
        if data is not None:
            for text in _strings(data, 0):
                if len(text) > len(best) and "<p" in text:
                    best = text
    return best if len(best) >= MIN_EMBEDDED_CHARS else None


def _state_json(script):
    source = script.text or ""
    kind = (script.get("type") or "").lower()
    if kind == "application/json":
        body = source
    elif _STATE_ASSIGNMENT.match(source):
        body = _STATE_ASSIGNMENT.sub("", source, count=1).strip().rstrip(";")
    else:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def _strings(value, depth: int):
    if depth > _MAX_STATE_DEPTH:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, depth + 1)
