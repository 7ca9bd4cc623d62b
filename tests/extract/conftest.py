"""Corpus fixtures: extract every page of ../shared/corpus/dev and ../shared/corpus/wide once per
test session.

The corpora live outside the repo (L3S-GN1, in wide, is research-use only: read there, never
copied here); tests that use them skip cleanly when they are absent.
Scores are computed with the shared scorer's own metric functions, so a ratchet here
means the same thing as the numbers in an issue note.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from scraper.extract import extract

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "dev"
WIDE_CORPUS = REPO.parent / "shared" / "corpus" / "wide"
SCORER = REPO.parent / "shared" / "eval" / "score_extraction.py"


@dataclass
class CorpusResult:
    truth: dict
    labels: dict  # faq_disclaimer.jsonl entry ({} when absent)
    article: dict | None  # Article.to_dict(), None when extraction raised
    error: str | None


@pytest.fixture(scope="session")
def scorer():
    if not SCORER.exists():
        pytest.skip("shared scorer not present")
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def corpus_results() -> list[CorpusResult]:
    """Every page of the dev corpus (scrapinghub, fundus), with its FAQ/disclaimer labels."""
    return _extract_corpus(CORPUS)


@pytest.fixture(scope="session")
def wide_results() -> list[CorpusResult]:
    """Every page of the wide corpus (l3s-gn1, readability, trafilatura-eval)."""
    return _extract_corpus(WIDE_CORPUS)


def _extract_corpus(corpus: Path) -> list[CorpusResult]:
    if not (corpus / "truth.jsonl").exists():
        pytest.skip(f"corpus not present (../shared/corpus/{corpus.name})")
    labels = {}
    if (corpus / "faq_disclaimer.jsonl").exists():
        with open(corpus / "faq_disclaimer.jsonl", encoding="utf-8") as lines:
            labels = {entry["id"]: entry for entry in map(json.loads, lines)}
    results = []
    with open(corpus / "truth.jsonl", encoding="utf-8") as lines:
        for truth in map(json.loads, lines):
            html = gzip.decompress((corpus / "pages" / f"{truth['id']}.html.gz").read_bytes())
            try:
                article, error = extract(html, truth["url"]).to_dict(), None
            except Exception as exc:  # recorded, and counted as a failure by the tests
                article, error = None, f"{type(exc).__name__}: {exc}"
            results.append(CorpusResult(truth, labels.get(truth["id"], {}), article, error))
    return results
