"""Settings change the run, not erase it: what Apply, a preset and the lr slider do.

Optimizer-only changes (engine.training.live_settings) go to the running optimizer's param
groups and keep the history. A change that needs a new model asks first when the run has
progress, and the run it replaces is kept for Edit → Undo (gui.run_undo). The settings form,
the lr slider and the code panel follow the settings in force, which a change, ← across one,
or Undo may alter without a new model being built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from engine.core.errors import EngineError
from engine.models.config import Config
from engine.models.presets import get_preset
from engine.training.code_listing import code_lines, setup_lines
from engine.training.live_settings import live_changes
from gui.views.lr_slider import LearningRateSlider

if TYPE_CHECKING:
    from gui.views.code_panel import CodePanel
    from gui.views.settings_panel import SettingsPanel
    from gui.window_parts import WindowParts


def tr(text: str) -> str:
    return QCoreApplication.translate("SettingsApply", text)


def ask_to_rebuild(
    parent: QWidget, iterations: int, save: Callable[[], bool] | None = None
) -> bool:
    """Whether to start a new model, the current run being kept for Undo; "Save this run…"
    calls `save` first and starts only when it saved (tests replace this)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Start a new run?"))
    box.setText(tr("These settings need a new model, so training starts again."))
    box.setInformativeText(
        tr(
            "The current run ({0} iterations done) is kept as the previous run: its curves "
            "stay on the plots, dashed, to compare, and Edit → Undo (Ctrl+Z) brings it back, "
            "history and all."
        ).format(iterations)
    )
    start = box.addButton(tr("Start a new run (keep this one)"), QMessageBox.ButtonRole.AcceptRole)
    saving = box.addButton(tr("Save this run…"), QMessageBox.ButtonRole.ActionRole)
    saving.setToolTip(tr("Save the current run as a session file, then start the new one"))
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(start)
    box.exec()
    if box.clickedButton() is saving:
        return save is not None and save()  # a failed or cancelled save starts nothing
    return box.clickedButton() is start


def change_note(old: Config, new: Config) -> str:
    """What Apply will do, for the settings form's message line ("": the form's own words,
    that it rebuilds the model)."""
    if live_changes(old, new):
        return tr("Changed: Apply uses them from the next iteration; the run goes on.")
    return ""


class SettingsSync:
    """Routes the form's Apply and presets and the lr slider; keeps them showing the run."""

    def __init__(
        self,
        window: WindowParts,
        panel: SettingsPanel,
        code: CodePanel,
        save: Callable[[], bool] | None = None,
    ) -> None:
        """`save`: File → Save session's dialog, offered before a run is replaced."""
        self.window, self.panel, self.code, self._save = window, panel, code, save
        self.controller = controller = window.controller
        self.lr_slider = LearningRateSlider()
        window.transport.addSeparator()
        window.transport.addWidget(self.lr_slider)
        panel.change_note = change_note
        panel.apply_requested.connect(self.apply)
        panel.preset_requested.connect(self.load_preset)
        self.lr_slider.lr_chosen.connect(self.set_lr)
        controller.network_changed.connect(lambda: self.refresh(force=True))
        controller.trajectory_changed.connect(self.refresh)
        controller.busy_changed.connect(lambda busy: self.lr_slider.setEnabled(not busy))
        self._shown: Config | None = None
        self.refresh(force=True)

    def apply(self, config: Config) -> bool:
        """The form's Apply: live when only the optimizer's settings differ, else a new run."""
        changes = live_changes(self.controller.config, config)
        if changes:
            return self.controller.change_settings(config)
        if changes is not None:  # nothing differs from the settings in force
            self.refresh(force=True)
            return False
        return self._rebuild(lambda: self.controller.apply_config(config))

    def load_preset(self, name: str) -> bool:
        try:
            get_preset(name)
        except EngineError as error:
            self.window.banner.show_message(str(error))
            return False
        return self._rebuild(lambda: self.controller.load_preset(name))

    def _rebuild(self, action: object) -> bool:
        snapshot = self.controller.snapshot
        if snapshot.tick and not ask_to_rebuild(
            self.window.window(), snapshot.completed, self._save
        ):
            self.window.show_message(tr("Nothing changed: the run goes on."))
            self.refresh(force=True)
            return False
        return bool(action())  # type: ignore[operator]

    def set_lr(self, lr: float) -> bool:
        """The toolbar slider: the run's lr from the next iteration, even while playing."""
        try:
            config = self.controller.config.replace(lr=lr)
        except EngineError as error:
            self.window.show_message(str(error))
            config = None
        if config is None or not self.controller.change_settings(config):
            self.lr_slider.show_lr(self.controller.config.lr)
            return False
        return True

    def refresh(self, force: bool = False) -> None:
        """Show the settings in force: the form, the slider and the code's optimizer line."""
        config = self.controller.config
        if config == self._shown and not force:
            return
        self._shown = config
        self.panel.set_config(config)
        self.lr_slider.show_lr(config.lr)
        marks = self.controller.trajectory().settings_marks
        self.code.set_code(setup_lines(config, marks), code_lines(config))
