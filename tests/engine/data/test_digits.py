"""The 8×8 digits come from the repository's file, checked against an independent read of the
same CSV with the csv and gzip modules; they load fast and no caller can spoil the cache."""

from __future__ import annotations

import csv
import gzip
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from engine.core.errors import EngineError
from engine.data import data_files, digits
from engine.data.datasets import load_dataset

ROOT = Path(__file__).resolve().parents[3]
DIGITS_CSV = ROOT / "assets" / "data" / "digits.csv.gz"


def csv_rows() -> list[list[int]]:
    with gzip.open(DIGITS_CSV, "rt", newline="") as handle:
        return [[int(float(cell)) for cell in row] for row in csv.reader(handle)]


def test_the_digits_are_the_1797_images_of_64_pixels_scaled_to_0_1():
    data = load_dataset("digits")
    rows = csv_rows()
    assert len(data) == len(rows) == 1797
    assert data.x.shape == (1797, 64) and data.x.dtype == np.float64
    assert data.x.min() == 0.0 and data.x.max() == 1.0
    expected = np.array([row[:64] for row in rows], dtype=np.float64) / 16
    assert np.array_equal(data.x, expected)
    assert data.image_shape == (8, 8) and data.kind == "classification"
    assert data.name == "digits" and data.inputs == 64 and data.outputs == 10


def test_each_class_has_as_many_images_as_the_file_and_targets_are_one_hot():
    data = load_dataset("Digits")  # names are case-insensitive
    counts = Counter(row[64] for row in csv_rows())
    assert data.classes == tuple("0123456789")
    assert counts[0] == 178 and counts[1] == 182  # the real set's first two counts
    assert np.bincount(data.labels).tolist() == [counts[d] for d in range(10)]
    assert np.array_equal(data.y, np.eye(10)[data.labels])
    assert data.y.sum(axis=1).tolist() == [1.0] * 1797


def test_the_first_image_is_a_zero_drawn_as_a_ring():
    data = load_dataset("digits")
    image = data.x[0].reshape(data.image_shape)
    assert data.labels[0] == 0 and data.classes[data.labels[0]] == "0"
    assert image[3:5, 3:5].max() == 0.0  # the hole in the middle
    assert image[3, 2] > 0.5 and image[3, 5] >= 0.5  # the ring's left and right sides
    assert image[:, 0].max() == 0.0 and image[:, 7].max() == 0.0  # empty edges
    assert image[0].tolist() == [v / 16 for v in (0, 0, 5, 13, 9, 1, 0, 0)]


def first_load_seconds() -> float:
    digits._parsed_digits.cache_clear()
    start = time.perf_counter()
    load_dataset("digits")
    return time.perf_counter() - start


def test_digits_load_in_under_50_ms_and_a_changed_copy_does_not_change_the_next():
    assert min(first_load_seconds() for _ in range(3)) < 0.05  # best of 3 on a busy machine
    first = load_dataset("digits")
    first.x[0] = 99.0
    first.labels[0] = 7
    second = load_dataset("digits")
    assert second.x[0].max() <= 1.0 and second.labels[0] == 0
    start = time.perf_counter()
    load_dataset("digits")
    assert time.perf_counter() - start < 0.005  # parsed once, copied after


@pytest.mark.parametrize(
    "content",
    [b"not gzip at all\n", gzip.compress(b"1,2,3\n"), gzip.compress(b"x,y\n"), b"\x1f\x8b\x08bad"],
)
def test_a_damaged_digits_file_is_one_line(tmp_path, monkeypatch, content):
    (tmp_path / "digits.csv.gz").write_bytes(content)
    monkeypatch.setattr(data_files, "CHECKOUT_DATA", tmp_path)
    digits._parsed_digits.cache_clear()
    try:
        with pytest.raises(EngineError) as error:
            load_dataset("digits")
    finally:
        digits._parsed_digits.cache_clear()
    assert "digits" in str(error.value) and "\n" not in str(error.value)


def test_a_missing_digits_file_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(data_files, "CHECKOUT_DATA", tmp_path)
    monkeypatch.setattr(data_files, "ASSETS_PACKAGE", "backprop_assets_not_installed")
    digits._parsed_digits.cache_clear()
    try:
        with pytest.raises(EngineError, match="cannot read .*digits.csv.gz"):
            load_dataset("digits")
    finally:
        digits._parsed_digits.cache_clear()
