"""Lay the FAQ/disclaimer fixture pages out as a scorer corpus, so the shared scorer can put
newsagg and the peers side by side on them (`make score-sections`):

    python -m bench.sections_corpus OUT_DIR   # OUT_DIR/truth.jsonl, faq_disclaimer.jsonl, pages/

Only the FAQ/disclaimer columns mean something there: a fixture's body truth is just the story
sentences it must keep, so the body F1 the scorer prints for it is not a body score.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "extract" / "fixtures" / "sections"


def write_corpus(out: Path) -> int:
    (out / "pages").mkdir(parents=True, exist_ok=True)
    truths, labels = [], []
    for page in sorted(FIXTURES.glob("*.html")):
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        notices = [text for text in (expected["disclaimer"] or "").split("\n\n") if text]
        labels.append({"id": page.stem, "faq": expected["faq"], "disclaimers": [{"text": t} for t in notices]})
        truths.append({"id": page.stem, "dataset": "fixtures", "url": f"https://news.example.com/markets/{page.stem}",
                       "body": "\n\n".join(expected["body_contains"])})
        (out / "pages" / f"{page.stem}.html.gz").write_bytes(gzip.compress(page.read_bytes()))
    for name, rows in (("truth.jsonl", truths), ("faq_disclaimer.jsonl", labels)):
        (out / name).write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return len(truths)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m bench.sections_corpus OUT_DIR")
    print(f"{write_corpus(Path(sys.argv[1]))} fixture pages written to {sys.argv[1]}")
