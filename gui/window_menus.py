"""The window's menu bar: File, Edit, Run, View, Language and Help, and the commands only they offer
(the folder and file dialogs of the exports, the About box).

The Language menu rebuilds the window around the same run, so the window makes that one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from gui.about_dialog import AboutDialog
from gui.copy_image import COPY_SHORTCUT, copy_figure, figure_in_view
from gui.export import ExportError
from gui.export_all import export_all_into_new_folder
from gui.export_menu import LAST_FOLDER_KEY
from gui.head_comparison_action import HeadComparisonAction
from gui.plain_text import show_warning
from gui.run_undo import RunUndo
from gui.session_menu import SessionMenu
from gui.shortcut_sheet import ShortcutSheet
from gui.starting_parameters import StartingParameters
from gui.theme_menu import ThemeMenu

if TYPE_CHECKING:
    from gui.window_parts import WindowParts

DESCENT_GIF, ITERATION_GIF = "descent.gif", "iteration.gif"  # the dialogs' suggested names


def tr(text: str) -> str:
    """The menus speak in the window's words (its translation context)."""
    return QCoreApplication.translate("MainWindow", text)


class WindowMenus:
    """Builds the menu bar in order; its parts stay reachable as attributes."""

    def __init__(self, window: WindowParts, add_language_menu: Callable[[], QMenu]) -> None:
        self.window = window
        self._file_menu()
        self._edit_menu()
        self._run_menu()
        self._view_menu()
        self.language_menu = add_language_menu()
        self._help_menu()

    def _action(self, menu: QMenu, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window.window())
        action.setToolTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _file_menu(self) -> None:
        window = self.window
        self.file_menu = menu = window.menuBar().addMenu(tr("&File"))
        self.session_menu = SessionMenu(window, menu)
        self.starting_parameters = StartingParameters(window, menu)
        export = self._action(
            menu,
            tr("&Export all figures…"),
            tr("Write every plot (PNG, SVG, PDF, CSV), the diagram and the trajectory"),
            self.export_all_dialog,
        )
        export.setShortcut(QKeySequence("Ctrl+E"))
        self._action(
            menu,
            tr("Export descent &animation (GIF)…"),
            tr("The path growing over the loss surface, as an animated GIF"),
            lambda: self.animation_dialog(DESCENT_GIF),
        )
        self._action(
            menu,
            tr("Export &iteration animation (GIF)…"),
            tr("The network through every micro-step of this iteration"),
            lambda: self.animation_dialog(ITERATION_GIF),
        )
        menu.addSeparator()
        quit_action = self._action(menu, tr("&Quit"), tr("Close Backprop Studio"), window.close)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))

    def _edit_menu(self) -> None:
        self.edit_menu = menu = self.window.menuBar().addMenu(tr("&Edit"))
        self.run_undo = RunUndo(self.window.controller, self.window.window())
        menu.addAction(self.run_undo.undo_action)
        menu.addAction(self.run_undo.redo_action)
        menu.addSeparator()
        copy = self._action(
            menu,
            tr("&Copy image"),
            tr("Copy the figure under the pointer (or the focused one) to the clipboard"),
            self.copy_image,
        )
        copy.setShortcut(QKeySequence(COPY_SHORTCUT))

    def _run_menu(self) -> None:
        transport = self.window.transport
        self.run_menu = menu = self.window.menuBar().addMenu(tr("&Run"))
        for action in transport.stepping_actions():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(transport.run_action)
        self.cancel_action = self._action(
            menu,
            tr("Cancel run"),
            tr("Stop the fast-forward run"),
            self.window.controller.cancel_run,
        )
        self.cancel_action.setEnabled(False)
        menu.addSeparator()
        self.head_comparison = HeadComparisonAction(self.window, menu)

    def _view_menu(self) -> None:
        window = self.window
        self.view_menu = window.menuBar().addMenu(tr("&View"))
        for dock in (window.plots_dock, window.settings_dock):
            toggle = dock.toggleViewAction()
            toggle.setToolTip(tr("Show or hide the {0} panel").format(dock.windowTitle()))
            self.view_menu.addAction(toggle)
        self.theme_menu = ThemeMenu(window.window(), self.view_menu, window.settings)

    def _help_menu(self) -> None:
        menu = self.window.menuBar().addMenu(tr("&Help"))
        shortcuts = self._action(
            menu,
            tr("&Keyboard shortcuts"),
            tr("Every keyboard shortcut, with what it does"),
            lambda: ShortcutSheet(self.window.window()).exec(),
        )
        shortcuts.setShortcuts([QKeySequence(Qt.Key.Key_F1), QKeySequence("Ctrl+/")])
        self._action(
            menu,
            tr("&About Backprop Studio"),
            tr("Version, libraries and the device in use"),
            self._show_about,
        )

    # -- the commands --------------------------------------------------------------------------
    def export_all_dialog(self) -> None:
        """File → Export all figures: choose a folder, then export into a new folder inside it."""
        start = str(QSettings().value(LAST_FOLDER_KEY, str(Path.home())))
        folder = QFileDialog.getExistingDirectory(
            self.window.window(), tr("Export all figures to"), start
        )
        if folder:
            self.export_all_to(Path(folder))

    def export_all_to(self, folder: Path) -> None:
        """Every figure and table of one consistent state: during a run, of its next rest."""
        window = self.window
        if window.controller.busy:
            window.show_message(tr("Exporting at the run's next consistent point…"))
        window.controller.do_at_rest(lambda: self._export_all_now(folder))

    def _export_all_now(self, folder: Path) -> None:
        window = self.window
        try:
            made, written = export_all_into_new_folder(window, folder)
        except ExportError as error:
            show_warning(window.window(), tr("Export failed"), str(error))
            return
        QSettings().setValue(LAST_FOLDER_KEY, str(folder))
        window.show_message(tr("Wrote {0} files to {1}").format(len(written), made))

    def copy_image(self) -> None:
        """File → Copy image: the figure under the pointer, else the focused one."""
        figure = figure_in_view()
        if figure is None:
            self.window.show_message(tr("Point at a figure (or click one), then copy it."))
            return
        image = copy_figure(figure)
        text = tr("Copied the figure to the clipboard ({0} × {1} pixels)")
        self.window.show_message(text.format(image.width(), image.height()))

    def animation_dialog(self, default: str) -> None:
        """File → Export … animation: choose the GIF, then record it."""
        start = Path(str(QSettings().value(LAST_FOLDER_KEY, str(Path.home()))))
        name, _ = QFileDialog.getSaveFileName(
            self.window.window(), tr("Export animation"), str(start / default), "GIF (*.gif)"
        )
        if not name:
            return
        target = Path(name if name.endswith(".gif") else f"{name}.gif")
        if default == DESCENT_GIF:
            self.window.export_animation(target)
        else:
            self.window.export_iteration_animation(target)

    def _show_about(self) -> None:
        device = self.window.controller.network().device
        AboutDialog(device, self.window.window()).exec()
