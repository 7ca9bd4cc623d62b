"""The command line's contract: exit codes and one-line errors for bad input, nothing half-written."""

from __future__ import annotations

import gzip
import json
import socket

import pytest

from newsagg.demo.server import LoopbackSite, Resource
from tests.helpers import newsagg, query

ARTICLE = """<html lang="en"><head><title>{title} | Wire</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2025-10-18T09:00:00+02:00"></head>
<body><nav><a href="/news/">News</a></nav><article><h1>{title}</h1>
<p>Shares of regional lenders rose on Monday after quarterly results showed deposits stabilising and
loan books growing faster than analysts had expected, easing worries that lingered since the spring.</p>
<p>Analysts said the figures suggested the worst of the funding squeeze had passed, although several
warned that commercial property exposure could still weigh on earnings in the coming quarters.</p>
<p>The sector index gained 2.4 percent by the close, its best day in a month, while the broader market
added half a percent as investors rotated out of technology shares.</p>
{links}</article></body></html>"""


def no_delay_config(tmp_path):
    path = tmp_path / "newsagg.toml"
    path.write_text("[crawler]\ndownload_delay = 0\n")
    return path


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("newsagg: error:")]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unknown_source_is_a_one_line_error(tmp_path):
    config = tmp_path / "newsagg.toml"
    config.write_text('[[sources]]\nname = "known"\nstart_urls = ["https://example.com/"]\n')
    db = tmp_path / "news.db"
    result = newsagg("crawl", "nope", "--config", str(config), "--db", str(db))
    assert result.returncode == 2
    assert error_lines(result.stderr) == ["newsagg: error: unknown source 'nope' (known: known)"]
    assert not db.exists()


def test_malformed_config_names_key_and_line(tmp_path):
    config = tmp_path / "newsagg.toml"
    config.write_text('[[sources]]\nname = "a"\nstart_urls = ["https://example.com/"]\nevery = "soon"\n')
    result = newsagg("crawl", "--all", "--config", str(config))
    assert result.returncode == 2
    [line] = error_lines(result.stderr)
    assert f"{config}:4: source a: every must be like" in line


def test_non_http_url_is_refused(tmp_path):
    result = newsagg("crawl", "--url", "ftp://example.com/", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2
    assert error_lines(result.stderr) == ["newsagg: error: not an http(s) URL: 'ftp://example.com/'"]


def test_unreachable_start_url_fails_cleanly(tmp_path):
    db = tmp_path / "news.db"
    url = f"http://127.0.0.1:{free_port()}/news/"
    result = newsagg("crawl", "--url", url, "--db", str(db), "--config", str(no_delay_config(tmp_path)))
    assert result.returncode == 1
    [line] = error_lines(result.stderr)
    assert "failed" in line and "nothing could be fetched" in line and url in line
    [run] = query(db, "SELECT status, finished_at FROM crawl_runs")
    assert run["status"] == "failed" and run["finished_at"]
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 0
    assert query(db, "SELECT count(*) FROM source_locks")[0][0] == 0


def test_partial_failures_still_exit_zero_and_are_reported(tmp_path):
    links = '<a href="/news/b.html">B</a> <a href="/news/missing.html">gone</a> <a href="/news/boom.html">x</a>'
    routes = {
        "/news/": Resource(ARTICLE.format(title="Lenders rally", links=links).replace("og:type", "x")),
        "/news/a.html": Resource(ARTICLE.format(title="Lenders rally", links=links)),
        "/news/b.html": Resource(ARTICLE.format(title="Bond yields slip", links="")),
        "/news/boom.html": Resource("oops", status=500),
    }
    routes["/news/"] = Resource(f'<html><body><a href="/news/a.html">A</a>{links}</body></html>')
    db = tmp_path / "news.db"
    with LoopbackSite(routes) as site:
        result = newsagg("crawl", "--url", site.url("/news/"), "--db", str(db),
                         "--config", str(no_delay_config(tmp_path)))
    assert result.returncode == 0, result.stderr
    titles = {row[0] for row in query(db, "SELECT title FROM articles")}
    assert titles == {"Lenders rally", "Bond yields slip"}
    [run] = query(db, "SELECT * FROM crawl_runs")
    assert run["status"] == "ok" and run["errors"] == 2
    assert "2 errors" in result.stdout
    errors = {row["url"].rsplit("/", 1)[1]: row["error"] for row in query(db, "SELECT * FROM crawl_errors")}
    assert errors["missing.html"] == "HTTP 404"
    assert errors["boom.html"] == "HTTP 500"


def test_a_url_crawl_runs_here_whatever_the_configs_broker(tmp_path):
    """`--url` crawls are always local (docs/cli.md): a config naming a broker (here one nobody
    answers at) does not refuse them; only an explicit --broker beside --url is a usage error."""
    routes = {"/news/": Resource('<html><body><a href="/news/a.html">A</a></body></html>'),
              "/news/a.html": Resource(ARTICLE.format(title="Lenders rally", links=""))}
    config = tmp_path / "newsagg.toml"
    config.write_text(f'[crawler]\ndownload_delay = 0\n\n[cluster]\nbroker = "redis://127.0.0.1:{free_port()}/0"\n')
    db = tmp_path / "news.db"
    with LoopbackSite(routes) as site:
        here = newsagg("crawl", "--url", site.url("/news/"), "--config", str(config), "--db", str(db))
        sent = newsagg("crawl", "--url", site.url("/news/"), "--config", str(config), "--db", str(db),
                       "--broker", "redis://127.0.0.1:9/0")

    assert here.returncode == 0, here.stderr
    assert query(db, "SELECT title FROM articles")[0]["title"] == "Lenders rally"
    assert sent.returncode == 2
    assert error_lines(sent.stderr) == ["newsagg: error: --url crawls run here, not on the cluster: drop --broker"]


def test_no_command_or_sources_is_a_usage_error(tmp_path):
    assert newsagg().returncode == 2
    config = tmp_path / "newsagg.toml"
    config.write_text('[[sources]]\nname = "a"\nstart_urls = ["https://example.com/"]\n')
    result = newsagg("crawl", "--config", str(config))
    assert result.returncode == 2 and error_lines(result.stderr)


# ------------------------------------------------------------------ newsagg extract


@pytest.fixture
def saved_pages(tmp_path):
    plain = tmp_path / "a.html"
    plain.write_text(ARTICLE.format(title="Lenders rally", links=""))
    packed = tmp_path / "b.html.gz"
    packed.write_bytes(gzip.compress(ARTICLE.format(title="Bond yields slip", links="").encode()))
    return plain, packed


def test_extract_files_in_input_order(saved_pages):
    plain, packed = saved_pages
    result = newsagg("extract", "--url", "https://wire.example/news/a", str(packed), str(plain))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(packed), str(plain)]
    assert [r["title"] for r in records] == ["Bond yields slip", "Lenders rally"]
    for record in records:
        assert {"url", "authors", "published_at", "modified_at", "language", "body", "faq", "disclaimer"} <= set(record)
        assert record["published_at"].startswith("2025-10-18T09:00:00+02:00")
        assert "deposits stabilising" in record["body"]


def test_extract_stdin(saved_pages):
    plain, _ = saved_pages
    result = newsagg("extract", "-", stdin=plain.read_text())
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "Lenders rally"


def test_extract_manifest_survives_bad_entries(saved_pages, tmp_path):
    plain, packed = saved_pages
    empty = tmp_path / "empty.html"
    empty.write_text("")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("\n".join([
        json.dumps({"path": str(plain), "url": "https://wire.example/a"}),
        json.dumps({"path": str(tmp_path / "missing.html"), "url": "https://wire.example/m"}),
        "this is not json",
        json.dumps({"path": str(empty), "url": "https://wire.example/e"}),
        json.dumps({"path": str(packed), "url": "https://wire.example/b"}),
    ]) + "\n")
    result = newsagg("extract", "--manifest", str(manifest))
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    assert [("error" in r) for r in records] == [False, True, True, True, False]
    assert records[0]["title"] == "Lenders rally" and records[4]["title"] == "Bond yields slip"
    assert "FileNotFoundError" in records[1]["error"]


def test_crawl_all_skips_a_busy_source_and_crawls_the_others(tmp_path):
    from db import runs
    from db.connection import connect

    routes = {"/news/": Resource('<html><body><a href="/news/a.html">A</a></body></html>'),
              "/news/a.html": Resource(ARTICLE.format(title="Lenders rally", links=""))}
    db = tmp_path / "news.db"
    with LoopbackSite(routes) as site:
        config = tmp_path / "newsagg.toml"
        config.write_text(
            '[crawler]\ndownload_delay = 0\n\n'
            f'[[sources]]\nname = "busy"\nstart_urls = ["{site.url("/news/")}"]\n\n'
            f'[[sources]]\nname = "free"\nstart_urls = ["{site.url("/news/")}"]\n')
        conn = connect(db)
        runs.acquire_lock(conn, "busy")  # held by this (live) test process, as a running daemon would
        try:
            result = newsagg("crawl", "--all", "--config", str(config), "--db", str(db))
        finally:
            runs.release_lock(conn, "busy")
            conn.close()
    assert result.returncode == 3
    assert any("'busy' is already being crawled" in line for line in error_lines(result.stderr))
    assert "free: ok" in result.stdout
    assert [row["source"] for row in query(db, "SELECT source FROM crawl_runs")] == ["free"]
    assert query(db, "SELECT title FROM articles")[0]["title"] == "Lenders rally"
