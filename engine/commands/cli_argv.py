"""Command-line tokens before argparse reads them: a value may start with a minus sign.

argparse takes any token that starts with '-' and is not a plain negative number for an
option, so `--range -2,3,-1,1` or `--lr -1e-3` failed with "expected one argument".
"""

from __future__ import annotations

import argparse
import re

# A value such as -2,3,-1,1 or -1e-3 or -inf.
NUMERIC_VALUE = re.compile(r"-(\d|\.\d|inf|nan)", re.IGNORECASE)


def value_options(parser: argparse.ArgumentParser) -> set[str]:
    """The option strings of `parser` that take exactly one value (each command's own parser
    joins its own options when it parses the rest of the line)."""
    return {
        option
        for action in parser._actions
        if action.option_strings and action.nargs is None
        for option in action.option_strings
    }


def join_numeric_values(argv: list[str], options: set[str]) -> list[str]:
    """`--range -2,3,-1,1` → `--range=-2,3,-1,1`, for options that take a value, before `--`."""
    joined: list[str] = []
    index = 0
    while index < len(argv):
        token = argv[index]
        if token == "--":
            return joined + argv[index:]
        following = argv[index + 1] if index + 1 < len(argv) else ""
        if token in options and NUMERIC_VALUE.match(following):
            joined.append(f"{token}={following}")
            index += 2
            continue
        joined.append(token)
        index += 1
    return joined
