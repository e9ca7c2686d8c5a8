"""The session file's format: its layout, its keys, and how numbers and text are written.

A session is a Config plus the actions taken since reset: everything else is a deterministic
replay of that config, so the file stores the current tick and every parameter edit, and
opening it replays them and checks the result against the stored snapshot bit for bit
(saving: engine.io.session_save; opening: engine.io.session_open).

Layout (format 1)::

    {"format": 1, "app": "Backprop Studio", "version": "0.1.0",
     "config": {...Config.to_dict()...},
     "history": {"tick": 57, "edits": [{"tick": 52, "label": "w1", "value": 0.3}]},
     "trajectory": {"labels": ["w1", ...], "losses": [...], "grad_norms": [...],
                    "params": [[...], ...]},
     "snapshot": {"phase": "forward", "focus": "h1", "iteration": 2, "params": {...},
                  "grads": {...}, "loss": null, "optimizer_state": {"w1": {...}, ...}}}

An edit {"tick": t, ...} was made at position t (an iteration boundary) and moved it to t + 1.
`config` is the run's settings as it was built. A live optimizer change (engine.training.
live_settings) is kept like an edit, in "history": {"settings": [{"tick": t, "changes":
{"lr": 0.9}}]}: at position t those settings replaced the ones in force, and moved it to t + 1.
Positions after the current one (undone steps that could be redone) are not saved.
`trajectory` is for readers outside the app: row i of `params` holds the parameters at the
start of iteration i, and the last row the current ones.

A run with the loop around the model (a dataset, mini-batches, validation, a schedule or
clipping) also writes, still as format 1 (earlier files stay readable; these keys are optional):
"trajectory": {..., "lrs": [the lr each optimizer step used], "evaluations": [{"epoch": 1,
"train_loss": ..., "val_loss": ..., "val_accuracy": ... or null}]}, both checked on opening;
and for a dataset read from a file, "data_files": [{"path": "points.csv", "sha256": "…"}] at the
top, checked before anything is built (engine.io.session_data).

Floats are written with repr, so they read back bit for bit. JSON has no NaN or infinity:
non-finite floats are written as the strings "nan", "inf" and "-inf"; null means "none"
(a cleared gradient, a loss not yet computed).
"""

from __future__ import annotations

import json
import math
import os
from importlib import metadata
from typing import Any

from engine.training.timeline import Timeline

FORMAT_VERSION = 1
APP_NAME = "Backprop Studio"
TOP_KEYS = ("format", "app", "version", "config", "history", "trajectory", "snapshot")
TOP_OPTIONAL = ("data_files",)  # written only for a dataset read from a file
HISTORY_KEYS = ("tick", "edits")
HISTORY_OPTIONAL = ("settings",)  # written only when the run has live settings changes
EDIT_KEYS = ("tick", "label", "value")
SETTINGS_KEYS = ("tick", "changes")
TRAJECTORY_KEYS = ("labels", "losses", "grad_norms", "params")
# param_iterations: written when a long run was thinned; lrs and evaluations: for loop runs
TRAJECTORY_OPTIONAL = ("param_iterations", "lrs", "evaluations")
EVALUATION_KEYS = ("epoch", "train_loss", "val_loss", "val_accuracy")
SNAPSHOT_KEYS = ("phase", "focus", "iteration", "params", "grads", "loss", "optimizer_state")
NON_FINITE = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}

PathLike = str | os.PathLike[str]


def app_version() -> str:
    try:
        return metadata.version("backprop-studio")
    except metadata.PackageNotFoundError:
        return "dev"  # running from a source checkout


def json_number(value: float | None) -> float | str | None:
    """A float as JSON holds it: non-finite ones as "nan", "inf" or "-inf"."""
    if value is None or math.isfinite(value):
        return value
    return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")


def tick_position(tick: int, edit_ticks: list[int], timeline: Timeline) -> tuple[int, int] | None:
    """(iteration, micro-step) at `tick`; None when an edit falls inside an iteration."""
    at, iteration = 0, 0
    for edit_tick in edit_ticks:
        steps = edit_tick - at
        if steps < 0 or edit_tick >= tick:
            return None
        whole = timeline.whole_within(iteration, steps)
        if timeline.ticks(iteration, whole) != steps:
            return None
        iteration += whole
        at = edit_tick + 1
    if tick < at:
        return None
    whole = timeline.whole_within(iteration, tick - at)
    return iteration + whole, tick - at - timeline.ticks(iteration, whole)


def session_text(document: dict[str, Any]) -> str:
    """JSON laid out for reading: objects one key a line, rows of numbers one row a line."""
    return _layout(document, 0) + "\n"


def _layout(value: Any, depth: int) -> str:
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict) and value:
        items = [f"{inner}{_inline(k)}: {_layout(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list) and value and isinstance(value[0], list | dict):
        return "[\n" + ",\n".join(inner + _inline(v) for v in value) + f"\n{pad}]"
    return _inline(value)


def _inline(value: Any) -> str:
    return json.dumps(value, allow_nan=False, ensure_ascii=False)
