"""Bad input never gives a traceback: every command fails with one line, `newsagg: error: ...`, and
a documented exit status (docs/cli.md), creates nothing it should not, and leaves no run open."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from db import runs
from db.connection import connect
from db.schema import MIGRATIONS
from newsagg.cli import main
from newsagg.demo.server import LoopbackSite
from tests.helpers import newsagg, query
from tests.scheduler.helpers import news_routes, write_config

READ_COMMANDS = [("search", "rates"), ("export",), ("stats",), ("runs",), ("status",)]


def only_error(stderr: str) -> str:
    """The one line a failing command may print on stderr."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsagg: error: "), stderr
    return lines[0]


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    """The console entry point in this process; argparse's exit becomes its status."""
    try:
        code = main(list(args))
    except SystemExit as stop:
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


def free_url(path: str = "/news/") -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}{path}"


def newer_database(path: Path) -> Path:
    conn = connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 7}")
    conn.close()
    return path


def _writable(path: Path) -> bool:
    try:
        if path.is_dir():
            (path / ".probe").touch()
            (path / ".probe").unlink()
        else:
            with open(path, "ab"):
                pass
        return True
    except OSError:
        return False


@pytest.fixture
def read_only():
    """make(path) -> path, read-only even for root (chattr +i); skips where that is impossible."""
    frozen: list[Path] = []

    def make(path: Path) -> Path:
        path.chmod(0o555 if path.is_dir() else 0o444)
        if _writable(path):  # root: permissions are not enforced
            done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
            if done.returncode != 0 or _writable(path):
                pytest.skip("cannot make a path read-only here (root without chattr)")
            frozen.append(path)
        return path

    yield make
    for path in frozen:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)


# ------------------------------------------------------------------ item 11: read commands


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_read_commands_on_a_missing_database_create_nothing(tmp_path, capsys, command):
    db = tmp_path / "data" / "none.db"

    code, out, err = run_main(capsys, *command, "--db", str(db))

    assert code == 2
    assert only_error(err) == f"newsagg: error: {db}: no such database (nothing crawled yet, or wrong --db)"
    assert not db.exists() and not db.parent.exists()


# ------------------------------------------------------------------ item 12: no tracebacks


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_database_from_a_newer_newsagg_is_one_line(tmp_path, capsys, command):
    db = newer_database(tmp_path / "news.db")

    code, _, err = run_main(capsys, *command, "--db", str(db))

    assert code == 2
    assert "is newer than this newsagg knows" in only_error(err)


def test_a_newer_database_stops_crawl_schedule_and_demo_in_one_line(tmp_path):
    db = newer_database(tmp_path / "news.db")
    config = write_config(tmp_path, [{"name": "wire", "start_urls": [free_url()], "every": "1h"}])
    for args in (["crawl", "--url", free_url()], ["crawl", "wire", "--config", str(config)],
                 ["schedule", "--config", str(config)], ["schedule", "--check", "--config", str(config)],
                 ["demo", "--port", str(_free_port())]):
        result = newsagg(*args, "--db", str(db))
        assert result.returncode == 2, (args, result.stderr)
        assert "is newer than this newsagg knows" in only_error(result.stderr), args
    assert query(db, "PRAGMA user_version")[0][0] == len(MIGRATIONS) + 7


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_file_that_is_not_a_database(tmp_path, capsys):
    text = tmp_path / "notes.db"
    text.write_text("these are my notes, not a database\n" * 100)

    code, _, err = run_main(capsys, "stats", "--db", str(text))

    assert code == 2 and "file is not a database" in only_error(err)


def test_a_missing_manifest_is_one_line(tmp_path, capsys):
    code, _, err = run_main(capsys, "extract", "--manifest", str(tmp_path / "missing.jsonl"))

    assert code == 2
    assert only_error(err) == f"newsagg: error: {tmp_path / 'missing.jsonl'}: No such file or directory"


def test_a_log_file_in_a_missing_folder_opens_no_run(tmp_path):
    db = tmp_path / "news.db"
    log = tmp_path / "no" / "such" / "folder" / "crawl.log"

    result = newsagg("crawl", "--url", free_url(), "--db", str(db), "--log-file", str(log))

    assert result.returncode == 2
    assert only_error(result.stderr) == f"newsagg: error: --log-file {log}: No such file or directory"
    assert not db.exists() or not query(db, "SELECT * FROM crawl_runs")


def test_a_run_that_fails_while_starting_is_closed_and_its_lock_freed(tmp_path):
    """Past the command line's checks, a failure before the reactor runs (here Scrapy cannot open
    the log file) still closes the run it opened."""
    db = tmp_path / "news.db"
    script = (
        "import sys\n"
        "from core.config import adhoc_source\n"
        "from scraper.run import crawl\n"
        "try:\n"
        f"    crawl([adhoc_source([{free_url()!r}])], {str(db)!r}, log_file={str(tmp_path / 'gone' / 'x.log')!r})\n"
        "except OSError as error:\n"
        "    print('raised', type(error).__name__)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)

    assert "raised FileNotFoundError" in done.stdout, done.stderr
    [run] = query(db, "SELECT status, message, finished_at FROM crawl_runs")
    assert (run["status"], run["message"]) == ("failed", "the crawl could not start") and run["finished_at"]
    assert query(db, "SELECT count(*) FROM source_locks")[0][0] == 0


def test_an_unwritable_log_folder_is_one_line_and_opens_no_run(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "logs").write_text("a file where the log folder should be\n")
    db = tmp_path / "news.db"

    result = newsagg("crawl", "--url", free_url(), "--db", str(db), cwd=work)

    assert result.returncode == 2
    line = only_error(result.stderr)
    assert line.startswith("newsagg: error: cannot write run logs in logs/runs: ") and "--log-file" in line
    assert not db.exists() or not query(db, "SELECT * FROM crawl_runs")


def test_a_read_only_working_folder_is_one_line(tmp_path, read_only):
    work = tmp_path / "work"
    work.mkdir()
    read_only(work)

    result = newsagg("crawl", "--url", free_url(), "--db", str(tmp_path / "news.db"), cwd=work)

    assert result.returncode == 2
    assert "cannot write run logs in logs/runs" in only_error(result.stderr)


def test_a_read_only_database_is_one_line_and_reading_still_works(tmp_path, read_only, capsys):
    db = tmp_path / "news.db"
    conn = connect(db)
    runs.start_run(conn, "wire", "manual")
    conn.close()
    read_only(db)

    result = newsagg("crawl", "--url", free_url(), "--db", str(db))

    assert result.returncode == 1
    assert "readonly database" in only_error(result.stderr)
    assert run_main(capsys, "runs", "--db", str(db))[0] == 0


def test_an_export_into_a_missing_folder_is_one_line(tmp_path, capsys):
    db = tmp_path / "news.db"
    connect(db).close()
    target = tmp_path / "no" / "out.jsonl"

    code, _, err = run_main(capsys, "export", "--db", str(db), "-o", str(target))

    assert code == 2 and only_error(err) == f"newsagg: error: {target}: No such file or directory"


# ------------------------------------------------------------------ item 14: values that were taken


@pytest.mark.parametrize("args", [
    ["crawl", "--url", "http://127.0.0.1:9/", "--max-pages", "0"],
    ["crawl", "--url", "http://127.0.0.1:9/", "--max-pages", "-3"],
    ["crawl", "--url", "http://127.0.0.1:9/", "--max-pages", "many"],
    ["runs", "--limit", "0"],
    ["search", "rates", "--limit", "-1"],
    ["schedule", "--max-parallel", "0"],
    ["schedule", "--grace", "-5"],
    ["schedule", "--kill-grace", "nan"],
    ["demo", "--port", "70000"],
    ["stats", "--since", "yesterday"],
    ["stats", "--top-instruments", "0"],
    ["stats", "--top-instruments", "-3"],
    ["crawl", "--no-such-option"],
], ids=lambda a: " ".join(a[:1] + a[-2:]))
def test_bad_option_values_are_usage_errors(tmp_path, capsys, args):
    code, _, err = run_main(capsys, *args, "--db", str(tmp_path / "news.db"))

    assert code == 2
    assert "(see `newsagg " in only_error(err)
    assert not (tmp_path / "news.db").exists()


@pytest.mark.parametrize("args", [
    ["worker", "--concurrency", "0"],
    ["worker", "--kill-grace", "-1"],
    ["worker", "--kill-grace", "nan"],
    ["worker", "--broker", "http://127.0.0.1:9/"],
    ["writer", "--broker", "127.0.0.1:6379"],
    ["crawl", "wire", "--broker", "redis://"],
    ["schedule", "--broker", "amqp://guest:s3cret@127.0.0.1/"],
], ids=lambda a: " ".join(a))
def test_bad_cluster_option_values_are_usage_errors(capsys, args):
    """Checked before anything reads the config or reaches for a broker; a broker URL is never
    repeated (it may hold a password)."""
    code, out, err = run_main(capsys, *args)

    line = only_error(err)
    assert code == 2 and line.startswith(f"newsagg: error: argument {args[-2]}: ") and "(see `newsagg " in line
    assert "s3cret" not in out + err


@pytest.mark.parametrize("command", [["crawl", "wire"], ["crawl", "wire", "--wait"], ["schedule"], ["writer"]],
                         ids=" ".join)
def test_a_broker_that_does_not_answer_is_one_line(tmp_path, capsys, command):
    """Nobody listens at the broker's port: one line naming it (never its password), exit 1, and
    nothing created (the writer has not opened the database)."""
    port = _free_port()
    config = write_config(tmp_path, [{"name": "wire", "start_urls": ["http://127.0.0.1:9/"], "every": "1h"}])
    db = tmp_path / "news.db"

    code, out, err = run_main(capsys, *command, "--config", str(config), "--db", str(db),
                              "--broker", f"redis://:s3cret@127.0.0.1:{port}/0")

    assert code == 1
    assert only_error(err).startswith(f"newsagg: error: the broker redis://:***@127.0.0.1:{port}/0 cannot be "
                                      "reached: ")
    assert "s3cret" not in out + err and not db.exists()


def test_a_missing_config_named_on_the_command_line_is_an_error(tmp_path, capsys):
    db = tmp_path / "news.db"
    connect(db).close()
    for command in (["status"], ["runs"], ["stats"], ["search", "rates"], ["crawl", "--url", free_url()]):
        code, _, err = run_main(capsys, *command, "--config", str(tmp_path / "missing.toml"), "--db", str(db))
        assert code == 2, command
        assert only_error(err) == (f"newsagg: error: config file not found: {tmp_path / 'missing.toml'} "
                                   "(use --config PATH or NEWSAGG_CONFIG)")


def test_extract_refuses_a_missing_config_named_too(tmp_path, capsys, monkeypatch):
    """It reads the config only for its watchlist, and had its own way of opening it, which took a
    --config or $NEWSAGG_CONFIG that does not exist for no config at all."""
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><h1>Yields climb</h1><p>Yields climbed.</p></article></body></html>")
    missing = tmp_path / "missing.toml"
    expected = f"newsagg: error: config file not found: {missing} (use --config PATH or NEWSAGG_CONFIG)"

    code, out, err = run_main(capsys, "extract", str(page), "--config", str(missing))
    assert (code, out, only_error(err)) == (2, "", expected)
    monkeypatch.setenv("NEWSAGG_CONFIG", str(missing))
    code, out, err = run_main(capsys, "extract", str(page))
    assert (code, out, only_error(err)) == (2, "", expected)


def test_status_without_a_config_shows_the_sources_of_the_database(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./newsagg.toml here
    monkeypatch.delenv("NEWSAGG_CONFIG", raising=False)
    db = tmp_path / "elsewhere.db"
    conn = connect(db)
    run_id = runs.start_run(conn, "wire", "manual")
    runs.finish_run(conn, run_id, "ok", runs.RunCounters(pages_fetched=4, articles_new=2), "finished")
    conn.close()

    code, out, _ = run_main(capsys, "status", "--db", str(db))

    assert code == 0
    assert "wire\n  last run:" in out and "next run:     unknown (not in a config)" in out
    assert out.rstrip().endswith("1 source(s), 0 with warnings")


def test_a_bare_number_of_seconds_is_warned_about(tmp_path, capsys):
    config = write_config(tmp_path, [{"name": "wire", "start_urls": ["http://127.0.0.1/"], "every": 5}])

    code, out, err = run_main(capsys, "schedule", "--check", "--config", str(config))

    assert code == 0 and "wire: every 5s" in out
    [warning] = err.strip().splitlines()
    assert warning.startswith(f"newsagg: warning: {config}:") and "every = 5 means 5 seconds" in warning


# ------------------------------------------------------------------ item 15: small things


def test_version(capsys):
    from importlib.metadata import version

    code, out, _ = run_main(capsys, "--version")

    assert code == 0 and out.strip() == f"newsagg {version('newsagg')}"


def test_an_error_nobody_foresaw_is_one_line_and_its_traceback_is_under_v(capsys, monkeypatch):
    """The last line of defence: a library's message over several lines (Celery writes such) is
    still one line; -v adds the traceback."""
    import scheduler.cli

    def broken(args):
        raise RuntimeError("\nRetry limit exceeded while trying to reconnect\nto the result store.\n")

    monkeypatch.setattr(scheduler.cli, "run_runs", broken)
    code, _, err = run_main(capsys, "runs")
    assert code == 1 and only_error(err) == ("newsagg: error: unexpected RuntimeError: Retry limit exceeded while "
                                             "trying to reconnect to the result store. (run with -v for the traceback)")
    code, _, err = run_main(capsys, "runs", "-v")
    assert code == 1 and "Traceback (most recent call last)" in err and "in broken" in err


def test_an_empty_search_is_a_clear_message(tmp_path, capsys):
    db = tmp_path / "news.db"
    connect(db).close()
    for text in ("", "   "):
        code, _, err = run_main(capsys, "search", text, "--db", str(db))
        assert code == 2 and "empty search query" in only_error(err)
    code, _, err = run_main(capsys, "search", '"unclosed', "--raw", "--db", str(db))
    assert code == 2 and only_error(err).startswith("newsagg: error: bad search query '\"unclosed': ")


def test_quiet_crawl_prints_nothing_when_all_went_well(tmp_path):
    db = tmp_path / "news.db"
    with LoopbackSite(news_routes()) as site:
        config = write_config(tmp_path, [{"name": "wire", "start_urls": [site.url("/news/")]}])
        before = newsagg("-q", "crawl", "wire", "--config", str(config), "--db", str(db))
        after = newsagg("crawl", "wire", "-q", "--config", str(config), "--db", str(db))

    assert (before.returncode, before.stdout, before.stderr) == (0, "", "")
    assert (after.returncode, after.stdout, after.stderr) == (0, "", "")
    assert [row["status"] for row in query(db, "SELECT status FROM crawl_runs")] == ["ok", "ok"]


def test_quiet_exports_say_nothing(tmp_path, capsys):
    from core.article import Article
    from db.store import Store

    db = tmp_path / "news.db"
    with Store(db) as store:
        store.upsert_article(Article(url="https://x.example/a", title="Yields climb", body="Yields climbed."), "x")
    for output, target in (("jsonl", tmp_path / "a.jsonl"), ("markdown", tmp_path / "md")):
        assert run_main(capsys, "-q", "export", "--format", output, "-o", str(target), "--db", str(db)) == (0, "", "")
        assert target.exists()


def test_a_folder_given_as_the_database(tmp_path, capsys):
    code, _, err = run_main(capsys, "stats", "--db", str(tmp_path))
    assert code == 2 and "no such database" in only_error(err)
    result = newsagg("crawl", "--url", free_url(), "--db", str(tmp_path))
    assert result.returncode == 1 and "unable to open database file" in only_error(result.stderr)


def test_search_snippets_stay_on_one_line(tmp_path, capsys):
    from core.article import Article
    from db.store import Store

    db = tmp_path / "news.db"
    body = "\n\n".join(["Treasury yields climbed on Monday.", "Traders priced fewer rate cuts.",
                        "The dollar firmed against the yen."])
    with Store(db) as store:
        store.upsert_article(Article(url="https://x.example/bonds", title="Yields climb", body=body), "x")

    code, out, _ = run_main(capsys, "search", "rate cuts", "--db", str(db))
    title, url, snippet = out.splitlines()
    code_json, out_json, _ = run_main(capsys, "search", "rate cuts", "--db", str(db), "--json")

    assert code == code_json == 0
    assert snippet.strip().startswith("Treasury yields climbed on Monday. Traders priced fewer [rate] [cuts].")
    assert "\n" not in json.loads(out_json)["snippet"]


# ------------------------------------------------------------------ every command, hostile input


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A folder of things an operator may point newsagg at by mistake."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "syntax.toml").write_text("garbage = = =\n")
    (folder / "binary.toml").write_bytes(b"\xff\xfe\x00\x01")
    (folder / "a-folder").mkdir()
    (folder / "a-file").write_text("in the way\n")
    (folder / "random.bin").write_bytes(bytes(range(256)) * 12)
    (folder / "logs-in-the-way.toml").write_text(
        f'[logging]\ndir = "{folder / "a-file"}"\n\n[[sources]]\nname = "a"\n'
        'start_urls = ["http://127.0.0.1:9/"]\nevery = "1h"\n')
    connect(folder / "empty.db").close()
    return folder


HOSTILE = [  # (arguments, with {} for the hostile folder; expected exit status)
    (["crawl", "--url", "http://[::1"], 2),
    (["crawl", "--url", "http://exa mple.com/"], 2),
    (["crawl", "--url", "javascript:alert(1)"], 2),
    (["crawl", "--all", "--config", "{}/syntax.toml"], 2),
    (["crawl", "--all", "--config", "{}/binary.toml"], 2),
    (["crawl", "--all", "--config", "{}/a-folder"], 2),
    (["crawl", "a", "--config", "{}/logs-in-the-way.toml", "--db", "{}/empty.db"], 2),
    (["crawl", "--url", "http://127.0.0.1:9/", "--db", "{}/random.bin"], 2),
    (["crawl", "--url", "http://127.0.0.1:9/", "--db", "{}/a-file/news.db"], 2),
    (["schedule", "--config", "{}/logs-in-the-way.toml", "--db", "{}/empty.db"], 2),
    (["schedule", "--check", "--config", "{}/syntax.toml"], 2),
    (["extract", "--manifest", "{}/a-folder"], 2),
    (["extract", "--manifest", "{}/random.bin"], 0),  # every line reported as a bad manifest line
    (["search", '"', "--db", "{}/empty.db"], 2),
    (["search", "NEAR(", "--raw", "--db", "{}/empty.db"], 2),
    (["export", "-o", "{}/a-folder", "--db", "{}/empty.db"], 2),
    (["stats", "--db", "{}/random.bin"], 2),
    (["runs", "--source", "'; DROP TABLE articles; --", "--db", "{}/empty.db"], 0),
    (["status", "--config", "{}/binary.toml", "--db", "{}/empty.db"], 2),
    (["demo", "--db", "{}/a-file/demo.db", "--port", "{port}"], 2),
]


@pytest.mark.parametrize("args, expected", HOSTILE, ids=lambda v: " ".join(v) if isinstance(v, list) else str(v))
def test_hostile_input_gets_one_line_and_a_documented_status(hostile, args, expected):
    args = [a.replace("{}", str(hostile)).replace("{port}", str(_free_port())) for a in args]

    result = newsagg(*args, timeout=60)

    assert result.returncode == expected, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    if expected:
        only_error(result.stderr)
    assert query(hostile / "empty.db", "SELECT count(*) FROM sqlite_master WHERE name = 'articles'")[0][0] == 1
