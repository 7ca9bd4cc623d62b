"""Ratchet: title, date and authors on the dev corpus' fundus pages must not fall below what we reach.

Measured with the shared scorer's own metrics (title_matches, same_day, author_f1), so the
numbers mean the same as in the scorer's table. Raise the floors when the code gets better.
"""

from __future__ import annotations

TITLE_EXACT_FLOOR = 0.875  # measured 0.880
DATE_SAME_DAY_FLOOR = 0.98  # measured 0.984
AUTHORS_F1_FLOOR = 0.95  # measured 0.955


def _fundus(corpus_results):
    return [result for result in corpus_results if result.truth["dataset"] == "fundus"]


def _field(result, key):
    return result.article.get(key) if result.article else None


def test_no_page_crashes(corpus_results):
    assert [result.truth["id"] for result in corpus_results if result.error] == []


def test_title_exact_match(corpus_results, scorer):
    pages = [r for r in _fundus(corpus_results) if r.truth.get("title")]
    score = sum(scorer.title_matches(r.truth["title"], _field(r, "title")) for r in pages) / len(pages)
    assert score >= TITLE_EXACT_FLOOR, f"title exact {score:.3f}"


def test_published_same_day(corpus_results, scorer):
    pages = [r for r in _fundus(corpus_results) if r.truth.get("published")]
    score = sum(scorer.same_day(r.truth["published"], _field(r, "published_at")) for r in pages) / len(pages)
    assert score >= DATE_SAME_DAY_FLOOR, f"published same day {score:.3f}"


def test_authors_f1(corpus_results, scorer):
    pages = [r for r in _fundus(corpus_results) if r.truth.get("authors")]
    score = sum(scorer.author_f1(r.truth["authors"], _field(r, "authors")) for r in pages) / len(pages)
    assert score >= AUTHORS_F1_FLOOR, f"authors F1 {score:.3f}"
