"""The learner's own points from a CSV file of x, y, label rows; bad rows reported by line number.

Blank lines and lines starting with # are skipped, and so is a header, but only as the first
line with content: any later line that is not three numbers is a bad row, and a file with bad
rows is refused with their line numbers (never skipped silently). Labels are whole numbers;
they become classes 0 .. K − 1 in increasing order and keep their text as names.

Limits come before work: a regular file of at most MAX_CSV_BYTES, at most MAX_POINTS points,
fields no longer than the csv module allows; each refusal is one line that names the limit.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.core.errors import EngineError
from engine.core.i18n import translate
from engine.io.load_limits import read_regular_file
from engine.labs.datasets import Points

MAX_CLASSES = 10
SHOWN_PROBLEMS = 8
MAX_POINTS = 100_000
MAX_CSV_BYTES = 16 * 2**20  # 100,000 rows of full-precision numbers take about 6 MB
PROGRESS_LINES = 4096  # lines between progress reports and checks for Cancel

Progress = Callable[[int, int], None]  # lines read, lines in the file


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based line number in the file
    reason: str


class CsvPointsError(ValueError):
    """The file could not be used; `problems` lists every bad row."""

    def __init__(self, summary: str, problems: tuple[Problem, ...] = ()) -> None:
        self.problems = problems
        line = translate("EngineError", "line {line}: {reason}")
        lines = [line.format(line=p.line, reason=p.reason) for p in problems[:SHOWN_PROBLEMS]]
        if len(problems) > SHOWN_PROBLEMS:
            more = translate("EngineError", "… and {count} more bad row(s)")
            lines.append(more.format(count=len(problems) - SHOWN_PROBLEMS))
        super().__init__("\n".join([summary, *lines]))


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
        text = raw.decode("utf-8-sig")
    except EngineError as error:  # not a regular file, or too big: says the limit
        raise CsvPointsError(str(error)) from None
    except (OSError, UnicodeDecodeError) as error:
        text = translate("EngineError", "cannot read {path}: {error}")
        raise CsvPointsError(text.format(path=path, error=error)) from error
    return parse_points_csv(text, Path(path).stem, progress, should_stop)


def parse_points_csv(
    text: str,
    name: str = "csv",
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Points:
    rows: list[tuple[float, float, int]] = []
    problems: list[Problem] = []
    watch = _Watch(progress, should_stop, text.count("\n") + 1)
    for index, (line, cells) in enumerate(_content_lines(text, watch)):
        if index == 0 and _is_header(cells):  # only the first line with content
            continue
        if len(rows) + len(problems) == MAX_POINTS:
            text = translate(
                "EngineError",
                "the CSV file has more than {most:,} rows; at most {most:,} points can be loaded",
            )
            raise CsvPointsError(text.format(most=MAX_POINTS))
        row = _parse_row(cells)
        if isinstance(row, str):
            problems.append(Problem(line, row))
        else:
            rows.append(row)
    if problems:
        text = translate("EngineError", "{count} bad row(s) in the CSV file:")
        raise CsvPointsError(text.format(count=len(problems)), tuple(problems))
    return _to_points(rows, name)


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


def _content_lines(text: str, watch: _Watch) -> Iterator[tuple[int, list[str]]]:
    """(line number, stripped cells) of each record that is not blank or a # comment; a record
    the csv module cannot read is refused in one line."""
    reader = csv.reader(io.StringIO(text))
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
        if any(cells) and not cells[0].startswith("#"):
            yield reader.line_num, cells


def _is_header(cells: list[str]) -> bool:
    return len(cells) == 3 and all(_number(c) is None for c in cells)


def _number(text: str) -> float | None:
    try:
        return float(text.replace("−", "-"))
    except ValueError:
        return None


def _parse_row(cells: list[str]) -> tuple[float, float, int] | str:
    """The row's (x, y, label), or why it is bad."""
    if len(cells) != 3:
        text = translate("EngineError", "expected 3 values (x, y, label), found {count}")
        return text.format(count=len(cells))
    x, y, label = (_number(c) for c in cells)
    for axis, value, cell in (("x", x, cells[0]), ("y", y, cells[1])):
        if value is None:
            return translate("EngineError", "{axis} {cell!r} is not a number").format(
                axis=axis, cell=_shown(cell)
            )
        if not math.isfinite(value):
            return translate("EngineError", "{axis} {cell!r} is not finite").format(
                axis=axis, cell=_shown(cell)
            )
    if label is None or not math.isfinite(label) or not label.is_integer():
        text = translate("EngineError", "label {cell!r} is not a whole number")
        return text.format(cell=_shown(cells[2]))
    return x, y, int(label)


def _shown(cell: str) -> str:
    """A cell cut short: a bad row's reason stays one readable line."""
    return cell if len(cell) <= 40 else cell[:39] + "…"


def _to_points(rows: list[tuple[float, float, int]], name: str) -> Points:
    if len(rows) < 4:
        text = translate("EngineError", "the CSV file needs at least 4 points, found {count}")
        raise CsvPointsError(text.format(count=len(rows)))
    labels = np.array([r[2] for r in rows])
    values = np.unique(labels)
    if not 2 <= len(values) <= MAX_CLASSES:
        text = translate("EngineError", "need 2 to {most} different labels, found {count}")
        raise CsvPointsError(text.format(most=MAX_CLASSES, count=len(values)))
    xy = np.array([(r[0], r[1]) for r in rows], dtype=np.float64)
    classes = np.searchsorted(values, labels).astype(np.int64)
    return Points(name, xy, classes, tuple(str(v) for v in values.tolist()))
