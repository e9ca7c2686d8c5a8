"""Sessions are loaded under limits: regular files, a size cap, a nesting cap, a replay cost cap;
the replay reports progress and stops when asked; saving goes through the safe-write routine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine.core.errors import EngineError
from engine.io import session_limits, session_open, session_save
from engine.io.session_limits import MAX_INPUT_ROWS, MAX_REPLAY_COST
from engine.io.session_open import load_session
from engine.io.session_replay import SessionCancelled
from engine.io.session_save import save_session, session_document
from engine.models.config import Config
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper

ROOT = Path(__file__).resolve().parents[3]


def refusal(path: Path) -> str:
    with pytest.raises(EngineError) as error:
        load_session(path)
    message = str(error.value)
    assert message and "\n" not in message
    return message


def mazur_document(iterations: int = 1) -> dict:
    stepper = Stepper(MAZUR)
    stepper.run(iterations)
    return session_document(stepper)


def written(tmp_path: Path, document: dict) -> Path:
    path = tmp_path / "s.json"
    path.write_text(json.dumps(document))
    return path


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_symlink_to_dev_zero_is_refused_before_reading(tmp_path):
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    # In a child with a 2 GB address space: reading /dev/zero to the end must not be tried.
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "from engine.core.errors import EngineError\n"
        "from engine.io.session_open import load_session\n"
        "try:\n"
        f"    load_session({str(link)!r})\n"
        "except EngineError as error:\n"
        "    print('REFUSED', error)\n"
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.startswith("REFUSED"), done.stderr[-500:]
    assert "not a regular file" in done.stdout and done.stdout.count("\n") == 1
    assert time.monotonic() - started < 60


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert "not a regular file" in refusal(fifo)


def test_a_file_over_the_size_cap_is_refused_with_the_limit(tmp_path):
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(session_limits.MAX_SESSION_BYTES + 1)  # sparse: no disk, no time
    assert "64 MB" in refusal(path)


def test_deep_nesting_is_refused_with_the_limit(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"format": 1, "x": ' + "[" * 500 + "]" * 500 + "}")
    assert f"{session_limits.MAX_JSON_DEPTH} levels" in refusal(path)


def test_too_many_input_rows_are_refused_before_the_model_is_built(tmp_path, monkeypatch):
    document = mazur_document()
    rows = MAX_INPUT_ROWS + 1
    document["config"]["inputs"] = [[0.05, 0.1]] * rows
    document["config"]["targets"] = [[0.01, 0.99]] * rows
    built = []
    monkeypatch.setattr(session_open, "Stepper", lambda config: built.append(config))
    message = refusal(written(tmp_path, document))
    assert f"{MAX_INPUT_ROWS:,} input rows" in message and built == []


def test_a_replay_costlier_than_the_limit_is_refused_before_it_starts(tmp_path, monkeypatch):
    # 2,000 rows x 4,482 parameters x 200 iterations: a small file, hours of replay.
    config = Config(
        layers=(2, 64, 64, 2),
        activations=("sigmoid",) * 3,
        inputs=((0.05, 0.1),) * 2000,
        targets=((0.01, 0.99),) * 2000,
    )
    document = mazur_document()
    document["config"] = config.to_dict()
    document["history"] = {"tick": 200 * Stepper(config).micro_steps_per_iteration, "edits": []}
    replayed = []
    monkeypatch.setattr(session_open, "replay_history", lambda *args, **kw: replayed.append(args))
    message = refusal(written(tmp_path, document))
    assert f"{MAX_REPLAY_COST:,}" in message and replayed == []


def test_replay_reports_progress_and_can_be_cancelled(tmp_path):
    stepper = Stepper(MAZUR)
    stepper.run(3000)
    path = tmp_path / "s.json"
    save_session(stepper, path)
    reports: list[tuple[int, int]] = []
    loaded = load_session(path, progress=lambda done, total: reports.append((done, total)))
    assert loaded.iteration == 3000
    assert reports and reports[-1] == (3000, 3000)
    assert all(total == 3000 for _, total in reports)
    with pytest.raises(SessionCancelled):
        load_session(path, should_stop=lambda: True)


def test_saving_goes_through_the_safe_write_routine_and_checks_the_json(tmp_path, monkeypatch):
    checked: list[Path] = []
    from engine.io import verify

    real = verify.verify_json
    monkeypatch.setattr(session_save, "verify_json", lambda p: (checked.append(p), real(p)))
    path = tmp_path / "s.json"
    save_session(Stepper(MAZUR), path)
    assert len(checked) == 1 and checked[0] != path  # the staged file, before the rename
    assert load_session(path).tick == 0


def test_a_session_too_big_to_reopen_is_not_saved(tmp_path, monkeypatch):
    monkeypatch.setattr(session_limits, "MAX_SESSION_BYTES", 1000)
    path = tmp_path / "s.json"
    with pytest.raises(EngineError, match="1000 bytes") as error:
        save_session(Stepper(MAZUR), path)
    assert "\n" not in str(error.value) and not path.exists()


def test_a_key_given_twice_is_named(tmp_path):
    """JSON would keep the second "lr" silently; the session is refused, naming the key."""
    from engine.io.session_save import save_session
    from engine.models.presets import MAZUR
    from engine.training.stepper import Stepper

    path = tmp_path / "twice.json"
    save_session(Stepper(MAZUR), path)
    text = path.read_text().replace('"lr": 0.5', '"lr": 0.5, "lr": 0.6', 1)
    path.write_text(text)
    with pytest.raises(EngineError, match="the key 'lr' appears twice"):
        load_session(path)


def test_a_number_of_thousands_of_digits_is_one_plain_line(tmp_path):
    from engine.io.session_save import save_session
    from engine.models.presets import MAZUR
    from engine.training.stepper import Stepper

    path = tmp_path / "long.json"
    save_session(Stepper(MAZUR), path)
    path.write_text(path.read_text().replace('"seed": 0', '"seed": ' + "9" * 5000, 1))
    with pytest.raises(EngineError, match="a number is too long to read") as caught:
        load_session(path)
    assert "sys.set_int_max_str_digits" not in str(caught.value)
