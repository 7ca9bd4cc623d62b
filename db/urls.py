"""URL canonicalisation: the one place that decides when two URLs name the same page."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid",
                   "yclid", "_ga", "_gl", "ref_src", "cmpid", "ocid", "ncid", "sr_share", "smid", "spm",
                   "mkt_tok", "oly_enc_id", "oly_anon_id", "vero_id", "__twitter_impression", "amp",
                   "outputtype"}
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "at_")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_AMP_PATH = re.compile(r"(/amp/?$|\.amp(?=\.html?$)|\.amp$)")


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonicalize(url: str) -> str:
    """Scheme/host lowercased, default port and fragment dropped, tracking parameters removed,
    query sorted, AMP variants mapped to the regular page."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("amp."):
        host = host[4:]
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = _AMP_PATH.sub("", parts.path) or "/"
    path = re.sub(r"/{2,}", "/", path)
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k))
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def same_site(url_a: str, url_b: str) -> bool:
    """Same host, ignoring a leading www. and amp. (a page's canonical must stay on its site)."""
    def host(url: str) -> str:
        name = (urlsplit(url).hostname or "").lower()
        for prefix in ("www.", "amp.", "m."):
            name = name.removeprefix(prefix)
        return name
    return bool(host(url_a)) and host(url_a) == host(url_b)


def article_url(fetched_url: str, declared_canonical: str | None) -> str:
    """The canonical URL of an article: the page's own canonical when it stays on the same site."""
    if declared_canonical and urlsplit(declared_canonical).scheme in ("http", "https") \
            and same_site(declared_canonical, fetched_url):
        return canonicalize(declared_canonical)
    return canonicalize(fetched_url)
