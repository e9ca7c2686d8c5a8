"""The learner's own points from a CSV file of x, y, label rows; bad rows reported by line number.

An optional header line, blank lines and lines starting with # are skipped. Labels are whole
numbers; they become classes 0 .. K − 1 in increasing order and keep their text as names.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.i18n import translate
from engine.labs.datasets import Points

MAX_CLASSES = 10
SHOWN_PROBLEMS = 8


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


def load_points_csv(path: str | Path) -> Points:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        text = translate("EngineError", "cannot read {path}: {error}")
        raise CsvPointsError(text.format(path=path, error=error)) from error
    return parse_points_csv(text, Path(path).stem)


def parse_points_csv(text: str, name: str = "csv") -> Points:
    rows: list[tuple[float, float, int]] = []
    problems: list[Problem] = []
    for line, fields in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [f.strip() for f in fields]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if not rows and not problems and _is_header(cells):
            continue
        row = _parse_row(cells)
        if isinstance(row, str):
            problems.append(Problem(line, row))
        else:
            rows.append(row)
    if problems:
        text = translate("EngineError", "{count} bad row(s) in the CSV file:")
        raise CsvPointsError(text.format(count=len(problems)), tuple(problems))
    return _to_points(rows, name)


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
                axis=axis, cell=cell
            )
        if not math.isfinite(value):
            return translate("EngineError", "{axis} {cell!r} is not finite").format(
                axis=axis, cell=cell
            )
    if label is None or not math.isfinite(label) or not label.is_integer():
        text = translate("EngineError", "label {cell!r} is not a whole number")
        return text.format(cell=cells[2])
    return x, y, int(label)


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
