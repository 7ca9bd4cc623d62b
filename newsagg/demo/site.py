"""The bundled demo finance-news site ("Harbor Street Finance"), generated in Python.

build_site() returns the hand-written demo (14 articles, 4 languages); build_site(n_articles=N)
generates N articles from templates; pad_kb inflates every HTML page with realistic chrome.
Pages are rendered lazily on request, because absolute URLs (canonical, og:url, feeds, sitemaps,
robots.txt) must carry the port the server happened to get, read from the request's Host header.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from newsagg.demo import render
from newsagg.demo.model import DemoArticle, PageKit, articles_from_stories, tag_label
from newsagg.demo.server import Resource
from newsagg.demo.stories import PREVIEW_PAGE, STORIES, SYNDICATED

__all__ = ["DemoArticle", "DemoSite", "build_site"]

DEMO_PAGE_SIZE = 4  # small so the 14-article demo still has paginated listings
GENERATED_PAGE_SIZE = 20
FEED_ITEMS = 50
SITEMAP_CHUNK = 1000
SECTIONS = {"markets": "Markets", "economy": "Economy", "crypto": "Crypto"}


@dataclass
class HostAwarePage:
    """A route rendered per request; `render(origin)` gets e.g. "http://127.0.0.1:8123"."""

    render: Callable[[str], str | bytes]
    content_type: str = "text/html; charset=utf-8"

    def __call__(self, path: str, headers: dict) -> Resource:
        origin = "http://" + headers.get("host", "127.0.0.1")
        return Resource(self.render(origin), self.content_type)


@dataclass
class DemoSite:
    routes: dict[str, Resource | HostAwarePage] = field(default_factory=dict)
    articles: list[DemoArticle] = field(default_factory=list)
    disallowed_paths: list[str] = field(default_factory=list)
    non_article_paths: list[str] = field(default_factory=list)
    # Links that are broken on purpose (none yet); tests accept these as 404.
    deliberately_broken_paths: list[str] = field(default_factory=list)
    tracking_link: str = ""

    def page(self, path: str, origin: str = "http://127.0.0.1") -> Resource:
        """Render one route without a server (benchmarks, debugging)."""
        route = self.routes[path]
        if isinstance(route, Resource):
            return route
        host = origin.split("://", 1)[-1]
        return route(path, {"host": host})

    @property
    def canonical_articles(self) -> list[DemoArticle]:
        return [a for a in self.articles if a.syndicated_copy_of is None]


def build_site(n_articles: int | None = None, pad_kb: int = 0) -> DemoSite:
    """The hand-written demo, or `n_articles` generated ones; deterministic either way."""
    if n_articles is None:
        stories, page_size = STORIES, DEMO_PAGE_SIZE
    else:
        from newsagg.demo.generator import generate_stories

        stories, page_size = generate_stories(n_articles), GENERATED_PAGE_SIZE
    canonical = articles_from_stories(stories)
    canonical.sort(key=lambda a: (a.published, a.path), reverse=True)
    syndicated = _syndicated_copy(canonical)
    kit = PageKit(canonical, SECTIONS, render.Padding.build(pad_kb))
    site = DemoSite(articles=canonical + ([syndicated] if syndicated else []))
    _add_article_routes(site, kit, canonical, syndicated)
    _add_listing_routes(site, kit, canonical, page_size, syndicated)
    _add_static_routes(site, kit)
    _add_machine_routes(site, canonical)
    return site


def _syndicated_copy(canonical: list[DemoArticle]) -> DemoArticle | None:
    by_path = {a.path: a for a in canonical}
    original = by_path.get(SYNDICATED["original"]) or (canonical[-1] if len(canonical) > 1 else None)
    if original is None:
        return None
    path = SYNDICATED["path"] if original.path == SYNDICATED["original"] else (
        "/partners/energy-wire" + original.path)
    return original.syndicated_as(path)


def _add_article_routes(site: DemoSite, kit: PageKit, canonical: list[DemoArticle],
                        syndicated: DemoArticle | None) -> None:
    for article in canonical:
        site.routes[article.path] = HostAwarePage(partial(render.article_page, kit, article))
        site.routes[article.image_path] = render.IMAGE_RESOURCE
    if syndicated is not None:
        site.routes[syndicated.path] = HostAwarePage(
            lambda origin: render.syndicated_page(kit, syndicated, SYNDICATED["title_suffix"], origin))
        site.routes[syndicated.image_path] = render.IMAGE_RESOURCE
    if canonical:
        lead = canonical[0]
        site.tracking_link = lead.path + "?utm_source=newsletter&utm_medium=email&utm_campaign=morning-brief"
    preview = HostAwarePage(lambda origin: render.simple_page(
        kit, PREVIEW_PAGE["path"], PREVIEW_PAGE["title"], PREVIEW_PAGE["body"], origin, robots="noindex"))
    site.routes[PREVIEW_PAGE["path"]] = preview
    site.disallowed_paths.append(PREVIEW_PAGE["path"])


def _add_listing_routes(site: DemoSite, kit: PageKit, canonical: list[DemoArticle], page_size: int,
                        syndicated: DemoArticle | None) -> None:
    listings: list[tuple[str, str, list[DemoArticle], str]] = []
    for slug, name in SECTIONS.items():
        listings.append((f"/{slug}/", name, [a for a in canonical if a.section == slug], ""))
    for tag in sorted({t for a in canonical for t in a.tags}):
        listings.append((f"/tag/{tag}/", f"Topic: {tag_label(tag)}", [a for a in canonical if tag in a.tags], ""))
    for author in sorted({n for a in canonical for n in a.authors}):
        written = [a for a in canonical if author in a.authors]
        listings.append((kit.author_path(author), author, written, kit.author_bio(author)))
    for base, heading, items, intro in listings:
        for number, path in enumerate(render.listing_paths(base, len(items), page_size), start=1):
            chunk = items[(number - 1) * page_size: number * page_size]
            site.routes[path] = HostAwarePage(partial(
                render.listing_page, kit, path, heading, chunk, base=base, page=number, total=len(items),
                page_size=page_size, intro=intro))
            site.non_article_paths.append(path)
    site.routes["/"] = HostAwarePage(lambda origin: render.home_page(
        kit, origin, tracking_link=site.tracking_link, preview=PREVIEW_PAGE, syndicated=syndicated))
    site.non_article_paths.append("/")
    if syndicated is not None:
        site.routes["/partners/"] = HostAwarePage(lambda origin: render.listing_page(
            kit, "/partners/", "Partner content", [syndicated], origin, base="/partners/", page=1, total=1,
            page_size=page_size, intro="Stories from our syndication partners."))
        site.non_article_paths.append("/partners/")


def _add_static_routes(site: DemoSite, kit: PageKit) -> None:
    for path, (title, body) in render.STATIC_PAGES.items():
        site.routes[path] = HostAwarePage(lambda origin, p=path, t=title, b=body: render.simple_page(
            kit, p, t, b, origin))
        site.non_article_paths.append(path)
    site.routes["/static/css/site.css"] = Resource(render.SITE_CSS, "text/css; charset=utf-8")
    site.routes["/static/js/app.js"] = Resource(render.SITE_JS, "application/javascript; charset=utf-8")
    site.routes["/favicon.ico"] = render.IMAGE_RESOURCE


def _add_machine_routes(site: DemoSite, canonical: list[DemoArticle]) -> None:
    xml = "application/xml; charset=utf-8"
    chunks = [canonical[i: i + SITEMAP_CHUNK] for i in range(0, len(canonical), SITEMAP_CHUNK)] or [[]]
    chunk_paths = [f"/sitemap-articles-{n}.xml" for n in range(1, len(chunks) + 1)]
    for path, chunk in zip(chunk_paths, chunks, strict=True):
        site.routes[path] = HostAwarePage(lambda origin, c=chunk: render.url_sitemap(
            origin, [(a.path, a.modified or a.published) for a in c]), xml)
    newest = canonical[0].published if canonical else datetime(2025, 1, 1).astimezone()
    pages = [(p, newest) for p in site.non_article_paths]
    site.routes["/sitemap-pages.xml"] = HostAwarePage(lambda origin: render.url_sitemap(origin, pages), xml)
    site.routes["/news-sitemap.xml"] = HostAwarePage(lambda origin: render.news_sitemap(origin, canonical), xml)
    index = [*chunk_paths, "/sitemap-pages.xml", "/news-sitemap.xml"]
    site.routes["/sitemap.xml"] = HostAwarePage(lambda origin: render.sitemap_index(origin, index, newest), xml)
    feed_items = canonical[:FEED_ITEMS]
    site.routes["/feed/"] = HostAwarePage(lambda origin: render.rss_feed(origin, feed_items),
                                          "application/rss+xml; charset=utf-8")
    site.routes["/feed/atom/"] = HostAwarePage(lambda origin: render.atom_feed(origin, feed_items),
                                               "application/atom+xml; charset=utf-8")
    site.routes["/robots.txt"] = HostAwarePage(lambda origin: render.robots_txt(origin),
                                               "text/plain; charset=utf-8")
    site.routes["/site-manifest.json"] = Resource(json.dumps({"name": "Harbor Street Finance"}),
                                                  "application/json")
