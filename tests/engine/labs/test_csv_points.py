"""Points CSVs load under limits: regular files, a size cap, a row cap, long fields, headers
only on the first line, progress and Cancel; random CSV text loads or is refused quickly, in
one line."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    assert str(error.value) == "line 2, column 1: 'name' is not a number"


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
        assert message and len(message.splitlines()) == 1
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
        assert str(error) and "\n" not in str(error)


# -- the files learners have: other separators, decimal commas, names as labels ------------------
def test_semicolons_decimal_commas_and_names_load_with_their_class_names(tmp_path):
    path = tmp_path / "pets.csv"
    path.write_text("x;y;animal\n1,5;-2,25;dog\n0,5;3;cat\n−1;0,125;dog\n2;2;cat\n")
    points = load_points_csv(path)
    assert points.class_names == ("cat", "dog")  # alphabetical: cat = 0, dog = 1
    assert points.xy.tolist() == [[1.5, -2.25], [0.5, 3.0], [-1.0, 0.125], [2.0, 2.0]]
    assert points.labels.tolist() == [1, 0, 1, 0]
    assert points.name == "pets"


def test_tabs_with_decimal_commas_and_no_header_load():
    points = parse_points_csv("0,5\t1\tyes\n1\t0,25\tno\n2\t2\tyes\n3\t3\tno\n")
    assert points.class_names == ("no", "yes")
    assert points.xy[:, 0].tolist() == [0.5, 1.0, 2.0, 3.0]
    assert points.labels.tolist() == [1, 0, 1, 0]


def test_whole_number_labels_keep_numeric_order_and_spreadsheet_trailing_separators():
    points = parse_points_csv("x;y;k;\n0;0;10;\n1;1;9;\n2;2;10,0;\n3;3;9;\n")
    assert points.class_names == ("9", "10") and points.labels.tolist() == [1, 0, 1, 0]


def test_utf16_with_its_bom_loads_as_spreadsheets_save_unicode_text(tmp_path):
    path = tmp_path / "unicode.csv"
    path.write_bytes(
        "x\ty\tlabel\n0\t0\tchat\n1\t1\tchien\n2\t2\tchat\n3\t3\tchien\n".encode("utf-16")
    )
    assert load_points_csv(path).class_names == ("chat", "chien")


def test_a_decimal_comma_with_comma_separators_is_a_fourth_value_in_one_line():
    with pytest.raises(CsvPointsError) as error:
        parse_points_csv("1,5,2,0\n" + FOUR)
    assert str(error.value) == "line 1, column 4: expected 3 values (x, y, label), found 4"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (FOUR + "abc,1,0\n", "line 5, column 1: 'abc' is not a number"),
        ("x;y;l\n0;0;a\n1;1;b\n2;2;a\n3;x;b\n", "line 5, column 2: 'x' is not a number"),
        (FOUR + "1,nan,0\n", "line 5, column 2: 'nan' is not a finite number"),
        (FOUR + "1e400,1,0\n", "line 5, column 1: '1e400' is not a finite number"),
        (
            FOUR + "1e300,1,0\n",
            "line 5, column 1: '1e300' is too large (x and y must be within ±1,000,000,000)",
        ),
        (
            FOUR + "1,1,0.5\n",
            "line 5, column 3: the label '0.5' is neither a whole number nor a name",
        ),
        (FOUR + "1,1,\n", "line 5, column 3: the label is empty"),
        (FOUR + "1,1,a\x00b\n", "line 5, column 3: the label 'a\\x00b' holds a control character"),
        (FOUR + "7\n", "line 5, column 2: expected 3 values (x, y, label), found 1"),
        ("\n\n# only words\nx,y,label\n", "the CSV file needs at least 4 points, found 0"),
        ("", "the CSV file needs at least 4 points, found 0"),
        ("0,0,a\n1,1,a\n2,2,a\n3,3,a\n", "need 2 to 10 different labels, found 1"),
    ],
)
def test_each_bad_file_is_one_line_naming_the_line_and_column(text, message):
    with pytest.raises(CsvPointsError) as error:
        parse_points_csv(text)
    assert str(error.value) == message


def test_many_bad_rows_name_the_first_in_full_and_a_few_more_lines():
    text = FOUR + "".join(f"{i},x,0\n" for i in range(20))
    with pytest.raises(CsvPointsError) as error:
        parse_points_csv(text)
    assert str(error.value) == (
        "line 5, column 2: 'x' is not a number (and 19 more bad row(s): line 6, 7, 8, 9, 10, …)"
    )
    assert len(error.value.problems) == 20


def test_binary_bytes_are_refused_at_their_line(tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"0,0,0\n1,1,1\n\x89PNG\xff\xd8\x00\x01\n")
    assert refusal(path) == "line 3: byte 0x89 is not UTF-8 text; save the file as UTF-8 CSV"


def test_an_empty_file_and_one_column_are_one_line(tmp_path):
    empty, one = tmp_path / "empty.csv", tmp_path / "one.csv"
    empty.write_bytes(b"")
    one.write_text("value\n1\n2\n3\n4\n")
    assert refusal(empty) == "the CSV file needs at least 4 points, found 0"
    assert refusal(one) == (
        "line 2, column 2: expected 3 values (x, y, label), found 1 "
        "(and 3 more bad row(s): line 3, 4, 5)"
    )


def test_a_million_rows_stop_at_the_row_cap_quickly(tmp_path):
    path = tmp_path / "million.csv"
    path.write_text(
        "x;y;label\n" + "".join(f"{i % 97},{i % 89};{i % 7},5;cat\n" for i in range(10**6))
    )
    started = time.monotonic()
    message = refusal(path)
    assert message == (
        f"the CSV file has more than {MAX_POINTS:,} rows; "
        f"at most {MAX_POINTS:,} points can be loaded"
    )
    assert time.monotonic() - started < 20
