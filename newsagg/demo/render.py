"""HTML/XML templates of the demo site. Every function is pure: (data, origin) -> text.

HTML uses root-relative links; only canonical/og:url/share links, feeds, sitemaps and robots.txt
carry the absolute `origin` ("http://127.0.0.1:PORT") of the current request.
"""

from __future__ import annotations

import html
import json
import random
import struct
import zlib
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from urllib.parse import quote

from newsagg.demo.model import DemoArticle, PageKit, tag_label
from newsagg.demo.server import Resource

SITE_NAME = "Harbor Street Finance"
COPYRIGHT = "© 2025 Harbor Street Media Ltd. All rights reserved."


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


# ---------------------------------------------------------------- dates, per language and style

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
DE_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember"]
VI_WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
TZ_LABELS = {"-04:00": "EDT", "-05:00": "EST", "+00:00": "GMT", "+01:00": "BST", "+02:00": "CEST",
             "+07:00": "GMT+7", "+08:00": "SGT", "+09:00": "JST"}


def tz_label(moment: datetime) -> str:
    offset = moment.isoformat()[-6:]
    return TZ_LABELS.get(offset, "UTC" + offset)


def visible_date(moment: datetime, language: str, style: str) -> str:
    """The date as the page prints it; formats differ by language and by site section style."""
    if language == "de":
        return f"{moment.day}. {DE_MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M} Uhr"
    if language == "vi":
        weekday = VI_WEEKDAYS[moment.weekday()]
        return f"{weekday}, {moment.day} tháng {moment.month} {moment.year}, {moment:%H:%M} ({tz_label(moment)})"
    if language == "ja":
        return f"{moment.year}年{moment.month}月{moment.day}日 {moment.hour}時{moment.minute:02d}分"
    hour12 = moment.hour % 12 or 12
    if style == "visible":  # AP style, e.g. "Oct. 9, 2025 4:12 p.m. ET"
        meridiem = "a.m." if moment.hour < 12 else "p.m."
        zone = "ET" if tz_label(moment) in ("EDT", "EST") else tz_label(moment)
        return f"{AP_MONTHS[moment.month - 1]} {moment.day}, {moment.year} {hour12}:{moment:%M} {meridiem} {zone}"
    if style == "og":  # e.g. "Thu 16 Oct 2025 09.41 BST"
        return f"{moment:%a} {moment.day} {moment:%b %Y %H.%M} {tz_label(moment)}"
    meridiem = "AM" if moment.hour < 12 else "PM"
    return f"{EN_MONTHS[moment.month - 1]} {moment.day}, {moment.year} at {hour12}:{moment:%M} {meridiem} {tz_label(moment)}"


LABELS = {
    "en": {"by": "By", "and": " and ", "read_more": "Read more:", "updated": "Updated", "published": "Published"},
    "de": {"by": "Von", "and": " und ", "read_more": "Lesen Sie auch:", "updated": "Aktualisiert",
           "published": "Veröffentlicht am"},
    "vi": {"by": "Tác giả:", "and": " và ", "read_more": "Xem thêm:", "updated": "Cập nhật", "published": ""},
    "ja": {"by": "記者:", "and": "、", "read_more": "関連記事:", "updated": "更新", "published": "公開"},
}


def label(article: DemoArticle, key: str) -> str:
    return LABELS.get(article.language, LABELS["en"])[key]


# ---------------------------------------------------------------- padding toward real page sizes

@dataclass
class Padding:
    """Realistic bulk shared by every page: preloaded app state, a mega menu, a footer link farm."""

    head_script: str = ""
    mega_menu: str = ""
    footer_farm: str = ""

    @classmethod
    def build(cls, pad_kb: int) -> Padding:
        if pad_kb <= 0:
            return cls()
        budget = pad_kb * 1024
        rng = random.Random(f"padding-{pad_kb}")
        return cls(_state_script(rng, budget * 45 // 100), _mega_menu(rng, budget * 30 // 100),
                   _footer_farm(rng, budget * 25 // 100))


def _ticker(rng: random.Random) -> str:
    return "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") for _ in range(rng.randint(2, 4)))


def _state_script(rng: random.Random, size: int) -> str:
    quotes: list[dict] = []
    text = ""
    while len(text) < size:
        for _ in range(50):
            last = round(rng.uniform(5, 900), 2)
            quotes.append({"symbol": _ticker(rng), "last": last, "change": round(rng.uniform(-4, 4), 2),
                           "volume": rng.randint(10_000, 90_000_000),
                           "spark": [round(last * rng.uniform(0.97, 1.03), 2) for _ in range(12)]})
        state = {"page": {"experiments": ["nav-v3", "paywall-soft"], "adSlots": ["top", "mpu", "footer"]},
                 "markets": {"quotes": quotes}}
        text = json.dumps(state, separators=(",", ":"))
    return f'<script id="__PRELOADED_STATE__">window.__PRELOADED_STATE__ = {text};</script>'


def _mega_menu(rng: random.Random, size: int) -> str:
    parts = ['<div class="mega-menu" aria-hidden="true">']
    total = 0
    while total < size:
        heading = rng.choice(["Stocks", "Funds", "Currencies", "Commodities", "Bonds", "Tools", "Personal finance"])
        links = "".join(
            f'<li><a href="https://quotes.harborstreet-data.example/{t}">{t} stock quote and chart</a></li>'
            for t in (_ticker(rng) for _ in range(12)))
        column = f'<div class="mega-col"><h4>{heading}</h4><ul>{links}</ul></div>'
        parts.append(column)
        total += len(column)
    parts.append("</div>")
    return "".join(parts)


def _footer_farm(rng: random.Random, size: int) -> str:
    words = ["mortgage rates", "best savings accounts", "dividend stocks", "gold price", "retirement calculator",
             "bitcoin price", "ETF screener", "currency converter", "tax brackets", "index funds", "credit cards"]
    parts = ['<div class="footer-farm"><h4>Trending searches</h4><ul>']
    total = 0
    while total < size:
        phrase = f"{rng.choice(words)} {rng.randint(2019, 2026)}"
        item = (f'<li><a href="https://www.harborstreet-network.example/search?q={quote(phrase)}" '
                f'rel="nofollow">{phrase}</a></li>')
        parts.append(item)
        total += len(item)
    parts.append("</ul></div>")
    return "".join(parts)


# ---------------------------------------------------------------- shared chrome

SITE_CSS = "body{font-family:Georgia,serif;margin:0}.site-header{background:#0b2545;color:#fff}" \
           ".cookie-banner{position:fixed;bottom:0}.share-bar a{margin-right:.5em}.disclaimer{font-size:.85em}"
SITE_JS = "document.querySelectorAll('[data-copy-url]').forEach(function(b){b.addEventListener('click'," \
          "function(){navigator.clipboard.writeText(b.dataset.copyUrl)})});"


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


IMAGE_RESOURCE = Resource(_png(16, 9, (11, 37, 69)), "image/png")


def head(kit: PageKit, title: str, origin: str, path: str, lang: str, extra: str = "",
         description: str = "", robots: str = "index,follow") -> str:
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<meta name="description" content="{attr(description)}">
<meta name="robots" content="{robots}">
<link rel="canonical" href="{origin}{path}">
<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} RSS" href="/feed/">
<link rel="alternate" type="application/atom+xml" title="{SITE_NAME} Atom" href="/feed/atom/">
<link rel="stylesheet" href="/static/css/site.css">
<link rel="icon" href="/favicon.ico">
<link rel="manifest" href="/site-manifest.json">
<meta property="og:site_name" content="{SITE_NAME}">
<meta property="og:url" content="{origin}{path}">
<meta name="twitter:card" content="summary_large_image">
{extra}
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"pageType":"{'article' if extra else 'index'}",
"site":"harborstreet","consent":"pending"}});</script>
{kit.padding.head_script}
</head>"""


def site_header(kit: PageKit) -> str:
    nav = "".join(f'<li><a href="/{slug}/">{name}</a></li>' for slug, name in kit.sections.items())
    return f"""<div class="cookie-banner" role="dialog" aria-label="Cookie consent">
<p>We use cookies to personalise content and ads, and to analyse our traffic. You can change your choice
at any time in our <a href="/privacy/">privacy policy</a>.</p>
<button type="button">Accept all</button> <button type="button">Reject non-essential</button></div>
<header class="site-header">
<a class="logo" href="/">{SITE_NAME}</a>
<nav class="main-nav" aria-label="Sections"><ul><li><a href="/">Home</a></li>{nav}
<li><a href="/partners/">Partners</a></li></ul></nav>
<form class="search" action="/search" method="get"><input type="search" name="q" placeholder="Search quotes and news">
<button type="submit">Search</button></form>
<a class="subscribe" href="/newsletters/">Subscribe</a>
{kit.padding.mega_menu}
</header>"""


def site_footer(kit: PageKit) -> str:
    sections = "".join(f'<li><a href="/{slug}/">{name}</a></li>' for slug, name in kit.sections.items())
    return f"""<footer class="site-footer">
<div class="footer-cols">
<div><h4>Sections</h4><ul>{sections}</ul></div>
<div><h4>Company</h4><ul><li><a href="/about/">About us</a></li><li><a href="/contact/">Contact</a></li>
<li><a href="/newsletters/">Newsletters</a></li><li><a href="/feed/">RSS</a></li></ul></div>
<div><h4>Legal</h4><ul><li><a href="/privacy/">Privacy policy</a></li><li><a href="/terms/">Terms of use</a></li>
</ul></div>
<div><h4>Follow us</h4><ul><li><a href="https://x.com/harborstreetfin">X</a></li>
<li><a href="https://www.linkedin.com/company/harborstreetfin">LinkedIn</a></li></ul></div>
</div>
{kit.padding.footer_farm}
<p class="copyright">{COPYRIGHT} Market data delayed at least 15 minutes.</p>
</footer>
<script src="/static/js/app.js" defer></script>
</body>
</html>"""


def newsletter_box() -> str:
    return """<aside class="newsletter-signup">
<h3>Get the Morning Brief</h3>
<p>The five stories moving markets, in your inbox before the opening bell. Free, every weekday.</p>
<form action="/newsletters/" method="post"><input type="email" name="email" placeholder="Your email address">
<button type="submit">Sign up</button></form>
<p class="small">By signing up you agree to our <a href="/terms/">terms of use</a>.</p>
</aside>"""


def share_bar(origin: str, article: DemoArticle, path: str) -> str:
    url = quote(origin + path, safe="")
    text = quote(article.title, safe="")
    return f"""<div class="share-bar" aria-label="Share this article">
<a href="https://twitter.com/intent/tweet?url={url}&amp;text={text}" rel="noopener">Share on X</a>
<a href="https://www.facebook.com/sharer/sharer.php?u={url}" rel="noopener">Share on Facebook</a>
<a href="https://www.linkedin.com/sharing/share-offsite/?url={url}" rel="noopener">Share on LinkedIn</a>
<button type="button" data-copy-url="{origin}{path}">Copy link</button>
</div>"""


def story_card(article: DemoArticle, with_summary: bool = True) -> str:
    summary = f'<p class="card-summary">{esc(article.summary)}</p>' if with_summary else ""
    when = visible_date(article.published, article.language, "jsonld")
    return (f'<li class="card"><a class="card-link" href="{article.path}">{esc(article.title)}</a>'
            f'{summary}<span class="card-meta">{esc(when)}</span></li>')


def card_list(css_class: str, heading: str, articles: list[DemoArticle], with_summary: bool = False) -> str:
    if not articles:
        return ""
    cards = "".join(story_card(a, with_summary) for a in articles)
    return f'<aside class="{css_class}"><h3>{heading}</h3><ul>{cards}</ul></aside>'


# ---------------------------------------------------------------- article pages

def article_page(kit: PageKit, article: DemoArticle, origin: str) -> str:
    path = article.path
    page_title = f"{article.title} | {SITE_NAME}"
    section_name = kit.sections.get(article.section, article.section.title())
    return (head(kit, page_title, origin, path, article.language, _article_meta(kit, article, origin),
                 article.summary)
            + '\n<body class="article-page">\n' + site_header(kit)
            + f"""
<main>
<nav class="breadcrumb" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/{article.section}/">{section_name}</a></nav>
<article class="story">
<header class="story-header">
<p class="kicker"><a href="/{article.section}/">{section_name}</a></p>
<h1>{esc(article.title)}</h1>
<p class="standfirst">{esc(article.summary)}</p>
{_byline(kit, article)}
{_dateline(article)}
{share_bar(origin, article, path)}
</header>
{_figure(article)}
<div class="story-body">
{_body_html(kit, article)}
{_faq_html(article)}
{_disclaimer_html(article)}
</div>
<footer class="story-footer">{_tag_links(article)}</footer>
</article>
{card_list("related-articles", "Related articles", kit.related(article), with_summary=True)}
{card_list("latest-news", "Latest news", kit.latest(exclude=path))}
</main>
""" + site_footer(kit))


def _article_meta(kit: PageKit, article: DemoArticle, origin: str) -> str:
    image = origin + article.image_path
    parts = ['<meta property="og:type" content="article">',
             f'<meta property="og:title" content="{attr(article.title)}">',
             f'<meta property="og:description" content="{attr(article.summary)}">',
             f'<meta property="og:image" content="{image}">']
    if article.date_style == "og":
        parts.append(f'<meta property="article:published_time" content="{article.published_at}">')
        if article.modified_at:
            parts.append(f'<meta property="article:modified_time" content="{article.modified_at}">')
        parts.append(f'<meta property="article:section" content="{article.section}">')
        parts += [f'<meta property="article:tag" content="{attr(tag_label(t))}">' for t in article.tags]
    if article.date_style == "jsonld":
        parts.append(_json_ld(_news_article_ld(kit, article, origin, image)))
    if article.faq and article.faq_jsonld:
        parts.append(_json_ld(_faq_ld(article)))
    return "\n".join(parts)


def _json_ld(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _news_article_ld(kit: PageKit, article: DemoArticle, origin: str, image: str) -> dict:
    return {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": origin + article.path},
        "headline": article.title, "description": article.summary, "image": [image],
        "datePublished": article.published_at, "dateModified": article.modified_at or article.published_at,
        "author": [{"@type": "Person", "name": n, "url": origin + kit.author_path(n)}
                   for n in article.authors],
        "publisher": {"@type": "Organization", "name": SITE_NAME,
                      "logo": {"@type": "ImageObject", "url": origin + "/favicon.ico"}},
        "articleSection": article.section.title(), "inLanguage": article.language,
    }


def _faq_ld(article: DemoArticle) -> dict:
    return {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
        {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a in article.faq]}


def _byline(kit: PageKit, article: DemoArticle) -> str:
    links = [f'<a rel="author" href="{kit.author_path(n)}">{esc(n)}</a>' for n in article.authors]
    names = label(article, "and").join([", ".join(links[:-1]), links[-1]] if len(links) > 1 else links)
    return f'<div class="byline"><span class="by">{label(article, "by")}</span> {names}</div>'


def _dateline(article: DemoArticle) -> str:
    """Visible dates only; machine-readable ones live in JSON-LD or og meta depending on style."""
    published = visible_date(article.published, article.language, article.date_style)
    prefix = label(article, "published")
    text = f'<span class="published">{esc((prefix + " " + published).strip())}</span>'
    if article.modified:
        updated = visible_date(article.modified, article.language, article.date_style)
        text += f' <span class="updated">{label(article, "updated")} {esc(updated)}</span>'
    return f'<div class="dateline">{text}</div>'


def _figure(article: DemoArticle) -> str:
    return (f'<figure class="lead-image"><img src="{article.image_path}" alt="{attr(article.image_caption)}" '
            f'width="1200" height="675" loading="eager">'
            f'<figcaption>{esc(article.image_caption)} <span class="credit">{esc(article.image_credit)}</span>'
            f"</figcaption></figure>")


def _body_html(kit: PageKit, article: DemoArticle, inline_newsletter: bool = True) -> str:
    out: list[str] = []
    for index, (kind, payload) in enumerate(article.blocks):
        if kind == "p":
            out.append(f"<p>{esc(payload)}</p>")
        elif kind == "h2":
            out.append(f"<h2>{esc(payload)}</h2>")
        elif kind == "quote":
            out.append(f'<blockquote class="pull-quote"><p>{esc(payload)}</p></blockquote>')
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in payload) + "</ul>")
        elif kind == "readmore" and payload in kit.by_path:
            target = kit.by_path[payload]
            out.append(f'<p class="read-more"><strong>{label(article, "read_more")}</strong> '
                       f'<a href="{target.path}">{esc(target.title)}</a></p>')
        if index == 2 and inline_newsletter:  # the newsletter pitch sits inside the body, as on many real sites
            out.append(newsletter_box())
    return "\n".join(out)


def _faq_html(article: DemoArticle) -> str:
    if not article.faq:
        return ""
    items = "".join(f'<div class="faq-item"><h3>{esc(q)}</h3><p>{esc(a)}</p></div>' for q, a in article.faq)
    return f'<section class="faq"><h2>Frequently asked questions</h2>{items}</section>'


def _disclaimer_html(article: DemoArticle) -> str:
    if not article.disclaimer:
        return ""
    return f'<p class="disclaimer"><em>{esc(article.disclaimer)}</em></p>'


def _tag_links(article: DemoArticle) -> str:
    links = "".join(f'<li><a href="/tag/{t}/">{esc(tag_label(t))}</a></li>' for t in article.tags)
    return f'<ul class="tags" aria-label="Topics">{links}</ul>'


def syndicated_page(kit: PageKit, article: DemoArticle, suffix: str, origin: str) -> str:
    """The partner wire's copy: same story, different chrome, headline suffix, self-canonical."""
    title = article.title + suffix
    meta = (f'<meta property="og:type" content="article">\n<meta property="og:title" content="{attr(title)}">\n'
            f'<meta property="article:published_time" content="{article.published_at}">')
    names = " and ".join(article.authors)
    body = _body_html(kit, article, inline_newsletter=False)
    disclaimer = _disclaimer_html(article)
    return (head(kit, title, origin, article.path, article.language, meta, article.summary)
            + f"""
<body class="partner-wire">
<div class="partner-bar"><a href="/partners/">Partner Wire</a> · Syndicated energy and commodities news
· <a href="/">Back to {SITE_NAME}</a></div>
<main class="wire">
<div class="wire-story">
<h1 class="wire-headline">{esc(article.title)}</h1>
<p class="wire-byline">{esc(names)}, {SITE_NAME} · {esc(visible_date(article.published, "en", "og"))}</p>
{_figure(article)}
{body}
{_faq_html(article)}
{disclaimer}
<p class="wire-notice">Distributed by Partner Wire. Republication rights apply.</p>
</div>
{card_list("wire-latest", "More from our partners", kit.latest(exclude=article.syndicated_copy_of or "", count=3))}
</main>
<footer class="wire-footer"><p>Partner Wire content is provided under licence. {COPYRIGHT}</p></footer>
</body>
</html>""")


# ---------------------------------------------------------------- listings and simple pages

def listing_paths(base: str, total: int, page_size: int) -> list[str]:
    pages = max(1, -(-total // page_size))
    return [base] + [f"{base}page/{n}/" for n in range(2, pages + 1)]


def _pagination(base: str, page: int, total: int, page_size: int) -> str:
    paths = listing_paths(base, total, page_size)
    if len(paths) == 1:
        return ""
    links = [f'<a href="{paths[page - 2]}" rel="prev">‹ Newer</a>'] if page > 1 else []
    links += [f'<a href="{p}"{" aria-current=page" if n == page else ""}>{n}</a>'
              for n, p in enumerate(paths, start=1)]
    if page < len(paths):
        links.append(f'<a href="{paths[page]}" rel="next">Older ›</a>')
    return '<nav class="pagination">' + " ".join(links) + "</nav>"


def listing_page(kit: PageKit, path: str, heading: str, articles: list[DemoArticle], origin: str, *,
                 base: str, page: int, total: int, page_size: int, intro: str = "") -> str:
    title = f"{heading} – page {page} | {SITE_NAME}" if page > 1 else f"{heading} | {SITE_NAME}"
    cards = "".join(story_card(a) for a in articles)
    intro_html = f'<p class="listing-intro">{esc(intro)}</p>' if intro else ""
    return (head(kit, title, origin, path, "en", description=f"Latest {heading} news and analysis.")
            + '\n<body class="listing-page">\n' + site_header(kit)
            + f"""
<main>
<nav class="breadcrumb"><a href="/">Home</a> › {esc(heading)}</nav>
<h1>{esc(heading)}</h1>
{intro_html}
<ul class="story-list">{cards}</ul>
{_pagination(base, page, total, page_size)}
{newsletter_box()}
</main>
""" + site_footer(kit))


def home_page(kit: PageKit, origin: str, *, tracking_link: str, preview: dict,
              syndicated: DemoArticle | None) -> str:
    lead, rest = (kit.articles[0], kit.articles[1:13]) if kit.articles else (None, [])
    lead_html = ""
    if lead is not None:
        lead_html = (f'<section class="top-story"><h2><a href="{lead.path}">{esc(lead.title)}</a></h2>'
                     f'<p>{esc(lead.summary)}</p></section>')
    sections = "".join(card_list(f"section-{slug}", f'<a href="/{slug}/">{name}</a>',
                                 kit.by_section.get(slug, [])[:3]) for slug, name in kit.sections.items())
    partner = (f'<aside class="partners"><h3>From our partners</h3><a href="{syndicated.path}">'
               f'{esc(syndicated.title)}</a></aside>') if syndicated else ""
    brief = (f'<aside class="newsletter-pick"><h3>From this morning\'s newsletter</h3>'
             f'<a href="{tracking_link}">{esc(lead.title)}</a></aside>') if lead else ""
    return (head(kit, f"{SITE_NAME} – Markets, economy and crypto news", origin, "/", "en",
                 description="Breaking finance news, market data and analysis.")
            + '\n<body class="home-page">\n' + site_header(kit)
            + f"""
<main>
<h1 class="visually-hidden">{SITE_NAME}</h1>
{lead_html}
{card_list("latest-news", "Latest news", rest, with_summary=True)}
{sections}
{brief}
{partner}
<aside class="premium"><h3>Subscriber preview</h3><a href="{preview["path"]}">{esc(preview["title"])}</a></aside>
{newsletter_box()}
</main>
""" + site_footer(kit))


STATIC_PAGES: dict[str, tuple[str, list[str]]] = {
    "/about/": ("About Harbor Street Finance", [
        "Harbor Street Finance is an independent newsroom covering markets, the global economy and digital "
        "assets. Our reporters work from New York, London, Frankfurt, Singapore, Hanoi and Tokyo.",
        "We are funded by subscriptions and advertising. Our editorial standards are published in full and "
        "our journalists do not trade the securities they cover."]),
    "/contact/": ("Contact us", [
        "News tips: tips@harborstreet.example. Corrections: corrections@harborstreet.example.",
        "Harbor Street Media Ltd, 12 Harbor Street, New York, NY 10004. Phone +1 212 555 0142."]),
    "/privacy/": ("Privacy policy", [
        "We collect the minimum data needed to run this site and our newsletters, and we never sell it.",
        "You can withdraw cookie consent at any time from the banner at the bottom of every page."]),
    "/terms/": ("Terms of use", [
        "Content on this site is provided for information only and may not be republished without a licence."]),
    "/newsletters/": ("Newsletters", [
        "The Morning Brief arrives every weekday at 6 a.m. New York time. The Crypto Weekly arrives on Sundays."]),
}


def simple_page(kit: PageKit, path: str, title: str, paragraphs: list[str], origin: str,
                robots: str = "index,follow") -> str:
    body = "\n".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    return (head(kit, f"{title} | {SITE_NAME}", origin, path, "en", robots=robots)
            + '\n<body class="static-page">\n' + site_header(kit)
            + f'\n<main><nav class="breadcrumb"><a href="/">Home</a> › {esc(title)}</nav>'
            + f"<h1>{esc(title)}</h1>\n{body}\n</main>\n" + site_footer(kit))


# ---------------------------------------------------------------- feeds, sitemaps, robots.txt

XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'


def rss_feed(origin: str, articles: list[DemoArticle]) -> str:
    items = "".join(
        f"<item><title>{esc(a.title)}</title><link>{origin}{a.path}</link>"
        f'<guid isPermaLink="true">{origin}{a.path}</guid><pubDate>{format_datetime(a.published)}</pubDate>'
        f"<dc:creator>{esc(', '.join(a.authors))}</dc:creator><category>{a.section}</category>"
        f"<description>{esc(a.summary)}</description></item>\n" for a in articles)
    return (XML_DECL + '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
            f"<title>{SITE_NAME}</title><link>{origin}/</link>"
            f'<atom:link href="{origin}/feed/" rel="self" type="application/rss+xml"/>'
            "<description>Markets, economy and crypto news</description><language>en</language>\n"
            f"{items}</channel>\n</rss>\n")


def atom_feed(origin: str, articles: list[DemoArticle]) -> str:
    updated = max((a.modified or a.published for a in articles), default=None)
    entries = "".join(
        f'<entry><title>{esc(a.title)}</title><link href="{origin}{a.path}"/><id>{origin}{a.path}</id>'
        f"<published>{a.published_at}</published><updated>{a.modified_at or a.published_at}</updated>"
        + "".join(f"<author><name>{esc(n)}</name></author>" for n in a.authors)
        + f"<summary>{esc(a.summary)}</summary></entry>\n" for a in articles)
    return (XML_DECL + '<feed xmlns="http://www.w3.org/2005/Atom">\n'
            f'<title>{SITE_NAME}</title><id>{origin}/</id><link href="{origin}/"/>'
            f'<link rel="self" href="{origin}/feed/atom/"/>'
            f"<updated>{updated.isoformat() if updated else '2025-01-01T00:00:00+00:00'}</updated>\n"
            f"{entries}</feed>\n")


def url_sitemap(origin: str, entries: list[tuple[str, datetime]]) -> str:
    urls = "".join(f"<url><loc>{origin}{path}</loc><lastmod>{when.isoformat()}</lastmod></url>\n"
                   for path, when in entries)
    return XML_DECL + f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'


def news_sitemap(origin: str, articles: list[DemoArticle], days: int = 2) -> str:
    """Google News sitemap: only stories from the last `days` days before the newest one."""
    newest = articles[0].published if articles else None
    recent = [a for a in articles if newest and (newest - a.published).days < days]
    urls = "".join(
        f"<url><loc>{origin}{a.path}</loc><news:news><news:publication><news:name>{SITE_NAME}</news:name>"
        f"<news:language>{a.language}</news:language></news:publication>"
        f"<news:publication_date>{a.published_at}</news:publication_date>"
        f"<news:title>{esc(a.title)}</news:title></news:news></url>\n" for a in recent)
    return (XML_DECL + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + urls + "</urlset>\n")


def sitemap_index(origin: str, paths: list[str], lastmod: datetime) -> str:
    items = "".join(f"<sitemap><loc>{origin}{p}</loc><lastmod>{lastmod.isoformat()}</lastmod></sitemap>\n"
                    for p in paths)
    return XML_DECL + f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{items}</sitemapindex>\n'


def robots_txt(origin: str, disallowed_prefixes: tuple[str, ...] = ("/preview/", "/search")) -> str:
    rules = "".join(f"Disallow: {p}\n" for p in disallowed_prefixes)
    return ("# Harbor Street Finance\nUser-agent: GPTBot\nDisallow: /\n\n"
            f"User-agent: *\n{rules}Allow: /\n\nSitemap: {origin}/sitemap.xml\n")
