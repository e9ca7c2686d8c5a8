"""Starting parameters from a JSON file: ``{"w1": 0.15, "w5": 0.4}``, checked before any work.

A teacher hands out one file of starting weights and every learner's run starts from it. The
file is untrusted input: a regular file under a size cap, one JSON object, each label named
once, each value a finite number the run's dtype can hold. Labels the model does not have are
refused when the model is built (see `assign_values`), with the same one-line message.
"""

from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path
from typing import Any

import numpy as np

from engine.core.errors import EngineError
from engine.models.config import Config

MAX_INIT_BYTES = 1_000_000  # a 10,000-parameter network's values fit in about 300 KB
FLOAT32_MAX = 3.4028234663852886e38


def read_init_file(path: str | os.PathLike[str]) -> dict[str, float]:
    """Label -> value, or EngineError with one line saying what is wrong."""
    if not str(path).strip():  # Path("") is ".", which would be named instead
        raise EngineError("--init needs a file name, e.g. start.json")
    where = Path(path)
    text = _read_limited(where)
    try:
        data = json.loads(text, object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_token)
    except json.JSONDecodeError as error:
        raise EngineError(f"{where}: not valid JSON ({error.msg}, line {error.lineno})") from None
    except RecursionError:
        raise EngineError(f"{where}: nested too deeply") from None
    except EngineError as error:  # a repeated label or a NaN token, found while parsing
        raise EngineError(f"{where}: {error}") from None
    except ValueError:  # an integer of thousands of digits, which Python will not convert
        raise EngineError(f"{where}: a number is too long to read") from None
    if not isinstance(data, dict) or not data:
        example = '{"w1": 0.15}'
        raise EngineError(f"{where}: expected a JSON object of label: number, e.g. {example}")
    return {label: _number(where, label, value) for label, value in data.items()}


def with_init(config: Config, values: dict[str, float]) -> Config:
    """The config starting from `values` (the preset's other starting values kept)."""
    if config.dtype == "float32":  # what rounds to float32's largest value still fits
        with np.errstate(over="ignore"):
            too_big = sorted(
                repr(label) for label, value in values.items() if np.isinf(np.float32(value))
            )
        if too_big:
            raise EngineError(
                f"{', '.join(too_big)}: float32 holds at most {FLOAT32_MAX:.4g} in magnitude"
            )
        # the values float32 holds (torch refuses a double past its largest even by a hair)
        values = {label: float(np.float32(value)) for label, value in values.items()}
    merged = dict(config.initial_params) | values
    return config.replace(initial_params=tuple(merged.items()))


def _read_limited(where: Path) -> str:
    try:
        info = where.stat()  # follows a symlink to what it names
        if not stat.S_ISREG(info.st_mode):
            raise EngineError(f"{where}: not a regular file")
        if info.st_size > MAX_INIT_BYTES:
            raise EngineError(f"{where}: larger than {MAX_INIT_BYTES:,} bytes")
        with open(where, "rb") as handle:
            data = handle.read(MAX_INIT_BYTES + 1)
    except OSError as error:
        raise EngineError(f"{where}: {error.strerror or error}") from None
    if len(data) > MAX_INIT_BYTES:
        raise EngineError(f"{where}: larger than {MAX_INIT_BYTES:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise EngineError(f"{where}: not UTF-8 text") from None


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for label, value in pairs:
        if label in seen:
            raise EngineError(f"{label!r} is given twice")
        seen[label] = value
    return seen


def _refuse_token(token: str) -> float:
    raise EngineError(f"{token} is not a finite number")


def _number(where: Path, label: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise EngineError(f"{where}: {label!r} must be a number, got {json.dumps(value)[:40]}")
    try:
        number = float(value)
    except OverflowError:  # a whole number too long for a float
        number = math.inf
    if not math.isfinite(number):
        raise EngineError(f"{where}: {label!r} must be a finite number")
    return number
