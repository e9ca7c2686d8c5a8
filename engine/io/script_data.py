"""Arrays embedded in an exported script exactly: zlib-compressed bytes in base64.

A base64 string holds only letters, digits, '+', '/' and '=', so the literal cannot be
anything but data; the script's unpack() turns it back into the very same numpy array.
"""

from __future__ import annotations

import base64
import zlib

import numpy as np

from engine.io.script_values import whole

LINE = 88  # base64 characters a line
KINDS = {np.dtype(np.float64): "float64", np.dtype(np.int64): "int64"}

UNPACK_HELPER = '''
def unpack(packed, shape, kind="float64"):
    """An array the app embedded: zlib-compressed bytes of a numpy array, in base64."""
    return np.frombuffer(zlib.decompress(base64.b64decode(packed)), dtype=kind).reshape(shape)
'''


def packed_lines(name: str, array: np.ndarray) -> list[str]:
    """`NAME = unpack("...", shape[, kind])` over a few lines; `name` is the script's own."""
    kind = KINDS[array.dtype]
    text = base64.b64encode(zlib.compress(np.ascontiguousarray(array).tobytes(), 9)).decode()
    chunks = [text[k : k + LINE] for k in range(0, len(text), LINE)] or [""]
    sizes = ", ".join(whole(int(n)) for n in array.shape)
    shape = f"({sizes},)" if array.ndim == 1 else f"({sizes})"
    kind_argument = "" if kind == "float64" else f', "{kind}"'
    return [
        f"{name} = unpack(",
        *(f'    "{chunk}"' for chunk in chunks[:-1]),
        f'    "{chunks[-1]}",',
        f"    {shape}{kind_argument},",
        ")",
    ]
