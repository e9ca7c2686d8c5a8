"""The lessons dock: the list of lessons, the current step's text, Back / Next / Restart."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine.lessons import Lesson, LessonCatalog
from gui.glyphs import with_glyphs
from gui.lessons.player import LessonPlayer
from gui.lessons.step_text import StepText
from gui.plain_text import plain_label, plain_tooltip

LESSON_ROLE = Qt.ItemDataRole.UserRole
MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # why a broken lesson could not be read
ERROR_STYLE = "color: #b00020;"


def lesson_text(lesson: Lesson, text: str) -> str:
    """A lesson string in the interface language, when a translation provides it."""
    return QCoreApplication.translate(lesson.context, text)


class LessonPanel(QWidget):
    def __init__(
        self, player: LessonPlayer, catalog: LessonCatalog, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.player = player
        self.catalog = catalog
        self._build()
        self._fill_list()
        player.step_changed.connect(lambda _: self.refresh())
        player.busy_changed.connect(self._busy_changed)
        player.failed.connect(self._show_error)
        self.refresh()

    def _build(self) -> None:
        self.lesson_list = QListWidget()
        self.lesson_list.setToolTip(self.tr("Click a lesson to start it"))
        self.lesson_list.setMaximumHeight(120)
        self.lesson_list.setWordWrap(True)
        self.lesson_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lesson_list.itemClicked.connect(self._clicked)
        # Titles, messages and step texts come from lesson files: plain text, or the
        # Markdown of StepText, never rich text that loads images from anywhere.
        self.title = plain_label()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.progress = plain_label()
        self.text = StepText()
        self.text.setToolTip(self.tr("What to look at in this step"))
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        # Not "Back": the toolbar's ← Back undoes a micro-step, this goes to the lesson's
        # previous step, and both are in view during a lesson.
        self.back_button = QPushButton(with_glyphs(self.tr("◀ Previous step")))
        self.back_button.setToolTip(self.tr("Go to the previous step (the lesson is replayed)"))
        self.next_button = QPushButton(with_glyphs(self.tr("Next ▶")))
        self.next_button.setToolTip(self.tr("Do the next step in the app and explain it"))
        self.restart_button = QPushButton(self.tr("Restart"))
        self.restart_button.setToolTip(self.tr("Start this lesson again from its first step"))
        self.back_button.clicked.connect(self.player.back)
        self.next_button.clicked.connect(self.player.next)
        self.restart_button.clicked.connect(self.player.restart)
        buttons = QHBoxLayout()
        for button in (self.back_button, self.restart_button, self.next_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.lesson_list)
        layout.addWidget(self.title)
        layout.addWidget(self.progress)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _fill_list(self) -> None:
        for lesson in self.catalog.lessons:
            item = QListWidgetItem(lesson_text(lesson, lesson.title))
            item.setData(LESSON_ROLE, lesson.id)
            item.setToolTip(plain_tooltip(lesson_text(lesson, lesson.summary) or item.text()))
            self.lesson_list.addItem(item)
        for broken in self.catalog.broken:
            item = QListWidgetItem(self.tr("{0} (broken)").format(broken.path.name))
            item.setData(MESSAGE_ROLE, broken.message)
            item.setToolTip(plain_tooltip(broken.message))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(Qt.GlobalColor.darkRed)
            self.lesson_list.addItem(item)
        if self.catalog.broken:
            lines = [b.message for b in self.catalog.broken]
            self.message.setText(
                self.tr("Some lesson files could not be read:\n") + "\n".join(lines)
            )

    def start(self, lesson: Lesson) -> bool:
        self.message.clear()
        for row in range(self.lesson_list.count()):
            item = self.lesson_list.item(row)
            item.setSelected(item.data(LESSON_ROLE) == lesson.id)
        return self.player.start(lesson)

    def _clicked(self, item: QListWidgetItem) -> None:
        lesson = next((x for x in self.catalog.lessons if x.id == item.data(LESSON_ROLE)), None)
        if lesson is None:
            self.message.setText(item.data(MESSAGE_ROLE))  # a broken file: say why
            return
        self.start(lesson)

    def _busy_changed(self, busy: bool) -> None:
        if busy:  # a new step starts: an earlier refusal no longer applies
            self.message.clear()
        self.refresh()

    def _show_error(self, text: str) -> None:
        self.message.setText(self.tr("This step could not be done: {0}").format(text))

    def refresh(self) -> None:
        player, lesson = self.player, self.player.lesson
        step = player.step
        if lesson is None or step is None:
            self.title.setText(self.tr("Lessons"))
            self.progress.setText(self.tr("Choose a lesson above, or from the Lessons menu."))
            self.text.clear()
        else:
            self.title.setText(lesson_text(lesson, lesson.title))
            count = len(lesson.steps)
            status = self.tr("Step {0} of {1}").format(player.index + 1, count)
            if player.busy:
                status += self.tr(" · working…")
            self.progress.setText(status)
            self.text.show_markdown(lesson_text(lesson, step.text), lesson.path.parent)
        idle = not player.busy
        self.back_button.setEnabled(idle and player.index > 0)
        self.next_button.setEnabled(idle and lesson is not None and not player.at_end)
        self.restart_button.setEnabled(idle and lesson is not None)
