"""The blind hand labels as a ratchet: precision and recall per article-instrument pair may not
drop below what was measured (bench/instruments_score.py; tuned on split "tune" only)."""

from __future__ import annotations

import pytest

from bench import instruments_score

# Measured 2025-12 (docs/extraction.md); raise them when the recogniser improves.
FLOORS = {"tune": (0.92, 0.90), "holdout": (0.90, 0.78)}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_labelled_articles_keep_their_scores(split):
    if not instruments_score.available():
        pytest.skip("labels or ../shared/corpus not found")
    from instruments import use_watchlist

    recogniser = use_watchlist(None)  # the default dictionary, whatever other tests configured
    labels = instruments_score.load_labels(split)
    texts = instruments_score.truth_texts(labels)
    assert len(texts) == len(labels), "some labelled articles have no text"

    def recognise(title, body, language):
        return [tag.to_dict() for tag in recogniser.tags(title, body, language)]

    result = instruments_score.score(labels, texts, recognise)
    _, _, _, precision, recall = result.row(None)
    floor_precision, floor_recall = FLOORS[split]
    assert precision >= floor_precision and recall >= floor_recall, result.table()
