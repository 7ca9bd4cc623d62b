"""Harbor Street Finance, the bundled demo site (newsagg/demo, markup in newsagg/demo/render.py).

The generic extractor reads it well already; this profile shows the mechanism. `make demo` names
it (`profile = "demo"` on the demo source), since the demo is served from a loopback address;
pages under the host below pick it by host (the fixture test does).
"""

from . import SiteProfile

PROFILE = SiteProfile(
    hosts=("harborstreet.example",),
    title=("article.story > .story-header > h1",),
    # Pages state the time in og meta or in JSON-LD; where the meta is missing, the generic chain
    # reads the JSON-LD (a selector that matches nothing falls back).
    published=("meta[property='article:published_time']",),
    authors=(".story-header .byline a[rel=author]",),
    body="article.story > .story-body",
    # The newsletter pitch inside the body and the "Read more" teaser lines are never article text.
    drop=(".story-body .newsletter-signup", ".story-body .read-more"),
    notices=(".story-body .disclaimer",),
)
