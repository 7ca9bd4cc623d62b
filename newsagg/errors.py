"""Errors shown to the operator as one line (`newsagg: error: ...`) with a non-zero exit."""


class NewsaggError(Exception):
    """A clear, user-facing failure: bad config, unknown source, unreachable site, locked source."""

    exit_code = 2
