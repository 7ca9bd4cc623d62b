"""`newsagg search|export|stats`: read-side commands over the SQLite file (issue 4 fills these in)."""


def add_parsers(subparsers) -> None:
    pass
