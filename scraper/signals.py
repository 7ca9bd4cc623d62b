"""Custom Scrapy signals of newsagg."""

# Sent by spiders for every page that could not be fetched or read: (url, error, spider).
crawl_error = object()
# Sent by the store pipeline after each upsert: (outcome, item, spider).
article_stored = object()
# Sent (on the reactor thread) when the database cannot be written at all: (error, spider).
storage_failed = object()
