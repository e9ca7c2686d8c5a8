"""The learner's own points from a CSV file of x, y, label rows; a bad file refused in one line
that names the line and the column.

Separators: ';', tab or ',' (the first of these on the first line with content); with ';' or
tab a decimal comma (1,5) reads as 1.5. Labels are whole numbers (classes 0 .. K − 1 in
increasing order) or names (classes in alphabetical order: cat = 0, dog = 1); the points keep
them as class names. Blank lines and lines starting with # are skipped, and so is a header,
but only as the first line with content: any later line that is not x, y, label is a bad row,
and a file with bad rows is refused (never skipped silently).

Limits come before work: a regular file of at most MAX_CSV_BYTES, at most MAX_POINTS points,
fields no longer than the csv module allows; each refusal is one line that names the limit.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.core.errors import EngineError
from engine.core.file_limits import read_regular_file
from engine.core.i18n import translate
from engine.data import csv_cells
from engine.data.csv_cells import Dialect, Label
from engine.data.points import Points

MAX_CLASSES = 10
SHOWN_PROBLEMS = 5  # further bad lines named after the first one
MAX_POINTS = 100_000
MAX_CSV_BYTES = 16 * 2**20  # 100,000 rows of full-precision numbers take about 6 MB
PROGRESS_LINES = 4096  # lines between progress reports and checks for Cancel

Progress = Callable[[int, int], None]  # lines read, lines in the file


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based line number in the file
    column: int  # 1-based: x is 1, y 2, the label 3
    reason: str

    def __str__(self) -> str:
        text = translate("EngineError", "line {line}, column {column}: {reason}")
        return text.format(line=self.line, column=self.column, reason=self.reason)


class CsvPointsError(ValueError):
    """The file could not be used, said in one line; `problems` lists every bad row."""

    def __init__(self, summary: str, problems: tuple[Problem, ...] = ()) -> None:
        self.problems = problems
        super().__init__(summary)


class CsvCancelled(CsvPointsError):
    """Loading stopped because the caller asked it to."""


def load_points_csv(
    path: str | Path,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Points:
    """The points in `path`; `progress(lines read, lines)` now and then, and CsvCancelled as
    soon as `should_stop()` turns true."""
    try:
        raw = read_regular_file(path, MAX_CSV_BYTES, "points CSV")
    except EngineError as error:  # not a regular file, or too big: says the limit
        raise CsvPointsError(str(error)) from None
    except OSError as error:
        text = translate("EngineError", "cannot read {path}: {error}")
        raise CsvPointsError(text.format(path=path, error=error)) from error
    return parse_points_csv(_decoded(raw), Path(path).stem, progress, should_stop)


def _decoded(raw: bytes) -> str:
    """UTF-8 text (with or without a BOM), or UTF-16 with its BOM as spreadsheets save
    "Unicode text"; other bytes are refused at the line where they start."""
    try:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            return raw.decode("utf-16")
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = translate(
            "EngineError", "line {line}: byte {byte} is not UTF-8 text; save the file as UTF-8 CSV"
        )
        line = raw[: error.start].count(b"\n") + 1
        byte = f"0x{raw[error.start]:02x}" if error.start < len(raw) else "?"
        raise CsvPointsError(text.format(line=line, byte=byte)) from None


def parse_points_csv(
    text: str,
    name: str = "csv",
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Points:
    rows: list[tuple[float, float, Label]] = []
    problems: list[Problem] = []
    watch = _Watch(progress, should_stop, text.count("\n") + 1)
    dialect = csv_cells.sniff(_first_content_line(text))
    for index, (line, cells) in enumerate(_content_lines(text, dialect, watch)):
        if index == 0 and _is_header(cells, dialect):  # only the first line with content
            continue
        if len(rows) + len(problems) == MAX_POINTS:
            text = translate(
                "EngineError",
                "the CSV file has more than {most:,} rows; at most {most:,} points can be loaded",
            )
            raise CsvPointsError(text.format(most=MAX_POINTS))
        row = _parse_row(line, cells, dialect)
        if isinstance(row, Problem):
            problems.append(row)
        else:
            rows.append(row)
    if problems:
        raise CsvPointsError(_bad_rows(problems), tuple(problems))
    return _to_points(rows, name)


def _bad_rows(problems: list[Problem]) -> str:
    """The first bad row in full and the lines of a few more, in one line."""
    first, rest = str(problems[0]), [p.line for p in problems[1:]]
    if not rest:
        return first
    lines = ", ".join(str(n) for n in rest[:SHOWN_PROBLEMS]) + (
        ", …" if len(rest) > SHOWN_PROBLEMS else ""
    )
    more = translate("EngineError", "{first} (and {count} more bad row(s): line {lines})")
    return more.format(first=first, count=len(rest), lines=lines)


@dataclass(frozen=True)
class _Watch:
    """Progress reports and the check for Cancel, every PROGRESS_LINES records."""

    progress: Progress | None
    should_stop: Callable[[], bool] | None
    total: int  # lines in the file

    def at(self, record: int, line: int) -> None:
        if record % PROGRESS_LINES:
            return
        if self.should_stop is not None and self.should_stop():
            raise CsvCancelled(translate("EngineError", "loading the CSV file was cancelled"))
        if self.progress is not None:
            self.progress(min(line, self.total), self.total)


def _first_content_line(text: str) -> str:
    for line in io.StringIO(text):
        if line.strip() and not line.lstrip().startswith("#"):
            return line
    return ""


def _content_lines(text: str, dialect: Dialect, watch: _Watch) -> Iterator[tuple[int, list[str]]]:
    """(line number, stripped cells) of each record that is not blank or a # comment; a record
    the csv module cannot read is refused in one line."""
    reader = csv.reader(io.StringIO(text), delimiter=dialect.separator)
    for record in itertools.count():
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # e.g. a field over the csv module's size limit
            line = translate("EngineError", "line {line} of the CSV file cannot be read: {error}")
            raise CsvPointsError(line.format(line=reader.line_num, error=error)) from None
        watch.at(record, reader.line_num)
        cells = [f.strip() for f in fields]
        while len(cells) > 3 and not cells[-1]:  # spreadsheets often end rows with a separator
            cells.pop()
        if any(cells) and not cells[0].startswith("#"):
            yield reader.line_num, cells


def _is_header(cells: list[str], dialect: Dialect) -> bool:
    """A first line whose x and y are words (x;y;label, or a lone word) is a header."""
    return all(csv_cells.number(c, dialect) is None for c in cells[:2])


def _parse_row(
    line: int, cells: list[str], dialect: Dialect
) -> tuple[float, float, Label] | Problem:
    """The row's (x, y, label), or the first cell that is wrong and why."""
    if len(cells) != 3:
        text = translate("EngineError", "expected 3 values (x, y, label), found {count}")
        return Problem(line, min(len(cells) + 1, 4), text.format(count=len(cells)))
    x, y = (csv_cells.coordinate(c, dialect) for c in cells[:2])
    label = csv_cells.label(cells[2], dialect)
    for column, value in enumerate((x, y, label), start=1):
        if isinstance(value, str):
            return Problem(line, column, value)
    return x, y, label  # type: ignore[return-value]


def _to_points(rows: list[tuple[float, float, Label]], name: str) -> Points:
    if len(rows) < 4:
        text = translate("EngineError", "the CSV file needs at least 4 points, found {count}")
        raise CsvPointsError(text.format(count=len(rows)))
    names, classes = csv_cells.classes([r[2] for r in rows])
    if not 2 <= len(names) <= MAX_CLASSES:
        text = translate("EngineError", "need 2 to {most} different labels, found {count}")
        raise CsvPointsError(text.format(most=MAX_CLASSES, count=len(names)))
    xy = np.array([(r[0], r[1]) for r in rows], dtype=np.float64)
    return Points(name, xy, np.array(classes, dtype=np.int64), names)
