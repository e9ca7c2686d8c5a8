"""The small checks a session file's values pass on opening, each refusing in one line.

A file may hold anything, so every value is checked for its type before it is used, and
whatever of the file a message quotes is cut to one short line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine.core.errors import EngineError
from engine.io.session_format import NON_FINITE

# Any of these raised while building a model from a file's settings means the file is unusable.
BUILD_ERRORS = (TypeError, ValueError, LookupError, ArithmeticError, RuntimeError)


def expect(condition: bool, problem: str) -> None:
    if not condition:
        raise EngineError(f"the session file is malformed: {problem}")


def expect_keys(
    data: Any, keys: tuple[str, ...], where: str, optional: tuple[str, ...] = ()
) -> None:
    expect(isinstance(data, dict), f"{where} must be a JSON object")
    missing = [k for k in keys if k not in data]
    unknown = sorted(shown(k) for k in data if k not in keys and k not in optional)
    expect(not missing, f"{where} lacks {', '.join(missing)}")
    more = ", …" if len(unknown) > 5 else ""
    expect(not unknown, f"{where} has unknown key(s) {', '.join(unknown[:5])}{more}")


def is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def read_float(value: Any, what: str) -> float | None:
    """A number, null, or one of the non-finite spellings."""
    if value is None:
        return None
    if isinstance(value, float) or (is_whole(value) and abs(value) < 2**1023):
        return float(value)
    if isinstance(value, str) and value in NON_FINITE:
        return NON_FINITE[value]
    raise EngineError(f"the session file is malformed: {what} holds {shown(value)}")


def float_list(values: Any, what: str) -> list[float | None]:
    expect(isinstance(values, list), f"{what} must be a list")
    return [read_float(v, what) for v in values]


def float_map(values: Any, what: str) -> dict[str, float | None]:
    expect(isinstance(values, dict), f"{what} must be an object")
    return {k: read_float(v, what) for k, v in values.items()}


def guarded(make: Callable[[], Any], what: str) -> Any:
    """`make()`, with any build error from the file's settings refused in one line."""
    try:
        return make()
    except EngineError:
        raise
    except BUILD_ERRORS as error:
        raise EngineError(f"{what}: {one_line(str(error))}") from None


def shown(value: Any) -> str:
    return one_line(repr(value))


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    line = lines[0] if lines else "unknown error"
    return line if len(line) <= 200 else line[:197] + "..."
