"""View → Theme: Light, Dark or Follow system, applied live and remembered in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from gui.theme import (
    DEFAULT_THEME,
    THEME_KEY,
    THEMES,
    apply_theme,
    chosen_theme,
    current_look,
    is_dark,
    restyle,
)


class ThemeMenu(QObject):
    """The Theme submenu of `menu`; `choose` switches the whole application at once."""

    def __init__(self, window: QWidget, menu: QMenu, settings: QSettings | None) -> None:
        super().__init__(window)
        self.settings = settings
        self.submenu = menu.addMenu(self.tr("&Theme"))
        self.submenu.menuAction().setToolTip(self.tr("Light or dark colours for the window"))
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for name, text, tip in self._choices():
            action = QAction(text, self)
            action.setCheckable(True)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _=False, theme=name: self.choose(theme))
            self.group.addAction(action)
            self.submenu.addAction(action)
            self.actions[name] = action
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._system_changed)
        self._check(chosen_theme())
        if is_dark():  # a window opened after the switch: its views start in the print look
            restyle(window, current_look())

    def _choices(self) -> tuple[tuple[str, str, str], ...]:
        return (
            ("light", self.tr("&Light"), self.tr("Dark ink on light backgrounds")),
            ("dark", self.tr("&Dark"), self.tr("Light ink on dark backgrounds, plots included")),
            (
                "system",
                self.tr("Follow &system"),
                self.tr("Light or dark as the desktop's colour scheme says (light if unknown)"),
            ),
        )

    def choose(self, name: str) -> None:
        """Apply `name` ("light", "dark" or "system") live and remember it."""
        if name not in THEMES:
            name = DEFAULT_THEME
        apply_theme(name)
        self._check(name)
        if self.settings is not None:
            self.settings.setValue(THEME_KEY, name)

    def restore(self) -> None:
        """The theme saved in the settings, or the default (follow the system)."""
        if self.settings is None:
            return
        name = str(self.settings.value(THEME_KEY, DEFAULT_THEME))
        name = name if name in THEMES else DEFAULT_THEME
        if name != chosen_theme():  # the app applied the saved one before the window existed
            self.choose(name)
        self._check(name)

    def _check(self, name: str) -> None:
        self.actions[name if name in self.actions else DEFAULT_THEME].setChecked(True)

    @Slot()
    def _system_changed(self) -> None:
        if chosen_theme() == "system":
            apply_theme("system")
