"""Fixtures for the store tests: a real SQLite file per test and real news bodies."""

from __future__ import annotations

import pytest

from bench import db_corpus
from db.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.db") as opened:
        yield opened


@pytest.fixture(scope="session")
def corpus_rows() -> list[dict]:
    if not db_corpus.available():
        pytest.skip(f"news corpus not found at {db_corpus.CORPUS}")
    return db_corpus.bodies()


@pytest.fixture(scope="session")
def story(corpus_rows) -> dict:
    """A real finance story (a Reuters markets report) with several paragraphs."""
    return next(row for row in corpus_rows if "reuters.com/article/us-global-markets" in row["url"])
