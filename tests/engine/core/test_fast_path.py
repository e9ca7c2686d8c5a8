"""The private-torch fast path and the public-API path compute the same bits."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engine.core import fast_path
from engine.models.presets import MAZUR, get_preset
from engine.training.stepper import Stepper

RUNS = {
    "sgd": {},
    "momentum": dict(momentum=0.9),
    "nesterov-decay": dict(momentum=0.9, nesterov=True, weight_decay=0.01),
    "adagrad": dict(optimizer="adagrad", lr=0.3, eps=1e-3),
    "rmsprop-momentum": dict(optimizer="rmsprop", lr=0.01, momentum=0.5, weight_decay=0.1),
    "adam": dict(optimizer="adam", lr=0.05),
    "adamw": dict(optimizer="adamw", lr=0.05, weight_decay=0.1),
    "lookahead-biases": dict(lookahead_k=3, train_biases=True),
    "skip-zero-grad": dict(skip_zero_grad=True),
    "published-variant": dict(published_variant=True),
    "float32-deep": dict(
        dtype="float32", layers=(2, 3, 3, 2), activations=("tanh",) * 2 + ("sigmoid",)
    ),
}


def _record(config, public: bool) -> tuple[list, bytes, bytes, bytes]:
    """Micro-steps of two iterations, then a fast-forward of 40; every number as bits."""
    context = fast_path.public_api_only() if public else _unchanged()
    with context:
        stepper = Stepper(config)
        seen = []
        while stepper.snapshot.completed < 2:
            snap = stepper.step_phase()
            seen.append((dict(snap.params), dict(snap.grads), snap.loss, _states(snap)))
        stepper.run(40)
        trajectory = stepper.trajectory
        return (
            seen,
            stepper.model.values().tobytes(),
            np.asarray(trajectory.losses).tobytes(),
            np.asarray(trajectory.grad_norms).tobytes(),
        )


class _unchanged:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None


def _states(snap) -> dict:
    return {label: dict(state) for label, state in snap.optimizer_state.items()}


@pytest.mark.parametrize("name", RUNS)
def test_both_paths_give_the_same_bits(name: str) -> None:
    config = MAZUR.replace(**RUNS[name])
    fast, public = _record(config, public=False), _record(config, public=True)
    assert fast[1:] == public[1:]
    assert repr(fast[0]) == repr(public[0])  # repr tells -0.0 from 0.0 and NaN from NaN


def test_a_test_function_too() -> None:
    config = get_preset("rosenbrock").replace(optimizer="adam", lr=0.01, lookahead_k=2)
    assert _record(config, False)[1:] == _record(config, True)[1:]


def test_the_public_path_uses_no_private_internal() -> None:
    stepper = Stepper(MAZUR)
    with fast_path.public_api_only():
        assert fast_path.backward_function(stepper.x) is torch.Tensor.backward
        step = fast_path.step_function(stepper.optimizer)
        assert step == stepper.optimizer.step
        assert fast_path.versions([stepper.x]) is None
    assert fast_path.private_torch_enabled()
    assert fast_path.backward_function(stepper.x) is not torch.Tensor.backward
