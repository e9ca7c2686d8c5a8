"""The run so far as a table: one row per iteration, for CSV export and notebooks."""

from __future__ import annotations

from engine.stepper import Stepper


def trajectory_table(stepper: Stepper) -> tuple[list[str], list[list[float]]]:
    """Header and rows: iteration, its loss, its gradient norm, the parameters it started from."""
    labels = [info.label for info in stepper.model.params]
    trajectory = stepper.trajectory
    header = ["iteration", "loss", "grad_norm", *labels]
    rows = [
        [float(i), float(trajectory.losses[i]), float(trajectory.grad_norms[i])]
        + trajectory.params[i].tolist()
        for i in range(trajectory.length)
    ]
    return header, rows
