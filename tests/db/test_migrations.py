"""Schema migrations: from every earlier version to the latest, idempotent, atomic per step."""

from __future__ import annotations

import sqlite3

import pytest

from core.article import Article, FaqEntry
from db import schema
from db.connection import connect
from db.store import Store

LATEST = len(schema.MIGRATIONS)


def database_at(path, version: int) -> None:
    """A file brought to `version` by the released steps only (what an older newsagg left behind)."""
    conn = sqlite3.connect(path, isolation_level=None)
    steps = schema.MIGRATIONS
    try:
        schema.MIGRATIONS = steps[:version]
        schema.migrate(conn)
    finally:
        schema.MIGRATIONS = steps
        conn.close()


def seed_v1(path, body: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    now = "2024-05-01T10:00:00+00:00"
    conn.execute("INSERT INTO articles (id, url, source, title, body, content_hash, first_seen_at, last_seen_at)"
                 " VALUES (1, 'https://old.example/a', 'old', 'Old headline', ?, 'h1', ?, ?)", (body, now, now))
    conn.execute("INSERT INTO faqs VALUES (1, 0, 'Is it old?', 'Stored by V1.')")
    conn.execute("INSERT INTO article_urls VALUES ('https://old.example/a', 1, ?, ?)", (now, now))
    conn.close()


@pytest.mark.parametrize("start", range(LATEST + 1))
def test_every_earlier_version_migrates_to_the_latest(tmp_path, start):
    path = tmp_path / "news.db"
    database_at(path, start)
    conn = connect(path)
    assert schema.schema_version(conn) == LATEST
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "faqs", "article_urls", "article_versions", "near_dup_bands", "articles_fts"} <= tables
    conn.close()


def test_data_stored_by_v1_is_kept_searchable_and_fingerprinted(tmp_path, story):
    path = tmp_path / "news.db"
    database_at(path, 1)
    seed_v1(path, story["body"])
    with Store(path) as store:
        row = store.conn.execute("SELECT * FROM articles WHERE id = 1").fetchone()
        assert row["title"] == "Old headline" and row["faq_text"] == "Is it old? Stored by V1."
        hits = store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'stored'").fetchall()
        assert [hit[0] for hit in hits] == [1]
        copy = store.upsert_article(Article(url="https://new.example/copy", body=story["body"] + "\n\nExtra."),
                                    "new")
        assert copy.duplicate_of == 1  # found through the bands backfilled by V2


def test_migrating_twice_changes_nothing(tmp_path):
    path = tmp_path / "news.db"
    connect(path).close()
    conn = connect(path)
    before = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    assert schema.migrate(conn) == LATEST
    assert conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == before
    conn.close()


def test_a_failing_step_leaves_the_previous_version_intact(tmp_path):
    path = tmp_path / "news.db"
    database_at(path, LATEST)

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk on fire")

    steps = schema.MIGRATIONS
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        schema.MIGRATIONS = [*steps, broken]
        with pytest.raises(RuntimeError):
            schema.migrate(conn)
    finally:
        schema.MIGRATIONS = steps
    assert schema.schema_version(conn) == LATEST
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchone() is None
    conn.close()


def test_a_newer_database_is_refused(tmp_path):
    path = tmp_path / "news.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")  # an int literal, not user data
    conn.close()
    with pytest.raises(Exception, match="newer than this newsagg"):
        connect(path)


def test_faq_text_is_a_column_the_store_writes(tmp_path):
    from db.store import faq_text

    entries = [FaqEntry("What is WAL?", "A journal mode."), FaqEntry("Why?", "Readers never block the writer.")]
    with Store(tmp_path / "news.db") as store:
        triggers = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert not {name for name in triggers if name.startswith("faqs_")}  # V2's triggers are gone
        result = store.upsert_article(Article(url="https://x.example/a", body="Body text.", faq=entries), "x")
        row = store.conn.execute("SELECT faq_text FROM articles WHERE id = ?", (result.article_id,)).fetchone()
        assert row[0] == faq_text(entries)
        assert store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'journal'").fetchall()
        store.upsert_article(Article(url="https://x.example/a", body="Body text.", faq=entries[1:]), "x")
        assert store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'readers'").fetchall()
        assert not store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'journal'").fetchall()


def _index_sql(conn) -> str:
    return conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]


def test_upgrading_a_file_with_articles_keeps_its_search_index(tmp_path):
    """V2's index already holds title, body and FAQ text: the issue-16 step must not rebuild it
    (a rebuild holds the write lock for the whole file), and search must stay whole and current."""
    path = tmp_path / "news.db"
    database_at(path, 3)
    seed_v1(path, "A body about quarterly journals.")
    conn = sqlite3.connect(path)
    before = _index_sql(conn)
    conn.close()
    with Store(path) as store:
        assert _index_sql(store.conn) == before  # the same table: not dropped and rebuilt
        search = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"

        def hits(word: str) -> list[int]:
            return [row[0] for row in store.conn.execute(search, (word,))]

        assert hits("journals") == [1]
        assert hits("stored") == [1]  # the FAQ answer, indexed by V2
        new = store.upsert_article(Article(url="https://new.example/b", title="Fresh", body="Ledger news."), "new")
        assert hits("ledger") == [new.article_id]
        store.upsert_article(Article(url="https://new.example/b", title="Fresh", body="Other words."), "new")
        assert hits("ledger") == [] and hits("other") == [new.article_id]
        store.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_an_empty_file_gets_the_index_sqlite_utils_makes(tmp_path):
    from sqlite_utils import Database

    path = tmp_path / "news.db"
    database_at(path, 3)
    conn = sqlite3.connect(path)
    before = _index_sql(conn)
    conn.close()
    with Store(path) as store:
        assert _index_sql(store.conn) != before
        assert Database(store.conn)["articles"].detect_fts() == "articles_fts"
        triggers = {name for (name,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"articles_ai", "articles_ad", "articles_au"} <= triggers
