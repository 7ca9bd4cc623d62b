"""On every dev-corpus page: body_html's text is the text body (same blocks), body_html holds only
the allowed tags and attributes, body_markdown is there when a body is, image URLs are absolute."""

from __future__ import annotations

from urllib.parse import urlsplit

import lxml.html

from scraper.extract.html_output import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from tests.extract.html_text import html_block_texts


def _articles(corpus_results):
    return [(result.truth["url"], result.article) for result in corpus_results if result.article]


def test_text_of_body_html_is_the_body_on_every_page(corpus_results):
    wrong = [url for url, article in _articles(corpus_results)
             if "\n\n".join(html_block_texts(article["body_html"])) != article["body"]]
    assert wrong == []


def test_body_html_holds_only_allowed_tags_and_attributes(corpus_results):
    found = set()
    for _, article in _articles(corpus_results):
        if not article["body_html"]:
            continue
        root = lxml.html.fragment_fromstring(article["body_html"], create_parent="div")
        for element in root.iterdescendants():
            found.add(element.tag)
            for name in element.attrib:
                assert name in ALLOWED_ATTRIBUTES.get(element.tag, ()), (element.tag, name)
    assert found <= ALLOWED_TAGS
    assert {"p", "a", "figure", "img"} <= found  # the corpus does exercise the builder


def test_markdown_and_images(corpus_results):
    for url, article in _articles(corpus_results):
        assert bool(article["body_markdown"]) == bool(article["body"]), url
        for image in [article["image_url"], *(image["url"] for image in article["images"])]:
            if image is not None:
                assert urlsplit(image).scheme in ("http", "https") and urlsplit(image).netloc, (url, image)
