"""A lesson as plain data: steps of text, the actions that drive the app, and checks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any


def frozen_args(args: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(args))


@dataclass(frozen=True)
class Action:
    """One thing the player does to the app, e.g. Action("run", {"iterations": 100})."""

    name: str
    args: Mapping[str, Any] = field(default_factory=lambda: frozen_args({}))


@dataclass(frozen=True)
class LessonStep:
    text: str
    actions: tuple[Action, ...] = ()
    # What the app shows once the actions are done (see engine.lessons.expect).
    expect: Mapping[str, Any] = field(default_factory=lambda: frozen_args({}))


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    order: int
    summary: str
    steps: tuple[LessonStep, ...]
    path: Path

    @property
    def context(self) -> str:
        """The translation context of every string of this lesson."""
        return f"lesson:{self.id}"


@dataclass(frozen=True)
class BrokenLesson:
    """A lesson file that could not be read; the app lists it with the reason."""

    path: Path
    message: str


@dataclass(frozen=True)
class LessonCatalog:
    lessons: tuple[Lesson, ...]
    broken: tuple[BrokenLesson, ...]
