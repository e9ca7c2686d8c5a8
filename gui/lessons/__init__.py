"""Guided lessons in the window: the player, the panel, and the menu that opens them."""

from gui.lessons.install import Lessons, install_lessons
from gui.lessons.panel import LessonPanel
from gui.lessons.player import LessonPlayer

__all__ = ["LessonPanel", "LessonPlayer", "Lessons", "install_lessons"]
