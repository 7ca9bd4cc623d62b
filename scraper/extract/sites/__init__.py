"""Site profiles: what the generic extractor cannot know about one site, declared in one module.

A profile is a module `scraper/extract/sites/<name>.py` that defines `PROFILE = SiteProfile(...)`:
the hosts it serves and, for any field, selectors that win over the generic chain. Everything a
profile leaves out, and every selector that matches nothing on a page, falls back to the generic
extractor, which stays the default for every other site. docs/extraction.md says how to write one.

    extract(html, "https://www.example.com/a")     # the profile whose hosts cover www.example.com
    extract(html, url, profile="demo")             # a named profile (a source's `profile = "demo"`)

Selectors are CSS (`"article .byline a[rel=author]"`) or XPath when they start with "/", "./" or
"(" (`"//meta[@name='sailthru.date']/@content"`). A selected element gives its `content` or
`datetime` attribute, else its text.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import cache
from urllib.parse import urlsplit

from core.config import register_profile_names
from core.errors import ExtractionError

from ..site import compiled_selector

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SiteProfile:
    """One site's layout. Selector fields are tuples: the first selector that finds text wins."""

    hosts: tuple[str, ...]  # "example.com" also covers www.example.com and other subdomains
    title: tuple[str, ...] = ()
    published: tuple[str, ...] = ()  # a date string in any form parse_date reads
    authors: tuple[str, ...] = ()  # every match is a credit ("By A and B" is split as usual)
    body: str | None = None  # the article container: its blocks are the body (furniture still goes)
    drop: tuple[str, ...] = ()  # blocks that are never body text (widgets the generic rules keep)
    notices: tuple[str, ...] = ()  # disclaimer / disclosure boxes: kept apart from the body
    valid_until: date | None = None  # the layout's last day: later pages get the generic chain
    name: str = ""  # the module's name, set when the profiles are loaded

    def selectors(self) -> list[str]:
        """Every selector the profile declares (checked when loaded, and by the fixture test)."""
        return [*self.title, *self.published, *self.authors, *([self.body] if self.body else []),
                *self.drop, *self.notices]

    def valid_on(self, day: date) -> bool:
        return self.valid_until is None or day <= self.valid_until


@cache
def profiles() -> dict[str, SiteProfile]:
    """Every profile module of this package by name, selectors compiled (a bad one fails here)."""
    found: dict[str, SiteProfile] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        profile = getattr(module, "PROFILE", None)
        if not isinstance(profile, SiteProfile):
            raise TypeError(f"{module.__name__} must define PROFILE = SiteProfile(...)")
        profile = replace(profile, name=module_info.name)
        for selector in profile.selectors():
            compiled_selector(selector)
        found[module_info.name] = profile
    return found


@cache
def _by_host() -> dict[str, SiteProfile]:
    return {host.lower(): profile for profile in profiles().values() for host in profile.hosts}


def _profile_for_host(host: str) -> SiteProfile | None:
    """The profile of the host or of the nearest domain above it (news.example.com, example.com)."""
    labels = host.lower().rstrip(".").split(".")
    return next((_by_host()[domain] for domain in (".".join(labels[i:]) for i in range(len(labels)))
                 if domain in _by_host()), None)


def profile_names() -> list[str]:
    return sorted(profiles())


def profile_named(name: str) -> SiteProfile:
    try:
        return profiles()[name]
    except KeyError:
        raise ExtractionError(f"no site profile {name!r} (known: {', '.join(profile_names()) or 'none'})") from None


def resolve_profile(profile: str | SiteProfile | None, url: str,
                    fetched_at: datetime | None = None) -> SiteProfile | None:
    """The profile to apply: the one given (or named), else the one serving the URL's host;
    None when there is none or its `valid_until` is past on the fetch day."""
    if isinstance(profile, str):
        profile = profile_named(profile)
    if profile is None:
        profile = _profile_for_host(urlsplit(url).hostname or "")
    if profile is None:
        return None
    day = (fetched_at or datetime.now(UTC)).date()
    if not profile.valid_on(day):
        _warn_expired(profile.name, profile.valid_until)
        return None
    return profile


@cache
def _warn_expired(name: str, valid_until: date) -> None:
    logger.warning("site profile %r was valid until %s: using the generic extractor (update the profile)",
                   name, valid_until)


register_profile_names(profile_names)
