"""The engine under faults: CUDA absent, divergence at any learning rate, settings that would
exhaust memory or overflow float32. Each is refused or stopped with one line; state is kept."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from engine.core import device
from engine.core.errors import EngineError
from engine.models.config import MAX_PARAMETERS, Config
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper

DIVERGING_RATES = [20.0, 100.0, 1e5, 1e100, 1e300]


def linear(lr: float) -> Config:
    """Mazur's net without squashing: a large enough step makes the loss blow up."""
    return MAZUR.replace(activations=("identity", "identity"), lr=lr)


@pytest.fixture
def no_cuda(monkeypatch):
    """A CUDA build of PyTorch on a machine without a GPU or driver."""
    monkeypatch.setattr(torch.version, "cuda", "12.4")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)


def test_cuda_absent_is_refused_with_the_reason(no_cuda):
    with pytest.raises(device.DeviceError) as error:
        device.resolve_device("cuda")
    message = str(error.value)
    assert "no CUDA GPU or driver was found" in message and "\n" not in message
    assert device.resolve_device("auto").type == "cpu"


def test_a_cuda_config_without_cuda_builds_nothing(no_cuda):
    with pytest.raises(EngineError, match="cuda was requested"):
        Stepper(MAZUR.replace(device="cuda"))


@pytest.mark.parametrize("lr", DIVERGING_RATES)
def test_a_run_stops_at_the_last_finite_state(lr):
    stepper = Stepper(linear(lr))
    result = stepper.run(500)
    assert result.diverged_at is not None and result.completed == result.diverged_at - 1
    assert np.isfinite(stepper.model.values()).all()
    assert np.isfinite(stepper.trajectory.losses).all()
    assert not stepper.diverged  # it can step on, be saved, or go back
    if result.completed:
        before = stepper.snapshot
        assert stepper.can_go_back and stepper.back() != before
    else:  # diverged in the very first iteration: still at the start
        assert stepper.tick == 0 and stepper.params() == Stepper(linear(lr)).params()


@pytest.mark.parametrize("lr", DIVERGING_RATES)
def test_micro_stepping_pauses_at_the_non_finite_loss_and_back_works(lr):
    stepper = Stepper(linear(lr))
    for _ in range(40 * stepper.micro_steps_per_iteration):
        if (snapshot := stepper.step_phase()).diverged:
            break
    assert snapshot.diverged and not math.isfinite(snapshot.loss)
    with pytest.raises(EngineError, match="diverged"):
        stepper.step_phase()
    assert stepper.snapshot is snapshot  # the refusal changed nothing
    back = stepper.back()
    assert not back.diverged and np.isfinite(list(back.params.values())).all()
    stepper.step_phase()  # and stepping on is possible again (it diverges again)


def test_a_network_too_big_to_store_is_refused_before_it_is_built():
    """Found by this sweep: 2,1024,1024,2 took 6 s and 1 GB to build, then 50 MB an iteration."""
    with pytest.raises(EngineError, match=f"at most {MAX_PARAMETERS:,} weights and biases"):
        MAZUR.replace(layers=(2, 1024, 1024, 2), activations=("sigmoid",) * 3)
    deep = (2,) + (32,) * 4 + (2,)  # 3,330 parameters: within the limit, accepted
    assert MAZUR.replace(layers=deep, activations=("tanh",) * 5).layers == deep


@pytest.mark.parametrize("field", ["lr", "weight_decay"])
def test_float32_refuses_rates_it_cannot_hold(field):
    """Found by this sweep: lr 1e300 in float32 raised RuntimeError inside optimizer.step()."""
    with pytest.raises(EngineError, match="with float32"):
        MAZUR.replace(dtype="float32", **{field: 1e300})
    stepper = Stepper(MAZUR.replace(dtype="float32", **{field: 1e38}))
    result = stepper.run(3)  # the largest allowed value runs (and may diverge), never raises
    assert result.completed + (result.diverged_at is not None) >= 1
