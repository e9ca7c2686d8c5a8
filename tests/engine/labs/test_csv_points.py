"""Points CSVs load under limits: regular files, a size cap, a row cap, long fields, headers
only on the first line, progress and Cancel; random CSV text loads or is refused quickly."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.labs import csv_points
from engine.labs.csv_points import (
    MAX_CSV_BYTES,
    MAX_POINTS,
    CsvCancelled,
    CsvPointsError,
    load_points_csv,
    parse_points_csv,
)

FOUR = "0,0,0\n1,1,1\n2,2,0\n3,3,1\n"


def refusal(path: Path) -> str:
    with pytest.raises(CsvPointsError) as error:
        load_points_csv(path)
    return str(error.value)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_symlink_to_a_device_is_refused_before_reading(tmp_path):
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    message = refusal(tmp_path / "zero.csv")
    assert "not a regular file" in message and "\n" not in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "pipe.csv")
    assert "not a regular file" in refusal(tmp_path / "pipe.csv")


def test_a_file_over_the_size_cap_is_refused_with_the_limit(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_CSV_BYTES + 1)
    message = refusal(path)
    assert "16 MB" in message and "\n" not in message


def test_more_rows_than_the_cap_are_refused_with_the_limit():
    text = "".join(f"{i},{i},{i % 2}\n" for i in range(MAX_POINTS + 1))
    started = time.monotonic()
    with pytest.raises(CsvPointsError, match=f"at most {MAX_POINTS:,} points") as error:
        parse_points_csv(text)
    assert "\n" not in str(error.value) and time.monotonic() - started < 20


def test_exactly_the_cap_loads():
    text = "".join(f"{i},{i},{i % 2}\n" for i in range(MAX_POINTS))
    assert len(parse_points_csv(text).labels) == MAX_POINTS


def test_a_field_over_the_csv_modules_limit_is_one_line():
    text = FOUR + "1," + "9" * 200_000 + ",0\n"
    with pytest.raises(CsvPointsError, match="line 5 of the CSV file cannot be read") as error:
        parse_points_csv(text)
    assert "\n" not in str(error.value)


def test_a_long_bad_cell_is_shown_cut_short():
    with pytest.raises(CsvPointsError) as error:
        parse_points_csv(FOUR + "1," + "x" * 5000 + ",0\n")
    assert max(map(len, str(error.value).splitlines())) < 120


def test_only_the_first_line_may_be_a_header_later_words_are_reported_by_line():
    text = "x,y,label\nname,of,file\n" + FOUR
    with pytest.raises(CsvPointsError) as error:
        parse_points_csv(text)
    assert [p.line for p in error.value.problems] == [2]
    assert "line 2: x 'name' is not a number" in str(error.value)


def test_progress_is_reported_and_cancel_stops_loading(tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("".join(f"{i},{-i},{i % 3}\n" for i in range(20_000)))
    reports: list[tuple[int, int]] = []
    points = load_points_csv(path, progress=lambda done, total: reports.append((done, total)))
    assert len(points.labels) == 20_000
    assert len(reports) >= 4 and all(total == 20_001 for _, total in reports)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    with pytest.raises(CsvCancelled):
        load_points_csv(path, should_stop=lambda: True)


# -- random CSV text -----------------------------------------------------------------------------
numbers = st.one_of(
    st.integers(-5, 5).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["", " ", "nan", "−1", "1e400", "0x10", "1_0", "٣"]),
)
cells = st.one_of(numbers, st.text(max_size=12))
lines = st.one_of(
    st.lists(cells, min_size=0, max_size=5).map(",".join),
    st.sampled_from(["", "# comment", "x,y,label", '"a\nb",1,0', '"unclosed', "\x00,1,0"]),
)
csv_texts = st.lists(lines, max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_texts)
def test_random_csv_text_loads_or_is_refused_quickly(text):
    started = time.monotonic()
    try:
        points = parse_points_csv(text)
    except CsvPointsError as error:
        message = str(error)
        assert message and len(message.splitlines()) <= csv_points.SHOWN_PROBLEMS + 2
        assert max(map(len, message.splitlines())) < 200
    else:
        assert 4 <= len(points.labels) <= MAX_POINTS and points.xy.shape[1] == 2
    assert time.monotonic() - started < 1


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_in_a_file_load_or_are_refused(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("csv") / "random.csv"
    path.write_bytes(raw)
    try:
        load_points_csv(path)
    except CsvPointsError as error:
        assert str(error)
