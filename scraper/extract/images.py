"""Images: the lead image of the page and the article body's images with their captions and credits.

The lead image is what the page declares for sharing (og:image, then the article's JSON-LD
`image`, then twitter:image), else the first image of the body. Body images are the <figure>s
and stand-alone <img>s inside the article container that are not part of its furniture (a
related-stories box, a share bar, an author photo in the byline), with lazy-loading attributes
read, placeholders and tracking pixels dropped, and URLs made absolute.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .blocks import is_hidden
from .chrome import class_and_id
from .document import Document
from .rules import (
    IMAGE_TRACKER_URL,
    NEVER_TEXT_TAGS,
    NOT_ARTICLE_IMAGE_BOX,
    PICTURE_CREDIT_CLASS,
    PICTURE_CREDIT_SUFFIX,
    SITE_CHROME_TAGS,
)
from .site import article_json_ld

# Where lazy loaders keep the real address while `src` holds a placeholder: read before `src`.
_LAZY_SRC_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src")
_SRCSET_ATTRIBUTES = ("srcset", "data-srcset", "data-lazy-srcset")
_MIN_ICON_SIZE = 50  # px: a stand-alone image declared smaller than this is an icon, not a picture
_MAX_PIXEL_SIZE = 3  # px: a 1x1 (or 2x2, 3x3) image is a tracking pixel

@dataclass
class BodyImage:
    element: etree._Element  # the <figure> or <img>: its place in the reading order
    url: str  # absolute
    alt: str = ""
    caption: str = ""
    credit: str = ""


def lead_image(doc: Document, body_images: list[BodyImage]) -> str | None:
    """og:image, the JSON-LD article's image, twitter:image, else the first body image; absolute."""
    declared = doc.meta_first("og:image", "og:image:url", "og:image:secure_url")
    if not declared:
        article = article_json_ld(doc) or {}
        declared = _json_ld_image(article.get("image") or article.get("thumbnailUrl"))
    declared = declared or doc.meta_first("twitter:image", "twitter:image:src")
    if declared and (url := absolute_image_url(doc.url, declared)):
        return url
    return body_images[0].url if body_images else None


def _json_ld_image(value) -> str | None:
    """`image` as a URL, an ImageObject ({url|contentUrl}) or a list of either."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return value.strip() if isinstance(value, str) and value.strip() else None


def absolute_image_url(base: str, value: str | None) -> str | None:
    """An http(s) URL for an image reference, or None for placeholders (data:), trackers and junk."""
    if not value:
        return None
    value = value.strip().split(",")[0].strip().split(" ")[0]  # a srcset: its first candidate
    if not value or value.startswith(("data:", "javascript:", "about:", "#")):
        return None
    url = urljoin(base, value)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or IMAGE_TRACKER_URL.search(url):
        return None
    return url


def body_images(container, kept: Iterable[etree._Element], base_url: str) -> list[BodyImage]:
    """The figures and stand-alone images of the article container, in page order.

    `kept` are the elements of the body's text blocks: a boilerplate-marked wrapper around any of
    them is a layout wrapper, so the images inside it belong to the article too."""
    if container is None:
        return []
    kept = set(kept)
    wrappers = _ancestors(kept, container)
    verdicts: dict = {container: False}  # element -> excluded (itself or an ancestor is furniture)
    found: list[BodyImage] = []
    seen: set[str] = set()
    for element in container.iter("figure", "img"):
        if _excluded(element, wrappers, verdicts):
            continue
        if element.tag == "img":
            if any(ancestor.tag == "figure" or ancestor in kept for ancestor in _up_to(element, container)):
                continue  # the figure's own image, or a picture inside a line of text (an icon, an emoji)
            image = _standalone(element, base_url)
        else:
            if any(ancestor.tag == "figure" for ancestor in _up_to(element, container)):
                continue  # a figure inside a figure (a gallery): the outer one was taken
            image = _figure(element, base_url)
        if image is not None and image.url not in seen:
            seen.add(image.url)
            found.append(image)
    return found


def _up_to(element, container):
    """The ancestors of `element` below `container`."""
    for ancestor in element.iterancestors():
        if ancestor is container:
            return
        yield ancestor


def _ancestors(kept: Iterable[etree._Element], container) -> set:
    out = set()
    for element in kept:
        while element is not None and element not in out and element is not container:
            out.add(element)
            element = element.getparent()
    return out


def _excluded(element, wrappers: set, verdicts: dict) -> bool:
    path = []
    while element is not None and element not in verdicts:
        path.append(element)
        element = element.getparent()
    verdict = verdicts.get(element, True) if element is not None else True  # outside the container
    for step in reversed(path):
        verdict = verdict or _is_furniture(step, wrappers)
        verdicts[step] = verdict
    return verdict


def _is_furniture(element, wrappers: set) -> bool:
    """Hidden, page furniture, or marked as boilerplate without wrapping any of the body's text."""
    tag = element.tag
    if not isinstance(tag, str) or (tag in NEVER_TEXT_TAGS and tag not in ("picture", "noscript")):
        return True
    if tag in SITE_CHROME_TAGS and element not in wrappers:
        return True
    if not element.attrib:
        return False
    if is_hidden(element):
        return True
    return element not in wrappers and bool(NOT_ARTICLE_IMAGE_BOX.search(class_and_id(element)))


def _figure(figure, base_url: str) -> BodyImage | None:
    img = next((img for img in figure.iter("img") if _image_url(img, base_url)), None)
    if img is None:
        return None
    caption_element = next(figure.iter("figcaption"), None)
    caption, credit = split_credit(caption_element) if caption_element is not None else ("", "")
    if not credit:  # a credit line beside the caption, inside the figure
        credit = next((_text(el) for el in figure.iter() if el is not figure and el.tag != "img"
                       and caption_element not in el.iterancestors() and el is not caption_element
                       and PICTURE_CREDIT_CLASS.search(class_and_id(el))), "")
    return BodyImage(figure, _image_url(img, base_url), _alt(img), caption, credit)


def _standalone(img, base_url: str) -> BodyImage | None:
    url = _image_url(img, base_url)
    if url is None or _declared_size(img) < _MIN_ICON_SIZE:
        return None
    return BodyImage(img, url, _alt(img))


def _image_url(img, base_url: str) -> str | None:
    if _declared_size(img) <= _MAX_PIXEL_SIZE:
        return None
    for attribute in (*_LAZY_SRC_ATTRIBUTES, "src", *_SRCSET_ATTRIBUTES):
        url = absolute_image_url(base_url, img.get(attribute))
        if url:
            return url
    return None


def _declared_size(img) -> int:
    """The smaller of the declared width and height in px (a large number when not declared)."""
    sizes = []
    for attribute in ("width", "height"):
        value = (img.get(attribute) or "").strip().removesuffix("px")
        if value.isdigit():
            sizes.append(int(value))
    return min(sizes) if sizes else 10_000


def _alt(img) -> str:
    return " ".join((img.get("alt") or "").split())


def _text(element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def split_credit(caption_element) -> tuple[str, str]:
    """(caption, credit) of a <figcaption>: a credit-marked child element, else a credit suffix."""
    credit_parts = []
    for element in caption_element.iter():
        if element is caption_element:
            continue
        if element.tag in ("cite", "small") or PICTURE_CREDIT_CLASS.search(class_and_id(element)):
            credit_parts.append(element)
    if credit_parts:
        credit = " ".join(_text(element) for element in credit_parts)
        caption = _text_without(caption_element, credit_parts)
        return caption, credit
    text = _text(caption_element)
    match = PICTURE_CREDIT_SUFFIX.search(text)
    if match:
        return text[:match.start()].strip().rstrip(";|–—-").strip(), match.group(1).strip()
    return text, ""


def _text_without(root, excluded: list) -> str:
    parts: list[str] = []

    def walk(element) -> None:
        if element in excluded:
            return
        parts.append(element.text or "")
        for child in element:
            walk(child)
            parts.append(child.tail or "")

    walk(root)
    return " ".join("".join(parts).split())
