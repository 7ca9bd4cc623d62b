"""`newsagg export --format markdown`: one Markdown file per article, with YAML front matter.

    ---
    title: "Fed holds rates"
    url: "https://example.com/markets/fed"
    source: "wire"
    published_at: "2025-10-18T14:30:00+07:00"
    published_utc: "2025-10-18T07:30:00Z"
    ...
    ---

    (body_markdown; the FAQ as `## FAQ` with one `### question` per entry)

Files are named `<id>-<slug of the title>.md`: stable across exports, so a second export into the
same folder rewrites the same files.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

FRONT_MATTER = ("title", "url", "source", "authors", "published_at", "published_utc", "modified_at",
                "modified_utc", "utc_basis", "language", "image_url", "duplicate_of", "version")
_MAX_SLUG = 60


def write_markdown_files(rows: Iterable[dict], folder: str | Path) -> int:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for row in rows:
        (folder / f"{row['id']}-{slug(row.get('title') or '')}.md").write_text(article_markdown(row), encoding="utf-8")
        count += 1
    return count


def article_markdown(row: dict) -> str:
    # JSON strings and lists are valid YAML: no quoting rules of our own.
    lines = ["---", *(f"{key}: {json.dumps(row.get(key), ensure_ascii=False)}" for key in FRONT_MATTER
                      if row.get(key) is not None), "---", ""]
    body = row.get("body_markdown") or row.get("body") or ""  # not yet refreshed: the plain text
    parts = [body]
    if row.get("faq"):
        parts.append("## FAQ")
        parts += [f"### {entry['question']}\n\n{entry['answer']}" for entry in row["faq"]]
    return "\n".join(lines) + "\n\n".join(part for part in parts if part) + "\n"


def slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    return "-".join(words)[:_MAX_SLUG].rstrip("-") or "article"
