"""`newsagg schedule --check` and config validation at start, through the real console entry point."""

from __future__ import annotations

from pathlib import Path

from newsagg.cli import main
from tests.scheduler.helpers import write_config


def test_check_prints_next_runs_and_starts_nothing(tmp_path: Path, capsys):
    config = write_config(tmp_path, [
        {"name": "paris", "start_urls": ["http://127.0.0.1/"], "schedule": "0 9 * * 1-5", "timezone": "Europe/Paris"},
        {"name": "wire", "start_urls": ["http://127.0.0.1/"], "every": "15m", "timeout": "5m"},
        {"name": "byhand", "start_urls": ["http://127.0.0.1/"]},
    ])
    db = tmp_path / "news.db"

    assert main(["schedule", "--check", "--config", str(config), "--db", str(db)]) == 0

    out = capsys.readouterr().out
    assert "3 source(s)" in out
    assert "paris: cron '0 9 * * 1-5' (Europe/Paris), timeout 3600s; next runs: at start (catch-up), then" in out
    assert out.count("T09:00:00+0") == 3  # three weekday mornings, shown in Paris time
    assert "wire: every 900s, timeout 300s; next runs: at start (catch-up), then" in out
    assert "byhand: not scheduled" in out
    assert not db.exists() and not (tmp_path / "logs").exists()


def test_a_bad_crontab_is_refused_with_its_line(tmp_path: Path, capsys):
    config = write_config(tmp_path, [{"name": "wire", "start_urls": ["http://127.0.0.1/"],
                                      "schedule": "*/15 * * *"}])

    assert main(["schedule", "--config", str(config), "--db", str(tmp_path / "news.db")]) == 2

    err = capsys.readouterr().err
    assert f"{config}:" in err and "not a valid crontab expression" in err


def test_a_config_without_scheduled_sources_is_refused(tmp_path: Path, capsys):
    config = write_config(tmp_path, [{"name": "wire", "start_urls": ["http://127.0.0.1/"]}])

    assert main(["schedule", "--check", "--config", str(config)]) == 2
    assert "no source has a schedule or every" in capsys.readouterr().err
