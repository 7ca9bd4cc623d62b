"""`newsagg demo`."""


def add_parsers(subparsers) -> None:
    pass
