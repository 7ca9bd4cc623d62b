"""Body extraction rules, each on a small hand-made page (no network, no corpus)."""

from __future__ import annotations

import pytest

from scraper.extract import extract
from scraper.extract.blocks import is_boilerplate_marked, iter_blocks
from scraper.extract.body import extract_content
from scraper.extract.container import block_weight, json_ld_article_body
from scraper.extract.document import Document
from scraper.extract.rules import BLOCK_TAGS, FURNITURE_TAGS

URL = "https://news.example.com/markets/2024/05/01/rates"

PARAGRAPHS = [
    "The central bank left its main interest rate unchanged on Wednesday, as officials said they "
    "needed more evidence that inflation was returning to target before cutting borrowing costs.",
    "Markets had priced in a small chance of a cut, and bond yields rose after the decision was "
    "published, while the currency gained against the dollar for a third straight session.",
    "Economists expect the first reduction in September, although several warned that wage growth "
    "remained too strong for policymakers to move quickly in the coming months.",
]


def _paragraphs(texts=PARAGRAPHS) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def page(article: str, before: str = "", after: str = "") -> str:
    """A typical news page: menu, headline, the article, a sidebar and a footer."""
    menu = "".join(f'<li><a href="/{name}">{name}</a></li>' for name in
                   ("Home", "Markets", "Economy", "Companies", "Opinion", "Video", "Podcasts"))
    sidebar = "".join(f'<li><a href="/story/{n}">Most read story number {n} about markets today</a></li>'
                      for n in range(8))
    return (f"<html><head><title>Rates</title></head><body><nav><ul>{menu}</ul></nav>"
            f"<main>{before}<h1>Central bank holds rates</h1>{article}{after}</main>"
            f'<div class="sidebar"><h3>Most read</h3><ul>{sidebar}</ul></div>'
            f"<footer><p>© 2024 Example News. All rights reserved. Terms, privacy and cookie policy "
            f"apply to every page of this site.</p></footer></body></html>")


def body_of(html: str) -> str:
    return extract(html, URL).body


def test_paragraphs_in_reading_order_separated_by_blank_lines():
    assert body_of(page(f"<article>{_paragraphs()}</article>")) == "\n\n".join(PARAGRAPHS)


def test_navigation_sidebar_footer_and_headline_are_dropped():
    body = body_of(page(f"<article>{_paragraphs()}</article>"))
    for furniture in ("Podcasts", "Most read", "All rights reserved", "Central bank holds rates"):
        assert furniture not in body


def test_subheadings_lists_and_quotes_are_kept():
    article = (f"<article><p>{PARAGRAPHS[0]}</p><h2>What comes next</h2><p>{PARAGRAPHS[1]}</p>"
               "<ul><li>Inflation data due on Friday</li><li>Jobs report next week</li></ul>"
               "<blockquote>We are not in a hurry to cut rates, the governor told reporters.</blockquote>"
               f"<p>{PARAGRAPHS[2]}</p></article>")
    blocks = body_of(page(article)).split("\n\n")
    assert blocks == [PARAGRAPHS[0], "What comes next", PARAGRAPHS[1], "Inflation data due on Friday",
                      "Jobs report next week",
                      "We are not in a hurry to cut rates, the governor told reporters.", PARAGRAPHS[2]]


def test_share_bar_related_box_newsletter_and_captions_are_dropped():
    article = ('<article><div class="share-tools"><a href="#">Facebook</a><a href="#">X</a></div>'
               f"<p>{PARAGRAPHS[0]}</p>"
               "<figure><img src='a.jpg'><figcaption>The governor at a press conference</figcaption></figure>"
               f"<p>{PARAGRAPHS[1]}</p>"
               '<div class="newsletter-signup"><p>Sign up to our morning briefing, delivered free to your '
               "inbox every weekday before the markets open.</p></div>"
               '<div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Bond yields rise as '
               'traders rethink</a></li><li><a href="/b">Currency at a six-month high</a></li></ul></div>'
               f"<p>{PARAGRAPHS[2]}</p></article>")
    assert body_of(page(article)) == "\n\n".join(PARAGRAPHS)


def test_byline_dateline_and_advert_label_are_dropped():
    article = ('<article><div class="byline">By Jane Smith</div><p>Published 1 May 2024, 14:05</p>'
               f"<p>{PARAGRAPHS[0]}</p><div>Advertisement</div>{_paragraphs(PARAGRAPHS[1:])}</article>")
    assert body_of(page(article)) == "\n\n".join(PARAGRAPHS)


def test_comment_thread_is_not_the_article_even_when_longer():
    comments = "".join(f'<div class="comment"><p>{text} I think this reader comment number {n} '
                       f"adds a long opinion of its own.</p></div>" for n, text in enumerate(PARAGRAPHS * 3))
    html = page(f"<article>{_paragraphs()}</article>", after=f'<section id="comments">{comments}</section>')
    assert body_of(html) == "\n\n".join(PARAGRAPHS)


def test_standfirst_between_headline_and_body_is_kept():
    article = ('<p class="standfirst">Officials want more evidence before they cut, the governor said.</p>'
               f'<div class="article-body">{_paragraphs()}</div>')
    body = body_of(page(article))
    assert body.split("\n\n")[0] == "Officials want more evidence before they cut, the governor said."
    assert body.endswith(PARAGRAPHS[2])


def test_body_split_by_an_advert_is_joined():
    article = (f'<div class="article-body">{_paragraphs(PARAGRAPHS[:2])}</div>'
               '<div class="ad-slot"><a href="/ad">Buy now</a></div>'
               f'<div class="article-body">{_paragraphs(PARAGRAPHS[2:])}</div>')
    assert body_of(page(article)) == "\n\n".join(PARAGRAPHS)


def test_layout_wrapper_with_a_boilerplate_word_keeps_the_article():
    # "img_container" says boilerplate, but it wraps all the page's prose: it cannot be boilerplate.
    html = page(f'<div class="img_container"><article>{_paragraphs()}</article></div>')
    assert body_of(html) == "\n\n".join(PARAGRAPHS)


def test_hidden_text_is_not_body_but_streamed_fragments_are():
    hidden = '<div style="display:none"><p>Hidden survey text that readers never see on the page.</p></div>'
    assert "Hidden survey" not in body_of(page(f"<article>{_paragraphs()}{hidden}</article>"))
    streamed = f'<div hidden id="S:1"><article>{_paragraphs()}</article></div>'
    assert body_of(page("", after=streamed)) == "\n\n".join(PARAGRAPHS)


def test_text_after_html_comments_is_kept():
    article = "<article>" + "".join(f"<p><!-- start -->{text}<!-- end --></p>" for text in PARAGRAPHS)
    assert body_of(page(article + "</article>")) == "\n\n".join(PARAGRAPHS)


def test_text_confirmed_byjson_ld_article_body_weighs_more():
    short = "Shares of the lender fell after it cut its outlook for the year."
    json_ld = f'<script type="application/ld+json">{{"@type": "NewsArticle", "articleBody": "{short}"}}</script>'
    doc = Document.parse(f"<html><head>{json_ld}</head><body><p>{short}</p></body></html>", URL)
    block = next(block for block in iter_blocks(doc.root) if block.text == short)
    assert block_weight(block, json_ld_article_body(doc)) > block_weight(block, "")


def test_page_without_text_gives_an_empty_body_not_an_error():
    assert body_of("<html><body><nav><a href='/'>Home</a></nav></body></html>") == ""


def test_content_separates_sections_from_body():
    html = page(f"<article>{_paragraphs()}<p>Disclaimer: this article is not investment advice.</p></article>")
    content = extract_content(Document.parse(html, URL))
    assert content.body == "\n\n".join(PARAGRAPHS)
    assert content.disclaimer == "Disclaimer: this article is not investment advice."


def test_paywalled_text_hidden_until_login_is_body():
    article = (f"<article><p>{PARAGRAPHS[0]}</p>"
               f'<div class="paywall" hidden>{_paragraphs(PARAGRAPHS[1:])}</div></article>')
    assert body_of(page(article)) == "\n\n".join(PARAGRAPHS)


def test_calls_to_action_poll_options_and_credits_are_dropped():
    article = (f"<article>{_paragraphs()}"
               "<p>Sign up to our newsletter for the latest market news every morning.</p>"
               "<div class='poll'><p>Will rates fall this year?</p><label>Yes</label><label>No</label></div>"
               "<p>Additional reporting by John Doe in London; editing by Jane Roe.</p>"
               "<p>https://news.example.com/markets</p><p>(Quelle: dpa/AFP)</p>"
               "<p>Jane Doe jane.doe@example.com</p><h3>About the author</h3></article>")
    assert body_of(page(article)) == "\n\n".join(PARAGRAPHS) + "\n\nWill rates fall this year?"


def test_datelines_go_but_headlines_with_a_time_stay():
    article = ("<article><p>Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET</p>"
               "<p>渡辺洋介2025年1月13日 21時37分</p><p>6 min read</p>"
               f"{_paragraphs(PARAGRAPHS[:2])}<h3>9h05 - La Bourse de Paris ouvre dans le vert</h3>"
               f"{_paragraphs(PARAGRAPHS[2:])}</article>")
    assert body_of(page(article)) == "\n\n".join(
        [*PARAGRAPHS[:2], "9h05 - La Bourse de Paris ouvre dans le vert", PARAGRAPHS[2]])


def test_long_sentence_made_of_links_is_kept_but_link_list_is_not():
    sentence = ('<p><a href="/a">The Swedish investigation had been shelved in 2017</a> but was '
                '<a href="/b">re-opened earlier this year after his eviction</a>.</p>')
    links = '<p><a href="/c">Profile: the prosecutor</a> <a href="/d">Timeline of the saga</a></p>'
    body = body_of(page(f"<article>{_paragraphs()}{sentence}{links}</article>"))
    assert "re-opened earlier this year" in body and "Timeline of the saga" not in body


def test_every_furniture_tag_ends_a_block():
    # blocks_within drops furniture block by block; inline furniture would leak into a paragraph.
    assert FURNITURE_TAGS <= BLOCK_TAGS


def test_script_rendered_page_falls_back_to_json_ld_article_body():
    import json

    text = "First paragraph of a story rendered by JavaScript, long enough to be real prose here.\n" \
           "Second paragraph with more detail about the markets and what analysts expect next week."
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H",
            "articleBody": text + "\n\n" + text}
    html = (f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
            '<body><div id="root"></div><noscript>Enable JavaScript</noscript></body></html>')
    body = extract(html, URL).body
    assert body.startswith("First paragraph of a story") and body.count("\n\n") == 3


def test_a_short_cjk_body_is_weighed_like_the_summary_and_the_script_text():
    """A CJK character weighs three Latin letters in a block; the page's summary and its script
    text are weighed alike, so a visible teaser shorter than the summary falls back to the script's
    article text (compared by raw length, the teaser looked three times longer than it is)."""
    import json

    teaser = "日本銀行は金融政策決定会合で政策金利を据え置いた。" * 4  # 100 characters, weight 300
    summary = "日本銀行は金融政策決定会合で政策金利の据え置きを決め、市場は円相場の動きに注目した。" * 3
    article = "\n\n".join(["植田和男総裁は記者会見で今後の物価の見通しについて詳しく説明した。" * 4] * 4)
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": article}
    html = (f'<html><head><meta name="description" content="{summary}">'
            f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script></head>'
            f"<body><article><p>{teaser}</p></article></body></html>")
    body = extract(html, URL).body
    assert "植田和男総裁は記者会見で" in body and body.startswith(teaser)


def test_visible_body_wins_over_json_ld_article_body():
    import json

    data = {"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": "Different text. " * 40}
    html = page(f"<article>{_paragraphs()}</article>").replace(
        "</head>", f'<script type="application/ld+json">{json.dumps(data)}</script></head>')
    assert extract(html, URL).body == "\n\n".join(PARAGRAPHS)


def test_next_js_flight_data_gives_the_body_of_a_script_rendered_page():
    import json

    article_html = ('<p class="editor-p">' + "First paragraph of the story, which only exists in the "
                    "streamed React data of the page and nowhere in its markup. " * 2 + "</p>"
                    "<p>$$ARTICLEAD$$</p><h3>A subheading</h3><p>" + "Second paragraph follows. " * 6 + "</p>")
    size = len(article_html.encode("utf-8"))
    flight = f'0:["$","div",null,{{}}]\n1a:T{size:x},{article_html}2:["$","p",null,{{}}]\n'
    half = len(flight) // 2  # the data arrives in several chunks
    scripts = "".join(f"<script>self.__next_f.push([1,{json.dumps(part)}])</script>"
                      for part in (flight[:half], flight[half:]))
    html = f'<html><body><div id="app"></div>{scripts}</body></html>'
    body = extract(html, URL).body
    assert body.startswith("First paragraph of the story")
    assert "A subheading" in body and "Second paragraph follows." in body
    assert "ARTICLEAD" not in body


@pytest.mark.parametrize("carrier", ["next-data", "window-state"])
def test_json_state_scripts_give_the_body_of_a_script_rendered_page(carrier):
    import json

    article_html = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    state = {"props": {"pageProps": {"article": {"teaser": "<p>Short teaser</p>", "content": article_html}}}}
    script = (f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state)}</script>'
              if carrier == "next-data" else f"<script>window.__INITIAL_STATE__ = {json.dumps(state)};</script>")
    html = f'<html><body><div id="__next"></div>{script}</body></html>'
    assert extract(html, URL).body == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("line", ["We use cookies to give you the best experience. By continuing you agree.",
                                  "Image credit: Getty Images", "Augusta National/Getty Images",
                                  "AFP / MARCO BERTORELLO", "iStock.com", "QUEENSTOWN, New Zealand (AFP)"])
def test_cookie_and_credit_lines_inside_the_article_are_dropped(line):
    assert body_of(page(f"<article>{_paragraphs()}<p>{line}</p></article>")) == "\n\n".join(PARAGRAPHS)


def test_a_sentence_naming_an_agency_is_kept():
    line = "Shares fell 3% in Frankfurt, Reuters reported, after the bank cut its outlook."
    assert line in body_of(page(f"<article>{_paragraphs()}<p>{line}</p></article>"))


def test_a_story_about_cookies_is_kept():
    story = "Google said it would keep third-party cookies in Chrome, reversing a plan advertisers fought."
    assert story in body_of(page(f"<article>{_paragraphs()}<p>{story}</p></article>"))


def test_paywalled_text_hidden_by_a_class_is_still_the_body():
    html = page(f"<article><div class='paywall-content invisible'>{_paragraphs()}</div></article>")
    assert body_of(html) == "\n\n".join(PARAGRAPHS)


def test_page_kept_inside_head_by_an_unknown_tag_has_its_body_read():
    # libxml2 leaves everything after <mbox> in <head> (no <body> at all); browsers show it.
    html = (f"<html><head><title>Rates</title><mbox><table><tr><td><h1>Central bank holds rates</h1>"
            f"{_paragraphs()}</td></tr></table></mbox></head></html>")
    assert body_of(html) == "\n\n".join(PARAGRAPHS)


def test_footer_word_in_a_wrapper_around_the_whole_page_does_not_hide_the_article():
    html = (f'<html><body><div id="region-body-and-footer"><h1>Central bank holds rates</h1>{_paragraphs()}'
            '<div class="comment"><p>A short reader comment on the decision.</p></div></div></body></html>')
    assert body_of(html) == "\n\n".join(PARAGRAPHS)


def test_paragraphs_laid_flat_beside_link_lists_are_all_kept():
    # No wrapper holds only the article: its paragraphs are siblings of a tool bar, a related list
    # and a headline tab box, which together outweigh all but the longest paragraph.
    tools = "".join(f'<li><a href="/{name}">{name} this article</a></li>' for name in ("Print", "Email", "Share"))
    related = "".join(f'<li><a href="/story/{n}">Another headline number {n} of the day</a></li>' for n in range(12))
    html = (f"<html><body><div id='story'><h1>Central bank holds rates</h1><ul>{tools}</ul>{_paragraphs()}"
            f"<div class='tabs'><ul>{related}</ul></div></div></body></html>")
    assert body_of(html) == "\n\n".join(PARAGRAPHS)


def test_headings_and_labels_over_dropped_link_lists_go_with_them():
    related = "".join(f'<li><a href="/story/{n}">Another headline number {n} of the day</a></li>' for n in range(4))
    article = (f"<article>{_paragraphs()}<p>More from markets:</p><ul>{related}</ul>"
               f"<h3>Top stories</h3><ul>{related}</ul></article>")
    assert body_of(page(article)) == "\n\n".join(PARAGRAPHS)


def test_headings_worded_as_sentences_and_runs_of_subtitles_stay():
    article = (f"<article><h2>Rates stay where they are</h2><h2>Markets had expected it</h2>{_paragraphs()}"
               "<h4>The governor did not rule out a cut in September.</h4></article>")
    body = body_of(page(article))
    assert body.startswith("Rates stay where they are\n\nMarkets had expected it\n\n")
    assert body.endswith("The governor did not rule out a cut in September.")


def _teasers(count: int = 4) -> str:
    return "".join(f'<div class="item"><h3><a href="/story/{n}">Another headline number {n} of the day</a></h3>'
                   f"<p>A short excerpt of story {n}, which tells readers what the other article is about.</p>"
                   "</div>" for n in range(count))


def test_teaser_list_with_excerpts_beside_the_article_is_dropped():
    body = body_of(page(f"<article>{_paragraphs()}<div>{_teasers()}</div></article>"))
    assert body == "\n\n".join(PARAGRAPHS)


def test_linked_lines_between_the_article_paragraphs_are_not_teasers():
    # Related links set in the article's own paragraphs: the paragraphs after them stay.
    linked = '<p><a href="/other">OTHER STORY THE EDITORS LINKED HERE</a></p>'
    article = "<article>" + "".join(f"{linked}<p>{text}</p>" for text in PARAGRAPHS) + "</article>"
    assert body_of(page(article)) == "\n\n".join(PARAGRAPHS)


def test_a_stub_is_replaced_by_the_article_a_boilerplate_class_hid():
    # The article sits in a "gallery"; the site footer holds more prose than it: the class name is
    # trusted, the body is a stub, and the safety net looks again without class names.
    footer = "".join(f"<p>{text} This line is part of the publisher's long legal notice.</p>" for text in PARAGRAPHS)
    html = (f'<html><body><h1>Central bank holds rates</h1><div class="gallery">{_paragraphs()}</div>'
            f"<footer>{footer}{footer}</footer></body></html>")
    assert body_of(html) == "\n\n".join(PARAGRAPHS)


def test_the_visible_standfirst_stays_in_front_of_the_script_data_body():
    import json

    lead = "Officials want more evidence that inflation is falling before they cut, the governor said today."
    data = {"@type": "NewsArticle", "articleBody": "\n".join(PARAGRAPHS)}
    html = (f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
            f'<body><h1>Central bank holds rates</h1><p class="lead">{lead}</p><div id="app"></div></body></html>')
    assert body_of(html) == "\n\n".join([lead, *PARAGRAPHS])


def test_hidden_on_small_screens_only_is_visible():
    html = page(f'<div class="hidden lg:block"><article>{_paragraphs()}</article></div>')
    assert body_of(html) == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize(("names", "marked"), [("article commentary", False), ("comment-list", True),
                                               ("usercomments", True)])
def test_an_opinion_piece_classed_commentary_is_not_a_comment_box(names, marked):
    element = Document.parse(f'<html><body><div class="{names}">Text</div></body></html>', URL).root.find(".//div")
    assert is_boilerplate_marked(element) is marked


@pytest.mark.parametrize(("html", "marked"), [
    ('<div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2></div>',
     False),
    ('<div id="related-stories-box"><h2>More</h2></div>', True),
    ('<div class="related" id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2></div>',
     True),
])
def test_a_section_id_made_from_its_heading_is_not_vocabulary(html, marked):
    # Documentation and wiki pages give each section its heading's slug as id.
    element = Document.parse(f"<html><body>{html}</body></html>", URL).root.find(".//div")
    assert is_boilerplate_marked(element) is marked


def test_standfirst_under_a_headline_that_is_not_an_h1():
    lead = "Officials want more evidence that inflation is falling before they cut, the governor said."
    html = (f"<html><head><title>Central bank holds rates | Example News</title></head><body>"
            f'<div class="news"><h3>Central bank holds rates</h3><div class="teaser-text"><p>{lead}</p></div>'
            f'<div class="news-text">{_paragraphs()}</div></div></body></html>')
    assert body_of(html) == "\n\n".join([lead, *PARAGRAPHS])


def test_a_short_interface_line_the_page_repeats_outside_the_article_is_dropped():
    cards = "".join(f'<div class="card"><a href="/s/{n}">Story number {n} of the day</a><div>Saved</div></div>'
                    for n in range(3))
    article = f"<article>{_paragraphs(PARAGRAPHS[:2])}<p>Saved</p>{_paragraphs(PARAGRAPHS[2:])}</article>"
    assert body_of(page(article, after=cards)) == "\n\n".join(PARAGRAPHS)


def test_two_story_cards_are_a_teaser_list_but_a_listicle_is_not():
    cards = "".join(f'<article class="card"><h3><a href="/story/{n}">Another headline number {n} of the day</a>'
                    f"</h3><p>A short excerpt of story {n}, which tells what the other article is about.</p></article>"
                    for n in range(2))
    assert body_of(page(f"<article>{_paragraphs()}</article>", after=cards)) == "\n\n".join(PARAGRAPHS)
    # A review of products: linked names, each followed by the article's own paragraph about it.
    listicle = "".join(f'<h3><a href="/product/{n}">Product number {n}</a></h3><p>{text}</p>'
                       for n, text in enumerate(PARAGRAPHS))
    body = body_of(page(f"<article>{listicle}</article>"))
    assert all(text in body for text in PARAGRAPHS)


def test_a_line_sharing_a_small_wrapper_with_a_picture_is_a_caption():
    picture = ('<div class="visual"><a href="/p.jpg"><img src="/p.jpg" alt=""></a>'
               "<div>The governor at the press conference on Wednesday</div></div>")
    article = f"<article>{_paragraphs(PARAGRAPHS[:1])}{picture}{_paragraphs(PARAGRAPHS[1:])}</article>"
    assert body_of(page(article)) == "\n\n".join(PARAGRAPHS)
    # A paragraph that begins with an inline picture is text.
    inline = f'<article><p><img src="/icon.png" alt="">{PARAGRAPHS[0]}</p>{_paragraphs(PARAGRAPHS[1:])}</article>'
    assert body_of(page(inline)) == "\n\n".join(PARAGRAPHS)


def test_a_list_of_citations_is_not_a_teaser_list():
    references = "".join(f'<li><a href="https://example.org/{n}">"Cited article number {n} on rates"</a>'
                         f"<br>. The Daily Paper. 2019-02-1{n}. Retrieved 2022-03-23.</li>" for n in range(4))
    body = body_of(page(f"<article>{_paragraphs()}<h2>References</h2><ol>{references}</ol></article>"))
    assert body.count("Retrieved 2022-03-23") == 4


def _slides(count: int) -> str:
    caption = ("A caption about another company's news, long enough to read as prose and to outweigh "
               "the article it was embedded in if nothing took it out of the body.")
    return '<ul class="legends">' + "".join(
        f"<li><h2><span class='counter'>{n}/{count}</span> Slide headline number {n}</h2><p>{caption}</p></li>"
        for n in range(1, count + 1)) + "</ul>"


def test_a_gallery_embedded_in_an_article_is_not_its_body():
    article = _paragraphs(PARAGRAPHS * 3)  # an article of its own, over 1,000 characters
    body = extract(page(f"<article>{_paragraphs(PARAGRAPHS[:1])}{_slides(12)}{article}</article>"), URL).body
    assert "Slide headline" not in body and "another company's news" not in body
    assert body.startswith(PARAGRAPHS[0]) and body.endswith(PARAGRAPHS[-1])


def test_a_gallery_article_keeps_its_slides():
    body = extract(page(f"<article>{_paragraphs(PARAGRAPHS[:1])}{_slides(12)}</article>"), URL).body
    assert "12/12 Slide headline number 12" in body and body.startswith(PARAGRAPHS[0])
