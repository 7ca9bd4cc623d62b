"""`newsagg extract --format json|text|markdown|html`, standard input by default, --timezone."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from tests.extract.test_formats import EXPECTED_HTML, EXPECTED_MARKDOWN, PAGE, URL
from tests.helpers import newsagg

DATED = PAGE.replace("<title>", '<meta property="article:published_time" content="2025-10-18T14:30:00">'
                                '<meta property="article:modified_time" content="2025-10-18T16:00:00+07:00"><title>')


def test_json_is_the_default_and_reads_stdin_without_a_path():
    done = newsagg("extract", "--url", URL, stdin=DATED)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["body_html"] == EXPECTED_HTML and record["body_markdown"] == EXPECTED_MARKDOWN
    # no offset on the published date and no timezone: read as UTC, and said so
    assert (record["published_utc"], record["modified_utc"], record["utc_basis"]) == (
        "2025-10-18T14:30:00Z", "2025-10-18T09:00:00Z", "assumed-utc")
    for key in ("published_utc", "modified_utc"):
        assert datetime.fromisoformat(record[key]).utcoffset().total_seconds() == 0


def test_timezone_reads_local_dates_in_that_zone():
    done = newsagg("extract", "--url", URL, "--timezone", "Asia/Ho_Chi_Minh", stdin=DATED)
    record = json.loads(done.stdout)
    assert (record["published_utc"], record["utc_basis"]) == ("2025-10-18T07:30:00Z", "timezone")
    bad = newsagg("extract", "--timezone", "Mars/Olympus", stdin=DATED)
    assert bad.returncode == 2 and "unknown timezone" in bad.stderr


@pytest.mark.parametrize("output, expected", [
    ("markdown", f"# Fed holds rates steady\n\n{EXPECTED_MARKDOWN}\n"),
    ("text", None),
    ("html", None),
])
def test_text_markdown_and_html_print_the_article(tmp_path, output, expected):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    done = newsagg("extract", str(page), "--url", URL, "--format", output)
    assert done.returncode == 0, done.stderr
    if output == "markdown":
        assert done.stdout == expected
    elif output == "text":
        json_record = json.loads(newsagg("extract", str(page), "--url", URL).stdout)
        assert done.stdout == json_record["body"] + "\n"
    else:
        assert done.stdout.startswith("<!DOCTYPE html>") and "<h1>Fed holds rates steady</h1>" in done.stdout
        assert EXPECTED_HTML in done.stdout


def test_several_pages_are_headed_and_a_bad_one_is_reported(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    missing = tmp_path / "missing.html"
    done = newsagg("extract", str(page), str(missing), "--url", URL, "--format", "text")
    assert done.returncode == 0
    assert done.stdout.startswith(f"==> {page} <==\n") and str(missing) in done.stderr
