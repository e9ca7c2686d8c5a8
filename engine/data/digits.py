"""The 8×8 handwritten digits (UCI optical digits as scikit-learn ships them; assets/data/README.md
says where they come from and under which licence), read from the repository, never downloaded.

The file is parsed once per process and kept read-only; each caller gets its own copies, so no
caller can change what the next one loads.
"""

from __future__ import annotations

import functools
import io

import numpy as np

from engine.core.errors import EngineError
from engine.core.i18n import translate
from engine.data.capped_read import read_data_file
from engine.data.data_files import data_file
from engine.data.dataset import Dataset, classification

DIGITS_FILE = "digits.csv.gz"
DIGITS_ROWS = 1797
IMAGE_SHAPE = (8, 8)
PIXELS = IMAGE_SHAPE[0] * IMAGE_SHAPE[1]
MAX_PIXEL = 16  # each pixel counts the "on" pixels of a 4×4 block
CLASSES = tuple(str(digit) for digit in range(10))
MAX_FILE_BYTES = 2**20  # the file is 57 KB, 260 KB decompressed


def load_digits() -> Dataset:
    """1,797 images: inputs pixel / 16 in [0, 1], targets one-hot over "0".."9"."""
    pixels, labels = _parsed_digits()
    return classification("digits", pixels.copy(), labels.copy(), CLASSES, IMAGE_SHAPE)


@functools.lru_cache(maxsize=1)
def _parsed_digits() -> tuple[np.ndarray, np.ndarray]:
    """(pixels / 16, labels), read-only: the cache hands out the same arrays every time."""
    path = data_file(DIGITS_FILE)
    table = _table(path)
    pixels = table[:, :PIXELS] / MAX_PIXEL
    labels = table[:, PIXELS].copy()
    for array in (pixels, labels):
        array.flags.writeable = False
    return pixels, labels


def _table(path) -> np.ndarray:
    """The file's rows as integers, checked: 1,797 rows of 64 pixels 0..16 and a digit."""
    text = read_data_file(path, MAX_FILE_BYTES, "digits data file")
    try:
        table = np.loadtxt(io.BytesIO(text), delimiter=",", dtype=np.int64, ndmin=2)
    except ValueError as error:
        message = translate("EngineError", "the digits data file {path} cannot be read: {error}")
        raise EngineError(message.format(path=path, error=error)) from None
    good = (
        table.shape == (DIGITS_ROWS, PIXELS + 1)
        and table[:, :PIXELS].min() >= 0
        and table[:, :PIXELS].max() <= MAX_PIXEL
        and set(np.unique(table[:, PIXELS]).tolist()) == set(range(10))
    )
    if not good:
        message = translate(
            "EngineError", "the digits data file {path} is damaged: reinstall the app"
        )
        raise EngineError(message.format(path=path))
    return table
