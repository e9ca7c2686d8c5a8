"""Reading lesson files (TOML) into Lessons, with one clear line for anything wrong."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, before it joined the library
    import tomli as tomllib

from engine.core.errors import EngineError
from engine.io.assets import LESSONS
from engine.lessons.actions import check_action
from engine.lessons.arguments import Arg, check_args
from engine.lessons.expect import check_expect
from engine.lessons.limits import check_shape, read_lesson_file
from engine.lessons.model import (
    Action,
    BrokenLesson,
    Lesson,
    LessonCatalog,
    LessonStep,
    frozen_args,
)

LESSONS_FOLDER = LESSONS
MAX_MESSAGE = 300
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

TOP: dict[str, Arg] = {
    "id": Arg("str"),
    "title": Arg("str", required=True),
    "order": Arg("int"),
    "summary": Arg("str"),
    "steps": Arg("list", required=True),
}
STEP: dict[str, Arg] = {
    "text": Arg("str", required=True),
    "actions": Arg("list"),
    "expect": Arg("table"),
}


def load_lesson(path: Path) -> Lesson:
    """Read and validate one lesson file; EngineError names the file and the bad field.

    The message is one line of at most MAX_MESSAGE characters: it quotes the file's own keys
    and values, which may hold line breaks or run long.
    """
    try:
        return _read_lesson(path)
    except EngineError as error:
        raise EngineError(one_line(str(error))) from None


def one_line(text: str) -> str:
    line = "\\n".join(text.strip().splitlines()) or "unknown error"
    return line if len(line) <= MAX_MESSAGE else line[: MAX_MESSAGE - 1] + "…"


def _read_lesson(path: Path) -> Lesson:
    name = path.name
    data = _parse(read_lesson_file(path), name)
    _check_fields(data, TOP, name)
    lesson_id = data.get("id", path.stem)
    if not ID_PATTERN.match(lesson_id):
        raise EngineError(f"{name}: field 'id': use lower-case letters, digits, - and _")
    if not data["title"].strip():
        raise EngineError(f"{name}: field 'title' is empty")
    if not data["steps"]:
        raise EngineError(f"{name}: field 'steps' needs at least one step")
    steps = tuple(_step(raw_step, f"{name}: steps[{k}]") for k, raw_step in
                  enumerate(data["steps"], start=1))  # fmt: skip
    return Lesson(lesson_id, data["title"], data.get("order", 1000), data.get("summary", ""),
                  steps, path)  # fmt: skip


def _parse(raw: bytes, name: str) -> dict[str, Any]:
    """The TOML document, once the text is known to be within the limits the parser needs."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EngineError(f"{name}: not UTF-8 text: {error.reason}") from None
    check_shape(text, name)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise EngineError(f"{name}: not valid TOML: {_first_line(error)}") from None
    except (ValueError, RecursionError) as error:  # e.g. an integer of 5,000 digits
        raise EngineError(f"{name}: not valid TOML: {_first_line(error)}") from None


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:MAX_MESSAGE] if lines else type(error).__name__


def _step(data: Any, where: str) -> LessonStep:
    if not isinstance(data, dict):
        raise EngineError(f"{where}: a step must be a table ([[steps]])")
    _check_fields(data, STEP, where)
    if not data["text"].strip():
        raise EngineError(f"{where}: field 'text' is empty")
    actions = tuple(_action(a, f"{where}.actions[{k}]") for k, a in
                    enumerate(data.get("actions", []), start=1))  # fmt: skip
    expect = data.get("expect", {})
    check_expect(expect, f"{where}.expect")
    return LessonStep(data["text"].strip(), actions, frozen_args(expect))


def _action(data: Any, where: str) -> Action:
    if not isinstance(data, dict) or not isinstance(data.get("do"), str):
        raise EngineError(
            f"{where}: an action is a table with a 'do' field, e.g. {{ do = \"reset\" }}"
        )
    args = {k: v for k, v in data.items() if k != "do"}
    check_action(data["do"], args, where)
    return Action(data["do"], frozen_args(args))


def _check_fields(data: dict[str, Any], spec: dict[str, Arg], where: str) -> None:
    """Like check_args, with the two structural kinds a lesson file adds: lists and tables."""
    plain = {k: v for k, v in spec.items() if v.kind not in ("list", "table")}
    check_args({k: v for k, v in data.items() if k in plain or k not in spec}, plain, where)
    for key, arg in spec.items():
        if key in plain:
            continue
        if key not in data:
            if arg.required:
                raise EngineError(f"{where}: missing field {key!r}")
            continue
        wanted = list if arg.kind == "list" else dict
        if not isinstance(data[key], wanted):
            kind = "a list" if wanted is list else "a table"
            raise EngineError(f"{where}: field {key!r} must be {kind}, got {data[key]!r}")


def load_lessons(folder: Path = LESSONS_FOLDER) -> LessonCatalog:
    """Every *.toml in `folder`: the valid lessons in order, the broken ones with the reason."""
    lessons: list[Lesson] = []
    broken: list[BrokenLesson] = []
    seen: set[str] = set()
    for path in _lesson_files(folder):
        lesson = _lesson_or_reason(path)
        if isinstance(lesson, BrokenLesson):
            broken.append(lesson)
            continue
        if lesson.id in seen:
            broken.append(BrokenLesson(path, f"{path.name}: id {lesson.id!r} is already used"))
            continue
        seen.add(lesson.id)
        lessons.append(lesson)
    lessons.sort(key=lambda lesson: (lesson.order, lesson.title))
    return LessonCatalog(tuple(lessons), tuple(broken))


def _lesson_or_reason(path: Path) -> Lesson | BrokenLesson:
    """The lesson, or why not: no lesson file, however odd, stops the app from starting."""
    try:
        return load_lesson(path)
    except EngineError as error:
        return BrokenLesson(path, str(error))
    except Exception as error:
        reason = f"{type(error).__name__}: {_first_line(error)}"
        return BrokenLesson(path, one_line(f"{path.name}: could not be read ({reason})"))


def _lesson_files(folder: Path) -> list[Path]:
    try:
        return sorted(folder.glob("*.toml")) if folder.is_dir() else []
    except OSError:  # an unreadable folder: no lessons, and the app still starts
        return []


def lesson_strings(folder: Path = LESSONS_FOLDER) -> list[tuple[str, str]]:
    """(context, text) for every translatable string: titles, summaries, step texts."""
    pairs: list[tuple[str, str]] = []
    for lesson in load_lessons(folder).lessons:
        texts = [lesson.title, lesson.summary, *(step.text for step in lesson.steps)]
        pairs += [(lesson.context, text) for text in texts if text]
    return pairs
