"""The bundled demo site: served for real on 127.0.0.1 and walked with urllib.

Checks the site itself (links, robots.txt, feeds, sitemaps, determinism, ground truth), never the
quality of our extractor.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import deque
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import lxml.html
import pytest

from newsagg.demo.server import serve
from newsagg.demo.site import DemoArticle, DemoSite, build_site

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "atom": "http://www.w3.org/2005/Atom"}


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def internal_links(page_url: str, html_text: str) -> set[str]:
    """Root-relative paths (with query) of every same-host href/src/action on the page."""
    doc = lxml.html.document_fromstring(html_text, base_url=page_url)
    doc.make_links_absolute(page_url)
    host = urlsplit(page_url).netloc
    paths = set()
    for _element, _attribute, link, _pos in doc.iterlinks():
        parts = urlsplit(link)
        if parts.scheme == "http" and parts.netloc == host:
            paths.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def walk(base_url: str, robots: RobotFileParser) -> tuple[dict[str, int], set[str]]:
    """Breadth-first crawl from "/" that obeys robots.txt. Returns (status by path, every link seen)."""
    statuses: dict[str, int] = {}
    seen_links = {"/"}
    queue = deque(["/"])
    while queue:
        path = queue.popleft()
        status, content_type, body = fetch(base_url + path)
        statuses[path] = status
        if status != 200 or not content_type.startswith("text/html"):
            continue
        for link in internal_links(base_url + path, body.decode("utf-8")) - seen_links:
            seen_links.add(link)
            if robots.can_fetch("newsagg", base_url + link):
                queue.append(link)
    return statuses, seen_links


def page_text(html_text: str) -> str:
    doc = lxml.html.document_fromstring(html_text)
    for script in doc.xpath("//script|//style"):
        script.drop_tree()
    return " ".join(doc.text_content().split())


def render_all(site: DemoSite) -> dict[str, bytes]:
    return {path: site.page(path, "http://127.0.0.1:9999").payload() for path in sorted(site.routes)}


@pytest.fixture(scope="module")
def demo() -> DemoSite:
    return build_site()


@pytest.fixture(scope="module")
def served(demo):
    with serve(demo.routes) as server:
        robots = RobotFileParser(server.url("/robots.txt"))
        robots.read()
        statuses, links = walk(server.base_url, robots)
        yield server, robots, statuses, links


def test_every_linked_internal_page_resolves(demo, served):
    _server, _robots, statuses, _links = served
    broken = {path: status for path, status in statuses.items()
              if status != 200 and path not in demo.deliberately_broken_paths}
    assert broken == {}
    assert len(statuses) > 50


def test_crawl_reaches_every_article_and_listing(demo, served):
    _server, _robots, statuses, _links = served
    expected = {a.path for a in demo.articles} | set(demo.non_article_paths)
    assert expected - set(statuses) == set()


def test_robots_disallows_a_real_linked_page(demo, served):
    server, robots, statuses, links = served
    assert demo.disallowed_paths
    for path in demo.disallowed_paths:
        assert path in links, "the disallowed page must be linked from somewhere"
        assert path not in statuses, "the robots-obeying walk must not request it"
        assert not robots.can_fetch("newsagg", server.url(path))
        assert fetch(server.url(path))[0] == 200
    for article in demo.articles:
        assert robots.can_fetch("newsagg", server.url(article.path))
    robots_text = fetch(server.url("/robots.txt"))[2].decode()
    assert f"Sitemap: {server.base_url}/sitemap.xml" in robots_text.splitlines()


def test_tracking_link_is_linked_and_resolves(demo, served):
    server, _robots, _statuses, links = served
    assert "utm_source=newsletter" in demo.tracking_link and "utm_medium=email" in demo.tracking_link
    assert demo.tracking_link in links
    status, _type, body = fetch(server.url(demo.tracking_link))
    clean_path = demo.tracking_link.split("?")[0]
    assert status == 200
    assert f'rel="canonical" href="{server.base_url}{clean_path}"' in body.decode()


def test_rss_and_atom_feeds_list_articles_with_absolute_urls(demo, served):
    server, *_ = served
    home = fetch(server.url("/"))[2].decode()
    assert re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]*href="/feed/"', home)
    canonical = {server.base_url + a.path for a in demo.canonical_articles}
    rss = ET.fromstring(fetch(server.url("/feed/"))[2])
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    assert {item.findtext("link") for item in rss.iter("item")} == canonical
    atom = ET.fromstring(fetch(server.url("/feed/atom/"))[2])
    assert {link.get("href") for link in atom.findall("atom:entry/atom:link", NS)} == canonical


def test_sitemap_index_lists_every_article(demo, served):
    server, *_ = served
    index = ET.fromstring(fetch(server.url("/sitemap.xml"))[2])
    children = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert children and all(child.startswith(server.base_url + "/") for child in children)
    locs: set[str] = set()
    for child in children:
        status, content_type, body = fetch(child)
        assert status == 200 and "xml" in content_type
        locs |= {loc.text for loc in ET.fromstring(body).findall("sm:url/sm:loc", NS)}
    assert {server.base_url + a.path for a in demo.canonical_articles} <= locs
    assert all(loc.startswith(server.base_url + "/") for loc in locs)
    assert not any(server.base_url + p in locs for p in demo.disallowed_paths)


def test_build_site_is_deterministic():
    assert render_all(build_site()) == render_all(build_site())
    assert render_all(build_site(n_articles=25, pad_kb=8)) == render_all(build_site(n_articles=25, pad_kb=8))


def test_default_site_covers_the_brief(demo):
    canonical = demo.canonical_articles
    assert len(canonical) >= 12
    assert {a.section for a in canonical} == {"markets", "economy", "crypto"}
    assert {"en", "de", "vi"} <= {a.language for a in canonical}
    assert {"jsonld", "og", "visible"} == {a.date_style for a in canonical}
    assert any(len(a.authors) == 2 for a in canonical)
    assert any(a.modified_at for a in canonical)
    assert any(a.faq_jsonld for a in canonical) and sum(bool(a.faq) for a in canonical) >= 2
    assert sum(bool(a.disclaimer) for a in canonical) >= 3
    assert any(p.endswith("/page/2/") for p in demo.non_article_paths)
    copies = [a for a in demo.articles if a.syndicated_copy_of]
    assert len(copies) == 1 and copies[0].syndicated_copy_of in {a.path for a in canonical}


def _ld_objects(doc) -> list[dict]:
    return [json.loads(s.text) for s in doc.xpath('//script[@type="application/ld+json"]')]


def test_ground_truth_matches_every_served_page(demo, served):
    server, *_ = served
    for article in demo.articles:
        check_page_matches_truth(server.url(article.path), article)


def check_page_matches_truth(url: str, article: DemoArticle) -> None:
    html_text = fetch(url)[2].decode()
    doc = lxml.html.document_fromstring(html_text)
    text = page_text(html_text)
    assert doc.get("lang") == article.language
    assert [h.text_content() for h in doc.xpath("//h1")] == [article.title]
    for paragraph in article.paragraphs + [article.disclaimer or ""] + [x for qa in article.faq for x in qa]:
        assert paragraph in text, (url, paragraph)
    for author in article.authors:
        assert author in text
    ld_types = {obj["@type"] for obj in _ld_objects(doc)}
    published_meta = doc.xpath('//meta[@property="article:published_time"]/@content')
    if article.date_style == "og" or article.syndicated_copy_of:
        assert published_meta == [article.published_at], url
    elif article.date_style == "jsonld":
        news = next(obj for obj in _ld_objects(doc) if obj["@type"] == "NewsArticle")
        assert news["datePublished"] == article.published_at
        assert news["dateModified"] == (article.modified_at or article.published_at)
    else:
        assert "NewsArticle" not in ld_types and not published_meta and "datetime=" not in html_text
    assert ("FAQPage" in ld_types) == (article.faq_jsonld and bool(article.faq))


def test_syndicated_copy_repeats_the_story_under_other_chrome(demo, served):
    server, *_ = served
    copy = next(a for a in demo.articles if a.syndicated_copy_of)
    original = next(a for a in demo.articles if a.path == copy.syndicated_copy_of)
    assert copy.paragraphs == original.paragraphs and copy.title == original.title
    doc = lxml.html.document_fromstring(fetch(server.url(copy.path))[2])
    assert doc.findtext(".//title") == original.title + " | Partner Wire"


def test_generated_site_scales_with_padding():
    site = build_site(n_articles=60, pad_kb=60)
    canonical = site.canonical_articles
    assert len(canonical) == 60 and len({a.path for a in canonical}) == 60
    assert {a.section for a in canonical} == {"markets", "economy", "crypto"}
    assert len({a.title for a in canonical}) == 60
    assert all(len(a.paragraphs) >= 5 for a in canonical)
    page = site.page(canonical[0].path).payload()
    assert 60 * 1024 <= len(page) <= 120 * 1024
    with serve(site.routes) as server:
        robots = RobotFileParser(server.url("/robots.txt"))
        robots.read()
        statuses, _links = walk(server.base_url, robots)
    assert {p: s for p, s in statuses.items() if s != 200} == {}
    assert {a.path for a in site.articles} <= set(statuses)


def test_read_more_links_point_at_real_articles(demo):
    paths = {a.path for a in demo.articles}
    targets = [payload for a in demo.articles for kind, payload in a.blocks if kind == "readmore"]
    assert targets and set(targets) <= paths


def test_each_article_is_listed_once_in_its_section_pages(demo, served):
    server, _robots, _statuses, links = served
    for section in ("markets", "economy", "crypto"):
        pages = [p for p in demo.non_article_paths if p == f"/{section}/" or p.startswith(f"/{section}/page/")]
        listed: list[str] = []
        for page in pages:
            doc = lxml.html.document_fromstring(fetch(server.url(page))[2])
            listed += doc.xpath('//ul[@class="story-list"]//a[@class="card-link"]/@href')
        assert sorted(listed) == sorted(a.path for a in demo.canonical_articles if a.section == section)
