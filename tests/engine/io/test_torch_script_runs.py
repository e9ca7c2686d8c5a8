"""The exported script replays the app's run exactly, hand edits included, in its own process.

Each case drives the app's Stepper (runs and hand edits), exports the script of that run, runs
it with this interpreter in a fresh process and compares every printed loss and every final
parameter with the Stepper's, bit for bit (the script prints floats with repr).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from engine.io.torch_script import script_of_run
from engine.models.config import Config
from engine.models.presets import MAZUR, get_preset
from engine.training.edit_log import HandEdit, hand_edits
from engine.training.stepper import Stepper

STEP = re.compile(r"^step (\d+) loss (\S+)$")
PARAM = re.compile(r"^param (\w+) (\S+)$")

NETWORK = Config(
    preset="custom",
    layers=(2, 3, 2),
    activations=("tanh", "sigmoid"),
    loss="mse",
    optimizer="adam",
    lr=0.05,
    seed=3,
    train_biases=True,
    inputs=((0.5, -1.0), (0.1, 0.2)),
    targets=((1.0, 0.0), (0.0, 1.0)),
)

# Runs and edits: ("run", n) or (label, value); edits fall between iterations, as in the app.
MAZUR_EDITS = [("run", 2), ("w1", 0.9), ("run", 2), ("b_o1", -0.25), ("w1", 0.3), ("run", 1)]
CASES = {
    "sgd": (MAZUR, MAZUR_EDITS),
    "sgd-edit-first-and-last": (MAZUR, [("w5", 2.0), ("run", 3), ("w8", -1.5)]),
    "momentum": (MAZUR.replace(momentum=0.9), MAZUR_EDITS),
    "nesterov-weight-decay": (
        MAZUR.replace(momentum=0.8, nesterov=True, weight_decay=0.01),
        MAZUR_EDITS,
    ),
    "adagrad": (NETWORK.replace(optimizer="adagrad", lr=0.1, eps=1e-6), MAZUR_EDITS),
    "rmsprop": (NETWORK.replace(optimizer="rmsprop", lr=0.01, momentum=0.5), MAZUR_EDITS),
    "adam-float32": (NETWORK.replace(dtype="float32"), MAZUR_EDITS),
    "adamw-weight-decay": (NETWORK.replace(optimizer="adamw", weight_decay=0.1), MAZUR_EDITS),
    "lookahead-network": (
        MAZUR.replace(momentum=0.9, lr=0.3, lookahead_k=2, lookahead_alpha=0.5),
        [("w2", 0.7), *MAZUR_EDITS],
    ),
    "lookahead-function": (
        get_preset("rosenbrock").replace(optimizer="adam", lr=0.01, lookahead_k=2),
        [("run", 3), ("x", 0.5), ("run", 2)],
    ),
    "function-float32": (
        get_preset("beale").replace(optimizer="adam", lr=0.05, dtype="float32"),
        [("y", 0.1), ("run", 3), ("x", 1.25), ("run", 2)],
    ),
    "one-dimensional-function": (get_preset("parabola"), [("run", 2), ("x", -3.0), ("run", 2)]),
    "skip-zero-grad": (MAZUR.replace(skip_zero_grad=True), MAZUR_EDITS),
    # Inputs and targets set by hand: the script sets them in x and target where they were set.
    "data-edits": (
        NETWORK,
        [("run", 2), ("i1@2", 0.7), ("target_o2", 0.25), ("run", 2), ("w1", 0.4), ("i2", -2.0)],
    ),
    "mazur-target-edit": (MAZUR, [("run", 1), ("target_o1", 0.5), ("run", 2)]),
    # Live optimizer changes: ("settings", {...}) sets them between iterations, as the app does.
    "sgd-lr-change": (MAZUR, [("run", 2), ("settings", {"lr": 0.9}), ("run", 3)]),
    # A data edit and a live change at the same boundary, then a weight edit: all three replayed.
    "data-edit-and-lr-change": (
        MAZUR,
        [("run", 1), ("target_o1", 0.5), ("settings", {"lr": 0.9}), ("w5", 0.3), ("run", 2)],
    ),
    "momentum-on-mid-run": (
        MAZUR,
        [("run", 1), ("settings", {"momentum": 0.9, "nesterov": True}), ("w1", 0.4), ("run", 3)],
    ),
    "adam-settings-and-last": (
        NETWORK,
        [
            ("settings", {"betas": (0.8, 0.99), "eps": 1e-6}),
            ("run", 2),
            ("settings", {"lr": 0.2, "weight_decay": 0.01}),
            ("run", 2),
            ("settings", {"lr": 0.001}),
        ],
    ),
    "lookahead-lr-change": (
        MAZUR.replace(momentum=0.9, lr=0.3, lookahead_k=2),
        [("run", 3), ("settings", {"lr": 0.05}), ("run", 3)],
    ),
}


def drive(config: Config, actions: list[tuple[str, Any]]) -> Stepper:
    stepper = Stepper(config)
    for name, amount in actions:
        if name == "run":
            assert stepper.run(int(amount)).completed == amount
        elif name == "settings":
            stepper.change_settings(stepper.config.replace(**amount))
        else:
            stepper.edit_parameter(name, amount)
    return stepper


# Runs each script given in the same fresh process, one after another (torch is imported
# once: a process of its own per script took a minute and a half on two shared cores).
RUNNER = """
import runpy, sys, traceback
for path in sys.argv[1:]:
    print("=== " + path, flush=True)
    try:
        runpy.run_path(path, run_name="__main__")
    except BaseException:
        traceback.print_exc(file=sys.stdout)
"""


def run_exported(folder: Path, scripts: dict[str, str]) -> dict[str, str]:
    """Run the scripts as a learner would (python, away from this repository); their outputs."""
    paths = []
    for name, script in scripts.items():
        path = folder / f"{name}.py"
        path.write_text(script, encoding="utf-8")
        paths.append(str(path))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, *paths], cwd=folder, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    sections = result.stdout.split("=== ")[1:]
    return {Path(s.split("\n", 1)[0]).stem: s.split("\n", 1)[1] for s in sections}


def parse(output: str) -> tuple[list[float], dict[str, float]]:
    losses, params = [], {}
    for line in output.splitlines():
        if step := STEP.match(line):
            assert int(step.group(1)) == len(losses)
            losses.append(float(step.group(2)))
        else:
            param = PARAM.match(line)
            assert param, output
            params[param.group(1)] = float(param.group(2))
    return losses, params


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, str]:
    scripts = {case: script_of_run(drive(*CASES[case])) for case in CASES}
    scripts["plain"] = script_of_run(drive(MAZUR, [("run", 5)]))
    return run_exported(tmp_path_factory.mktemp("scripts"), scripts)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_script_replays_the_run_with_its_edits(outputs, case):
    stepper = drive(*CASES[case])
    losses, params = parse(outputs[case])
    assert losses == stepper.trajectory.losses.tolist()
    assert params == stepper.params()  # every digit: repr reads back as the same float


def test_the_reported_edit_changes_what_the_script_prints(outputs):
    """After a hand edit the script used to replay the run as if it had not happened."""
    edited = drive(MAZUR, MAZUR_EDITS)
    losses, params = parse(outputs["sgd"])
    plain_losses, plain_params = parse(outputs["plain"])
    assert losses[:2] == plain_losses[:2] and losses[2:] != plain_losses[2:]
    assert params["w1"] == edited.params()["w1"] != plain_params["w1"]


def test_the_edit_log_holds_the_edits_in_order_with_their_iterations():
    stepper = drive(MAZUR, MAZUR_EDITS)
    assert hand_edits(stepper) == (
        HandEdit(2, "w1", 0.9),
        HandEdit(4, "b_o1", -0.25),
        HandEdit(4, "w1", 0.3),
    )


def test_an_undone_edit_is_not_in_the_log():
    stepper = drive(MAZUR, [("run", 2), ("w1", 0.9)])
    stepper.back()
    assert hand_edits(stepper) == ()
    stepper.run(1)
    assert hand_edits(stepper) == ()


def test_a_float32_edit_is_logged_as_the_model_holds_it():
    stepper = drive(MAZUR.replace(dtype="float32"), [("w1", 0.1)])
    (edit,) = hand_edits(stepper)
    assert edit.value == stepper.params()["w1"] != 0.1
