"""The page's language as ISO 639-1: what the page declares, else (or when the text clearly
disagrees) what py3langid detects in its paragraphs."""

from __future__ import annotations

import re
from functools import cache

from .document import Document
from .site import article_json_ld
from .wordlists import ENGLISH_STOPWORDS

# Deprecated or macro-language codes -> the code readers and our truth use.
_ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "tl": "fil"}
_CODE = re.compile(r"[a-z]{2}")
_SAMPLE_CHARS = 1500
_MIN_SAMPLE_CHARS = 200
# Template defaults ("en" on a Zulu page) are common; overrule them only on clear evidence.
_OVERRULE_PROBABILITY = 0.999


def extract_language(doc: Document) -> str | None:
    declared = declared_language(doc)
    if declared and declared != "en":
        return declared  # specific declarations are deliberate; "en" is the common template default
    sample = _text_sample(doc)
    if declared == "en" and _reads_as_english(sample):
        return declared  # confirmed without loading the detector's model (~1 s per process)
    if len(sample) < _MIN_SAMPLE_CHARS:
        return declared or (detect_language(sample)[0] if sample else None)
    detected, probability = detect_language(sample)
    if declared is None or (detected != declared and probability >= _OVERRULE_PROBABILITY):
        return detected
    return declared


def declared_language(doc: Document) -> str | None:
    """<html lang>, og:locale, content-language (meta or http-equiv), JSON-LD inLanguage."""
    article = article_json_ld(doc) or {}
    in_language = article.get("inLanguage")
    candidates = [doc.lang, in_language if isinstance(in_language, str) else None]
    candidates += [meta.get("content") for meta in doc.root.iter("meta")
                   if (meta.get("http-equiv") or "").lower() == "content-language"]
    for value in candidates:
        code = normalise_language(value)
        if code:
            return code
    return None


def normalise_language(value: str | None) -> str | None:
    """"de-AT" / "pt_BR" / "nb" -> "de" / "pt" / "no"; None for "x-default", "mul", junk."""
    if not value:
        return None
    code = re.split(r"[-_,;\s]", value.strip().lower(), maxsplit=1)[0]
    code = _ALIASES.get(code, code)
    return code if _CODE.fullmatch(code) else None


def detect_language(text: str) -> tuple[str, float]:
    code, probability = _identifier().classify(text)
    return _ALIASES.get(code, code), float(probability)


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # loads a model (~1 s): once, on first use

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


_WORD = re.compile(r"[a-z]+")


def _reads_as_english(sample: str) -> bool:
    words = _WORD.findall(sample.lower())
    return len(words) >= 20 and sum(w in ENGLISH_STOPWORDS for w in words) / len(words) >= 0.15


def _text_sample(doc: Document) -> str:
    """The first paragraphs' text (cheap, and the part of the page most likely to be prose)."""
    pieces: list[str] = []
    size = 0
    for paragraph in doc.root.iter("p"):
        text = " ".join(paragraph.text_content().split())
        if len(text) >= 40:
            pieces.append(text)
            size += len(text)
            if size >= _SAMPLE_CHARS:
                break
    return " ".join(pieces)[:_SAMPLE_CHARS]
