"""Corpus fixtures: extract every page of ../shared/corpus/dev (and wide) once per test session.

The corpus lives outside the repo; tests that use it skip cleanly when it is absent.
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
WIDE = REPO.parent / "shared" / "corpus" / "wide"
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
    return _extract_corpus(CORPUS)


@pytest.fixture(scope="session")
def wide_results() -> list[CorpusResult]:
    """The wide corpus (L3S-GN1, trafilatura's and Readability's test pages). L3S-GN1 is for
    research use only: it is read from ../shared here and never copied into the repo."""
    return _extract_corpus(WIDE)


def _extract_corpus(folder: Path) -> list[CorpusResult]:
    if not (folder / "truth.jsonl").exists():
        pytest.skip(f"corpus not present ({folder})")
    labels = {}
    if (folder / "faq_disclaimer.jsonl").exists():
        with open(folder / "faq_disclaimer.jsonl", encoding="utf-8") as lines:
            labels = {entry["id"]: entry for entry in map(json.loads, lines)}
    results = []
    with open(folder / "truth.jsonl", encoding="utf-8") as lines:
        for truth in map(json.loads, lines):
            html = gzip.decompress((folder / "pages" / f"{truth['id']}.html.gz").read_bytes())
            try:
                article, error = extract(html, truth["url"]).to_dict(), None
            except Exception as exc:  # recorded, and counted as a failure by the tests
                article, error = None, f"{type(exc).__name__}: {exc}"
            results.append(CorpusResult(truth, labels.get(truth["id"], {}), article, error))
    return results
