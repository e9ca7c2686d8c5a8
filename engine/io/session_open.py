"""Opening a saved session: read the file, check it, replay it, verify the replay.

Opening works under the limits in engine/io/session_limits.py (a regular file, its size, nesting,
input rows and replay cost), all checked before the replay starts. The file's format is in
engine.io.session_format.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine.core.errors import EngineError
from engine.io.load_limits import check_json_depth, read_regular_file
from engine.io.session_checks import guarded, one_line
from engine.io.session_data import check_data_files
from engine.io.session_format import PathLike
from engine.io.session_limits import (
    MAX_JSON_DEPTH,
    MAX_SESSION_BYTES,
    check_input_rows,
    check_replay_cost,
    rows_per_iteration,
)
from engine.io.session_replay import Progress, Replay, replay_history, verify_replay
from engine.io.session_schema import (
    check_header,
    read_config,
    read_history,
    read_snapshot,
    read_trajectory,
)
from engine.models.config import Config
from engine.training.stepper import Stepper


def load_session(
    path: PathLike, progress: Progress | None = None, should_stop: Callable[[], bool] | None = None
) -> Stepper:
    """Rebuild the saved session; refuse (EngineError, one line) anything that does not replay.

    The replay calls `progress(done, total)` now and then; when `should_stop()` turns true it
    stops and raises SessionCancelled (engine.io.session_replay).
    """
    try:
        return _load(Path(path), Replay(progress, should_stop))
    except EngineError as error:
        message = str(error)
        if len(message.splitlines()) > 1:  # a name from the file may carry a line break
            raise EngineError(" ".join(message.split())) from None
        raise


def _load(path: Path, replay: Replay) -> Stepper:
    document = _read_document(path)
    check_header(document, path)
    if "data_files" in document:  # before the dataset is read: a changed file is named
        check_data_files(document["data_files"], document["config"])
    config = read_config(document["config"])
    check_input_rows(config)
    stepper = _build(config)
    history = read_history(document["history"], stepper)
    rows, parameters = rows_per_iteration(stepper), len(stepper.model.params)
    check_replay_cost(rows, parameters, history.iteration, "cannot open the session")
    saved = read_snapshot(document["snapshot"])
    trajectory = read_trajectory(document["trajectory"], stepper, history)
    replay_history(stepper, history, replay)
    verify_replay(stepper, saved, trajectory)
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
        raise EngineError(f"{path} is not a session file: {one_line(str(error))}") from None
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


def _build(config: Config) -> Stepper:
    return guarded(lambda: Stepper(config), "the session's settings cannot be used")


def _reason(error: OSError) -> str:
    return error.strerror or one_line(str(error))
