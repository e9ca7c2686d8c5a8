"""The hand edits and live hyperparameter changes on the way to a Stepper's position, in order.

The Stepper keeps every edit as a checkpoint of its own (thinning never drops one), so the
log is read from those: an edit is always made between iterations, before the zero_grad of
the iteration it precedes, so its iteration number says exactly where it falls in the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.models.config import Config
from engine.training.live_settings import Change, changes_text, live_changes
from engine.training.stepper import Stepper


@dataclass(frozen=True)
class HandEdit:
    iteration: int  # made at the start of this iteration (after `iteration` whole ones)
    label: str  # a parameter's, or an input's or target's (engine.models.data_labels)
    value: float  # as the model holds it (rounded to float32 where that is the dtype)
    tick: int = field(default=0, compare=False)  # the micro-step it was made at, for sessions


def hand_edits(stepper: Stepper) -> tuple[HandEdit, ...]:
    """Every edit up to the current position; undone ones (past the position) are not part."""
    edits = []
    for tick in sorted(stepper.checkpoints):
        checkpoint = stepper.checkpoints[tick]
        if checkpoint.kind != "edit" or tick > stepper.tick:
            continue
        assert checkpoint.edit is not None
        label, value = checkpoint.edit
        edits.append(HandEdit(checkpoint.iteration, label, value, tick))
    return tuple(edits)


@dataclass(frozen=True)
class SettingsChange:
    """Optimizer hyperparameters changed live (engine.training.live_settings)."""

    iteration: int  # made at the start of this iteration, like a hand edit
    changes: tuple[Change, ...]  # (setting, old, new)
    config: Config = field(compare=False)  # the settings in force after it
    tick: int = field(default=0, compare=False)

    @property
    def text(self) -> str:
        return changes_text(self.changes)


def settings_changes(stepper: Stepper) -> tuple[SettingsChange, ...]:
    """Every hyperparameter change up to the current position, oldest first."""
    found, before = [], stepper.initial_config
    for tick in sorted(stepper.checkpoints):
        checkpoint = stepper.checkpoints[tick]
        if checkpoint.kind != "settings" or tick > stepper.tick:
            continue
        changes = live_changes(before, checkpoint.config) or ()
        found.append(SettingsChange(checkpoint.iteration, changes, checkpoint.config, tick))
        before = checkpoint.config
    return tuple(found)
