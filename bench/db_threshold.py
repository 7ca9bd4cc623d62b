"""Measure shingle Jaccard on real pairs to choose the near-duplicate threshold.

    .venv/bin/python -m bench.db_threshold

Prints, per shingle size, the Jaccard of syndicated copies (must merge), of updated stories,
of different stories about the same event and the highest Jaccard between any two unrelated
corpus bodies (must not merge), plus how often LSH banding proposes each kind as a candidate.
"""

from __future__ import annotations

import itertools
import statistics
import sys

from bench import db_corpus
from db import dedup


def summary(values: list[float]) -> str:
    return f"min {min(values):.3f}  median {statistics.median(values):.3f}  max {max(values):.3f}"


def unrelated_pairs(rows: list[dict]) -> list[tuple[dict, dict]]:
    """Every pair of corpus bodies except two crawls of one URL (those are versions, not strangers)."""
    return [(a, b) for a, b in itertools.combinations(rows, 2) if a["url"] != b["url"]]


def measure(size: int, rows: list[dict], metric) -> None:
    sets = {row["id"]: dedup.shingles(row["body"], size) for row in rows}
    copies = [metric(sets[r["id"]], dedup.shingles(db_corpus.syndicated_copy(r["body"], cut), size))
              for r in rows for cut in (False, True)]
    updates = [metric(sets[r["id"]], dedup.shingles(db_corpus.updated_story(r["body"]), size)) for r in rows]
    events = [metric(dedup.shingles(a, size), dedup.shingles(b, size))
              for _, a, b in db_corpus.same_event_pairs(rows)]
    unrelated = sorted(metric(sets[a["id"]], sets[b["id"]]) for a, b in unrelated_pairs(rows))
    print(f"{metric.__name__}, shingle = {size} words")
    print(f"  syndicated copies ({len(copies):5d}): {summary(copies)}")
    print(f"  updated stories   ({len(updates):5d}): {summary(updates)}")
    print(f"  same event        ({len(events):5d}): {summary(events)}")
    print(f"  unrelated         ({len(unrelated):5d}): {summary(unrelated)}  "
          f"(top 3: {', '.join(f'{v:.3f}' for v in unrelated[-3:])})")


def candidate_rates(rows: list[dict]) -> None:
    """How often banding proposes a pair (before the exact overlap check)."""
    def keys(body: str) -> set[int]:
        found = dedup.fingerprint(body)
        return set(found.band_keys) if found else set()

    originals = {row["id"]: keys(row["body"]) for row in rows}
    copies = [bool(originals[r["id"]] & keys(db_corpus.syndicated_copy(r["body"], True))) for r in rows]
    events = [bool(keys(a) & keys(b)) for _, a, b in db_corpus.same_event_pairs(rows)]
    unrelated = [bool(originals[a["id"]] & originals[b["id"]]) for a, b in unrelated_pairs(rows)]
    print(f"LSH {dedup.BANDS} bands x {dedup.ROWS_PER_BAND} rows: candidate rate syndicated "
          f"{sum(copies)}/{len(copies)}, same event {sum(events)}/{len(events)}, "
          f"unrelated {sum(unrelated)}/{len(unrelated)}")


def main() -> int:
    if not db_corpus.available():
        print(f"corpus not found at {db_corpus.CORPUS}", file=sys.stderr)
        return 1
    rows = db_corpus.bodies()
    for size in (3, 5, 7):
        measure(size, rows, dedup.jaccard)
    for size in (3, 5, 7):
        measure(size, rows, dedup.overlap)
    print(f"chosen: {dedup.SHINGLE_WORDS}-word shingles, overlap >= {dedup.NEAR_DUPLICATE_OVERLAP}")
    candidate_rates(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
