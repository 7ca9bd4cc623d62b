"""`newsagg search | export | stats` over a real SQLite file."""

from __future__ import annotations

import csv
import io
import json

import pytest

from bench import db_corpus
from core.article import Article, FaqEntry
from db.store import Store
from newsagg.cli import main


@pytest.fixture
def db(tmp_path, story):
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.upsert_article(Article(url="https://wire.example/asia", title="Asian shares soft", body=story["body"],
                                     published_at="2019-11-20T02:00:00+00:00", authors=["A. Writer"],
                                     faq=[FaqEntry("Which index fell most?", "The Hang Seng.")]), "wire")
        store.upsert_article(Article(url="https://partner.example/asia", title="Asian shares soft - Partner",
                                     body=db_corpus.syndicated_copy(story["body"]),
                                     published_at="2019-11-20T08:00:00+00:00"), "partner")
        store.upsert_article(Article(url="https://wire.example/fed", title="Fed holds rates",
                                     body="The Federal Reserve held rates steady on Wednesday.",
                                     published_at="2019-12-11T19:00:00+00:00"), "wire")
        updated = Article(url="https://wire.example/fed", title="Fed holds rates, signals patience",
                          body="The Federal Reserve held rates steady and signalled patience.",
                          published_at="2019-12-11T19:00:00+00:00")
        store.upsert_article(updated, "wire")
    return str(path)


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_search_finds_title_body_and_faq_text(db, capsys):
    code, out = run(capsys, "search", "Hang Seng", "--db", db, "--json")
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [hit["url"] for hit in hits] == ["https://wire.example/asia"]  # copy hidden
    code, out = run(capsys, "search", "patience", "--db", db)
    assert code == 0 and "Fed holds rates, signals patience" in out
    code, out = run(capsys, "search", "asian shares", "--db", db, "--include-duplicates", "--json")
    assert {json.loads(line)["source"] for line in out.splitlines()} == {"wire", "partner"}
    assert run(capsys, "search", "zeppelin", "--db", db)[0] == 1


def test_search_quotes_plain_text_and_reports_bad_raw_syntax(db, capsys):
    assert run(capsys, "search", 'S&P "500" (rates', "--db", db)[0] == 1  # quoted: no syntax error
    assert main(["search", 'rates AND "', "--raw", "--db", db]) == 2


def test_export_jsonl_filters_and_faq(db, capsys):
    code, out = run(capsys, "export", "--db", db)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [row["url"] for row in rows] == ["https://wire.example/asia", "https://wire.example/fed"]
    assert rows[0]["faq"] == [{"question": "Which index fell most?", "answer": "The Hang Seng."}]
    assert rows[0]["authors"] == ["A. Writer"] and rows[1]["version"] == 2
    _, out = run(capsys, "export", "--db", db, "--since", "2019-12-01")
    assert [json.loads(line)["url"] for line in out.splitlines()] == ["https://wire.example/fed"]
    _, out = run(capsys, "export", "--db", db, "--source", "partner", "--include-duplicates")
    [copy] = [json.loads(line) for line in out.splitlines()]
    assert copy["duplicate_of"] == rows[0]["id"] and 0.5 <= copy["duplicate_score"] <= 1


def test_export_csv_to_a_file(db, tmp_path, capsys):
    target = tmp_path / "out.csv"
    assert main(["export", "--db", db, "--format", "csv", "--include-duplicates", "-o", str(target)]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 3 and json.loads(rows[0]["faq"])[0]["answer"] == "The Hang Seng."


def test_stats_counts_sources_days_duplicates_and_versions(db, capsys):
    code, out = run(capsys, "stats", "--db", db, "--json")
    report = json.loads(out)
    assert code == 0
    totals = report["totals"]
    assert (totals["articles"], totals["duplicates"], totals["versions_kept"]) == (3, 1, 1)
    by_source = {row["source"]: row for row in report["per_source"]}
    assert by_source["wire"]["articles"] == 2 and by_source["wire"]["updated_articles"] == 1
    assert by_source["partner"]["duplicates"] == 1
    days = {(row["source"], row["day"]): row["articles"] for row in report["per_source_day"]}
    assert days == {("partner", "2019-11-20"): 1, ("wire", "2019-11-20"): 1, ("wire", "2019-12-11"): 1}
    code, out = run(capsys, "stats", "--db", db)
    assert "3 articles, 1 duplicates" in out


def test_bad_date_is_a_usage_error(db):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--db", db, "--since", "last tuesday"])
    assert exit_info.value.code == 2
