"""Live optimizer changes in an exported script: assignments to the param groups in the loop.

A learner changes a running optimizer with `for g in optimizer.param_groups: g["lr"] = 0.9`;
the script does exactly that before the iteration the change preceded in the app, with the
values torch's param group holds (eps None becomes the class's default). Names come from
the app's own list of live settings and values are checked literals (engine.io.script_values).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engine.io.script_values import ScriptError, number, whole
from engine.models.config import Config
from engine.training.edit_log import SettingsChange
from engine.training.live_settings import LIVE_FIELDS
from engine.training.optimizers import group_settings


def checked_changes(changes: Sequence[SettingsChange], steps: int) -> list[SettingsChange]:
    for change in changes:
        if not 0 <= change.iteration <= steps:
            raise ScriptError(
                f"cannot export a PyTorch script: a settings change before iteration "
                f"{change.iteration} lies outside the {steps} iteration(s) exported"
            )
    return list(changes)


def settings_note(changes: Sequence[SettingsChange]) -> list[str]:
    if not changes:
        return []
    return ["It changes the optimizer's settings where they were changed in the app."]


def in_loop(config: Config, changes: Sequence[SettingsChange], steps: int) -> list[str]:
    """The loop's first lines: each change, before the iteration it preceded."""
    lines = []
    for change in changes:
        if change.iteration < steps:
            lines += [f"    if step == {whole(change.iteration)}:", *_assign(config, change, 8)]
    return lines


def after_loop(config: Config, changes: Sequence[SettingsChange], steps: int) -> list[str]:
    """Changes made after the last step exported (they shape no printed number)."""
    return [
        line
        for change in changes
        if change.iteration == steps
        for line in _assign(config, change, 0)
    ]


def _assign(config: Config, change: SettingsChange, indent: int) -> list[str]:
    pad = " " * indent
    groups = "optimizer.inner.param_groups" if config.lookahead_k else "optimizer.param_groups"
    group = group_settings(change.config)
    names = [name for name, _, _ in change.changes if name in LIVE_FIELDS and name in group]
    if not names:
        return [f"{pad}pass  # a setting this optimizer does not read"]
    return [
        f"{pad}for g in {groups}:  # the optimizer's settings, changed in the app here",
        *(f'{pad}    g["{name}"] = {_literal(group[name])}' for name in names),
    ]


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, tuple):
        return "(" + ", ".join(number(v) for v in value) + ")"
    return number(value)
