"""The controller's commands that change the run itself: hand edits, live optimizer settings,
new settings, presets and Reset.

A mixin of gui.controller.Controller (the one owner of the stepper), kept apart so the
controller stays short. A command that replaces the run never drops the old one: it is sent
with `run_replaced` to gui.run_undo, whose Undo hands it back through `adopt`.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication

from engine.core.errors import EngineError
from engine.models.config import Config
from engine.models.presets import get_preset
from engine.training.live_settings import changes_text, live_changes
from gui.run_copies import TrajectoryData, trajectory_data
from gui.run_report import summary


def tr(text: str) -> str:
    return QCoreApplication.translate("Controller", text)


class RunCommands:
    """Edits, settings and replacements. The controller supplies what they act on: `_stepper`,
    `_busy`, `_pending`, `_command`, `_publish`, `_warn`, `pause`, `adopt`, `_new_stepper`,
    `previous_run` and `previous_run_changed`."""

    def reset(self) -> bool:
        """A fresh run from the same start; the old one is kept (Edit → Undo brings it back)."""
        if self._busy:
            return self._refused_while_busy()
        note = tr("Reset to the starting parameters; Edit → Undo (Ctrl+Z) brings the run back.")
        return self._replace(self._new_stepper(self._stepper.initial_config), note, tr("Reset"))

    def edit_parameter(self, label: str, value: float, restart: bool = False) -> bool:
        """Set a parameter, input or target by hand; back() undoes it (restart: gui.run_edits)."""
        if self._busy:
            return self._refused_while_busy()
        self.pause()
        edit = self._stepper.restart_iteration_with if restart else self._stepper.edit_parameter
        try:
            snapshot = edit(label, value)
        except EngineError as error:
            self._warn(str(error))
            self.snapshot_changed.emit(self._stepper.snapshot)  # the view shows the kept value
            return False
        self._publish(snapshot)
        self.message.emit(tr("{0} set to {1:.9g}; back (←) undoes it.").format(label, value))
        return True

    def change_settings(self, config: Config) -> bool:
        """Optimizer-only settings, live from the next step; mid-iteration they wait."""
        if self._busy:
            return self._refused_while_busy()
        return self._pending.request(config)

    def _change_now(self, config: Config) -> bool:
        changes = live_changes(self._stepper.config, config)
        if not self._command(partial(self._stepper.change_settings, config)):
            return False
        text = changes_text(changes or ())
        self.message.emit(tr("{0} from the next step; back (←) undoes it.").format(text))
        return True

    def apply_config(self, config: Config, why: str = "") -> bool:
        """Rebuild the model from new settings; on refusal the current model stays."""
        if self._busy:
            return self._refused_while_busy()
        self.pause()
        try:
            stepper = self._new_stepper(config)
        except (EngineError, RuntimeError) as error:
            self._warn(tr("Settings not applied: {0}").format(error))
            return False
        note = tr("Model rebuilt: {0}.").format(summary(config))
        return self._replace(stepper, note, why or tr("New settings"))

    def _replace(self, stepper: Any, note: str, why: str) -> bool:
        """Adopt `stepper`, handing the old run to whoever keeps it for Undo (gui.run_undo)."""
        old = self._stepper
        if not self.swap_run(stepper, note):
            return False
        self.run_replaced.emit(old, stepper, why)
        return True

    def swap_run(self, stepper: Any, note: str) -> bool:
        """Adopt `stepper` (a new run, or Undo's and Redo's kept one); the run it replaces stays
        on the plots as the previous run, as a copy of its trajectory, unless it never finished
        an iteration (then the comparison shown before stays)."""
        leaving = trajectory_data(self._stepper)
        for copied in (leaving.losses, leaving.grad_norms, leaving.params):
            copied.setflags(write=False)  # kept as it was, whatever later reads it
        if not self.adopt(stepper, note):
            return False
        if leaving.losses.size:
            self.keep_previous(leaving)
        return True

    def keep_previous(self, data: TrajectoryData | None) -> None:
        self.previous_run = data
        self.previous_run_changed.emit(data)

    def load_preset(self, name: str) -> bool:
        try:
            config = get_preset(name)
        except EngineError as error:
            self._warn(str(error))
            return False
        return self.apply_config(config, tr("Preset {0}").format(name))
