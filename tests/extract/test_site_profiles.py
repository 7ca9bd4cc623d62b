"""Site profiles: every profile module extracts its fixture page as expected, and the mechanism
(host choice, precedence over the generic chain, fallback, valid_until) holds on hand-made pages."""

from __future__ import annotations

import json
import logging
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from scraper.extract import ExtractionError, SiteProfile, extract
from scraper.extract.document import Document
from scraper.extract.site import compiled_selector
from scraper.extract.sites import profile_names, profiles, resolve_profile

FIXTURES = Path(__file__).parent / "site_profiles"


@pytest.mark.parametrize("name", profile_names())
def test_every_profile_extracts_its_fixture_page(name):
    """Each profile ships tests/extract/site_profiles/<name>.html (hand-written, resembling the
    site) and <name>.json (the URL and every field it must give)."""
    html_path, expected_path = FIXTURES / f"{name}.html", FIXTURES / f"{name}.json"
    assert html_path.exists() and expected_path.exists(), f"profile {name!r} ships no fixture page"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    url = expected.pop("url")
    assert resolve_profile(None, url) is profiles()[name], f"{url} is not served by profile {name!r}"
    article = extract(html_path.read_bytes(), url).to_dict()
    assert {key: article[key] for key in expected} == expected


@pytest.mark.parametrize("name", profile_names())
def test_every_selector_of_a_profile_finds_something_in_its_fixture(name):
    """A selector its own fixture never exercises is untested (or dead)."""
    root = Document.parse((FIXTURES / f"{name}.html").read_bytes(), "https://x.example/").root
    for selector in profiles()[name].selectors():
        assert compiled_selector(selector)(root), f"{name}: {selector!r} matches nothing in its fixture"


# ---------------------------------------------------------------- the mechanism, on hand-made pages

PAGE = """<html lang="en"><head><title>Gold slips | Example Markets</title>
<meta property="og:title" content="Gold slips as the dollar firms">
<meta property="article:published_time" content="2025-03-05T09:00:00+01:00"></head>
<body><div class="kicker-line"><h1>Markets live</h1></div>
<div class="story"><h2 class="headline">Gold slips as the dollar firms before the jobs report</h2>
<p class="meta">Written by <span class="writer">Ana García</span> on <span class="stamp">4 March 2025, 18:30</span></p>
<div class="txt"><p>Gold fell 1.2% on Wednesday as the dollar strengthened ahead of Friday's payrolls report, which
traders expect to show steady hiring.</p>
<div class="quote-widget"><p>XAU/USD 2,905.10 -1.2% Last updated 18:30 CET, data delayed by fifteen minutes for all users.</p></div>
<p>Silver followed, losing 0.8%, while platinum edged higher on supply worries in South Africa and Russia.</p>
<div class="fine-print"><p>Prices are indicative and come from third-party data providers we do not control.</p></div>
</div></div>
<div class="sidebar"><p>Most read: Oil jumps as OPEC surprises with a deeper cut than any analyst had expected this week.</p></div>
</body></html>"""

URL = "https://news.example-markets.com/gold-slips"

PROFILE = SiteProfile(
    hosts=("example-markets.com",),
    title=(".story h2.headline",),
    published=(".story .stamp",),
    authors=(".story .writer",),
    body=".story .txt",
    drop=(".quote-widget",),
    notices=(".fine-print",),
    name="example_markets",
)


def test_profile_fields_win_over_the_generic_chain():
    generic = extract(PAGE, URL)
    article = extract(PAGE, URL, profile=PROFILE)
    assert generic.title == "Gold slips as the dollar firms"
    assert article.title == "Gold slips as the dollar firms before the jobs report"
    assert generic.published_at == "2025-03-05T09:00:00+01:00"
    assert article.published_at == "2025-03-04T18:30:00"
    assert article.authors == ["Ana García"]
    assert "XAU/USD" in generic.body and "XAU/USD" not in article.body
    assert "Gold fell 1.2%" in article.body and article.body.endswith("South Africa and Russia.")
    assert "Most read" not in article.body
    assert article.disclaimer == "Prices are indicative and come from third-party data providers we do not control."
    assert "Prices are indicative" not in article.body


def test_a_profiles_container_is_the_article_however_short():
    """A brief next to long related stories: the stub safety net must not trade the profile's
    container for another one."""
    related = "".join(f"<p>Related story {n}: markets moved again as investors weighed the central bank's next "
                      "step, the dollar and a long list of earnings reports due this week.</p>" for n in range(6))
    page = (f"<html><head><title>Brief</title></head><body><div class='story-body'><p>Gold rose 1% in early "
            f"trade.</p></div><div class='related-stories'>{related}</div></body></html>")
    brief = SiteProfile(hosts=("example-markets.com",), body="div.story-body", name="brief")
    assert extract(page, URL, profile=brief).body == "Gold rose 1% in early trade."


def test_selectors_that_match_nothing_fall_back_to_the_generic_chain():
    empty = SiteProfile(hosts=("example-markets.com",), title=(".nope",), published=(".nope",),
                        authors=(".nope",), body=".nope", drop=(".nope",), notices=(".nope",), name="empty")
    assert extract(PAGE, URL, profile=empty).to_dict() == extract(PAGE, URL).to_dict()


def test_the_profile_is_chosen_by_host_and_by_name():
    assert resolve_profile(None, "https://www.harborstreet.example/a") is profiles()["demo"]
    assert resolve_profile(None, "https://news.harborstreet.example/a") is profiles()["demo"]
    assert resolve_profile(None, "https://harborstreet.example.org/a") is None
    assert resolve_profile(None, "https://other.example/a") is None
    assert resolve_profile("demo", "http://127.0.0.1:8123/a") is profiles()["demo"]
    with pytest.raises(ExtractionError, match="no site profile 'nope'"):
        extract(PAGE, URL, profile="nope")


def test_an_expired_profile_gives_way_to_the_generic_chain(caplog):
    old = SiteProfile(hosts=("example-markets.com",), title=(".story h2.headline",),
                      valid_until=date(2024, 12, 31), name="example_markets_v1")
    fetched = datetime(2025, 3, 5, tzinfo=UTC)
    with caplog.at_level(logging.WARNING):
        assert extract(PAGE, URL, fetched, profile=old).title == "Gold slips as the dollar firms"
    assert "valid until 2024-12-31" in caplog.text
    before = datetime(2024, 12, 31, 23, 0, tzinfo=UTC)
    assert extract(PAGE, URL, before, profile=old).title == "Gold slips as the dollar firms before the jobs report"


def test_the_demo_profile_reads_the_demo_sites_own_pages():
    from newsagg.demo.site import build_site

    site = build_site()
    for article in site.canonical_articles:
        page = site.page(article.path, "http://127.0.0.1:8123").body
        found = extract(page, "http://127.0.0.1:8123" + article.path, profile="demo")
        assert found.title == " ".join(article.title.split()), article.path
        assert found.authors == article.authors, article.path
        assert datetime.fromisoformat(found.published_at).date() == article.published.date(), article.path
        assert found.disclaimer == article.disclaimer, article.path
        assert article.paragraphs[0] in found.body and article.paragraphs[-1] in found.body, article.path
