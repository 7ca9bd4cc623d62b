"""Site chrome and class-name words (chrome.py): one definition for body, sections, bylines, dates."""

from __future__ import annotations

import pytest

from scraper.extract.chrome import class_words, headline_wrappers, in_site_chrome, words_of
from scraper.extract.document import Document


@pytest.mark.parametrize(("names", "words"), [
    ("ArticleModuleTeaser_x", {"article", "module", "teaser", "x"}),
    ("share-bar  post__content", {"share", "bar", "post", "content"}),
    ("HTMLBlock adSlot2", {"html", "block", "ad", "slot", "2"}),
    ("entête-résumé", {"entête", "résumé"}),
])
def test_class_words_split_at_punctuation_and_camel_case(names, words):
    assert words_of(names) == words


def _element(html: str, xpath: str):
    doc = Document.parse(f"<html><body>{html}</body></html>", "https://news.example.com/a")
    return doc.root.xpath(xpath)[0]


def test_class_words_read_class_and_id():
    assert class_words(_element('<div class="relatedPosts" id="box-1">x</div>', "//div")) == \
        {"related", "posts", "box", "1"}


@pytest.mark.parametrize("html", [
    '<nav><a href="/">Home <time>1 May</time></a></nav>',
    '<div class="site-footer"><p><time>1 May</time></p></div>',
    '<aside><p><time>1 May</time></p></aside>',
    '<div class="related-stories"><article><time>1 May</time></article></div>',
    '<div id="comments"><p><time>1 May</time></p></div>',
])
def test_chrome_around_bylines_and_dates(html):
    assert in_site_chrome(_element(html, "//time"), article_tag=False)


def test_inside_the_article_only_threads_and_consent_are_chrome():
    article = '<article><footer><p class="note"><time>1 May</time></p></footer>{}</article>'
    assert not in_site_chrome(_element(article.format(""), "//time"))
    thread = '<div class="comments"><p><span>First!</span></p></div>'
    assert in_site_chrome(_element(article.format(thread), "//span"))


def test_an_aside_beside_the_article_is_chrome_unless_boxes_are_left_out():
    # A notice box is often an <aside>: the FAQ and notice finders leave story boxes out.
    element = _element('<aside id="affiliate-note"><p>We may earn a commission.</p></aside>', "//p")
    assert in_site_chrome(element) and not in_site_chrome(element, boxes=False)


def test_layout_around_the_headline_and_page_classes_are_not_chrome():
    html = ('<div class="panel-two-col-sidebar-right"><article class="node--promoted"><h1>Rates</h1>'
            '<div class="Tech-Sidebar"><span class="byline">By Jane Doe</span></div></article></div>')
    doc = Document.parse(f'<html><body class="has-sidebar">{html}</body></html>', "https://news.example.com/a")
    byline = doc.root.xpath("//span")[0]
    assert in_site_chrome(byline, article_tag=False)  # without knowing the layout
    assert not in_site_chrome(byline, article_tag=False, layout=headline_wrappers(doc.headline))
