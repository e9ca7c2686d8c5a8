"""What the loss landscape reads of a run: copies taken at rest, never the live stepper.

A landscape lives in the window for as long as its tab shows, while the stepper trains on in
a worker; so it is handed a picture of the run at a consistent point instead of the stepper,
and is handed a new one whenever the run comes to rest.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor

from engine.core.snapshot import Snapshot
from engine.models.config import Config
from engine.models.function_model import FunctionModel
from engine.models.losses import Loss
from engine.models.mlp import MLP
from engine.training.stepper import Stepper


@dataclass(frozen=True, eq=False)
class RunPicture:
    config: Config
    model: MLP | FunctionModel  # a copy at the current parameters: nothing trains it
    path: np.ndarray  # the parameters at the start of every iteration kept, then the current
    x: Tensor
    target: Tensor
    loss_fn: Loss
    snapshot: Snapshot  # the micro-step the copies were taken at
    path_iterations: np.ndarray | None = None  # after how many iterations each row of `path`

    @classmethod
    def of(cls, stepper: Stepper) -> RunPicture:
        """Copy what a landscape needs; call it where the stepper is at rest."""
        return cls(
            stepper.config,
            copy.deepcopy(stepper.model),
            stepper.trajectory.params.copy(),
            stepper.x.detach().clone(),
            stepper.target.detach().clone(),
            stepper.loss_fn,
            stepper.snapshot,
            stepper.trajectory.param_iterations.copy(),
        )

    def current_loss(self) -> float:
        """The loss at the pictured parameters, as Stepper.current_loss computes it."""
        with torch.no_grad():
            return float(self.loss_fn.value(self.model(self.x), self.target))

    @property
    def values(self) -> np.ndarray:
        return self.model.values()

    @property
    def labels(self) -> list[str]:
        return [info.label for info in self.model.params]
