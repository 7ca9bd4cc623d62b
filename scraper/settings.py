"""Scrapy settings of newsagg. `newsagg crawl` builds per-source settings on top of these
(scraper/run.py); `scrapy crawl news` from the repo root uses them as they are."""

import os

BOT_NAME = "newsagg"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"

USER_AGENT = "newsagg/0.1 (+https://github.com/newsagg/newsagg)"
ROBOTSTXT_OBEY = True

# Politeness: per-domain cap, a base delay that AutoThrottle adapts to the server's latency.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# Hostile sites: bounded time, size, redirects and depth.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
REDIRECT_MAX_TIMES = 5
RETRY_TIMES = 2
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
NEWSAGG_RETRY_BACKOFF = 1.0  # seconds before the first retry, doubled each time (Retry-After wins)
NEWSAGG_RETRY_AFTER_MAX = 300.0  # a Retry-After longer than this: give up on the page instead
DEPTH_LIMIT = 5
DEPTH_PRIORITY = 1  # breadth-first-ish: listings before deep archives
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
CLOSESPIDER_PAGECOUNT = 500

DOWNLOADER_MIDDLEWARES = {
    "scraper.middlewares.RedirectScopeMiddleware": 50,  # before RobotsTxtMiddleware (100) fetches robots.txt
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,  # replaced by BackoffRetryMiddleware
    "scraper.middlewares.CrawlDelayMiddleware": 110,  # after RobotsTxtMiddleware (100) parsed robots.txt
    "scraper.middlewares.BackoffRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "scraper.middlewares.BoundedDecompressionMiddleware": 590,  # in its place: a gzip bomb is a page error
    "scraper.middlewares.RedirectLoopMiddleware": 650,  # sees a 3xx before RedirectMiddleware (600)
    "scraper.known_redirects.KnownRedirectMiddleware": 640,  # a 3xx to a known page is not followed
}
# Loopback, private and link-local addresses only for sources on one (scraper/addresses.py).
TWISTED_DNS_RESOLVER = "scraper.addresses.GuardedResolver"
# Web pages only, over a handler whose downloads a closing crawl cancels (scraper/closing.py).
DOWNLOAD_HANDLERS = {"http": "scraper.closing.CancellableDownloadHandler",
                     "https": "scraper.closing.CancellableDownloadHandler", "file": None, "s3": None, "ftp": None}
ITEM_PIPELINES = {"scraper.pipelines.StorePipeline": 300}
EXTENSIONS = {"scraper.extensions.RunLedger": 500, "scraper.closing.CrawlCloser": 510,
              "scrapy.extensions.telnet.TelnetConsole": None}
CLOSESPIDER_TIMEOUT = 0  # the source's timeout is CrawlCloser's (it also cancels downloads in flight)

NEWSAGG_DB = os.environ.get("NEWSAGG_DB", "data/news.db")
NEWSAGG_FULL = False  # True: ignore stored state (known URLs, refresh windows, dates): a forced recrawl
NEWSAGG_EXTRACT_WORKERS = 0  # >0: extract in worker processes while the reactor downloads ([crawler] extract_workers)

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
