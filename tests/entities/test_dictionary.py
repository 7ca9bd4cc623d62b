"""How the dictionary is put together: written lists, generated supplements, names nobody shares."""

from __future__ import annotations

from instruments.dictionary import Dictionary, merge_rows, supplement_rows
from instruments.listing_file import parse_listing_text
from instruments.recognise import Recogniser

HEADER = "symbol,exchange,name,aliases\n"


def _entries(written: str, generated: str) -> list:
    entries: list = []
    merge_rows(entries, parse_listing_text(HEADER + written, "written.csv"))
    supplement_rows(entries, parse_listing_text(HEADER + generated, "generated.csv"))
    return entries


def _symbols(entries, text: str) -> set[str]:
    return {tag.instrument.symbol for tag in Recogniser(Dictionary(entries)).tags("", text, "en")}


def test_a_generated_row_of_a_known_company_adds_only_names_nobody_has():
    entries = _entries("STX,NASDAQ,Seagate Technology,\nSEA,NYSE,Seagull Corp,Seagull\n",
                       "STX,NASDAQ,Seagate Technology Holdings plc,Seagate|Seagull\n")
    assert len(entries) == 2
    assert {"Seagate", "Seagate Technology"} <= entries[0].names and "Seagull" not in entries[0].names
    assert _symbols(entries, "Seagate ships 20TB drives; Seagull flies.") == {"STX", "SEA"}


def test_a_generated_row_under_a_ticker_another_company_had_adds_nothing():
    entries = _entries("WB,NYSE,Wachovia,\n", "WB,NASDAQ,Weibo Corp,Weibo\n")
    assert len(entries) == 1 and "Weibo" not in entries[0].names


def test_a_generated_row_named_like_a_known_company_is_another_of_its_listings():
    entries = _entries("NOVN,SIX,Novartis AG,Novartis\n", "NVS,NYSE,Novartis AG,Novartis\n")
    assert len(entries) == 1 and ("NVS", "NYSE") in entries[0].listings


def test_a_generated_name_another_company_has_is_left_out():
    entries = _entries("DLB,NYSE,Dolby Laboratories,Dolby\n", "DOLB,NASDAQ,Acme Sound Holdings Inc,Dolby\n")
    assert len(entries) == 2 and "Dolby" not in entries[1].names
    assert _symbols(entries, "Dolby said so.") == {"DLB"}


def test_a_cued_company_name_needs_a_company_cue_or_another_mention():
    entries = _entries("", "KGS,NYSE,Kodiak Gas Services Inc,Kodiak Gas Services|?Kodiak\n")
    assert _symbols(entries, "A Kodiak bear crossed the road.") == set()
    assert _symbols(entries, "Kodiak shares rose.") == {"KGS"}
    assert _symbols(entries, "Kodiak Gas Services reported; Kodiak rose.") == {"KGS"}
