"""The Lessons menu and dock, added to the main window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from engine.lessons import LESSONS_FOLDER, Lesson, load_lessons
from gui.lessons.panel import LessonPanel, lesson_text
from gui.lessons.player import LessonPlayer
from gui.plain_text import menu_text, plain_tooltip

if TYPE_CHECKING:
    from gui.window_parts import WindowParts


def tr(text: str) -> str:
    return QCoreApplication.translate("Lessons", text)


@dataclass
class Lessons:
    player: LessonPlayer
    panel: LessonPanel
    dock: QDockWidget
    menu: QMenu

    def open(self, lesson: Lesson) -> bool:
        self.dock.show()
        self.dock.raise_()
        return self.panel.start(lesson)

    def offer(self) -> None:
        """Show the lesson list in front of its dock group (a first launch)."""
        self.dock.show()
        self.dock.raise_()

    def find(self, lesson_id: str) -> Lesson:
        return next(x for x in self.panel.catalog.lessons if x.id == lesson_id)


def install_lessons(window: WindowParts, folder: Path = LESSONS_FOLDER) -> Lessons:
    """Read the lesson files (broken ones are listed, not fatal); add the menu and dock."""
    player = LessonPlayer(window)
    panel = LessonPanel(player, load_lessons(folder))
    dock = QDockWidget(tr("Lessons"), window)
    dock.setObjectName("lessons")
    dock.setWidget(panel)
    # A tab beside the plots: a third column of docks would not fit a 1280-pixel window.
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    plots = getattr(window, "plots_dock", None)
    if plots is not None:
        window.tabifyDockWidget(plots, dock)
        plots.raise_()
    dock.hide()  # until a lesson is chosen (or the View menu shows it)
    lessons = Lessons(player, panel, dock, _menu(window, panel, dock))
    toggle = dock.toggleViewAction()
    toggle.setToolTip(tr("Show or hide the lessons panel"))
    view_menu = getattr(window, "view_menu", None)
    if view_menu is not None:
        view_menu.addAction(toggle)
    return lessons


def _menu(window: WindowParts, panel: LessonPanel, dock: QDockWidget) -> QMenu:
    menu = QMenu(tr("&Lessons"), window)
    bar = window.menuBar()
    actions = bar.actions()
    if actions:  # before Help, the customary last menu
        bar.insertMenu(actions[-1], menu)
    else:
        bar.addMenu(menu)
    for lesson in panel.catalog.lessons:
        action = QAction(menu_text(lesson_text(lesson, lesson.title)), menu)
        action.setToolTip(plain_tooltip(lesson_text(lesson, lesson.summary) or action.text()))
        action.triggered.connect(lambda _=False, x=lesson: (dock.show(), dock.raise_(),
                                                             panel.start(x)))  # fmt: skip
        menu.addAction(action)
    for broken in panel.catalog.broken:
        action = QAction(tr("{0} (broken)").format(menu_text(broken.path.name)), menu)
        action.setToolTip(plain_tooltip(broken.message))
        action.setEnabled(False)
        menu.addAction(action)
    menu.setToolTipsVisible(True)
    menu.addSeparator()
    show = QAction(tr("Show lessons panel"), menu)
    show.setToolTip(tr("Open the lessons panel beside the app"))
    show.triggered.connect(lambda: (dock.show(), dock.raise_()))
    menu.addAction(show)
    return menu
