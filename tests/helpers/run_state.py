"""A run's exact state as bytes, and Mazur's forward pass in plain PyTorch, for edit tests."""

from __future__ import annotations

import numpy as np
import torch

from engine.training.stepper import Stepper


def mazur_loss(params: dict[str, float], inputs, targets) -> float:
    """Mazur's 2-2-2 forward pass and E = Σ ½(target − out)², by hand in plain PyTorch."""
    p = {k: torch.tensor(v, dtype=torch.float64) for k, v in params.items()}
    x = torch.tensor(inputs, dtype=torch.float64)
    t = torch.tensor(targets, dtype=torch.float64)
    w1 = torch.stack([torch.stack([p["w1"], p["w2"]]), torch.stack([p["w3"], p["w4"]])])
    w2 = torch.stack([torch.stack([p["w5"], p["w6"]]), torch.stack([p["w7"], p["w8"]])])
    h = torch.sigmoid(torch.nn.functional.linear(x, w1, torch.stack([p["b_h1"], p["b_h2"]])))
    out = torch.sigmoid(torch.nn.functional.linear(h, w2, torch.stack([p["b_o1"], p["b_o2"]])))
    return float((0.5 * (t - out) ** 2).sum())


def state(stepper: Stepper) -> tuple:
    """Everything back() must restore, as bytes: parameters, gradients, optimizer, data."""
    grads = stepper.model.grads()
    inputs, targets = stepper.data_rows()
    return (
        stepper.tick,
        stepper.model.values().tobytes(),
        None if grads is None else grads.tobytes(),
        repr(stepper.optimizer.state_dict()),
        np.array(inputs).tobytes(),
        np.array(targets).tobytes(),
        stepper.snapshot.neurons["i1"],
    )
