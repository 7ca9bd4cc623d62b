"""Real news bodies for near-duplicate measurements and tests (../shared/corpus/dev/truth.jsonl).

Bodies come from the corpus ground truth, not from the extractor, so the measurements do not move
while the extractor improves. Variants imitate what syndication does to a story.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

CORPUS = Path(os.environ.get("NEWSAGG_CORPUS", Path(__file__).resolve().parents[1] / "../shared/corpus/dev"))

# Different stories about the same event (same topic, different text): must NOT be merged.
SAME_EVENT_URL_WORDS = [
    ("cleveland.com/entertainment/2019/11/doobie", "billboard.com/articles/news/8544119/doobie"),
    ("cleveland.com/entertainment/2019/11/doobie", "rollingstone.com/music/music-news/doobie"),
    ("billboard.com/articles/news/8544119/doobie", "rollingstone.com/music/music-news/doobie"),
    ("cbsnews.com/news/michael-webb-fort-worth", "nbcdfw.com/news/local/We-Got-Her"),
    ("thesun.co.uk/news/10371941/hunter-diagnosed-bubonic", "express.co.uk/news/science/1205992/bubonic"),
    ("space.com/jupiter-moon-europa", "hawaiinewsnow.com/2019/11/19/scientists-use-hawaii"),
    ("sportsnet.ca/tennis/argentina", "telegraph.co.uk/tennis/2019/11/19/tennis-podcast-davis-cup"),
    ("hollywoodreporter.com/news/google-bets-future-launch-stadia", "mspoweruser.com/google-stadia"),
]

BOILERPLATE_A = ("This article originally appeared on Reuters and is republished with permission.",
                 "Sign up for our free markets newsletter to get the day's top stories in your inbox.",
                 "Follow us on X, Facebook and LinkedIn for the latest business news.")
BOILERPLATE_B = ("(Reporting by our wire partners; editing by the business desk.)",
                 "Related coverage: stocks, bonds and currencies at a glance.")


def available() -> bool:
    return (CORPUS / "truth.jsonl").is_file()


def bodies() -> list[dict]:
    """Corpus rows with a body of at least 800 characters (url, body, id)."""
    with open(CORPUS / "truth.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return [row for row in rows if len(row.get("body") or "") >= 800]


def body_for(url_words: str, rows: list[dict]) -> str:
    return next(row["body"] for row in rows if url_words in row["url"])


def same_event_pairs(rows: list[dict]) -> list[tuple[str, str, str]]:
    """(label, body_a, body_b) for every same-event pair present in the corpus."""
    return [(f"{a.split('/')[0]} vs {b.split('/')[0]}", body_for(a, rows), body_for(b, rows))
            for a, b in SAME_EVENT_URL_WORDS]


def syndicated_copy(body: str, drop_last_paragraph: bool = False) -> str:
    """A partner's reprint: its own boilerplate before and after, optionally the last paragraph cut."""
    paragraphs = body.split("\n\n")
    if drop_last_paragraph and len(paragraphs) > 2:
        paragraphs = paragraphs[:-1]
    return "\n\n".join([BOILERPLATE_A[0], *paragraphs, *BOILERPLATE_B, *BOILERPLATE_A[1:]])


def updated_story(body: str) -> str:
    """The same story after an update: one paragraph rewritten, one added at the end."""
    paragraphs = body.split("\n\n")
    paragraphs[len(paragraphs) // 2] = "Update: the company said in a statement on Tuesday that it " \
                                       "would revise its outlook after the close of trading."
    return "\n\n".join([*paragraphs, "Shares fell 3% in after-hours trading following the statement."])
