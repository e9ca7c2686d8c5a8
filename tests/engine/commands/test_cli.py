"""`main.py train`: the JSON contract, option overrides and one-line errors with exit code 2."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine.commands.cli import main

ROOT = Path(__file__).resolve().parents[3]


def train_json(capsys, *args: str) -> dict:
    assert main(["train", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_train_json_has_the_contract_fields(capsys):
    report = train_json(capsys, "--preset", "mazur", "--steps", "3")
    for key in (
        "preset",
        "device",
        "dtype",
        "steps",
        "losses",
        "final_loss",
        "params",
        "grads",
        "outputs",
    ):
        assert key in report
    assert report["device"] == "cpu" and report["dtype"] == "float64" and len(report["losses"]) == 3
    assert report["losses"][0] == pytest.approx(0.298371109, abs=1e-9)
    assert report["losses"][1] == pytest.approx(0.2910277737, abs=1e-10)
    assert set(report["outputs"]) == {"o1", "o2"}
    assert report["grads"]["b_o1"] is None and report["grads"]["w5"] is not None


def test_one_step_gives_the_published_update(capsys):
    report = train_json(capsys, "--steps", "1")
    assert report["params"]["w5"] == pytest.approx(0.35891648, abs=1e-9)
    assert report["grads"]["w5"] == pytest.approx(0.082167041, abs=1e-9)


def test_options_override_the_preset(capsys):
    report = train_json(
        capsys, "--steps", "2", "--optimizer", "adam", "--lr", "0.01", "--betas", "0.8,0.9",
        "--layers", "2,3,2", "--activation", "tanh", "--output-activation", "sigmoid",
        "--train-biases", "--dtype", "float32", "--seed", "7", "--lookahead", "5,0.5",
    )  # fmt: skip
    config = report["config"]
    assert config["optimizer"] == "adam" and config["betas"] == [0.8, 0.9]
    assert config["layers"] == [2, 3, 2] and config["activations"] == ["tanh", "sigmoid"]
    assert config["lookahead_k"] == 5 and report["dtype"] == "float32"
    assert "w12" in report["params"] and "b_h3" in report["params"]


def test_every_listed_option_is_accepted(capsys):
    report = train_json(
        capsys, "--steps", "1", "--optimizer", "sgd", "--momentum", "0.9", "--nesterov",
        "--weight-decay", "0.001", "--loss", "mse", "--device", "auto", "--skip-zero-grad",
    )  # fmt: skip
    assert report["config"]["nesterov"] and report["config"]["skip_zero_grad"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lr", "-0.1"], "must not be negative"),
        (["--lr", "nan"], "not a finite number"),
        (["--lr", "abc"], "not a number"),
        (["--activation", "sigmoidd"], "sigmoidd"),
        (["--optimizer", "adamax"], "invalid choice"),
        (["--layers", "2,0,2"], "at least one neuron"),
        (["--layers", "2,x,2"], "not a whole number"),
        (["--steps", "-3"], "must not be negative"),
        (["--betas", "0.9"], "two numbers"),
        (["--momentum", "1.5"], "momentum"),
        (["--nesterov"], "Nesterov"),
        (["--activation", "softmax"], "output layer"),
    ],
)
def test_bad_values_give_one_line_and_exit_2(capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        main(["train", *args])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_new_input_and_output_sizes_train_on_data_of_their_shape(capsys):
    """--layers 4,16,16,3 used to be refused: the data had 2 inputs and 2 targets."""
    report = train_json(capsys, "--layers", "4,16,16,3", "--steps", "2")
    config = report["config"]
    assert [len(row) for row in config["inputs"]] == [4]
    assert [len(row) for row in config["targets"]] == [3]
    assert config["inputs"][0][:2] == [0.05, 0.1] and len(report["outputs"]) == 3
    assert report["losses"][1] < report["losses"][0]


def test_cuda_absent_is_a_clear_error(capsys):
    import torch

    if torch.cuda.is_available():
        pytest.skip("a CUDA device is present: the error path cannot happen here")
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "--device", "cuda"])
    assert exit_info.value.code == 2
    assert "cuda was requested but" in capsys.readouterr().err


def test_divergence_exits_non_zero_with_the_last_finite_state():
    result = subprocess.run(
        [sys.executable, "main.py", "train", "--preset", "xor", "--lr", "1e200",
         "--output-activation", "identity", "--steps", "50", "--json"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 3
    report = json.loads(result.stdout)
    assert report["diverged_at"] is not None and "diverged at iteration" in result.stderr
    assert all(abs(v) < float("inf") for v in report["params"].values())
    assert report["final_loss"] is not None and len(report["losses"]) == report["completed"]


def test_main_py_runs_headless_without_qt():
    code = (
        "import sys, main; main.main(['train','--steps','1','--json']); "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().endswith("[]")
