"""The controller's commands for the loop around the model: a line, a batch, an epoch, and
fast-forward by batches or by epochs.

A mixin of gui.controller.Controller (the one owner of the stepper), kept apart so the
controller stays short. An epoch of more than one batch runs off this thread, as any
fast-forward does (gui.fast_forward); a single batch is stepped here, with its Snapshots.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engine.models.diagram_scale import needs_layer_columns
from gui.run_copies import LoopFacts, loop_facts

UNITS = ("batches", "epochs")  # what fast-forward's count counts


def tr(text: str) -> str:
    return QCoreApplication.translate("Controller", text)


def iterations_to_epoch_end(iteration: int, per_epoch: int, epochs: int = 1) -> int:
    """Iterations from `iteration` (0-based, the one under way or next) to the end of the
    `epochs`-th epoch boundary ahead: the rest of this epoch, then whole ones."""
    return per_epoch - iteration % per_epoch + (epochs - 1) * per_epoch


class LoopCommands:
    """Stepping by lines and epochs. The controller supplies `_stepper`, `_busy`, `_pending`,
    `_command`, `step_iteration`, `run_iterations` and `message`."""

    _loop_facts: tuple[object, LoopFacts] | None = None

    def loop(self) -> LoopFacts:
        """The loop's facts and a read-only copy of the training set, taken once per run."""
        cached = self._loop_facts
        if cached is None or cached[0] is not self._stepper:
            cached = self._loop_facts = (self._stepper, loop_facts(self._stepper))
        return cached[1]

    @property
    def wide(self) -> bool:
        """A network drawn as layer columns: a micro-step there is one of hundreds of values."""
        config = self._stepper.config
        return config.has_layers and needs_layer_columns(tuple(config.layers))

    def step(self) -> bool:
        """The Step button: one micro-step, or on a wide network one line of the loop."""
        return self.step_line() if self.wide else self.step_phase()

    def step_line(self) -> bool:
        """Every micro-step of the current line: all neurons of forward, every update of step."""
        self._pending.apply_waiting()
        return self._command(self._stepper.step_line)

    def step_epoch(self) -> bool:
        """To the end of the current epoch (after its evaluation, when there is one)."""
        return self.run_epochs(1)

    def run_epochs(self, epochs: int) -> bool:
        """To the end of the `epochs`-th epoch from here; more than one batch runs off this
        thread with progress and Cancel."""
        if self._busy:
            return self._refused_while_busy()
        if epochs <= 0:
            return False
        per_epoch = self.loop().per_epoch
        n = iterations_to_epoch_end(self._stepper.iteration, per_epoch, epochs)
        if n == 1:
            return self.step_iteration()
        return self.run_iterations(n)

    def run_count(self, count: int, unit: str) -> bool:
        """Fast-forward `count` batches (iterations) or epochs."""
        if unit == "epochs":
            return self.run_epochs(count)
        return self.run_iterations(count)
