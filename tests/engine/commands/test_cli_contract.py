"""The command-line contract for values that start with '-', huge ranges and strict JSON."""

from __future__ import annotations

import json

import pytest

from engine.commands.cli import main as cli_main


def run_cli(capsys, argv: list[str]) -> tuple[int, str, str]:
    try:
        code = cli_main(argv)
    except SystemExit as exit_info:
        code = exit_info.code
    out, err = capsys.readouterr()
    return code, out, err


def strict_json(text: str) -> object:
    """json.loads that refuses the NaN and Infinity tokens strict JSON does not have."""

    def refuse(token: str) -> None:
        raise ValueError(f"{token} is not JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize(
    "argv",
    [
        ["--preset", "rosenbrock", "--range", "-2,3,-1,1"],
        ["--preset", "mazur", "--axes", "w5,w6", "--range", "-2,3,-1,1"],
        ["--preset", "rosenbrock", "--range", "-2.5,-.5,-1e0,1"],
    ],
    ids=["function", "network", "decimals"],
)
def test_a_range_that_starts_with_a_minus_is_a_value(capsys, argv):
    code, out, err = run_cli(capsys, ["surface", *argv, "--res", "2", "--json"])
    assert (code, err) == (0, "")
    report = strict_json(out)
    assert report["x"][0] < 0 and report["y"][0] < 0


NEGATIVE_LISTS = [
    (["--betas", "-0.1,0.9"], "betas must be two numbers in [0, 1)"),
    (["--lr", "-1e-3"], "must not be negative"),
    (["--lookahead", "-5,0.5"], "k must be at least 1"),
    (["--layers", "-2,2"], "at least one neuron"),
]


@pytest.mark.parametrize(
    ("argv", "message"), NEGATIVE_LISTS, ids=[" ".join(a) for a, _ in NEGATIVE_LISTS]
)
def test_a_negative_list_reaches_its_own_check(capsys, argv, message):
    code, out, err = run_cli(capsys, ["train", *argv])
    assert code == 2 and out == "" and err.count("\n") == 1
    assert message in err and "expected one argument" not in err, err


def test_an_overflowing_loss_is_null_in_strict_json(capsys):
    argv = ["surface", "--preset", "rosenbrock", "--range=-1e200,1e200,-1e200,1e200", "--res", "2"]
    code, out, err = run_cli(capsys, [*argv, "--json"])
    assert (code, err) == (0, "")
    report = strict_json(out)
    assert report["x"] == [-1e200, 1e200]
    assert report["loss"] == [[None, None], [None, None]]


@pytest.mark.parametrize(
    "bounds", ["-1e308,1e308,-1,1", "-1,1,-1.7e308,1.7e308"], ids=["x overflows", "y overflows"]
)
def test_a_range_too_wide_to_grid_is_refused(capsys, bounds):
    code, out, err = run_cli(
        capsys, ["surface", "--preset", "rosenbrock", f"--range={bounds}", "--res", "3", "--json"]
    )
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "too wide" in err, err


def test_screenshot_with_a_command_is_refused(capsys):
    code, out, err = run_cli(capsys, ["--screenshot", "x.png", "train", "--steps", "1"])
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "--screenshot" in err and "train" in err, err
