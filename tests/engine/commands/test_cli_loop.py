"""The command line's loop options: every bad value is one line on stderr and exit code 2, and
`train --json` reports the epochs, learning rates and gradient norms as strict JSON, checked
against numbers computed here with plain torch."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
import torch
from cli_runs import assert_refused, run_cli

from engine.data.datasets import load_dataset, split

MOONS = ["train", "--dataset", "moons", "--layers", "2,4,2", "--loss", "cross_entropy"]


def test_an_unknown_dataset_is_refused(capsys):
    assert_refused(capsys, ["train", "--dataset", "no-such-set"], "unknown dataset 'no-such-set'")


def test_an_unknown_scheduler_is_refused(capsys):
    assert_refused(capsys, [*MOONS, "--scheduler", "Foo"], "unknown scheduler 'Foo'")


def test_a_batch_of_zero_is_refused(capsys):
    assert_refused(capsys, [*MOONS, "--batch-size", "0"], "a batch needs at least one sample")


def test_a_batch_larger_than_the_training_set_is_refused(capsys):
    train, _ = split(load_dataset("moons", 0), 0.25, 0)
    size = len(train) + 1
    argv = [*MOONS, "--val-share", "0.25", "--batch-size", str(size)]
    assert_refused(capsys, argv, f"the batch size {size} is larger than the training set")


def test_a_batch_as_large_as_the_training_set_runs(capsys):
    train, _ = split(load_dataset("moons", 0), 0.25, 0)
    argv = [*MOONS, "--val-share", "0.25", "--batch-size", str(len(train)), "--json"]
    code, out, _ = run_cli(capsys, argv)
    assert code == 0 and json.loads(out)["completed"] == 1


def test_a_csv_with_one_class_is_refused(capsys, tmp_path: Path):
    path = tmp_path / "one.csv"
    path.write_text("x,y,label\n" + "".join(f"{k},{k % 3},a\n" for k in range(6)))
    argv = ["train", "--dataset", str(path), "--loss", "cross_entropy"]
    assert_refused(capsys, argv, "need 2 to 10 different labels, found 1")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("StepLR:step_size=1.5", "step_size takes a whole number, got '1.5'"),
        ("StepLR:gamma=abc", "gamma takes a finite number"),
        ("StepLR:bogus=1", "StepLR has no keyword 'bogus'"),
    ],
    ids=["float-for-int", "text-for-float", "unknown-keyword"],
)
def test_a_scheduler_keyword_of_the_wrong_type_is_refused(capsys, spec, message):
    assert_refused(capsys, [*MOONS, "--scheduler", spec], message)


def test_a_missing_dataset_file_is_refused(capsys, tmp_path: Path):
    missing = tmp_path / "gone.csv"
    argv = ["train", "--dataset", str(missing), "--loss", "cross_entropy"]
    assert_refused(capsys, argv, "gone.csv")


def test_an_unreadable_dataset_file_is_refused(capsys, tmp_path: Path):
    folder = tmp_path / "folder.csv"  # unreadable as a file even for root
    folder.mkdir()
    argv = ["train", "--dataset", str(folder), "--loss", "cross_entropy"]
    assert_refused(capsys, argv, "folder.csv")


def test_both_clips_are_refused(capsys):
    argv = [*MOONS, "--clip-norm", "1", "--clip-value", "1"]
    assert_refused(capsys, argv, "clip by norm or by value, not both")


def tensor(values: list) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.float64)


# -- train --json --------------------------------------------------------------------------
def strict_json(text: str) -> dict:
    def refuse(token: str) -> None:
        raise ValueError(f"{token} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_train_json_reports_epochs_lrs_and_grad_norms(capsys):
    argv = [
        *MOONS, "--batch-size", "50", "--val-share", "0.25", "--epochs", "3", "--lr", "0.4",
        "--scheduler", "StepLR:step_size=4,gamma=0.5", "--clip-norm", "0.05", "--json",
    ]  # fmt: skip
    code, out, err = run_cli(capsys, argv)
    assert code == 0, err
    report = strict_json(out)
    train, val = split(load_dataset("moons", 0), 0.25, 0)
    per_epoch = math.ceil(len(train) / 50)
    steps = 3 * per_epoch
    assert report["completed"] == steps == len(report["losses"])
    # StepLR by hand: the lr halves after every 4 optimizer steps.
    assert report["lrs"] == [0.4 * 0.5 ** (k // 4) for k in range(steps)]
    assert len(report["grad_norms"]) == steps
    assert all(isinstance(n, float) and n > 0 for n in report["grad_norms"])
    assert [e["epoch"] for e in report["epochs"]] == [1, 2, 3]
    for k, epoch in enumerate(report["epochs"]):
        assert set(epoch) == {"epoch", "train_loss", "val_loss", "val_accuracy"}
        losses = report["losses"][k * per_epoch : (k + 1) * per_epoch]
        assert epoch["train_loss"] == float(np.mean(losses))
        # The accuracy is a whole number of the validation samples.
        correct = epoch["val_accuracy"] * len(val)
        assert correct == pytest.approx(round(correct), abs=1e-9)


def test_the_last_epoch_matches_a_plain_evaluation(capsys):
    """val_loss and val_accuracy of the last epoch, recomputed here from the final params."""
    argv = [*MOONS, "--batch-size", "64", "--val-share", "0.3", "--epochs", "1", "--json"]
    argv += ["--activation", "tanh", "--output-activation", "identity", "--train-biases"]
    code, out, err = run_cli(capsys, argv)
    assert code == 0, err
    report = strict_json(out)
    params = report["params"]
    _, val = split(load_dataset("moons", 0), 0.3, 0)
    w1 = tensor([[params[f"w{r * 2 + c + 1}"] for c in range(2)] for r in range(4)])
    b1 = tensor([params[f"b_h{r + 1}"] for r in range(4)])
    w2 = tensor([[params[f"w{8 + r * 4 + c + 1}"] for c in range(4)] for r in range(2)])
    b2 = tensor([params[f"b_o{r + 1}"] for r in range(2)])
    x = torch.tensor(val.x)
    out_v = torch.tanh(x @ w1.T + b1) @ w2.T + b2
    loss = float(torch.nn.functional.cross_entropy(out_v, torch.tensor(val.y)))
    accuracy = float((out_v.argmax(1) == torch.tensor(val.labels)).double().mean())
    (epoch,) = report["epochs"]
    assert epoch["val_loss"] == pytest.approx(loss, rel=1e-12)
    assert epoch["val_accuracy"] == accuracy


def test_regression_epochs_have_no_accuracy(capsys):
    argv = [
        "train", "--dataset", "sine", "--layers", "1,8,1", "--loss", "mse", "--batch-size",
        "32", "--val-share", "0.25", "--epochs", "2", "--json",
    ]  # fmt: skip
    code, out, err = run_cli(capsys, argv)
    assert code == 0, err
    epochs = strict_json(out)["epochs"]
    assert len(epochs) == 2
    assert all(e["val_accuracy"] is None for e in epochs)
    assert all(isinstance(e["val_loss"], float) for e in epochs)


def test_a_diverging_loop_run_is_strict_json(capsys):
    argv = [
        "train", "--dataset", "sine", "--layers", "1,8,1", "--activation", "tanh",
        "--output-activation", "identity", "--loss", "mse", "--batch-size", "40",
        "--val-share", "0.2", "--epochs", "2", "--lr", "1e200",
    ]  # fmt: skip
    code, out, _ = run_cli(capsys, [*argv, "--json"])
    assert code == 3
    report = strict_json(out)  # NaN and infinity are null, never bare tokens
    assert "NaN" not in out and "Infinity" not in out
    assert report["diverged_at"] is not None


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--val-share", "1"], "the validation share must be below 1"),
        (["--val-share", "nan"], "argument --val-share: 'nan' is not a finite number"),
        (["--epochs", "-1"], "argument --epochs: '-1' must not be negative"),
        (["--clip-norm", "-1"], "argument --clip-norm: '-1' must not be negative"),
        (["--clip-value", "inf"], "argument --clip-value: 'inf' is not a finite number"),
        (["--scheduler-step", "sometimes"], "invalid choice: 'sometimes'"),
        (["--layers", "3,4,2"], "the data has 2 input(s) and 2 target(s) per sample"),
        (
            ["--optimizer", "adam", "--scheduler", "OneCycleLR:total_steps=2", "--batch-size", "8"],
            "OneCycleLR plans 2 steps but the run steps it",
        ),
    ],
    ids=[
        "val-share-1", "val-share-nan", "negative-epochs", "negative-clip", "infinite-clip",
        "scheduler-step", "layers-against-data", "one-cycle-too-short",
    ],
)  # fmt: skip
def test_other_bad_loop_values_are_refused(capsys, argv, message):
    assert_refused(
        capsys, ["train", "--dataset", "moons", "--loss", "cross_entropy", *argv], message
    )
