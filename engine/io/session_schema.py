"""The parts of a session document, read and checked against the format (engine.io.session_format).

Each reader takes what JSON gave and returns typed values, or refuses the file in one line
that says what is wrong; nothing here builds or replays anything.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from engine.core.errors import EngineError
from engine.core.snapshot import PHASES
from engine.io.script_values import KNOWN_PRESETS
from engine.io.session_checks import (
    expect,
    expect_keys,
    float_list,
    float_map,
    guarded,
    is_whole,
    read_float,
    shown,
)
from engine.io.session_format import (
    APP_NAME,
    EDIT_KEYS,
    EVALUATION_KEYS,
    FORMAT_VERSION,
    HISTORY_KEYS,
    HISTORY_OPTIONAL,
    SETTINGS_KEYS,
    SNAPSHOT_KEYS,
    TOP_KEYS,
    TOP_OPTIONAL,
    TRAJECTORY_KEYS,
    TRAJECTORY_OPTIONAL,
    PathLike,
    tick_position,
)
from engine.models.config import Config
from engine.training.live_settings import LIVE_FIELDS
from engine.training.stepper import Stepper


def check_header(document: dict[str, Any], path: PathLike) -> None:
    if "format" not in document:
        raise EngineError(f"{path} is not a session file: it has no format version")
    version = document["format"]
    if not is_whole(version):
        raise EngineError(f"{path} has an unreadable format version {shown(version)}")
    if version > FORMAT_VERSION:
        raise EngineError(
            f"{path} was made by a newer version (format {version}); "
            f"this version reads format {FORMAT_VERSION}"
        )
    if version != FORMAT_VERSION:
        raise EngineError(
            f"{path} has unknown format {version}; this version reads format {FORMAT_VERSION}"
        )
    expect_keys(document, TOP_KEYS, "the session", optional=TOP_OPTIONAL)
    if document["app"] != APP_NAME:
        raise EngineError(f"{path} is not a {APP_NAME} session (app is {shown(document['app'])})")
    expect(isinstance(document["version"], str), "version must be text")


def read_config(data: Any) -> Config:
    fields = tuple(f.name for f in dataclasses.fields(Config))
    expect_keys(data, fields, "the session's config")
    expect(isinstance(data["preset"], str), "the preset's name must be text")
    expect(data["preset"] in KNOWN_PRESETS, "the preset's name is not one the app knows")
    return guarded(lambda: Config.from_dict(data), "the session's settings cannot be used")


@dataclasses.dataclass(frozen=True)
class SavedHistory:
    tick: int
    edits: tuple[tuple[int, str, float], ...]
    iteration: int  # at the saved tick
    settings: tuple[tuple[int, dict[str, Any]], ...] = ()  # live optimizer changes


def read_history(data: Any, stepper: Stepper) -> SavedHistory:
    expect_keys(data, HISTORY_KEYS, "history", optional=HISTORY_OPTIONAL)
    tick, edits = data["tick"], data["edits"]
    expect(is_whole(tick) and tick >= 0, "history tick must be a whole number ≥ 0")
    expect(isinstance(edits, list), "history edits must be a list")
    settings = data.get("settings", [])
    expect(isinstance(settings, list), "history settings must be a list")
    parsed = tuple(_edit(edit, stepper) for edit in edits)
    changes = tuple(_settings_change(change) for change in settings)
    ticks = sorted([edit[0] for edit in parsed] + [change[0] for change in changes])
    expect(len(set(ticks)) == len(ticks), "two history entries share one position")
    position = tick_position(tick, ticks, stepper.timeline)
    expect(position is not None, "history edits do not fall between iterations")
    assert position is not None
    return SavedHistory(tick, parsed, position[0], changes)


def _settings_change(data: Any) -> tuple[int, dict[str, Any]]:
    expect_keys(data, SETTINGS_KEYS, "a settings change")
    tick, changes = data["tick"], data["changes"]
    expect(is_whole(tick) and tick >= 0, "a settings change's tick must be a whole number ≥ 0")
    expect(isinstance(changes, dict) and bool(changes), "a settings change must name settings")
    unknown = sorted(shown(name) for name in changes if name not in LIVE_FIELDS)
    expect(not unknown, f"a settings change names {', '.join(unknown[:5])}: not live settings")
    return tick, dict(changes)


def _edit(data: Any, stepper: Stepper) -> tuple[int, str, float]:
    expect_keys(data, EDIT_KEYS, "an edit")
    tick, label, value = data["tick"], data["label"], data["value"]
    expect(is_whole(tick) and tick >= 0, "an edit's tick must be a whole number ≥ 0")
    known = isinstance(label, str) and (
        label in stepper.model.index or stepper.data_cell(label) is not None
    )
    expect(known, f"unknown label {shown(label)}")
    value = read_float(value, f"the edit of {label}")
    expect(value is not None and math.isfinite(value), f"the edit of {label} is not finite")
    return tick, label, value


@dataclasses.dataclass(frozen=True)
class SavedSnapshot:
    phase: str
    focus: str | None
    iteration: int
    params: dict[str, float | None]
    grads: dict[str, float | None]
    loss: float | None
    optimizer_state: dict[str, dict[str, float | None]]


def read_snapshot(data: Any) -> SavedSnapshot:
    expect_keys(data, SNAPSHOT_KEYS, "snapshot")
    expect(isinstance(data["phase"], str) and data["phase"] in PHASES, "unknown phase")
    expect(data["focus"] is None or isinstance(data["focus"], str), "focus must be text or null")
    expect(is_whole(data["iteration"]), "snapshot iteration must be a whole number")
    state = data["optimizer_state"]
    expect(isinstance(state, dict), "optimizer_state must be an object")
    return SavedSnapshot(
        phase=data["phase"],
        focus=data["focus"],
        iteration=data["iteration"],
        params=float_map(data["params"], "snapshot params"),
        grads=float_map(data["grads"], "snapshot grads"),
        loss=read_float(data["loss"], "snapshot loss"),
        optimizer_state={k: float_map(v, f"optimizer state of {k}") for k, v in state.items()},
    )


@dataclasses.dataclass(frozen=True)
class SavedTrajectory:
    losses: list[float | None]
    params: list[list[float | None]]
    param_iterations: list[int]  # after how many iterations each params row was taken
    lrs: list[float | None] | None = None  # a loop run's: the lr of every step
    evaluations: list[tuple[int, float | None, float | None, float | None]] | None = None


def read_trajectory(data: Any, stepper: Stepper, history: SavedHistory) -> SavedTrajectory:
    """Its size must match the history: that also bounds the replay by the file's size."""
    expect_keys(data, TRAJECTORY_KEYS, "trajectory", optional=TRAJECTORY_OPTIONAL)
    labels = [info.label for info in stepper.model.params]
    expect(data["labels"] == labels, "trajectory labels do not match the model")
    losses = float_list(data["losses"], "trajectory losses")
    norms = float_list(data["grad_norms"], "trajectory grad_norms")
    rows = data["params"]
    expect(isinstance(rows, list), "trajectory params must be a list of rows")
    params = [float_list(row, "a trajectory params row") for row in rows]
    expect(len(losses) == history.iteration, "trajectory length does not match the history")
    iterations = _param_iterations(data.get("param_iterations"), len(losses))
    expect(len(norms) == len(losses) and len(params) == len(iterations), "trajectory is ragged")
    expect(all(len(row) == len(labels) for row in params), "trajectory rows are ragged")
    lrs = float_list(data["lrs"], "trajectory lrs") if "lrs" in data else None
    expect(lrs is None or len(lrs) == len(losses), "trajectory lrs do not match the losses")
    evaluations = _evaluations(data["evaluations"]) if "evaluations" in data else None
    return SavedTrajectory(losses, params, iterations, lrs, evaluations)


def _evaluations(data: Any) -> list[tuple[int, float | None, float | None, float | None]]:
    expect(isinstance(data, list), "trajectory evaluations must be a list")
    found = []
    for entry in data:
        expect_keys(entry, EVALUATION_KEYS, "an evaluation")
        expect(is_whole(entry["epoch"]), "an evaluation's epoch must be a whole number")
        found.append(
            (
                entry["epoch"],
                read_float(entry["train_loss"], "an evaluation's train_loss"),
                read_float(entry["val_loss"], "an evaluation's val_loss"),
                read_float(entry["val_accuracy"], "an evaluation's val_accuracy"),
            )
        )
    return found


def _param_iterations(data: Any, length: int) -> list[int]:
    """Every iteration 0..length, or a thinned run's increasing list from 0 to length."""
    if data is None:
        return list(range(length + 1))
    what = "trajectory param_iterations"
    expect(isinstance(data, list) and all(map(is_whole, data)), f"{what} must be whole numbers")
    expect(bool(data) and data[0] == 0 and data[-1] == length, f"{what} must run 0 to {length}")
    expect(all(a < b for a, b in zip(data, data[1:], strict=False)), f"{what} must increase")
    return data
