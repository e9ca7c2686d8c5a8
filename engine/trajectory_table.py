"""The run so far as a table: one row per iteration, for CSV export and notebooks."""

from __future__ import annotations

from engine.stepper import Stepper


def trajectory_table(stepper: Stepper) -> tuple[list[str], list[list[float | str]]]:
    """Header and rows: iteration, its loss, its gradient norm, the parameters it started from
    (left empty for the iterations a long run's thinned record no longer holds)."""
    labels = [info.label for info in stepper.model.params]
    trajectory = stepper.trajectory
    header = ["iteration", "loss", "grad_norm", *labels]
    empty: list[float | str] = [""] * len(labels)
    rows: list[list[float | str]] = []
    for i in range(trajectory.length):
        params = trajectory.params_after(i)
        shown = empty if params is None else params.tolist()
        rows.append(
            [float(i), float(trajectory.losses[i]), float(trajectory.grad_norms[i]), *shown]
        )
    return header, rows
