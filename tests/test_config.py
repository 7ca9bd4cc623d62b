"""The config file: valid configs load; every mistake names its file, line and key."""

from __future__ import annotations

from datetime import date

import pytest

import scraper.extract.sites  # noqa: F401  (registers the site profile names the config checks)
from core.config import ConfigError, load_config, parse_duration

VALID = """
[database]
path = "data/x.db"

[crawler]
contact = "https://example.org/contact"
download_delay = 1

[[sources]]
name = "infofinance-en"
start_urls = ["https://infofinance.com/en/"]
every = "15m"
timeout = "10m"
max_pages = 200
since = 2025-01-01

[[sources]]
name = "cron-source"
start_urls = "https://example.com/news/"
schedule = "*/30 6-22 * * 1-5"
timezone = "Europe/Paris"
deny = ["/tag/"]
profile = "demo"
"""


def write(tmp_path, text: str):
    path = tmp_path / "newsagg.toml"
    path.write_text(text)
    return path


def test_valid_config_loads_every_key(tmp_path):
    config = load_config(write(tmp_path, VALID))
    assert config.db_path == "data/x.db"
    assert config.crawler.contact == "https://example.org/contact"
    assert config.crawler.download_delay == 1.0
    first, second = config.sources
    assert (first.name, first.every, first.timeout, first.max_pages) == ("infofinance-en", 900, 600, 200)
    assert first.since == date(2025, 1, 1)
    assert second.start_urls == ["https://example.com/news/"]
    assert (second.schedule, second.timezone, second.deny) == ("*/30 6-22 * * 1-5", "Europe/Paris", ["/tag/"])
    assert (first.profile, second.profile) == (None, "demo")


@pytest.mark.parametrize("bad_line, expected", [
    ('every = "15 minutes"', "every must be like"),
    ('schedule = "99 * * * *"', "not a valid crontab"),
    ('max_pages = 0', "max_pages must be a positive integer"),
    ('start_urls = ["ftp://example.com/"]', "not an http(s) URL"),
    ('colour = "blue"', "unknown key 'colour'"),
    ('timezone = "Mars/Olympus"', "unknown timezone"),
    ('deny = ["(unclosed"]', "not a valid regex"),
    ('since = "last tuesday"', "since must be a date"),
    ('profile = "nope"', "unknown profile 'nope' (known: demo"),
    ('profile = 3', "profile must be a site profile's name"),
    ('deny = 5', "deny must be a list of regexes"),
    ('feeds = 5', "feeds must be a list of http(s) URLs"),
    ('start_urls = [5]', "not an http(s) URL: 5"),
    ('every = nan', "every must be positive and finite"),
    ('timeout = inf', "timeout must be positive and finite"),
])
def test_each_mistake_names_the_line(tmp_path, bad_line, expected):
    text = '[[sources]]\nname = "a"\nstart_urls = ["https://a.example/"]\n\n[[sources]]\nname = "b"\n'
    key = bad_line.split(" =")[0]
    if key != "start_urls":
        text += 'start_urls = ["https://b.example/"]\n'
    text += bad_line + "\n"
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    line = text.splitlines().index(bad_line) + 1
    assert str(error.value).startswith(f"{path}:{line}: source b: ")
    assert expected in str(error.value)


@pytest.mark.parametrize("text, line, expected", [
    ('[database]\npth = "elsewhere.db"\n', 2, "unknown [database] key 'pth' (known: path)"),
    ('[logging]\ndirectory = "/var/log/newsagg"\n', 2, "unknown [logging] key 'directory' (known: dir)"),
    ('[logging]\ndir = 5\n', 2, "[logging] dir must be a non-empty string"),
    ('logging = "logs"\n', 1, "logging must be a table: [logging]"),
    ('\ndatabase = 3\n', 2, "database must be a table: [database]"),
    ('crawler = "polite"\n', 1, "crawler must be a table: [crawler]"),
    ('cluster = "redis://:s3cret@h/0"\n', 1, "cluster must be a table: [cluster]"),
    ('entities = []\n', 1, "entities must be a table: [entities]"),
    ('sources = [1]\n', 1, "sources must be written as [[sources]] tables"),
    ('[crawler]\ndownload_delay = nan\n', 2, "[crawler] download_delay must be a float, got nan"),
])
def test_each_table_mistake_names_the_line(tmp_path, text, line, expected):
    """A key misspelt in a table is refused like one in [[sources]]: `[database] pth` would write
    the articles into data/news.db without a word."""
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value) == f"{path}:{line}: {expected}"


def test_toml_syntax_error_gives_the_line(tmp_path):
    path = write(tmp_path, '[[sources]]\nname = "a"\nstart_urls = ["https://a.example/"\n')
    with pytest.raises(ConfigError, match=rf"^{path}:3: Unclosed array"):
        load_config(path)
    path = write(tmp_path, '[[sources]]\nname = "a"\nname = "b"\n')
    with pytest.raises(ConfigError, match=rf"^{path}:3: "):
        load_config(path)


def test_duplicate_names_and_both_schedules_are_refused(tmp_path):
    twice = '[[sources]]\nname = "a"\nstart_urls = ["https://a.example/"]\n' * 2
    with pytest.raises(ConfigError, match="duplicate source name"):
        load_config(write(tmp_path, twice))
    both = '[[sources]]\nname = "a"\nstart_urls = ["https://a.example/"]\nevery = "1h"\nschedule = "0 * * * *"\n'
    with pytest.raises(ConfigError, match="either schedule"):
        load_config(write(tmp_path, both))


def test_unknown_source_lists_the_known_ones(tmp_path):
    config = load_config(write(tmp_path, VALID))
    with pytest.raises(ConfigError, match="unknown source 'nope' .known: infofinance-en, cron-source"):
        config.source("nope")


@pytest.mark.parametrize("text, seconds", [("90s", 90), ("15m", 900), ("2h", 7200), ("1d", 86400), (30, 30)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


def test_shipped_config_is_valid():
    from tests.helpers import REPO

    config = load_config(REPO / "newsagg.toml")
    assert config.sources[0].name == "infofinance-en"
    assert config.sources[0].start_urls == ["https://infofinance.com/en/"]


def test_a_bad_timezone_is_blamed_not_the_crontab(tmp_path):
    text = '[[sources]]\nname = "a"\nstart_urls = ["https://a.example/"]\nschedule = "0 9 * * 1-5"\ntimezone = "Europe/Pariss"\n'
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, text))
    assert str(error.value).startswith(f"{tmp_path / 'newsagg.toml'}:5: source a: unknown timezone 'Europe/Pariss'")


@pytest.mark.parametrize("line, warned", [("every = 5", True), ("timeout = 30", True), ("every = 300", False),
                                          ('every = "5s"', False), ('every = "5m"', False)])
def test_a_bare_number_of_seconds_below_a_minute_is_a_warning(tmp_path, line, warned):
    text = f'[[sources]]\nname = "a"\nstart_urls = ["https://a.example/"]\n{line}\n'
    config = load_config(write(tmp_path, text))
    if warned:
        [warning] = config.warnings
        assert warning.startswith(f"{tmp_path / 'newsagg.toml'}:4: source a: {line} means ")
    else:
        assert config.warnings == []


def test_a_config_named_in_the_environment_must_exist(tmp_path, monkeypatch):
    from core.config import load_config_from

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSAGG_CONFIG", raising=False)
    assert load_config_from(None, required=False).path is None  # no ./newsagg.toml: fine when optional
    monkeypatch.setenv("NEWSAGG_CONFIG", str(tmp_path / "gone.toml"))
    with pytest.raises(ConfigError, match="config file not found"):
        load_config_from(None, required=False)


def test_an_unreadable_config_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read the config"):
        load_config(tmp_path)  # a folder
    binary = tmp_path / "x.toml"
    binary.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(ConfigError, match="cannot read the config"):
        load_config(binary)
