"""Each crawl worker in a network namespace of its own, as a separate host would be: it reaches the
site and Redis only over its veth link, and its config names a database it could not even open.
Skipped where namespaces cannot be made (not root, no CAP_NET_ADMIN, no `ip`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from newsagg.demo.server import LoopbackSite
from tests.cluster.harness import RedisServer
from tests.cluster.sites import wire_routes
from tests.helpers import newsagg, query, wait_for

pytestmark = pytest.mark.slow
SERVICE_ADDRESS = "10.231.0.1"  # the "server host": on this machine's lo, reached from each namespace over its veth


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check)


@pytest.fixture
def namespaces():
    """make(n) -> [namespace names], each linked to this machine by a veth pair; removed after."""
    if shutil.which("ip") is None or os.geteuid() != 0:
        pytest.skip("network namespaces need root and iproute2")
    made, tag = [], os.getpid() % 10000
    if _ip("netns", "add", f"na{tag}probe", check=False).returncode != 0:
        pytest.skip("cannot create network namespaces here")
    _ip("netns", "del", f"na{tag}probe")
    added = _ip("addr", "add", f"{SERVICE_ADDRESS}/32", "dev", "lo", check=False).returncode == 0

    def make(count: int) -> list[str]:
        for k in range(1, count + 1):
            name, host_side = f"na{tag}w{k}", f"nah{tag}w{k}"
            _ip("netns", "add", name)
            made.append(name)
            _ip("link", "add", host_side, "type", "veth", "peer", "name", "eth0", "netns", name)
            _ip("addr", "add", f"10.231.{k}.1/30", "dev", host_side)
            _ip("link", "set", host_side, "up")
            for command in (["addr", "add", f"10.231.{k}.2/30", "dev", "eth0"], ["link", "set", "eth0", "up"],
                            ["link", "set", "lo", "up"], ["route", "add", "default", "via", f"10.231.{k}.1"]):
                _ip("netns", "exec", name, "ip", *command)
        return made

    yield make
    for name in made:
        _ip("netns", "del", name, check=False)
    if added:
        _ip("addr", "del", f"{SERVICE_ADDRESS}/32", "dev", "lo", check=False)


def test_workers_in_their_own_namespaces_crawl_over_their_veth_only(tmp_path, roles, namespaces):
    names = namespaces(2)
    redis_server = RedisServer(tmp_path / "redis", password="s3cret-Pw", bind=f"127.0.0.1 {SERVICE_ADDRESS}").start()
    site = LoopbackSite(wire_routes(), host=SERVICE_ADDRESS).start()
    not_a_folder = tmp_path / "not-a-folder"
    not_a_folder.write_text("a file where the database's folder would be: no worker could open the database\n")
    config = tmp_path / "newsagg.toml"
    config.write_text(f"""[database]
path = "{not_a_folder / 'news.db'}"

[logging]
dir = "{tmp_path / 'logs'}"

[crawler]
download_delay = 0
obey_robots = false

[cluster]
broker = "{redis_server.url.replace('127.0.0.1', SERVICE_ADDRESS)}"
heartbeat_timeout = "3s"
""" + "".join(f'\n[[sources]]\nname = "wire{k}"\nstart_urls = ["{site.url("/news/")}"]\n' for k in (1, 2)))
    db = tmp_path / "news.db"
    try:
        writer = roles("writer", "writer", "--config", str(config), "--db", str(db))
        wait_for(lambda: "ready" in writer.output(), 30, "the writer")
        for k, name in enumerate(names, 1):
            probe = f"import socket; socket.create_connection(('127.0.0.1', {redis_server.port}), 2)"
            unreachable = subprocess.run(["ip", "netns", "exec", name, sys.executable, "-c", probe], capture_output=True)
            assert unreachable.returncode != 0  # this "host" has no way to this machine's loopback
            roles(f"worker{k}", "worker", "--config", str(config), "--concurrency", "1",
                  prefix=("ip", "netns", "exec", name))
        result = newsagg("crawl", "--all", "--config", str(config), "--wait", timeout=180)
    finally:
        site.stop()
        redis_server.stop(hard=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wire1: ok" in result.stdout and "wire2: ok" in result.stdout, result.stdout
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 5
    assert [r["status"] for r in query(db, "SELECT status FROM crawl_runs")] == ["ok", "ok"]
    ran = [(tmp_path / f"worker{k}.log").read_text().count("started crawl") for k in (1, 2)]
    assert sum(ran) == 2, ran
