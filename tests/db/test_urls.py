"""Layer 1: URL canonicalisation."""

from __future__ import annotations

import pytest

from db.urls import article_url, canonicalize

STORY = "https://news.example.com/markets/fed-holds-rates"


@pytest.mark.parametrize("variant", [
    "https://news.example.com/markets/fed-holds-rates",
    "HTTPS://News.Example.COM:443/markets/fed-holds-rates",
    "https://news.example.com/markets/fed-holds-rates#comments",
    "https://news.example.com/markets/fed-holds-rates?utm_source=twitter&utm_medium=social",
    "https://news.example.com/markets/fed-holds-rates?fbclid=IwAR0abc",
    "https://news.example.com/markets/fed-holds-rates?gclid=xyz&mc_cid=1&mc_eid=2",
    "https://news.example.com/markets/fed-holds-rates/amp",
    "https://news.example.com/markets/fed-holds-rates/amp/",
    "https://news.example.com/markets/fed-holds-rates?amp=1",
    "https://amp.news.example.com/markets/fed-holds-rates",
    "https://news.example.com//markets/fed-holds-rates",
])
def test_variants_of_one_story_share_a_canonical_url(variant):
    assert canonicalize(variant) == STORY


def test_query_is_sorted_and_meaningful_parameters_kept():
    assert canonicalize("http://x.example/a?b=2&a=1&utm_campaign=q") == "http://x.example/a?a=1&b=2"
    assert canonicalize("http://x.example/story?id=1") != canonicalize("http://x.example/story?id=2")


def test_non_default_port_is_kept():
    assert canonicalize("http://127.0.0.1:8080/a") == "http://127.0.0.1:8080/a"


def test_amp_html_suffix_maps_to_the_regular_page():
    assert canonicalize("https://x.example/news/story.amp.html") == "https://x.example/news/story.html"


def test_declared_canonical_wins_only_on_the_same_site():
    fetched = "https://www.news.example.com/markets/fed-holds-rates/amp?utm_source=x"
    assert article_url(fetched, "https://news.example.com/markets/fed-holds-rates") == STORY
    own = "https://www.news.example.com/markets/fed-holds-rates"
    assert article_url(fetched, "https://partner.example.org/copy") == own  # off-site: ignored
    assert article_url(fetched, "javascript:void(0)") == own
    assert article_url(fetched, None) == own
