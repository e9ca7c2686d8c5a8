"""Save and open a training session as versioned JSON.

A session is a Config plus the actions taken since reset: everything else is a deterministic
replay of that config, so the file stores the current tick and every parameter edit, and
opening it replays them and checks the result against the stored snapshot bit for bit.

Layout (format 1)::

    {"format": 1, "app": "Backprop Studio", "version": "0.1.0",
     "config": {...Config.to_dict()...},
     "history": {"tick": 57, "edits": [{"tick": 52, "label": "w1", "value": 0.3}]},
     "trajectory": {"labels": ["w1", ...], "losses": [...], "grad_norms": [...],
                    "params": [[...], ...]},
     "snapshot": {"phase": "forward", "focus": "h1", "iteration": 2, "params": {...},
                  "grads": {...}, "loss": null, "optimizer_state": {"w1": {...}, ...}}}

An edit {"tick": t, ...} was made at position t (an iteration boundary) and moved it to t + 1.
Positions after the current one (undone steps that could be redone) are not saved.
`trajectory` is for readers outside the app: row i of `params` holds the parameters at the
start of iteration i, and the last row the current ones.

Floats are written with repr, so they read back bit for bit. JSON has no NaN or infinity:
non-finite floats are written as the strings "nan", "inf" and "-inf"; null means "none"
(a cleared gradient, a loss not yet computed).

Opening works under the limits in engine/io/session_limits.py (a regular file, its size, nesting,
input rows and replay cost), all checked before the replay starts.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import struct
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from engine.core.errors import EngineError
from engine.core.snapshot import PHASES, Snapshot
from engine.io.load_limits import check_json_depth, read_regular_file
from engine.io.safe_write import WriteError, safe_write_text
from engine.io.script_values import KNOWN_PRESETS
from engine.io.session_limits import (
    MAX_JSON_DEPTH,
    MAX_SESSION_BYTES,
    check_input_rows,
    check_reopenable,
    check_replay_cost,
)
from engine.io.verify import verify_json
from engine.models.config import Config
from engine.training.edit_log import hand_edits
from engine.training.stepper import Stepper

FORMAT_VERSION = 1
APP_NAME = "Backprop Studio"
TOP_KEYS = ("format", "app", "version", "config", "history", "trajectory", "snapshot")
HISTORY_KEYS = ("tick", "edits")
EDIT_KEYS = ("tick", "label", "value")
TRAJECTORY_KEYS = ("labels", "losses", "grad_norms", "params")
SNAPSHOT_KEYS = ("phase", "focus", "iteration", "params", "grads", "loss", "optimizer_state")
NON_FINITE = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}
# Any of these raised while building a model from a file's settings means the file is unusable.
BUILD_ERRORS = (TypeError, ValueError, LookupError, ArithmeticError, RuntimeError)

PathLike = str | os.PathLike[str]
Progress = Callable[[int, int], None]  # iterations replayed, iterations to replay


class SessionCancelled(EngineError):
    """Opening stopped because the caller asked it to; nothing was changed."""


def app_version() -> str:
    try:
        return metadata.version("backprop-studio")
    except metadata.PackageNotFoundError:
        return "dev"  # running from a source checkout


# -- saving ------------------------------------------------------------------------------------
def save_session(stepper: Stepper, path: PathLike) -> None:
    """Write the session to `path` through the safe-write routine (checked as JSON before it
    replaces anything); a session that opening would refuse is not written."""
    write_session_copy(session_copy(stepper), path)


def session_copy(stepper: Stepper) -> str:
    """The session as text, taken while the stepper is at rest (also inside a run: see
    `Stepper.run`'s visit); refused when opening it would be refused."""
    document = session_document(stepper)
    text = session_text(document)
    check_reopenable(document, len(text.encode("utf-8")))
    return text


def write_session_copy(text: str, path: PathLike) -> None:
    """Write a `session_copy` through the safe-write routine; the previous file stays on failure."""
    try:
        safe_write_text(path, text, verify=verify_json)
    except WriteError as error:
        raise EngineError(f"cannot save the session: {error}") from None


def session_document(stepper: Stepper) -> dict[str, Any]:
    """The session as plain JSON-ready data."""
    edits = _edits(stepper)
    _check_position(stepper, edits)
    return {
        "format": FORMAT_VERSION,
        "app": APP_NAME,
        "version": app_version(),
        "config": stepper.config.to_dict(),
        "history": {"tick": stepper.tick, "edits": edits},
        "trajectory": _trajectory_data(stepper),
        "snapshot": _snapshot_data(stepper.snapshot),
    }


def _edits(stepper: Stepper) -> list[dict[str, Any]]:
    """Every edit on the way to the current position (see engine.training.edit_log)."""
    return [
        {"tick": edit.tick - 1, "label": edit.label, "value": json_number(edit.value)}
        for edit in hand_edits(stepper)
    ]


def _check_position(stepper: Stepper, edits: list[dict[str, Any]]) -> None:
    # Stepping forward past an undone edit leaves an edit in the history the stepper skipped.
    ticks = [edit["tick"] for edit in edits]
    position = _position(stepper.tick, ticks, stepper.micro_steps_per_iteration)
    if position != (stepper.iteration, stepper.micro):
        raise EngineError(
            "cannot save this position: it was reached by stepping past an undone edit, "
            "so the history no longer says how to rebuild it"
        )


def _trajectory_data(stepper: Stepper) -> dict[str, Any]:
    trajectory = stepper.trajectory
    return {
        "labels": [info.label for info in stepper.model.params],
        "losses": [json_number(v) for v in trajectory.losses.tolist()],
        "grad_norms": [json_number(v) for v in trajectory.grad_norms.tolist()],
        "params": [[json_number(v) for v in row] for row in trajectory.params.tolist()],
    } | _thinned_iterations(stepper)


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


def json_number(value: float | None) -> float | str | None:
    """A float as JSON holds it: non-finite ones as "nan", "inf" or "-inf"."""
    if value is None or math.isfinite(value):
        return value
    return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")


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


def _reason(error: OSError) -> str:
    return error.strerror or _one_line(str(error))


# -- opening -----------------------------------------------------------------------------------
def load_session(
    path: PathLike, progress: Progress | None = None, should_stop: Callable[[], bool] | None = None
) -> Stepper:
    """Rebuild the saved session; refuse (EngineError, one line) anything that does not replay.

    The replay calls `progress(done, total)` now and then; when `should_stop()` turns true it
    stops and raises SessionCancelled.
    """
    try:
        return _load(Path(path), _Replay(progress, should_stop))
    except EngineError as error:
        message = str(error)
        if len(message.splitlines()) > 1:  # a name from the file may carry a line break
            raise EngineError(" ".join(message.split())) from None
        raise


def _load(path: Path, replay: _Replay) -> Stepper:
    document = _read_document(path)
    _check_header(document, path)
    config = _config(document["config"])
    check_input_rows(config)
    stepper = _build(config)
    history = _history(document["history"], stepper)
    check_replay_cost(
        len(config.inputs), len(stepper.model.params), history.iteration, "cannot open the session"
    )
    saved = _saved_snapshot(document["snapshot"])
    trajectory = _trajectory(document["trajectory"], stepper, history)
    _replay(stepper, history, replay)
    _verify(stepper, saved, trajectory)
    return stepper


def _read_document(path: Path) -> dict[str, Any]:
    try:
        raw = read_regular_file(path, MAX_SESSION_BYTES, "session")
    except FileNotFoundError:
        raise EngineError(f"cannot open session {path}: no such file") from None
    except OSError as error:
        raise EngineError(f"cannot open session {path}: {_reason(error)}") from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise EngineError(f"{path} is not a session file: it is not UTF-8 text") from None
    check_json_depth(raw, MAX_JSON_DEPTH, path, "session")
    try:
        document = json.loads(
            text, parse_constant=_refuse_constant, object_pairs_hook=_refuse_repeated_keys
        )
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            raise EngineError(f"{path} is truncated: the JSON ends early") from None
        raise EngineError(f"{path} is not a session file: {error}") from None
    except (ValueError, RecursionError) as error:
        if "integer string conversion" in str(error):  # Python's words for 4,300+ digits
            error = ValueError("a number is too long to read")
        raise EngineError(f"{path} is not a session file: {_one_line(str(error))}") from None
    if not isinstance(document, dict):
        raise EngineError(f"{path} is not a session file: it does not hold a JSON object")
    return document


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def _refuse_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON keeps the last of a repeated key; a session that says two things is refused."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"the key {key!r} appears twice in one object")
        found[key] = value
    return found


def _check_header(document: dict[str, Any], path: PathLike) -> None:
    if "format" not in document:
        raise EngineError(f"{path} is not a session file: it has no format version")
    version = document["format"]
    if not _is_whole(version):
        raise EngineError(f"{path} has an unreadable format version {_shown(version)}")
    if version > FORMAT_VERSION:
        raise EngineError(
            f"{path} was made by a newer version (format {version}); "
            f"this version reads format {FORMAT_VERSION}"
        )
    if version != FORMAT_VERSION:
        raise EngineError(
            f"{path} has unknown format {version}; this version reads format {FORMAT_VERSION}"
        )
    _expect_keys(document, TOP_KEYS, "the session")
    if document["app"] != APP_NAME:
        raise EngineError(f"{path} is not a {APP_NAME} session (app is {_shown(document['app'])})")
    _expect(isinstance(document["version"], str), "version must be text")


def _config(data: Any) -> Config:
    fields = tuple(f.name for f in dataclasses.fields(Config))
    _expect_keys(data, fields, "the session's config")
    _expect(isinstance(data["preset"], str), "the preset's name must be text")
    _expect(data["preset"] in KNOWN_PRESETS, "the preset's name is not one the app knows")
    return _guarded(lambda: Config.from_dict(data), "the session's settings cannot be used")


def _build(config: Config) -> Stepper:
    return _guarded(lambda: Stepper(config), "the session's settings cannot be used")


def _guarded(make: Callable[[], Any], what: str) -> Any:
    try:
        return make()
    except EngineError:
        raise
    except BUILD_ERRORS as error:
        raise EngineError(f"{what}: {_one_line(str(error))}") from None


# -- reading the parts -------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class _History:
    tick: int
    edits: tuple[tuple[int, str, float], ...]
    iteration: int  # at the saved tick


def _history(data: Any, stepper: Stepper) -> _History:
    _expect_keys(data, HISTORY_KEYS, "history")
    tick, edits = data["tick"], data["edits"]
    _expect(_is_whole(tick) and tick >= 0, "history tick must be a whole number ≥ 0")
    _expect(isinstance(edits, list), "history edits must be a list")
    parsed = tuple(_edit(edit, stepper) for edit in edits)
    ticks = [edit[0] for edit in parsed]
    position = _position(tick, ticks, stepper.micro_steps_per_iteration)
    _expect(position is not None, "history edits do not fall between iterations")
    assert position is not None
    return _History(tick, parsed, position[0])


def _edit(data: Any, stepper: Stepper) -> tuple[int, str, float]:
    _expect_keys(data, EDIT_KEYS, "an edit")
    tick, label, value = data["tick"], data["label"], data["value"]
    _expect(_is_whole(tick) and tick >= 0, "an edit's tick must be a whole number ≥ 0")
    _expect(
        isinstance(label, str) and label in stepper.model.index, f"unknown label {_shown(label)}"
    )
    value = _float(value, f"the edit of {label}")
    _expect(value is not None and math.isfinite(value), f"the edit of {label} is not finite")
    return tick, label, value


def _position(tick: int, edit_ticks: list[int], per_iteration: int) -> tuple[int, int] | None:
    """(iteration, micro-step) at `tick`; None when an edit falls inside an iteration."""
    at, iteration = 0, 0
    for edit_tick in edit_ticks:
        steps = edit_tick - at
        if steps < 0 or steps % per_iteration or edit_tick >= tick:
            return None
        iteration += steps // per_iteration
        at = edit_tick + 1
    if tick < at:
        return None
    return iteration + (tick - at) // per_iteration, (tick - at) % per_iteration


@dataclasses.dataclass(frozen=True)
class _Saved:
    phase: str
    focus: str | None
    iteration: int
    params: dict[str, float | None]
    grads: dict[str, float | None]
    loss: float | None
    optimizer_state: dict[str, dict[str, float | None]]


def _saved_snapshot(data: Any) -> _Saved:
    _expect_keys(data, SNAPSHOT_KEYS, "snapshot")
    _expect(isinstance(data["phase"], str) and data["phase"] in PHASES, "unknown phase")
    _expect(data["focus"] is None or isinstance(data["focus"], str), "focus must be text or null")
    _expect(_is_whole(data["iteration"]), "snapshot iteration must be a whole number")
    state = data["optimizer_state"]
    _expect(isinstance(state, dict), "optimizer_state must be an object")
    return _Saved(
        phase=data["phase"],
        focus=data["focus"],
        iteration=data["iteration"],
        params=_float_map(data["params"], "snapshot params"),
        grads=_float_map(data["grads"], "snapshot grads"),
        loss=_float(data["loss"], "snapshot loss"),
        optimizer_state={k: _float_map(v, f"optimizer state of {k}") for k, v in state.items()},
    )


@dataclasses.dataclass(frozen=True)
class _SavedTrajectory:
    losses: list[float | None]
    params: list[list[float | None]]
    param_iterations: list[int]  # after how many iterations each params row was taken


def _trajectory(data: Any, stepper: Stepper, history: _History) -> _SavedTrajectory:
    """Its size must match the history: that also bounds the replay by the file's size."""
    _expect_keys(data, TRAJECTORY_KEYS, "trajectory", optional=("param_iterations",))
    labels = [info.label for info in stepper.model.params]
    _expect(data["labels"] == labels, "trajectory labels do not match the model")
    losses = _float_list(data["losses"], "trajectory losses")
    norms = _float_list(data["grad_norms"], "trajectory grad_norms")
    rows = data["params"]
    _expect(isinstance(rows, list), "trajectory params must be a list of rows")
    params = [_float_list(row, "a trajectory params row") for row in rows]
    _expect(len(losses) == history.iteration, "trajectory length does not match the history")
    iterations = _param_iterations(data.get("param_iterations"), len(losses))
    _expect(len(norms) == len(losses) and len(params) == len(iterations), "trajectory is ragged")
    _expect(all(len(row) == len(labels) for row in params), "trajectory rows are ragged")
    return _SavedTrajectory(losses, params, iterations)


def _param_iterations(data: Any, length: int) -> list[int]:
    """Every iteration 0..length, or a thinned run's increasing list from 0 to length."""
    if data is None:
        return list(range(length + 1))
    what = "trajectory param_iterations"
    _expect(isinstance(data, list) and all(map(_is_whole, data)), f"{what} must be whole numbers")
    _expect(bool(data) and data[0] == 0 and data[-1] == length, f"{what} must run 0 to {length}")
    _expect(all(a < b for a, b in zip(data, data[1:], strict=False)), f"{what} must increase")
    return data


# -- replay and verification -------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class _Replay:
    """How the caller follows the replay: progress reports and a request to stop."""

    progress: Progress | None = None
    should_stop: Callable[[], bool] | None = None

    def stopped(self) -> bool:
        return self.should_stop is not None and self.should_stop()


def _replay(stepper: Stepper, history: _History, replay: _Replay) -> None:
    try:
        for tick, label, value in history.edits:
            _advance(stepper, tick, history.iteration, replay)
            stepper.edit_parameter(label, value)
        _advance(stepper, history.tick, history.iteration, replay)
    except SessionCancelled:
        raise
    except (EngineError, *BUILD_ERRORS) as error:
        reason = _one_line(str(error))
        raise EngineError(f"the session does not replay to the saved state: {reason}") from None
    if replay.progress is not None:
        replay.progress(history.iteration, history.iteration)


def _advance(stepper: Stepper, tick: int, total: int, replay: _Replay) -> None:
    """Whole iterations fast, then micro-steps; stops short when training diverges or the
    caller asks it to stop."""
    whole = (tick - stepper.tick) // stepper.micro_steps_per_iteration
    start = stepper.iteration
    report = None if replay.progress is None else lambda done: replay.progress(start + done, total)
    if whole:
        result = stepper.run(whole, progress=report, should_stop=replay.should_stop)
        if result.cancelled and result.diverged_at is None:
            raise SessionCancelled("opening the session was cancelled")
        if result.completed != whole:
            raise EngineError("training diverged on the way")
    while stepper.tick < tick:
        if replay.stopped():
            raise SessionCancelled("opening the session was cancelled")
        stepper.step_phase()


def _verify(stepper: Stepper, saved: _Saved, trajectory: _SavedTrajectory) -> None:
    snapshot = stepper.snapshot
    replayed = stepper.trajectory
    # The replay may have thinned less than the saved run (which may have gone back and
    # forth), so each saved row is compared with the replayed row of its iteration.
    rows = [replayed.params_after(i) for i in trajectory.param_iterations]
    same = (
        (snapshot.phase, snapshot.focus, snapshot.iteration)
        == (saved.phase, saved.focus, saved.iteration)
        and _same_map(snapshot.params, saved.params)
        and _same_map(snapshot.grads, saved.grads)
        and _same(snapshot.loss, saved.loss)
        and _same_state(snapshot.optimizer_state, saved.optimizer_state)
        and _same_list(stepper.trajectory.losses.tolist(), trajectory.losses)
        and all(row is not None for row in rows)
        and all(
            _same_list(row.tolist(), saved_row)
            for row, saved_row in zip(rows, trajectory.params, strict=True)
        )
    )
    if not same:
        raise EngineError("the session does not replay to the saved state")


def _same_state(
    actual: Mapping[str, Mapping[str, float]], saved: dict[str, dict[str, float | None]]
) -> bool:
    return actual.keys() == saved.keys() and all(_same_map(actual[k], saved[k]) for k in actual)


def _same_map(actual: Mapping[str, Any], saved: dict[str, float | None]) -> bool:
    return actual.keys() == saved.keys() and all(_same(actual[k], saved[k]) for k in actual)


def _same_list(actual: list[float], saved: list[float | None]) -> bool:
    return len(actual) == len(saved) and all(map(_same, actual, saved))


def _same(a: float | None, b: float | None) -> bool:
    """Bit for bit (so 0.0 and -0.0 differ); any NaN equals any NaN."""
    if a is None or b is None:
        return a is b
    if math.isnan(a) and math.isnan(b):
        return True
    return struct.pack("<d", a) == struct.pack("<d", b)


# -- small validators --------------------------------------------------------------------------
def _expect(condition: bool, problem: str) -> None:
    if not condition:
        raise EngineError(f"the session file is malformed: {problem}")


def _expect_keys(
    data: Any, keys: tuple[str, ...], where: str, optional: tuple[str, ...] = ()
) -> None:
    _expect(isinstance(data, dict), f"{where} must be a JSON object")
    missing = [k for k in keys if k not in data]
    unknown = sorted(_shown(k) for k in data if k not in keys and k not in optional)
    _expect(not missing, f"{where} lacks {', '.join(missing)}")
    more = ", …" if len(unknown) > 5 else ""
    _expect(not unknown, f"{where} has unknown key(s) {', '.join(unknown[:5])}{more}")


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _float(value: Any, what: str) -> float | None:
    """A number, null, or one of the non-finite spellings."""
    if value is None:
        return None
    if isinstance(value, float) or (_is_whole(value) and abs(value) < 2**1023):
        return float(value)
    if isinstance(value, str) and value in NON_FINITE:
        return NON_FINITE[value]
    raise EngineError(f"the session file is malformed: {what} holds {_shown(value)}")


def _float_list(values: Any, what: str) -> list[float | None]:
    _expect(isinstance(values, list), f"{what} must be a list")
    return [_float(v, what) for v in values]


def _float_map(values: Any, what: str) -> dict[str, float | None]:
    _expect(isinstance(values, dict), f"{what} must be an object")
    return {k: _float(v, what) for k, v in values.items()}


def _shown(value: Any) -> str:
    return _one_line(repr(value))


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    line = lines[0] if lines else "unknown error"
    return line if len(line) <= 200 else line[:197] + "..."
