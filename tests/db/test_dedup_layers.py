"""The three dedup layers through Store.upsert_article, with real news bodies from the corpus."""

from __future__ import annotations

import pytest

from bench import db_corpus
from core.article import Article, FaqEntry
from db import dedup
from db.store import DUPLICATE, NEW, UNCHANGED, UPDATED, faq_text

ORIGIN = "https://wire.example.com/markets/asian-shares-soft"


def stored(store, article_id: int) -> dict:
    return dict(store.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone())


def count(store, table: str) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # table names are literals


def article(body: str, url: str = ORIGIN, **fields) -> Article:
    return Article(url=url, title=fields.pop("title", "Asian shares soft as trade doubts creep in"),
                   body=body, published_at=fields.pop("published_at", "2019-11-20T02:00:00+00:00"),
                   is_article=True, **fields)


# ------------------------------------------------------------------ layer 1: URLs


def test_tracking_and_amp_variants_are_one_article(store, story):
    first = store.upsert_article(article(story["body"]), "wire", ORIGIN + "?utm_source=twitter&fbclid=abc")
    amp = article(story["body"], url=ORIGIN + "/amp", canonical_url=ORIGIN)
    second = store.upsert_article(amp, "wire", ORIGIN + "/amp", seen_urls=[ORIGIN + "?gclid=1#top"])
    assert first.outcome == NEW and second.outcome == UNCHANGED
    assert second.article_id == first.article_id and first.url == ORIGIN
    assert count(store, "articles") == 1
    urls = {row[0] for row in store.conn.execute("SELECT url FROM article_urls WHERE article_id = ?",
                                                 (first.article_id,))}
    assert {ORIGIN, ORIGIN + "?utm_source=twitter&fbclid=abc", ORIGIN + "/amp", ORIGIN + "?gclid=1#top"} <= urls
    assert store.is_known_url(ORIGIN + "?utm_medium=email")


def test_url_known_from_an_earlier_visit_finds_the_article(store, story):
    """A page that later declares a canonical elsewhere on its site stays the same article."""
    first = store.upsert_article(article(story["body"], url=ORIGIN + "-2019"), "wire")
    again = store.upsert_article(article(story["body"], url=ORIGIN + "-2019", canonical_url=ORIGIN), "wire")
    assert again.article_id == first.article_id and count(store, "articles") == 1


# ------------------------------------------------------------------ layer 2: content


def test_syndicated_copy_with_other_boilerplate_and_headline_suffix_points_at_original(store, story):
    original = store.upsert_article(article(story["body"]), "wire")
    copy = article(db_corpus.syndicated_copy(story["body"], drop_last_paragraph=True),
                   url="https://partner.example.org/business/asia-stocks-copy",
                   title="Asian shares soft as trade doubts creep in - Partner Business",
                   published_at="2019-11-20T05:30:00+00:00")
    result = store.upsert_article(copy, "partner")
    assert result.outcome == DUPLICATE and result.duplicate_of == original.article_id
    row = stored(store, result.article_id)
    assert row["duplicate_of"] == original.article_id
    assert dedup.NEAR_DUPLICATE_OVERLAP <= row["duplicate_score"] < 1.0
    assert stored(store, original.article_id)["duplicate_of"] is None


def test_exact_copy_scores_one_and_chains_point_at_the_root(store, story):
    original = store.upsert_article(article(story["body"]), "wire")
    copy = store.upsert_article(article(story["body"].upper(), url="https://a.example/copy"), "a")
    near = article(db_corpus.syndicated_copy(story["body"]), url="https://b.example/copy")
    near_copy = store.upsert_article(near, "b")
    assert copy.duplicate_of == original.article_id and stored(store, copy.article_id)["duplicate_score"] == 1.0
    assert near_copy.duplicate_of == original.article_id


def test_first_published_is_the_original_even_when_crawled_later(store, story):
    late = store.upsert_article(article(story["body"], url="https://late.example/x",
                                        published_at="2019-11-20T09:00:00+01:00"), "late")
    also_late = store.upsert_article(article(db_corpus.syndicated_copy(story["body"]), url="https://b.example/y",
                                             published_at="2019-11-20T10:00:00+00:00"), "b")
    early = store.upsert_article(article(story["body"], published_at="2019-11-20T07:59:00+00:00"), "wire")
    assert early.outcome == NEW and early.duplicate_of is None
    assert also_late.duplicate_of == late.article_id  # before the original arrived
    assert stored(store, late.article_id)["duplicate_of"] == early.article_id
    assert stored(store, also_late.article_id)["duplicate_of"] == early.article_id


def test_same_event_different_stories_are_not_merged(store, corpus_rows):
    pairs = db_corpus.same_event_pairs(corpus_rows)
    assert len(pairs) >= 6
    for number, (label, first_body, second_body) in enumerate(pairs):
        first = store.upsert_article(article(first_body, url=f"https://one.example/{number}"), "one")
        second = store.upsert_article(article(second_body, url=f"https://two.example/{number}"), "two")
        if first.outcome == DUPLICATE:  # a body already stored by an earlier pair (same article)
            continue
        assert second.outcome in (NEW, DUPLICATE)
        assert second.duplicate_of != first.article_id, f"{label} merged"


def test_unrelated_corpus_stories_stay_apart(store, corpus_rows):
    """Two hundred real stories (two crawls of one URL excepted) produce no duplicates."""
    for row in corpus_rows:
        store.upsert_article(article(row["body"], url=row["url"] + "#" + row["id"], title=None), "corpus")
    duplicates = store.conn.execute("SELECT a.url, o.url FROM articles a JOIN articles o ON o.id = a.duplicate_of"
                                    ).fetchall()
    assert all(a.split("#")[0] == o.split("#")[0] for a, o in duplicates), duplicates


def test_short_or_empty_bodies_are_never_near_duplicates(store):
    assert dedup.fingerprint("Markets closed early today.") is None
    first = store.upsert_article(article("", url="https://x.example/video-1"), "x")
    second = store.upsert_article(article("", url="https://x.example/video-2"), "x")
    assert first.outcome == NEW and second.outcome == NEW


# ------------------------------------------------------------------ layer 3: versions


def test_update_bumps_version_and_keeps_previous_content(store, story):
    first = store.upsert_article(article(story["body"]), "wire")
    before = stored(store, first.article_id)
    updated = article(db_corpus.updated_story(story["body"]), modified_at="2019-11-20T06:00:00+00:00")
    result = store.upsert_article(updated, "wire")
    assert result.outcome == UPDATED and result.article_id == first.article_id
    row = stored(store, first.article_id)
    assert row["version"] == 2 and row["modified_at"] == "2019-11-20T06:00:00+00:00"
    assert row["body"] == updated.body
    [version] = store.conn.execute("SELECT * FROM article_versions WHERE article_id = ?", (first.article_id,))
    assert version["version"] == 1 and version["body"] == before["body"]
    assert version["content_hash"] == before["content_hash"]
    # the updated story is still found by its new text, and a copy of it points at it
    copy = store.upsert_article(article(updated.body, url="https://c.example/copy"), "c")
    assert copy.duplicate_of == first.article_id


def test_recrawl_of_unchanged_content_adds_no_rows(store, story):
    page = article(story["body"], faq=[FaqEntry("What moved markets?", "Trade talk doubts.")])
    store.upsert_article(page, "wire")
    tables = ("articles", "faqs", "article_urls", "article_versions", "near_dup_bands", "articles_fts")
    before = {table: count(store, table) for table in tables}
    for _ in range(3):
        assert store.upsert_article(page, "wire", ORIGIN + "?utm_source=rss").outcome in (UNCHANGED,)
    after = {table: count(store, table) for table in tables}
    assert after == {**before, "article_urls": before["article_urls"] + 1}  # the new tracking variant only
    assert stored(store, 1)["version"] == 1


def test_faq_change_alone_is_an_update_and_is_searchable(store, story):
    store.upsert_article(article(story["body"], faq=[FaqEntry("Old question?", "Old answer.")]), "wire")
    result = store.upsert_article(article(story["body"], faq=[FaqEntry("Why did yields dip?", "Haven demand.")]),
                                  "wire")
    assert result.outcome == UPDATED
    row = stored(store, result.article_id)
    assert row["faq_text"] == faq_text([FaqEntry("Why did yields dip?", "Haven demand.")])
    hits = store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ("haven",)).fetchall()
    assert [hit[0] for hit in hits] == [result.article_id]
    assert not store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'old'").fetchall()


@pytest.mark.parametrize("value, expected", [("2019-11-20", True), ("2019-11-21T00:00:00+05:00", True),
                                             ("2019-11-21T00:00:00Z", False), (None, False), ("soon", False)])
def test_published_earlier_compares_instants(value, expected):
    from db.store import published_earlier
    assert published_earlier(value, "2019-11-20T20:00:00+00:00") is expected
