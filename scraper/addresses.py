"""Never contact a loopback, private, link-local or otherwise non-public address, unless the source
itself is on one (docs/crawling.md, "Scope").

The rule is applied to the resolved address, inside the DNS resolver every connection of the
crawl goes through (DNS_RESOLVER = GuardedResolver), so a name that resolves to 127.0.0.1 or
10.0.0.1 cannot smuggle a request onto the local network: the connection never starts. At its
start, the spider asks the resolver to trust its source's own hosts (start URLs, configured
feeds and sitemaps) when they are on such an address: an intranet site, or a test on 127.0.0.1.
"""

from __future__ import annotations

import ipaddress

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer
from twisted.internet.error import DNSLookupError


def is_public_address(address: str) -> bool:
    """A globally routable unicast address (not loopback, private, link-local, shared, reserved,
    multicast or unspecified). Unreadable addresses are not public."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


class AddressRefused(DNSLookupError):
    """The host resolved to an address the crawl must not contact."""


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, refusing non-public addresses of hosts it was not told to trust.
    One per process (the reactor's), shared by every crawl of the process."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.trusted_hosts: set[str] = set()
        self.refused: dict[str, str] = {}  # host -> the address it resolved to

    def getHostByName(self, name: str, timeout=()):  # noqa: N802 (Twisted's IResolverSimple)
        return self._lookup(name, timeout).addCallback(self._check, name)

    def _lookup(self, name: str, timeout=()):
        """The plain (cached) resolution."""
        return super().getHostByName(name, timeout)

    def _check(self, address: str, name: str) -> str:
        if is_public_address(address) or name.lower() in self.trusted_hosts:
            return address
        self.refused[name.lower()] = address
        raise AddressRefused(f"{name} resolves to {address}, a non-public address; not contacted")

    @defer.inlineCallbacks
    def trust_if_private(self, host: str):
        """Trust `host` when the source itself is on a non-public address. Fires with whether it
        is; a host that does not resolve is not trusted (its requests fail on their own)."""
        try:
            address = yield self._lookup(host)
        except Exception:  # noqa: BLE001 (DNS failure: the requests will report it)
            return False
        if is_public_address(address):
            return False
        self.trusted_hosts.add(host.lower())
        return True

    def refusal(self, host: str) -> str | None:
        """Why `host` was not contacted, if this resolver refused it."""
        address = self.refused.get(host.lower())
        return f"{host} resolves to {address}, a non-public address; not contacted" if address else None


def address_guard() -> GuardedResolver | None:
    """The process's GuardedResolver, once Scrapy installed it on the reactor."""
    from twisted.internet import reactor

    resolver = getattr(reactor, "resolver", None)
    return resolver if isinstance(resolver, GuardedResolver) else None
