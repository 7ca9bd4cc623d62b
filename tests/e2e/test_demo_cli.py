"""`newsagg demo` as the README's Quickstart runs it: the demo site keeps one identity (host and
port) from run to run, so a second run stores nothing new; `--serve` keeps it up for crawling by
hand; the Datasette command it prints works whatever the database file is called."""

from __future__ import annotations

import shlex
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from newsagg.demo import cli as demo_cli
from newsagg.demo.site import build_site
from tests.helpers import newsagg, query


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def counts(db: Path) -> dict:
    return {table: query(db, f"SELECT count(*) FROM {table}")[0][0]
            for table in ("articles", "article_urls", "article_versions", "faqs")}


def test_a_second_demo_run_stores_nothing_new(tmp_path):
    db, port = tmp_path / "harbor.db", str(free_port())

    first = newsagg("demo", "--db", str(db), "--port", port, cwd=tmp_path)
    after_first = counts(db)
    second = newsagg("demo", "--db", str(db), "--port", port, cwd=tmp_path)

    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert after_first["articles"] >= 14
    assert counts(db) == after_first
    second_run = query(db, "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")[0]
    assert (second_run["status"], second_run["articles_new"], second_run["articles_updated"],
            second_run["duplicates"]) == ("ok", 0, 0, 0)
    assert "0 new articles, 0 updated, 0 duplicates" in second.stdout
    assert "the second crawl stores nothing new" in second.stdout
    first_run = query(db, "SELECT * FROM crawl_runs ORDER BY id LIMIT 1")[0]
    assert second_run["pages_fetched"] <= 0.2 * first_run["pages_fetched"], "the second crawl re-fetched the site"
    assert "Only new:" not in first.stdout
    assert (f"Only new: {second_run['pages_fetched']} pages fetched, against {first_run['pages_fetched']} by the"
            " first crawl") in second.stdout
    urls = {row[0] for row in query(db, "SELECT url FROM articles")}
    assert all(url.startswith(f"http://127.0.0.1:{port}/") for url in urls)

    # The Datasette command it prints works on this file, named harbor.db, with the metadata.
    [line] = [line.strip() for line in second.stdout.splitlines() if "datasette" in line and "--metadata" in line]
    command = shlex.split(line)
    assert command[1:] == [str(db), "--metadata", str(tmp_path / "harbor.datasette.json")]
    canned = subprocess.run([*command, "--get", "/harbor/search.json?q=bitcoin&_shape=array"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert canned.returncode == 0, canned.stderr
    assert '"title": "Bitcoin' in canned.stdout  # the canned query `search` exists: the metadata applied


def test_the_demo_on_another_port_is_another_source(tmp_path):
    """Its URLs differ, so what the database learnt of the site on the first port (listings due
    for a revisit, the frontier) must not send the second crawl to a port nobody serves: it did,
    with three errors and Scrapy tracebacks on the operator's terminal."""
    db, first_port, second_port = tmp_path / "demo.db", free_port(), free_port()

    first = newsagg("demo", "--db", str(db), "--port", str(first_port), cwd=tmp_path)
    second = newsagg("demo", "--db", str(db), "--port", str(second_port), cwd=tmp_path)

    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "Traceback" not in second.stderr and "Only new:" not in second.stdout
    runs = query(db, "SELECT source, status, errors FROM crawl_runs ORDER BY id")
    assert [tuple(run) for run in runs] == [(f"demo-{first_port}", "ok", 0), (f"demo-{second_port}", "ok", 0)]
    requested = {row[0] for row in query(db, "SELECT url FROM fetch_state WHERE source = ?", (f"demo-{second_port}",))}
    assert requested and all(url.startswith(f"http://127.0.0.1:{second_port}/") for url in requested)


def test_a_port_taken_by_another_program(tmp_path, monkeypatch):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]

        refused = newsagg("demo", "--db", str(tmp_path / "demo.db"), "--port", str(port))
        monkeypatch.setattr(demo_cli, "DEMO_PORT", port)  # the default port is the one taken
        with demo_cli.demo_site(build_site(), None) as (base_url, note):
            served = subprocess.run([sys.executable, "-c", f"import urllib.request; print(urllib.request."
                                     f"urlopen('{base_url}/site-manifest.json').read().decode())"],
                                    capture_output=True, text=True, timeout=30)

    assert refused.returncode == 2
    assert refused.stderr.strip() == f"newsagg: error: port {port} is in use by another program: choose another --port"
    assert not (tmp_path / "demo.db").exists()
    assert base_url.startswith("http://127.0.0.1:") and not base_url.endswith(f":{port}")
    assert note.startswith(f"port {port} is in use by another program: serving on {base_url} instead")
    assert "Harbor Street Finance" in served.stdout


@pytest.fixture
def served_demo(tmp_path):
    """`newsagg demo --serve --port P` running; yields (process, base URL)."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "newsagg", "demo", "--serve", "--port", str(port)],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first_line = process.stdout.readline()
    try:
        assert first_line.startswith(f"Serving the demo finance site at http://127.0.0.1:{port}/"), first_line
        yield process, f"http://127.0.0.1:{port}"
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


def test_serve_keeps_the_site_up_for_crawling_by_hand(tmp_path, served_demo):
    process, base_url = served_demo
    hint = process.stdout.readline()
    by_hand = newsagg("crawl", "--url", base_url + "/", "--db", str(tmp_path / "by-hand.db"), "--config",
                      str(_no_delay(tmp_path)))
    reused = newsagg("demo", "--db", str(tmp_path / "demo.db"), "--port", base_url.rsplit(":", 1)[1])
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=15)

    assert f"crawl --url {base_url}/" in hint
    assert by_hand.returncode == 0, by_hand.stderr
    assert query(tmp_path / "by-hand.db", "SELECT count(*) FROM articles")[0][0] >= 14
    assert reused.returncode == 0, reused.stderr
    assert f"the demo site is already served at {base_url}/" in reused.stderr
    assert process.returncode == 0 and out.strip() == "stopped" and err == ""


def _no_delay(folder: Path) -> Path:
    path = folder / "newsagg.toml"
    path.write_text("[crawler]\ndownload_delay = 0\n")
    return path
