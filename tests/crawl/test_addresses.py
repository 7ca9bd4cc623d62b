"""Loopback, private and link-local addresses are contacted only for a source on one, decided by the
resolved address (scraper/addresses.py). The crawls on 127.0.0.1 are such sources; here a public
source is simulated with a resolution table the test controls (no network)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from twisted.internet import defer
from twisted.python.failure import Failure

from scraper.addresses import AddressRefused, GuardedResolver, is_public_address

RESOLUTIONS = {"news.example": "93.184.216.34", "rebound.news.example": "127.0.0.1", "localhost": "127.0.0.1",
               "intranet.example": "10.1.2.3", "metadata.example": "169.254.169.254"}


class TableResolver(GuardedResolver):
    """The guard with DNS answers from a table (the rule under test is the guard's, not DNS)."""

    def __init__(self):
        self.trusted_hosts, self.refused = set(), {}

    def _lookup(self, name, timeout=()):
        return defer.succeed(RESOLUTIONS[name])


def resolve(resolver: GuardedResolver, name: str) -> str | Failure:
    outcome: list = []
    resolver.getHostByName(name).addBoth(outcome.append)  # fires at once: the table answers synchronously
    return outcome[0]


def trust(resolver: GuardedResolver, host: str) -> bool:
    outcome: list = []
    resolver.trust_if_private(host).addBoth(outcome.append)
    return outcome[0]


@pytest.mark.parametrize("address, public", [
    ("93.184.216.34", True), ("2606:2800:220:1::1", True), ("127.0.0.1", False), ("::1", False),
    ("10.0.0.1", False), ("172.16.5.4", False), ("192.168.1.1", False), ("169.254.169.254", False),
    ("fe80::1", False), ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
    ("::ffff:10.0.0.1", False), ("not an address", False)])
def test_which_addresses_are_public(address, public):
    assert is_public_address(address) is public


def test_a_public_source_never_reaches_a_name_that_resolves_to_a_private_address():
    resolver = TableResolver()
    assert trust(resolver, "news.example") is False  # the source is public
    assert resolve(resolver, "news.example") == "93.184.216.34"
    for name in ("localhost", "rebound.news.example", "intranet.example", "metadata.example"):
        failure = resolve(resolver, name)
        assert isinstance(failure, Failure) and failure.check(AddressRefused), name
        assert resolver.refusal(name) == f"{name} resolves to {RESOLUTIONS[name]}, a non-public address; not contacted"


def test_a_source_on_a_private_address_is_crawled_there():
    resolver = TableResolver()
    assert trust(resolver, "intranet.example") is True
    assert resolve(resolver, "intranet.example") == "10.1.2.3"
    assert isinstance(resolve(resolver, "localhost"), Failure), "only the source's own hosts are trusted"


def test_the_installed_resolver_refuses_a_real_loopback_name_it_was_not_told_to_trust():
    """The real resolver on a real reactor (in a subprocess: one reactor per process)."""
    script = textwrap.dedent("""
        from twisted.internet import defer, task
        from scraper.addresses import GuardedResolver

        async def main(reactor):
            resolver = GuardedResolver(reactor, cache_size=100, timeout=5)
            try:
                await resolver.getHostByName("localhost")
                print("contacted")
            except Exception as error:
                print(type(error).__name__, error)
            print("trusted", await resolver.trust_if_private("localhost"))
            print("then", await resolver.getHostByName("localhost"))

        task.react(lambda reactor: defer.ensureDeferred(main(reactor)))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60).stdout
    assert out.startswith("AddressRefused") and "localhost resolves to 127.0.0.1, a non-public" in out, out
    assert "trusted True" in out and "then 127.0.0.1" in out
