"""The body in the formats downstream readers want: clean HTML, Markdown, and its images.

Built from the blocks body.py kept (html_output.py), so the text, the HTML and the Markdown of an
article never disagree; the lead image is the page's declared one, else the body's first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.article import ArticleImage

from .body import Content
from .document import Document
from .html_output import body_soup, soup_html
from .images import body_images, lead_image
from .markdown import to_markdown


@dataclass
class BodyFormats:
    html: str = ""
    markdown: str = ""
    image_url: str | None = None
    images: list[ArticleImage] = field(default_factory=list)


def body_formats(doc: Document, content: Content) -> BodyFormats:
    found = body_images(content.container, (block.element for block in content.blocks), doc.url)
    soup = body_soup(content.blocks, found, content.container, doc.url, content.body) if content.body else None
    images = [ArticleImage(image.url, image.caption or None, image.credit or None, image.alt or None)
              for image in found]
    return BodyFormats(soup_html(soup), to_markdown(soup), lead_image(doc, found), images)
