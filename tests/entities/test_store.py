"""Tags in the SQLite file: written with each article, filled for articles stored before the
upgrade (in batches, resumable), and served by search/export/stats --ticker."""

from __future__ import annotations

import json
import sqlite3

from core.article import Article
from db import schema
from db.instruments import fill_backlog
from db.store import Store
from tests.helpers import newsagg, query

ARTICLES = [
    Article(url="https://x.example/1", title="Nvidia hits a record", body="Nvidia (NASDAQ: NVDA) rallied 4%.",
            published_at="2025-10-02T10:00:00+00:00", language="en"),
    Article(url="https://x.example/2", title="Vingroup lifts the VN-Index",
            body="Cổ phiếu của Tập đoàn Vingroup (HOSE: VIC) tăng mạnh.", published_at="2025-10-03T10:00:00+07:00",
            language="vi"),
    Article(url="https://x.example/3", title="Nvidia in September", body="Nvidia slipped.",
            published_at="2025-09-20T10:00:00+00:00", language="en"),
]


def tagged(db, article_id: int) -> dict[str, tuple]:
    rows = query(db, "SELECT i.symbol, ai.mentions, ai.in_title, ai.first_position FROM article_instruments ai"
                     " JOIN instruments i ON i.id = ai.instrument_id WHERE ai.article_id = ?", (article_id,))
    return {row["symbol"]: (row["mentions"], row["in_title"], row["first_position"]) for row in rows}


def test_the_store_writes_and_replaces_tags(tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        first = store.upsert_article(ARTICLES[0], "x")
        assert tagged(db, first.article_id) == {"NVDA": (3, 1, 0)}
        changed = Article(**{**ARTICLES[0].__dict__, "body": "Shares of Alphabet rose; Nvidia fell.", "instruments": None})
        store.upsert_article(changed, "x")
        assert set(tagged(db, first.article_id)) == {"NVDA", "GOOGL"}
    [row] = query(db, "SELECT kind, symbol, exchange, name, isin FROM instruments WHERE symbol = 'NVDA'")
    assert tuple(row) == ("stock", "NVDA", "NASDAQ", "Nvidia", "US67066G1040")


def test_articles_stored_before_the_upgrade_are_filled_in_batches(tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        for article in ARTICLES:
            store.upsert_article(article, "x")
    conn = sqlite3.connect(db, isolation_level=None)
    for table in ("article_instruments", "instruments", "backfills"):  # back to the schema before this step
        conn.execute(f"DROP TABLE {table}")
    conn.execute(f"PRAGMA user_version = {schema.MIGRATIONS.index(schema._instruments)}")  # later steps rerun: idempotent
    conn.close()
    with Store(db) as store:  # migrates, then fills
        assert tagged(db, 2) == {"VIC": (3, 1, 13), "VN-Index": (1, 1, None)}
        assert store.conn.execute("SELECT next_id > last_id FROM backfills").fetchone()[0] == 1
        assert fill_backlog(store.conn) == 0  # done: a second fill does nothing


def test_an_interrupted_fill_resumes(tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        for article in ARTICLES:
            store.upsert_article(article, "x")
        store.conn.execute("DELETE FROM article_instruments")
        store.conn.execute("UPDATE backfills SET next_id = 2, last_id = 3")
        assert fill_backlog(store.conn, batch=1) == 2
    assert tagged(db, 1) == {} and set(tagged(db, 2)) == {"VIC", "VN-Index"} and set(tagged(db, 3)) == {"NVDA"}


def test_search_export_and_stats_by_ticker(tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        for article in ARTICLES:
            store.upsert_article(article, "x")
    found = newsagg("search", "--ticker", "VIC", "--db", str(db), "--json")
    assert found.returncode == 0, found.stderr
    assert [json.loads(line)["title"] for line in found.stdout.splitlines()] == ["Vingroup lifts the VN-Index"]
    assert newsagg("search", "--ticker", "hose:vic", "--db", str(db)).returncode == 0
    assert newsagg("search", "--ticker", "NYSE:VIC", "--db", str(db)).returncode == 1
    exported = newsagg("export", "--ticker", "NVDA", "--since", "2025-10-01", "--db", str(db))
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [row["url"] for row in rows] == ["https://x.example/1"]
    assert rows[0]["instruments"][0]["symbol"] == "NVDA"
    stats = newsagg("stats", "--top-instruments", "2", "--json", "--db", str(db))
    top = json.loads(stats.stdout)["top_instruments"]
    assert (top[0]["symbol"], top[0]["articles"]) == ("NVDA", 2) and len(top) == 2
    assert "NVDA" in newsagg("stats", "--top-instruments", "--db", str(db)).stdout


def test_extract_outputs_instruments(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Apple (NASDAQ: AAPL) beats</title></head><body><article><h1>Apple "
                    "(NASDAQ: AAPL) beats</h1><p>" + "Apple sold more phones than analysts expected. " * 8 +
                    "</p></article></body></html>", encoding="utf-8")
    done = newsagg("extract", str(page), "--url", "https://x.example/apple")
    record = json.loads(done.stdout)
    assert [(tag["symbol"], tag["in_title"]) for tag in record["instruments"]] == [("AAPL", True)]


def test_retag_after_a_watchlist_change(tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        for article in [*ARTICLES, Article(url="https://x.example/4", title="Vietnam midcaps",
                                           body="Shares of Quang Zen Xanh rose 3%.", language="en")]:
            store.upsert_article(article, "x")
    watchlist = tmp_path / "watchlist.csv"
    watchlist.write_text("symbol,exchange,name,aliases\nQZX,HOSE,Quang Zen Xanh,QZ Group\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("symbol,exchange,name\nQZX,HOSE,\n", encoding="utf-8")
    before = query(db, "SELECT * FROM article_instruments ORDER BY article_id, instrument_id")

    failed = newsagg("retag", "--db", str(db), "--watchlist", str(bad))
    assert failed.returncode == 2 and "bad.csv:2: name is empty" in failed.stderr
    assert query(db, "SELECT * FROM article_instruments ORDER BY article_id, instrument_id") == before

    done = newsagg("retag", "--db", str(db), "--watchlist", str(watchlist), "--batch", "2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "retagged 4 articles: 1 changed"
    assert tagged(db, 4) == {"QZX": (1, 0, 10)}
    assert query(db, "SELECT * FROM article_instruments WHERE article_id < 4 ORDER BY article_id, instrument_id") == before
    again = newsagg("retag", "--db", str(db), "--watchlist", str(watchlist), "--since", "2025-10-01")
    assert again.stdout.strip() == "retagged 3 articles: 0 changed"  # not article 3 (September)


def test_retag_renames_an_instrument_the_watchlist_renames(tmp_path):
    db = tmp_path / "news.db"
    watchlist = tmp_path / "watchlist.csv"
    watchlist.write_text("symbol,exchange,name,aliases\nQZX,HOSE,Quang Zen Xanh,\n", encoding="utf-8")
    with Store(db) as store:
        store.upsert_article(Article(url="https://x.example/4", title="Vietnam midcaps",
                                     body="Shares of Quang Zen Xanh (HOSE: QZX) rose 3%.", language="en"), "x")
    assert newsagg("retag", "--db", str(db), "--watchlist", str(watchlist)).returncode == 0
    assert [row[0] for row in query(db, "SELECT name FROM instruments WHERE symbol = 'QZX'")] == ["Quang Zen Xanh"]
    watchlist.write_text("symbol,exchange,name,aliases\nQZX,HOSE,QZX Holdings,Quang Zen Xanh\n", encoding="utf-8")
    done = newsagg("retag", "--db", str(db), "--watchlist", str(watchlist))
    assert done.returncode == 0, done.stderr
    assert [tuple(row) for row in query(db, "SELECT symbol, name FROM instruments WHERE symbol = 'QZX'")] == [
        ("QZX", "QZX Holdings")]


def test_retag_reads_the_update_date_as_the_crawl_does(tmp_path):
    """A listing window reaches up to the article's update (Uber listed in May 2019, between the
    two dates): retag must keep what the crawl tagged, not judge by the first date alone."""
    from db.instruments import retag

    db = tmp_path / "news.db"
    article = Article(url="https://x.example/u", title="Update", body="Uber (NYSE: UBER) shares rose.",
                      published_at="2019-04-01T10:00:00+00:00", modified_at="2019-06-01T10:00:00+00:00", language="en")
    with Store(db) as store:
        store.upsert_article(article, "x")
        assert set(tagged(db, 1)) == {"UBER"}
        report = retag(store.conn, batch=10)
    assert report.changed == 0 and set(tagged(db, 1)) == {"UBER"}


def test_retag_leaves_an_article_a_crawl_rewrote_meanwhile(tmp_path):
    from db.instruments import retag
    from instruments import recognise

    db = tmp_path / "news.db"
    with Store(db) as store:
        for article in ARTICLES:
            store.upsert_article(article, "x")
        store.conn.execute("DELETE FROM article_instruments WHERE article_id = 3")

        def recognise_while_a_crawl_writes(title, body, language, published, modified):
            if "September" in title:  # article 3: a crawl stores a new version between read and write
                with Store(db) as crawler:
                    crawler.upsert_article(Article(**{**ARTICLES[2].__dict__, "body": "Shares of Alphabet slipped.",
                                                      "instruments": None}), "x")
            return recognise(title, body, language, published, modified)

        report = retag(store.conn, batch=10, recognise_article=recognise_while_a_crawl_writes)
    assert (report.articles, report.changed, report.skipped) == (3, 0, 1)
    assert set(tagged(db, 3)) == {"NVDA", "GOOGL"}  # the crawl's tags, not the ones of the text read before
