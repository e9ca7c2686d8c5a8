"""Reading under limits: regular files only, a size cap, and a cheap JSON nesting scan."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.io.load_limits import (
    LoadLimitError,
    check_json_depth,
    json_depth,
    read_regular_file,
    shown_size,
)


def test_a_regular_file_under_the_cap_is_read_whole(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_regular_file(path, 100, "thing") == b"x" * 100


def test_a_file_one_byte_over_the_cap_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(LoadLimitError, match="bigger than the 100 bytes a thing may be"):
        read_regular_file(path, 100, "thing")


def test_a_symlink_to_a_regular_file_is_followed(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"abc")
    (tmp_path / "link").symlink_to(tmp_path / "a.txt")
    assert read_regular_file(tmp_path / "link", 10, "thing") == b"abc"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_devices_are_refused(tmp_path, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    (tmp_path / "link").symlink_to(device)
    with pytest.raises(LoadLimitError, match="not a regular file"):
        read_regular_file(tmp_path / "link", 10, "thing")


def test_a_folder_is_refused(tmp_path):
    with pytest.raises((LoadLimitError, OSError)):
        read_regular_file(tmp_path, 10, "thing")


def test_sizes_are_shown_in_units():
    assert shown_size(64 * 2**20) == "64 MB" and shown_size(512) == "512 bytes"


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1", 0),
        ("[]", 1),
        ('{"a": [[1], {"b": []}]}', 4),
        ('["[[[[", "\\"[[["]', 1),  # brackets in strings, escaped quotes
        ('"\\\\"', 0),  # an escaped backslash ends the string
    ],
)
def test_json_depth(text, depth):
    assert json_depth(text.encode()) == depth


def test_deep_json_is_refused_with_the_cap(tmp_path):
    with pytest.raises(LoadLimitError, match="deeper than the 8 levels a thing may have"):
        check_json_depth(b"[" * 9 + b"]" * 9, 8, tmp_path / "x.json", "thing")


@given(st.recursive(st.none() | st.integers() | st.text(), lambda c: st.lists(c, max_size=3)))
def test_json_depth_matches_the_nesting_of_any_document(value):
    def nesting(v) -> int:
        return 1 + max(map(nesting, v), default=0) if isinstance(v, list) else 0

    assert json_depth(json.dumps(value).encode()) == nesting(value)
