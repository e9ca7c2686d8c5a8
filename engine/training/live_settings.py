"""Optimizer hyperparameters changed between iterations, the way a learner's script does it.

`for g in optimizer.param_groups: g["lr"] = 0.9` changes the real optimizer, and the run goes
on from the next `optimizer.step()`: nothing is rebuilt, the history stays. Like a hand edit,
the change is a position of its own (a "settings" checkpoint that thinning never drops), so
back() undoes it exactly and goto() replays across it exactly: every checkpoint carries the
settings in force, and torch's state_dict carries the param groups' values.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from engine.core.errors import EngineError
from engine.core.i18n import translate
from engine.core.snapshot import Snapshot
from engine.explain import phases as explain
from engine.models.config import Config
from engine.models.schedule_spec import parse_scheduler
from engine.training.checkpoints import CheckpointStore
from engine.training.optimizers import group_settings
from engine.training.position import Position
from engine.training.snapshot_builder import SnapshotBuilder
from engine.training.training_setup import TrainingSetup

# The settings that only the optimizer's param groups read: changing them keeps the run.
LIVE_FIELDS = ("lr", "momentum", "nesterov", "weight_decay", "betas", "eps")
_ALL_FIELDS = tuple(f.name for f in dataclasses.fields(Config))

Change = tuple[str, Any, Any]  # (setting, old value, new value)


def live_changes(old: Config, new: Config) -> tuple[Change, ...] | None:
    """The optimizer-only settings that differ, or None when any other setting differs too
    (then the change needs a new model)."""
    for name in _ALL_FIELDS:
        if name not in LIVE_FIELDS and getattr(old, name) != getattr(new, name):
            return None
    return tuple(
        (name, getattr(old, name), getattr(new, name))
        for name in LIVE_FIELDS
        if getattr(old, name) != getattr(new, name)
    )


def shown_value(value: Any) -> str:
    """A setting's value as the learner reads it (eps None is torch's default)."""
    if value is None:
        return translate("Explain", "default")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, tuple):
        return "(" + ", ".join(f"{v:g}" for v in value) + ")"
    return f"{value:g}"


def changes_text(changes: tuple[Change, ...]) -> str:
    """'lr 0.5 → 0.9' (several joined by commas): the plots' marker and the messages."""
    return ", ".join(f"{name} {shown_value(a)} → {shown_value(b)}" for name, a, b in changes)


def param_group_code(changes: tuple[Change, ...], settings: dict[str, Any]) -> str:
    """The line a learner writes for the change: assignments to every param group."""
    assigned = "; ".join(
        f'g["{name}"] = {settings[name]!r}' for name, _, _ in changes if name in settings
    )
    return f"for g in optimizer.param_groups: {assigned}" if assigned else ""


class SettingsChanges:
    """Applies optimizer-only settings to the real optimizer between iterations."""

    def __init__(
        self,
        setup: TrainingSetup,
        position: Position,
        store: CheckpointStore,
        snapshots: SnapshotBuilder,
    ) -> None:
        self._setup = setup
        self._position = position
        self._store = store
        self._snapshots = snapshots

    def change(self, config: Config) -> Snapshot:
        """Use `config`'s hyperparameters from the next step; refused (EngineError) before
        anything changes when other settings differ, nothing differs, or mid-iteration."""
        setup, position = self._setup, self._position
        changes = self._checked(config)
        try:
            settings = group_settings(config)
        except ValueError as error:  # torch refuses the combination
            raise EngineError(str(error)) from None
        self._store.save_at_boundary()
        self._store.forget_future()
        built = setup.optimizer.built
        if built is not None:
            for group in built.param_groups:
                for name, value in settings.items():
                    if group.get(name) != value:
                        group[name] = value
        setup.config = setup.optimizer.config = config
        position.tick += 1
        position.max_tick = position.tick
        position.snapshot = self._snapshots.build("edit", None, _explained(changes, settings))
        self._store.save("settings", position.snapshot)
        return position.snapshot

    def _checked(self, config: Config) -> tuple[Change, ...]:
        changes = live_changes(self._setup.config, config)
        if changes is None:
            raise EngineError(
                translate("EngineError", "these settings need a new model: apply them instead")
            )
        if not changes:
            raise EngineError(translate("EngineError", "the optimizer's settings are unchanged"))
        if self._position.micro:
            raise EngineError(
                translate(
                    "EngineError",
                    "finish or rewind the current iteration before changing the optimizer's "
                    "settings",
                )
            )
        if config.scheduler and any(name == "lr" for name, _, _ in changes):
            # scheduler.step() writes every param group's lr: a hand-set one would not last.
            raise EngineError(
                translate(
                    "EngineError",
                    "the learning-rate schedule sets lr at every scheduler.step(): change the "
                    "schedule instead, or turn it off",
                )
            )
        if _cycles_momentum(config) and any(n in ("momentum", "betas") for n, _, _ in changes):
            raise EngineError(
                translate(
                    "EngineError",
                    "OneCycleLR sets the momentum (or Adam's β1) at every scheduler.step(): "
                    "change the schedule instead, or give it cycle_momentum=false",
                )
            )
        return changes


def _cycles_momentum(config: Config) -> bool:
    """OneCycleLR writes momentum (β1) into the param groups too, unless told not to."""
    spec = parse_scheduler(config.scheduler)
    return (
        spec is not None
        and spec.name == "OneCycleLR"
        and spec.option("cycle_momentum") is not False
    )


def _explained(changes: tuple[Change, ...], settings: dict[str, Any]) -> explain.Text:
    words = translate(
        "Explain",
        "The optimizer's settings changed between iterations ({changes}); the run goes on "
        "from the next optimizer.step() with the new values, nothing rebuilt.",
    ).format(changes=changes_text(changes))
    code = param_group_code(changes, settings)
    return explain.Text(words, (code,) if code else ())
