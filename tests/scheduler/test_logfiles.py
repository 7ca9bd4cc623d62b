from __future__ import annotations

import time
from pathlib import Path

from scheduler.logfiles import prune_run_logs, run_log_path


def test_run_logs_are_unique_and_only_the_newest_are_kept(tmp_path: Path):
    paths = []
    for _ in range(5):
        path = run_log_path(tmp_path, ["wire", "desk/odd name"])
        path.write_text("log")
        paths.append(path)
        time.sleep(0.001)

    assert len(set(paths)) == 5 and all(p.parent == tmp_path / "runs" for p in paths)
    assert "-wire+desk_odd_name-" in paths[0].name
    assert prune_run_logs(tmp_path, keep=2) == 3
    assert sorted((tmp_path / "runs").iterdir()) == paths[-2:]
