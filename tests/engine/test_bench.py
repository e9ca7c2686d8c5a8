"""`main.py bench`: the JSON it prints, and that each pair's two sides compute the same numbers.

Behaviour only: timings depend on the machine, so no test asserts one.
"""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from engine.bench.fast_forward_rows import LearnerLoop, python_floats
from engine.bench.report import Report, Row, quantity, table
from engine.bench.surface_rows import BASIN_CONFIG, BASIN_FUNCTION, basin_starts
from engine.commands.cli import main
from engine.landscape.descent import descend
from engine.landscape.surface import default_bounds, grid, mlp_surface, parameter_plane
from engine.models.presets import MAZUR
from engine.models.test_functions import get_function
from engine.training.stepper import Stepper

ROOT = Path(__file__).resolve().parents[2]
ROW_FIELDS = set(Row.__dataclass_fields__)
EXPECTED_ROWS = (
    "fast-forward",
    "distance to the floor",
    "micro-step",
    "history memory",
    "surface",
    "basin map",
    "GUI redraw",
    "Play at fastest speed",
    "surface 128×128 recompute",
    "cold start",
    "gradient cloud",
    "one digits epoch",
    "micro-step with Snapshot, digits",
)
MACHINE_FIELDS = {"cpu", "cores", "torch_threads", "torch", "python", "platform", "device", "gpu"}


@pytest.fixture(scope="module")
def quick_report() -> dict:
    """One quick run through the real command line, as a user would start it."""
    done = subprocess.run(
        [sys.executable, "main.py", "bench", "--quick", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def row(report: dict, prefix: str) -> dict:
    return next(r for r in report["rows"] if r["metric"].startswith(prefix))


def test_json_is_one_object_with_the_machine_and_every_row(quick_report):
    assert set(quick_report) == {"machine", "quick", "seconds", "all_ok", "rows"}
    assert set(quick_report["machine"]) == MACHINE_FIELDS
    assert quick_report["quick"] is True and quick_report["machine"]["device"] == "cpu"
    for r in quick_report["rows"]:
        assert set(r) == ROW_FIELDS
        assert r["ok"] in (True, False, None) and r["target"]
    metrics = [r["metric"] for r in quick_report["rows"]]
    for prefix in EXPECTED_ROWS:
        assert any(m.startswith(prefix) for m in metrics), prefix


def test_the_digits_epoch_gives_the_learners_numbers_bit_for_bit(quick_report):
    """Whatever the timing on a busy machine, the two sides agree exactly."""
    epoch = row(quick_report, "one digits epoch")
    assert epoch["identical"] is True and epoch["a"] > 0 and epoch["b"] > 0
    micro = row(quick_report, "micro-step with Snapshot, digits")
    assert micro["identical"] is True and micro["a"] > 0


def test_measured_rows_have_both_sides_and_their_ratio(quick_report):
    for prefix in ("fast-forward", "micro-step", "surface 64", "basin map"):
        r = row(quick_report, prefix)
        assert r["a"] > 0 and r["b"] > 0 and r["ratio"] > 0 and isinstance(r["ok"], bool)
    memory = row(quick_report, "history memory")
    assert memory["a"] > 0 and memory["b"] is None and memory["unit"] == "MB"


def test_the_pairs_give_identical_numbers(quick_report):
    for prefix in ("fast-forward", "micro-step", "basin map"):
        assert row(quick_report, prefix)["identical"] is True, prefix
    # The batched surface's vectorised sigmoid may round a last bit differently.
    surface = row(quick_report, "surface 64")
    assert surface["identical"] or "ulp" in surface["numbers"]


def test_rows_not_measured_say_why(quick_report):
    for r in quick_report["rows"]:
        if r["a"] is None and r["metric"] != "history memory":
            assert r["note"].startswith("not measured: ") and r["ok"] is None


def test_fast_forward_and_the_learners_loop_end_on_the_same_bits():
    stepper = Stepper(MAZUR)
    learner = LearnerLoop(Stepper(MAZUR))
    stepper.run(300)
    learner.run(300)
    assert np.array_equal(stepper.model.values(), learner.values())
    assert np.array_equal(stepper.trajectory.losses, np.array(learner.losses))


def test_plain_floats_compute_the_same_iteration():
    stepper = Stepper(MAZUR)
    start = stepper.model.values().tolist()
    weights, losses = python_floats(start, [0.05, 0.10], [0.01, 0.99], 0.5, 300)
    stepper.run(300)
    np.testing.assert_allclose(weights, stepper.model.values(), rtol=0, atol=1e-14)
    np.testing.assert_allclose(losses, stepper.trajectory.losses, rtol=1e-13)


def test_batched_surface_matches_the_per_point_loop():
    stepper = Stepper(MAZUR)
    model, values = stepper.model, stepper.model.values()
    plane = parameter_plane(model, values, "w5", "w6")
    bounds = default_bounds(plane, values)
    surface = mlp_surface(model, stepper.x, stepper.target, stepper.loss_fn, plane, bounds, 12)
    xs, ys = grid(bounds, 12)
    a, b = np.meshgrid(xs, ys)
    looped = []
    with torch.no_grad():
        for point in plane.points(a.reshape(-1), b.reshape(-1)):
            model.load_values(point)
            looped.append(stepper.loss_fn.value(model(stepper.x), stepper.target).item())
    np.testing.assert_allclose(surface.loss.reshape(-1), looped, rtol=4e-16, atol=0)


def test_basin_map_starts_end_where_they_end_alone():
    starts = basin_starts(8)
    fn = get_function(BASIN_FUNCTION)
    together = descend(fn, starts, BASIN_CONFIG, 30)
    for i in (0, 27, 63):
        assert np.array_equal(descend(fn, starts[i : i + 1], BASIN_CONFIG, 30)[0], together[i])


def test_table_has_the_columns_and_a_line_per_row():
    rows = [
        Row("fast", 5e-5, 8e-5, "s/it", 0.625, "A/B ≤ 0.8", True),
        Row.not_measured("cold start", "A/B ≤ 1.5", "no window"),
    ]
    machine = dict.fromkeys(MACHINE_FIELDS, "x") | {"cores": 2, "torch_threads": 1, "gpu": None}
    text = table(Report(machine, quick=False, rows=rows))
    header = next(line for line in text.splitlines() if line.startswith("metric"))
    cells = [cell.strip() for cell in header.split("|")]
    assert cells == ["metric", "A", "B", "ratio", "target", "ok"]
    assert "50 µs/it" in text and "0.625×" in text and "not measured: no window" in text
    assert quantity(2.5e6, "it/s") == "2.5 M/s" and quantity(None, "s") == "—"


def test_cuda_without_a_gpu_is_one_line_and_exit_code_2(capsys):
    if torch.cuda.is_available():
        pytest.skip("a CUDA device is present")
    with pytest.raises(SystemExit) as exit_info:
        main(["bench", "--device", "cuda", "--quick"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "cuda" in err and len(err.strip().splitlines()) == 1
