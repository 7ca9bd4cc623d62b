"""Argument types shared by the rooms' command lines: a bad value is a usage error (exit 2)
with one line, before anything runs."""

from __future__ import annotations

import argparse

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {text!r}")
    return value


def non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be a number of seconds >= 0, not {text!r}")
    return value


def broker_url(text: str) -> str:
    from core.config import check_broker_url

    try:
        return check_broker_url(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
