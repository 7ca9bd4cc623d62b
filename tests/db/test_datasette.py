"""The shipped Datasette metadata works against a real newsagg file (search, canned queries)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.article import Article, FaqEntry
from db.store import Store

METADATA = Path(__file__).resolve().parents[2] / "docs" / "datasette-metadata.json"


@pytest.fixture(scope="module")
def datasette():
    path = shutil.which("datasette") or str(Path(sys.executable).with_name("datasette"))
    if not Path(path).exists():
        pytest.skip("datasette is not installed (pip install -e '.[dev]')")
    return path


def get(datasette: str, db: Path, url: str) -> list[dict]:
    done = subprocess.run([datasette, str(db), "--metadata", str(METADATA), "--get", url], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_search_and_canned_queries(datasette, tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.upsert_article(Article(url="https://x.example/bonds", title="Bond yields climb", body="Treasury yields "
                                     "climbed as traders priced fewer rate cuts.",
                                     faq=[FaqEntry("What is a basis point?", "A hundredth of a percent.")]), "x")
        store.upsert_article(Article(url="https://x.example/oil", title="Oil slips", body="Brent crude fell."), "x")
    found = get(datasette, db, "/news/articles.json?_search=hundredth&_shape=array&_col=title")
    assert [row["title"] for row in found] == ["Bond yields climb"]
    canned = get(datasette, db, "/news/search.json?q=crude&_shape=array")
    assert [row["title"] for row in canned] == ["Oil slips"]
    per_day = get(datasette, db, "/news/originals_by_day.json?_shape=array")
    assert per_day[0]["articles"] == 2
