"""Precision and recall of the instrument recogniser on the hand-labelled articles.

    .venv/bin/python -m bench.instruments_score                 # truth text, tune and holdout apart
    .venv/bin/python -m bench.instruments_score --extracted     # also on newsagg's own extraction
    .venv/bin/python -m bench.instruments_score --split tune -v # every miss and false tag (tune only!)

Labels: tests/entities/labels/instrument_labels.jsonl, written blind with GUIDELINES.md beside
it. The unit is the article-instrument pair. A predicted instrument matches a labelled one of the
same kind when they share the ISIN, the ticker (ignoring case, spaces, dots and dashes) or the
name (ignoring case, accents and legal suffixes). The recogniser reads the truth text (title +
body), so extraction quality does not blur the matcher's measurement; --extracted adds the same
score on the text newsagg extracts from the stored pages. Tune on split "tune" only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "entities" / "labels" / "instrument_labels.jsonl"
CORPUS = REPO.parent / "shared" / "corpus"
KINDS = ("stock", "crypto", "index", "currency")
_LEGAL = re.compile(r"\b(inc|corp|corporation|co|company|ltd|limited|plc|ag|se|sa|nv|group|holdings?|"
                    r"the|kgaa|asa|ab|oyj|spa)\b")


def available() -> bool:
    return LABELS.exists() and (CORPUS / "dev" / "truth.jsonl").exists()


def load_labels(split: str | None = None) -> list[dict]:
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row for row in rows if split is None or row["split"] == split]


def _truth_rows() -> dict[str, dict]:
    rows = {}
    for name in ("dev", "wide"):
        path = CORPUS / name / "truth.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                rows[row["id"]] = row
    return rows


def truth_texts(labels: list[dict]) -> dict[str, tuple[str, str]]:
    """(title, body) the labeller labelled, per label id."""
    truth = _truth_rows()
    texts = {}
    for label in labels:
        if label["corpus"] == "demo":
            texts[label["id"]] = (label["title"], label["body"])
        elif label["id"] in truth:
            texts[label["id"]] = (label["title"] or "", truth[label["id"]].get("body") or "")
    return texts


def extracted_texts(labels: list[dict]) -> dict[str, tuple[str, str, str | None]]:
    """(title, body, language) as newsagg extracts them from the pages."""
    from newsagg.demo.site import build_site
    from scraper.extract import extract

    truth = _truth_rows()
    site = None
    texts = {}
    for label in labels:
        if label["corpus"] == "demo":
            site = site or build_site()
            slug = label["id"].split(":", 1)[1]
            path = next(article.path for article in site.canonical_articles if article.path.rstrip("/").endswith(slug))
            html, url = site.page(path).body, "http://127.0.0.1" + path
        else:
            page = CORPUS / label["corpus"] / "pages" / f"{label['id']}.html.gz"
            if not page.exists():
                continue
            html, url = gzip.decompress(page.read_bytes()), truth[label["id"]]["url"]
        article = extract(html, url)
        texts[label["id"]] = (article.title or "", article.body, article.language)
    return texts


def _plain(text: str | None) -> str:
    folded = unicodedata.normalize("NFKD", (text or "").casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(_LEGAL.sub(" ", re.sub(r"[^\w&]+", " ", folded)).split())


def _symbol(text: str | None) -> str:
    return re.sub(r"[\s.\-/]", "", (text or "").upper())


def same_instrument(predicted: dict, labelled: dict) -> bool:
    if predicted["kind"] != labelled["kind"]:
        return False
    if predicted.get("isin") and predicted["isin"] == labelled.get("isin"):
        return True
    if predicted.get("symbol") and _symbol(predicted["symbol"]) == _symbol(labelled.get("symbol")):
        return True
    return bool(predicted.get("name")) and _plain(predicted["name"]) == _plain(labelled.get("name"))


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def add(self, article_id: str, predicted: list[dict], labelled: list[dict]) -> None:
        unmatched = list(labelled)
        for item in predicted:
            match = next((label for label in unmatched if same_instrument(item, label)), None)
            if match is not None:
                unmatched.remove(match)
                self.tp[item["kind"]] += 1
            else:
                self.fp[item["kind"]] += 1
                self.errors.append(f"FP {article_id[:16]} {item['kind']} {item['symbol']} {item['name']} "
                                   f"forms={item.get('forms')}")
        for label in unmatched:
            self.fn[label["kind"]] += 1
            self.errors.append(f"FN {article_id[:16]} {label['kind']} {label['symbol']} {label['name']} "
                               f"forms={label.get('forms')}")

    def row(self, kind: str | None) -> tuple[int, int, int, float, float]:
        tp = sum(self.tp.values()) if kind is None else self.tp[kind]
        fp = sum(self.fp.values()) if kind is None else self.fp[kind]
        fn = sum(self.fn.values()) if kind is None else self.fn[kind]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        return tp, fp, fn, precision, recall

    def table(self) -> str:
        lines = [f"{'kind':10} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}"]
        for kind in (*KINDS, None):
            tp, fp, fn, precision, recall = self.row(kind)
            if kind is None or tp + fp + fn:
                lines.append(f"{kind or 'all':10} {tp:4} {fp:4} {fn:4} {precision:9.3f} {recall:7.3f}")
        return "\n".join(lines)


def score(labels: list[dict], texts: dict[str, tuple], recognise) -> Score:
    result = Score()
    for label in labels:
        if label["id"] not in texts:
            continue
        title, body, *language = texts[label["id"]]
        language = (language[0] if language else None) or label.get("language")
        result.add(label["id"], recognise(title, body, language), label["instruments"])
    return result


def main() -> None:
    from instruments import recognise

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "holdout"), help="only this split")
    parser.add_argument("--extracted", action="store_true", help="also score on extracted page text")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false tags")
    args = parser.parse_args()
    for split in ([args.split] if args.split else ["tune", "holdout"]):
        labels = load_labels(split)
        runs = [("truth text", truth_texts(labels))]
        if args.extracted:
            runs.append(("extracted text", extracted_texts(labels)))
        for what, texts in runs:
            result = score(labels, texts, recognise)
            print(f"\n{split} ({len(texts)} articles), {what}\n{result.table()}")
            if args.verbose:
                print("\n".join(result.errors))


if __name__ == "__main__":
    main()
