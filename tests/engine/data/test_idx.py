"""MNIST-format (IDX) files: valid ones load as the bytes say, gzipped or not; truncated, padded,
mislabelled, oversized and foreign files are refused in one line without reading them whole."""

from __future__ import annotations

import gzip
import os
import struct
import time
from pathlib import Path

import numpy as np
import pytest

from engine.core.errors import EngineError
from engine.data import idx
from engine.data.datasets import load_dataset

IMAGES = "train-images-idx3-ubyte"
LABELS = "train-labels-idx1-ubyte"


def idx_bytes(values: np.ndarray, code: int = 0x08) -> bytes:
    """An IDX file written by hand: 00 00, type, dims, big-endian sizes, the bytes."""
    header = bytes((0, 0, code, values.ndim)) + struct.pack(f">{values.ndim}I", *values.shape)
    return header + values.astype(np.uint8).tobytes()


def write_pair(folder: Path, images: np.ndarray, labels: np.ndarray, gz: bool = False) -> Path:
    suffix = ".gz" if gz else ""
    pack = gzip.compress if gz else bytes
    (folder / (IMAGES + suffix)).write_bytes(pack(idx_bytes(images)))
    (folder / (LABELS + suffix)).write_bytes(pack(idx_bytes(labels)))
    return folder / (IMAGES + suffix)


def sample(n: int = 6, rows: int = 3, columns: int = 4) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(5)
    images = rng.integers(0, 256, (n, rows, columns), dtype=np.uint8)
    labels = np.array([7, 2, 7, 9, 2, 2][:n], dtype=np.uint8)
    return images, labels


def refusal(path: Path) -> str:
    with pytest.raises(EngineError) as error:
        load_dataset(str(path))
    message = str(error.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("gz", [False, True])
def test_a_valid_pair_loads_pixels_over_255_and_the_labels_as_sorted_classes(tmp_path, gz):
    images, labels = sample()
    data = load_dataset(str(write_pair(tmp_path, images, labels, gz)))
    assert data.name == IMAGES + (".gz" if gz else "")
    assert data.image_shape == (3, 4) and data.x.shape == (6, 12)
    assert np.array_equal(data.x, images.reshape(6, 12).astype(np.float64) / 255.0)
    assert data.classes == ("2", "7", "9")
    assert [data.classes[k] for k in data.labels] == [str(v) for v in labels]
    assert np.array_equal(data.y, np.eye(3)[data.labels]) and data.kind == "classification"


def test_mnist_names_with_a_dot_are_read_too(tmp_path):
    images, labels = sample()
    (tmp_path / "t10k-images.idx3-ubyte").write_bytes(idx_bytes(images))
    (tmp_path / "t10k-labels.idx1-ubyte").write_bytes(idx_bytes(labels))
    assert len(load_dataset(str(tmp_path / "t10k-images.idx3-ubyte"))) == 6


def test_a_truncated_images_file_is_refused_with_both_lengths(tmp_path):
    path = write_pair(tmp_path, *sample())
    path.write_bytes(path.read_bytes()[:-1])
    message = refusal(path)
    assert "6 × 3 × 4" in message and "88" in message and "87" in message


def test_extra_bytes_after_the_values_are_refused(tmp_path):
    path = write_pair(tmp_path, *sample())
    path.write_bytes(path.read_bytes() + b"\0")
    assert "89" in refusal(path)


@pytest.mark.parametrize("start", [b"\x00\x01\x08\x03", b"PK\x03\x04", b"\x00\x00\x08\x01", b""])
def test_a_file_that_does_not_start_as_idx_images_is_refused(tmp_path, start):
    path = write_pair(tmp_path, *sample())
    path.write_bytes(start + path.read_bytes()[4:] if start else b"")
    assert "is not an IDX file" in refusal(path)


def test_a_type_other_than_unsigned_bytes_is_refused(tmp_path):
    images, labels = sample()
    path = write_pair(tmp_path, images, labels)
    path.write_bytes(idx_bytes(images, code=0x0D))
    assert "0x0d" in refusal(path)


def test_counts_that_differ_are_refused(tmp_path):
    images, labels = sample()
    path = write_pair(tmp_path, images, labels[:5])
    assert refusal(path) == f"{IMAGES} holds 6 images but {LABELS} holds 5 labels"


def test_labels_of_one_class_are_refused(tmp_path):
    images, _ = sample()
    path = write_pair(tmp_path, images, np.full(6, 4, np.uint8))
    assert "only one class (4)" in refusal(path)


def test_a_missing_labels_file_is_named(tmp_path):
    path = write_pair(tmp_path, *sample())
    (tmp_path / LABELS).unlink()
    assert LABELS in refusal(path)


def test_a_labels_file_given_as_the_images_is_explained(tmp_path):
    write_pair(tmp_path, *sample())
    assert "is a labels file" in refusal(tmp_path / LABELS)


def test_a_name_without_images_or_idx3_is_refused(tmp_path):
    (tmp_path / "digits-ubyte").write_bytes(idx_bytes(sample()[0]))
    assert "cannot tell which file holds the labels" in refusal(tmp_path / "digits-ubyte")


@pytest.mark.parametrize(
    ("sizes", "words"),
    [
        ((70_001, 28, 28), "70,001 samples"),
        ((0, 28, 28), "0 samples"),
        ((10, 65, 64), "4,160 pixels"),
        ((10, 2**32 - 1, 2**32 - 1), "pixels"),
        ((70_000, 64, 64), "286,720,000 pixels in all"),
    ],
)
def test_declared_sizes_over_the_caps_are_refused_before_reading_on(tmp_path, sizes, words):
    path = tmp_path / IMAGES
    path.write_bytes(bytes((0, 0, 8, 3)) + struct.pack(">3I", *sizes) + b"\0" * 100)
    (tmp_path / LABELS).write_bytes(idx_bytes(np.arange(10)))
    assert words in refusal(path)


def test_a_gzip_bomb_is_refused_at_the_cap_without_inflating_it(tmp_path, monkeypatch):
    monkeypatch.setattr(idx, "MAX_PIXELS", 10_000)
    path = tmp_path / (IMAGES + ".gz")
    path.write_bytes(gzip.compress(b"\0" * 50_000_000))  # 50 MB of zeros in about 50 KB
    start = time.perf_counter()
    assert "bigger than" in refusal(path)
    assert time.perf_counter() - start < 1.0


def test_a_broken_gzip_file_is_refused(tmp_path):
    path = tmp_path / (IMAGES + ".gz")
    path.write_bytes(gzip.compress(idx_bytes(sample()[0]))[:-8])
    assert "not a readable gzip file" in refusal(path)


def test_a_folder_named_like_an_images_file_is_refused(tmp_path):
    (tmp_path / IMAGES).mkdir()
    assert "directory" in refusal(tmp_path / IMAGES)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / IMAGES)
    assert "not a regular file" in refusal(tmp_path / IMAGES)
