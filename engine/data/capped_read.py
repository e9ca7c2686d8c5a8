"""A data file's bytes under a cap, gunzipped when it is gzip: a small file that inflates to
gigabytes (a "gzip bomb") is refused once the cap is passed, never inflated whole."""

from __future__ import annotations

import gzip
import io
import os
import zlib

from engine.core.errors import EngineError
from engine.core.file_limits import LoadLimitError, read_regular_file, refuse_size
from engine.core.i18n import translate

GZIP_MAGIC = b"\x1f\x8b"


def read_data_file(path: str | os.PathLike[str], cap_bytes: int, what: str) -> bytes:
    """The file's bytes (decompressed when it starts as gzip does), at most `cap_bytes` of them;
    EngineError with one line for a missing, unreadable, oversized or broken file."""
    try:
        raw = read_regular_file(path, cap_bytes, what)
    except LoadLimitError:
        raise
    except OSError as error:
        text = translate("EngineError", "cannot read {path}: {error}")
        raise EngineError(text.format(path=path, error=error.strerror or error)) from None
    if not raw.startswith(GZIP_MAGIC):
        return raw
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            data = stream.read(cap_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        text = translate("EngineError", "{path} is not a readable gzip file: {error}")
        raise EngineError(text.format(path=path, error=error)) from None
    if len(data) > cap_bytes:
        refuse_size(path, what, cap_bytes)
    return data
