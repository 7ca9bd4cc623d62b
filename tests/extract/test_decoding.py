"""Bytes -> text at the extraction entry: binary data refused, the right charset found, deep pages read."""

from __future__ import annotations

import gzip
import json
import random
import sys

import pytest

from core.errors import ExtractionError
from scraper.extract import extract
from scraper.extract.decoding import decode_html
from tests.helpers import newsagg

ARTICLE = ("<html><head><title>{title}</title><meta property='og:type' content='article'></head><body>"
           "<article><h1>{title}</h1>{paragraphs}</article></body></html>")
RUSSIAN = "Рынки акций выросли после того, как центральный банк снизил ставку; инвесторы ждут данных."


def page(title: str = "Rates", text: str = "Bond yields rose as traders priced in fewer cuts.") -> str:
    return ARTICLE.format(title=title, paragraphs=f"<p>{text}</p>" * 8)


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
    (b"\x7fELF\x02\x01\x01\x00" + bytes(64), "ELF executable"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"GIF89a\x01\x00\x01\x00", "GIF image"),
    (gzip.compress(page().encode()), "gzip data"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
])
def test_binary_formats_are_refused_by_their_magic_number(data, kind):
    with pytest.raises(ExtractionError, match=f"binary content \\({kind}"):
        decode_html(data, "utf-8")


def test_random_bytes_are_refused_by_their_control_bytes():
    with pytest.raises(ExtractionError, match="binary content \\(control bytes"):
        decode_html(random.Random(1).randbytes(20_000), "utf-8")


def test_a_page_with_a_stray_nul_is_still_a_page():
    html = page(text="Bond yields rose \x00 sharply as traders priced in fewer cuts.")
    assert extract(html.encode(), "https://x.test/a").title == "Rates"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_pages_are_text_not_binary(encoding):
    html = page(title="Café €")
    assert decode_html(html.encode(encoding)) == html
    assert decode_html(html.encode(encoding), "utf-16") == html


def test_the_extract_command_refuses_an_executable_with_exit_1():
    proc = newsagg("extract", sys.executable)  # an ELF (Linux) or Mach-O (macOS) file
    assert proc.returncode == 1
    record = json.loads(proc.stdout)
    assert "binary content" in record["error"] and "not an HTML page" in record["error"]


@pytest.mark.parametrize("label", [None, "utf-8", "iso-8859-1", "windows-1252"])
def test_a_cyrillic_page_is_read_as_cyrillic_whatever_its_latin_or_utf8_label(label):
    html = page(title="Рынки", text=RUSSIAN)
    assert decode_html(html.encode("cp1251"), label) == html


@pytest.mark.parametrize("label", [None, "utf-8", "iso-8859-1", "windows-1251"])
def test_a_utf8_page_is_read_as_utf8_whatever_its_single_byte_label(label):
    html = page(title="Рынки", text=RUSSIAN + " Café, déjà vu, €.")
    assert decode_html(html.encode("utf-8"), label) == html


@pytest.mark.parametrize("label", [None, "utf-8", "iso-8859-1"])
def test_an_unlabelled_western_page_is_windows_1252(label):
    html = page(title="Café", text="Café owners in Zürich say the euro (€) déjà vu rally is “unusual”.")
    assert decode_html(html.encode("cp1252"), label) == html


def test_a_utf8_page_with_a_few_broken_bytes_stays_utf8():
    html = page(title="Börse", text="Die Größe der Märkte überraschte Händler, sagt die Börse.")
    data = html.encode("utf-8").replace(b"</title>", b"\xff</title>", 1)
    text = decode_html(data, "iso-8859-1")
    assert "Die Größe der Märkte überraschte Händler" in text and "\ufffd" in text


def test_bytes_no_charset_reads_cleanly_are_an_error():
    html = page(title="Рынки", text=RUSSIAN)
    half = len(html) // 2
    mixed = html[:half].encode("utf-8") + html[half:].encode("cp1251")  # half UTF-8, half windows-1251
    with pytest.raises(ExtractionError, match="cannot decode the page \\(declared utf-8\\)"):
        decode_html(mixed, "utf-8")


@pytest.mark.parametrize("levels", [300, 2_000, 5_000])
def test_an_article_inside_thousands_of_nested_divs_survives(levels):
    body = "<p>Markets rallied as traders priced in cuts, and bond yields fell across the curve.</p>" * 10
    html = (f"<html><head><title>Deep</title><meta property='og:type' content='article'></head><body>"
            f"{'<div class=wrap>' * levels}<article><h1>Deep</h1>{body}</article>{'</div>' * levels}</body></html>")
    article = extract(html.encode(), "https://x.test/news/deep")
    assert article.is_article and "bond yields fell across the curve" in article.body
