"""Test functions trained by the same phase stepper, with closed-form gradients as the check."""

import json

import numpy as np
import pytest
import torch

from engine.commands.cli import main
from engine.models.presets import PRESETS
from engine.models.test_functions import FUNCTIONS
from engine.training.stepper import Stepper


@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_closed_form_gradient_equals_autograd(name):
    fn = FUNCTIONS[name]
    rng = np.random.default_rng(len(name))
    for x0, y0 in rng.uniform(-2, 2, size=(5, 2)):
        x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
        y = torch.tensor(y0, dtype=torch.float64, requires_grad=True)
        fn(x, y).backward()
        gx, gy = fn.gradient(float(x0), float(y0))
        assert gx == pytest.approx(float(x.grad), rel=1e-12, abs=1e-12)
        if fn.dims == 2:
            assert gy == pytest.approx(float(y.grad), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_stepper_phases_on_a_test_function(name):
    stepper = Stepper(PRESETS[name])
    snaps = [stepper.step_phase() for _ in range(stepper.micro_steps_per_iteration)]
    labels = ["x", "y"][: FUNCTIONS[name].dims]
    assert [s.phase for s in snaps[:3]] == ["zero_grad", "forward", "loss"]
    assert [s.focus for s in snaps if s.phase == "backward"] == ["f", *labels]
    assert [s.focus for s in snaps if s.phase == "step"] == labels
    start = FUNCTIONS[name].start
    assert snaps[2].loss == pytest.approx(
        float(FUNCTIONS[name](torch.tensor(start[0]), torch.tensor(start[1])))
    )
    grads = snaps[-1].grads
    expected = FUNCTIONS[name].gradient(*start)
    for label, g in zip(labels, expected, strict=False):
        assert grads[label] == pytest.approx(g, rel=1e-12, abs=1e-12)
    # plain SGD: each coordinate moved by −lr·gradient
    for label, g in zip(labels, expected, strict=False):
        moved = snaps[-1].params[label] - snaps[-1].previous_params[label]
        assert moved == pytest.approx(-PRESETS[name].lr * g, rel=1e-12, abs=1e-15)


def test_back_is_exact_on_a_test_function():
    stepper = Stepper(PRESETS["himmelblau"].replace(optimizer="adam", lr=0.1))
    stepper.run(7)
    values, snap = stepper.model.values().copy(), stepper.snapshot
    stepper.step_iteration()
    for _ in range(stepper.micro_steps_per_iteration):
        stepper.back()
    assert stepper.snapshot == snap and np.array_equal(stepper.model.values(), values)


def test_train_cli_on_rosenbrock(capsys):
    assert main(["train", "--preset", "bowl", "--steps", "100", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["params"]) == {"x", "y"} and report["final_loss"] < 1e-15
    assert report["outputs"]["f"] == pytest.approx(report["final_loss"])


def test_network_options_are_refused_for_a_test_function(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "--preset", "rosenbrock", "--layers", "2,3,1"])
    assert exit_info.value.code == 2 and "does not apply" in capsys.readouterr().err


def test_code_listing_of_a_test_function():
    from engine.training.code_listing import code_lines, setup_lines

    lines = code_lines(PRESETS["rosenbrock"])
    assert lines[2].strip() == "out = f(x, y)" and lines[3].strip() == "loss = out"
    assert "[x, y]" in setup_lines(PRESETS["rosenbrock"])[0]


def test_the_hot_loops_forward_is_the_models_forward() -> None:
    from engine.models.function_model import FunctionModel

    model = FunctionModel(PRESETS["rosenbrock"])
    x, _ = model.data(PRESETS["rosenbrock"])
    assert torch.equal(model.forward_function()(x), model(x))
