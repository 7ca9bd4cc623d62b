"""A finance publisher shaped like the real ones, served on loopback: for tests and benchmarks of
only-new crawling (docs/crawling.md, "Only new").

The shapes that make a second crawl expensive when a crawler gets them wrong, as WordPress/Yoast
sites and their CDNs serve them:

- three sections with pagination (`/markets/`, `/markets/page/2/`), a paginated front page, tag
  pages (`/tag/bitcoin/`) and author pages (`/author/mei-lin/`), about/newsletter/contact pages
  in the menu and footer;
- RSS (`/feed/`, links carry `?utm_source=rss...`) and Atom (`/feed/atom/`) advertised on every
  page; robots.txt naming a sitemap index (`/sitemap_index.xml`: posts, pages, sections, a Google
  News sitemap); `/sitemap.xml` 301s to the index;
- canonical URLs end with a slash; the "Most read" widget and in-body "Read more" links leave it
  out, and the server answers those with a 301 to the canonical URL (so do `/markets`, `/about`);
- every article has an AMP edition at `<url>amp/`, linked from its "Related" box; share and
  newsletter links carry `?utm_*`; `#comments` links point into the page;
- a site-wide "Latest" widget: a new article changes every HTML page;
- ETag on every response and Last-Modified on feeds and sitemaps, with 304 answers to
  If-None-Match / If-Modified-Since (switch off with `conditional=False`).

The site is a live model: `add_story`, `update_story` and `Story.places` (where a story is listed:
the front page, its section, its tags, its author page, the feeds, the sitemaps) let a test add
content that only one discovery path shows. `hits` is the server-side request log with the
status of each answer.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import random
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import urlsplit

from newsagg.demo.generator import generate_stories
from newsagg.demo.model import slugify, tag_label
from newsagg.demo.server import LoopbackSite, Resource

SITE = "Lakeshore Markets Journal"
SECTIONS = {"markets": "Markets", "economy": "Economy", "crypto": "Crypto"}
STATIC_PAGES = {
    "/about/": ("About us", "Lakeshore Markets Journal covers markets, the economy and digital assets."),
    "/newsletter/": ("Newsletters", "Sign up for the Morning Brief: the five stories moving markets, every weekday."),
    "/contact/": ("Contact", "Reach the newsroom at tips@lakeshore.example or write to our editors."),
    "/privacy/": ("Privacy policy", "We use cookies to run the site and, with your consent, to measure our audience."),
    "/advertise/": ("Advertise with us", "Reach investors and finance professionals across our sections."),
}
PLACES = frozenset({"front", "section", "tag", "author", "feed", "sitemap"})
HTML = "text/html; charset=utf-8"
_WORDS = ("markets bonds stocks yields investors central bank inflation growth earnings outlook currency dollar "
          "euro oil prices rally slump quarter forecast policy rates traders equities credit spreads exports "
          "demand supply labour wages housing retail banks lenders regulators treasury auction copper nickel "
          "futures smelters refiners miners shipping freight margins guidance buyback dividend").split()


@dataclass
class Story:
    slug: str
    section: str
    title: str
    summary: str
    authors: list[str]
    tags: list[str]
    published: datetime
    paragraphs: list[str]
    modified: datetime | None = None
    places: frozenset[str] = PLACES  # where the story is listed; its own page always exists

    @property
    def path(self) -> str:
        return f"/{self.section}/{self.published:%Y/%m}/{self.slug}/"

    @property
    def changed(self) -> datetime:
        return self.modified or self.published


@dataclass
class Hit:
    path: str  # as requested, with the query string
    status: int
    conditional: bool  # the request carried If-None-Match or If-Modified-Since


def _text_of(story: dict) -> list[str]:
    return [line for line in story["body"] if not line.startswith(("## ", "@readmore", "- "))]


@dataclass
class PublisherSite:
    """The live site. `n_stories` generated stories, newest `spacing` before `now`, then every `spacing`."""

    n_stories: int = 60
    page_size: int = 10
    front_size: int = 12
    feed_size: int = 20
    spacing: timedelta = timedelta(hours=5)
    conditional: bool = True
    story_delay: float = 0.0  # seconds each story page takes (a slow origin)
    now: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    stories: list[Story] = field(default_factory=list)  # newest first
    hits: list[Hit] = field(default_factory=list)
    picks: list[str] = field(default_factory=list)  # links of the front page's "Editor's picks", as written
    moved: dict[str, str] = field(default_factory=dict)  # an old path (a changed slug) -> the path it 301s to

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        if not self.stories:
            for index, raw in enumerate(generate_stories(self.n_stories)):
                self.stories.append(Story(
                    slug=f"{'-'.join(slugify(raw['title']).split('-')[:8])}-{index + 1}", section=raw["section"],
                    title=raw["title"], summary=raw["summary"], authors=list(raw["authors"]),
                    tags=list(raw["tags"]), published=self.now - self.spacing * (index + 1),
                    paragraphs=_text_of(raw)))

    # ------------------------------------------------------------------ changing the site

    def add_story(self, title: str, section: str = "markets", tags: tuple[str, ...] = ("stocks",),
                  places: frozenset[str] = PLACES, author: str = "Mei Lin") -> Story:
        """A new story published now, listed only in `places`."""
        rng = random.Random(title)  # distinct prose per title: the store must not see near-duplicates
        paragraphs = [f"{title}, according to people familiar with the matter."] + [
            " ".join(rng.choices(_WORDS, k=45)).capitalize() + "." for _ in range(4)]
        story = Story(slug=slugify(title), section=section, title=title, summary=f"What moved: {title}.",
                      authors=[author], tags=list(tags), published=datetime.now(UTC).replace(microsecond=0),
                      paragraphs=paragraphs, places=places)
        self.stories.insert(0, story)
        return story

    def update_story(self, story: Story, paragraph: str) -> None:
        """A correction: one more paragraph and a new modified time (feeds and sitemaps show it)."""
        story.paragraphs.append(paragraph)
        story.modified = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=1)

    def story_paths(self) -> set[str]:
        """Every URL path that serves a story: its page and its AMP edition."""
        return {story.path for story in self.stories} | {story.path + "amp/" for story in self.stories}

    def downloads(self, hits: list[Hit]) -> list[str]:
        """The story pages among `hits` that were sent in full (status 200)."""
        paths = self.story_paths()
        return [hit.path for hit in hits if hit.status == 200 and urlsplit(hit.path).path in paths]

    def mark(self) -> int:
        """A position in the request log; `hits_since(mark)` are the requests made after it."""
        return len(self.hits)

    def hits_since(self, mark: int) -> list[Hit]:
        return self.hits[mark:]

    # ------------------------------------------------------------------ serving

    def serve(self) -> LoopbackSite:
        """A started LoopbackSite over this model (stop it when done)."""
        return LoopbackSite(_Routes(self)).start()

    def answer(self, raw_path: str, headers: dict) -> Resource:
        origin = "http://" + headers.get("host", "127.0.0.1")
        resource = self._route(urlsplit(raw_path).path, origin)
        if resource.status == 200 and self.conditional:
            resource = self._conditional(resource, headers)
        with self._lock:
            self.hits.append(Hit(raw_path, resource.status,
                                 "if-none-match" in headers or "if-modified-since" in headers))
        return resource

    def _route(self, path: str, origin: str) -> Resource:
        by_path = {story.path: story for story in self.stories}
        if path in by_path:
            page = self._html(self._article(by_path[path], origin))
            page.delay = self.story_delay
            return page
        if path.endswith("/amp/") and path[:-4] in by_path:
            return self._html(self._amp(by_path[path[:-4]], origin))
        if path in self.moved:
            return Resource(b"", status=301, headers={"Location": f"{origin}{self.moved[path]}"})
        if path in ("/feed/", "/feed/atom/"):
            body, kind = (self._rss(origin), "application/rss+xml") if path == "/feed/" else (
                self._atom(origin), "application/atom+xml")
            return self._xml(body, kind, self._newest(self._placed("feed")))
        if path == "/robots.txt":
            return Resource(f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
                            f"Sitemap: {origin}/sitemap_index.xml\n", "text/plain; charset=utf-8")
        if path == "/sitemap.xml":
            return Resource(b"", status=301, headers={"Location": f"{origin}/sitemap_index.xml"})
        if path.endswith(".xml") and (sitemap := self._sitemap(path, origin)) is not None:
            return sitemap
        page = self._listing(path, origin)
        if page is not None:
            return self._html(page)
        if not path.endswith("/") and (path + "/" in by_path or self._listing(path + "/", origin) is not None):
            return Resource(b"", status=301, headers={"Location": f"{origin}{path}/"})
        return Resource(f"<html><body><h1>Page not found</h1><p>{html.escape(path)}</p></body></html>", status=404)

    def _html(self, body: str) -> Resource:
        return Resource(body, HTML)

    @staticmethod
    def _xml(body: str, kind: str, newest: datetime) -> Resource:
        return Resource(body, f"{kind}; charset=utf-8", headers={"Last-Modified": format_datetime(newest, usegmt=True)})

    @staticmethod
    def _conditional(resource: Resource, headers: dict) -> Resource:
        etag = '"' + hashlib.sha1(resource.payload()).hexdigest()[:20] + '"'
        resource.headers = {**resource.headers, "ETag": etag}
        last_modified = resource.headers.get("Last-Modified")
        if "if-none-match" in headers:
            fresh = etag in [tag.strip() for tag in headers["if-none-match"].split(",")]
        elif "if-modified-since" in headers and last_modified:
            try:
                fresh = parsedate_to_datetime(last_modified) <= parsedate_to_datetime(headers["if-modified-since"])
            except (TypeError, ValueError):
                fresh = False
        else:
            fresh = False
        if fresh:
            return Resource(b"", resource.content_type, status=304, headers=resource.headers)
        return resource

    # ------------------------------------------------------------------ what lists what

    def _placed(self, place: str) -> list[Story]:
        return [story for story in self.stories if place in story.places]

    @staticmethod
    def _newest(stories: list[Story]) -> datetime:
        return max((story.changed for story in stories), default=datetime(2025, 1, 1, tzinfo=UTC))

    def listings(self) -> dict[str, tuple[str, list[Story]]]:
        """Listing base path -> (heading, stories newest first), before pagination."""
        out = {"/": ("Latest news", self._placed("front"))}
        for slug, name in SECTIONS.items():
            out[f"/{slug}/"] = (name, [s for s in self._placed("section") if s.section == slug])
        for tag in sorted({tag for story in self.stories for tag in story.tags}):
            out[f"/tag/{tag}/"] = (f"Topic: {tag_label(tag)}", [s for s in self._placed("tag") if tag in s.tags])
        for author in sorted({name for story in self.stories for name in story.authors}):
            out[_author_path(author)] = (author, [s for s in self._placed("author") if author in s.authors])
        return out

    def listing_paths(self) -> list[str]:
        """Every listing page (all pages of every listing), as the site links them."""
        paths = []
        for base, (_, stories) in self.listings().items():
            size = self.front_size if base == "/" else self.page_size
            paths += [_page_path(base, n) for n in range(1, max(1, math.ceil(len(stories) / size)) + 1)]
        return paths

    def _listing(self, path: str, origin: str) -> str | None:
        if path in STATIC_PAGES:
            title, text = STATIC_PAGES[path]
            return self._page(origin, path, title, f"<article class='static'><h1>{title}</h1><p>{text}</p></article>")
        base, number = _split_page(path)
        listing = self.listings().get(base)
        if listing is None:
            return None
        heading, stories = listing
        size = self.front_size if base == "/" else self.page_size
        pages = max(1, math.ceil(len(stories) / size))
        if number > pages:
            return None
        chunk = stories[(number - 1) * size: number * size]
        cards = "".join(
            f'<li class="card"><h3><a href="{s.path}">{html.escape(s.title)}</a></h3>'
            f'<p class="meta"><a href="{_author_path(s.authors[0])}">{html.escape(s.authors[0])}</a> · '
            f'<time datetime="{s.published.isoformat()}">{s.published:%d %b %Y %H:%M}</time></p>'
            f"<p>{html.escape(s.summary)}</p></li>" for s in chunk)
        pager = "".join(f'<a href="{_page_path(base, n)}">{n}</a> ' for n in range(1, pages + 1) if n != number)
        if number < pages:
            pager += f'<a class="next" rel="next" href="{_page_path(base, number + 1)}">Next »</a>'
        title = heading if number == 1 else f"{heading} – page {number}"
        picks = "".join(f'<li><a href="{html.escape(link)}">Editor\'s pick</a></li>' for link in self.picks)
        picks = f'<section class="picks"><h2>Editor\'s picks</h2><ul>{picks}</ul></section>' \
            if picks and path == "/" else ""
        return self._page(origin, path, title, f'<section class="listing"><h1>{html.escape(title)}</h1>'
                          f'<ul class="cards">{cards}</ul><nav class="pagination">{pager}</nav></section>{picks}',
                          kind="CollectionPage")

    # ------------------------------------------------------------------ templates

    def _page(self, origin: str, path: str, title: str, main: str, head_extra: str = "",
              kind: str = "WebPage") -> str:
        latest = "".join(f'<li><a href="{s.path}">{html.escape(s.title)}</a></li>' for s in self._placed("front")[:5])
        most_read = "".join(f'<li><a href="{s.path.rstrip("/")}">{html.escape(s.title)}</a></li>'
                            for s in self.stories[7:27:5])  # older favourites, linked without the slash
        menu = "".join(f'<li><a href="/{slug}/">{name}</a></li>' for slug, name in SECTIONS.items())
        topics = "".join(f'<li><a href="/tag/{tag}/">{tag_label(tag)}</a></li>'
                         for tag in ("stocks", "earnings", "macro", "central-banks", "bitcoin"))
        footer_sections = "".join(f'<li><a href="/{slug}">{name}</a></li>' for slug, name in SECTIONS.items())
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | {SITE}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{origin}{path}">
<link rel="alternate" type="application/rss+xml" title="{SITE} feed" href="{origin}/feed/">
<link rel="alternate" type="application/atom+xml" title="{SITE} Atom" href="{origin}/feed/atom/">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"{kind}","name":"{html.escape(title)}"}}</script>
{head_extra}</head>
<body><header><a class="logo" href="/">{SITE}</a>
<nav class="menu"><ul><li><a href="/">Home</a></li>{menu}<li><a href="/newsletter/">Newsletter</a></li>
<li><a href="/about/">About</a></li></ul><ul class="topics">{topics}</ul></nav></header>
<main>{main}</main>
<aside class="sidebar"><section class="latest"><h2>Latest</h2><ul>{latest}</ul></section>
<section class="most-read"><h2>Most read</h2><ol>{most_read}</ol></section>
<section class="newsletter-box"><h2>Morning Brief</h2><p>Markets in five minutes, every weekday.</p>
<a href="/newsletter/?utm_source=sidebar&amp;utm_medium=box">Sign up</a></section></aside>
<footer><ul>{footer_sections}</ul><ul><li><a href="/about">About</a></li><li><a href="/contact/">Contact</a></li>
<li><a href="/advertise/">Advertise</a></li><li><a href="/privacy/">Privacy</a></li><li><a href="/feed/">RSS</a></li>
<li><a href="/wp-content/uploads/media-kit.pdf">Media kit (PDF)</a></li></ul>
<p>© {SITE}. Market data delayed at least 15 minutes.</p></footer></body></html>"""

    def _article(self, story: Story, origin: str) -> str:
        index = self.stories.index(story)
        related = [s for s in self.stories[index + 1:] if s.section == story.section][:2]
        related_links = "".join(f'<li><a href="{s.path}amp/">{html.escape(s.title)}</a></li>' for s in related)
        read_more = f'<p>Read more: <a href="{related[0].path.rstrip("/")}">{html.escape(related[0].title)}</a></p>' \
            if related else ""
        body = "".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
        tags = "".join(f'<a rel="tag" href="/tag/{tag}/">{tag_label(tag)}</a> ' for tag in story.tags)
        authors = ", ".join(f'<a rel="author" href="{_author_path(a)}">{html.escape(a)}</a>' for a in story.authors)
        share = f"{origin}{story.path}?utm_source=twitter&amp;utm_medium=social"
        modified = story.modified.isoformat() if story.modified else story.published.isoformat()
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": story.title,
                         "datePublished": story.published.isoformat(), "dateModified": modified,
                         "author": [{"@type": "Person", "name": name} for name in story.authors]})
        head = (f'<meta property="og:type" content="article"><link rel="amphtml" href="{origin}{story.path}amp/">'
                f'<meta property="article:published_time" content="{story.published.isoformat()}">'
                f'<script type="application/ld+json">{ld}</script>')
        main = (f'<article><h1>{html.escape(story.title)}</h1><p class="byline">By {authors} · '
                f'<time datetime="{story.published.isoformat()}">{story.published:%d %B %Y, %H:%M} UTC</time> · '
                f'<a href="#comments">Comments</a></p>{body}{read_more}<p class="tags">{tags}</p>'
                f'<p class="share"><a href="https://twitter.com/intent/tweet?url={share}">Share on X</a> '
                f'<a href="{story.path}?utm_source=newsletter&amp;utm_medium=email">Email this story</a></p>'
                f'</article><section class="related"><h2>Related</h2><ul>{related_links}</ul></section>'
                f'<section id="comments"><h2>Comments</h2><p>Comments are closed.</p></section>')
        return self._page(origin, story.path, story.title, main, head, kind="WebPage")

    def _amp(self, story: Story, origin: str) -> str:
        body = "".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
        return (f'<!doctype html><html amp lang="en"><head><meta charset="utf-8"><title>{html.escape(story.title)}</title>'
                f'<link rel="canonical" href="{origin}{story.path}"><meta property="og:type" content="article">'
                f'<meta property="article:published_time" content="{story.published.isoformat()}"></head>'
                f"<body><article><h1>{html.escape(story.title)}</h1>{body}</article></body></html>")

    def _rss(self, origin: str) -> str:
        items = "".join(
            f"<item><title>{html.escape(s.title)}</title>"
            f"<link>{origin}{s.path}?utm_source=rss&amp;utm_medium=rss&amp;utm_campaign={s.slug[:20]}</link>"
            f'<guid isPermaLink="false">{origin}/?p={1000 + len(self.stories) - i}</guid>'
            f"<pubDate>{format_datetime(s.published, usegmt=True)}</pubDate>"
            f"<description>{html.escape(s.summary)}</description></item>"
            for i, s in enumerate(self._placed("feed")[: self.feed_size]))
        return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{SITE}</title>'
                f"<link>{origin}/</link><description>Markets news</description>{items}</channel></rss>")

    def _atom(self, origin: str) -> str:
        stories = self._placed("feed")[: self.feed_size]
        entries = "".join(
            f'<entry><title>{html.escape(s.title)}</title><link rel="alternate" href="{origin}{s.path}"/>'
            f"<id>{origin}{s.path}</id><published>{s.published.isoformat()}</published>"
            f"<updated>{s.changed.isoformat()}</updated><summary>{html.escape(s.summary)}</summary></entry>"
            for s in stories)
        return (f'<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>{SITE}</title><id>{origin}/</id><updated>{self._newest(stories).isoformat()}</updated>"
                f"{entries}</feed>")

    def _sitemap(self, path: str, origin: str) -> Resource | None:
        posts = self._placed("sitemap")
        sections = [(f"/{slug}/", self._newest([s for s in posts if s.section == slug])) for slug in SECTIONS]
        pages = [(p, datetime(2025, 1, 6, tzinfo=UTC)) for p in STATIC_PAGES]
        recent = [s for s in posts if s.published > datetime.now(UTC) - timedelta(days=2)]
        children = {"/post-sitemap.xml": [(s.path, s.changed) for s in posts],
                    "/page-sitemap.xml": pages, "/category-sitemap.xml": sections}
        if path == "/sitemap_index.xml":
            newest = {name: max((when for _, when in entries), default=datetime(2025, 1, 1, tzinfo=UTC))
                      for name, entries in children.items()}
            newest["/news-sitemap.xml"] = self._newest(recent)
            body = "".join(f"<sitemap><loc>{origin}{name}</loc><lastmod>{when.isoformat()}</lastmod></sitemap>"
                           for name, when in newest.items())
            return self._xml(f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                             f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>',
                             "application/xml", max(newest.values()))
        if path == "/news-sitemap.xml":
            body = "".join(f"<url><loc>{origin}{s.path}</loc><news:news><news:publication><news:name>{SITE}"
                           f"</news:name><news:language>en</news:language></news:publication>"
                           f"<news:publication_date>{s.published.isoformat()}</news:publication_date>"
                           f"<news:title>{html.escape(s.title)}</news:title></news:news></url>" for s in recent)
            return self._xml(f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                             f'sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{body}</urlset>',
                             "application/xml", self._newest(recent))
        if path not in children:
            return None
        entries = children[path]
        body = "".join(f"<url><loc>{origin}{p}</loc><lastmod>{when.isoformat()}</lastmod></url>" for p, when in entries)
        return self._xml(f'<?xml version="1.0" encoding="UTF-8"?><urlset '
                         f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>', "application/xml",
                         max((when for _, when in entries), default=datetime(2025, 1, 1, tzinfo=UTC)))


class _Routes(dict):
    """LoopbackSite looks routes up with .get(path): every path is answered by the live model."""

    def __init__(self, site: PublisherSite):
        super().__init__()
        self.site = site

    def get(self, key, default=None):
        return self.site.answer


def _author_path(name: str) -> str:
    return f"/author/{slugify(name)}/"


def _page_path(base: str, number: int) -> str:
    return base if number == 1 else f"{base}page/{number}/"


def _split_page(path: str) -> tuple[str, int]:
    """'/markets/page/3/' -> ('/markets/', 3); '/markets/' -> ('/markets/', 1)."""
    head, marker, tail = path.rpartition("page/")
    if marker and tail.rstrip("/").isdigit() and head.endswith("/"):
        return head, int(tail.rstrip("/"))
    return path, 1
