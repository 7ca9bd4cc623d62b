"""End to end: crawl the bundled demo finance site from a real loopback server into SQLite."""

from __future__ import annotations

import json
from datetime import datetime
from urllib.parse import urlsplit

import pytest

from newsagg.demo.server import LoopbackSite
from newsagg.demo.site import build_site
from tests.helpers import newsagg, query

BOILERPLATE = ("Latest news", "Share on", "cookies", "newsletter", "Copy link", "All rights reserved")


@pytest.fixture(scope="module")
def site():
    return build_site()


@pytest.fixture(scope="module")
def crawled(site, tmp_path_factory):
    """Crawl the demo site twice; return (server, db path, first result, second result)."""
    folder = tmp_path_factory.mktemp("demo")
    db, config = folder / "news.db", folder / "newsagg.toml"
    config.write_text("[crawler]\ndownload_delay = 0\nconcurrency_per_domain = 8\n")
    with LoopbackSite(site.routes) as server:
        args = ("crawl", "--url", server.url("/"), "--db", str(db), "--config", str(config))
        first = newsagg(*args)
        counts_after_first = _counts(db)
        second = newsagg(*args)
        yield server, db, first, second, counts_after_first


def _counts(db) -> dict:
    tables = ("articles", "faqs", "article_urls", "article_versions")
    return {table: query(db, f"SELECT count(*) FROM {table}")[0][0] for table in tables}


def _stored_by_path(db) -> dict[str, dict]:
    rows = query(db, "SELECT * FROM articles")
    return {urlsplit(row["url"]).path: dict(row) for row in rows}


def test_first_crawl_succeeds_and_reports(crawled):
    _, db, first, _, _ = crawled
    assert first.returncode == 0, first.stderr
    assert "ok" in first.stdout
    [run] = query(db, "SELECT * FROM crawl_runs ORDER BY id LIMIT 1")
    assert run["status"] == "ok" and run["trigger"] == "manual" and run["finished_at"]
    assert run["articles_new"] + run["duplicates"] == _counts(db)["articles"]


def test_every_canonical_article_is_stored_with_its_title(crawled, site):
    _, db, *_ = crawled
    stored = _stored_by_path(db)
    for article in site.canonical_articles:
        assert article.path in stored, f"{article.path} not stored"
        # Whitespace is normalised (an ideographic space becomes a plain one), as the scorer does.
        assert stored[article.path]["title"] == " ".join(article.title.split())


def test_dates_are_on_the_right_day_with_offset(crawled, site):
    _, db, *_ = crawled
    stored = _stored_by_path(db)
    for article in site.canonical_articles:
        value = stored[article.path]["published_at"]
        assert value, f"{article.path}: no published_at"
        assert datetime.fromisoformat(value).date() == article.published.date(), article.path


def test_bodies_hold_the_text_and_no_widgets(crawled, site):
    _, db, *_ = crawled
    stored = _stored_by_path(db)
    for article in site.canonical_articles:
        body = stored[article.path]["body"]
        assert article.paragraphs[0] in body and article.paragraphs[-1] in body, article.path
        for needle in BOILERPLATE:
            assert needle.lower() not in body.lower(), f"{article.path}: {needle!r} leaked into the body"


def test_authors_are_split_into_people(crawled, site):
    _, db, *_ = crawled
    stored = _stored_by_path(db)
    for article in site.canonical_articles:
        assert json.loads(stored[article.path]["authors"]) == article.authors, article.path


def test_non_article_pages_are_not_stored(crawled, site):
    _, db, *_ = crawled
    stored = _stored_by_path(db)
    for path in site.non_article_paths:
        assert path not in stored, f"{path} stored as an article"


def test_disallowed_path_is_never_requested(crawled, site):
    server, *_ = crawled
    requested = {urlsplit(path).path for path in server.requests}
    assert requested, "the crawler requested nothing"
    for path in site.disallowed_paths:
        assert path not in requested


def test_second_crawl_adds_nothing(crawled):
    _, db, _, second, counts_after_first = crawled
    assert second.returncode == 0, second.stderr
    assert _counts(db) == counts_after_first
    [run] = query(db, "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")
    assert (run["articles_new"], run["articles_updated"], run["duplicates"]) == (0, 0, 0)


def test_faq_pairs_and_disclaimers_are_stored_apart_from_the_body(crawled, site):
    _, db, *_ = crawled
    stored = _stored_by_path(db)
    checked = 0
    for article in site.canonical_articles:
        row = stored[article.path]
        pairs = [(r["question"], r["answer"]) for r in
                 query(db, "SELECT question, answer FROM faqs WHERE article_id = ? ORDER BY position", (row["id"],))]
        assert pairs == [(q, a) for q, a in article.faq], article.path
        assert row["disclaimer"] == article.disclaimer, article.path
        for text in [a for _, a in article.faq] + [article.disclaimer or ""]:
            assert not text or text not in row["body"], f"{article.path}: {text[:40]!r} left in the body"
        checked += bool(article.faq or article.disclaimer)
    assert checked >= 3
    question, answer = next(qa for a in site.canonical_articles for qa in a.faq)
    word = max(answer.split(), key=len).strip(".,;:!?")
    hits = query(db, "SELECT rowid FROM articles_fts WHERE faq_text MATCH ?", (f'"{word}"',))
    assert hits, f"FAQ text {word!r} not in the full-text index"


def test_instruments_of_the_finance_stories_are_stored(crawled):
    _, db, *_ = crawled
    expected = {"/markets/2025/10/18/fed-holds-rates-steady/": {"S&P 500"},
                "/markets/2023/04/28/dax-klettert-auf-rekordhoch/": {"DAX"},
                "/markets/2025/10/14/bank-earnings-lift-stocks/": {"BKX"},
                "/crypto/2025/10/13/bitcoin-etf-inflows/": {"BTC", "ETH"}}
    stored = _stored_by_path(db)
    for path, symbols in expected.items():
        rows = query(db, "SELECT i.symbol FROM article_instruments ai JOIN instruments i ON i.id = ai.instrument_id"
                         " WHERE ai.article_id = ?", (stored[path]["id"],))
        assert symbols <= {row["symbol"] for row in rows}, path
    # Title and body only: 5 mentions there (6 if the image caption "A bitcoin ATM" stays in the
    # body); the FAQ's three would make it 8 or more.
    [mentions] = query(db, "SELECT ai.mentions FROM article_instruments ai JOIN instruments i ON i.id = ai.instrument_id"
                           " WHERE ai.article_id = ? AND i.symbol = 'BTC'",
                       (stored["/crypto/2025/10/13/bitcoin-etf-inflows/"]["id"],))
    assert 5 <= mentions[0] <= 6


def test_formats_images_and_utc_instants_are_stored(crawled, site):
    server, db, *_ = crawled
    stored = _stored_by_path(db)
    exact = 0
    for article in site.canonical_articles:
        row = stored[article.path]
        assert article.paragraphs[0] in row["body_markdown"], article.path
        assert f"<p>{article.paragraphs[0]}" in row["body_html"].replace("&amp;", "&"), article.path
        assert row["image_url"] == server.url(article.image_path), article.path
        assert row["utc_basis"] in ("offset", "timezone", "assumed-utc"), article.path
        published = datetime.fromisoformat(row["published_utc"])
        assert published.utcoffset().total_seconds() == 0, article.path
        if row["utc_basis"] == "offset":  # the page gave the offset: the instant is exact
            assert published == article.published, article.path
            exact += 1
    assert exact >= len(site.canonical_articles) // 2
    for (value,) in query(db, "SELECT published_utc FROM articles UNION ALL SELECT modified_utc FROM articles"):
        assert value is None or datetime.fromisoformat(value).tzinfo is not None
