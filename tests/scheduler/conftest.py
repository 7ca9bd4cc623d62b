from __future__ import annotations

import pytest

from tests.scheduler.helpers import DaemonProcess, start_site


@pytest.fixture
def sites():
    """start(routes) -> a running LoopbackSite, stopped after the test."""
    started = []

    def start(routes: dict):
        site = start_site(routes)
        started.append(site)
        return site

    yield start
    for site in started:
        site.stop()


@pytest.fixture
def daemons():
    """start(config, db, grace=, kill_grace=) -> a running `newsagg schedule`, killed after the test."""
    started: list[DaemonProcess] = []

    def start(config, db, grace: float = 2.0, kill_grace: float = 1.0, *extra: str) -> DaemonProcess:
        daemon = DaemonProcess(config, db, grace, kill_grace, *extra)
        started.append(daemon)
        return daemon

    yield start
    for daemon in started:
        daemon.close()
