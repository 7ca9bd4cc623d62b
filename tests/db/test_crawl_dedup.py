"""The dedup layers end to end: real pages on a loopback site, crawled twice by `newsagg crawl`."""

from __future__ import annotations

import html
import sqlite3
import subprocess
import sys

import pytest

from bench import db_corpus
from newsagg.demo.server import LoopbackSite, Resource

ORIGINAL, COPY = "/markets/asian-shares-soft", "/partner-wire/asia-stocks-reprint"
AMP = "/amp" + ORIGINAL  # an AMP edition canonicalize() cannot recognise: its <link rel=canonical> decides
EVENT_A, EVENT_B = "/music/doobie-brothers-reunite", "/music/doobie-brothers-tour"


def page(title: str, body: str, published: str, canonical_path: str | None = None):
    """An article page that renders its canonical link with the port the request came in on."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))

    def render(path: str, headers: dict) -> Resource:
        origin = "http://" + headers.get("host", "127.0.0.1")
        canonical = f'<link rel="canonical" href="{origin}{canonical_path}">' if canonical_path else ""
        return Resource(f"""<!doctype html><html lang="en"><head><title>{html.escape(title)}</title>{canonical}
<meta property="article:published_time" content="{published}"></head><body>
<nav><a href="/">Home</a> <a href="/markets/">Markets</a></nav>
<article><h1>{html.escape(title)}</h1><p class="byline">By Staff</p>{paragraphs}</article>
<footer>Copyright Example Media. All rights reserved.</footer></body></html>""")
    return render


def home(path: str, headers: dict) -> Resource:
    links = [ORIGINAL + "?utm_source=newsletter&fbclid=abc", AMP, COPY, EVENT_A, EVENT_B]
    items = "".join(f'<li><a href="{link}">{link}</a></li>' for link in links)
    return Resource(f"<!doctype html><html><head><title>Home</title></head><body><ul>{items}</ul></body></html>")


@pytest.fixture(scope="module")
def crawled(corpus_rows, tmp_path_factory):
    story = next(row for row in corpus_rows if "reuters.com/article/us-global-markets" in row["url"])
    [(_, event_a, event_b), *_] = db_corpus.same_event_pairs(corpus_rows)
    title = "Asian shares soft as trade doubts creep in"
    routes = {
        "/": home,
        ORIGINAL: page(title, story["body"], "2019-11-20T02:00:00+00:00", ORIGINAL),
        AMP: page(title, story["body"], "2019-11-20T02:00:00+00:00", ORIGINAL),
        COPY: page(title + " | Partner Wire", db_corpus.syndicated_copy(story["body"], True),
                   "2019-11-20T06:00:00+00:00"),
        EVENT_A: page("Doobie Brothers to reunite with Michael McDonald", event_a, "2019-11-18T10:00:00+00:00"),
        EVENT_B: page("Doobie Brothers announce 50th anniversary tour", event_b, "2019-11-18T12:00:00+00:00"),
    }
    folder = tmp_path_factory.mktemp("crawl-dedup")
    db, config = folder / "news.db", folder / "newsagg.toml"
    config.write_text("[crawler]\ndownload_delay = 0\n")
    command = [sys.executable, "-m", "newsagg", "crawl", "--config", str(config), "--db", str(db)]
    with LoopbackSite(routes) as server:
        def crawl(*flags: str) -> subprocess.CompletedProcess:
            return subprocess.run([*command, *flags, "--url", server.url("/")], cwd=folder, capture_output=True,
                                  text=True, timeout=120)

        runs = [crawl()]
        snapshot = counts(db)
        runs.append(crawl("--full"))  # --full: fetch every known page again
        updated = page(title, db_corpus.updated_story(story["body"]), "2019-11-20T02:00:00+00:00", ORIGINAL)
        routes[ORIGINAL] = routes[AMP] = updated
        runs.append(crawl("--full"))
    assert [run.returncode for run in runs] == [0, 0, 0], [run.stderr for run in runs]
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    yield conn, snapshot, counts(db)
    conn.close()


def counts(db) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # literal table names
                for table in ("articles", "article_urls", "article_versions", "faqs", "near_dup_bands")}
    finally:
        conn.close()


def by_path(conn, path: str) -> sqlite3.Row:
    [row] = [row for row in conn.execute("SELECT * FROM articles") if row["url"].endswith(path)]
    return row


def test_tracking_and_amp_links_lead_to_one_article_with_every_url_recorded(crawled):
    conn, *_ = crawled
    original = by_path(conn, ORIGINAL)
    urls = [row[0] for row in conn.execute("SELECT url FROM article_urls WHERE article_id = ?", (original["id"],))]
    assert any("utm_source=newsletter" in url for url in urls) and any(url.endswith(AMP) for url in urls)
    assert not [row for row in conn.execute("SELECT url FROM articles") if "amp" in row[0] or "utm" in row[0]]


def test_syndicated_copy_points_at_the_original(crawled):
    conn, *_ = crawled
    original, copy = by_path(conn, ORIGINAL), by_path(conn, COPY)
    assert copy["duplicate_of"] == original["id"] and original["duplicate_of"] is None
    assert copy["duplicate_score"] >= 0.5


def test_two_stories_about_one_event_stay_apart(crawled):
    conn, *_ = crawled
    assert by_path(conn, EVENT_A)["duplicate_of"] is None and by_path(conn, EVENT_B)["duplicate_of"] is None


def test_recrawl_adds_nothing_and_an_update_adds_one_version(crawled):
    conn, after_first, after_all = crawled
    assert after_all == {**after_first, "article_versions": after_first["article_versions"] + 1}
    original = by_path(conn, ORIGINAL)
    assert original["version"] == 2 and "Update: the company said" in original["body"]
    [old] = conn.execute("SELECT * FROM article_versions WHERE article_id = ?", (original["id"],)).fetchall()
    assert old["version"] == 1 and "Update: the company said" not in old["body"]
