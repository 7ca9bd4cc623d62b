"""FAQ and disclaimer separation on whole hand-made pages (tests/extract/fixtures/sections/).

Pages 01-28 were written to the issue's list of forms; pages 29-52 were written blind (by someone
who had not read the extractor) in the style of real finance publishers and CMSs, then kept here.

Each page is a full finance-news page (navigation, cookie banner, share bar, caption, "Latest news",
newsletter box, site footer) with one form of FAQ or notice, or a trap that is neither. Its .json
beside it says what must come out:

    faq            exact question/answer pairs in page order (whitespace compared normalised)
    disclaimer     the notices joined in reading order, or null
    body_contains  story text that must stay in the body (a story's "Why does it matter?")
    body_excludes  text that must leave the body (the FAQ heading, boilerplate)

Every FAQ question and answer and every notice must be absent from the body.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scraper.extract import extract

FIXTURES = Path(__file__).parent / "fixtures" / "sections"
PAGES = sorted(FIXTURES.glob("*.html"))


def _normal(text: str | None) -> str:
    return " ".join((text or "").split())


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.?!:])\s+", _normal(text))
    return [part for part in parts if len(part) >= 12] or ([_normal(text)] if text.strip() else [])


def _expected(page: Path) -> dict:
    return json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=PAGES, ids=[page.stem for page in PAGES])
def case(request):
    page = request.param
    return extract(page.read_bytes(), f"https://news.example.com/markets/{page.stem}"), _expected(page)


def test_the_fixture_set_covers_every_form():
    expected = [_expected(page) for page in PAGES]
    assert len(PAGES) >= 20
    assert sum(1 for e in expected if e["faq"]) >= 8
    assert sum(1 for e in expected if e["disclaimer"]) >= 8
    assert sum(1 for e in expected if not e["faq"] and not e["disclaimer"]) >= 5


def test_faq_pairs_are_exact(case):
    article, expected = case
    found = [(_normal(entry.question), _normal(entry.answer)) for entry in article.faq]
    assert found == [(_normal(pair["question"]), _normal(pair["answer"])) for pair in expected["faq"]]


def test_disclaimer_is_exact(case):
    article, expected = case
    if expected["disclaimer"] is None:
        assert article.disclaimer is None
    else:
        assert article.disclaimer is not None
        assert article.disclaimer.split("\n\n") == [_normal(part) for part in expected["disclaimer"].split("\n\n")]


def test_sections_leave_the_body_and_the_story_stays(case):
    article, expected = case
    body = _normal(article.body)
    separated = [text for pair in expected["faq"] for text in (pair["question"], pair["answer"])]
    separated += (expected["disclaimer"] or "").split("\n\n")
    for text in separated + expected["body_excludes"]:
        for sentence in _sentences(text):  # each sentence: a multi-paragraph answer must leave whole
            assert sentence not in body
    for text in expected["body_contains"]:
        assert _normal(text) in body
