"""Title rules added after issue 11's metadata rounds (the older ones are in test_metadata.py)."""

from __future__ import annotations

import json

import pytest

from scraper.extract import extract
from scraper.extract.document import Document
from scraper.extract.metadata import extract_title

URL = "https://news.example.com/2024/03/05/markets-rally"


def page(head: str = "", body: str = "", json_ld: object = None) -> str:
    script = f'<script type="application/ld+json">{json.dumps(json_ld)}</script>' if json_ld else ""
    return f"<html><head>{head}{script}</head><body>{body}</body></html>"


def title_of(html: str, url: str = URL) -> str | None:
    return extract_title(Document.parse(html, url))


FULL = "Tsai's playbook should be essential reading for Hong Kong leader Carrie Lam"


@pytest.mark.parametrize(("headline", "expected"), [
    # Cut with an ellipsis: any signal that goes on from there.
    ("Tsai's playbook should be essential reading for Hong Kong leader...", FULL),
    ("Tsai's playbook should be essential reading for Hong Kong…", FULL),
    # Cut at a fixed length, mid-sentence: the signal that goes on with a lower-case word.
    ("Tsai's playbook should be essential", FULL),
    # Not cut: what follows in the other signal is a new sentence or a deck.
    ("Tsai's playbook should be essential reading for Hong Kong leader", "Tsai's playbook should be essential "
     "reading for Hong Kong leader"),
])
def test_a_structured_headline_cut_short_yields_to_the_full_one(headline, expected):
    html = page(f"<title>{FULL} | Example Post</title>", f"<h1>{FULL}</h1>",
                json_ld={"@type": "NewsArticle", "headline": headline})
    assert title_of(html) == expected


@pytest.mark.parametrize("rest", ["- Example Post", "| Example Post", ", Example Post, 26.04.2024",
                                  "Welcome to the Flavor Capital", "l KBS WORLD"])
def test_a_headline_that_goes_on_with_a_site_name_or_a_deck_is_not_cut(rest):
    headline = "Olive and herb focaccia bread"
    html = page(f'<meta property="og:title" content="{headline} {rest}">', f"<h1>{headline} {rest}</h1>",
                json_ld={"@type": "NewsArticle", "headline": headline})
    assert title_of(html) == headline


def test_the_headline_takes_the_letter_case_the_page_shows():
    html = page('<meta property="og:title" content="Vessel Returning To Puerto Rico With 475 Pounds Of Cocaine">'
                "<title>Vessel Returning to Puerto Rico With 475 Pounds of Cocaine</title>",
                "<h2>Vessel Returning to Puerto Rico With 475 Pounds of Cocaine</h2>")
    assert title_of(html) == "Vessel Returning to Puerto Rico With 475 Pounds of Cocaine"
    # A JSON-LD headline is the publisher's statement: taken as written.
    html = page("", "<h1>Vessel returning to Puerto Rico</h1>",
                json_ld={"@type": "NewsArticle", "headline": "Vessel Returning To Puerto Rico"})
    assert title_of(html) == "Vessel Returning To Puerto Rico"


def test_a_style_sheet_inside_a_heading_is_no_part_of_it():
    html = page("<title>Top athletes fit for Munich 2022 - European Championships Munich 2022</title>",
                "<h3>Top athletes fit for Munich 2022<style>.css-1ez6len-Box{padding-top:2.4rem}</style></h3>"
                "<p>© 2022 European Championships Munich 2022</p>")
    assert title_of(html, "https://www.munich2022.com/de/topathleten") == "Top athletes fit for Munich 2022"


@pytest.mark.parametrize("logo", [
    '<h1 id="site-title"><a href="http://www.maescot.de/" rel="home">Mäscot das Schaf – Webcomic</a></h1>',
    '<h1 class="logo"><a href="/">Mäscot das Schaf – Webcomic</a></h1>',
    '<h1><a href="https://maescot.de">Mäscot das Schaf – Webcomic</a></h1>',
])
def test_a_heading_linking_home_is_the_sites_name_not_the_headline(logo):
    html = page("<title>Kleine Schafskunde | Mäscot das Schaf – Webcomic</title>",
                f'{logo}<h1 class="entry-title">Kleine Schafskunde</h1>')
    assert title_of(html, "http://www.maescot.de/kleine-schafskunde/") == "Kleine Schafskunde"


def test_a_headline_linking_to_its_own_article_is_still_the_headline():
    html = page("<title>Kleine Schafskunde | Mäscot</title>",
                '<h1><a href="/kleine-schafskunde/">Kleine Schafskunde</a></h1>')
    assert title_of(html, "http://www.maescot.de/kleine-schafskunde/") == "Kleine Schafskunde"


def test_a_cjk_headline_the_title_repeats_is_found_though_it_has_no_spaces():
    html = page("<title>武汉的声音：有英勇的你，才有英雄的城！-新华网</title>",
                '<div class="h-title">武汉的声音：有英勇的你，才有英雄的城！</div><p>正文</p>'
                '<div style="display:none"><div class="share-title">武汉的声音：有英勇的你，才有英雄的城！-新华网</div></div>')
    assert title_of(html, "http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm") == "武汉的声音：有英勇的你，才有英雄的城！"


def test_a_hidden_share_template_is_not_the_visible_headline():
    html = page("<title>Markets rally on rate hopes - Daily Planet</title>",
                '<div hidden><span>Markets rally on rate hopes - Daily Planet</span></div>'
                '<div class="headline">Markets rally on rate hopes</div>')
    assert title_of(html) == "Markets rally on rate hopes"


def test_the_visible_spelling_is_found_below_long_menus_of_headings():
    menus = "".join(f"<h2>Top in Section {n}</h2>" for n in range(30))
    html = page('<meta property="og:title" content="Korsetts - Shops, Designer, online kaufen">',
                f'{menus}<div class="item-post"><h2>Korsetts – Shops, Designer, online kaufen</h2></div>')
    assert title_of(html) == "Korsetts – Shops, Designer, online kaufen"


@pytest.mark.parametrize(("h1", "expected"), [
    ("Eva Welskop-Deffaa zur Präsidentin gewählt", "Eva Welskop-Deffaa zur Präsidentin gewählt"),
    # The page shows no <h1> without the label: og:title stays.
    ("", "Wahl: Eva Welskop-Deffaa zur Präsidentin gewählt"),
])
def test_a_label_only_og_title_puts_in_front_is_dropped(h1, expected):
    html = page('<meta property="og:title" content="Wahl: Eva Welskop-Deffaa zur Präsidentin gewählt">'
                "<title>Eva Welskop-Deffaa zur Präsidentin gewählt</title>", f"<h1>{h1}</h1>" if h1 else "")
    assert title_of(html) == expected


@pytest.mark.parametrize(("extra", "expected"), [
    # A box title repeated (desktop and mobile copies of a newsletter box) is not a second headline.
    ("<h1>Love in your inbox: our newsletter!</h1>" * 2, "My cosy home gift guide at Westwing"),
    # The headline itself twice is still the one <h1>.
    ("<h1>My cosy home gift guide at Westwing</h1>", "My cosy home gift guide at Westwing"),
    # Two different <h1>s once each: nothing tells which one is the headline.
    ("<h1>Love in your inbox: our newsletter!</h1>", "Christmas Gift Guide"),
])
def test_the_h1_readers_see_despite_repeated_box_titles(extra, expected):
    html = page('<meta property="og:title" content="Christmas Gift Guide | Journelles">'
                "<title>Christmas Gift Guide | Journelles</title>",
                f"<h1>My cosy home gift guide at Westwing</h1>{extra}")
    assert title_of(html, "https://www.journelles.de/gift-guide-westwing-22/") == expected


@pytest.mark.parametrize(("h1", "expected"), [
    ('<div class="topic-label">100. Geburtstag</div> Margot Friedländer wird 100 Jahre',
     "Margot Friedländer wird 100 Jahre"),
    ('<span class="h1small">Initiative EnergieEffizienz</span> Kostenloser Stromcheck für Haushalte',
     "Kostenloser Stromcheck für Haushalte"),
    ('<a href="/threads/4-47"><span class="label label--blue">Patch Notes</span>Patchnotes 4.47.4 - Bugfix Build</a>',
     "Patchnotes 4.47.4 - Bugfix Build"),
    # A colon or dash between them, even one only screen readers get, makes one headline of the two.
    ('<span class="kicker">Entwurf des Gesetzes</span><span class="hide">: </span><span>Ein bisschen Fortschritt</span>',
     "Entwurf des Gesetzes: Ein bisschen Fortschritt"),
    ('<span class="kicker">Akkutechnik:</span> Hat Quantumscape genug Akkus gebaut?',
     "Akkutechnik: Hat Quantumscape genug Akkus gebaut?"),
    # Emphasis is no topic line.
    ("<i>Client</i> Star Brad Renfro Dies", "Client Star Brad Renfro Dies"),
])
def test_a_topic_line_inside_the_h1_is_no_part_of_the_headline(h1, expected):
    plain = Document.parse(f"<html><body><h1>{h1}</h1></body></html>", URL).root.find(".//h1").text_content()
    head = f'<meta property="og:title" content="{" ".join(plain.split())}">'
    assert title_of(page(head, f"<h1>{h1}</h1><p>Text.</p>")) == expected


def test_a_json_ld_headline_keeps_its_topic_line():
    h1 = '<span class="overline">Die Zukunft der Arbeit</span>"Wir dekorieren die Liegestühle um"'
    html = page("", f"<h1>{h1}</h1>",
                json_ld={"@type": "NewsArticle", "headline": 'Die Zukunft der Arbeit "Wir dekorieren die Liegestühle um"'})
    assert title_of(html) == 'Die Zukunft der Arbeit "Wir dekorieren die Liegestühle um"'


def test_the_visible_spelling_may_come_from_a_line_that_is_no_heading():
    html = page('<meta property="og:title" content="makrophotos von insekten">'
                "<title>makrophotos von insekten » gizmeo.eu</title>",
                "<div class=post><p><strong>Makrophotos von Insekten</strong></p><p>Text.</p></div>")
    assert title_of(html, "https://gizmeo.eu/makrophotos-von-insekten/") == "Makrophotos von Insekten"


@pytest.mark.parametrize(("heading", "expected"), [
    ("Der historische Purzelbaum", "Der historische Purzelbaum"),
    # No heading shows it without the note: the note stays.
    ("Zeit ist Geld", "Der historische Purzelbaum (2021/5)"),
])
def test_a_note_after_the_headline_that_the_heading_leaves_out_is_dropped(heading, expected):
    html = page('<meta property="og:title" content="Der historische Purzelbaum (2021/5)">'
                "<title>Der historische Purzelbaum (2021/5): alacarte</title>", f"<h2>{heading}</h2>")
    assert title_of(html, "https://www.alacarte.at/reisen/der-historische-purzelbaum-20215/") == expected


PROSE = "<p>" + "Markets rallied strongly on Tuesday as investors weighed new data on inflation. " * 12 + "</p>"
NAV = "<ul>" + "".join(f'<li><a href="/s{n}">Section {n}</a></li>' for n in range(8)) + "</ul>"


@pytest.mark.parametrize(("above", "expected"), [
    # Against a one-word menu label, a two-word heading right above the article will do.
    ("<h1>Axios Future</h1>", "Axios Future"),
    # Against a longer answer, a two-word heading is a section name: three words are needed.
    ("<h2>Weekly Digest</h2>", "Sections of the Future"),
])
def test_a_short_heading_above_the_article_beats_a_menu_label(above, expected):
    menu = "Sections" if expected == "Axios Future" else "Sections of the Future"
    html = page("<title>Axios Future</title>", f"<h1>{menu}</h1>{NAV * 3}<div id=content>{above}"
                f"<div class=story>{PROSE}{PROSE}</div></div>")
    assert extract(html, "https://www.axios.com/newsletters/axios-future-7120a6cf.html").title == expected


def test_a_one_word_answer_is_not_backed_by_a_line_that_happens_to_hold_the_word():
    html = page("<title>BeginnersGuide/Download - Python Wiki</title>",
                f"<h1>Page</h1>{NAV * 3}<div id=content><span>Immutable Page</span><h2>Downloading Python</h2>"
                f"<div class=story>{PROSE}{PROSE}</div></div>")
    assert extract(html, "https://wiki.python.org/moin/BeginnersGuide/Download").title == "Downloading Python"


def test_a_heading_the_title_repeats_is_not_overruled_by_a_tagline_above_the_article():
    html = page("<title>Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault</title>",
                '<header class="main-title"><h1><a href="/">Hi, I\'m <strong>Nicolas.</strong></a></h1>'
                "<small>I code stuff. I take photos. I write rants.</small></header>"
                '<article><header><h2><a href="/code/2013/covered/">Get your Frontend JavaScript Code Covered</a></h2>'
                f"</header><section>{PROSE}{PROSE}</section></article>")
    assert extract(html, "https://nicolas.perriault.net/code/2013/covered/").title == \
        "Get your Frontend JavaScript Code Covered"


@pytest.mark.parametrize(("raw", "expected"), [
    ("Laura Linney Thankful She Isn't Lindsay Lohan | January 15, 2008 | AHN", "Laura Linney Thankful She Isn't Lindsay Lohan"),
    ("23.01.2022 - Dorothea Wierer darf noch jubeln - Biathlon Antholz", "Dorothea Wierer darf noch jubeln"),
    ("Rates fall | 2008", "Rates fall | 2008"),  # a year is no date, and two words are no headline
    ("Markets in 2008 - a look back", "Markets in 2008 - a look back"),
])
def test_a_date_segment_of_the_title_is_no_part_of_the_headline(raw, expected):
    html = page(f'<meta property="og:site_name" content="Biathlon Antholz"><meta property="og:title" content="{raw}">')
    assert title_of(html) == expected
