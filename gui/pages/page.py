"""The page interface, and the one figure type pages list."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from engine.core.errors import EngineError

Done = Callable[[], bool]  # turns true once a job a lesson started has finished


@dataclass(frozen=True)
class Figure:
    stem: str  # file name without suffix: says what the figure is
    title: str
    source: Callable[[], object]  # a PlotItem or a QGraphicsScene, fetched when written


class Page(Protocol):
    name: str  # what lessons call the tab: "training", "surface", "race", "basins", "labs"
    widget: QWidget  # the tab itself

    def apply(self, args: Mapping[str, Any]) -> Done | None:
        """A lesson's settings for this tab; EngineError (one line) when refused."""
        ...

    def state(self) -> dict[str, Any]:
        """What a lesson's `expect` may read of this tab (LessonState's fields)."""
        ...

    def figures(self, preset: str) -> list[Figure]:
        """What Export all writes of this tab now."""
        ...


def choose(box: QComboBox, data: str) -> None:
    index = box.findData(data)
    if index < 0:
        text = QCoreApplication.translate("LessonPlayer", "{0} is not offered here.")
        raise EngineError(text.format(data))
    box.setCurrentIndex(index)
