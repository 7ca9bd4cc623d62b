"""`newsagg schedule|runs|status` (issue 5 fills these in)."""


def add_parsers(subparsers) -> None:
    pass
