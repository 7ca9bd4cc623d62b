"""The shipped Datasette canned queries over instrument tags, run by a real Datasette."""

from __future__ import annotations

from db.store import Store
from tests.db.test_datasette import datasette, get  # noqa: F401 (the fixture is used by name)
from tests.entities.test_store import ARTICLES


def test_articles_by_ticker_and_top_instruments(datasette, tmp_path):  # noqa: F811
    db = tmp_path / "news.db"
    with Store(db) as store:
        for article in ARTICLES:
            store.upsert_article(article, "x")
    rows = get(datasette, db, "/news/articles_by_ticker.json?ticker=nvda&_shape=array")
    assert [(row["title"], row["symbol"], row["mentions"]) for row in rows] == [
        ("Nvidia hits a record", "NVDA", 3), ("Nvidia in September", "NVDA", 2)]  # newest first
    by_isin = get(datasette, db, "/news/articles_by_ticker.json?ticker=US67066G1040&_shape=array")
    assert [row["id"] for row in by_isin] == [row["id"] for row in rows]
    assert get(datasette, db, "/news/articles_by_ticker.json?ticker=AAPL&_shape=array") == []
    top = get(datasette, db, "/news/top_instruments.json?_shape=array")
    assert (top[0]["symbol"], top[0]["articles"]) == ("NVDA", 2)
