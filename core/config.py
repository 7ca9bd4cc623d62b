"""The TOML config file: sources, schedules, database path, crawler politeness.

Validated once at load; every problem is reported as `PATH:LINE: message` so an operator can
fix the right line. See docs/config.md for every key.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from core.errors import NewsaggError

DEFAULT_CONFIG = "newsagg.toml"
DEFAULT_DB = "data/news.db"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
BARE_SECONDS_WARNING = 60  # `every = 5` is 5 seconds: below this, a bare number is probably not meant


class ConfigError(NewsaggError):
    """A problem in the config file."""


def parse_duration(value: str | int | float, what: str = "duration") -> float:
    """'90s', '15m', '2h', '1d' or a number of seconds -> seconds."""
    if isinstance(value, bool):
        raise ValueError(f"{what} must be like '90s', '15m', '2h' or '1d', not {value!r}")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise ValueError(f"{what} must be like '90s', '15m', '2h' or '1d', not {value!r}")
        seconds = float(match.group(1)) * _UNITS[match.group(2)]
    if not 0 < seconds < math.inf:  # also refuses nan
        raise ValueError(f"{what} must be positive and finite, not {value!r}")
    return seconds


def check_http_url(url: str) -> str:
    if not isinstance(url, str):
        raise ValueError(f"not an http(s) URL: {url!r}")
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError as error:  # e.g. 'http://[::1'
        raise ValueError(f"not an http(s) URL: {url!r} ({error})") from None
    if parts.scheme not in ("http", "https") or not hostname or any(ch.isspace() for ch in parts.netloc):
        raise ValueError(f"not an http(s) URL: {url!r}")
    return url


def check_broker_url(url) -> str:
    """A Redis broker URL ([cluster] broker, --broker). The message never repeats the value: it may
    hold a password."""
    try:
        parts = urlsplit(url) if isinstance(url, str) else None
        usable = parts is not None and parts.scheme in ("redis", "rediss") and bool(parts.hostname)
    except ValueError:  # e.g. 'redis://[::1'
        usable = False
    if not usable:
        raise ValueError("must be a redis:// or rediss:// URL with a host, like redis://:PASSWORD@HOST:6379/0")
    return url


@dataclass
class Source:
    name: str
    start_urls: list[str]
    schedule: str | None = None  # crontab string
    every: float | None = None  # seconds
    timezone: str | None = None
    timeout: float = 3600.0  # seconds a whole crawl may take
    max_pages: int = 500
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    allow: list[str] = field(default_factory=list)  # regexes on the URL; when set, links must match one
    deny: list[str] = field(default_factory=list)  # regexes on the URL; matching links are skipped
    refresh: float | None = None  # seconds after which a stored article is refetched (None: never)
    since: date | None = None  # skip feed/sitemap entries, dated URLs and articles older than this
    depth_limit: int = 5
    download_delay: float | None = None  # overrides [crawler] download_delay
    profile: str | None = None  # site profile the extractor applies (scraper/extract/sites/<profile>.py)


@dataclass
class CrawlerSettings:
    user_agent: str = "newsagg/0.1 (+https://github.com/newsagg/newsagg)"
    contact: str | None = None  # URL or e-mail put in the User-Agent
    download_delay: float = 0.5
    concurrency_per_domain: int = 4
    max_page_bytes: int = 10 * 1024 * 1024
    obey_robots: bool = True
    download_timeout: float = 30.0  # seconds one response may take before it counts as an error
    extract_workers: int = 0  # >0: extract pages in that many worker processes (docs/crawling.md)


@dataclass
class EntitiesSettings:
    watchlist: str | None = None  # CSV of extra instruments (docs/config.md), relative to the config file


@dataclass
class ClusterSettings:
    """[cluster]: past one machine (docs/scaling.md). Without a broker everything runs embedded."""

    broker: str | None = None  # redis://[:PASSWORD@]HOST:PORT/DB or rediss://...; never printed whole
    heartbeat_timeout: float = 60.0  # seconds without a crawl's heartbeat before its run is interrupted
    batch_size: int = 100  # articles per message from a crawl worker to the writer
    max_held_batches: int = 100  # a crawl holds this many unsent batches while the broker is away, then fails


@dataclass
class Config:
    path: Path | None
    db_path: str = DEFAULT_DB
    sources: list[Source] = field(default_factory=list)
    crawler: CrawlerSettings = field(default_factory=CrawlerSettings)
    log_dir: str = "logs"
    entities: EntitiesSettings = field(default_factory=EntitiesSettings)
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    warnings: list[str] = field(default_factory=list)  # valid but probably not meant: shown by commands

    def source(self, name: str) -> Source:
        return find_source(self.sources, name)


def find_source(sources: list[Source], name: str) -> Source:
    for source in sources:
        if source.name == name:
            return source
    known = ", ".join(s.name for s in sources) or "none"
    raise ConfigError(f"unknown source {name!r} (known: {known})")


TABLES = ("database", "sources", "crawler", "logging", "entities", "cluster")
SOURCE_KEYS = {"name", "start_urls", "schedule", "every", "timezone", "timeout", "max_pages", "feeds",
               "sitemaps", "allow", "deny", "refresh", "since", "depth_limit", "download_delay", "profile"}
CRAWLER_KEYS = {"user_agent", "contact", "download_delay", "concurrency_per_domain", "max_page_bytes",
                "obey_robots", "download_timeout", "extract_workers"}


def resolve_config_path(cli_path: str | None) -> Path:
    return Path(cli_path or os.environ.get("NEWSAGG_CONFIG") or DEFAULT_CONFIG)


def resolve_db_path(cli_db: str | None, config: Config | None) -> str:
    return cli_db or os.environ.get("NEWSAGG_DB") or (config.db_path if config else DEFAULT_DB)


def load_config_from(cli_path: str | None, required: bool = True) -> Config:
    """The config a command uses: --config, else $NEWSAGG_CONFIG, else ./newsagg.toml. A file named
    on the command line or in the environment must exist; the default one only when `required`
    (commands that also work without a config get an empty Config)."""
    named = bool(cli_path or os.environ.get("NEWSAGG_CONFIG"))
    return load_config(resolve_config_path(cli_path), required=required or named)


def load_config(path: str | Path, required: bool = True) -> Config:
    path = Path(path)
    if not path.exists():
        if required:
            raise ConfigError(f"config file not found: {path} (use --config PATH or NEWSAGG_CONFIG)")
        return Config(path=None)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the config: {getattr(error, 'strerror', None) or error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(_toml_error_message(path, text, str(error))) from None
    return _build(data, text, path)


def _toml_error_message(path: Path, text: str, message: str) -> str:
    """tomllib says '... (at line 3, column 7)' or '(at end of document)': make it 'path:3: ...'."""
    match = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
    if match:
        return f"{path}:{match.group(1)}: {message[:match.start()]}"
    if message.endswith("(at end of document)"):
        line = max(1, len(text.splitlines()))
        return f"{path}:{line}: {message.removesuffix('(at end of document)').strip()} (at end of file)"
    return f"{path}: {message}"


class _Locator:
    """Finds the line of a key inside the Nth [[sources]] table, for error messages."""

    def __init__(self, text: str, path: Path):
        self.lines = text.splitlines()
        self.path = path
        self.source_starts = [i for i, line in enumerate(self.lines) if line.strip() == "[[sources]]"]

    def line_of(self, key: str, source_index: int | None = None, table: str | None = None) -> int | None:
        if source_index is not None and source_index < len(self.source_starts):
            start = self.source_starts[source_index]
        elif table is not None:
            start = next((i for i, line in enumerate(self.lines) if line.strip() == f"[{table}]"), 0)
        else:
            start = 0
        for i in range(start, len(self.lines)):
            if i > start and self.lines[i].lstrip().startswith("["):
                break
            if re.match(rf"\s*{re.escape(key)}\s*=", self.lines[i]):
                return i + 1
        return start + 1 if source_index is not None or table else None

    def error(self, message: str, key: str, source_index: int | None = None,
              table: str | None = None) -> ConfigError:
        line = self.line_of(key, source_index, table)
        where = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{where}: {message}")


def _build(data: dict, text: str, path: Path) -> Config:
    locate = _Locator(text, path)
    config = Config(path=path)
    for key, value in data.items():
        if key not in TABLES:
            raise locate.error(f"unknown top-level key {key!r}", key)
        if key != "sources" and not isinstance(value, dict):
            raise locate.error(f"{key} must be a table: [{key}]", key)
    config.db_path = _build_path(data.get("database", {}), "database", "path", locate) or config.db_path
    config.log_dir = _build_path(data.get("logging", {}), "logging", "dir", locate) or config.log_dir
    config.crawler = _build_crawler(data.get("crawler", {}), locate)
    config.entities = _build_entities(data.get("entities", {}), locate, path)
    config.cluster = _build_cluster(data.get("cluster", {}), locate)
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(source, dict) for source in sources):
        raise locate.error("sources must be written as [[sources]] tables", "sources")
    seen: set[str] = set()
    for index, raw in enumerate(sources):
        source = _build_source(raw, index, locate, config.warnings)
        if source.name in seen:
            raise locate.error(f"duplicate source name {source.name!r}", "name", index)
        seen.add(source.name)
        config.sources.append(source)
    return config


def _build_path(raw: dict, table: str, only_key: str, locate: _Locator) -> str | None:
    """[database] path, [logging] dir: a table of one key, a non-empty string."""
    for key, value in raw.items():
        if key != only_key:
            raise locate.error(f"unknown [{table}] key {key!r} (known: {only_key})", key, table=table)
        if not isinstance(value, str) or not value:
            raise locate.error(f"[{table}] {key} must be a non-empty string", key, table=table)
    return raw.get(only_key)


def _build_crawler(raw: dict, locate: _Locator) -> CrawlerSettings:
    crawler = CrawlerSettings()
    for key, value in raw.items():
        if key not in CRAWLER_KEYS:
            raise locate.error(f"unknown [crawler] key {key!r}", key, table="crawler")
        expected = type(getattr(crawler, key)) if getattr(crawler, key) is not None else str
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (isinstance(value, int | float) and not 0 <= value < math.inf):
            raise locate.error(f"[crawler] {key} must be a {expected.__name__}, got {value!r}", key,
                               table="crawler")
        setattr(crawler, key, value)
    return crawler


def _build_entities(raw: dict, locate: _Locator, path: Path) -> EntitiesSettings:
    entities = EntitiesSettings()
    for key, value in raw.items():
        if key != "watchlist":
            raise locate.error(f"unknown [entities] key {key!r} (known: watchlist)", key, table="entities")
        if not isinstance(value, str) or not value:
            raise locate.error(f"[entities] watchlist must be a file name, got {value!r}", key, table="entities")
        watchlist = (path.parent / value).resolve()
        if not watchlist.is_file():
            raise locate.error(f"[entities] watchlist file not found: {watchlist}", key, table="entities")
        entities.watchlist = str(watchlist)
    return entities


def _build_cluster(raw: dict, locate: _Locator) -> ClusterSettings:
    cluster = ClusterSettings()
    for key, value in raw.items():
        def fail(message: str, key: str = key) -> ConfigError:
            return locate.error(f"[cluster] {key} {message}", key, table="cluster")

        if key == "broker":
            try:
                cluster.broker = check_broker_url(value)
            except ValueError as error:
                raise fail(str(error)) from None
        elif key == "heartbeat_timeout":
            try:
                cluster.heartbeat_timeout = parse_duration(value, "heartbeat_timeout")
            except ValueError as error:
                raise fail(str(error).removeprefix("heartbeat_timeout ")) from None
        elif key in ("batch_size", "max_held_batches"):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise fail(f"must be a positive integer, got {value!r}")
            setattr(cluster, key, value)
        else:
            raise fail("is not a key (known: broker, heartbeat_timeout, batch_size, max_held_batches)")
    return cluster


def _build_source(raw: dict, index: int, locate: _Locator, warnings: list[str]) -> Source:
    def fail(message: str, key: str) -> ConfigError:
        label = raw.get("name") if isinstance(raw.get("name"), str) else f"#{index + 1}"
        return locate.error(f"source {label}: {message}", key, index)

    for key in raw:
        if key not in SOURCE_KEYS:
            return_error = fail(f"unknown key {key!r} (known: {', '.join(sorted(SOURCE_KEYS))})", key)
            raise return_error
    name = raw.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", name or ""):
        raise fail("name must be letters, digits, '.', '_' or '-'", "name")
    start_urls = raw.get("start_urls")
    if isinstance(start_urls, str):
        start_urls = [start_urls]
    if not isinstance(start_urls, list) or not start_urls:
        raise fail("start_urls must be a non-empty list of URLs", "start_urls")
    source = Source(name=name, start_urls=[])
    for key in ("start_urls", "feeds", "sitemaps"):
        values = raw.get(key, [])
        values = [values] if isinstance(values, str) else values
        if not isinstance(values, list):
            raise fail(f"{key} must be a list of http(s) URLs", key)
        try:
            setattr(source, key, [check_http_url(v) for v in values])
        except (ValueError, TypeError, AttributeError) as error:
            raise fail(str(error), key) from None
    for key in ("allow", "deny"):
        patterns = raw.get(key, [])
        patterns = [patterns] if isinstance(patterns, str) else patterns
        if not isinstance(patterns, list):
            raise fail(f"{key} must be a list of regexes", key)
        for pattern in patterns:
            try:
                re.compile(pattern)
            except (re.error, TypeError) as error:
                raise fail(f"{key} pattern {pattern!r} is not a valid regex: {error}", key) from None
        setattr(source, key, list(patterns))
    if "schedule" in raw and "every" in raw:
        raise fail("give either schedule (crontab) or every (interval), not both", "every")
    if "timezone" in raw:  # before the crontab, which is read in this timezone
        source.timezone = _check_timezone(raw["timezone"], fail)
    if "schedule" in raw:
        source.schedule = _check_crontab(raw["schedule"], source.timezone, fail)
    try:
        if "every" in raw:
            source.every = parse_duration(raw["every"], "every")
        if "timeout" in raw:
            source.timeout = parse_duration(raw["timeout"], "timeout")
        if "refresh" in raw:
            source.refresh = parse_duration(raw["refresh"], "refresh")
    except ValueError as error:
        key = next(k for k in ("every", "timeout", "refresh") if k in str(error)) if str(error) else "every"
        raise fail(str(error), key) from None
    for key in ("every", "timeout", "refresh"):
        value = raw.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and value < BARE_SECONDS_WARNING:
            warnings.append(str(fail(f"{key} = {value} means {value:g} seconds (a bare number is seconds); "
                                     f"write '{value:g}s' if you mean it, or '{value:g}m', '{value:g}h'", key)))
    for key in ("max_pages", "depth_limit"):
        if key in raw:
            value = raw[key]
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise fail(f"{key} must be a positive integer, got {value!r}", key)
            setattr(source, key, value)
    if "download_delay" in raw:
        value = raw["download_delay"]
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise fail(f"download_delay must be a number of seconds, got {value!r}", "download_delay")
        source.download_delay = float(value)
    if "since" in raw:
        source.since = _check_since(raw["since"], fail)
    if "profile" in raw:
        source.profile = _check_profile(raw["profile"], fail)
    return source


# Site profiles belong to the extractor (scraper/extract/sites/), which registers their names here
# when it is imported (every `newsagg` command does), so an unknown name fails at load, with its line.
_profile_names: Callable[[], Iterable[str]] | None = None


def register_profile_names(names: Callable[[], Iterable[str]]) -> None:
    global _profile_names
    _profile_names = names


def _check_profile(value, fail) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise fail(f"profile must be a site profile's name like 'demo', got {value!r}", "profile")
    known = sorted(_profile_names()) if _profile_names is not None else None
    if known is not None and value not in known:
        raise fail(f"unknown profile {value!r} (known: {', '.join(known) or 'none'})", "profile")
    return value


def _check_crontab(value, timezone, fail) -> str:
    from apscheduler.triggers.cron import CronTrigger

    if not isinstance(value, str):
        raise fail(f"schedule must be a crontab string like '*/15 * * * *', got {value!r}", "schedule")
    try:
        CronTrigger.from_crontab(value, timezone=timezone)
    except (ValueError, TypeError, LookupError) as error:
        raise fail(f"schedule {value!r} is not a valid crontab expression: {error}", "schedule") from None
    return value


def _check_timezone(value, fail) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise fail(f"unknown timezone {value!r} (use an IANA name like 'Europe/Paris')", "timezone") from None
    return value


def _check_since(value, fail) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise fail(f"since must be a date like 2025-01-31, got {value!r}", "since")


def adhoc_source(urls: list[str], max_pages: int = 500, timeout: float = 3600.0) -> Source:
    """The source of `newsagg crawl --url URL ...`: named after the first URL's host."""
    for url in urls:
        try:
            check_http_url(url)
        except ValueError as error:
            raise NewsaggError(str(error)) from None
    host = urlsplit(urls[0]).hostname or "adhoc"
    return Source(name=host, start_urls=list(urls), max_pages=max_pages, timeout=timeout)
