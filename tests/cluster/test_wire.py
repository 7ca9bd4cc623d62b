"""The cluster's pieces that need no server: messages, the known-URL snapshot, redaction, config,
and the batch entry point of the store against the per-article one."""

from __future__ import annotations

import json
from dataclasses import is_dataclass
from types import UnionType
from typing import Union, get_args, get_origin, get_type_hints

import pytest

from cluster import messages, state
from cluster.app import redact
from core.article import Article, FaqEntry
from core.config import ConfigError, load_config
from db import batches, fetch_state
from db.connection import connect
from db.fetch_state import FetchRecord
from db.runs import RunCounters
from db.store import Store


def _sample(hint):
    """A value of a field's type, none of them a default (so a field lost on the wire shows)."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, UnionType):
        return _sample(next(arg for arg in args if arg is not type(None)))
    if origin is list:
        return [_sample(args[0])]
    if is_dataclass(hint):
        return hint(**{name: _sample(kind) for name, kind in get_type_hints(hint).items()})
    return {bool: True, int: 7, float: 1.5, str: "x", dict: {"kind": "stock", "symbol": "AAPL"}}[origin or hint]


def test_an_article_crosses_the_wire_whole_with_every_field():
    article = Article(**{name: _sample(kind) for name, kind in get_type_hints(Article).items()})
    data = json.loads(json.dumps(article.to_dict()))
    assert Article.from_dict({**data, "a_field_of_a_newer_version": 1}) == article
    assert Article(url="u", faq=[FaqEntry("Q?", "A.")]) == Article.from_dict(Article(url="u", faq=[FaqEntry("Q?", "A.")]).to_dict())


def test_a_message_of_another_version_is_refused_clearly():
    message = messages.crawl("wire", "manual")
    assert messages.check(message, "crawl") is message
    with pytest.raises(messages.WireError, match="version 2.*same newsagg version on every host"):
        messages.check({**message, "v": 2}, "crawl")
    with pytest.raises(messages.WireError, match="expected a 'batch' message"):
        messages.check(message, "batch")


@pytest.mark.parametrize("url, shown", [
    ("redis://:s3cret@10.0.0.5:6379/0", "redis://:***@10.0.0.5:6379/0"),
    ("rediss://newsagg:s3cret@redis.internal/1", "rediss://newsagg:***@redis.internal/1"),
    ("redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0"),
])
def test_a_broker_url_is_shown_without_its_password(url, shown):
    assert redact(url) == shown


READS = ("known_articles", "known_pages", "revisits", "frontier", "last_successful_run")


def test_the_snapshot_answers_what_the_file_answers(tmp_path):
    conn = connect(tmp_path / "n.db")
    now = "2025-10-01T00:00:00+00:00"
    with Store(tmp_path / "n.db") as store:
        store.upsert_article(Article(url="https://x/a", title="A", body="b", published_at="2025-09-30"), "s",
                             seen_urls=["https://x/a?utm_source=feed"])
    fetch_state.write_batch(conn, "s", fetch_state.StateBatch(
        fetches=[FetchRecord("https://x/a", "s", "article", 200, '"e1"', None, now),
                 FetchRecord("https://x/list", "s", "listing", 200, None, "Mon, 01 Sep 2025", now),
                 FetchRecord("https://x/old", "s", "redirect", 301, None, None, now, redirect_to="https://x/a"),
                 FetchRecord("https://y/b", "other", "article", 200, None, None, now)],
        revisits=[fetch_state.Revisit("https://x/list", "s", "listing", 3600.0, now, reads=2)],
        frontier_added={"https://x/next": ("https://x/list", now)}), now)
    access = state.SnapshotFetchState(state.Snapshot(state.build(conn, "s")))
    for read in READS:
        local, remote = getattr(fetch_state, read)(conn, "s"), getattr(access, read)("s")
        if isinstance(local, dict):
            assert remote == local, read
        elif isinstance(local, str | None):
            assert remote == local, read
        else:
            assert sorted(tuple(row) if not isinstance(row, dict) else tuple(row.values()) for row in remote) == \
                sorted(tuple(row) for row in local), read
    for url in ("https://x/a", "https://x/list", "https://x/none"):
        assert access.validators(url) == fetch_state.validators(conn, url)
    urls = {"https://x/a", "https://x/a?utm_source=feed", "https://x/none"}
    assert access.published_dates(urls) == fetch_state.published_dates(conn, urls) != {}
    conn.close()


def test_cluster_config_is_checked_line_by_line(tmp_path):
    config = tmp_path / "newsagg.toml"
    config.write_text('[cluster]\nbroker = "redis://:pw@h:6379/0"\nheartbeat_timeout = "5s"\nbatch_size = 7\n')
    cluster = load_config(config).cluster
    assert (cluster.broker, cluster.heartbeat_timeout, cluster.batch_size) == ("redis://:pw@h:6379/0", 5.0, 7)
    config.write_text('[cluster]\nbatch_size = 7\nbroker = "amqp://:pw@h"\n')
    with pytest.raises(ConfigError, match=r"newsagg.toml:3: \[cluster\] broker must be a redis:// or rediss:// URL"):
        load_config(config)
    config.write_text('[cluster]\nbrokr = "redis://h"\n')
    with pytest.raises(ConfigError, match=r":2: \[cluster\] brokr is not a key"):
        load_config(config)


def test_a_batch_stores_what_the_per_article_path_stores_in_one_transaction(tmp_path):
    articles = [Article(url=f"https://x.example/{i}", title=f"T{i}", body=" ".join(["word"] * 30 + [str(i)] * 30),
                        published_at=f"2025-10-0{i + 1}", is_article=True, faq=[FaqEntry("Q", "A")] * (i % 2))
                for i in range(4)]
    articles.append(Article(url="https://x.example/copy", title="Copy", body=articles[0].body, is_article=True,
                            published_at="2025-10-09"))
    with Store(tmp_path / "one.db") as one:
        singles = [one.upsert_article(a, "s").outcome for a in articles]
    with Store(tmp_path / "batch.db") as many:
        many.conn.execute("INSERT INTO crawl_runs (id, source, trigger, started_at, status)"
                          " VALUES (1, 's', 'manual', '2025-01-01', 'running')")
        wire = [json.loads(json.dumps(messages.article_to_wire(a, "s", a.url, []))) for a in articles]
        batch = batches.Batch(1, 1, "s", [messages.article_from_wire(a) for a in wire],
                              errors=[("https://x/e", "HTTP 500")], pages_fetched=9, error_count=1)
        outcomes = batches.ingest(many, batch)
        assert batches.ingest(many, batch) is None  # delivered twice: stored once
        run = many.conn.execute("SELECT * FROM crawl_runs").fetchone()
    assert dict(outcomes) == {"new": 4, "duplicate": 1} and singles == ["new"] * 4 + ["duplicate"]
    assert (run["articles_new"], run["duplicates"], run["pages_fetched"], run["errors"]) == (4, 1, 9, 1)
    dump = "SELECT url, title, body, duplicate_of, content_hash FROM articles ORDER BY url"
    one, two = connect(tmp_path / "one.db"), connect(tmp_path / "batch.db")
    assert [tuple(r) for r in one.execute(dump)] == [tuple(r) for r in two.execute(dump)]
    assert two.execute("SELECT count(*) FROM crawl_errors").fetchone()[0] == 1


def test_batch_message_carries_the_runs_counters():
    message = messages.batch(3, 2, "s", [], [], [], RunCounters(pages_fetched=5, errors=1))
    assert message["counters"] == {"pages_fetched": 5, "errors": 1} and message["v"] == messages.VERSION
