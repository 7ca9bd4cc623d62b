"""Each crawl worker in a network namespace of its own, as a separate host would be: it reaches the
site and Redis only over its veth link, and its config names a database it could not even open.
Skipped where namespaces cannot be made (not root, no CAP_NET_ADMIN, no `ip`)."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from ipaddress import IPv4Network, ip_network
from pathlib import Path

import pytest

from newsagg.demo.server import LoopbackSite
from tests.cluster.harness import RedisServer
from tests.cluster.sites import wire_routes
from tests.helpers import newsagg, query, wait_for

pytestmark = pytest.mark.slow


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check)


def _networks_in_use() -> list[IPv4Network]:
    """Every IPv4 address and route of this machine, each as a network (an address: a /32)."""
    listed = _ip("-4", "-o", "addr", "show").stdout + _ip("-4", "route", "show", "table", "all").stdout
    return [ip_network(found, strict=False) for found in re.findall(r"\b\d+\.\d+\.\d+\.\d+(?:/\d+)?\b", listed)]


@dataclass(frozen=True)
class Subnet:
    """A 10.x.y.0/24 this test run holds, so that test suites running at once on this machine never
    share an address, a route or a name. The first address, the "server host", is held on this
    machine's lo (the kernel refuses a second holder); worker k's veth link is the /30 at 4k."""

    block: IPv4Network

    @classmethod
    def claim(cls, attempts: int = 50) -> Subnet | None:
        in_use, draw = _networks_in_use(), random.SystemRandom()  # not the test's random: it may be seeded
        for _ in range(attempts):
            block = ip_network(f"10.{draw.randrange(256)}.{draw.randrange(256)}.0/24")
            if any(block.overlaps(network) for network in in_use):
                continue
            if _ip("addr", "add", f"{block[1]}/32", "dev", "lo", check=False).returncode == 0:
                return cls(block)  # else another run took it since it was listed: draw again
        return None

    def release(self) -> None:
        _ip("addr", "del", f"{self.service}/32", "dev", "lo", check=False)

    @property
    def service(self) -> str:
        return str(self.block[1])

    def link(self, k: int) -> tuple[str, str]:
        """Worker k's (this machine's side, the namespace's side) of its /30; k from 1 to 63."""
        return str(self.block[4 * k + 1]), str(self.block[4 * k + 2])

    def name(self, role: str) -> str:
        """A namespace or interface name of this run's: the block's middle two bytes in hex, then
        the role (interface names have 15 characters at most)."""
        return f"na{self.block.network_address.packed[1:3].hex()}{role}"


@pytest.fixture
def subnet() -> Iterator[Subnet]:
    if shutil.which("ip") is None or os.geteuid() != 0:
        pytest.skip("network namespaces need root and iproute2")
    held = Subnet.claim()
    if held is None:
        pytest.skip("no free 10.x.y.0/24 to put on lo")
    yield held
    held.release()


@pytest.fixture
def namespaces(subnet: Subnet) -> Iterator[Callable[[int], list[str]]]:
    """make(n) -> [namespace names], each linked to this machine by a veth pair; removed after,
    whatever the test did (removing a namespace removes its veth pair)."""
    probe = subnet.name("probe")
    if _ip("netns", "add", probe, check=False).returncode != 0:
        pytest.skip("cannot create network namespaces here")
    _ip("netns", "del", probe)
    made: list[str] = []

    def make(count: int) -> list[str]:
        for k in range(1, count + 1):
            name, host_side = subnet.name(f"w{k}"), subnet.name(f"h{k}")
            _ip("netns", "add", name)
            made.append(name)
            here, there = subnet.link(k)
            _ip("link", "add", host_side, "type", "veth", "peer", "name", "eth0", "netns", name)
            _ip("addr", "add", f"{here}/30", "dev", host_side)
            _ip("link", "set", host_side, "up")
            for command in (["addr", "add", f"{there}/30", "dev", "eth0"], ["link", "set", "eth0", "up"],
                            ["link", "set", "lo", "up"], ["route", "add", "default", "via", here]):
                _ip("netns", "exec", name, "ip", *command)
        return list(made)

    yield make
    for name in made:
        _ip("netns", "del", name, check=False)


def write_config(folder: Path, broker: str, site: LoopbackSite) -> Path:
    """Two sources on `site`; a database path no worker could open (its folder is a file). Nothing
    here dies, so heartbeat_timeout is long: with two suites at once on two cores a crawl child
    took over 3 s to send its first beat, and the writer closed its run as interrupted."""
    not_a_folder = folder / "not-a-folder"
    not_a_folder.write_text("a file where the database's folder would be: no worker could open the database\n")
    config = folder / "newsagg.toml"
    config.write_text(f"""[database]
path = "{not_a_folder / 'news.db'}"

[logging]
dir = "{folder / 'logs'}"

[crawler]
download_delay = 0
obey_robots = false

[cluster]
broker = "{broker}"
heartbeat_timeout = "15s"
""" + "".join(f'\n[[sources]]\nname = "wire{k}"\nstart_urls = ["{site.url("/news/")}"]\n' for k in (1, 2)))
    return config


# `namespaces` before `roles`: fixtures are torn down in reverse, so the workers are killed before
# their namespaces and this run's addresses are given back.
def test_workers_in_their_own_namespaces_crawl_over_their_veth_only(tmp_path, subnet, namespaces, roles):
    names = namespaces(2)
    db = tmp_path / "news.db"
    with ExitStack() as started:
        redis_server = RedisServer(tmp_path / "redis", password="s3cret-Pw", bind=f"127.0.0.1 {subnet.service}")
        started.callback(redis_server.stop, hard=True)  # also when it never answered
        redis_server.start()
        site = started.enter_context(LoopbackSite(wire_routes(), host=subnet.service))
        config = write_config(tmp_path, redis_server.url.replace("127.0.0.1", subnet.service), site)
        writer = roles("writer", "writer", "--config", str(config), "--db", str(db))
        wait_for(lambda: "ready" in writer.output(), 30, "the writer")
        for k, name in enumerate(names, 1):
            probe = f"import socket; socket.create_connection(('127.0.0.1', {redis_server.port}), 2)"
            unreachable = subprocess.run(["ip", "netns", "exec", name, sys.executable, "-c", probe], capture_output=True)
            assert unreachable.returncode != 0  # this "host" has no way to this machine's loopback
            roles(f"worker{k}", "worker", "--config", str(config), "--concurrency", "1",
                  prefix=("ip", "netns", "exec", name))
        result = newsagg("crawl", "--all", "--config", str(config), "--wait", timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wire1: ok" in result.stdout and "wire2: ok" in result.stdout, result.stdout
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 5
    assert [r["status"] for r in query(db, "SELECT status FROM crawl_runs")] == ["ok", "ok"]
    ran = [(tmp_path / f"worker{k}.log").read_text().count("started crawl") for k in (1, 2)]
    assert sum(ran) == 2, ran


def test_two_runs_at_once_hold_different_addresses_and_names(subnet):
    """What lets two test suites run this file at once on one machine."""
    other = Subnet.claim()
    assert other is not None
    try:
        assert not other.block.overlaps(subnet.block) and other.name("w1") != subnet.name("w1")
        taken = _ip("addr", "add", f"{subnet.service}/32", "dev", "lo", check=False)
        assert taken.returncode != 0  # the kernel's refusal is what makes a claim hold
    finally:
        other.release()
