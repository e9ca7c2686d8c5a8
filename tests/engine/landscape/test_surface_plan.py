"""Big surfaces are evaluated in chunks under a memory budget, with the unchunked numbers."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.landscape.surface import mlp_surface, parameter_plane, random_plane
from engine.landscape.surface_plan import SURFACE_MEMORY_BUDGET, plan_chunks
from engine.models.config import Config
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper

ROOT = Path(__file__).resolve().parents[3]
BIG = MAZUR.replace(layers=(2, 900, 8, 2), activations=("sigmoid",) * 3)


def wide_config(dtype: str) -> Config:
    """A layer wider than the elementwise sum handles (einsum), and a softmax output."""
    rng = np.random.default_rng(1)
    targets = rng.uniform(size=(3, 4))
    targets /= targets.sum(axis=1, keepdims=True)
    return Config(preset="custom", layers=(3, 12, 4), activations=("tanh", "softmax"),
                  loss="cross_entropy", train_biases=True, dtype=dtype,
                  inputs=tuple(map(tuple, rng.normal(size=(3, 3)))),
                  targets=tuple(map(tuple, targets)))  # fmt: skip


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("kind", ["random", "params"])
def test_chunked_surface_equals_the_unchunked_one_bit_for_bit(dtype, kind):
    stepper = Stepper(wide_config(dtype))
    model, values = stepper.model, stepper.model.values()
    plane = (random_plane(model, values, seed=2) if kind == "random"
             else parameter_plane(model, values, "w1", "w40"))  # fmt: skip
    args = (model, stepper.x, stepper.target, stepper.loss_fn, plane, (-1.0, 1.0, -0.5, 1.5), 23)
    whole = mlp_surface(*args)
    per_point = plan_chunks(model, plane, stepper.x.shape[0], 1).bytes_per_point
    budget = 7 * per_point  # 7 points a chunk
    assert plan_chunks(model, plane, stepper.x.shape[0], 23 * 23, budget).chunks == 76
    ticks: list[tuple[int, int]] = []
    chunked = mlp_surface(*args, budget=budget, progress=lambda done, total: ticks.append(done))
    assert len(ticks) == 76 and ticks[-1] == 23 * 23
    np.testing.assert_array_equal(chunked.loss, whole.loss)
    assert np.isfinite(whole.loss).all()


def test_a_stop_request_between_chunks_returns_none():
    stepper = Stepper(MAZUR)
    plane = random_plane(stepper.model, stepper.model.values())
    calls = []

    def stop_after_two() -> bool:
        calls.append(1)
        return len(calls) > 2

    args = (stepper.model, stepper.x, stepper.target, stepper.loss_fn, plane, (-1, 1, -1, 1), 16)
    assert mlp_surface(*args, budget=1, should_stop=stop_after_two) is None
    assert len(calls) == 3  # two chunks ran, the third was never started


def test_the_big_network_at_256_px_is_planned_within_the_budget():
    stepper = Stepper(BIG)
    plane = random_plane(stepper.model, stepper.model.values())
    plan = plan_chunks(stepper.model, plane, stepper.x.shape[0], 256 * 256)
    assert plan.total_bytes > 8 * SURFACE_MEMORY_BUDGET  # in one piece: gigabytes
    assert plan.largest_chunk_bytes <= SURFACE_MEMORY_BUDGET
    assert plan.chunks * plan.chunk_points >= plan.points > (plan.chunks - 1) * plan.chunk_points
    ranges = plan.ranges()
    assert ranges[0][0] == 0 and ranges[-1][1] == plan.points
    assert all(stop == start for (_, stop), (start, _) in zip(ranges, ranges[1:], strict=False))


def test_a_slice_of_two_parameters_needs_no_chunks_for_a_small_net():
    stepper = Stepper(MAZUR)
    plane = parameter_plane(stepper.model, stepper.model.values(), "w5", "w6")
    assert plan_chunks(stepper.model, plane, 1, 512 * 512).chunks == 1


PEAK_SCRIPT = """
import json, resource, sys
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper
from engine.landscape.surface import mlp_surface, random_plane
from engine.landscape.surface_plan import plan_chunks

budget, res = int(sys.argv[1]), int(sys.argv[2])
config = MAZUR.replace(layers=(2, 900, 8, 2), activations=("sigmoid",) * 3)
stepper = Stepper(config)
model, values = stepper.model, stepper.model.values()
plane = random_plane(model, values)
args = (model, stepper.x, stepper.target, stepper.loss_fn, plane, (-1.0, 1.0, -1.0, 1.0))
mlp_surface(*args, 2)  # warm up: kernels and lazy imports are not the surface's memory
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
surface = mlp_surface(*args, res, budget=budget)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
plan = plan_chunks(model, plane, stepper.x.shape[0], res * res, budget)
print(json.dumps({"growth": after - before, "chunks": plan.chunks,
                  "finite": bool((surface.loss == surface.loss).all())}))
"""


def measure_peak(budget: int, res: int) -> dict:
    done = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, str(budget), str(res)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=True)  # fmt: skip
    return json.loads(done.stdout)


def test_the_big_networks_surface_stays_under_its_budget_in_memory():
    """Measured, not estimated: the process's peak grows by at most the budget (a 2-900-8-2
    random plane at 128 px took 3.2 GB in one piece)."""
    result = measure_peak(SURFACE_MEMORY_BUDGET, 128)
    assert result["finite"] and result["chunks"] > 5
    assert result["growth"] <= SURFACE_MEMORY_BUDGET + 32 * 2**20
