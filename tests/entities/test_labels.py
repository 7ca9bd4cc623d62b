"""The blind hand labels as a ratchet: precision and recall per article-instrument pair may not
drop below what was measured (bench/instruments_score.py, docs/extraction.md). "truth": the text the
labeller read; "extracted": the text newsagg extracts from the same pages (holdout2, holdout3,
holdout4 and holdout7 have only this: the labeller's copy of their pages is not in the repository)."""

from __future__ import annotations

import pytest

from bench import instruments_score

# (split, text) -> (precision, recall). Sixth pass, measured 2026-12 (docs/extraction.md); raise them when the
# recogniser improves. The extracted floors sit a little lower: extraction changes move them too.
FLOORS = {
    ("tune", "truth"): (0.985, 0.985),
    ("holdout", "truth"): (0.985, 0.985),
    ("tune", "extracted"): (0.98, 0.925),
    ("holdout", "extracted"): (0.98, 0.975),
    ("holdout2", "extracted"): (0.93, 0.92),  # labelled blind after the second pass, studied in the third
    ("holdout3", "extracted"): (0.985, 0.89),  # labelled blind while the third pass was tuned, studied in the fourth
    # labelled blind while the fourth pass was tuned, measured once; L3S-GN1 pages (research use only): the
    # labeller's text is not shipped, so the truth check skips and the extracted one needs ../shared
    ("holdout4", "truth"): (0.89, 0.735),
    ("holdout4", "extracted"): (0.96, 0.885),  # studied in the fifth pass
    # labelled blind on corpus truth text while the fifth pass was tuned, scored once (0.833 / 0.729), then studied
    ("holdout5", "truth"): (0.97, 0.85),
    ("holdout5", "extracted"): (0.97, 0.85),
    # labelled blind after the fifth pass was committed, scored once (0.760 / 0.704), then studied; its
    # trafilatura-eval lines have no truth text in the repository, so only extracted text is checked
    ("holdout6", "extracted"): (0.91, 0.85),
    # labelled blind on extracted text before the sixth pass: every page newsagg tagged among the 739 nobody
    # had labelled, plus 41 of the others; scored once (0.562 / 0.804), then studied in the sixth pass
    ("holdout7", "extracted"): (0.77, 0.80),
    # after the sixth pass: its one tag among the 639 pages no label file held, and 30 others; scored once
    ("holdout8", "extracted"): (1.0, 0.33),
}


@pytest.mark.parametrize(("split", "text"), sorted(FLOORS))
def test_labelled_articles_keep_their_scores(split, text):
    if not instruments_score.available():
        pytest.skip("labels or ../shared/corpus not found")
    from instruments import use_watchlist

    recogniser = use_watchlist(None)  # the default dictionary, whatever other tests configured
    labels = instruments_score.load_labels(split)
    if not labels:
        pytest.skip(f"no labels for split {split}")
    texts = (instruments_score.truth_texts if text == "truth" else instruments_score.extracted_texts)(labels)
    if not texts:  # the labeller's copy stays outside the repository; the pages may be missing from ../shared
        pytest.skip(f"split {split}: no {text} text here")
    assert len(texts) == len(labels), "some labelled articles have no text"

    def recognise(title, body, language, published, modified):
        return [tag.to_dict() for tag in recogniser.tags(title, body, language, published, modified)]

    result = instruments_score.score(labels, texts, recognise)
    _, _, _, precision, recall = result.row(None)
    floor_precision, floor_recall = FLOORS[(split, text)]
    assert precision >= floor_precision and recall >= floor_recall, result.table()
