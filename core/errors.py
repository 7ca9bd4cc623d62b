"""Errors shown to the operator as one line (`newsagg: error: ...`) with a non-zero exit."""


class NewsaggError(Exception):
    """A clear, user-facing failure: bad config, unknown source, unreachable site, locked source."""

    exit_code = 2


class ExtractionError(ValueError):
    """The input cannot be read as an HTML page."""


class SourceBusyError(NewsaggError):
    """The source is already being crawled (by this host or another)."""

    exit_code = 3
