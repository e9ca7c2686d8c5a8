"""Digits-shaped networks (64 inputs, log_softmax + NLL) on one random sample in [0, 1] with a
one-hot target, and Snapshots of them at chosen micro-steps."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engine.core.snapshot import Snapshot
from engine.models.config import Config
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper


def digits_shaped(layers: tuple[int, ...], seed: int = 0) -> Config:
    rng = np.random.default_rng(seed)
    inputs = (tuple(float(v) for v in rng.random(layers[0])),)
    target = (tuple(1.0 if k == 2 else 0.0 for k in range(layers[-1])),)
    activations = ("relu",) * (len(layers) - 2) + ("log_softmax",)
    return MAZUR.replace(
        preset="custom",
        layers=layers,
        activations=activations,
        loss="nll",
        train_biases=True,
        inputs=inputs,
        targets=target,
        initial_params=(),
        seed=seed,
    )


def step_until(stepper: Stepper, done: Callable[[Snapshot], bool]) -> Snapshot:
    snapshot = stepper.snapshot
    while not done(snapshot):
        snapshot = stepper.step_phase()
    return snapshot


def mid_backward(snapshot: Snapshot) -> bool:
    """Half of the gradients revealed (the first micro-step where they are)."""
    revealed = sum(g is not None for g in snapshot.grads.values())
    return snapshot.phase == "backward" and revealed >= len(snapshot.grads) // 2


def fully_stepped(snapshot: Snapshot) -> bool:
    """The step phase with every parameter's update revealed."""
    stepped = snapshot.stepped_params
    return snapshot.phase == "step" and bool(stepped) and dict(snapshot.params) == dict(stepped)
