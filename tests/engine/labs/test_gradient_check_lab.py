"""Gradient check: finite differences, autograd and the chain rule agree, and a wrong one shows."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import torch

from engine.labs.gradient_check import freeze, gradient_check, relative_error
from engine.models.config import Config
from engine.models.losses import Loss, get_loss
from engine.models.presets import MAZUR, PRESETS
from engine.training.stepper import Stepper


def test_mazur_matches_the_published_gradients() -> None:
    check = gradient_check(Stepper(MAZUR))
    assert check is not None and check.ok and check.total == 12
    rows = {r.label: r for r in check.rows}
    assert check.loss == pytest.approx(0.298371109, abs=1e-9)
    for label, published in (("w5", 0.082167041), ("w1", 0.000438568)):
        assert rows[label].autograd == pytest.approx(published, abs=1e-9)
        assert rows[label].finite_difference == pytest.approx(published, abs=1e-9)
        assert rows[label].chain_rule == pytest.approx(published, abs=1e-9)
    assert not rows["b_h1"].trained and rows["w1"].trained  # biases are not trained by default
    assert check.worst < 1e-8


def test_the_check_leaves_the_stepper_alone() -> None:
    stepper = Stepper(MAZUR)
    stepper.run(3)
    stepper.step_phase()
    before = (stepper.model.values(), stepper.model.grads(), stepper.tick)
    twin = Stepper(MAZUR)
    twin.run(3)
    twin.step_phase()
    gradient_check(stepper)
    assert np.array_equal(stepper.model.values(), before[0]) and stepper.tick == before[2]
    assert before[1] is None or np.array_equal(stepper.model.grads(), before[1], equal_nan=True)
    stepper.run(5)
    twin.run(5)
    assert np.array_equal(stepper.model.values(), twin.model.values())


@pytest.mark.parametrize(
    "config",
    [
        PRESETS["xor"],
        MAZUR.replace(layers=(2, 5, 4, 2), activations=("gelu", "elu:0.5", "sigmoid"), loss="mse"),
        MAZUR.replace(activations=("tanh", "log_softmax"), loss="nll", train_biases=True),
        MAZUR.replace(activations=("silu", "softmax"), loss="cross_entropy"),
        PRESETS["rosenbrock"],
        PRESETS["beale"],
    ],
    ids=["xor", "deep-mse", "nll", "cross-entropy", "rosenbrock", "beale"],
)
def test_three_ways_agree(config: Config) -> None:
    stepper = Stepper(config)
    stepper.run(4)
    check = gradient_check(stepper)
    assert check is not None and check.ok, check.worst
    with torch.no_grad():
        stepper.model.zero_grad()
    loss = stepper.loss_fn.value(stepper.model(stepper.x), stepper.target)
    loss.backward()
    expected = np.nan_to_num(stepper.model.grads(), nan=np.inf)
    for row in check.rows:
        i = stepper.model.index[row.label]
        if np.isfinite(expected[i]):  # trained parameters: the same as the stepper's own backward
            assert row.autograd == pytest.approx(expected[i], rel=1e-12, abs=1e-15)


def test_float32_model_is_checked_in_float64_with_a_looser_tolerance() -> None:
    stepper = Stepper(MAZUR.replace(dtype="float32"))
    check = gradient_check(stepper)
    assert check is not None and check.ok
    assert check.rows[0].tolerance == 1e-4
    assert 1e-9 < check.worst < 1e-4  # the chain rule runs in float32


def test_a_wrong_chain_rule_is_caught() -> None:
    frozen = freeze(Stepper(MAZUR))
    true = get_loss("half_sse")
    doubled = Loss(
        true.name,
        true.title,
        true.formula,
        true.torch_code,
        true.value,
        lambda out, target: 2 * true.grad_output(out, target),
    )
    check = gradient_check(dataclasses.replace(frozen, loss_fn=doubled))
    assert check is not None and not check.ok
    for row in check.rows:
        assert row.error_autograd < 1e-6  # finite differences and autograd still agree
        if abs(row.autograd) > 1e-6:
            assert row.error_chain == pytest.approx(0.5, abs=1e-9)  # |2g − g| / |2g|


def test_wide_models_are_sampled_and_the_check_can_stop() -> None:
    stepper = Stepper(
        MAZUR.replace(
            layers=(2, 40, 40, 2), activations=("tanh",) * 2 + ("sigmoid",), initial_params=()
        )
    )
    seen: list[tuple[int, int]] = []
    check = gradient_check(stepper, limit=50, progress=lambda d, n: seen.append((d, n)))
    assert check is not None and len(check.rows) == 50 and check.total == 1842
    assert check.rows[0].label == "w1" and check.rows[-1].label == "b_o2"
    assert seen[-1] == (50, 50) and check.ok
    assert gradient_check(stepper, should_stop=lambda: True) is None


def test_relative_error() -> None:
    assert relative_error(1.0, 1.1) == pytest.approx(0.1 / 1.1)
    assert relative_error(0.0, 1e-14) == pytest.approx(1e-8)  # measured against the floor
    assert relative_error(-2.0, -2.0) == 0.0
