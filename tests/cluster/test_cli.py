"""The cluster's command line with a real Redis: `schedule --broker` starts like the local daemon,
one writer and one scheduler per cluster, `status` sees the cluster's scheduler, `-q` is quiet."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import newsagg

pytestmark = pytest.mark.slow


def cluster_config(folder: Path, broker: str, log_dir: Path | None = None, every: str = '"1h"') -> Path:
    """One source nobody answers at (no worker takes its task in these tests)."""
    path = folder / "newsagg.toml"
    path.write_text(f'[logging]\ndir = "{log_dir or folder / "logs"}"\n\n[cluster]\nbroker = "{broker}"\n\n'
                    f'[[sources]]\nname = "wire"\nstart_urls = ["http://127.0.0.1:9/news/"]\nevery = {every}\n')
    return path


def test_schedule_on_a_broker_starts_as_the_local_daemon_does(tmp_path, redis_server):
    """Its config warnings are printed; a log folder it cannot write is one line and leaves the
    cluster's scheduler claim free (a restarted daemon is not refused for a minute)."""
    (tmp_path / "a-file").write_text("where the log folder should be\n")
    config = cluster_config(tmp_path, redis_server.url, log_dir=tmp_path / "a-file", every="5")

    result = newsagg("schedule", "--config", str(config), timeout=60)

    warning, error = result.stderr.strip().splitlines()
    assert result.returncode == 2
    assert warning.startswith(f"newsagg: warning: {config}:") and "every = 5 means 5 seconds" in warning
    assert error.startswith(f"newsagg: error: cannot write the daemon log in {tmp_path / 'a-file'}: ")
    assert redis_server.client().get("newsagg:scheduler") is None
