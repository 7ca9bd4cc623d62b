"""URL scoping of ad-hoc and configured crawls: host plus the start URL's path prefix."""

from scraper.scope import Scope, path_prefix


def test_path_prefix_is_the_start_urls_folder():
    assert path_prefix("https://infofinance.com/en/") == "/en/"
    assert path_prefix("https://infofinance.com/en/markets") == "/en/"
    assert path_prefix("https://infofinance.com") == "/"


def test_scope_keeps_host_and_prefix():
    scope = Scope.from_urls(["https://infofinance.com/en/"])
    assert scope.allows("https://infofinance.com/en/markets/some-story/")
    assert scope.allows("https://www.infofinance.com/en/page/2/")  # www. is the same site
    assert not scope.allows("https://infofinance.com/vi/markets/")  # other edition
    assert not scope.allows("https://other.com/en/")
    assert not scope.allows("ftp://infofinance.com/en/file")
    assert not scope.allows("https://infofinance.com/en/report.pdf")


def test_allow_and_deny_patterns():
    scope = Scope.from_urls(["https://example.com/"], allow=[r"/news/"], deny=[r"/tag/"])
    assert scope.allows("https://example.com/news/a-story")
    assert not scope.allows("https://example.com/news/tag/fed")
    assert not scope.allows("https://example.com/about")


def test_a_non_default_port_is_another_site():
    scope = Scope.from_urls(["http://127.0.0.1:8001/"])
    assert scope.allows("http://127.0.0.1:8001/news/a")
    assert not scope.allows("http://127.0.0.1:8002/news/a")
    assert not scope.allows("http://localhost:8001/news/a")  # another name for the same machine
    assert Scope.from_urls(["https://example.com/"]).allows("https://example.com:443/a")  # default port


def test_a_redirect_must_land_where_a_link_could_go():
    scope = Scope.from_urls(["https://example.com/en/"], deny=[r"/en/private/"])
    origin = "https://example.com/en/story"
    assert scope.refuses_redirect("https://www.example.com/en/story-2", page=True, origin=origin) is None
    for target in ("https://evil.example/en/x", "http://10.0.0.1/en/x", "https://example.com/fr/x",
                   "https://example.com/en/private/x", "file:///etc/passwd", "https://example.com:8443/en/x"):
        assert "redirect out of scope" in scope.refuses_redirect(target, page=True, origin=origin), target
    # a sitemap or robots.txt may move on its host, outside the path prefix, but not to another host
    assert scope.refuses_redirect("https://example.com/sitemap_index.xml", page=False, origin=origin) is None
    assert scope.refuses_redirect("https://cdn.example/sitemap.xml", page=False, origin=origin)
