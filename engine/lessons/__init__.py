"""Guided lessons: TOML files that drive the app step by step (read, validated, checked)."""

from engine.lessons.actions import ACTIONS, ASYNC_ACTIONS, settings_config
from engine.lessons.expect import LessonState, failures
from engine.lessons.loader import LESSONS_FOLDER, lesson_strings, load_lesson, load_lessons
from engine.lessons.model import Action, BrokenLesson, Lesson, LessonCatalog, LessonStep

__all__ = [
    "ACTIONS",
    "ASYNC_ACTIONS",
    "LESSONS_FOLDER",
    "Action",
    "BrokenLesson",
    "Lesson",
    "LessonCatalog",
    "LessonState",
    "LessonStep",
    "failures",
    "lesson_strings",
    "load_lesson",
    "load_lessons",
    "settings_config",
]
