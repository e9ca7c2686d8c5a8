"""Reading a file under a cap: regular files only, never more than the cap plus one byte.

Every refusal is one line that says what the limit is. Reading follows a symlink to the file it
names and then refuses anything that is not a regular file (``/dev/zero``, a FIFO, a folder)
before reading a byte. It lives in core because every loader (sessions, lessons, datasets)
reads this way, and the data layer sits below io.
"""

from __future__ import annotations

import os
import stat

from engine.core.errors import EngineError
from engine.core.i18n import translate


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
            refuse_size(path, what, cap_bytes)
        data = handle.read(cap_bytes + 1)  # the file may have grown since fstat
    if len(data) > cap_bytes:
        refuse_size(path, what, cap_bytes)
    return data


def refuse_size(path: str | os.PathLike[str], what: str, cap_bytes: int) -> None:
    text = translate("EngineError", "{path} is bigger than the {cap} a {what} may be")
    raise LoadLimitError(text.format(path=path, cap=shown_size(cap_bytes), what=what))


def shown_size(size: int) -> str:
    """A byte count for people: 64 MB, 512 KB."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:g} {unit}"
    return f"{size} bytes"
