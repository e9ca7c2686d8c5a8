"""Limits on what is loaded: regular files only, under a size cap, JSON under a nesting cap.

Every refusal is one line that says what the limit is. The capped read itself is in
engine/core/file_limits.py (the data layer, below io, reads datasets with it); it is named here
too, so that io's readers find every limit in one module.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np

from engine.core.file_limits import LoadLimitError, read_regular_file, shown_size
from engine.core.i18n import translate

__all__ = [
    "LoadLimitError",
    "check_json_depth",
    "json_depth",
    "read_regular_file",
    "shown_size",
]

_ESCAPE = re.compile(rb"\\.", re.DOTALL)  # a backslash and the character it escapes
_STRING = re.compile(rb'"[^"]*"')  # once escapes are gone, a string holds no quote
_OPENING, _CLOSING = np.frombuffer(b"[{", np.uint8), np.frombuffer(b"]}", np.uint8)
_DEPTH_CHUNK = 1 << 20  # bytes scanned at a time, so the scan's memory stays small


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
