"""Tests write only into temporary folders: a crawl started the way tests start it leaves the
checkout as it was (its run log lands in the test's working directory)."""

from __future__ import annotations

import socket
from pathlib import Path

from tests.conftest import REPO, changed_files, checkout_files
from tests.helpers import newsagg


def test_the_working_directory_is_not_the_checkout():
    cwd = Path.cwd().resolve()
    assert cwd != REPO and REPO not in cwd.parents


def test_a_crawl_run_by_a_test_writes_nothing_into_the_checkout(tmp_path):
    with socket.socket() as probe:  # a port nobody listens on: the crawl fails at once
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/news/"
    before = checkout_files()

    result = newsagg("crawl", "--url", url, "--db", str(tmp_path / "news.db"))

    assert result.returncode == 1, result.stderr
    log = Path(result.stdout.rsplit("log: ", 1)[1].strip())
    assert (Path.cwd() / log).is_file()  # relative to the working directory, not the checkout
    assert changed_files(before, checkout_files()) == []
