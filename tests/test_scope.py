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
