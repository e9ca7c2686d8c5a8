"""The run so far as a table: one row per iteration, for CSV export and notebooks."""

from __future__ import annotations

import csv
from pathlib import Path

from engine.io.safe_write import safe_write
from engine.io.verify import verify_csv
from engine.models.loop_settings import loop_is_plain
from engine.training.stepper import Stepper
from engine.training.trajectory import Trajectory

LOOP_COLUMNS = ["lr", "train_loss", "val_loss", "val_accuracy"]


def trajectory_table(stepper: Stepper) -> tuple[list[str], list[list[float | str]]]:
    """Header and rows: iteration (numbered from 1, as the loss curve numbers it), its loss,
    its gradient norm, the parameters it started from (left empty for the iterations a long
    run's thinned record no longer holds). A run with the loop around the model adds the lr
    each step used and, on an epoch's last iteration, that epoch's evaluation (else empty)."""
    labels = [info.label for info in stepper.model.params]
    trajectory = stepper.trajectory
    loop = not loop_is_plain(stepper.initial_config)
    header = ["iteration", "loss", "grad_norm", *(LOOP_COLUMNS if loop else []), *labels]
    empty: list[float | str] = [""] * len(labels)
    rows: list[list[float | str]] = []
    for i in range(trajectory.length):
        params = trajectory.params_after(i)
        shown = empty if params is None else params.tolist()
        extra = _loop_cells(trajectory, i) if loop else []
        rows.append(
            [
                float(i + 1),
                float(trajectory.losses[i]),
                float(trajectory.grad_norms[i]),
                *extra,
                *shown,
            ]
        )
    return header, rows


def _loop_cells(trajectory: Trajectory, iteration: int) -> list[float | str]:
    evaluation = trajectory.evaluation_at(iteration)
    if evaluation is None:
        scores: list[float | str] = ["", "", ""]
    else:
        accuracy = evaluation.val_accuracy
        scores = [evaluation.train_loss, evaluation.val_loss, "" if accuracy is None else accuracy]
    return [float(trajectory.lrs[iteration]), *scores]


def write_trajectory_csv(stepper: Stepper, target: Path) -> Path:
    """The table as CSV through the safe-write routine; every digit of every float kept."""
    header, rows = trajectory_table(stepper)

    def write(staged: Path) -> None:
        with open(staged, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            # repr keeps every digit; an empty cell (a thinned iteration) stays empty.
            writer.writerows([repr(v) if isinstance(v, float) else v for v in row] for row in rows)

    return safe_write(target, write, verify_csv)
