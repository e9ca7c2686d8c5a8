"""A micro-step's words and formulas, built when first asked for.

Building the formula trees and phrases of every micro-step costs more than the Snapshot
around them, and most Snapshots are never shown (a view skips frames; a benchmark or a lesson
steps through many). The builder receives only numbers copied at the micro-step (tuples,
floats, frozen chain-rule tables), so building it later gives exactly what building it then
would have.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Told:
    """Holds a builder of the micro-step's Text until the Text is first needed, then the Text."""

    __slots__ = ("_build", "_text")

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build: Callable[[], Any] | None = build
        self._text: Any = None

    @classmethod
    def now(cls, text: Any) -> Told:
        told = cls(lambda: text)
        told._text, told._build = text, None
        return told

    def text(self) -> Any:
        if self._build is not None:
            self._text, self._build = self._build(), None
        return self._text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Told) and self.text() == other.text()

    def __hash__(self) -> int:
        return hash(self.text())

    def __repr__(self) -> str:
        return f"Told({self.text()!r})"
