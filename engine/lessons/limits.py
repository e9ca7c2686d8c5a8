"""What a lesson file must be before its text is parsed: a small regular file, shallow.

The TOML parser recurses once per nested array or inline table (3,000 `[` in 6 KB end in a
RecursionError) and takes time quadratic in a dotted key's length (a 78 KB `a.a.a… = 1` took
21 s), so both are measured first with a cheap scan that skips strings and comments.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from engine.core.errors import EngineError

MAX_LESSON_BYTES = 256 * 1024
MAX_NESTING = 32  # arrays and inline tables inside one another
MAX_KEY_PARTS = 32  # the parts of one dotted key: a.b.c has three

# Outside strings and comments, the characters that open something or count for a limit.
_TOKEN = re.compile(r"\"\"\"|'''|[\"'#\[\]{}.=,\n]")
# Where each kind of string or comment ends, searched from just after its opening.
_CLOSE = {  # each always matches: an unclosed string runs to the end of its line or text
    '"': re.compile(r'(?:[^"\\\n]|\\.)*"?'),
    "'": re.compile(r"[^'\n]*'?"),
    '"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*(?:"""\"{0,2})?', re.DOTALL),
    "'''": re.compile(r"(?:[^']|'(?!''))*(?:'''\'{0,2})?", re.DOTALL),
    "#": re.compile(r"[^\n]*"),
}
_KEY_ENDS = frozenset("=,\n[]{}")


def read_lesson_file(path: Path, limit: int = MAX_LESSON_BYTES) -> bytes:
    """The file's bytes; EngineError (one line) for anything but a regular file under `limit`.

    Opened without blocking (a FIFO would wait for a writer), then the opened file is checked,
    so a name swapped for a device or FIFO in between is refused too.
    """
    name = path.name
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise EngineError(f"{name}: cannot read the file ({error.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise EngineError(f"{name}: not a regular file (a lesson is a .toml text file)")
        if info.st_size > limit:
            raise EngineError(f"{name}: larger than the limit of {limit // 1024} KB for a lesson")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise EngineError(f"{name}: cannot read the file ({error.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise EngineError(f"{name}: larger than the limit of {limit // 1024} KB for a lesson")
    return data


def check_shape(text: str, name: str) -> None:
    """Refuse text nested deeper than MAX_NESTING or with a key of more than MAX_KEY_PARTS."""
    depth = dots = 0
    position = 0
    while match := _TOKEN.search(text, position):
        token = match.group()
        position = match.end()
        if token in _CLOSE:
            position = _CLOSE[token].match(text, position).end()
            continue
        if token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise EngineError(
                    f"{name}: arrays and tables are nested more than {MAX_NESTING} deep"
                )
        elif token in "]}":
            depth = max(depth - 1, 0)
        if token == ".":
            dots += 1
            if dots >= MAX_KEY_PARTS:
                raise EngineError(f"{name}: a dotted key has more than {MAX_KEY_PARTS} parts")
        elif token in _KEY_ENDS:
            dots = 0
