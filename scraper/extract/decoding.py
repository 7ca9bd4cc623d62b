"""Bytes -> text, the extraction entry: refuse binary data, then find the charset that reads the page.

Both the crawler and `newsagg extract` come through `decode_html` (Document.parse), so a PDF served
as text/html and `newsagg extract /bin/ls` fail the same way, with an ExtractionError.

Charsets, in order (docs/crawling.md, "Hostile sites"):
1. a byte-order mark;
2. the labels: the transport's charset (Content-Type), then the page's <meta charset>;
3. UTF-8; then UTF-8 with its few broken bytes replaced, when nearly all of the page is UTF-8;
4. windows-1252, the web's default for unlabelled Western pages;
5. the charset charset-normalizer detects.
A single-byte charset (Latin, Cyrillic, ...) decodes any bytes without an error, so it is kept
only when the text it gives is not mojibake: bytes that are mostly UTF-8 sequences (a Latin label
on a UTF-8 page), or runs of accented Latin letters (a Cyrillic page read as Latin). When nothing
reads the page cleanly, it is an error rather than stored mojibake.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from functools import cache, lru_cache, partial

from core.errors import ExtractionError

SNIFF_BYTES = 65_536  # binary data shows itself in the first 64 KB
MAX_CONTROL_SHARE = 0.02  # real pages have next to no C0 control bytes; random or compressed data ~11%
MAGIC_NUMBERS: list[tuple[bytes, str]] = [
    (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"), (b"\x1f\x8b", "gzip data"),
    (b"\xfd7zXZ\x00", "xz data"), (b"\x28\xb5\x2f\xfd", "zstd data"), (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"), (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"), (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon"), (b"wOFF", "web font"), (b"wOF2", "web font"), (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"), (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"), (b"\x7fELF", "ELF executable"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"), (b"\xca\xfe\xba\xbe", "Mach-O or Java class file"),
    (b"\x00asm", "WebAssembly module"), (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
]
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")  # not \t \n \f \r, nor ESC (ISO-2022)
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_NON_ASCII_CHAR = re.compile(r"[^\x00-\x7f]")
_LATIN_LETTER_RUN = re.compile(r"[\u00c0-\u00ff]{3,}")  # "Ðûíêè": Cyrillic or Greek read as Latin
MOSTLY_UTF8 = 0.95  # share of non-ASCII bytes in valid UTF-8 sequences: a UTF-8 page with a few bad bytes
MOJIBAKE_SHARE = 0.2  # above this share of non-ASCII bytes/characters, a single-byte reading is mojibake


def decode_html(data: bytes | str, declared_encoding: str | None = None) -> str:
    """The page's text. Raises ExtractionError for binary data or bytes no charset reads cleanly."""
    if isinstance(data, str):
        return data
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    wide = _looks_wide(data)
    if wide:  # UTF-16 without a byte-order mark: the NULs say which end comes first
        labels = ["utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"]
    else:  # a UTF-16 label on 8-bit bytes is wrong
        labels = [label for label in (declared_encoding, _meta_charset(data))
                  if label and _known(label) and not _is_wide(label)]
    sniff_binary(data, control_bytes=not wide)
    utf8_share = cache(partial(_utf8_share, data))
    for encoding in [*labels, "utf-8"]:
        text = _strictly(data, encoding)
        if text is not None and not _mojibake(encoding, text, utf8_share):
            return text
    if utf8_share() >= MOSTLY_UTF8:
        return data.decode("utf-8", errors="replace")
    for encoding in ("cp1252", _detected(data)):
        text = _strictly(data, encoding) if encoding else None
        if text is not None and not _mojibake(encoding, text, utf8_share):
            return text
    said = f"declared {labels[0]}" if labels else "no charset declared"
    raise ExtractionError(f"cannot decode the page ({said}): no charset reads it without mojibake")


def sniff_binary(data: bytes, control_bytes: bool = True) -> None:
    """Raise ExtractionError when the bytes are a known binary format or full of control bytes."""
    for magic, kind in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise ExtractionError(f"binary content ({kind}), not an HTML page")
    sample = data[:SNIFF_BYTES]
    if control_bytes and sample and len(_CONTROL_BYTES.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
        raise ExtractionError("binary content (control bytes throughout), not an HTML page")


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _strictly(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(_normalise_encoding(encoding))
    except (LookupError, UnicodeDecodeError):
        return None


def _mojibake(encoding: str, text: str, utf8_share: Callable[[], float]) -> bool:
    """A single-byte charset read what are UTF-8 sequences, or letters of another alphabet."""
    if not _single_byte(_normalise_encoding(encoding)):
        return False  # a multi-byte charset that decodes strictly is right
    if utf8_share() > MOJIBAKE_SHARE:
        return True
    non_ascii = len(_NON_ASCII_CHAR.findall(text))
    in_runs = sum(len(run) for run in _LATIN_LETTER_RUN.findall(text))
    return non_ascii > 0 and in_runs / non_ascii > MOJIBAKE_SHARE


def _utf8_share(data: bytes) -> float:
    non_ascii = len(_NON_ASCII_BYTE.findall(data))
    if not non_ascii:
        return 0.0
    return sum(len(sequence) for sequence in _UTF8_SEQUENCE.findall(data)) / non_ascii


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # rarely needed: not imported by every process

    best = from_bytes(data).best()
    return best.encoding if best is not None else None


@lru_cache(maxsize=64)
def _known(label: str) -> bool:
    try:
        codecs.lookup(_normalise_encoding(label))
    except LookupError:
        return False
    return True


@lru_cache(maxsize=64)
def _single_byte(encoding: str) -> bool:
    """Every byte alone is a character (windows-125x, ISO-8859-x, KOI8...); not UTF-8, not CJK."""
    name = codecs.lookup(encoding).name
    if name.startswith(("utf", "ucs")):
        return False
    readable = 0
    for byte in range(0x80, 0x100):
        try:
            bytes([byte]).decode(name)
            readable += 1
        except UnicodeDecodeError:
            pass
    return readable > 100


def _is_wide(label: str) -> bool:
    return codecs.lookup(_normalise_encoding(label)).name.startswith(("utf-16", "utf-32"))


def _looks_wide(data: bytes) -> bool:
    """UTF-16 text: every other byte of its ASCII markup is NUL, always on the same side (binary
    data has NULs anywhere)."""
    head = data[:1024]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return len(head) >= 8 and max(even, odd) > len(head) // 4 and min(even, odd) < len(head) // 64


def _normalise_encoding(name: str) -> str:
    name = name.strip().lower()
    # Browsers treat these labels as their supersets (WHATWG encoding standard).
    return {"iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
            "gb2312": "gb18030", "gbk": "gb18030"}.get(name, name)
