"""File → Export as PyTorch script on a run with the loop around the model: the script is the
DataLoader loop with its schedule, clipping and evaluation, and prints the window's numbers."""

from __future__ import annotations

import subprocess
import sys

from engine.models.config import Config
from engine.training.stepper import Stepper

LOOP = Config(
    preset="custom",
    layers=(2, 3, 2),
    activations=("tanh", "identity"),
    loss="cross_entropy",
    lr=0.3,
    seed=6,
    dataset="circles",
    inputs=(),
    targets=(),
    batch_size=40,
    val_share=0.2,
    clip_value=0.05,
    scheduler="ExponentialLR:gamma=0.9",
    scheduler_step="epoch",
    train_biases=True,
)


def test_the_loop_script_prints_the_windows_numbers(window, tmp_path, warnings_shown):
    controller = window.controller
    assert controller.adopt(Stepper(LOOP), "adopted")
    controller.run_blocking(12)  # one epoch of 8 batches and four of the next
    script = tmp_path / "loop.py"
    assert window.session_menu.export_script(script)
    text = script.read_text(encoding="utf-8")
    assert "loader = DataLoader(" in text and "    scheduler.step()" in text
    out = subprocess.run(
        [sys.executable, "-I", str(script)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.splitlines()
    stepper = controller.stepper
    losses = [float(line.split()[3]) for line in out if line.startswith("step ")]
    assert losses == stepper.trajectory.losses.tolist()
    (evaluation,) = stepper.trajectory.evaluations
    epoch_line = next(line for line in out if line.startswith("epoch "))
    assert epoch_line.split()[5] == repr(evaluation.val_loss)
    params = {w[1]: float(w[2]) for w in (line.split() for line in out) if w[0] == "param"}
    assert params == stepper.params() and warnings_shown == []
