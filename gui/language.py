"""The interface language: chosen in the Language menu (kept in QSettings), else the system's.

Our translations live in assets/translations/backprop_studio_<code>.qm; Qt's own (for the
standard dialogs' buttons) come from Qt's translations folder when it has them. The engine
translates its explanations through the same QCoreApplication.translate, via engine.core.i18n.

Switching at runtime builds a new main window (hand-built widgets cannot retranslate
themselves) and hands it the open training run with its Undo stack of runs and the previous run
to compare, the geometry, the docks and the current tabs.
The run itself is not replayed: a Snapshot keeps its explanation as phrases and formula trees,
which render in whatever language is installed when they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget

from engine.core import i18n
from engine.io.assets import TRANSLATIONS

LANGUAGE_KEY = "ui/language"
ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "简体中文"}  # each in its own language

_installed: list[QTranslator] = []
_current = [ENGLISH]
_windows: list[QMainWindow] = []  # the window a switch built; kept alive here


def system_language() -> str:
    """zh_CN for any Chinese system locale, else English."""
    return CHINESE if QLocale.system().language() == QLocale.Language.Chinese else ENGLISH


def chosen_language(settings: QSettings | None = None) -> str:
    """The language the learner chose (QSettings), else the system locale's."""
    value = (settings or QSettings()).value(LANGUAGE_KEY)
    return value if value in LANGUAGE_NAMES else system_language()


def current_language() -> str:
    return _current[0]


def rebuilt_window() -> QMainWindow | None:
    """The window the last language switch built, if any."""
    return _windows[-1] if _windows else None


def install_language(code: str) -> bool:
    """Install the translators for `code` (replacing any before); False when ours is missing."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_translator(None)
    _current[0] = ENGLISH
    if code == ENGLISH:
        return True
    ours = QTranslator(app)
    if not ours.load(f"backprop_studio_{code}", str(TRANSLATIONS)):
        return False
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{code}", qt_folder):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    i18n.set_translator(QCoreApplication.translate)
    _current[0] = code
    return True


def install_chosen_language(settings: QSettings | None = None) -> str:
    """At start, before any window exists; returns the language in use."""
    code = chosen_language(settings)
    return code if install_language(code) else ENGLISH


def add_language_menu(window: QMainWindow) -> QMenu:
    """A Language menu in `window`'s menu bar: one checkable action per language."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("Language", "&Language"))
    group = QActionGroup(menu)
    for code, name in LANGUAGE_NAMES.items():
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setChecked(code == current_language())
        action.setData(code)
        action.setToolTip(
            QCoreApplication.translate("Language", "Show the interface in {0}").format(name)
        )
        action.triggered.connect(lambda _=False, c=code: switch_language(window, c))
        group.addAction(action)
        menu.addAction(action)
    return menu


def switch_language(window: QMainWindow, code: str) -> QMainWindow:
    """Remember `code`, install it and rebuild the window around the same run."""
    controller = window.controller
    if code == current_language():
        return window
    if controller.busy:
        controller.message.emit(
            QCoreApplication.translate(
                "Language", "Wait for the run to finish (or cancel it) first."
            )
        )
        return window
    if not install_language(code):
        install_language(ENGLISH)
        controller.message.emit(
            QCoreApplication.translate("Language", "The translation for {0} is missing.").format(
                code
            )
        )
        return window
    QSettings().setValue(LANGUAGE_KEY, code)
    return _rebuild(window)


def _rebuild(old: QMainWindow) -> QMainWindow:
    new = type(old)(old.controller.config, old.settings)
    new.network_view.animation_ms = old.network_view.animation_ms
    new.restoreState(old.saveState())  # docks: where they are, which is raised
    note = QCoreApplication.translate("Language", "Language: {0}")
    # The same run, not a replay: its Snapshots' phrases render in the new language.
    old.controller.hand_over(new.controller, note.format(LANGUAGE_NAMES[current_language()]))
    new.menus.run_undo.take_over(old.menus.run_undo)  # Ctrl+Z still brings back the run before
    _copy_tabs(old, new)
    old.controller.pause()
    new.setGeometry(old.geometry())
    new.setWindowState(old.windowState())
    new.show()
    old.close()  # freed with its last reference: whoever built it may still hold it
    _windows[:] = [new]
    return new


def _copy_tabs(old: QMainWindow, new: QMainWindow) -> None:
    """The same tab (and lab sub-tab) stays open."""
    pairs = zip(old.findChildren(QTabWidget), new.findChildren(QTabWidget), strict=False)
    for before, after in pairs:
        if before.count() == after.count():
            after.setCurrentIndex(before.currentIndex())
