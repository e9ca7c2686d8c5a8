"""Checking one table of arguments against a declared spec, with one-line reasons."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from engine.core.errors import EngineError

Check = Callable[[Any], None]  # raises EngineError (without the field name) when the value is bad


@dataclass(frozen=True)
class Arg:
    kind: (
        str  # "str", "int", "float", "bool", "labels" (list of text) or "numbers" (label -> float)
    )
    required: bool = False
    choices: tuple[str, ...] = ()
    low: float | None = None  # inclusive bounds for numbers
    high: float | None = None
    check: Check | None = None


def check_args(args: Mapping[str, Any], spec: Mapping[str, Arg], where: str) -> None:
    """Raise EngineError naming `where` and the argument for the first problem found."""
    unknown = sorted(set(args) - set(spec))
    if unknown:
        allowed = ", ".join(spec) or "none"
        raise EngineError(f"{where}: unknown field {unknown[0]!r} (allowed: {allowed})")
    for name, arg in spec.items():
        if name not in args:
            if arg.required:
                raise EngineError(f"{where}: missing field {name!r}")
            continue
        try:
            check_value(args[name], arg)
        except EngineError as error:
            raise EngineError(f"{where}: field {name!r}: {error}") from None


def check_value(value: Any, arg: Arg) -> None:
    TYPE_CHECKS[arg.kind](value)
    if arg.choices and value not in arg.choices:
        raise EngineError(f"{value!r} is not one of {', '.join(arg.choices)}")
    if arg.kind in ("int", "float"):
        if arg.low is not None and value < arg.low:
            raise EngineError(f"{value} is below the minimum {arg.low:g}")
        if arg.high is not None and value > arg.high:
            raise EngineError(f"{value} is above the maximum {arg.high:g}")
    if arg.check is not None:
        arg.check(value)


def _text(value: Any) -> None:
    if not isinstance(value, str):
        raise EngineError(f"expected text, got {value!r}")


def _whole(value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise EngineError(f"expected a whole number, got {value!r}")


def _number(value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise EngineError(f"expected a finite number, got {value!r}")


def _truth(value: Any) -> None:
    if not isinstance(value, bool):
        raise EngineError(f"expected true or false, got {value!r}")


def _labels(value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise EngineError(f"expected a list of text, got {value!r}")


def _numbers(value: Any) -> None:
    if not isinstance(value, dict) or not value:
        raise EngineError(f"expected a table of label = number, got {value!r}")
    for label, number in value.items():
        try:
            _number(number)
        except EngineError as error:
            raise EngineError(f"{label}: {error}") from None


TYPE_CHECKS: dict[str, Check] = {
    "str": _text,
    "int": _whole,
    "float": _number,
    "bool": _truth,
    "labels": _labels,
    "numbers": _numbers,
}
