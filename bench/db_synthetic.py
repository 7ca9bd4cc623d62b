"""Synthetic articles for the storage benchmarks: distinct, realistic-length bodies, made fast."""

from __future__ import annotations

import random

from core.article import Article, FaqEntry

_SYLLABLES = ["ba", "ko", "ri", "sen", "ta", "mul", "pe", "dor", "vi", "lan", "que", "sto", "ne", "gra", "fi"]


def vocabulary(size: int = 20_000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_SYLLABLES, k=rng.randint(1, 4))) for _ in range(size)]


def body(rng: random.Random, words: list[str], paragraphs: int = 6, words_per_paragraph: int = 70) -> str:
    return "\n\n".join(" ".join(rng.choices(words, k=words_per_paragraph)) + "." for _ in range(paragraphs))


def article(number: int, rng: random.Random, words: list[str], **body_size) -> Article:
    day = 1 + number % 28
    text = body(rng, words, **body_size)
    # The formats a real extraction adds (issue 16), so the store writes realistic rows.
    formats = {"body_html": "".join(f"<p>{paragraph}</p>" for paragraph in text.split("\n\n")),
               "body_markdown": text, "image_url": f"https://bench{number % 7}.example/img/{number}.jpg",
               "published_utc": f"2024-03-{day:02d}T08:00:00Z", "utc_basis": "offset"}
    fields = {key: value for key, value in formats.items() if key in Article.__dataclass_fields__}
    return Article(url=f"https://bench{number % 7}.example/news/{number}", title=f"Story {number} " + words[number % 999],
                   authors=["Bench Writer"], published_at=f"2024-03-{day:02d}T08:00:00+00:00", language="en",
                   body=text, is_article=True,
                   faq=[FaqEntry("Why?", "Because.")] if number % 10 == 0 else [], **fields)
