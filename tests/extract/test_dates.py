"""parse_date: the project's one date parser, on every format the extractor meets."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from scraper.extract.dates import parse_date

FETCHED = datetime(2025, 10, 20, 12, 0, tzinfo=timezone(timedelta(hours=2)))


@pytest.mark.parametrize(("text", "expected"), [
    ("2025-01-27T09:30:00+09:00", "2025-01-27T09:30:00+09:00"),
    ("2024-05-03T15:47:42.389Z", "2024-05-03T15:47:42+00:00"),
    ("2023-04-28T18:16:04+0200", "2023-04-28T18:16:04+02:00"),
    ("2023-04-28 18:16", "2023-04-28T18:16:00"),
    ("2023-04-28", "2023-04-28"),
    ("Published 2023-04-28T10:00:00-05:00 by Jane", "2023-04-28T10:00:00-05:00"),
])
def test_iso_forms_keep_their_offset(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("28. April 2023", "2023-04-28"),  # de
    ("28. April 2023, 14:05 Uhr", "2023-04-28T14:05:00"),
    ("18 tháng 10 2025", "2025-10-18"),  # vi
    ("Thứ bảy, 18/10/2025, 07:00 (GMT+7)", "2025-10-18T07:00:00+07:00"),
    ("2025年1月27日 9:30", "2025-01-27T09:30:00"),  # ja
    ("2025년 1월 27일", "2025-01-27"),  # ko
    ("2026.01.29 18:40", "2026-01-29T18:40:00"),
    ("le 3 mars 2024 à 10h15", "2024-03-03T10:15:00"),  # fr
    ("14 de febrero de 2024", "2024-02-14"),  # es
    ("5 maggio 2024", "2024-05-05"),  # it
    ("March 5th, 2024 at 3:45 pm EST", "2024-03-05T15:45:00-05:00"),  # en, zone abbreviation
    ("Jan. 12, 2024", "2024-01-12"),
    ("28.04.2023", "2023-04-28"),
    ("05.04.2025", "2025-04-05"),  # ambiguous and bare (no time after it): day first, no dateparser
    ("05.04.2025 - Güncelleme : 05.04.2025", "2025-04-05"),
    ("04/28/2023", "2023-04-28"),  # month first only when the day cannot be a month
    ("5 Nisan 2025", "2025-04-05"),  # tr
])
def test_visible_formats_in_many_languages(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("3 hours ago", "2025-10-20T09:00:00+02:00"),
    ("vor 2 Tagen", "2025-10-18T12:00:00+02:00"),
    ("il y a 30 minutes", "2025-10-20T11:30:00+02:00"),
    ("hace 1 hora", "2025-10-20T11:00:00+02:00"),
    ("5 giờ trước", "2025-10-20T07:00:00+02:00"),
    ("3時間前", "2025-10-20T09:00:00+02:00"),
    ("yesterday", "2025-10-19"),
])
def test_relative_dates_count_back_from_the_fetch_time(text, expected):
    assert parse_date(text, relative_base=FETCHED) == expected


def test_dateparser_fallback_for_forms_without_a_fast_path():
    assert parse_date("Mittwoch, 3 Apr. 2024", languages=["de"]) == "2024-04-03"


@pytest.mark.parametrize("text", [None, "", "   ", "no date here", "1850-01-01", "x" * 500, "99/99/9999",
                                  "08:00", "03:07 Min.", "7 min", "May 2024", "Dec 6", "2024"])
def test_non_dates_give_none(text):
    """A bare time, a reading time, a month or a year is not a calendar day: never "today"."""
    assert parse_date(text) is None
    assert parse_date(text, relative_base=FETCHED) is None


def test_fast_mode_reads_only_what_the_regex_paths_read():
    # A heading or byline line is tested for being a date without dateparser's cost.
    assert parse_date("Tuesday 3 Mar. 2021", fast=True) == "2021-03-03"
    assert parse_date("3 березня 2021") == "2021-03-03"  # dateparser reads Ukrainian month names
    assert parse_date("3 березня 2021", fast=True) is None
