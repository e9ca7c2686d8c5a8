"""A copy of the run so far, for plots: what they show, never the engine's own arrays.

A long history of a wide network is thinned to every k-th row of parameters, so that a plot
never copies more than it can draw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.training.stepper import Stepper

MAX_PARAM_VALUES = 2_000_000  # beyond this, plots get every k-th row of the parameter history


@dataclass(frozen=True)
class TrajectoryData:
    """A copy of the run so far, for plots: losses[i] and grad_norms[i] belong to iteration i;
    params[r] holds the parameters after param_iterations[r] iterations."""

    losses: np.ndarray
    grad_norms: np.ndarray
    param_iterations: np.ndarray
    params: np.ndarray
    labels: tuple[str, ...]
    trained: tuple[str, ...]  # the labels the optimizer updates


def trajectory_data(stepper: Stepper) -> TrajectoryData:
    """A frozen copy of the stepper's losses, gradient norms and parameters so far."""
    t = stepper.trajectory
    model = stepper.model
    labels = tuple(info.label for info in model.params)
    trained = tuple(info.label for info in model.params if model.trainable(info))
    params = t.params
    rows = params.shape[0]
    stride = max(1, math.ceil(params.size / MAX_PARAM_VALUES))
    shown = np.unique(np.r_[np.arange(0, rows, stride), rows - 1])
    return TrajectoryData(
        t.losses.copy(),
        t.grad_norms.copy(),
        t.param_iterations[shown],
        params[shown],
        labels,
        trained,
    )
