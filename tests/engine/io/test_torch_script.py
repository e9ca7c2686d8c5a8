"""The exported PyTorch script runs on its own and prints the app's losses exactly.

The script prints each loss with repr, which reads back as the same float, so every
comparison here is exact (==), not to a tolerance.
"""

from __future__ import annotations

import json
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from engine.core.errors import EngineError
from engine.io.script_parts import ACTIVATION_MODULES, FUNCTION_CODE
from engine.io.torch_script import torch_script, weights_json
from engine.models.activations import ACTIVATION_NAMES
from engine.models.config import LOSS_CHOICES, Config
from engine.models.presets import MAZUR, get_preset
from engine.models.test_functions import FUNCTIONS
from engine.training.stepper import Stepper

LINE = re.compile(r"^step (\d+) loss (\S+)$")
PARAM_LINE = re.compile(r"^param \w+ \S+$")

ADAM_FLOAT32 = Config(
    preset="custom",
    layers=(2, 3, 2),
    activations=("tanh", "sigmoid"),
    loss="mse",
    optimizer="adam",
    lr=0.05,
    seed=3,
    dtype="float32",
    train_biases=True,
    inputs=((0.5, -1.0), (0.1, 0.2)),
    targets=((1.0, 0.0), (0.0, 1.0)),
)


def app_losses(config: Config, steps: int) -> list[float]:
    stepper = Stepper(config)
    stepper.run(steps)
    return stepper.trajectory.losses.tolist()


def parse(output: str, steps: int) -> list[float]:
    """The losses; the lines after them name every parameter
    (tests/engine/io/test_torch_script_runs.py compares those with the app's)."""
    lines = output.splitlines()
    finals = [line for line in lines if PARAM_LINE.match(line)]
    matches = [LINE.match(line) for line in lines[: len(lines) - len(finals)]]
    assert all(matches) and finals == lines[len(matches) :], output
    assert [int(m.group(1)) for m in matches] == list(range(steps))
    return [float(m.group(2)) for m in matches]


def run_script(folder: Path, config: Config, steps: int) -> list[float]:
    """Run the script as a learner would: its own process, away from this repository."""
    script = folder / "exported.py"
    script.write_text(torch_script(config, steps), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, str(script)], cwd=folder, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return parse(result.stdout, steps)


def run_in_process(folder: Path, config: Config, steps: int, capsys) -> list[float]:
    script = folder / "exported.py"
    script.write_text(torch_script(config, steps), encoding="utf-8")
    capsys.readouterr()
    runpy.run_path(str(script), run_name="__main__")
    return parse(capsys.readouterr().out, steps)


# -- the exported script reproduces the app, in a process of its own -----------------------------
def test_mazur_sgd(tmp_path):
    losses = run_script(tmp_path, MAZUR, 5)
    assert losses == app_losses(MAZUR, 5)
    assert losses[0] == 0.2983711087600027  # Mazur's E_total = 0.298371109


def test_adam_float32_with_trained_biases(tmp_path):
    assert run_script(tmp_path, ADAM_FLOAT32, 20) == app_losses(ADAM_FLOAT32, 20)


def test_lookahead(tmp_path):
    config = MAZUR.replace(momentum=0.9, lr=0.3, lookahead_k=3, lookahead_alpha=0.5)
    assert run_script(tmp_path, config, 10) == app_losses(config, 10)


def test_skip_zero_grad(tmp_path):
    config = MAZUR.replace(skip_zero_grad=True)
    assert run_script(tmp_path, config, 6) == app_losses(config, 6)


def test_rosenbrock(tmp_path):
    config = get_preset("rosenbrock")
    assert run_script(tmp_path, config, 25) == app_losses(config, 25)


def test_lookahead_on_a_test_function(tmp_path):
    """The Lookahead class used to be written only into network scripts (a NameError here)."""
    config = get_preset("himmelblau").replace(optimizer="adam", lr=0.05, lookahead_k=3)
    assert run_script(tmp_path, config, 8) == app_losses(config, 8)


# -- every activation, loss, optimizer and test function (in this process, for speed) ------------
@pytest.mark.parametrize("activation", ["leaky_relu:0.2", "elu:0.5", *ACTIVATION_NAMES[:-2]])
def test_every_hidden_activation(tmp_path, capsys, activation):
    config = ADAM_FLOAT32.replace(activations=(activation, "sigmoid"), dtype="float64")
    assert run_in_process(tmp_path, config, 6, capsys) == app_losses(config, 6)


@pytest.mark.parametrize(
    ("output", "loss"),
    [("softmax", "cross_entropy"), ("identity", "cross_entropy"), ("log_softmax", "nll")]
    + [("sigmoid", name) for name in LOSS_CHOICES],
)
def test_every_loss(tmp_path, capsys, output, loss):
    config = ADAM_FLOAT32.replace(activations=("relu", output), loss=loss)
    assert run_in_process(tmp_path, config, 6, capsys) == app_losses(config, 6)


@pytest.mark.parametrize(
    "changes",
    [
        {"optimizer": "sgd", "momentum": 0.9, "nesterov": True, "weight_decay": 0.01},
        {"optimizer": "adagrad", "eps": 1e-6, "weight_decay": 0.1},
        {"optimizer": "rmsprop", "momentum": 0.5},
        {"optimizer": "adam", "betas": (0.8, 0.99), "eps": 1e-7},
        {"optimizer": "adamw"},  # AdamW's own default weight decay is 0.01, the app's 0
        {"optimizer": "adamw", "weight_decay": 0.1, "lookahead_k": 2, "lookahead_alpha": 0.8},
    ],
    ids=["nesterov", "adagrad", "rmsprop", "adam-betas", "adamw", "adamw-lookahead"],
)
def test_every_optimizer(tmp_path, capsys, changes):
    config = ADAM_FLOAT32.replace(lr=0.1, **changes)
    assert run_in_process(tmp_path, config, 8, capsys) == app_losses(config, 8)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_test_function(tmp_path, capsys, name):
    config = get_preset(name)
    assert run_in_process(tmp_path, config, 10, capsys) == app_losses(config, 10)


def test_a_test_function_with_adam_in_float32(tmp_path, capsys):
    config = get_preset("beale").replace(optimizer="adam", lr=0.05, dtype="float32")
    assert run_in_process(tmp_path, config, 10, capsys) == app_losses(config, 10)


def test_seeded_weights_with_several_hidden_layers(tmp_path, capsys):
    config = get_preset("xor").replace(layers=(2, 4, 3, 1), activations=("tanh", "relu", "sigmoid"))
    assert run_in_process(tmp_path, config, 10, capsys) == app_losses(config, 10)


def test_tables_cover_every_activation_and_function():
    assert set(ACTIVATION_MODULES) == set(ACTIVATION_NAMES)
    assert set(FUNCTION_CODE) == set(FUNCTIONS)


# -- what the learner reads ----------------------------------------------------------------------
def test_the_script_reads_as_plain_pytorch():
    script = torch_script(MAZUR, 5)
    for line in [
        "import torch",
        "model = nn.Sequential(",
        "nn.Linear(2, 2, dtype=dtype),",
        "nn.Sigmoid(),",
        "[0.15, 0.2],  # into h1: w1, w2 (from i1, i2)",
        "linear.bias.requires_grad_(False)",
        "optimizer = torch.optim.SGD(params, lr=0.5)",
        "optimizer.zero_grad()",
        "out = model(x)",
        "loss = 0.5 * ((target - out) ** 2).sum()",
        "loss.backward()",
        "optimizer.step()",
    ]:
        assert line in script
    assert "engine" not in script
    compile(script, "exported.py", "exec")


def test_skipped_zero_grad_is_a_comment():
    script = torch_script(MAZUR.replace(skip_zero_grad=True), 3)
    calls = [line.strip() for line in script.splitlines() if "optimizer.zero_grad()" in line]
    assert calls and all(line.startswith("#") for line in calls)


def test_the_published_variant_is_named_and_correct_backprop_is_used(tmp_path):
    variant = MAZUR.replace(published_variant=True)
    script = torch_script(variant, 2)
    assert "published-variant switch" in script and "correct backprop" in script
    assert run_script(tmp_path, variant, 2) == app_losses(MAZUR, 2)
    assert app_losses(MAZUR, 2) != app_losses(variant, 2)


def test_float32_literals_stay_readable():
    script = torch_script(MAZUR.replace(dtype="float32"), 1)
    assert "dtype = torch.float32" in script and "[0.15, 0.2]" in script


def test_a_gpu_run_says_the_script_runs_on_the_cpu():
    assert "runs on the CPU" in torch_script(MAZUR.replace(device="auto"), 1)
    assert "runs on the CPU" not in torch_script(MAZUR, 1)


@pytest.mark.parametrize("steps", [-1, 1.5, True, "3"])
def test_bad_step_counts(steps):
    with pytest.raises(EngineError, match="number of steps"):
        torch_script(MAZUR, steps)


def test_zero_steps_prints_nothing(tmp_path):
    assert run_script(tmp_path, MAZUR, 0) == []


# -- weights as JSON -----------------------------------------------------------------------------
def test_weights_json_holds_the_current_weights_exactly():
    stepper = Stepper(MAZUR)
    stepper.run(3)
    weights = json.loads(weights_json(stepper))
    assert weights == stepper.params()
    assert list(weights)[:4] == ["w1", "w2", "w3", "w4"]


def test_weights_json_of_a_test_function():
    stepper = Stepper(get_preset("himmelblau"))
    stepper.run(2)
    assert json.loads(weights_json(stepper)) == stepper.params()


# -- hostile names -------------------------------------------------------------------------------
HOSTILE_PRESET = 'x"""; __import__("pathlib").Path("MARKER").write_text("ran"); """'


def test_a_hostile_preset_name_is_refused_and_runs_nothing(tmp_path):
    config = MAZUR.replace(preset=HOSTILE_PRESET)
    try:
        script = torch_script(config, 2)
    except EngineError as error:
        assert "unknown preset" in str(error) and len(str(error).splitlines()) == 1
        return
    (tmp_path / "exported.py").write_text(script, encoding="utf-8")
    subprocess.run([sys.executable, "exported.py"], cwd=tmp_path, capture_output=True)
    assert not (tmp_path / "MARKER").exists()
    pytest.fail("a preset name outside the known ones was written into the script")


@pytest.mark.parametrize("spec", ["SIGMOID", " leaky_relu: 0.25\n", "leaky_relu:1_0"])
def test_activation_specs_are_written_by_their_canonical_names(spec):
    config = MAZUR.replace(activations=(spec, "sigmoid"))
    script = torch_script(config, 1)
    assert spec not in script
    compile(script, "exported.py", "exec")
