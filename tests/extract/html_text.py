"""The text of body_html as the extractor's block walker reads it: one string per block, figure
captions left out. `"\\n\\n".join(html_block_texts(article.body_html)) == article.body` is the
invariant that text and HTML come from the same blocks."""

from __future__ import annotations

import lxml.html

from scraper.extract.blocks import iter_blocks


def html_block_texts(body_html: str) -> list[str]:
    if not body_html:
        return []
    root = lxml.html.fragment_fromstring(body_html, create_parent="div")
    return [block.text for block in iter_blocks(root)
            if block.element.tag != "figcaption" and not any(a.tag == "figcaption" for a in block.element.iterancestors())]
