"""The operator's watchlist: its instruments are tagged; a bad line is an error naming the line,
and nothing of the file is loaded."""

from __future__ import annotations

import pytest

from core.config import ConfigError, load_config
from instruments import WatchlistError, default_recogniser, use_watchlist


@pytest.fixture(autouse=True)
def default_dictionary_afterwards():
    yield
    use_watchlist(None)


def test_watchlist_instruments_are_tagged(tmp_path):
    watchlist = tmp_path / "watchlist.csv"
    watchlist.write_text("symbol,exchange,name,aliases\nQZX,HOSE,Quang Zen Xanh,QZ Group|Tập đoàn QZ\n",
                         encoding="utf-8")
    recogniser = use_watchlist(watchlist)
    [tag] = recogniser.tags("", "Tập đoàn QZ and QZ Group said profits rose.", "vi")
    assert (tag.instrument.symbol, tag.instrument.exchange, tag.instrument.name, tag.mentions) == \
        ("QZX", "HOSE", "Quang Zen Xanh", 2)


@pytest.mark.parametrize(("line", "message"), [
    ("QZX,HOSE,,", "name is empty"),
    ("QZX,HOSE,Quang Zen,,stock,VN0000000001", "not a valid ISIN"),
    ("QZX,HOSE,Quang Zen,,bond", "kind must be one of"),
    ("QZX,HOSE,Quang Zen,a,b,c,d,e,f", "fields, the header has"),
    ("QZX,HOSE,Quang Zen,Old Zen [until 2019-13-01]", "the date of alias 'Old Zen' must be a date"),
    ("QZX,HOSE,Quang Zen,,stock,,2005-01-01|2020-01-01,2010-01-01", "must list as many periods (2 and 1)"),
    ("QZX,HOSE,Quang Zen,,stock,,2005-01-01|2008-01-01,2010-01-01|", "must run forwards"),
    ("QZX,HOSE,Quang Zen,,stock,,2010-01-01,2005-01-01", "must run forwards"),
    ("QZX,HOSE,Quang Zen,,stock,,2005-01-01|,2010-01-01|", "must run forwards"),  # a second period from when?
    ("QZX,HOSE,Quang Zen,,stock,,2005-01-01|2008-01-01,|", "must run forwards"),  # the first never ended
    ("QZX,HOSE,Quang Zen,,stock,,2005-01-01|2020-02-30,2010-01-01|", "listed_from must be a date"),
])
def test_a_bad_line_names_its_line_and_loads_nothing(tmp_path, line, message):
    before = default_recogniser()
    watchlist = tmp_path / "watchlist.csv"
    watchlist.write_text("# my list\nsymbol,exchange,name,aliases,kind,isin,listed_from,listed_until\nGOODX,HOSE,Good Name,\n" + line + "\n",
                         encoding="utf-8")
    with pytest.raises(WatchlistError) as raised:
        use_watchlist(watchlist)
    assert f"{watchlist.resolve()}:4: " in str(raised.value) and message in str(raised.value)
    assert default_recogniser() is before  # the previous dictionary stays; GOODX was not half-loaded
    assert before.tags("", "Good Name rose.") == []


def test_config_entities_section(tmp_path):
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "watchlist.csv").write_text("symbol,name\nQZX,Quang Zen\n", encoding="utf-8")
    config = tmp_path / "newsagg.toml"
    config.write_text('[entities]\nwatchlist = "lists/watchlist.csv"\n')
    assert load_config(config).entities.watchlist == str((tmp_path / "lists" / "watchlist.csv").resolve())
    config.write_text('\n[entities]\nwatchlist = "missing.csv"\n')
    with pytest.raises(ConfigError, match=r"newsagg.toml:3: \[entities\] watchlist file not found"):
        load_config(config)
    config.write_text('[entities]\nlist = "x.csv"\n')
    with pytest.raises(ConfigError, match=r"newsagg.toml:2: unknown \[entities\] key 'list'"):
        load_config(config)


def test_a_former_name_means_the_company_only_until_its_date(tmp_path):
    watchlist = tmp_path / "watchlist.csv"
    watchlist.write_text("symbol,exchange,name,aliases\n"
                         "QZX,HOSE,Quang Zen Xanh,Old Zenith [until 2020-01-01]\n"
                         "QZN,HOSE,Old Zenith Foods,Old Zenith [from 2021-06-01]\n", encoding="utf-8")
    recogniser = use_watchlist(watchlist)

    def symbols(published):
        return [tag.instrument.symbol for tag in recogniser.tags("", "Old Zenith said profits rose.", "en", published)]

    assert symbols("2019-05-01") == ["QZX"]
    assert symbols("2022-05-01") == ["QZN"]
    assert symbols("2020-06-01") == []  # between the two: neither company was called so


def test_a_former_name_s_dates_hold_for_its_accentless_spelling(tmp_path):
    watchlist = tmp_path / "watchlist.csv"
    watchlist.write_text("symbol,exchange,name,aliases\nQZX,HOSE,Quang Zen Xanh,Hòa Zenith [until 2020-01-01]\n",
                         encoding="utf-8")
    recogniser = use_watchlist(watchlist)
    assert [tag.instrument.symbol for tag in recogniser.tags("", "Hoa Zenith rose.", "en", "2019-01-01")] == ["QZX"]
    assert recogniser.tags("", "Hoa Zenith rose.", "en", "2021-01-01") == []


def test_a_company_listed_twice_is_not_a_listing_between_its_periods(tmp_path):
    watchlist = tmp_path / "watchlist.csv"
    watchlist.write_text("symbol,exchange,name,aliases,kind,isin,listed_from,listed_until\n"
                         "QZX,HOSE,Quang Zen Xanh,,stock,,2005-05-11|2020-06-03,2011-07-20|\n", encoding="utf-8")
    recogniser = use_watchlist(watchlist)

    def symbols(published, modified=None):
        return [tag.instrument.symbol
                for tag in recogniser.tags("", "Quang Zen Xanh said profits rose.", "en", published, modified)]

    assert symbols("2008-01-01") == ["QZX"]
    assert symbols("2015-01-01") == []  # taken private in between
    assert symbols("2015-01-01", "2021-01-01") == ["QZX"]  # updated after its second listing
    assert symbols("2024-01-01") == ["QZX"]
    assert symbols("2004-01-01") == []
