"""The exported script of a run with the loop around the model, run as a learner would run it:
in a fresh Python with only torch and numpy, from a folder without the app. What it prints
(every step's loss and lr, every epoch's evaluation, every parameter) must be the engine's
numbers bit for bit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from engine.io.script_loop import unpacked
from engine.io.session_open import load_session
from engine.io.session_save import save_session
from engine.io.torch_script import script_of_run, torch_script
from engine.models.config import Config
from engine.models.run_samples import run_samples
from engine.training.stepper import Stepper

MOONS = Config(
    preset="mazur",
    layers=(2, 4, 2),
    activations=("sigmoid", "sigmoid"),
    loss="cross_entropy",
    lr=0.5,
    seed=0,
    dataset="moons",
    inputs=(),
    targets=(),
    batch_size=8,
    val_share=0.25,
    epochs=2,
    clip_norm=0.5,
    scheduler="StepLR:step_size=2",
)
DIGITS = Config(
    preset="custom",
    layers=(64, 10),
    activations=("log_softmax",),
    loss="nll",
    lr=0.5,
    seed=1,
    dataset="digits",
    inputs=(),
    targets=(),
    batch_size=64,
    val_share=0.2,
    epochs=2,
    train_biases=True,
)
SINE = Config(
    preset="custom",
    layers=(1, 6, 1),
    activations=("tanh", "identity"),
    loss="mse",
    optimizer="adam",
    lr=0.05,
    seed=3,
    dataset="sine",
    inputs=(),
    targets=(),
    batch_size=25,
    val_share=0.2,
    epochs=2,
    clip_value=0.1,
    scheduler="CosineAnnealingLR",
    scheduler_step="epoch",
    train_biases=True,
)

BLOBS32 = Config(
    preset="custom",
    layers=(2, 5, 2),
    activations=("relu", "identity"),
    loss="cross_entropy",
    optimizer="adam",
    lr=0.01,
    seed=0,
    dtype="float32",
    dataset="blobs",
    inputs=(),
    targets=(),
    batch_size=30,
    val_share=0.2,
    epochs=2,
    scheduler="WarmupCosine",
    train_biases=True,
)


def run_script(text: str, folder: Path) -> dict:
    """Run the script in a fresh, isolated Python from an empty folder; its printed numbers."""
    assert "engine" not in text.split('"""', 2)[2].split("dtype =")[0]  # imports: torch, numpy
    path = folder / "exported.py"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-I", str(path)], cwd=folder, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    printed: dict = {"losses": [], "lrs": [], "epochs": [], "params": {}}
    for line in done.stdout.splitlines():
        words = line.split()
        if words[0] == "step":
            assert int(words[1]) == len(printed["losses"])
            printed["losses"].append(float(words[3]))
            printed["lrs"].append(float(words[5]))
        elif words[0] == "epoch":
            accuracy = None if words[7] == "None" else float(words[7])
            printed["epochs"].append((int(words[1]), float(words[3]), float(words[5]), accuracy))
        else:
            printed["params"][words[1]] = float(words[2])
    return printed


def assert_script_matches(stepper: Stepper, printed: dict) -> None:
    trajectory = stepper.trajectory
    assert printed["losses"] == trajectory.losses.tolist()
    assert printed["lrs"] == trajectory.lrs.tolist()
    evaluations = trajectory.evaluations
    assert printed["epochs"] == [
        (e.epoch, e.train_loss, e.val_loss, e.val_accuracy) for e in evaluations
    ]
    assert printed["params"] == stepper.params()


@pytest.mark.parametrize(
    "config", [MOONS, DIGITS, SINE, BLOBS32], ids=["moons", "digits", "sine", "float32-warmup"]
)
def test_two_epochs_print_the_engines_numbers(config, tmp_path):
    stepper = Stepper(config)
    stepper.run(stepper.timeline.per_epoch * 2)
    printed = run_script(script_of_run(stepper), tmp_path)
    assert_script_matches(stepper, printed)
    assert len(printed["epochs"]) == 2 and len(printed["losses"]) == stepper.iteration


def test_the_script_shows_the_loop_a_learner_writes():
    text = torch_script(MOONS, 10)
    for line in (
        "train_set = TensorDataset(train_x, train_y)",
        "    train_set, batch_size=8, shuffle=True, generator=torch.Generator().manual_seed(seed)",
        "scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2)",
        "        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.5)",
        "    model.train()",
        "    model.eval()",
        "    with torch.no_grad():",
        "        val_loss, val_acc = evaluate(model, val_x, val_y, val_labels)",
    ):
        assert line in text.splitlines(), line
    compile(text, "exported.py", "exec")


def test_the_embedded_samples_are_the_runs_exactly():
    text = torch_script(DIGITS, 1)
    samples = run_samples(DIGITS)
    lines = text.splitlines()
    start = lines.index("TRAIN_X = unpack(")
    end = lines.index(")", start)
    packed = "".join(line.strip().strip('",') for line in lines[start + 1 : end - 1])
    x = unpacked(packed, samples.train.x.shape)
    assert x.tobytes() == samples.train.x.tobytes()
    assert len(text.encode()) < 300_000  # the digits stay a small script


def test_a_session_stopped_inside_an_epoch_with_edits_and_an_lr_change(tmp_path):
    config = MOONS.replace(scheduler="", train_biases=True, optimizer="adam", lr=0.05)
    stepper = Stepper(config)
    stepper.run(30)  # in the first epoch (38 batches)
    stepper.edit_parameter("w3", 0.25)
    stepper.change_settings(stepper.config.replace(lr=0.01))
    stepper.run(20)  # across the epoch's end, stopping inside the second
    stepper.edit_parameter("b_o1", -0.5)  # after the last step: shapes the final params only
    path = tmp_path / "run.json"
    save_session(stepper, path)
    printed = run_script(script_of_run(load_session(path)), tmp_path)
    assert_script_matches(stepper, printed)
    assert len(printed["losses"]) == 50 and len(printed["epochs"]) == 1


def test_the_configs_own_rows_with_a_schedule_and_an_input_edit(tmp_path):
    """Mazur's sample with only a schedule: the loader is its one batch, and an input set by
    hand reaches it."""
    from engine.models.presets import MAZUR

    config = MAZUR.replace(scheduler="ExponentialLR:gamma=0.8", scheduler_step="batch")
    stepper = Stepper(config)
    stepper.run(3)
    stepper.edit_parameter("i2", 0.4)
    stepper.run(4)
    printed = run_script(script_of_run(stepper), tmp_path)
    assert_script_matches(stepper, printed)
    assert printed["lrs"][0] == 0.5 and printed["lrs"][1] < 0.5  # the schedule ran


def test_lookahead_with_a_schedule(tmp_path):
    config = MOONS.replace(lookahead_k=3, lookahead_alpha=0.5, epochs=1, batch_size=50)
    stepper = Stepper(config)
    stepper.run(stepper.timeline.per_epoch)
    assert_script_matches(stepper, run_script(script_of_run(stepper), tmp_path))


def test_the_script_command_exports_every_epoch_by_default(capsys, tmp_path):
    from engine.commands.cli import main

    out = tmp_path / "digits.py"
    argv = [
        "script", "--dataset", "digits", "--layers", "64,10", "--output-activation",
        "log_softmax", "--loss", "nll", "--lr", "0.5", "--batch-size", "64", "--epochs", "2",
        "--val-share", "0.2", "--seed", "1", "--train-biases", "--out", str(out),
    ]  # fmt: skip
    assert main(argv) == 0
    stepper = Stepper(DIGITS)
    assert f"steps = {stepper.timeline.per_epoch * 2}  # the optimizer steps the app ran" in (
        out.read_text().splitlines()
    )
