"""Limits on what is loaded: regular files only, under a size cap, JSON under a nesting cap.

Every refusal is one line that says what the limit is. Reading follows a symlink to the file it
names and then refuses anything that is not a regular file (``/dev/zero``, a FIFO, a folder)
before reading a byte, and never reads more than the cap plus one byte.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import numpy as np

from engine.core.errors import EngineError
from engine.core.i18n import translate

_ESCAPE = re.compile(rb"\\.", re.DOTALL)  # a backslash and the character it escapes
_STRING = re.compile(rb'"[^"]*"')  # once escapes are gone, a string holds no quote
_OPENING, _CLOSING = np.frombuffer(b"[{", np.uint8), np.frombuffer(b"]}", np.uint8)
_DEPTH_CHUNK = 1 << 20  # bytes scanned at a time, so the scan's memory stays small


class LoadLimitError(EngineError):
    """A file that is not a regular file, or is bigger or deeper than its cap."""


def read_regular_file(path: str | os.PathLike[str], cap_bytes: int, what: str) -> bytes:
    """The bytes of a regular file of at most `cap_bytes`; OSError when it cannot be read."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer before we can refuse it.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            text = translate("EngineError", "{path} is not a regular file, so it is not a {what}")
            raise LoadLimitError(text.format(path=path, what=what))
        if info.st_size > cap_bytes:
            _refuse_size(path, what, cap_bytes)
        data = handle.read(cap_bytes + 1)  # the file may have grown since fstat
    if len(data) > cap_bytes:
        _refuse_size(path, what, cap_bytes)
    return data


def _refuse_size(path: str | os.PathLike[str], what: str, cap_bytes: int) -> None:
    text = translate("EngineError", "{path} is bigger than the {cap} a {what} may be")
    raise LoadLimitError(text.format(path=path, cap=shown_size(cap_bytes), what=what))


def shown_size(size: int) -> str:
    """A byte count for people: 64 MB, 512 KB."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:g} {unit}"
    return f"{size} bytes"


def json_depth(raw: bytes) -> int:
    """How deeply the JSON text's arrays and objects nest (brackets inside strings ignored).

    Linear and cheap: regular expressions drop escapes and strings, then the bracket depth is
    a running sum over chunks. Malformed text gives some number; the parser reports it later.
    """
    bare = _STRING.sub(b"", _ESCAPE.sub(b"", raw))
    codes = np.frombuffer(bare, np.uint8)
    depth = deepest = 0
    for start in range(0, codes.size, _DEPTH_CHUNK):
        chunk = codes[start : start + _DEPTH_CHUNK]
        steps = np.isin(chunk, _OPENING).astype(np.int64) - np.isin(chunk, _CLOSING)
        if not steps.any():
            continue
        running = np.cumsum(steps) + depth
        deepest = max(deepest, int(running.max()))
        depth = int(running[-1])
    return deepest


def check_json_depth(raw: bytes, cap: int, path: str | os.PathLike[str], what: str) -> None:
    """Refuse JSON nested deeper than `cap` before the parser recurses into it."""
    if json_depth(raw) > cap:
        text = translate(
            "EngineError", "{path} nests deeper than the {cap} levels a {what} may have"
        )
        raise LoadLimitError(text.format(path=Path(path), cap=cap, what=what))
