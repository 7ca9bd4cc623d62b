"""Only-new crawling on a publisher-shaped site (issue 13): what each run costs, counted on the server.

    .venv/bin/python -m bench crawl_revisits                 # 300 stories
    .venv/bin/python -m bench crawl_revisits --stories 60

Serves newsagg.demo.publisher.PublisherSite (sections and their pages, tags, authors, about and
newsletter pages, RSS + Atom, a sitemap index, 301s for links without the trailing slash, ?utm_*
and /amp/ variants, ETag/Last-Modified) and runs `newsagg crawl` in a child process for each
scenario, one after the other on one database. The server's log gives the requests and what was
answered (200, 304, 3xx), and which story pages were downloaded in full.

Targets: the second run of the unchanged site makes at most 10% of the first run's requests and
downloads no stored article; a run after one new article makes at most that article plus the due
listings; no new-content case is missed. `--full` is the reference: a crawl that ignores what it
knows.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newsagg.demo.publisher import PublisherSite

REPO = Path(__file__).resolve().parents[1]
EVERY_RUN = {"/robots.txt", "/", "/feed/", "/feed/atom/", "/sitemap_index.xml"}


@dataclass
class Row:
    scenario: str
    requests: int
    statuses: Counter
    downloads: int  # story pages sent in full
    stored_again: int  # of them, stories stored before this run
    found: str  # new/updated as the run reported it
    seconds: float
    due: int  # listings due at the start of the run (read from the database)


class Bench:
    def __init__(self, site: PublisherSite, folder: Path):
        self.site = site
        self.server = site.serve()
        self.db = folder / "news.db"
        self.config = folder / "newsagg.toml"
        self.config.write_text(f"""[crawler]
download_delay = 0
concurrency_per_domain = 8

[[sources]]
name = "bench"
start_urls = ["{self.server.url('/')}"]
max_pages = 100000
depth_limit = 20
""")

    def run(self, scenario: str, *args: str) -> Row:
        stored = self._stored_paths()
        due = self._due()
        mark = self.site.mark()
        started = time.perf_counter()
        done = subprocess.run([str(REPO / ".venv/bin/newsagg"), "crawl", "bench", "--config", str(self.config),
                               "--db", str(self.db), "--quiet", *args], capture_output=True, text=True, cwd=self.db.parent)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"{scenario}: {done.stdout}{done.stderr}")
        hits = self.site.hits_since(mark)
        downloads = [urlsplit(path).path for path in self.site.downloads(hits)]
        run = self._last_run()
        return Row(scenario, len(hits), Counter(hit.status for hit in hits), len(downloads),
                   len(set(downloads) & stored), f"{run['articles_new']}/{run['articles_updated']}", seconds, due)

    def make_due(self, like: str = "%") -> None:
        with sqlite3.connect(self.db) as conn:
            conn.execute("UPDATE listing_revisits SET next_due_at = '2000-01-01T00:00:00+00:00' WHERE url LIKE ?",
                         (like,))

    def _stored_paths(self) -> set[str]:
        if not self.db.exists():
            return set()
        with sqlite3.connect(self.db) as conn:
            return {urlsplit(url).path for (url,) in conn.execute("SELECT url FROM articles")}

    def _due(self) -> int:
        if not self.db.exists():
            return 0
        now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
        with sqlite3.connect(self.db) as conn:
            return conn.execute("SELECT count(*) FROM listing_revisits WHERE interval_s > 0 AND next_due_at <= ?",
                                (now,)).fetchone()[0]

    def _last_run(self) -> sqlite3.Row:
        with sqlite3.connect(self.db) as conn:
            conn.row_factory = sqlite3.Row
            return conn.execute("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()


def scenarios(bench: Bench) -> list[Row]:
    site = bench.site
    rows = [bench.run("first run"), bench.run("second run, unchanged site")]
    new = frozenset({"front", "section", "tag", "author", "feed", "sitemap"})
    cases = [("one new article (everywhere)", new), ("new article only on the front page", {"front"}),
             ("new article only in the feed", {"feed"}), ("new article only in the sitemap", {"sitemap"})]
    for number, (label, places) in enumerate(cases):
        site.add_story(f"Bench story {number}: nickel output cut as prices slide", places=frozenset(places))
        rows.append(bench.run(label))
    site.add_story("Bench story tag: a tag page is the only place that lists it", tags=("stocks",),
                   places=frozenset({"tag"}))
    bench.make_due("%/tag/stocks/")
    rows.append(bench.run("new article only on a tag page (made due)"))
    listed = next(story for story in site.stories[5:] if story.places == new)  # in the feeds and sitemaps
    site.update_story(listed, "Update: the figures were revised on Friday.")
    rows.append(bench.run("an updated article (feed updated, lastmod)"))
    bench.make_due()
    rows.append(bench.run("a week later: every listing due"))
    rows.append(bench.run("--full (ignores what it knows)", "--full"))
    return rows


def print_table(rows: list[Row]) -> None:
    first = rows[0]
    print(f"{'scenario':<44} {'requests':>8} {'200':>5} {'304':>5} {'3xx':>5} {'due':>5} {'stories':>7}"
          f" {'again':>5} {'new/upd':>7} {'seconds':>7} {'req vs 1st':>10} {'time vs 1st':>11}")
    for row in rows:
        redirects = sum(count for status, count in row.statuses.items() if 300 <= status < 400 and status != 304)
        print(f"{row.scenario:<44} {row.requests:>8} {row.statuses[200]:>5} {row.statuses[304]:>5} {redirects:>5}"
              f" {row.due:>5} {row.downloads:>7} {row.stored_again:>5} {row.found:>7} {row.seconds:>7.1f}"
              f" {row.requests / first.requests:>10.1%} {row.seconds / first.seconds:>11.1%}")
    print("due: listings whose revisit was due when the run started; stories: story pages downloaded in full;"
          " again: of them, already stored.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=300)
    args = parser.parse_args()
    site = PublisherSite(n_stories=args.stories)
    with tempfile.TemporaryDirectory(prefix="newsagg-bench-") as folder:
        bench = Bench(site, Path(folder))
        try:
            print(f"publisher site: {args.stories} stories, {len(site.listing_paths())} listing pages",
                  file=sys.stderr)
            rows = scenarios(bench)
        finally:
            bench.server.stop()
    print_table(rows)


if __name__ == "__main__":
    main()
