"""A learner's own MNIST-format (IDX) files: an images file and the labels file beside it.

IDX: two zero bytes, a type code (0x08: unsigned bytes, the only one read here), the number of
dimensions, each size as a big-endian uint32, then the values row by row; often gzipped. The
file is untrusted: its declared sizes are checked against caps and against its real length
before anything is allocated, so a hostile file is refused in one line, quickly, in bounded
memory. Labels are bytes, so each is below 256 by construction.
"""

from __future__ import annotations

import math
import struct
from pathlib import Path

import numpy as np

from engine.core.errors import EngineError
from engine.core.i18n import translate
from engine.data.capped_read import read_data_file
from engine.data.dataset import Dataset, classification

UNSIGNED_BYTE = 0x08
MAX_SAMPLES = 70_000  # all of MNIST, training and test sets together
MAX_IMAGE_PIXELS = 4_096  # 64 × 64
MAX_PIXELS = MAX_SAMPLES * 28 * 28  # float64 inputs of at most 440 MB
IMAGES_DIMS, LABELS_DIMS = 3, 1


def load_idx(images_path: str | Path) -> Dataset:
    """Inputs pixel / 255, classes the distinct labels in increasing order, targets one-hot."""
    images_path = Path(images_path)
    labels_path = labels_file_for(images_path)
    images = read_idx(images_path, IMAGES_DIMS)
    labels = read_idx(labels_path, LABELS_DIMS)
    if len(images) != len(labels):
        text = translate(
            "EngineError", "{images} holds {count} images but {labels} holds {labelled} labels"
        )
        raise EngineError(
            text.format(
                images=images_path.name,
                count=len(images),
                labels=labels_path.name,
                labelled=len(labels),
            )
        )
    values, index = np.unique(labels, return_inverse=True)
    if values.size < 2:
        text = translate("EngineError", "{labels} holds only one class ({label}); need 2 or more")
        raise EngineError(text.format(labels=labels_path.name, label=int(values[0])))
    n, rows, columns = images.shape
    x = images.reshape(n, rows * columns) / 255.0
    classes = tuple(str(int(v)) for v in values)
    return classification(images_path.name, x, index.reshape(-1), classes, (rows, columns))


def labels_file_for(images_path: Path) -> Path:
    """The labels file beside an images file: train-images-idx3-ubyte.gz ->
    train-labels-idx1-ubyte.gz ('images' -> 'labels', 'idx3' -> 'idx1')."""
    name = images_path.name.replace("images", "labels").replace("idx3", "idx1")
    if name == images_path.name and ("labels" in name or "idx1" in name):
        text = translate(
            "EngineError",
            "{file} is a labels file: open the images file beside it (like "
            "train-images-idx3-ubyte) and its labels are found by name",
        )
        raise EngineError(text.format(file=images_path.name))
    if name == images_path.name:
        text = translate(
            "EngineError",
            "cannot tell which file holds the labels of {file}: an IDX images file's name "
            "contains 'images' or 'idx3' (like train-images-idx3-ubyte)",
        )
        raise EngineError(text.format(file=images_path.name))
    return images_path.with_name(name)


def read_idx(path: Path, dims: int) -> np.ndarray:
    """The file's uint8 values in their declared shape, after every check."""
    header = 4 + 4 * dims
    most = MAX_PIXELS if dims == IMAGES_DIMS else MAX_SAMPLES
    data = read_data_file(path, header + most, "IDX file")
    sizes = _sizes(path, data, dims)
    expected = header + math.prod(sizes)
    if len(data) != expected:
        text = translate(
            "EngineError",
            "{file} declares {sizes} values ({expected:,} bytes with its header) but is "
            "{actual:,} bytes long",
        )
        shown = " × ".join(str(s) for s in sizes)
        raise EngineError(
            text.format(file=path.name, sizes=shown, expected=expected, actual=len(data))
        )
    return np.frombuffer(data, np.uint8, offset=header).reshape(sizes)


def _sizes(path: Path, data: bytes, dims: int) -> tuple[int, ...]:
    """The declared sizes, refused unless the header is IDX's and they are within the caps."""
    header = 4 + 4 * dims
    if len(data) < header or data[:2] != b"\0\0" or data[3] != dims:
        text = translate(
            "EngineError",
            "{file} is not an IDX file of {dims} dimension(s): it does not start "
            "with the bytes 00 00 08 0{dims}",
        )
        raise EngineError(text.format(file=path.name, dims=dims))
    if data[2] != UNSIGNED_BYTE:
        text = translate(
            "EngineError",
            "{file} holds values of IDX type 0x{code:02x}; only unsigned bytes (0x08) are read",
        )
        raise EngineError(text.format(file=path.name, code=data[2]))
    sizes = struct.unpack(f">{dims}I", data[4:header])
    _check_caps(path, sizes)
    return sizes


def _check_caps(path: Path, sizes: tuple[int, ...]) -> None:
    count, pixels = sizes[0], math.prod(sizes[1:])  # Python ints: no overflow
    if not 1 <= count <= MAX_SAMPLES:
        text = translate(
            "EngineError", "{file} declares {count:,} samples; 1 to {most:,} can be read"
        )
        raise EngineError(text.format(file=path.name, count=count, most=MAX_SAMPLES))
    if not 1 <= pixels <= MAX_IMAGE_PIXELS:
        text = translate(
            "EngineError", "{file} declares images of {pixels:,} pixels; 1 to {most:,} can be read"
        )
        raise EngineError(text.format(file=path.name, pixels=pixels, most=MAX_IMAGE_PIXELS))
    if count * pixels > MAX_PIXELS:
        text = translate(
            "EngineError", "{file} declares {total:,} pixels in all; at most {most:,} can be read"
        )
        raise EngineError(text.format(file=path.name, total=count * pixels, most=MAX_PIXELS))
