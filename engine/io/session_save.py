"""Saving a session: the stepper as a session document, written through the safe-write routine.

The document follows engine.io.session_format; a session that opening would refuse
(engine.io.session_limits) is not written.
"""

from __future__ import annotations

from typing import Any

from engine.core.errors import EngineError
from engine.core.snapshot import Snapshot
from engine.io.safe_write import WriteError, safe_write_text
from engine.io.session_data import data_file_entries
from engine.io.session_format import (
    APP_NAME,
    FORMAT_VERSION,
    PathLike,
    app_version,
    json_number,
    session_text,
    tick_position,
)
from engine.io.session_limits import check_reopenable, rows_per_iteration
from engine.io.verify import verify_json
from engine.models.loop_settings import loop_is_plain
from engine.training.edit_log import hand_edits, settings_changes
from engine.training.stepper import Stepper


def save_session(stepper: Stepper, path: PathLike) -> None:
    """Write the session to `path` through the safe-write routine (checked as JSON before it
    replaces anything); a session that opening would refuse is not written."""
    write_session_copy(session_copy(stepper), path)


def session_copy(stepper: Stepper) -> str:
    """The session as text, taken while the stepper is at rest (also inside a run: see
    `Stepper.run`'s visit); refused when opening it would be refused."""
    document = session_document(stepper)
    text = session_text(document)
    check_reopenable(document, len(text.encode("utf-8")), rows_per_iteration(stepper))
    return text


def write_session_copy(text: str, path: PathLike) -> None:
    """Write a `session_copy` through the safe-write routine; the previous file stays on failure."""
    try:
        safe_write_text(path, text, verify=verify_json)
    except WriteError as error:
        raise EngineError(f"cannot save the session: {error}") from None


def session_document(stepper: Stepper) -> dict[str, Any]:
    """The session as plain JSON-ready data."""
    edits, settings = _edits(stepper), _settings(stepper)
    _check_position(stepper, edits + settings)
    history: dict[str, Any] = {"tick": stepper.tick, "edits": edits}
    if settings:  # without live changes the file stays as earlier versions wrote it
        history["settings"] = settings
    document = {
        "format": FORMAT_VERSION,
        "app": APP_NAME,
        "version": app_version(),
        "config": stepper.initial_config.to_dict(),
        "history": history,
        "trajectory": _trajectory_data(stepper),
        "snapshot": _snapshot_data(stepper.snapshot),
    }
    files = data_file_entries(stepper.initial_config.dataset)
    return document | ({"data_files": files} if files else {})


def _edits(stepper: Stepper) -> list[dict[str, Any]]:
    """Every edit on the way to the current position (see engine.training.edit_log)."""
    return [
        {"tick": edit.tick - 1, "label": edit.label, "value": json_number(edit.value)}
        for edit in hand_edits(stepper)
    ]


def _settings(stepper: Stepper) -> list[dict[str, Any]]:
    """Every live optimizer change on the way, as the settings it set."""
    return [
        {
            "tick": change.tick - 1,
            "changes": {name: _json_setting(new) for name, _, new in change.changes},
        }
        for change in settings_changes(stepper)
    ]


def _json_setting(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _check_position(stepper: Stepper, edits: list[dict[str, Any]]) -> None:
    # Stepping forward past an undone edit leaves an edit in the history the stepper skipped.
    ticks = sorted(edit["tick"] for edit in edits)
    position = tick_position(stepper.tick, ticks, stepper.timeline)
    if position != (stepper.iteration, stepper.micro):
        raise EngineError(
            "cannot save this position: it was reached by stepping past an undone edit, "
            "so the history no longer says how to rebuild it"
        )


def _trajectory_data(stepper: Stepper) -> dict[str, Any]:
    trajectory = stepper.trajectory
    return (
        {
            "labels": [info.label for info in stepper.model.params],
            "losses": [json_number(v) for v in trajectory.losses.tolist()],
            "grad_norms": [json_number(v) for v in trajectory.grad_norms.tolist()],
            "params": [[json_number(v) for v in row] for row in trajectory.params.tolist()],
        }
        | _thinned_iterations(stepper)
        | _loop_record(stepper)
    )


def _loop_record(stepper: Stepper) -> dict[str, Any]:
    """The lr of every step and each epoch's evaluation, for runs with the loop around the
    model (a plain run's file stays as earlier versions wrote it)."""
    if loop_is_plain(stepper.initial_config):
        return {}
    trajectory = stepper.trajectory
    return {
        "lrs": [json_number(v) for v in trajectory.lrs.tolist()],
        "evaluations": [
            {name: json_number(v) for name, v in e.to_dict().items()}
            for e in trajectory.evaluations
        ],
    }


def _thinned_iterations(stepper: Stepper) -> dict[str, Any]:
    """Which iterations the params rows belong to, written only when a long run was thinned
    (otherwise row r is iteration r, and the file stays readable by earlier versions)."""
    trajectory = stepper.trajectory
    if trajectory.stride == 1:
        return {}
    return {"param_iterations": trajectory.param_iterations.tolist()}


def _snapshot_data(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "phase": snapshot.phase,
        "focus": snapshot.focus,
        "iteration": snapshot.iteration,
        "params": {k: json_number(v) for k, v in snapshot.params.items()},
        "grads": {k: json_number(v) for k, v in snapshot.grads.items()},
        "loss": json_number(snapshot.loss),
        "optimizer_state": {
            label: {name: json_number(v) for name, v in state.items()}
            for label, state in snapshot.optimizer_state.items()
        },
    }
