"""The run's record: every loss kept; parameters thinned evenly once they would pass a budget."""

from __future__ import annotations

import json

import numpy as np
import pytest

import engine.training.trajectory as trajectory_module
from engine.core.errors import EngineError
from engine.io.session_open import load_session
from engine.io.session_save import save_session
from engine.io.trajectory_table import trajectory_table
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from engine.training.trajectory import Trajectory


def after(i: int) -> np.ndarray:
    """A made-up parameter vector that names its iteration."""
    return np.array([float(i), -float(i)])


def recorded(iterations: int, max_rows: int, chunk: int = 1) -> Trajectory:
    t = Trajectory(after(0))
    t.max_rows = max_rows
    for first in range(0, iterations, chunk):
        done = range(first + 1, min(first + chunk, iterations) + 1)
        losses = np.array([float(i - 1) for i in done])
        t.record_many(first, losses, losses / 2, np.stack([after(i) for i in done]))
    return t


def test_a_short_run_keeps_every_iteration():
    t = recorded(50, max_rows=2048)
    assert t.stride == 1
    np.testing.assert_array_equal(t.param_iterations, np.arange(51))
    np.testing.assert_array_equal(t.params, np.stack([after(i) for i in range(51)]))
    assert all(np.array_equal(t.params_after(i), after(i)) for i in range(51))


@pytest.mark.parametrize("chunk", [1, 7, 100])
def test_a_long_run_is_thinned_to_even_steps_and_ends_on_the_current_parameters(chunk):
    t = recorded(1000, max_rows=64, chunk=chunk)
    assert t.stride == 16  # the smallest power of two that fits 1000 iterations in 65 rows
    assert t.losses.size == 1000 and t.losses[999] == 999.0  # every loss is kept
    np.testing.assert_array_equal(t.param_iterations, [*range(0, 1000, 16), 1000])
    np.testing.assert_array_equal(t.params, np.stack([after(i) for i in t.param_iterations]))
    assert t.params_after(17) is None and np.array_equal(t.params_after(32), after(32))


def test_rewinding_a_thinned_run_and_going_on():
    t = recorded(1000, max_rows=64)
    t.rewind(500, np.array([7.0, 7.0]))
    np.testing.assert_array_equal(t.param_iterations, [*range(0, 500, 16), 500])
    np.testing.assert_array_equal(t.params[-1], [7.0, 7.0])
    t.record_many(500, np.zeros(12), np.zeros(12), np.stack([after(i) for i in range(501, 513)]))
    np.testing.assert_array_equal(t.param_iterations, list(range(0, 513, 16)))  # 512 is on a step


@pytest.fixture
def small_budget(monkeypatch):
    """Thinning after 256 rows, so that a run of a few thousand iterations shows it."""
    monkeypatch.setattr(trajectory_module, "MIN_PARAM_ROWS", 256)
    monkeypatch.setattr(trajectory_module, "PARAMS_BUDGET_BYTES", 0)


def test_a_thinned_stepper_keeps_the_true_parameters_and_goes_back(small_budget):
    thinned, full = Stepper(MAZUR), Stepper(MAZUR)
    full.trajectory.max_rows = 10**6
    thinned.run(1500)
    full.run(1500)
    t = thinned.trajectory
    assert t.stride == 8 and len(t.params) <= 257
    for i, row in zip(t.param_iterations, t.params, strict=True):
        np.testing.assert_array_equal(row, full.trajectory.params[i])
    np.testing.assert_array_equal(t.losses, full.trajectory.losses)
    before = thinned.snapshot
    thinned.back()
    thinned.step_phase()
    assert thinned.snapshot == before


def test_a_thinned_session_saves_its_iterations_and_replays(small_budget, tmp_path):
    stepper = Stepper(MAZUR)
    stepper.run(1500)
    path = tmp_path / "long.json"
    save_session(stepper, path)
    saved = json.loads(path.read_text())["trajectory"]
    assert saved["param_iterations"] == stepper.trajectory.param_iterations.tolist()
    loaded = load_session(path)
    np.testing.assert_array_equal(loaded.trajectory.params, stepper.trajectory.params)
    saved["param_iterations"][3] += 1  # a row that claims another iteration
    document = json.loads(path.read_text()) | {"trajectory": saved}
    path.write_text(json.dumps(document))
    with pytest.raises(EngineError, match="does not replay"):
        load_session(path)


def test_a_short_session_is_written_as_before(tmp_path):
    stepper = Stepper(MAZUR)
    stepper.run(20)
    save_session(stepper, tmp_path / "short.json")
    assert "param_iterations" not in json.loads((tmp_path / "short.json").read_text())["trajectory"]


def test_the_table_leaves_thinned_iterations_empty(small_budget):
    stepper = Stepper(MAZUR)
    stepper.run(1500)
    header, rows = trajectory_table(stepper)
    assert len(rows) == 1500 and all(isinstance(v, float) for v in rows[0])
    assert rows[1][3:] == [""] * (len(header) - 3)  # the parameters after iteration 1: not kept
    assert rows[8][3:] == stepper.trajectory.params_after(8).tolist()


def test_older_checkpoints_are_thinned_and_every_position_still_replays_exactly():
    thinned, full = Stepper(MAZUR), Stepper(MAZUR)
    thinned.max_checkpoints = 12
    for stepper in (thinned, full):
        stepper.run(3000)
        stepper.step_phase()
    kinds = [c.kind for c in thinned.checkpoints.values()]
    assert kinds.count("iteration") < 12 and "ready" in kinds
    newest = max(t for t, c in thinned.checkpoints.items() if c.kind == "iteration")
    assert newest == max(t for t in full.checkpoints if t < full.tick)  # the end stays dense
    for tick in (0, 5, 26 * 777 + 3, 26 * 1500, 26 * 2999 + 25, thinned.tick - 1):
        same = thinned.goto(tick) == full.goto(tick)  # not asserted inline: a huge diff
        assert same and thinned.tick == tick
        np.testing.assert_array_equal(thinned.model.values(), full.model.values())
