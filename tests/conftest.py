"""Suite-wide rule: tests write only into temporary folders, never into the checkout.

Every test runs with a temporary working directory, so whatever defaults to a relative path
(`logs/` run logs, `data/news.db`, `./newsagg.toml`) lands there, in this process and in the
`newsagg` subprocesses it starts. At the end of the session the checkout is compared with its
state at the start: a test that wrote into it fails the run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Written by Python, pytest, ruff and pip themselves, not by our code.
TOOL_DIRS = {".venv", ".git", "__pycache__", ".pytest_cache", ".ruff_cache"}


def checkout_files(root: Path = REPO) -> dict[str, tuple[int, int]]:
    """Every file of the checkout (outside tool caches) -> (size, mtime in ns)."""
    files = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in TOOL_DIRS and not d.endswith(".egg-info")]
        for name in names:
            path = Path(folder, name)
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            files[str(path.relative_to(root))] = (stat.st_size, stat.st_mtime_ns)
    return files


def changed_files(before: dict, after: dict) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


@pytest.fixture(scope="session", autouse=True)
def work_outside_the_checkout(tmp_path_factory):
    """A temporary working directory for the whole session; the checkout must stay untouched."""
    before = checkout_files()
    folder = tmp_path_factory.mktemp("cwd")
    previous = os.getcwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(previous)
    changed = changed_files(before, checkout_files())
    if changed:
        pytest.fail(f"tests wrote into the checkout {REPO}: {', '.join(changed[:10])}", pytrace=False)
