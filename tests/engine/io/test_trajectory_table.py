"""The trajectory CSV: every digit kept, and written by the safe-write routine."""

from __future__ import annotations

import csv
import errno
import stat

import pytest
import torch

import engine.io.trajectory_table as trajectory_table_module
from engine.io.safe_write import WriteError
from engine.io.trajectory_table import write_trajectory_csv
from engine.models.presets import MAZUR
from engine.training.stepper import Stepper


@pytest.fixture
def stepper() -> Stepper:
    run = Stepper(MAZUR)
    run.run(4)
    return run


def test_the_csv_holds_every_digit(stepper, tmp_path):
    target = write_trajectory_csv(stepper, tmp_path / "trajectory.csv")
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [float(r["loss"]) for r in rows] == stepper.trajectory.losses.tolist()


def test_iterations_are_numbered_as_the_loss_curve_numbers_them(stepper, tmp_path):
    """Iteration 1 is the first forward pass (loss 0.298371109 on Mazur's numbers), started
    from the starting weights."""
    target = write_trajectory_csv(stepper, tmp_path / "trajectory.csv")
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [float(r["iteration"]) for r in rows] == [1.0, 2.0, 3.0, 4.0]
    first = rows[0]
    assert float(first["w5"]) == 0.4 and round(float(first["loss"]), 9) == 0.298371109


def test_a_full_disk_keeps_the_previous_csv(stepper, tmp_path, monkeypatch):
    real_writer = csv.writer

    class FillsUp:
        """Half the rows reach the disk, then it is full."""

        def __init__(self, handle) -> None:
            self.inner = real_writer(handle)

        def writerow(self, row) -> None:
            self.inner.writerow(row)

        def writerows(self, rows) -> None:
            rows = list(rows)
            self.inner.writerows(rows[: len(rows) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(trajectory_table_module.csv, "writer", FillsUp)
    target = tmp_path / "trajectory.csv"
    target.write_text("previous\n")
    target.chmod(0o640)
    with pytest.raises(WriteError) as error:
        write_trajectory_csv(stepper, target)
    assert str(error.value) == f"cannot write {target}: no space left on device"
    assert [p.name for p in tmp_path.iterdir()] == ["trajectory.csv"]
    assert target.read_text() == "previous\n" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_loop_run_adds_its_lrs_and_each_epochs_evaluation(tmp_path):
    """Checked against a learner's loop written in plain torch."""
    from learner_loops import engine_start, learner_loop

    from engine.models.config import Config

    config = Config(
        preset="custom",
        layers=(2, 3, 2),
        activations=("tanh", "identity"),
        loss="cross_entropy",
        lr=0.3,
        seed=7,
        dataset="moons",
        inputs=(),
        targets=(),
        batch_size=64,
        val_share=0.25,
        scheduler="StepLR:step_size=3,gamma=0.5",
        train_biases=True,
    )
    run = Stepper(config)
    start = engine_start(run)
    per_epoch = run.timeline.per_epoch
    run.run(2 * per_epoch + 1)
    target = write_trajectory_csv(run, tmp_path / "loop.csv")
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    scheduler = lambda opt: torch.optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.5)  # noqa: E731
    learner = learner_loop(config, start, 2 * per_epoch + 1, scheduler=scheduler)
    assert [float(r["lr"]) for r in rows] == learner.lrs
    assert [float(r["loss"]) for r in rows] == learner.losses
    ends = [r for r in rows if r["val_loss"]]
    assert [float(r["iteration"]) for r in ends] == [per_epoch, 2.0 * per_epoch]
    found = [(float(r["train_loss"]), float(r["val_loss"]), float(r["val_accuracy"])) for r in ends]
    assert found == learner.evaluations
    assert list(rows[0])[:7] == [
        "iteration",
        "loss",
        "grad_norm",
        "lr",
        "train_loss",
        "val_loss",
        "val_accuracy",
    ]


def test_a_plain_run_keeps_its_columns(stepper, tmp_path):
    target = write_trajectory_csv(stepper, tmp_path / "trajectory.csv")
    header = target.read_text(encoding="utf-8").splitlines()[0]
    labels = ",".join(info.label for info in stepper.model.params)
    assert header == "iteration,loss,grad_norm," + labels
