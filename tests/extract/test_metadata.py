"""Metadata signals on small hand-made pages: title, authors, dates, language, is_article."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from scraper.extract import extract
from scraper.extract.authors import clean_authors
from scraper.extract.document import Document
from scraper.extract.metadata import extract_authors, extract_dates, extract_language, extract_title

URL = "https://news.example.com/2024/03/05/markets-rally"
PROSE = "<p>" + "Markets rallied strongly on Tuesday as investors weighed new data on inflation. " * 12 + "</p>"


def page(head: str = "", body: str = "", lang: str = "en", json_ld: object = None) -> str:
    script = f'<script type="application/ld+json">{json.dumps(json_ld)}</script>' if json_ld else ""
    return f'<html lang="{lang}"><head>{head}{script}</head><body>{body}</body></html>'


def doc(html: str, url: str = URL) -> Document:
    return Document.parse(html, url)


# ---------------------------------------------------------------- title

def test_title_prefers_json_ld_headline_and_decodes_entities():
    html = page('<title>Other | Example News</title><meta property="og:title" content="Social title">',
                "<h1>Visible</h1>", json_ld={"@type": "NewsArticle", "headline": "Stocks &amp; bonds rally"})
    assert extract_title(doc(html)) == "Stocks & bonds rally"


@pytest.mark.parametrize("raw", ["Markets rally on rate hopes | Example News",
                                 "Markets rally on rate hopes - Example News",
                                 "Markets rally on rate hopes – Business – Example News",
                                 "Example News | Markets rally on rate hopes"])
def test_title_strips_the_site_name(raw):
    html = page(f'<meta property="og:site_name" content="Example News"><title>{raw}</title>')
    assert extract_title(doc(html)) == "Markets rally on rate hopes"


def test_title_keeps_a_dash_that_is_part_of_the_headline():
    html = page('<meta property="og:title" content="Oil - the long goodbye">')
    assert extract_title(doc(html)) == "Oil - the long goodbye"


@pytest.mark.parametrize("og_title, expected", [
    ("Chiesa ruft zum Widerstand auf", "Chiesa ruft zum Widerstand auf"),  # JSON-LD = kicker + og:title
    ("Widerstand gegen Chiesa", "SVP-Parteitag: Chiesa ruft zum Widerstand auf"),  # unrelated og:title
])
def test_title_drops_a_kicker_only_when_og_title_is_the_rest(og_title, expected):
    html = page(f'<meta property="og:title" content="{og_title}">',
                json_ld={"@type": "NewsArticle", "headline": "SVP-Parteitag: Chiesa ruft zum Widerstand auf"})
    assert extract_title(doc(html)) == expected


def test_title_falls_back_to_h1_then_title():
    assert extract_title(doc(page(body="<h1> Fed holds rates </h1>"))) == "Fed holds rates"
    assert extract_title(doc(page("<title>Only a title</title>"))) == "Only a title"
    assert extract_title(doc(page(body="<p>no headline</p>"))) is None


@pytest.mark.parametrize("og_title", ["Bund will Schuldenbremse lockern | Börsen-Zeitung",
                                      "Bund will Schuldenbremse lockern - Die Neue Südtiroler Tageszeitung",
                                      "Bund will Schuldenbremse lockern | Sport"])
def test_title_loses_a_segment_the_headline_shows_without(og_title):
    # The site's name is stated nowhere else: the <h1> shows the headline without the segment.
    html = page(f'<meta property="og:title" content="{og_title}">', "<h1>Bund will Schuldenbremse lockern</h1>")
    assert extract_title(doc(html, "https://x.example/a")) == "Bund will Schuldenbremse lockern"


def test_a_structured_headline_nothing_backs_up_yields_to_the_visible_one():
    # A page-type label in the JSON-LD headline: neither the <h1> nor the <title> repeat it.
    html = page("<title>List of films featuring time loops - Wikipedia</title>",
                "<h1>List of films featuring time loops</h1>",
                json_ld={"@type": "Article", "headline": "Wikimedia list article"})
    assert extract_title(doc(html)) == "List of films featuring time loops"
    # A social headline worded differently is still about the page: it stays.
    html = page('<meta property="og:title" content="Fed holds rates as inflation cools">'
                "<title>Fed keeps rates on hold as inflation cools - Example</title>",
                "<h1>Fed keeps rates on hold as inflation cools</h1>")
    assert extract_title(doc(html)) == "Fed holds rates as inflation cools"


@pytest.mark.parametrize(("title", "body", "expected"), [
    # A section name in the <h1>, the headline in an <h2> that the <title> repeats.
    ("That Way Lies Madness - The Opinionator - Opinion - Example Times",
     "<h1>Opinion</h1><h2>That Way Lies Madness</h2>", "That Way Lies Madness"),
    # No heading at all: the visible text the <title> starts with, in its visible spelling.
    ("Ministers Face Dilemma Over Sportscotland (from The Herald )",
     '<div class="logo">The Herald</div><td class="hd">Ministers face dilemma over sportscotland</td>',
     "Ministers face dilemma over sportscotland"),
    ("AKI - Adnkronos international Algeria: Al-Qaeda claims northern attack",
     "<h4>Algeria: Al-Qaeda claims northern attack</h4>", "Algeria: Al-Qaeda claims northern attack"),
])
def test_title_from_the_visible_headline_the_title_tag_repeats(title, body, expected):
    assert extract_title(doc(page(f"<title>{title}</title>", body), "https://x.example/a")) == expected


def test_title_takes_the_h1_typography():
    html = page("<meta property=\"og:title\" content=\"Editor's Letter: bye OC Baby\">", "<h1>Editor’s Letter: bye OC Baby</h1>")
    assert extract_title(doc(html)) == "Editor’s Letter: bye OC Baby"
    # ... or another heading's, dashes and ellipses too.
    html = page("<title>Tastings Januar - Mai 2020...</title>", "<h1>Whisky</h1><h2>Tastings Januar – Mai 2020…</h2>")
    assert extract_title(doc(html)) == "Tastings Januar – Mai 2020…"
    # A JSON-LD headline is the publisher's own statement of it: taken as written.
    html = page("", "<h1>Mexico’s economy grew 1.1%</h1>", json_ld={"@type": "NewsArticle", "headline": "Mexico's economy grew 1.1%"})
    assert extract_title(doc(html)) == "Mexico's economy grew 1.1%"


@pytest.mark.parametrize(("head", "h1"), [
    ('<meta property="og:title" content="Schneewittchen-Kuchen mit Marshmallows Rezept | LECKER">',
     "Schneewittchen-Kuchen mit Marshmallows"),
    ("<title>Wärmepumpe im Altbau - Wann es sich lohnt | heizung.de</title>", "Eignet sich eine Wärmepumpe im Altbau?"),
    ('<meta property="og:title" content="Rutger Bregman: Unser wahres Ich">', "Unser wahres Ich"),
])
def test_without_json_ld_the_h1_readers_see_beats_the_seo_title(head, h1):
    html = page(head + '<meta property="og:site_name" content="Example">', f"<h1>{h1}</h1>" + PROSE)
    assert extract_title(doc(html, "https://x.example/a")) == h1


@pytest.mark.parametrize(("head", "body", "expected"), [
    # A JSON-LD headline is the one the publisher states: it stays.
    ("", "<h1>Das wahre Ich nach Rutger Bregman</h1>", "Rutger Bregman: Wer wir wirklich sind"),
    # The <h1> is the site's name, a <title> segment beside the headline.
    ("<title>Weitere Digitalisierung der Schweizer Kinos » Time 4 talks</title>", "<h1>Time 4 talks</h1><h2>Weitere Digitalisierung der Schweizer Kinos</h2>",
     "Weitere Digitalisierung der Schweizer Kinos"),
    # A two-word <h1> is a site or section name more often than a headline.
    ('<meta property="og:title" content="Muffin Grundrezept">', "<h1>Muffin Rezepte</h1>", "Muffin Grundrezept"),
    # The <h1> is the site's name with its motto.
    ("<title>Kinder und Arbeit » ProNATs e.V.</title>",
     "<h1>ProNATs e.V. Verein zur Unterstützung arbeitender Kinder</h1><h2>Kinder und Arbeit</h2>", "Kinder und Arbeit"),
    # The <h1> is a kicker line run into the headline.
    ('<meta property="og:title" content="Große Aufgaben für die Regierung">',
     "<h1><span>Tunesien</span> Große Aufgaben für die Regierung</h1>", "Große Aufgaben für die Regierung"),
    # The <h1> is about something else (a blog's motto).
    ('<meta property="og:title" content="Ins neue Jahr">', "<h1>Wann, wenn nicht jetzt...</h1>", "Ins neue Jahr"),
    # og:title words it differently from an <h1> the <title> repeats: two wordings, og:title stays.
    ('<meta property="og:title" content="Fed holds rates as inflation cools">'
     "<title>Fed keeps rates on hold as inflation cools - Example</title>",
     "<h1>Fed keeps rates on hold as inflation cools</h1>", "Fed holds rates as inflation cools"),
])
def test_the_h1_does_not_win_when_it_is_not_the_headline(head, body, expected):
    json_ld = {"@type": "NewsArticle", "headline": expected} if "Bregman" in body else None
    html = page(head, body + PROSE, json_ld=json_ld)
    assert extract_title(doc(html, "https://x.example/a")) == expected


NAV = "<ul>" + "".join(f'<li><a href="/{n}">Section {n}</a></li>' for n in range(8)) + "</ul>"


@pytest.mark.parametrize(("title", "above"), [
    ("SuperSoccer", '<table><tr><td><span class="article_headline">McCarthy is not for sale - Hughes</span></td></tr></table>'),
    ("The Sports Network - National Hockey League", "<h3>McDonald scores a pair as Blues rout Jackets</h3><p>Jan 5</p>"),
    ("Sport", "<h1>Sport</h1>" + NAV * 3 + "<h2>Harry rubbishes slump theory</h2>"),
])
def test_a_title_naming_only_the_site_yields_to_the_heading_above_the_article(title, above):
    html = page(f"<title>{title}</title>", NAV + f'<div id="content">{above}<div class="story">{PROSE}{PROSE}</div></div>')
    headline = extract(html, "https://x.example/story?id=1").title
    assert headline in above and headline != title


@pytest.mark.parametrize(("head", "above", "expected"), [
    # A structured headline: it is the publisher's, whatever stands above the text.
    ('<meta property="og:title" content="Rates held">', "<h3>Markets wait for the central bank</h3>", "Rates held"),
    # The <title>'s headline is repeated above the text, in a dated <h1>: the <h2> below it is a deck.
    ("<title>Jeremy Clarkson ripped off - Macworld UK</title>",
     '<h1><span class="date">Wednesday, 09 January 2008</span> Jeremy Clarkson ripped off</h1>'
     "<h2>Top Gear presenter fails to make his point</h2>",
     "Jeremy Clarkson ripped off"),
    # The page's one <h1> says what the <title> says.
    ("<title>Filmbüro Göttingen</title>", "<h1>Filmbüro Göttingen</h1>" + NAV * 3 + "<h2>Notizen zur Göttinger Filmgeschichte</h2>",
     "Filmbüro Göttingen"),
    # A date line is no headline.
    ("<title>Winnipeg Free Press</title>", "<h2>Thursday, January 17th, 2008</h2>", "Winnipeg Free Press"),
])
def test_the_heading_above_the_article_does_not_win_over_a_backed_headline(head, above, expected):
    html = page(head, NAV + f'<div id="content">{above}<div class="story">{PROSE}{PROSE}</div></div>')
    assert extract(html, "https://x.example/story?id=1").title == expected


@pytest.mark.parametrize(("h1", "expected"), [
    ("<span>1. Februar 2022</span> Bundesministerin Raab besucht Wien", "Bundesministerin Raab besucht Wien"),
    ("23.01.2022 - Wierer jubelt in Antholz", "Wierer jubelt in Antholz"),
    ("2022 wird ein gutes Jahr", "2022 wird ein gutes Jahr"),  # a year is no date
    ("1. Mai 2022", "1. Mai 2022"),  # nothing after the date: it stays
])
def test_a_date_in_front_of_the_h1_is_no_part_of_the_headline(h1, expected):
    assert extract_title(doc(page("", f"<h1>{h1}</h1>"))) == expected


def test_a_headline_in_the_site_name_field_names_no_site():
    headline = "Veteran Wraps Baby in American Flag, Photo Sparks Controversy"
    html = page(f'<meta name="application-name" content="{headline}"><meta property="og:title" content="{headline}">'
                f'<meta name="twitter:title" content="{headline}">', f"<h1>Good Morning America</h1><h1>{headline}</h1>")
    assert extract_title(doc(html)) == headline
    # A short one does: "Headline | Example News" loses it.
    html = page('<meta name="application-name" content="Example News"><title>Rates fall | Example News</title>')
    assert extract_title(doc(html)) == "Rates fall"


@pytest.mark.parametrize(("title", "h1", "expected"), [
    # JSON-LD repeats the <title> (the search title); og:title is what the <h1> shows: og:title.
    ("Starmer suggests he will keep gifts | Example", "Starmer defiant over gifts", "Starmer defiant over gifts"),
    # JSON-LD says something the <title> does not: it stays.
    ("Starmer gifts row | Example", "Starmer defiant over gifts", "Starmer suggests he will keep gifts"),
    # The <h1> shows neither: JSON-LD stays.
    ("Starmer suggests he will keep gifts | Example", "Gifts row", "Starmer suggests he will keep gifts"),
])
def test_a_json_ld_headline_copying_the_title_yields_to_the_og_title_the_h1_shows(title, h1, expected):
    html = page(f'<title>{title}</title><meta property="og:title" content="Starmer defiant over gifts">'
                '<meta property="og:site_name" content="Example">', f"<h1>{h1}</h1>",
                json_ld={"@type": "NewsArticle", "headline": "Starmer suggests he will keep gifts"})
    assert extract_title(doc(html)) == expected


def test_a_headline_naming_the_site_beats_no_headline():
    html = page('<meta property="og:site_name" content="NEOS"><meta property="og:title" content="Wir sind NEOS">',
                "<h1>Wir sind NEOS</h1>")
    assert extract_title(doc(html, "https://www.neos.eu/wir-sind-neos")) == "Wir sind NEOS"
    # The site's name alone is no headline.
    html = page('<meta property="og:site_name" content="NEOS"><meta property="og:title" content="NEOS">')
    assert extract_title(doc(html, "https://www.neos.eu/")) is None


def test_title_loses_a_separator_left_dangling():
    html = page('<meta property="og:title" content="Pferdesport bleibt olympisch -">', "<p>x</p>")
    assert extract_title(doc(html)) == "Pferdesport bleibt olympisch"
    assert extract_title(doc(page('<meta property="og:title" content="Ein Ja - oder ein Nein">'))) == \
        "Ein Ja - oder ein Nein"


def test_title_falls_back_to_the_first_heading():
    html = page('<meta property="og:site_name" content="Netsports"><title>Footballworld.com | A Netsports Site</title>',
                "<h2>Bookmark with:</h2><h2>Alouettes add two to coaching staff</h2>")
    assert extract_title(doc(html, "https://www.footballworld.com/a")) == "Alouettes add two to coaching staff"


# ---------------------------------------------------------------- authors

def test_authors_from_json_ld_graph_with_id_references():
    graph = {"@graph": [{"@type": "NewsArticle", "headline": "H", "author": [{"@id": "#p1"}, {"@id": "#p2"}]},
                        {"@type": "Person", "@id": "#p1", "name": "Jane Doe"},
                        {"@type": "Person", "@id": "#p2", "name": "John Roe"}]}
    assert extract_authors(doc(page(json_ld=graph))) == ["Jane Doe", "John Roe"]


def test_authors_from_a_json_ld_array_skip_the_publisher_organisation():
    data = [{"@type": "WebSite", "name": "Example News"},
            {"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Ana García"},
                                                {"@type": "Organization", "name": "Example News"}]}]
    assert extract_authors(doc(page(json_ld=data))) == ["Ana García"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("Von Max Muster und Erika Mustermann", ["Max Muster", "Erika Mustermann"]),
    ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
    ("Por Ana García y Luis Pérez", ["Ana García", "Luis Pérez"]),
    ("Di Marco Rossi e Giulia Bianchi", ["Marco Rossi", "Giulia Bianchi"]),
    ("Anna Nowak i Jan Kowalski", ["Anna Nowak", "Jan Kowalski"]),
    ("Trine Jørgensen og Tôrtia Reimer", ["Trine Jørgensen", "Tôrtia Reimer"]),
    ("Jane Doe, Reuters", ["Jane Doe"]),
    ("Jane Doe (jdo), @janedoe, jane@example.com", ["Jane Doe"]),
    ("신현주 기자", ["신현주"]),
    ("Staff", []),
    ("(Image: Getty Images)", []),
    ("https://example.com/author/jane", []),
])
def test_author_strings_are_split_and_cleaned(raw, expected):
    assert clean_authors([raw]) == expected


def test_the_site_name_is_no_author_but_an_agency_credited_beside_a_person_is():
    html = page('<meta property="og:site_name" content="Example News">'
                '<meta name="author" content="Example News, Jane Doe, dpa">')
    assert extract_authors(doc(html)) == ["Jane Doe", "dpa"]


@pytest.mark.parametrize(("head", "body", "expected"), [
    # A structured credit may be a user name.
    ('<meta name="author" content="karstenruppert">', "", ["karstenruppert"]),
    # ... and a visible one too, right after a byline word.
    ("", '<h1>H</h1><div class="entry-byline"><span>Dezember 10, 2019</span> · von <a>freeman1984</a> · in <a>News</a></div>',
     ["freeman1984"]),
    # A user name yields to the name it spells, and an account id to any name the byline shows.
    ('<meta name="author" content="arianschlichenmayer">',
     '<h1>H</h1><div class="byline">von <span>Arian Schlichenmayer</span></div>', ["Arian Schlichenmayer"]),
    ('<meta name="author" content="link78">', '<h1>H</h1><div class="author">Ophélie Ostermann</div>',
     ["Ophélie Ostermann"]),
    # A marked byline crediting only a desk credits the desk.
    ("", '<h1>H</h1><div class="author">Redaktion</div>', ["Redaktion"]),
])
def test_user_names_and_desks(head, body, expected):
    assert extract_authors(doc(page(head, body + PROSE))) == expected


def test_roles_and_lone_particles_are_not_names():
    assert clean_authors(["Ben Silverman", "Games Editor"]) == ["Ben Silverman"]
    assert clean_authors(["· von"], min_words=2) == []


def test_microdata_authors_in_teasers_count_only_without_others():
    body = ('<h1>H</h1><span itemprop="author">Steven Musil</span>' + PROSE +
            '<div class="related"><span itemprop="author">Seamus Byrne</span></div>')
    assert extract_authors(doc(page(body=body))) == ["Steven Musil"]
    footer = '<h1>H</h1>' + PROSE + '<footer class="entry-footer"><a rel="author">Andrea Berg</a></footer>'
    assert extract_authors(doc(page(body=footer))) == ["Andrea Berg"]


def test_json_ld_author_on_the_webpage_object():
    graph = {"@graph": [{"@type": "WebPage", "author": {"@id": "#p"}},
                        {"@type": "Person", "@id": "#p", "name": "Giovanni Gaggero"}]}
    assert extract_authors(doc(page(json_ld=graph))) == ["Giovanni Gaggero"]


def test_an_editor_label_covers_every_name_it_lists():
    data = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Redaktion Example"}}
    body = '<h1>H</h1>' + PROSE + '<div class="author">Redaktion: Roman Warschauer und Marcel Sommer</div>'
    assert extract_authors(doc(page(body=body, json_ld=data))) == ["Redaktion Example"]


def test_an_organisation_credit_is_kept_when_no_person_is_credited():
    html = page('<meta name="author" content="dpa">')
    assert extract_authors(doc(html)) == ["dpa"]


def test_authors_from_microdata_rel_author_and_byline():
    micro = '<span itemprop="author"><span itemprop="name">Madeleine Howell</span></span>'
    assert extract_authors(doc(page(body=micro))) == ["Madeleine Howell"]
    assert extract_authors(doc(page(body='<a rel="author" href="/a/x">Paul Serran</a>'))) == ["Paul Serran"]
    byline = ('<figure><div class="photo-author">Foto: Cyril Zingaro</div></figure>'
              '<div class="article-byline"><span>Birgit Baumann</span> <span>Anna Giulia Fink</span></div>')
    assert extract_authors(doc(page(body=byline))) == ["Birgit Baumann", "Anna Giulia Fink"]


def test_yoast_twitter_label_author():
    html = page('<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Timo Shihepo">')
    assert extract_authors(doc(html)) == ["Timo Shihepo"]


def test_a_person_labelled_editor_yields_to_the_reporter_byline():
    data = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Heri Yadi"}}
    body = ('<h1>H</h1><div class="author-2">Naufal Zuhdi</div>' + PROSE +
            '<div class="info">Editor : <a href="/author/1">Heri Yadi</a></div>')
    assert extract_authors(doc(page(body=body, json_ld=data))) == ["Naufal Zuhdi"]
    # Nobody else credited: the editor is still better than nothing.
    alone = '<h1>H</h1>' + PROSE + '<div>Editor: Heri Yadi</div>'
    assert extract_authors(doc(page(body=alone, json_ld=data))) == ["Heri Yadi"]


def test_the_site_credited_as_author_gives_way_to_a_visible_byline():
    head = '<meta property="og:site_name" content="Example News"><meta name="author" content="Example News">'
    dated = '<h1>H</h1><h4>A long subtitle.</h4><span>Sehernur Karsu |</span><span>05.04.2025</span>' + PROSE
    assert extract_authors(doc(page(head, dated))) == ["Sehernur Karsu"]
    signed = '<h1>H</h1>' + PROSE + '<p style="text-align: right;"><strong>Lê Phương</strong></p>'
    assert extract_authors(doc(page(head, signed))) == ["Lê Phương"]
    assert extract_authors(doc(page(head, '<h1>H</h1>' + PROSE))) == ["Example News"]


def test_names_after_the_article_starts_or_in_labels_are_not_a_dated_byline():
    late = '<h1>H</h1>' + PROSE + '<h2>Bondi Orbit</h2><p>2024</p>'
    label = '<h1>H</h1><time>November 19, 2019</time><strong>Filed Under:</strong><a>Health</a>'
    credit = '<h1>H</h1><p class="caption">© BART DEWAELE</p><time>20.1.2025</time>'
    for body in (late, label, credit):
        assert extract_authors(doc(page(body=body))) == []


def test_a_credited_agency_beats_the_site_name_and_teaser_bylines():
    head = '<meta property="og:site_name" content="Example News"><meta name="author" content="Example News">'
    data = {"@type": "NewsArticle", "author": [{"@type": "Organization", "name": "dpa"}]}
    body = ('<h1>H</h1><div class="author-wrap">dpa</div>' + PROSE +
            '<a href="/other"><h3>Other story</h3></a><div class="appetizer-author">Von Christoph Reisinger</div>')
    assert extract_authors(doc(page(head, body, json_ld=data))) == ["dpa"]


def test_the_title_suffix_names_the_site_for_credits_only():
    html = page('<title>Markets rally on rate hopes | Daily Ledger</title>'
                '<meta name="author" content="Daily Ledger, Jane Doe">')
    assert extract_authors(doc(html)) == ["Jane Doe"]
    section_first = page('<title>Markets - Rates fall</title><meta name="author" content="Rates Fall">')
    assert extract_authors(doc(section_first)) == ["Rates Fall"]  # the longer part is the headline


def test_any_meta_key_ending_in_author_is_read():
    html = page('<meta name="articleauthor" content="Anadolu Ajansı">')
    assert extract_authors(doc(html)) == ["Anadolu Ajansı"]


def _article(before: str = "", after: str = "", head: str = "") -> str:
    return page("<title>Feuerholz wird knapp</title>" + head,
                NAV + f'<div class="main"><h1>Feuerholz wird knapp</h1>{before}<div class="text">{PROSE}{PROSE}</div>'
                f"{after}</div>")


@pytest.mark.parametrize(("before", "after", "expected"), [
    ('<p>Von <a href="/a/rb">Roland Brockmann</a> und <a href="/a/sd">Sebastian Drescher</a></p>', "",
     ["Roland Brockmann", "Sebastian Drescher"]),
    ("<p>Posted on September 21, 2020 by Adi Tzlil</p>", "", ["Adi Tzlil"]),
    ("<p>Author: Gàbor Muniér, Datum: 03.Mär.19</p>", "", ["Gàbor Muniér"]),
    ("<div><span>Autor</span></div><div><span>Nikolai Huke,</span></div>", "", ["Nikolai Huke"]),
    ("", '<section class="article-credits"><p>Text: Ursula Eggers</p></section>', ["Ursula Eggers"]),
    ("<p>By Daniel Kahn | Published: 23. Juli 2017 | Kommentar</p>", "", ["Daniel Kahn"]),
    ("<p>By Chuck Squatriglia January 10, 2008 | 3:00 pm</p>", "", ["Chuck Squatriglia"]),
    ("<p>By Louis Jacobson on Monday, November 5</p>", "", ["Louis Jacobson"]),
    ("<p>(last edited 2019-11-10 13:28:18 by MatsWichmann)</p>", "", ["MatsWichmann"]),
])
def test_a_line_opening_with_a_byline_word_credits_the_author(before, after, expected):
    assert extract(_article(before, after), "https://x.example/feuerholz").authors == expected


@pytest.mark.parametrize(("before", "after"), [
    # Prose: several one-word "names" are nouns.
    ("<p>von Künstlern, Bands und DJs</p>", ""),
    # One plain word after "by" is as often a place or a thing; "Text" and "From" need a colon.
    ("<p>Posted on 5 May 2008 by City</p>", ""),
    ("<p>Text Size</p><p>From Our Partners</p>", ""),
    # A photo credit: the byline word follows something that is not a date.
    ("<p>Photo by Adi Tzlil</p>", ""),
    # A teaser of another story below the article.
    ("", '<aside class="related"><p>Von Jane Roe</p><a href="/b">Holz im Winter</a></aside>'),
])
def test_a_byline_word_in_prose_credits_or_teasers_credits_nobody(before, after):
    assert extract(_article(before, after), "https://x.example/feuerholz").authors == []


def test_the_first_byline_line_may_credit_an_organisation():
    html = _article("<p>October 19, 2019 by IWB</p>", "<p>by -_TheLordHelix_-</p>")
    assert extract(html, "https://x.example/feuerholz").authors == ["IWB"]


# ---------------------------------------------------------------- dates

def test_dates_from_json_ld_keep_the_offset_and_give_modified():
    ld = {"@type": "NewsArticle", "datePublished": "2024-03-05T08:00:00+01:00",
          "dateModified": "2024-03-05T09:30:00+01:00"}
    assert extract_dates(doc(page(json_ld=ld))) == ("2024-03-05T08:00:00+01:00", "2024-03-05T09:30:00+01:00")


def test_dates_from_a_webpage_main_entity():
    ld = {"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "datePublished": "2024-03-01"}}
    assert extract_dates(doc(page(json_ld=ld)))[0] == "2024-03-01"


def test_dates_from_microdata_meta_and_time():
    micro = '<span itemprop="datePublished" content="2024-02-01T10:00:00Z"></span>'
    assert extract_dates(doc(page(body=micro)))[0] == "2024-02-01T10:00:00+00:00"
    meta = '<meta property="article:published_time" content="2024-02-02T10:00:00-05:00">'
    assert extract_dates(doc(page(meta)))[0] == "2024-02-02T10:00:00-05:00"
    time = '<aside><time datetime="2020-01-01">old</time></aside><time datetime="2024-02-03">3 Feb</time>'
    assert extract_dates(doc(page(body=time), "https://x.example/a"))[0] == "2024-02-03"


@pytest.mark.parametrize(("lang", "line", "expected"), [
    ("vi", "Thứ bảy, 18 tháng 10 2025", "2025-10-18"),
    ("de", "Veröffentlicht am 28. April 2023, 14:05 Uhr", "2023-04-28T14:05:00"),
    ("ja", "2025年1月27日 9:30", "2025-01-27T09:30:00"),
    ("fr", "Publié le 3 mars 2024", "2024-03-03"),
    ("es", "14 de febrero de 2024", "2024-02-14"),
])
def test_visible_date_lines(lang, line, expected):
    html = page(body=f'<div class="article-date">{line}</div>', lang=lang)
    assert extract_dates(doc(html, "https://x.example/a"))[0] == expected


def test_relative_visible_date_uses_fetched_at():
    html = page(body='<span class="time">3 hours ago</span>' + PROSE)
    fetched = datetime(2025, 1, 2, 12, 0, tzinfo=UTC)
    assert extract(html, "https://x.example/a", fetched_at=fetched).published_at == "2025-01-02T09:00:00+00:00"


def test_url_date_is_the_last_resort():
    assert extract_dates(doc(page(body="<p>x</p>")))[0] == "2024-03-05"
    assert extract_dates(doc(page(body="<p>x</p>"), "https://x.example/news-20230428-slug"))[0] == "2023-04-28"


def test_a_month_in_the_url_is_the_last_resort():
    # /2008/05/ says the month, not the day: any date the page states wins.
    html = page(body="<h1>Headline</h1><p>Posted on 26 May 2008 by the desk.</p>" + PROSE)
    assert extract_dates(doc(html, "https://blog.example/2008/05/slug.html"))[0] == "2008-05-26"
    assert extract_dates(doc(page(body="<p>x</p>"), "https://blog.example/2008/05/slug.html"))[0] == "2008-05-01"


def test_htmldate_reads_what_our_signals_miss():
    state = '<script>var article = {"datePublished":"2021-11-03T09:00:00"};</script>'
    assert extract_dates(doc(page(body=state + PROSE), "https://x.example/a"))[0] == "2021-11-03"


def test_a_date_line_under_the_headline():
    html = page(body="<h1>Olafur Eliasson gestaltet Titelseite</h1>"
                     "<p>Pressemitteilung vom 25. Januar 2022 | Berlin</p>" + PROSE, lang="de")
    assert extract_dates(doc(html, "https://x.example/a"))[0] == "2022-01-25"


def test_published_equal_to_modified_yields_to_an_earlier_statement():
    # The CMS stamped its last save as datePublished; the meta tag keeps the first publication.
    ld = {"@type": "NewsArticle", "datePublished": "2016-05-08T10:11:51+01:00",
          "dateModified": "2016-05-08T10:11:51+01:00"}
    meta = '<meta property="article:published_time" content="2015-09-17T16:57:43+01:00">'
    assert extract_dates(doc(page(meta, json_ld=ld)))[0] == "2015-09-17T16:57:43+01:00"
    # ... or the date the reader sees under the headline.
    meta = ('<meta property="article:published_time" content="2024-12-07T12:43:39Z">'
            '<meta property="article:modified_time" content="2024-12-07T12:43:46Z">')
    body = '<h1>Vote</h1><div class="dateline">Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024</div>'
    assert extract_dates(doc(page(meta, body)))[0] == "2024-12-06T22:00:00+00:00"


def test_published_unlike_modified_and_draft_creation_dates_stay():
    ld = {"@type": "NewsArticle", "datePublished": "2024-04-30T16:17:29+02:00",
          "dateCreated": "2024-04-29T21:52:43", "dateModified": "2024-04-30T16:17:36+02:00"}
    assert extract_dates(doc(page(json_ld=ld)))[0] == "2024-04-30T16:17:29+02:00"
    ld = {"@type": "NewsArticle", "datePublished": "2024-04-30T08:00:00+02:00",
          "dateModified": "2024-05-02T10:00:00+02:00"}
    body = '<h1>X</h1><div class="date">29.04.2024</div>'
    assert extract_dates(doc(page(body=body, json_ld=ld)))[0] == "2024-04-30T08:00:00+02:00"


def test_bare_times_and_reading_times_are_not_dates():
    body = '<h1>X</h1><span itemprop="datePublished">08:00</span><span class="time">7 min</span>'
    assert extract_dates(doc(page(body=body), "https://x.example/2018/06/a.html"))[0] == "2018-06-01"


def test_layout_wrappers_named_sidebar_still_hold_the_date():
    body = ('<div class="panel-two-col-sidebar-right"><h1>Headline</h1>'
            '<div class="updated-date">April 5, 2018 | 6:00 PM</div></div>'
            '<div class="sidebar"><div class="date">January 1, 2017</div></div>')
    assert extract_dates(doc(page(body=body), "https://x.example/a"))[0] == "2018-04-05T18:00:00"


def test_json_ld_in_cdata_is_read():
    script = ('<script type="application/ld+json">\n<![CDATA[\n{"@type": "NewsArticle", '
              '"datePublished": "2015-10-15T02:19:15.607Z"}\n]]>\n</script>')
    assert extract_dates(doc(f"<html><head>{script}</head><body></body></html>"))[0] == "2015-10-15T02:19:15+00:00"


# ---------------------------------------------------------------- language

@pytest.mark.parametrize(("html", "expected"), [
    (page(lang="de-AT"), "de"), (page(lang="nb"), "no"),
    ('<html><head><meta property="og:locale" content="pt_BR"></head><body></body></html>', "pt"),
    ('<html><head><meta http-equiv="content-language" content="fr"></head><body></body></html>', "fr"),
])
def test_declared_language(html, expected):
    assert extract_language(doc(html)) == expected


def test_language_detected_when_undeclared():
    german = "<p>" + "Die Bundesregierung hat am Dienstag neue Regeln für den Wohnungsmarkt beschlossen. " * 6 + "</p>"
    html = f"<html><head></head><body>{german}</body></html>"
    assert extract_language(doc(html)) == "de"


def test_template_en_declaration_is_kept_for_english_and_overruled_for_other_text():
    english = "<p>" + "The central bank said on Tuesday that the pace of rate cuts will depend on the data. " * 6 + "</p>"
    vietnamese = "<p>" + "Ngân hàng Nhà nước cho biết sẽ tiếp tục điều hành lãi suất linh hoạt trong năm nay. " * 6 + "</p>"
    assert extract_language(doc(f'<html lang="en"><body>{english}</body></html>')) == "en"
    assert extract_language(doc(f'<html lang="en"><body>{vietnamese}</body></html>')) == "vi"


# ---------------------------------------------------------------- is_article

ARTICLE_LD = {"@type": "NewsArticle", "headline": "Markets rally", "datePublished": "2024-03-05"}


def test_a_single_article_is_an_article():
    assert extract(page(body="<h1>Markets rally</h1>" + PROSE, json_ld=ARTICLE_LD), URL).is_article
    undeclared = page(body='<h1>Markets rally</h1><time datetime="2024-03-05">5 March</time>' + PROSE * 2)
    assert extract(undeclared, "https://x.example/story/123").is_article


def test_a_listing_with_many_dated_teasers_is_not_an_article():
    teasers = "".join(f'<article><h2><a href="/news/{i}">Story number {i} about the markets today</a></h2>'
                      f'<time datetime="2024-03-0{i % 9 + 1}">March</time><p>Short teaser text for story {i}.</p>'
                      "</article>" for i in range(12))
    assert not extract(page(body=teasers), "https://x.example/markets").is_article
    items = [{"@type": "NewsArticle", "headline": f"Story {i}"} for i in range(5)]
    assert not extract(page(body=PROSE, json_ld=items), "https://x.example/markets").is_article


@pytest.mark.parametrize("url", ["https://x.example/", "https://x.example/tag/economy",
                                 "https://x.example/author/jane-doe", "https://x.example/about",
                                 "https://x.example/contact"])
def test_home_tag_author_about_and_contact_pages_are_not_articles(url):
    assert not extract(page(body="<h1>Page</h1>" + PROSE * 3, json_ld=ARTICLE_LD), url).is_article


def test_collection_page_type_is_not_an_article():
    ld = {"@type": "CollectionPage", "name": "Economy"}
    assert not extract(page(body=PROSE * 3, json_ld=ld), "https://x.example/economy").is_article


# ---------------------------------------------------------------- authors: meta keys (round 3)

def test_dublin_core_creator_beats_the_plain_meta_author():
    # CMSs fill name=author with a default or a paper's reference list; dc.creator is deliberate.
    html = page('<meta name="author" content="NH. Shear, SP. Spielberg"><meta name="dc.creator" content="Marwan Adwan">')
    assert extract_authors(doc(html)) == ["Marwan Adwan"]


def test_a_meta_property_listing_several_properties_counts_for_each():
    html = page('<meta property="dc:creator twitter:site_name" content="Creator Name"><meta name="author" content="FAIL">')
    assert extract_authors(doc(html)) == ["Creator Name"]


def test_an_app_banners_author_is_no_article_author():
    html = page('<meta name="smartbanner:author" content="Jetzt in der App">',
                '<h1>H</h1><span itemprop="author">Newsdesk</span>' + PROSE)
    assert extract_authors(doc(html)) == ["Newsdesk"]


def test_hcard_author_names_its_fn_but_not_commenters_or_cards_without_one():
    body = ('<article><h1 class="entry-title">H</h1><div class="entry-meta">By <span class="author vcard">'
            '<a class="url fn n" href="/author/daniel">Daniel</a></span></div>' + PROSE +
            '<ol class="comment-list"><li><div class="author vcard"><cite class="fn">Miss Priss</cite></div></li></ol>'
            '</article>')
    assert extract_authors(doc(page(body=body))) == ["Daniel"]
    commenter = '<h1>H</h1>' + PROSE + '<div class="comments"><span class="author vcard"><b class="fn">Miss Priss</b></span></div>'
    assert extract_authors(doc(page(body=commenter))) == []
    no_fn = '<h1>H</h1><div class="author vcard">Von <span>Tomas Spahn</span> <time>Fr, 18. Oktober 2019</time></div>' + PROSE
    assert extract_authors(doc(page(body=no_fn))) == ["Tomas Spahn"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("Autorin: Uta Staschewski, Projektleiterin der HSS", ["Uta Staschewski"]),  # a title and what it heads
    ("Jane Doe, Director of Research", ["Jane Doe"]),
    ("Richard David Precht im Gespräch mit Karin Fischer", ["Richard David Precht", "Karin Fischer"]),
    ("Fotos", []),
])
def test_roles_with_what_they_head_and_interview_credits(raw, expected):
    assert clean_authors([raw]) == expected


def test_a_team_is_a_desk_credited_when_nobody_is():
    html = page('<meta name="shareaholic:article_author_name" content="Support Team">', '<h1>H</h1>' + PROSE)
    assert extract_authors(doc(html)) == ["Support Team"]
    # ... and, credited by the structured data, it stops a guess at a name line under the headline
    data = {"@type": "BlogPosting", "author": {"@type": "Person", "name": "revamp-it Webteam"}}
    guess = '<h1>H</h1><p>Johannes Mahler</p><time>12.03.2024</time>' + PROSE
    assert extract_authors(doc(page(body=guess, json_ld=data))) == ["revamp-it Webteam"]


def test_a_byline_box_skips_what_another_label_introduces():
    data = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "auto-motor.at Redaktion"}}
    body = ('<h1>H</h1><div class="article-author"><time>4. November 2021</time> von <address class="author">'
            '<a>auto-motor.at Redaktion</a></address><ul class="crumbs">in Rubrik: <li><a>Hyundai</a></li>'
            '<li>&gt; <a>Hyundai Tests</a></li></ul></div>' + PROSE)
    assert extract_authors(doc(page(body=body, json_ld=data))) == ["auto-motor.at Redaktion"]
    updated = '<h1>H</h1><div class="byline">Aktualisiert: <span>12.03.2024</span> <span>Jane Doe</span></div>' + PROSE
    assert extract_authors(doc(page(body=updated))) == ["Jane Doe"]


def test_json_ld_agency_typed_organization_beside_the_person_is_kept():
    data = {"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Paula Steiger"},
                                               {"@type": "Organization", "name": "SDA"}],
            "publisher": {"@type": "Organization", "name": "Example News"}}
    assert extract_authors(doc(page(body="<h1>H</h1>" + PROSE, json_ld=data))) == ["Paula Steiger", "SDA"]


def test_a_later_credit_naming_the_writer_and_co_authors_wins():
    head = '<meta name="author" content="Rudolf Fischer">'
    body = '<h1>H</h1><div class="author">von Rudolf Fischer, Simon Kohler</div>' + PROSE
    assert extract_authors(doc(page(head, body))) == ["Rudolf Fischer", "Simon Kohler"]
    # ... but not a second credit in another role beside the writer ("La información es de")
    other = ('<h1>H</h1><div class="autor">Publicado por <a>Rudolf Fischer</a><br>La información es de '
             '<a>Cristian Cerna</a></div>' + PROSE)
    assert extract_authors(doc(page(head, other))) == ["Rudolf Fischer"]


def test_a_one_word_credit_yields_to_its_full_name():
    data = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Todd"}}
    body = '<h1>H</h1><p class="byline">By Todd Bates</p>' + PROSE
    assert extract_authors(doc(page(body=body, json_ld=data))) == ["Todd Bates"]


def test_a_user_name_yields_to_its_accented_spelling():
    head = '<meta name="dcterms.creator" content="gabor_munier">'
    body = '<h1>H</h1><p>Von Gàbor Muniér</p>' + PROSE
    assert extract(page(head, body), URL).authors == ["Gàbor Muniér"]


def test_the_site_a_byline_credits_is_returned_when_nobody_else_is():
    head = '<meta property="og:site_name" content="przepisy.pl">'
    body = '<h1>H</h1><div class="author">Autor: <span>przepisy.pl</span></div>' + PROSE
    assert extract_authors(doc(page(head, body))) == ["przepisy.pl"]


def test_agencies_and_desks_of_every_structured_source_are_credited_together():
    data = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "MM-Redaktion"}}
    head = ('<meta property="og:site_name" content="Mallorca Magazin">'
            '<meta property="article:author" content="Deutsche Presse-Agentur">'
            '<meta property="article:author" content="MM-Redaktion">')
    assert extract_authors(doc(page(head, "<h1>H</h1>" + PROSE, json_ld=data))) == \
        ["MM-Redaktion", "Deutsche Presse-Agentur"]


def test_an_editor_line_is_credited_only_when_no_writer_is():
    closing = '<h1>新闻标题</h1>' + PROSE + '<div class="p-tags">责任编辑： 焦鹏</div>'
    assert extract(page(body=closing, lang="zh"), URL).authors == ["焦鹏"]
    english = '<h1>H</h1>' + PROSE + '<p>Editor: Lin Li</p>'
    assert extract(page(body=english), URL).authors == ["Lin Li"]
    written = '<h1>H</h1><p>By Jane Doe</p>' + PROSE + '<p>Editor: Lin Li</p>'
    assert extract(page(body=written), URL).authors == ["Jane Doe"]


def test_a_date_and_a_name_in_one_piece_under_the_headline():
    body = '<h1>Variablen und ihr Zuhause</h1><p class="text-muted">11.12.2019 - Amelie Loevenich</p>' + PROSE
    assert extract_authors(doc(page(body=body, lang="de"))) == ["Amelie Loevenich"]
    place = '<h1>H</h1><p>12.03.2024 - Frankfurt am Main</p>' + PROSE
    assert extract_authors(doc(page(body=place, lang="de"))) == []


def test_the_site_name_on_the_dated_line_is_credited_when_nobody_is():
    head = '<meta property="og:site_name" content="mitundvoneinander">'
    body = ('<h1>Ratschläge geben</h1><small>Verfasst von: <strong>mitundvoneinander</strong> | 31. Dezember 2008'
            '</small>' + PROSE)
    assert extract_authors(doc(page(head, body, lang="de"))) == ["mitundvoneinander"]


def test_the_about_the_author_box_names_the_writer_when_nobody_else_does():
    body = ('<h1>H</h1>' + PROSE + '<div class="author-bio footer"><h3>Martin Junker</h3><p>Alles von Martin Junker</p>'
            '</div>')
    assert extract_authors(doc(page(body=body))) == ["Martin Junker"]
    credited = '<h1>H</h1><p class="byline">By Jane Doe</p>' + PROSE + '<div class="author-box"><h3>Martin Junker</h3></div>'
    assert extract_authors(doc(page(body=credited))) == ["Jane Doe"]
    comment = '<h1>H</h1>' + PROSE + '<div class="comments"><div class="author-box"><h3>Miss Priss</h3></div></div>'
    assert extract_authors(doc(page(body=comment))) == []


def test_a_byline_just_above_the_headline_is_read():
    buttons = "".join(f'<div class="btn"><a href="/b{n}">Button {n}</a></div>' for n in range(20))
    body = ('<nav><a href="/">Home</a></nav><h2>Melas</h2><div>by</div><h3><a href="/profile/1">delta201</a></h3>'
            '<h1>Chapter 1: Prologue</h1>' + buttons + PROSE)
    assert extract(page(body=body), URL).authors == ["delta201"]


def test_the_blogs_own_hcard_linking_home_is_no_author():
    body = ('<div id="header"><h1 class="vcard author"><a class="fn" href="https://news.example.com/">Krimiblog-Archiv</a>'
            '</h1></div><h3 class="entry-title">H</h3><h4 class="vcard author">vom <span class="fn">Jane Doe</span></h4>'
            + PROSE)
    assert extract_authors(doc(page(body=body))) == ["Jane Doe"]



@pytest.mark.parametrize("href", ["https://daniel.example.org/", "#", "/?author=2"])
def test_an_hcard_linking_elsewhere_than_the_sites_front_page_is_an_author(href):
    # The front page is the site's own (its host, at the root, without a query): site.links_home,
    # the rule that also tells the logo heading. A one-word name: only the hCard credits it.
    body = f'<h3>H</h3><div>By <span class="author vcard"><a class="fn" href="{href}">Daniel</a></span></div>'
    assert extract_authors(doc(page(body=body + PROSE))) == ["Daniel"]
