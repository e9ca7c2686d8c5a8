"""The cells of a points CSV: which separator a file uses, numbers with a decimal point or
comma, and class labels that are whole numbers or names.

Kept apart from the row loop so that each rule a learner's file must follow is one small
function, and each refusal one sentence about one cell.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.core.i18n import translate

# Tried in this order on the first line with content: ';' and tab first, because a file that
# writes decimal commas (1,5) must separate its values with something else.
SEPARATORS = (";", "\t", ",")
MAX_COORDINATE = 1e9  # larger inputs overflow the plots and make plain SGD overshoot
MAX_LABEL_CHARS = 40


@dataclass(frozen=True)
class Dialect:
    """How a file writes its values: the separator, and whether 1,5 means 1.5."""

    separator: str
    decimal_comma: bool


def sniff(first_line: str) -> Dialect:
    """The separator of a file, from its first line with content (',' when it has none)."""
    separator = next((s for s in SEPARATORS if s in first_line), ",")
    return Dialect(separator, decimal_comma=separator != ",")


def number(cell: str, dialect: Dialect) -> float | None:
    """The cell as a float, or None when it is not a number (nan and inf are numbers here)."""
    text = cell.replace("−", "-")
    if dialect.decimal_comma and text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def coordinate(cell: str, dialect: Dialect) -> float | str:
    """x or y as a finite float within ±MAX_COORDINATE, or why it is not one."""
    value = number(cell, dialect)
    if value is None:
        return translate("EngineError", "{cell} is not a number").format(cell=shown(cell))
    if not math.isfinite(value):
        return translate("EngineError", "{cell} is not a finite number").format(cell=shown(cell))
    if abs(value) > MAX_COORDINATE:
        text = translate("EngineError", "{cell} is too large (x and y must be within ±{most:,.0f})")
        return text.format(cell=shown(cell), most=MAX_COORDINATE)
    return value


@dataclass(frozen=True)
class Label:
    """A row's class: a whole number, or a name when the cell is not a number."""

    text: str
    whole: int | None  # None for a name


def label(cell: str, dialect: Dialect) -> Label | str:
    """The row's label, or why it cannot be one."""
    if not cell:
        return translate("EngineError", "the label is empty")
    if len(cell) > MAX_LABEL_CHARS:
        text = translate("EngineError", "the label {cell} is longer than {most} characters")
        return text.format(cell=shown(cell), most=MAX_LABEL_CHARS)
    if not cell.isprintable():
        text = translate("EngineError", "the label {cell} holds a control character")
        return text.format(cell=shown(cell))
    value = number(cell, dialect)
    if value is None:
        return Label(cell, None)
    if not math.isfinite(value) or not value.is_integer() or abs(value) > 2**53:
        text = translate("EngineError", "the label {cell} is neither a whole number nor a name")
        return text.format(cell=shown(cell))
    return Label(cell, int(value))


def classes(labels: list[Label]) -> tuple[tuple[str, ...], list[int]]:
    """(class names, each row's class): whole numbers in increasing order when every label is
    one (3 and 3.0 are one class), otherwise the names sorted alphabetically (cat before dog)."""
    if all(label.whole is not None for label in labels):
        keys: list[int | str] = [label.whole for label in labels if label.whole is not None]
        ordered: list[int | str] = sorted(set(keys))  # type: ignore[type-var]
    else:
        keys = [label.text for label in labels]
        ordered = sorted(set(keys), key=lambda t: (str(t).casefold(), str(t)))
    index = {key: k for k, key in enumerate(ordered)}
    return tuple(str(key) for key in ordered), [index[key] for key in keys]


def shown(cell: str) -> str:
    """A cell quoted and escaped (a newline inside quotes stays \\n) and cut short, so that a
    refusal stays one readable line."""
    return repr(cell if len(cell) <= 40 else cell[:39] + "…")
