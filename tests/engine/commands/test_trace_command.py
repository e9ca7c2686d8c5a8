"""`main.py trace`: one JSON line per micro-step whose formulas evaluate to their results."""

from __future__ import annotations

import json

import pytest

from engine.commands.cli import main
from engine.core.formula import evaluate_python

RUNS = {
    "mazur": [],
    "adam-decay": ["--optimizer", "adam", "--lr", "0.05", "--weight-decay", "0.1"],
    "rmsprop-momentum": ["--optimizer", "rmsprop", "--lr", "0.01", "--momentum", "0.5"],
    "lookahead-biases": ["--lookahead", "2,0.5", "--train-biases"],
    "xor": ["--preset", "xor"],
    "rosenbrock": ["--preset", "rosenbrock", "--optimizer", "adamw", "--weight-decay", "0.1"],
    "float32": ["--dtype", "float32", "--skip-zero-grad"],
}


def trace(capsys, *args: str) -> list[dict]:
    assert main(["trace", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def train(capsys, *args: str) -> dict:
    assert main(["train", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name", RUNS)
def test_the_last_params_are_trains_and_every_formula_evaluates(capsys, name: str) -> None:
    args = [*RUNS[name], "--steps", "3"]
    records = trace(capsys, *args)
    assert records[-1]["params"] == train(capsys, *args)["params"]
    assert {r["iteration"] for r in records} == {1, 2, 3}
    float32 = "float32" in name
    for record in records:
        for formula in record["formulas"]:
            value = evaluate_python(formula["expression"])
            tolerance = dict(rel=2e-6, abs=1e-6) if float32 else dict(rel=1e-12, abs=0)
            assert value == pytest.approx(formula["result"], **tolerance), formula


def test_a_mazur_iteration_reads_in_order(capsys) -> None:
    records = trace(capsys, "--steps", "1")
    phases = [r["phase"] for r in records]
    assert phases[0] == "zero_grad" and phases[-1] == "step"
    assert phases.index("loss") < phases.index("backward") < phases.index("step")
    assert records[0]["line"] == "optimizer.zero_grad()"
    assert {r["line"] for r in records if r["phase"] == "backward"} == {"loss.backward()"}
    loss = next(r for r in records if r["phase"] == "loss")
    assert loss["formulas"][0]["label"] == "E"
    assert loss["formulas"][0]["result"] == pytest.approx(0.298371109, abs=5e-10)
    w5 = next(r for r in records if r["phase"] == "step" and r["focus"] == "w5")
    assert w5["formulas"][-1] == {
        "label": "w5",
        "expression": w5["formulas"][-1]["expression"],
        "result": w5["params"]["w5"],
    }
    assert w5["params"]["w5"] == pytest.approx(0.35891648, abs=5e-9)
    assert w5["text"].startswith("optimizer.step(): sgd updates w5.")


def test_a_diverging_trace_stays_strict_json(capsys) -> None:
    code = main(["trace", "--preset", "parabola", "--lr", "1e300", "--steps", "5"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 3
    assert lines
    for line in lines:
        assert "NaN" not in line and "Infinity" not in line
        json.loads(line)


def test_too_many_steps_is_one_line(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["trace", "--steps", "20000"])
    assert caught.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1
