"""Ratchet: body F1 per dataset (dev and wide), snippet accuracy (trafilatura's evaluation set), pages
whose body fails, and FAQ/disclaimer separation (dev labels) must not fall below what the extractor
reaches now.

Measured with the shared scorer's own metrics (body_scores, snippet_scores, section_scores), so the
numbers mean the same as in the scorer's table. Raise the floors when the code gets better.
"""

from __future__ import annotations

import pytest

# Mean body F1 per dataset: dev (scrapinghub, fundus) and wide (l3s-gn1, readability).
# Measured 0.9775, 0.9722, 0.9703, 0.9540 (trafilatura 2.3.1: 0.964, 0.941, 0.904, 0.940).
BODY_F1_FLOORS = {"scrapinghub": 0.977, "fundus": 0.972, "l3s-gn1": 0.970, "readability": 0.953}
# trafilatura-eval (wide): snippets found or absent as they should be; measured 0.9382 (trafilatura 0.930)
SNIPPET_ACCURACY_FLOOR = 0.938
# Pages of dev and wide whose body F1 is under 0.5 (an empty, stub or wrong-container body): 3 today,
# each a page where the peers fail too or nearly (a comment thread, a bug tracker, a how-to of captions).
FAILED_PAGES_CEILING = 3
FAILED_PAGE_F1 = 0.5
FAQ_EXACT_FLOOR = 1.0  # measured 1.000 (1 labelled page)
DISCLAIMER_FOUND_FLOOR = 1.0  # measured 1.000 (15 of 15 labelled pages)
FALSE_POSITIVE_CEILING = 0.0  # measured 0.000 FAQ and 0.000 disclaimer false positives
LEAK_CEILING = 0.0  # measured 0.000: no labelled FAQ answer or notice left in the body


def _prediction(scorer, result):
    article = result.article or {}
    return scorer.Prediction(body=article.get("body") or "", faq=article.get("faq") or [],
                             disclaimer=article.get("disclaimer"))


def _body(result) -> str:
    return (result.article or {}).get("body") or ""


def _body_f1(scorer, results, dataset: str) -> list[float]:
    return [scorer.body_scores(result.truth["body"], _body(result))[2]
            for result in results if result.truth["dataset"] == dataset]


@pytest.mark.parametrize("dataset", ["scrapinghub", "fundus"])
def test_body_f1_per_dev_dataset(corpus_results, scorer, dataset):
    scores = _body_f1(scorer, corpus_results, dataset)
    assert sum(scores) / len(scores) >= BODY_F1_FLOORS[dataset], f"{dataset} body F1 {sum(scores) / len(scores):.4f}"


@pytest.mark.parametrize("dataset", ["l3s-gn1", "readability"])
def test_body_f1_per_wide_dataset(wide_results, scorer, dataset):
    scores = _body_f1(scorer, wide_results, dataset)
    assert sum(scores) / len(scores) >= BODY_F1_FLOORS[dataset], f"{dataset} body F1 {sum(scores) / len(scores):.4f}"


def test_snippet_accuracy(wide_results, scorer):
    values = [scorer.snippet_scores(result.truth.get("snippets_with") or [], result.truth.get("snippets_without") or [],
                                    _body(result))["snippet_accuracy"]
              for result in wide_results if result.truth["dataset"] == "trafilatura-eval"]
    values = [value for value in values if value is not None]
    assert sum(values) / len(values) >= SNIPPET_ACCURACY_FLOOR, f"snippet accuracy {sum(values) / len(values):.4f}"


def test_no_new_failed_bodies(corpus_results, wide_results, scorer):
    failed = [result.truth["id"] for result in corpus_results + wide_results if result.truth.get("body")
              and scorer.body_scores(result.truth["body"], _body(result))[2] < FAILED_PAGE_F1]
    assert len(failed) <= FAILED_PAGES_CEILING, failed


def _section_rate(corpus_results, scorer, key):
    values = [scorer.section_scores(result.labels, _prediction(scorer, result)).get(key)
              for result in corpus_results if result.labels]
    values = [value for value in values if value is not None]
    assert values, f"no labelled pages for {key}"
    return sum(values) / len(values)


def test_faq_pairs_exact(corpus_results, scorer):
    assert _section_rate(corpus_results, scorer, "faq_exact") >= FAQ_EXACT_FLOOR


def test_disclaimers_found(corpus_results, scorer):
    assert _section_rate(corpus_results, scorer, "disclaimer_found") >= DISCLAIMER_FOUND_FLOOR


@pytest.mark.parametrize("key", ["faq_false_positive", "disclaimer_false_positive"])
def test_no_false_positives(corpus_results, scorer, key):
    assert _section_rate(corpus_results, scorer, key) <= FALSE_POSITIVE_CEILING


def test_no_labelled_section_leaks_into_body(corpus_results, scorer):
    assert _section_rate(corpus_results, scorer, "labelled_leak") <= LEAK_CEILING
