"""The store keeps body_html, body_markdown, the images and UTC instants; older rows get them filled
in later (on refresh, and the UTC columns in short batches); time order is UTC order."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from core.article import Article, ArticleImage
from db import queries
from db.backfill import fill_utc
from db.store import UNCHANGED, Store
from tests.db.test_migrations import database_at
from tests.helpers import newsagg

BODY = "Treasury yields climbed as traders priced fewer rate cuts this year, strategists said."


def formatted(url: str, published: str | None = "2025-10-18T14:30:00+07:00", **fields) -> Article:
    from core.instants import utc_instants

    published_utc, modified_utc, basis = utc_instants(published, None, fields.pop("timezone", None))
    return Article(url=url, title="Yields climb", body=BODY, published_at=published, body_html=f"<p>{BODY}</p>",
                   body_markdown=BODY, image_url="https://x.example/lead.jpg",
                   images=[ArticleImage("https://x.example/chart.png", "The curve", "Chart: Fed", "Curve")],
                   published_utc=published_utc, modified_utc=modified_utc, utc_basis=basis, **fields)


def test_new_columns_are_stored_and_utc_values_parse(store):
    result = store.upsert_article(formatted("https://x.example/a"), "x")
    row = store.conn.execute("SELECT * FROM articles WHERE id = ?", (result.article_id,)).fetchone()
    assert (row["body_html"], row["body_markdown"], row["image_url"]) == (f"<p>{BODY}</p>", BODY,
                                                                           "https://x.example/lead.jpg")
    assert (row["published_utc"], row["utc_basis"]) == ("2025-10-18T07:30:00Z", "offset")
    images = store.conn.execute("SELECT position, url, caption, credit, alt FROM article_images").fetchall()
    assert [tuple(image) for image in images] == [(0, "https://x.example/chart.png", "The curve", "Chart: Fed",
                                                   "Curve")]
    assert datetime.fromisoformat(row["published_utc"]).utcoffset().total_seconds() == 0


def test_an_update_keeps_instants_exact_and_replaces_images(store):
    store.upsert_article(formatted("https://x.example/a"), "x")
    changed = formatted("https://x.example/a")
    changed.body, changed.images = BODY + " Then they fell back.", []
    store.upsert_article(changed, "x")
    row = store.conn.execute("SELECT * FROM articles").fetchone()
    assert row["version"] == 2 and row["modified_utc"].endswith("Z")  # the time the change was seen
    datetime.fromisoformat(row["modified_utc"])
    assert store.conn.execute("SELECT count(*) FROM article_images").fetchone()[0] == 0


def test_rows_stored_before_the_formats_are_filled_on_the_next_refresh(store):
    first = store.upsert_article(formatted("https://x.example/a"), "x")
    store.conn.execute("UPDATE articles SET body_html = NULL, body_markdown = NULL, image_url = NULL")
    store.conn.execute("DELETE FROM article_images")
    again = store.upsert_article(formatted("https://x.example/a"), "x")
    assert again.outcome == UNCHANGED
    row = store.conn.execute("SELECT * FROM articles WHERE id = ?", (first.article_id,)).fetchone()
    assert row["version"] == 1 and row["body_html"] == f"<p>{BODY}</p>" and row["body_markdown"] == BODY
    assert store.conn.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM article_images").fetchone()[0] == 1


def test_fill_utc_reads_local_times_in_the_source_timezone_in_batches(store):
    for number in range(5):
        article = Article(url=f"https://hcm.example/{number}", body=f"{BODY} {number}",
                          published_at=f"2025-10-1{number}T14:30:00")
        store.upsert_article(article, "hcm")
    store.upsert_article(Article(url="https://other.example/a", body=BODY + " other",
                                 published_at="2025-10-10T14:30:00"), "other")
    rows = store.conn.execute("SELECT utc_basis FROM articles WHERE source = 'hcm'").fetchall()
    assert {row[0] for row in rows} == {"assumed-utc"}  # stored without a timezone: marked, not silently UTC
    store.conn.execute("UPDATE articles SET published_utc = NULL, utc_basis = NULL WHERE id = 1")  # pre-UTC row
    assert fill_utc(store.conn, "hcm", "Asia/Ho_Chi_Minh", batch=2) == 5
    values = store.conn.execute("SELECT published_utc, utc_basis FROM articles WHERE source = 'hcm' ORDER BY id")
    assert [tuple(row) for row in values] == [(f"2025-10-1{n}T07:30:00Z", "timezone") for n in range(5)]
    other = store.conn.execute("SELECT published_utc, utc_basis FROM articles WHERE source = 'other'").fetchone()
    assert tuple(other) == ("2025-10-10T14:30:00Z", "assumed-utc")  # another source's zone is not ours


def test_a_v2_file_gets_the_columns_and_stays_searchable(tmp_path):
    path = tmp_path / "news.db"
    database_at(path, 2)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO articles (id, url, source, title, body, published_at, content_hash, first_seen_at,"
                 " last_seen_at) VALUES (1, 'https://old.example/a', 'old', 'Old', 'Stored by version two.',"
                 " '2024-05-01T09:00:00-04:00', 'h', '2024-05-01T13:00:00+00:00', '2024-05-01T13:00:00+00:00')")
    conn.close()
    with Store(path) as store:
        row = store.conn.execute("SELECT * FROM articles").fetchone()
        assert row["body_html"] is None and row["published_utc"] is None  # the step itself fills nothing
        assert store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'two'").fetchall()
        assert store.fill_utc("old", None) == 1
        assert store.conn.execute("SELECT published_utc FROM articles").fetchone()[0] == "2024-05-01T13:00:00Z"


def test_since_and_order_follow_utc_not_local_strings(store):
    # Local strings sort "late" first; as instants it is the other way round.
    late = Article(url="https://x.example/late", title="late", body=BODY + " late",
                   published_at="2025-10-18T23:30:00-05:00")  # 2025-10-19T04:30Z
    early = Article(url="https://x.example/early", title="early", body=BODY + " early",
                    published_at="2025-10-19T01:00:00+02:00")  # 2025-10-18T23:00Z
    store.upsert_article(late, "x")
    store.upsert_article(early, "x")
    since = [row["title"] for row in queries.export_rows(store.conn, queries.ArticleFilter(since="2025-10-19"))]
    assert since == ["late"]
    newest_first = [row["title"] for row in queries.article_overview(store.conn)]
    assert newest_first == ["late", "early"]


def test_export_markdown_writes_one_file_per_article_with_front_matter(tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.upsert_article(formatted("https://x.example/a", authors=["Ann Lee"]), "x")
    folder = tmp_path / "md"
    done = newsagg("export", "--format", "markdown", "-o", str(folder), "--db", str(db))
    assert done.returncode == 0, done.stderr
    [path] = folder.iterdir()
    assert path.name == "1-yields-climb.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Yields climb"\nurl: "https://x.example/a"\nsource: "x"\n'
                           'authors: ["Ann Lee"]\npublished_at: "2025-10-18T14:30:00+07:00"\n'
                           'published_utc: "2025-10-18T07:30:00Z"\n')
    assert text.endswith(f"---\n{BODY}\n")
    refused = newsagg("export", "--format", "markdown", "--db", str(db))
    assert refused.returncode == 2 and "-o FOLDER" in refused.stderr
